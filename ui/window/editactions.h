#pragma once

// EditActions: the window's actions that add, delete and link items. It makes the Edit menu's
// Link as Counter-Claim, Unlink Claims and Delete, the Insert menu (New Event, Claim, Party,
// Actor, Source, Question), their toolbar buttons and the context menus of the catalog, the
// timeline and the table. Each new item takes its defaults from the selection, is added as
// one undo step through the Document, selected and shown in the Inspector.

#include "model/model.h"

#include <QMessageBox>
#include <QObject>

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;

namespace claimline {

class CatalogView;
class DeleteDialog;
class Document;
class ItemTableView;
class Selection;
class TimelineView;

class EditActions final : public QObject
{
    Q_OBJECT

public:
    // The window's questions (ProjectSession::ask), so that tests answer them in one place.
    using AskFunction = std::function<QMessageBox::StandardButton(QMessageBox &box)>;
    // `window` is the parent of every dialog and gets the Insert menu; a new item is shown in
    // `inspectorDock`; a new event or claim without a time of its own takes the middle of
    // `timeline`'s visible range.
    EditActions(Document *document, Selection *selection, TimelineView *timeline,
                QDockWidget *inspectorDock, AskFunction ask, QMainWindow *window);

    // Adds the link, unlink and delete actions to `editMenu`, the Insert menu to the window's
    // menu bar, and the most used of them to `toolBar` and to the context menus of `catalog`,
    // the timeline and `table`.
    void createActions(QMenu *editMenu, QToolBar *toolBar, CatalogView *catalog,
                       ItemTableView *table);

    // The two selected claims as (answering, answered): the current claim answers the other.
    // Empty unless exactly two claims are selected.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> selectedClaimPair() const;
    // Edit > Link as Counter-Claim without its dialog: links the selected pair as `kind`.
    bool linkSelectedClaims(RelationKind kind);

    // Each adds an item with defaults taken from the selection (an event on the selected
    // item's party and day, a claim by the selected actor about the selected event…) as one
    // undo step, selects it and shows the Inspector to edit it. Returns its index, or NoIndex
    // when nothing was added (a claim needs a party or actor to make it).
    std::uint32_t newEvent();
    std::uint32_t newClaim();
    std::uint32_t newParty();
    std::uint32_t newActor();
    std::uint32_t newSource();
    std::uint32_t newQuestion();
    // Deletes the selected items after the confirmation (DeleteDialog), which says what refers
    // to them and what to do with those. Returns whether anything was deleted.
    bool deleteSelected();
    // The confirmation: the dialog is passed to this function, which returns whether to go
    // ahead (default: exec()). Tests choose in the dialog instead.
    using DeleteDialogFunction = std::function<bool(DeleteDialog &dialog)>;
    void setDeleteDialogFunction(DeleteDialogFunction ask) { m_askDelete = std::move(ask); }

private:
    void createLinkActions(QMenu *editMenu);
    void linkWithDialog();
    void updateLinkActions();
    // Adds an item through `add` (which returns its index), selects it and shows the
    // Inspector.
    template<typename Add>
    std::uint32_t addAndEdit(ItemKind kind, Add add);

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    TimelineView *m_timeline = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QMainWindow *m_window = nullptr;
    AskFunction m_ask;
    DeleteDialogFunction m_askDelete;
    QAction *m_deleteAction = nullptr;
    QAction *m_linkAction = nullptr;
    QAction *m_unlinkAction = nullptr;
};

} // namespace claimline
