#pragma once

// Where an index lands when items are taken out of a numbering or put back into it: the one
// rule the structure changes, the time indexes and the table's order all follow.

#include <algorithm>
#include <cstdint>
#include <span>

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

} // namespace claimline
