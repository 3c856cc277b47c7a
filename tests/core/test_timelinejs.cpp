// TimelineJS JSON files as rows: the three files TimelineJS publishes as examples read
// completely (every dated slide a row, none refused), and a file with every messy case a
// slide can have, each refused on its own line with its reason.

#include "timelinejsfixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace claimline;
using namespace claimline::test;

namespace {

using Strings = std::vector<std::string>;

std::set<std::string> idsOf(const TimelineJsFile &file)
{
    std::set<std::string> ids;
    for (const TimelineJsRow &row : file.rows)
        ids.insert(row.id);
    return ids;
}

} // namespace

TEST(TimelineJsJson, HoustonReadsEverySlide)
{
    const TimelineJsFile file = readJson(QStringLiteral("houston.json"));
    ASSERT_TRUE(file.error.isEmpty()) << file.error.toStdString();
    ASSERT_EQ(file.rows.size(), 18u);
    EXPECT_EQ(file.refusedCount(), 0u) << testing::PrintToString(file.refusals());

    // The title slide: its headline's <br/> is a space on one line.
    EXPECT_EQ(file.extras.title, "Whitney Houston 1963 - 2012");
    EXPECT_TRUE(file.extras.description.starts_with(
        "Houston's voice caught the imagination of the world propelling her to superstardom"))
        << file.extras.description;
    EXPECT_TRUE(file.extras.periods.empty());

    const TimelineJsRow &first = file.rows.front();
    EXPECT_EQ(first.line, 14);
    EXPECT_EQ(first.title, "A Musical Heritage");
    EXPECT_EQ(first.when, "1963-08-09");
    EXPECT_EQ(first.summary,
              "Born in New Jersey on August 9th, 1963, Houston grew up surrounded by the music "
              "business. Her mother is gospel singer Cissy Houston and her cousins are Dee Dee "
              "and Dionne Warwick.");
    // The credit's two links are sources; the media's relative address is none.
    EXPECT_EQ(first.sources,
              (Strings {"Tom Marcello", "Dionne Warwick: CBS Television via Wikimedia Commons"}));
    EXPECT_EQ(first.sourceUrls,
              (Strings {"http://www.flickr.com/photos/11447043@N00/418180903/",
                        "http://commons.wikimedia.org/wiki/"
                        "File%3ADionne_Warwick_television_special_1969.JPG"}));

    // A year alone is the year; the video is a source named by its credit.
    const TimelineJsRow &recording = file.rows[1];
    EXPECT_EQ(recording.line, 30);
    EXPECT_EQ(recording.title, "First Recording");
    EXPECT_EQ(recording.when, "1978");
    EXPECT_EQ(recording.sources, (Strings {"Unidisc Music", "Unidisc Music"}));
    EXPECT_EQ(recording.sourceUrls,
              (Strings {"http://unidiscmusic.com", "https://youtu.be/fSrO91XO1Ck"}));

    // "<i>Bodyguard</i>" is the plain word.
    EXPECT_NE(file.rows[2].summary.find("remade for the Bodyguard soundtrack"), std::string::npos)
        << file.rows[2].summary;

    const TimelineJsRow &last = file.rows.back();
    EXPECT_EQ(last.line, 254);
    EXPECT_EQ(last.title, "Whitney Houston 1963-2012");
    EXPECT_EQ(last.when, "2012-02-11");
    // "//twitter.com/…" is an https address.
    EXPECT_EQ(last.sourceUrls.back(), "https://twitter.com/Blavity/status/851872780949889024");

    // Slides without a unique_id get ids made from their content: one each.
    EXPECT_EQ(idsOf(file).size(), 18u);
}

TEST(TimelineJsJson, SlidesWithoutIdsGetTheSameIdsEveryTime)
{
    // So that importing the same file again updates its events instead of adding them twice.
    const TimelineJsFile once = readJson(QStringLiteral("houston.json"));
    const TimelineJsFile again = readJson(QStringLiteral("houston.json"));
    ASSERT_EQ(once.rows.size(), again.rows.size());
    for (std::size_t i = 0; i < once.rows.size(); ++i) {
        EXPECT_FALSE(once.rows[i].id.empty());
        EXPECT_EQ(once.rows[i].id, again.rows[i].id) << i;
    }
}

TEST(TimelineJsJson, MarkTwainSlidesWithoutHeadlinesStillHaveTitles)
{
    const TimelineJsFile file = readJson(QStringLiteral("marktwain.json"));
    ASSERT_TRUE(file.error.isEmpty()) << file.error.toStdString();
    ASSERT_EQ(file.rows.size(), 17u);
    EXPECT_EQ(file.refusedCount(), 0u) << testing::PrintToString(file.refusals());

    // The title slide has text but no headline.
    EXPECT_EQ(file.extras.title, "");
    EXPECT_EQ(file.extras.description,
              "Samuel Langhorne Clemens (November 30, 1835 \u2013 April 21, 1910),[1] better "
              "known by his pen name Mark Twain, was an American author and humorist.");

    // No headline: the media caption is the title. Its type is a tag.
    const TimelineJsRow &overview = file.rows[0];
    EXPECT_EQ(overview.line, 12);
    EXPECT_EQ(overview.title, "Twain caricatured by Spy for Vanity Fair, 1908");
    EXPECT_EQ(overview.when, "1908-05-13");
    EXPECT_EQ(overview.tags, Strings {"overview"});
    EXPECT_EQ(overview.sources, Strings {"Vanity Fair"});
    EXPECT_TRUE(overview.summary.starts_with("Samuel Langhorne Clemens (November 30, 1835"));

    // Hour, minute and second: an instant to the second, read as UTC; the place.
    const TimelineJsRow &florida = file.rows[1];
    EXPECT_EQ(florida.line, 29);
    EXPECT_EQ(florida.title, "Florida, Missouri");
    EXPECT_EQ(florida.when, "2000-01-05T06:45:56Z");
    EXPECT_EQ(florida.locationName, "Florida, Missouri");
    EXPECT_DOUBLE_EQ(florida.latitude, 39.491711);
    EXPECT_DOUBLE_EQ(florida.longitude, -91.79326);
    EXPECT_FALSE(florida.id.empty()); // "unique_id": "" is no id: one is made

    // An end_date makes an interval.
    EXPECT_EQ(file.rows[2].title, "Hannibal, Missouri");
    EXPECT_EQ(file.rows[2].when, "1920-01-05T06:45:56Z/1923-01-05T06:45:56Z");

    // Three slides with neither headline nor text: titled by their captions.
    EXPECT_EQ(file.rows[3].line, 99);
    EXPECT_EQ(file.rows[3].title, "a Youtube video");
    EXPECT_EQ(file.rows[3].locationName, "");
    EXPECT_DOUBLE_EQ(file.rows[3].latitude, 39.710083);
    EXPECT_EQ(file.rows[4].title, "a tweet");
    EXPECT_EQ(file.rows[5].title, "another youtube video");

    // Empty strings for every part but the year: the year.
    const TimelineJsRow &last = file.rows.back();
    EXPECT_EQ(last.line, 478);
    EXPECT_EQ(last.title, "Get started!");
    EXPECT_EQ(last.when, "2014");
    EXPECT_EQ(idsOf(file).size(), 17u);
}

TEST(TimelineJsJson, RepublicanLinksInTheTextAreSources)
{
    const TimelineJsFile file = readJson(QStringLiteral("republican.json"));
    ASSERT_TRUE(file.error.isEmpty()) << file.error.toStdString();
    ASSERT_EQ(file.rows.size(), 13u);
    EXPECT_EQ(file.refusedCount(), 0u) << testing::PrintToString(file.refusals());
    EXPECT_EQ(file.extras.title, "The Republican Run-Up");
    EXPECT_EQ(file.extras.description,
              "Follow the presidential caucuses and primaries as members of the Republican Party "
              "race to become the GOP's next presidential nominee.");

    const TimelineJsRow &iowa = file.rows[0];
    EXPECT_EQ(iowa.line, 16);
    EXPECT_EQ(iowa.title, "Iowa");
    EXPECT_EQ(iowa.when, "2012-01-03");
    EXPECT_NE(iowa.summary.find("in Iowa after much debate about the results."), std::string::npos)
        << iowa.summary;
    EXPECT_EQ(iowa.sources, (Strings {"much debate", "Gage Skidmore", "Gage Skidmore/Flickr"}));
    EXPECT_EQ(iowa.sourceUrls,
              (Strings {"http://www.foxnews.com/politics/2012/01/21/"
                        "iowa-republican-party-reaffirms-santorum-as-winner-caucuses/",
                        "http://www.flickr.com/photos/gageskidmore/6057989217/",
                        "https://farm7.staticflickr.com/6200/6057989217_3bd755477b.jpg"}));

    // A blockquote where the media address should be: no source from it.
    const TimelineJsRow &newHampshire = file.rows[1];
    EXPECT_EQ(newHampshire.title, "New Hampshire");
    EXPECT_EQ(newHampshire.sources, Strings {"swept New Hampshire"});
    EXPECT_EQ(file.rows.back().line, 220);
    EXPECT_EQ(file.rows.back().title, "Super Tuesday");
}

TEST(TimelineJsJson, EveryMessySlideIsRefusedOnItsLineWithItsReason)
{
    const TimelineJsFile file = readJson(QStringLiteral("messy.json"));
    ASSERT_TRUE(file.error.isEmpty()) << file.error.toStdString();
    EXPECT_EQ(file.refusals(),
              (Strings {
                  "9: start_date.year \"-44\" is before year 0: BCE dates are not supported",
                  "13: start_date.month \"13\" is not a month",
                  "17: start_date has no year",
                  "21: no start_date",
                  "30: start_date.day \"31\" is not a day of month 2",
                  "48: the end 1999 comes before the start 2000-01-05T06:45:56Z",
                  "60: start_date.minute \"5\" is given without start_date.hour",
                  "64: the slide is not an object",
                  "65: location.latitude \"95.2\" is out of range (-90 to 90)",
                  "82: era: start_date.year \"-500\" is before year 0: BCE dates are not "
                  "supported",
              }));
    ASSERT_EQ(file.rows.size(), 16u); // 15 slides and the refused era
    // A refused slide with a unique_id still names it (a re-import does not take it for gone).
    EXPECT_EQ(file.rows[3].id, "undated-1");
}

TEST(TimelineJsJson, MessySlidesThatCanBeReadAre)
{
    const TimelineJsFile file = readJson(QStringLiteral("messy.json"));
    ASSERT_EQ(file.rows.size(), 16u);

    // Numbers instead of strings; an hour and minute: an instant to the minute.
    const TimelineJsRow &moon = file.rows[4];
    EXPECT_EQ(moon.line, 25);
    EXPECT_TRUE(moon.problem.isEmpty()) << moon.problem.toStdString();
    EXPECT_EQ(moon.id, "moon");
    EXPECT_EQ(moon.title, "Numbers, not strings");
    EXPECT_EQ(moon.when, "1969-07-20T20:17Z");

    // A three-digit year; no headline: the first sentence of the text.
    const TimelineJsRow &rome = file.rows[6];
    EXPECT_EQ(rome.line, 34);
    EXPECT_TRUE(rome.problem.isEmpty()) << rome.problem.toStdString();
    EXPECT_EQ(rome.when, "0476");
    EXPECT_EQ(rome.title, "The last western emperor is deposed");
    EXPECT_EQ(rome.summary, "The last western emperor is deposed. Odoacer becomes king of Italy.");

    // Scripts and styles are gone; javascript: and data: links are no sources; the text of
    // every link stays; "//host" is https.
    const TimelineJsRow &scripts = file.rows[7];
    EXPECT_EQ(scripts.line, 38);
    EXPECT_TRUE(scripts.problem.isEmpty()) << scripts.problem.toStdString();
    EXPECT_EQ(scripts.title, "Scripts dropped");
    EXPECT_EQ(scripts.summary, "Safe text and a trap, data, the report.");
    EXPECT_EQ(scripts.sources, (Strings {"the report", "Photo desk"}));
    EXPECT_EQ(scripts.sourceUrls,
              (Strings {"https://example.org/report", "https://cdn.example.net/photo"}));
    EXPECT_EQ(scripts.parties, Strings {"Newsroom"});
    EXPECT_EQ(scripts.tags, Strings {"overview"});

    // No headline: the display date. A month to a year; a place from a number and a text; the
    // media, with no credit, is a source named by its host.
    const TimelineJsRow &paris = file.rows[9];
    EXPECT_EQ(paris.line, 53);
    EXPECT_TRUE(paris.problem.isEmpty()) << paris.problem.toStdString();
    EXPECT_EQ(paris.title, "Autumn 2001 to 2002");
    EXPECT_EQ(paris.when, "2001-09/2002");
    EXPECT_EQ(paris.locationName, "Paris");
    EXPECT_DOUBLE_EQ(paris.latitude, 48.85);
    EXPECT_DOUBLE_EQ(paris.longitude, 2.35);
    EXPECT_EQ(paris.sources, Strings {"example.org"});
    EXPECT_EQ(paris.sourceUrls, Strings {"https://www.example.org/photo.jpg"});

    // The same start and title twice: the second id is the first's with "-2".
    const TimelineJsRow &first = file.rows[13];
    const TimelineJsRow &second = file.rows[14];
    EXPECT_EQ(first.title, "Off the map");
    EXPECT_EQ(first.when, "2006-06-06T18:00Z");
    EXPECT_EQ(second.id, first.id + "-2");

    // The title slide and the era that can be read.
    EXPECT_EQ(file.extras.title, "Messy slides & friends");
    EXPECT_EQ(file.extras.description, "First paragraph.\nSecond \u2014 with a link.");
    ASSERT_EQ(file.extras.periods.size(), 1u);
    EXPECT_EQ(file.extras.periods[0].title, "War years");
    EXPECT_EQ(file.extras.periods[0].when.toEdtf(), "1939/1945");
}

TEST(TimelineJsJson, MalformedJsonSaysWhere)
{
    const TimelineJsFile file = readJson(QStringLiteral("malformed.json"));
    EXPECT_TRUE(file.rows.empty());
    EXPECT_EQ(file.error.toStdString(),
              "not a TimelineJS file: line 6, column 13: unexpected string literal; expected '}'");
}

TEST(TimelineJsJson, WhatIsNotATimelineIsSaid)
{
    EXPECT_EQ(readJson(QStringLiteral("no-events.json")).error.toStdString(),
              "not a TimelineJS file: it has no \"events\" list");
    EXPECT_EQ(readJsonText("[1, 2]").error.toStdString(),
              "not a TimelineJS file: it is not a JSON object");
    EXPECT_EQ(readJsonText(R"({"events": {"a": 1}})").error.toStdString(),
              "not a TimelineJS file: its \"events\" are not a list");
    EXPECT_EQ(readJsonText("").error.toStdString(),
              "not a TimelineJS file: line 1, column 1: unexpected end of input; expected "
              "'[', '{', or a literal");
    // The column where reading stopped; what nlohmann read last, quoted to its last 40 bytes.
    EXPECT_EQ(readJsonText("{\n  \"events\": [1,, 2]\n}").error.toStdString(),
              "not a TimelineJS file: line 2, column 16: unexpected ','; expected '[', '{', or a "
              "literal");
    EXPECT_EQ(readJsonText("{\"events\": [nul]}").error.toStdString(),
              "not a TimelineJS file: line 1, column 16: invalid literal; last read: '\"events\": "
              "[nul]'");
    EXPECT_EQ(readJsonText("{\"events\": [\"" + std::string(100, 'x')).error.toStdString(),
              "not a TimelineJS file: line 1, column 114: invalid string: missing closing quote; "
              "last read: '\u2026"
                  + std::string(40, 'x') + "'");
    EXPECT_EQ(readJsonFile(timelineJsPath(QStringLiteral("no-such-file.json")))
                  .error.startsWith(QStringLiteral("cannot be read: ")),
              true);
    // Nesting past any timeline's is refused, not followed down.
    const std::string deep = R"({"events": [{"media": )" + std::string(300, '[');
    EXPECT_EQ(readJsonText(deep).error.toStdString(),
              "not a TimelineJS file: line 1: nested more than 256 deep");
}

TEST(TimelineJsJson, LinesCountFromTheFileStart)
{
    // A slide's line is the line of its "{", wherever the slide list starts.
    const TimelineJsFile file = readJsonText("\n\n{\"events\": [{\"start_date\": {\"year\": "
                                             "\"2000\"}},\n\n  {\"start_date\": {\"year\": "
                                             "\"2001\"}}, {\"start_date\": {}}]}");
    ASSERT_EQ(file.rows.size(), 3u);
    EXPECT_EQ(file.rows[0].line, 3);
    EXPECT_EQ(file.rows[1].line, 5);
    EXPECT_EQ(file.refusals(), Strings {"5: start_date has no year"});
}

TEST(TimelineJsJson, ASecondEventsListReplacesTheFirst)
{
    // As nlohmann (and a browser) read it: the last "events" wins, with its own lines.
    const TimelineJsFile file = readJsonText(
        "{\"events\": [{\"start_date\": {\"year\": \"2000\"}}],\n\"events\": [\n"
        "{\"start_date\": {\"year\": \"1999\"}, \"text\": {\"headline\": \"Second list\"}}]}");
    ASSERT_EQ(file.rows.size(), 1u);
    EXPECT_EQ(file.rows[0].line, 3);
    EXPECT_EQ(file.rows[0].title, "Second list");
}
