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
    } else {
        // Its old bytes are left for the recorder to write over: clearing it would have the
        // recorder zero the whole block again to size it to its room.
        block = std::move(m_spare.back());
        m_spare.pop_back();
    }
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
    open();
}

namespace {

// Room past the hand-over point: the event that crosses it is written whole.
constexpr std::size_t BlockSlack = std::size_t(4) << 10;

} // namespace

void SaxRecorder::open()
{
    // A recycled block keeps its size (its room): only a new one is sized, and zeroed, here.
    if (m_block.size() < SaxChannel::BlockSize + BlockSlack)
        m_block.resize(SaxChannel::BlockSize + BlockSlack);
    m_out = m_block.data();
    m_handOver = m_out + SaxChannel::BlockSize;
    m_blockEnd = m_out + m_block.size() - 1;
}

void SaxRecorder::close()
{
    *m_out = BlockEnd;
}

void SaxRecorder::grow(std::size_t bytes)
{
    // One event larger than the room left (a long string): the block grows to hold it.
    const auto used = std::size_t(m_out - m_block.data());
    m_block.resize(used + bytes + BlockSlack);
    m_out = m_block.data() + used;
    m_handOver = m_block.data() + SaxChannel::BlockSize;
    m_blockEnd = m_block.data() + m_block.size() - 1;
}

bool SaxRecorder::handOver()
{
    close();
    const bool ok = m_channel.push(m_block);
    open();
    return ok;
}

bool SaxRecorder::floating(double value, std::string_view text)
{
    if (skipped())
        return !m_channel.stopRequested();
    room(1 + sizeof(double) + sizeof(std::uint64_t) + text.size());
    *m_out++ = Float;
    put(value);
    putText(text);
    return next();
}

bool SaxRecorder::parseError(std::uint64_t position, std::string_view lastToken, std::int32_t id,
                             std::string_view what)
{
    // Never skipped: the tokenizer that gives up records no error.
    room(1 + sizeof(position) + sizeof(id) + 2 * sizeof(std::uint64_t) + lastToken.size()
         + what.size());
    *m_out++ = Error;
    put(position);
    put(id);
    putText(lastToken);
    putText(what);
    return false;
}

void SaxRecorder::flush()
{
    close();
    if (m_out != m_block.data())
        m_channel.push(m_block);
    m_channel.finish();
}

void replaySaxError(SaxHandler &handler, const char *&pos)
{
    const auto position = readSaxValue<std::uint64_t>(pos);
    const auto id = readSaxValue<std::int32_t>(pos);
    const std::string lastToken(readSaxText(pos));
    const std::string what(readSaxText(pos));
    const ForwardedError error(id, what.c_str());
    handler.parseError(position, lastToken, error);
}

bool SaxHandler::replay(const std::string &block)
{
    return SaxReplayer<SaxHandler>(*this).replay(block);
}

} // namespace claimline
