#pragma once

// ProjectSession: the life of the project open in the window. It makes the File menu's
// lifecycle actions (new, open, open recent, save, save as, revert, close) and does what they
// ask: every question (Save / Discard / Cancel before losing changes, a failed save, revert,
// a change by another program, the crash recovery offer) goes through one ask function so that
// tests can answer it. It owns the autosave and the watch on the open file, keeps the recent
// files in QSettings and shows a file's problems when it cannot be opened (plain words first,
// with an offer to open the file's backup copy: LoadProblemsMessage).

#include "format/problem.h"

#include <QMessageBox>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

namespace claimline {

class Autosave;
class Document;
class FileWatcher;
class Project;
class Selection;
class StartStack;

class ProjectSession final : public QObject
{
    Q_OBJECT

public:
    // `window` is the parent of every dialog and shows the status messages.
    ProjectSession(Document *document, Selection *selection, QMainWindow *window);

    // Adds New, Open, Open Recent, Save, Save As, Revert to Saved and Close to `fileMenu`,
    // Open and Save to `toolBar`.
    void createActions(QMenu *fileMenu, QToolBar *toolBar);
    // Lets the start page open the sample, a file, a recent file or a new project, keeps its
    // recent files current, and tells the stack whether an empty project was asked for (New)
    // or is what is left (Close). After createActions() and the Insert menu: the hint over an
    // empty project names Insert ▸ New Event's shortcut.
    void connectStartStack(StartStack *stack);

    // What a project file's name ends with.
    static QString fileSuffix();
    // The reference sample shipped with the app: installed beside the executable
    // (../share/claimline/samples/), else in the source tree.
    static QString samplePath();
    // The recent files that still exist, most recent first (File ▸ Open Recent lists them).
    QStringList recentFiles() const;

    // Opens a project file; on failure shows every problem and keeps the current project.
    // On success the file becomes the first recent file and the one opened at next start.
    bool openFile(const QString &path);
    // Asks to save unsaved changes, then for a file to open (File ▸ Open…).
    void open();
    // Asks to save unsaved changes, then opens `path` (a recent file, the sample).
    bool openFileAfterAsking(const QString &path);
    // Each asks to save unsaved changes first (Save / Discard / Cancel); false when cancelled.
    bool newProject();
    // Asks to save unsaved changes, then makes `project` (an import into a new project) the
    // open one, untitled and modified; false when cancelled (`project` is left as it was).
    bool newProjectFrom(Project &project);
    bool closeProject();
    // Reloads the file from disk after confirmation; false when cancelled or it failed.
    bool revert();
    // Save failures are shown (path and cause); the document stays modified.
    bool save();
    bool saveAs();
    // Asks to save unsaved changes (Save / Discard / Cancel); false when cancelled or the
    // save failed, so that whatever was about to replace the project does not happen.
    bool maybeSave();
    // Offers to restore recovery copies left by a crash (Restore / Discard / Decide Later).
    // Returns true when one was restored (then there is no need to open another file).
    bool offerRecovery();
    Autosave *autosave() const { return m_autosave; }
    FileWatcher *fileWatcher() const { return m_fileWatcher; }

    // Every lifecycle question and message is a QMessageBox passed to this function, which
    // returns the button chosen; by default it runs the box (exec()). Tests answer instead.
    using AskFunction = std::function<QMessageBox::StandardButton(QMessageBox &box)>;
    void setAskFunction(AskFunction ask) { m_ask = std::move(ask); }
    QMessageBox::StandardButton ask(QMessageBox &box);
    // Where Save As saves (default: a file dialog); empty cancels.
    using SavePathFunction = std::function<QString(const QString &suggested)>;
    void setSavePathFunction(SavePathFunction choose) { m_chooseSavePath = std::move(choose); }

Q_SIGNALS:
    // The project was replaced by an empty one: `chosen` after New (an empty project is what
    // the user wants), false after Close (nothing is open).
    void emptied(bool chosen);
    // The list of recent files changed (a file opened or saved, Clear Menu).
    void recentFilesChanged();

private:
    bool saveTo(const QString &path);
    // New and an import into a new project: asks to save, then puts `project` in the window.
    bool replaceProject(Project &project, bool modified);
    void fileChangedOnDisk(const QString &path);
    void updateFileActions();
    void showProblems(const QString &path, const Problems &problems);
    void openBackup(const QString &damaged, const QString &backup);
    void addRecentFile(const QString &path);
    void updateRecentFilesMenu();

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    QMainWindow *m_window = nullptr;
    Autosave *m_autosave = nullptr;
    FileWatcher *m_fileWatcher = nullptr;
    QMenu *m_recentFilesMenu = nullptr;
    QAction *m_revertAction = nullptr;
    AskFunction m_ask;
    SavePathFunction m_chooseSavePath;
    bool m_askingToReload = false;
};

} // namespace claimline
