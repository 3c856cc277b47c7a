#pragma once

// ReferenceResolver: resolves the ids a file refers to ("claimant": "lavrov") to items, as
// they are read when the item is already known and after the whole file otherwise, checks
// that each names the right kind of item, and writes the index where the reference goes.
// Internal to claimline_core (the project reader's parts).

#include "format/reader/framestack.h"
#include "model/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

class ProblemList;
class Project;

// Where a resolved reference is written.
enum class RefTarget : std::uint8_t {
    ActorParty,
    EventParty,
    CitationSource,
    ClaimClaimant,
    ClaimVia,
    ClaimAbout,
    ClaimQuestion,
    QuoteSpeaker,
    RelationFrom,
    RelationTo,
    PositionQuestion,
    PositionParty
};

class ReferenceResolver
{
public:
    // `frames` gives the JSON Pointer of a reference with a problem.
    ReferenceResolver(Project &project, ProblemList &problems, const FrameStack &frames);

    // The id of `item`, just read as the field "id" of the innermost object. It is registered
    // when that object closes, or before the next lookup that misses the reference cache, the
    // next definition or the next problem, and meanwhile its slot of the id index is
    // fetched: registering at once waited on that random read, ~30% of the model's thread at
    // a million events.
    void define(ItemRef item, std::string_view id);
    // The object `depth` frames deep is about to close.
    void closing(std::size_t depth)
    {
        if (m_definition && m_definition->depth == depth)
            registerDefinition();
    }

    // The reference `id` being read, to be written at `slot` of `target`. One that misses
    // the reference cache may be resolved a little later, in a batch (below), as if here.
    void reference(std::string_view id, RefTarget target, std::uint32_t slot);
    // Reports what is held back (the batch's references, then the id read last), as if
    // each had been looked up or registered when read.
    void settle();
    // After the parse: resolves the forward references.
    void resolvePending();

private:
    // A reference that missed the cache, waiting to be looked up with others of the batch.
    struct Deferred
    {
        std::uint32_t hash = 0;
        RefTarget target = RefTarget::ActorParty;
        std::uint32_t slot = 0;
        std::uint32_t textOffset = 0; // the id, in m_batchText
        std::uint32_t textSize = 0;
        // How many ids were registered since the batch started, when this reference was read:
        // an id registered after it was not defined yet for it (a forward reference).
        std::uint32_t registeredBefore = 0;
        FrameStack::Mark where;
    };
    struct Pending
    {
        TextRef id;
        RefTarget target;
        std::uint32_t slot;
        std::string pointer;
    };
    struct CachedRef
    {
        std::uint32_t hash = 0;
        ItemRef item;
        TextRef id; // the item's, kept here to be compared without a look at the item
        bool valid = false;
    };

    struct Definition
    {
        ItemRef item;
        std::uint32_t hash = 0;
        std::size_t depth = 0; // of the item's object in the frames
    };

    // Registers the id given to define() last, reporting a duplicate.
    void registerDefinition();
    // Looks the batch's ids up, all their random reads at once, and resolves them in order.
    void resolveBatch();
    // A reference that the cache did not answer, `item` what the id index gave for it: resolved
    // (and cached), or pending with its pointer (pointer() builds it).
    template<typename Pointer>
    void resolveLookedUp(std::string_view id, std::uint32_t hash, std::optional<ItemRef> item,
                         RefTarget target, std::uint32_t slot, Pointer pointer);
    // Writes the reference; false (and nothing written) when `item` is of the wrong kind.
    bool resolve(RefTarget target, std::uint32_t slot, ItemRef item);
    static std::string expectedKinds(RefTarget target);
    static std::string wrongKind(std::string_view id, ItemKind kind, RefTarget target);

    Project &m_project;
    ProblemList &m_problems;
    const FrameStack &m_frames;
    std::vector<Pending> m_pending;
    std::optional<Definition> m_definition;
    // 4,096 entries (64 KiB, in L2): with 256, the ~260 parties, actors, sources and
    // questions of the synthetic million-event project evicted each other, and the id index
    // behind the cache took 8% of the model's thread.
    static constexpr std::size_t RefCacheSize = 4096;
    std::vector<CachedRef> m_refCache = std::vector<CachedRef>(RefCacheSize);

    // The references that missed the cache (a claim's event, a relation's claims): each
    // lookup in an index of a million ids is three cache misses in a row (the slot, the
    // item's id, its text). Looked up BatchSize at a time, each step of every lookup is asked
    // for before any is needed. The batch is resolved when full, before any problem is added
    // (so that problems keep their order), before a reference that cannot wait (one nested
    // deeper than a Mark holds), and at the end.
    static constexpr std::size_t BatchSize = 16;
    // Resolved before this many ids are registered behind the batch (a file of events
    // without claims would otherwise keep every event's id here).
    static constexpr std::size_t MaxRegisteredBehind = 256;
    std::vector<Deferred> m_batch;
    std::vector<Deferred> m_resolving; // the batch being resolved (kept for its room)
    std::string m_batchText;
    std::vector<ItemRef> m_registeredBehind; // ids registered while the batch waits
    bool m_resolvingBatch = false;
};

} // namespace claimline
