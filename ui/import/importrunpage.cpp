#include "import/importrunpage.h"

#include "import/pagewidgets.h"

#include "document/document.h"
#include "import/columnmappingpage.h"
#include "import/filessurvey.h"
#include "import/importwizard.h"
#include "import/importworker.h"
#include "import/partymappingpage.h"
#include "text/visibletext.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <set>

namespace claimline {

namespace {

// How many events of the project an earlier import of one of `formats` made.
std::int64_t eventsImportedAs(const Project &project, const std::set<std::string_view> &formats)
{
    std::int64_t count = 0;
    for (const Event &event : project.events()) {
        const Origin *origin = project.originOf(event);
        if (origin && origin->format != NoIndex && formats.contains(project.word(origin->format)))
            ++count;
    }
    return count;
}

} // namespace

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("importRunPage"));
    setTitle(tr("Import"));
    setSubTitle(tr("The import works on a copy: your project changes only if you keep the "
                   "result in the next step."));
    // Once imported, the steps before cannot be changed: the result is what they made.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));
    auto *layout = new QVBoxLayout(this);
    m_what = plainLabel(this);
    m_what->setObjectName(QStringLiteral("importWhat"));
    layout->addWidget(m_what);
    layout->addSpacing(8);
    m_removeMissing = new QCheckBox(tr("&Remove the events the files no longer hold"), this);
    m_removeMissing->setObjectName(QStringLiteral("removeMissingBox"));
    layout->addWidget(m_removeMissing);
    m_removeMissingNote = plainLabel(this);
    m_removeMissingNote->setText(
        tr("Without it they are kept and listed in the report. Claims about a removed event "
           "are kept."));
    m_removeMissingNote->setForegroundRole(QPalette::PlaceholderText);
    m_removeMissingNote->setIndent(24);
    layout->addWidget(m_removeMissingNote);
    layout->addSpacing(16);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 100);
    m_progress->setFormat(tr("%p%"));
    layout->addWidget(m_progress);
    m_status = plainLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    layout->addWidget(m_status);
    layout->addStretch(1);
    m_timer = new QTimer(this);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &ImportRunPage::updateProgress);
}

void ImportRunPage::initializePage()
{
    const QStringList files = m_wizard->files();
    const QString from = files.size() == 1
        ? QStringLiteral("“%1”").arg(visibleText(QFileInfo(files.front()).fileName()))
        : tr("%1 files").arg(files.size());
    const FilesSurvey *survey = m_wizard->survey();
    const std::int64_t rows = survey ? survey->rows : 0;
    QString rowsText
        = rows == 1 ? tr("1 row") : tr("%1 rows").arg(QLocale().toString(qlonglong(rows)));
    if (const std::int64_t refused = survey ? survey->refused : 0; refused > 0)
        rowsText += refused == 1
            ? tr(" (1 of them refused)")
            : tr(" (%1 of them refused)").arg(QLocale().toString(qlonglong(refused)));
    const Project &project = m_wizard->targetProject();
    QString into;
    if (m_wizard->target() == ImportWizard::Target::NewProject) {
        into = tr("a new project");
    } else {
        const QString title = m_wizard->document()->project().text(project.meta().title);
        into = QStringLiteral("“%1”").arg(
            visibleText(title.isEmpty() ? m_wizard->document()->displayName() : title));
    }
    QString text = tr("Import %1 from %2 into %3.").arg(rowsText, from, into) + u'\n'
        + m_wizard->mappingPage()->summaryText();

    // A re-import: events of these formats are there already; rows with their ids update them.
    // Claimline's own CSV export is matched by the items' own ids: every event and claim of
    // the project is one it may hold.
    std::set<std::string_view> formats;
    bool ownExport = false;
    if (survey) {
        for (const FilesSurvey::File &file : survey->files) {
            if (file.error.isEmpty())
                formats.insert(nameOf(file.format));
            ownExport = ownExport || file.format == ImportFormat::ClaimlineCsv;
        }
    }
    const std::int64_t earlier = ownExport
        ? std::int64_t(project.events().size() + project.claims().size())
        : eventsImportedAs(project, formats);
    m_removeMissing->setText(ownExport
                                 ? tr("&Remove the events and claims the files no longer hold")
                                 : tr("&Remove the events the files no longer hold"));
    if (earlier > 0 && ownExport)
        text += u'\n'
            + tr("Rows with the ids of the project's events and claims update them; what the "
                 "files do not hold (colours, roles, notes) stays as it is.");
    else if (earlier > 0)
        text += u'\n'
            + (earlier == 1 ? tr("The project holds 1 event from an earlier import; a row with "
                                 "its id updates it.")
                            : tr("The project holds %1 events from an earlier import; rows with "
                                 "their ids update them.")
                                  .arg(QLocale().toString(qlonglong(earlier))));
    m_what->setText(text);
    m_removeMissing->setVisible(earlier > 0);
    m_removeMissingNote->setVisible(earlier > 0);
    if (earlier == 0)
        m_removeMissing->setChecked(false);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status->clear();
}

bool ImportRunPage::validatePage()
{
    if (m_done)
        return true;
    if (!m_running)
        startImport();
    return false;
}

bool ImportRunPage::isComplete() const
{
    return !m_running;
}

int ImportRunPage::percent() const
{
    return m_job ? m_job->progress.percent() : 0;
}

bool ImportRunPage::removeMissing() const
{
    return !m_removeMissing->isHidden() && m_removeMissing->isChecked();
}

void ImportRunPage::startImport()
{
    if (m_running || m_done)
        return;
    auto job = std::make_shared<ImportJob>();
    job->files = m_wizard->files();
    job->options.format = m_wizard->format();
    job->options.partyMap = m_wizard->partyMap();
    job->options.removeMissing = removeMissing();
    job->options.mapping = m_wizard->columnMapping();
    // The next file with these columns starts from this mapping.
    if (job->options.mapping)
        m_wizard->columnsPage()->rememberMapping();
    // A clone shares the text and copies the arrays (a fraction of a second at a million
    // events); the open project stays as it is until Keep.
    if (m_wizard->target() == ImportWizard::Target::ThisProject)
        job->project = m_wizard->document()->project().clone();
    m_job = job;
    m_running = true;
    spdlog::info("importing {} file(s)", job->files.size());
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_removeMissing->setEnabled(false);
    m_status->setText(tr("Importing…"));
    Q_EMIT completeChanged();
    // The steps before cannot be changed while it runs.
    if (QAbstractButton *back = m_wizard->button(QWizard::BackButton))
        back->setEnabled(false);
    m_wizard->worker()->start(
        [job] {
            job->report = importFiles(job->files, job->project, job->options, &job->progress);
        },
        [job] { job->progress.cancel = true; }, [this] { importFinished(); });
    m_timer->start();
}

void ImportRunPage::updateProgress()
{
    if (!m_job)
        return;
    const int percent = m_job->progress.percent();
    m_progress->setValue(percent);
    m_status->setText(tr("Importing… %1%").arg(percent));
}

void ImportRunPage::importFinished()
{
    m_timer->stop();
    m_running = false;
    if (!m_job || m_job->report.cancelled) {
        m_job.reset();
        m_removeMissing->setEnabled(true);
        Q_EMIT completeChanged();
        return;
    }
    m_done = true;
    m_progress->setValue(100);
    m_status->setText(tr("Imported."));
    m_wizard->setJob(std::move(m_job));
    Q_EMIT completeChanged();
    m_wizard->next();
}

} // namespace claimline
