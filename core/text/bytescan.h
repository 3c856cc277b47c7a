#pragma once

// ByteScan: finds the first byte of a text that a writer must look at (a character to quote or
// escape, a control, a byte outside ASCII), sixteen bytes at a time. The data exports and the
// project writer copy half a gigabyte of text at a million events, nearly all of it plain, and
// their byte-by-byte or eight-byte scans were the largest part of an export (perf).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace claimline {

// What a scan stops at: with Controls the bytes below 0x20, with NonAscii the bytes from 0x80,
// and the bytes of Set.
template<bool Controls, bool NonAscii, unsigned char... Set>
struct ByteScan
{
    // A byte's copies in a word, and their top bits (the eight-byte fallback).
    static constexpr std::uint64_t Ones = 0x0101010101010101u;
    static constexpr std::uint64_t Highs = 0x8080808080808080u;

    static constexpr bool stopsAt(unsigned char c)
    {
        return (Controls && c < 0x20) || (NonAscii && c >= 0x80) || ((c == Set) || ...);
    }

    // The index of the first byte at or after `from` that the scan stops at, or the size.
    static std::size_t find(std::string_view text, std::size_t from = 0)
    {
        std::size_t i = from;
#if defined(__SSE2__)
        const char *data = text.data();
        for (; i + 16 <= text.size(); i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
            __m128i hits = _mm_setzero_si128();
            if constexpr (Controls) // v <= 0x1f, unsigned
                hits = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1f)), _mm_set1_epi8(0x1f));
            ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, _mm_set1_epi8(char(Set))))), ...);
            int mask = _mm_movemask_epi8(hits);
            if constexpr (NonAscii)
                mask |= _mm_movemask_epi8(v); // the top bit of each byte
            if (mask != 0)
                return i + std::size_t(__builtin_ctz(unsigned(mask)));
        }
#else
        // Eight bytes at a time where there is no SSE2 (each test exact as a yes or no): a
        // zero byte in the word XORed with a character's copies is that character.
        for (; i + 8 <= text.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            std::uint64_t found = 0;
            if constexpr (Controls)
                found |= (word - Ones * 0x20) & ~word; // a byte below 0x20
            if constexpr (NonAscii)
                found |= word;
            ((found |= zeroBytes(word ^ (Ones * Set))), ...);
            if (found & Highs)
                break; // the byte loop below finds which
        }
#endif
        for (; i < text.size(); ++i) {
            if (stopsAt(static_cast<unsigned char>(text[i])))
                return i;
        }
        return text.size();
    }

    // The top bit of each zero byte of `x` set (exact as a yes or no: bytes above a zero byte
    // may be marked too).
    static constexpr std::uint64_t zeroBytes(std::uint64_t x)
    {
        return (x - Ones) & ~x;
    }

    // Whether no byte of the text is one the scan stops at.
    static bool isPlain(std::string_view text)
    {
        return find(text) == text.size();
    }
};

} // namespace claimline
