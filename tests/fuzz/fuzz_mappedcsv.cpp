// Fuzz target: any CSV/TSV through a column mapping, as the wizard and `--mapping` read it.
// The first byte steers (its two low bits: the date order; bit 2: when the guess finds no date
// or title, take the first columns for them, so that the mapper reads rows of any header), the
// rest is the file. The file's sample is read and a mapping guessed from it; the mapping must
// survive its file format (written and read back equal); the file is imported through it into
// a fresh project, which must save, load back and save to the same bytes; and the preview of
// the sample must refuse exactly the rows the import refused, for the same reasons.
//
// importFiles() reads files by path, so each input is written to a small file of this
// process's own first.

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "import/importer.h"
#include "import/mapping/columnmapping.h"
#include "model/project.h"

#include <QBuffer>
#include <QDir>
#include <QFile>

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

namespace {

QString inputPath()
{
    static const QString path
        = QDir::tempPath() + QStringLiteral("/claimline-fuzz-mappedcsv-%1.csv").arg(getpid());
    return path;
}

void removeInput()
{
    QFile::remove(inputPath());
}

bool isUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size())).toStdString() == text;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    spdlog::set_level(spdlog::level::warn); // "imported N rows" for every input is noise
    (void)inputPath();
    std::atexit(removeInput);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace claimline;
    if (size == 0)
        return 0;
    {
        QFile file(inputPath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        const auto length = qint64(size - 1);
        if (file.write(reinterpret_cast<const char *>(data + 1), length) != length)
            std::abort();
    }

    const CsvSample sample = readCsvSample(inputPath());
    if (!sample.error.isEmpty() && sample.header.empty())
        return 0;
    ColumnMapping mapping = guessMapping(sample);
    mapping.dateOrder = DateOrder(data[0] & 3);
    if ((data[0] & 4) && !sample.header.empty()) {
        if (mapping.date.empty())
            mapping.date = sample.header.front();
        if (mapping.title.empty())
            mapping.title = sample.header.size() > 1 ? sample.header[1] : sample.header.front();
    }
    // Ambiguous means both numeric orders read every value.
    const DateColumnFit fit = fitDateColumn(sample, 0);
    if (fit.ambiguous
        && (std::find(fit.fits.begin(), fit.fits.end(), DateOrder::DayFirst) == fit.fits.end()
            || std::find(fit.fits.begin(), fit.fits.end(), DateOrder::MonthFirst)
                == fit.fits.end()))
        std::abort();
    const std::vector<std::string_view> header(sample.header.begin(), sample.header.end());
    const bool reads = checkMapping(mapping, header).isEmpty();

    // The mapping file gives back what was written.
    bool utf8 = true;
    for (const std::string &name : sample.header)
        utf8 = utf8 && isUtf8(name);
    if (reads && utf8) {
        ColumnMapping read;
        const QString problem = mappingFromJson(mappingToJson(mapping), &read);
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "%s\n", problem.toStdString().c_str());
            std::abort();
        }
        if (!(read == mapping)) {
            std::fprintf(stderr, "written:\n%s\nread back:\n%s\n", mappingToJson(mapping).c_str(),
                         mappingToJson(read).c_str());
            std::abort();
        }
    }
    const std::vector<ImportPreviewRow> preview = previewMapping(sample, mapping);

    ImportOptions options;
    options.format = ImportFormat::Csv;
    options.mapping = mapping;
    Project project;
    const ImportReport report = importFiles({inputPath()}, project, options);
    std::map<std::int64_t, QString> refused;
    for (const ImportProblem &problem : report.problems) {
        if (problem.reason.isEmpty() || problem.line < 0)
            std::abort();
        refused.emplace(problem.line, problem.reason);
    }
    if (report.added + report.updated + report.unchanged > report.rows)
        std::abort();
    if (project.events().size() != std::size_t(report.added))
        std::abort();
    // The preview and the import read rows the same way: one reader, one mapper.
    if (reads) {
        for (const ImportPreviewRow &row : preview) {
            const auto found = refused.find(row.line);
            const QString reason = found == refused.end() ? QString() : found->second;
            if (row.problem != reason) {
                std::fprintf(stderr, "line %lld: preview \"%s\", import \"%s\"\n",
                             static_cast<long long>(row.line), row.problem.toStdString().c_str(),
                             reason.toStdString().c_str());
                std::abort();
            }
        }
    }

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
