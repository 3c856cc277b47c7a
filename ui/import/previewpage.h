#pragma once

// PreviewPage: the import wizard's second step. Reads every file through on the wizard's worker
// thread (a progress bar; Cancel closes the wizard, Back stops the reading) for the survey
// (filessurvey.h), then shows the first rows as the project will show them (when, title,
// parties, place; a refused row with its reason) and how many rows there are, how many would
// be refused, and how many party names. The survey is kept while the files, the format and the
// column mapping stay the same, so going back and forth does not read a large file again.

#include "import/filessurvey.h"
#include "import/importformat.h"
#include "import/mapping/columnmapping.h"

#include <QStringList>
#include <QWizardPage>

#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace claimline {

class ImportWizard;

class PreviewPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit PreviewPage(ImportWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    // While the files are read.
    bool isReading() const;
    int percent() const;
    // The finished survey, or nullptr.
    const FilesSurvey *survey() const;
    QTableView *table() const { return m_table; }
    QStandardItemModel *model() const { return m_model; }
    QString statusText() const;
    // How many surveys finished so far: a step built from the survey knows it is stale.
    int surveyCount() const { return m_surveyCount; }

Q_SIGNALS:
    // The survey finished (not cancelled).
    void surveyed();

private:
    struct Job;
    void startReading();
    void readingFinished();
    void updateProgress();
    void showSurvey();

    ImportWizard *m_wizard = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_model = nullptr;
    QLabel *m_footer = nullptr;
    QTimer *m_timer = nullptr;
    std::shared_ptr<Job> m_job;
    // What the survey was made of: files, format and column mapping.
    QStringList m_surveyedFiles;
    ImportFormat m_surveyedFormat = ImportFormat::Auto;
    std::optional<ColumnMapping> m_surveyedMapping;
    bool m_done = false;
    int m_surveyCount = 0;
};

} // namespace claimline
