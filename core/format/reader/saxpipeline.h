#pragma once

// SaxPipeline: nlohmann's SAX parser on a second thread, its events replayed on this one.
//
// Why: loading a 1M-event project spends about as long in nlohmann's lexer (~3 s for
// 550 MB here) as in building the model from the events it reports (id index, arena,
// references, dates). Run one after the other they take twice as long as either; run on the
// two cores at once, the load takes about as long as the slower of the two. The parser
// thread records each SAX event compactly into 1 MiB blocks handed over through a short
// bounded queue, so memory stays flat whatever the file size, and the handler on the calling
// thread sees exactly the calls it would have seen from nlohmann directly, in order.
//
// The handler may stop the parse by returning false, as with nlohmann; the parser thread is
// then told to stop and joined before run() returns.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>

namespace claimline {

class SaxPipeline
{
public:
    using Handler = nlohmann::json_sax<nlohmann::json>;
    // Fills the buffer with up to `capacity` bytes of input; returns how many (0 at the end,
    // negative on a read error, which ends the input).
    using Read = std::function<std::int64_t(char *buffer, std::int64_t capacity)>;

    // Parses the input (strict JSON, no comments) and replays every SAX event into the
    // handler. Returns false when the input is not valid JSON or the handler stopped it.
    static bool run(const Read &read, Handler &handler);
};

} // namespace claimline
