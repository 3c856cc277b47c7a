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
        std::string marker;
        appendHiddenControlMarker(marker, c);
        out += QString::fromUtf8(marker.data(), qsizetype(marker.size()));
    }
    return out;
}

void appendHiddenControlMarker(std::string &out, char32_t c)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    out.append("\u27e8U+"); // ⟨
    // At least four digits, as U+ is written; every hidden control has four.
    int digits = 4;
    while (digits < 8 && (c >> (4 * digits)) != 0)
        ++digits;
    for (int i = digits - 1; i >= 0; --i)
        out.push_back(hex[(c >> (4 * i)) & 15]);
    out.append("\u27e9"); // ⟩
}

} // namespace claimline
