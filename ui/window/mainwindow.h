#pragma once

// MainWindow: the application window. It owns the Document and the shared Selection and Filter
// that every view observes, builds the window around them (the timeline in the centre, the
// docks, the menus and toolbar, the status line and title, the display time zone), remembers
// its geometry and dock and toolbar layout in QSettings, and opens a .claimline file dropped on
// it (and opens the import wizard on datasets dropped on it). What the menus do lives in the
// objects it owns: ProjectSession (the project's life: open, save, revert, recovery, outside
// changes, recent files), EditActions (add, delete, link), ImportActions (import),
// ExportActions (export and print), AnnotationActions (star, analyst name) and SavedViewsMenu.
// The docks are made in mainwindowdocks.cpp.

#include "model/model.h"

#include <QMainWindow>
#include <QMessageBox>

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

class QActionGroup;
class QDockWidget;
class QTimeZone;
class QLabel;
class QMenu;
class QToolBar;

namespace claimline {

class AnnotationActions;
class AnnotationsView;
class Autosave;
class CatalogView;
class ChartsView;
class DeleteDialog;
class DetailsView;
class Document;
class EditActions;
class EvidenceActions;
class ExportActions;
class FileWatcher;
class Filter;
class FilterPanel;
class ImportActions;
class InspectorView;
class ItemTableView;
class NarrativesView;
class PositionsView;
class ProjectSession;
class SavedViewsMenu;
class Selection;
class StartStack;
class ThemeManager;
class TimeWindow;
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
    TimeWindow *timeWindow() const { return m_timeWindow; }
    DetailsView *detailsView() const { return m_detailsView; }
    InspectorView *inspector() const { return m_inspector; }
    // The View menu, for views that add their own actions.
    QMenu *viewMenu() const { return m_viewMenu; }
    TimelineView *timeline() const { return m_timeline; }
    NarrativesView *narratives() const { return m_narratives; }
    PositionsView *positions() const { return m_positions; }
    ItemTableView *table() const { return m_table; }
    ChartsView *charts() const { return m_charts; }
    FilterPanel *filterPanel() const { return m_filterPanel; }
    CatalogView *catalog() const { return m_catalog; }
    AnnotationsView *annotations() const { return m_annotations; }
    // Edit ▸ Star and Tools ▸ Analyst Name (annotation/annotationactions.h).
    AnnotationActions *annotationActions() const { return m_annotationActions; }
    // What the menus do, for callers that need more than the shortcuts below.
    ProjectSession *session() const { return m_session; }
    EditActions *editActions() const { return m_editActions; }
    ImportActions *importActions() const { return m_importActions; }
    EvidenceActions *evidenceActions() const { return m_evidenceActions; }
    SavedViewsMenu *savedViewsMenu() const { return m_savedViewsMenu; }
    // The centre: the start page while no project is open, else the timeline (start/).
    StartStack *startStack() const { return m_startStack; }
    // View ▸ Theme (theme/).
    ThemeManager *themeManager() const { return m_themeManager; }
    // The status line's text (for tests).
    QString statusText() const;

    // --- shortcuts to EditActions (the Edit and Insert menus) -------------------------------
    std::optional<std::pair<std::uint32_t, std::uint32_t>> selectedClaimPair() const;
    bool linkSelectedClaims(RelationKind kind);
    std::uint32_t newEvent();
    std::uint32_t newClaim();
    std::uint32_t newParty();
    std::uint32_t newActor();
    std::uint32_t newSource();
    std::uint32_t newQuestion();
    bool deleteSelected();
    using DeleteDialogFunction = std::function<bool(DeleteDialog &dialog)>;
    void setDeleteDialogFunction(DeleteDialogFunction ask);

    // --- shortcuts to ProjectSession (the File menu; projectsession.h says what each does) ---
    bool openFile(const QString &path);
    bool newProject();
    bool closeProject();
    bool revert();
    bool save();
    bool saveAs();
    bool offerRecovery();
    Autosave *autosave() const;
    FileWatcher *fileWatcher() const;
    // Every question the window asks goes through this function (see ProjectSession).
    using AskFunction = std::function<QMessageBox::StandardButton(QMessageBox &box)>;
    void setAskFunction(AskFunction ask);
    using SavePathFunction = std::function<QString(const QString &suggested)>;
    void setSavePathFunction(SavePathFunction choose);

public Q_SLOTS:
    // The time under the mouse, shown at the right of the status bar; empty clears it.
    void setCursorTimeText(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createTimelineActions();
    void setTimeZone(const QTimeZone &zone);
    // The docks (mainwindowdocks.cpp).
    void createDocks();
    void createChartsDock();
    void createAnnotationsDock();
    void restoreSettings();
    void saveSettings() const;
    void updateTimeZone();
    void updateTitle();
    void updateStatus();
    void followProjectSwap();

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    Filter *m_filter = nullptr;
    TimeWindow *m_timeWindow = nullptr;
    QLabel *m_statusLabel = nullptr;
    TimelineView *m_timeline = nullptr;
    QDockWidget *m_filterDock = nullptr;
    FilterPanel *m_filterPanel = nullptr;
    QDockWidget *m_narrativesDock = nullptr;
    NarrativesView *m_narratives = nullptr;
    QDockWidget *m_positionsDock = nullptr;
    PositionsView *m_positions = nullptr;
    QDockWidget *m_tableDock = nullptr;
    ItemTableView *m_table = nullptr;
    QDockWidget *m_chartsDock = nullptr;
    ChartsView *m_charts = nullptr;
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
    QDockWidget *m_annotationsDock = nullptr;
    AnnotationsView *m_annotations = nullptr;
    AnnotationActions *m_annotationActions = nullptr;
    QMenu *m_viewMenu = nullptr;
    ProjectSession *m_session = nullptr;
    EditActions *m_editActions = nullptr;
    ImportActions *m_importActions = nullptr;
    ExportActions *m_exportActions = nullptr;
    EvidenceActions *m_evidenceActions = nullptr;
    SavedViewsMenu *m_savedViewsMenu = nullptr;
    StartStack *m_startStack = nullptr;
    ThemeManager *m_themeManager = nullptr;
};

} // namespace claimline
