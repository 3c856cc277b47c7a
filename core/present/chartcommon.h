#pragma once

// What the chart computations share (chartdata.cpp, chartbuckets.cpp, chartmatrix.cpp,
// chartlag.cpp): small helpers and the per-chart functions computeChart() calls. Internal to
// core/present: no view includes it.

#include "model/model.h"
#include "present/chartdata.h"

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

namespace chart {

inline constexpr std::int64_t Day = 86400;

// Calendar dates (no time of day at either end) are days wherever they are read.
inline bool isCalendarTime(const FuzzyTime &time)
{
    return time.startPrecision() <= Precision::Day && time.endPrecision() <= Precision::Day;
}

inline bool isDated(const FuzzyTime &time)
{
    return !time.isNull() && !(time.isOpenStart() && time.isOpenEnd());
}

// Party slots: one per project party plus one for items of no party (the last).
struct PartySlots
{
    std::size_t count;
    std::uint32_t slotOf(std::uint32_t party) const
    {
        return party == NoIndex ? std::uint32_t(count - 1) : party;
    }
    bool isNone(std::uint32_t slot) const { return slot == count - 1; }
};

// The time window a chart follows: an item is in it when its time may mean an instant in it
// (calendar dates compared on the zone's wall clock, like TimeBuckets::indexOf).
struct Window
{
    bool bounded = false;
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::int64_t wallFrom = 0;
    std::int64_t wallTo = 0;

    static Window of(const std::optional<std::pair<std::int64_t, std::int64_t>> &range,
                     const QTimeZone &zone);
    bool contains(const FuzzyTime &time) const;
};

// Category axes need distinct labels: a repeated one gets " (2)", " (3)"…
void makeDistinct(std::vector<QString> &labels);

// The chart's cells (series × categories) from (cell, item) pairs, each valued at its count.
void setCountedCells(ChartData &data, std::size_t categoryCount,
                     std::span<const std::pair<std::uint32_t, std::uint32_t>> pairs);

ChartData stanceMatrix(const Project &project, const Filter &filter, const ChartRequest &request);
ChartData responseLag(const Project &project, const Filter &filter, const ChartRequest &request);

} // namespace chart
} // namespace claimline
