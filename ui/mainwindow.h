#pragma once

// MainWindow: the application window. It owns the Document, the shared Selection and Filter
// that every view observes, the File menu (new, open, open recent, save, save as, revert,
// close, quit; with autosave, crash recovery and a watch on the open file), the View
// menu, the Details dock and the status line. It remembers its geometry, dock and toolbar
// layout and the recent files in QSettings, and opens a .claimline file dropped on it.
// The timeline is the central view; the other views (narratives, table, charts) dock into it
// in later work.

#include "export/exportdialog.h"
#include "export/picture.h"
#include "model.h"
#include "narratives/narrativestable.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>

#include <optional>
#include <utility>

class QAction;
class QActionGroup;
class QDockWidget;
class QTimeZone;
class QLabel;
class QMenu;
class QToolBar;

namespace claimline {

class ChartsView;
class Autosave;
class FileWatcher;

class DetailsView;
class Document;
class Filter;
class Selection;
class FilterPanel;
class CatalogView;
class DeleteDialog;
class InspectorView;
class ItemTableView;
class NarrativesView;
struct SavedView;
class TimelineOverview;
class TimelineView;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    Selection *selection() const { return m_selection; }
    Filter *filter() const { return m_filter; }
    DetailsView *detailsView() const { return m_detailsView; }
    InspectorView *inspector() const { return m_inspector; }
    // The View menu, for views that add their own actions.
    QMenu *viewMenu() const { return m_viewMenu; }
    TimelineView *timeline() const { return m_timeline; }
    NarrativesView *narratives() const { return m_narratives; }
    ItemTableView *table() const { return m_table; }
    ChartsView *charts() const { return m_charts; }
    FilterPanel *filterPanel() const { return m_filterPanel; }
    // The two selected claims as (answering, answered): the current claim answers the other.
    // Empty unless exactly two claims are selected.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> selectedClaimPair() const;
    // Edit > Link as Counter-Claim without its dialog: links the selected pair as `kind`.
    bool linkSelectedClaims(RelationKind kind);
    // --- creating and deleting (the Insert menu, the toolbar, context menus) ---------------
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
    CatalogView *catalog() const { return m_catalog; }

    // Restores a saved view: filter, time range, lane order, narratives A/B.
    void applyView(const SavedView &view);
    // The window's current state as a view of that name (what Save Current View stores).
    SavedView currentView(const QString &name) const;

    // Opens a project file; on failure shows every problem and keeps the current project.
    // On success the file becomes the first recent file and the one opened at next start.
    bool openFile(const QString &path);
    // The status line's text (for tests).
    QString statusText() const;

    // --- project lifecycle (File menu) ------------------------------------------------------
    // Each asks to save unsaved changes first (Save / Discard / Cancel); false when cancelled.
    bool newProject();
    bool closeProject();
    // Reloads the file from disk after confirmation; false when cancelled or it failed.
    bool revert();
    // Save failures are shown (path and cause); the document stays modified.
    bool save();
    bool saveAs();
    // Offers to restore recovery copies left by a crash (Restore / Discard / Decide Later).
    // Returns true when one was restored (then there is no need to open another file).
    bool offerRecovery();
    Autosave *autosave() const { return m_autosave; }
    FileWatcher *fileWatcher() const { return m_fileWatcher; }

    // Every lifecycle question and message is a QMessageBox passed to this function, which
    // returns the button chosen; by default it runs the box (exec()). Tests answer instead.
    using AskFunction = std::function<QMessageBox::StandardButton(QMessageBox &box)>;
    void setAskFunction(AskFunction ask) { m_ask = std::move(ask); }
    // Where Save As saves (default: a file dialog); empty cancels.
    using SavePathFunction = std::function<QString(const QString &suggested)>;
    void setSavePathFunction(SavePathFunction choose) { m_chooseSavePath = std::move(choose); }

public Q_SLOTS:
    // The time under the mouse, shown at the right of the status bar; empty clears it.
    void setCursorTimeText(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createInsertActions(QMenu *editMenu, QToolBar *toolBar);
    // Adds an item through `add` (which returns its index), selects it and shows the
    // Inspector.
    template<typename Add>
    std::uint32_t addAndEdit(ItemKind kind, Add add);
    void createTimelineActions();
    void exportViews();
    void print();
    // The picture File ▸ Export and Print make of a view (not of data formats).
    std::optional<Picture> pictureOf(const ExportChoice &choice, QString *error) const;
    NarrativesSpec narrativesSpec(ExportChoice::Target target) const;
    void updateSavedViewsMenu();
    void saveCurrentView();
    void setTimeZone(const QTimeZone &zone);
    void createDocks();
    void createChartsDock();
    void restoreSettings();
    void saveSettings() const;
    void addRecentFile(const QString &path);
    void updateRecentFilesMenu();
    void updateTimeZone();
    void open();
    bool saveTo(const QString &path);
    bool maybeSave();
    QMessageBox::StandardButton ask(QMessageBox &box);
    void fileChangedOnDisk(const QString &path);
    void updateFileActions();
    void updateTitle();
    void updateStatus();
    void showProblems(const QString &path, const QStringList &problems);

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    Filter *m_filter = nullptr;
    QLabel *m_statusLabel = nullptr;
    TimelineView *m_timeline = nullptr;
    QDockWidget *m_filterDock = nullptr;
    FilterPanel *m_filterPanel = nullptr;
    QDockWidget *m_narrativesDock = nullptr;
    NarrativesView *m_narratives = nullptr;
    QDockWidget *m_tableDock = nullptr;
    ItemTableView *m_table = nullptr;
    QDockWidget *m_chartsDock = nullptr;
    ChartsView *m_charts = nullptr;
    QMenu *m_savedViewsMenu = nullptr;
    QActionGroup *m_zoneGroup = nullptr;
    TimelineOverview *m_timelineOverview = nullptr;
    QLabel *m_cursorTimeLabel = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    DetailsView *m_detailsView = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    InspectorView *m_inspector = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QDockWidget *m_catalogDock = nullptr;
    CatalogView *m_catalog = nullptr;
    QAction *m_deleteAction = nullptr;
    DeleteDialogFunction m_askDelete;
    QAction *m_linkAction = nullptr;
    QAction *m_unlinkAction = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentFilesMenu = nullptr;
    Autosave *m_autosave = nullptr;
    FileWatcher *m_fileWatcher = nullptr;
    QAction *m_revertAction = nullptr;
    AskFunction m_ask;
    SavePathFunction m_chooseSavePath;
    bool m_askingToReload = false;
};

} // namespace claimline
