// The UTF-8 the data exports write without QString (export/utf8writer.h, htmltext.h,
// format/jsonoutput.h) against the Qt and nlohmann calls they stand in for, value by value:
// numbers as QString::number(x, 'g', 10), instants as QDateTime's Qt::ISODate, text as
// QString::fromUtf8().toUtf8(), HTML as htmlEscaped(), JSON strings as nlohmann's dump(). The
// exports' bytes were those calls' before; any difference here is a changed export.

#include "export/htmltext.h"
#include "export/utf8writer.h"
#include "format/jsonoutput.h"
#include "text/visibletext.h"

#include <QBuffer>
#include <QDateTime>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace claimline;

namespace {

// What a Utf8Writer hands to its device for one call of `write`.
template<typename Write>
std::string written(Write write)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    Utf8Writer out(buffer);
    write(out);
    QString error;
    EXPECT_TRUE(out.finish(&error)) << error.toStdString();
    return bytes.toStdString();
}

std::string qtNumber(double value)
{
    return QString::number(value, 'g', 10).toStdString();
}

std::string qtIso(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate).toStdString();
}

std::string qtRoundTrip(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size())).toStdString();
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xc0 | (c >> 6));
        out += char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += char(0xe0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    } else {
        out += char(0xf0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3f));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    }
}

// Valid UTF-8 mixing what the escapers treat specially (controls, bidi marks, markup, quotes,
// backslashes, the byte order mark) with plain ASCII, Cyrillic and emoji.
std::string randomText(std::mt19937 &random)
{
    static const std::vector<char32_t> alphabet = [] {
        std::vector<char32_t> chars {
            '<',    '>',    '&',    '"',    '\'',   '\\',   '/',    ',',     ';',     '=',
            '+',    '-',    '@',    ' ',    'a',    'Z',    '0',    0x7f,    0x80,    0x85,
            0x9f,   0xa0,   0xe9,   0x42f,  0x61c,  0x200b, 0x200e, 0x200f,  0x2028,  0x202a,
            0x202e, 0x2066, 0x2069, 0x27e8, 0xfeff, 0xfffd, 0xffff, 0x1f600, 0x10ffff};
        for (char32_t c = 0; c < 0x20; ++c)
            chars.push_back(c);
        return chars;
    }();
    std::uniform_int_distribution<std::size_t> length(0, 24);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string text;
    for (std::size_t n = length(random); n > 0; --n)
        appendUtf8(text, alphabet[pick(random)]);
    return text;
}

// Many values written through one writer, a line each, against Qt's text of each: a writer
// per value allocates its megabyte buffer each time, which took minutes under
// AddressSanitizer. A difference names the first value written otherwise.
template<typename T, typename Ours, typename Theirs>
void expectSameLines(const std::vector<T> &values, Ours &&ours, Theirs &&theirs)
{
    std::string expected;
    for (const T &value : values)
        expected += theirs(value) + '\n';
    const std::string got = written([&](Utf8Writer &out) {
        for (const T &value : values) {
            ours(out, value);
            out.append('\n');
        }
    });
    if (got == expected)
        return;
    std::size_t line = 0;
    for (std::size_t i = 0; i < std::min(got.size(), expected.size()) && got[i] == expected[i]; ++i)
        line += got[i] == '\n';
    ADD_FAILURE() << "value " << values[std::min(line, values.size() - 1)] << " (line " << line
                  << ") is written otherwise than Qt writes it";
}

} // namespace

TEST(Utf8Writer, NumbersAsQStringNumberG10)
{
    const double edges[]
        = {0.0, -0.0, 1.0, -1.0, 0.1 + 0.2, 1e-5, -1e-5, 1e-4, 0.000123456789012, 9999999999.0,
           12345678901.0, 1e10, 1e21, 1e100, 5e-324, std::numeric_limits<double>::max(), -180.0,
           90.0, 50.4501, -33.86880000001, 55.75582600000001,
           // Exactly halfway between two 10-digit renderings: Qt rounds
           // away from zero, to_chars to even.
           45.001953125, -45.001953125, 1.0009765625, 12345678905.0, 123456789050.0, 0.125,
           std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
           std::numeric_limits<double>::quiet_NaN()};
    for (const double value : edges)
        EXPECT_EQ(written([&](Utf8Writer &out) { out.appendNumber(value); }), qtNumber(value))
            << value;

    std::mt19937_64 random(20);
    std::uniform_real_distribution<double> degrees(-180, 180);
    std::vector<double> values(100000);
    for (std::size_t i = 0; i < values.size(); ++i) {
        double value = degrees(random);
        if (i % 4 == 1)
            value = std::round(value * 1e6) / 1e6; // as a file gives coordinates
        if (i % 4 == 3)
            value = std::round(value * 1024) / 1024; // exact binary fractions: halfway cases
        if (i % 4 == 2) {
            const std::uint64_t bits = random();
            std::memcpy(&value, &bits, sizeof value); // any double at all
        }
        values[i] = value;
    }
    expectSameLines(
        values, [](Utf8Writer &out, double value) { out.appendNumber(value); }, qtNumber);
}

TEST(Utf8Writer, IntegersAsQStringNumber)
{
    for (const std::int64_t value :
         {std::int64_t(0), std::int64_t(-1), std::int64_t(7141),
          std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()})
        EXPECT_EQ(written([&](Utf8Writer &out) { out.appendInteger(value); }),
                  QString::number(value).toStdString());
}

TEST(Utf8Writer, InstantsAsQDateTimeIsoDateInUtc)
{
    // Qt writes nothing before 0001-01-01 (its year before 1 is -1) nor from 10000 on.
    const std::int64_t year0 = -62167219200;
    const std::int64_t year1 = -62135596800;
    const std::int64_t year10000 = 253402300800;
    const std::int64_t edges[] = {0,
                                  -1,
                                  1,
                                  year0,
                                  year0 - 1,
                                  year1 - 1,
                                  year1,
                                  year1 + 1,
                                  year10000 - 1,
                                  year10000,
                                  951782400 /* 2000-02-29 */,
                                  4107542400};
    for (const std::int64_t seconds : edges)
        EXPECT_EQ(written([&](Utf8Writer &out) { out.appendIsoUtc(seconds); }), qtIso(seconds))
            << seconds;
    EXPECT_EQ(written([&](Utf8Writer &out) { out.appendIsoUtc(1766916000); }),
              "2025-12-28T10:00:00Z");
    EXPECT_EQ(written([&](Utf8Writer &out) { out.appendIsoUtc(year0); }), "");

    std::mt19937_64 random(20);
    std::uniform_int_distribution<std::int64_t> instants(year0 - 86400 * 800,
                                                         year10000 + 86400 * 800);
    std::vector<std::int64_t> many(100000);
    for (std::int64_t &seconds : many)
        seconds = instants(random);
    expectSameLines(
        many, [](Utf8Writer &out, std::int64_t seconds) { out.appendIsoUtc(seconds); }, qtIso);
}

TEST(Utf8Writer, NormalizedUtf8IsTheQStringRoundTrip)
{
    std::string scratch;
    // Valid text is given back as it is, without a copy.
    const std::string_view valid = "Kyiv, Київ 😀 \xEF\xBF\xBF nonchar \xEF\xBB\xBF inner bom";
    EXPECT_EQ(normalizedUtf8(valid, scratch).data(), valid.data());
    EXPECT_EQ(std::string(normalizedUtf8(valid, scratch)), qtRoundTrip(valid));
    // What Qt changed: a leading byte order mark (only the first), invalid sequences.
    for (const std::string_view text :
         {std::string_view("\xEF\xBB\xBF"
                           "bom"),
          std::string_view("\xEF\xBB\xBF\xEF\xBB\xBFtwo"), std::string_view("\xff\xfe"),
          std::string_view("overlong \xC0\xAF"), std::string_view("surrogate \xED\xA0\x80"),
          std::string_view("past \xF4\x90\x80\x80"), std::string_view("cut \xE2\x82"),
          std::string_view("\x80 lone continuation"), std::string_view("nul\0byte", 8)})
        EXPECT_EQ(std::string(normalizedUtf8(text, scratch)), qtRoundTrip(text)) << text;

    // Random bytes leaning to what UTF-8 is made of.
    std::mt19937 random(20);
    const unsigned char bytes[] = {'a',  ' ',  0x00, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0,
                                   0xed, 0xef, 0xbb, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90};
    std::uniform_int_distribution<std::size_t> pick(0, sizeof bytes - 1);
    std::uniform_int_distribution<int> length(0, 12);
    for (int i = 0; i < 200000; ++i) {
        std::string text;
        for (int n = length(random); n > 0; --n)
            text += char(bytes[pick(random)]);
        ASSERT_EQ(std::string(normalizedUtf8(text, scratch)), qtRoundTrip(text));
    }
    for (int i = 0; i < 20000; ++i) {
        const std::string text = randomText(random);
        ASSERT_EQ(std::string(normalizedUtf8(text, scratch)), qtRoundTrip(text));
    }
}

TEST(Utf8Writer, JsonStringsAsNlohmannDumpsThem)
{
    const auto dumped = [](const std::string &text) {
        return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    // Every ASCII character alone (the controls as \n, \t, \u001f; DEL as it is), then mixed.
    for (int c = 0; c < 0x80; ++c) {
        const std::string text(1, char(c));
        EXPECT_EQ(written([&](Utf8Writer &out) { out.appendJsonString(text); }), dumped(text)) << c;
    }
    EXPECT_EQ(written([](Utf8Writer &out) { out.appendJsonString("a\"b\\c\n\x01/\xC3\xA9"); }),
              "\"a\\\"b\\\\c\\n\\u0001/\xC3\xA9\"");
    std::mt19937 random(20);
    for (int i = 0; i < 20000; ++i) {
        const std::string text = randomText(random);
        std::string ours;
        appendJsonString(ours, text);
        ASSERT_EQ(ours, dumped(text)) << text;
    }
}

TEST(Utf8Writer, HtmlEscapedAsTheQStringFunction)
{
    const auto qt = [](const std::string &text) {
        return htmlEscaped(QString::fromUtf8(text.data(), qsizetype(text.size()))).toStdString();
    };
    const auto ours = [](const std::string &text) {
        std::string out;
        appendHtmlEscaped(out, text);
        return out;
    };
    // Every BMP character alone and between letters: the markers, the entities, the rest.
    for (char32_t c = 0; c < 0x10000; ++c) {
        if (c >= 0xd800 && c <= 0xdfff)
            continue;
        std::string text = "a";
        appendUtf8(text, c);
        text += 'b';
        ASSERT_EQ(ours(text), qt(text)) << std::hex << unsigned(c);
    }
    EXPECT_EQ(ours("<b>\"O'Neil\" & co</b>\x07\xE2\x80\xAE"),
              "&lt;b&gt;&quot;O&#39;Neil&quot; &amp; co&lt;/b&gt;⟨U+0007⟩⟨U+202E⟩");
    std::mt19937 random(20);
    for (int i = 0; i < 20000; ++i) {
        // Past a leading byte order mark, which normalizedUtf8() has dropped before this.
        const std::string text = "x" + randomText(random);
        ASSERT_EQ(ours(text), qt(text)) << text;
    }
}

TEST(Utf8Writer, HiddenControlMarkersAsVisibleText)
{
    // What a reader sees in place of an invisible character (visibleText() writes the same).
    const std::pair<char32_t, const char *> expected[]
        = {{0, "⟨U+0000⟩"},     {0x1f, "⟨U+001F⟩"},   {0x7f, "⟨U+007F⟩"},  {0x9f, "⟨U+009F⟩"},
           {0x61c, "⟨U+061C⟩"}, {0x202e, "⟨U+202E⟩"}, {0x2069, "⟨U+2069⟩"}};
    for (const auto &[c, text] : expected) {
        std::string marker;
        appendHiddenControlMarker(marker, c);
        EXPECT_EQ(marker, text);
        EXPECT_EQ(visibleText(QString(QChar(char16_t(c)))), QString::fromUtf8(text));
    }
}

TEST(Utf8Writer, LargeOutputArrivesWholeAndAFailedWriteIsReported)
{
    // Many records past the megabyte at which the buffer goes to the device.
    std::string expected;
    const std::string record(1000, 'x');
    const std::string all = written([&](Utf8Writer &out) {
        for (int i = 0; i < 3000; ++i) {
            out.append(record);
            out.appendInteger(i);
            out.endRecord();
            expected += record + std::to_string(i);
        }
    });
    EXPECT_EQ(all, expected);

    QByteArray bytes;
    QBuffer readOnly(&bytes);
    readOnly.open(QIODevice::ReadOnly);
    Utf8Writer out(readOnly, true);
    out.append("text");
    QString error;
    EXPECT_FALSE(out.finish(&error));
    EXPECT_FALSE(error.isEmpty());
}
