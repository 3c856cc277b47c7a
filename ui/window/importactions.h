#pragma once

// ImportActions: File ▸ Import… and the other ways into the import wizard (import/): datasets
// dropped on the window, the start page's Import. It asks for the files, opens the wizard over
// the window (window-modal, so nothing changes the project meanwhile), and lets the wizard put
// an import into a new project through the ProjectSession, which asks to save the open
// project first as New and Open do.

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QMainWindow;
class QMimeData;
class QMenu;

namespace claimline {

class Document;
class ImportWizard;
class ProjectSession;
class StartStack;

class ImportActions final : public QObject
{
    Q_OBJECT

public:
    ImportActions(Document *document, ProjectSession *session, StartStack *stack,
                  QMainWindow *window);

    // Adds Import… (Ctrl+Shift+I) to `fileMenu`.
    void createActions(QMenu *fileMenu);
    // Asks for the files (a file dialog, or the function below), then opens the wizard.
    void chooseAndImport();
    // Opens the wizard on `files` (the first step shows what each one is) and returns it.
    ImportWizard *importFiles(const QStringList &files);
    // The open wizard, or nullptr.
    ImportWizard *wizard() const;

    // Whether a path is one the import takes when dropped: a .csv, .tsv, .txt, .json or .jsonl
    // file, or a folder holding Claimline's CSV export.
    static bool isDataset(const QString &path);
    // The datasets a drag carries: local files that are all datasets (isDataset()), else none.
    static QStringList datasetPaths(const QMimeData *mime);

    // Which files File ▸ Import… imports (default: a file dialog); empty cancels.
    using ChooseFilesFunction = std::function<QStringList()>;
    void setChooseFilesFunction(ChooseFilesFunction choose) { m_chooseFiles = std::move(choose); }

private:
    Document *m_document = nullptr;
    ProjectSession *m_session = nullptr;
    StartStack *m_stack = nullptr;
    QMainWindow *m_window = nullptr;
    QPointer<ImportWizard> m_wizard;
    ChooseFilesFunction m_chooseFiles;
};

} // namespace claimline
