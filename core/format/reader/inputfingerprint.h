#pragma once

// InputFingerprint: the input read a second time must be the bytes of the first read.
//
// Why: when FastJsonScanner gives up, nlohmann's parser reads the input again from its start
// and the first N events it reports are dropped, because the scanner already handed them on.
// That is only sound if those bytes did not change in between. A file rewritten in place
// under the reader would otherwise splice the events of two files, unbalanced (an end without
// its start). So the first read is hashed in blocks, and the second read is checked block by
// block before nlohmann sees any byte of a block; a difference ends the input there.

#include <cstdint>
#include <functional>
#include <vector>

namespace claimline {

class InputFingerprint
{
public:
    using Read = std::function<std::int64_t(char *buffer, std::int64_t capacity)>;
    static constexpr std::int64_t BlockSize = std::int64_t(1) << 20;

    // The first read, through this: every byte is hashed on its way.
    std::int64_t first(const Read &read, char *buffer, std::int64_t capacity);
    // The second read, through this: up to where the first read got, each block is read
    // whole, checked and only then handed over; a difference (or an earlier end) ends the
    // input (returns -1) and sets changed().
    std::int64_t again(const Read &read, char *buffer, std::int64_t capacity);
    bool changed() const { return m_changed; }

private:
    // A word-at-a-time hash that gives the same value however the bytes are split. Four
    // lanes take turns at the words, so the multiplications of four words overlap: one lane
    // hashed 0.5 GiB in 0.14 s of the tokenizer's thread, a chain of dependent multiplies.
    class Hash
    {
    public:
        void add(const char *data, std::int64_t size);
        std::uint64_t value() const;

    private:
        static constexpr int Lanes = 4;
        static constexpr int GroupSize = 8 * Lanes;

        std::uint64_t m_lanes[Lanes] = {0x9e3779b97f4a7c15ull, 0xc2b2ae3d27d4eb4full,
                                        0x165667b19e3779f9ull, 0x27d4eb2f165667c5ull};
        unsigned char m_tail[GroupSize] = {};
        int m_tailSize = 0;
        std::uint64_t m_size = 0;
    };

    void hashFirst(const char *data, std::int64_t size);

    std::vector<std::uint64_t> m_blocks; // the first read's whole blocks
    Hash m_current; // the first read's block in progress
    std::int64_t m_firstSize = 0;
    std::int64_t m_againSize = 0;
    std::vector<char> m_block; // the second read's block being checked
    std::int64_t m_blockPos = 0; // how much of m_block is handed over
    bool m_changed = false;
};

} // namespace claimline
