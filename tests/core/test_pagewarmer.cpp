// PageWarmer: the pages just ahead of where the model is written are faulted in by the
// parser's thread, no further, and what memory holds is never changed.

#include "format/reader/pagewarmer.h"

#include <gtest/gtest.h>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

using namespace claimline;

namespace {

constexpr std::size_t MiB = std::size_t(1) << 20;

// Whether the page holding `address` is in memory.
bool resident(const char *address)
{
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    unsigned char flag = 0;
    void *start = reinterpret_cast<void *>(reinterpret_cast<std::uintptr_t>(address) & ~(page - 1));
    return mincore(start, 1, &flag) == 0 && (flag & 1) != 0;
}

int warmAll(PageWarmer &warmer)
{
    int steps = 0;
    while (warmer.warmStep())
        ++steps;
    return steps;
}

} // namespace

TEST(PageWarmer, ASmallInputWarmsLittle)
{
    std::vector<char> memory(16 * MiB);
    PageWarmer warmer(100 * 1024);
    warmer.follow(0, memory.data(), memory.data() + memory.size());
    EXPECT_LE(warmAll(warmer), 1); // one step of 100 KiB, or none where the kernel cannot
}

TEST(PageWarmer, FaultsInTheMemoryAheadOfTheWriterAndNoFurther)
{
    const std::size_t size = 64 * MiB;
    void *mapped = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(mapped, MAP_FAILED);
    char *memory = static_cast<char *>(mapped);
    // No transparent huge pages here: residency is then counted per small page.
    madvise(memory, size, MADV_NOHUGEPAGE);
    std::memset(memory, 'x', 4096); // written so far: the first page

    PageWarmer warmer;
    warmer.follow(0, memory + 4096, memory + size);
    const int steps = warmAll(warmer);
    if (steps == 0) {
        munmap(memory, size);
        GTEST_SKIP() << "this kernel cannot populate pages (before Linux 5.14)";
    }
    EXPECT_EQ(steps, int(PageWarmer::MaxAhead / PageWarmer::Step));
    EXPECT_TRUE(resident(memory + 4096));
    EXPECT_TRUE(resident(memory + 4096 + PageWarmer::MaxAhead - 1));
    EXPECT_FALSE(resident(memory + 4096 + PageWarmer::MaxAhead + 64 * 1024));
    EXPECT_FALSE(resident(memory + size - 1));
    EXPECT_EQ(memory[0], 'x');
    EXPECT_EQ(memory[4096], 0);

    // The writer moves on: the warmer follows, a step at a time, to Ahead past it again.
    std::memset(memory + 4096, 'y', 4 * MiB);
    warmer.follow(0, memory + 4096 + 4 * MiB, memory + size);
    EXPECT_EQ(warmAll(warmer), 2);
    EXPECT_TRUE(resident(memory + 4096 + 4 * MiB + PageWarmer::MaxAhead - 1));
    EXPECT_TRUE(
        std::all_of(memory + 4096, memory + 4096 + 4 * MiB, [](char c) { return c == 'y'; }));

    // Never past the end of what is allocated.
    warmer.follow(0, memory + size - MiB, memory + size);
    warmAll(warmer);
    EXPECT_TRUE(resident(memory + size - 1));

    // Memory freed meanwhile (the model reallocated an array): left alone, and the warmer
    // goes on working.
    munmap(memory, size);
    warmer.follow(0, memory, memory + size - MiB);
    EXPECT_EQ(warmAll(warmer), int(PageWarmer::MaxAhead / PageWarmer::Step));
    std::vector<char> live(4 * MiB);
    warmer.follow(0, live.data(), live.data() + live.size());
    EXPECT_EQ(warmAll(warmer), 2);
}
