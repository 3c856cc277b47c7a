#pragma once

// Opening a dataset for the import, whatever its format: what a path holds (its format found
// from its content, or why it cannot be imported), and its rows as a RowSource. Claimline's
// CSV export (a folder, or one of its three files) is only recognised here: its files are
// read together by importClaimlineCsv().

#include "import/importformat.h"
#include "import/rowsource.h"

#include <QString>

#include <memory>

namespace claimline {

struct ColumnMapping;

struct DatasetProbe
{
    ImportFormat format = ImportFormat::Auto; // Auto when `problem` is set
    QString problem; // why the path cannot be imported, in plain words, or empty
};

// What `path` holds when read as `format` (Auto: found from the content: a JSON document is
// TimelineJS, JSON lines Timesketch, a CSV header tells the rest; a folder holding
// events.csv is Claimline's CSV export). Reads only the start of a CSV file; a JSON document
// is read whole (TimelineJS files are small).
DatasetProbe probeDataset(const QString &path, ImportFormat format,
                          const ColumnMapping *mapping = nullptr);

// The rows of `path` (not for ClaimlineCsv); null with *error set when it cannot be read.
std::unique_ptr<RowSource> openRowSource(const QString &path, ImportFormat format,
                                         const ColumnMapping *mapping, QString *error);

} // namespace claimline
