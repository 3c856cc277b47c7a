#include "present/periodlayout.h"

#include "model/project.h"

#include <algorithm>
#include <limits>

namespace claimline {

namespace {

// The length of one unit of an end's precision, the way the timeline fades an item's ends.
std::int64_t unitSeconds(Precision precision)
{
    switch (precision) {
    case Precision::Year:
        return 365 * 86400;
    case Precision::Month:
        return 30 * 86400;
    case Precision::Day:
        return 86400;
    case Precision::Minute:
        return 60;
    case Precision::Second:
        return 1;
    }
    return 0;
}

std::int64_t fadeOf(Precision precision, bool fuzzy)
{
    if (fuzzy)
        return 2 * unitSeconds(precision);
    return precision < Precision::Day ? unitSeconds(precision) : 0;
}

} // namespace

std::vector<PeriodPlace> periodPlaces(const Project &project)
{
    const std::vector<Period> &periods = project.periods();
    std::vector<PeriodPlace> places(periods.size());
    std::vector<std::uint32_t> byStart;
    byStart.reserve(periods.size());
    for (std::uint32_t i = 0; i < periods.size(); ++i) {
        if (!periods[i].when.isNull())
            byStart.push_back(i);
    }
    std::stable_sort(byStart.begin(), byStart.end(), [&periods](std::uint32_t a, std::uint32_t b) {
        return periods[a].when.start() < periods[b].when.start();
    });
    // The end of the last period in each row so far.
    std::vector<std::int64_t> rowEnds;
    for (std::size_t rank = 0; rank < byStart.size(); ++rank) {
        const FuzzyTime &when = periods[byStart[rank]].when;
        PeriodPlace &place = places[byStart[rank]];
        place.order = int(rank);
        // A period that starts where the last of a row ends takes another row too: phases
        // that follow each other (talks, then denials) stagger, so a short phase's title has
        // room over the next one's band instead of ending in "…".
        auto free = std::find_if(rowEnds.begin(), rowEnds.end(),
                                 [&when](std::int64_t end) { return end < when.start(); });
        if (free == rowEnds.end()) {
            if (rowEnds.size() < std::size_t(MaxPeriodRows)) {
                rowEnds.push_back(std::numeric_limits<std::int64_t>::min());
                free = rowEnds.end() - 1;
            } else {
                free = std::min_element(rowEnds.begin(), rowEnds.end());
            }
        }
        place.row = int(free - rowEnds.begin());
        *free = std::max(*free, when.end());
    }
    return places;
}

int periodRowCount(const std::vector<PeriodPlace> &places)
{
    int rows = 0;
    for (const PeriodPlace &place : places)
        rows = std::max(rows, place.row + 1);
    return rows;
}

PeriodFades periodFades(const FuzzyTime &when)
{
    if (when.isNull())
        return {};
    const bool fuzzy = when.isApproximate() || when.isUncertain();
    PeriodFades fades;
    if (!when.isOpenStart())
        fades.start = fadeOf(when.startPrecision(), fuzzy);
    if (!when.isOpenEnd())
        fades.end = fadeOf(when.endPrecision(), fuzzy);
    return fades;
}

} // namespace claimline
