#include "format/reader/saxpipeline.h"

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace claimline {

namespace {

using json = nlohmann::json;

// The parser reads through this adapter: one comparison per character on the fast path, as
// with a pointer range, and a refill from the Read function at the end of each buffer. (An
// iterator range would do the same work with more indirection per character, and mapping
// the file would turn a file truncated while we read into a SIGBUS.)
class ReadAdapter
{
public:
    using char_type = char;
    static constexpr std::int64_t BufferSize = std::int64_t(1) << 20;

    explicit ReadAdapter(const SaxPipeline::Read &read)
        : m_read(&read)
        , m_buffer(new char[BufferSize])
    { }

    std::char_traits<char>::int_type get_character()
    {
        if (m_pos != m_end) [[likely]]
            return std::char_traits<char>::to_int_type(*m_pos++);
        return refill();
    }

private:
    std::char_traits<char>::int_type refill()
    {
        if (m_finished)
            return std::char_traits<char>::eof();
        const std::int64_t n = (*m_read)(m_buffer.get(), BufferSize);
        if (n <= 0) {
            m_finished = true;
            return std::char_traits<char>::eof();
        }
        m_pos = m_buffer.get();
        m_end = m_pos + n;
        return std::char_traits<char>::to_int_type(*m_pos++);
    }

    const SaxPipeline::Read *m_read;
    std::unique_ptr<char[]> m_buffer;
    const char *m_pos = nullptr;
    const char *m_end = nullptr;
    bool m_finished = false;
};

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
    Error
};

// An error from the parser thread, re-raised on this one with the parser's own message.
class ForwardedError final : public nlohmann::detail::exception
{
public:
    ForwardedError(int id, const char *what)
        : exception(id, what)
    { }
};

// Blocks of recorded events passed from the parser thread to the handler's thread.
class Channel
{
public:
    static constexpr std::size_t BlockSize = std::size_t(1) << 20;
    // Few blocks in flight: enough to absorb jitter between the threads, small enough that
    // memory does not grow with the file.
    static constexpr std::size_t MaxQueued = 4;

    // Parser side: hands over a full block and returns an empty one to fill. Returns false
    // when the consumer asked to stop.
    bool push(std::string &block)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_queue.size() < MaxQueued || m_stop; });
        if (m_stop)
            return false;
        m_queue.push_back(std::move(block));
        if (m_spare.empty()) {
            block = std::string();
            block.reserve(BlockSize + 64);
        } else {
            block = std::move(m_spare.back());
            m_spare.pop_back();
        }
        block.clear();
        m_notEmpty.notify_one();
        return true;
    }
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
        m_notEmpty.notify_one();
    }

    // Handler side: the next block, or false at the end.
    bool pop(std::string &block)
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return !m_queue.empty() || m_done; });
        if (m_queue.empty())
            return false;
        if (!block.empty() || block.capacity() > 0)
            m_spare.push_back(std::move(block));
        block = std::move(m_queue.front());
        m_queue.pop_front();
        m_notFull.notify_one();
        return true;
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_stopFlag.store(true, std::memory_order_relaxed);
        m_notFull.notify_all();
    }
    bool stopRequested() const { return m_stopFlag.load(std::memory_order_relaxed); }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<std::string> m_queue;
    std::vector<std::string> m_spare;
    bool m_done = false;
    bool m_stop = false;
    std::atomic<bool> m_stopFlag {false};
};

// The SAX handler on the parser thread: appends each event to the current block.
class Recorder final : public nlohmann::json_sax<json>
{
public:
    explicit Recorder(Channel &channel)
        : m_channel(channel)
    {
        m_block.reserve(Channel::BlockSize + 64);
    }

    bool null() override { return tag(Null); }
    bool boolean(bool value) override { return tag(value ? True : False); }
    bool number_integer(number_integer_t value) override { return fixed(Integer, value); }
    bool number_unsigned(number_unsigned_t value) override { return fixed(Unsigned, value); }
    // The float's text too: an attribute keeps a number as the file spells it ("3.10").
    bool number_float(number_float_t value, const string_t &text) override
    {
        m_block.push_back(Float);
        append(value);
        appendText(text);
        return next();
    }
    bool string(string_t &value) override { return text(String, value); }
    bool binary(binary_t &) override { return tag(Null); } // JSON text has no binary values
    bool start_object(std::size_t) override { return tag(StartObject); }
    bool key(string_t &value) override { return text(Key, value); }
    bool end_object() override { return tag(EndObject); }
    bool start_array(std::size_t) override { return tag(StartArray); }
    bool end_array() override { return tag(EndArray); }
    bool parse_error(std::size_t position, const std::string &lastToken,
                     const nlohmann::detail::exception &ex) override
    {
        m_block.push_back(Error);
        append(std::uint64_t(position));
        append(std::int32_t(ex.id));
        appendText(lastToken);
        appendText(ex.what());
        return false;
    }

    // Hands over what is left at the end of the parse.
    void flush()
    {
        if (!m_block.empty())
            m_channel.push(m_block);
        m_channel.finish();
    }

private:
    bool tag(Tag t)
    {
        m_block.push_back(t);
        return next();
    }
    template<typename T>
    bool fixed(Tag t, T value)
    {
        m_block.push_back(t);
        append(value);
        return next();
    }
    bool text(Tag t, const std::string &value)
    {
        m_block.push_back(t);
        appendText(value);
        return next();
    }
    template<typename T>
    void append(T value)
    {
        char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        m_block.append(bytes, sizeof(T));
    }
    void appendText(std::string_view value)
    {
        append(std::uint64_t(value.size()));
        m_block.append(value);
    }
    bool next()
    {
        if (m_block.size() >= Channel::BlockSize)
            return m_channel.push(m_block);
        return !m_channel.stopRequested();
    }

    Channel &m_channel;
    std::string m_block;
};

// Reads events back from a block and calls the handler.
class Replayer
{
public:
    explicit Replayer(SaxPipeline::Handler &handler)
        : m_handler(handler)
    { }

    // Returns false when the handler stopped (or the parser reported an error).
    bool replay(const std::string &block)
    {
        m_pos = block.data();
        const char *end = m_pos + block.size();
        while (m_pos < end) {
            const Tag t = static_cast<Tag>(*m_pos++);
            bool ok = true;
            switch (t) {
            case Null:
                ok = m_handler.null();
                break;
            case True:
            case False:
                ok = m_handler.boolean(t == True);
                break;
            case Integer:
                ok = m_handler.number_integer(read<std::int64_t>());
                break;
            case Unsigned:
                ok = m_handler.number_unsigned(read<std::uint64_t>());
                break;
            case Float: {
                const auto value = read<double>();
                readText(m_scratch);
                ok = m_handler.number_float(value, m_scratch);
                break;
            }
            case String:
                readText(m_scratch);
                ok = m_handler.string(m_scratch);
                break;
            case Key:
                readText(m_scratch);
                ok = m_handler.key(m_scratch);
                break;
            case StartObject:
                ok = m_handler.start_object(std::size_t(-1));
                break;
            case EndObject:
                ok = m_handler.end_object();
                break;
            case StartArray:
                ok = m_handler.start_array(std::size_t(-1));
                break;
            case EndArray:
                ok = m_handler.end_array();
                break;
            case Error: {
                const auto position = read<std::uint64_t>();
                const auto id = read<std::int32_t>();
                std::string lastToken;
                readText(lastToken);
                std::string what;
                readText(what);
                const ForwardedError error(id, what.c_str());
                m_handler.parse_error(std::size_t(position), lastToken, error);
                return false;
            }
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
        T value;
        std::memcpy(&value, m_pos, sizeof(T));
        m_pos += sizeof(T);
        return value;
    }
    void readText(std::string &out)
    {
        const auto size = read<std::uint64_t>();
        out.assign(m_pos, std::size_t(size));
        m_pos += size;
    }

    SaxPipeline::Handler &m_handler;
    const char *m_pos = nullptr;
    std::string m_scratch;
};

} // namespace

bool SaxPipeline::run(const Read &read, Handler &handler)
{
    Channel channel;
    bool parsed = false;
    std::thread parser([&] {
        Recorder recorder(channel);
        try {
            nlohmann::detail::parser<json, ReadAdapter> jsonParser(ReadAdapter(read), nullptr,
                                                                   /*allow_exceptions=*/true,
                                                                   /*ignore_comments=*/false);
            parsed = jsonParser.sax_parse(&recorder, /*strict=*/true);
        } catch (const std::exception &) {
            // Only allocation can throw here (SAX parsing reports errors to the handler);
            // the handler then sees an input that ends early.
            parsed = false;
        }
        recorder.flush();
    });

    Replayer replayer(handler);
    std::string block;
    bool ok = true;
    try {
        while (channel.pop(block)) {
            if (!replayer.replay(block)) {
                ok = false;
                break;
            }
        }
    } catch (...) {
        // The parser thread must be joined before anything unwinds past it.
        channel.stop();
        parser.join();
        throw;
    }
    channel.stop();
    parser.join();
    return ok && parsed;
}

} // namespace claimline
