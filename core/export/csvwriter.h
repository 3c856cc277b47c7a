#pragma once

// CsvWriter: one CSV file of a data export (csvexport.h: the events, claims and relations; the
// evidence manifest), written as UTF-8 straight from the project's text. The quoting and the
// formula guard are csvexport.h's rules, in one place. Internal to core's exports.

#include "export/utf8writer.h"
#include "text/bytescan.h"
#include "time/fuzzytime.h"

#include <QIODevice>
#include <QString>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace claimline::csv {

// The rules, for QString (csvText()) and UTF-8 (CsvWriter) alike: a field holding one of these
// is quoted, and text starting with one of OWASP's characters that make a spreadsheet cell a
// formula gets an apostrophe first.
inline constexpr std::string_view QuotedCharacters = ",\"\r\n";
inline constexpr std::string_view FormulaStarts = "=+-@\t\r";

// Whether `c` is one of `set` (QuotedCharacters, FormulaStarts): plain comparisons, where
// std::string_view::find() calls memchr() for a single byte.
constexpr bool isOneOf(char c, std::string_view set)
{
    for (const char s : set) {
        if (c == s)
            return true;
    }
    return false;
}

// The bytes that make a field quoted (QuotedCharacters), and the same with every byte outside
// ASCII: a field with none of those needs neither normalizing (normalizedUtf8()) nor quoting.
using QuoteScan = ByteScan<false, false, ',', '"', '\r', '\n'>;
using PlainAsciiScan = ByteScan<false, true, ',', '"', '\r', '\n'>;
static_assert([] {
    for (unsigned c = 0; c < 256; ++c) {
        if (QuoteScan::stopsAt(static_cast<unsigned char>(c)) != isOneOf(char(c), QuotedCharacters))
            return false;
    }
    return true;
}());

// Whether the text holds one of QuotedCharacters.
inline bool needsQuotes(std::string_view text)
{
    return !QuoteScan::isPlain(text);
}

// One CSV file: rows of comma-separated fields, CRLF after each, written as UTF-8 straight
// from the project's text (utf8writer.h). A million events make a few hundred MiB, which are
// never held at once.
class CsvWriter
{
public:
    CsvWriter(QIODevice &device, bool byteOrderMark)
        : m_out(device, byteOrderMark)
    { }
    // A writer of rows made on another thread (writeInPieces()): they stay in buffer().
    CsvWriter() = default;

    // The names of the columns; `more` follow (columns an option adds).
    void header(std::span<const std::string_view> names,
                std::span<const std::string_view> more = {})
    {
        for (const std::string_view name : names)
            plain(name);
        for (const std::string_view name : more)
            plain(name);
        endRow();
    }
    // Text from the project: csvText().
    void text(std::string_view raw)
    {
        // Most text is plain ASCII: one scan tells, and it is written as it is.
        if (PlainAsciiScan::isPlain(raw)) {
            separator();
            unquoted(raw);
            return;
        }
        textUtf8(normalizedUtf8(raw, m_scratch));
    }
    void text(const QString &text) { textUtf8(text.toStdString()); }
    // Text as normalizedUtf8() gives it.
    void textUtf8(std::string_view utf8)
    {
        separator();
        if (!needsQuotes(utf8)) {
            unquoted(utf8);
            return;
        }
        m_out.append('"');
        if (isFormula(utf8))
            m_out.append('\'');
        std::size_t clean = 0;
        for (std::size_t i = utf8.find('"'); i != utf8.npos; i = utf8.find('"', i + 1)) {
            m_out.append(utf8.substr(clean, i + 1 - clean));
            m_out.append('"');
            clean = i + 1;
        }
        m_out.append(utf8.substr(clean));
        m_out.append('"');
    }
    // A field that needs no quoting (names, EDTF).
    void plain(std::string_view ascii)
    {
        separator();
        m_out.append(ascii);
    }
    void empty() { separator(); }
    void integer(std::int64_t value)
    {
        separator();
        m_out.appendInteger(value);
    }
    void number(double value)
    {
        separator();
        m_out.appendNumber(value);
    }
    // The instant in ISO 8601, UTC.
    void instant(std::int64_t seconds)
    {
        separator();
        m_out.appendIsoUtc(seconds);
    }
    void endRow()
    {
        m_out.append("\r\n");
        m_out.endRecord();
        m_rowStarted = false;
    }
    bool finish(QString *error) { return m_out.finish(error); }
    Utf8Writer &out() { return m_out; }
    std::string &buffer() { return m_out.buffer(); }

private:
    void separator()
    {
        if (m_rowStarted)
            m_out.append(',');
        m_rowStarted = true;
    }
    static bool isFormula(std::string_view utf8)
    {
        return !utf8.empty() && isOneOf(utf8.front(), FormulaStarts);
    }
    // A field that needs no quotes, with the formula guard where it starts like one.
    void unquoted(std::string_view utf8)
    {
        if (isFormula(utf8))
            m_out.append('\'');
        m_out.append(utf8);
    }

    Utf8Writer m_out;
    bool m_rowStarted = false;
    std::string m_scratch;
};

// Items joined with ';' into one text field (parties, tags, sources). Each item is text from
// the project; the joined text gets the field's guard and quoting as a whole. Most lists hold
// one item: it is written as a text field of its own, which gives the same bytes without
// copying it first. Items are views into the project, valid while the row is written.
class CsvList
{
public:
    void add(std::string_view raw)
    {
        if (m_count++ == 0) {
            m_first = raw;
            return;
        }
        if (m_count == 2)
            m_joined.assign(normalizedUtf8(m_first, m_scratch));
        m_joined.push_back(';');
        m_joined.append(normalizedUtf8(raw, m_scratch));
    }
    void writeTo(CsvWriter &csv)
    {
        if (m_count == 1)
            csv.text(m_first);
        else
            csv.textUtf8(m_count == 0 ? std::string_view() : std::string_view(m_joined));
    }
    // The first item is kept as a view: a temporary would be gone by writeTo().
    void add(std::string &&) = delete;
    void clear()
    {
        m_first = {};
        m_joined.clear();
        m_count = 0;
    }

private:
    std::string_view m_first;
    std::string m_joined; // from the second item on
    std::string m_scratch;
    std::size_t m_count = 0;
};

// EDTF text, then the earliest and the latest instant it may mean (empty for an open end).
inline void timeFields(CsvWriter &csv, const FuzzyTime &time)
{
    if (time.isNull()) {
        csv.empty();
        csv.empty();
        csv.empty();
        return;
    }
    csv.plain(time.toEdtf());
    if (time.isOpenStart())
        csv.empty();
    else
        csv.instant(time.start());
    if (time.isOpenEnd())
        csv.empty();
    else
        csv.instant(time.end() - 1);
}

} // namespace claimline::csv
