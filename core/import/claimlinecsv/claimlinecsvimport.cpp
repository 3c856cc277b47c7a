#include "import/claimlinecsv/claimlinecsvimport.h"

#include "document/deletion.h"
#include "import/claimlinecsv/sheetcells.h"
#include "import/formats/fieldtext.h"
#include "model/project.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStringBuilder>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace claimline {

ClaimlineCsvImport::ClaimlineCsvImport(Project &project, ImportProgress *progress,
                                       bool removeMissing)
    : m_project(project)
    , m_progress(progress)
    , m_removeMissing(removeMissing)
    , m_references(project)
    , m_eventsBefore(project.events().size())
    , m_claimsBefore(project.claims().size())
    , m_relationsBefore(project.relations().size())
    , m_eventLines(m_eventsBefore, 0)
    , m_claimLines(m_claimsBefore, 0)
    , m_relationsSeen(m_relationsBefore, false)
    // A status the import changes is recorded at the current minute, UTC, as an edit's is.
    , m_now(FuzzyTime::fromInstant(QDateTime::currentSecsSinceEpoch()))
{ }

ImportReport ClaimlineCsvImport::run(const QStringList &paths)
{
    QElapsedTimer timer;
    timer.start();
    ClaimlineCsvFiles files = findClaimlineCsvFiles(paths);
    m_report.problems = std::move(files.problems);
    spdlog::info("importing Claimline CSV: {} events, {} claims and {} relations file(s)",
                 files.events.size(), files.claims.size(), files.relations.size());
    if (m_progress) {
        std::int64_t total = 0;
        for (const QString &path : files.all())
            total += QFileInfo(path).size();
        for (const QString &path : std::as_const(files.events))
            total += QFileInfo(path).size(); // read twice: learnt from, then imported
        m_progress->bytesTotal = total;
        m_progress->bytesDone = 0;
    }
    m_hadEvents = !files.events.isEmpty();
    m_hadClaims = !files.claims.isEmpty();
    m_hadRelations = !files.relations.isEmpty();

    // Claims and relations first, whole, and the events learnt from: a row may refer to a
    // party, speaker, question or source that only a later row names (sheetreferences.h).
    std::vector<HeldSheet> claims;
    std::vector<HeldSheet> relations;
    for (const QString &path : std::as_const(files.claims))
        claims.push_back(holdSheet(path, &m_bytesBefore));
    for (const QString &path : std::as_const(files.relations))
        relations.push_back(holdSheet(path, &m_bytesBefore));
    SheetRow row;
    for (const HeldSheet &sheet : claims) {
        for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
            if (!sheet.rows[i].problem.isEmpty())
                continue;
            sheet.view(i, row);
            m_references.learnFromClaim(row);
        }
    }
    for (const QString &path : std::as_const(files.events)) {
        const std::int64_t before = m_bytesBefore;
        learnFromEvents(path);
        m_bytesBefore = before + QFileInfo(path).size();
        if (m_report.cancelled)
            break;
    }

    for (const QString &path : std::as_const(files.events)) {
        if (m_report.cancelled)
            break;
        const std::int64_t before = m_bytesBefore;
        importEvents(path);
        m_bytesBefore = before + QFileInfo(path).size();
        if (m_report.cancelled || tick(m_bytesBefore))
            break;
    }
    for (std::size_t i = 0; i < claims.size() && !m_report.cancelled; ++i)
        importClaims(claims[i]);
    for (std::size_t i = 0; i < relations.size() && !m_report.cancelled; ++i)
        importRelations(relations[i]);
    if (m_report.cancelled || tick(m_bytesBefore)) {
        m_report.cancelled = true;
        spdlog::info("Claimline CSV import cancelled after {} rows", m_report.rows);
        return std::move(m_report);
    }
    if (m_progress)
        m_progress->bytesDone = m_progress->bytesTotal.load();

    listMissing();
    m_project.invalidateIndexes();
    if (m_removeMissing)
        removeMissingItems();
    m_report.newParties = m_references.createdParties();
    m_project.invalidateIndexes();
    spdlog::info("imported {} Claimline CSV rows in {} ms: {} added, {} updated, {} unchanged, "
                 "{} refused, {} missing, {} removed",
                 m_report.rows, timer.elapsed(), m_report.added, m_report.updated,
                 m_report.unchanged, m_report.refused(), m_report.missingIds.size(),
                 m_report.removed);
    return std::move(m_report);
}

void ClaimlineCsvImport::refuse(const QString &path, std::int64_t line, const QString &reason)
{
    m_report.problems.push_back({path, line, reason});
}

bool ClaimlineCsvImport::tick(std::int64_t bytesDone)
{
    if (!m_progress)
        return false;
    m_progress->bytesDone = bytesDone;
    if (m_progress->cancel.load(std::memory_order_relaxed))
        m_report.cancelled = true;
    return m_report.cancelled;
}

IndexRange ClaimlineCsvImport::withStatusChange(IndexRange history, const QString &path,
                                                Status status)
{
    const std::span<const StatusChange> before = m_project.statusChanges(history);
    std::vector<StatusChange> changes(before.begin(), before.end());
    const QString reason = QStringLiteral("imported from ") + QFileInfo(path).fileName();
    changes.push_back({m_now, m_project.addText(reason), status});
    return m_project.addStatusChanges(changes);
}

QString ClaimlineCsvImport::repeated(std::vector<std::int64_t> &lines, std::uint32_t index,
                                     std::string_view id, std::int64_t line)
{
    if (index >= lines.size())
        lines.resize(index + 1, 0);
    if (lines[index] != 0)
        return QStringLiteral("id ") % quotedValue(id) % QStringLiteral(" is on line ")
            % QString::number(lines[index]) % QStringLiteral(" already");
    lines[index] = line;
    return {};
}

QString ClaimlineCsvImport::planSources(std::string_view ids, std::string_view titles,
                                        std::string_view urls)
{
    const std::vector<std::string_view> entries = listEntries(ids);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].empty())
            continue;
        if (QString problem = m_references.source(entries[i], pairedItem(entries, i, titles),
                                                  pairedItem(entries, i, urls));
            !problem.isEmpty())
            return problem;
    }
    return {};
}

bool ClaimlineCsvImport::makeSources(std::string_view ids, IndexRange &citations)
{
    // Every entry, repeats too: an item may cite one source twice, for two excerpts.
    std::vector<std::uint32_t> sources;
    for (const std::string_view id : listEntries(ids)) {
        if (!id.empty())
            sources.push_back(m_references.indexOf(id));
    }
    const std::span<const Citation> before = m_project.citations(citations);
    // The export leaves out a citation without a source; so does the comparison.
    std::vector<std::uint32_t> cited;
    for (const Citation &citation : before) {
        if (citation.source != NoIndex)
            cited.push_back(citation.source);
    }
    if (cited == sources)
        return false;
    // A source cited before keeps its citations, in their order: the n-th mention of a source
    // takes its n-th citation (and excerpt).
    std::vector<bool> taken(before.size(), false);
    std::vector<Citation> after;
    after.reserve(sources.size());
    for (const std::uint32_t source : sources) {
        std::size_t kept = 0;
        while (kept < before.size() && (taken[kept] || before[kept].source != source))
            ++kept;
        if (kept < before.size()) {
            taken[kept] = true;
            after.push_back(before[kept]);
        } else {
            after.push_back({source, {}});
        }
    }
    citations = m_project.addCitations(after);
    return true;
}

void ClaimlineCsvImport::listMissing()
{
    // A file that could not be read to its end may hold any of the ids: nothing of its kind is
    // taken for gone then.
    if (m_hadEvents && m_eventsWhole) {
        for (std::uint32_t i = 0; i < m_eventsBefore; ++i) {
            if (m_eventLines[i] == 0)
                m_missingEvents.push_back(i);
        }
    }
    if (m_hadClaims && m_claimsWhole) {
        for (std::uint32_t i = 0; i < m_claimsBefore; ++i) {
            if (m_claimLines[i] == 0)
                m_missingClaims.push_back(i);
        }
    }
    // relations.csv holds every relation between two claims it was exported with: one between
    // two claims of claims.csv that it lacks was deleted in the spreadsheet.
    if (m_hadRelations && m_relationsWhole && m_hadClaims && m_claimsWhole) {
        const auto &relations = m_project.relations();
        for (std::uint32_t i = 0; i < m_relationsBefore; ++i) {
            const Relation &relation = relations[i];
            if (!m_relationsSeen[i] && relation.from < m_claimsBefore
                && relation.to < m_claimsBefore && m_claimLines[relation.from] != 0
                && m_claimLines[relation.to] != 0)
                m_missingRelations.push_back(i);
        }
    }
    for (const std::uint32_t event : m_missingEvents)
        m_report.missingIds.emplace_back(m_project.view(m_project.events()[event].id));
    for (const std::uint32_t claim : m_missingClaims)
        m_report.missingIds.emplace_back(m_project.view(m_project.claims()[claim].id));
    for (const std::uint32_t index : m_missingRelations) {
        const Relation &relation = m_project.relations()[index];
        std::string text(m_project.view(m_project.claims()[relation.from].id));
        text.append(" ").append(nameOf(relation.kind)).append(" ");
        text.append(m_project.view(m_project.claims()[relation.to].id));
        m_report.missingIds.push_back(std::move(text));
    }
}

void ClaimlineCsvImport::removeMissingItems()
{
    // The relations first, from the last: a relation has no id and nothing refers to it, and
    // removing it shifts only those after it.
    auto &relations = m_project.relations();
    for (auto it = m_missingRelations.rbegin(); it != m_missingRelations.rend(); ++it)
        relations.erase(relations.begin() + std::ptrdiff_t(*it));
    std::int64_t removed = std::int64_t(m_missingRelations.size());
    m_project.invalidateIndexes();

    std::vector<ItemRef> items;
    for (const std::uint32_t event : m_missingEvents)
        items.push_back({ItemKind::Event, event});
    for (const std::uint32_t claim : m_missingClaims)
        items.push_back({ItemKind::Claim, claim});
    if (!items.empty()) {
        // Detach: a claim about a removed event stays, without the event (the user wrote it);
        // the relations of a removed claim go with it.
        DeletionPlan plan = planDeletion(m_project, items, DeleteMode::Detach);
        if (plan.ok()) {
            removed += std::int64_t(plan.removedCount(ItemKind::Event)
                                    + plan.removedCount(ItemKind::Claim));
            Removal(std::move(plan)).apply(m_project);
        } else {
            spdlog::warn("events and claims no longer in the files were kept: the removal was "
                         "refused");
        }
    }
    m_report.removed = removed;
}

ImportReport importClaimlineCsv(const QStringList &paths, Project &project,
                                ImportProgress *progress, bool removeMissing)
{
    return ClaimlineCsvImport(project, progress, removeMissing).run(paths);
}

} // namespace claimline
