// The rows of events.csv: each updates the event with its id, or adds one.

#include "import/claimlinecsv/claimlinecsvimport.h"
#include "import/claimlinecsv/sheetcells.h"
#include "import/claimlinecsv/sheetfields.h"
#include "import/formats/fieldtext.h"
#include "model/project.h"

#include <QStringBuilder>

#include <algorithm>

namespace claimline {

namespace {

// Rows between progress updates and looks at the cancel flag.
constexpr std::int64_t ProgressEvery = 4096;

// A coordinate as the export writes it: ten significant digits.
QString coordinateText(double value)
{
    return value == value ? QString::number(value, 'g', 10) : QString();
}

QString kindMismatch(std::string_view id, ItemKind kind)
{
    return QStringLiteral("id ") % quotedValue(id) % QStringLiteral(" is ") % kindWithArticle(kind)
        % QStringLiteral(" in the project, not an event");
}

} // namespace

void ClaimlineCsvImport::learnFromEvents(const QString &path)
{
    ExportSheet sheet;
    if (!sheet.open(path).isEmpty())
        return;
    SheetRow row;
    QString problem;
    for (std::int64_t rows = 1; sheet.next(row, problem); ++rows) {
        if (rows % ProgressEvery == 0 && tick(m_bytesBefore + sheet.bytesRead()))
            return;
        if (problem.isEmpty())
            m_references.learnFromEvent(row);
    }
}

void ClaimlineCsvImport::importEvents(const QString &path)
{
    ExportSheet sheet;
    if (const QString error = sheet.open(path); !error.isEmpty()) {
        refuse(path, 0, error);
        m_eventsWhole = false;
        return;
    }
    SheetRow row;
    QString problem;
    while (sheet.next(row, problem)) {
        ++m_report.rows;
        if (m_report.rows % ProgressEvery == 0 && tick(m_bytesBefore + sheet.bytesRead()))
            return;
        if (!problem.isEmpty()) {
            // Refused is not gone: the event stays off the missing list.
            if (const auto item = m_project.find(row.word(EventColumn::Id));
                item && item->kind == ItemKind::Event)
                (void)repeated(m_eventLines, item->index, {}, row.line);
            refuse(path, row.line, problem);
            continue;
        }
        importEvent(path, row);
    }
    if (const QString error = sheet.error(); !error.isEmpty()) {
        refuse(path, 0, error);
        m_eventsWhole = false;
    }
}

void ClaimlineCsvImport::importEvent(const QString &path, const SheetRow &row)
{
    EventFields fields;
    const QString problem = readEventFields(row, fields);
    const std::optional<ItemRef> item
        = fields.id.empty() ? std::nullopt : m_project.find(fields.id);
    if (item && item->kind != ItemKind::Event) {
        refuse(path, row.line, kindMismatch(fields.id, item->kind));
        return;
    }
    if (item) {
        if (QString again = repeated(m_eventLines, item->index, fields.id, row.line);
            !again.isEmpty()) {
            refuse(path, row.line, again);
            return;
        }
    }
    if (!problem.isEmpty()) {
        refuse(path, row.line, problem);
        return;
    }
    // An index rather than the optional: g++ 12 takes the optional's value for uninitialized.
    const std::uint32_t existing = item ? item->index : NoIndex;
    const Event *before = item ? &m_project.events()[existing] : nullptr;
    if (row.has(EventColumn::When)) {
        if (QString why = derivedTimesProblem(
                row.raw(EventColumn::Earliest), row.raw(EventColumn::Latest), fields.when,
                before ? &before->when : nullptr, "when", row.word(EventColumn::When));
            !why.isEmpty()) {
            refuse(path, row.line, why);
            return;
        }
    }
    if (QString why = planEvent(row, before); !why.isEmpty()) {
        m_references.discard();
        refuse(path, row.line, why);
        return;
    }
    m_references.commit();
    if (before) {
        Event event = *before;
        if (makeEvent(path, row, fields, event, false)) {
            m_project.events()[existing] = event;
            ++m_report.updated;
        } else {
            ++m_report.unchanged;
        }
        return;
    }
    Event event;
    event.id = m_project.addText(fields.id);
    (void)makeEvent(path, row, fields, event, true);
    const auto index = std::uint32_t(m_project.events().size());
    m_project.events().push_back(event);
    (void)m_project.registerId({ItemKind::Event, index});
    (void)repeated(m_eventLines, index, fields.id, row.line);
    ++m_report.added;
}

QString ClaimlineCsvImport::planEvent(const SheetRow &row, const Event *before)
{
    if (!before && !row.has(EventColumn::When))
        return QStringLiteral("the file has no when column: a new event needs a time");
    if (row.has(EventColumn::Parties)) {
        const std::vector<std::string_view> entries = listEntries(row.raw(EventColumn::Parties));
        const bool none = std::all_of(entries.begin(), entries.end(),
                                      [](std::string_view id) { return id.empty(); });
        // An event of the project's without parties (an import's) may stay so; none may be
        // taken away.
        if (none && (!before || before->parties.count > 0))
            return QStringLiteral("parties is empty: an event needs at least one party");
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].empty())
                continue;
            const std::string_view name = pairedItem(entries, i, row.raw(EventColumn::PartyNames));
            if (QString problem = m_references.party("party", entries[i], name, "party_names");
                !problem.isEmpty())
                return problem;
        }
    } else if (!before) {
        return QStringLiteral("the file has no parties column: a new event needs a party");
    }
    if (row.has(EventColumn::Sources))
        return planSources(row.raw(EventColumn::Sources), row.raw(EventColumn::SourceTitles),
                           row.raw(EventColumn::SourceUrls));
    return {};
}

bool ClaimlineCsvImport::makeEvent(const QString &path, const SheetRow &row,
                                   const EventFields &fields, Event &event, bool isNew)
{
    bool changed = false;
    const auto text = [&](EventColumn column, TextRef &ref) {
        if (row.has(column) && !readsAs(row.raw(column), m_project.view(ref))) {
            ref = m_project.addText(cellText(row.raw(column)));
            changed = true;
        }
    };
    text(EventColumn::Title, event.title);
    if (row.has(EventColumn::When) && fields.when != event.when) {
        event.when = fields.when;
        changed = true;
    }
    if (row.has(EventColumn::Kind)) {
        const std::string_view kind = row.word(EventColumn::Kind);
        const std::string_view current
            = event.kind == NoIndex ? std::string_view() : m_project.word(event.kind);
        if (kind != current) {
            event.kind = kind.empty() ? NoIndex : m_project.internWord(kind);
            changed = true;
        }
    }
    if (row.has(EventColumn::Status) && fields.status != event.status) {
        event.status = fields.status;
        // A change of the status is kept in its history, as an edit's is; a new event's status
        // is where it starts.
        if (!isNew)
            event.history = withStatusChange(event.history, path, fields.status);
        changed = true;
    }
    if (row.has(EventColumn::Parties)) {
        std::vector<std::uint32_t> parties;
        for (const std::string_view id : listItems(row.raw(EventColumn::Parties)))
            parties.push_back(m_references.indexOf(id));
        const std::span<const std::uint32_t> current = m_project.indices(event.parties);
        if (!std::equal(current.begin(), current.end(), parties.begin(), parties.end())) {
            event.parties = m_project.addIndices(parties);
            changed = true;
        }
    }
    if (row.has(EventColumn::Tags)) {
        const std::vector<std::string_view> tags = listItems(row.raw(EventColumn::Tags));
        const std::span<const std::uint32_t> current = m_project.indices(event.tags);
        const bool same = std::equal(
            current.begin(), current.end(), tags.begin(), tags.end(),
            [&](std::uint32_t word, std::string_view tag) { return m_project.word(word) == tag; });
        if (!same) {
            std::vector<std::uint32_t> words;
            for (const std::string_view tag : tags)
                words.push_back(m_project.internWord(tag));
            event.tags = m_project.addIndices(words);
            changed = true;
        }
    }
    text(EventColumn::Location, event.locationName);
    if ((row.has(EventColumn::Latitude) || row.has(EventColumn::Longitude))
        && (coordinateText(fields.latitude) != coordinateText(event.latitude)
            || coordinateText(fields.longitude) != coordinateText(event.longitude))) {
        event.latitude = fields.latitude;
        event.longitude = fields.longitude;
        changed = true;
    }
    text(EventColumn::Summary, event.summary);
    if (row.has(EventColumn::Sources) && makeSources(row.raw(EventColumn::Sources), event.sources))
        changed = true;
    return changed;
}

} // namespace claimline
