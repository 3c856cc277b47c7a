#include "format/reader/inputfingerprint.h"

#include <algorithm>
#include <cstring>

namespace claimline {

namespace {

std::uint64_t mix(std::uint64_t state, std::uint64_t word)
{
    state = (state ^ word) * 0x100000001b3ull;
    return state ^ (state >> 29);
}

// The next group of bytes at `data`, a word to each lane.
template<std::size_t Lanes>
void group(std::uint64_t (&lanes)[Lanes], const unsigned char *data)
{
    for (std::size_t lane = 0; lane < Lanes; ++lane) {
        std::uint64_t w = 0;
        std::memcpy(&w, data + 8 * lane, 8);
        lanes[lane] = mix(lanes[lane], w);
    }
}

} // namespace

void InputFingerprint::Hash::add(const char *data, std::int64_t size)
{
    m_size += std::uint64_t(size);
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    if (m_tailSize > 0) {
        const std::int64_t take = std::min<std::int64_t>(GroupSize - m_tailSize, size);
        std::memcpy(m_tail + m_tailSize, bytes, std::size_t(take));
        m_tailSize += int(take);
        bytes += take;
        size -= take;
        if (m_tailSize < GroupSize)
            return;
        group(m_lanes, m_tail);
        m_tailSize = 0;
    }
    // The lanes in locals, so that they stay in registers: stores to members could alias
    // the bytes read.
    std::uint64_t lanes[Lanes];
    std::copy_n(m_lanes, Lanes, lanes);
    for (; size >= GroupSize; bytes += GroupSize, size -= GroupSize)
        group(lanes, bytes);
    std::copy_n(lanes, Lanes, m_lanes);
    if (size > 0)
        std::memcpy(m_tail, bytes, std::size_t(size));
    m_tailSize = int(size);
}

std::uint64_t InputFingerprint::Hash::value() const
{
    std::uint64_t state = m_lanes[0];
    for (int lane = 1; lane < Lanes; ++lane)
        state = mix(state, m_lanes[lane]);
    for (int at = 0; at < m_tailSize; at += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, m_tail + at, std::size_t(std::min(8, m_tailSize - at)));
        state = mix(state, w);
    }
    return mix(state, m_size);
}

void InputFingerprint::hashFirst(const char *data, std::int64_t size)
{
    while (size > 0) {
        const std::int64_t room = BlockSize - m_firstSize % BlockSize;
        const std::int64_t part = std::min(room, size);
        m_current.add(data, part);
        m_firstSize += part;
        data += part;
        size -= part;
        if (m_firstSize % BlockSize == 0) {
            m_blocks.push_back(m_current.value());
            m_current = Hash();
        }
    }
}

std::int64_t InputFingerprint::first(const Read &read, char *buffer, std::int64_t capacity)
{
    const std::int64_t n = read(buffer, capacity);
    if (n > 0)
        hashFirst(buffer, n);
    return n;
}

std::int64_t InputFingerprint::again(const Read &read, char *buffer, std::int64_t capacity)
{
    if (m_changed)
        return -1;
    if (m_blockPos == std::int64_t(m_block.size()) && m_againSize < m_firstSize) {
        // The next block of what the first read saw: read it whole, then compare.
        const std::int64_t want = std::min(BlockSize, m_firstSize - m_againSize);
        m_block.resize(std::size_t(want));
        std::int64_t got = 0;
        while (got < want) {
            const std::int64_t n = read(m_block.data() + got, want - got);
            if (n <= 0)
                break;
            got += n;
        }
        Hash hash;
        hash.add(m_block.data(), got);
        const std::size_t index = std::size_t(m_againSize / BlockSize);
        const std::uint64_t expected
            = index < m_blocks.size() ? m_blocks[index] : m_current.value();
        if (got != want || hash.value() != expected) {
            m_changed = true;
            return -1;
        }
        m_againSize += got;
        m_blockPos = 0;
    }
    if (m_blockPos < std::int64_t(m_block.size())) {
        const std::int64_t n = std::min(capacity, std::int64_t(m_block.size()) - m_blockPos);
        std::memcpy(buffer, m_block.data() + m_blockPos, std::size_t(n));
        m_blockPos += n;
        return n;
    }
    // Past what the first read saw: new bytes, nothing to check them against.
    return read(buffer, capacity);
}

} // namespace claimline
