#pragma once

// Pieces the project writer (projectwriter.cpp) and its helpers (layerwriter.cpp) share: the
// unknown fields kept with an object, and where nested ones are. Internal to core.

#include "format/formatkeys.h"
#include "format/jsonoutput.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <string_view>

namespace claimline::writer {

// Unknown fields of an object at this level: entries whose key is not a known field here
// (known keys in the store hold unknown fields nested inside that known field instead).
template<std::size_t N>
void writeUnknown(JsonObjectWriter &object, const nlohmann::json *extras,
                  const std::array<std::string_view, N> &known)
{
    if (!extras || !extras->is_object())
        return;
    for (const auto &[k, v] : extras->items()) {
        if (!keys::contains(known, k))
            writeJson(object.key(k), v);
    }
}

// The nested unknown-field store under a known key (an object), or under an index of it.
inline const nlohmann::json *nested(const nlohmann::json *extras, std::string_view key)
{
    if (!extras || !extras->is_object())
        return nullptr;
    const auto it = extras->find(key);
    return it == extras->end() ? nullptr : &*it;
}
inline const nlohmann::json *nested(const nlohmann::json *extras, std::size_t index)
{
    if (!extras || !extras->is_array() || index >= extras->size())
        return nullptr;
    return &(*extras)[index];
}

} // namespace claimline::writer
