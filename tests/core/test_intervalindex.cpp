#include "model/intervalindex.h"
#include "model/renumbering.h"
#include "model/timeorder.h"

#include "time/fuzzytime.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <random>
#include <tuple>
#include <vector>

using namespace claimline;

namespace {

using Item = IntervalIndex::Item;

constexpr std::int64_t Open0 = FuzzyTime::OpenStart;
constexpr std::int64_t Open1 = FuzzyTime::OpenEnd;

// What overlapping() must return: items with end > start that overlap [from, to), in start
// order, equal starts in input order.
std::vector<std::uint32_t> bruteForce(const std::vector<Item> &items, std::int64_t from,
                                      std::int64_t to)
{
    std::vector<Item> hits;
    if (from >= to)
        return {}; // an empty query range covers no time
    for (const Item &item : items) {
        if (item.end > item.start && item.start < to && item.end > from)
            hits.push_back(item);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Item &a, const Item &b) { return a.start < b.start; });
    std::vector<std::uint32_t> ids;
    for (const Item &item : hits)
        ids.push_back(item.id);
    return ids;
}

std::vector<std::uint32_t> viaVisitor(const IntervalIndex &index, std::int64_t from,
                                      std::int64_t to)
{
    std::vector<std::uint32_t> ids;
    index.forEachOverlapping(from, to, [&ids](std::uint32_t id) { ids.push_back(id); });
    return ids;
}

// A mix of the shapes a project holds, over a small time range so that many overlap.
std::vector<Item> randomItems(std::mt19937_64 &random, std::size_t count)
{
    std::vector<Item> items;
    const auto below = [&random](std::int64_t n) {
        return std::int64_t(random() % n);
    };
    for (std::uint32_t id = 0; id < count; ++id) {
        const std::int64_t start = below(100'000) - 50'000;
        Item item {start, start + 1, id};
        switch (below(10)) {
        case 0: // a point: one second
            break;
        case 1: // a short span
        case 2:
            item.end = start + 1 + below(100);
            break;
        case 3: // a long span
            item.end = start + 1 + below(20'000);
            break;
        case 4: // nested in the previous one
            if (!items.empty() && items.back().end > items.back().start + 2) {
                const Item &outer = items.back();
                item.start = outer.start + 1;
                item.end = outer.end - 1;
            }
            break;
        case 5: // the same start as an earlier item
            if (!items.empty()) {
                item.start = items[std::size_t(below(std::int64_t(items.size())))].start;
                item.end = item.start + 1 + below(5000);
            }
            break;
        case 6: // huge or open
            switch (below(4)) {
            case 0:
                item.start = Open0;
                item.end = start + below(1000);
                break;
            case 1:
                item.end = Open1;
                break;
            case 2:
                item.start = Open0;
                item.end = Open1;
                break;
            default:
                item.start = start - 1'000'000'000'000;
                item.end = start + 1'000'000'000'000;
                break;
            }
            break;
        case 7: // empty or inverted: ignored
            item.end = start - below(2);
            break;
        default: // a day-sized span
            item.end = start + 86'400 / 10;
            break;
        }
        items.push_back(item);
    }
    return items;
}

} // namespace

TEST(IntervalIndex, EmptyIndex)
{
    IntervalIndex index;
    EXPECT_EQ(index.size(), 0u);
    EXPECT_TRUE(index.overlapping(Open0, Open1).empty());
    index.build({});
    EXPECT_EQ(index.size(), 0u);
    EXPECT_TRUE(index.overlapping(0, 100).empty());
    EXPECT_TRUE(viaVisitor(index, Open0, Open1).empty());
}

TEST(IntervalIndex, HalfOpenSemantics)
{
    IntervalIndex index;
    index.build({{0, 10, 1}, {10, 20, 2}, {20, 30, 3}});
    // An item ending exactly at the query start is excluded; one starting at its end too.
    EXPECT_EQ(index.overlapping(10, 20), (std::vector<std::uint32_t> {2}));
    EXPECT_EQ(index.overlapping(9, 10), (std::vector<std::uint32_t> {1}));
    EXPECT_EQ(index.overlapping(10, 11), (std::vector<std::uint32_t> {2}));
    EXPECT_EQ(index.overlapping(19, 21), (std::vector<std::uint32_t> {2, 3}));
    EXPECT_EQ(index.overlapping(30, 40), (std::vector<std::uint32_t> {}));
    EXPECT_EQ(index.overlapping(-5, 0), (std::vector<std::uint32_t> {}));
    EXPECT_EQ(index.overlapping(-5, 1), (std::vector<std::uint32_t> {1}));
    // An empty or inverted query range covers nothing.
    EXPECT_TRUE(index.overlapping(15, 15).empty());
    EXPECT_TRUE(index.overlapping(25, 5).empty());
}

TEST(IntervalIndex, ResultsInStartOrder)
{
    IntervalIndex index;
    // Given out of order, with equal starts (which keep input order).
    index.build({{50, 60, 5}, {10, 100, 1}, {30, 31, 3}, {10, 20, 2}, {30, 90, 4}});
    EXPECT_EQ(index.overlapping(0, 1000), (std::vector<std::uint32_t> {1, 2, 3, 4, 5}));
    EXPECT_EQ(index.overlapping(55, 56), (std::vector<std::uint32_t> {1, 4, 5}));
    const auto starts = index.starts();
    EXPECT_TRUE(std::is_sorted(starts.begin(), starts.end()));
    EXPECT_EQ(std::vector<std::uint32_t>(index.idsByStart().begin(), index.idsByStart().end()),
              (std::vector<std::uint32_t> {1, 2, 3, 4, 5}));
}

TEST(IntervalIndex, ItemsCoveringNoTimeAreIgnored)
{
    IntervalIndex index;
    index.build({{10, 10, 1}, {20, 15, 2}, {5, 6, 3}, {Open1, Open1, 4}, {Open0, Open0, 5}});
    EXPECT_EQ(index.size(), 1u);
    EXPECT_EQ(index.overlapping(Open0, Open1), (std::vector<std::uint32_t> {3}));
    EXPECT_TRUE(index.overlapping(9, 30).empty());
}

TEST(IntervalIndex, OpenEndedItems)
{
    IntervalIndex index;
    index.build({{Open0, 100, 1}, {200, Open1, 2}, {Open0, Open1, 3}, {150, 160, 4}});
    EXPECT_EQ(index.overlapping(Open0, Open0 + 1), (std::vector<std::uint32_t> {1, 3}));
    EXPECT_EQ(index.overlapping(Open1 - 1, Open1), (std::vector<std::uint32_t> {3, 2}));
    EXPECT_EQ(index.overlapping(99, 201), (std::vector<std::uint32_t> {1, 3, 4, 2}));
    EXPECT_EQ(index.overlapping(100, 150), (std::vector<std::uint32_t> {3}));
    EXPECT_EQ(index.overlapping(Open0, Open1), (std::vector<std::uint32_t> {1, 3, 4, 2}));
}

TEST(IntervalIndex, RebuildReplacesAndClearEmpties)
{
    IntervalIndex index;
    index.build({{0, 10, 1}});
    index.build({{20, 30, 2}});
    EXPECT_EQ(index.overlapping(0, 100), (std::vector<std::uint32_t> {2}));
    index.clear();
    EXPECT_EQ(index.size(), 0u);
    EXPECT_TRUE(index.overlapping(Open0, Open1).empty());
}

TEST(IntervalIndex, MatchesBruteForceOnRandomData)
{
    std::mt19937_64 random(1229);
    // Sizes that give complete and ragged implicit trees.
    for (const std::size_t count : {1u, 2u, 3u, 7u, 8u, 100u, 1023u, 1024u, 1025u, 5000u}) {
        SCOPED_TRACE(count);
        const std::vector<Item> items = randomItems(random, count);
        IntervalIndex index;
        index.build(items);
        EXPECT_EQ(index.size(), bruteForce(items, Open0, Open1).size());
        const int queries = count >= 1000 ? 400 : 200;
        for (int q = 0; q < queries; ++q) {
            std::int64_t from = std::int64_t(random() % 120'000) - 60'000;
            std::int64_t to = from + std::int64_t(random() % 3) * std::int64_t(random() % 5000);
            switch (random() % 8) {
            case 0:
                from = Open0;
                break;
            case 1:
                to = Open1;
                break;
            case 2: // a query starting exactly where some item ends (open ends saturate)
                from = items[random() % items.size()].end;
                to = from > Open1 - 200 ? Open1 : from + 1 + std::int64_t(random() % 100);
                break;
            case 3: // a query ending exactly where some item starts
                to = items[random() % items.size()].start;
                from = to < Open0 + 200 ? Open0 : to - 1 - std::int64_t(random() % 100);
                break;
            default:
                break;
            }
            const std::vector<std::uint32_t> expected = bruteForce(items, from, to);
            ASSERT_EQ(index.overlapping(from, to), expected)
                << "query [" << from << ", " << to << ")";
            ASSERT_EQ(viaVisitor(index, from, to), expected);
        }
    }
}

TEST(IntervalIndex, LargeIndexAnswersManyQueries)
{
    std::mt19937_64 random(7);
    std::vector<Item> items;
    // Four years of day-sized and instant items, plus a few that span everything.
    for (std::uint32_t id = 0; id < 200'000; ++id) {
        const std::int64_t start = std::int64_t(random() % (1461 * 86400));
        items.push_back({start, start + (id % 3 == 0 ? 60 : 86400), id});
    }
    items.push_back({Open0, Open1, 200'000});
    items.push_back({-1, 1461 * 86400 + 1, 200'001});
    IntervalIndex index;
    index.build(items);
    for (int q = 0; q < 200; ++q) {
        const std::int64_t from = std::int64_t(random() % (1461 * 86400));
        const std::int64_t to = from + std::int64_t(random() % (3 * 86400));
        ASSERT_EQ(index.overlapping(from, to), bruteForce(items, from, to));
    }
}

// Deleting an event kept the index by sorting a million items again. remove() and insert()
// follow the renumbering instead; the index must be exactly the one build() makes of the
// items after the change (same order, same answers), including items covering no time and
// equal starts.
TEST(IntervalIndex, RemoveAndInsertMatchAFreshBuild)
{
    std::mt19937_64 random(19);
    const auto sameAs = [](const IntervalIndex &index, const std::vector<Item> &items) {
        IntervalIndex fresh;
        fresh.build(items);
        EXPECT_TRUE(std::ranges::equal(index.idsByStart(), fresh.idsByStart()));
        EXPECT_TRUE(std::ranges::equal(index.starts(), fresh.starts()));
        EXPECT_TRUE(std::ranges::equal(index.ends(), fresh.ends()));
        for (const std::int64_t from : {-60'000, -1'000, 0, 20'000}) {
            EXPECT_EQ(index.overlapping(from, from + 5'000), bruteForce(items, from, from + 5'000));
        }
    };
    for (const std::size_t count : {1u, 7u, 300u, 5'000u}) {
        std::vector<Item> items = randomItems(random, count);
        for (Item &item : items) {
            if (random() % 4 == 0)
                item.start = 0; // many equal starts: their order is the ids'
        }
        IntervalIndex index;
        index.build(items);

        // Remove a random set (sometimes all), renumbering the rest.
        std::vector<std::uint32_t> removed;
        for (std::uint32_t id = 0; id < count; ++id) {
            if (random() % 5 == 0 || count == 1)
                removed.push_back(id);
        }
        std::vector<Item> kept;
        std::vector<Item> taken;
        for (const Item &item : items) {
            const bool goes = std::binary_search(removed.begin(), removed.end(), item.id);
            (goes ? taken : kept).push_back(item);
        }
        for (std::uint32_t i = 0; i < kept.size(); ++i)
            kept[i].id = i;
        index.remove(removed);
        sameAs(index, kept);

        // Put them back at their ids: the original index again.
        index.insert(taken);
        sameAs(index, items);
    }
}

// The table's date order comes from the index (timeOrder) instead of a sort of every row: it
// must be exactly (start, end, index) ascending, items covering no time included.
TEST(IntervalIndex, TimeOrderIsStartThenEndThenIndex)
{
    std::mt19937_64 random(23);
    for (const std::size_t count : {0u, 1u, 50u, 4'000u}) {
        std::vector<Item> items = randomItems(random, count);
        for (Item &item : items) {
            if (random() % 3 == 0)
                item.start = 0; // equal starts, ordered by end
            if (random() % 17 == 0)
                item.end = item.start; // covering no time: not in the index
        }
        IntervalIndex index;
        index.build(items);
        std::vector<Item> sorted = items;
        std::sort(sorted.begin(), sorted.end(), [](const Item &a, const Item &b) {
            return std::tie(a.start, a.end, a.id) < std::tie(b.start, b.end, b.id);
        });
        std::vector<std::uint32_t> expected;
        for (const Item &item : sorted)
            expected.push_back(item.id);
        EXPECT_EQ(timeOrder(index, std::uint32_t(count),
                            [&items](std::uint32_t id) {
                                return std::pair(items[id].start, items[id].end);
                            }),
                  expected)
            << count;
    }
}

// The renumbering every holder of indices follows (the time indexes, the lanes, the table):
// against a list of items with some erased or put in, for a few changed items (searched) and
// many (a table), and for indices past the table.
TEST(Renumbering, MatchesWhereEachItemIsInTheList)
{
    std::mt19937 random(7);
    for (const std::size_t changedCount : {std::size_t(3), std::size_t(300)}) {
        constexpr std::uint32_t Count = 1000;
        std::vector<std::uint32_t> all(Count);
        std::iota(all.begin(), all.end(), 0u);
        std::vector<std::uint32_t> changed;
        std::sample(all.begin(), all.end(), std::back_inserter(changed), changedCount, random);

        // Removal: an item's new index is its place among those kept.
        std::vector<std::uint32_t> kept;
        std::set_difference(all.begin(), all.end(), changed.begin(), changed.end(),
                            std::back_inserter(kept));
        const Renumbering removal(false, changed, Count);
        for (std::uint32_t old = 0; old < Count; ++old) {
            const auto at = std::find(kept.begin(), kept.end(), old);
            const std::uint32_t expected
                = at == kept.end() ? Renumbering::Gone : std::uint32_t(at - kept.begin());
            ASSERT_EQ(removal(old), expected) << changedCount << " removed, index " << old;
        }
        // Built for fewer indices than there are: those past it are searched.
        const Renumbering shortTable(false, changed, Count / 2);
        for (std::uint32_t old = 0; old < Count; ++old)
            ASSERT_EQ(shortTable(old), removal(old)) << "past the table, index " << old;

        // Insertion: `changed` are places in the numbering after; the items there were fill
        // the other places in order.
        const Renumbering insertion(true, changed, kept.size());
        for (std::uint32_t old = 0; old < kept.size(); ++old)
            ASSERT_EQ(insertion(old), kept[old]) << changedCount << " inserted, index " << old;
    }
}
