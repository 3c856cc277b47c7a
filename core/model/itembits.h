#pragma once

// ItemBits: one bit per event and per claim of a project, for a set of items that is a
// property of each (the matches of a text search, what the filter lets through). A bit test
// per item, a popcount per 64 items.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimline {

struct ItemBits
{
    std::vector<std::uint64_t> events;
    std::vector<std::uint64_t> claims;

    bool hasEvent(std::uint32_t event) const { return test(events, event); }
    bool hasClaim(std::uint32_t claim) const { return test(claims, claim); }
    std::size_t eventCount() const { return count(events); }
    std::size_t claimCount() const { return count(claims); }

    static std::size_t wordsFor(std::size_t items) { return (items + 63) / 64; }
    // An item past the end (added after the bits were made, by a caller that forgot
    // Project::invalidateIndexes()) is not in the set rather than read past the end.
    static bool test(const std::vector<std::uint64_t> &bits, std::uint32_t i)
    {
        const std::size_t word = i >> 6;
        return word < bits.size() && ((bits[word] >> (i & 63)) & 1u);
    }
    static std::size_t count(const std::vector<std::uint64_t> &bits)
    {
        std::size_t n = 0;
        for (const std::uint64_t word : bits)
            n += std::size_t(std::popcount(word));
        return n;
    }
};

} // namespace claimline
