#include "import/importreportpage.h"

#include "import/pagewidgets.h"

#include "import/importwizard.h"
#include "text/visibletext.h"

#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace claimline {

namespace {

QString number(std::int64_t n)
{
    return QLocale().toString(qlonglong(n));
}

QString counted(std::int64_t n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(number(n));
}

QStandardItem *cell(const QString &text)
{
    auto *item = new QStandardItem(visibleText(text));
    item->setEditable(false);
    item->setToolTip(item->text());
    return item;
}

} // namespace

ImportReportPage::ImportReportPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("importReportPage"));
    setTitle(tr("Report"));
    setSubTitle(tr("Keep the import to add it to the project (Undo takes it back as one step), "
                   "or discard it."));
    setButtonText(QWizard::FinishButton, tr("&Keep"));
    setButtonText(QWizard::CancelButton, tr("&Discard"));
    auto *layout = new QVBoxLayout(this);
    m_summary = plainLabel(this, LabelText::Selectable);
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    layout->addWidget(m_summary);

    m_problemsLabel = plainLabel(this, LabelText::Selectable);
    m_problemsLabel->setObjectName(QStringLiteral("refusedLabel"));
    layout->addWidget(m_problemsLabel);
    m_problemsModel = new QStandardItemModel(this);
    m_problems = rowTable(m_problemsModel, this);
    m_problems->setObjectName(QStringLiteral("refusedTable"));
    layout->addWidget(m_problems, 2);
    auto *buttons = new QHBoxLayout;
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyProblemsButton"));
    m_copy->setToolTip(tr("Copy every refused row as FILE:LINE: reason"));
    connect(m_copy, &QPushButton::clicked, this, &ImportReportPage::copyProblems);
    m_save = new QPushButton(tr("&Save as CSV…"), this);
    m_save->setObjectName(QStringLiteral("saveProblemsButton"));
    connect(m_save, &QPushButton::clicked, this, &ImportReportPage::saveProblems);
    // Buttons of the page, not of the dialog: Enter never presses them.
    m_copy->setAutoDefault(false);
    m_save->setAutoDefault(false);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_missingLabel = plainLabel(this, LabelText::Selectable);
    m_missingLabel->setObjectName(QStringLiteral("missingLabel"));
    layout->addWidget(m_missingLabel);
    m_missing = new QPlainTextEdit(this);
    m_missing->setObjectName(QStringLiteral("missingIds"));
    m_missing->setReadOnly(true);
    m_missing->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_missing, 1);
}

void ImportReportPage::initializePage()
{
    const ImportJob *job = m_wizard->job();
    if (!job)
        return;
    const ImportReport &report = job->report;
    QStringList done;
    if (report.added > 0)
        done << counted(report.added, tr("1 event added"), tr("%1 events added"));
    if (report.updated > 0)
        done << counted(report.updated, tr("1 event updated"), tr("%1 events updated"));
    if (report.unchanged > 0)
        done << counted(report.unchanged, tr("1 unchanged"), tr("%1 unchanged"));
    if (report.removed > 0)
        done << counted(report.removed, tr("1 removed"), tr("%1 removed"));
    QString summary = done.isEmpty() ? tr("No event was added or changed.")
                                     : done.join(QStringLiteral(", ")) + u'.';
    if (!report.newParties.empty()) {
        // A few names, then how many more: the list can be long.
        QStringList names;
        for (std::size_t i = 0; i < report.newParties.size() && i < 3; ++i)
            names << visibleText(QString::fromStdString(report.newParties[i]));
        const auto more = std::int64_t(report.newParties.size()) - names.size();
        QString list = names.join(QStringLiteral(", "));
        if (more > 0)
            list += more == 1 ? tr(" and 1 more") : tr(" and %1 more").arg(number(more));
        summary += u'\n'
            + counted(std::int64_t(report.newParties.size()), tr("1 new party: %2."),
                      tr("%1 new parties: %2."))
                  .arg(list);
    }
    m_summary->setText(summary);

    // The refused rows, and files that could not be read at all (line 0).
    const bool several = job->files.size() > 1;
    m_problemsModel->clear();
    QStringList headers;
    if (several)
        headers << tr("File");
    headers << tr("Line") << tr("Reason");
    m_problemsModel->setHorizontalHeaderLabels(headers);
    for (const ImportProblem &problem : report.problems) {
        QList<QStandardItem *> row;
        if (several)
            row << cell(QFileInfo(problem.file).fileName());
        QStandardItem *line
            = cell(problem.line > 0 ? QString::number(problem.line) : tr("the file"));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row << line << cell(problem.reason);
        m_problemsModel->appendRow(row);
    }
    m_problems->resizeColumnsToContents();
    for (int column = 0; column + 1 < m_problemsModel->columnCount(); ++column)
        m_problems->setColumnWidth(column, m_problems->columnWidth(column) + 16);
    const std::int64_t refused = report.refused();
    const auto unread = std::int64_t(report.problems.size()) - refused;
    QStringList problemLines;
    if (refused > 0)
        problemLines << counted(refused, tr("1 row was refused; the other rows are imported."),
                                tr("%1 rows were refused; the other rows are imported."));
    if (unread > 0)
        problemLines << counted(unread, tr("1 file could not be read."),
                                tr("%1 files could not be read."));
    m_problemsLabel->setText(problemLines.isEmpty() ? tr("No row was refused.")
                                                    : problemLines.join(u' '));
    const bool hasProblems = !report.problems.empty();
    m_problems->setVisible(hasProblems);
    m_copy->setVisible(hasProblems);
    m_save->setVisible(hasProblems);

    const auto missing = std::int64_t(report.missingIds.size());
    QString ids;
    for (const std::string &id : report.missingIds)
        ids += visibleText(QString::fromStdString(id)) + u'\n';
    m_missing->setPlainText(ids);
    m_missingLabel->setText(
        missing == 0 ? QString()
            : report.removed > 0
            ? counted(missing,
                      tr("1 event from an earlier import is not in the files any more and was "
                         "removed:"),
                      tr("%1 events from an earlier import are not in the files any more and "
                         "were removed:"))
            : counted(missing,
                      tr("1 event from an earlier import is not in the files any more; it is "
                         "kept:"),
                      tr("%1 events from an earlier import are not in the files any more; "
                         "they are kept:")));
    m_missingLabel->setVisible(missing > 0);
    m_missing->setVisible(missing > 0);

    // Enter keeps a clean import; with refused rows or missing events it decides nothing:
    // Keep is then pressed on purpose (a click, Alt+K, Space). A button that is not
    // auto-default does not become the default by getting the focus either.
    const bool undecided = hasProblems || missing > 0;
    m_wizard->setOption(QWizard::NoDefaultButton, undecided);
    if (auto *keep = qobject_cast<QPushButton *>(m_wizard->button(QWizard::FinishButton)))
        keep->setAutoDefault(!undecided);
    if (auto *discard = qobject_cast<QPushButton *>(m_wizard->button(QWizard::CancelButton)))
        discard->setAutoDefault(!undecided);
    // The rows to read first.
    if (hasProblems)
        m_problems->setFocus();
}

QString ImportReportPage::summaryText() const
{
    return m_summary->text();
}

QString ImportReportPage::missingText() const
{
    return m_missingLabel->text() + u'\n' + m_missing->toPlainText();
}

void ImportReportPage::copyProblems()
{
    const ImportJob *job = m_wizard->job();
    if (!job)
        return;
    QStringList lines;
    for (const ImportProblem &problem : job->report.problems)
        lines << problem.toString();
    QGuiApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

void ImportReportPage::saveProblems()
{
    const ImportJob *job = m_wizard->job();
    if (!job || job->files.isEmpty())
        return;
    const QFileInfo first(job->files.front());
    const QString suggested
        = first.dir().filePath(first.completeBaseName() + tr("-refused") + QStringLiteral(".csv"));
    const QString path = m_chooseSavePath
        ? m_chooseSavePath(suggested)
        : QFileDialog::getSaveFileName(this, tr("Save Refused Rows"), suggested,
                                       tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray bytes = job->report.problemsCsv().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        QMessageBox::warning(
            this, tr("Could Not Save"),
            tr("The refused rows were not saved: %1").arg(visibleText(file.errorString())));
        return;
    }
    spdlog::info("saved the refused rows of an import");
}

} // namespace claimline
