#pragma once

// PageWarmer: the memory the model is about to be written to, faulted in ahead of the writes
// by whichever thread of the load has time.
//
// Why: a 1M-event load writes half a gigabyte of fresh memory (the text arena, the event and
// claim arrays), and the kernel zeroes every fresh page in the page fault of its first write:
// ~20% of the thread that builds the model. The tokenizer's thread does a step with each
// block it hands over and while it waits for room; the model's thread does steps while it
// waits for a block (cold, the zeroing can be most of the tokenizer's time). A step faults
// in, a few MiB ahead, the pages just past where an array is being written.
// It never writes: the kernel populates the pages (prefaultForWriting) and leaves what they
// hold alone, so racing with the writer is harmless, and the memory it touches beyond what the
// load ends up using is at most `ahead` per region.

#include <algorithm>
#include <array>
#include <cstddef>
#include <mutex>

namespace claimline {

class PageWarmer
{
public:
    static constexpr std::size_t MaxAhead = std::size_t(8) << 20;
    static constexpr std::size_t Step = std::size_t(2) << 20; // one huge page
    static constexpr std::size_t Regions = 3;

    // Warms up to `ahead` bytes past each writer (at most MaxAhead): a small input should not
    // end with megabytes touched that it never writes.
    explicit PageWarmer(std::size_t ahead = MaxAhead)
        : m_ahead(std::min(ahead, MaxAhead))
    { }

    // The model's thread: region `region` is written next at `next` and allocated up to `end`.
    void follow(std::size_t region, const char *next, const char *end);
    // Either thread: faults in one step of a region that is not warm Ahead past where
    // it is written; false when there is nothing to do.
    bool warmStep();

private:
    struct Region
    {
        const char *next = nullptr; // as the model's thread last said
        const char *end = nullptr;
        const char *warmed = nullptr; // how far the steps have faulted in
    };

    std::mutex m_mutex;
    std::array<Region, Regions> m_regions;
    const std::size_t m_ahead;
    bool m_unsupported = false;
};

} // namespace claimline
