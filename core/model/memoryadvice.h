#pragma once

// Why: on the virtual machines we run on, the first write to each fresh 4 KiB page costs a
// page fault of several microseconds (about 3 s per GiB). Loading a million events writes
// half a gigabyte of new memory, so a third of the load time was page faults. Transparent
// huge pages cut the number of faults 512-fold. The kernel here only uses them where asked
// (THP "madvise" mode), so the big, long-lived buffers ask.

#include <cstddef>

namespace claimline {

// Asks for [data, data + bytes) to be backed by huge pages where the kernel can; a no-op
// elsewhere or for small ranges.
void adviseHugePages(void *data, std::size_t bytes);

// Faults in the pages of [data, data + bytes) as if written, without changing what they hold
// (MADV_POPULATE_WRITE): the kernel zeroes fresh pages on the calling thread, not on the one
// that writes there next. Safe while another thread writes to the range, and on memory that
// was freed meanwhile. Returns false where the kernel cannot (before Linux 5.14).
bool prefaultForWriting(const void *data, std::size_t bytes);

// Memory for a big buffer that huge pages can back whole: from HugePageBytes up, aligned to
// a huge page and advised (adviseHugePages() alone leaves the unaligned ends of a malloc'd
// block on 4 KiB pages, up to 1,024 faults per buffer). Uninitialised; released with
// releaseHugePageable() and the same size.
inline constexpr std::size_t HugePageBytes = std::size_t(2) << 20;
void *allocateHugePageable(std::size_t bytes);
void releaseHugePageable(void *data, std::size_t bytes) noexcept;

// An allocator for std containers that puts big arrays on huge pages (allocateHugePageable()): for
// the arrays a load fills, such as the id index, that would otherwise fault in 4 KiB at a time and
// be copied whole each time they double.
template<typename T>
struct HugePageAllocator
{
    using value_type = T;
    HugePageAllocator() = default;
    template<typename U>
    HugePageAllocator(const HugePageAllocator<U> &) noexcept
    { }
    // The small arrays' plain operator new aligns for ordinary types only.
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
    T *allocate(std::size_t n) { return static_cast<T *>(allocateHugePageable(n * sizeof(T))); }
    void deallocate(T *p, std::size_t n) noexcept { releaseHugePageable(p, n * sizeof(T)); }
    template<typename U>
    friend bool operator==(const HugePageAllocator &, const HugePageAllocator<U> &) noexcept
    {
        return true;
    }
};

} // namespace claimline
