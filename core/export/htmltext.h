#pragma once

// Text from a file made safe inside HTML, for every export that writes HTML (the narratives
// page, the TimelineJS JSON, whose strings TimelineJS renders as HTML): one escaping function,
// so that no export forgets a character.

#include "text/bytescan.h"

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
// The bytes appendHtmlEscaped() looks at: the markup characters, the hidden controls of ASCII
// (C0 and DEL), and the lead bytes of every other hidden control (U+0080-U+009F: C2; U+061C:
// D8; U+200E-U+2069: E2). Any other byte is copied as it is. Sixteen bytes at a time: a
// byte-by-byte look-up was a tenth of the TimelineJS export (perf, 1M events).
using HtmlAttentionScan = ByteScan<true, false, '<', '>', '&', '"', '\'', 0x7f, 0xc2, 0xd8, 0xe2>;

// appendHtmlEscaped() as the inside of a JSON string (what appendJsonStringBody() in
// format/jsonoutput.h makes of it), in one pass: the escaped HTML holds no quote and no
// control character, so only a backslash is escaped again. The TimelineJS export writes its
// slides' HTML with it.
void appendHtmlEscapedJsonBody(std::string &out, std::string_view utf8);
using HtmlJsonAttentionScan
    = ByteScan<true, false, '<', '>', '&', '"', '\'', '\\', 0x7f, 0xc2, 0xd8, 0xe2>;

// A link when the URL is http or https (escaped in the attribute and the text), else the
// escaped text alone: a file must not put javascript: or data: links in a published page.
QString htmlLink(const QString &url, const QString &text);

} // namespace claimline
