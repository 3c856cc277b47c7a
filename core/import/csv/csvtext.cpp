#include "import/csv/csvtext.h"

#include <cstring>

namespace claimline {

namespace {

constexpr std::uint64_t HighBits = 0x8080808080808080ULL;

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

char *writeUtf8(char *out, char32_t c)
{
    if (c < 0x80) {
        *out++ = char(c);
    } else if (c < 0x800) {
        *out++ = char(0xC0 | (c >> 6));
        *out++ = char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *out++ = char(0xE0 | (c >> 12));
        *out++ = char(0x80 | ((c >> 6) & 0x3F));
        *out++ = char(0x80 | (c & 0x3F));
    } else {
        *out++ = char(0xF0 | (c >> 18));
        *out++ = char(0x80 | ((c >> 12) & 0x3F));
        *out++ = char(0x80 | ((c >> 6) & 0x3F));
        *out++ = char(0x80 | (c & 0x3F));
    }
    return out;
}

constexpr char32_t Replacement = 0xFFFD;

} // namespace

bool isValidUtf8(const char *begin, const char *end)
{
    const auto *p = reinterpret_cast<const unsigned char *>(begin);
    const auto *const last = reinterpret_cast<const unsigned char *>(end);
    while (p < last) {
        while (last - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, sizeof word);
            if ((word & HighBits) != 0) {
                break;
            }
            p += 8;
        }
        if (p == last) {
            break;
        }
        const unsigned char c = *p;
        const std::ptrdiff_t left = last - p;
        if (c < 0x80) {
            ++p;
        } else if (c >= 0xC2 && c < 0xE0) {
            if (left < 2 || !isContinuation(p[1])) {
                return false;
            }
            p += 2;
        } else if (c >= 0xE0 && c < 0xF0) {
            if (left < 3 || !isContinuation(p[1]) || !isContinuation(p[2])
                || (c == 0xE0 && p[1] < 0xA0) // overlong
                || (c == 0xED && p[1] >= 0xA0)) { // a surrogate
                return false;
            }
            p += 3;
        } else if (c >= 0xF0 && c < 0xF5) {
            if (left < 4 || !isContinuation(p[1]) || !isContinuation(p[2]) || !isContinuation(p[3])
                || (c == 0xF0 && p[1] < 0x90) // overlong
                || (c == 0xF4 && p[1] >= 0x90)) { // past U+10FFFF
                return false;
            }
            p += 4;
        } else {
            return false; // a continuation byte, overlong ASCII, past U+10FFFF
        }
    }
    return true;
}

std::size_t Utf16Decoder::decode(const char *data, std::size_t size, char *out)
{
    char *const start = out;
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    const auto *const last = p + size;
    const auto unit = [this](unsigned char a, unsigned char b) {
        return m_bigEndian ? char16_t((a << 8) | b) : char16_t((b << 8) | a);
    };
    while (p < last) {
        char16_t u = 0;
        if (m_pendingByte >= 0) {
            u = unit(static_cast<unsigned char>(m_pendingByte), *p);
            m_pendingByte = -1;
            ++p;
        } else if (last - p >= 2) {
            u = unit(p[0], p[1]);
            p += 2;
        } else {
            m_pendingByte = *p;
            break;
        }
        if (m_pendingHighSurrogate != 0) {
            if (u >= 0xDC00 && u <= 0xDFFF) {
                out = writeUtf8(out,
                                0x10000 + ((char32_t(m_pendingHighSurrogate) - 0xD800) << 10)
                                    + (char32_t(u) - 0xDC00));
                m_pendingHighSurrogate = 0;
                continue;
            }
            out = writeUtf8(out, Replacement);
            m_pendingHighSurrogate = 0;
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
            m_pendingHighSurrogate = u;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            out = writeUtf8(out, Replacement);
        } else {
            out = writeUtf8(out, u);
        }
    }
    return std::size_t(out - start);
}

} // namespace claimline
