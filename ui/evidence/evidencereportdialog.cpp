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
    m_report->setPlainText(text(project, report));
    layout->addWidget(m_report, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Report"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_report->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, report.problems.empty() ? 220 : 420);
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
        return tr("All %n file(s) are present and unchanged.", nullptr, report.files);
    return tr("%1 of %n file(s) failed verification: the sources that pin them carry a warning.",
              nullptr, report.files)
        .arg(report.problems.size());
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
