#include "import/formats/acled.h"

#include "import/csv/csvreader.h"
#include "import/formats/fieldtext.h"

#include <QStringBuilder>

#include <algorithm>

namespace claimline {

namespace {

// In the order of AcledMapper::Column.
constexpr std::array<std::string_view, 14> ColumnNames {
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1",        "actor2",     "location",       "latitude",   "longitude",
    "geo_precision", "source",     "notes",          "timestamp"};

// A title needs words even when the row names neither its kind nor its place.
constexpr std::string_view UntitledEvent = "Event";

} // namespace

QString AcledMapper::setHeader(std::span<const std::string_view> names)
{
    static_assert(ColumnNames.size() == ColumnCount);
    if (QString problem = m_header.set(names); !problem.isEmpty())
        return problem;
    // time_precision is required: without it nobody can tell a day from a week or a month.
    if (QString problem = m_header.missing({ColumnNames[EventIdCnty], ColumnNames[EventDate],
                                            ColumnNames[TimePrecision], ColumnNames[Actor1]});
        !problem.isEmpty()) {
        return problem;
    }
    for (std::size_t c = 0; c < ColumnCount; ++c)
        m_columns[c] = m_header.indexOf(ColumnNames[c]);
    // Kept as attributes: every column the mapper does not read, and the two precision codes,
    // which the fuzzy time and the place precision cannot give back exactly.
    m_header.keepAsAttributes(m_columns, {m_columns[TimePrecision], m_columns[GeoPrecision]});
    return {};
}

std::string_view AcledMapper::field(const CsvRecord &record, Column column) const
{
    return HeaderColumns::field(record, m_columns[column]);
}

QString AcledMapper::map(const CsvRecord &record, ImportRow &row)
{
    if (QString problem = m_header.startRow(record, row); !problem.isEmpty())
        return problem;

    row.id = field(record, EventIdCnty);
    if (row.id.empty())
        return QStringLiteral("event_id_cnty is empty");

    const std::string_view dateText = field(record, EventDate);
    const std::optional<CalendarDay> date = parseDay(dateText);
    if (!date)
        return QStringLiteral("event_date ") % quotedValue(dateText)
            % QStringLiteral(" is not a date");
    const std::string_view precisionText = field(record, TimePrecision);
    switch (smallCode(precisionText)) {
    case 1:
        row.when = dayTime(*date);
        break;
    case 2:
        row.when = weekAroundTime(*date);
        break;
    case 3:
        row.when = monthTime(*date);
        break;
    default:
        return QStringLiteral("time_precision ") % quotedValue(precisionText)
            % QStringLiteral(" is not 1, 2 or 3");
    }
    if (row.when.isNull()) {
        return QStringLiteral("event_date ") % quotedValue(dateText)
            % QStringLiteral(" is too close to the year 0 or 9999");
    }

    if (QString problem = mapPlace(record, row); !problem.isEmpty())
        return problem;

    row.updated = field(record, Timestamp);
    row.summary = field(record, Notes);
    row.kind = field(record, EventType);
    const std::string_view subEventType = field(record, SubEventType);
    appendUnique(subEventType, row.tags);
    appendUnique(field(record, Actor1), row.parties);
    appendUnique(field(record, Actor2), row.parties);
    appendListItems(field(record, Source), ';', row.sources);

    m_header.addAttributes(record, row);

    // "Air/drone strike in Novgorod"; without a sub-event type, the event type.
    std::string_view what = !subEventType.empty() ? subEventType : row.kind;
    if (what.empty())
        what = UntitledEvent;
    if (row.locationName.empty()) {
        row.title = what;
    } else {
        row.scratch.append(what).append(" in ").append(row.locationName);
        row.title = row.scratch;
    }
    return {};
}

QString AcledMapper::mapPlace(const CsvRecord &record, ImportRow &row) const
{
    if (QString problem = readCoordinates(field(record, Latitude), field(record, Longitude),
                                          row.latitude, row.longitude);
        !problem.isEmpty()) {
        return problem;
    }
    row.locationName = field(record, Location);
    const std::string_view precisionText = field(record, GeoPrecision);
    if (precisionText.empty())
        return {};
    switch (smallCode(precisionText)) {
    case 1:
        row.locationPrecision = LocationPrecision::Town;
        break;
    case 2:
        row.locationPrecision = LocationPrecision::Area;
        break;
    case 3:
        row.locationPrecision = LocationPrecision::Region;
        break;
    default:
        return QStringLiteral("geo_precision ") % quotedValue(precisionText)
            % QStringLiteral(" is not 1, 2 or 3");
    }
    return {};
}

} // namespace claimline
