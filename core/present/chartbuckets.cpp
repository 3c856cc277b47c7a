#include "present/chartbuckets.h"

#include "present/chartcommon.h"
#include "time/fuzzytime.h"

#include <QDateTime>

#include <algorithm>
#include <array>

namespace claimline {

namespace {

constexpr std::int64_t UnixEpochJulianDay = 2440588;

// Seconds since the epoch of a date's midnight on the wall clock (as if the zone were UTC).
std::int64_t wallMidnight(const QDate &date)
{
    return (date.toJulianDay() - UnixEpochJulianDay) * chart::Day;
}

QDate nextDate(BucketUnit unit, const QDate &date)
{
    switch (unit) {
    case BucketUnit::Hour:
    case BucketUnit::Day:
        return date.addDays(1);
    case BucketUnit::Week:
        return date.addDays(7);
    case BucketUnit::Month:
        return date.addMonths(1);
    case BucketUnit::Year:
        return date.addYears(1);
    case BucketUnit::Decade:
        return date.addYears(10);
    case BucketUnit::Century:
        return date.addYears(100);
    }
    return date.addDays(1);
}

// The first day of the bucket of `unit` that holds `date`.
QDate alignDate(BucketUnit unit, const QDate &date)
{
    const int year = date.year();
    switch (unit) {
    case BucketUnit::Hour:
    case BucketUnit::Day:
        return date;
    case BucketUnit::Week:
        return date.addDays(1 - date.dayOfWeek());
    case BucketUnit::Month:
        return QDate(year, date.month(), 1);
    case BucketUnit::Year:
        return QDate(year, 1, 1);
    case BucketUnit::Decade:
        // QDate has no year 0 (1 BC is -1): the first decade and century start in year 1.
        return QDate(std::max(1, year - year % 10), 1, 1);
    case BucketUnit::Century:
        return QDate(std::max(1, year - year % 100), 1, 1);
    }
    return date;
}

// A generous count of the buckets of `unit` over a span of `days` (a partial one at each end).
std::int64_t bucketsOver(BucketUnit unit, std::int64_t days)
{
    switch (unit) {
    case BucketUnit::Hour:
        return days * 25 + 2;
    case BucketUnit::Day:
        return days + 2;
    case BucketUnit::Week:
        return days / 7 + 2;
    case BucketUnit::Month:
        return days / 28 + 2;
    case BucketUnit::Year:
        return days / 365 + 2;
    case BucketUnit::Decade:
        return days / 3652 + 2;
    case BucketUnit::Century:
        return days / 36524 + 2;
    }
    return days;
}

BucketUnit coarser(BucketUnit unit)
{
    return unit == BucketUnit::Century ? unit : BucketUnit(int(unit) + 1);
}

} // namespace

BucketUnit TimeBuckets::unitFor(std::int64_t from, std::int64_t to)
{
    const std::int64_t span = std::max<std::int64_t>(0, to - from);
    if (span <= HourSpan)
        return BucketUnit::Hour;
    // Days only up to a quarter: a year of daily values is noise at chart size, its weeks show
    // the tempo.
    const std::int64_t days = span / chart::Day + 2;
    if (days <= DaySpanDays)
        return BucketUnit::Day;
    for (const BucketUnit unit :
         {BucketUnit::Week, BucketUnit::Month, BucketUnit::Year, BucketUnit::Decade}) {
        if (bucketsOver(unit, days) <= std::int64_t(MaxBuckets))
            return unit;
    }
    // Years 0000–9999 are a hundred centuries.
    return BucketUnit::Century;
}

BucketUnit TimeBuckets::precisionUnit(const FuzzyTime &time)
{
    if (!chart::isDated(time) || time.isOpenStart() || time.isOpenEnd())
        return BucketUnit::Century;
    // By the width of the span: what the source can tell. The longest bucket of each unit
    // (a day of 25 hours, a 31-day month, a leap year) still counts as that unit.
    const std::int64_t width = time.end() - time.start();
    constexpr std::array<std::pair<std::int64_t, BucketUnit>, 6> Widths {{
        {3600, BucketUnit::Hour},
        {25 * 3600, BucketUnit::Day},
        {7 * chart::Day, BucketUnit::Week},
        {31 * chart::Day, BucketUnit::Month},
        {366 * chart::Day, BucketUnit::Year},
        {3653 * chart::Day, BucketUnit::Decade},
    }};
    for (const auto &[limit, unit] : Widths) {
        if (width <= limit)
            return unit;
    }
    return BucketUnit::Century;
}

QString TimeBuckets::unitName(BucketUnit unit)
{
    constexpr std::array<const char *, 7> Names {"hour", "day",    "week",   "month",
                                                 "year", "decade", "century"};
    return QString::fromLatin1(Names[std::size_t(unit)]);
}

TimeBuckets TimeBuckets::make(BucketUnit unit, std::int64_t from, std::int64_t to,
                              const QTimeZone &zone)
{
    to = std::max(to, from + 1);
    // The guarantee of MaxBuckets: a unit too fine for the span gives way to a coarser one.
    const std::int64_t days = (to - from) / chart::Day + 2;
    while (unit != BucketUnit::Century && bucketsOver(unit, days) > std::int64_t(MaxBuckets))
        unit = coarser(unit);

    TimeBuckets buckets;
    buckets.m_unit = unit;
    buckets.m_zone = zone.isValid() ? zone : QTimeZone::utc();
    const std::size_t limit = MaxBuckets + 1;
    const QDateTime local = QDateTime::fromSecsSinceEpoch(from, buckets.m_zone);
    if (unit == BucketUnit::Hour) {
        QDateTime at(local.date(), QTime(local.time().hour(), 0), buckets.m_zone);
        std::int64_t start = at.toSecsSinceEpoch();
        while (buckets.m_starts.size() <= limit) {
            buckets.m_starts.push_back(start);
            buckets.m_wallStarts.push_back(start + buckets.m_zone.offsetFromUtc(at));
            if (start >= to)
                break;
            start += 3600;
            at = QDateTime::fromSecsSinceEpoch(start, buckets.m_zone);
        }
    } else {
        QDate date = alignDate(unit, local.date());
        while (buckets.m_starts.size() <= limit) {
            const std::int64_t start
                = QDateTime(date, QTime(0, 0), buckets.m_zone).toSecsSinceEpoch();
            buckets.m_starts.push_back(start);
            buckets.m_wallStarts.push_back(wallMidnight(date));
            if (start >= to)
                break;
            date = nextDate(unit, date);
        }
    }
    if (buckets.m_starts.size() < 2) {
        buckets.m_starts.clear();
        buckets.m_wallStarts.clear();
    } else {
        buckets.m_longerThanYear
            = buckets.m_starts.back() - buckets.m_starts.front() > 366 * chart::Day;
    }
    return buckets;
}

int TimeBuckets::indexOf(const FuzzyTime &time) const
{
    if (!chart::isDated(time) || time.isOpenStart() || time.isOpenEnd() || isEmpty())
        return -1;
    const std::vector<std::int64_t> &bounds = chart::isCalendarTime(time) ? m_wallStarts : m_starts;
    // The bucket holding the first instant must also hold the last one.
    const auto it = std::upper_bound(bounds.begin(), bounds.end(), time.start());
    if (it == bounds.begin() || it == bounds.end())
        return -1;
    if (time.end() > *it)
        return -1;
    return int(it - bounds.begin()) - 1;
}

bool TimeBuckets::overlaps(const FuzzyTime &time) const
{
    if (!chart::isDated(time) || isEmpty())
        return false;
    const std::vector<std::int64_t> &bounds = chart::isCalendarTime(time) ? m_wallStarts : m_starts;
    return time.start() < bounds.back() && time.end() > bounds.front();
}

QString TimeBuckets::label(std::size_t i) const
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(m_starts[i], m_zone);
    switch (m_unit) {
    case BucketUnit::Hour: {
        const bool oneDay = QDateTime::fromSecsSinceEpoch(m_starts.front(), m_zone).date()
            == QDateTime::fromSecsSinceEpoch(m_starts.back() - 1, m_zone).date();
        QString text
            = at.toString(oneDay ? QStringLiteral("HH:mm") : QStringLiteral("d MMM HH:mm"));
        // The night the clocks go back the wall clock shows an hour twice: say which one.
        const bool repeated = (i > 0 && m_wallStarts[i - 1] == m_wallStarts[i])
            || (i + 1 < size() && m_wallStarts[i + 1] == m_wallStarts[i]);
        if (repeated) {
            const QString abbreviation = m_zone.abbreviation(at);
            const QString other = m_zone.abbreviation(QDateTime::fromSecsSinceEpoch(
                m_starts[i > 0 && m_wallStarts[i - 1] == m_wallStarts[i] ? i - 1 : i + 1], m_zone));
            const bool letters
                = !abbreviation.isEmpty() && abbreviation != other && abbreviation[0].isLetter();
            text += QLatin1Char(' ')
                + (letters ? abbreviation : m_zone.displayName(at, QTimeZone::OffsetName));
        }
        return text;
    }
    case BucketUnit::Day:
    case BucketUnit::Week: {
        // Short labels; the year on the first bucket and where it changes, or on every label
        // of a chart longer than a year (so they stay distinct).
        const bool year = m_longerThanYear || i == 0
            || at.date().year()
                != QDateTime::fromSecsSinceEpoch(m_starts[i - 1], m_zone).date().year();
        return at.toString(year ? QStringLiteral("d MMM yyyy") : QStringLiteral("d MMM"));
    }
    case BucketUnit::Month:
        return at.toString(QStringLiteral("MMM yyyy"));
    case BucketUnit::Year:
        return at.toString(QStringLiteral("yyyy"));
    case BucketUnit::Decade:
        return QString::number(at.date().year()) + QLatin1Char('s');
    case BucketUnit::Century: {
        const int year = at.date().year();
        return QStringLiteral("%1–%2").arg(year).arg(year + 99);
    }
    }
    return {};
}

} // namespace claimline
