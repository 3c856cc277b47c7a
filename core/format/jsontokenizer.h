#pragma once

namespace claimline {

// Which tokenizer reads a project's JSON. Fast is the default and gives the same result as
// Nlohmann on every input (FastJsonScanner hands anything unusual to nlohmann's parser); the
// choice exists for the differential fuzz target and the benchmark's baseline.
enum class JsonTokenizer { Fast, Nlohmann };

} // namespace claimline
