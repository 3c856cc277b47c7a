#pragma once

// SaxPipeline: the input tokenized on a second thread, its SAX events replayed on this one.
//
// Why: loading a 1M-event project spends as long tokenizing as building the model from the
// events (id index, arena, references, dates). Run on the two cores at once, the load takes
// about as long as the slower of the two. The parser thread records each SAX event compactly
// into 1 MiB blocks handed over through a short bounded queue (SaxChannel), so memory stays
// flat whatever the file size, and the handler on the calling thread sees exactly the calls
// it would have seen from nlohmann's parser directly, in order.
//
// The tokenizer is FastJsonScanner when the input can be read again from its start, with
// nlohmann's parser taking over from the start on anything unusual (every syntax error
// included); nlohmann's parser alone otherwise. The handler may stop the parse by returning
// false, as with nlohmann; the parser thread is then told to stop and joined before run()
// returns.

#include "format/jsontokenizer.h"
#include "format/reader/saxhandler.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string_view>

namespace claimline {

// How SaxPipeline::run() reads (outside the class: a default argument needs it complete).
struct SaxPipelineOptions
{
    JsonTokenizer tokenizer = JsonTokenizer::Fast;
    // Set, when given, to whether nlohmann's parser had to read the input again.
    bool *handedOver = nullptr;
    // Set, when given, to whether the input read again was not what was read first (a file
    // rewritten under the reader): the input then ends where it differs.
    bool *inputChanged = nullptr;
    // Called on the handler's thread after each block of events.
    std::function<void()> afterBlock;
    // Work either thread may do, a step per call, returning whether there was any; called
    // from both threads at once. The parser's thread does a step before each block is queued,
    // and steps while the handler has all the blocks it may queue; the handler's thread does
    // steps while it has none. A thread with no step to do sleeps until the other moves on.
    std::function<bool()> sideWork;
};

class SaxPipeline
{
public:
    using NlohmannHandler = nlohmann::json_sax<nlohmann::json>;
    // Fills the buffer with up to `capacity` bytes of input; returns how many (0 at the end,
    // negative on a read error, which ends the input).
    using Read = std::function<std::int64_t(char *buffer, std::int64_t capacity)>;
    // Goes back to the start of the input; false when it cannot (a pipe).
    using Rewind = std::function<bool()>;
    using Options = SaxPipelineOptions;

    // Parses the input (strict JSON, no comments) and replays every SAX event into the
    // handler. Returns false when the input is not valid JSON or the handler stopped it.
    static bool run(const Read &read, const Rewind &rewind, SaxHandler &handler,
                    const Options &options = {});
    // The same into one of nlohmann's SAX handlers, text copied into its strings.
    static bool run(const Read &read, const Rewind &rewind, NlohmannHandler &handler,
                    const Options &options = {});
};

// Input from bytes in memory for SaxPipeline::run(), at most `chunk` bytes a read (the tests
// read in tiny chunks); it can always be read again.
class MemoryInput
{
public:
    explicit MemoryInput(std::string_view bytes, std::size_t chunk = SIZE_MAX)
        : m_bytes(bytes)
        , m_chunk(chunk)
    { }

    SaxPipeline::Read read();
    SaxPipeline::Rewind rewind();

private:
    std::string_view m_bytes;
    std::size_t m_chunk;
    std::size_t m_offset = 0;
};

} // namespace claimline
