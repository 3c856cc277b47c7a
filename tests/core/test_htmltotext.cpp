// HTML fragments as plain text: the snippets TimelineJS files really hold, tag soup, scripts,
// character references, and which links are kept.

#include "text/htmltotext.h"

#include <gtest/gtest.h>

using namespace claimline;

namespace {

std::string text(std::string_view html)
{
    return htmlToText(html).text;
}

struct Link
{
    std::string url, text;
    friend bool operator==(const Link &, const Link &) = default;
    friend std::ostream &operator<<(std::ostream &out, const Link &l)
    {
        return out << l.url << " [" << l.text << "]";
    }
};

std::vector<Link> links(std::string_view html)
{
    std::vector<Link> result;
    for (const HtmlLink &link : htmlToText(html).links)
        result.push_back({link.url, link.text});
    return result;
}

} // namespace

TEST(HtmlToText, RealSlides)
{
    // houston.json's title headline.
    EXPECT_EQ(text("Whitney Houston<br/> 1963 - 2012"), "Whitney Houston\n1963 - 2012");
    EXPECT_EQ(htmlToLine("Whitney Houston<br/> 1963 - 2012"), "Whitney Houston 1963 - 2012");
    // houston.json's first media credit: single-quoted hrefs, a <br/> between two links.
    const std::string_view credit
        = "Cissy Houston photo:<a href='http://www.flickr.com/photos/11447043@N00/418180903/'>"
          "Tom Marcello</a><br/><a href='http://commons.wikimedia.org/wiki/"
          "File%3ADionne_Warwick_television_special_1969.JPG'>Dionne Warwick: CBS Television via "
          "Wikimedia Commons</a>";
    EXPECT_EQ(text(credit),
              "Cissy Houston photo:Tom Marcello\nDionne Warwick: CBS Television via Wikimedia "
              "Commons");
    EXPECT_EQ(links(credit),
              (std::vector<Link> {
                  {"http://www.flickr.com/photos/11447043@N00/418180903/", "Tom Marcello"},
                  {"http://commons.wikimedia.org/wiki/"
                   "File%3ADionne_Warwick_television_special_1969.JPG",
                   "Dionne Warwick: CBS Television via Wikimedia Commons"}}));
    // republican.json: a link with a target, inside a sentence.
    const std::string_view romney
        = "Romney <a href=\"http://www.nytimes.com/2012/01/11/us/politics/"
          "mitt-romney-wins-in-new-hampshire-republican-primary.html?_r=1\" target=\"new\">swept "
          "New Hampshire</a> from the other candidates";
    EXPECT_EQ(text(romney), "Romney swept New Hampshire from the other candidates");
    EXPECT_EQ(links(romney).at(0).text, "swept New Hampshire");
    // women_in_computing.csv: a paragraph, then a note in a span; a blockquote with a cite.
    EXPECT_EQ(text("<p>Notes of the first machine-implemented algorithm.</p><span "
                   "class=\"tl-note\">This slide demonstrates a simple \"image\" media "
                   "type.</span>"),
              "Notes of the first machine-implemented algorithm.\nThis slide demonstrates a "
              "simple \"image\" media type.");
    EXPECT_EQ(text("<blockquote>There is no demand for women engineers, as such. <cite>Edith "
                   "Clarke, first female professor</cite></blockquote>"),
              "There is no demand for women engineers, as such. Edith Clarke, first female "
              "professor");
    // White space and line breaks in the source collapse, as a browser lays them out.
    EXPECT_EQ(text("  Code named \"Project PX\". \n<p><span class=\"tl-note\">Timeline can "
                   "embed   Google Maps</span>"),
              "Code named \"Project PX\".\nTimeline can embed Google Maps");
    EXPECT_EQ(text("<p>one</p>\n\n<p></p><br><br/><div><p>two</p></div>"), "one\ntwo");
    EXPECT_EQ(text("<ul><li>first</li><li>second</li></ul>"), "first\nsecond");
    EXPECT_EQ(text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"), "a b\nc");
}

TEST(HtmlToText, ScriptsAndStylesAreDroppedWithTheirContents)
{
    EXPECT_EQ(text("Safe<script>alert('<b>x</b>')</script> text"), "Safe text");
    EXPECT_EQ(text("a<SCRIPT type=text/javascript>if (a < b) {}</SCRIPT >b"), "ab");
    EXPECT_EQ(text("<style>p { color: red }</style><p>Shown</p>"), "Shown");
    EXPECT_EQ(text("before<script>never closed"), "before");
    EXPECT_EQ(text("x<iframe src=\"https://evil.example\">fallback</iframe>y"), "xy");
    // "</scripts>" does not end a script.
    EXPECT_EQ(text("<script>a</scripts>b</script>c"), "c");
    EXPECT_EQ(text("<!-- a comment <b>x</b> -->Visible<!-- unclosed"), "Visible");
    EXPECT_EQ(text("<!DOCTYPE html><?xml version=\"1.0\"?>Doc"), "Doc");
}

TEST(HtmlToText, OnlyWebAndMailLinksAreKept)
{
    EXPECT_EQ(links("<a href=\"javascript:alert(1)\">trap</a>"), std::vector<Link> {});
    EXPECT_EQ(links("<a href=\"JavaScript:alert(1)\">trap</a>"), std::vector<Link> {});
    EXPECT_EQ(links("<a href=\"java&#10;script:alert(1)\">trap</a>"), std::vector<Link> {});
    EXPECT_EQ(links("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">data</a>"),
              std::vector<Link> {});
    EXPECT_EQ(links("<a href=\"/static/img/family.jpg\">relative</a><a href=\"#top\">top</a>"),
              std::vector<Link> {});
    EXPECT_EQ(links("<a href=\"http://\">no host</a>"), std::vector<Link> {});
    EXPECT_EQ(links("<a name=\"anchor\">no href</a>"), std::vector<Link> {});
    // The text of a refused link stays text.
    EXPECT_EQ(text("<a href=\"javascript:alert(1)\">trap</a> here"), "trap here");

    EXPECT_EQ(
        links("<a href=\"//twitter.com/Blavity/status/851872780949889024\">tweet</a>"),
        (std::vector<Link> {{"https://twitter.com/Blavity/status/851872780949889024", "tweet"}}));
    EXPECT_EQ(links("<a href=mailto:desk@example.org>desk</a>"),
              (std::vector<Link> {{"mailto:desk@example.org", "desk"}}));
    EXPECT_EQ(links("<A HREF = \" HTTPS://Example.org/a?x=1&amp;y=2 \" >A</A>"),
              (std::vector<Link> {{"HTTPS://Example.org/a?x=1&y=2", "A"}}));
    // An image in a link: no text; an unclosed link ends with the fragment.
    EXPECT_EQ(links("<a href=\"https://a.example\"><img src=\"x.png\"></a>"),
              (std::vector<Link> {{"https://a.example", ""}}));
    EXPECT_EQ(links("see <a href=\"https://a.example\">the\n <b>whole</b><br>story"),
              (std::vector<Link> {{"https://a.example", "the whole story"}}));
    // A link opened inside another closes it.
    EXPECT_EQ(links("<a href=\"https://a.example\">one<a href=\"https://b.example\">two</a>"),
              (std::vector<Link> {{"https://a.example", "one"}, {"https://b.example", "two"}}));
}

TEST(HtmlToText, CharacterReferences)
{
    EXPECT_EQ(text("Tom &amp; Jerry &lt;3 &quot;hi&quot; &apos;yo&apos;"),
              "Tom & Jerry <3 \"hi\" 'yo'");
    EXPECT_EQ(text("a&nbsp;b &mdash; c &ndash; d&hellip; &lsquo;e&rsquo; &ldquo;f&rdquo;"),
              "a b \u2014 c \u2013 d\u2026 \u2018e\u2019 \u201cf\u201d");
    EXPECT_EQ(text("Sp&auml;rck P&eacute;ter &copy; &Uuml;ber &szlig;"),
              "Sp\u00e4rck P\u00e9ter \u00a9 \u00dcber \u00df");
    EXPECT_EQ(text("it&#39;s it&#x27;s it&#X27;s it&#146;s &#8212; &#128512;"),
              "it's it's it's it\u2019s \u2014 \U0001F600");
    // Unknown or incomplete references stay as written; numbers past Unicode are U+FFFD.
    EXPECT_EQ(text("&bogus; AT&T a & b &#; &amp"), "&bogus; AT&T a & b &#; &amp");
    EXPECT_EQ(text("&#0;&#xD800;&#99999999999;"), "\ufffd\ufffd\ufffd");
    // A decoded "<" is text, never a tag.
    EXPECT_EQ(text("&lt;script&gt;alert(1)&lt;/script&gt;"), "<script>alert(1)</script>");
    // Control characters, plain or referenced, show nothing.
    EXPECT_EQ(text("a\x01"
                   "b&#7;c"),
              "abc");
}

TEST(HtmlToText, TagSoup)
{
    EXPECT_EQ(text("if a < b and 1<2, 3 <= 4"), "if a < b and 1<2, 3 <= 4");
    // "<" before a letter starts a tag, as a browser reads it: never closed, it is dropped.
    EXPECT_EQ(text("x<y then"), "x");
    EXPECT_EQ(text("<p>unclosed <b>bold <i>italic"), "unclosed bold italic");
    EXPECT_EQ(text("<img src=x alt='a > b'>after"), "after");
    EXPECT_EQ(text("<p class=lead>unquoted</p>"), "unquoted");
    EXPECT_EQ(text("text <a href=\"never closed"), "text");
    EXPECT_EQ(text("text <b"), "text");
    EXPECT_EQ(text("a</>b</ p>c< p>d"), "abc< p>d");
    EXPECT_EQ(text("<p =x y= >odd attributes</p>"), "odd attributes");
    EXPECT_EQ(text(""), "");
    EXPECT_EQ(text("<br><br>"), "");
    EXPECT_EQ(text("<"), "<");
}

TEST(HtmlToText, AllowedLinks)
{
    EXPECT_EQ(allowedLink("  https://example.org/a  "), "https://example.org/a");
    EXPECT_EQ(allowedLink("//cdn.example.net/x"), "https://cdn.example.net/x");
    EXPECT_EQ(allowedLink("mailto:a@b.example"), "mailto:a@b.example");
    EXPECT_EQ(allowedLink("mailto:"), "");
    EXPECT_EQ(allowedLink("javascript:alert(1)"), "");
    EXPECT_EQ(allowedLink(" \tjavascript:alert(1)"), "");
    EXPECT_EQ(allowedLink("ftp://example.org"), "");
    EXPECT_EQ(allowedLink("file:///etc/passwd"), "");
    EXPECT_EQ(allowedLink("/static/img/family.jpg"), "");
    EXPECT_EQ(allowedLink("<blockquote>quoted</blockquote>"), "");
    EXPECT_EQ(allowedLink("https://"), "");
}
