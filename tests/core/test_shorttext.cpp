// shorttext.h: the inline hash and comparison the reader uses for every id, reference and
// key. A wrong "equal" would merge two ids; a hash with poor low bits would make the id
// index probe long runs.

#include "text/shorttext.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

using namespace claimline;

TEST(ShortText, SameTextAgreesWithStringComparisonAtEveryLengthAndPosition)
{
    // Up to 40 bytes: the byte loop, the 4- and 8-byte word loads and memcmp; a difference at
    // each position, first and last bytes included, is seen.
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string a(n, 'x');
        for (std::size_t i = 0; i < n; ++i)
            a[i] = char('a' + (i * 7) % 26);
        const std::string same = a;
        EXPECT_TRUE(sameText(a, same)) << n;
        for (std::size_t i = 0; i < n; ++i) {
            std::string other = a;
            other[i] = char(other[i] ^ 0x20);
            EXPECT_FALSE(sameText(a, other)) << n << " at " << i;
            EXPECT_FALSE(sameText(other, a)) << n << " at " << i;
        }
        EXPECT_FALSE(sameText(a, a + "y")) << n;
        EXPECT_FALSE(sameText(a + "y", a)) << n;
    }
    // Views into the middle of a buffer, and bytes from 0x80 up.
    const std::string buffer = "..\xc3\xa9t\xc3\xa9-2025..\xc3\xa9t\xc3\xa9-2025..";
    EXPECT_TRUE(
        sameText(std::string_view(buffer).substr(2, 10), std::string_view(buffer).substr(14, 10)));
    EXPECT_FALSE(
        sameText(std::string_view(buffer).substr(2, 10), std::string_view(buffer).substr(13, 10)));
}

TEST(ShortText, EqualTextsHashAlikeWhereverTheyAre)
{
    const std::string buffer = "ev-0000042|ev-0000042";
    EXPECT_EQ(textHash(std::string_view(buffer).substr(0, 10)),
              textHash(std::string_view(buffer).substr(11, 10)));
    EXPECT_EQ(textHash(""), textHash(std::string_view()));
    // The length is part of the hash: texts that are prefixes of each other differ.
    EXPECT_NE(textHash("ab"), textHash("abc"));
    EXPECT_NE(textHash("a"), textHash(std::string_view("a\0", 2)));
}

TEST(ShortText, TheLowBitsOfTheHashSpreadSequentialIds)
{
    // The id index masks the hash to its table's size: ids that differ only in a digit or two
    // (what generators and importers make) must fill the buckets evenly.
    constexpr std::size_t Count = 1 << 16;
    constexpr std::size_t Buckets = 1 << 12;
    for (const std::string prefix : {"ev-", "claim-", "src-", "acled-ukr-"}) {
        std::vector<int> load(Buckets);
        std::unordered_set<std::uint64_t> seen;
        for (std::size_t i = 0; i < Count; ++i) {
            std::string id = prefix + std::to_string(i);
            const std::uint64_t h = textHash(id);
            seen.insert(h);
            ++load[h & (Buckets - 1)];
        }
        EXPECT_EQ(seen.size(), Count) << prefix; // no two 64-bit hashes alike
        // 16 per bucket on average; a fair hash stays well under 40 in the fullest.
        EXPECT_LT(*std::max_element(load.begin(), load.end()), 40) << prefix;
        EXPECT_GT(*std::min_element(load.begin(), load.end()), 0) << prefix;
    }
}

TEST(ShortText, CopyTextCopiesEveryLengthAndNothingPastIt)
{
    // The copies overlap for lengths between the word sizes: every byte must still arrive,
    // and none be written past the text's end.
    std::string source;
    for (int i = 0; i < 80; ++i)
        source.push_back(char('A' + i % 58));
    for (std::size_t n = 0; n <= 70; ++n) {
        std::string out(96, '#');
        copyText(out.data() + 3, std::string_view(source).substr(5, n));
        EXPECT_EQ(out.substr(0, 3), "###") << n;
        EXPECT_EQ(out.substr(3, n), source.substr(5, n)) << n;
        EXPECT_EQ(out.substr(3 + n), std::string(96 - 3 - n, '#')) << n;
    }
}
