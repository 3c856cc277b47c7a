#include "model/textarena.h"

#include <gtest/gtest.h>

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace claimline;

namespace {

// A strict UTF-8 check (no truncated or overlong sequences, no surrogates), written out here
// so that the test does not trust the code under test or Qt's lenient decoder.
bool isValidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            extra = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= s.size())
            return false; // truncated sequence
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3f);
        }
        static constexpr std::uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += extra + 1;
    }
    return true;
}

} // namespace

TEST(TextArena, ValidatorSelfCheck)
{
    EXPECT_TRUE(isValidUtf8("plain"));
    EXPECT_TRUE(isValidUtf8("\xc3\xa9\xe2\x80\x93\xf0\x9f\x98\x80"));
    EXPECT_FALSE(isValidUtf8("\xc3"));
    EXPECT_FALSE(isValidUtf8("ab\xe2\x80"));
    EXPECT_FALSE(isValidUtf8("\xf0\x9f\x98"));
    EXPECT_FALSE(isValidUtf8("\x80"));
}

TEST(TextArena, AddAndViewRoundTrip)
{
    TextArena arena;
    const TextRef a = arena.add(std::string_view("Russia"));
    const TextRef b = arena.add(std::string_view("Alleged drone attack on Putin's residence"));
    const QString quote
        = QStringLiteral("Zelenskyy: \u201ca complete fabrication\u201d \u2013 29 Dec");
    const TextRef c = arena.add(quote);

    EXPECT_EQ(arena.view(a), "Russia");
    EXPECT_EQ(arena.view(b), "Alleged drone attack on Putin's residence");
    EXPECT_EQ(arena.text(c), quote);
    EXPECT_EQ(arena.text(a), QStringLiteral("Russia"));
    EXPECT_EQ(a.length(), 6u);
    // The QString overload stores UTF-8: the curly quotes and the dash take three bytes each.
    EXPECT_EQ(c.length(), std::string_view("Zelenskyy: ").size() + 3 + 22 + 3 + 1 + 3 + 7);
    EXPECT_NE(a, b);
    EXPECT_EQ(arena.size(), a.length() + b.length() + c.length());
}

TEST(TextArena, EqualTextIsStoredAgainAtADifferentPlace)
{
    TextArena arena;
    const TextRef a = arena.add(std::string_view("same"));
    const TextRef b = arena.add(std::string_view("same"));
    EXPECT_NE(a.offset(), b.offset());
    EXPECT_EQ(arena.view(a), arena.view(b));
}

TEST(TextArena, EmptyText)
{
    TextArena arena;
    const TextRef empty = arena.add(std::string_view());
    EXPECT_TRUE(empty.isEmpty());
    EXPECT_EQ(empty, TextRef());
    EXPECT_TRUE(arena.view(empty).empty());
    EXPECT_TRUE(arena.text(empty).isEmpty());
    EXPECT_EQ(arena.add(QString()), TextRef());
    EXPECT_EQ(arena.add(QStringLiteral("")), TextRef());
    EXPECT_EQ(arena.size(), 0u);
    // A default TextRef reads as empty even from an arena that holds text.
    const TextRef some = arena.add(std::string_view("x"));
    EXPECT_TRUE(arena.view(TextRef()).empty());
    EXPECT_EQ(arena.view(some), "x");
}

namespace {

std::uint64_t chunkOf(std::uint64_t offset)
{
    return offset >> TextArena::ChunkBits;
}

// A string never straddles two chunks: its first and last byte are in the same one.
bool withinOneChunk(TextRef ref)
{
    return chunkOf(ref.offset()) == chunkOf(ref.offset() + ref.length() - 1);
}

} // namespace

TEST(TextArena, ManyLargeStringsCrossAChunkBoundary)
{
    TextArena arena;
    std::string big(TextRef::MaxLength, 'a');
    std::vector<TextRef> refs;
    for (int i = 0; i < 6; ++i) {
        // Distinct first and last bytes, so a string written over another would show.
        big.front() = char('A' + i);
        big.back() = char('0' + i);
        refs.push_back(arena.add(big));
    }
    // The first 16 MiB string gets a chunk of its own; the next chunk (four times larger)
    // takes four; the sixth starts a third chunk.
    EXPECT_EQ(chunkOf(refs[0].offset()), 0u);
    for (int i = 1; i < 5; ++i)
        EXPECT_EQ(chunkOf(refs[i].offset()), 1u) << i;
    EXPECT_EQ(chunkOf(refs[5].offset()), 2u);
    for (int i = 0; i < 6; ++i) {
        EXPECT_TRUE(withinOneChunk(refs[i])) << i;
        ASSERT_EQ(refs[i].length(), TextRef::MaxLength);
        const std::string_view v = arena.view(refs[i]);
        ASSERT_EQ(v.size(), TextRef::MaxLength);
        EXPECT_EQ(v.front(), char('A' + i));
        EXPECT_EQ(v.back(), char('0' + i));
        EXPECT_EQ(v.substr(1, v.size() - 2).find_first_not_of('a'), std::string_view::npos);
    }
    EXPECT_EQ(arena.size(), 6ull * TextRef::MaxLength);

    // Small strings after the boundary land in the last chunk and read back.
    const TextRef small = arena.add(std::string_view("after the boundary"));
    EXPECT_EQ(chunkOf(small.offset()), 2u);
    EXPECT_EQ(arena.view(small), "after the boundary");
}

TEST(TextArena, ChunksStartSmallAndGrow)
{
    TextArena arena;
    // A small project allocates a small first chunk and fills it before the next.
    const std::string piece(1000, 'p');
    std::vector<TextRef> refs;
    for (int i = 0; i < 200; ++i)
        refs.push_back(arena.add(piece));
    EXPECT_EQ(chunkOf(refs[0].offset()), 0u);
    EXPECT_EQ(chunkOf(refs[64].offset()), 0u); // 65 pieces fit in 64 KiB (65536 bytes)...
    EXPECT_EQ(chunkOf(refs[65].offset()), 1u); // ...66 do not
    EXPECT_EQ(chunkOf(refs[199].offset()), 1u); // the second chunk holds 256 KiB
    for (const TextRef &ref : refs) {
        EXPECT_TRUE(withinOneChunk(ref));
        EXPECT_EQ(arena.view(ref), piece);
    }
}

// Text that fills a chunk to its last byte: the next string must go to a new chunk and must
// not overwrite the start of the full one; both for a small chunk and a full-size one.
TEST(TextArena, ChunkFilledExactly)
{
    TextArena arena;
    // Chunks 0-3 (64 KiB to 4 MiB), each filled exactly by one string.
    std::vector<TextRef> refs;
    std::uint64_t capacity = TextArena::FirstChunkSize;
    for (int i = 0; i < 4; ++i, capacity *= 4) {
        std::string fill(capacity, char('a' + i));
        refs.push_back(arena.add(fill));
        EXPECT_EQ(chunkOf(refs.back().offset()), std::uint64_t(i));
    }
    // Chunk 4 holds 16 MiB: one maximal string and one byte fill it.
    std::string big(TextRef::MaxLength, 'B');
    refs.push_back(arena.add(big));
    refs.push_back(arena.add(std::string_view("!")));
    EXPECT_EQ(chunkOf(refs[4].offset()), 4u);
    EXPECT_EQ(chunkOf(refs[5].offset()), 4u);
    // Chunk 5 is full size (64 MiB): four maximal strings and four bytes fill it exactly.
    for (int i = 0; i < 4; ++i) {
        big.front() = char('C' + i);
        refs.push_back(arena.add(big));
    }
    const TextRef filler = arena.add(std::string_view("four"));
    EXPECT_EQ(chunkOf(filler.offset()), 5u);
    EXPECT_EQ((filler.offset() + filler.length()) & (TextArena::ChunkSize - 1), 0u);

    const TextRef next = arena.add(std::string_view("next"));
    EXPECT_EQ(next.offset(), 6 * TextArena::ChunkSize);
    EXPECT_EQ(arena.view(next), "next");
    EXPECT_EQ(arena.view(filler), "four");
    EXPECT_EQ(arena.view(refs[5]), "!");
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(arena.view(refs[std::size_t(i)]).front(), char('a' + i));
        EXPECT_EQ(arena.view(refs[std::size_t(6 + i)]).front(), char('C' + i));
    }
}

TEST(TextArena, ViewsStayValidAfterMoreAdds)
{
    TextArena arena;
    std::vector<TextRef> refs;
    std::vector<std::string_view> views;
    std::vector<std::string> expected;
    for (int i = 0; i < 1000; ++i) {
        expected.push_back("item-" + std::to_string(i) + std::string(std::size_t(i % 97), '.'));
        refs.push_back(arena.add(expected.back()));
        views.push_back(arena.view(refs.back()));
    }
    // Push the arena into a second chunk: earlier text must not move.
    const std::string big(TextRef::MaxLength, 'z');
    for (int i = 0; i < 5; ++i)
        arena.add(big);
    for (int i = 0; i < 1000; ++i) {
        EXPECT_EQ(arena.view(refs[i]).data(), views[i].data());
        EXPECT_EQ(views[i], expected[i]);
    }

    // And the arena can be moved (a Project is moved around) without moving its text.
    TextArena moved(std::move(arena));
    EXPECT_EQ(moved.view(refs[42]).data(), views[42].data());
    EXPECT_EQ(moved.view(refs[999]), expected[999]);
}

TEST(TextArena, TruncationAtMaxLengthKeepsUtf8Valid)
{
    struct Case
    {
        std::string_view sequence;
        std::size_t bytesBeforeCut; // how many bytes of the sequence precede the cut
    };
    // Every way a 2-, 3- or 4-byte sequence can meet the cut at MaxLength.
    const std::vector<Case> cases {
        {"\xc3\xa9", 0},         {"\xc3\xa9", 1},         {"\xc3\xa9", 2},
        {"\xe2\x80\x93", 1},     {"\xe2\x80\x93", 2},     {"\xe2\x80\x93", 3},
        {"\xf0\x9f\x98\x80", 0}, {"\xf0\x9f\x98\x80", 1}, {"\xf0\x9f\x98\x80", 2},
        {"\xf0\x9f\x98\x80", 3}, {"\xf0\x9f\x98\x80", 4},
    };
    std::string text(std::size_t(TextRef::MaxLength) + 16, 'x');
    for (const Case &c : cases) {
        SCOPED_TRACE(testing::Message() << c.sequence.size() << "-byte sequence, "
                                        << c.bytesBeforeCut << " byte(s) before the cut");
        std::fill(text.end() - 40, text.end(), 'x');
        const std::size_t at = TextRef::MaxLength - c.bytesBeforeCut;
        text.replace(at, c.sequence.size(), c.sequence);
        ASSERT_EQ(text.size(), std::size_t(TextRef::MaxLength) + 16);

        TextArena arena;
        const TextRef ref = arena.add(text);
        const bool split = c.bytesBeforeCut > 0 && c.bytesBeforeCut < c.sequence.size();
        const std::size_t expectedLength = split ? at : TextRef::MaxLength;
        EXPECT_EQ(ref.length(), expectedLength);
        const std::string_view stored = arena.view(ref);
        EXPECT_TRUE(isValidUtf8(stored.substr(stored.size() - 8)));
        EXPECT_EQ(stored, std::string_view(text).substr(0, expectedLength));
    }
}

TEST(TextArena, LongQStringIsTruncatedToValidUtf8)
{
    // 'é' is two bytes: 2^23 of them are 16 MiB, one byte over the limit at an odd length.
    const QString text(qsizetype(1) << 23, QChar(0xe9));
    TextArena arena;
    const TextRef ref = arena.add(text);
    EXPECT_EQ(ref.length(), TextRef::MaxLength - 1);
    const std::string_view stored = arena.view(ref);
    EXPECT_TRUE(isValidUtf8(stored));
    EXPECT_EQ(arena.text(ref).size(), (qsizetype(1) << 23) - 1);
}

TEST(TextRef, PacksOffsetsBeyondFourGiB)
{
    const std::uint64_t fiveGiB = std::uint64_t(5) << 30;
    const TextRef a(fiveGiB + 123, 77);
    EXPECT_EQ(a.offset(), fiveGiB + 123);
    EXPECT_EQ(a.length(), 77u);
    EXPECT_FALSE(a.isEmpty());

    const std::uint64_t largest = (std::uint64_t(1) << 40) - 1;
    const TextRef b(largest, TextRef::MaxLength);
    EXPECT_EQ(b.offset(), largest);
    EXPECT_EQ(b.length(), TextRef::MaxLength);

    const TextRef c(std::uint64_t(1) << 32, 1);
    EXPECT_EQ(c.offset(), std::uint64_t(1) << 32);
    EXPECT_EQ(c.length(), 1u);

    // The high offset bits and the length share a word: neither may leak into the other.
    const TextRef d(std::uint64_t(0xff) << 32, 0);
    EXPECT_EQ(d.offset(), std::uint64_t(0xff) << 32);
    EXPECT_EQ(d.length(), 0u);
    EXPECT_TRUE(d.isEmpty());
    const TextRef e(0, TextRef::MaxLength);
    EXPECT_EQ(e.offset(), 0u);
    EXPECT_EQ(e.length(), TextRef::MaxLength);

    EXPECT_NE(TextRef(fiveGiB, 10), TextRef(fiveGiB + (std::uint64_t(1) << 32), 10));
    EXPECT_EQ(TextRef(fiveGiB, 10), TextRef(fiveGiB, 10));
    static_assert(TextRef(std::uint64_t(7) << 36, 5).offset() == std::uint64_t(7) << 36);
}
