#include "model/intervalindex.h"

#include <algorithm>

namespace claimline {

void IntervalIndex::build(std::vector<Item> items)
{
    std::erase_if(items, [](const Item &item) { return item.end <= item.start; });
    // Stable order for equal starts keeps iteration deterministic (file order).
    std::stable_sort(items.begin(), items.end(),
                     [](const Item &a, const Item &b) { return a.start < b.start; });
    const std::size_t n = items.size();
    m_ids.resize(n);
    m_starts.resize(n);
    m_ends.resize(n);
    m_maxEnd.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        m_ids[i] = items[i].id;
        m_starts[i] = items[i].start;
        m_ends[i] = items[i].end;
    }
    buildMaxEnd(0, n);
}

void IntervalIndex::clear()
{
    m_ids.clear();
    m_starts.clear();
    m_ends.clear();
    m_maxEnd.clear();
}

std::int64_t IntervalIndex::buildMaxEnd(std::size_t lo, std::size_t hi)
{
    if (lo >= hi)
        return INT64_MIN;
    const std::size_t mid = lo + (hi - lo) / 2;
    const std::int64_t result
        = std::max({m_ends[mid], buildMaxEnd(lo, mid), buildMaxEnd(mid + 1, hi)});
    m_maxEnd[mid] = result;
    return result;
}

std::vector<std::uint32_t> IntervalIndex::overlapping(std::int64_t from, std::int64_t to) const
{
    std::vector<std::uint32_t> result;
    forEachOverlapping(from, to, [&result](std::uint32_t id) { result.push_back(id); });
    return result;
}

std::size_t IntervalIndex::memoryUsage() const
{
    return m_ids.capacity() * sizeof(std::uint32_t)
        + (m_starts.capacity() + m_ends.capacity() + m_maxEnd.capacity()) * sizeof(std::int64_t);
}

} // namespace claimline
