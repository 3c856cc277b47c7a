#pragma once

// UcdpMapper: rows of a UCDP Georeferenced Event Dataset (GED) CSV (its 49 columns of versions
// 23.1/24.1, in any order) as ImportRows.
//
// id → id (GED has no row version: updated stays empty); date_start..date_end → when (the day,
// or the interval of days the event may have happened in); type_of_violence 1/2/3 → kind
// ("state-based conflict", "non-state conflict", "one-sided violence"); title "<Kind> in
// <where_description>" (else adm_1, else country); summary = source_headline, else
// where_description; side_a, side_b → parties; source_office, split on ';' → sources; the
// place: where_description (else adm_1, else country), latitude, longitude, where_prec (1
// point, 2 town, 3 area, 4 region, 5 area, 6 country, 7 area: international waters or
// airspace). Every other column (deaths best/low/high among them), codebook or extra, and adm_1,
// country and where_prec, is kept as an attribute: numbers as numbers.

#include "import/formats/headercolumns.h"
#include "import/formats/rowmapper.h"

#include <array>
#include <cstdint>
#include <vector>

namespace claimline {

class UcdpMapper final : public RowMapper
{
public:
    ImportFormat format() const override { return ImportFormat::Ucdp; }
    QString setHeader(std::span<const std::string_view> names) override;
    QString map(const CsvRecord &record, ImportRow &row) override;

private:
    // The columns the mapper reads itself.
    enum Column : std::uint8_t {
        Id,
        DateStart,
        DateEnd,
        TypeOfViolence,
        SideA,
        SideB,
        SourceOffice,
        SourceHeadline,
        WhereDescription,
        Adm1,
        Country,
        Latitude,
        Longitude,
        WherePrec,
        ColumnCount
    };

    QString mapTime(const CsvRecord &record, ImportRow &row) const;
    QString mapPlace(const CsvRecord &record, ImportRow &row) const;
    std::string_view field(const CsvRecord &record, Column column) const;

    HeaderColumns m_header;
    std::array<int, ColumnCount> m_columns {};
    // The columns kept as attributes, in the header's order.
};

} // namespace claimline
