// Fuzz target: the whole import. The first byte picks the format (its value modulo 3: auto,
// ACLED, UCDP GED; "0", "1" and "2" in the seed corpus), the rest is the file. It is imported
// into a fresh project, which must then save and load back without a problem and save to the
// same bytes again: whatever a dataset holds, the import never makes a project that
// Claimline cannot open, and what it keeps (attributes, origins, locations) survives a save.
//
// importFiles() reads files by path, so each input is written to a small file of this
// process's own first.

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "import/importer.h"
#include "model/project.h"

#include <QBuffer>
#include <QDir>
#include <QFile>

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

QString inputPath()
{
    static const QString path
        = QDir::tempPath() + QStringLiteral("/claimline-fuzz-import-%1.csv").arg(getpid());
    return path;
}

void removeInput()
{
    QFile::remove(inputPath());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    spdlog::set_level(spdlog::level::warn); // "imported N rows" for every input is noise
    // The path first: statics are destroyed in the reverse order of their construction and
    // atexit() registration, so the handler runs while the path still exists.
    (void)inputPath();
    std::atexit(removeInput);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace claimline;
    if (size == 0)
        return 0;
    constexpr ImportFormat Formats[]
        = {ImportFormat::Auto, ImportFormat::Acled, ImportFormat::Ucdp};
    ImportOptions options;
    options.format = Formats[data[0] % 3];
    {
        QFile file(inputPath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        const auto length = qint64(size - 1);
        if (file.write(reinterpret_cast<const char *>(data + 1), length) != length)
            std::abort();
    }

    Project project;
    const ImportReport report = importFiles({inputPath()}, project, options);
    // Every refusal says why, and counts add up: a fresh project holds what was added.
    for (const ImportProblem &problem : report.problems) {
        if (problem.reason.isEmpty() || problem.line < 0)
            std::abort();
    }
    if (report.added + report.updated + report.unchanged > report.rows)
        std::abort();
    if (project.events().size() != std::size_t(report.added))
        std::abort();

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeProject(project, buffer, &error))
        std::abort();
    const QByteArray &saved = buffer.data();
    const LoadResult loaded
        = readProject(std::string_view(saved.constData(), std::size_t(saved.size())));
    if (!loaded.ok()) {
        for (const Problem &problem : loaded.problems)
            std::fprintf(stderr, "%s\n", problem.toStdString().c_str());
        std::abort(); // the import made a project we cannot open
    }
    if (projectToString(*loaded.project)
        != std::string_view(saved.constData(), std::size_t(saved.size())))
        std::abort(); // something the import kept did not survive the save
    return 0;
}
