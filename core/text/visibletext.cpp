#include "text/visibletext.h"

namespace claimline {

bool isHiddenControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1
        || c == 0x061c // Arabic letter mark
        || c == 0x200e || c == 0x200f // LRM, RLM
        || (c >= 0x202a && c <= 0x202e) // LRE, RLE, PDF, LRO, RLO
        || (c >= 0x2066 && c <= 0x2069); // LRI, RLI, FSI, PDI
}

QString visibleText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    // Every character replaced is in the Basic Multilingual Plane, so code units will do:
    // surrogate pairs are never one of them and pass through unchanged.
    for (const QChar ch : text) {
        const char32_t c = ch.unicode();
        if (!isHiddenControl(c)) {
            out += ch;
            continue;
        }
        out += QChar(0x27e8) + QStringLiteral("U+")
            + QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'))
            + QChar(0x27e9);
    }
    return out;
}

} // namespace claimline
