#include "format/reader/inputfingerprint.h"

#include <algorithm>
#include <cstring>

namespace claimline {

void InputFingerprint::Hash::word(std::uint64_t w)
{
    m_state = (m_state ^ w) * 0x100000001b3ull;
    m_state ^= m_state >> 29;
}

void InputFingerprint::Hash::add(const char *data, std::int64_t size)
{
    m_size += std::uint64_t(size);
    if (m_tailSize > 0) {
        const std::int64_t take = std::min<std::int64_t>(8 - m_tailSize, size);
        std::memcpy(m_tail + m_tailSize, data, std::size_t(take));
        m_tailSize += int(take);
        data += take;
        size -= take;
        if (m_tailSize < 8)
            return;
        std::uint64_t w = 0;
        std::memcpy(&w, m_tail, 8);
        word(w);
        m_tailSize = 0;
    }
    for (; size >= 8; data += 8, size -= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, data, 8);
        word(w);
    }
    std::memcpy(m_tail, data, std::size_t(size));
    m_tailSize = int(size);
}

std::uint64_t InputFingerprint::Hash::value() const
{
    Hash copy = *this;
    std::uint64_t w = 0;
    std::memcpy(&w, copy.m_tail, std::size_t(copy.m_tailSize));
    copy.word(w);
    copy.word(m_size);
    return copy.m_state;
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
