#pragma once

// RowMapper: what a format knows. It reads the header once, then turns each record into an
// ImportRow or says why the row is refused. Mappers know nothing of projects; the Importer
// does the rest (parties, sources, ids, re-import).

#include "import/importformat.h"
#include "import/importrow.h"
#include "import/rowsource.h"

#include <QString>

#include <memory>
#include <span>
#include <string_view>

namespace claimline {

struct CsvRecord;

class RowMapper
{
public:
    virtual ~RowMapper() = default;

    virtual ImportFormat format() const = 0;

    // Finds the columns (in any order; names as trimmedColumnName() gives them). Returns an
    // empty string, or why the file cannot be read as this format, naming what is missing:
    // `no column "event_date"`.
    virtual QString setHeader(std::span<const std::string_view> names) = 0;

    // Maps one record. Returns an empty string, or the reason the row is refused, in plain
    // words that quote what is wrong: `event_date "2026-02-30" is not a date`, `17 fields
    // where the header has 31`. A refused row leaves `row` unspecified.
    virtual QString map(const CsvRecord &record, ImportRow &row) = 0;

    // A record about the dataset rather than an event (a TimelineJS sheet's title or era
    // row): the mapper keeps what it says (extras()) and returns true, and the record is not
    // a row. The default: every record is a row.
    virtual bool consume(const CsvRecord &record);
    // What the consumed records said; complete at the end of the file.
    virtual const DatasetExtras &extras() const;
};

struct ColumnMapping;

// A mapper for a concrete format (not Auto, not ClaimlineCsv). ImportFormat::Csv needs the
// mapping; the other formats ignore it.
std::unique_ptr<RowMapper> makeRowMapper(ImportFormat format,
                                         const ColumnMapping *mapping = nullptr);

} // namespace claimline
