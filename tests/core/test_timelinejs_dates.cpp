// TimelineJS dates: each end read at exactly the precision it gives, and every part that
// cannot be read refused with its name and value.

#include "import/timelinejs/timelinejsdate.h"

#include <gtest/gtest.h>

using namespace claimline;

namespace {

constexpr DatePartNames JsonNames {"start_date.year",
                                   "start_date.month",
                                   "start_date.day",
                                   "start_date.hour",
                                   "start_date.minute",
                                   "start_date.second",
                                   {}};
constexpr DatePartNames SheetNames {"Year", "Month", "Day", {}, {}, {}, "Time"};
constexpr DatePartNames SheetEndNames {"End Year", "End Month", "End Day", {}, {}, {}, "End Time"};

// The EDTF of what the parts read as, or "refused: <reason>".
std::string read(const DateParts &parts, const DatePartNames &names = JsonNames)
{
    FuzzyTime time;
    const QString problem = readDate(parts, names, time);
    if (!problem.isEmpty())
        return "refused: " + problem.toStdString();
    return time.isNull() ? std::string("none") : time.toEdtf();
}

DateParts json(std::string_view year, std::string_view month = {}, std::string_view day = {},
               std::string_view hour = {}, std::string_view minute = {},
               std::string_view second = {})
{
    return {year, month, day, hour, minute, second, {}};
}

DateParts sheet(std::string_view year, std::string_view month = {}, std::string_view day = {},
                std::string_view time = {})
{
    return {year, month, day, {}, {}, {}, time};
}

} // namespace

TEST(TimelineJsDate, ReadsAtThePrecisionGiven)
{
    EXPECT_EQ(read(json("1963")), "1963");
    EXPECT_EQ(read(json("476")), "0476");
    EXPECT_EQ(read(json("0")), "0000");
    EXPECT_EQ(read(json("1963", "8")), "1963-08");
    EXPECT_EQ(read(json("1963", "08", "09")), "1963-08-09");
    EXPECT_EQ(read(json("2000", "1", "5", "6")), "2000-01-05T06:00Z");
    EXPECT_EQ(read(json("2000", "1", "5", "6", "45")), "2000-01-05T06:45Z");
    EXPECT_EQ(read(json("2000", "1", "5", "6", "45", "56")), "2000-01-05T06:45:56Z");
    EXPECT_EQ(read(json(" 1963 ", " 8 ")), "1963-08");
    EXPECT_EQ(read(json("", "", "", "", "", "")), "none");
    EXPECT_EQ(read(json("2024", "2", "29")), "2024-02-29");
}

TEST(TimelineJsDate, SheetTimesOfDay)
{
    EXPECT_EQ(read(sheet("2020", "5", "1", "6:45"), SheetNames), "2020-05-01T06:45Z");
    EXPECT_EQ(read(sheet("2020", "5", "1", "06:45:10"), SheetNames), "2020-05-01T06:45:10Z");
    EXPECT_EQ(read(sheet("2020", "5", "1", "12:05 am"), SheetNames), "2020-05-01T00:05Z");
    EXPECT_EQ(read(sheet("2020", "5", "1", "12:05 PM"), SheetNames), "2020-05-01T12:05Z");
    EXPECT_EQ(read(sheet("2020", "5", "1", "6:45:10 PM"), SheetNames), "2020-05-01T18:45:10Z");
    for (const std::string_view bad :
         {"25:00", "6", "6:5", "6:45:", "13:00 PM", "6:45:10:1", "noon", ":45", "6:60"}) {
        EXPECT_EQ(read(sheet("2020", "5", "1", bad), SheetNames),
                  "refused: Time \"" + std::string(bad)
                      + "\" is not a time of day (HH:MM or HH:MM:SS)");
    }
}

TEST(TimelineJsDate, RefusesWhatCannotBeADate)
{
    EXPECT_EQ(read(json("-44")),
              "refused: start_date.year \"-44\" is before year 0: BCE dates are not supported");
    EXPECT_EQ(read(sheet("-44"), SheetNames),
              "refused: Year \"-44\" is before year 0: BCE dates are not supported");
    EXPECT_EQ(read(json("10000")), "refused: start_date.year \"10000\" is after year 9999");
    EXPECT_EQ(read(json("1963.5")), "refused: start_date.year \"1963.5\" is not a year");
    EXPECT_EQ(read(json("MCMLXIII")), "refused: start_date.year \"MCMLXIII\" is not a year");
    EXPECT_EQ(read(sheet("2020", "13"), SheetNames), "refused: Month \"13\" is not a month");
    EXPECT_EQ(read(sheet("2020", "0"), SheetNames), "refused: Month \"0\" is not a month");
    EXPECT_EQ(read(sheet("2020", "May"), SheetNames), "refused: Month \"May\" is not a month");
    EXPECT_EQ(read(sheet("2020", "2", "31"), SheetNames),
              "refused: Day \"31\" is not a day of month 2");
    EXPECT_EQ(read(sheet("1900", "2", "29"), SheetNames),
              "refused: Day \"29\" is not a day of month 2 in 1900");
    EXPECT_EQ(read(sheet("2020", "4", "0"), SheetNames),
              "refused: Day \"0\" is not a day of month 4");
    EXPECT_EQ(read(json("2020", "1", "1", "24")), "refused: start_date.hour \"24\" is not an hour");
    EXPECT_EQ(read(json("2020", "1", "1", "6", "60")),
              "refused: start_date.minute \"60\" is not a minute");
    EXPECT_EQ(read(json("2020", "1", "1", "6", "0", "61")),
              "refused: start_date.second \"61\" is not a second");
}

TEST(TimelineJsDate, APartNeedsTheOneAboveIt)
{
    EXPECT_EQ(read(json("", "5")),
              "refused: start_date.month \"5\" is given without start_date.year");
    EXPECT_EQ(read(json("2020", "", "5")),
              "refused: start_date.day \"5\" is given without start_date.month");
    EXPECT_EQ(read(json("2020", "1", "", "6")),
              "refused: start_date.hour \"6\" is given without start_date.day");
    EXPECT_EQ(read(json("2020", "1", "1", "", "30")),
              "refused: start_date.minute \"30\" is given without start_date.hour");
    EXPECT_EQ(read(json("2020", "1", "1", "6", "", "30")),
              "refused: start_date.second \"30\" is given without start_date.minute");
    EXPECT_EQ(read(sheet("2020", "1", "", "6:45"), SheetNames),
              "refused: Time \"6:45\" is given without Day");
}

TEST(TimelineJsDate, SpansFromStartToEnd)
{
    const auto span = [](const DateParts &start, const DateParts &end) {
        FuzzyTime when;
        const QString problem = readSpan(start, SheetNames, end, SheetEndNames, when);
        return problem.isEmpty() ? when.toEdtf() : "refused: " + problem.toStdString();
    };
    EXPECT_EQ(span(sheet("1815", "12", "10"), sheet("1852", "11", "27")), "1815-12-10/1852-11-27");
    EXPECT_EQ(span(sheet("1943", "7"), sheet("1946")), "1943-07/1946");
    EXPECT_EQ(span(sheet("1943", "7"), sheet("")), "1943-07");
    EXPECT_EQ(span(sheet(""), sheet("1946")), "refused: Year is empty");
    EXPECT_EQ(span(sheet("1950"), sheet("1946")),
              "refused: the end 1946 comes before the start 1950");
    EXPECT_EQ(span(sheet("1950"), sheet("1951", "13")), "refused: End Month \"13\" is not a month");
    // The same year at both ends is that year, as an interval.
    EXPECT_EQ(span(sheet("1950"), sheet("1950")), "1950/1950");
}
