// bytescan.h: the sixteen-byte scans the exports and the project writer use to find the next
// byte to quote or escape. A scan that skipped a byte would leave a quote unescaped in a
// JSON, CSV or HTML file; the sets must be exactly what the writers' rules name.

#include "export/csvwriter.h"
#include "export/htmltext.h"
#include "format/jsonoutput.h"
#include "text/bytescan.h"
#include "text/visibletext.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

using namespace claimline;

namespace {

// Every predicate byte at every position of texts of 0 to 40 bytes, from every offset: the
// sixteen-byte loop, its last full block and the tail are each where the byte falls in turn.
template<typename Scan>
void expectFindsEveryByteEverywhere(const char *name)
{
    for (unsigned c = 0; c < 256; ++c) {
        const auto byte = static_cast<unsigned char>(c);
        for (std::size_t n = 0; n <= 40; ++n) {
            for (std::size_t at = 0; at < n; ++at) {
                std::string text(n, 'a');
                text[at] = char(byte);
                const std::size_t expected = Scan::stopsAt(byte) ? at : n;
                for (std::size_t from = 0; from <= at; from += 5)
                    ASSERT_EQ(Scan::find(text, from), expected)
                        << name << ": byte " << c << " at " << at << " of " << n << " from "
                        << from;
                ASSERT_EQ(Scan::find(text, at + 1), n) << name;
            }
        }
    }
}

// Two bytes the scan stops at: the first is found, and the second from just past it.
template<typename Scan>
void expectFindsTheFirstOfTwo(unsigned char stop)
{
    for (std::size_t first = 0; first < 40; ++first) {
        for (std::size_t second = first + 1; second < 40; ++second) {
            std::string text(40, 'z');
            text[first] = char(stop);
            text[second] = char(stop);
            ASSERT_EQ(Scan::find(text), first);
            ASSERT_EQ(Scan::find(text, first + 1), second);
            ASSERT_EQ(Scan::find(text, second + 1), text.size());
        }
    }
}

} // namespace

TEST(ByteScan, FindsTheFirstByteOfItsSetAtEveryPositionAndOffset)
{
    expectFindsEveryByteEverywhere<jsonstring::EscapeScan>("JSON");
    expectFindsEveryByteEverywhere<csv::QuoteScan>("CSV quoting");
    expectFindsEveryByteEverywhere<csv::PlainAsciiScan>("CSV plain ASCII");
    expectFindsEveryByteEverywhere<HtmlAttentionScan>("HTML");
    expectFindsEveryByteEverywhere<HtmlJsonAttentionScan>("HTML in JSON");
    expectFindsEveryByteEverywhere<ByteScan<false, true>>("non-ASCII");
}

TEST(ByteScan, FindsTheFirstOfTwoAndGoesOnFromThere)
{
    expectFindsTheFirstOfTwo<jsonstring::EscapeScan>('"');
    expectFindsTheFirstOfTwo<csv::QuoteScan>(',');
    expectFindsTheFirstOfTwo<HtmlAttentionScan>(0xe2);
    expectFindsTheFirstOfTwo<ByteScan<false, true>>(0x80);
}

TEST(ByteScan, TheSetsAreTheWritersRules)
{
    for (unsigned c = 0; c < 256; ++c) {
        const auto byte = static_cast<unsigned char>(c);
        // JSON escapes a quote, a backslash and the control characters, nothing else.
        EXPECT_EQ(jsonstring::EscapeScan::stopsAt(byte), c < 0x20 || c == '"' || c == '\\') << c;
        // CSV quotes a field with a comma, a quote, a CR or an LF.
        EXPECT_EQ(csv::QuoteScan::stopsAt(byte), c == ',' || c == '"' || c == '\r' || c == '\n')
            << c;
        EXPECT_EQ(csv::PlainAsciiScan::stopsAt(byte), csv::QuoteScan::stopsAt(byte) || c >= 0x80)
            << c;
        // HTML: the markup characters, the hidden controls of ASCII and the lead bytes of the
        // other hidden controls (visibletext.h), found by decoding every code point they lead.
        bool leadsHiddenControl = c < 0x80 && isHiddenControl(char32_t(c));
        for (char32_t code = 0x80; code <= 0xffff && !leadsHiddenControl; ++code) {
            const unsigned lead = code < 0x800 ? 0xc0 | (code >> 6) : 0xe0 | (code >> 12);
            leadsHiddenControl = lead == c && isHiddenControl(code);
        }
        const bool markup = c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
        EXPECT_EQ(HtmlAttentionScan::stopsAt(byte), markup || leadsHiddenControl) << c;
        // In a JSON string, a backslash as well (the escaped HTML holds no quote or control).
        EXPECT_EQ(HtmlJsonAttentionScan::stopsAt(byte), markup || leadsHiddenControl || c == '\\')
            << c;
    }
}

TEST(ByteScan, EscapesTheTextsItFindsInAsBefore)
{
    // Long runs of plain text around each special character: what the writers produce.
    const std::string plain(37, 'x');
    // Lead bytes the HTML scan stops at that lead no hidden control too ("©", "—", "،").
    for (const std::string_view special :
         {"\"", "\\", "\n", "\x01", "<", ">", "&", "'", ",", "\x7f", "\xE2\x80\xAE", "\xC2\x85",
          "\xD8\x9C", "é", "\\\\", "\xC2\xA9", "\xE2\x80\x94", "\xD8\x8C",
          "<\xC2\xA9>\\\xE2\x80\x94&"}) {
        const std::string text = plain + std::string(special) + plain;
        std::string json;
        appendJsonString(json, text);
        EXPECT_EQ(json, nlohmann::json(text).dump()) << special;
        std::string html;
        appendHtmlEscaped(html, text);
        EXPECT_EQ(html,
                  htmlEscaped(QString::fromUtf8(text.data(), qsizetype(text.size()))).toStdString())
            << special;
        // The one pass the TimelineJS export makes: the HTML's JSON string, unquoted.
        std::string body;
        appendHtmlEscapedJsonBody(body, text);
        std::string htmlJson;
        appendJsonString(htmlJson, html);
        EXPECT_EQ('"' + body + '"', htmlJson) << special;
    }
}
