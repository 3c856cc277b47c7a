#include "model/intervalindex.h"

#include "model/renumbering.h"

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

void IntervalIndex::remove(std::span<const std::uint32_t> removed)
{
    if (removed.empty())
        return;
    const Renumbering renumbered(false, removed, m_ids.size() + removed.size());
    constexpr std::uint32_t NoId = Renumbering::Gone;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_ids.size(); ++i) {
        const std::uint32_t to = renumbered(m_ids[i]);
        if (to == NoId)
            continue;
        m_ids[kept] = to;
        m_starts[kept] = m_starts[i];
        m_ends[kept] = m_ends[i];
        ++kept;
    }
    m_ids.resize(kept);
    m_starts.resize(kept);
    m_ends.resize(kept);
    m_maxEnd.resize(kept);
    buildMaxEnd(0, kept);
}

void IntervalIndex::insert(std::vector<Item> items)
{
    if (items.empty())
        return;
    // Every present id moves up past the inserted ids at or before where it lands.
    std::vector<std::uint32_t> inserted(items.size());
    std::transform(items.begin(), items.end(), inserted.begin(),
                   [](const Item &item) { return item.id; });
    const Renumbering renumbered(true, inserted, m_ids.size());
    for (std::uint32_t &id : m_ids)
        id = renumbered(id);

    // The new items in the order build() keeps (start, then id), merged in from the back, in
    // place: the arrays keep the capacity they had before the removal.
    std::erase_if(items, [](const Item &item) { return item.end <= item.start; });
    std::stable_sort(items.begin(), items.end(),
                     [](const Item &a, const Item &b) { return a.start < b.start; });
    std::size_t a = m_ids.size(), b = items.size();
    const std::size_t n = a + b;
    m_ids.resize(n);
    m_starts.resize(n);
    m_ends.resize(n);
    for (std::size_t i = n; b > 0 && i-- > 0;) {
        // The later of the two tails goes last.
        const bool takeNew = a == 0 || items[b - 1].start > m_starts[a - 1]
            || (items[b - 1].start == m_starts[a - 1] && items[b - 1].id > m_ids[a - 1]);
        if (takeNew) {
            --b;
            m_ids[i] = items[b].id;
            m_starts[i] = items[b].start;
            m_ends[i] = items[b].end;
        } else {
            --a;
            m_ids[i] = m_ids[a];
            m_starts[i] = m_starts[a];
            m_ends[i] = m_ends[a];
        }
    }
    m_maxEnd.resize(n);
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
