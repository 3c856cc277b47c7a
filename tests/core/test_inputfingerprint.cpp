// InputFingerprint: a file read again after the fast tokenizer gave up must be the bytes it
// read first, however the two reads were cut into chunks; any byte changed in between, in
// any block and at any place in the hash's lanes or tail, is noticed.

#include "format/reader/inputfingerprint.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>

using namespace claimline;

namespace {

// Bytes that span two fingerprint blocks and end in a partial group of the hash.
std::string sampleBytes()
{
    std::string bytes;
    for (std::int64_t i = 0; bytes.size() < std::size_t(InputFingerprint::BlockSize) + 45; ++i)
        bytes += "{\"id\": \"ev-" + std::to_string(i) + "\"},\n";
    // 45 bytes past the block: a group of 32 and a tail of 13 over two words.
    bytes.resize(std::size_t(InputFingerprint::BlockSize) + 45);
    return bytes;
}

// A reader of `bytes` that gives at most `chunk` bytes a call.
InputFingerprint::Read reader(const std::string &bytes, std::size_t &offset, std::size_t chunk)
{
    return [&bytes, &offset, chunk](char *buffer, std::int64_t capacity) {
        const std::size_t n = std::min({bytes.size() - offset, std::size_t(capacity), chunk});
        std::copy_n(bytes.data() + offset, n, buffer);
        offset += n;
        return std::int64_t(n);
    };
}

struct Reading
{
    std::string again; // what the second read handed over
    bool changed = false;
};

// Reads `first` whole in chunks of `firstChunk`, then `second` in chunks of `secondChunk`.
Reading readTwice(const std::string &first, std::size_t firstChunk, const std::string &second,
                  std::size_t secondChunk)
{
    InputFingerprint fingerprint;
    std::string buffer(4096, '\0');
    std::size_t offset = 0;
    const InputFingerprint::Read readFirst = reader(first, offset, firstChunk);
    while (fingerprint.first(readFirst, buffer.data(), std::int64_t(buffer.size())) > 0) { }

    Reading reading;
    offset = 0;
    const InputFingerprint::Read readAgain = reader(second, offset, secondChunk);
    for (;;) {
        const std::int64_t n
            = fingerprint.again(readAgain, buffer.data(), std::int64_t(buffer.size()));
        if (n <= 0)
            break;
        reading.again.append(buffer.data(), std::size_t(n));
    }
    reading.changed = fingerprint.changed();
    return reading;
}

} // namespace

TEST(InputFingerprint, TheSameBytesInAnyChunksAreTheSameFile)
{
    const std::string bytes = sampleBytes();
    for (const std::size_t firstChunk :
         {std::size_t(1), std::size_t(7), std::size_t(31), std::size_t(33), std::size_t(4096)}) {
        for (const std::size_t secondChunk : {std::size_t(3), std::size_t(32), std::size_t(4096)}) {
            const Reading reading = readTwice(bytes, firstChunk, bytes, secondChunk);
            EXPECT_FALSE(reading.changed) << firstChunk << " then " << secondChunk;
            EXPECT_EQ(reading.again, bytes) << firstChunk << " then " << secondChunk;
        }
    }
}

TEST(InputFingerprint, AnyByteChangedIsNoticedAndNothingPastItsBlockIsHandedOver)
{
    const std::string bytes = sampleBytes();
    const auto block = std::size_t(InputFingerprint::BlockSize);
    // Each of the hash's four lanes, a group's last byte, the first block's last byte, the
    // second block's first byte, and the partial group at the very end.
    for (const std::size_t at : {std::size_t(0), std::size_t(9), std::size_t(18), std::size_t(27),
                                 std::size_t(31), block - 1, block, bytes.size() - 1}) {
        std::string rewritten = bytes;
        rewritten[at] = rewritten[at] == 'x' ? 'y' : 'x';
        const Reading reading = readTwice(bytes, 4096, rewritten, 4096);
        EXPECT_TRUE(reading.changed) << "byte " << at;
        // Only whole blocks checked before the change reach the parser.
        EXPECT_EQ(reading.again, bytes.substr(0, at / block * block)) << "byte " << at;
    }
}

TEST(InputFingerprint, TwoWordsTradingPlacesAreNoticed)
{
    // The first two words of a group go to two lanes: combining the lanes without regard
    // to their order would let them trade places unnoticed.
    std::string bytes = sampleBytes();
    std::string swapped = bytes;
    std::swap_ranges(swapped.begin(), swapped.begin() + 8, swapped.begin() + 8);
    ASSERT_NE(swapped, bytes);
    EXPECT_TRUE(readTwice(bytes, 4096, swapped, 4096).changed);
}

TEST(InputFingerprint, AFileCutShortIsNoticed)
{
    const std::string bytes = sampleBytes();
    const Reading reading = readTwice(bytes, 4096, bytes.substr(0, bytes.size() - 1), 4096);
    EXPECT_TRUE(reading.changed);
}
