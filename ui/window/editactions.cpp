#include "window/editactions.h"

#include "document/document.h"
#include "document/selection.h"
#include "edit/catalogview.h"
#include "edit/deletedialog.h"
#include "model/project.h"
#include "periods/periodsdialog.h"
#include "table/itemtableview.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>
#include <QToolBar>

#include <vector>

namespace claimline {

namespace {

// Defaults for a new item, from the selection's current item.
struct EditContext
{
    std::uint32_t party = NoIndex;
    Speaker speaker;
    std::uint32_t event = NoIndex;
    std::uint32_t question = NoIndex;
    std::optional<FuzzyTime> when;
};

EditContext editContext(const Project &project, ItemRef current)
{
    EditContext context;
    switch (current.kind) {
    case ItemKind::Event:
        if (current.index < project.events().size()) {
            const Event &event = project.events()[current.index];
            const auto parties = project.indices(event.parties);
            if (!parties.empty()) {
                context.party = parties.front();
                context.speaker = {parties.front(), true};
            }
            context.event = current.index;
            context.when = event.when;
        }
        break;
    case ItemKind::Claim:
        if (current.index < project.claims().size()) {
            const Claim &claim = project.claims()[current.index];
            context.party = project.partyOfClaim(current.index);
            context.speaker = claim.claimant;
            context.event = claim.about;
            context.question = claim.question;
            context.when = claim.madeAt;
        }
        break;
    case ItemKind::Party:
        if (current.index < project.parties().size()) {
            context.party = current.index;
            context.speaker = {current.index, true};
        }
        break;
    case ItemKind::Actor:
        if (current.index < project.actors().size()) {
            context.party = project.actors()[current.index].party;
            context.speaker = {current.index, false};
        }
        break;
    case ItemKind::Question:
        if (current.index < project.questions().size())
            context.question = current.index;
        break;
    case ItemKind::Source:
        break;
    }
    if (context.when
        && (context.when->isNull() || context.when->isOpenStart() || context.when->isOpenEnd()))
        context.when.reset();
    return context;
}

} // namespace

EditActions::EditActions(Document *document, Selection *selection, TimelineView *timeline,
                         QDockWidget *inspectorDock, AskFunction ask, QMainWindow *window)
    : QObject(window)
    , m_document(document)
    , m_selection(selection)
    , m_timeline(timeline)
    , m_inspectorDock(inspectorDock)
    , m_window(window)
    , m_ask(std::move(ask))
{ }

void EditActions::createActions(QMenu *editMenu, QToolBar *toolBar, CatalogView *catalog,
                                ItemTableView *table)
{
    createLinkActions(editMenu);
    editMenu->addSeparator();
    m_deleteAction = editMenu->addAction(tr("&Delete…"), this, &EditActions::deleteSelected);
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setStatusTip(tr("Delete the selected items, saying what refers to them"));
    const auto updateDelete = [this] {
        m_deleteAction->setEnabled(!m_selection->isEmpty());
    };
    connect(m_selection, &Selection::changed, this, updateDelete);
    updateDelete();
    editMenu->addSeparator();
    QAction *periods = editMenu->addAction(
        tr("&Periods…"), this, [this] { PeriodsDialog::showFor(m_document, m_window); });
    periods->setObjectName(QStringLiteral("periodsAction"));
    periods->setStatusTip(tr("Name spans of time, drawn as bands behind the timeline's lanes"));

    QMenu *insertMenu = m_window->menuBar()->addMenu(tr("&Insert"));
    insertMenu->setObjectName(QStringLiteral("insertMenu"));
    const auto add = [&](const QString &text, const char *name, auto slot) {
        QAction *action = insertMenu->addAction(text, this, [this, slot] { (this->*slot)(); });
        action->setObjectName(QLatin1String(name));
        return action;
    };
    QAction *event = add(tr("New &Event"), "newEventAction", &EditActions::newEvent);
    event->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    event->setStatusTip(tr("Add an event on the selected item's lane and day"));
    QAction *claim = add(tr("New &Claim"), "newClaimAction", &EditActions::newClaim);
    claim->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    claim->setStatusTip(tr("Add a claim by the selected actor or party, about the selected event"));
    insertMenu->addSeparator();
    QAction *party = add(tr("New &Party"), "newPartyAction", &EditActions::newParty);
    QAction *actor = add(tr("New &Actor"), "newActorAction", &EditActions::newActor);
    QAction *source = add(tr("New &Source"), "newSourceAction", &EditActions::newSource);
    QAction *question = add(tr("New &Question"), "newQuestionAction", &EditActions::newQuestion);

    toolBar->addSeparator();
    toolBar->addAction(event);
    toolBar->addAction(claim);
    toolBar->addAction(m_deleteAction);

    // Context menus: the catalog's kinds, and events and claims where they are shown.
    catalog->addActions({party, actor, source, question});
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    catalog->addAction(separator);
    catalog->addAction(m_deleteAction);
    m_timeline->setEditActions({event, claim, m_deleteAction});
    QTableView *tableView = table->table();
    tableView->setContextMenuPolicy(Qt::ActionsContextMenu);
    tableView->addActions({event, claim, separator, m_deleteAction});
}

void EditActions::createLinkActions(QMenu *editMenu)
{
    // Relations between two selected claims: the current one (selected last) answers the other.
    m_linkAction
        = editMenu->addAction(tr("&Link as Counter-Claim…"), this, &EditActions::linkWithDialog);
    m_linkAction->setObjectName(QStringLiteral("linkClaimsAction"));
    m_linkAction->setShortcut(tr("Ctrl+L"));
    m_linkAction->setStatusTip(tr("Select two claims, the answering one last, to link them"));
    m_unlinkAction = editMenu->addAction(tr("U&nlink Claims"), this, [this] {
        if (const auto pair = selectedClaimPair())
            m_document->unlinkClaims(pair->first, pair->second);
    });
    m_unlinkAction->setObjectName(QStringLiteral("unlinkClaimsAction"));
    connect(m_selection, &Selection::changed, this, &EditActions::updateLinkActions);
    connect(m_document, &Document::relationsChanged, this, &EditActions::updateLinkActions);
    connect(m_document, &Document::reset, this, &EditActions::updateLinkActions);
    connect(m_document, &Document::structureChanged, this, &EditActions::updateLinkActions);
    updateLinkActions();
}

void EditActions::linkWithDialog()
{
    const auto pair = selectedClaimPair();
    if (!pair)
        return;
    QStringList kinds;
    for (const std::string_view name : RelationKindNames)
        kinds << QString::fromLatin1(name.data(), qsizetype(name.size()));
    bool ok = false;
    const QString kind
        = QInputDialog::getItem(m_window, tr("Link as Counter-Claim"),
                                tr("%1 answers %2. How?")
                                    .arg(m_document->quotedName({ItemKind::Claim, pair->first}),
                                         m_document->quotedName({ItemKind::Claim, pair->second})),
                                kinds, 0, false, &ok);
    if (ok)
        linkSelectedClaims(*enumFromName<RelationKind>(RelationKindNames, kind.toStdString()));
}

void EditActions::updateLinkActions()
{
    const auto pair = selectedClaimPair();
    m_linkAction->setEnabled(pair.has_value());
    bool linked = false;
    if (pair) {
        for (const Relation &r : m_document->project().relations())
            linked = linked || (r.from == pair->first && r.to == pair->second)
                || (r.from == pair->second && r.to == pair->first);
    }
    m_unlinkAction->setEnabled(linked);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> EditActions::selectedClaimPair() const
{
    std::vector<std::uint32_t> claims;
    for (const ItemRef &item : m_selection->items()) {
        if (item.kind == ItemKind::Claim)
            claims.push_back(item.index);
    }
    if (claims.size() != 2 || claims[0] == claims[1])
        return std::nullopt;
    // The current claim answers; without one, the one selected last.
    const ItemRef current = m_selection->current();
    const std::uint32_t answer = current.kind == ItemKind::Claim
            && (current.index == claims[0] || current.index == claims[1])
        ? current.index
        : claims[1];
    return std::pair {answer, answer == claims[0] ? claims[1] : claims[0]};
}

bool EditActions::linkSelectedClaims(RelationKind kind)
{
    const auto pair = selectedClaimPair();
    return pair && m_document->linkClaims(pair->first, pair->second, kind);
}

template<typename Add>
std::uint32_t EditActions::addAndEdit(ItemKind kind, Add add)
{
    const std::uint32_t index = add();
    if (index == NoIndex)
        return NoIndex;
    m_selection->select({kind, index});
    m_inspectorDock->show();
    m_inspectorDock->raise();
    return index;
}

std::uint32_t EditActions::newEvent()
{
    const EditContext context = editContext(m_document->project(), m_selection->current());
    return addAndEdit(ItemKind::Event, [&] {
        const QString title = tr("New event");
        Event event;
        event.id = m_document->addText(m_document->uniqueId(ItemKind::Event, title));
        event.title = m_document->addText(title);
        // The selected item's time, or the day in the middle of the timeline.
        const TimeScale &scale = m_timeline->scale();
        event.when = context.when.value_or(FuzzyTime::fromInstant(
            std::int64_t((scale.start() + scale.end()) / 2), Precision::Day));
        if (context.party != NoIndex)
            event.parties = m_document->addIndices(std::vector<std::uint32_t> {context.party});
        return m_document->addEvent(event);
    });
}

std::uint32_t EditActions::newClaim()
{
    const Project &current = m_document->project();
    EditContext context = editContext(current, m_selection->current());
    if (!context.speaker.isValid()) {
        if (!current.actors().empty())
            context.speaker = {0, false};
        else if (!current.parties().empty())
            context.speaker = {0, true};
    }
    if (!context.speaker.isValid()) {
        QMessageBox box(QMessageBox::Information, tr("New Claim"),
                        tr("A claim is made by a party or an actor. Add a party first "
                           "(Insert ▸ New Party)."),
                        QMessageBox::Ok, m_window);
        box.setTextFormat(Qt::PlainText);
        m_ask(box);
        return NoIndex;
    }
    return addAndEdit(ItemKind::Claim, [&] {
        const QString statement = tr("New claim");
        Claim claim;
        claim.id = m_document->addText(m_document->uniqueId(ItemKind::Claim, statement));
        claim.statement = m_document->addText(statement);
        claim.claimant = context.speaker;
        claim.about = context.event;
        claim.question = context.question;
        const TimeScale &scale = m_timeline->scale();
        claim.madeAt = context.when.value_or(FuzzyTime::fromInstant(
            std::int64_t((scale.start() + scale.end()) / 2), Precision::Day));
        return m_document->addClaim(claim);
    });
}

std::uint32_t EditActions::newParty()
{
    return addAndEdit(ItemKind::Party, [&] {
        const QString name = tr("New party");
        Party party;
        party.id = m_document->addText(m_document->uniqueId(ItemKind::Party, name));
        party.name = m_document->addText(name);
        return m_document->addParty(party);
    });
}

std::uint32_t EditActions::newActor()
{
    const EditContext context = editContext(m_document->project(), m_selection->current());
    return addAndEdit(ItemKind::Actor, [&] {
        const QString name = tr("New actor");
        Actor actor;
        actor.id = m_document->addText(m_document->uniqueId(ItemKind::Actor, name));
        actor.name = m_document->addText(name);
        actor.party = context.party;
        return m_document->addActor(actor);
    });
}

std::uint32_t EditActions::newSource()
{
    return addAndEdit(ItemKind::Source, [&] {
        const QString title = tr("New source");
        Source source;
        source.id = m_document->addText(m_document->uniqueId(ItemKind::Source, title));
        source.title = m_document->addText(title);
        return m_document->addSource(source);
    });
}

std::uint32_t EditActions::newQuestion()
{
    return addAndEdit(ItemKind::Question, [&] {
        const QString text = tr("New question");
        Question question;
        question.id = m_document->addText(m_document->uniqueId(ItemKind::Question, text));
        question.text = m_document->addText(text);
        return m_document->addQuestion(question);
    });
}

bool EditActions::deleteSelected()
{
    const std::vector<ItemRef> items = m_selection->items();
    if (items.empty())
        return false;
    DeleteDialog dialog(m_document, items, m_window);
    const bool go = m_askDelete ? m_askDelete(dialog) : dialog.exec() == QDialog::Accepted;
    if (!go)
        return false;
    return m_document->deleteItems(items, dialog.mode(), dialog.reassignTarget());
}

} // namespace claimline
