#include "format/reader/referenceresolver.h"

#include "format/reader/framestack.h"
#include "format/reader/problemlist.h"
#include "model/itemkinds.h"
#include "model/project.h"

#include <QScopeGuard>

#include <algorithm>

namespace claimline {

namespace {

// Every kind of item has its id in its field "id" (formatkeys.h).
constexpr std::string_view IdKey = "id";

std::string itemPointer(ItemRef ref)
{
    // Appended, not "/" + std::string(…): gcc 12 at -O3 warns of an overlapping memcpy in the
    // latter (-Wrestrict, a false positive: GCC bug 105329), which breaks -Werror builds.
    std::string pointer(1, '/');
    pointer.append(arrayNameOf(ref.kind));
    pointer.push_back('/');
    pointer.append(std::to_string(ref.index));
    return pointer;
}

} // namespace

ReferenceResolver::ReferenceResolver(Project &project, ProblemList &problems,
                                     const FrameStack &frames)
    : m_project(project)
    , m_problems(problems)
    , m_frames(frames)
{
    m_batch.reserve(BatchSize);
    m_resolving.reserve(BatchSize);
    // Whatever was read before the problem is reported first: the batch's references, then a
    // definition read after them (a definition waiting means every reference in the batch
    // came before it: a reference that misses the cache registers the one before it). While
    // the batch is resolved, its own problems wait for nothing: what it depends on is done.
    m_problems.setBeforeAdd([this] {
        if (!m_resolvingBatch)
            settle();
    });
}

void ReferenceResolver::define(ItemRef item, std::string_view id)
{
    registerDefinition();
    const std::uint32_t hash = IdIndex::hashOf(id);
    m_project.prefetchId(hash);
    m_definition = Definition {item, hash, m_frames.size()};
}

void ReferenceResolver::registerDefinition()
{
    if (!m_definition)
        return;
    const Definition definition = *m_definition;
    m_definition.reset(); // before the problem below, which calls back here
    // Called before the item's object closes: the frames up to it are as they were when its
    // "id" was read.
    if (const auto existing = m_project.registerId(definition.item, definition.hash)) {
        const std::string_view id = m_project.view(m_project.idOf(definition.item));
        m_problems.add(m_frames.pointerTo(definition.depth, IdKey),
                       "duplicate id " + quoted(id) + " (already used at " + itemPointer(*existing)
                           + ")");
    } else if (!m_batch.empty()) {
        m_registeredBehind.push_back(definition.item);
        if (m_registeredBehind.size() >= MaxRegisteredBehind)
            resolveBatch();
    }
}

void ReferenceResolver::reference(std::string_view id, RefTarget target, std::uint32_t slot)
{
    // Most references name one of a few parties, actors, sources or questions, millions of
    // times. A small direct-mapped cache in front of the id index answers those from a few
    // cache lines instead of a random probe into a table of every id. Ids are never removed
    // while loading, so an entry never goes stale (but for an item whose "id" is repeated,
    // which is reported and fails the load anyway).
    const std::uint32_t hash = IdIndex::hashOf(id);
    const CachedRef &entry = m_refCache[hash & (RefCacheSize - 1)];
    if (entry.valid && entry.hash == hash && sameText(m_project.view(entry.id), id)) {
        // The reference's JSON Pointer is built only for a problem, since building it for
        // each of millions of good references would cost more than resolving them.
        // References are values of known fields, never inside captured JSON: the frames give
        // the whole pointer.
        const ItemRef item = entry.item;
        if (!resolve(target, slot, item))
            m_problems.add(m_frames.pointer(true), wrongKind(id, item.kind, target));
        return;
    }
    registerDefinition(); // the id may be the one just read
    // A batch's text stays far below 4 GiB: an id of more than TextRef::MaxLength (allowed
    // only by limits raised past the default) is not batched, nor would a reference deeper
    // than a Mark holds be (none of the schema's is: the deepest, a citation's source, is
    // five frames deep).
    if (const auto where = m_frames.mark(); where && id.size() <= TextRef::MaxLength) {
        m_project.prefetchFind(hash, Project::FindStep::Slot);
        m_batch.push_back({hash, target, slot, std::uint32_t(m_batchText.size()),
                           std::uint32_t(id.size()), std::uint32_t(m_registeredBehind.size()),
                           *where});
        m_batchText.append(id);
        if (m_batch.size() == BatchSize)
            resolveBatch();
        return;
    }
    resolveBatch(); // the references before this one come first
    resolveLookedUp(id, hash, m_project.find(id), target, slot,
                    [this] { return m_frames.pointer(true); });
}

void ReferenceResolver::resolveBatch()
{
    if (m_batch.empty() || m_resolvingBatch)
        return;
    m_resolvingBatch = true;
    // Emptied even if a lookup throws (out of memory), so that later problems are not held.
    const auto done = qScopeGuard([this] {
        m_resolving.clear();
        m_batchText.clear();
        m_registeredBehind.clear();
        m_resolvingBatch = false;
    });
    for (const Deferred &deferred : m_batch)
        m_project.prefetchFind(deferred.hash, Project::FindStep::Item);
    for (const Deferred &deferred : m_batch)
        m_project.prefetchFind(deferred.hash, Project::FindStep::Text);
    m_resolving.swap(m_batch);
    for (const Deferred &deferred : m_resolving) {
        const std::string_view id(m_batchText.data() + deferred.textOffset, deferred.textSize);
        std::optional<ItemRef> item = m_project.find(id);
        // Registered after the reference was read: not defined yet for it.
        if (item
            && std::find(m_registeredBehind.begin() + deferred.registeredBefore,
                         m_registeredBehind.end(), *item)
                != m_registeredBehind.end())
            item.reset();
        resolveLookedUp(id, deferred.hash, item, deferred.target, deferred.slot,
                        [&deferred] { return FrameStack::pointerAt(deferred.where); });
    }
}

void ReferenceResolver::settle()
{
    resolveBatch();
    registerDefinition();
}

template<typename Pointer>
void ReferenceResolver::resolveLookedUp(std::string_view id, std::uint32_t hash,
                                        std::optional<ItemRef> item, RefTarget target,
                                        std::uint32_t slot, Pointer pointer)
{
    if (item) {
        m_refCache[hash & (RefCacheSize - 1)] = {hash, *item, m_project.idOf(*item), true};
        if (!resolve(target, slot, *item))
            m_problems.add(pointer(), wrongKind(id, item->kind, target));
        return;
    }
    // Not defined (yet): keys may come in any order, so resolve after the whole file.
    m_pending.push_back({m_project.addText(id), target, slot, pointer()});
}

void ReferenceResolver::resolvePending()
{
    settle();
    for (const Pending &pending : m_pending) {
        const std::string_view id = m_project.view(pending.id);
        if (const auto item = m_project.find(id)) {
            if (!resolve(pending.target, pending.slot, *item))
                m_problems.add(pending.pointer, wrongKind(id, item->kind, pending.target));
        } else {
            m_problems.add(pending.pointer,
                           "unknown " + expectedKinds(pending.target) + " " + quoted(id));
        }
    }
    m_pending = {};
}

std::string ReferenceResolver::expectedKinds(RefTarget target)
{
    switch (target) {
    case RefTarget::ActorParty:
    case RefTarget::EventParty:
    case RefTarget::PositionParty:
        return "party";
    case RefTarget::CitationSource:
        return "source";
    case RefTarget::ClaimClaimant:
    case RefTarget::ClaimVia:
        return "actor or party";
    case RefTarget::ClaimAbout:
        return "event";
    case RefTarget::ClaimQuestion:
    case RefTarget::PositionQuestion:
        return "question";
    case RefTarget::QuoteSpeaker:
        return "actor";
    case RefTarget::RelationFrom:
    case RefTarget::RelationTo:
        return "claim";
    }
    return "item";
}

std::string ReferenceResolver::wrongKind(std::string_view id, ItemKind kind, RefTarget target)
{
    return quoted(id) + " is " + withArticle(nameOf(kind)) + ", not "
        + withArticle(expectedKinds(target));
}

bool ReferenceResolver::resolve(RefTarget target, std::uint32_t slot, ItemRef item)
{
    Project &p = m_project;
    switch (target) {
    case RefTarget::ActorParty:
        if (item.kind != ItemKind::Party)
            return false;
        p.actors()[slot].party = item.index;
        break;
    case RefTarget::EventParty:
        if (item.kind != ItemKind::Party)
            return false;
        p.indexPool()[slot] = item.index;
        break;
    case RefTarget::CitationSource:
        if (item.kind != ItemKind::Source)
            return false;
        p.citationPool()[slot].source = item.index;
        break;
    case RefTarget::ClaimClaimant:
    case RefTarget::ClaimVia:
        if (item.kind != ItemKind::Actor && item.kind != ItemKind::Party)
            return false;
        (target == RefTarget::ClaimClaimant ? p.claims()[slot].claimant : p.claims()[slot].via)
            = Speaker {item.index, item.kind == ItemKind::Party};
        break;
    case RefTarget::ClaimAbout:
        if (item.kind != ItemKind::Event)
            return false;
        p.claims()[slot].about = item.index;
        break;
    case RefTarget::ClaimQuestion:
        if (item.kind != ItemKind::Question)
            return false;
        p.claims()[slot].question = item.index;
        break;
    case RefTarget::QuoteSpeaker:
        if (item.kind != ItemKind::Actor)
            return false;
        p.claims()[slot].quoteSpeaker = item.index;
        break;
    case RefTarget::RelationFrom:
        if (item.kind != ItemKind::Claim)
            return false;
        p.relations()[slot].from = item.index;
        break;
    case RefTarget::RelationTo:
        if (item.kind != ItemKind::Claim)
            return false;
        p.relations()[slot].to = item.index;
        break;
    case RefTarget::PositionQuestion:
        if (item.kind != ItemKind::Question)
            return false;
        p.positions()[slot].question = item.index;
        break;
    case RefTarget::PositionParty:
        if (item.kind != ItemKind::Party)
            return false;
        p.positions()[slot].party = item.index;
        break;
    }
    return true;
}

} // namespace claimline
