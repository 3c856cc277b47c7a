#pragma once

// IntervalIndex: which items overlap a time range, in O(log n + k).
//
// Items are sorted by start; an implicit balanced binary tree over that array (the node of
// the range [lo, hi) is its middle element) stores in each node the largest end in its
// subtree. A query prunes every subtree whose largest end is before the range and every
// right subtree whose smallest start is after it, so it visits O(log n) nodes plus those it
// reports. This is the layout of Heng Li's cgranges; it needs no pointers, three arrays
// of n entries and one sort to build.

#include <cstdint>
#include <span>
#include <vector>

namespace claimline {

class IntervalIndex
{
public:
    struct Item
    {
        std::int64_t start; // inclusive
        std::int64_t end; // exclusive
        std::uint32_t id;
    };

    // Builds the index; items with end <= start are ignored (they cover no time).
    void build(std::vector<Item> items);
    void clear();
    // Follows items taken out of the numbering: `removed` (ascending) are the ids that go;
    // every id after one moves down. The index is then what build() would make of the rest,
    // in O(n), without sorting again.
    void remove(std::span<const std::uint32_t> removed);
    // Follows items put into the numbering: `items` (ids ascending) are the ones added, at
    // ids counted after the insertion; every id at or after one moves up. O(n + k log k).
    void insert(std::vector<Item> items);
    std::size_t size() const { return m_ids.size(); }

    // Calls visit(id) for every item overlapping [from, to), in order of start time.
    template<typename Visitor>
    void forEachOverlapping(std::int64_t from, std::int64_t to, Visitor &&visit) const
    {
        if (from < to)
            visitRange(0, m_ids.size(), from, to, visit);
    }
    std::vector<std::uint32_t> overlapping(std::int64_t from, std::int64_t to) const;

    // Items in start order (ids), with their starts and ends.
    std::span<const std::uint32_t> idsByStart() const { return m_ids; }
    std::span<const std::int64_t> starts() const { return m_starts; }
    std::span<const std::int64_t> ends() const { return m_ends; }

    std::size_t memoryUsage() const;

private:
    std::int64_t buildMaxEnd(std::size_t lo, std::size_t hi);

    template<typename Visitor>
    void visitRange(std::size_t lo, std::size_t hi, std::int64_t from, std::int64_t to,
                    Visitor &visit) const
    {
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (m_maxEnd[mid] <= from)
                return; // nothing in this subtree ends after the range starts
            visitRange(lo, mid, from, to, visit);
            if (m_starts[mid] >= to)
                return; // mid and everything right of it start after the range
            if (m_ends[mid] > from)
                visit(m_ids[mid]);
            lo = mid + 1; // the right subtree, iteratively
        }
    }

    std::vector<std::uint32_t> m_ids;
    std::vector<std::int64_t> m_starts;
    std::vector<std::int64_t> m_ends;
    std::vector<std::int64_t> m_maxEnd; // per implicit tree node (its middle index)
};

} // namespace claimline
