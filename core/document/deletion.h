#pragma once

// Deleting items: what else refers to them, what deleting them does to those, and the
// removal itself with an exact undo.
//
// Items refer to each other by index (model.h), so a removal shifts the indices of every
// later item and rewrites every reference past it. The rules for what refers to what:
//
//   referrer                 target    without its target
//   actor's party            party     optional: cleared
//   event's parties          party     an entry: dropped; an event left with no party
//                                      needs one (required)
//   claim's claimant         party or  required
//                            actor
//   claim's via, quote       party or  optional: cleared
//   speaker                  actor
//   claim's about-event      event     optional: cleared
//   claim's question         question  optional: cleared
//   event's or claim's       source    an entry: dropped
//   citations
//   relation                 claim     removed with the claim
//   position                 question  removed with either; reassigning moves it to the
//                            and party other item unless that has a position there already
//
// DeleteMode (document.h) says what happens to the referrers: Cascade deletes those whose
// reference is to a deleted party, actor, event or question (an actor of a deleted party, a
// claim by a deleted actor, about a deleted event or on a deleted question, an event whose
// only party goes) and what refers to those in turn, and drops the rest (a via, a citation,
// one of several parties); Reassign points every reference at another item of the same kind;
// Detach keeps the referrers without the reference, and is refused when a reference is
// required.
//
// Every pool is append-only (project.h): a changed list gets a new range and the old one is
// left as it was, so an undo that puts the old item values back restores everything exactly.

#include "document/document.h"
#include "document/removalarrays.h"
#include "model/itemkinds.h"
#include "model/model.h"

#include <QString>

#include <array>
#include <utility>
#include <vector>

namespace claimline {

class Project;

struct ReferrerChanges
{
    ItemChanges<Actor> actors;
    ItemChanges<Event> events;
    ItemChanges<Claim> claims;
    ItemChanges<Relation> relations;
    ItemChanges<Position> positions;

    std::size_t size() const
    {
        return actors.size() + events.size() + claims.size() + relations.size() + positions.size();
    }
};

// What a deletion does, worked out before anything changes.
struct DeletionPlan
{
    // Why it cannot be carried out; empty when it can.
    QString refusal;
    // Items removed, per ItemKind, ascending (the ones asked for and the cascade).
    std::array<std::vector<std::uint32_t>, ItemKindCount> items;
    // Relations removed (every relation to or from a removed claim), ascending.
    std::vector<std::uint32_t> relations;
    // Positions removed (every position on a removed question or of a removed party, unless
    // reassigned), ascending.
    std::vector<std::uint32_t> positions;
    // Items kept whose references change (cleared, dropped or reassigned), at their indices
    // before the removal.
    ReferrerChanges edits;

    bool ok() const { return refusal.isEmpty(); }
    std::size_t removedCount() const;
    std::size_t removedCount(ItemKind kind) const { return items[std::size_t(kind)].size(); }
};

// Plans deleting `items` (duplicates and invalid indices are ignored). Adds to the project's
// append-only pools for changed lists, and changes nothing else.
DeletionPlan planDeletion(Project &project, const std::vector<ItemRef> &items, DeleteMode mode,
                          std::uint32_t reassignTo = NoIndex);

// Whether some item not asked for has a required reference to one of `items` (Detach is
// refused then), and how many kept items refer to them at all.
struct ReferenceCount
{
    // Kept items referring (not themselves asked for), per kind.
    std::size_t actors = 0, events = 0, claims = 0;
    std::size_t relations = 0; // relations to or from a claim asked for
    std::size_t positions = 0; // positions on a question or of a party asked for
    bool required = false;

    std::size_t referrers() const { return actors + events + claims; }
};
ReferenceCount countReferences(const Project &project, const std::vector<ItemRef> &items);

// How many items of each kind a cascade deletes, the ones asked for included (for the
// confirmation; changes nothing).
std::array<std::size_t, ItemKindCount> cascadeCounts(const Project &project,
                                                     const std::vector<ItemRef> &items);

// The removal, as done and undone. apply() the first time carries out the plan and records
// what it changed; later applies and reverts replay the record.
class Removal
{
public:
    explicit Removal(DeletionPlan plan);

    void apply(Project &project);
    void revert(Project &project);

    // What apply() removed (and revert() puts back), per kind, relations and positions.
    StructureChange change(bool inserted) const;
    const DeletionPlan &plan() const { return m_plan; }

    // Per kind, each index before to after (or after to before): empty for a kind unchanged.
    using IndexMaps = std::array<std::vector<std::uint32_t>, ItemKindCount>;

private:
    // A list of indices of a kept item that the removal renumbered, before and after.
    struct ListShift
    {
        ItemKind kind; // Event or Claim
        bool citations; // its sources, else (an event's) parties
        std::uint32_t item; // its index after the removal
        IndexRange before;
        IndexRange after;
    };

    // Renumbers the index fields of every kept item through the maps.
    static void shiftIndices(Project &project, const IndexMaps &maps);
    // Renumbers the index lists of kept items: forward after the removal, else back.
    void shiftLists(Project &project, const IndexMaps &maps, bool forward);

    DeletionPlan m_plan;
    bool m_recorded = false;
    bool m_listsRecorded = false;
    // The removed values, in index order: per kind, relations and positions.
    PerItemType<std::vector> m_items;
    std::vector<Relation> m_relations;
    std::vector<Position> m_positions;
    std::vector<ListShift> m_lists;
};

} // namespace claimline
