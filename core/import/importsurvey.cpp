#include "import/datasetfile.h"
#include "import/importer.h"
#include "import/nametable.h"

#include <QFileInfo>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace claimline {

namespace {

constexpr std::int64_t ProgressEvery = 4096;

QString qText(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// "Novgorod (town)": the place as the preview names it, with how precisely it is placed.
QString placeOf(const ImportRow &row)
{
    const QString name = qText(row.locationName);
    const std::string_view precision = nameOf(row.locationPrecision);
    if (precision.empty())
        return name;
    const QString how = QString::fromLatin1(precision.data(), qsizetype(precision.size()));
    return name.isEmpty() ? how : name + QStringLiteral(" (") + how + u')';
}

ImportPreviewRow previewOf(const ImportRow &row, std::int64_t line)
{
    ImportPreviewRow preview;
    preview.line = line;
    preview.when = row.when.toDisplayString();
    preview.title = qText(row.title);
    for (const std::string_view party : row.parties)
        preview.parties << qText(party);
    preview.place = placeOf(row);
    return preview;
}

} // namespace

ImportSurvey surveyFile(const QString &file, ImportFormat format, int previewRows,
                        ImportProgress *progress)
{
    ImportSurvey survey;
    DatasetFile dataset;
    const std::int64_t size = QFileInfo(file).size();
    if (progress) {
        progress->bytesTotal = size;
        progress->bytesDone = 0;
    }
    if (const QString error = dataset.open(file, format); !error.isEmpty()) {
        survey.error = error;
        return survey;
    }
    survey.format = dataset.format();
    CsvReader &reader = dataset.reader();
    survey.delimiter = reader.delimiter();

    TextTable<std::int64_t> rowsNaming;
    CsvRecord record;
    ImportRow row;
    while (reader.next(record)) {
        ++survey.rows;
        if (progress && survey.rows % ProgressEvery == 0) {
            progress->bytesDone = reader.bytesRead();
            // Cancelled: what was read so far is the survey.
            if (progress->cancel.load(std::memory_order_relaxed))
                break;
        }
        QString why = record.problem;
        if (why.isEmpty())
            why = dataset.mapper().map(record, row);
        const bool preview = std::ssize(survey.firstRows) < previewRows;
        if (!why.isEmpty()) {
            ++survey.refused;
            if (preview) {
                ImportPreviewRow refused;
                refused.line = record.line;
                refused.problem = why;
                survey.firstRows.push_back(std::move(refused));
            }
            continue;
        }
        if (preview)
            survey.firstRows.push_back(previewOf(row, record.line));
        for (std::size_t i = 0; i < row.parties.size(); ++i) {
            const std::string_view name = row.parties[i];
            // A row naming one party twice counts once for it.
            if (std::find(row.parties.begin(), row.parties.begin() + std::ptrdiff_t(i), name)
                != row.parties.begin() + std::ptrdiff_t(i))
                continue;
            if (auto found = rowsNaming.find(name); found != rowsNaming.end())
                ++found->second;
            else
                rowsNaming.emplace(std::string(name), 1);
        }
    }
    if (const QString error = reader.error(); !error.isEmpty())
        survey.error = error;
    if (progress && !progress->cancel.load(std::memory_order_relaxed))
        progress->bytesDone = size;

    survey.partyNames.reserve(rowsNaming.size());
    for (auto &[name, rows] : rowsNaming)
        survey.partyNames.push_back({name, rows});
    std::sort(survey.partyNames.begin(), survey.partyNames.end(),
              [](const ImportSurvey::PartyName &a, const ImportSurvey::PartyName &b) {
                  return a.rows != b.rows ? a.rows > b.rows : a.name < b.name;
              });
    spdlog::info("surveyed a file: {} rows, {} refused, {} party names", survey.rows,
                 survey.refused, survey.partyNames.size());
    return survey;
}

} // namespace claimline
