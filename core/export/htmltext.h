#pragma once

// Text from a file made safe inside HTML, for every export that writes HTML (the narratives
// page, the TimelineJS JSON, whose strings TimelineJS renders as HTML): one escaping function,
// so that no export forgets a character.

#include <QString>

#include <string>
#include <string_view>

namespace claimline {

// Text escaped for HTML text and attribute values (& < > " '), control and bidi characters
// shown as visible markers (visibletext.h).
QString htmlEscaped(const QString &text);
// The same on UTF-8 (the exports that write UTF-8 directly): appends the bytes of
// htmlEscaped(QString::fromUtf8(text)) to `out`, without a QString. `text` must be valid UTF-8
// as normalizedUtf8() (utf8writer.h) gives it.
void appendHtmlEscaped(std::string &out, std::string_view utf8);

// A link when the URL is http or https (escaped in the attribute and the text), else the
// escaped text alone: a file must not put javascript: or data: links in a published page.
QString htmlLink(const QString &url, const QString &text);

} // namespace claimline
