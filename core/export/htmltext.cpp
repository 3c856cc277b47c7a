#include "export/htmltext.h"

#include "text/visibletext.h"

#include <QUrl>

namespace claimline {

QString htmlEscaped(const QString &text)
{
    QString escaped = visibleText(text).toHtmlEscaped();
    escaped.replace(QLatin1Char('\''), QStringLiteral("&#39;"));
    return escaped;
}

namespace {

template<typename Scan, bool InJson>
void appendEscaped(std::string &out, std::string_view utf8)
{
    std::size_t clean = 0; // utf8[clean, i) is copied as it is
    const auto replace = [&](std::size_t i, std::size_t length, std::string_view with) {
        out.append(utf8.data() + clean, i - clean);
        out.append(with);
        clean = i + length;
    };
    for (std::size_t i = Scan::find(utf8); i < utf8.size(); i = Scan::find(utf8, i + 1)) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        switch (lead) {
        case '<':
            replace(i, 1, "&lt;");
            continue;
        case '>':
            replace(i, 1, "&gt;");
            continue;
        case '&':
            replace(i, 1, "&amp;");
            continue;
        case '"':
            replace(i, 1, "&quot;");
            continue;
        case '\'':
            replace(i, 1, "&#39;");
            continue;
        case '\\':
            if constexpr (InJson)
                replace(i, 1, "\\\\");
            continue;
        default:
            break;
        }
        // A hidden control, or the lead byte of a two- or three-byte sequence that may be one.
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : 3;
        char32_t c = length == 1 ? lead : lead & (length == 2 ? 0x1fu : 0x0fu);
        for (std::size_t k = 1; k < length; ++k)
            c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3fu);
        if (isHiddenControl(c)) {
            std::string marker;
            appendHiddenControlMarker(marker, c);
            replace(i, length, marker);
        }
        i += length - 1;
    }
    out.append(utf8.data() + clean, utf8.size() - clean);
}

} // namespace

void appendHtmlEscaped(std::string &out, std::string_view utf8)
{
    appendEscaped<HtmlAttentionScan, false>(out, utf8);
}

void appendHtmlEscapedJsonBody(std::string &out, std::string_view utf8)
{
    appendEscaped<HtmlJsonAttentionScan, true>(out, utf8);
}

QString htmlLink(const QString &url, const QString &text)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return htmlEscaped(text);
    return QStringLiteral("<a href=\"") + htmlEscaped(parsed.toString(QUrl::FullyEncoded))
        + QStringLiteral("\">") + htmlEscaped(text) + QStringLiteral("</a>");
}

} // namespace claimline
