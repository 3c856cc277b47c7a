#include "document/structurechange.h"

#include "model/renumbering.h"

#include <algorithm>

namespace claimline {

std::uint32_t StructureChange::remapped(ItemKind kind, std::uint32_t index) const
{
    if (index == NoIndex)
        return NoIndex;
    const std::vector<std::uint32_t> &changed = of(kind);
    return inserted ? renumberedAfterInsertion(changed, index)
                    : renumberedAfterRemoval(changed, index, NoIndex);
}

bool StructureChange::onlyEventsAndClaims() const
{
    if (edited)
        return false;
    for (std::size_t k = 0; k < items.size(); ++k) {
        const auto kind = ItemKind(k);
        if (kind != ItemKind::Event && kind != ItemKind::Claim && touches(kind))
            return false;
    }
    return true;
}

bool StructureChange::remap(ItemKind kind, std::vector<std::uint32_t> &indices) const
{
    if (!touches(kind))
        return false;
    bool changed = false;
    std::vector<std::uint32_t> kept;
    kept.reserve(indices.size());
    for (const std::uint32_t index : indices) {
        const std::uint32_t now = remapped(kind, index);
        changed = changed || now != index;
        if (now != NoIndex || index == NoIndex)
            kept.push_back(now);
    }
    indices = std::move(kept);
    return changed;
}

bool StructureChange::remap(ItemKind kind, std::set<std::uint32_t> &indices) const
{
    std::vector<std::uint32_t> values(indices.begin(), indices.end());
    if (!remap(kind, values))
        return false;
    indices = std::set<std::uint32_t>(values.begin(), values.end());
    return true;
}

} // namespace claimline
