// The TimelineJS Google Sheet, saved as CSV: the template's sample sheet reads completely, and
// a sheet with every messy case refuses each row on its line, naming the column.

#include "timelinejsfixture.h"

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

using Strings = std::vector<std::string>;

} // namespace

TEST(TimelineJsSheet, WomenInComputingReadsEveryRow)
{
    const TimelineJsFile file = readSheet(QStringLiteral("women_in_computing.csv"));
    ASSERT_TRUE(file.error.isEmpty()) << file.error.toStdString();
    // Eleven rows below the header: the title row is the dataset's title, not an event.
    ASSERT_EQ(file.rows.size(), 10u);
    EXPECT_EQ(file.refusedCount(), 0u) << testing::PrintToString(file.refusals());
    EXPECT_EQ(file.extras.title, "Women in Computing");
    EXPECT_EQ(file.extras.description,
              "In this sample timeline, we'll walk you through what TimelineJS can do by looking "
              "at some of the more important contributions women have made to computer science.");

    const TimelineJsRow &ada = file.rows[0];
    EXPECT_EQ(ada.line, 3);
    EXPECT_EQ(ada.title, "Ada Lovelace");
    EXPECT_EQ(ada.when, "1815-12-10/1852-11-27");
    EXPECT_EQ(ada.summary,
              "Women have been programming since before it was a thing. Take Ada Lovelace: "
              "Daughter of Lord Byron, she's often credited as the first computer programmer. Her "
              "work on Charles Babbage's Analytical Engine contains notes of the first "
              "machine-implemented algorithm.\nThis slide demonstrates a simple \"image\" media "
              "type.");
    // The text's Wikipedia links, the caption's, then the image, named by its credit.
    EXPECT_EQ(ada.sources,
              (Strings {"Ada Lovelace", "Charles Babbage's Analytical Engine",
                        "Portrait by Alfred Edward Chalon", "Wikimedia Commons"}));
    EXPECT_EQ(ada.sourceUrls,
              (Strings {"https://en.wikipedia.org/wiki/Ada_Lovelace",
                        "https://en.wikipedia.org/wiki/Analytical_Engine",
                        "https://en.wikipedia.org/wiki/Ada_Lovelace#/media/"
                        "File:Ada_Lovelace_portrait.jpg",
                        "https://upload.wikimedia.org/wikipedia/commons/thumb/a/a4/"
                        "Ada_Lovelace_portrait.jpg/713px-Ada_Lovelace_portrait.jpg"}));

    // A quotation as the media is no source; a month to a year is an interval.
    EXPECT_EQ(file.rows[1].title, "Edith Clarke: Bucking the Trend");
    EXPECT_EQ(file.rows[1].when, "1948-03-14");
    EXPECT_TRUE(file.rows[1].sources.empty());
    const TimelineJsRow &eniac = file.rows[2];
    EXPECT_EQ(eniac.line, 5);
    EXPECT_EQ(eniac.when, "1943-07/1946");
    // The Background column is no part of an event: kept as an attribute.
    EXPECT_EQ(eniac.attribute("Background"),
              (std::pair<std::string, bool> {
                  "https://upload.wikimedia.org/wikipedia/commons/c/cd/ARL_ENIAC_02.png", false}));
    EXPECT_EQ(file.rows[3].line, 7);
    EXPECT_EQ(file.rows[4].title, "R\u00f3zsa P\u00e9ter writes recursion");
    EXPECT_EQ(file.rows[4].when, "1951");
    EXPECT_EQ(file.rows.back().line, 14);
    EXPECT_EQ(file.rows.back().title, "\"The Mother of the Internet\"");
}

TEST(TimelineJsSheet, EveryMessyRowIsRefusedOnItsLineNamingTheColumn)
{
    const TimelineJsFile file = readSheet(QStringLiteral("messy-sheet.csv"));
    ASSERT_TRUE(file.error.isEmpty()) << file.error.toStdString();
    EXPECT_EQ(file.refusals(),
              (Strings {
                  "4: era: Year \"-100\" is before year 0: BCE dates are not supported",
                  "5: Year \"-44\" is before year 0: BCE dates are not supported",
                  "6: Month \"13\" is not a month",
                  "7: Day \"31\" is not a day of month 2",
                  "8: Day \"29\" is not a day of month 2 in 1900",
                  "9: Time \"25:00\" is not a time of day (HH:MM or HH:MM:SS)",
                  "14: Day \"5\" is given without Month",
                  "15: Year is empty",
                  "16: 3 fields where the header has 19",
              }));
}

TEST(TimelineJsSheet, MessyRowsThatCanBeReadAre)
{
    const TimelineJsFile file = readSheet(QStringLiteral("messy-sheet.csv"));
    // Headers in any order and case: "year", "type".
    ASSERT_TRUE(file.error.isEmpty()) << file.error.toStdString();
    EXPECT_EQ(file.extras.title, "Sheet title");
    EXPECT_EQ(file.extras.description, "About the sheet.\nSecond paragraph.");
    ASSERT_EQ(file.extras.periods.size(), 1u);
    EXPECT_EQ(file.extras.periods[0].title, "Cold War");
    EXPECT_EQ(file.extras.periods[0].when.toEdtf(), "1947/1991");

    std::vector<TimelineJsRow> read;
    for (const TimelineJsRow &row : file.rows) {
        if (row.problem.isEmpty())
            read.push_back(row);
    }
    ASSERT_EQ(read.size(), 3u);

    // A Time to the minute; Group is the party; Media a source named by its credit; an
    // unknown column an attribute.
    const TimelineJsRow &good = read[0];
    EXPECT_EQ(good.line, 10);
    EXPECT_EQ(good.title, "Good time");
    EXPECT_EQ(good.when, "2020-05-01T06:45Z");
    EXPECT_EQ(good.parties, Strings {"Desk A"});
    EXPECT_EQ(good.sources, Strings {"Agency"});
    EXPECT_EQ(good.sourceUrls, Strings {"https://example.org/a.jpg"});
    EXPECT_EQ(good.attribute("Notes"), (std::pair<std::string, bool> {"checked twice", false}));

    // No headline: the first sentence of the text (its line break is a space in HTML).
    const TimelineJsRow &byron = read[1];
    EXPECT_EQ(byron.line, 11);
    EXPECT_EQ(byron.title, "Daughter of Lord Byron");
    EXPECT_EQ(byron.when, "1815-12-10/1852-11-27");

    // "6:45:10 PM": to the second, to the end of the day.
    const TimelineJsRow &evening = read[2];
    EXPECT_EQ(evening.line, 13);
    EXPECT_EQ(evening.when, "2020-05-02T18:45:10Z/2020-05-02");
}

TEST(TimelineJsSheet, HeaderNeedsYearAndHeadline)
{
    TimelineJsSheetMapper mapper;
    const std::vector<std::string_view> none {"Date", "Title"};
    EXPECT_EQ(mapper.setHeader(none).toStdString(), "no columns \"Year\" and \"Headline\"");
    const std::vector<std::string_view> noHeadline {"Year", "Month", "Text"};
    EXPECT_EQ(mapper.setHeader(noHeadline).toStdString(), "no column \"Headline\"");
    const std::vector<std::string_view> lowerCase {"year", "headline"};
    EXPECT_EQ(mapper.setHeader(lowerCase).toStdString(), "");
}

TEST(TimelineJsSheet, IsTheMapperForTheFormat)
{
    const std::unique_ptr<RowMapper> mapper = makeRowMapper(ImportFormat::TimelineJs);
    ASSERT_NE(mapper, nullptr);
    EXPECT_EQ(mapper->format(), ImportFormat::TimelineJs);
    EXPECT_NE(dynamic_cast<TimelineJsSheetMapper *>(mapper.get()), nullptr);
}
