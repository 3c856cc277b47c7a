#include "present/timelinelanes.h"

#include "document/filter.h"
#include "model/project.h"

#include <algorithm>
#include <limits>

namespace claimline {

namespace {

std::size_t classOf(std::int64_t start, std::int64_t end)
{
    // Open ends make the span unbounded (the last class).
    if (start == FuzzyTime::OpenStart || end == FuzzyTime::OpenEnd)
        return TimelineLanes::ClassCount - 1;
    const std::int64_t length = end - start;
    for (std::size_t c = 0; c < TimelineLanes::ClassCount; ++c) {
        if (length <= TimelineLanes::ClassLimits[c])
            return c;
    }
    return TimelineLanes::ClassCount - 1;
}

std::int64_t saturatingSub(std::int64_t a, std::int64_t b)
{
    if (b > 0 && a < std::numeric_limits<std::int64_t>::min() + b)
        return std::numeric_limits<std::int64_t>::min();
    return a - b;
}

// Merges the two start-sorted runs [0, middle) and [middle, n) of a class (events, then
// claims) into one, keeping events first among equal starts.
void mergeSortedRuns(TimelineLanes::Class &cls, std::size_t middle)
{
    const std::size_t n = cls.starts.size();
    if (middle == 0 || middle == n || cls.starts[middle - 1] <= cls.starts[middle])
        return;
    TimelineLanes::Class merged;
    merged.starts.reserve(n);
    merged.ends.reserve(n);
    merged.codes.reserve(n);
    std::size_t a = 0;
    std::size_t b = middle;
    while (a < middle || b < n) {
        const bool takeA = b == n || (a < middle && cls.starts[a] <= cls.starts[b]);
        const std::size_t k = takeA ? a++ : b++;
        merged.starts.push_back(cls.starts[k]);
        merged.ends.push_back(cls.ends[k]);
        merged.codes.push_back(cls.codes[k]);
    }
    cls = std::move(merged);
}

} // namespace

void TimelineLanes::rebuild(const Project &project, const Filter *filter, bool keepRejected)
{
    const std::size_t partyCount = project.parties().size();
    m_lanes.resize(partyCount + 1);
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        Lane &lane = m_lanes[i];
        lane.party = i < partyCount ? std::uint32_t(i) : NoIndex;
        lane.size = 0;
        lane.hidden = filter && i < partyCount && filter->hiddenParties().count(std::uint32_t(i));
        for (Class &cls : lane.classes) {
            cls.starts.clear();
            cls.ends.clear();
            cls.codes.clear();
        }
    }
    m_itemCount = 0;
    m_first = std::numeric_limits<std::int64_t>::max();
    m_last = std::numeric_limits<std::int64_t>::min();

    const auto add
        = [this](std::size_t laneIndex, std::int64_t start, std::int64_t end, std::uint32_t code) {
              Lane &lane = m_lanes[laneIndex];
              if (lane.hidden)
                  return;
              Class &cls = lane.classes[classOf(start, end)];
              cls.starts.push_back(start);
              cls.ends.push_back(end);
              cls.codes.push_back(code);
              ++lane.size;
              ++m_itemCount;
              if (start != FuzzyTime::OpenStart)
                  m_first = std::min(m_first, start);
              if (end != FuzzyTime::OpenEnd)
                  m_last = std::max(m_last, end);
          };

    // The time indexes list items in start order, so every class is filled already sorted.
    const IntervalIndex &events = project.eventTimeIndex();
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::uint32_t id = events.idsByStart()[i];
        const bool accepted = !filter || filter->acceptsEvent(project, id);
        if (!accepted && !keepRejected)
            continue;
        const std::uint32_t code = LaneCode::make({ItemKind::Event, id}, !accepted);
        const auto parties = project.indices(project.events()[id].parties);
        if (parties.empty())
            add(partyCount, events.starts()[i], events.ends()[i], code);
        for (const std::uint32_t party : parties) {
            if (party < partyCount)
                add(party, events.starts()[i], events.ends()[i], code);
        }
    }
    // Claims come in start order too: remember where they begin in each class, to merge.
    std::vector<std::array<std::size_t, ClassCount>> eventCounts(m_lanes.size());
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        for (std::size_t c = 0; c < ClassCount; ++c)
            eventCounts[i][c] = m_lanes[i].classes[c].starts.size();
    }
    const IntervalIndex &claims = project.claimTimeIndex();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const std::uint32_t id = claims.idsByStart()[i];
        const bool accepted = !filter || filter->acceptsClaim(project, id);
        if (!accepted && !keepRejected)
            continue;
        const std::uint32_t party = project.partyOfClaim(id);
        add(party < partyCount ? party : partyCount, claims.starts()[i], claims.ends()[i],
            LaneCode::make({ItemKind::Claim, id}, !accepted));
    }
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        for (std::size_t c = 0; c < ClassCount; ++c)
            mergeSortedRuns(m_lanes[i].classes[c], eventCounts[i][c]);
    }
}

std::size_t TimelineLanes::laneOfParty(std::uint32_t party) const
{
    return party < m_lanes.size() - 1 ? party : m_lanes.size() - 1;
}

void TimelineLanes::lanesOf(const Project &project, ItemRef item,
                            std::vector<std::size_t> &out) const
{
    out.clear();
    if (m_lanes.empty())
        return;
    if (item.kind == ItemKind::Claim && item.index < project.claims().size()) {
        out.push_back(laneOfParty(project.partyOfClaim(item.index)));
    } else if (item.kind == ItemKind::Event && item.index < project.events().size()) {
        const auto parties = project.indices(project.events()[item.index].parties);
        if (parties.empty())
            out.push_back(m_lanes.size() - 1);
        for (const std::uint32_t party : parties)
            out.push_back(laneOfParty(party));
    }
}

bool TimelineLanes::extent(std::int64_t *from, std::int64_t *to) const
{
    if (m_first > m_last)
        return false;
    *from = m_first;
    *to = m_last;
    return true;
}

std::pair<std::size_t, std::size_t> TimelineLanes::candidateRange(const Class &cls,
                                                                  std::size_t classIndex,
                                                                  std::int64_t from,
                                                                  std::int64_t to)
{
    const std::int64_t earliest = saturatingSub(from, ClassLimits[classIndex]);
    const auto lo = std::lower_bound(cls.starts.begin(), cls.starts.end(), earliest);
    const auto hi = std::lower_bound(lo, cls.starts.end(), to);
    return {std::size_t(lo - cls.starts.begin()), std::size_t(hi - cls.starts.begin())};
}

std::size_t TimelineLanes::countCandidates(const Lane &lane, std::int64_t from, std::int64_t to)
{
    std::size_t count = 0;
    for (std::size_t c = 0; c < ClassCount; ++c) {
        const auto [lo, hi] = candidateRange(lane.classes[c], c, from, to);
        count += hi - lo;
    }
    return count;
}

std::size_t TimelineLanes::countOverlapping(const Lane &lane, std::int64_t from, std::int64_t to)
{
    std::size_t count = 0;
    forEachOverlapping(lane, from, to,
                       [&count](std::int64_t, std::int64_t, std::uint32_t) { ++count; });
    return count;
}

void TimelineLanes::countStarts(const Lane &lane, double from, double to,
                                std::span<std::uint32_t> columns)
{
    const std::size_t n = columns.size();
    if (n == 0 || !(to > from))
        return;
    const double width = (to - from) / double(n);
    for (const Class &cls : lane.classes) {
        const auto begin = cls.starts.begin();
        const auto end = cls.starts.end();
        auto lo = std::lower_bound(begin, end, std::int64_t(std::ceil(from)));
        if (lo == end)
            continue;
        // Each column boundary is a binary search in what is left: O(columns * log n).
        for (std::size_t col = 0; col < n && lo != end; ++col) {
            const std::int64_t boundary = std::int64_t(std::ceil(from + width * double(col + 1)));
            const auto hi = std::lower_bound(lo, end, boundary);
            columns[col] += std::uint32_t(hi - lo);
            lo = hi;
        }
    }
}

} // namespace claimline
