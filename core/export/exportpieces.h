#pragma once

// ExportPieces: how a data export turns its items into bytes (never what the bytes are). At
// scale, in pieces on several threads, written in order (writeInPieces() in utf8writer.h,
// format/parallelwrite.h): byte for byte what one thread writes.

#include <cstddef>

namespace claimline {

struct ExportPieces
{
    // 0 picks from the machine's cores (at most four); 1 writes on the calling thread alone.
    int threads = 0;
    // Fewer items are written on the calling thread alone.
    std::size_t parallelFrom = 20000;
    // Items per piece (about a megabyte of synthetic events).
    std::size_t pieceItems = 4096;
};

} // namespace claimline
