#pragma once

// The array edits of a removal (deletion.h): taking items out of an array, putting them back
// at their places, moving indices past the removed ones, and swapping recorded values in and
// out. Generic over the item arrays (each ItemKind's, relations, positions), so that every
// array a deletion touches is edited, and restored, the same way. Internal to the document.

#include "model/model.h"
#include "model/renumbering.h"

#include <cstdint>
#include <vector>

namespace claimline {

// Values of items, each with its index, before and after a change.
template<typename Item>
struct ItemChanges
{
    std::vector<std::uint32_t> indices;
    std::vector<Item> before;
    std::vector<Item> after;

    void add(std::uint32_t index, const Item &from, const Item &to)
    {
        indices.push_back(index);
        before.push_back(from);
        after.push_back(to);
    }
    bool empty() const { return indices.empty(); }
    std::size_t size() const { return indices.size(); }
};

namespace removal {

// Removes the items at `removed` (ascending) from `items`, keeping the rest in order; the
// removed values go to `store` when given.
template<typename Item>
void compact(std::vector<Item> &items, const std::vector<std::uint32_t> &removed,
             std::vector<Item> *store)
{
    if (removed.empty())
        return;
    std::size_t next = 0, kept = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (next < removed.size() && removed[next] == i) {
            if (store)
                store->push_back(items[i]);
            ++next;
        } else {
            items[kept++] = items[i];
        }
    }
    items.resize(kept);
}

// Puts removed values back at their indices, in place: the vector still has the capacity it
// had before the removal, so nothing is reallocated and no new page is touched.
template<typename Item>
void reinsert(std::vector<Item> &items, const std::vector<std::uint32_t> &indices,
              const std::vector<Item> &values)
{
    if (indices.empty())
        return;
    const std::size_t kept = items.size();
    items.resize(kept + values.size());
    // From the back: each kept item moves up by the number of values inserted before it.
    std::size_t from = kept;
    std::size_t next = indices.size();
    for (std::size_t to = items.size(); to-- > 0;) {
        if (next > 0 && indices[next - 1] == to)
            items[to] = values[--next];
        else
            items[to] = items[--from];
    }
}

// Writes the recorded values (after or before the change) at their indices.
template<typename Item>
void put(std::vector<Item> &items, const ItemChanges<Item> &changes, bool after)
{
    const std::vector<Item> &values = after ? changes.after : changes.before;
    for (std::size_t i = 0; i < changes.indices.size(); ++i)
        items[changes.indices[i]] = values[i];
}

// Old index to new, for a kind with removals; empty when nothing of the kind goes.
inline std::vector<std::uint32_t> shiftMap(std::size_t count,
                                           const std::vector<std::uint32_t> &removed)
{
    if (removed.empty())
        return {};
    return removalTable(removed, count, NoIndex);
}

} // namespace removal

} // namespace claimline
