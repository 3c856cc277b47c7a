// sideBySide(): both pieces of work run, whether on one thread or two, and an exception on
// either (a failed allocation at a million items) reaches the caller once both are done.

#include "model/sidebyside.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace claimline;

TEST(SideBySide, BothRunOnOneThreadOrTwo)
{
    for (const bool two : {false, true}) {
        std::atomic<int> done {0};
        sideBySide(
            two, [&] { done += 1; }, [&] { done += 2; });
        EXPECT_EQ(done, 3) << two;
    }
}

TEST(SideBySide, AnExceptionOnEitherThreadReachesTheCaller)
{
    for (const bool two : {false, true}) {
        std::atomic<bool> otherRan {false};
        EXPECT_THROW(sideBySide(
                         two, [] { throw std::runtime_error("first"); }, [&] { otherRan = true; }),
                     std::runtime_error);
        if (two && std::thread::hardware_concurrency() > 1) {
            EXPECT_TRUE(otherRan) << "the helper thread was joined, not abandoned";
        }
        EXPECT_THROW(sideBySide(
                         two, [] {}, [] { throw std::runtime_error("second"); }),
                     std::runtime_error)
            << two;
    }
}
