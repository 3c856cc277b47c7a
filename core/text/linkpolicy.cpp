#include "text/linkpolicy.h"

#include "text/visibletext.h"

#include <QCoreApplication>

namespace claimline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("claimline::LinkPolicy", text);
}

} // namespace

LinkCheck checkLink(const QString &text)
{
    LinkCheck check;
    const QString trimmed = text.trimmed();
    check.shown = visibleText(trimmed);
    if (trimmed.isEmpty()) {
        check.reason = tr("The source has no link.");
        return check;
    }
    // Tolerant: a raw space or "<" in a pasted address is encoded, and the user sees the
    // encoded form before anything opens.
    const QUrl url(trimmed, QUrl::TolerantMode);
    if (!url.isValid()) {
        check.reason = tr("The link is not a valid address.");
        return check;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        check.reason = scheme.isEmpty()
            ? tr("The link has no scheme; Claimline opens only http and https links.")
            : tr("Claimline opens only http and https links, not %1: links.")
                  .arg(visibleText(scheme));
        return check;
    }
    if (url.host().isEmpty()) {
        check.reason = tr("The link names no host.");
        return check;
    }
    check.allowed = true;
    check.url = url;
    check.shown = QString::fromLatin1(url.toEncoded(QUrl::FullyEncoded));
    return check;
}

LinkCheck waybackLookup(const QString &text)
{
    const LinkCheck page = checkLink(text);
    if (!page.allowed)
        return page;
    const QByteArray address = page.url.adjusted(QUrl::RemoveFragment).toEncoded();
    return checkLink(QStringLiteral("https://web.archive.org/web/*/")
                     + QString::fromLatin1(address));
}

} // namespace claimline
