// The renumbering half of a Removal (deletion.h): the index fields and lists of the items
// that stay, moved past the removed ones and back.

#include "document/deletion.h"
#include "model/project.h"

#include <algorithm>
#include <vector>

namespace claimline {

void Removal::shiftIndices(Project &project, const IndexMaps &maps)
{
    // Every index field of a kept item past a removed item moves, the same way each time:
    // nothing is recorded (at a million claims, a copy of each shifted claim before and after
    // cost more than the deletion). References to removed items are gone already (the plan's
    // edits), so the maps are one-to-one on what is left, and revert() undoes this with the
    // inverse maps.
    const auto shifts = [&maps](ItemKind kind) {
        return !maps[std::size_t(kind)].empty();
    };
    const auto mapped = [&maps](ItemKind kind, std::uint32_t &index) {
        const std::vector<std::uint32_t> &map = maps[std::size_t(kind)];
        if (!map.empty() && index != NoIndex && index < map.size())
            index = map[index];
    };
    const auto speaker = [&mapped](Speaker &s) {
        if (s.isValid())
            mapped(s.isParty ? ItemKind::Party : ItemKind::Actor, s.index);
    };
    if (shifts(ItemKind::Party)) {
        for (Actor &actor : project.actors())
            mapped(ItemKind::Party, actor.party);
    }
    if (shifts(ItemKind::Party) || shifts(ItemKind::Actor) || shifts(ItemKind::Event)
        || shifts(ItemKind::Question)) {
        for (Claim &claim : project.claims()) {
            speaker(claim.claimant);
            speaker(claim.via);
            mapped(ItemKind::Actor, claim.quoteSpeaker);
            mapped(ItemKind::Event, claim.about);
            mapped(ItemKind::Question, claim.question);
        }
    }
    if (shifts(ItemKind::Claim)) {
        for (Relation &relation : project.relations()) {
            mapped(ItemKind::Claim, relation.from);
            mapped(ItemKind::Claim, relation.to);
        }
    }
    if (shifts(ItemKind::Question) || shifts(ItemKind::Party)) {
        for (Position &position : project.positions()) {
            mapped(ItemKind::Question, position.question);
            mapped(ItemKind::Party, position.party);
        }
    }
}

void Removal::shiftLists(Project &project, const IndexMaps &maps, bool forward)
{
    // Lists of indices (an event's parties, citations) live in the project's pools: a moved
    // list is a new one there. They are made the first time only, then swapped in and out.
    if (m_listsRecorded) {
        for (const ListShift &shift : m_lists) {
            IndexRange &range = shift.kind == ItemKind::Event
                ? (shift.citations ? project.events()[shift.item].sources
                                   : project.events()[shift.item].parties)
                : project.claims()[shift.item].sources;
            range = forward ? shift.after : shift.before;
        }
        return;
    }
    m_listsRecorded = true;
    const auto shifts = [&maps](ItemKind kind) {
        return !maps[std::size_t(kind)].empty();
    };
    const auto mapped = [&maps](ItemKind kind, std::uint32_t index) {
        const std::vector<std::uint32_t> &map = maps[std::size_t(kind)];
        return map.empty() || index == NoIndex || index >= map.size() ? index : map[index];
    };
    // A party's deletion moves the lists of every event at a million: one buffer serves them
    // all, and a list none of whose parties moved is not copied.
    std::vector<std::uint32_t> now;
    const auto parties = [&](IndexRange range) {
        const auto old = project.indices(range);
        if (std::all_of(old.begin(), old.end(), [&](std::uint32_t party) {
                return mapped(ItemKind::Party, party) == party;
            }))
            return range;
        now.clear();
        for (const std::uint32_t party : old)
            now.push_back(mapped(ItemKind::Party, party));
        return project.addIndices(now);
    };
    const auto citations = [&](IndexRange range) {
        const auto old = project.citations(range);
        std::vector<Citation> now(old.begin(), old.end());
        bool changed = false;
        for (Citation &citation : now) {
            const std::uint32_t to = mapped(ItemKind::Source, citation.source);
            changed = changed || to != citation.source;
            citation.source = to;
        }
        return changed ? project.addCitations(now) : range;
    };
    const auto shift = [this](ItemKind kind, std::uint32_t item, bool isCitations,
                              IndexRange &range, IndexRange after) {
        if (after == range)
            return;
        m_lists.push_back({kind, isCitations, item, range, after});
        range = after;
    };
    auto &events = project.events();
    if (shifts(ItemKind::Party)) {
        // Nearly every event's list moves when an early party goes: room for all at once
        // rather than growing (and faulting in) a list of a million twice over, given back
        // when few moved.
        m_lists.reserve(m_lists.size() + events.size());
        for (std::uint32_t i = 0; i < events.size(); ++i)
            shift(ItemKind::Event, i, false, events[i].parties, parties(events[i].parties));
        if (m_lists.capacity() > 2 * m_lists.size())
            m_lists.shrink_to_fit();
    }
    if (!shifts(ItemKind::Source))
        return;
    for (std::uint32_t i = 0; i < events.size(); ++i)
        shift(ItemKind::Event, i, true, events[i].sources, citations(events[i].sources));
    auto &claims = project.claims();
    for (std::uint32_t i = 0; i < claims.size(); ++i)
        shift(ItemKind::Claim, i, true, claims[i].sources, citations(claims[i].sources));
}

} // namespace claimline
