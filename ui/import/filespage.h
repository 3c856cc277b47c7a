#pragma once

// FilesPage: the import wizard's first step: the files, the format each one's header shows
// ("ACLED", "UCDP GED", or not recognised and why), the format to read them as (Automatic, or
// one chosen when the header is not recognised), and where the events go: into the open
// project or a new one. Reading a header costs one block of the file, so it is done here at
// once; the whole file is read in the next step.

#include "import/importformat.h"

#include <QString>
#include <QWizardPage>

#include <optional>
#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace claimline {

class ImportWizard;

class FilesPage final : public QWizardPage
{
    Q_OBJECT

public:
    FilesPage(ImportWizard *wizard, bool projectOpen, const QString &projectName);

    QStringList files() const;
    void setFiles(const QStringList &files);
    // Opens a file dialog and adds the files chosen.
    void addFiles();
    void removeSelectedFiles();
    // The format each file's header shows (nullopt: not recognised), in the order of files().
    std::optional<ImportFormat> detectedFormat(int file) const;
    QString detectionProblem(int file) const;
    // The format asked for (Auto: as each header says).
    ImportFormat format() const;
    void setFormat(ImportFormat format);
    bool intoNewProject() const;
    void setIntoNewProject(bool intoNew);

    bool isComplete() const override;

    // The file dialog's filter: datasets (CSV, TSV, TXT), then all files.
    static QString fileFilter();

private:
    struct File
    {
        QString path;
        std::optional<ImportFormat> format;
        QString problem;
    };
    void updateList();

    ImportWizard *m_wizard = nullptr;
    std::vector<File> m_files;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_problems = nullptr;
    QComboBox *m_format = nullptr;
    QRadioButton *m_intoThis = nullptr;
    QRadioButton *m_intoNew = nullptr;
};

} // namespace claimline
