// What the import wizard shows of Claimline's CSV export before it is imported.

#include "import/claimlinecsv/claimlinecsv.h"
#include "import/claimlinecsv/exportsheet.h"
#include "import/claimlinecsv/sheetcells.h"
#include "import/claimlinecsv/sheetfields.h"
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

class Survey
{
public:
    Survey(ImportSurvey &survey, ImportProgress *progress, int previewRows)
        : m_survey(survey)
        , m_progress(progress)
        , m_previewRows(previewRows)
    { }

    // Reads one file; false when cancelled.
    bool read(const QString &path)
    {
        ExportSheet sheet;
        if (const QString error = sheet.open(path); !error.isEmpty()) {
            noteError(path, error);
            return true;
        }
        if (!m_delimiterKnown || sheet.role() == SheetRole::Events) {
            m_survey.delimiter = sheet.delimiter();
            m_delimiterKnown = sheet.role() == SheetRole::Events;
        }
        SheetRow row;
        QString problem;
        while (sheet.next(row, problem)) {
            ++m_survey.rows;
            if (m_progress && m_survey.rows % ProgressEvery == 0) {
                m_progress->bytesDone = m_bytesBefore + sheet.bytesRead();
                if (m_progress->cancel.load(std::memory_order_relaxed))
                    return false;
            }
            switch (sheet.role()) {
            case SheetRole::Events:
                event(row, problem);
                break;
            case SheetRole::Claims:
                claim(row, problem);
                break;
            case SheetRole::Relations:
                relation(row, problem);
                break;
            }
        }
        if (const QString error = sheet.error(); !error.isEmpty())
            noteError(path, error);
        m_bytesBefore += QFileInfo(path).size();
        return true;
    }

    void noteError(const QString &path, const QString &error)
    {
        if (m_survey.error.isEmpty())
            m_survey.error = ImportProblem {path, 0, error}.toString();
    }

    void finish()
    {
        m_survey.partyNames.reserve(m_rowsNaming.size());
        for (auto &[name, rows] : m_rowsNaming)
            m_survey.partyNames.push_back({name, rows});
        std::sort(m_survey.partyNames.begin(), m_survey.partyNames.end(),
                  [](const ImportSurvey::PartyName &a, const ImportSurvey::PartyName &b) {
                      return a.rows != b.rows ? a.rows > b.rows : a.name < b.name;
                  });
    }

private:
    void event(const SheetRow &row, QString problem)
    {
        EventFields fields;
        if (problem.isEmpty())
            problem = readEventFields(row, fields);
        if (!problem.isEmpty())
            ++m_survey.refused;
        // Names as the party page shows them: each once per row.
        const std::vector<std::string_view> names = listItems(row.raw(EventColumn::PartyNames));
        for (const std::string_view name : names)
            countName(name);
        if (std::ssize(m_survey.firstRows) >= m_previewRows)
            return;
        ImportPreviewRow preview;
        preview.line = row.line;
        preview.problem = problem;
        if (problem.isEmpty()) {
            preview.when = fields.when.toDisplayString();
            preview.title = qText(cellText(row.raw(EventColumn::Title)));
            // The ids when the names are not there to show.
            for (const std::string_view name :
                 names.empty() ? listItems(row.raw(EventColumn::Parties)) : names)
                preview.parties << qText(name);
            preview.place = qText(cellText(row.raw(EventColumn::Location)));
        }
        m_survey.firstRows.push_back(std::move(preview));
    }

    void claim(const SheetRow &row, QString problem)
    {
        ClaimFields fields;
        if (problem.isEmpty())
            problem = readClaimFields(row, fields);
        if (!problem.isEmpty())
            ++m_survey.refused;
        countName(row.word(ClaimColumn::PartyName));
    }

    void relation(const SheetRow &row, QString problem)
    {
        RelationFields fields;
        if (problem.isEmpty())
            problem = readRelationFields(row, fields);
        if (!problem.isEmpty())
            ++m_survey.refused;
    }

    void countName(std::string_view name)
    {
        if (name.empty())
            return;
        if (auto found = m_rowsNaming.find(name); found != m_rowsNaming.end())
            ++found->second;
        else
            m_rowsNaming.emplace(std::string(name), 1);
    }

    ImportSurvey &m_survey;
    ImportProgress *m_progress;
    int m_previewRows;
    bool m_delimiterKnown = false;
    std::int64_t m_bytesBefore = 0;
    TextTable<std::int64_t> m_rowsNaming;
};

} // namespace

ImportSurvey surveyClaimlineCsv(const QString &path, int previewRows, ImportProgress *progress)
{
    ImportSurvey survey;
    const ClaimlineCsvFiles files = findClaimlineCsvFiles({path});
    const QStringList all = files.all();
    if (all.isEmpty()) {
        survey.error = files.problems.empty() ? QStringLiteral("no file of Claimline's CSV export")
                                              : files.problems.front().toString();
        return survey;
    }
    survey.format = ImportFormat::ClaimlineCsv;
    if (!files.problems.empty())
        survey.error = files.problems.front().toString();
    if (progress) {
        std::int64_t total = 0;
        for (const QString &file : all)
            total += QFileInfo(file).size();
        progress->bytesTotal = total;
        progress->bytesDone = 0;
    }
    Survey reader(survey, progress, previewRows);
    for (const QString &file : all) {
        if (!reader.read(file))
            break;
    }
    reader.finish();
    if (progress && !progress->cancel.load(std::memory_order_relaxed))
        progress->bytesDone = progress->bytesTotal.load();
    spdlog::info("surveyed Claimline CSV: {} rows, {} refused, {} party names", survey.rows,
                 survey.refused, survey.partyNames.size());
    return survey;
}

} // namespace claimline
