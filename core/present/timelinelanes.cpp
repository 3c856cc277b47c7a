#include "present/timelinelanes.h"

#include "document/filter.h"
#include "model/project.h"
#include "model/sidebyside.h"

#include <algorithm>
#include <limits>

namespace claimline {

namespace {

std::int64_t saturatingSub(std::int64_t a, std::int64_t b)
{
    if (b > 0 && a < std::numeric_limits<std::int64_t>::min() + b)
        return std::numeric_limits<std::int64_t>::min();
    return a - b;
}

} // namespace

std::size_t TimelineLanes::classOf(std::int64_t start, std::int64_t end)
{
    // Open ends make the span unbounded (the last class).
    if (start == FuzzyTime::OpenStart || end == FuzzyTime::OpenEnd)
        return ClassCount - 1;
    const std::int64_t length = end - start;
    for (std::size_t c = 0; c < ClassCount; ++c) {
        if (length <= ClassLimits[c])
            return c;
    }
    return ClassCount - 1;
}

void TimelineLanes::rebuild(const Project &project, const Filter *filter, bool keepRejected)
{
    const std::size_t partyCount = project.parties().size();
    const std::size_t eventsLane = partyCount + 1;
    m_lanes.resize(partyCount + 2);
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        Lane &lane = m_lanes[i];
        lane.party = i < partyCount ? std::uint32_t(i) : i == eventsLane ? EventsParty : NoIndex;
        lane.size = 0;
        lane.hidden = filter && i < partyCount && filter->hiddenParties().count(std::uint32_t(i));
        for (Class &cls : lane.classes) {
            cls.starts.clear();
            cls.ends.clear();
            cls.codes.clear();
        }
    }
    // Events and claims go to different lanes: at scale, the claims are laid out on a second
    // thread while this one lays out the events, each counting what it adds on its own.
    const auto add = [this](Tally &tally, std::size_t laneIndex, std::int64_t start,
                            std::int64_t end, std::uint32_t code) {
        Lane &lane = m_lanes[laneIndex];
        if (lane.hidden)
            return;
        Class &cls = lane.classes[classOf(start, end)];
        cls.starts.push_back(start);
        cls.ends.push_back(end);
        cls.codes.push_back(code);
        ++lane.size;
        tally.add(start, end);
    };

    // The time indexes list items in start order, so every class is filled already sorted.
    // Events and claims go to different lanes, so no lane needs a merge. Both indexes are
    // built (and the filter's answers made) before the threads start: they are built lazily.
    const ItemBits *shown = filter ? &filter->accepted(project) : nullptr;
    const IntervalIndex &events = project.eventTimeIndex();
    const IntervalIndex &claims = project.claimTimeIndex();
    const std::span<const std::uint32_t> partyOf = project.claimParties();
    Tally eventTally;
    Tally claimTally;
    // Each thread counts into a tally on its own stack, handed over at the end: two tallies
    // side by side would share a cache line, written for every item from both threads.
    const auto layOutEvents = [&] {
        Tally tally;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const std::uint32_t id = events.idsByStart()[i];
            const bool accepted = !shown || shown->hasEvent(id);
            if (!accepted && !keepRejected)
                continue;
            add(tally, eventsLane, events.starts()[i], events.ends()[i],
                LaneCode::make({ItemKind::Event, id}, !accepted));
        }
        eventTally = tally;
    };
    const auto layOutClaims = [&] {
        // Each claim's lane, in time order, is kept while the project is unchanged: a filter
        // change then reads no claim (they sit in file order, the time index visits them at
        // random).
        if (m_claimLanesRevision != project.revision() || m_claimLanes.size() != claims.size()) {
            m_claimLanes.resize(claims.size());
            for (std::size_t i = 0; i < claims.size(); ++i) {
                const std::uint32_t party = partyOf[claims.idsByStart()[i]];
                m_claimLanes[i] = party < partyCount ? party : std::uint32_t(partyCount);
            }
            m_claimLanesRevision = project.revision();
        }
        Tally tally;
        for (std::size_t i = 0; i < claims.size(); ++i) {
            const std::uint32_t id = claims.idsByStart()[i];
            const bool accepted = !shown || shown->hasClaim(id);
            if (!accepted && !keepRejected)
                continue;
            add(tally, m_claimLanes[i], claims.starts()[i], claims.ends()[i],
                LaneCode::make({ItemKind::Claim, id}, !accepted));
        }
        claimTally = tally;
    };
    sideBySide(std::min(events.size(), claims.size()) >= SideBySideThreshold, layOutEvents,
               layOutClaims);
    setTally(eventTally, claimTally);
}

void TimelineLanes::Tally::add(std::int64_t start, std::int64_t end)
{
    ++count;
    if (start != FuzzyTime::OpenStart)
        first = std::min(first, start);
    if (end != FuzzyTime::OpenEnd)
        last = std::max(last, end);
}

void TimelineLanes::setTally(const Tally &a, const Tally &b)
{
    m_itemCount = a.count + b.count;
    m_first = std::min(a.first, b.first);
    m_last = std::max(a.last, b.last);
}

std::size_t TimelineLanes::laneOfParty(std::uint32_t party) const
{
    if (party == EventsParty)
        return eventsLane();
    const std::size_t noParty = m_lanes.size() < 2 ? 0 : m_lanes.size() - 2;
    return party < noParty ? party : noParty;
}

std::size_t TimelineLanes::laneOf(const Project &project, ItemRef item) const
{
    if (item.kind == ItemKind::Event)
        return eventsLane();
    return laneOfParty(item.kind == ItemKind::Claim && item.index < project.claims().size()
                           ? project.partyOfClaim(item.index)
                           : NoIndex);
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
