#include "import/importwizard.h"

#include "document/document.h"
#include "import/columnmappingpage.h"
#include "import/filespage.h"
#include "import/filessurvey.h"
#include "import/importreportpage.h"
#include "import/importrunpage.h"
#include "import/importworker.h"
#include "import/partymappingpage.h"
#include "import/previewpage.h"
#include "text/visibletext.h"

#include <QAbstractButton>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLocale>

#include <spdlog/spdlog.h>

namespace claimline {

ImportWizard::ImportWizard(Document *document, bool projectOpen, const QStringList &files,
                           QWidget *parent)
    : QWizard(parent)
    , m_document(document)
    , m_projectOpen(projectOpen)
    , m_worker(new ImportWorker(this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import"));
    // One look on every platform: the steps' titles and subtitles in a header.
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    // The report comes after the import: there is no going back to change it.
    setOption(QWizard::NoBackButtonOnLastPage);
    const QString title = document->project().text(document->project().meta().title);
    m_filesPage
        = new FilesPage(this, projectOpen, title.isEmpty() ? document->displayName() : title);
    m_columnsPage = new ColumnMappingPage(this);
    m_previewPage = new PreviewPage(this);
    m_mappingPage = new PartyMappingPage(this);
    m_runPage = new ImportRunPage(this);
    m_reportPage = new ImportReportPage(this);
    setPage(FilesPageId, m_filesPage);
    setPage(ColumnsPageId, m_columnsPage);
    setPage(PreviewPageId, m_previewPage);
    setPage(MappingPageId, m_mappingPage);
    setPage(RunPageId, m_runPage);
    setPage(ReportPageId, m_reportPage);
    m_filesPage->setFiles(files);
    resize(900, 640);
}

ImportWizard::~ImportWizard()
{
    // Before any member goes: a job still running writes to what the pages hold.
    m_worker->stop();
}

QStringList ImportWizard::files() const
{
    return m_filesPage->files();
}

ImportFormat ImportWizard::format() const
{
    return m_filesPage->readFormat();
}

std::optional<ColumnMapping> ImportWizard::columnMapping() const
{
    if (!m_filesPage->needsColumnMapping())
        return std::nullopt;
    return m_columnsPage->mapping();
}

ImportWizard::Target ImportWizard::target() const
{
    return m_filesPage->intoNewProject() ? Target::NewProject : Target::ThisProject;
}

const Project &ImportWizard::targetProject() const
{
    return target() == Target::NewProject ? m_emptyProject : m_document->project();
}

const FilesSurvey *ImportWizard::survey() const
{
    return m_previewPage->survey();
}

PartyMap ImportWizard::partyMap() const
{
    return m_mappingPage->partyMap();
}

bool ImportWizard::removeMissing() const
{
    return m_runPage->removeMissing();
}

QString ImportWizard::actionText() const
{
    if (!m_job)
        return {};
    const ImportReport &report = m_job->report;
    const std::int64_t events = report.added + report.updated;
    const QString count
        = events == 1 ? tr("1 event") : tr("%1 events").arg(QLocale().toString(qlonglong(events)));
    const QString from = m_job->files.size() == 1
        ? visibleText(QFileInfo(m_job->files.front()).fileName())
        : tr("%1 files").arg(m_job->files.size());
    return tr("Import %1 from %2").arg(count, from);
}

void ImportWizard::accept()
{
    if (!m_job) {
        // Finish before the import ran (not offered; defensive): nothing to keep.
        QWizard::reject();
        return;
    }
    if (target() == Target::NewProject) {
        // The window asks to save the open project first; cancelled, the wizard stays.
        const std::size_t events = m_job->project.events().size();
        if (!m_newProject || !m_newProject(m_job->project))
            return;
        spdlog::info("kept an import into a new project: {} events", events);
    } else {
        const QString text = actionText();
        m_document->applyImport(std::move(m_job->project), text);
        spdlog::info("kept an import: {} added, {} updated", m_job->report.added,
                     m_job->report.updated);
    }
    m_job.reset();
    QWizard::accept();
}

void ImportWizard::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Cancel) && m_job && !m_worker->isRunning()) {
        event->accept();
        return;
    }
    QWizard::keyPressEvent(event);
}

void ImportWizard::reject()
{
    // Cancel while reading or importing: the job stops and what it made is dropped.
    const bool running = m_worker->isRunning();
    m_worker->stop();
    if (running)
        spdlog::info("cancelled an import");
    else if (m_job)
        spdlog::info("discarded an import");
    m_job.reset();
    QWizard::reject();
}

} // namespace claimline
