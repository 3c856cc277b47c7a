#include "document/document.h"

#include "document/commands/addcommand.h"
#include "document/commands/editcommand.h"
#include "document/commands/editmetacommand.h"
#include "document/commands/importcommand.h"
#include "document/commands/positioncommand.h"
#include "document/commands/relationcommand.h"
#include "document/commands/removecommand.h"
#include "document/commands/setviewscommand.h"
#include "document/deletion.h"
#include "document/sameitem.h"
#include "evidence/evidencestore.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "model/idslug.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QUndoCommand>
#include <QUndoStack>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

namespace claimline {

namespace {

enum MergeId { EventTitle = 1, ClaimStatement = 2 };

// Merge ids: one per kind of item and field, so typing in an event's summary never merges
// with typing in a claim's quote.
int mergeId(ItemKind kind, Document::Field field)
{
    if (field == Document::Field::None)
        return -1;
    return int(kind) * 100 + int(field);
}

// Merge ids of the project's own fields: past every item kind's (mergeId()).
int metaMergeId(Document::Field field)
{
    if (field == Document::Field::None)
        return -1;
    return int(ItemKindCount) * 100 + int(field);
}

// For the log (never the text itself).
const char *metaFieldName(Document::Field field)
{
    switch (field) {
    case Document::Field::Title:
        return "title";
    case Document::Field::Description:
        return "description";
    case Document::Field::PublicDescription:
        return "public description";
    default:
        return "details";
    }
}

QString quotedTitle(const Project &project, TextRef text)
{
    QString title = project.text(text);
    if (title.size() > 40)
        title = title.left(39) + QChar(0x2026);
    return QChar(0x2018) + title + QChar(0x2019);
}

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Document::~Document() = default;

QString Document::displayName() const
{
    if (m_filePath.isEmpty())
        return tr("Untitled");
    return QFileInfo(m_filePath).fileName();
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::setProject(Project project, const QString &filePath)
{
    m_project = std::move(project);
    // Clearing a modified stack emits cleanChanged(true), which already announces
    // modifiedChanged(false); emitting it here as well would announce it twice.
    m_undoStack->clear();
    m_undoStack->setClean();
    m_provisionalIds.clear();
    m_evidence = {};
    if (m_filePath != filePath) {
        m_filePath = filePath;
        Q_EMIT filePathChanged(m_filePath);
    }
    Q_EMIT reset();
    Q_EMIT evidenceChanged();
}

Problems Document::load(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    LoadResult result = loadProject(path);
    if (!result.ok()) {
        spdlog::info("opening a project failed with {} problem(s)", result.problems.size());
        return std::move(result.problems);
    }
    spdlog::info("opened a project with {} events and {} claims in {} ms",
                 result.project->events().size(), result.project->claims().size(), timer.elapsed());
    setProject(std::move(*result.project), QFileInfo(path).absoluteFilePath());
    return {};
}

void Document::markModified()
{
    m_undoStack->resetClean();
}

QString Document::save(const QString &path)
{
    const QString target = path.isEmpty() ? m_filePath : path;
    if (target.isEmpty())
        return tr("Choose a file name to save the project.");
    QElapsedTimer timer;
    timer.start();
    const QString error = saveProject(m_project, target);
    if (!error.isEmpty()) {
        spdlog::info("saving the project failed");
        return error; // nothing on disk changed, the evidence folders included
    }
    // Into another folder: the evidence follows (what could not is said, never skipped
    // silently). After the save, so that a failed save leaves the new folder as it was.
    m_evidenceNotCarried.clear();
    if (!m_filePath.isEmpty())
        m_evidenceNotCarried = EvidenceStore::forProjectFile(m_filePath)
                                   .carryTo(EvidenceStore::forProjectFile(target), m_project);
    spdlog::info("saved the project in {} ms", timer.elapsed());
    m_provisionalIds.clear(); // saved ids are for good
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        Q_EMIT filePathChanged(m_filePath);
    }
    m_undoStack->setClean();
    return {};
}

void Document::setEventTitle(std::uint32_t event, const QString &title)
{
    Event after = m_project.events()[event];
    // Committing an unchanged field (an editor losing focus) is not an edit: it must not
    // add an undo step or mark the document modified.
    if (m_project.text(after.title) == title)
        return;
    const QString text = tr("Change title of %1").arg(quotedTitle(m_project, after.title));
    after.title = m_project.addText(title);
    m_undoStack->push(new EditCommand<Event>(this, event, after, EventTitle, text));
}

template<typename Item>
void Document::setItemStatus(std::uint32_t index, Status status)
{
    Item after = m_project.items<Item>()[index];
    if (after.status == status)
        return;
    const QString text = tr("Set status of %1 to %2")
                             .arg(quotedTitle(m_project, after.*ItemTraits<Item>::label),
                                  QString::fromUtf8(nameOf(status)));
    after.status = status;
    m_undoStack->push(new EditCommand<Item>(this, index, after, -1, text));
}

void Document::setEventStatus(std::uint32_t event, Status status)
{
    setItemStatus<Event>(event, status);
}

void Document::setClaimStatement(std::uint32_t claim, const QString &statement)
{
    Claim after = m_project.claims()[claim];
    if (m_project.text(after.statement) == statement)
        return; // not an edit (see setEventTitle)
    const QString text = tr("Change statement of %1").arg(quotedTitle(m_project, after.statement));
    after.statement = m_project.addText(statement);
    m_undoStack->push(new EditCommand<Claim>(this, claim, after, ClaimStatement, text));
}

void Document::setClaimStatus(std::uint32_t claim, Status status)
{
    setItemStatus<Claim>(claim, status);
}

template<typename Item>
void Document::edit(std::uint32_t index, const Item &after, const QString &actionText, Field field)
{
    const std::vector<Item> &items = m_project.items<Item>();
    if (index >= items.size() || sameItem(m_project, items[index], after))
        return;
    m_undoStack->push(new EditCommand<Item>(this, index, after,
                                            mergeId(ItemTraits<Item>::kind, field), actionText));
}

template void Document::edit(std::uint32_t, const Event &, const QString &, Field);
template void Document::edit(std::uint32_t, const Claim &, const QString &, Field);
template void Document::edit(std::uint32_t, const Party &, const QString &, Field);
template void Document::edit(std::uint32_t, const Actor &, const QString &, Field);
template void Document::edit(std::uint32_t, const Source &, const QString &, Field);
template void Document::edit(std::uint32_t, const Question &, const QString &, Field);

void Document::setMeta(const ProjectMeta &after, const QString &actionText, Field field)
{
    if (sameMeta(m_project, m_project.meta(), after))
        return;
    const bool merges = field != Field::None && m_undoStack->index() > 0
        && m_undoStack->command(m_undoStack->index() - 1)->id() == metaMergeId(field);
    m_undoStack->push(new EditMetaCommand(this, after, metaMergeId(field), actionText));
    // Typing merges into one step: one log line for the step, not one per keystroke.
    if (!merges)
        spdlog::info("edited the project's {}", metaFieldName(field));
}

template<typename Item>
std::uint32_t Document::addItem(const Item &item, const QString &text)
{
    const std::string_view id = m_project.view(item.id);
    if (id.empty() || m_project.find(id))
        return NoIndex;
    m_provisionalIds.emplace(id);
    auto *command = new AddCommand<Item>(this, item, text);
    const std::uint32_t index = command->index();
    m_undoStack->push(command);
    spdlog::info("added a new {}", nameOf(ItemTraits<Item>::kind));
    return index;
}

std::uint32_t Document::addParty(const Party &party)
{
    return addItem(party, tr("Add party %1").arg(quotedTitle(m_project, party.name)));
}

std::uint32_t Document::addActor(const Actor &actor)
{
    return addItem(actor, tr("Add actor %1").arg(quotedTitle(m_project, actor.name)));
}

std::uint32_t Document::addSource(const Source &source)
{
    return addItem(source, tr("Add source %1").arg(quotedTitle(m_project, source.title)));
}

std::uint32_t Document::addEvent(const Event &event)
{
    return addItem(event, tr("Add event %1").arg(quotedTitle(m_project, event.title)));
}

std::uint32_t Document::addQuestion(const Question &question)
{
    return addItem(question, tr("Add question %1").arg(quotedTitle(m_project, question.text)));
}

std::uint32_t Document::addClaim(const Claim &claim)
{
    return addItem(claim, tr("Add claim %1").arg(quotedTitle(m_project, claim.statement)));
}

QString Document::uniqueId(ItemKind kind, const QString &hint) const
{
    return uniqueIdFor(kind, hint, {});
}

TextRef Document::idFollowingName(ItemRef item, const QString &name)
{
    const TextRef current = m_project.idOf(item);
    if (!m_provisionalIds.contains(std::string(m_project.view(current))))
        return current;
    const QString id = uniqueIdFor(item.kind, name, item);
    if (id.toStdString() == m_project.view(current))
        return current;
    m_provisionalIds.emplace(id.toStdString());
    return m_project.addText(id);
}

QString Document::uniqueIdFor(ItemKind kind, const QString &hint, ItemRef self) const
{
    QString base = idSlug(hint);
    const bool fromHint = !base.isEmpty();
    if (!fromHint)
        base = QString::fromLatin1(nameOf(kind).data(), qsizetype(nameOf(kind).size()));
    // An item's own id is free for it.
    const auto taken = [this, self](const QString &id) {
        const auto found = m_project.find(id.toStdString());
        return found.has_value() && *found != self;
    };
    if (fromHint && !taken(base))
        return base;
    for (int n = fromHint ? 2 : 1;; ++n) {
        const QString id = base + QLatin1Char('-') + QString::number(n);
        if (!taken(id))
            return id;
    }
}

bool Document::deleteItems(const std::vector<ItemRef> &items, DeleteMode mode,
                           std::uint32_t reassignTo)
{
    DeletionPlan plan = planDeletion(m_project, items, mode, reassignTo);
    if (!plan.ok()) {
        spdlog::debug("deletion refused");
        return false;
    }
    // Named after what was asked for: "Delete ‘Russia’", "Delete 3 items"; the cascade shows
    // in the confirmation, not in the undo text.
    std::vector<ItemRef> asked;
    for (const ItemRef &item : items) {
        if (std::find(asked.begin(), asked.end(), item) == asked.end())
            asked.push_back(item);
    }
    const QString text = asked.size() == 1 ? tr("Delete %1").arg(quotedName(asked.front()))
                                           : tr("Delete %1 items").arg(asked.size());
    const std::size_t removed = plan.removedCount();
    m_undoStack->push(new RemoveCommand(this, std::move(plan), text));
    spdlog::info("deleted {} item(s)", removed);
    return true;
}

int Document::setStatus(const std::vector<ItemRef> &items, Status status, const QString &reason)
{
    // The change is recorded at the current minute, UTC.
    const FuzzyTime now = FuzzyTime::fromInstant(QDateTime::currentSecsSinceEpoch());
    const TextRef why = m_project.addText(reason.trimmed());
    const auto withChange = [&](IndexRange history) {
        std::vector<StatusChange> changes(m_project.statusChanges(history).begin(),
                                          m_project.statusChanges(history).end());
        changes.push_back({now, why, status});
        return m_project.addStatusChanges(changes);
    };
    std::vector<ItemRef> changing;
    for (const ItemRef &item : items) {
        if (item.kind == ItemKind::Event && item.index < m_project.events().size()
            && m_project.events()[item.index].status != status)
            changing.push_back(item);
        else if (item.kind == ItemKind::Claim && item.index < m_project.claims().size()
                 && m_project.claims()[item.index].status != status)
            changing.push_back(item);
    }
    if (changing.empty())
        return 0;
    const QString statusName = QString::fromUtf8(nameOf(status));
    const QString text = changing.size() == 1
        ? tr("Set status of %1 to %2").arg(quotedName(changing.front()), statusName)
        : tr("Set status of %1 items to %2").arg(changing.size()).arg(statusName);
    // One undo step for the lot: a macro of one command per item.
    m_undoStack->beginMacro(text);
    for (const ItemRef &item : changing) {
        if (item.kind == ItemKind::Event) {
            Event after = m_project.events()[item.index];
            after.status = status;
            after.history = withChange(after.history);
            m_undoStack->push(new EditCommand<Event>(this, item.index, after, -1, text));
        } else {
            Claim after = m_project.claims()[item.index];
            after.status = status;
            after.history = withChange(after.history);
            m_undoStack->push(new EditCommand<Claim>(this, item.index, after, -1, text));
        }
    }
    m_undoStack->endMacro();
    spdlog::info("set the status of {} item(s)", changing.size());
    return int(changing.size());
}

bool Document::linkClaims(std::uint32_t from, std::uint32_t to, RelationKind kind)
{
    const std::size_t claims = m_project.claims().size();
    if (from >= claims || to >= claims || from == to)
        return false;
    for (const Relation &r : m_project.relations()) {
        if (r.from == from && r.to == to && r.kind == kind)
            return false;
    }
    auto *command = new QUndoCommand(tr("Link %1 as %2 %3")
                                         .arg(quotedName({ItemKind::Claim, from}),
                                              QString::fromUtf8(nameOf(kind)),
                                              quotedName({ItemKind::Claim, to})));
    Relation relation;
    relation.from = from;
    relation.to = to;
    relation.kind = kind;
    new RelationCommand(this, std::uint32_t(m_project.relations().size()), relation, true, command);
    m_undoStack->push(command);
    spdlog::info("linked two claims");
    return true;
}

int Document::unlinkClaims(std::uint32_t a, std::uint32_t b)
{
    std::vector<std::uint32_t> found;
    const std::vector<Relation> &relations = m_project.relations();
    for (std::uint32_t i = 0; i < relations.size(); ++i) {
        if ((relations[i].from == a && relations[i].to == b)
            || (relations[i].from == b && relations[i].to == a))
            found.push_back(i);
    }
    if (found.empty())
        return 0;
    auto *command = new QUndoCommand(
        tr("Unlink %1 and %2")
            .arg(quotedName({ItemKind::Claim, a}), quotedName({ItemKind::Claim, b})));
    // From the last to the first, so each index is still right when its removal runs (and
    // undo re-inserts them first to last).
    for (auto it = found.rbegin(); it != found.rend(); ++it)
        new RelationCommand(this, *it, relations[*it], false, command);
    m_undoStack->push(command);
    spdlog::info("unlinked two claims");
    return int(found.size());
}

bool Document::setPosition(std::uint32_t question, std::uint32_t party, const QString &text)
{
    if (question >= m_project.questions().size() || party >= m_project.parties().size())
        return false;
    const std::uint32_t index = m_project.positionOf(question, party);
    std::optional<Position> before;
    if (index != NoIndex) {
        before = m_project.positions()[index];
        // Committing what the cell already holds (an editor closing) is not an edit.
        if (m_project.text(before->text) == text)
            return false;
    }
    const QString line = text.simplified();
    std::optional<Position> after;
    if (!line.isEmpty()) {
        if (before && m_project.text(before->text) == line)
            return false;
        after = before.value_or(Position {question, party, {}, NoIndex});
        after->text = m_project.addText(line);
    } else if (!before) {
        return false;
    }
    const QString who = quotedName({ItemKind::Party, party});
    const QString on = quotedName({ItemKind::Question, question});
    const QString actionText = !after ? tr("Clear position of %1 on %2").arg(who, on)
        : before                      ? tr("Change position of %1 on %2").arg(who, on)
                                      : tr("Set position of %1 on %2").arg(who, on);
    m_undoStack->push(new PositionCommand(
        this, index == NoIndex ? std::uint32_t(m_project.positions().size()) : index,
        std::move(before), std::move(after), actionText));
    spdlog::info("{} a position", !after ? "cleared" : "set");
    return true;
}

QString Document::quotedName(ItemRef item) const
{
    if (!m_project.contains(item))
        return tr("an item");
    return quotedTitle(m_project, m_project.labelOf(item));
}

void Document::setViews(nlohmann::json views, const QString &actionText)
{
    if (views == m_project.views())
        return;
    m_undoStack->push(new SetViewsCommand(this, std::move(views), actionText));
}

void Document::applyImport(Project after, const QString &actionText)
{
    m_undoStack->push(new ImportCommand(this, std::move(after), actionText));
    spdlog::info("applied an import: {} events", m_project.events().size());
}

} // namespace claimline
