#pragma once

// TimesketchMapper: rows of a Timesketch CSV (the columns message, datetime and
// timestamp_desc, any others in any order) as ImportRows. What each column becomes is
// timesketchevent.h's, shared with the JSON lines reader.

#include "import/formats/headercolumns.h"
#include "import/formats/rowmapper.h"

#include <array>
#include <cstdint>

namespace claimline {

class TimesketchMapper final : public RowMapper
{
public:
    ImportFormat format() const override { return ImportFormat::Timesketch; }
    QString setHeader(std::span<const std::string_view> names) override;
    QString map(const CsvRecord &record, ImportRow &row) override;

private:
    enum Column : std::uint8_t {
        Message,
        Datetime,
        Timestamp,
        TimestampDesc,
        Id,
        Tag,
        ColumnCount
    };

    HeaderColumns m_header;
    std::array<int, ColumnCount> m_columns {};
};

} // namespace claimline
