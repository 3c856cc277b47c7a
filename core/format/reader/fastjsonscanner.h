#pragma once

// FastJsonScanner: the hot path of the project reader's JSON tokenizer.
//
// Why: nlohmann's lexer appends each character of each string to a std::string and reads
// through a per-character call; for a 1M-event file that is ~3 s of a ~4 s load. This scanner
// reads the same chunks, finds the end of a string sixteen bytes at a time, hands strings
// without escapes over as views into its buffer, and records the same SAX events nlohmann's
// parser would (same order, same numbers' types, same floats' text).
//
// It only ever records a prefix of nlohmann's events. On anything it does not handle exactly
// like nlohmann (any syntax error, a byte order mark, a number that does not fit 18 digits or
// rounds out of range, an oversized token) it stops and says Unusual; SaxPipeline then lets
// nlohmann's parser read the input again from the start, and it, not this scanner, produces
// every error message and position. The differential fuzz target (fuzz_jsontokenizers) holds
// the two to the same events on the same bytes.

#include "format/reader/saxchannel.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

class FastJsonScanner
{
public:
    // Fills the buffer with up to `capacity` bytes; returns how many (0 at the end, negative
    // on a read error, which ends the input).
    using Read = std::function<std::int64_t(char *buffer, std::int64_t capacity)>;

    enum class Outcome {
        Finished, // one whole JSON value and nothing after it but whitespace
        Stopped, // the consumer asked to stop
        Unusual // given up: nlohmann's parser must read the input again
    };

    FastJsonScanner(const Read &read, SaxRecorder &recorder);

    Outcome run();

private:
    enum class Step { Done, NeedMore, Unusual, Stopped };
    enum class Expect { Value, FirstValueOrEnd, FirstKeyOrEnd, Key, Colon, CommaOrEnd, End };

    // The steps of every token are inlined into run(), and the recorder's string() and key()
    // into run() and value(): GCC left them as calls, and a call per value with its saving of six
    // registers was a tenth of the tokenizer's instructions (callgrind, 100k-event file:
    // 520M before, 458M after).
    [[gnu::always_inline]] Step value(Expect &expect);
    [[gnu::always_inline]] Step close(char bracket, Expect &expect);
    // A string (at its opening quote) that is plain and ends within 16 bytes, read at once;
    // false (nothing read) for any other.
    [[gnu::always_inline]] bool shortString(std::string_view &out);
    Step scanString(std::string_view &out);
    Step scanEscape(const char *&p);
    Step scanNumber();
    Step scanLiteral(std::string_view literal);
    Step endOfBuffer() const { return m_eof ? Step::Unusual : Step::NeedMore; }
    Step emitted(bool ok) const { return ok ? Step::Done : Step::Stopped; }
    // Keeps [m_pos, m_end), reads more after it; false when the buffer may not grow more.
    bool fill();

    const Read &m_read;
    SaxRecorder &m_recorder;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
    const char *m_pos = nullptr;
    const char *m_end = nullptr;
    bool m_eof = false;
    std::vector<char> m_stack; // '{' or '[' for each open container
    std::string m_scratch; // a string with escapes, decoded
};

} // namespace claimline
