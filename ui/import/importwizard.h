#pragma once

// ImportWizard: File ▸ Import…, a file dropped on the window, the start page's Import. Five
// steps (six for a CSV of no known format), each usable from the keyboard: the files and their
// format (detected, or chosen), and where they go (this project or a new one); for a CSV of no
// known format, which column holds what (ColumnMappingPage, with a live preview); a preview of the
// first rows as they will read, after reading the files through on a worker thread (the party names
// and how many rows name each); the party mapping; the import itself, on a worker thread with a
// percentage and Cancel, into a clone of the open project (or a new one); the report, with the
// refused rows, Keep and Discard. Keep makes the import one undo step (Document::applyImport) or,
// for a new project, hands it to the window (NewProjectFunction), which asks to save the open one
// first. Cancel or Discard at any point leaves the open project as it was.
//
// Nothing read from a file is shown as markup: labels are plain text, cells are model text.

#include "import/importer.h"
#include "model/project.h"

#include <QWizard>

#include <functional>
#include <memory>
#include <optional>

namespace claimline {

class ColumnMappingPage;
class Document;
class FilesPage;
class ImportReportPage;
class ImportRunPage;
class ImportWorker;
class PartyMappingPage;
class PreviewPage;
struct FilesSurvey;

// What one import made: the project it changed and the report. Shared with the worker thread
// that fills it; the wizard keeps it until Keep or Discard.
struct ImportJob
{
    QStringList files;
    ImportOptions options;
    Project project;
    ImportReport report;
    ImportProgress progress;
};

class ImportWizard final : public QWizard
{
    Q_OBJECT

public:
    // ColumnsPageId: the column mapping, only for CSV files of no known format; MappingPageId:
    // the party mapping.
    enum PageId {
        FilesPageId,
        ColumnsPageId,
        PreviewPageId,
        MappingPageId,
        RunPageId,
        ReportPageId
    };
    enum class Target { ThisProject, NewProject };

    // `projectOpen`: the window shows a project (not the start page), so it is the default
    // target. `files` may be empty (the first step asks for some).
    ImportWizard(Document *document, bool projectOpen, const QStringList &files,
                 QWidget *parent = nullptr);
    ~ImportWizard() override;

    Document *document() const { return m_document; }
    bool isProjectOpen() const { return m_projectOpen; }

    // --- what the steps chose ------------------------------------------------------------
    QStringList files() const;
    // The format the files are read as: Auto reads each file as its content says.
    ImportFormat format() const;
    // How CSV files of no known format read (the column step), when there are such files.
    std::optional<ColumnMapping> columnMapping() const;
    Target target() const;
    // The project the import goes into, as it is now: the open one, or an empty one.
    const Project &targetProject() const;
    // The survey of the files (after the preview step), and the party map (the mapping step).
    const FilesSurvey *survey() const;
    PartyMap partyMap() const;
    bool removeMissing() const;

    // --- the import ------------------------------------------------------------------------
    // The worker thread the preview and the import run on.
    ImportWorker *worker() const { return m_worker; }
    void setJob(std::shared_ptr<ImportJob> job) { m_job = std::move(job); }
    // The finished import (after the import step), or nullptr.
    const ImportJob *job() const { return m_job.get(); }
    // The undo step's name: "Import 1,204 events from acled-ukraine.csv".
    QString actionText() const;

    // How Keep puts an import into a new project in the window: asks to save the open one
    // first (false: the user cancelled; the wizard stays open), then takes `project`.
    using NewProjectFunction = std::function<bool(Project &project)>;
    void setNewProjectFunction(NewProjectFunction function) { m_newProject = std::move(function); }

    FilesPage *filesPage() const { return m_filesPage; }
    ColumnMappingPage *columnsPage() const { return m_columnsPage; }
    PreviewPage *previewPage() const { return m_previewPage; }
    PartyMappingPage *mappingPage() const { return m_mappingPage; }
    ImportRunPage *runPage() const { return m_runPage; }
    ImportReportPage *reportPage() const { return m_reportPage; }

public Q_SLOTS:
    // Keep: the import goes into the project.
    void accept() override;
    // Cancel or Discard: a running job stops, the import is dropped.
    void reject() override;

protected:
    // Escape on the report does nothing: a finished import (minutes at a million rows) is
    // dropped only by Discard or by closing the window, never by a stray key.
    void keyPressEvent(QKeyEvent *event) override;

private:
    Document *m_document = nullptr;
    bool m_projectOpen = false;
    Project m_emptyProject; // the target of an import into a new project
    ImportWorker *m_worker = nullptr;
    FilesPage *m_filesPage = nullptr;
    ColumnMappingPage *m_columnsPage = nullptr;
    PreviewPage *m_previewPage = nullptr;
    PartyMappingPage *m_mappingPage = nullptr;
    ImportRunPage *m_runPage = nullptr;
    ImportReportPage *m_reportPage = nullptr;
    std::shared_ptr<ImportJob> m_job;
    NewProjectFunction m_newProject;
};

} // namespace claimline
