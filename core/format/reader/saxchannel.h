#pragma once

// The hand-over between the parser thread and the thread that builds the project
// (SaxPipeline): SAX events recorded compactly into 1 MiB blocks, passed through a short
// bounded queue, and replayed into a SaxHandler in order.
//
// Either tokenizer records through SaxRecorder: the fast one (FastJsonScanner) and
// nlohmann's own parser (through an adapter). When the fast one gives up part-way, nlohmann's
// parser reads the input again from the start and the recorder drops the events the fast one
// already handed over: the handler sees each event once, in order.

#include "format/reader/saxhandler.h"
#include "text/shorttext.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

// Blocks of recorded events passed from the parser thread to the handler's thread.
class SaxChannel
{
public:
    static constexpr std::size_t BlockSize = std::size_t(1) << 20;
    // Few blocks in flight: enough to absorb jitter between the threads, small enough that
    // memory does not grow with the file.
    static constexpr std::size_t MaxQueued = 4;

    // `sideWork` is other work either thread may do, a step at a time (returning whether
    // there was any): the parser's thread does a step before each block is queued, and as
    // many as there are while the queue is full; the handler's thread does them while the
    // queue is empty (SaxPipeline).
    explicit SaxChannel(std::function<bool()> sideWork = {})
        : m_sideWork(std::move(sideWork))
    { }

    // Parser side: hands over a full block and returns another to fill, empty or holding old
    // bytes to write over. Returns false when the consumer asked to stop.
    bool push(std::string &block);
    void finish();

    // Handler side: the next block, or false at the end.
    bool pop(std::string &block);
    void stop();
    bool stopRequested() const { return m_stopFlag.load(std::memory_order_relaxed); }

private:
    std::function<bool()> m_sideWork;
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<std::string> m_queue;
    std::vector<std::string> m_spare;
    bool m_done = false;
    bool m_stop = false;
    std::atomic<bool> m_stopFlag {false};
};

// The parser thread's side: appends each event to the current block. Every method returns
// false when the consumer asked to stop.
class SaxRecorder
{
public:
    enum Tag : char {
        Null,
        True,
        False,
        Integer,
        Unsigned,
        Float,
        String,
        Key,
        StartObject,
        EndObject,
        StartArray,
        EndArray,
        Error,
        BlockEnd // the rest of the block is room never written
    };

    explicit SaxRecorder(SaxChannel &channel);

    // The input is read again from its start by another tokenizer: the events recorded so far
    // are not recorded a second time.
    void restart()
    {
        m_skip = m_count;
        m_count = 0;
    }
    std::uint64_t count() const { return m_count; }

    bool null() { return tag(Null); }
    bool boolean(bool value) { return tag(value ? True : False); }
    bool integer(std::int64_t value) { return fixed(Integer, value); }
    bool unsignedInteger(std::uint64_t value) { return fixed(Unsigned, value); }
    // The float's text too: an attribute keeps a number as the file spells it ("3.10").
    bool floating(double value, std::string_view text);
    // Inlined into the fast scanner's loop (FastJsonScanner says why).
    [[gnu::always_inline]] bool string(std::string_view value) { return text(String, value); }
    [[gnu::always_inline]] bool key(std::string_view value) { return text(Key, value); }
    bool startObject() { return tag(StartObject); }
    bool endObject() { return tag(EndObject); }
    bool startArray() { return tag(StartArray); }
    bool endArray() { return tag(EndArray); }
    bool parseError(std::uint64_t position, std::string_view lastToken, std::int32_t id,
                    std::string_view what);

    // Hands over what is left at the end of the parse.
    void flush();

private:
    bool skipped()
    {
        ++m_count;
        if (m_skip == 0) [[likely]]
            return false;
        --m_skip;
        return true;
    }
    bool tag(Tag t)
    {
        if (skipped())
            return !m_channel.stopRequested();
        room(1);
        *m_out++ = t;
        return next();
    }
    template<typename T>
    bool fixed(Tag t, T value)
    {
        if (skipped())
            return !m_channel.stopRequested();
        room(1 + sizeof(T));
        *m_out++ = t;
        put(value);
        return next();
    }
    [[gnu::always_inline]] bool text(Tag t, std::string_view value)
    {
        if (skipped())
            return !m_channel.stopRequested();
        room(1 + sizeof(std::uint64_t) + value.size());
        *m_out++ = t;
        putText(value);
        return next();
    }
    // The block is written through a pointer into a string whose size is its whole room, and
    // ends with a BlockEnd tag: appending to the string checked and grew it for every event
    // (a fifth of the tokenizer's thread), and cutting it to what was written would have the
    // next use zero the room again. Makes room for `bytes` more.
    void room(std::size_t bytes)
    {
        if (std::size_t(m_blockEnd - m_out) < bytes) [[unlikely]]
            grow(bytes);
    }
    void grow(std::size_t bytes);
    // Takes m_block as the block to write: a new one (empty) or a recycled one (sized to its
    // room, holding old bytes to write over).
    void open();
    // Ends m_block after what was written, ready to hand over. Writes the BlockEnd tag
    // without moving past it, so that ending the block again (after a hand-over that threw)
    // writes the same byte.
    void close();
    template<typename T>
    void put(T value)
    {
        std::memcpy(m_out, &value, sizeof(T));
        m_out += sizeof(T);
    }
    void putText(std::string_view value)
    {
        put(std::uint64_t(value.size()));
        copyText(m_out, value);
        m_out += value.size();
    }
    bool next()
    {
        if (m_out >= m_handOver)
            return handOver();
        return !m_channel.stopRequested();
    }
    bool handOver();

    SaxChannel &m_channel;
    std::string m_block;
    char *m_out = nullptr; // where the next event goes in m_block
    char *m_handOver = nullptr; // once written past, the block is handed over
    char *m_blockEnd = nullptr; // the end of m_block's room, short of a byte for BlockEnd
    std::uint64_t m_count = 0;
    std::uint64_t m_skip = 0;
};

// Reading back what SaxRecorder wrote (SaxReplayer): each moves `pos` past what it read.
template<typename T>
T readSaxValue(const char *&pos)
{
    T value;
    std::memcpy(&value, pos, sizeof(T));
    pos += sizeof(T);
    return value;
}
inline std::string_view readSaxText(const char *&pos)
{
    const auto size = std::size_t(readSaxValue<std::uint64_t>(pos));
    const std::string_view text(pos, size);
    pos += size;
    return text;
}
// The parser's error recorded at `pos` (after its tag), handed to the handler.
void replaySaxError(SaxHandler &handler, const char *&pos);

// The handler's side: reads events back from a block and calls the handler, text as views
// into the block. A template over the handler's type: replaying into a final handler
// (SaxHandler::replay() overridden with SaxReplayer<Itself>) makes each event a direct call
// the compiler can inline, where a virtual call per event was a tenth of the model's thread.
template<typename Handler>
class SaxReplayer
{
public:
    explicit SaxReplayer(Handler &handler)
        : m_handler(handler)
    { }

    // Returns false when the handler stopped (or the parser reported an error).
    bool replay(const std::string &block)
    {
        m_pos = block.data();
        const char *end = m_pos + block.size();
        while (m_pos < end) {
            const auto t = static_cast<SaxRecorder::Tag>(*m_pos++);
            bool ok = true;
            switch (t) {
            case SaxRecorder::Null:
                ok = m_handler.null();
                break;
            case SaxRecorder::True:
            case SaxRecorder::False:
                ok = m_handler.boolean(t == SaxRecorder::True);
                break;
            case SaxRecorder::Integer:
                ok = m_handler.integer(read<std::int64_t>());
                break;
            case SaxRecorder::Unsigned:
                ok = m_handler.unsignedInteger(read<std::uint64_t>());
                break;
            case SaxRecorder::Float: {
                const auto value = read<double>();
                ok = m_handler.floating(value, readText());
                break;
            }
            case SaxRecorder::String:
                ok = m_handler.string(readText());
                break;
            case SaxRecorder::Key:
                ok = m_handler.key(readText());
                break;
            case SaxRecorder::StartObject:
                ok = m_handler.startObject();
                break;
            case SaxRecorder::EndObject:
                ok = m_handler.endObject();
                break;
            case SaxRecorder::StartArray:
                ok = m_handler.startArray();
                break;
            case SaxRecorder::EndArray:
                ok = m_handler.endArray();
                break;
            case SaxRecorder::BlockEnd:
                return true;
            case SaxRecorder::Error:
                replaySaxError(m_handler, m_pos);
                return false;
            }
            if (!ok)
                return false;
        }
        return true;
    }

private:
    template<typename T>
    T read()
    {
        return readSaxValue<T>(m_pos);
    }
    std::string_view readText() { return readSaxText(m_pos); }

    Handler &m_handler;
    const char *m_pos = nullptr;
};

} // namespace claimline
