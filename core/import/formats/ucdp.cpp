#include "import/formats/ucdp.h"

#include "import/csv/csvreader.h"
#include "import/formats/fieldtext.h"

#include <QStringBuilder>

#include <algorithm>

namespace claimline {

namespace {

// In the order of UcdpMapper::Column.
constexpr std::array<std::string_view, 14> ColumnNames {
    "id",      "date_start",    "date_end",        "type_of_violence",  "side_a",
    "side_b",  "source_office", "source_headline", "where_description", "adm_1",
    "country", "latitude",      "longitude",       "where_prec"};

// type_of_violence 1, 2, 3: the kind, and how a title starts with it.
constexpr std::array<std::string_view, 3> Kinds {"state-based conflict", "non-state conflict",
                                                 "one-sided violence"};
constexpr std::array<std::string_view, 3> TitleKinds {"State-based conflict", "Non-state conflict",
                                                      "One-sided violence"};

// where_prec 1-7 (UCDP GED codebook): 1 the exact place, 2 within about 25 km of a named place,
// 3 a second-order administrative division, 4 a first-order one, 5 a linear feature or a
// region spanning divisions, 6 only the country, 7 international waters or airspace.
constexpr std::array<LocationPrecision, 7> PlacePrecisions {
    LocationPrecision::Point,  LocationPrecision::Town, LocationPrecision::Area,
    LocationPrecision::Region, LocationPrecision::Area, LocationPrecision::Country,
    LocationPrecision::Area};

} // namespace

QString UcdpMapper::setHeader(std::span<const std::string_view> names)
{
    static_assert(ColumnNames.size() == ColumnCount);
    if (QString problem = m_header.set(names); !problem.isEmpty())
        return problem;
    if (QString problem
        = m_header.missing({ColumnNames[Id], ColumnNames[DateStart], ColumnNames[DateEnd],
                            ColumnNames[TypeOfViolence], ColumnNames[SideA]});
        !problem.isEmpty()) {
        return problem;
    }
    for (std::size_t c = 0; c < ColumnCount; ++c)
        m_columns[c] = m_header.indexOf(ColumnNames[c]);
    // Kept as attributes: every column the mapper does not read, and those it reads but cannot
    // give back: adm_1 and country (the place's name is only one of them), where_prec (three
    // codes become "area").
    m_header.keepAsAttributes(m_columns,
                              {m_columns[Adm1], m_columns[Country], m_columns[WherePrec]});
    return {};
}

std::string_view UcdpMapper::field(const CsvRecord &record, Column column) const
{
    return HeaderColumns::field(record, m_columns[column]);
}

QString UcdpMapper::map(const CsvRecord &record, ImportRow &row)
{
    if (QString problem = m_header.startRow(record, row); !problem.isEmpty())
        return problem;

    row.id = field(record, Id);
    if (row.id.empty())
        return QStringLiteral("id is empty");
    if (QString problem = mapTime(record, row); !problem.isEmpty())
        return problem;

    const std::string_view violenceText = field(record, TypeOfViolence);
    const int violence = smallCode(violenceText);
    if (violence < 1 || violence > 3) {
        return QStringLiteral("type_of_violence ") % quotedValue(violenceText)
            % QStringLiteral(" is not 1, 2 or 3");
    }
    row.kind = Kinds[std::size_t(violence - 1)];

    if (QString problem = mapPlace(record, row); !problem.isEmpty())
        return problem;

    appendUnique(field(record, SideA), row.parties);
    appendUnique(field(record, SideB), row.parties);
    appendListItems(field(record, SourceOffice), ';', row.sources);
    const std::string_view headline = field(record, SourceHeadline);
    row.summary = !headline.empty() ? headline : field(record, WhereDescription);

    m_header.addAttributes(record, row);

    // "State-based conflict in Kharkiv city"; without a place, the kind alone.
    const std::string_view titleKind = TitleKinds[std::size_t(violence - 1)];
    if (row.locationName.empty()) {
        row.title = titleKind;
    } else {
        row.scratch.append(titleKind).append(" in ").append(row.locationName);
        row.title = row.scratch;
    }
    return {};
}

QString UcdpMapper::mapTime(const CsvRecord &record, ImportRow &row) const
{
    const std::string_view startText = field(record, DateStart);
    const std::optional<CalendarDay> start = parseDay(startText);
    if (!start)
        return QStringLiteral("date_start ") % quotedValue(startText)
            % QStringLiteral(" is not a date");
    const std::string_view endText = field(record, DateEnd);
    const std::optional<CalendarDay> end = parseDay(endText);
    if (!end)
        return QStringLiteral("date_end ") % quotedValue(endText)
            % QStringLiteral(" is not a date");
    row.when = daysTime(*start, *end);
    if (row.when.isNull()) {
        return QStringLiteral("date_end ") % quotedValue(endText)
            % QStringLiteral(" is before date_start ") % quotedValue(startText);
    }
    return {};
}

QString UcdpMapper::mapPlace(const CsvRecord &record, ImportRow &row) const
{
    if (QString problem = readCoordinates(field(record, Latitude), field(record, Longitude),
                                          row.latitude, row.longitude);
        !problem.isEmpty()) {
        return problem;
    }
    // The most precise name the row gives.
    for (const Column name : {WhereDescription, Adm1, Country}) {
        row.locationName = field(record, name);
        if (!row.locationName.empty())
            break;
    }
    const std::string_view precisionText = field(record, WherePrec);
    if (precisionText.empty())
        return {};
    const int precision = smallCode(precisionText);
    if (precision < 1 || precision > int(PlacePrecisions.size())) {
        return QStringLiteral("where_prec ") % quotedValue(precisionText)
            % QStringLiteral(" is not a number from 1 to 7");
    }
    row.locationPrecision = PlacePrecisions[std::size_t(precision - 1)];
    return {};
}

} // namespace claimline
