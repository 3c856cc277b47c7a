#include "model/memoryadvice.h"

#include <QtGlobal>

#include <cstdint>
#include <new>

#ifdef Q_OS_LINUX
#include <sys/mman.h>

#include <cerrno>
#include <unistd.h>
#endif

namespace claimline {

void adviseHugePages(void *data, std::size_t bytes)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t HugePage = std::uintptr_t(2) << 20;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + HugePage - 1) & ~(HugePage - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(HugePage - 1);
    if (end > begin)
        ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

void *allocateHugePageable(std::size_t bytes)
{
    if (bytes < HugePageBytes)
        return ::operator new(bytes);
    void *data = ::operator new(bytes, std::align_val_t(HugePageBytes));
    adviseHugePages(data, bytes);
    return data;
}

void releaseHugePageable(void *data, std::size_t bytes) noexcept
{
    if (bytes < HugePageBytes)
        ::operator delete(data);
    else
        ::operator delete(data, std::align_val_t(HugePageBytes));
}

bool prefaultForWriting(const void *data, std::size_t bytes)
{
#if defined(Q_OS_LINUX)
#ifndef MADV_POPULATE_WRITE
    constexpr int MADV_POPULATE_WRITE = 23; // Linux 5.14; older C libraries lack the name
#endif
    static const auto pageSize = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(data) & ~(pageSize - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(data) + bytes;
    if (end <= begin)
        return true;
    // ENOMEM: part of the range is no longer mapped (freed meanwhile); nothing to do there.
    return ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE) == 0
        || errno == ENOMEM;
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
    return false;
#endif
}

} // namespace claimline
