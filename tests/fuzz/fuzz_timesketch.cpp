// Fuzz target: Timesketch files. The input is a file, read to its end as a Timesketch CSV
// (CsvReader + TimesketchMapper) and as Timesketch JSON lines, then imported into a fresh
// project that must save and load back without a problem; its first line is also read as an
// ISO 8601 date-time. Whatever a file holds: every refused row says why on its line, every
// row taken has a title, a time and an id whose text is still there (ASan checks the views),
// and the import never makes a project Claimline cannot open.
//
// The readers take files by path, so each input is written to a small file of this
// process's own first.

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "import/csv/csvreader.h"
#include "import/formats/rowmapper.h"
#include "import/importer.h"
#include "import/importrow.h"
#include "import/timesketch/timesketchjsonl.h"
#include "model/project.h"
#include "time/isodatetime.h"

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

using namespace claimline;

QString inputPath()
{
    static const QString path
        = QDir::tempPath() + QStringLiteral("/claimline-fuzz-timesketch-%1.txt").arg(getpid());
    return path;
}

void removeInput()
{
    QFile::remove(inputPath());
}

volatile unsigned char g_sink = 0;

// Reads every byte a view shows: ASan finds a view that points at freed text.
void touch(std::string_view text)
{
    unsigned char sum = 0;
    for (const char c : text)
        sum = static_cast<unsigned char>(sum ^ static_cast<unsigned char>(c));
    g_sink = sum;
}

// What a row must be: lines go forward; a refused row says why; a row taken has a title, a
// time and an id, and every view of it can be read.
void checkRow(const ImportRow &row, const QString &problem, std::int64_t previousLine)
{
    if (row.line <= previousLine)
        std::abort();
    if (!problem.isEmpty())
        return;
    if (row.id.empty() || row.title.empty() || row.when.isNull())
        std::abort();
    for (const std::string_view text : {row.id, row.title, row.summary, row.kind})
        touch(text);
    for (const std::string_view tag : row.tags)
        touch(tag);
    for (const ImportAttribute &attribute : row.attributes) {
        touch(attribute.key);
        touch(attribute.value);
    }
}

void readAsCsv()
{
    QFile file(inputPath());
    if (!file.open(QIODevice::ReadOnly))
        std::abort();
    CsvReader reader(&file, 0, 64); // small blocks: records cut at every place
    CsvRecord record;
    if (!reader.next(record))
        return;
    std::vector<std::string_view> header;
    for (const std::string_view field : record.fields)
        header.push_back(trimmedColumnName(field));
    const std::unique_ptr<RowMapper> mapper = makeRowMapper(ImportFormat::Timesketch);
    if (!mapper->setHeader(header).isEmpty())
        return;
    ImportRow row;
    std::int64_t line = record.line;
    while (reader.next(record)) {
        const QString problem = mapper->map(record, row);
        row.line = record.line;
        checkRow(row, problem, line);
        line = record.line;
    }
}

void readAsJsonl(std::int64_t size)
{
    QString error;
    const std::unique_ptr<RowSource> source = openTimesketchJsonl(inputPath(), &error);
    if (!source) {
        if (error.isEmpty())
            std::abort();
        return;
    }
    ImportRow row;
    QString problem;
    std::int64_t line = 0;
    while (source->next(row, problem)) {
        checkRow(row, problem, line);
        line = row.line;
        if (source->bytesRead() > size)
            std::abort();
    }
    if (source->error().isEmpty() && source->bytesRead() != size)
        std::abort(); // read to the end, every byte counted
}

void readAsIsoDateTime(std::string_view text)
{
    text = text.substr(0, text.find('\n'));
    const std::optional<IsoDateTime> time = parseIsoDateTime(text);
    if (!time)
        return;
    if (time->microseconds < 0 || time->microseconds > 999999)
        std::abort();
    const FuzzyTime when = time->toFuzzyTime();
    if (!when.isNull() && !when.contains(time->utcSeconds))
        std::abort();
}

void importAndReload()
{
    ImportOptions options;
    options.format = ImportFormat::Timesketch;
    Project project;
    const ImportReport report = importFiles({inputPath()}, project, options);
    for (const ImportProblem &problem : report.problems) {
        if (problem.reason.isEmpty() || problem.line < 0)
            std::abort();
    }
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
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    spdlog::set_level(spdlog::level::warn);
    (void)inputPath(); // constructed before the atexit handler that uses it
    std::atexit(removeInput);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    {
        QFile file(inputPath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        if (file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
            std::abort();
    }
    readAsIsoDateTime(std::string_view(reinterpret_cast<const char *>(data), size));
    readAsCsv();
    readAsJsonl(std::int64_t(size));
    importAndReload();
    return 0;
}
