#include "text/quotedtext.h"

#include "text/utf8.h"

namespace claimline {

namespace {

// Appends `text` in double quotes, escaping quotes, backslashes, control characters and
// invalid UTF-8, and cutting it after MaxQuoted characters: a line of binary junk or a
// megabyte pasted by mistake must not turn into an unreadable (or huge) message.
void appendQuoted(std::string &out, std::string_view text)
{
    constexpr int MaxQuoted = 60;
    constexpr char hex[] = "0123456789ABCDEF";
    out += '"';
    int characters = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (characters == MaxQuoted) {
            out += "…";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
            ++i;
        } else if (c == '\t') {
            out += "\\t";
            ++i;
        } else if (c == '\n') {
            out += "\\n";
            ++i;
        } else if (c == '\r') {
            out += "\\r";
            ++i;
        } else if (const std::size_t length = utf8SequenceLength(text, i)) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
            ++i;
        }
        ++characters;
    }
    out += '"';
}

// Whether a quotation mark after `before` opens a quotation: after a space or a line break,
// an opening bracket, a dash or another opening quote.
bool opensAfter(QChar before)
{
    if (before.isSpace())
        return true;
    switch (before.unicode()) {
    case u'(':
    case u'[':
    case u'{':
    case u'/':
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2018: // ‘
    case 0x201c: // “
    case 0x00ab: // «
        return true;
    default:
        return false;
    }
}

} // namespace

std::string quoted(std::string_view text)
{
    std::string out;
    appendQuoted(out, text);
    return out;
}

QString inQuotes(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QChar(0x201c);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"' || c == QChar(0x201c) || c == QChar(0x201d))
            out += QChar(opensAfter(out.back()) ? 0x2018 : 0x2019); // “ opens at the start
        else
            out += c;
    }
    out += QChar(0x201d);
    return out;
}

} // namespace claimline
