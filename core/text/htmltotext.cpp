#include "text/htmltotext.h"

#include <QString>
#include <QUrl>

#include <algorithm>
#include <array>
#include <optional>

namespace claimline {

namespace {

// The names of the Latin-1 characters U+00A0 to U+00FF, in order.
constexpr std::array<std::string_view, 96> Latin1Names {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct NamedReference
{
    std::string_view name;
    char32_t code;
};

// The other named references people type into a slide (HTML's list has 2,231).
constexpr std::array<NamedReference, 36> OtherNames {{
    {"amp", U'&'},        {"lt", U'<'},          {"gt", U'>'},          {"quot", U'"'},
    {"apos", U'\''},      {"mdash", U'\u2014'},  {"ndash", U'\u2013'},  {"hellip", U'\u2026'},
    {"rsquo", U'\u2019'}, {"lsquo", U'\u2018'},  {"rdquo", U'\u201D'},  {"ldquo", U'\u201C'},
    {"sbquo", U'\u201A'}, {"bdquo", U'\u201E'},  {"lsaquo", U'\u2039'}, {"rsaquo", U'\u203A'},
    {"bull", U'\u2022'},  {"euro", U'\u20AC'},   {"trade", U'\u2122'},  {"prime", U'\u2032'},
    {"Prime", U'\u2033'}, {"dagger", U'\u2020'}, {"Dagger", U'\u2021'}, {"permil", U'\u2030'},
    {"minus", U'\u2212'}, {"thinsp", U'\u2009'}, {"ensp", U'\u2002'},   {"emsp", U'\u2003'},
    {"OElig", U'\u0152'}, {"oelig", U'\u0153'},  {"Scaron", U'\u0160'}, {"scaron", U'\u0161'},
    {"Yuml", U'\u0178'},  {"fnof", U'\u0192'},   {"circ", U'\u02C6'},   {"tilde", U'\u02DC'},
}};

// What browsers read &#128; to &#159; as: Windows-1252 (0: a control character, dropped).
constexpr std::array<char16_t, 32> Windows1252 {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Elements whose contents are not text to read: dropped up to their end tag.
constexpr std::array<std::string_view, 8> DroppedElements {
    "script", "style", "template", "iframe", "noembed", "noframes", "xmp", "textarea"};

// Elements that start and end a line of their own.
constexpr std::array<std::string_view, 33> BlockElements {
    "address", "article", "aside",      "blockquote", "br",     "caption", "center", "dd",  "div",
    "dl",      "dt",      "figcaption", "figure",     "footer", "form",    "h1",     "h2",  "h3",
    "h4",      "h5",      "h6",         "header",     "hr",     "li",      "main",   "nav", "ol",
    "p",       "pre",     "section",    "table",      "tr",     "ul"};

template<std::size_t N>
bool isOneOf(std::string_view name, const std::array<std::string_view, N> &names)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isAsciiAlnum(char c)
{
    return isAsciiAlpha(c) || (c >= '0' && c <= '9');
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(), asciiLower);
    return result;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size()
        && std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [](char a, char b) { return asciiLower(a) == asciiLower(b); });
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// A numeric reference's code point as browsers read it: C1 numbers as Windows-1252, NUL,
// surrogates and numbers past Unicode as U+FFFD.
char32_t numericCode(std::uint32_t value)
{
    if (value >= 0x80 && value <= 0x9F)
        return Windows1252[value - 0x80];
    if (value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
        return U'\uFFFD';
    return value;
}

// The character reference at `text[pos]` ('&'): its code point, with `pos` moved past it; or
// nullopt, `pos` unchanged, when it is none (a lone "&", an unknown name).
std::optional<char32_t> reference(std::string_view text, std::size_t &pos)
{
    std::size_t p = pos + 1;
    if (p < text.size() && text[p] == '#') {
        ++p;
        const bool hex = p < text.size() && (text[p] == 'x' || text[p] == 'X');
        if (hex)
            ++p;
        const std::size_t digitsStart = p;
        std::uint32_t value = 0;
        for (; p < text.size(); ++p) {
            const char c = text[p];
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (hex && asciiLower(c) >= 'a' && asciiLower(c) <= 'f')
                digit = asciiLower(c) - 'a' + 10;
            if (digit < 0)
                break;
            // Saturate: "&#99999999999;" is past Unicode, not a wrapped-around letter.
            value
                = std::min<std::uint32_t>(value * (hex ? 16 : 10) + std::uint32_t(digit), 0x110000);
        }
        if (p == digitsStart)
            return std::nullopt;
        if (p < text.size() && text[p] == ';') // browsers accept it missing
            ++p;
        pos = p;
        return numericCode(value);
    }
    const std::size_t nameStart = p;
    while (p < text.size() && p - nameStart < 10 && isAsciiAlnum(text[p]))
        ++p;
    if (p == nameStart || p >= text.size() || text[p] != ';')
        return std::nullopt;
    const std::string_view name = text.substr(nameStart, p - nameStart);
    for (std::size_t i = 0; i < Latin1Names.size(); ++i) {
        if (Latin1Names[i] == name) {
            pos = p + 1;
            return char32_t(0xA0 + i);
        }
    }
    for (const NamedReference &named : OtherNames) {
        if (named.name == name) {
            pos = p + 1;
            return named.code;
        }
    }
    return std::nullopt;
}

// An attribute's value with its references decoded.
std::string decodedValue(std::string_view value)
{
    std::string result;
    result.reserve(value.size());
    for (std::size_t pos = 0; pos < value.size();) {
        if (value[pos] == '&') {
            if (const auto code = reference(value, pos)) {
                appendUtf8(result, *code);
                continue;
            }
        }
        result += value[pos++];
    }
    return result;
}

// One conversion: the fragment read left to right, the text laid out as it goes.
class Converter
{
public:
    explicit Converter(std::string_view html)
        : m_html(html)
    { }

    HtmlText run()
    {
        while (m_pos < m_html.size()) {
            const char c = m_html[m_pos];
            if (c == '<') {
                markup();
            } else if (c == '&') {
                if (const auto code = reference(m_html, m_pos))
                    character(*code);
                else
                    put(m_html.substr(m_pos++, 1));
            } else if (isAsciiSpace(c)) {
                m_space = true;
                ++m_pos;
            } else if ((unsigned char)c < 0x20 || c == 0x7F) {
                ++m_pos; // a control character in the middle of text: nothing to show
            } else {
                const std::size_t start = m_pos;
                while (m_pos < m_html.size() && isOrdinary(m_html[m_pos]))
                    ++m_pos;
                put(m_html.substr(start, m_pos - start));
            }
        }
        closeLink();
        return std::move(m_result);
    }

private:
    static bool isOrdinary(char c)
    {
        return c != '<' && c != '&' && !isAsciiSpace(c) && ((unsigned char)c >= 0x20 && c != 0x7F);
    }

    // Text to show: after the space or line break pending before it, if any.
    void put(std::string_view bytes)
    {
        std::string &out = m_result.text;
        if (!out.empty()) {
            if (m_break)
                out += '\n';
            else if (m_space)
                out += ' ';
        }
        m_break = false;
        m_space = false;
        out += bytes;
    }

    void character(char32_t code)
    {
        if (code == U' ' || code == U'\t' || code == U'\n' || code == U'\r' || code == U'\f'
            || code == U'\u00A0') {
            m_space = true;
            return;
        }
        if (code == 0 || code < 0x20 || code == 0x7F || code == U'\u00AD') // controls, soft hyphen
            return;
        std::string bytes;
        appendUtf8(bytes, code);
        put(bytes);
    }

    // At a "<": a tag, a comment, or a "<" that is text.
    void markup()
    {
        const std::size_t size = m_html.size();
        std::size_t p = m_pos + 1;
        if (p >= size) {
            put("<");
            m_pos = p;
            return;
        }
        const char next = m_html[p];
        if (next == '!' && m_html.substr(p, 3) == "!--") {
            const std::size_t end = m_html.find("-->", p + 3);
            m_pos = end == std::string_view::npos ? size : end + 3;
            return;
        }
        if (next == '!' || next == '?') { // a declaration or processing instruction
            skipPast('>', p);
            return;
        }
        bool closing = false;
        if (next == '/') {
            closing = true;
            ++p;
            if (p < size && !isAsciiAlpha(m_html[p])) { // "</>", "</ x>": nothing
                skipPast('>', p);
                return;
            }
        } else if (!isAsciiAlpha(next)) { // "a < b", "<3"
            put("<");
            m_pos = p;
            return;
        }
        const std::size_t nameStart = p;
        while (p < size && !isAsciiSpace(m_html[p]) && m_html[p] != '/' && m_html[p] != '>')
            ++p;
        const std::string name = lowered(m_html.substr(nameStart, p - nameStart));
        std::optional<std::string_view> href;
        if (!attributes(p, name == "a" && !closing ? &href : nullptr))
            return; // the tag is not closed: it and the rest are dropped, as browsers do
        element(name, closing, href);
    }

    // Reads the attributes from `p` to the tag's ">" and moves past it; false (and the end
    // reached) when the fragment ends first. The first href goes to `href`, when given.
    bool attributes(std::size_t p, std::optional<std::string_view> *href)
    {
        const std::size_t size = m_html.size();
        while (true) {
            while (p < size && (isAsciiSpace(m_html[p]) || m_html[p] == '/'))
                ++p;
            if (p >= size) {
                m_pos = size;
                return false;
            }
            if (m_html[p] == '>') {
                m_pos = p + 1;
                return true;
            }
            const std::size_t nameStart = p++; // a name may start with "=" in tag soup
            while (p < size && !isAsciiSpace(m_html[p]) && m_html[p] != '/' && m_html[p] != '>'
                   && m_html[p] != '=')
                ++p;
            const std::string_view name = m_html.substr(nameStart, p - nameStart);
            while (p < size && isAsciiSpace(m_html[p]))
                ++p;
            std::string_view value;
            if (p < size && m_html[p] == '=') {
                ++p;
                while (p < size && isAsciiSpace(m_html[p]))
                    ++p;
                if (p < size && (m_html[p] == '"' || m_html[p] == '\'')) {
                    const std::size_t end = m_html.find(m_html[p], p + 1);
                    if (end == std::string_view::npos) {
                        m_pos = size;
                        return false;
                    }
                    value = m_html.substr(p + 1, end - p - 1);
                    p = end + 1;
                } else {
                    const std::size_t valueStart = p;
                    while (p < size && !isAsciiSpace(m_html[p]) && m_html[p] != '>')
                        ++p;
                    value = m_html.substr(valueStart, p - valueStart);
                }
            }
            if (href && !*href && lowered(name) == "href")
                *href = value;
        }
    }

    void element(const std::string &name, bool closing, const std::optional<std::string_view> &href)
    {
        if (!closing && isOneOf(name, DroppedElements)) {
            skipElement(name);
        } else if (isOneOf(name, BlockElements)) {
            m_break = true;
        } else if (name == "td" || name == "th") {
            m_space = true;
        } else if (name == "a") {
            closeLink();
            if (!closing && href)
                openLink(allowedLink(decodedValue(*href)));
        }
    }

    // Past the end tag of an element whose contents are dropped ("</script>"); to the end
    // when it has none.
    void skipElement(std::string_view name)
    {
        for (std::size_t p = m_html.find("</", m_pos); p != std::string_view::npos;
             p = m_html.find("</", p + 2)) {
            const std::size_t after = p + 2 + name.size();
            if (startsWithNoCase(m_html.substr(p + 2), name)
                && (after >= m_html.size() || !isAsciiAlnum(m_html[after]))) {
                skipPast('>', after);
                return;
            }
        }
        m_pos = m_html.size();
    }

    void skipPast(char c, std::size_t from)
    {
        const std::size_t end = m_html.find(c, from);
        m_pos = end == std::string_view::npos ? m_html.size() : end + 1;
    }

    void openLink(std::string url)
    {
        if (url.empty())
            return;
        m_linkUrl = std::move(url);
        m_linkStart = m_result.text.size();
        m_inLink = true;
    }

    void closeLink()
    {
        if (!m_inLink)
            return;
        m_inLink = false;
        std::string text = m_result.text.substr(m_linkStart);
        std::replace(text.begin(), text.end(), '\n', ' ');
        const auto first = text.find_first_not_of(' ');
        text.erase(0, first == std::string::npos ? text.size() : first);
        m_result.links.push_back({std::move(m_linkUrl), std::move(text)});
    }

    std::string_view m_html;
    std::size_t m_pos = 0;
    HtmlText m_result;
    bool m_space = false; // white space seen since the last text
    bool m_break = false; // a line break seen since the last text
    bool m_inLink = false;
    std::string m_linkUrl;
    std::size_t m_linkStart = 0;
};

} // namespace

HtmlText htmlToText(std::string_view html)
{
    return Converter(html).run();
}

std::string htmlToLine(std::string_view html)
{
    std::string text = htmlToText(html).text;
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

std::string allowedLink(std::string_view href)
{
    // Browsers drop tabs and line breaks anywhere in an address and controls and spaces
    // around it: "java\nscript:" is "javascript:" to them, so it must be to us.
    std::string url;
    url.reserve(href.size());
    for (const char c : href) {
        if (c != '\t' && c != '\n' && c != '\r')
            url += c;
    }
    const auto isEdge = [](char c) {
        return (unsigned char)c <= 0x20;
    };
    const auto first = std::find_if_not(url.begin(), url.end(), isEdge);
    url.erase(url.begin(), first);
    while (!url.empty() && isEdge(url.back()))
        url.pop_back();
    if (url.starts_with("//"))
        url.insert(0, "https:");

    if (startsWithNoCase(url, "mailto:"))
        return url.size() > 7 ? url : std::string();
    if (!startsWithNoCase(url, "http://") && !startsWithNoCase(url, "https://"))
        return {};
    const QUrl parsed(QString::fromUtf8(url.data(), qsizetype(url.size())), QUrl::TolerantMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return {};
    return url;
}

} // namespace claimline
