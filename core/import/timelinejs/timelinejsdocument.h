#pragma once

// A TimelineJS JSON file parsed whole, with the line each slide starts on.
//
// Why a SAX handler of our own and not nlohmann::json::parse(): the parsed value does not say
// where anything was, and a refused slide must be reported on its line. The handler builds the
// same value nlohmann would, while the input it reads counts lines; when an object opens as an
// element of "events" or "eras", the line (and byte) of its "{" is noted.

#include <QString>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace claimline {

struct JsonPlace
{
    std::int64_t line = 0; // 1-based
    std::int64_t byte = 0; // 0-based offset
};

struct TimelineJsDocument
{
    nlohmann::json root;
    // Where each element of the top-level "events" and "eras" lists starts, in order.
    std::vector<JsonPlace> events, eras;
};

// Parses `bytes` into `document`. Returns an empty string, or why it is not JSON, with the
// place: `line 3, column 5: unexpected end of input; expected '}'`. Containers nested more
// than 256 deep are refused (no TimelineJS file nests more than 5).
[[nodiscard]] QString parseTimelineJsDocument(std::string_view bytes, TimelineJsDocument &document);

} // namespace claimline
