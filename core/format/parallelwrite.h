#pragma once

// Writing a long run of text made in pieces on several threads, in order: what lets a save or
// a data export of a million events use more than one core. Internal to core (the project
// writer, the CSV and TimelineJS exports).

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace claimline {

class JsonOutput;

// Threads to make pieces on: `asked` when positive, else the machine's cores, at most four.
int pieceThreads(int asked);

using MakePiece = std::function<void(int thread, std::size_t piece, std::string &text)>;

// Makes `count` pieces of text, piece i by make(thread, i, text) on one of `threads` threads
// (0 is the calling thread; `text` comes empty, perhaps with room reserved: fill it, or swap
// in a string of your own), and hands them to `write` in order, on the calling thread. At most
// 2 × threads pieces exist at a time. Returns false when `write` refused a piece (then no
// further piece is made). An exception thrown by make() reaches the caller once the other
// threads have stopped.
bool writeInOrder(const std::function<bool(std::string_view piece)> &write, std::size_t count,
                  int threads, const MakePiece &make);

// The same, into a JSON output.
bool writeInOrder(JsonOutput &out, std::size_t count, int threads, const MakePiece &make);

} // namespace claimline
