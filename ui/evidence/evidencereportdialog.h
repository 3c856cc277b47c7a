#pragma once

// EvidenceReportDialog: what Tools ▸ Verify Evidence found, as `claimline verify` prints it.
//
// A summary line ("All 4 files are present and unchanged." or "2 of 4 files failed: their
// sources carry a warning."), then one line per problem in the command line's words
// ("evidence/….mp4: changed (expected sha256 …, found …)") with the sources that pin the file
// under it. The text is plain, selectable and copyable as a whole (Copy Report), for a
// chain-of-custody record.

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace claimline {

class Project;
struct EvidenceReport;

class EvidenceReportDialog final : public QDialog
{
    Q_OBJECT

public:
    EvidenceReportDialog(const Project &project, const EvidenceReport &report,
                         QWidget *parent = nullptr);

    // The summary and the report (for tests).
    QString summary() const;
    QString reportText() const;

    // The report as text: the summary, then each problem and its sources.
    static QString text(const Project &project, const EvidenceReport &report);
    static QString summaryText(const EvidenceReport &report);

private:
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_report = nullptr;
};

} // namespace claimline
