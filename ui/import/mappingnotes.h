#pragma once

// MappingNotes: what the column step says about the file under a mapping, in plain words:
// the warning under the date's lists (both orders fit, or some dates do not read in the one
// chosen) and the line under the preview (how many of the first rows would be refused).

#include "import/mapping/columnmapping.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace claimline {

struct ImportPreviewRow;

class MappingNotes
{
    Q_DECLARE_TR_FUNCTIONS(MappingNotes)

public:
    // The first non-empty value of a column in the sample (trimmed), or empty.
    static QString firstValue(const CsvSample &sample, int column);
    // Empty when the date column reads well: else "Both day-first and month-first readings fit
    // every date in the first rows, e.g. “03/04/2023”: choose the one the file uses." and/or
    // "7 of the first 50 dates do not read as days in this format."
    static QString dateWarning(const CsvSample &sample, const ColumnMapping &mapping);
    // "The first 50 rows read as shown." / "3 of the first 50 rows would be refused: ..."
    static QString previewSummary(const std::vector<ImportPreviewRow> &rows);
};

} // namespace claimline
