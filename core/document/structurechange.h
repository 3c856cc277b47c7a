#pragma once

// StructureChange: which items a change added to or removed from the project, and how the
// indices of the rest moved, for anything that holds indices.

#include "model/model.h"

#include <array>
#include <cstdint>
#include <set>
#include <span>
#include <vector>

namespace claimline {

// Items added to or removed from the project (an add, a delete, their undo or redo). Indices
// of items after a removed one shift down; an added item is appended, so nothing shifts.
// Holders of indices (the selection, the filter, a view's lane order) remap through
// remapped().
struct StructureChange
{
    bool inserted = false;
    // Per ItemKind, the indices removed (before the removal) or inserted (after the
    // insertion), ascending.
    std::array<std::vector<std::uint32_t>, ItemKindNames.size()> items;
    // Relations removed or re-inserted, by index, ascending.
    std::vector<std::uint32_t> relations;
    // Positions removed or re-inserted with a question or party, by index, ascending.
    std::vector<std::uint32_t> positions;
    // References of items that stay were rewritten too (a deletion that reassigns or clears
    // them): what they show may have changed, not only their indices.
    bool edited = false;
    // The events and claims of items[Event] and items[Claim], in that order, as they were
    // removed or are inserted (the command keeps them for its undo; valid while the change is
    // announced). Empty when the change does not carry them.
    std::span<const Event> events;
    std::span<const Claim> claims;

    const std::vector<std::uint32_t> &of(ItemKind kind) const { return items[std::size_t(kind)]; }
    // Where an index of that kind is after the change, or NoIndex when it was removed.
    std::uint32_t remapped(ItemKind kind, std::uint32_t index) const;
    ItemRef remapped(ItemRef item) const { return {item.kind, remapped(item.kind, item.index)}; }
    // Remaps indices of the kind in place (a vector keeps its order, a set its sorting);
    // removed ones are dropped. Returns whether anything changed.
    bool remap(ItemKind kind, std::vector<std::uint32_t> &indices) const;
    bool remap(ItemKind kind, std::set<std::uint32_t> &indices) const;
    bool touches(ItemKind kind) const { return !of(kind).empty(); }
    // Only events and claims (with their relations) went or came back, and nothing that
    // stays was rewritten: what the other items are and show is unchanged, only indices moved.
    bool onlyEventsAndClaims() const;
    // As onlyEventsAndClaims(), and no claim went or came back: what every claim is and shows,
    // and its index, are unchanged.
    bool onlyEvents() const { return onlyEventsAndClaims() && !touches(ItemKind::Claim); }
};

} // namespace claimline
