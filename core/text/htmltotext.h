#pragma once

// HTML fragments made plain text, safely: what a TimelineJS slide's headline, text and media
// credit hold ("Whitney Houston<br/> 1963 - 2012", "<p>Born in <a href='…'>New Jersey</a></p>").
//
// Tags never reach the text: they are dropped, and the contents of script, style, template,
// iframe and the like with them. <br> and the starts and ends of block elements (p, div, li,
// blockquote, headings, table rows…) become line breaks; runs of white space collapse to one
// space and runs of line breaks to one, and each line is trimmed, as a browser lays the
// fragment out. Character references are decoded: the common named ones (&amp; &lt; &gt;
// &quot; &apos; &nbsp; dashes, quotes, &hellip;, Latin-1 letters and signs) and numeric ones
// (&#39; &#x27;; a C1 number as Windows-1252, as browsers read it); an unknown one stays as
// written. A decoded "&lt;b&gt;" is the text "<b>": widgets show it with Qt::PlainText.
//
// Links are collected, never kept as markup: each <a href> with an http, https or mailto
// address ("//host/…" is taken as https) gives its address and its text. javascript:, data:,
// relative and every other address are left out.
//
// Tolerant of tag soup as browsers are: unclosed elements, attribute values in double, single
// or no quotes, a "<" that starts no tag is text; a tag or comment still open at the end of
// the fragment is dropped. Works on UTF-8 bytes; invalid sequences pass through unchanged.

#include <string>
#include <string_view>
#include <vector>

namespace claimline {

struct HtmlLink
{
    std::string url; // as written, references decoded and trimmed; "//host" made "https://host"
    std::string text; // the link's text, one line; empty for a link around an image
};

struct HtmlText
{
    std::string text; // UTF-8, lines separated by "\n", no empty lines, none at either end
    std::vector<HtmlLink> links; // in document order, repeats kept
};

HtmlText htmlToText(std::string_view html);

// The text of `html` on one line: its lines joined by a space ("Whitney Houston 1963 - 2012").
std::string htmlToLine(std::string_view html);

// The address of a link as the importer keeps it: trimmed, with http, https or mailto as its
// scheme (in any case) and a host for http and https; "//host/…" becomes "https://host/…".
// Empty for anything else (javascript:, data:, "/static/a.jpg", "#top").
std::string allowedLink(std::string_view href);

} // namespace claimline
