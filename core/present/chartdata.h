#pragma once

// Chart data: what each of the five charts counts, as plain values computed from a Project,
// the shared Filter, the shared time window and the display time zone, without any widget
// (Qt Core only), so that the counting rules are tested on their own and the chart widgets
// stay thin.
//
// Every chart is a grid of cells, series × categories (a party × a day, a stance × a
// question/party pair, a status × a party, a party × an answer), each holding a count and the
// items it counts, so that a click on a bar or cell selects exactly those items.
//
// Precision: a chart shows exactly the precision its data has.
// - Time charts (claims per party, event tempo) choose their unit in two steps. The span (the
//   time window) gives the finest unit that keeps the chart under MaxBuckets bars
//   (TimeBuckets::unitFor). The items in the span then decide whether that is too fine: the
//   unit is never finer than the precision of most of them — the finest unit to which at
//   least half of the items in range are dated (TimeBuckets::precisionUnit: day-precision
//   data gives days or coarser, never hours); items wider than the window itself have no say. An
//   item counts in the one bucket that holds its whole span (TimeBuckets::indexOf), never at a
//   midpoint; an item in range that fits no bucket ("2025~" in a day chart, "29–31 Dec" in a day
//   chart) is left out of the bars, listed in notShown, and named in the note ("Not shown: 2 claims
//   dated less precisely than a day — …").
// - Response lags are ranges: from the earliest to the latest possible lag between two fuzzy
//   times (responseLag() in fuzzytime.h), never a difference of midpoints. Two claims of the
//   same calendar day are "same day", not "0 h"; days apart, "2 days" or "0–2 days".
//
// Every chart follows the time window (ChartRequest::range): the time charts span it, the
// others count the items whose time may fall in it.

#include "model/model.h"
#include "present/chartbuckets.h"

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
    friend bool operator==(const ChartSeries &, const ChartSeries &) = default;
};

// One row of the response-lag chart: the answers of one responding party whose lag reads the
// same ("same day", "2 days", "3–5 h"), and the range of those lags in seconds: from the
// earliest possible to the latest possible lag of any of them.
struct LagRange
{
    double min = 0;
    double max = 0;
    QString text; // "same day", "next day", "2 days", "0–2 days", "+35 min", "+2–26 h"
    friend bool operator==(const LagRange &, const LagRange &) = default;
};

struct ChartData
{
    ChartKind kind = ChartKind::ClaimsPerDay;
    ItemKind itemKind = ItemKind::Claim; // what the cells' items index
    QString title;
    QString xTitle;
    QString yTitle;
    QString credit; // "Source: <project title>, compiled from N sources"
    // What is left out, if anything ("Not shown: 2 claims dated less precisely than a day —
    // …", "The 12 questions with most claims of 15."): shown under the chart and in pictures.
    QString note;
    std::vector<QString> categories;
    // Per category, the party it stands for (status by party, response lag, the matrix's
    // columns); else empty.
    std::vector<std::uint32_t> categoryParties;
    std::vector<ChartSeries> series;
    std::vector<double> values; // series-major: values[s * categories.size() + c]
    CellItems cells; // the same cells as values
    TimeBuckets buckets; // time charts (claims per day, event tempo); empty otherwise
    // Time charts: the items (of itemKind) in range whose time is too imprecise for any
    // bucket, in project order; the note names them.
    std::vector<std::uint32_t> notShown;
    // Stance matrix: a table of rows (questions) × columns (parties); category
    // c = row * columns.size() + column; the series are the stances.
    std::vector<QString> rows;
    std::vector<QString> columns;
    // Response lag: one range per category (row); the series are the responding parties.
    std::vector<LagRange> lagRanges;
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

// Whether two charts draw the same: the same kind, titles, note, categories, series and
// values, whatever items their cells hold (a deletion renumbers the items but may change no
// count). The drawing also depends on the style and the parties' colours, which the data
// does not hold.
bool drawsTheSame(const ChartData &a, const ChartData &b);

struct ChartRequest
{
    ChartKind kind = ChartKind::ClaimsPerDay;
    QTimeZone zone = QTimeZone::utc();
    // The time window [from, to) (UTC seconds) every chart follows: the time charts span it,
    // the others count the items whose time overlaps it. nullopt: the filter's date range when
    // it has both ends, else every item (the time charts span the items).
    std::optional<std::pair<std::int64_t, std::int64_t>> range;
    // Stance matrix: at most this many questions (rows), the ones with most claims; response
    // lag: at most this many rows.
    std::size_t maxRows = 30;
    // Stance matrix: at most this many parties (columns), the ones with most claims.
    std::size_t maxColumns = 14;
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
// How a response lag reads: "same day", "next day", "2 days", "0–2 days" when both times are
// calendar dates; else formatLag()'s "+35 min", "+2–26 h"; "unknown" for an open date.
QString chartLagText(const FuzzyTime &answer, const FuzzyTime &original);

} // namespace claimline
