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
