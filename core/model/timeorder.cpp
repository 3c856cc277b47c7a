#include "model/timeorder.h"

#include <algorithm>
#include <tuple>

namespace claimline {

std::vector<std::uint32_t>
timeOrder(const IntervalIndex &index, std::uint32_t count,
          const std::function<std::pair<std::int64_t, std::int64_t>(std::uint32_t)> &timeOf)
{
    struct Entry
    {
        std::int64_t start;
        std::int64_t end;
        std::uint32_t id;
        bool operator<(const Entry &other) const
        {
            return std::tie(start, end, id) < std::tie(other.start, other.end, other.id);
        }
    };
    const auto ids = index.idsByStart();
    const auto starts = index.starts();
    const auto ends = index.ends();

    // The index's order, ties of start put in order of end (then id: the index keeps ids in
    // order within a start, and a stable sort by end keeps that).
    std::vector<Entry> indexed(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        indexed[i] = {starts[i], ends[i], ids[i]};
    for (std::size_t i = 0; i < indexed.size();) {
        std::size_t j = i + 1;
        while (j < indexed.size() && indexed[j].start == indexed[i].start)
            ++j;
        if (j - i > 1) {
            std::stable_sort(indexed.begin() + std::ptrdiff_t(i),
                             indexed.begin() + std::ptrdiff_t(j),
                             [](const Entry &a, const Entry &b) { return a.end < b.end; });
        }
        i = j;
    }

    // The items the index leaves out, sorted the same way.
    std::vector<char> present(count, 0);
    for (const std::uint32_t id : ids) {
        if (id < count)
            present[id] = 1;
    }
    std::vector<Entry> left;
    for (std::uint32_t id = 0; id < count; ++id) {
        if (!present[id]) {
            const auto [start, end] = timeOf(id);
            left.push_back({start, end, id});
        }
    }
    std::sort(left.begin(), left.end());

    std::vector<std::uint32_t> order;
    order.reserve(count);
    std::size_t a = 0, b = 0;
    while (a < indexed.size() || b < left.size()) {
        const bool takeLeft = b < left.size() && (a == indexed.size() || left[b] < indexed[a]);
        order.push_back(takeLeft ? left[b++].id : indexed[a++].id);
    }
    return order;
}

} // namespace claimline
