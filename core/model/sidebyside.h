#pragma once

// sideBySide(): two pieces of independent work on two threads when a second one is worth
// starting (a pass over a million items split in halves, or events beside claims), else one
// after the other on this thread. The second runs on the helper thread; neither may touch
// what the other writes, nor build anything lazily that the other reads.

#include <cstddef>
#include <exception>
#include <thread>

namespace claimline {

// Below this many items, a second thread costs more than it saves (a pass over them takes
// about as long as starting a thread).
inline constexpr std::size_t SideBySideThreshold = std::size_t(1) << 15;

template<typename First, typename Second>
void sideBySide(bool worthASecondThread, First &&first, Second &&second)
{
    if (!worthASecondThread || std::thread::hardware_concurrency() < 2) {
        first();
        second();
        return;
    }
    // An exception on either thread (a failed allocation at a million items) reaches the
    // caller after both are done, as it would on one thread.
    std::exception_ptr failed;
    std::thread helper([&second, &failed] {
        try {
            second();
        } catch (...) {
            failed = std::current_exception();
        }
    });
    try {
        first();
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (failed)
        std::rethrow_exception(failed);
}

} // namespace claimline
