#pragma once

// The import: files of a dataset into a project.
//
// importFiles() reads each file as a stream (CsvReader), maps its rows (RowMapper), and adds
// each row as an event, or updates the event an earlier import of the same format made from
// the row with the same id: only the fields the import maps change (title, summary, time,
// place, parties, kind; sources and tags are added to), what the user added or changed
// (status and its history, notes, tags and sources of their own, claims about the event) is
// kept. Rows that cannot be read are refused and reported with their physical line; the good
// ones are imported. Ids the project holds from the same format that no file mentions any more
// are listed, and removed only when asked (claims about them are kept, without the event).
//
// It works on a Project the caller owns, usually a clone() of the open one, and can run on a
// worker thread: the caller keeps the result (one undo step) or drops it (nothing changed).

#include "import/importformat.h"
#include "import/mapping/columnmapping.h"
#include "import/partymap.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace claimline {

class Project;

struct ImportOptions
{
    ImportFormat format = ImportFormat::Auto;
    // Merged over the project's own party_map; the result is stored in the project.
    PartyMap partyMap;
    bool removeMissing = false;
    // How ImportFormat::Csv files read (required for them; ignored by the other formats).
    std::optional<ColumnMapping> mapping;
};

// A row (or a whole file: line 0) that was not imported, and why.
struct ImportProblem
{
    QString file;
    std::int64_t line = 0;
    QString reason;
    // "FILE:LINE: reason", the command line's form.
    QString toString() const;
};

struct ImportReport
{
    std::int64_t rows = 0; // data rows read (refused ones included)
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0; // matched by id, with the same `updated` and fields
    std::vector<ImportProblem> problems; // refused rows, files that could not be read
    std::vector<std::string> missingIds; // the format's ids the files no longer hold
    std::int64_t removed = 0; // of those, removed (removeMissing)
    std::vector<std::string> newParties; // names of the parties the import created
    std::int64_t periodsAdded = 0; // background periods (TimelineJS eras) the project lacked
    bool titleSet = false; // the project took the dataset's title (it had none)
    // The counts are of events (a dataset's rows); false when they are of every item
    // (Claimline's CSV export: events, claims and relations).
    bool eventsOnly = true;
    bool cancelled = false;

    std::int64_t refused() const;
    // "1,204 events added, 3 updated, 2 rows refused" (English, stable: scripts read it).
    QString summary() const;
    // The problems as CSV (file,line,reason), RFC 4180, for the report's Save.
    QString problemsCsv() const;
};

// Shared with a worker thread: the GUI reads the progress and may ask to cancel.
struct ImportProgress
{
    std::atomic<std::int64_t> bytesDone {0};
    std::atomic<std::int64_t> bytesTotal {0}; // of every file
    std::atomic<bool> cancel {false};
    // 0-100.
    int percent() const;
};

// Imports `files` into `project`. When cancelled (progress->cancel), returns with
// report.cancelled set and the project half changed: the caller drops it.
ImportReport importFiles(const QStringList &files, Project &project, const ImportOptions &options,
                         ImportProgress *progress = nullptr);

// What the wizard shows before importing: the format found, how the first rows read, and every
// party name with how many rows name it (the whole file is read for those, with progress).
struct ImportPreviewRow
{
    std::int64_t line = 0;
    QString when; // as the project will show it: "16 Feb 2023", "13–19 Feb 2023"
    QString title;
    QStringList parties;
    QString place;
    QString problem; // why it would be refused, or empty
};

struct ImportRow;
// A mapped row as the wizard previews it (the survey's and the column step's one form).
ImportPreviewRow previewOf(const ImportRow &row, std::int64_t line);

struct ImportSurvey
{
    ImportFormat format = ImportFormat::Auto; // Auto: not recognised (error says why)
    QString error;
    char delimiter = ',';
    std::vector<ImportPreviewRow> firstRows; // up to previewRows
    struct PartyName
    {
        std::string name;
        std::int64_t rows = 0;
    };
    std::vector<PartyName> partyNames; // most rows first
    std::int64_t rows = 0;
    std::int64_t refused = 0;
};

ImportSurvey surveyFile(const QString &file, ImportFormat format, int previewRows = 20,
                        ImportProgress *progress = nullptr, const ColumnMapping *mapping = nullptr);

} // namespace claimline
