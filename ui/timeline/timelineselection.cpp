#include "timeline/timelineselection.h"

#include "document/filter.h"
#include "model/project.h"
#include "present/timelinelanes.h"

#include <algorithm>
#include <limits>

namespace claimline {

void timelineHighlight(const Project &project, const std::vector<ItemRef> &items,
                       std::vector<std::uint32_t> &selected, std::vector<std::uint32_t> &linked)
{
    selected.clear();
    linked.clear();
    for (const ItemRef &item : items) {
        if (item.kind == ItemKind::Claim && item.index < project.claims().size()) {
            selected.push_back(LaneCode::make(item, false));
            const Claim &claim = project.claims()[item.index];
            if (claim.about != NoIndex)
                linked.push_back(LaneCode::make({ItemKind::Event, claim.about}, false));
            for (const std::uint32_t r : project.relationsAnswering(item.index))
                linked.push_back(
                    LaneCode::make({ItemKind::Claim, project.relations()[r].from}, false));
            for (const std::uint32_t r : project.relationsFrom(item.index))
                linked.push_back(
                    LaneCode::make({ItemKind::Claim, project.relations()[r].to}, false));
        } else if (item.kind == ItemKind::Event && item.index < project.events().size()) {
            selected.push_back(LaneCode::make(item, false));
        }
    }
    // Claims about a selected event: one pass over the claims, only when an event is selected.
    const bool anyEvent = std::any_of(selected.begin(), selected.end(),
                                      [](std::uint32_t code) { return !LaneCode::isClaim(code); });
    if (anyEvent) {
        std::vector<std::uint32_t> events;
        for (const std::uint32_t code : selected) {
            if (!LaneCode::isClaim(code))
                events.push_back(code & LaneCode::IndexMask);
        }
        std::sort(events.begin(), events.end());
        for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
            const std::uint32_t about = project.claims()[c].about;
            if (about != NoIndex && std::binary_search(events.begin(), events.end(), about))
                linked.push_back(LaneCode::make({ItemKind::Claim, c}, false));
        }
    }
    std::sort(selected.begin(), selected.end());
    std::sort(linked.begin(), linked.end());
    linked.erase(std::unique(linked.begin(), linked.end()), linked.end());
}

std::optional<std::pair<double, double>> selectionExtent(const Project &project,
                                                         const std::vector<ItemRef> &items)
{
    double from = std::numeric_limits<double>::max();
    double to = std::numeric_limits<double>::lowest();
    for (const ItemRef &item : items) {
        const FuzzyTime *time = nullptr;
        if (item.kind == ItemKind::Event && item.index < project.events().size())
            time = &project.events()[item.index].when;
        else if (item.kind == ItemKind::Claim && item.index < project.claims().size())
            time = &project.claims()[item.index].madeAt;
        if (!time || time->isNull())
            continue;
        if (!time->isOpenStart())
            from = std::min(from, double(time->start()));
        if (!time->isOpenEnd())
            to = std::max(to, double(time->end()));
    }
    if (from > to)
        return std::nullopt;
    return std::pair {from, to};
}

double timelineAnchorTime(const Project &project, ItemRef item)
{
    const FuzzyTime &time = item.kind == ItemKind::Claim ? project.claims()[item.index].madeAt
                                                         : project.events()[item.index].when;
    return double(time.isOpenStart() ? time.end() : time.midpoint());
}

std::optional<TimelineTimeKey> timelineTimeKey(const Project &project, ItemRef item)
{
    if (!item.isValid()
        || !((item.kind == ItemKind::Event && item.index < project.events().size())
             || (item.kind == ItemKind::Claim && item.index < project.claims().size())))
        return std::nullopt;
    const FuzzyTime &t = item.kind == ItemKind::Claim ? project.claims()[item.index].madeAt
                                                      : project.events()[item.index].when;
    return TimelineTimeKey {t.start(), item.kind == ItemKind::Claim ? 1 : 0, item.index};
}

std::optional<ItemRef> nextShownInTime(const Project &project, const Filter &filter,
                                       const TimelineTimeKey &from, int direction)
{
    const ItemBits &accepted = filter.accepted(project);
    const auto shown = [&accepted](int kind, std::uint32_t index) {
        return kind == 0 ? accepted.hasEvent(index) : accepted.hasClaim(index);
    };
    std::optional<TimelineTimeKey> best;
    // Each time index is sorted by start: a binary search finds where to begin, and the scan
    // stops as soon as no later (earlier) start can beat the best so far.
    const auto scan = [&](const IntervalIndex &index, int kind) {
        const auto starts = index.starts();
        const auto ids = index.idsByStart();
        if (direction > 0) {
            std::size_t i = std::size_t(std::lower_bound(starts.begin(), starts.end(), from.start)
                                        - starts.begin());
            for (; i < starts.size(); ++i) {
                if (best && starts[i] > best->start)
                    break;
                const TimelineTimeKey key {starts[i], kind, ids[i]};
                if (key > from && (!best || key < *best) && shown(kind, ids[i]))
                    best = key;
            }
        } else {
            std::size_t i = std::size_t(std::upper_bound(starts.begin(), starts.end(), from.start)
                                        - starts.begin());
            while (i-- > 0) {
                if (best && starts[i] < best->start)
                    break;
                const TimelineTimeKey key {starts[i], kind, ids[i]};
                if (key < from && (!best || key > *best) && shown(kind, ids[i]))
                    best = key;
            }
        }
    };
    scan(project.eventTimeIndex(), 0);
    scan(project.claimTimeIndex(), 1);
    if (!best)
        return std::nullopt;
    return ItemRef {best->kind == 1 ? ItemKind::Claim : ItemKind::Event, best->index};
}

} // namespace claimline
