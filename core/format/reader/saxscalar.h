#pragma once

// SaxScalar: a scalar JSON value as nlohmann's SAX parser hands it over, passed by reference
// from the SAX handler to whoever consumes it (no json value is built for known fields).
// Internal to claimline_core (the project reader's parts).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimline {

struct SaxScalar
{
    using json = nlohmann::json;

    json::value_t type = json::value_t::null;
    bool boolean = false;
    std::int64_t integer = 0;
    std::uint64_t unsignedInteger = 0;
    double number = 0;
    std::string_view string;
    // A float's text as the file spells it ("3.10", "1e5"): an attribute keeps it, so that it
    // is written back as it was read. Empty when the parser did not give it.
    std::string_view numberText;

    json toJson() const
    {
        switch (type) {
        case json::value_t::boolean:
            return boolean;
        case json::value_t::number_integer:
            return integer;
        case json::value_t::number_unsigned:
            return unsignedInteger;
        case json::value_t::number_float:
            return number;
        case json::value_t::string:
            return std::string(string);
        default:
            return nullptr;
        }
    }
    std::optional<double> asDouble() const
    {
        switch (type) {
        case json::value_t::number_integer:
            return double(integer);
        case json::value_t::number_unsigned:
            return double(unsignedInteger);
        case json::value_t::number_float:
            return number;
        default:
            return std::nullopt;
        }
    }
    std::optional<std::int64_t> asInteger() const
    {
        if (type == json::value_t::number_integer)
            return integer;
        if (type == json::value_t::number_unsigned && unsignedInteger <= INT64_MAX)
            return static_cast<std::int64_t>(unsignedInteger);
        return std::nullopt;
    }
    // For messages: "must be a string, not a number".
    const char *typeName() const
    {
        switch (type) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return "a number";
        case json::value_t::string:
            return "a string";
        case json::value_t::object:
            return "an object";
        case json::value_t::array:
            return "an array";
        default:
            return "a value";
        }
    }
};

} // namespace claimline
