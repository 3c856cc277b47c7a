#pragma once

// JsonOutput: the writer's JSON text, appended to a buffer and handed to a sink a megabyte at a
// time (the project writer streams: it never builds a DOM nor holds the whole file). With it
// JsonObjectWriter, one object's keys in call order, and writeJson(), a value kept as JSON
// (unknown fields, saved views) written back in the same canonical spacing. Internal to core.

#include "text/bytescan.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>

namespace claimline {

namespace jsonstring {

// What JSON escapes: a quote, a backslash, a control character.
using EscapeScan = ByteScan<true, false, '"', '\\'>;

// The index of the first character at or after `from` that JSON escapes, or the size.
inline std::size_t plainUntil(std::string_view text, std::size_t from)
{
    return EscapeScan::find(text, from);
}

// Appends the escape of one character plainUntil() stopped at.
void appendEscaped(std::string &out, unsigned char c);

} // namespace jsonstring

// What goes between the quotes of a JSON string of `text` (appendJsonString()). Escaping is
// character by character: the bodies of two texts one after the other are the body of the two
// together (the TimelineJS export builds a string's body in parts).
inline void appendJsonStringBody(std::string &out, std::string_view text)
{
    std::size_t clean = 0;
    for (std::size_t i = jsonstring::plainUntil(text, 0); i < text.size();
         i = jsonstring::plainUntil(text, clean)) {
        out.append(text.data() + clean, i - clean);
        jsonstring::appendEscaped(out, static_cast<unsigned char>(text[i]));
        clean = i + 1;
    }
    out.append(text.data() + clean, text.size() - clean);
}

// Appends `text` to `out` as a JSON string: quoted, with a quote, a backslash and the control
// characters escaped (\n, \u001f) and everything else as it is. The same bytes as
// nlohmann::json's dump() of the string (for valid UTF-8, which is all a Project holds): the
// project writer and the TimelineJS export write strings with it.
inline void appendJsonString(std::string &out, std::string_view text)
{
    out.push_back('"');
    appendJsonStringBody(out, text);
    out.push_back('"');
}

// Appends JSON text to a buffer and hands it to a sink whenever it grows past a megabyte;
// without a sink it keeps all of it (a piece of an array made on another thread: text()).
class JsonOutput
{
public:
    using Sink = std::function<bool(std::string_view)>;
    explicit JsonOutput(Sink sink)
        : m_sink(std::move(sink))
        , m_flushSize(FlushSize)
    {
        m_buffer.reserve(FlushSize + 64 * 1024);
    }
    JsonOutput() = default;

    void raw(std::string_view text)
    {
        m_buffer.append(text);
        if (m_buffer.size() >= m_flushSize)
            flush();
    }
    void raw(char c) { m_buffer.push_back(c); }

    void string(std::string_view text)
    {
        appendJsonString(m_buffer, text);
        if (m_buffer.size() >= m_flushSize)
            flush();
    }

    void number(double value)
    {
        char text[32];
        const auto result = std::to_chars(text, text + sizeof text, value);
        std::string_view s(text, std::size_t(result.ptr - text));
        m_buffer.append(s);
        // Keep a float a float through a round trip ("1.0", not "1").
        if (s.find_first_of(".eE") == std::string_view::npos)
            m_buffer.append(".0");
    }
    template<typename Int>
    void integer(Int value)
    {
        char text[24];
        const auto result = std::to_chars(text, text + sizeof text, value);
        m_buffer.append(text, std::size_t(result.ptr - text));
    }

    // Hands what is buffered and then `text` to the sink, without copying `text` into the
    // buffer (pieces of megabytes made elsewhere).
    bool write(std::string_view text)
    {
        if (flush() && !text.empty())
            m_failed = !m_sink(text);
        return !m_failed;
    }
    bool flush()
    {
        if (!m_failed && !m_buffer.empty() && m_sink)
            m_failed = !m_sink(m_buffer);
        if (m_sink)
            m_buffer.clear();
        return !m_failed;
    }
    bool failed() const { return m_failed; }
    // What was written so far (all of it without a sink); the caller may take it.
    std::string &text() { return m_buffer; }

private:
    static constexpr std::size_t FlushSize = std::size_t(1) << 20;

    Sink m_sink;
    std::size_t m_flushSize = std::numeric_limits<std::size_t>::max();
    std::string m_buffer;
    bool m_failed = false;
};

// Writes one JSON object: `{"a": 1, "b": 2}`; fields in call order.
class JsonObjectWriter
{
public:
    explicit JsonObjectWriter(JsonOutput &out)
        : m_out(out)
    {
        m_out.raw('{');
    }
    ~JsonObjectWriter() { m_out.raw('}'); }
    JsonObjectWriter(const JsonObjectWriter &) = delete;
    JsonObjectWriter &operator=(const JsonObjectWriter &) = delete;

    JsonOutput &key(std::string_view name)
    {
        if (!m_first)
            m_out.raw(", ");
        m_first = false;
        m_out.string(name);
        m_out.raw(": ");
        return m_out;
    }
    void text(std::string_view name, std::string_view value)
    {
        if (!value.empty())
            key(name).string(value);
    }
    // A required field is written even when empty: the reader accepts "", and leaving the
    // field out would save a file that cannot be opened again.
    void required(std::string_view name, std::string_view value) { key(name).string(value); }

private:
    JsonOutput &m_out;
    bool m_first = true;
};

// Writes a JSON value (an object's keys in the DOM's order, which is sorted).
void writeJson(JsonOutput &out, const nlohmann::json &value);

// Whether `text` is a number as JSON spells it ("-3", "0.5", "1e5"; not "007", "+1", ".5",
// "1.", "NaN"): a number kept as text is written bare only when it is one.
bool isJsonNumber(std::string_view text);

} // namespace claimline
