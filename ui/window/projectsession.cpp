#include "window/projectsession.h"

#include "document/document.h"
#include "document/selection.h"
#include "format/projectreader.h"
#include "model/project.h"
#include "session/autosave.h"
#include "session/filewatcher.h"
#include "session/recoveryfile.h"
#include "start/startpage.h"
#include "start/startstack.h"
#include "text/visibletext.h"
#include "window/loadproblemsmessage.h"
#include "window/standardkeys.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include <spdlog/spdlog.h>

namespace claimline {

namespace {

const QString FileFilter = QStringLiteral("Claimline projects (*.claimline);;All files (*)");

const QString RecentFilesKey = QStringLiteral("recentFiles");
const QString LastFileKey = QStringLiteral("lastFile");
constexpr qsizetype MaxRecentFiles = 8;

} // namespace

ProjectSession::ProjectSession(Document *document, Selection *selection, QMainWindow *window)
    : QObject(window)
    , m_document(document)
    , m_selection(selection)
    , m_window(window)
{
    // Autosave while modified, and a watch on the open file so that a change by another
    // program is noticed (our own saves acknowledge themselves).
    m_autosave = new Autosave(m_document, this);
    // A failed autosave is not worth a dialog every minute, but it must not go unnoticed.
    connect(m_autosave, &Autosave::failed, this, [this](const QString &error) {
        m_window->statusBar()->showMessage(tr("Autosave failed: %1").arg(visibleText(error)),
                                           10000);
    });
    m_fileWatcher = new FileWatcher(this);
    connect(m_document, &Document::reset, this,
            [this] { m_fileWatcher->setPath(m_document->filePath()); });
    connect(m_document, &Document::filePathChanged, m_fileWatcher, &FileWatcher::setPath);
    connect(m_fileWatcher, &FileWatcher::changedOnDisk, this, &ProjectSession::fileChangedOnDisk);
    connect(m_document, &Document::modifiedChanged, this, &ProjectSession::updateFileActions);
    connect(m_document, &Document::filePathChanged, this, &ProjectSession::updateFileActions);
    connect(m_document, &Document::reset, this, &ProjectSession::updateFileActions);
}

QString ProjectSession::fileSuffix()
{
    return QStringLiteral(".claimline");
}

QString ProjectSession::samplePath()
{
    const QString name = QStringLiteral("novgorod-residence-allegation.claimline");
    const QString installed = QCoreApplication::applicationDirPath()
        + QStringLiteral("/../share/claimline/samples/") + name;
    if (QFileInfo::exists(installed))
        return QFileInfo(installed).absoluteFilePath();
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/samples/") + name;
}

QStringList ProjectSession::recentFiles() const
{
    QStringList files;
    for (const QString &file : QSettings().value(RecentFilesKey).toStringList()) {
        if (files.size() < MaxRecentFiles && !files.contains(file) && QFileInfo::exists(file))
            files << file;
    }
    return files;
}

void ProjectSession::createActions(QMenu *fileMenu, QToolBar *toolBar)
{
    QAction *newAction = fileMenu->addAction(tr("&New"), this, &ProjectSession::newProject);
    newAction->setObjectName(QStringLiteral("newAction"));
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &ProjectSession::open);
    openAction->setShortcut(QKeySequence::Open);
    toolBar->addAction(openAction);
    m_recentFilesMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentFilesMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    m_recentFilesMenu->setToolTipsVisible(true);
    // Rebuilt each time it opens, so that files deleted meanwhile drop out.
    connect(m_recentFilesMenu, &QMenu::aboutToShow, this, &ProjectSession::updateRecentFilesMenu);
    QAction *saveAction = fileMenu->addAction(tr("&Save"), this, &ProjectSession::save);
    saveAction->setObjectName(QStringLiteral("saveAction"));
    saveAction->setShortcut(QKeySequence::Save);
    toolBar->addAction(saveAction);
    QAction *saveAsAction = fileMenu->addAction(tr("Save &As…"), this, &ProjectSession::saveAs);
    saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    saveAsAction->setShortcuts(
        standardKeys(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    m_revertAction = fileMenu->addAction(tr("Re&vert to Saved"), this, &ProjectSession::revert);
    m_revertAction->setObjectName(QStringLiteral("revertAction"));
    QAction *closeAction = fileMenu->addAction(tr("&Close"), this, &ProjectSession::closeProject);
    closeAction->setObjectName(QStringLiteral("closeAction"));
    closeAction->setShortcut(QKeySequence::Close);
    updateRecentFilesMenu();
    updateFileActions();
}

void ProjectSession::connectStartStack(StartStack *stack)
{
    StartPage *start = stack->startPage();
    start->setSamplePath(samplePath());
    const auto showRecent = [this, start] {
        start->setRecentFiles(recentFiles());
    };
    showRecent();
    connect(this, &ProjectSession::recentFilesChanged, start, showRecent);
    connect(stack, &StartStack::startPageShown, start, showRecent);
    connect(start, &StartPage::openFileRequested, this, &ProjectSession::openFileAfterAsking);
    connect(start, &StartPage::openRequested, this, &ProjectSession::open);
    connect(start, &StartPage::newProjectRequested, this, &ProjectSession::newProject);
    connect(this, &ProjectSession::emptied, stack, &StartStack::setBlankByChoice);
    // The hint over an empty project names the shortcut the Insert menu really has.
    const auto *newEvent = m_window->findChild<QAction *>(QStringLiteral("newEventAction"));
    const QString shortcut
        = newEvent ? newEvent->shortcut().toString(QKeySequence::NativeText) : QString();
    stack->setHintText(
        tr("This project has no events yet.\nDouble-click the Events lane on a day to add the "
           "first one, or choose Insert ▸ New Event%1. Each party you add (Insert ▸ New "
           "Party) gets a lane of its own.")
            .arg(shortcut.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(shortcut)));
}

bool ProjectSession::openFile(const QString &path)
{
    spdlog::info("opening a project");
    const Problems problems = m_document->load(path);
    if (problems.empty()) {
        m_selection->clear();
        addRecentFile(path);
        return true;
    }
    showProblems(path, problems);
    return false;
}

void ProjectSession::showProblems(const QString &path, const Problems &problems)
{
    // Plain words first, the reader's lines in the details, and the backup copy when there is
    // one. Window-modal and non-blocking, so the rest of the app keeps painting and a test
    // can find it and answer.
    auto *message = new LoadProblemsMessage(path, problems, m_window);
    message->setAttribute(Qt::WA_DeleteOnClose);
    if (QPushButton *backup = message->backupButton()) {
        const QString backupPath = message->backupPath();
        connect(backup, &QPushButton::clicked, this,
                [this, path, backupPath] { openBackup(path, backupPath); });
    }
    message->open();
}

void ProjectSession::openBackup(const QString &damaged, const QString &backup)
{
    // The backup is opened as what it is, FILE.bak: saving it writes there, never over the
    // damaged file, which stays as it was for whoever wants to look at it.
    if (!maybeSave())
        return;
    spdlog::info("opening the backup copy of a damaged project");
    if (openFile(backup))
        m_window->statusBar()->showMessage(
            tr("Opened the backup copy of %1. Use Save As to keep it under another name.")
                .arg(visibleText(QFileInfo(damaged).fileName())),
            10000);
}

bool ProjectSession::openFileAfterAsking(const QString &path)
{
    return maybeSave() && openFile(path);
}

void ProjectSession::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open Project"), QFileInfo(m_document->filePath()).path(), FileFilter);
    if (!path.isEmpty())
        openFile(path);
}

bool ProjectSession::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool ProjectSession::saveAs()
{
    const QString suggested = m_document->filePath().isEmpty()
        ? QDir::home().filePath(tr("Untitled") + fileSuffix())
        : m_document->filePath();
    const QString path = m_chooseSavePath
        ? m_chooseSavePath(suggested)
        : QFileDialog::getSaveFileName(m_window, tr("Save Project As"), suggested, FileFilter);
    if (path.isEmpty())
        return false;
    return saveTo(path);
}

bool ProjectSession::saveTo(const QString &path)
{
    spdlog::info("saving the project to {}", QFileInfo(path).absoluteFilePath().toStdString());
    const QString error = m_document->save(path);
    if (!error.isEmpty()) {
        // The Document stays modified and safeWrite left the file on disk as it was: say so,
        // so that nobody closes the window believing the work is on disk.
        QMessageBox box(QMessageBox::Warning, tr("Could Not Save"),
                        tr("“%1” was not saved.").arg(visibleText(QFileInfo(path).fileName())),
                        QMessageBox::Ok, m_window);
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
    if (!m_document->evidenceNotCarried().isEmpty()) {
        // Saved, but not all its evidence is beside it now: never left unsaid.
        QMessageBox box(QMessageBox::Warning, tr("Evidence Not Carried"),
                        tr("“%1” was saved, but %n evidence file(s) could not be copied into "
                           "its folder.",
                           nullptr, int(m_document->evidenceNotCarried().size()))
                            .arg(visibleText(QFileInfo(path).fileName())),
                        QMessageBox::Ok, m_window);
        box.setObjectName(QStringLiteral("evidenceNotCarriedMessage"));
        box.setInformativeText(visibleText(m_document->evidenceNotCarried().join(u'\n')));
        ask(box);
    }
    m_window->statusBar()->showMessage(tr("Saved %1").arg(visibleText(m_document->displayName())),
                                       3000);
    return true;
}

bool ProjectSession::maybeSave()
{
    if (!m_document->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("Save the changes to “%1”?").arg(visibleText(m_document->displayName())),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
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

QMessageBox::StandardButton ProjectSession::ask(QMessageBox &box)
{
    if (m_ask)
        return m_ask(box);
    box.exec();
    return box.standardButton(box.clickedButton());
}

bool ProjectSession::newProject()
{
    Project empty;
    if (!replaceProject(empty, false))
        return false;
    Q_EMIT emptied(true);
    return true;
}

bool ProjectSession::newProjectFrom(Project &project)
{
    return replaceProject(project, true);
}

bool ProjectSession::replaceProject(Project &project, bool modified)
{
    if (!maybeSave())
        return false;
    spdlog::info(modified ? "new project from an import" : "new project");
    m_document->setProject(std::move(project), {});
    // Not on disk anywhere yet: modified, so that closing asks to save it.
    if (modified)
        m_document->markModified();
    m_selection->clear();
    return true;
}

bool ProjectSession::closeProject()
{
    // One window, one project: closing it leaves an empty untitled project.
    if (!maybeSave())
        return false;
    spdlog::info("closed the project");
    m_document->setProject(Project(), {});
    m_selection->clear();
    Q_EMIT emptied(false);
    return true;
}

bool ProjectSession::revert()
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || !m_document->isModified())
        return false;
    QMessageBox box(
        QMessageBox::Question, tr("Revert to Saved"),
        tr("Revert “%1” to the version saved on disk?").arg(visibleText(m_document->displayName())),
        QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("revertMessage"));
    box.setInformativeText(tr("Your unsaved changes are lost; this cannot be undone."));
    box.button(QMessageBox::Yes)->setText(tr("&Revert"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (ask(box) != QMessageBox::Yes)
        return false;
    spdlog::info("reverting to the saved version");
    return openFile(path);
}

void ProjectSession::fileChangedOnDisk(const QString &path)
{
    // One question at a time: a burst of changes while it is open needs no second one.
    if (m_askingToReload || path != m_document->filePath())
        return;
    m_askingToReload = true;
    const bool modified = m_document->isModified();
    QMessageBox box(QMessageBox::Question, tr("File Changed on Disk"),
                    tr("“%1” was changed by another program. Reload it?")
                        .arg(visibleText(m_document->displayName())),
                    QMessageBox::Yes | QMessageBox::No, m_window);
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

bool ProjectSession::offerRecovery()
{
    for (const RecoveryFile &file : orphanedRecoveryFiles()) {
        const QString name = file.originalPath.isEmpty()
            ? tr("an untitled project")
            : QStringLiteral("“%1”").arg(visibleText(QFileInfo(file.originalPath).fileName()));
        QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Changes"),
                        tr("Claimline did not close normally. A recovery copy of %1 with "
                           "unsaved changes was kept.")
                            .arg(name),
                        QMessageBox::Open | QMessageBox::Discard | QMessageBox::Cancel, m_window);
        box.setObjectName(QStringLiteral("recoveryMessage"));
        box.setInformativeText(
            tr("It was written %1.%2\n\nRestore opens it with its changes unsaved; Discard "
               "deletes it; Decide Later keeps it and asks again at the next start.")
                .arg(QLocale().toString(file.written.toLocalTime(), QLocale::LongFormat),
                     file.originalPath.isEmpty() ? QString()
                                                 : QStringLiteral("\n")
                             + tr("Original file: %1").arg(visibleText(file.originalPath))));
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
            showProblems(file.projectPath, result.problems);
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

void ProjectSession::updateFileActions()
{
    if (m_revertAction)
        m_revertAction->setEnabled(m_document->isModified() && !m_document->filePath().isEmpty());
}

void ProjectSession::addRecentFile(const QString &path)
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

void ProjectSession::updateRecentFilesMenu()
{
    QSettings settings;
    const QStringList stored = settings.value(RecentFilesKey).toStringList();
    const QStringList files = recentFiles();
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
        connect(action, &QAction::triggered, this, [this, path] { openFileAfterAsking(path); });
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
    Q_EMIT recentFilesChanged();
}

} // namespace claimline
