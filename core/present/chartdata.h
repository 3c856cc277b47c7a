#pragma once

// Chart data: what each of the five charts counts, as plain values computed from a Project,
// the shared Filter and the display time zone, without any widget (Qt Core only), so that
// the counting rules are tested on their own and the chart widgets stay thin.
//
// Every chart is a grid of cells, series × categories (a party × a day, a stance × a
// question/party pair, a status × a party), each holding a count and the items it counts, so
// that a click on a bar selects exactly those items. Time charts bucket items by their
// midpoint (calendar dates at the middle of their days wherever they are read, see
// TimeBuckets::indexOf) into hours, days, weeks, months or years, the finest unit that keeps a
// chart under MaxBuckets.

#include "model/model.h"

#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace claimline {

class Filter;
class Project;

enum class ChartKind { ClaimsPerDay, StanceMatrix, ResponseLag, StatusByParty, EventTempo };
inline constexpr int ChartKindCount = 5;

enum class BucketUnit { Hour, Day, Week, Month, Year };

// Consecutive time buckets in a display zone: hours, local days, ISO weeks (from Monday),
// months or years.
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
    static TimeBuckets make(BucketUnit unit, std::int64_t from, std::int64_t to,
                            const QTimeZone &zone);
    // The unit a span is counted in: hours up to HourSpan, days up to DaySpanDays, else the
    // finest of weeks, months and years that gives at most MaxBuckets buckets.
    static BucketUnit unitFor(std::int64_t from, std::int64_t to);
    static TimeBuckets cover(std::int64_t from, std::int64_t to, const QTimeZone &zone)
    {
        return make(unitFor(from, to), from, to, zone);
    }

    BucketUnit unit() const { return m_unit; }
    std::size_t size() const { return m_starts.empty() ? 0 : m_starts.size() - 1; }
    bool isEmpty() const { return size() == 0; }
    // Bucket i is [start(i), start(i + 1)) in UTC seconds.
    std::int64_t start(std::size_t i) const { return m_starts[i]; }
    std::int64_t end(std::size_t i) const { return m_starts[i + 1]; }
    // The bucket an item with this time counts in, or -1 (undated, or outside the buckets).
    // The item counts at its midpoint. A time given as calendar dates (no time of day) is a
    // day wherever it is read, so its midpoint is taken on the local wall clock: "29 Dec"
    // counts on 29 Dec in every zone. An instant counts where it falls in the zone.
    int indexOf(const FuzzyTime &time) const;
    // "29 Dec", "29 Dec 14:00", "Dec 2025", "2025": short and distinct; days and weeks (by
    // their Monday) show the year where it starts or changes.
    QString label(std::size_t i) const;
    QString unitName() const; // "hour", "day", "week", "month", "year"

private:
    BucketUnit m_unit = BucketUnit::Day;
    QTimeZone m_zone = QTimeZone::utc();
    bool m_longerThanYear = false;
    std::vector<std::int64_t> m_starts; // size() + 1 UTC instants
    std::vector<std::int64_t> m_wallStarts; // the same boundaries on the zone's wall clock
};

// Items grouped into cells, stored flat (a counting sort): cell c holds items
// [offsets[c], offsets[c + 1]).
class CellItems
{
public:
    CellItems() = default;
    // Each pair is (cell, item); items keep their order within a cell.
    CellItems(std::size_t cellCount,
              std::span<const std::pair<std::uint32_t, std::uint32_t>> pairs);
    std::span<const std::uint32_t> items(std::size_t cell) const
    {
        return {m_items.data() + m_offsets[cell], m_offsets[cell + 1] - m_offsets[cell]};
    }
    std::size_t count(std::size_t cell) const { return m_offsets[cell + 1] - m_offsets[cell]; }
    std::size_t cellCount() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }

private:
    std::vector<std::uint32_t> m_offsets;
    std::vector<std::uint32_t> m_items;
};

// One series of a chart: a party, a stance or a status.
struct ChartSeries
{
    QString name;
    std::uint32_t party = NoIndex; // the party it stands for, or NoIndex
    int key = -1; // the Stance or Status value it stands for, or -1
};

// Response lag of one responding party: the spread of its answers' lags, in seconds.
struct LagSpread
{
    double min = 0;
    double lowerQuartile = 0;
    double median = 0;
    double upperQuartile = 0;
    double max = 0;
};

struct ChartData
{
    ChartKind kind = ChartKind::ClaimsPerDay;
    ItemKind itemKind = ItemKind::Claim; // what the cells' items index
    QString title;
    QString xTitle;
    QString yTitle;
    QString credit; // "Source: <project title>, compiled from N sources"
    QString note; // what is left out, if anything ("60 of 240 pairs shown")
    std::vector<QString> categories;
    // Per category, the party it stands for (status by party, response lag); else empty.
    std::vector<std::uint32_t> categoryParties;
    std::vector<ChartSeries> series;
    std::vector<double> values; // series-major: values[s * categories.size() + c]
    CellItems cells; // the same cells as values
    TimeBuckets buckets; // time charts (claims per day, event tempo); empty otherwise
    std::vector<LagSpread> lags; // response lag: one per category
    double lagUnit = 86400; // response lag: seconds per unit of the value axis (hour or day)

    std::size_t cell(std::size_t series, std::size_t category) const
    {
        return series * categories.size() + category;
    }
    double value(std::size_t series, std::size_t category) const
    {
        return values[cell(series, category)];
    }
    std::span<const std::uint32_t> items(std::size_t series, std::size_t category) const
    {
        return cells.items(cell(series, category));
    }
    // The value as a percentage of its category's total (status by party); 0 for an empty
    // category.
    double share(std::size_t series, std::size_t category) const;
    double total() const;
    bool isEmpty() const { return total() == 0; }
};

struct ChartRequest
{
    ChartKind kind = ChartKind::ClaimsPerDay;
    QTimeZone zone = QTimeZone::utc();
    // The visible range (UTC seconds) for claims per day; nullopt: the filter's date range
    // when it has both ends, else every counted claim. Event tempo always spans the project.
    std::optional<std::pair<std::int64_t, std::int64_t>> range;
    // Stance matrix: at most this many question × party rows, the ones with most claims.
    std::size_t maxRows = 30;
};

// Computes one chart: one pass over the project's claims (or events, or relations), asking
// the Filter about each item.
ChartData computeChart(const Project &project, const Filter &filter, const ChartRequest &request);

// A party's display name: its short name (for axes) or its name (for legends), else the
// other, else its id.
enum class PartyName { Short, Full };
QString partyDisplayName(const Project &project, std::uint32_t party,
                         PartyName form = PartyName::Short);
QString chartCredit(const Project &project);

} // namespace claimline
