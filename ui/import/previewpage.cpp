#include "import/previewpage.h"

#include "import/pagewidgets.h"

#include "import/importwizard.h"
#include "import/importworker.h"
#include "text/visibletext.h"

#include <QApplication>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace claimline {

namespace {

constexpr int PreviewRows = 20;

QString fileName(const QString &path)
{
    return visibleText(QFileInfo(path).fileName());
}

QString number(std::int64_t n)
{
    return QLocale().toString(qlonglong(n));
}

QStandardItem *cell(const QString &text)
{
    // Text from the file, on one line: controls and bidi overrides shown, never obeyed.
    auto *item = new QStandardItem(visibleText(text));
    item->setEditable(false);
    item->setToolTip(item->text());
    return item;
}

} // namespace

struct PreviewPage::Job
{
    QStringList files;
    ImportFormat format = ImportFormat::Auto;
    std::optional<ColumnMapping> mapping;
    FilesProgress progress;
    FilesSurvey result;
};

PreviewPage::PreviewPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("importPreviewPage"));
    setTitle(tr("Preview"));
    setSubTitle(tr("The first rows as they will read in the project. The files are read through "
                   "once to count the rows and the names of the parties."));
    auto *layout = new QVBoxLayout(this);
    m_status = plainLabel(this, LabelText::Selectable);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("previewProgress"));
    m_progress->setRange(0, 100);
    layout->addWidget(m_progress);
    m_model = new QStandardItemModel(this);
    m_table = rowTable(m_model, this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    layout->addWidget(m_table, 1);
    m_footer = plainLabel(this);
    m_footer->setObjectName(QStringLiteral("previewFooter"));
    m_footer->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_footer);
    m_timer = new QTimer(this);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &PreviewPage::updateProgress);
}

void PreviewPage::initializePage()
{
    if (m_done && m_surveyedFiles == m_wizard->files() && m_surveyedFormat == m_wizard->format()
        && m_surveyedMapping == m_wizard->columnMapping()) {
        showSurvey();
        return;
    }
    startReading();
}

void PreviewPage::cleanupPage()
{
    // Back while reading: stop; the survey is read again when the step comes back.
    if (isReading()) {
        m_wizard->worker()->stop();
        m_timer->stop();
        m_job.reset();
    }
}

bool PreviewPage::isComplete() const
{
    return m_done && m_job && m_job->result.readableFiles() > 0;
}

bool PreviewPage::isReading() const
{
    return m_job && !m_done;
}

int PreviewPage::percent() const
{
    return m_job ? m_job->progress.percent() : 0;
}

const FilesSurvey *PreviewPage::survey() const
{
    return m_done && m_job ? &m_job->result : nullptr;
}

QString PreviewPage::statusText() const
{
    return m_status->text();
}

void PreviewPage::startReading()
{
    m_done = false;
    m_model->clear();
    m_footer->clear();
    auto job = std::make_shared<Job>();
    job->files = m_wizard->files();
    job->format = m_wizard->format();
    job->mapping = m_wizard->columnMapping();
    m_job = job;
    m_progress->setValue(0);
    m_progress->show();
    updateProgress();
    m_wizard->worker()->start(
        [job] {
            job->result = surveyFiles(job->files, job->format, PreviewRows, job->progress,
                                      job->mapping ? &*job->mapping : nullptr);
        },
        [job] { job->progress.file.cancel = true; }, [this] { readingFinished(); });
    m_timer->start();
    Q_EMIT completeChanged();
}

void PreviewPage::updateProgress()
{
    if (!m_job || m_job->files.isEmpty())
        return;
    const int current = std::clamp(m_job->progress.current.load(), 0, int(m_job->files.size()) - 1);
    m_progress->setValue(m_job->progress.percent());
    m_status->setText(m_job->files.size() == 1
                          ? tr("Reading %1…").arg(fileName(m_job->files.front()))
                          : tr("Reading %1 (file %2 of %3)…")
                                .arg(fileName(m_job->files.at(current)))
                                .arg(current + 1)
                                .arg(m_job->files.size()));
}

void PreviewPage::readingFinished()
{
    m_timer->stop();
    if (!m_job || m_job->result.cancelled)
        return;
    m_done = true;
    m_surveyedFiles = m_job->files;
    m_surveyedFormat = m_job->format;
    m_surveyedMapping = m_job->mapping;
    ++m_surveyCount;
    showSurvey();
    Q_EMIT completeChanged();
    Q_EMIT surveyed();
}

void PreviewPage::showSurvey()
{
    m_progress->hide();
    const FilesSurvey &survey = m_job->result;
    QStringList lines;
    if (survey.readableFiles() > 0) {
        const QString rows
            = survey.rows == 1 ? tr("1 row") : tr("%1 rows").arg(number(survey.rows));
        const QString files = survey.readableFiles() == 1
            ? QString()
            : tr(" in %1 files").arg(survey.readableFiles());
        const QString refused = survey.refused == 0 ? tr("none of them refused")
            : survey.refused == 1                   ? tr("1 of them would be refused")
                                  : tr("%1 of them would be refused").arg(number(survey.refused));
        const auto names = std::int64_t(survey.partyNames.size());
        const QString parties
            = names == 1 ? tr("1 party name") : tr("%1 party names").arg(number(names));
        lines << tr("%1%2, %3; %4.").arg(rows, files, refused, parties);
    }
    for (const FilesSurvey::File &file : survey.files) {
        if (file.error.isEmpty()) {
            if (survey.files.size() > 1)
                lines << tr("%1: %2, %3")
                             .arg(fileName(file.path), displayName(file.format),
                                  file.rows == 1 ? tr("1 row")
                                                 : tr("%1 rows").arg(number(file.rows)));
            else
                lines.front().prepend(displayName(file.format) + QStringLiteral(": "));
        } else {
            lines << tr("%1 cannot be imported: %2")
                         .arg(fileName(file.path), visibleText(file.error));
        }
    }
    m_status->setText(lines.join(u'\n'));

    const bool several = survey.files.size() > 1;
    QStringList headers;
    if (several)
        headers << tr("File");
    headers << tr("Line") << tr("When") << tr("Title") << tr("Parties") << tr("Place");
    m_model->clear();
    m_table->clearSpans();
    m_model->setHorizontalHeaderLabels(headers);
    const int titleColumn = several ? 3 : 2;
    const QIcon refusedIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (std::size_t i = 0; i < survey.firstRows.size(); ++i) {
        const ImportPreviewRow &row = survey.firstRows[i];
        QList<QStandardItem *> items;
        if (several)
            items << cell(
                QFileInfo(survey.files.at(std::size_t(survey.firstRowFiles[i])).path).fileName());
        QStandardItem *line = cell(QString::number(row.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        items << line;
        if (row.problem.isEmpty()) {
            items << cell(row.when) << cell(row.title)
                  << cell(row.parties.join(QStringLiteral(" · "))) << cell(row.place);
        } else {
            QStandardItem *why = cell(tr("Refused: %1").arg(row.problem));
            why->setIcon(refusedIcon);
            items << cell({}) << why << cell({}) << cell({});
        }
        m_model->appendRow(items);
        if (!row.problem.isEmpty())
            m_table->setSpan(int(i), titleColumn, 1, 3);
    }
    // The short columns as wide as their values (and a little room), the title and the
    // parties share the rest: the table is never wider than the page, and a long value is
    // elided with its whole text in the tooltip.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const bool shares = column == titleColumn || column == titleColumn + 1;
        header->setSectionResizeMode(column,
                                     shares ? QHeaderView::Stretch : QHeaderView::Interactive);
        if (!shares) {
            m_table->resizeColumnToContents(column);
            m_table->setColumnWidth(column, m_table->columnWidth(column) + 12);
        }
    }
    const auto shown = std::int64_t(survey.firstRows.size());
    m_footer->setText(shown == 0 ? tr("The files hold no rows.")
                          : shown < survey.rows
                          ? tr("The first %1 of %2 rows.").arg(number(shown), number(survey.rows))
                          : tr("All rows."));
}

} // namespace claimline
