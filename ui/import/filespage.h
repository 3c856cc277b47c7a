#pragma once

// FilesPage: the import wizard's first step: the files (or the folder of Claimline's CSV
// export), the format each one's content shows ("ACLED", "TimelineJS", ...; or not recognised
// and why), the format to read them as (Automatic, or one chosen), and where the events go:
// into the open project or a new one. A CSV whose columns no format knows is read through a
// column mapping the person makes in the next step (ColumnMappingPage). Telling a format
// costs one block of a CSV file, so it is done here at once; the whole file is read later.

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
    // Opens a folder dialog and adds the folder chosen (Claimline's CSV export).
    void addFolder();
    void removeSelectedFiles();
    // The format each file's header shows (nullopt: not recognised), in the order of files().
    std::optional<ImportFormat> detectedFormat(int file) const;
    QString detectionProblem(int file) const;
    // The format asked for in the "Read as" box (Auto: as each file's content says).
    ImportFormat format() const;
    void setFormat(ImportFormat format);
    // The format the files are read as: the one asked for, or Csv when it is Auto and no file
    // is of a known format but each can have its columns mapped.
    ImportFormat readFormat() const;
    // The files read through a column mapping (the column step comes next): every file when
    // the format is Csv; with Auto, those of no known format (when each of them is a CSV).
    QStringList mappedFiles() const;
    bool needsColumnMapping() const { return !mappedFiles().isEmpty(); }
    bool intoNewProject() const;
    void setIntoNewProject(bool intoNew);

    bool isComplete() const override;
    int nextId() const override;

    // The file dialog's filter: datasets (CSV, TSV, TXT, JSON, JSON lines), then all files.
    static QString fileFilter();

private:
    struct File
    {
        QString path;
        std::optional<ImportFormat> format;
        QString problem;
        // Of no known format, but a CSV with a header: its columns can be mapped.
        bool mappable = false;
    };
    void updateList();
    // Claimline's CSV export among files of other formats (read as each says).
    bool mixesOwnExport() const;

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
