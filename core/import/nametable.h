#pragma once

// NameTable: a hash map from text to an index, looked up by string_view without making a
// std::string (the import looks names up once per row and stores each distinct one once).

#include "text/shorttext.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace claimline {

template<typename Value>
using TextTable = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;
using NameTable = TextTable<std::uint32_t>;

} // namespace claimline
