#include "import/mapping/columnmapping.h"

#include "import/csv/csvreader.h"
#include "import/formats/headercolumns.h"
#include "import/importer.h"
#include "import/mapping/mappedcsv.h"

#include <QCryptographicHash>
#include <QFile>

#include <spdlog/spdlog.h>

#include <array>

namespace claimline {

namespace {

// In the order of DateOrder.
constexpr std::array<std::string_view, 4> DateOrderNames {"iso", "dd/mm/yyyy", "mm/dd/yyyy",
                                                          "written"};

std::vector<std::string_view> viewsOf(const std::vector<std::string> &texts)
{
    return {texts.begin(), texts.end()};
}

} // namespace

std::string_view nameOf(DateOrder order)
{
    return DateOrderNames[std::size_t(order)];
}

std::optional<DateOrder> dateOrderFromName(std::string_view name)
{
    for (std::size_t i = 0; i < DateOrderNames.size(); ++i) {
        if (DateOrderNames[i] == name)
            return DateOrder(i);
    }
    return std::nullopt;
}

QString headerSignature(std::span<const std::string_view> header)
{
    // A hash, not the names themselves: names hold "/" and "\", which QSettings reads as
    // groups, and a wide header would make a key of kilobytes.
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const std::string_view name : header) {
        const std::string_view trimmed = headerName(name);
        hash.addData(QByteArrayView(trimmed.data(), qsizetype(trimmed.size())));
        hash.addData(QByteArrayView("\n", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString checkMapping(const ColumnMapping &mapping, std::span<const std::string_view> header)
{
    // The mapper's own check, so that what the wizard accepts is what the import reads.
    MappedCsvMapper mapper(mapping);
    return mapper.setHeader(header);
}

CsvSample readCsvSample(const QString &path, int maxRows)
{
    CsvSample sample;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        sample.error = QStringLiteral("cannot be read: %1").arg(file.errorString());
        return sample;
    }
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.next(record)) {
        const QString error = reader.error();
        sample.error = error.isEmpty() ? QStringLiteral("the file is empty") : error;
        return sample;
    }
    if (!record.problem.isEmpty()) {
        sample.error = QStringLiteral("the header line cannot be read: %1").arg(record.problem);
        return sample;
    }
    sample.delimiter = reader.delimiter();
    // The names as the mapper matches them (headerName()), so that a mapping made from the
    // sample names its columns exactly as the import finds them, and reads back the same.
    for (const std::string_view field : record.fields)
        sample.header.emplace_back(headerName(trimmedColumnName(field)));
    while (std::ssize(sample.rows) < maxRows && reader.next(record)) {
        sample.rows.emplace_back(record.fields.begin(), record.fields.end());
        sample.lines.push_back(record.line);
        sample.problems.push_back(record.problem);
    }
    sample.error = reader.error();
    spdlog::info("read a sample of a CSV file: {} columns, {} rows", sample.header.size(),
                 sample.rows.size());
    return sample;
}

std::vector<ImportPreviewRow> previewMapping(const CsvSample &sample, const ColumnMapping &mapping)
{
    std::vector<ImportPreviewRow> preview;
    MappedCsvMapper mapper(mapping);
    const std::vector<std::string_view> header = viewsOf(sample.header);
    if (const QString problem = mapper.setHeader(header); !problem.isEmpty()) {
        // The whole file is refused: one row says why, on the header's line.
        ImportPreviewRow refused;
        refused.line = 1;
        refused.problem = problem;
        preview.push_back(std::move(refused));
        return preview;
    }
    ImportRow row;
    CsvRecord record;
    for (std::size_t i = 0; i < sample.rows.size(); ++i) {
        record.fields = viewsOf(sample.rows[i]);
        record.line = i < sample.lines.size() ? sample.lines[i] : std::int64_t(i) + 2;
        record.problem = i < sample.problems.size() ? sample.problems[i] : QString();
        const QString problem = mapper.map(record, row);
        if (problem.isEmpty()) {
            preview.push_back(previewOf(row, record.line));
        } else {
            ImportPreviewRow refused;
            refused.line = record.line;
            refused.problem = problem;
            preview.push_back(std::move(refused));
        }
    }
    return preview;
}

} // namespace claimline
