#pragma once

// TimelineJsSheetMapper: the rows of a TimelineJS Google Sheet saved as CSV (the template's
// columns Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date,
// Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group,
// Background; in any order, names matched without regard to case; Year and Headline needed).
//
// A row whose Type is "title" is the dataset's title (Headline) and description (Text); one
// whose Type is "era" a period from its start to its end (consume()). Every other row is a
// slide, read as the JSON's (timelinejsslide.h): Year, Month, Day and Time ("HH:MM" or
// "HH:MM:SS") its start, the End columns its end, Group its party, Media its source. An era
// whose dates cannot be read is refused as a row, with the reason. Unmapped columns (Media
// Thumbnail, Background, any other) are kept as attributes.

#include "import/formats/headercolumns.h"
#include "import/formats/rowmapper.h"
#include "import/timelinejs/timelinejsslide.h"

#include <array>
#include <cstdint>

namespace claimline {

class TimelineJsSheetMapper final : public RowMapper
{
public:
    ImportFormat format() const override { return ImportFormat::TimelineJs; }
    QString setHeader(std::span<const std::string_view> names) override;
    QString map(const CsvRecord &record, ImportRow &row) override;
    bool consume(const CsvRecord &record) override;
    const DatasetExtras &extras() const override { return m_extras; }

private:
    enum Column : std::uint8_t {
        Year,
        Month,
        Day,
        Time,
        EndYear,
        EndMonth,
        EndDay,
        EndTime,
        DisplayDate,
        Headline,
        Text,
        Media,
        MediaCredit,
        MediaCaption,
        Type,
        Group,
        ColumnCount
    };

    std::string_view field(const CsvRecord &record, Column column) const;
    TimelineJsSlide slide(const CsvRecord &record) const;
    QString span(const CsvRecord &record, FuzzyTime &when) const;
    // The row's Type, lower case ("title", "era", or anything else for a slide).
    std::string type(const CsvRecord &record) const;

    HeaderColumns m_header;
    std::array<int, ColumnCount> m_columns {};
    DatasetExtras m_extras;
    bool m_sawTitle = false;
    SlideRows m_slides;
};

} // namespace claimline
