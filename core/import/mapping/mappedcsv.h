#pragma once

// MappedCsvMapper: the rows of any CSV/TSV as ImportRows, through a ColumnMapping (the
// person's answer to "which column is what").
//
// date (and end date) → when, by the mapping's date order, never more precise than written;
// title (required); party, split at the mapping's separator → parties; summary; source URL,
// split at ';': each http(s) address → a source named by its host, the address kept
// (sourceUrls), any other text → a source of that name; place; latitude and longitude, or one
// coordinates column ("50.45, 30.52") → the place's position; id → the row's id. Without an id
// column a row's id comes from its content (a short hash of its date text and title, "-2",
// "-3" for repeats in the file), so that importing the same file again updates the events it
// made instead of adding them twice. Every column the mapping does not name is kept as an
// attribute, numbers as numbers.

#include "import/formats/headercolumns.h"
#include "import/formats/rowmapper.h"
#include "import/mapping/columnmapping.h"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace claimline {

class MappedCsvMapper final : public RowMapper
{
public:
    explicit MappedCsvMapper(ColumnMapping mapping);

    ImportFormat format() const override { return ImportFormat::Csv; }
    // Refuses a header without a mapped column: `no column "Datum" in the file (the mapping
    // was made for "Datum", "Titel", …)`.
    QString setHeader(std::span<const std::string_view> names) override;
    // A refused row of the header's width still has its id (row.id): the id column's, or the
    // one made from its content.
    QString map(const CsvRecord &record, ImportRow &row) override;

    const ColumnMapping &mapping() const { return m_mapping; }

    // The roles a column can have, in the order the mapping lists them.
    enum Role : std::uint8_t {
        Date,
        EndDate,
        Title,
        Party,
        Summary,
        SourceUrl,
        Place,
        Latitude,
        Longitude,
        Coordinates,
        Id,
        RoleCount
    };
    // The mapping's member holding each role's column (empty: none), in the order of Role.
    static constexpr std::array<std::string ColumnMapping::*, RoleCount> RoleColumns {
        &ColumnMapping::date,        &ColumnMapping::endDate,  &ColumnMapping::title,
        &ColumnMapping::party,       &ColumnMapping::summary,  &ColumnMapping::sourceUrl,
        &ColumnMapping::place,       &ColumnMapping::latitude, &ColumnMapping::longitude,
        &ColumnMapping::coordinates, &ColumnMapping::id};

private:
    std::string_view field(const CsvRecord &record, Role role) const;
    QString mapTime(const CsvRecord &record, ImportRow &row) const;
    QString mapPlace(const CsvRecord &record, ImportRow &row) const;
    QString mapSources(const CsvRecord &record, ImportRow &row);
    // The id made from the row's content (m_madeId).
    void makeId(const CsvRecord &record);

    ColumnMapping m_mapping;
    HeaderColumns m_header;
    std::array<int, RoleCount> m_columns {};
    // Ids made from rows' content: how often each came so far (a repeat gets "-2", "-3").
    std::unordered_map<std::string, int> m_madeIds;
    std::string m_madeId; // the current row's, when made: row.id points here
    // Where each source's host name is in the row's scratch text (npos: the source is a name).
    std::vector<std::pair<std::size_t, std::size_t>> m_hosts;
};

} // namespace claimline
