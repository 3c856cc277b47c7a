#include "format/parallelwrite.h"

#include "format/jsonoutput.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace claimline {

namespace {

class Pieces
{
public:
    using Make = std::function<void(int, std::size_t, std::string &)>;

    Pieces(std::size_t count, int threads, const Make &make)
        : m_count(count)
        , m_slots(std::size_t(2 * threads))
        , m_make(make)
    { }

    using Write = std::function<bool(std::string_view)>;

    bool run(const Write &write, int threads)
    {
        std::vector<std::thread> helpers;
        helpers.reserve(std::size_t(threads - 1));
        try {
            for (int thread = 1; thread < threads; ++thread)
                helpers.emplace_back([this, thread] { help(thread); });
            writeAll(write);
        } catch (...) {
            stop(std::current_exception());
        }
        for (std::thread &helper : helpers)
            helper.join();
        if (m_error)
            std::rethrow_exception(m_error);
        return !m_refused;
    }

private:
    struct Slot
    {
        std::string text;
        bool ready = false;
    };

    // The calling thread: writes the next piece once it is made, and makes pieces itself
    // while it waits for one.
    void writeAll(const Write &write)
    {
        std::unique_lock lock(m_mutex);
        while (m_written < m_count && !m_stopped) {
            Slot &slot = m_slots[m_written % m_slots.size()];
            if (slot.ready) {
                // No thread touches this slot until m_written moves past it.
                lock.unlock();
                const bool ok = write(slot.text);
                lock.lock();
                slot.ready = false;
                ++m_written;
                if (!ok)
                    m_stopped = m_refused = true;
                m_changed.notify_all();
            } else if (canMake()) {
                makeOne(lock, 0);
            } else {
                m_changed.wait(lock);
            }
        }
    }

    void help(int thread)
    {
        try {
            std::unique_lock lock(m_mutex);
            while (true) {
                m_changed.wait(lock,
                               [this] { return m_stopped || m_next >= m_count || canMake(); });
                if (m_stopped || m_next >= m_count)
                    return;
                makeOne(lock, thread);
            }
        } catch (...) {
            stop(std::current_exception());
        }
    }

    // Whether the next piece has a free slot.
    bool canMake() const { return m_next < m_count && m_next < m_written + m_slots.size(); }

    // Makes the next piece; called and returns with the lock held.
    void makeOne(std::unique_lock<std::mutex> &lock, int thread)
    {
        const std::size_t piece = m_next++;
        Slot &slot = m_slots[piece % m_slots.size()];
        std::string text = std::move(slot.text);
        lock.unlock();
        text.clear();
        m_make(thread, piece, text);
        lock.lock();
        slot.text = std::move(text);
        slot.ready = true;
        m_changed.notify_all();
    }

    void stop(std::exception_ptr error)
    {
        const std::lock_guard lock(m_mutex);
        if (!m_error)
            m_error = std::move(error);
        m_stopped = true;
        m_changed.notify_all();
    }

    const std::size_t m_count;
    std::vector<Slot> m_slots;
    const Make &m_make;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::size_t m_next = 0; // the next piece to make
    std::size_t m_written = 0; // pieces handed to the output
    bool m_stopped = false;
    bool m_refused = false; // by the writer
    std::exception_ptr m_error;
};

} // namespace

int pieceThreads(int asked)
{
    if (asked > 0)
        return asked;
    return int(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
}

bool writeInOrder(const std::function<bool(std::string_view piece)> &write, std::size_t count,
                  int threads, const MakePiece &make)
{
    if (threads < 1)
        threads = 1;
    return Pieces(count, threads, make).run(write, threads);
}

bool writeInOrder(JsonOutput &out, std::size_t count, int threads, const MakePiece &make)
{
    return writeInOrder([&out](std::string_view piece) { return out.write(piece); }, count, threads,
                        make)
        && !out.failed();
}

} // namespace claimline
