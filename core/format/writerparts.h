#pragma once

// Pieces the project writer (projectwriter.cpp) and its helpers (layerwriter.cpp) share: the
// unknown fields kept with an object, and where nested ones are. Internal to core.

#include "format/formatkeys.h"
#include "format/jsonoutput.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <span>
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

// A list of objects under `name` (an item's sources, status history, attachments,
// annotations): nothing when empty, else one object per element, written by
// `fields(object, element)`, then the unknown fields kept inside that element (by position,
// from the item's nested store `extras`), which `known` says are not its own.
template<typename T, std::size_t N, typename Fields>
void writeObjects(JsonObjectWriter &object, std::string_view name, std::span<const T> elements,
                  const nlohmann::json *extras, const std::array<std::string_view, N> &known,
                  Fields &&fields)
{
    if (elements.empty())
        return;
    JsonOutput &out = object.key(name);
    out.raw('[');
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (i > 0)
            out.raw(", ");
        JsonObjectWriter element(out);
        fields(element, elements[i]);
        writeUnknown(element, nested(extras, i), known);
    }
    out.raw(']');
}

} // namespace claimline::writer
