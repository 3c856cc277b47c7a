#pragma once

// SplitMix64: the generators' random numbers (model/generator.cpp's projects,
// import/acledgenerator.cpp's datasets). Tiny, fast, and the same on every machine and
// compiler, so that one seed always gives the same file.

#include <cstddef>
#include <cstdint>

namespace claimline {

class SplitMix
{
public:
    explicit SplitMix(std::uint64_t seed)
        : m_state(seed)
    { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n) (n small; the modulo bias is irrelevant here).
    std::uint32_t below(std::size_t n) { return static_cast<std::uint32_t>(next() % n); }
    std::uint32_t between(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }
    bool chance(std::uint32_t percent) { return below(100) < percent; }
    // Chance in thousandths: rare things (a line break in the notes) need finer steps.
    bool perMille(std::uint32_t n) { return below(1000) < n; }

private:
    std::uint64_t m_state;
};

} // namespace claimline
