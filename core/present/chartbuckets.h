#pragma once

// TimeBuckets: the consecutive time buckets of a time chart (hours, local days, ISO weeks,
// months, years, decades or centuries) in a display zone, and the rule that places an item in
// one of them.
//
// The rule, so that a chart never claims more precision than its data has: an item counts in
// a bucket only when its whole span (every instant its time may mean) lies in that bucket.
// "29 Dec" counts on 29 Dec in a day chart and in the week of 29 Dec in a week chart, never in
// an hour; "Dec 2025" counts in a month or a year chart, never in a day; a time given as
// calendar dates (no time of day) is a day wherever it is read, so it is placed on the zone's
// wall clock. No item is ever placed at its midpoint: an item that fits in no bucket is not
// counted, and the chart says so (ChartData::notShown).

#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <vector>

namespace claimline {

class FuzzyTime;

enum class BucketUnit { Hour, Day, Week, Month, Year, Decade, Century };

class TimeBuckets
{
public:
    // No chart draws more buckets than this; a longer span takes a coarser unit.
    static constexpr std::size_t MaxBuckets = 500;
    // Spans up to this long (two days) are counted by the hour, up to this many days by the
    // day.
    static constexpr std::int64_t HourSpan = 2 * 86400;
    static constexpr std::int64_t DaySpanDays = 92;

    TimeBuckets() = default;
    // The buckets of `unit` covering [from, to) (UTC seconds), aligned to the unit in `zone`.
    // At most MaxBuckets: a unit too fine for the span is replaced by the next coarser one.
    static TimeBuckets make(BucketUnit unit, std::int64_t from, std::int64_t to,
                            const QTimeZone &zone);
    // The unit a span is counted in: hours up to HourSpan, days up to DaySpanDays, else the
    // finest of weeks, months, years, decades and centuries that gives at most MaxBuckets.
    static BucketUnit unitFor(std::int64_t from, std::int64_t to);
    static TimeBuckets cover(std::int64_t from, std::int64_t to, const QTimeZone &zone)
    {
        return make(unitFor(from, to), from, to, zone);
    }
    // The finest unit whose buckets can hold a time this precise: an instant to the minute or
    // an hour → Hour; a calendar day → Day; a span of 2–7 days → Week; a month → Month; a
    // year → Year; "201X" → Decade; anything wider (or open) → Century.
    static BucketUnit precisionUnit(const FuzzyTime &time);
    static QString unitName(BucketUnit unit); // "hour", "day", …, "century"

    BucketUnit unit() const { return m_unit; }
    std::size_t size() const { return m_starts.empty() ? 0 : m_starts.size() - 1; }
    bool isEmpty() const { return size() == 0; }
    // Bucket i is [start(i), start(i + 1)) in UTC seconds.
    std::int64_t start(std::size_t i) const { return m_starts[i]; }
    std::int64_t end(std::size_t i) const { return m_starts[i + 1]; }
    // The bucket that holds every instant the time may mean, or -1 (undated, open, wider than
    // a bucket, across a boundary, or outside the buckets). Calendar dates are compared on
    // the zone's wall clock, instants in UTC.
    int indexOf(const FuzzyTime &time) const;
    // Whether the time may mean an instant inside the buckets (calendar dates on the wall
    // clock, as indexOf).
    bool overlaps(const FuzzyTime &time) const;
    // "29 Dec", "29 Dec 14:00", "Dec 2025", "2025", "2020s": short and distinct; days and
    // weeks (by their Monday) show the year where it starts or changes; an hour the wall
    // clock shows twice (clocks going back) carries its zone abbreviation or offset.
    QString label(std::size_t i) const;
    QString unitName() const { return unitName(m_unit); }

private:
    BucketUnit m_unit = BucketUnit::Day;
    QTimeZone m_zone = QTimeZone::utc();
    bool m_longerThanYear = false;
    std::vector<std::int64_t> m_starts; // size() + 1 UTC instants
    std::vector<std::int64_t> m_wallStarts; // the same boundaries on the zone's wall clock
};

} // namespace claimline
