#include "model/textarena.h"

#include "text/shorttext.h"

#include "model/memoryadvice.h"

#include <algorithm>
#include <cstring>

namespace claimline {

TextRef TextArena::add(std::string_view text)
{
    if (text.empty())
        return {};
    std::size_t length = text.size();
    if (length > TextRef::MaxLength) {
        length = TextRef::MaxLength;
        // Do not cut a UTF-8 sequence in half: back up over continuation bytes.
        while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xc0) == 0x80)
            --length;
    }
    std::uint64_t inChunk = m_next & (ChunkSize - 1);
    // When the last chunk was filled to its very end, m_next is the start of a chunk that is
    // not allocated yet (inChunk is 0 there, so the size test alone would miss it).
    const bool chunkMissing = (m_next >> ChunkBits) >= m_chunks.size();
    if (chunkMissing || inChunk + length > m_lastCapacity) {
        // Strings never straddle chunks, so a view is one pointer and a length. Every chunk
        // owns 64 MiB of offsets, but the first ones are allocated smaller and each next one
        // four times larger: a small project (or each of a fuzzer's thousands of inputs per
        // second) should not pay for 64 MiB. The unused tail of a chunk is never touched.
        // The memory is left uninitialised: the kernel maps pages on first write.
        const std::uint64_t grown = m_chunks.empty() ? FirstChunkSize : m_lastCapacity * 4;
        const std::uint64_t capacity = std::max<std::uint64_t>(length, std::min(grown, ChunkSize));
        m_chunks.emplace_back(static_cast<char *>(allocateHugePageable(capacity)),
                              [capacity](char *data) { releaseHugePageable(data, capacity); });
        m_lastCapacity = capacity;
        m_next = std::uint64_t(m_chunks.size() - 1) << ChunkBits;
        inChunk = 0;
    }
    copyText(m_chunks.back().get() + inChunk, text.substr(0, length));
    const TextRef ref(m_next, static_cast<std::uint32_t>(length));
    m_next += length;
    m_stored += length;
    return ref;
}

TextArena TextArena::share() const
{
    TextArena snapshot;
    snapshot.m_chunks = m_chunks;
    snapshot.m_next = m_next;
    snapshot.m_stored = m_stored;
    // The snapshot's last chunk counts as full at the snapshot's end: the original keeps
    // appending into its free tail, so the snapshot must never write there.
    snapshot.m_lastCapacity = m_next & (ChunkSize - 1);
    return snapshot;
}

TextRef TextArena::add(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return add(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

} // namespace claimline
