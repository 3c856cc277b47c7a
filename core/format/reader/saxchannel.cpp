#include "format/reader/saxchannel.h"

namespace claimline {

namespace {

// An error from the parser thread, re-raised on this one with the parser's own message.
class ForwardedError final : public nlohmann::detail::exception
{
public:
    ForwardedError(int id, const char *what)
        : exception(id, what)
    { }
};

} // namespace

bool SaxChannel::push(std::string &block)
{
    // A step of side work with every block, not only while the queue is full: when the
    // handler keeps up with the parser, the queue is never full, and the work would fall to
    // the handler's thread (the page warmer's zeroing did, 15% of that thread).
    if (m_sideWork && !m_stopFlag.load(std::memory_order_relaxed))
        m_sideWork();
    std::unique_lock lock(m_mutex);
    while (m_sideWork && m_queue.size() >= MaxQueued && !m_stop) {
        lock.unlock();
        const bool worked = m_sideWork();
        lock.lock();
        if (!worked)
            break;
    }
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

void SaxChannel::finish()
{
    std::lock_guard lock(m_mutex);
    m_done = true;
    m_notEmpty.notify_one();
}

bool SaxChannel::pop(std::string &block)
{
    std::unique_lock lock(m_mutex);
    // The parser is behind (its side work can be most of its time: the page warmer's zeroing
    // of fresh memory): the handler's thread takes steps of it rather than wait.
    while (m_sideWork && m_queue.empty() && !m_done && !m_stop) {
        lock.unlock();
        const bool worked = m_sideWork();
        lock.lock();
        if (!worked)
            break;
    }
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

void SaxChannel::stop()
{
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_stopFlag.store(true, std::memory_order_relaxed);
    m_notFull.notify_all();
}

SaxRecorder::SaxRecorder(SaxChannel &channel)
    : m_channel(channel)
{
    m_block.reserve(SaxChannel::BlockSize + 64);
}

bool SaxRecorder::floating(double value, std::string_view text)
{
    if (skipped())
        return !m_channel.stopRequested();
    m_block.push_back(Float);
    append(value);
    appendText(text);
    return next();
}

bool SaxRecorder::parseError(std::uint64_t position, std::string_view lastToken, std::int32_t id,
                             std::string_view what)
{
    // Never skipped: the tokenizer that gives up records no error.
    m_block.push_back(Error);
    append(position);
    append(id);
    appendText(lastToken);
    appendText(what);
    return false;
}

void SaxRecorder::flush()
{
    if (!m_block.empty())
        m_channel.push(m_block);
    m_channel.finish();
}

bool SaxReplayer::replay(const std::string &block)
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
            ok = m_handler.number_integer(read<std::int64_t>());
            break;
        case SaxRecorder::Unsigned:
            ok = m_handler.number_unsigned(read<std::uint64_t>());
            break;
        case SaxRecorder::Float: {
            const auto value = read<double>();
            readText(m_scratch);
            ok = m_handler.number_float(value, m_scratch);
            break;
        }
        case SaxRecorder::String:
            readText(m_scratch);
            ok = m_handler.string(m_scratch);
            break;
        case SaxRecorder::Key:
            readText(m_scratch);
            ok = m_handler.key(m_scratch);
            break;
        case SaxRecorder::StartObject:
            ok = m_handler.start_object(std::size_t(-1));
            break;
        case SaxRecorder::EndObject:
            ok = m_handler.end_object();
            break;
        case SaxRecorder::StartArray:
            ok = m_handler.start_array(std::size_t(-1));
            break;
        case SaxRecorder::EndArray:
            ok = m_handler.end_array();
            break;
        case SaxRecorder::Error: {
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

} // namespace claimline
