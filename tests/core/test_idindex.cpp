#include "model/idindex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using namespace claimline;

namespace {

// The table reads keys back through keyOf: here a value is an index into a vector of strings.
struct Keys
{
    std::vector<std::string> keys;
    auto keyOf() const
    {
        return [this](std::uint32_t v) {
            return std::string_view(keys.at(v));
        };
    }
    std::uint32_t add(std::string key)
    {
        keys.push_back(std::move(key));
        return static_cast<std::uint32_t>(keys.size() - 1);
    }
};

// Strings whose hash puts them in the last `window` slots of every table of up to
// 2^bits slots, so that their probe runs wrap around from the end of the table to its start.
std::vector<std::string> wrappingKeys(std::size_t count, unsigned bits, std::uint32_t window)
{
    const std::uint32_t mask = (1u << bits) - 1;
    std::vector<std::string> result;
    for (std::uint64_t i = 0; result.size() < count; ++i) {
        std::string candidate = "wrap-" + std::to_string(i);
        if ((IdIndex::hashOf(candidate) & mask) >= mask + 1 - window)
            result.push_back(std::move(candidate));
    }
    return result;
}

// Pairs of different strings with the same 32-bit hash (a birthday search), so that the
// table has to compare keys and not only hashes.
std::vector<std::pair<std::string, std::string>> fullHashCollisions(std::size_t candidates)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> hashes;
    hashes.reserve(candidates);
    for (std::uint32_t i = 0; i < candidates; ++i)
        hashes.emplace_back(IdIndex::hashOf("c-" + std::to_string(i)), i);
    std::sort(hashes.begin(), hashes.end());
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t i = 1; i < hashes.size(); ++i) {
        if (hashes[i].first == hashes[i - 1].first)
            pairs.emplace_back("c-" + std::to_string(hashes[i - 1].second),
                               "c-" + std::to_string(hashes[i].second));
    }
    return pairs;
}

} // namespace

TEST(IdIndex, EmptyIndex)
{
    Keys k;
    IdIndex index;
    EXPECT_EQ(index.size(), 0u);
    EXPECT_FALSE(index.find("anything", k.keyOf()).has_value());
    EXPECT_FALSE(index.erase("anything", k.keyOf()));
    EXPECT_EQ(index.size(), 0u);
}

TEST(IdIndex, InsertFindErase)
{
    Keys k;
    IdIndex index;
    const std::uint32_t russia = k.add("russia");
    const std::uint32_t ukraine = k.add("ukraine");
    const std::uint32_t claim = k.add("claim-91-drones");

    EXPECT_EQ(index.insert("russia", russia, k.keyOf()), russia);
    EXPECT_EQ(index.insert("ukraine", ukraine, k.keyOf()), ukraine);
    EXPECT_EQ(index.insert("claim-91-drones", claim, k.keyOf()), claim);
    EXPECT_EQ(index.size(), 3u);

    EXPECT_EQ(index.find("russia", k.keyOf()), russia);
    EXPECT_EQ(index.find("ukraine", k.keyOf()), ukraine);
    EXPECT_EQ(index.find("claim-91-drones", k.keyOf()), claim);
    EXPECT_FALSE(index.find("Russia", k.keyOf()).has_value());
    EXPECT_FALSE(index.find("", k.keyOf()).has_value());
    EXPECT_FALSE(index.find("claim-91", k.keyOf()).has_value());

    EXPECT_TRUE(index.erase("ukraine", k.keyOf()));
    EXPECT_FALSE(index.erase("ukraine", k.keyOf()));
    EXPECT_EQ(index.size(), 2u);
    EXPECT_FALSE(index.find("ukraine", k.keyOf()).has_value());
    EXPECT_EQ(index.find("russia", k.keyOf()), russia);
    EXPECT_EQ(index.find("claim-91-drones", k.keyOf()), claim);

    // Erased keys can be inserted again, with a new value.
    const std::uint32_t ukraine2 = k.add("ukraine");
    EXPECT_EQ(index.insert("ukraine", ukraine2, k.keyOf()), ukraine2);
    EXPECT_EQ(index.find("ukraine", k.keyOf()), ukraine2);

    index.clear();
    EXPECT_EQ(index.size(), 0u);
    EXPECT_FALSE(index.find("russia", k.keyOf()).has_value());
}

TEST(IdIndex, DuplicateReturnsTheExistingValue)
{
    Keys k;
    IdIndex index;
    const std::uint32_t first = k.add("ev-residence-drones");
    const std::uint32_t second = k.add("ev-residence-drones");
    EXPECT_EQ(index.insert("ev-residence-drones", first, k.keyOf()), first);
    EXPECT_EQ(index.insert("ev-residence-drones", second, k.keyOf()), first);
    EXPECT_EQ(index.size(), 1u);
    EXPECT_EQ(index.find("ev-residence-drones", k.keyOf()), first);
}

TEST(IdIndex, GrowthKeepsAllKeys)
{
    Keys k;
    IdIndex index;
    constexpr std::uint32_t Count = 100'000;
    k.keys.reserve(Count);
    for (std::uint32_t i = 0; i < Count; ++i) {
        const std::uint32_t v = k.add("ev-" + std::to_string(i));
        ASSERT_EQ(index.insert(k.keys[v], v, k.keyOf()), v);
    }
    EXPECT_EQ(index.size(), Count);
    // Load factor at most 1/2.
    EXPECT_GE(index.memoryUsage(), 2 * Count * 8);
    for (std::uint32_t i = 0; i < Count; ++i)
        ASSERT_EQ(index.find("ev-" + std::to_string(i), k.keyOf()), i) << i;
    for (std::uint32_t i = Count; i < Count + 1000; ++i)
        ASSERT_FALSE(index.find("ev-" + std::to_string(i), k.keyOf()).has_value()) << i;
}

TEST(IdIndex, ReserveThenInsert)
{
    Keys k;
    IdIndex index;
    const std::uint32_t a = k.add("a");
    index.insert("a", a, k.keyOf());
    index.reserve(5000, k.keyOf());
    EXPECT_GE(index.memoryUsage(), 10000u * 8);
    EXPECT_EQ(index.find("a", k.keyOf()), a);
    for (int i = 0; i < 5000; ++i) {
        const std::uint32_t v = k.add("r-" + std::to_string(i));
        index.insert(k.keys[v], v, k.keyOf());
    }
    EXPECT_EQ(index.size(), 5001u);
    for (std::uint32_t v = 0; v < k.keys.size(); ++v)
        ASSERT_EQ(index.find(k.keys[v], k.keyOf()), v);
}

// Keys that all want the last slot of a 16-slot table: their run wraps around to the start.
// Erasing them in every order must keep the others findable (backward shift across the end).
TEST(IdIndex, EraseWithWrapAroundInEveryOrder)
{
    const std::vector<std::string> wrapping = wrappingKeys(3, 4, 1); // home slot 15 of 16
    std::string homeZero;
    for (int i = 0; homeZero.empty(); ++i) {
        const std::string candidate = "zero-" + std::to_string(i);
        if ((IdIndex::hashOf(candidate) & 15) == 0)
            homeZero = candidate;
    }
    std::vector<std::string> all = wrapping;
    all.push_back(homeZero);
    std::vector<std::size_t> order {0, 1, 2, 3};
    int permutations = 0;
    do {
        Keys k;
        k.keys = all;
        IdIndex index;
        for (std::uint32_t v = 0; v < all.size(); ++v)
            ASSERT_EQ(index.insert(all[v], v, k.keyOf()), v);
        ASSERT_EQ(index.memoryUsage(), 16u * 8); // still the 16-slot table
        std::unordered_set<std::size_t> erased;
        for (const std::size_t e : order) {
            ASSERT_TRUE(index.erase(all[e], k.keyOf()));
            erased.insert(e);
            for (std::uint32_t v = 0; v < all.size(); ++v) {
                if (erased.count(v))
                    ASSERT_FALSE(index.find(all[v], k.keyOf()).has_value());
                else
                    ASSERT_EQ(index.find(all[v], k.keyOf()), v)
                        << "lost " << all[v] << " after erasing " << all[e];
            }
        }
        EXPECT_EQ(index.size(), 0u);
        ++permutations;
    } while (std::next_permutation(order.begin(), order.end()));
    EXPECT_EQ(permutations, 24);
}

TEST(IdIndex, KeysWithTheSameHashAreKeptApart)
{
    const auto pairs = fullHashCollisions(300'000);
    ASSERT_FALSE(pairs.empty()) << "no 32-bit hash collision found to test with";
    Keys k;
    IdIndex index;
    for (const auto &[a, b] : pairs) {
        ASSERT_NE(a, b);
        ASSERT_EQ(IdIndex::hashOf(a), IdIndex::hashOf(b));
        const std::uint32_t va = k.add(a);
        const std::uint32_t vb = k.add(b);
        EXPECT_EQ(index.insert(a, va, k.keyOf()), va);
        EXPECT_EQ(index.insert(b, vb, k.keyOf()), vb); // not mistaken for a duplicate
    }
    EXPECT_EQ(index.size(), 2 * pairs.size());
    for (std::uint32_t v = 0; v < k.keys.size(); ++v)
        EXPECT_EQ(index.find(k.keys[v], k.keyOf()), v);
    // Erasing one of a pair leaves the other.
    for (std::uint32_t v = 0; v < k.keys.size(); v += 2)
        EXPECT_TRUE(index.erase(k.keys[v], k.keyOf()));
    for (std::uint32_t v = 0; v < k.keys.size(); ++v) {
        if (v % 2 == 0)
            EXPECT_FALSE(index.find(k.keys[v], k.keyOf()).has_value());
        else
            EXPECT_EQ(index.find(k.keys[v], k.keyOf()), v);
    }
}

// ~100k random operations checked against std::unordered_map. The key pool mixes ordinary
// ids, ids that cluster at the end of the table (wrap-around), ids with identical 32-bit
// hashes, and every key twice (two values with the same text: inserting the second must give
// back the first).
TEST(IdIndex, RandomisedAgainstUnorderedMap)
{
    std::vector<std::string> unique;
    for (int i = 0; i < 1500; ++i)
        unique.push_back("id-" + std::to_string(i));
    // Home in the last 16 slots of every table of up to 4096 slots.
    for (std::string &key : wrappingKeys(400, 12, 16))
        unique.push_back(std::move(key));
    for (const auto &[a, b] : fullHashCollisions(300'000)) {
        unique.push_back(a);
        unique.push_back(b);
    }
    const std::uint32_t n = static_cast<std::uint32_t>(unique.size());
    Keys k;
    k.keys = unique;
    k.keys.insert(k.keys.end(), unique.begin(), unique.end()); // value v and v + n: same key

    IdIndex index;
    std::unordered_map<std::string, std::uint32_t> model;
    std::mt19937 random(20251229);
    std::size_t inserts = 0, duplicates = 0, erases = 0, misses = 0;
    for (int op = 0; op < 100'000; ++op) {
        const std::uint32_t v = random() % (2 * n);
        const std::string &key = k.keys[v];
        const unsigned kind = random() % 100;
        if (kind < 45) {
            const auto [it, added] = model.emplace(key, v);
            ASSERT_EQ(index.insert(key, v, k.keyOf()), it->second) << "op " << op;
            ++(added ? inserts : duplicates);
        } else if (kind < 80) {
            const bool present = model.erase(key) > 0;
            ASSERT_EQ(index.erase(key, k.keyOf()), present) << "op " << op;
            ++(present ? erases : misses);
        } else {
            const auto it = model.find(key);
            const auto found = index.find(key, k.keyOf());
            if (it == model.end())
                ASSERT_FALSE(found.has_value()) << "op " << op;
            else
                ASSERT_EQ(found, it->second) << "op " << op;
        }
        ASSERT_EQ(index.size(), model.size());
        if (op % 2000 == 0) {
            for (std::uint32_t u = 0; u < n; ++u) {
                const auto it = model.find(unique[u]);
                const auto found = index.find(unique[u], k.keyOf());
                if (it == model.end())
                    ASSERT_FALSE(found.has_value()) << "op " << op << " key " << unique[u];
                else
                    ASSERT_EQ(found, it->second) << "op " << op << " key " << unique[u];
            }
        }
    }
    // The mix really exercised every path.
    EXPECT_GT(inserts, 10'000u);
    EXPECT_GT(duplicates, 10'000u);
    EXPECT_GT(erases, 10'000u);
    EXPECT_GT(misses, 1'000u);

    // Drain: erase everything in random order, checking the rest after each step.
    std::vector<std::string> remaining;
    for (const auto &entry : model)
        remaining.push_back(entry.first);
    std::sort(remaining.begin(), remaining.end());
    std::shuffle(remaining.begin(), remaining.end(), random);
    for (std::size_t i = 0; i < remaining.size(); ++i) {
        ASSERT_TRUE(index.erase(remaining[i], k.keyOf()));
        model.erase(remaining[i]);
        if (i % 64 == 0) {
            for (const auto &[key, value] : model)
                ASSERT_EQ(index.find(key, k.keyOf()), value);
        }
    }
    EXPECT_EQ(index.size(), 0u);
}
