#pragma once

// sideBySide(): two pieces of independent work on two threads when a second one is worth
// starting (a pass over a million items split in halves, or events beside claims), else one
// after the other on this thread. The second runs on the helper thread; neither may touch
// what the other writes, nor build anything lazily that the other reads.

#include <thread>
#include <utility>

namespace claimline {

template<typename First, typename Second>
void sideBySide(bool worthASecondThread, First &&first, Second &&second)
{
    if (!worthASecondThread || std::thread::hardware_concurrency() < 2) {
        first();
        second();
        return;
    }
    std::thread helper(std::forward<Second>(second));
    first();
    helper.join();
}

} // namespace claimline
