#pragma once

// ImportRunPage: the import wizard's fourth step. Says what will be imported where, offers to
// remove the events an earlier import made that the files no longer hold (only when the
// project holds events of that format: a re-import), and runs the import when asked (the
// step's button, "Import") on the wizard's worker thread, into a clone of the open project or
// a new one, with a percentage. Cancel stops it and drops the clone: the project is untouched.
// Once done the wizard goes on to the report; the import cannot be run twice.

#include <QWizardPage>

#include <memory>

class QCheckBox;
class QLabel;
class QProgressBar;
class QTimer;

namespace claimline {

class ImportWizard;
struct ImportJob;

class ImportRunPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportRunPage(ImportWizard *wizard);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

    bool isImporting() const { return m_running; }
    int percent() const;
    bool removeMissing() const;
    QCheckBox *removeMissingBox() const { return m_removeMissing; }
    // Starts the import (what the step's button does).
    void startImport();

private:
    void importFinished();
    void updateProgress();

    ImportWizard *m_wizard = nullptr;
    QLabel *m_what = nullptr;
    QCheckBox *m_removeMissing = nullptr;
    QLabel *m_removeMissingNote = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_timer = nullptr;
    std::shared_ptr<ImportJob> m_job;
    bool m_running = false;
    bool m_done = false;
};

} // namespace claimline
