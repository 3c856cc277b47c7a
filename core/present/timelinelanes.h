#pragma once

// TimelineLanes: the timeline's per-lane, time-sorted index of events and claims.
//
// The timeline shows two clocks: what happened, and who said what, when. So there is one lane
// of events (each event once, whatever parties it involves), one lane per party (in the
// file's order) holding the claims made for it at the time they were made, and one lane for
// claims without a party. Lanes: parties first, then the no-party lane, then the events lane.
// Within a lane, items are split into a few duration classes, each sorted by start: the items of a
// class overlapping [from, to) are found by two binary searches (start >= from - longest duration
// of the class, start < to), so the visible items of any window cost O(classes * log n + k), and so
// does counting them per pixel column.
//
// Building is one pass over the project's time indexes (already sorted by start), applying
// the Filter: rejected items are left out, or kept and marked when the view dims them.

#include "model/model.h"

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace claimline {

class Filter;
class Project;
struct StructureChange;

// One entry of a lane, packed: which item, and how to draw it.
struct LaneCode
{
    static constexpr std::uint32_t Claim = 1u << 31;
    static constexpr std::uint32_t Rejected = 1u << 30; // filtered out but kept (dimmed)
    static constexpr std::uint32_t IndexMask = (1u << 30) - 1;

    static std::uint32_t make(ItemRef item, bool rejected)
    {
        return (item.index & IndexMask) | (item.kind == ItemKind::Claim ? Claim : 0u)
            | (rejected ? Rejected : 0u);
    }
    static ItemRef item(std::uint32_t code)
    {
        return {(code & Claim) ? ItemKind::Claim : ItemKind::Event, code & IndexMask};
    }
    static bool isClaim(std::uint32_t code) { return (code & Claim) != 0; }
    static bool isRejected(std::uint32_t code) { return (code & Rejected) != 0; }
};

class TimelineLanes
{
public:
    // Longest duration (seconds) of each class; the last is unbounded (open spans).
    static constexpr std::array<std::int64_t, 6> ClassLimits {
        3600,       86400 + 1,   8 * 86400,
        32 * 86400, 400 * 86400, std::numeric_limits<std::int64_t>::max()};
    static constexpr std::size_t ClassCount = ClassLimits.size();

    struct Class
    {
        std::vector<std::int64_t> starts;
        std::vector<std::int64_t> ends;
        std::vector<std::uint32_t> codes;
    };

    // The `party` of the events lane.
    static constexpr std::uint32_t EventsParty = NoIndex - 1;

    struct Lane
    {
        // A party index; NoIndex: claims without a party; EventsParty: the events lane.
        std::uint32_t party = NoIndex;
        std::array<Class, ClassCount> classes;
        std::size_t size = 0;
        bool hidden = false; // the party is hidden by the filter
    };

    // Rebuilds from the project. With a filter, rejected items are dropped, or kept with
    // LaneCode::Rejected when keepRejected is set. Lanes of hidden parties are marked hidden.
    void rebuild(const Project &project, const Filter *filter, bool keepRejected);

    // Follows events and claims taken out of the project or put back (a deletion, its undo or
    // redo; `project` is already changed) without laying the lanes out again: the lanes are
    // then what rebuild() with the same filter would make, in one pass over them and no sort
    // (timelinelanesfollow.cpp). Returns false, changing nothing, for a change it does not
    // follow (parties, rewritten references, many items put back): rebuild() then.
    bool follow(const Project &project, const Filter *filter, bool keepRejected,
                const StructureChange &change);

    // The duration class of a span.
    static std::size_t classOf(std::int64_t start, std::int64_t end);

    const std::vector<Lane> &lanes() const { return m_lanes; }
    // The lane of a party's claims (the no-party lane for NoIndex and unknown parties; the
    // events lane for EventsParty).
    std::size_t laneOfParty(std::uint32_t party) const;
    // The lane of every event.
    std::size_t eventsLane() const { return m_lanes.empty() ? 0 : m_lanes.size() - 1; }
    // The lane an item sits on (events: the events lane; claims: their party's); the
    // no-party lane for an index out of range.
    std::size_t laneOf(const Project &project, ItemRef item) const;

    // Earliest start and latest end of every item (open ends ignored); false when empty.
    bool extent(std::int64_t *from, std::int64_t *to) const;
    std::size_t itemCount() const { return m_itemCount; }

    // Calls visit(start, end, code) for every item of the lane overlapping [from, to), class
    // by class (each class in start order).
    template<typename Visitor>
    static void forEachOverlapping(const Lane &lane, std::int64_t from, std::int64_t to,
                                   Visitor &&visit)
    {
        for (std::size_t c = 0; c < ClassCount; ++c) {
            const Class &cls = lane.classes[c];
            auto [lo, hi] = candidateRange(cls, c, from, to);
            for (std::size_t i = lo; i < hi; ++i) {
                if (cls.ends[i] > from)
                    visit(cls.starts[i], cls.ends[i], cls.codes[i]);
            }
        }
    }

    // Number of items of the lane overlapping [from, to) (an upper bound: items of a class
    // that start in the class's look-back window but end before `from` are counted too).
    static std::size_t countCandidates(const Lane &lane, std::int64_t from, std::int64_t to);

    // Exact number of items of the lane overlapping [from, to) (O(candidates)).
    static std::size_t countOverlapping(const Lane &lane, std::int64_t from, std::int64_t to);

    // Adds, for each of the columns.size() equal columns of [from, to), the number of items
    // of the lane whose start falls in it. No allocation.
    static void countStarts(const Lane &lane, double from, double to,
                            std::span<std::uint32_t> columns);

    // Indexes [lo, hi) of a class's candidates for [from, to).
    static std::pair<std::size_t, std::size_t>
    candidateRange(const Class &cls, std::size_t classIndex, std::int64_t from, std::int64_t to);

private:
    // What the lanes hold, counted as they are filled (on each thread its own, summed at the
    // end): items, the earliest start and the latest end (open ends ignored).
    struct Tally
    {
        std::size_t count = 0;
        std::int64_t first = std::numeric_limits<std::int64_t>::max();
        std::int64_t last = std::numeric_limits<std::int64_t>::min();
        void add(std::int64_t start, std::int64_t end);
    };
    // The count and extent of the lanes from two tallies of what they hold.
    void setTally(const Tally &a, const Tally &b);
    void followRemoval(const Project &project, const StructureChange &change);
    void followInsertion(const Project &project, const Filter *filter, bool keepRejected,
                         const StructureChange &change);

    std::vector<Lane> m_lanes;
    // The lane of each claim in the claim time index's order, for the project revision given.
    std::vector<std::uint32_t> m_claimLanes;
    std::uint64_t m_claimLanesRevision = 0;
    std::size_t m_itemCount = 0;
    std::int64_t m_first = 0;
    std::int64_t m_last = 0;
};

} // namespace claimline
