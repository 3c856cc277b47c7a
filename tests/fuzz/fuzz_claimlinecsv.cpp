// Fuzz target: the Claimline CSV import (import/claimlinecsv/), the round trip through a
// spreadsheet. The input is the export's three files one after the other, separated by NUL
// bytes (events.csv, claims.csv, relations.csv; a missing part is a missing file); the low
// bit of the first byte asks to remove what the files no longer hold. They are imported into
// a clone of the sample, which must then:
//   - account for every row: added, updated, unchanged or refused, each refusal with its line
//     and reason;
//   - save, load back without a problem, and save to the same bytes again (whatever the
//     spreadsheet made of the files, the import never makes a project Claimline cannot open);
//     when no row changed anything, save to the sample's own bytes;
//   - take the same files again without adding anything (every id found the first time).
//
// importClaimlineCsv() reads files, so each input is written to a folder of this process's
// own first.

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "import/claimlinecsv/claimlinecsv.h"
#include "model/project.h"

#include <QDir>
#include <QFile>

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace {

using namespace claimline;

QString inputFolder()
{
    static const QString path
        = QDir::tempPath() + QStringLiteral("/claimline-fuzz-claimlinecsv-%1").arg(getpid());
    return path;
}

void removeInput()
{
    QDir(inputFolder()).removeRecursively();
}

const Project &sample()
{
    static const std::unique_ptr<Project> project = [] {
        LoadResult loaded = loadProject(QStringLiteral(CLAIMLINE_SAMPLE));
        if (!loaded.ok())
            std::abort();
        return std::make_unique<Project>(std::move(*loaded.project));
    }();
    return *project;
}

const std::string &sampleText()
{
    static const std::string text = projectToString(sample());
    return text;
}

void writeInput(const QString &name, std::string_view bytes)
{
    const QString path = QDir(inputFolder()).filePath(name);
    QFile::remove(path);
    if (bytes.empty())
        return; // no such file
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
        std::abort();
}

void check(const ImportReport &report)
{
    for (const ImportProblem &problem : report.problems) {
        if (problem.reason.isEmpty() || problem.line < 0)
            std::abort();
    }
    if (report.added + report.updated + report.unchanged + report.refused() != report.rows)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    spdlog::set_level(spdlog::level::warn); // "imported N rows" for every input is noise
    (void)inputFolder();
    (void)sampleText();
    std::atexit(removeInput);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool removeMissing = data[0] & 1;
    std::string_view rest(reinterpret_cast<const char *>(data + 1), size - 1);
    if (!QDir().mkpath(inputFolder()))
        std::abort();
    for (const char *name : {"events.csv", "claims.csv", "relations.csv"}) {
        const std::size_t end = rest.find('\0');
        writeInput(QLatin1String(name), rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }

    Project project = sample().clone();
    const ImportReport report
        = importClaimlineCsv({inputFolder()}, project, nullptr, removeMissing);
    check(report);

    const std::string saved = projectToString(project);
    if (report.added + report.updated + report.removed == 0) {
        if (saved != sampleText())
            std::abort(); // nothing changed, yet something differs
        return 0;
    }
    const LoadResult loaded = readProject(saved);
    if (!loaded.ok()) {
        for (const Problem &problem : loaded.problems)
            std::fprintf(stderr, "%s\n", problem.toStdString().c_str());
        std::abort(); // the import made a project we cannot open
    }
    if (projectToString(*loaded.project) != saved)
        std::abort(); // something the import set did not survive the save

    const ImportReport again = importClaimlineCsv({inputFolder()}, project, nullptr, false);
    check(again);
    if (again.added != 0)
        std::abort(); // a row found nothing it had made
    return 0;
}
