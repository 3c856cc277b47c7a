#include "format/jsonoutput.h"

namespace claimline {

namespace {
using json = nlohmann::json;
} // namespace

void jsonstring::appendEscaped(std::string &out, unsigned char c)
{
    switch (c) {
    case '"':
        out.append("\\\"");
        break;
    case '\\':
        out.append("\\\\");
        break;
    case '\n':
        out.append("\\n");
        break;
    case '\r':
        out.append("\\r");
        break;
    case '\t':
        out.append("\\t");
        break;
    case '\b':
        out.append("\\b");
        break;
    case '\f':
        out.append("\\f");
        break;
    default: {
        static constexpr char hex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(escaped, sizeof escaped);
    }
    }
}

void writeJson(JsonOutput &out, const json &value)
{
    switch (value.type()) {
    case json::value_t::object: {
        JsonObjectWriter object(out);
        for (const auto &[k, v] : value.items())
            writeJson(object.key(k), v);
        break;
    }
    case json::value_t::array: {
        out.raw('[');
        bool first = true;
        for (const json &element : value) {
            if (!first)
                out.raw(", ");
            first = false;
            writeJson(out, element);
        }
        out.raw(']');
        break;
    }
    case json::value_t::string:
        out.string(value.get_ref<const std::string &>());
        break;
    case json::value_t::boolean:
        out.raw(value.get<bool>() ? "true" : "false");
        break;
    case json::value_t::number_integer:
        out.integer(value.get<std::int64_t>());
        break;
    case json::value_t::number_unsigned:
        out.integer(value.get<std::uint64_t>());
        break;
    case json::value_t::number_float:
        out.number(value.get<double>());
        break;
    default:
        out.raw("null");
        break;
    }
}

bool isJsonNumber(std::string_view text)
{
    // RFC 8259: [ "-" ] ( "0" / 1-9 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "-" / "+" ] 1*DIGIT
    // ]
    std::size_t i = 0;
    const auto digit = [&text](std::size_t at) {
        return at < text.size() && text[at] >= '0' && text[at] <= '9';
    };
    const auto digits = [&]() {
        const std::size_t from = i;
        while (digit(i))
            ++i;
        return i > from;
    };
    if (i < text.size() && text[i] == '-')
        ++i;
    if (i < text.size() && text[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == text.size();
}

} // namespace claimline
