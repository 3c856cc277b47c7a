#pragma once

// Where an index lands when items are taken out of a numbering or put back into it: the one
// rule the structure changes, the time indexes and the table's order all follow.

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace claimline {

// After the items at `removed` (ascending, counted before) went: the index, moved down past
// each removed one before it, or `gone` when it was removed itself.
inline std::uint32_t renumberedAfterRemoval(std::span<const std::uint32_t> removed,
                                            std::uint32_t index, std::uint32_t gone)
{
    const auto at = std::lower_bound(removed.begin(), removed.end(), index);
    if (at != removed.end() && *at == index)
        return gone;
    return index - std::uint32_t(at - removed.begin());
}

// After items were put in at `inserted` (ascending, counted after): where an index there was
// lands, moved up past each inserted one at or before its new place. The k inserted ones
// before it are the most for which inserted[k - 1] <= index + k - 1 (inserted[i] - i never
// decreases), found by a search.
inline std::uint32_t renumberedAfterInsertion(std::span<const std::uint32_t> inserted,
                                              std::uint32_t index)
{
    std::size_t lo = 0, hi = inserted.size();
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (inserted[mid] <= index + mid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return index + std::uint32_t(lo);
}

// Old index to new for every one of `before` indices after the items at `removed` went (the
// first rule, made in one pass); gone ones map to `gone`.
inline std::vector<std::uint32_t> removalTable(std::span<const std::uint32_t> removed,
                                               std::size_t before, std::uint32_t gone)
{
    std::vector<std::uint32_t> table(before);
    std::size_t next = 0;
    for (std::uint32_t old = 0; old < before; ++old) {
        if (next < removed.size() && removed[next] == old) {
            table[old] = gone;
            ++next;
        } else {
            table[old] = old - std::uint32_t(next);
        }
    }
    return table;
}

// Either rule for many indices at once. With a few changed items, a search per index; with
// many, a table of every index, made in one pass: indices met in another order (by time, by
// a table's sort) come at random, and a table look-up beats a search each.
class Renumbering
{
public:
    static constexpr std::uint32_t Gone = 0xffffffffu;
    static constexpr std::size_t TableFrom = 64; // changed items

    // `changed` as for the functions above (removed: counted before; inserted: counted after);
    // `before`: how many indices there were before the change.
    Renumbering(bool inserted, std::span<const std::uint32_t> changed, std::size_t before)
        : m_inserted(inserted)
        , m_changed(changed)
    {
        if (changed.size() < TableFrom)
            return;
        if (!inserted) {
            m_table = removalTable(changed, before, Gone);
            return;
        }
        // Walk the numbering after the change; every index not put in was there before.
        m_table.resize(before);
        std::size_t next = 0;
        std::uint32_t now = 0;
        for (std::uint32_t old = 0; old < before; ++old, ++now) {
            while (next < changed.size() && changed[next] == now) {
                ++next;
                ++now;
            }
            m_table[old] = now;
        }
    }

    // Where `index` is after the change; Gone when it was removed.
    std::uint32_t operator()(std::uint32_t index) const
    {
        if (index < m_table.size())
            return m_table[index];
        return m_inserted ? renumberedAfterInsertion(m_changed, index)
                          : renumberedAfterRemoval(m_changed, index, Gone);
    }

private:
    bool m_inserted;
    std::span<const std::uint32_t> m_changed;
    std::vector<std::uint32_t> m_table;
};

} // namespace claimline
