#include "format/reader/referenceresolver.h"

#include "format/reader/framestack.h"
#include "format/reader/problemlist.h"
#include "model/itemkinds.h"
#include "model/project.h"

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
    m_problems.setBeforeAdd([this] { registerDefinition(); });
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
    }
}

void ReferenceResolver::reference(std::string_view id, RefTarget target, std::uint32_t slot)
{
    // The reference's JSON Pointer is built only for a problem, since building it for each of
    // millions of good references would cost more than resolving them. References are values
    // of known fields, never inside captured JSON: the frames give the whole pointer.
    if (const auto item = findCached(id)) {
        if (!resolve(target, slot, *item))
            m_problems.add(m_frames.pointer(true), wrongKind(id, item->kind, target));
        return;
    }
    // Not defined (yet): keys may come in any order, so resolve after the whole file.
    m_pending.push_back({m_project.addText(id), target, slot, m_frames.pointer(true)});
}

void ReferenceResolver::resolvePending()
{
    registerDefinition();
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

// Most references name one of a few parties, actors, sources or questions, millions of
// times. A small direct-mapped cache in front of the id index answers those from a few
// cache lines instead of a random probe into a table of every id. Ids are never removed
// while loading, so an entry never goes stale (but for an item whose "id" is repeated, which
// is reported and fails the load anyway).
std::optional<ItemRef> ReferenceResolver::findCached(std::string_view id)
{
    const std::uint32_t hash = IdIndex::hashOf(id);
    CachedRef &entry = m_refCache[hash & (RefCacheSize - 1)];
    if (entry.valid && entry.hash == hash && sameText(m_project.view(entry.id), id))
        return entry.item;
    registerDefinition(); // the id may be the one just read
    const std::optional<ItemRef> item = m_project.find(id);
    if (item)
        entry = {hash, *item, m_project.idOf(*item), true};
    return item;
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
