#include "text/languagetag.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace claimline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("claimline::LanguageTag", text);
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiAlphanumeric(QChar c)
{
    return isAsciiLetter(c) || (c >= u'0' && c <= u'9');
}

} // namespace

QString languageTagProblem(const QString &text)
{
    const QString tag = text.trimmed();
    if (tag.isEmpty())
        return tr("a language is a code such as en, ru or pt-BR");
    if (tag.contains(u'_'))
        return tr("parts of a language code are joined by a hyphen, not an underscore "
                  "(pt-BR)");
    const QStringList parts = tag.split(u'-');
    const QString &language = parts.front();
    const bool singleton = language.size() == 1
        && (language.front().toLower() == u'x' || language.front().toLower() == u'i');
    if (!std::all_of(language.begin(), language.end(), isAsciiLetter)
        || (language.size() < 2 && !singleton) || language.size() > 3)
        return tr("a language code starts with two or three letters, as en, ru or uk do");
    if (singleton && parts.size() < 2)
        return tr("a private-use code has a part after the hyphen (x-…)");
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (part.isEmpty() || part.size() > 8
            || !std::all_of(part.begin(), part.end(), isAsciiAlphanumeric))
            return tr("each part after a hyphen is one to eight letters or digits (pt-BR, "
                      "sr-Latn)");
    }
    return {};
}

} // namespace claimline
