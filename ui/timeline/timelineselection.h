#pragma once

// What the timeline derives from the Selection: the lane codes to draw as selected and as
// linked to it, and the shown item that comes next in time (for the arrow, Home and End keys).
// Pure functions over the project, so the view only asks and repaints.

#include "model/model.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace claimline {

class Filter;
class Project;

// Lane codes (without flags), sorted: the valid events and claims among `items`, and what is
// linked to them (a selected claim's event, the claims answering it and those it answers, the
// claims about a selected event), without repeats.
void timelineHighlight(const Project &project, const std::vector<ItemRef> &items,
                       std::vector<std::uint32_t> &selected, std::vector<std::uint32_t> &linked);

// [from, to] in seconds UTC over the known ends of the items' times; nullopt when no item has
// a known start or end to show.
std::optional<std::pair<double, double>> selectionExtent(const Project &project,
                                                         const std::vector<ItemRef> &items);

// The time to bring into view for a valid event or claim: its midpoint, or its end when its
// start is open.
double timelineAnchorTime(const Project &project, ItemRef item);

// Order of items for the keyboard: by start, then events (kind 0) before claims (kind 1), then
// index. Kinds -1 and 2 stand before and after every item of a start.
struct TimelineTimeKey
{
    std::int64_t start = 0;
    int kind = 0;
    std::uint32_t index = 0;
    auto operator<=>(const TimelineTimeKey &) const = default;
};

// The key of an item, or nullopt when it is not a valid event or claim.
std::optional<TimelineTimeKey> timelineTimeKey(const Project &project, ItemRef item);

// The item the filter shows that comes first after `from` going forward (direction > 0) or
// backward in time; nullopt when there is none.
std::optional<ItemRef> nextShownInTime(const Project &project, const Filter &filter,
                                       const TimelineTimeKey &from, int direction);

} // namespace claimline
