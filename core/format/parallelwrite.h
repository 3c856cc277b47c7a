#pragma once

// Writing a long run of text made in pieces on several threads, in order: what lets a save of
// a million events use more than one core. Internal to core (the project writer).

#include <cstddef>
#include <functional>
#include <string>

namespace claimline {

class JsonOutput;

// Makes `count` pieces of text, piece i by make(thread, i, text) on one of `threads` threads
// (0 is the calling thread; `text` comes empty, perhaps with room reserved: fill it, or swap
// in a string of your own), and hands them to `out` in order, on the calling thread. At most
// 2 × threads pieces exist at a time. Returns false when the sink refused a piece (then no
// further piece is made). An exception thrown by make() reaches the caller once the other
// threads have stopped.
bool writeInOrder(
    JsonOutput &out, std::size_t count, int threads,
    const std::function<void(int thread, std::size_t piece, std::string &text)> &make);

} // namespace claimline
