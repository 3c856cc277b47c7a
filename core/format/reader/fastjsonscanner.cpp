#include "format/reader/fastjsonscanner.h"

#include "text/hexdigit.h"
#include "text/utf8.h"

#include <charconv>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace claimline {

namespace {

constexpr std::size_t FirstChunkSize = std::size_t(64) << 10;
constexpr std::size_t ChunkSize = std::size_t(1) << 20;
// A token longer than this is left to nlohmann (the reader refuses strings past 16 MiB
// anyway): the buffer never grows past it.
constexpr std::size_t MaxBuffer = std::size_t(64) << 20;
// Integers of up to 18 digits fit both std::int64_t and std::uint64_t; longer ones are
// nlohmann's to classify (it turns those that overflow into floats).
constexpr int MaxIntegerDigits = 18;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

#if defined(__SSE2__)
// A bit for each of the 16 bytes at p that ends the plain run of a string: a quote, a
// backslash, a control character or a byte of a multi-byte UTF-8 sequence.
int specialMask(const char *p)
{
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    // Signed compare: bytes from 0x80 up are negative, so "< 0x20" catches them too.
    const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                      _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))),
                                         _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)));
    return _mm_movemask_epi8(special);
}
#endif

// The first byte at or after p that ends the plain run of a string: a quote, a backslash, a
// control character or the first byte of a multi-byte UTF-8 sequence.
const char *findSpecial(const char *p, const char *end)
{
#if defined(__SSE2__)
    while (end - p >= 16) {
        if (const int mask = specialMask(p); mask != 0)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
            return p;
    }
    return end;
}

// The four hex digits at p as a code unit, or -1.
int hex4(const char *p)
{
    int unit = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexDigit(p[i]);
        if (digit < 0)
            return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

} // namespace

FastJsonScanner::FastJsonScanner(const Read &read, SaxRecorder &recorder)
    : m_read(read)
    , m_recorder(recorder)
    , m_buffer(new char[FirstChunkSize])
    , m_capacity(FirstChunkSize)
{
    m_pos = m_end = m_buffer.get();
}

bool FastJsonScanner::fill()
{
    const std::size_t kept = std::size_t(m_end - m_pos);
    // Small inputs cost a small buffer; a big one grows it to ChunkSize in a few reads, and
    // one token that fills it doubles it (up to MaxBuffer).
    const bool full = kept == m_capacity;
    if (full && m_capacity >= MaxBuffer)
        return false;
    const bool first = m_end == m_buffer.get();
    const std::size_t wanted = full ? m_capacity * 2
        : first                     ? m_capacity
                                    : std::min(m_capacity * 4, ChunkSize);
    if (wanted > m_capacity) {
        std::unique_ptr<char[]> bigger(new char[wanted]);
        std::memcpy(bigger.get(), m_pos, kept);
        m_buffer = std::move(bigger);
        m_capacity = wanted;
    } else if (kept > 0 && m_pos != m_buffer.get()) {
        std::memmove(m_buffer.get(), m_pos, kept);
    }
    char *data = m_buffer.get();
    std::size_t filled = kept;
    // Read until half the free room is filled: a reader that gives a few bytes at a time
    // must not make a long token be scanned again after every one of them.
    const std::size_t enough = kept + (m_capacity - kept + 1) / 2;
    while (filled < enough) {
        const std::int64_t n = m_read(data + filled, std::int64_t(m_capacity - filled));
        if (n <= 0) {
            m_eof = true;
            break;
        }
        filled += std::size_t(n);
    }
    m_pos = data;
    m_end = data + filled;
    return true;
}

FastJsonScanner::Outcome FastJsonScanner::run()
{
    Expect expect = Expect::Value;
    for (;;) {
        while (m_pos < m_end && isSpace(*m_pos))
            ++m_pos;
        if (m_pos == m_end) {
            if (m_eof)
                return expect == Expect::End ? Outcome::Finished : Outcome::Unusual;
            fill();
            continue;
        }
        const char c = *m_pos;
        Step step = Step::Unusual;
        switch (expect) {
        case Expect::FirstValueOrEnd:
            step = c == ']' ? close(c, expect) : value(expect);
            break;
        case Expect::Value:
            step = value(expect);
            break;
        case Expect::FirstKeyOrEnd:
        case Expect::Key:
            if (c == '}' && expect == Expect::FirstKeyOrEnd) {
                step = close(c, expect);
            } else if (c == '"') {
                std::string_view key;
                step = shortString(key) ? Step::Done : scanString(key);
                if (step == Step::Done) {
                    step = emitted(m_recorder.key(key));
                    expect = Expect::Colon;
                    // The writer's ": " and a value: read on without a turn of the loop
                    // for the colon and one for the space.
                    if (step == Step::Done && m_end - m_pos > 2 && m_pos[0] == ':') {
                        m_pos += m_pos[1] == ' ' ? 2 : 1;
                        expect = Expect::Value;
                        if (!isSpace(*m_pos))
                            step = value(expect);
                    }
                }
            }
            break;
        case Expect::Colon:
            if (c == ':') {
                ++m_pos;
                expect = Expect::Value;
                step = Step::Done;
            }
            break;
        case Expect::CommaOrEnd:
            if (c == ',') {
                ++m_pos;
                expect = m_stack.back() == '{' ? Expect::Key : Expect::Value;
                step = Step::Done;
            } else if (c == (m_stack.back() == '{' ? '}' : ']')) {
                step = close(c, expect);
            }
            break;
        case Expect::End:
            break; // anything but whitespace after the value is an error: nlohmann's to word
        }
        switch (step) {
        case Step::Done:
            break;
        case Step::NeedMore:
            if (!fill())
                return Outcome::Unusual;
            break;
        case Step::Unusual:
            return Outcome::Unusual;
        case Step::Stopped:
            return Outcome::Stopped;
        }
    }
}

inline FastJsonScanner::Step FastJsonScanner::close(char bracket, Expect &expect)
{
    ++m_pos;
    m_stack.pop_back();
    expect = m_stack.empty() ? Expect::End : Expect::CommaOrEnd;
    return emitted(bracket == '}' ? m_recorder.endObject() : m_recorder.endArray());
}

inline FastJsonScanner::Step FastJsonScanner::value(Expect &expect)
{
    const char c = *m_pos;
    Step step = Step::Unusual;
    switch (c) {
    case '{':
        ++m_pos;
        m_stack.push_back('{');
        expect = Expect::FirstKeyOrEnd;
        return emitted(m_recorder.startObject());
    case '[':
        ++m_pos;
        m_stack.push_back('[');
        expect = Expect::FirstValueOrEnd;
        return emitted(m_recorder.startArray());
    case '"': {
        std::string_view text;
        step = shortString(text) ? Step::Done : scanString(text);
        if (step == Step::Done)
            step = emitted(m_recorder.string(text));
        break;
    }
    case 't':
        step = scanLiteral("true");
        break;
    case 'f':
        step = scanLiteral("false");
        break;
    case 'n':
        step = scanLiteral("null");
        break;
    default:
        if (c == '-' || isDigit(c))
            step = scanNumber();
        break;
    }
    if (step == Step::Done)
        expect = m_stack.empty() ? Expect::End : Expect::CommaOrEnd;
    return step;
}

FastJsonScanner::Step FastJsonScanner::scanLiteral(std::string_view literal)
{
    if (m_end - m_pos < std::ptrdiff_t(literal.size()))
        return endOfBuffer();
    if (std::memcmp(m_pos, literal.data(), literal.size()) != 0)
        return Step::Unusual;
    m_pos += literal.size();
    if (literal[0] == 'n')
        return emitted(m_recorder.null());
    return emitted(m_recorder.boolean(literal[0] == 't'));
}

inline bool FastJsonScanner::shortString(std::string_view &out)
{
#if defined(__SSE2__)
    // Most keys and many values (ids, dates, words) are plain and under 16 bytes: one look at
    // the 16 bytes after the opening quote finds the closing one, without scanString()'s
    // call and set-up for each of them.
    if (m_end - m_pos < 17)
        return false;
    const int mask = specialMask(m_pos + 1);
    if (mask == 0)
        return false;
    const int length = __builtin_ctz(unsigned(mask));
    if (m_pos[1 + length] != '"')
        return false;
    out = std::string_view(m_pos + 1, std::size_t(length));
    m_pos += length + 2;
    return true;
#else
    (void)out;
    return false;
#endif
}

FastJsonScanner::Step FastJsonScanner::scanString(std::string_view &out)
{
    const char *p = m_pos + 1;
    const char *plain = p; // the start of the run not yet copied to m_scratch
    bool escaped = false;
    for (;;) {
        p = findSpecial(p, m_end);
        if (p == m_end)
            return endOfBuffer();
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            if (escaped) {
                m_scratch.append(plain, p);
                out = m_scratch;
            } else {
                out = std::string_view(plain, std::size_t(p - plain));
            }
            m_pos = p + 1;
            return Step::Done;
        }
        if (c == '\\') {
            if (!escaped) {
                m_scratch.clear();
                escaped = true;
            }
            m_scratch.append(plain, p);
            // Through a copy: scanString's own `p` must not have its address taken, or it
            // lives on the stack for the whole scan of every string.
            const char *escape = p;
            const Step step = scanEscape(escape);
            if (step != Step::Done)
                return step;
            p = plain = escape;
            continue;
        }
        if (c < 0x20)
            return Step::Unusual; // nlohmann names the control character
        const int length = utf8SequenceLength(p, m_end);
        if (length < 0)
            return endOfBuffer();
        if (length == 0)
            return Step::Unusual;
        p += length;
    }
}

// The escape at p (a backslash), decoded onto m_scratch; p moves past it.
FastJsonScanner::Step FastJsonScanner::scanEscape(const char *&p)
{
    if (m_end - p < 2)
        return endOfBuffer();
    char decoded = 0;
    switch (p[1]) {
    case '"':
    case '\\':
    case '/':
        decoded = p[1];
        break;
    case 'b':
        decoded = '\b';
        break;
    case 'f':
        decoded = '\f';
        break;
    case 'n':
        decoded = '\n';
        break;
    case 'r':
        decoded = '\r';
        break;
    case 't':
        decoded = '\t';
        break;
    case 'u': {
        if (m_end - p < 6)
            return endOfBuffer();
        const int unit = hex4(p + 2);
        if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
            return Step::Unusual;
        if (unit < 0xD800 || unit > 0xDBFF) {
            appendUtf8(m_scratch, std::uint32_t(unit));
            p += 6;
            return Step::Done;
        }
        // A high surrogate must be followed by an escaped low one.
        if (m_end - p < 12)
            return endOfBuffer();
        if (p[6] != '\\' || p[7] != 'u')
            return Step::Unusual;
        const int low = hex4(p + 8);
        if (low < 0xDC00 || low > 0xDFFF)
            return Step::Unusual;
        appendUtf8(m_scratch,
                   0x10000 + ((std::uint32_t(unit) - 0xD800) << 10)
                       + (std::uint32_t(low) - 0xDC00));
        p += 12;
        return Step::Done;
    }
    default:
        return Step::Unusual;
    }
    m_scratch.push_back(decoded);
    p += 2;
    return Step::Done;
}

FastJsonScanner::Step FastJsonScanner::scanNumber()
{
    const char *p = m_pos;
    const bool negative = *p == '-';
    if (negative)
        ++p;
    const auto digits = [&p, this] {
        const char *from = p;
        while (p < m_end && isDigit(*p))
            ++p;
        return int(p - from);
    };
    if (p == m_end)
        return endOfBuffer();
    int integerDigits = 0;
    if (*p == '0') {
        ++p;
        integerDigits = 1;
    } else if (isDigit(*p)) {
        integerDigits = digits();
    } else {
        return Step::Unusual;
    }
    bool isFloat = false;
    if (p < m_end && *p == '.') {
        isFloat = true;
        ++p;
        if (digits() == 0)
            return p == m_end ? endOfBuffer() : Step::Unusual;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        isFloat = true;
        ++p;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        if (digits() == 0)
            return p == m_end ? endOfBuffer() : Step::Unusual;
    }
    // The number may go on in the next chunk; and a digit after a leading zero is an error.
    if (p == m_end && !m_eof)
        return Step::NeedMore;
    if (p < m_end && isDigit(*p))
        return Step::Unusual;
    const char *begin = m_pos;
    if (!isFloat) {
        if (integerDigits > MaxIntegerDigits)
            return Step::Unusual;
        std::uint64_t magnitude = 0;
        for (const char *d = negative ? begin + 1 : begin; d < p; ++d)
            magnitude = magnitude * 10 + std::uint64_t(*d - '0');
        m_pos = p;
        if (negative)
            return emitted(m_recorder.integer(-std::int64_t(magnitude)));
        return emitted(m_recorder.unsignedInteger(magnitude));
    }
    // Correctly rounded, like the strtod nlohmann calls; out of range (overflow or underflow)
    // is nlohmann's to word or to round.
    double value = 0;
    const auto [end, error] = std::from_chars(begin, p, value);
    if (error != std::errc() || end != p || !std::isfinite(value))
        return Step::Unusual;
    m_pos = p;
    return emitted(m_recorder.floating(value, std::string_view(begin, std::size_t(p - begin))));
}

} // namespace claimline
