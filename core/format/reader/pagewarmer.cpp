#include "format/reader/pagewarmer.h"

#include "model/memoryadvice.h"

#include <algorithm>

namespace claimline {

void PageWarmer::follow(std::size_t region, const char *next, const char *end)
{
    std::lock_guard lock(m_mutex);
    Region &r = m_regions[region];
    // Another allocation (a new arena chunk, a reallocated array) starts afresh, even where
    // the allocator put it over the old one.
    if (end != r.end)
        r.warmed = next;
    r.next = next;
    r.end = end;
}

bool PageWarmer::warmStep()
{
    const char *from = nullptr;
    std::size_t bytes = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_unsupported)
            return false;
        for (Region &r : m_regions) {
            if (!r.next || r.next >= r.end)
                continue;
            if (r.warmed < r.next || r.warmed > r.end)
                r.warmed = r.next;
            const char *limit
                = r.next + std::min<std::size_t>(m_ahead, std::size_t(r.end - r.next));
            if (r.warmed >= limit)
                continue;
            from = r.warmed;
            bytes = std::min<std::size_t>(Step, std::size_t(limit - r.warmed));
            r.warmed += bytes;
            break;
        }
    }
    if (bytes == 0)
        return false;
    // Outside the lock: the model's thread goes on publishing while the kernel works.
    if (!prefaultForWriting(from, bytes)) {
        std::lock_guard lock(m_mutex);
        m_unsupported = true;
        return false;
    }
    return true;
}

} // namespace claimline
