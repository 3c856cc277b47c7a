#include "evidence/evidencereportdialog.h"

#include "evidence/evidenceverifier.h"
#include "model/project.h"
#include "text/visibletext.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace claimline {

EvidenceReportDialog::EvidenceReportDialog(const Project &project, const EvidenceReport &report,
                                           QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Verify Evidence"));
    setObjectName(QStringLiteral("evidenceReportDialog"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(summaryText(report), this);
    m_summary->setObjectName(QStringLiteral("evidenceSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("evidenceReport"));
    m_report->setReadOnly(true);
    // Hashes line up in a fixed-width font; long lines wrap rather than scroll sideways.
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // The summary is the label above; the text is what failed (Copy Report takes both).
    m_report->setPlainText(text(project, report).section(QLatin1Char('\n'), 2));
    m_report->setVisible(!report.problems.empty());
    layout->addWidget(m_report, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Report"), QDialogButtonBox::ActionRole);
    const QString whole = text(project, report);
    connect(copy, &QPushButton::clicked, this,
            [whole] { QApplication::clipboard()->setText(whole); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, report.problems.empty() ? sizeHint().height() : 420);
}

QString EvidenceReportDialog::summary() const
{
    return m_summary->text();
}

QString EvidenceReportDialog::reportText() const
{
    return m_report->toPlainText();
}

QString EvidenceReportDialog::summaryText(const EvidenceReport &report)
{
    if (report.files == 0)
        return tr("No source of this project has evidence files.");
    if (report.problems.empty())
        return report.files == 1
            ? tr("The one evidence file is present and unchanged.")
            : tr("All %1 evidence files are present and unchanged.").arg(report.files);
    const QString failed = report.problems.size() == 1
        ? tr("1 of %1 evidence files failed verification.").arg(report.files)
        : tr("%1 of %2 evidence files failed verification.")
              .arg(report.problems.size())
              .arg(report.files);
    return failed + QLatin1Char(' ')
        + tr("The sources that pin them carry a warning until they verify again.");
}

QString EvidenceReportDialog::text(const Project &project, const EvidenceReport &report)
{
    QStringList lines {summaryText(report)};
    for (const EvidenceProblem &problem : report.problems) {
        lines << QString() << visibleText(problem.line());
        for (const std::uint32_t source : problem.sources) {
            if (source >= project.sources().size())
                continue;
            const Source &s = project.sources()[source];
            lines << tr("  pinned by %1 “%2”")
                         .arg(visibleText(project.text(s.id)), visibleText(project.text(s.title)));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace claimline
