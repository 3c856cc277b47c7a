// Fault injection: a save killed at any moment leaves the old file or the new one, never a
// mix; a file cut short or rewritten while it is read gives an error or the whole project,
// never a crash or half a project.

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "model/generator.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include <signal.h>

using namespace claimline;

namespace {

const QString Executable = QStringLiteral(CLAIMLINE_EXECUTABLE);

std::string generated(std::size_t events, std::uint64_t seed)
{
    return projectToString(generateProject(events, seed));
}

} // namespace

// SIGKILL at random points of `claimline normalize` replacing a large file: afterwards the
// target is byte for byte the old version or the new one, and it loads.
TEST(FaultInjection, SaveKilledAtRandomPointsLeavesTheOldOrTheNewFile)
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("input.claimline"));
    const QString target = dir.filePath(QStringLiteral("target.claimline"));
    // Different content (another seed), so old and new can be told apart.
    const std::string oldVersion = generated(20000, 1);
    const std::string newVersion = generated(20000, 2);
    ASSERT_TRUE(test::writeFile(input, newVersion));

    // How long one whole save takes here (a sanitizer build is several times slower), so the
    // kills can be spread over all of it.
    ASSERT_TRUE(test::writeFile(target, oldVersion));
    QElapsedTimer timer;
    timer.start();
    ASSERT_EQ(QProcess::execute(Executable,
                                {QStringLiteral("normalize"), input, QStringLiteral("-o"), target}),
              0);
    auto wholeSave = std::max<qint64>(timer.elapsed(), 50);

    std::mt19937 random(12345);
    int sawOld = 0;
    int sawNew = 0;
    for (int round = 0; round < 24; ++round) {
        ASSERT_TRUE(test::writeFile(target, oldVersion));
        QProcess process;
        process.start(Executable,
                      {QStringLiteral("normalize"), input, QStringLiteral("-o"), target});
        ASSERT_TRUE(process.waitForStarted());
        // Spread the kills over the whole save: start-up, reading, writing, renaming; and a
        // little past its end, so that some saves complete.
        const qint64 delay = qint64(random() % std::uint64_t(wholeSave * 5 / 4));
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished();

        const std::string onDisk = test::readString(target);
        const bool isOld = onDisk == oldVersion;
        const bool isNew = onDisk == newVersion;
        ASSERT_TRUE(isOld || isNew)
            << "round " << round << ": a mix of " << onDisk.size() << " bytes";
        sawOld += isOld;
        sawNew += isNew;
        // On a loaded machine a save can take much longer than the one measured: a kill that
        // came past the measured end yet still found the old file stretches the spread.
        if (isOld && delay >= wholeSave)
            wholeSave = delay * 3 / 2;
        EXPECT_TRUE(readProject(onDisk).ok()) << "round " << round;
        // Whatever the kill left behind, it is never the target: a stray temporary file from
        // the killed QSaveFile is possible (it cannot clean up after SIGKILL) and harmless.
    }
    // Both outcomes happened, so the kills did land inside the save.
    EXPECT_GT(sawOld, 0);
    EXPECT_GT(sawNew, 0);
}

// Another program truncates or rewrites the file while it is being read: the result is the
// whole original project or a clear problem; never a crash (a mapped file would SIGBUS) and
// never a partial project.
TEST(FaultInjection, FileChangedWhileReadingGivesAnErrorOrTheWholeProject)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("changing.claimline"));
    const std::string original = generated(40000, 3);
    const std::size_t expectedEvents = 40000;
    int failed = 0;
    int loaded = 0;
    for (int round = 0; round < 12; ++round) {
        ASSERT_TRUE(test::writeFile(path, original));
        std::thread vandal([&path, round] {
            std::this_thread::sleep_for(std::chrono::milliseconds(round * 7));
            if (round % 2 == 0) {
                QFile::resize(path, qint64(1000 + round * 5000)); // cut short
            } else {
                QFile file(path); // rewritten in place with garbage
                if (file.open(QIODevice::ReadWrite)) {
                    file.seek(file.size() / 3);
                    file.write(QByteArray(4096, '\x01'));
                }
            }
        });
        const LoadResult result = loadProject(path);
        vandal.join();
        if (result.ok()) {
            ++loaded;
            EXPECT_EQ(result.project->events().size(), expectedEvents) << "round " << round;
            EXPECT_EQ(projectToString(*result.project), original) << "round " << round;
        } else {
            ++failed;
            EXPECT_FALSE(result.problems.empty());
            EXPECT_FALSE(result.problems.front().message.empty());
        }
    }
    EXPECT_GT(failed, 0) << "the file was never changed in time; the test proves nothing";
    std::printf("changed while reading: %d loaded whole, %d refused\n", loaded, failed);
}
