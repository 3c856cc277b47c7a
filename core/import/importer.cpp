#include "import/importer.h"

#include "document/deletion.h"
#include "import/claimlinecsv/claimlinecsv.h"
#include "import/eventmerger.h"
#include "import/importsource.h"
#include "import/partyresolver.h"
#include "import/sourceresolver.h"
#include "model/idindex.h"
#include "model/project.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>

namespace claimline {

namespace {

// Rows between progress updates and looks at the cancel flag: often enough for a progress
// bar (a million rows make 250 steps), rarely enough to cost nothing.
constexpr std::int64_t ProgressEvery = 4096;
// What a row of ACLED takes in its CSV, to size the arrays once (a guess: UCDP rows are
// longer, which only leaves room unused).
constexpr std::int64_t BytesPerRow = 400;
// Of each row's lists, per row, for the same guess.
constexpr std::size_t AttributesPerRow = 24, IndicesPerRow = 3, CitationsPerRow = 2;

// One run of importFiles().
class Import
{
public:
    Import(Project &project, const ImportOptions &options, ImportProgress *progress)
        : m_project(project)
        , m_options(options)
        , m_progress(progress)
        , m_partyMap(PartyMap::ofProject(project))
        , m_eventsBefore(project.events().size())
        , m_seen(m_eventsBefore, false)
        , m_parties(project, m_partyMap)
        , m_sources(project)
        , m_merger(project, m_parties, m_sources)
    {
        m_partyMap.merge(options.partyMap);
    }

    ImportReport run(const QStringList &files);

private:
    // Everything about one format met in the files. An event a row made is found by its id,
    // "acled-" + the row's id, in the project's own id index, and checked by its origin (no
    // second index of a million ids). Only events named otherwise (the user had the id:
    // "acled-UKR1-2") are kept by row id here, so that a re-import finds them too.
    struct FormatState
    {
        bool met = false;
        std::uint32_t word = NoIndex;
        std::string idPrefix; // "acled-"
        bool heldBefore = false; // the project had events of this format
        IdIndex renamed;
    };

    void importFile(const QString &path, std::int64_t size);
    // What a file says of the dataset as a whole: a title and description for a project
    // without a title, periods the project does not have yet.
    void applyExtras(const DatasetExtras &extras);
    void applyRow(FormatState &state, const ImportRow &row);
    FormatState &stateOf(ImportFormat format);
    std::optional<std::uint32_t> findEvent(const FormatState &state, std::string_view rowId);
    void markSeen(const FormatState &state, std::string_view rowId);
    // Saves the progress; true when the caller asked to cancel.
    bool tick(std::int64_t fileBytes);
    void reserve(std::int64_t totalBytes);
    void listMissing();
    void removeMissing();

    std::string_view rowIdOf(std::uint32_t event) const
    {
        return m_project.view(m_project.originOf(m_project.events()[event])->id);
    }

    Project &m_project;
    const ImportOptions &m_options;
    ImportProgress *m_progress;
    PartyMap m_partyMap;
    std::size_t m_eventsBefore;
    std::vector<bool> m_seen; // of the events before the import, those a row named
    PartyResolver m_parties;
    SourceResolver m_sources;
    EventMerger m_merger;
    std::array<FormatState, ImportFormatNames.size()> m_formats;
    ImportReport m_report;
    std::int64_t m_bytesBefore = 0; // of the files done
    bool m_fileFailed = false;
    std::vector<std::uint32_t> m_missing; // event indices
    std::string m_eventId; // findEvent()'s buffer
};

ImportReport Import::run(const QStringList &files)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<std::int64_t> sizes;
    std::int64_t total = 0;
    for (const QString &path : files) {
        sizes.push_back(QFileInfo(path).size());
        total += sizes.back();
    }
    if (m_progress) {
        m_progress->bytesTotal = total;
        m_progress->bytesDone = 0;
    }
    reserve(total);

    for (qsizetype i = 0; i < files.size() && !m_report.cancelled; ++i) {
        importFile(files[i], sizes[std::size_t(i)]);
        m_bytesBefore += sizes[std::size_t(i)];
        // A small file never reaches a row count that looks at the flag.
        if (m_progress && m_progress->cancel.load(std::memory_order_relaxed))
            m_report.cancelled = true;
    }
    if (m_report.cancelled) {
        spdlog::info("import cancelled after {} rows", m_report.rows);
        return std::move(m_report);
    }
    if (m_progress)
        m_progress->bytesDone = total;

    // A file that could not be read may hold any of the ids: nothing is taken for gone then.
    if (!m_fileFailed) {
        listMissing();
        if (m_options.removeMissing)
            removeMissing();
    }
    if (!m_partyMap.isEmpty())
        m_partyMap.storeIn(m_project);
    m_report.newParties = m_parties.createdNames();
    m_project.invalidateIndexes();
    spdlog::info("imported {} rows from {} file(s) in {} ms: {} added, {} updated, {} unchanged, "
                 "{} refused, {} missing, {} removed",
                 m_report.rows, files.size(), timer.elapsed(), m_report.added, m_report.updated,
                 m_report.unchanged, m_report.refused(), m_report.missingIds.size(),
                 m_report.removed);
    return std::move(m_report);
}

void Import::reserve(std::int64_t totalBytes)
{
    // Sized once from the files' sizes: growing a vector of a million events by doubling
    // copies it again and again, and holds old and new at once at the peak.
    const auto rows = std::size_t(totalBytes / BytesPerRow);
    // A project about as large as the files most likely holds an earlier export of them: its
    // rows update events and add little, and room for them all would copy every array once
    // for nothing. Such a project grows as it must.
    if (m_project.events().size() * 10 > rows)
        return;
    m_project.reserve(m_project.events().size() + rows, m_project.claims().size());
    m_project.reservePools(rows * IndicesPerRow, rows * CitationsPerRow, rows * AttributesPerRow);
}

bool Import::tick(std::int64_t fileBytes)
{
    if (!m_progress)
        return false;
    m_progress->bytesDone = m_bytesBefore + fileBytes;
    return m_progress->cancel.load(std::memory_order_relaxed);
}

Import::FormatState &Import::stateOf(ImportFormat format)
{
    FormatState &state = m_formats[std::size_t(format)];
    if (state.met)
        return state;
    state.met = true;
    state.word = m_project.internWord(nameOf(format));
    state.idPrefix = std::string(nameOf(format)) + '-';
    const auto keyOf = [this](std::uint32_t event) {
        return rowIdOf(event);
    };
    const auto &events = m_project.events();
    for (std::uint32_t i = 0; i < m_eventsBefore; ++i) {
        const Origin *origin = m_project.originOf(events[i]);
        if (!origin || origin->format != state.word || origin->id.isEmpty())
            continue;
        state.heldBefore = true;
        const std::string_view id = m_project.view(events[i].id);
        const std::string_view rowId = m_project.view(origin->id);
        if (!(id.size() == state.idPrefix.size() + rowId.size() && id.starts_with(state.idPrefix)
              && id.ends_with(rowId)))
            state.renamed.insert(rowId, i, keyOf);
    }
    return state;
}

std::optional<std::uint32_t> Import::findEvent(const FormatState &state, std::string_view rowId)
{
    if (rowId.empty())
        return std::nullopt;
    m_eventId.assign(state.idPrefix).append(rowId);
    if (const auto item = m_project.find(m_eventId); item && item->kind == ItemKind::Event) {
        const Origin *origin = m_project.originOf(m_project.events()[item->index]);
        if (origin && origin->format == state.word && m_project.view(origin->id) == rowId)
            return item->index;
    }
    if (state.renamed.size() == 0)
        return std::nullopt;
    return state.renamed.find(rowId, [this](std::uint32_t event) { return rowIdOf(event); });
}

void Import::markSeen(const FormatState &state, std::string_view rowId)
{
    if (const auto event = findEvent(state, rowId); event && *event < m_eventsBefore)
        m_seen[*event] = true;
}

void Import::importFile(const QString &path, std::int64_t size)
{
    QString error;
    const std::unique_ptr<RowSource> source = openRowSource(
        path, m_options.format, m_options.mapping ? &*m_options.mapping : nullptr, &error);
    if (!source) {
        m_report.problems.push_back({path, 0, error});
        m_fileFailed = true;
        spdlog::info("a file was not imported: not readable as a dataset");
        return;
    }
    FormatState &state = stateOf(source->format());
    m_merger.setFormat(source->format());
    ImportRow row;
    QString problem;
    while (source->next(row, problem)) {
        ++m_report.rows;
        if (m_report.rows % ProgressEvery == 0 && tick(source->bytesRead())) {
            m_report.cancelled = true;
            return;
        }
        if (!problem.isEmpty()) {
            m_report.problems.push_back({path, row.line, problem});
            // Refused is not gone: the event stays off the missing list.
            markSeen(state, row.id);
            continue;
        }
        applyRow(state, row);
    }
    if (const QString stopped = source->error(); !stopped.isEmpty()) {
        m_report.problems.push_back({path, 0, stopped});
        m_fileFailed = true;
    }
    applyExtras(source->extras());
    tick(size);
}

void Import::applyExtras(const DatasetExtras &extras)
{
    ProjectMeta &meta = m_project.meta();
    // A new project takes the dataset's title slide; a project of the user's keeps its own.
    if (meta.title.isEmpty() && !extras.title.empty()) {
        meta.title = m_project.addText(extras.title);
        if (meta.publicDescription.isEmpty() && !extras.description.empty())
            meta.publicDescription = m_project.addText(extras.description);
        m_report.titleSet = true;
    }
    // A period the project has (same title and time: an earlier import of the file) is not
    // added again; one the user renamed or moved is theirs, and the file's comes back.
    for (const DatasetPeriod &period : extras.periods) {
        const auto &periods = m_project.periods();
        const bool held = std::any_of(periods.begin(), periods.end(), [&](const Period &p) {
            return p.when == period.when && m_project.view(p.title) == period.title;
        });
        if (!held && m_project.addPeriod({}, period.title, period.when) != NoIndex)
            ++m_report.periodsAdded;
    }
}

void Import::applyRow(FormatState &state, const ImportRow &row)
{
    // When the project held no event of the format and no id was taken by another item, the
    // event's registration is the lookup: a repeated row id finds its event there. That
    // saves a probe of the project's id index (a cache and TLB miss) per row.
    const bool registrationFinds = !state.heldBefore && state.renamed.size() == 0;
    std::optional<std::uint32_t> existing;
    if (!registrationFinds)
        existing = findEvent(state, row.id);
    if (!existing) {
        std::uint32_t sameRow = NoIndex;
        const std::uint32_t event = m_merger.add(row, registrationFinds ? &sameRow : nullptr);
        if (event != NoIndex) {
            ++m_report.added;
            // Named otherwise ("acled-UKR1-2"): found by row id from now on.
            if (!row.id.empty()
                && m_project.view(m_project.events()[event].id).size()
                    != state.idPrefix.size() + row.id.size())
                state.renamed.insert(row.id, event, [this](std::uint32_t e) { return rowIdOf(e); });
            return;
        }
        existing = sameRow;
    }
    if (*existing < m_eventsBefore)
        m_seen[*existing] = true;
    // A row id seen twice (two overlapping exports) leaves the later row's version: the files
    // are read in the order given, so the newer export goes last.
    switch (m_merger.merge(*existing, row)) {
    case MergeResult::Updated:
        ++m_report.updated;
        break;
    case MergeResult::Unchanged:
        ++m_report.unchanged;
        break;
    }
}

void Import::listMissing()
{
    const auto &events = m_project.events();
    for (const FormatState &state : m_formats) {
        if (!state.met)
            continue;
        for (std::uint32_t i = 0; i < m_eventsBefore; ++i) {
            const Origin *origin = m_project.originOf(events[i]);
            if (!m_seen[i] && origin && origin->format == state.word && !origin->id.isEmpty()) {
                m_missing.push_back(i);
                m_report.missingIds.emplace_back(m_project.view(origin->id));
            }
        }
    }
}

void Import::removeMissing()
{
    if (m_missing.empty())
        return;
    std::vector<ItemRef> items;
    items.reserve(m_missing.size());
    for (const std::uint32_t event : m_missing)
        items.push_back({ItemKind::Event, event});
    // Detach: claims about a removed event stay, without the event (the user wrote them).
    DeletionPlan plan = planDeletion(m_project, items, DeleteMode::Detach);
    if (!plan.ok()) {
        spdlog::warn("events no longer in the files were kept: the removal was refused");
        return;
    }
    const std::size_t removed = plan.removedCount(ItemKind::Event);
    Removal(std::move(plan)).apply(m_project);
    m_report.removed = std::int64_t(removed);
}

} // namespace

ImportReport importFiles(const QStringList &files, Project &project, const ImportOptions &options,
                         ImportProgress *progress)
{
    // Claimline's CSV export is matched by item id, not by a dataset's row ids: it is read by
    // its own importer, and never together with a dataset (whose rows it could take for
    // missing).
    const auto isExport = [&options](const QString &path) {
        return options.format == ImportFormat::ClaimlineCsv
            || (options.format == ImportFormat::Auto
                && probeDataset(path, ImportFormat::Auto).format == ImportFormat::ClaimlineCsv);
    };
    const auto exports = std::count_if(files.begin(), files.end(), isExport);
    if (exports == 0)
        return Import(project, options, progress).run(files);
    if (exports == files.size()) {
        ImportReport report = importClaimlineCsv(files, project, progress, options.removeMissing);
        report.eventsOnly = false;
        return report;
    }
    ImportReport report;
    for (const QString &path : files) {
        if (isExport(path))
            report.problems.push_back(
                {path, 0,
                 QStringLiteral("Claimline's CSV export is imported on its own: import it "
                                "apart from the other files")});
    }
    return report;
}

} // namespace claimline
