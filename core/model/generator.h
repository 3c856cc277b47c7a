#pragma once

// A synthetic project for benchmarks and scale tests: N events over four years and 12
// parties, with realistic field sizes (titles of 30-80 characters, summaries of 100-300, one
// to three sources each), about one claim per five events and one relation per two claims.
// The same seed gives the same project, byte for byte, on every machine (our own PRNG, no
// std distributions, whose output differs between standard libraries).

#include "model/project.h"

#include <cstdint>

namespace claimline {

[[nodiscard]] Project generateProject(std::size_t events, std::uint64_t seed = 1);

} // namespace claimline
