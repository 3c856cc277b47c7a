// The data exports byte for byte: events.csv, claims.csv, relations.csv and the TimelineJS
// JSON of a project full of what the escaping rules are about, compared with the bytes the
// exports wrote when every field went through a QString (the expected text below is their
// output, kept as it was). CSV: quotes doubled, fields with a comma, a quote, a CR or an LF
// quoted, the formula guard (= + - @ TAB CR) on text and on joined lists, non-ASCII as it is,
// ISO times and numbers as Qt wrote them. TimelineJS: HTML escaping with visible markers for
// control and bidi characters, JSON escaping and key order as nlohmann's dump(), dates in a
// zone with and without transitions. Text that is not valid UTF-8 or starts with a byte order
// mark is written as the QString round trip made it.

#include "document/filter.h"
#include "export/csvexport.h"
#include "export/htmltext.h"
#include "export/timelinejsexport.h"
#include "format/projectreader.h"
#include "model/generator.h"
#include "model/project.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace claimline;

namespace {

const char GoldenProject[] = R"json({"format": "claimline", "version": 1,
 "meta": {"title": "Golden <b>\"title\"</b>", "public_description": "First line\n\n  <second> & 'third'  \n"},
 "parties": [{"id": "ru", "name": "Россия, <RU>"}, {"id": "ua", "name": "=Ukraine"}],
 "actors": [{"id": "spokes", "name": "Spokes\u202eperson", "party": "ru"}],
 "sources": [{"id": "s1", "title": "A \"quoted\" title", "outlet": "Outlet & Co", "url": "https://Example.org/a b?x=1&y=\"2\""},
             {"id": "s2", "title": "-minus", "url": "javascript:alert(1)"},
             {"id": "s3", "title": "Plain", "url": "http://пример.рф/путь"}],
 "events": [
  {"id": "e1", "title": "=HYPERLINK(\"x\")", "when": "2025-12-28/2025-12-29", "summary": "line1\nline2, with comma\r\nend",
   "parties": ["ru", "ua"], "kind": "strike", "tags": ["a", "b;c"], "sources": [{"source": "s1"}, {"source": "s2"}],
   "location": {"name": "Kyiv \"centre\"", "lat": 50.4501, "lon": -0.0}, "status": "disputed"},
  {"id": "e2", "title": "\tTab, \u0007bell \u0085next", "when": "2025-12-28T10:00Z", "parties": ["ua"], "kind": "-kind",
   "tags": ["@tag"], "summary": "back\\slash \u200e and \u2066isolate\u2069 😀", "location": {"name": "Nowhere"}},
  {"id": "e3", "title": "\rCR", "when": "../2025-12-29", "sources": [{"source": "s3"}], "status": "corroborated"},
  {"id": "e4", "title": "Open end", "when": "2025-12-30T23:59:59Z/..", "location": {"name": "O'Brien's", "lat": -33.86880000001, "lon": 151.2093}},
  {"id": "e5", "title": "Year zero", "when": "0000-06-15T12:00Z"},
  {"id": "e6", "title": "Late", "when": "9999-12-31T23:59Z", "summary": "  "},
  {"id": "e7", "title": "Month", "when": "2025-12~", "summary": "+plus"}],
 "questions": [{"id": "q1", "text": "Did it \"happen\"?"}],
 "claims": [
  {"id": "c1", "claimant": "ru", "made_at": "2025-12-29T10:00Z", "about": "e1", "question": "q1", "stance": "affirms",
   "statement": "+7 drones \"said\"", "quote": {"text": "«Цитата», with comma", "language": "ru", "translation": "=translated", "speaker": "spokes"},
   "credibility": 2, "sources": [{"source": "s1"}], "status": "refuted"},
  {"id": "c2", "claimant": "spokes", "via": "ua", "made_at": "2025-12-29T12:00:30Z", "question": "q1", "stance": "denies",
   "statement": "@no <img src=x onerror=alert(1)>"},
  {"id": "c3", "claimant": "ua", "made_at": "2025-12", "statement": "Undated-ish"}],
 "relations": [{"from": "c2", "to": "c1", "kind": "denies"}, {"from": "c3", "to": "c1", "kind": "qualifies"}],
 "periods": [{"id": "p1", "title": "Talks <b>&</b> \"war\"", "when": "2025-12-01/2025-12-31"},
             {"id": "p2", "title": "Evening's", "when": "2025-12-29T18:00Z/2025-12-29T23:30Z"},
             {"id": "p3", "title": "Open", "when": "2026-01-01/.."}]})json";

// The files as the exports wrote them, one row a line (a CSV row of the summary's line break
// goes on in the next). Not reflowed: each row stays whole.
// clang-format off
const char EventsCsv[] = "\xEF\xBB\xBFid,title,when,earliest,latest,kind,status,parties,party_names,tags,location,latitude,longitude,summary,sources,source_titles,source_urls\r\n"
    "e1,\"'=HYPERLINK(\"\"x\"\")\",2025-12-28/2025-12-29,2025-12-28T00:00:00Z,2025-12-29T23:59:59Z,strike,disputed,ru;ua,\"Россия, <RU>;=Ukraine\",a;b;c,\"Kyiv \"\"centre\"\"\",50.4501,0,\"line1\n"
    "line2, with comma\r\n"
    "end\",s1;s2,\"A \"\"quoted\"\" title;-minus\",\"https://Example.org/a b?x=1&y=\"\"2\"\";javascript:alert(1)\"\r\n"
    "e2,\"'\tTab, \x07" "bell \xC2\x85next\",2025-12-28T10:00Z,2025-12-28T10:00:00Z,2025-12-28T10:00:59Z,'-kind,unverified,ua,'=Ukraine,'@tag,Nowhere,,,back\\slash \xE2\x80\x8E and \xE2\x81\xA6isolate\xE2\x81\xA9 😀,,,\r\n"
    "e3,\"'\rCR\",../2025-12-29,,2025-12-29T23:59:59Z,,corroborated,,,,,,,,s3,Plain,http://пример.рф/путь\r\n"
    "e4,Open end,2025-12-30T23:59:59Z/..,2025-12-30T23:59:59Z,,,unverified,,,,O'Brien's,-33.8688,151.2093,,,,\r\n"
    "e5,Year zero,0000-06-15T12:00Z,,,,unverified,,,,,,,,,,\r\n"
    "e6,Late,9999-12-31T23:59Z,9999-12-31T23:59:00Z,9999-12-31T23:59:59Z,,unverified,,,,,,,  ,,,\r\n"
    "e7,Month,2025-12~,2025-12-01T00:00:00Z,2025-12-31T23:59:59Z,,unverified,,,,,,,'+plus,,,\r\n";

const char ClaimsCsv[] = "\xEF\xBB\xBFid,made_at,earliest,latest,claimant,claimant_name,party,party_name,via,via_name,about,about_title,question,question_text,stance,statement,quote,quote_language,quote_translation,quote_speaker,credibility,status,sources,source_titles,source_urls\r\n"
    "c1,2025-12-29T10:00Z,2025-12-29T10:00:00Z,2025-12-29T10:00:59Z,ru,\"Россия, <RU>\",ru,\"Россия, <RU>\",,,e1,\"'=HYPERLINK(\"\"x\"\")\",q1,\"Did it \"\"happen\"\"?\",affirms,\"'+7 drones \"\"said\"\"\",\"«Цитата», with comma\",ru,'=translated,spokes,2,refuted,s1,\"A \"\"quoted\"\" title\",\"https://Example.org/a b?x=1&y=\"\"2\"\"\"\r\n"
    "c2,2025-12-29T12:00:30Z,2025-12-29T12:00:30Z,2025-12-29T12:00:30Z,spokes,Spokes\xE2\x80\xAEperson,ru,\"Россия, <RU>\",ua,'=Ukraine,,,q1,\"Did it \"\"happen\"\"?\",denies,'@no <img src=x onerror=alert(1)>,,,,,,unverified,,,\r\n"
    "c3,2025-12,2025-12-01T00:00:00Z,2025-12-31T23:59:59Z,ua,'=Ukraine,ua,'=Ukraine,,,,,,,,Undated-ish,,,,,,unverified,,,\r\n";

const char RelationsCsv[] = "\xEF\xBB\xBF" "from,from_party,to,to_party,kind,lag_min_seconds,lag_max_seconds,lag\r\n"
    "c2,ru,c1,ru,denies,7171,7230,'+2 h\r\n"
    "c3,ua,c1,ru,qualifies,0,223199,0–3 d\r\n";

const char EventsInRangeCsv[] = "id,title,when,earliest,latest,kind,status,parties,party_names,tags,location,latitude,longitude,summary,sources,source_titles,source_urls\r\n"
    "e1,\"'=HYPERLINK(\"\"x\"\")\",2025-12-28/2025-12-29,2025-12-28T00:00:00Z,2025-12-29T23:59:59Z,strike,disputed,ru;ua,\"Россия, <RU>;=Ukraine\",a;b;c,\"Kyiv \"\"centre\"\"\",50.4501,0,\"line1\n"
    "line2, with comma\r\n"
    "end\",s1;s2,\"A \"\"quoted\"\" title;-minus\",\"https://Example.org/a b?x=1&y=\"\"2\"\";javascript:alert(1)\"\r\n"
    "e3,\"'\rCR\",../2025-12-29,,2025-12-29T23:59:59Z,,corroborated,,,,,,,,s3,Plain,http://пример.рф/путь\r\n"
    "e7,Month,2025-12~,2025-12-01T00:00:00Z,2025-12-31T23:59:59Z,,unverified,,,,,,,'+plus,,,\r\n";
// clang-format on

// The TimelineJS JSON with claims, in UTC.
const char TimelineJs[] = R"json({
"title": {"text":{"headline":"Golden &lt;b&gt;&quot;title&quot;&lt;/b&gt;","text":"<p>First line</p><p>&lt;second&gt; &amp; &#39;third&#39;</p>"}},
"events": [
{"display_date":"28–29 Dec 2025","end_date":{"day":"29","month":"12","year":"2025"},"group":"Россия, &lt;RU&gt;","start_date":{"day":"28","month":"12","year":"2025"},"text":{"headline":"=HYPERLINK(&quot;x&quot;)","text":"<p>line1⟨U+000A⟩line2, with comma⟨U+000D⟩⟨U+000A⟩end</p><p><small>Kyiv &quot;centre&quot;</small></p><p><em>Status: disputed</em></p><p><small>Sources: A &quot;quoted&quot; title (Outlet &amp; Co); -minus</small></p>"},"unique_id":"e1"},
{"display_date":"28 Dec 2025, 10:00 UTC","group":"=Ukraine","start_date":{"day":"28","hour":"10","minute":"0","month":"12","year":"2025"},"text":{"headline":"⟨U+0009⟩Tab, ⟨U+0007⟩bell ⟨U+0085⟩next","text":"<p>back\\slash ⟨U+200E⟩ and ⟨U+2066⟩isolate⟨U+2069⟩ 😀</p><p><small>Nowhere</small></p>"},"unique_id":"e2"},
{"display_date":"until 29 Dec 2025","start_date":{"day":"29","month":"12","year":"2025"},"text":{"headline":"⟨U+000D⟩CR","text":"<p><em>Status: corroborated</em></p><p><small>Sources: <a href=\"http://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C\">Plain</a></small></p>"},"unique_id":"e3"},
{"display_date":"from 30 Dec 2025, 23:59:59 UTC","start_date":{"day":"30","hour":"23","minute":"59","month":"12","second":"59","year":"2025"},"text":{"headline":"Open end","text":"<p><small>O&#39;Brien&#39;s</small></p>"},"unique_id":"e4"},
{"display_date":"15 Jun 0, 12:00 UTC","start_date":{"day":"15","hour":"12","minute":"0","month":"6","year":"-1"},"text":{"headline":"Year zero","text":""},"unique_id":"e5"},
{"display_date":"31 Dec 9999, 23:59 UTC","start_date":{"day":"31","hour":"23","minute":"59","month":"12","year":"9999"},"text":{"headline":"Late","text":"<p>  </p>"},"unique_id":"e6"},
{"display_date":"~Dec 2025","start_date":{"month":"12","year":"2025"},"text":{"headline":"Month","text":"<p>+plus</p>"},"unique_id":"e7"},
{"display_date":"29 Dec 2025, 10:00 UTC","group":"Россия, &lt;RU&gt;","start_date":{"day":"29","hour":"10","minute":"0","month":"12","year":"2025"},"text":{"headline":"Россия, &lt;RU&gt; affirms","text":"<p>+7 drones &quot;said&quot;</p><blockquote>«Цитата», with comma</blockquote><p><small>About: =HYPERLINK(&quot;x&quot;)</small></p><p><em>Status: refuted</em></p><p><small>Sources: A &quot;quoted&quot; title (Outlet &amp; Co)</small></p>"},"unique_id":"c1"},
{"display_date":"29 Dec 2025, 12:00:30 UTC","group":"Россия, &lt;RU&gt;","start_date":{"day":"29","hour":"12","minute":"0","month":"12","second":"30","year":"2025"},"text":{"headline":"Spokes⟨U+202E⟩person (via =Ukraine) denies","text":"<p>@no &lt;img src=x onerror=alert(1)&gt;</p>"},"unique_id":"c2"},
{"display_date":"Dec 2025","group":"=Ukraine","start_date":{"month":"12","year":"2025"},"text":{"headline":"=Ukraine","text":"<p>Undated-ish</p>"},"unique_id":"c3"}
],
"eras": [
{"end_date":{"day":"31","month":"12","year":"2025"},"start_date":{"day":"1","month":"12","year":"2025"},"text":{"headline":"Talks &lt;b&gt;&amp;&lt;/b&gt; &quot;war&quot;"}},
{"end_date":{"day":"29","hour":"23","minute":"30","month":"12","year":"2025"},"start_date":{"day":"29","hour":"18","minute":"0","month":"12","year":"2025"},"text":{"headline":"Evening&#39;s"}}
]
}
)json";

Project golden()
{
    LoadResult result = readProject(GoldenProject);
    EXPECT_TRUE(result.ok());
    return std::move(*result.project);
}

std::string csvFile(const QString &folder, const char *name)
{
    return test::readString(QDir(folder).filePath(QString::fromLatin1(name)));
}

// The slide of the item with this id (its line of the document), or an empty string.
std::string slideOf(const std::string &json, const std::string &id)
{
    const std::size_t at = json.find("\"unique_id\":\"" + id + "\"}");
    if (at == std::string::npos)
        return {};
    const std::size_t begin = json.rfind('\n', at) + 1;
    return json.substr(begin, json.find('\n', at) - begin);
}

} // namespace

TEST(DataExportBytes, CsvFilesAsTheyWere)
{
    const Project project = golden();
    QTemporaryDir dir;
    ASSERT_EQ(exportCsv(project, dir.path()), QString());
    EXPECT_EQ(csvFile(dir.path(), "events.csv"), EventsCsv);
    EXPECT_EQ(csvFile(dir.path(), "claims.csv"), ClaimsCsv);
    EXPECT_EQ(csvFile(dir.path(), "relations.csv"), RelationsCsv);

    // A date range and no byte order mark.
    Filter filter;
    filter.setDateRange(test::utcMidnight(2025, 12, 29), test::utcMidnight(2025, 12, 30));
    CsvExportOptions options;
    options.byteOrderMark = false;
    QTemporaryDir ranged;
    ASSERT_EQ(exportCsv(project, ranged.path(), &filter, options), QString());
    EXPECT_EQ(csvFile(ranged.path(), "events.csv"), EventsInRangeCsv);
}

TEST(DataExportBytes, TimelineJsAsItWas)
{
    const Project project = golden();
    TimelineJsOptions options;
    options.includeClaims = true;
    EXPECT_EQ(timelineJsJson(project, nullptr, options).toStdString(), TimelineJs);
}

TEST(DataExportBytes, EverySlideIsNlohmannsDumpOfItself)
{
    // Keys sorted, no spaces, strings escaped as nlohmann::json writes them: parsing a slide
    // and dumping it again gives the same bytes.
    const Project project = golden();
    TimelineJsOptions options;
    options.includeClaims = true;
    const std::string json = timelineJsJson(project, nullptr, options).toStdString();
    std::size_t lines = 0;
    for (std::size_t begin = 0; begin < json.size();) {
        const std::size_t end = json.find('\n', begin);
        std::string line = json.substr(begin, end - begin);
        begin = end + 1;
        if (line.empty() || line.front() != '{' || line.size() < 2)
            continue;
        if (line.back() == ',')
            line.pop_back();
        EXPECT_EQ(nlohmann::json::parse(line).dump(), line);
        ++lines;
    }
    EXPECT_EQ(lines, 12u); // ten slides, two eras
}

TEST(DataExportBytes, DatesInZonesWithAndWithoutTransitions)
{
    // As QDateTime gave them: a fixed offset is computed, a zone with transitions (and a year
    // before 1, which QDate calls -1) asked of Qt; a day stays on its day.
    struct Case
    {
        const char *zone;
        const char *e2, *e5, *e6;
    };
    const Case cases[] = {
        {"UTC+03:00",
         R"("display_date":"28 Dec 2025, 13:00 UTC+03:00","group":"=Ukraine","start_date":{"day":"28","hour":"13","minute":"0","month":"12","year":"2025"})",
         R"("display_date":"15 Jun 0, 15:00 UTC+03:00","start_date":{"day":"15","hour":"15","minute":"0","month":"6","year":"-1"})",
         R"("display_date":"1 Jan 10000, 02:59 UTC+03:00","start_date":{"day":"1","hour":"2","minute":"59","month":"1","year":"10000"})"},
        {"Europe/Moscow",
         R"("display_date":"28 Dec 2025, 13:00 MSK","group":"=Ukraine","start_date":{"day":"28","hour":"13","minute":"0","month":"12","year":"2025"})",
         R"("display_date":"15 Jun 0, 14:30 LMT","start_date":{"day":"15","hour":"14","minute":"30","month":"6","year":"-1"})",
         R"("display_date":"1 Jan 10000, 02:59 MSK","start_date":{"day":"1","hour":"2","minute":"59","month":"1","year":"10000"})"},
        {"Asia/Kathmandu",
         R"("display_date":"28 Dec 2025, 15:45 UTC+5:45","group":"=Ukraine","start_date":{"day":"28","hour":"15","minute":"45","month":"12","year":"2025"})",
         R"("display_date":"15 Jun 0, 17:41 LMT","start_date":{"day":"15","hour":"17","minute":"41","month":"6","year":"-1"})",
         R"("display_date":"1 Jan 10000, 05:44 UTC+5:45","start_date":{"day":"1","hour":"5","minute":"44","month":"1","year":"10000"})"}};
    const Project project = golden();
    for (const Case &c : cases) {
        TimelineJsOptions options;
        options.zone = QTimeZone(QByteArray(c.zone));
        ASSERT_TRUE(options.zone.isValid()) << c.zone;
        const std::string json = timelineJsJson(project, nullptr, options).toStdString();
        EXPECT_NE(slideOf(json, "e2").find(c.e2), std::string::npos) << c.zone;
        EXPECT_NE(slideOf(json, "e5").find(c.e5), std::string::npos) << c.zone;
        EXPECT_NE(slideOf(json, "e6").find(c.e6), std::string::npos) << c.zone;
        // A calendar day is that day in every zone.
        EXPECT_NE(
            slideOf(json, "e7")
                .find(R"("display_date":"~Dec 2025","start_date":{"month":"12","year":"2025"})"),
            std::string::npos)
            << c.zone;
    }
}

TEST(DataExportBytes, InvalidUtf8AndByteOrderMarksAsTheQStringRoundTripMadeThem)
{
    // The reader accepts only valid UTF-8, but text can come from elsewhere (an import, a
    // test): it is written as QString::fromUtf8() read it (U+FFFD for what is not UTF-8, a
    // leading byte order mark dropped).
    Project project = golden();
    const std::string_view title = "\xEF\xBB\xBF\xEF\xBB\xBF=two marks, \xff bad \xC0\xAF";
    const std::string_view tag = "\xEF\xBB\xBF+tag";
    const std::string_view summary = "\xEF\xBB\xBF"; // empty once read: no paragraph
    Event &event = project.events()[6]; // e7
    event.title = project.addText(title);
    event.summary = project.addText(summary);
    const std::uint32_t word = project.internWord(tag);
    event.tags = project.addIndices(std::span(&word, 1));
    project.invalidateIndexes();
    const auto qt = [](std::string_view text) {
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    };

    QTemporaryDir dir;
    ASSERT_EQ(exportCsv(project, dir.path()), QString());
    const std::string expected = "e7," + csvText(qt(title)).toStdString()
        + ",2025-12~,2025-12-01T00:00:00Z,2025-12-31T23:59:59Z,,unverified,,,"
        + csvText(qt(tag)).toStdString() + ",,,,,,,\r\n";
    const std::string events = csvFile(dir.path(), "events.csv");
    EXPECT_NE(events.find(expected), std::string::npos) << events;
    // Both marks of the title: the first dropped, the second kept, after the guard check.
    EXPECT_NE(expected.find("e7,\"\xEF\xBB\xBF=two marks"), std::string::npos) << expected;

    const std::string json = timelineJsJson(project).toStdString();
    const std::string headline = nlohmann::json(htmlEscaped(qt(title)).toStdString()).dump();
    EXPECT_NE(slideOf(json, "e7").find(R"("text":{"headline":)" + headline + R"(,"text":""})"),
              std::string::npos)
        << slideOf(json, "e7");
}

// At scale the rows and slides are made in pieces on several threads (ExportPieces); the
// bytes must be those one thread writes, whatever the pieces' size, wherever the first row
// that passes the filter falls, and with nothing passing it.
TEST(DataExportBytes, PiecesOnSeveralThreadsWriteTheSameBytes)
{
    const Project project = golden();
    for (const std::size_t pieceItems : {1, 2, 3, 64}) {
        SCOPED_TRACE(pieceItems);
        const ExportPieces pieces {2, 1, pieceItems};
        CsvExportOptions csvOptions;
        csvOptions.pieces = pieces;
        QTemporaryDir dir;
        ASSERT_EQ(exportCsv(project, dir.path(), nullptr, csvOptions), QString());
        EXPECT_EQ(csvFile(dir.path(), "events.csv"), EventsCsv);
        EXPECT_EQ(csvFile(dir.path(), "claims.csv"), ClaimsCsv);
        EXPECT_EQ(csvFile(dir.path(), "relations.csv"), RelationsCsv);

        Filter range;
        range.setDateRange(test::utcMidnight(2025, 12, 29), test::utcMidnight(2025, 12, 30));
        csvOptions.byteOrderMark = false;
        QTemporaryDir ranged;
        ASSERT_EQ(exportCsv(project, ranged.path(), &range, csvOptions), QString());
        EXPECT_EQ(csvFile(ranged.path(), "events.csv"), EventsInRangeCsv);

        TimelineJsOptions options;
        options.includeClaims = true;
        options.pieces = pieces;
        EXPECT_EQ(timelineJsJson(project, nullptr, options).toStdString(), TimelineJs);

        // In a zone with transitions, each thread's writer has a zone of its own.
        TimelineJsOptions zoned = options;
        zoned.zone = QTimeZone("America/New_York");
        ASSERT_TRUE(zoned.zone.hasTransitions());
        TimelineJsOptions zonedOnOne = zoned;
        zonedOnOne.pieces.threads = 1;
        EXPECT_EQ(timelineJsJson(project, nullptr, zoned),
                  timelineJsJson(project, nullptr, zonedOnOne));

        // The first slide in a later piece (only "Month" and the claims about it pass), and no
        // slide at all.
        for (const char *query : {"Month", "no such words"}) {
            SCOPED_TRACE(query);
            Filter filter;
            filter.setTextQuery(QString::fromLatin1(query));
            TimelineJsOptions oneThread = options;
            oneThread.pieces = {};
            oneThread.pieces.threads = 1;
            const QByteArray expected = timelineJsJson(project, &filter, oneThread);
            ASSERT_FALSE(expected.isEmpty());
            EXPECT_EQ(timelineJsJson(project, &filter, options), expected);
        }
    }
}

TEST(DataExportBytes, AGeneratedProjectInPiecesAsOnOneThread)
{
    // Past the default threshold, with notes, claims and a filter: every path of the rows.
    const Project project = generateProject(25000, 3);
    Filter filter;
    filter.setTextQuery(QStringLiteral("drone"));
    const Filter *const filters[] = {nullptr, &filter};
    for (const Filter *f : filters) {
        CsvExportOptions one;
        one.withNotes = true;
        one.pieces.threads = 1;
        CsvExportOptions two = one;
        two.pieces.threads = 2;
        QTemporaryDir a, b;
        ASSERT_EQ(exportCsv(project, a.path(), f, one), QString());
        ASSERT_EQ(exportCsv(project, b.path(), f, two), QString());
        for (const char *name : {"events.csv", "claims.csv", "relations.csv"}) {
            SCOPED_TRACE(name);
            const std::string bytes = csvFile(a.path(), name);
            EXPECT_GT(bytes.size(), 1000u);
            EXPECT_EQ(csvFile(b.path(), name), bytes);
        }
        TimelineJsOptions json;
        json.includeClaims = true;
        json.withNotes = true;
        json.pieces.threads = 1;
        const QByteArray expected = timelineJsJson(project, f, json);
        json.pieces.threads = 2;
        EXPECT_EQ(timelineJsJson(project, f, json), expected);
    }
}
