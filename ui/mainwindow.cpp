#include "mainwindow.h"

#include "charts/chartexport.h"
#include "charts/chartsview.h"
#include "csvexport.h"
#include "autosave.h"
#include "details/detailsview.h"
#include "edit/catalogview.h"
#include "edit/deletedialog.h"
#include "inspector/inspectorview.h"
#include "document.h"
#include "export/exportdialog.h"
#include "export/picture.h"
#include "filewatcher.h"
#include "projectreader.h"
#include "recoveryfile.h"
#include "filter.h"
#include "filter/filterpanel.h"
#include "logging.h"
#include "narratives/narrativesexport.h"
#include "narratives/narrativesview.h"
#include "project.h"
#include "safewrite.h"
#include "savedview.h"
#include "selection.h"
#include "table/itemtableview.h"
#include "timeline/timelineexport.h"
#include "timeline/timelineoverview.h"
#include "timeline/timelineview.h"
#include "timelinejsexport.h"
#include "visibletext.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QTableView>
#include <QUndoView>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageWriter>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimeZone>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>
#include <cmath>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <limits>

namespace claimline {

namespace {

const QString FileFilter = QStringLiteral("Claimline projects (*.claimline);;All files (*)");
const QString ProjectSuffix = QStringLiteral(".claimline");

// Settings keys. The window state carries a version so that a later change of the docks can
// ignore a layout saved by an older build instead of restoring it half-way.
const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
const QString RecentFilesKey = QStringLiteral("recentFiles");
const QString LastFileKey = QStringLiteral("lastFile");
constexpr int WindowStateVersion = 1;
constexpr qsizetype MaxRecentFiles = 8;

// The project file a drag carries: exactly one local file named *.claimline, else empty.
QString droppedProjectPath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.front().isLocalFile())
        return {};
    const QString path = urls.front().toLocalFile();
    return path.endsWith(ProjectSuffix, Qt::CaseInsensitive) ? path : QString();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_selection(new Selection(this))
    , m_filter(new Filter(this))
    , m_statusLabel(new QLabel(this))
    , m_cursorTimeLabel(new QLabel(this))
{
    // Before any view connects: a view following added or removed items reads a selection
    // and a filter that already follow them.
    connect(m_document, &Document::structureChanged, m_selection, &Selection::remap);
    connect(m_document, &Document::structureChanged, m_filter, &Filter::remap);
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
    m_timelineOverview = new TimelineOverview(m_timeline, centre);
    centreLayout->addWidget(m_timeline, 1);
    centreLayout->addWidget(m_timelineOverview);
    setCentralWidget(centre);
    connect(m_timeline, &TimelineView::cursorTimeChanged, this, &MainWindow::setCursorTimeText);

    createDocks();
    createActions();
    setAcceptDrops(true);
    connect(m_document, &Document::reset, this, &MainWindow::updateStatus);
    connect(m_document, &Document::reset, this, &MainWindow::updateTitle);
    connect(m_document, &Document::reset, this, &MainWindow::updateTimeZone);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_filter, &Filter::changed, this, &MainWindow::updateStatus);
    connect(m_document, &Document::structureChanged, this, &MainWindow::updateStatus);
    // The status line counts relations too: linking two claims adds one.
    connect(m_document, &Document::relationsChanged, this, &MainWindow::updateStatus);

    // The lifecycle: autosave while modified, and a watch on the open file so that a change
    // by another program is noticed (our own saves acknowledge themselves).
    m_autosave = new Autosave(m_document, this);
    // A failed autosave is not worth a dialog every minute, but it must not go unnoticed.
    connect(m_autosave, &Autosave::failed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(visibleText(error)), 10000);
    });
    m_fileWatcher = new FileWatcher(this);
    connect(m_document, &Document::reset, this,
            [this] { m_fileWatcher->setPath(m_document->filePath()); });
    connect(m_document, &Document::filePathChanged, m_fileWatcher, &FileWatcher::setPath);
    connect(m_fileWatcher, &FileWatcher::changedOnDisk, this, &MainWindow::fileChangedOnDisk);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateFileActions);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateFileActions);
    connect(m_document, &Document::reset, this, &MainWindow::updateFileActions);
    // First start: most of the screen, since the timeline, a side dock and the narratives all
    // want room; later starts restore what the user left.
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        const QSize available = screen->availableGeometry().size();
        resize(std::max(900, available.width() * 9 / 10), std::max(600, available.height() * 9 / 10));
    } else {
        resize(1280, 800);
    }
    restoreSettings();
    updateRecentFilesMenu();
    updateTitle();
    updateStatus();
    updateFileActions();
}

MainWindow::~MainWindow() = default;

// The charts dock, tabified with the narratives and the table; claims per day follows the
// timeline's visible range.
void MainWindow::createChartsDock()
{
    m_chartsDock = new QDockWidget(tr("Charts"), this);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_charts = new ChartsView(m_document, m_selection, m_filter, m_chartsDock);
    m_chartsDock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);
    tabifyDockWidget(m_tableDock, m_chartsDock);
    connect(m_timeline, &TimelineView::visibleRangeChanged, m_charts, &ChartsView::setVisibleRange);
}

void MainWindow::createDocks()
{
    // Every dock has an object name: saveState() and restoreState() find docks by it.
    m_detailsDock = new QDockWidget(tr("Details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsView = new DetailsView(m_document, m_selection, m_detailsDock);
    m_detailsDock->setWidget(m_detailsView);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);

    m_filterDock = new QDockWidget(tr("Filter"), this);
    m_filterDock->setObjectName(QStringLiteral("filterDock"));
    m_filterPanel = new FilterPanel(m_document, m_filter, m_filterDock);
    m_filterDock->setWidget(m_filterPanel);
    // Filter and Details share the right-hand area as tabs, so the timeline keeps its width.
    addDockWidget(Qt::RightDockWidgetArea, m_filterDock);
    tabifyDockWidget(m_detailsDock, m_filterDock);
    // The inspector edits the selected item; the undo history lists every edit and jumps
    // back to any of them. Both are tabs of the right-hand area too.
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspector = new InspectorView(m_document, m_selection, m_inspectorDock);
    m_inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    tabifyDockWidget(m_filterDock, m_inspectorDock);
    m_historyDock = new QDockWidget(tr("Undo History"), this);
    m_historyDock->setObjectName(QStringLiteral("undoHistoryDock"));
    auto *history = new QUndoView(m_document->undoStack(), m_historyDock);
    history->setEmptyLabel(tr("<opened>"));
    m_historyDock->setWidget(history);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    tabifyDockWidget(m_inspectorDock, m_historyDock);
    m_detailsDock->raise();

    // Parties, actors, sources and questions on the left, so that one can be picked while
    // the Inspector on the right edits it.
    m_catalogDock = new QDockWidget(tr("Catalog"), this);
    m_catalogDock->setObjectName(QStringLiteral("catalogDock"));
    m_catalog = new CatalogView(m_document, m_selection, m_catalogDock);
    m_catalogDock->setWidget(m_catalog);
    addDockWidget(Qt::LeftDockWidgetArea, m_catalogDock);

    // The narratives and the table share the bottom area as tabs.
    m_narrativesDock = new QDockWidget(tr("Narratives"), this);
    m_narrativesDock->setObjectName(QStringLiteral("narrativesDock"));
    m_narratives = new NarrativesView(m_document, m_selection, m_filter, m_narrativesDock);
    m_narrativesDock->setWidget(m_narratives);
    addDockWidget(Qt::BottomDockWidgetArea, m_narrativesDock);
    m_tableDock = new QDockWidget(tr("Table"), this);
    m_tableDock->setObjectName(QStringLiteral("tableDock"));
    m_table = new ItemTableView(m_document, m_selection, m_filter, m_tableDock);
    m_tableDock->setWidget(m_table);
    addDockWidget(Qt::BottomDockWidgetArea, m_tableDock);
    tabifyDockWidget(m_narrativesDock, m_tableDock);
    createChartsDock();
    m_narrativesDock->raise();
    resizeDocks({m_narrativesDock}, {300}, Qt::Vertical);
    // One call for both sides: a second resizeDocks() in the same orientation before the
    // window is shown undoes the first (the catalog opened 68 px wide, its names clipped).
    // The right side is as wide as the Inspector asks, so that an event's or a claim's form
    // (the citation row is the widest) fits without a horizontal scroll bar.
    const int right = std::max(320, m_inspector->sizeHint().width());
    resizeDocks({m_catalogDock, m_detailsDock}, {220, right}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));

    QAction *newAction = fileMenu->addAction(tr("&New"), this, &MainWindow::newProject);
    newAction->setObjectName(QStringLiteral("newAction"));
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    toolBar->addAction(openAction);
    m_recentFilesMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentFilesMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    m_recentFilesMenu->setToolTipsVisible(true);
    // Rebuilt each time it opens, so that files deleted meanwhile drop out.
    connect(m_recentFilesMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentFilesMenu);
    QAction *saveAction = fileMenu->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setObjectName(QStringLiteral("saveAction"));
    saveAction->setShortcut(QKeySequence::Save);
    toolBar->addAction(saveAction);
    QAction *saveAsAction = fileMenu->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_revertAction = fileMenu->addAction(tr("Re&vert to Saved"), this, &MainWindow::revert);
    m_revertAction->setObjectName(QStringLiteral("revertAction"));
    QAction *closeAction = fileMenu->addAction(tr("&Close"), this, &MainWindow::closeProject);
    closeAction->setObjectName(QStringLiteral("closeAction"));
    closeAction->setShortcut(QKeySequence::Close);
    fileMenu->addSeparator();
    // Exports and printing (issue 7): every view through its Picture (export/picture.h).
    QAction *exportAction = fileMenu->addAction(tr("&Export…"), this, &MainWindow::exportViews);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *printAction = fileMenu->addAction(tr("&Print…"), this, &MainWindow::print);
    printAction->setShortcut(QKeySequence::Print);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    // Relations between two selected claims: the current one (selected last) answers the other.
    m_linkAction = editMenu->addAction(tr("&Link as Counter-Claim…"), this, [this] {
        const auto pair = selectedClaimPair();
        if (!pair)
            return;
        QStringList kinds;
        for (const std::string_view name : RelationKindNames)
            kinds << QString::fromLatin1(name.data(), qsizetype(name.size()));
        bool ok = false;
        const QString kind = QInputDialog::getItem(
            this, tr("Link as Counter-Claim"),
            tr("%1 answers %2. How?")
                .arg(m_document->quotedName({ItemKind::Claim, pair->first}),
                     m_document->quotedName({ItemKind::Claim, pair->second})),
            kinds, 0, false, &ok);
        if (ok)
            linkSelectedClaims(*enumFromName<RelationKind>(RelationKindNames, kind.toStdString()));
    });
    m_linkAction->setObjectName(QStringLiteral("linkClaimsAction"));
    m_linkAction->setShortcut(tr("Ctrl+L"));
    m_linkAction->setStatusTip(tr("Select two claims, the answering one last, to link them"));
    m_unlinkAction = editMenu->addAction(tr("U&nlink Claims"), this, [this] {
        if (const auto pair = selectedClaimPair())
            m_document->unlinkClaims(pair->first, pair->second);
    });
    m_unlinkAction->setObjectName(QStringLiteral("unlinkClaimsAction"));
    const auto updateLinkActions = [this] {
        const auto pair = selectedClaimPair();
        m_linkAction->setEnabled(pair.has_value());
        bool linked = false;
        if (pair) {
            for (const Relation &r : m_document->project().relations())
                linked = linked
                    || (r.from == pair->first && r.to == pair->second)
                    || (r.from == pair->second && r.to == pair->first);
        }
        m_unlinkAction->setEnabled(linked);
    };
    connect(m_selection, &Selection::changed, this, updateLinkActions);
    connect(m_document, &Document::relationsChanged, this, updateLinkActions);
    connect(m_document, &Document::reset, this, updateLinkActions);
    connect(m_document, &Document::structureChanged, this, updateLinkActions);
    updateLinkActions();
    createInsertActions(editMenu, toolBar);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_detailsDock->toggleViewAction());
    m_viewMenu->addAction(m_inspectorDock->toggleViewAction());
    m_viewMenu->addAction(m_historyDock->toggleViewAction());
    m_viewMenu->addAction(m_catalogDock->toggleViewAction());
    m_viewMenu->addAction(m_filterDock->toggleViewAction());
    m_viewMenu->addAction(m_narrativesDock->toggleViewAction());
    m_viewMenu->addAction(m_tableDock->toggleViewAction());
    m_viewMenu->addAction(m_chartsDock->toggleViewAction());
    m_viewMenu->addAction(toolBar->toggleViewAction());
    m_savedViewsMenu = m_viewMenu->addMenu(tr("Saved &Views"));
    m_savedViewsMenu->setObjectName(QStringLiteral("savedViewsMenu"));
    connect(m_savedViewsMenu, &QMenu::aboutToShow, this, &MainWindow::updateSavedViewsMenu);
    createTimelineActions();
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Claimline"), this, [this] {
        QMessageBox::about(this, tr("About Claimline"),
                           tr("Claimline %1\nLay out a contested sequence of events on a "
                              "timeline and compare the competing narratives about it.")
                               .arg(QStringLiteral(CLAIMLINE_VERSION)));
    });
}

bool MainWindow::openFile(const QString &path)
{
    spdlog::info("opening a project");
    const Problems problems = m_document->load(path);
    if (problems.empty()) {
        m_selection->clear();
        addRecentFile(path);
        return true;
    }
    QStringList lines;
    lines.reserve(qsizetype(problems.size()));
    for (const Problem &problem : problems)
        lines << visibleText(problem.toString());
    showProblems(path, lines);
    return false;
}

void MainWindow::showProblems(const QString &path, const QStringList &problems)
{
    // One dialog with every problem, copyable; the current project stays open. Window-modal
    // and non-blocking, so the rest of the app keeps painting.
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("problemsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Cannot open %1").arg(QFileInfo(path).fileName()));
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("%1 has %n problem(s). The project that was open stays open.",
                                nullptr, int(problems.size()))
                                 .arg(QFileInfo(path).fileName()),
                             dialog);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *list = new QPlainTextEdit(problems.join(QLatin1Char('\n')), dialog);
    list->setObjectName(QStringLiteral("problemList"));
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::NoWrap);
    list->setMinimumSize(640, 240);
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, dialog,
            [list] { QApplication::clipboard()->setText(list->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->open();
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"),
                                                      QFileInfo(m_document->filePath()).path(),
                                                      FileFilter);
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    const QString suggested = m_document->filePath().isEmpty()
        ? QDir::home().filePath(tr("Untitled") + ProjectSuffix)
        : m_document->filePath();
    const QString path = m_chooseSavePath
        ? m_chooseSavePath(suggested)
        : QFileDialog::getSaveFileName(this, tr("Save Project As"), suggested, FileFilter);
    if (path.isEmpty())
        return false;
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    spdlog::info("saving the project to {}", QFileInfo(path).absoluteFilePath().toStdString());
    const QString error = m_document->save(path);
    if (!error.isEmpty()) {
        // The Document stays modified and safeWrite left the file on disk as it was: say so,
        // so that nobody closes the window believing the work is on disk.
        QMessageBox box(QMessageBox::Warning, tr("Could Not Save"),
                        tr("“%1” was not saved.").arg(visibleText(QFileInfo(path).fileName())),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("saveFailedMessage"));
        box.setInformativeText(visibleText(error) + QStringLiteral("\n\n")
                               + tr("Your changes are still open in this window, and nothing "
                                    "on disk was changed. Use Save As to save them somewhere "
                                    "else."));
        ask(box);
        return false;
    }
    m_fileWatcher->acknowledge();
    addRecentFile(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(visibleText(m_document->displayName())), 3000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("Save the changes to “%1”?").arg(visibleText(m_document->displayName())),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedChangesMessage"));
    box.setInformativeText(tr("If you don't save, the changes since you last saved are lost."));
    box.button(QMessageBox::Discard)->setText(tr("&Don't Save"));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    const QMessageBox::StandardButton answer = ask(box);
    if (answer == QMessageBox::Save)
        return save();
    if (answer != QMessageBox::Discard)
        return false;
    spdlog::info("the user discarded unsaved changes");
    m_autosave->discard();
    return true;
}

void MainWindow::createInsertActions(QMenu *editMenu, QToolBar *toolBar)
{
    editMenu->addSeparator();
    m_deleteAction = editMenu->addAction(tr("&Delete…"), this, &MainWindow::deleteSelected);
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setStatusTip(tr("Delete the selected items, saying what refers to them"));
    const auto updateDelete = [this] { m_deleteAction->setEnabled(!m_selection->isEmpty()); };
    connect(m_selection, &Selection::changed, this, updateDelete);
    updateDelete();

    QMenu *insertMenu = menuBar()->addMenu(tr("&Insert"));
    insertMenu->setObjectName(QStringLiteral("insertMenu"));
    const auto add = [&](const QString &text, const char *name, auto slot) {
        QAction *action = insertMenu->addAction(text, this, [this, slot] { (this->*slot)(); });
        action->setObjectName(QLatin1String(name));
        return action;
    };
    QAction *event = add(tr("New &Event"), "newEventAction", &MainWindow::newEvent);
    event->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    event->setStatusTip(tr("Add an event on the selected item's lane and day"));
    QAction *claim = add(tr("New &Claim"), "newClaimAction", &MainWindow::newClaim);
    claim->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    claim->setStatusTip(tr("Add a claim by the selected actor or party, about the selected event"));
    insertMenu->addSeparator();
    QAction *party = add(tr("New &Party"), "newPartyAction", &MainWindow::newParty);
    QAction *actor = add(tr("New &Actor"), "newActorAction", &MainWindow::newActor);
    QAction *source = add(tr("New &Source"), "newSourceAction", &MainWindow::newSource);
    QAction *question = add(tr("New &Question"), "newQuestionAction", &MainWindow::newQuestion);

    toolBar->addSeparator();
    toolBar->addAction(event);
    toolBar->addAction(claim);
    toolBar->addAction(m_deleteAction);

    // Context menus: the catalog's kinds, and events and claims where they are shown.
    m_catalog->addActions({party, actor, source, question});
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_catalog->addAction(separator);
    m_catalog->addAction(m_deleteAction);
    m_timeline->setEditActions({event, claim, m_deleteAction});
    QTableView *table = m_table->table();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->addActions({event, claim, separator, m_deleteAction});
}

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
    if (context.when && (context.when->isNull() || context.when->isOpenStart() || context.when->isOpenEnd()))
        context.when.reset();
    return context;
}

} // namespace

template<typename Add>
std::uint32_t MainWindow::addAndEdit(ItemKind kind, Add add)
{
    const std::uint32_t index = add(m_document->mutableProject());
    if (index == NoIndex)
        return NoIndex;
    m_selection->select({kind, index});
    m_inspectorDock->show();
    m_inspectorDock->raise();
    return index;
}

std::uint32_t MainWindow::newEvent()
{
    const EditContext context = editContext(m_document->project(), m_selection->current());
    return addAndEdit(ItemKind::Event, [&](Project &project) {
        const QString title = tr("New event");
        Event event;
        event.id = project.addText(m_document->uniqueId(ItemKind::Event, title));
        event.title = project.addText(title);
        // The selected item's time, or the day in the middle of the timeline.
        const TimeScale &scale = m_timeline->scale();
        event.when = context.when.value_or(FuzzyTime::fromInstant(
            std::int64_t((scale.start() + scale.end()) / 2), Precision::Day));
        if (context.party != NoIndex)
            event.parties = project.addIndices(std::vector<std::uint32_t>{context.party});
        return m_document->addEvent(event);
    });
}

std::uint32_t MainWindow::newClaim()
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
                        QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        ask(box);
        return NoIndex;
    }
    return addAndEdit(ItemKind::Claim, [&](Project &project) {
        const QString statement = tr("New claim");
        Claim claim;
        claim.id = project.addText(m_document->uniqueId(ItemKind::Claim, statement));
        claim.statement = project.addText(statement);
        claim.claimant = context.speaker;
        claim.about = context.event;
        claim.question = context.question;
        const TimeScale &scale = m_timeline->scale();
        claim.madeAt = context.when.value_or(FuzzyTime::fromInstant(
            std::int64_t((scale.start() + scale.end()) / 2), Precision::Day));
        return m_document->addClaim(claim);
    });
}

std::uint32_t MainWindow::newParty()
{
    return addAndEdit(ItemKind::Party, [&](Project &project) {
        const QString name = tr("New party");
        Party party;
        party.id = project.addText(m_document->uniqueId(ItemKind::Party, name));
        party.name = project.addText(name);
        return m_document->addParty(party);
    });
}

std::uint32_t MainWindow::newActor()
{
    const EditContext context = editContext(m_document->project(), m_selection->current());
    return addAndEdit(ItemKind::Actor, [&](Project &project) {
        const QString name = tr("New actor");
        Actor actor;
        actor.id = project.addText(m_document->uniqueId(ItemKind::Actor, name));
        actor.name = project.addText(name);
        actor.party = context.party;
        return m_document->addActor(actor);
    });
}

std::uint32_t MainWindow::newSource()
{
    return addAndEdit(ItemKind::Source, [&](Project &project) {
        const QString title = tr("New source");
        Source source;
        source.id = project.addText(m_document->uniqueId(ItemKind::Source, title));
        source.title = project.addText(title);
        return m_document->addSource(source);
    });
}

std::uint32_t MainWindow::newQuestion()
{
    return addAndEdit(ItemKind::Question, [&](Project &project) {
        const QString text = tr("New question");
        Question question;
        question.id = project.addText(m_document->uniqueId(ItemKind::Question, text));
        question.text = project.addText(text);
        return m_document->addQuestion(question);
    });
}

bool MainWindow::deleteSelected()
{
    const std::vector<ItemRef> items = m_selection->items();
    if (items.empty())
        return false;
    DeleteDialog dialog(m_document, items, this);
    const bool go = m_askDelete ? m_askDelete(dialog) : dialog.exec() == QDialog::Accepted;
    if (!go)
        return false;
    return m_document->deleteItems(items, dialog.mode(), dialog.reassignTarget());
}

QMessageBox::StandardButton MainWindow::ask(QMessageBox &box)
{
    if (m_ask)
        return m_ask(box);
    box.exec();
    return box.standardButton(box.clickedButton());
}

bool MainWindow::newProject()
{
    if (!maybeSave())
        return false;
    spdlog::info("new project");
    m_document->setProject(Project(), {});
    m_selection->clear();
    return true;
}

bool MainWindow::closeProject()
{
    // One window, one project: closing it leaves an empty untitled project.
    if (!maybeSave())
        return false;
    spdlog::info("closed the project");
    m_document->setProject(Project(), {});
    m_selection->clear();
    return true;
}

bool MainWindow::revert()
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || !m_document->isModified())
        return false;
    QMessageBox box(
        QMessageBox::Question, tr("Revert to Saved"),
        tr("Revert “%1” to the version saved on disk?").arg(visibleText(m_document->displayName())),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("revertMessage"));
    box.setInformativeText(tr("Your unsaved changes are lost; this cannot be undone."));
    box.button(QMessageBox::Yes)->setText(tr("&Revert"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (ask(box) != QMessageBox::Yes)
        return false;
    spdlog::info("reverting to the saved version");
    return openFile(path);
}

void MainWindow::fileChangedOnDisk(const QString &path)
{
    // One question at a time: a burst of changes while it is open needs no second one.
    if (m_askingToReload || path != m_document->filePath())
        return;
    m_askingToReload = true;
    const bool modified = m_document->isModified();
    QMessageBox box(QMessageBox::Question, tr("File Changed on Disk"),
                    tr("“%1” was changed by another program. Reload it?")
                        .arg(visibleText(m_document->displayName())),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("reloadMessage"));
    box.setInformativeText(
        modified ? tr("Reloading discards the changes you have not saved. Keeping this "
                      "version and saving it overwrites the other program's changes.")
                 : tr("Keeping this version and saving it later overwrites the other "
                      "program's changes."));
    box.button(QMessageBox::Yes)->setText(tr("&Reload"));
    box.button(QMessageBox::No)->setText(tr("&Keep This Version"));
    box.setDefaultButton(modified ? QMessageBox::No : QMessageBox::Yes);
    const QMessageBox::StandardButton answer = ask(box);
    m_askingToReload = false;
    if (answer == QMessageBox::Yes) {
        spdlog::info("reloading the project changed on disk");
        openFile(path);
    }
}

bool MainWindow::offerRecovery()
{
    for (const RecoveryFile &file : orphanedRecoveryFiles()) {
        const QString name = file.originalPath.isEmpty()
            ? tr("an untitled project")
            : QStringLiteral("“%1”").arg(visibleText(QFileInfo(file.originalPath).fileName()));
        QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Changes"),
                        tr("Claimline did not close normally. A recovery copy of %1 with "
                           "unsaved changes was kept.")
                            .arg(name),
                        QMessageBox::Open | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("recoveryMessage"));
        box.setInformativeText(
            tr("It was written %1.%2\n\nRestore opens it with its changes unsaved; Discard "
               "deletes it; Decide Later keeps it and asks again at the next start.")
                .arg(QLocale().toString(file.written.toLocalTime(), QLocale::LongFormat),
                     file.originalPath.isEmpty()
                         ? QString()
                         : QStringLiteral("\n") + tr("Original file: %1")
                                                     .arg(visibleText(file.originalPath))));
        box.button(QMessageBox::Open)->setText(tr("&Restore"));
        box.button(QMessageBox::Discard)->setText(tr("&Discard"));
        box.button(QMessageBox::Cancel)->setText(tr("Decide &Later"));
        box.setDefaultButton(QMessageBox::Open);
        const QMessageBox::StandardButton answer = ask(box);
        if (answer == QMessageBox::Discard) {
            spdlog::info("discarded the recovery copy {}", file.projectPath.toStdString());
            removeRecoveryFile(file);
            continue;
        }
        if (answer != QMessageBox::Open)
            continue; // decide later: kept
        LoadResult result = loadProject(file.projectPath);
        if (!result.ok()) {
            QStringList lines;
            for (const Problem &problem : result.problems)
                lines << visibleText(problem.toString());
            showProblems(file.projectPath, lines);
            continue;
        }
        spdlog::info("restored the recovery copy {}", file.projectPath.toStdString());
        m_document->setProject(std::move(*result.project), file.originalPath);
        m_document->markModified();
        m_selection->clear();
        // Kept until a copy of this session replaces it, or the project is saved or
        // discarded: a second crash before the next autosave must not lose it.
        m_autosave->adopt(file);
        return true;
    }
    return false;
}

void MainWindow::updateFileActions()
{
    if (m_revertAction)
        m_revertAction->setEnabled(m_document->isModified() && !m_document->filePath().isEmpty());
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
    addZone(tr("Kyiv (Europe/Kyiv)"), QTimeZone(QTimeZone("Europe/Kyiv").isValid() ? "Europe/Kyiv"
                                                                                     : "Europe/Kiev"));
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

void MainWindow::exportViews()
{
    const QString stem = QFileInfo(m_document->filePath()).completeBaseName();
    const QString suggested = QFileInfo(m_document->filePath())
                                  .dir()
                                  .filePath(stem.isEmpty() ? QStringLiteral("claimline") : stem)
        + QStringLiteral(".png");
    const bool sideBySide
        = !m_narratives->narrativeA().empty() && !m_narratives->narrativeB().empty();
    ExportDialog dialog(suggested, sideBySide, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportChoice choice = dialog.choice();
    if (choice.path.isEmpty())
        return;
    const Project &project = m_document->project();
    QString error;
    const PictureOptions pictureOptions {choice.pixelRatio, choice.pdfPaged};
    const auto pictureFormat = pictureFormatOf(choice.format);
    // Data exports follow the shared filter: what the views show is what is written.
    if (choice.format == ExportFormat::Csv) {
        error = exportCsv(project, choice.path, m_filter);
    } else if (choice.format == ExportFormat::TimelineJs) {
        TimelineJsOptions options;
        options.includeClaims = choice.includeClaims;
        options.zone = m_timeline->timeZone();
        error = exportTimelineJs(project, choice.path, m_filter, options);
    } else if (choice.format == ExportFormat::Html) {
        NarrativesTable table;
        table.build(project, m_filter, narrativesSpec(choice.target));
        const QByteArray html = narrativesHtml(project, table, m_timeline->timeZone()).toUtf8();
        error = safeWrite(
            choice.path,
            [&](QIODevice &device, QString *message) {
                if (device.write(html) == html.size())
                    return true;
                *message = device.errorString();
                return false;
            },
            SafeWriteOptions {false});
    } else if (const auto picture = pictureOf(choice, &error)) {
        error = writePicture(*picture, choice.path, *pictureFormat, pictureOptions);
    }
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    spdlog::info("exported a view ({})", exportFormatName(choice.format).toStdString());
    statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(choice.path).fileName()), 3000);
}

NarrativesSpec MainWindow::narrativesSpec(ExportChoice::Target target) const
{
    // The narratives as the view builds them (its columns, order and the shared filter), in
    // the mode asked for.
    NarrativesSpec spec = m_narratives->spec();
    spec.mode = target == ExportChoice::Target::NarrativesSideBySide ? NarrativesMode::SideBySide
                                                                    : NarrativesMode::Matrix;
    return spec;
}

std::optional<Picture> MainWindow::pictureOf(const ExportChoice &choice, QString *error) const
{
    const Project &project = m_document->project();
    using Target = ExportChoice::Target;
    switch (choice.target) {
    case Target::Timeline: {
        double from = m_timeline->scale().start();
        double to = m_timeline->scale().end();
        std::int64_t first = 0;
        std::int64_t last = 0;
        if (choice.wholeProject && m_timeline->lanes().extent(&first, &last)) {
            const double margin = std::max(3600.0, double(last - first) * 0.03);
            from = double(first) - margin;
            to = double(last) + margin;
        }
        return m_timeline->picture(from, to, QSize(choice.width, choice.height),
                                   publicationPalette(), true);
    }
    case Target::Chart:
        return chartPictureByName(project, *m_filter, choice.chart,
                                  QSizeF(choice.width, choice.height > 0 ? choice.height : 750),
                                  m_timeline->timeZone(), error);
    case Target::NarrativesMatrix:
    case Target::NarrativesSideBySide: {
        // The picture keeps its own table: it may be painted after this returns (printing).
        auto table = std::make_shared<NarrativesTable>();
        table->build(project, m_filter, narrativesSpec(choice.target));
        NarrativesPictureOptions options;
        options.zone = m_timeline->timeZone();
        Picture picture = narrativesPicture(project, *table, choice.width, options);
        picture.paint = [table, paint = std::move(picture.paint)](QPainter &painter) {
            paint(painter);
        };
        return picture;
    }
    }
    return std::nullopt;
}

void MainWindow::print()
{
    // Which view: the timeline as it is framed (its time range, every lane), the narratives
    // in either mode, or a chart; on as many pages as its height needs, in the light
    // publication theme.
    using Target = ExportChoice::Target;
    std::vector<ExportChoice> choices;
    QStringList names;
    const auto add = [&](const QString &name, Target target, const QString &chart = {}) {
        ExportChoice choice;
        choice.target = target;
        choice.chart = chart;
        choice.width = std::max(800, m_timeline->viewport()->width());
        choices.push_back(choice);
        names << name;
    };
    add(tr("Timeline (the visible range)"), Target::Timeline);
    add(tr("Narratives: matrix"), Target::NarrativesMatrix);
    if (!m_narratives->narrativeA().empty() && !m_narratives->narrativeB().empty())
        add(tr("Narratives: side by side (A vs B)"), Target::NarrativesSideBySide);
    for (int kind = 0; kind < ChartKindCount; ++kind)
        add(tr("Chart: %1").arg(chartTitle(ChartKind(kind))), Target::Chart,
            chartName(ChartKind(kind)));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Print"), tr("&What to print:"), names,
                                                 0, false, &ok);
    if (!ok)
        return;
    ExportChoice choice = choices[std::size_t(std::max<qsizetype>(0, names.indexOf(chosen)))];
    if (choice.target == Target::Chart)
        choice.width = 1000;
    QString error;
    const std::optional<Picture> picture = pictureOf(choice, &error);
    if (!picture) {
        QMessageBox::warning(this, tr("Print"), error);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(windowTitle());
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print Preview"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [&picture](QPrinter *target) { paintPicturePaged(*picture, *target); });
    preview.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave()) {
        saveSettings();
        // A clean close: no recovery copy is needed any more.
        m_autosave->discard();
        event->accept();
    } else {
        event->ignore();
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (droppedProjectPath(event->mimeData()).isEmpty())
        event->ignore();
    else
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedProjectPath(event->mimeData());
    if (path.isEmpty() || !maybeSave()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openFile(path);
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
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState(WindowStateVersion));
}

void MainWindow::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSettings settings;
    QStringList files = settings.value(RecentFilesKey).toStringList();
    files.removeAll(absolute);
    files.prepend(absolute);
    if (files.size() > MaxRecentFiles)
        files.resize(MaxRecentFiles);
    settings.setValue(RecentFilesKey, files);
    settings.setValue(LastFileKey, absolute);
    updateRecentFilesMenu();
}

void MainWindow::updateRecentFilesMenu()
{
    QSettings settings;
    const QStringList stored = settings.value(RecentFilesKey).toStringList();
    QStringList files;
    for (const QString &file : stored) {
        if (files.size() < MaxRecentFiles && !files.contains(file) && QFileInfo::exists(file))
            files << file;
    }
    if (files != stored)
        settings.setValue(RecentFilesKey, files);

    // The menu may be rebuilt from one of its own actions (opening a recent file records it
    // again; "Clear Menu"): remove the old actions now and delete them later, never while
    // one of them is still emitting.
    const QList<QAction *> old = m_recentFilesMenu->actions();
    for (QAction *action : old) {
        m_recentFilesMenu->removeAction(action);
        action->deleteLater();
    }
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        // File names come from the disk: controls and bidi overrides shown, "&" not a
        // mnemonic.
        QString name = visibleText(QFileInfo(path).fileName());
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_recentFilesMenu->addAction(
            (i < 9 ? QStringLiteral("&%1 ").arg(i + 1) : QString()) + name);
        action->setData(path);
        action->setToolTip(visibleText(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    m_recentFilesMenu->addSeparator();
    QAction *clear = m_recentFilesMenu->addAction(tr("&Clear Menu"));
    clear->setObjectName(QStringLiteral("clearRecentFilesAction"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        QSettings().remove(RecentFilesKey);
        updateRecentFilesMenu();
    });
    m_recentFilesMenu->setEnabled(!files.isEmpty());
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

std::optional<std::pair<std::uint32_t, std::uint32_t>> MainWindow::selectedClaimPair() const
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
    const std::uint32_t answer
        = current.kind == ItemKind::Claim && (current.index == claims[0] || current.index == claims[1])
        ? current.index
        : claims[1];
    return std::pair{answer, answer == claims[0] ? claims[1] : claims[0]};
}

bool MainWindow::linkSelectedClaims(RelationKind kind)
{
    const auto pair = selectedClaimPair();
    return pair && m_document->linkClaims(pair->first, pair->second, kind);
}

void MainWindow::setTimeZone(const QTimeZone &zone)
{
    m_timeline->setTimeZone(zone);
    m_detailsView->setTimeZone(zone);
    m_inspector->setTimeZone(zone);
    m_narratives->setTimeZone(zone);
    m_table->setTimeZone(zone);
    m_charts->setTimeZone(zone);
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
    std::size_t events = 0;
    for (std::uint32_t i = 0; i < project.events().size(); ++i)
        events += m_filter->acceptsEvent(project, i) ? 1 : 0;
    std::size_t claims = 0;
    for (std::uint32_t i = 0; i < project.claims().size(); ++i)
        claims += m_filter->acceptsClaim(project, i) ? 1 : 0;
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
    // What the filter hides, in words (plain text).
    const QString filter = m_filter->summary(project);
    m_statusLabel->setToolTip(filter);
    if (!filter.isEmpty())
        m_statusLabel->setText(m_statusLabel->text() + QStringLiteral(" — ") + filter);
}

void MainWindow::updateSavedViewsMenu()
{
    m_savedViewsMenu->clear();
    const Project &project = m_document->project();
    const std::vector<SavedView> views = savedViews(project);
    for (const SavedView &view : views) {
        QString name = visibleText(view.name);
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        m_savedViewsMenu->addAction(name.isEmpty() ? tr("(unnamed)") : name, this,
                                    [this, view] { applyView(view); });
    }
    if (views.empty())
        m_savedViewsMenu->addAction(tr("No saved views"))->setEnabled(false);
    m_savedViewsMenu->addSeparator();
    m_savedViewsMenu->addAction(tr("&Save Current View…"), this, &MainWindow::saveCurrentView);
    QMenu *remove = m_savedViewsMenu->addMenu(tr("&Delete View"));
    remove->setEnabled(!views.empty());
    for (const SavedView &view : views) {
        QString name = visibleText(view.name);
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        remove->addAction(name, this, [this, name = view.name] { deleteView(*m_document, name); });
    }
}

void MainWindow::applyView(const SavedView &view)
{
    spdlog::info("applying a saved view");
    applySavedView(view, *m_filter);
    if (view.from && view.to && *view.to > *view.from)
        m_timeline->setVisibleRange(double(*view.from), double(*view.to));
    if (!view.lanes.empty()) {
        std::vector<std::size_t> order;
        for (const std::uint32_t party : view.lanes)
            order.push_back(m_timeline->lanes().laneOfParty(party));
        m_timeline->setLaneOrder(order);
    }
    if (!view.a.empty() && !view.b.empty())
        m_narratives->setNarratives(view.a, view.b);
}

SavedView MainWindow::currentView(const QString &name) const
{
    const Project &project = m_document->project();
    SavedView view;
    // Keep what this window does not model of a view being overwritten.
    for (const SavedView &existing : savedViews(project)) {
        if (existing.name == name) {
            view = existing;
            break;
        }
    }
    view.name = name;
    captureFilter(*m_filter, view);
    view.from = std::int64_t(std::floor(m_timeline->scale().start()));
    view.to = std::int64_t(std::ceil(m_timeline->scale().end()));
    view.fromText.clear();
    view.toText.clear();
    view.lanes.clear();
    for (const std::size_t lane : m_timeline->laneOrder()) {
        const std::uint32_t party = m_timeline->lanes().lanes()[lane].party;
        if (party != NoIndex)
            view.lanes.push_back(party);
    }
    view.a = m_narratives->narrativeA();
    view.b = m_narratives->narrativeB();
    return view;
}

void MainWindow::saveCurrentView()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save View"),
                                               tr("Name of the view (the time range, filter, "
                                                  "lane order and narratives A/B are saved in "
                                                  "the project):"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    saveView(*m_document, currentView(name));
    statusBar()->showMessage(tr("Saved the view “%1”").arg(visibleText(name)), 3000);
}

} // namespace claimline
