#include "search/searchtext.h"

#include <QChar>
#include <QList>

namespace claimline {

namespace {

bool isCyrillic(char32_t c)
{
    return (c >= 0x0400 && c <= 0x052F) || (c >= 0x1C80 && c <= 0x1C8F)
        || (c >= 0x2DE0 && c <= 0x2DFF) || (c >= 0xA640 && c <= 0xA69F);
}

// Appends the folded form of one code point.
template<typename Sink>
void foldCodePoint(char32_t c, Sink &&sink)
{
    if (c == 0x0401 || c == 0x0451) { // Ё ё
        sink(char32_t(0x0435));
        return;
    }
    if (c < 0x80) {
        sink(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return;
    }
    if (isCyrillic(c)) {
        // A letter of its own, even when Unicode can decompose it (й = и + breve).
        sink(QChar::toCaseFolded(c));
        return;
    }
    if (QChar::category(c) == QChar::Mark_NonSpacing)
        return; // a combining accent typed on its own
    const QString decomposed = QChar::decomposition(c);
    if (QChar::decompositionTag(c) == QChar::Canonical && !decomposed.isEmpty()) {
        for (const char32_t part : QStringView(decomposed).toUcs4()) {
            if (QChar::category(part) != QChar::Mark_NonSpacing)
                foldCodePoint(part, sink);
        }
        return;
    }
    if (c == 0x00DF) { // ß
        sink(char32_t('s'));
        sink(char32_t('s'));
        return;
    }
    sink(QChar::toCaseFolded(c));
}

} // namespace

QString foldForSearch(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        for (const QChar c : text)
            out += QChar(c.unicode() >= 'A' && c.unicode() <= 'Z' ? c.unicode() + 32 : c.unicode());
        return out;
    }
    const auto sink = [&out](char32_t c) {
        if (QChar::requiresSurrogates(c)) {
            out += QChar(QChar::highSurrogate(c));
            out += QChar(QChar::lowSurrogate(c));
        } else {
            out += QChar(char16_t(c));
        }
    };
    // Compose first, so that и + combining breve is the letter й, as typed on a keyboard.
    const QString composed = text.toString().normalized(QString::NormalizationForm_C);
    for (const char32_t c : QStringView(composed).toUcs4())
        foldCodePoint(c, sink);
    return out;
}

void foldForSearchUtf8(std::string_view text, std::string &out)
{
    const auto sink = [&out](char32_t c) {
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
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            sink(b >= 'A' && b <= 'Z' ? char32_t(b + 32) : char32_t(b));
            ++i;
            continue;
        }
        // Decode one UTF-8 sequence; invalid bytes become U+FFFD.
        int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        char32_t c = length == 4 ? b & 0x07 : length == 3 ? b & 0x0F : b & 0x1F;
        bool valid = length > 1 && i + std::size_t(length) <= text.size();
        for (int k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + std::size_t(k)]);
            valid = (next & 0xC0) == 0x80;
            c = (c << 6) | (next & 0x3F);
        }
        if (!valid) {
            sink(char32_t(0xFFFD));
            ++i;
            continue;
        }
        foldCodePoint(c, sink);
        i += std::size_t(length);
    }
}

bool containsFolded(QStringView haystack, QStringView foldedNeedle)
{
    if (foldedNeedle.isEmpty())
        return true;
    return foldForSearch(haystack).contains(foldedNeedle);
}

} // namespace claimline
