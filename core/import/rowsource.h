#pragma once

// RowSource: one file of a dataset read row by row, whatever its shape: a CSV with a header
// (through a RowMapper, csvrowsource.h), a JSON document (TimelineJS) or JSON lines
// (Timesketch). The Importer and the wizard's survey read every format through it.

#include "import/importformat.h"
#include "import/importrow.h"
#include "time/fuzzytime.h"

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace claimline {

// A span of time the dataset marks as a background to its events (a TimelineJS era).
struct DatasetPeriod
{
    std::string title; // plain text
    FuzzyTime when;
};

// What a file says of the whole dataset beyond its rows: a TimelineJS title slide and eras.
struct DatasetExtras
{
    std::string title; // plain text; empty when the file has none
    std::string description; // plain text, paragraphs separated by "\n"
    std::vector<DatasetPeriod> periods;

    bool isEmpty() const { return title.empty() && description.empty() && periods.empty(); }
};

class RowSource
{
public:
    virtual ~RowSource() = default;

    virtual ImportFormat format() const = 0;

    // Reads the next row into `row` (the source clears it first). Returns false at the end
    // of the file, or when it cannot be read on (error()). A row that cannot be imported
    // comes back with `problem` set to the reason in plain words quoting the value
    // (`datetime "yesterday" is not a date and time`), with row.line set, and row.id when the
    // row names its id (a refused row is not taken for gone by a re-import); otherwise
    // `problem` is empty. The row's views stay valid until the next call.
    virtual bool next(ImportRow &row, QString &problem) = 0;

    // Bytes of the file consumed so far (progress).
    virtual std::int64_t bytesRead() const = 0;
    // Why reading stopped before the end of the file, or empty.
    virtual QString error() const = 0;
    // What the file says of the dataset as a whole; complete once next() returned false.
    virtual const DatasetExtras &extras() const;
};

} // namespace claimline
