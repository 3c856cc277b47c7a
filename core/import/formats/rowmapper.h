#pragma once

// RowMapper: what a format knows. It reads the header once, then turns each record into an
// ImportRow or says why the row is refused. Mappers know nothing of projects; the Importer
// does the rest (parties, sources, ids, re-import).

#include "import/importformat.h"
#include "import/importrow.h"

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
};

// A mapper for a concrete format (not Auto).
std::unique_ptr<RowMapper> makeRowMapper(ImportFormat format);

} // namespace claimline
