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

} // namespace claimline
