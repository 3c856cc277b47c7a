// HugePageAllocator: a big array starts on a huge page boundary, so huge pages can back all
// of it (the load's id index and text arena fault in 2 MiB at a time), and it holds its
// values like any vector; small arrays are ordinary allocations.

#include "model/memoryadvice.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

using namespace claimline;

TEST(HugePageAllocator, BigArraysStartOnAHugePage)
{
    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> values(HugePageBytes / 8 + 1);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(values.data()) % HugePageBytes, 0u);
    std::iota(values.begin(), values.end(), 0);
    // Growing moves the values into another big allocation, aligned the same.
    values.resize(values.size() * 3);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(values.data()) % HugePageBytes, 0u);
    EXPECT_EQ(values[HugePageBytes / 8], HugePageBytes / 8);
    EXPECT_EQ(values.back(), 0u);
}

TEST(HugePageAllocator, EachSizeIsReleasedTheWayItWasAllocated)
{
    // Either side of the threshold (a mismatched release is caught by the sanitizers' build).
    for (const std::size_t bytes : {std::size_t(1), HugePageBytes - 1, HugePageBytes}) {
        auto *data = static_cast<unsigned char *>(allocateHugePageable(bytes));
        ASSERT_NE(data, nullptr);
        data[0] = 1;
        data[bytes - 1] = 2;
        if (bytes >= HugePageBytes) {
            EXPECT_EQ(reinterpret_cast<std::uintptr_t>(data) % HugePageBytes, 0u);
        }
        releaseHugePageable(data, bytes);
    }
}

TEST(HugePageAllocator, SmallArraysAreOrdinary)
{
    std::vector<int, HugePageAllocator<int>> small {1, 2, 3};
    small.push_back(4);
    EXPECT_EQ(small, (std::vector<int, HugePageAllocator<int>> {1, 2, 3, 4}));
    const std::vector<int, HugePageAllocator<int>> copy = small;
    EXPECT_EQ(copy.size(), 4u);
}
