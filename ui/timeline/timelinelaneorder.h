#pragma once

// TimelineLaneOrder: the user's arrangement of the timeline's lanes, the order they are shown
// in (top first) and which are collapsed, kept by the TimelineView across rebuilds of the lane
// index. Lanes are indices into TimelineLanes::lanes(); when parties come or go the indices
// change, so the arrangement is carried over by party (byParty(), then restore()).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimline {

class TimelineLanes;

class TimelineLaneOrder
{
public:
    // Lane indices, top first.
    const std::vector<std::size_t> &order() const { return m_order; }
    // One flag per lane (nonzero: collapsed).
    const std::vector<char> &collapsedFlags() const { return m_collapsed; }

    void clear();
    // After the lane index was rebuilt with `count` lanes: lanes that still exist keep their
    // order, new lanes go at the end, new lanes are expanded.
    void reconcile(std::size_t count);

    // Where the lane is shown (0: top); order().size() when it is not.
    std::size_t position(std::size_t lane) const;
    // Keeps a lane on top whatever else moves (the events lane): moves it there now, and
    // move() and setOrder() leave it there.
    void pinFirst(std::size_t lane);
    // Moves a lane to a position; false when the lane is not shown or is the pinned one.
    bool move(std::size_t lane, std::size_t toPosition);
    // Puts the lanes in this order; lanes missing from it keep their relative order below,
    // unknown and repeated indices are ignored. False when nothing changed.
    bool setOrder(const std::vector<std::size_t> &order);

    bool isCollapsed(std::size_t lane) const;
    // False (and nothing changes) for an unknown lane.
    bool setCollapsed(std::size_t lane, bool collapsed);

    // The arrangement by party, to carry over a change of the parties (remap both lists
    // through the StructureChange, rebuild the lanes, then restore()).
    struct ByParty
    {
        std::vector<std::uint32_t> order;
        std::vector<std::uint32_t> collapsed;
    };
    ByParty byParty(const TimelineLanes &lanes) const;
    void restore(const ByParty &parties, const TimelineLanes &lanes);

private:
    void keepPinnedFirst();

    static constexpr std::size_t NoPin = std::size_t(-1);
    std::size_t m_pinned = NoPin;
    std::vector<std::size_t> m_order;
    std::vector<char> m_collapsed;
};

} // namespace claimline
