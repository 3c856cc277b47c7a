// Large arrays are written on several threads: the file is the same bytes as one thread
// writes, for a generated project, an imported ACLED one and every array cut into uneven
// pieces; a device that fails part way through is reported (and the threads stop); the
// writer's string escaping, eight bytes at a time, escapes exactly what JSON needs escaped.

#include "format/jsonoutput.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "import/acledgenerator.h"
#include "import/importer.h"
#include "model/generator.h"
#include "model/project.h"

#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <random>
#include <string>

using namespace claimline;

namespace {

constexpr ProjectWriteOptions OneThread {.threads = 1};

// Where two texts first differ, with a little of each around it (EXPECT_EQ would print a
// hundred megabytes).
std::string firstDifference(const std::string &a, const std::string &b)
{
    std::size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at])
        ++at;
    if (at == a.size() && at == b.size())
        return {};
    const std::size_t from = at < 60 ? 0 : at - 60;
    return "sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size())
        + ", first difference at byte " + std::to_string(at) + ":\n  " + a.substr(from, 120)
        + "\n  " + b.substr(from, 120);
}

// The options that make the parallel path run, and what each exercises.
struct Parallel
{
    const char *what;
    ProjectWriteOptions options;
};
const Parallel ParallelRuns[] = {
    {"two threads, default pieces", {.threads = 2}},
    {"three threads, every array in pieces of 7",
     {.threads = 3, .parallelFrom = 1, .pieceItems = 7}},
    {"two threads, one item a piece", {.threads = 2, .parallelFrom = 2, .pieceItems = 1}},
};

void expectSameOnAnyThreads(const Project &project)
{
    const std::string serial = projectToString(project, OneThread);
    for (const Parallel &run : ParallelRuns) {
        const std::string parallel = projectToString(project, run.options);
        EXPECT_TRUE(parallel == serial) << run.what << ": " << firstDifference(serial, parallel);
    }
}

} // namespace

TEST(ProjectWriterParallel, GeneratedProjectIsTheSameBytesOnOneThreadOrMany)
{
    const Project project = generateProject(50000);
    // Events and claims past the threshold; relations and positions below it.
    ASSERT_GE(project.events().size(), ProjectWriteOptions().parallelFrom);
    ASSERT_FALSE(project.claims().empty());
    ASSERT_FALSE(project.relations().empty());
    expectSameOnAnyThreads(project);

    // The parallel text is canonical: read back and written again, the same bytes.
    const std::string written = projectToString(project, {.threads = 2});
    const LoadResult reread = readProject(written);
    ASSERT_TRUE(reread.ok());
    const std::string again = projectToString(*reread.project, {.threads = 2});
    EXPECT_TRUE(again == written) << firstDifference(written, again);
}

TEST(ProjectWriterParallel, ImportedAcledProjectIsTheSameBytesOnOneThreadOrMany)
{
    // Imported events carry origins and a dozen attributes each: the writer keeps the keys
    // it found unique between events, one such memory per thread.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString csv = dir.filePath(QStringLiteral("acled.csv"));
    ASSERT_EQ(saveAcledCsv(csv, {.rows = 30000, .seed = 7}), QString());
    Project project;
    const ImportReport report = importFiles({csv}, project, {});
    ASSERT_TRUE(report.problems.empty());
    ASSERT_GE(project.events().size(), ProjectWriteOptions().parallelFrom);
    ASSERT_NE(project.originOf(project.events().back()), nullptr);
    expectSameOnAnyThreads(project);
}

TEST(ProjectWriterParallel, WrittenToADeviceAsToAString)
{
    const Project project = generateProject(30000);
    const std::string expected = projectToString(project, OneThread);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("p.claimline")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    QString error;
    ASSERT_TRUE(writeProject(project, file, &error, {.threads = 2, .pieceItems = 100}))
        << error.toStdString();
    file.close();
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const std::string onDisk = file.readAll().toStdString();
    EXPECT_TRUE(onDisk == expected) << firstDifference(expected, onDisk);
}

TEST(ProjectWriterParallel, FailingDeviceIsReportedAndTheThreadsStop)
{
    // /dev/full refuses the first piece: the writer returns (no thread left waiting for a
    // slot) and says why.
    const Project project = generateProject(30000);
    QFile full(QStringLiteral("/dev/full"));
    ASSERT_TRUE(full.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    QString error;
    EXPECT_FALSE(writeProject(project, full, &error, {.threads = 2, .pieceItems = 10}));
    EXPECT_TRUE(error.contains(QStringLiteral("No space left on device"))) << error.toStdString();
}

TEST(ProjectWriterParallel, StringsAreEscapedAsJsonDoes)
{
    // Quotes, backslashes and control characters at every offset of an eight-byte word,
    // among plain ASCII and UTF-8: the same text as nlohmann's serializer gives.
    const std::string pieces[] = {"a",
                                  "b",
                                  " ",
                                  "~",
                                  "\x7f",
                                  "\"",
                                  "\\",
                                  "\n",
                                  "\r",
                                  "\t",
                                  "\b",
                                  "\f",
                                  std::string(1, '\0'),
                                  "\x01",
                                  "\x1f",
                                  "é",
                                  "Л"};
    std::mt19937 random(3);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int length = int(random() % 40);
        // Mostly plain text, so that whole words without escapes are skipped too.
        for (int i = 0; i < length; ++i)
            text += random() % 3 == 0 ? pieces[random() % std::size(pieces)] : std::string("x");
        std::string written;
        JsonOutput out([&written](std::string_view chunk) {
            written.append(chunk);
            return true;
        });
        out.string(text);
        out.flush();
        ASSERT_EQ(written, nlohmann::json(text).dump()) << "round " << round;
    }
}
