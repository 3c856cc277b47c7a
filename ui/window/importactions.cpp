#include "window/importactions.h"

#include "document/document.h"
#include "import/filespage.h"
#include "import/importwizard.h"
#include "model/project.h"
#include "start/startpage.h"
#include "start/startstack.h"
#include "window/projectsession.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QUrl>

#include <spdlog/spdlog.h>

namespace claimline {

namespace {

const QString LastFolderKey = QStringLiteral("import/lastFolder");

} // namespace

ImportActions::ImportActions(Document *document, ProjectSession *session, StartStack *stack,
                             QMainWindow *window)
    : QObject(window)
    , m_document(document)
    , m_session(session)
    , m_stack(stack)
    , m_window(window)
{
    connect(stack->startPage(), &StartPage::importRequested, this, &ImportActions::chooseAndImport);
}

void ImportActions::createActions(QMenu *fileMenu)
{
    QAction *import = fileMenu->addAction(tr("&Import…"), this, &ImportActions::chooseAndImport);
    import->setObjectName(QStringLiteral("importAction"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    import->setStatusTip(tr("Import events from ACLED, UCDP GED, TimelineJS, Timesketch or any "
                            "CSV file"));
}

ImportWizard *ImportActions::wizard() const
{
    return m_wizard;
}

bool ImportActions::isDataset(const QString &path)
{
    const QFileInfo info(path);
    // A folder is Claimline's CSV export when it holds one of its files.
    if (info.isDir())
        return QFileInfo::exists(info.filePath() + QStringLiteral("/events.csv"))
            || QFileInfo::exists(info.filePath() + QStringLiteral("/claims.csv"));
    static const QStringList suffixes {QStringLiteral("csv"), QStringLiteral("tsv"),
                                       QStringLiteral("txt"), QStringLiteral("json"),
                                       QStringLiteral("jsonl")};
    return suffixes.contains(info.suffix().toLower());
}

QStringList ImportActions::datasetPaths(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile() || !isDataset(url.toLocalFile()))
            return {};
        paths << url.toLocalFile();
    }
    return paths;
}

void ImportActions::chooseAndImport()
{
    QStringList files;
    if (m_chooseFiles) {
        files = m_chooseFiles();
    } else {
        const QString folder = QSettings().value(LastFolderKey).toString();
        files = QFileDialog::getOpenFileNames(m_window, tr("Import"), folder,
                                              FilesPage::fileFilter());
    }
    if (files.isEmpty())
        return;
    QSettings().setValue(LastFolderKey, QFileInfo(files.front()).absolutePath());
    importFiles(files);
}

ImportWizard *ImportActions::importFiles(const QStringList &files)
{
    if (m_wizard) {
        // One import at a time: the open one comes forward.
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    spdlog::info("opening the import wizard with {} file(s)", files.size());
    // Into the open project by default, unless nothing is open (the start page shows).
    auto *wizard = new ImportWizard(m_document, !m_stack->isShowingStartPage(), files, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    wizard->setNewProjectFunction(
        [this](Project &project) { return m_session->newProjectFrom(project); });
    m_wizard = wizard;
    wizard->open();
    return wizard;
}

} // namespace claimline
