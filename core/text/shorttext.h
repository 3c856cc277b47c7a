#pragma once

// Hashing, comparing and copying short texts (ids, keys, words) inline.
//
// Why: reading a project hashes every id and every reference and compares every key with the
// one its object expects; std::hash (a call into libstdc++'s MurmurHash) and memcmp (a call
// per comparison, most of them of under 16 bytes) were 6% of a million-event load. Both read
// short texts with a few overlapping word loads and no call.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace claimline {

namespace shorttext {

inline std::uint64_t load8(const char *p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

inline std::uint32_t load4(const char *p)
{
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

// 64 x 64 -> 128-bit multiply, folded: the mixing step of the wyhash family.
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b)
{
#if defined(__SIZEOF_INT128__)
    __extension__ using Wide = unsigned __int128; // GCC and Clang, not ISO C++
    const Wide r = static_cast<Wide>(a) * b;
    return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
#else
    const std::uint64_t r = (a ^ (a >> 29)) * (b | 1);
    return r ^ (r >> 32);
#endif
}

} // namespace shorttext

// A 64-bit hash of `text` whose low bits are as good as its high ones (hash tables mask them).
// Not for anything stored or compared across runs.
inline std::uint64_t textHash(std::string_view text)
{
    using shorttext::load4;
    using shorttext::load8;
    using shorttext::mix;
    constexpr std::uint64_t K0 = 0xa0761d6478bd642full;
    constexpr std::uint64_t K1 = 0xe7037ed1a0b428dbull;
    constexpr std::uint64_t K2 = 0x8ebc6af09c88c6e3ull;
    const char *p = text.data();
    std::size_t n = text.size();
    std::uint64_t seed = K0 ^ n;
    while (n > 16) {
        seed = mix(load8(p) ^ K1, load8(p + 8) ^ seed);
        p += 16;
        n -= 16;
    }
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    if (n >= 8) {
        a = load8(p);
        b = load8(p + n - 8);
    } else if (n >= 4) {
        a = load4(p);
        b = load4(p + n - 4);
    } else if (n > 0) {
        a = (std::uint64_t(static_cast<unsigned char>(p[0])) << 16)
            | (std::uint64_t(static_cast<unsigned char>(p[n >> 1])) << 8)
            | std::uint64_t(static_cast<unsigned char>(p[n - 1]));
    }
    return mix(K1 ^ seed, mix(a ^ K1, b ^ K2 ^ seed));
}

// Whether two texts are equal; under 17 bytes, compared with at most four word loads.
inline bool sameText(std::string_view x, std::string_view y)
{
    using shorttext::load4;
    using shorttext::load8;
    const std::size_t n = x.size();
    if (n != y.size())
        return false;
    const char *a = x.data();
    const char *b = y.data();
    if (n >= 8) {
        if (n > 16)
            return std::memcmp(a, b, n) == 0;
        return ((load8(a) ^ load8(b)) | (load8(a + n - 8) ^ load8(b + n - 8))) == 0;
    }
    if (n >= 4)
        return ((load4(a) ^ load4(b)) | (load4(a + n - 4) ^ load4(b + n - 4))) == 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// Copies `text` to `out` (room for text.size() bytes); up to 32 bytes with two overlapping
// fixed-size copies each way, inline, where memcpy is a call and a dispatch on the length.
inline void copyText(char *out, std::string_view text)
{
    const char *p = text.data();
    const std::size_t n = text.size();
    if (n >= 16) {
        if (n > 32) {
            std::memcpy(out, p, n);
            return;
        }
        std::memcpy(out, p, 16);
        std::memcpy(out + n - 16, p + n - 16, 16);
    } else if (n >= 8) {
        std::memcpy(out, p, 8);
        std::memcpy(out + n - 8, p + n - 8, 8);
    } else if (n >= 4) {
        std::memcpy(out, p, 4);
        std::memcpy(out + n - 4, p + n - 4, 4);
    } else {
        for (std::size_t i = 0; i < n; ++i)
            out[i] = p[i];
    }
}

// For the standard containers keyed by text; transparent, so that a table keyed by
// std::string is looked up by std::string_view without making a string.
struct TextHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return textHash(text); }
};

} // namespace claimline
