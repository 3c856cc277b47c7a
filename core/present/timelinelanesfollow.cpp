// TimelineLanes::follow(): the lanes kept through a deletion, its undo and its redo.
//
// At a million items, laying every lane out again after one event went was the largest part
// of a deletion. Items refer to each other by index, so a removal renumbers every item after
// it; the lanes hold indices, so they follow in one pass: entries of the items that went are
// dropped and the rest move down (the events lane beside the claims' lanes, on two threads at
// scale). Items put back are placed by a search in their class. Either way the lanes are what
// rebuild() makes: each class sorted by start, ties in index order (the time indexes' order).

#include "present/timelinelanes.h"

#include "document/filter.h"
#include "document/structurechange.h"
#include "model/project.h"
#include "model/renumbering.h"
#include "model/sidebyside.h"

#include <algorithm>

namespace claimline {

namespace {

// Past this many items put back, one rebuild is quicker than a search and a shift each.
constexpr std::size_t MaxPlaced = 256;

std::uint32_t withIndex(std::uint32_t code, std::uint32_t index)
{
    return (code & ~LaneCode::IndexMask) | index;
}

// Work on the events lane (the last) beside work on each of the claims' lanes, on two threads
// when both sides hold enough entries.
template<typename OnEvents, typename OnClaimLane>
void eventsBesideClaims(std::vector<TimelineLanes::Lane> &lanes, std::size_t itemCount,
                        OnEvents &&onEvents, OnClaimLane &&onClaimLane)
{
    TimelineLanes::Lane &events = lanes.back();
    sideBySide(
        std::min(events.size, itemCount - events.size) >= SideBySideThreshold,
        [&] { onEvents(events); },
        [&] {
            for (std::size_t l = 0; l + 1 < lanes.size(); ++l)
                onClaimLane(lanes[l]);
        });
}

} // namespace

bool TimelineLanes::follow(const Project &project, const Filter *filter, bool keepRejected,
                           const StructureChange &change)
{
    // Lanes are parties; rewritten references may move a claim to another party's lane.
    if (!change.onlyEventsAndClaims() || m_lanes.size() != project.parties().size() + 2)
        return false;
    const std::size_t moved = change.of(ItemKind::Event).size() + change.of(ItemKind::Claim).size();
    if (moved == 0)
        return true; // relations only: nothing on the lanes moved
    if (!change.inserted) {
        followRemoval(project, change);
        return true;
    }
    if (moved > MaxPlaced)
        return false;
    followInsertion(project, filter, keepRejected, change);
    return true;
}

void TimelineLanes::followRemoval(const Project &project, const StructureChange &change)
{
    const std::vector<std::uint32_t> &events = change.of(ItemKind::Event);
    const std::vector<std::uint32_t> &claims = change.of(ItemKind::Claim);
    const Renumbering eventsNow(false, events, project.events().size() + events.size());
    const Renumbering claimsNow(false, claims, project.claims().size() + claims.size());
    // Each thread counts into a tally on its own stack (see rebuild()).
    const auto compact = [](Lane &lane, const Renumbering &renumbered, Tally &into) {
        Tally tally = into;
        lane.size = 0;
        for (Class &cls : lane.classes) {
            std::size_t kept = 0;
            for (std::size_t i = 0; i < cls.codes.size(); ++i) {
                const std::uint32_t code = cls.codes[i];
                const std::uint32_t index = renumbered(code & LaneCode::IndexMask);
                if (index == Renumbering::Gone)
                    continue;
                cls.starts[kept] = cls.starts[i];
                cls.ends[kept] = cls.ends[i];
                cls.codes[kept] = withIndex(code, index);
                tally.add(cls.starts[kept], cls.ends[kept]);
                ++kept;
            }
            cls.starts.resize(kept);
            cls.ends.resize(kept);
            cls.codes.resize(kept);
            lane.size += kept;
        }
        into = tally;
    };
    Tally eventTally;
    Tally claimTally;
    eventsBesideClaims(
        m_lanes, m_itemCount, [&](Lane &lane) { compact(lane, eventsNow, eventTally); },
        [&](Lane &lane) { compact(lane, claimsNow, claimTally); });
    setTally(eventTally, claimTally);
}

void TimelineLanes::followInsertion(const Project &project, const Filter *filter, bool keepRejected,
                                    const StructureChange &change)
{
    const std::vector<std::uint32_t> &events = change.of(ItemKind::Event);
    const std::vector<std::uint32_t> &claims = change.of(ItemKind::Claim);
    // The entries there were move up past the items put back.
    const Renumbering eventsNow(true, events, project.events().size() - events.size());
    const Renumbering claimsNow(true, claims, project.claims().size() - claims.size());
    const auto renumber = [](Lane &lane, bool any, const Renumbering &renumbered) {
        if (!any)
            return;
        for (Class &cls : lane.classes) {
            for (std::uint32_t &code : cls.codes)
                code = withIndex(code, renumbered(code & LaneCode::IndexMask));
        }
    };
    eventsBesideClaims(
        m_lanes, m_itemCount, [&](Lane &lane) { renumber(lane, !events.empty(), eventsNow); },
        [&](Lane &lane) { renumber(lane, !claims.empty(), claimsNow); });

    // Every item passes an inactive filter: its answers are not made for nothing.
    const ItemBits *shown = filter && filter->isActive() ? &filter->accepted(project) : nullptr;
    Tally added;
    const auto place = [&](ItemRef item, std::size_t laneIndex, const FuzzyTime &time,
                           bool accepted) {
        const std::int64_t start = time.start();
        const std::int64_t end = time.end();
        Lane &lane = m_lanes[laneIndex];
        // As rebuild(): an item covering no time is not in the time index.
        if (end <= start || (!accepted && !keepRejected) || lane.hidden)
            return;
        Class &cls = lane.classes[classOf(start, end)];
        const auto from = std::size_t(std::lower_bound(cls.starts.begin(), cls.starts.end(), start)
                                      - cls.starts.begin());
        const auto to = std::size_t(
            std::upper_bound(cls.starts.begin() + std::ptrdiff_t(from), cls.starts.end(), start)
            - cls.starts.begin());
        const auto at = std::size_t(
            std::partition_point(
                cls.codes.begin() + std::ptrdiff_t(from), cls.codes.begin() + std::ptrdiff_t(to),
                [&](std::uint32_t code) { return (code & LaneCode::IndexMask) < item.index; })
            - cls.codes.begin());
        cls.starts.insert(cls.starts.begin() + std::ptrdiff_t(at), start);
        cls.ends.insert(cls.ends.begin() + std::ptrdiff_t(at), end);
        cls.codes.insert(cls.codes.begin() + std::ptrdiff_t(at), LaneCode::make(item, !accepted));
        ++lane.size;
        added.add(start, end);
    };
    for (const std::uint32_t event : events) {
        place({ItemKind::Event, event}, eventsLane(), project.events()[event].when,
              !shown || shown->hasEvent(event));
    }
    const auto noParty = std::uint32_t(project.parties().size());
    for (const std::uint32_t claim : claims) {
        const std::uint32_t party = project.partyOfClaim(claim);
        place({ItemKind::Claim, claim}, party < noParty ? party : noParty,
              project.claims()[claim].madeAt, !shown || shown->hasClaim(claim));
    }
    setTally({m_itemCount, m_first, m_last}, added);
}

} // namespace claimline
