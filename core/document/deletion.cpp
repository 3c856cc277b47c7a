#include "document/deletion.h"

#include "model/project.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>
#include <utility>

namespace claimline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("claimline::Deletion", text);
}

using removal::compact;
using removal::put;
using removal::reinsert;
using removal::shiftMap;

using Flags = std::array<std::vector<char>, ItemKindCount>;

// Which items are going, per kind.
struct Going
{
    Flags flags;

    bool operator()(ItemKind kind, std::uint32_t index) const
    {
        const std::vector<char> &of = flags[std::size_t(kind)];
        return index < of.size() && of[index];
    }
    bool operator()(const Speaker &speaker) const
    {
        return speaker.isValid()
            && (*this)(speaker.isParty ? ItemKind::Party : ItemKind::Actor, speaker.index);
    }
    void set(ItemKind kind, std::uint32_t index) { flags[std::size_t(kind)][index] = 1; }
    bool any(ItemKind kind) const
    {
        const std::vector<char> &of = flags[std::size_t(kind)];
        return std::find(of.begin(), of.end(), 1) != of.end();
    }
};

// The references of an item that point at going items (see the table in deletion.h).
struct Hits
{
    bool any = false;
    bool required = false;
};

Hits hitsOf(const Project &project, const Going &going, const Actor &actor)
{
    (void)project;
    return {going(ItemKind::Party, actor.party), false};
}

Hits hitsOf(const Project &project, const Going &going, const Event &event)
{
    Hits hits;
    std::size_t goingParties = 0;
    const auto parties = project.indices(event.parties);
    for (const std::uint32_t party : parties)
        goingParties += going(ItemKind::Party, party) ? 1 : 0;
    hits.any = goingParties > 0;
    hits.required = !parties.empty() && goingParties == parties.size();
    for (const Citation &citation : project.citations(event.sources))
        hits.any = hits.any || going(ItemKind::Source, citation.source);
    return hits;
}

Hits hitsOf(const Project &project, const Going &going, const Claim &claim)
{
    Hits hits;
    hits.required = going(claim.claimant);
    hits.any = hits.required || going(claim.via) || going(ItemKind::Actor, claim.quoteSpeaker)
        || going(ItemKind::Event, claim.about) || going(ItemKind::Question, claim.question);
    for (const Citation &citation : project.citations(claim.sources))
        hits.any = hits.any || going(ItemKind::Source, citation.source);
    return hits;
}

// A claim whose reference to a going item is what the claim is (its claimant, its event, its
// question): cascading takes the claim too.
bool dependsOnGoing(const Going &going, const Claim &claim)
{
    return going(claim.claimant) || going(ItemKind::Event, claim.about)
        || going(ItemKind::Question, claim.question);
}

// Replaces each reference to a going item: by `target` when reassigning, else clears or drops
// it.
struct Rewriter
{
    Project &project;
    const Going &going;
    std::uint32_t target; // NoIndex: clear

    std::uint32_t index(ItemKind kind, std::uint32_t value) const
    {
        return going(kind, value) ? target : value;
    }
    Speaker speaker(const Speaker &value) const
    {
        if (!going(value))
            return value;
        if (target == NoIndex)
            return {};
        return {target, value.isParty};
    }
    IndexRange parties(IndexRange range) const
    {
        std::vector<std::uint32_t> kept;
        bool changed = false;
        for (const std::uint32_t party : project.indices(range)) {
            const std::uint32_t now = index(ItemKind::Party, party);
            changed = changed || now != party;
            if (now != NoIndex && std::find(kept.begin(), kept.end(), now) == kept.end())
                kept.push_back(now);
        }
        return changed ? project.addIndices(kept) : range;
    }
    IndexRange citations(IndexRange range) const
    {
        std::vector<Citation> kept;
        bool changed = false;
        for (Citation citation : project.citations(range)) {
            const std::uint32_t now = index(ItemKind::Source, citation.source);
            changed = changed || now != citation.source;
            citation.source = now;
            if (now != NoIndex)
                kept.push_back(citation);
        }
        return changed ? project.addCitations(kept) : range;
    }
};

void put(Project &project, const ReferrerChanges &changes, bool after)
{
    put(project.actors(), changes.actors, after);
    put(project.events(), changes.events, after);
    put(project.claims(), changes.claims, after);
    put(project.relations(), changes.relations, after);
    put(project.positions(), changes.positions, after);
}

// Adds what a cascade takes with the items already going.
void cascade(const Project &project, Going &going)
{
    // Parties take their actors and the events left without a party; parties, actors,
    // events and questions take the claims that depend on them. Nothing depends on a claim
    // but relations, so one pass in this order reaches everything.
    // A pass that can find nothing is skipped: a deleted claim reads no event.
    if (going.any(ItemKind::Party)) {
        const auto &actors = project.actors();
        for (std::uint32_t i = 0; i < actors.size(); ++i) {
            if (going(ItemKind::Party, actors[i].party))
                going.set(ItemKind::Actor, i);
        }
        const auto &events = project.events();
        for (std::uint32_t i = 0; i < events.size(); ++i) {
            if (hitsOf(project, going, events[i]).required)
                going.set(ItemKind::Event, i);
        }
    }
    if (going.any(ItemKind::Party) || going.any(ItemKind::Actor) || going.any(ItemKind::Event)
        || going.any(ItemKind::Question)) {
        const auto &claims = project.claims();
        for (std::uint32_t i = 0; i < claims.size(); ++i) {
            if (dependsOnGoing(going, claims[i]))
                going.set(ItemKind::Claim, i);
        }
    }
}

// The items asked for (valid indices only).
Going asked(const Project &project, const std::vector<ItemRef> &items)
{
    Going going;
    for (const ItemKind kind : ItemKinds)
        going.flags[std::size_t(kind)].assign(project.count(kind), 0);
    for (const ItemRef &item : items) {
        if (item.index < project.count(item.kind))
            going.set(item.kind, item.index);
    }
    return going;
}

// Old index to new for every kind with removals.
Removal::IndexMaps removalMaps(const Project &project, const DeletionPlan &plan)
{
    Removal::IndexMaps maps;
    for (const ItemKind kind : ItemKinds)
        maps[std::size_t(kind)] = shiftMap(project.count(kind), plan.items[std::size_t(kind)]);
    return maps;
}

void unregisterRemoved(Project &project, const DeletionPlan &plan)
{
    for (const ItemKind kind : ItemKinds) {
        for (const std::uint32_t index : plan.items[std::size_t(kind)])
            project.unregisterId({kind, index});
    }
}

// Positions go with their question or party. Reassigning moves them to the other item, except
// one that would land on a cell that already holds a position (the kept one wins).
void planPositions(const Project &project, const Going &going, const Rewriter &rewrite,
                   DeleteMode mode, DeletionPlan &plan)
{
    const auto &positions = project.positions();
    const auto hit = [&going](const Position &p) {
        return going(ItemKind::Question, p.question) || going(ItemKind::Party, p.party);
    };
    std::set<std::pair<std::uint32_t, std::uint32_t>> taken;
    for (const Position &position : positions) {
        if (!hit(position))
            taken.insert({position.question, position.party});
    }
    for (std::uint32_t i = 0; i < positions.size(); ++i) {
        const Position &position = positions[i];
        if (!hit(position))
            continue;
        if (mode == DeleteMode::Reassign) {
            Position after = position;
            after.question = rewrite.index(ItemKind::Question, position.question);
            after.party = rewrite.index(ItemKind::Party, position.party);
            if (after.question != NoIndex && after.party != NoIndex
                && taken.insert({after.question, after.party}).second) {
                plan.edits.positions.add(i, position, after);
                continue;
            }
        }
        plan.positions.push_back(i);
    }
}

} // namespace

std::size_t DeletionPlan::removedCount() const
{
    std::size_t n = 0;
    for (const auto &of : items)
        n += of.size();
    return n;
}

DeletionPlan planDeletion(Project &project, const std::vector<ItemRef> &items, DeleteMode mode,
                          std::uint32_t reassignTo)
{
    DeletionPlan plan;
    Going going = asked(project, items);
    bool anything = false;
    bool oneKind = true;
    const ItemKind firstKind = items.empty() ? ItemKind::Party : items.front().kind;
    for (const ItemRef &item : items) {
        if (item.index < project.count(item.kind)) {
            anything = true;
            oneKind = oneKind && item.kind == firstKind;
        }
    }
    if (!anything) {
        plan.refusal = tr("There is nothing to delete.");
        return plan;
    }
    if (mode == DeleteMode::Reassign) {
        if (!oneKind) {
            plan.refusal = tr("Items of different kinds cannot be reassigned to one item.");
            return plan;
        }
        if (reassignTo >= project.count(firstKind) || going(firstKind, reassignTo)) {
            plan.refusal = tr("Choose an item that stays to reassign the references to.");
            return plan;
        }
    }

    if (mode == DeleteMode::Cascade)
        cascade(project, going);

    for (const ItemKind kind : ItemKinds) {
        const std::vector<char> &flags = going.flags[std::size_t(kind)];
        for (std::uint32_t i = 0; i < flags.size(); ++i) {
            if (flags[i])
                plan.items[std::size_t(kind)].push_back(i);
        }
    }

    // Kept items referring to going ones. A pass that can find none is skipped: at a million
    // claims, a deleted event whose claims went with it reads none of the others.
    const Rewriter rewrite {project, going, mode == DeleteMode::Reassign ? reassignTo : NoIndex};
    const auto some = [&plan](ItemKind kind) {
        return !plan.items[std::size_t(kind)].empty();
    };
    const bool cascaded = mode == DeleteMode::Cascade;
    const bool eventsHit = some(ItemKind::Party) || some(ItemKind::Source);
    // Cascading took every claim whose claimant, event or question goes.
    const bool claimsHit = some(ItemKind::Party) || some(ItemKind::Actor) || some(ItemKind::Source)
        || (!cascaded && (some(ItemKind::Event) || some(ItemKind::Question)));
    for (std::uint32_t i = 0; i < project.actors().size() && some(ItemKind::Party); ++i) {
        const Actor &actor = project.actors()[i];
        if (going(ItemKind::Actor, i) || !hitsOf(project, going, actor).any)
            continue;
        Actor after = actor;
        after.party = rewrite.index(ItemKind::Party, actor.party);
        plan.edits.actors.add(i, actor, after);
    }
    for (std::uint32_t i = 0; i < project.events().size() && eventsHit; ++i) {
        const Event event = project.events()[i];
        if (going(ItemKind::Event, i))
            continue;
        const Hits hits = hitsOf(project, going, event);
        if (!hits.any)
            continue;
        if (hits.required && mode == DeleteMode::Detach) {
            plan.refusal = tr("An event would be left without a party: reassign its party or "
                              "delete the event too.");
            return plan;
        }
        Event after = event;
        after.parties = rewrite.parties(event.parties);
        after.sources = rewrite.citations(event.sources);
        plan.edits.events.add(i, event, after);
    }
    for (std::uint32_t i = 0; i < project.claims().size() && claimsHit; ++i) {
        const Claim claim = project.claims()[i];
        if (going(ItemKind::Claim, i))
            continue;
        const Hits hits = hitsOf(project, going, claim);
        if (!hits.any)
            continue;
        if (hits.required && mode == DeleteMode::Detach) {
            plan.refusal = tr("A claim would be left without a claimant: reassign it or delete "
                              "the claim too.");
            return plan;
        }
        Claim after = claim;
        after.claimant = rewrite.speaker(claim.claimant);
        after.via = rewrite.speaker(claim.via);
        after.quoteSpeaker = rewrite.index(ItemKind::Actor, claim.quoteSpeaker);
        after.about = rewrite.index(ItemKind::Event, claim.about);
        after.question = rewrite.index(ItemKind::Question, claim.question);
        after.sources = rewrite.citations(claim.sources);
        plan.edits.claims.add(i, claim, after);
    }

    // Relations of going claims go with them; reassigning a claim moves its relations to the
    // other claim, except one that would answer itself or repeat a kept relation.
    const auto &relations = project.relations();
    const bool moveRelations = mode == DeleteMode::Reassign && firstKind == ItemKind::Claim;
    for (std::uint32_t i = 0; i < relations.size() && some(ItemKind::Claim); ++i) {
        const Relation &relation = relations[i];
        const bool hit
            = going(ItemKind::Claim, relation.from) || going(ItemKind::Claim, relation.to);
        if (!hit)
            continue;
        if (moveRelations) {
            Relation after = relation;
            after.from = rewrite.index(ItemKind::Claim, relation.from);
            after.to = rewrite.index(ItemKind::Claim, relation.to);
            const auto repeats = [&](const Relation &other) {
                return other.from == after.from && other.to == after.to && other.kind == after.kind;
            };
            const bool repeated = std::any_of(relations.begin(), relations.end(), repeats)
                || std::any_of(plan.edits.relations.after.begin(), plan.edits.relations.after.end(),
                               repeats);
            if (after.from != after.to && !repeated) {
                plan.edits.relations.add(i, relation, after);
                continue;
            }
        }
        plan.relations.push_back(i);
    }
    planPositions(project, going, rewrite, mode, plan);
    return plan;
}

std::array<std::size_t, ItemKindCount> cascadeCounts(const Project &project,
                                                     const std::vector<ItemRef> &items)
{
    Going going = asked(project, items);
    cascade(project, going);
    std::array<std::size_t, ItemKindCount> counts {};
    for (const ItemKind kind : ItemKinds) {
        const std::vector<char> &flags = going.flags[std::size_t(kind)];
        counts[std::size_t(kind)] = std::size_t(std::count(flags.begin(), flags.end(), 1));
    }
    return counts;
}

ReferenceCount countReferences(const Project &project, const std::vector<ItemRef> &items)
{
    ReferenceCount count;
    const Going going = asked(project, items);
    const auto tally = [&](ItemKind kind, const auto &all, std::size_t &referrers) {
        for (std::uint32_t i = 0; i < all.size(); ++i) {
            if (going(kind, i))
                continue;
            const Hits hits = hitsOf(project, going, all[i]);
            referrers += hits.any ? 1 : 0;
            count.required = count.required || hits.required;
        }
    };
    tally(ItemKind::Actor, project.actors(), count.actors);
    tally(ItemKind::Event, project.events(), count.events);
    tally(ItemKind::Claim, project.claims(), count.claims);
    for (const Relation &relation : project.relations()) {
        if (going(ItemKind::Claim, relation.from) || going(ItemKind::Claim, relation.to))
            ++count.relations;
    }
    for (const Position &position : project.positions()) {
        if (going(ItemKind::Question, position.question) || going(ItemKind::Party, position.party))
            ++count.positions;
    }
    return count;
}

Removal::Removal(DeletionPlan plan)
    : m_plan(std::move(plan))
{ }

StructureChange Removal::change(bool inserted) const
{
    StructureChange change;
    change.inserted = inserted;
    change.items = m_plan.items;
    change.relations = m_plan.relations;
    change.positions = m_plan.positions;
    change.edited = m_plan.edits.size() > 0;
    // Kept by the first apply(); before it, the change does not carry them.
    if (m_recorded) {
        change.events = std::get<std::vector<Event>>(m_items);
        change.claims = std::get<std::vector<Claim>>(m_items);
    }
    return change;
}

void Removal::apply(Project &project)
{
    put(project, m_plan.edits, true);
    const auto of = [this](ItemKind kind) -> const std::vector<std::uint32_t> & {
        return m_plan.items[std::size_t(kind)];
    };
    const auto maps = removalMaps(project, m_plan);
    unregisterRemoved(project, m_plan);
    project.remapIds(maps);
    // Removed values are kept the first time; later applies replay the same removal.
    const bool first = !m_recorded;
    forEachItemType([&]<typename Item>(std::type_identity<Item>) {
        compact(project.items<Item>(), of(ItemTraits<Item>::kind),
                first ? &std::get<std::vector<Item>>(m_items) : nullptr);
    });
    compact(project.relations(), m_plan.relations, first ? &m_relations : nullptr);
    compact(project.positions(), m_plan.positions, first ? &m_positions : nullptr);
    shiftIndices(project, maps);
    shiftLists(project, maps, true);
    m_recorded = true;
    project.followRenumbering(false, of(ItemKind::Event), of(ItemKind::Claim),
                              change(false).onlyEvents());
}

void Removal::revert(Project &project)
{
    // The kept items go back to their old indices, then the removed ones register again.
    IndexMaps back;
    for (const ItemKind kind : ItemKinds) {
        const std::vector<std::uint32_t> &removed = m_plan.items[std::size_t(kind)];
        if (removed.empty())
            continue;
        std::vector<std::uint32_t> &map = back[std::size_t(kind)];
        map.reserve(project.count(kind));
        std::size_t next = 0;
        for (std::uint32_t old = 0; map.size() < project.count(kind); ++old) {
            if (next < removed.size() && removed[next] == old)
                ++next;
            else
                map.push_back(old);
        }
    }
    project.remapIds(back);
    shiftLists(project, back, false);
    shiftIndices(project, back);
    const auto of = [this](ItemKind kind) -> const std::vector<std::uint32_t> & {
        return m_plan.items[std::size_t(kind)];
    };
    forEachItemType([&]<typename Item>(std::type_identity<Item>) {
        reinsert(project.items<Item>(), of(ItemTraits<Item>::kind),
                 std::get<std::vector<Item>>(m_items));
    });
    reinsert(project.relations(), m_plan.relations, m_relations);
    reinsert(project.positions(), m_plan.positions, m_positions);
    put(project, m_plan.edits, false);
    for (const ItemKind kind : ItemKinds) {
        for (const std::uint32_t index : m_plan.items[std::size_t(kind)])
            (void)project.registerId({kind, index});
    }
    project.followRenumbering(true, m_plan.items[std::size_t(ItemKind::Event)],
                              m_plan.items[std::size_t(ItemKind::Claim)],
                              change(true).onlyEvents());
}

} // namespace claimline
