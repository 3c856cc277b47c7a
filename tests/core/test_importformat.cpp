// Recognising a dataset from its header, the formats' names, and how the mappers read one
// field: numbers (which attributes are numbers), coordinates, dates.

#include "import/formats/fieldtext.h"
#include "import/importformat.h"

#include "rowmapperfixture.h"

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

TEST(ImportFormat, DetectsEachFormatFromItsHeader)
{
    EXPECT_EQ(detectFormat(viewsOf(acledColumns())), ImportFormat::Acled);
    EXPECT_EQ(detectFormat(viewsOf(ucdpColumns())), ImportFormat::Ucdp);

    // Any order, spaces and a BOM around names, only the columns that tell.
    const std::vector<std::string> acled {"notes", " actor1", "event_date ",
                                          "\xEF\xBB\xBF"
                                          "event_id_cnty"};
    EXPECT_EQ(detectFormat(viewsOf(acled)), ImportFormat::Acled);
    const std::vector<std::string> ucdp {"side_a", "date_end", "best", "date_start", "id"};
    EXPECT_EQ(detectFormat(viewsOf(ucdp)), ImportFormat::Ucdp);
}

TEST(ImportFormat, EveryFormatsHeaderIsKnown)
{
    const std::vector<std::string> timelineJs {"Year", "Month", "Day", "Time", "Headline", "Text"};
    EXPECT_EQ(detectFormat(viewsOf(timelineJs)), ImportFormat::TimelineJs);
    // A sheet re-typed by hand: the template's names in any case.
    const std::vector<std::string> lower {"year", "month", "day", "headline"};
    EXPECT_EQ(detectFormat(viewsOf(lower)), ImportFormat::TimelineJs);
    const std::vector<std::string> timesketch {"datetime", "timestamp_desc", "message", "extra"};
    EXPECT_EQ(detectFormat(viewsOf(timesketch)), ImportFormat::Timesketch);
    const std::vector<std::string> events {"id",     "title", "when",   "earliest",
                                           "latest", "kind",  "status", "parties"};
    EXPECT_EQ(detectFormat(viewsOf(events)), ImportFormat::ClaimlineCsv);
    const std::vector<std::string> relations {"from", "from_party", "to", "to_party", "kind"};
    EXPECT_EQ(detectFormat(viewsOf(relations)), ImportFormat::ClaimlineCsv);
}

TEST(ImportFormat, AnUnknownHeaderIsNoFormat)
{
    const std::vector<std::string> noHeadline {"Year", "Month", "Day", "Time", "Text"};
    EXPECT_EQ(detectFormat(viewsOf(noHeadline)), std::nullopt);
    // Almost ACLED, almost UCDP: one telling column is missing.
    const std::vector<std::string> noActor {"event_id_cnty", "event_date", "actor2"};
    EXPECT_EQ(detectFormat(viewsOf(noActor)), std::nullopt);
    const std::vector<std::string> noEnd {"id", "date_start", "side_a", "side_b"};
    EXPECT_EQ(detectFormat(viewsOf(noEnd)), std::nullopt);
    // Names match exactly otherwise: ACLED's columns are lower case.
    const std::vector<std::string> upper {"EVENT_ID_CNTY", "EVENT_DATE", "ACTOR1"};
    EXPECT_EQ(detectFormat(viewsOf(upper)), std::nullopt);
    EXPECT_EQ(detectFormat({}), std::nullopt);
}

TEST(ImportFormat, NamesForTheCommandLineTheFileAndPeople)
{
    for (const ImportFormat format :
         {ImportFormat::Auto, ImportFormat::Acled, ImportFormat::Ucdp, ImportFormat::TimelineJs,
          ImportFormat::Timesketch, ImportFormat::ClaimlineCsv, ImportFormat::Csv})
        EXPECT_EQ(importFormatFromName(nameOf(format)), format);
    EXPECT_EQ(nameOf(ImportFormat::Acled), "acled");
    EXPECT_EQ(nameOf(ImportFormat::Ucdp), "ucdp");
    EXPECT_EQ(nameOf(ImportFormat::TimelineJs), "timelinejs");
    EXPECT_EQ(nameOf(ImportFormat::ClaimlineCsv), "claimline-csv");
    EXPECT_EQ(importFormatFromName("TimelineJS"), std::nullopt);
    EXPECT_EQ(importFormatFromName(""), std::nullopt);
    EXPECT_EQ(displayName(ImportFormat::Acled), QStringLiteral("ACLED"));
    EXPECT_EQ(displayName(ImportFormat::Ucdp), QStringLiteral("UCDP GED"));
    EXPECT_EQ(makeRowMapper(ImportFormat::Acled)->format(), ImportFormat::Acled);
    EXPECT_EQ(makeRowMapper(ImportFormat::Ucdp)->format(), ImportFormat::Ucdp);
}

TEST(FieldText, PlainNumbersAreWhatJsonReadsBackAsTheSameText)
{
    for (const char *number : {"0", "3", "-0", "12", "643", "-3.5", "50.4501", "0.70"})
        EXPECT_TRUE(isPlainNumber(number)) << number;
    for (const char *text : {"", "-", "007", "+3", "1e5", "3,5", "3.", ".5", " 3", "3 ", "0x1F",
                             "NaN", "inf", "1-2", "12a"}) {
        EXPECT_FALSE(isPlainNumber(text)) << text;
    }
}

TEST(FieldText, CoordinatesReadDecimalPointsAndCommas)
{
    EXPECT_EQ(parseNumber("50.4501"), 50.4501);
    EXPECT_EQ(parseNumber(" -30.5 "), -30.5);
    EXPECT_EQ(parseNumber("+30.5"), 30.5);
    EXPECT_EQ(parseNumber("50,4501"), 50.4501);
    EXPECT_EQ(parseNumber("1e1"), 10.0);
    for (const char *bad :
         {"", "+", "+-1", "1,000.5", "1,2,3", "nan", "inf", "-inf", "12 E", "twelve", "1.2.3"}) {
        EXPECT_EQ(parseNumber(bad), std::nullopt) << bad;
    }
}

TEST(FieldText, DaysAsDatasetsWriteThem)
{
    const auto day = [](std::string_view text) {
        const std::optional<CalendarDay> parsed = parseDay(text);
        return parsed ? dayTime(*parsed).toEdtf() : std::string("-");
    };
    EXPECT_EQ(day("2023-02-16"), "2023-02-16");
    EXPECT_EQ(day(" 2023-02-16 "), "2023-02-16");
    EXPECT_EQ(day("2023-02-16 00:00:00.000"), "2023-02-16");
    EXPECT_EQ(day("2023-02-16T00:00:00Z"), "2023-02-16");
    EXPECT_EQ(day("2023-2-6"), "2023-02-06");
    EXPECT_EQ(day("16 February 2023"), "2023-02-16");
    EXPECT_EQ(day("6 february 2023"), "2023-02-06");
    EXPECT_EQ(day("16 FEB 2023"), "2023-02-16");
    EXPECT_EQ(day("16 Sept 2023"), "2023-09-16");
    EXPECT_EQ(day("16-Feb-2023"), "2023-02-16");
    EXPECT_EQ(day("29 February 2024"), "2024-02-29");
    for (const char *bad :
         {"", "not a date", "2026-02-30", "2025-02-29", "2025-00-10", "2025-12-32", "23-02-16",
          "20230216", "2023-02-16 noon", "16 Febr 2023", "16 February 23", "16/02/2023",
          "February 16, 2023", "16 February-2023", "116 February 2023"}) {
        EXPECT_EQ(day(bad), "-") << bad;
    }
}

TEST(FieldText, MonthWeekAndDayRanges)
{
    const CalendarDay newYear {2026, 1, 1};
    EXPECT_EQ(monthTime(newYear).toEdtf(), "2026-01");
    EXPECT_EQ(weekAroundTime(newYear).toEdtf(), "2025-12-29/2026-01-04");
    EXPECT_EQ(daysTime({2025, 12, 28}, newYear).toEdtf(), "2025-12-28/2026-01-01");
    EXPECT_EQ(daysTime(newYear, newYear).toEdtf(), "2026-01-01");
    EXPECT_TRUE(daysTime(newYear, {2025, 12, 31}).isNull());
    // Nothing before the year 0.
    EXPECT_TRUE(weekAroundTime({0, 1, 2}).isNull());
    EXPECT_EQ(monthTime({0, 1, 2}).toEdtf(), "0000-01");
}

TEST(FieldText, ListsAreTrimmedWithoutEmptyOrRepeatedItems)
{
    std::vector<std::string_view> items;
    appendListItems("Ukrainska Pravda; Kyiv Independent;;  ; Ukrainska Pravda", ';', items);
    EXPECT_EQ(items, (std::vector<std::string_view> {"Ukrainska Pravda", "Kyiv Independent"}));
    appendListItems("TASS", ';', items);
    EXPECT_EQ(items.back(), "TASS");
    appendListItems("", ';', items);
    EXPECT_EQ(items.size(), 3u);
}
