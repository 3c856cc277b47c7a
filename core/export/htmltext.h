#pragma once

// Text from a file made safe inside HTML, for every export that writes HTML (the narratives
// page, the TimelineJS JSON, whose strings TimelineJS renders as HTML): one escaping function,
// so that no export forgets a character.

#include <QString>

namespace claimline {

// Text escaped for HTML text and attribute values (& < > " '), control and bidi characters
// shown as visible markers (visibletext.h).
QString htmlEscaped(const QString &text);

// A link when the URL is http or https (escaped in the attribute and the text), else the
// escaped text alone: a file must not put javascript: or data: links in a published page.
QString htmlLink(const QString &url, const QString &text);

} // namespace claimline
