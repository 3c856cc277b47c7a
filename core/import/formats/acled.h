#pragma once

// AcledMapper: rows of an ACLED export (the Armed Conflict Location & Event Data Project's
// public codebook, 31 columns, in any order) as ImportRows.
//
// event_id_cnty → id; timestamp → updated; event_date with time_precision → when (1: the
// day, 2: the seven days centred on the date, 3: the month; never more precise); title
// "sub_event_type in location"; notes → summary; actor1, actor2 → parties; source, split on
// ';' → sources; event_type → kind; sub_event_type → tag; location, latitude, longitude,
// geo_precision (1 town, 2 area, 3 region) → the place. Every other column, codebook or extra
// (and time_precision, geo_precision, which the mapping cannot give back), is kept as an
// attribute: numbers as numbers.

#include "import/formats/headercolumns.h"
#include "import/formats/rowmapper.h"

#include <array>
#include <cstdint>
#include <vector>

namespace claimline {

class AcledMapper final : public RowMapper
{
public:
    ImportFormat format() const override { return ImportFormat::Acled; }
    QString setHeader(std::span<const std::string_view> names) override;
    QString map(const CsvRecord &record, ImportRow &row) override;

private:
    // The columns the mapper reads itself.
    enum Column : std::uint8_t {
        EventIdCnty,
        EventDate,
        TimePrecision,
        EventType,
        SubEventType,
        Actor1,
        Actor2,
        Location,
        Latitude,
        Longitude,
        GeoPrecision,
        Source,
        Notes,
        Timestamp,
        ColumnCount
    };

    QString mapPlace(const CsvRecord &record, ImportRow &row) const;
    std::string_view field(const CsvRecord &record, Column column) const;

    HeaderColumns m_header;
    std::array<int, ColumnCount> m_columns {};
    // The columns kept as attributes, in the header's order.
};

} // namespace claimline
