#pragma once

// HeaderColumns: a dataset's header, kept by a row mapper for the whole file. It copies the
// names (the header record's text is gone once the reader reads on), finds a column by name
// once so that rows are read by index, and says in plain words what is missing or repeated.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

struct CsvRecord;
struct ImportRow;

class HeaderColumns
{
public:
    static constexpr int Absent = -1;

    // Keeps the names (trimmed of white space and a stray BOM). Returns an empty string, or
    // why the header cannot be used: `column "notes" appears twice`.
    QString set(std::span<const std::string_view> names);

    std::size_t count() const { return m_names.size(); }
    // The column's name as kept: the view stays valid until the next set().
    std::string_view name(std::size_t column) const { return m_names[column]; }
    // The index of the column so named, or Absent.
    int indexOf(std::string_view name) const;

    // Empty when every required column is there; otherwise `no column "event_date"` or
    // `no columns "event_date" and "actor1"`.
    QString missing(std::initializer_list<std::string_view> required) const;

    // Starts a row from a record of this header: clears the row and notes its line. Returns
    // why the record cannot be a row (the reader's problem, a wrong number of fields), or an
    // empty string.
    QString startRow(const CsvRecord &record, ImportRow &row) const;
    // The trimmed text of `column` in `record`; empty for an Absent column.
    static std::string_view field(const CsvRecord &record, int column);

    // The columns kept as a row's attributes: every named column that is not among `mapped`
    // (the mapper's column indices, Absent for a missing one), and those of `alsoKept` (read,
    // yet not given back exactly by what they map to).
    void keepAsAttributes(std::span<const int> mapped, std::initializer_list<int> alsoKept);
    // Appends the non-empty kept columns of `record` to the row's attributes, in file order.
    void addAttributes(const CsvRecord &record, ImportRow &row) const;

private:
    std::vector<std::string> m_names;
    std::vector<std::uint32_t> m_attributeColumns;
};

// A header name as columns are matched: without white space around it or a BOM at its start.
std::string_view headerName(std::string_view name);

} // namespace claimline
