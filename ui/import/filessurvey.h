#pragma once

// FilesSurvey: what the import wizard shows before importing, for every file it was given: the
// survey of each (importer.h: its format, its first rows, the party names with the rows naming
// them), merged. The files are read one after the other on the wizard's worker thread; the
// progress covers them all.

#include "import/importer.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <vector>

namespace claimline {

struct FilesSurvey
{
    struct File
    {
        QString path;
        ImportFormat format = ImportFormat::Auto; // Auto: not read (error says why)
        QString error;
        std::int64_t rows = 0;
        std::int64_t refused = 0;
    };
    std::vector<File> files;
    // The first rows of the files in order, and the file (index into files) of each.
    std::vector<ImportPreviewRow> firstRows;
    std::vector<int> firstRowFiles;
    std::vector<ImportSurvey::PartyName> partyNames; // most rows first, then by name
    std::int64_t rows = 0;
    std::int64_t refused = 0;
    bool cancelled = false;

    // Files that could be read (the import reads those and reports the others).
    int readableFiles() const;
};

// Where reading the files is: the file being read, and the bytes of the files before it. The
// wizard reads it on its own thread while surveyFiles() writes it.
struct FilesProgress
{
    ImportProgress file; // of the file being read; its cancel stops the whole survey
    std::atomic<std::int64_t> bytesBefore {0};
    std::atomic<std::int64_t> bytesTotal {0};
    std::atomic<int> current {0};

    // 0-100 over every file.
    int percent() const;
};

// `mapping`: how CSV files of no known format read (ImportFormat::Csv, or Auto for the files
// whose content tells no format), or nullptr.
FilesSurvey surveyFiles(const QStringList &files, ImportFormat format, int previewRows,
                        FilesProgress &progress, const ColumnMapping *mapping = nullptr);

// The bytes a dataset's path holds: a file's size, or the files of a folder (Claimline's CSV
// export) together.
std::int64_t datasetSize(const QString &path);

} // namespace claimline
