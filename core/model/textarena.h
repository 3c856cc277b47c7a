#pragma once

// TextArena: append-only storage for the project's UTF-8 text.
//
// Why: a million events carry a title, a summary and an id each. As std::string or QString
// every one is a separate heap allocation with its own header and rounding, which costs more
// than the text itself. The arena packs text into large chunks that are allocated once and
// only touched as they fill (the kernel maps pages lazily), and each field holds an 8-byte
// TextRef. QStrings are made only for what is shown.
//
// Text is never moved once added, so string_views stay valid for the arena's life. Because
// nothing written is ever changed, a snapshot (share()) can hold on to the same chunks and be
// read on another thread while this arena keeps appending past the snapshot's end. Replaced
// text is not reclaimed until the project is saved and reloaded; edits are rare compared to
// the size of imported data, so that waste is bounded by what the user typed.

#include <QString>

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace claimline {

// A reference to text in a TextArena: a 40-bit offset and a 24-bit length, in two 32-bit
// words so that it packs into 4-byte aligned structs. The 24-bit length is the format's
// limit on a single string (16 MiB - 1), which the loader enforces.
class TextRef
{
public:
    static constexpr std::uint32_t MaxLength = (1u << 24) - 1;

    constexpr TextRef() = default;
    constexpr TextRef(std::uint64_t offset, std::uint32_t length)
        : m_low(static_cast<std::uint32_t>(offset))
        , m_high(static_cast<std::uint32_t>(offset >> 32) | (length << 8))
    { }

    constexpr std::uint64_t offset() const
    {
        return (static_cast<std::uint64_t>(m_high & 0xffu) << 32) | m_low;
    }
    constexpr std::uint32_t length() const { return m_high >> 8; }
    constexpr bool isEmpty() const { return length() == 0; }

    friend constexpr bool operator==(const TextRef &, const TextRef &) = default;

private:
    std::uint32_t m_low = 0;
    std::uint32_t m_high = 0;
};

static_assert(sizeof(TextRef) == 8 && alignof(TextRef) == 4);

class TextArena
{
public:
    // Each chunk owns 64 MiB of offsets (ChunkBits), so a TextRef finds its chunk with a
    // shift. Chunks are allocated from 64 KiB, each four times the last, up to 64 MiB: a
    // 1M-event project needs a handful, an almost empty one allocates next to nothing.
    static constexpr unsigned ChunkBits = 26;
    static constexpr std::uint64_t ChunkSize = std::uint64_t(1) << ChunkBits;
    static_assert(TextRef::MaxLength < ChunkSize);
    static constexpr std::uint64_t FirstChunkSize = std::uint64_t(64) << 10;

    TextArena() = default;
    TextArena(const TextArena &) = delete;
    TextArena &operator=(const TextArena &) = delete;
    TextArena(TextArena &&) noexcept = default;
    TextArena &operator=(TextArena &&) noexcept = default;

    // Copies text into the arena. Empty text gives the empty TextRef without storing
    // anything. Text longer than TextRef::MaxLength is truncated at a UTF-8 boundary; callers
    // that read untrusted input reject such text before it gets here.
    TextRef add(std::string_view text);
    TextRef add(const QString &text);

    std::string_view view(TextRef ref) const
    {
        if (ref.isEmpty())
            return {};
        const std::uint64_t offset = ref.offset();
        return {m_chunks[offset >> ChunkBits].get() + (offset & (ChunkSize - 1)), ref.length()};
    }
    QString text(TextRef ref) const
    {
        const std::string_view v = view(ref);
        return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    }

    // A read-only view of the text stored so far that shares the chunks (no copy): what an
    // autosave hands to its writer thread. Text added to either arena later never touches
    // the other's: the snapshot starts a chunk of its own for anything added to it.
    TextArena share() const;

    // Bytes of text stored (for statistics and tests).
    std::uint64_t size() const { return m_stored; }
    // Where the next text goes and the end of the memory allocated for it (a reader warms the
    // pages ahead of its writes: PageWarmer); null before the first chunk.
    std::pair<const char *, const char *> freeSpace() const
    {
        if (m_chunks.empty() || (m_next >> ChunkBits) >= m_chunks.size())
            return {nullptr, nullptr};
        const char *chunk = m_chunks.back().get();
        return {chunk + (m_next & (ChunkSize - 1)), chunk + m_lastCapacity};
    }

private:
    std::vector<std::shared_ptr<char[]>> m_chunks; // shared with snapshots (share())
    std::uint64_t m_next = 0; // global offset of the next free byte
    std::uint64_t m_lastCapacity = 0; // bytes allocated for the last chunk
    std::uint64_t m_stored = 0;
};

} // namespace claimline
