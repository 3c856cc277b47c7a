#pragma once

// ImportReportPage: the import wizard's last step. What the import did (added, updated,
// unchanged, refused, missing), the refused rows in a table (line and reason, and the file when
// there are several) that can be copied or saved as CSV, the ids the files no longer hold, and
// the choice: Keep (the wizard's Finish) or Discard (its Cancel). Keep is the default only when
// nothing was refused and nothing is missing; otherwise neither is, so that Enter does not
// decide for the user.

#include <QWizardPage>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace claimline {

class ImportWizard;

class ImportReportPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportReportPage(ImportWizard *wizard);

    void initializePage() override;

    QString summaryText() const;
    QTableView *problemsTable() const { return m_problems; }
    QStandardItemModel *problemsModel() const { return m_problemsModel; }
    QString missingText() const;
    // Copies every refused row ("FILE:LINE: reason", one per line) to the clipboard.
    void copyProblems();
    // Asks where (a file dialog, or the function below) and saves the problems as CSV.
    void saveProblems();
    // Where Save as CSV saves (default: a file dialog); empty cancels.
    using SavePathFunction = std::function<QString(const QString &suggested)>;
    void setSavePathFunction(SavePathFunction choose) { m_chooseSavePath = std::move(choose); }

private:
    ImportWizard *m_wizard = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QTableView *m_problems = nullptr;
    QStandardItemModel *m_problemsModel = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_missingLabel = nullptr;
    QPlainTextEdit *m_missing = nullptr;
    SavePathFunction m_chooseSavePath;
};

} // namespace claimline
