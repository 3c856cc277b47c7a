#include "import/claimlinecsv/claimlinecsv.h"
#include "import/csvrowsource.h"
#include "import/importer.h"
#include "import/importsource.h"
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

} // namespace

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

ImportSurvey surveyFile(const QString &file, ImportFormat format, int previewRows,
                        ImportProgress *progress, const ColumnMapping *mapping)
{
    ImportSurvey survey;
    const std::int64_t size = QFileInfo(file).size();
    if (progress) {
        progress->bytesTotal = size;
        progress->bytesDone = 0;
    }
    if (format == ImportFormat::ClaimlineCsv
        || (format == ImportFormat::Auto
            && probeDataset(file, format).format == ImportFormat::ClaimlineCsv))
        return surveyClaimlineCsv(file, previewRows, progress);
    QString error;
    const std::unique_ptr<RowSource> source = openRowSource(file, format, mapping, &error);
    if (!source) {
        survey.error = error;
        return survey;
    }
    survey.format = source->format();
    if (const auto *csv = dynamic_cast<const CsvRowSource *>(source.get()))
        survey.delimiter = csv->delimiter();

    TextTable<std::int64_t> rowsNaming;
    ImportRow row;
    QString problem;
    while (source->next(row, problem)) {
        ++survey.rows;
        if (progress && survey.rows % ProgressEvery == 0) {
            progress->bytesDone = source->bytesRead();
            // Cancelled: what was read so far is the survey.
            if (progress->cancel.load(std::memory_order_relaxed))
                break;
        }
        const bool preview = std::ssize(survey.firstRows) < previewRows;
        if (!problem.isEmpty()) {
            ++survey.refused;
            if (preview) {
                ImportPreviewRow refused;
                refused.line = row.line;
                refused.problem = problem;
                survey.firstRows.push_back(std::move(refused));
            }
            continue;
        }
        if (preview)
            survey.firstRows.push_back(previewOf(row, row.line));
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
    if (const QString stopped = source->error(); !stopped.isEmpty())
        survey.error = stopped;
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
