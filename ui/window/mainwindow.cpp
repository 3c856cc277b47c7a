#include "window/mainwindow.h"

#include "annotation/annotationactions.h"
#include "charts/chartsview.h"
#include "details/detailsview.h"
#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "document/timewindow.h"
#include "edit/catalogview.h"
#include "evidence/evidenceactions.h"
#include "evidence/evidencechecker.h"
#include "filter/filterpanel.h"
#include "inspector/inspectorview.h"
#include "model/project.h"
#include "narratives/narrativesview.h"
#include "positions/positionsview.h"
#include "publish/exportactions.h"
#include "session/autosave.h"
#include "start/startstack.h"
#include "table/itemtableview.h"
#include "text/visibletext.h"
#include "theme/thememanager.h"
#include "timeline/timelineoverview.h"
#include "timeline/timelineview.h"
#include "window/editactions.h"
#include "window/importactions.h"
#include "window/projectsession.h"
#include "window/savedviewsmenu.h"
#include "window/standardkeys.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTextDocument>
#include <QTimeZone>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace claimline {

namespace {

// Settings keys. The window state carries a version so that a later change of the docks can
// ignore a layout saved by an older build instead of restoring it half-way.
const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
constexpr int WindowStateVersion = 1;

// The project file a drag carries: exactly one local file named *.claimline, else empty.
QString droppedProjectPath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.front().isLocalFile())
        return {};
    const QString path = urls.front().toLocalFile();
    return path.endsWith(ProjectSession::fileSuffix(), Qt::CaseInsensitive) ? path : QString();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_selection(new Selection(this))
    , m_filter(new Filter(this))
    , m_timeWindow(new TimeWindow(this))
    , m_statusLabel(new QLabel(this))
    , m_cursorTimeLabel(new QLabel(this))
{
    // Before any view connects: a view following added or removed items reads a selection
    // and a filter that already follow them.
    connect(m_document, &Document::structureChanged, m_selection, &Selection::remap);
    connect(m_document, &Document::structureChanged, m_filter, &Filter::remap);
    connect(m_document, &Document::reset, this, &MainWindow::followProjectSwap);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_statusLabel, 1);
    m_cursorTimeLabel->setObjectName(QStringLiteral("cursorTimeLabel"));
    m_cursorTimeLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_cursorTimeLabel);
    // The timeline fills the centre, its overview strip under it.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    m_timeline = new TimelineView(m_document, m_selection, m_filter, centre);
    m_timeline->setTimeWindow(m_timeWindow);
    m_timelineOverview = new TimelineOverview(m_timeline, centre);
    centreLayout->addWidget(m_timeline, 1);
    centreLayout->addWidget(m_timelineOverview);
    // While no project is open the centre is the start page instead (start/startstack.h).
    m_startStack = new StartStack(m_document, centre, m_timeline, this);
    setCentralWidget(m_startStack);
    m_themeManager = new ThemeManager(this);
    connect(m_timeline, &TimelineView::cursorTimeChanged, this, &MainWindow::setCursorTimeText);

    createDocks();
    // What the menus do. The edits' one question (a claim needs a party first) goes through
    // the session's ask function, so that tests answer every question in one place.
    m_session = new ProjectSession(m_document, m_selection, this);
    m_editActions = new EditActions(
        m_document, m_selection, m_timeline, m_inspectorDock,
        [this](QMessageBox &box) { return m_session->ask(box); }, this);
    m_exportActions = new ExportActions(m_document, m_filter, m_timeline, m_narratives, this);
    m_importActions = new ImportActions(m_document, m_session, m_startStack, this);
    m_evidenceActions
        = new EvidenceActions(m_document, m_selection, new EvidenceChecker(m_document, this), this);
    createActions();
    m_session->connectStartStack(m_startStack);
    setAcceptDrops(true);
    connect(m_document, &Document::reset, this, &MainWindow::updateStatus);
    connect(m_document, &Document::reset, this, &MainWindow::updateTitle);
    connect(m_document, &Document::reset, this, &MainWindow::updateTimeZone);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::metaChanged, this, &MainWindow::updateStatus);
    connect(m_filter, &Filter::changed, this, &MainWindow::updateStatus);
    connect(m_document, &Document::structureChanged, this, &MainWindow::updateStatus);
    // The status line counts relations too: linking two claims adds one.
    connect(m_document, &Document::relationsChanged, this, &MainWindow::updateStatus);

    // First start: most of the screen, since the timeline, a side dock and the narratives all
    // want room; later starts restore what the user left.
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        const QSize available = screen->availableGeometry().size();
        resize(std::max(900, available.width() * 9 / 10),
               std::max(600, available.height() * 9 / 10));
    } else {
        resize(1280, 800);
    }
    // Docks move between areas and stack as tabs, but never come loose: a short drag on a
    // title bar or a tab (often meant as a resize, the separator being a few pixels away) or a
    // double-click on a title turned a dock into a window of its own, which then had to be
    // found and put back. Every dock, whoever added it.
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        dock->setFeatures(dock->features() & ~QDockWidget::DockWidgetFloatable);
    restoreSettings();
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_session->createActions(fileMenu, toolBar);
    fileMenu->addSeparator();
    m_importActions->createActions(fileMenu);
    // Exports and printing (issue 7): every view through its Picture (common/picture.h).
    QAction *exportAction
        = fileMenu->addAction(tr("&Export…"), m_exportActions, &ExportActions::exportViews);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *printAction
        = fileMenu->addAction(tr("&Print…"), m_exportActions, &ExportActions::print);
    printAction->setShortcut(QKeySequence::Print);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcuts(standardKeys(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    // Link, unlink and delete, then the Insert menu after this one.
    m_editActions->createActions(editMenu, toolBar, m_catalog, m_table);
    editMenu->addSeparator();
    editMenu->addAction(m_annotationActions->starAction());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_detailsDock->toggleViewAction());
    m_viewMenu->addAction(m_inspectorDock->toggleViewAction());
    m_viewMenu->addAction(m_historyDock->toggleViewAction());
    m_viewMenu->addAction(m_catalogDock->toggleViewAction());
    m_viewMenu->addAction(m_filterDock->toggleViewAction());
    m_viewMenu->addAction(m_narrativesDock->toggleViewAction());
    m_viewMenu->addAction(m_positionsDock->toggleViewAction());
    m_viewMenu->addAction(m_tableDock->toggleViewAction());
    m_viewMenu->addAction(m_chartsDock->toggleViewAction());
    m_viewMenu->addAction(m_annotationsDock->toggleViewAction());
    m_viewMenu->addAction(toolBar->toggleViewAction());
    m_savedViewsMenu
        = new SavedViewsMenu(m_document, m_filter, m_timeline, m_narratives, this, m_viewMenu);
    m_viewMenu->addMenu(m_savedViewsMenu);
    createTimelineActions();
    m_viewMenu->addSeparator();
    m_themeManager->addMenu(m_viewMenu);
    m_evidenceActions->createMenu(menuBar())->addAction(m_annotationActions->analystNameAction());
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Claimline"), this, [this] {
        QMessageBox::about(this, tr("About Claimline"),
                           tr("Claimline %1\nLay out a contested sequence of events on a "
                              "timeline and compare the competing narratives about it.")
                               .arg(QStringLiteral(CLAIMLINE_VERSION)));
    });
}

void MainWindow::createTimelineActions()
{
    m_viewMenu->addSeparator();
    for (QAction *action : m_timeline->viewActions())
        m_viewMenu->addAction(action);
    m_viewMenu->addSeparator();

    // Display time zone: UTC by default, the viewer's zone, the zones of the reference case,
    // and the project's own zone when it names one.
    QMenu *zones = m_viewMenu->addMenu(tr("Time &Zone"));
    m_zoneGroup = new QActionGroup(this);
    const auto addZone = [&](const QString &text, const QTimeZone &zone) {
        if (!zone.isValid())
            return;
        QAction *action = zones->addAction(text);
        action->setCheckable(true);
        action->setChecked(zone == m_timeline->timeZone());
        action->setData(zone.id());
        m_zoneGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, zone] { setTimeZone(zone); });
    };
    addZone(tr("UTC"), QTimeZone::utc());
    addZone(tr("Local (%1)").arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())),
            QTimeZone::systemTimeZone());
    addZone(tr("Moscow (Europe/Moscow)"), QTimeZone("Europe/Moscow"));
    addZone(tr("Kyiv (Europe/Kyiv)"),
            QTimeZone(QTimeZone("Europe/Kyiv").isValid() ? "Europe/Kyiv" : "Europe/Kiev"));
    addZone(tr("Washington (America/New_York)"), QTimeZone("America/New_York"));

    QAction *shade = m_viewMenu->addAction(tr("Shade &Weekends and Nights"));
    shade->setCheckable(true);
    shade->setChecked(m_timeline->options().shadeOffHours);
    connect(shade, &QAction::toggled, m_timeline, &TimelineView::setShadeOffHours);
    QAction *links = m_viewMenu->addAction(tr("Show &Answers and Leaders"));
    links->setCheckable(true);
    links->setChecked(m_timeline->options().showRelations);
    connect(links, &QAction::toggled, m_timeline, &TimelineView::setShowRelations);
    QAction *dim = m_viewMenu->addAction(tr("&Dim Filtered-Out Items"));
    dim->setCheckable(true);
    dim->setChecked(m_timeline->dimsFiltered());
    dim->setToolTip(tr("Draw items the filter rejects faded instead of hiding them"));
    connect(dim, &QAction::toggled, m_timeline, &TimelineView::setDimFiltered);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session->maybeSave()) {
        saveSettings();
        // A clean close: no recovery copy is needed any more.
        m_session->autosave()->discard();
        event->accept();
    } else {
        event->ignore();
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (droppedProjectPath(event->mimeData()).isEmpty()
        && ImportActions::datasetPaths(event->mimeData()).isEmpty())
        event->ignore();
    else
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // Datasets open the import wizard (its first step shows what each file is).
    if (const QStringList datasets = ImportActions::datasetPaths(event->mimeData());
        !datasets.isEmpty()) {
        event->acceptProposedAction();
        m_importActions->importFiles(datasets);
        return;
    }
    const QString path = droppedProjectPath(event->mimeData());
    if (path.isEmpty() || !m_session->maybeSave()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    m_session->openFile(path);
}

void MainWindow::followProjectSwap()
{
    // A project swapped in whole (opened, an import kept, undone or redone) holds other items
    // at the same indices: nothing stays selected, and the filter forgets what is gone, before
    // any view reads them.
    m_selection->clear();
    m_filter->forgetMissing(m_document->project());
}

void MainWindow::setCursorTimeText(const QString &text)
{
    m_cursorTimeLabel->setText(text);
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    restoreState(settings.value(StateKey).toByteArray(), WindowStateVersion);
    // A layout saved while docks could float may have one floating: it goes back in its area.
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        if (dock->isFloating())
            dock->setFloating(false);
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState(WindowStateVersion));
}

void MainWindow::updateTimeZone()
{
    // The project's display zone (an IANA id); UTC when it has none or names no zone known
    // to this system.
    const Project &project = m_document->project();
    const std::string_view id = project.view(project.meta().displayTimeZone);
    const QTimeZone zone
        = id.empty() ? QTimeZone::utc() : QTimeZone(QByteArray(id.data(), qsizetype(id.size())));
    setTimeZone(zone.isValid() ? zone : QTimeZone::utc());
}

void MainWindow::setTimeZone(const QTimeZone &zone)
{
    // The timeline and the charts follow the TimeWindow themselves; the other views show
    // times without a range.
    m_timeWindow->setZone(zone);
    m_detailsView->setTimeZone(m_timeWindow->zone());
    m_inspector->setTimeZone(m_timeWindow->zone());
    m_narratives->setTimeZone(m_timeWindow->zone());
    m_table->setTimeZone(m_timeWindow->zone());
    for (QAction *action : m_zoneGroup->actions())
        action->setChecked(action->data().toByteArray() == zone.id());
}

void MainWindow::updateTitle()
{
    setWindowFilePath(m_document->filePath());
    setWindowTitle(visibleText(m_document->displayName()) + QStringLiteral("[*] — Claimline"));
    setWindowModified(m_document->isModified());
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

void MainWindow::updateStatus()
{
    const Project &project = m_document->project();
    const ItemBits &shown = m_filter->accepted(project);
    const std::size_t events = shown.eventCount();
    const std::size_t claims = shown.claimCount();
    const QString title = project.text(project.meta().title);
    // File text on one line: controls and bidi overrides shown, never obeyed.
    const QString name = visibleText(title.isEmpty() ? m_document->displayName() : title);
    // English plurals by hand ("1 relation", not "1 relations"): the app ships no
    // translation that would give tr()'s %n forms their words.
    const auto counted = [](std::size_t n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(n);
    };
    m_statusLabel->setText(
        tr("%1 — %2 of %3, %4 of %5, %6, %7")
            .arg(name, QString::number(events),
                 counted(project.events().size(), tr("1 event"), tr("%1 events")),
                 QString::number(claims),
                 counted(project.claims().size(), tr("1 claim"), tr("%1 claims")),
                 counted(project.parties().size(), tr("1 party"), tr("%1 parties")),
                 counted(project.relations().size(), tr("1 relation"), tr("%1 relations"))));
    // What the filter hides, in words: on the line a summary that stays short however many
    // parties are hidden ("Filter: only Ukraine", "3 of 11 parties"), in its tooltip every
    // criterion in full, each party named (escaped: file text is never markup).
    const QString filter = m_filter->summary(project);
    const QString details = m_filter->description(project);
    QString tip;
    if (!details.isEmpty()) {
        tip = Qt::convertFromPlainText(tr("Filter:") + u'\n' + details, Qt::WhiteSpaceNormal);
        // A tooltip of a few lines is wrapped to a narrow column by Qt: give long lists (every
        // hidden party) a readable width.
        if (details.size() > 120)
            tip = QStringLiteral("<table width=\"460\"><tr><td>") + tip
                + QStringLiteral("</td></tr></table>");
    }
    m_statusLabel->setToolTip(tip);
    if (!filter.isEmpty())
        m_statusLabel->setText(m_statusLabel->text() + QStringLiteral(" — ") + filter);
}

// --- shortcuts to the objects that do the work ----------------------------------------------

std::optional<std::pair<std::uint32_t, std::uint32_t>> MainWindow::selectedClaimPair() const
{
    return m_editActions->selectedClaimPair();
}

bool MainWindow::linkSelectedClaims(RelationKind kind)
{
    return m_editActions->linkSelectedClaims(kind);
}

std::uint32_t MainWindow::newEvent()
{
    return m_editActions->newEvent();
}

std::uint32_t MainWindow::newClaim()
{
    return m_editActions->newClaim();
}

std::uint32_t MainWindow::newParty()
{
    return m_editActions->newParty();
}

std::uint32_t MainWindow::newActor()
{
    return m_editActions->newActor();
}

std::uint32_t MainWindow::newSource()
{
    return m_editActions->newSource();
}

std::uint32_t MainWindow::newQuestion()
{
    return m_editActions->newQuestion();
}

bool MainWindow::deleteSelected()
{
    return m_editActions->deleteSelected();
}

void MainWindow::setDeleteDialogFunction(DeleteDialogFunction ask)
{
    m_editActions->setDeleteDialogFunction(std::move(ask));
}

bool MainWindow::openFile(const QString &path)
{
    return m_session->openFile(path);
}

bool MainWindow::newProject()
{
    return m_session->newProject();
}

bool MainWindow::closeProject()
{
    return m_session->closeProject();
}

bool MainWindow::revert()
{
    return m_session->revert();
}

bool MainWindow::save()
{
    return m_session->save();
}

bool MainWindow::saveAs()
{
    return m_session->saveAs();
}

bool MainWindow::offerRecovery()
{
    return m_session->offerRecovery();
}

Autosave *MainWindow::autosave() const
{
    return m_session->autosave();
}

FileWatcher *MainWindow::fileWatcher() const
{
    return m_session->fileWatcher();
}

void MainWindow::setAskFunction(AskFunction ask)
{
    m_session->setAskFunction(std::move(ask));
}

void MainWindow::setSavePathFunction(SavePathFunction choose)
{
    m_session->setSavePathFunction(std::move(choose));
}

} // namespace claimline
