#include "import/timelinejs/timelinejsslide.h"

#include "import/formats/fieldtext.h"
#include "import/importrow.h"
#include "text/htmltotext.h"

#include <QCryptographicHash>
#include <QString>
#include <QUrl>

#include <algorithm>
#include <array>

namespace claimline {

namespace {

// Hex digits of the content hash in a made id: 40 bits, so that a timeline of thousands of
// slides has no two alike by chance.
constexpr int MadeIdLength = 10;

std::string trimmed(std::string_view text)
{
    return std::string(trimmedField(text));
}

// An http or https address (allowedLink() keeps the scheme as written: "HTTPS://").
bool isWebAddress(std::string_view url)
{
    std::string scheme(url.substr(0, url.find(':')));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    return !url.empty() && (scheme == "http" || scheme == "https");
}

// The name of a source that has no better one: its host, without "www.".
std::string hostName(const std::string &url)
{
    QString host = QUrl(QString::fromStdString(url), QUrl::TolerantMode).host();
    if (host.startsWith(QLatin1String("www.")))
        host.remove(0, 4);
    return host.toStdString();
}

// The first sentence of the first line of plain text, without its full stop.
std::string_view firstSentence(std::string_view text)
{
    std::string_view line = text.substr(0, text.find('\n'));
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        if ((line[i] == '.' || line[i] == '!' || line[i] == '?') && line[i + 1] == ' ') {
            line = line.substr(0, line[i] == '.' ? i : i + 1);
            break;
        }
    }
    if (line.ends_with('.') && !line.ends_with(".."))
        line.remove_suffix(1);
    return trimmedField(line);
}

} // namespace

std::string shortened(std::string_view text, int maxChars)
{
    const QString whole = QString::fromUtf8(text.data(), qsizetype(text.size()));
    if (whole.size() <= maxChars)
        return std::string(text);
    // Cut at the last space that keeps at least half; a long word is cut where it must be.
    qsizetype cut = whole.lastIndexOf(QLatin1Char(' '), maxChars - 1);
    if (cut < maxChars / 2)
        cut = maxChars - 1;
    QString result = whole.left(cut);
    if (!result.isEmpty() && result.back().isHighSurrogate())
        result.chop(1);
    while (!result.isEmpty()
           && (result.back().isSpace() || result.back() == QLatin1Char(',')
               || result.back() == QLatin1Char(';') || result.back() == QLatin1Char(':')))
        result.chop(1);
    result += QChar(0x2026); // …
    return result.toStdString();
}

std::string slideTitle(const TimelineJsSlide &slide, const FuzzyTime &when)
{
    if (std::string headline = trimmed(htmlToLine(slide.headline)); !headline.empty())
        return headline;
    for (const std::string_view html : {slide.displayDate, slide.mediaCaption}) {
        if (const std::string line = trimmed(htmlToLine(html)); !line.empty())
            return shortened(line);
    }
    const std::string text = htmlToText(slide.text).text;
    if (const std::string_view sentence = firstSentence(text); !sentence.empty())
        return shortened(sentence);
    return when.toDisplayString().toStdString();
}

void SlideRows::addSource(std::string url, std::string name)
{
    const auto end = m_sourceUrls.begin() + std::ptrdiff_t(m_sourceCount);
    if (std::find(m_sourceUrls.begin(), end, url) != end)
        return;
    if (name.empty())
        name = hostName(url);
    if (m_sourceCount == m_sourceUrls.size()) {
        m_sourceUrls.push_back(std::move(url));
        m_sourceNames.push_back(std::move(name));
    } else {
        m_sourceUrls[m_sourceCount] = std::move(url);
        m_sourceNames[m_sourceCount] = std::move(name);
    }
    ++m_sourceCount;
}

void SlideRows::fill(const TimelineJsSlide &slide, ImportRow &row)
{
    m_title = slideTitle(slide, row.when);
    m_summary = htmlToText(slide.text).text;

    // Links are sources; only web addresses (a mailto: link names a person, not a source).
    m_sourceCount = 0;
    for (const std::string_view html :
         {slide.headline, slide.text, slide.mediaCaption, slide.mediaCredit}) {
        for (HtmlLink &link : htmlToText(html).links) {
            if (isWebAddress(link.url))
                addSource(std::move(link.url), shortened(link.text));
        }
    }
    if (std::string media = allowedLink(slide.mediaUrl); isWebAddress(media))
        addSource(std::move(media), shortened(trimmed(htmlToLine(slide.mediaCredit))));

    row.title = m_title;
    row.summary = m_summary;
    row.sources.clear();
    row.sourceUrls.clear();
    for (std::size_t i = 0; i < m_sourceCount; ++i) {
        row.sources.push_back(m_sourceNames[i]);
        row.sourceUrls.push_back(m_sourceUrls[i]);
    }
    appendUnique(trimmedField(slide.group), row.parties);
    appendUnique(trimmedField(slide.type), row.tags);

    row.id = trimmedField(slide.uniqueId);
    if (!row.id.empty())
        return;
    // No id of its own: one from what identifies the slide to a reader, its start and title.
    std::string start = row.when.toEdtf();
    start.erase(std::min(start.find('/'), start.size()));
    const std::string content = start + '\n' + m_title;
    m_id = QCryptographicHash::hash(QByteArrayView(content.data(), qsizetype(content.size())),
                                    QCryptographicHash::Sha1)
               .toHex()
               .left(MadeIdLength)
               .toStdString();
    if (const int seen = m_madeIds[m_id]++; seen > 0)
        m_id += '-' + std::to_string(seen + 1);
    row.id = m_id;
}

} // namespace claimline
