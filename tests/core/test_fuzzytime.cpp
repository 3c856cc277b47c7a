// FuzzyTime: parsing EDTF text and writing it back. Null, construction, intervals, order and
// shifting are in test_fuzzytime_intervals.cpp; response lags, display and the calendar in
// test_fuzzytime_display.cpp.

#include "time/fuzzytime.h"

#include "fuzzytimefixture.h"

#include <gtest/gtest.h>

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <new>
#include <ostream>
#include <string>
#include <vector>

// ---------------------------------------------------------------------------------------------
// Allocation counting, to check that parse() does not allocate on success. Replacing the global
// operator new is the only way to see allocations made anywhere inside parse(); counting is
// switched on only around the code under test.

namespace {
std::atomic<bool> g_countAllocations {false};
std::atomic<long> g_allocations {0};
} // namespace

void *operator new(std::size_t size)
{
    if (g_countAllocations.load(std::memory_order_relaxed))
        g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}

void operator delete(void *p) noexcept
{
    std::free(p);
}

void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

namespace claimline {
using namespace test;
namespace {

// ---------------------------------------------------------------------------------------------
// Parsing and canonical text

TEST(FuzzyTimeParse, CanonicalFormsRoundTripUnchanged)
{
    const char *const canonical[] = {
        "2025",
        "2025-12",
        "2025-12-29",
        "0000",
        "0000-01-01",
        "9999-12-31",
        "1969-12-31",
        "2024-02-29",
        "2000-02-29",
        "2025-12-29T22:00Z",
        "2025-12-29T22:00:15Z",
        "1969-12-31T23:59:59Z",
        "1970-01-01T00:00Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "2025~",
        "2025-12?",
        "2025-12-29%",
        "201X",
        "20XX",
        "2XXX",
        "XXXX",
        "2025-XX",
        "2025-XX-XX",
        "2025-12-XX",
        "201X-XX",
        "20XX-XX-XX",
        "XXXX-XX-XX",
        "2025-12-XX~",
        "201X?",
        "2025-12-28/2025-12-29",
        "2025-12-29/2025-12-29",
        "2025-12-31/2026-01-01",
        "2025-12-28/..",
        "../2025-12-29",
        "../2025-12-29T10:00Z",
        "2025-12-28~/2025-12-29?",
        "2025-12-28%/..",
        "2025-12-28T22:00Z/2025-12-29T01:30Z",
        "2025-12-28T22:00:05Z/2025-12-28T22:00:09Z",
        "2025-12-28/2025-12-29T01:30Z",
        "2025-11/2025-12",
        "2024/2025",
        "201X/2025",
        "2025/202X",
        "2025-XX/2026-03-XX",
    };
    for (const char *text : canonical) {
        SCOPED_TRACE(text);
        const FuzzyTime time = parsed(text);
        EXPECT_EQ(time.toEdtf(), text);
        EXPECT_EQ(FuzzyTime::parse(time.toEdtf()), time);
    }
}

TEST(FuzzyTimeParse, NumericOffsetsAreConvertedToUtcAndWrittenAsZ)
{
    struct Case
    {
        const char *text;
        const char *canonical;
        std::int64_t start;
    };
    const Case cases[] = {
        {"2025-12-28T22:00:00+03:00", "2025-12-28T19:00:00Z", utc(2025, 12, 28, 19)},
        {"2025-12-28T22:00+02:00", "2025-12-28T20:00Z", utc(2025, 12, 28, 20)},
        {"2025-12-28T22:00-05:30", "2025-12-29T03:30Z", utc(2025, 12, 29, 3, 30)},
        {"2025-12-31T23:30-01:00", "2026-01-01T00:30Z", utc(2026, 1, 1, 0, 30)},
        {"2025-03-01T01:00+02:00", "2025-02-28T23:00Z", utc(2025, 2, 28, 23)},
        {"2025-12-28T22:00+00:00", "2025-12-28T22:00Z", utc(2025, 12, 28, 22)},
        {"2025-12-28T22:00-00:00", "2025-12-28T22:00Z", utc(2025, 12, 28, 22)},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.text);
        const FuzzyTime time = parsed(c.text);
        EXPECT_EQ(time.toEdtf(), c.canonical);
        EXPECT_EQ(time.start(), c.start);
        EXPECT_EQ(parsed(c.canonical), time);
    }
}

TEST(FuzzyTimeParse, DaySpansUtcMidnightToNextMidnight)
{
    const FuzzyTime day = parsed("2025-12-29");
    EXPECT_EQ(day.start(), utc(2025, 12, 29));
    EXPECT_EQ(day.end(), utc(2025, 12, 30));
    EXPECT_EQ(day.startPrecision(), Precision::Day);
    EXPECT_FALSE(day.isInterval());

    const FuzzyTime beforeEpoch = parsed("1969-12-31");
    EXPECT_EQ(beforeEpoch.start(), -Day);
    EXPECT_EQ(beforeEpoch.end(), 0);

    const FuzzyTime firstDay = parsed("0000-01-01");
    EXPECT_EQ(firstDay.start(), -62167219200); // proleptic Gregorian year 0 (= 1 BC)
    const FuzzyTime lastDay = parsed("9999-12-31");
    EXPECT_EQ(lastDay.end(), 253402300800);
}

TEST(FuzzyTimeParse, YearAndMonthSpansFollowTheCalendar)
{
    const FuzzyTime year = parsed("2025");
    EXPECT_EQ(year.start(), utc(2025, 1, 1));
    EXPECT_EQ(year.end(), utc(2026, 1, 1));
    EXPECT_EQ(year.startPrecision(), Precision::Year);

    const FuzzyTime leapYear = parsed("2024");
    EXPECT_EQ(leapYear.end() - leapYear.start(), 366 * Day);

    const FuzzyTime december = parsed("2025-12");
    EXPECT_EQ(december.start(), utc(2025, 12, 1));
    EXPECT_EQ(december.end(), utc(2026, 1, 1));
    EXPECT_EQ(december.startPrecision(), Precision::Month);

    EXPECT_EQ(parsed("2024-02").end() - parsed("2024-02").start(), 29 * Day);
    EXPECT_EQ(parsed("2025-02").end() - parsed("2025-02").start(), 28 * Day);
}

TEST(FuzzyTimeParse, MinuteAndSecondInstantsSpanOneUnit)
{
    const FuzzyTime minute = parsed("2025-12-28T22:00Z");
    EXPECT_EQ(minute.start(), utc(2025, 12, 28, 22));
    EXPECT_EQ(minute.end(), minute.start() + 60);
    EXPECT_EQ(minute.startPrecision(), Precision::Minute);

    const FuzzyTime second = parsed("2025-12-28T22:00:15Z");
    EXPECT_EQ(second.start(), utc(2025, 12, 28, 22, 0, 15));
    EXPECT_EQ(second.end(), second.start() + 1);
    EXPECT_EQ(second.startPrecision(), Precision::Second);

    EXPECT_EQ(parsed("1969-12-31T23:59:59Z").start(), -1);
    EXPECT_EQ(parsed("2025-12-31T23:59:59Z").end(), utc(2026, 1, 1));
}

TEST(FuzzyTimeParse, EveryDayFrom1890To2110MatchesQDate)
{
    int mismatches = 0;
    std::string firstMismatch;
    std::int64_t previousEnd = utc(1890, 1, 1);
    for (QDate date(1890, 1, 1); date <= QDate(2110, 12, 31); date = date.addDays(1)) {
        const QByteArray text = date.toString(Qt::ISODate).toLatin1();
        const std::optional<FuzzyTime> time
            = FuzzyTime::parse(std::string_view(text.constData(), std::size_t(text.size())));
        const std::int64_t expected
            = QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
        const bool ok = time && time->start() == expected && time->end() == expected + Day
            && time->start() == previousEnd && time->toEdtf() == text.toStdString();
        if (!ok && mismatches++ == 0)
            firstMismatch = text.toStdString();
        previousEnd = expected + Day;
    }
    EXPECT_EQ(mismatches, 0) << "first mismatch: " << firstMismatch;
}

TEST(FuzzyTimeParse, LeapDaysFollowGregorianRules)
{
    EXPECT_TRUE(FuzzyTime::parse("2024-02-29"));
    EXPECT_TRUE(FuzzyTime::parse("2000-02-29"));
    EXPECT_TRUE(FuzzyTime::parse("1600-02-29"));
    EXPECT_TRUE(FuzzyTime::parse("0000-02-29")); // year 0 is divisible by 400
    EXPECT_EQ(parsed("2024-02-29").end(), parsed("2024-03-01").start());

    EXPECT_NE(rejection("2025-02-29")
                  .find("day 29 in \"2025-02-29\" is out of range for "
                        "February 2025"),
              std::string::npos);
    EXPECT_NE(rejection("1900-02-29").find("\"1900-02-29\""), std::string::npos);
    EXPECT_NE(rejection("2100-02-29").find("not a leap year"), std::string::npos);
    EXPECT_NE(rejection("2024-02-30").find("out of range for February 2024"), std::string::npos);
}

TEST(FuzzyTimeParse, MonthLengthsMatchQDate)
{
    const char *const monthNames[]
        = {"January", "February", "March",     "April",   "May",      "June",
           "July",    "August",   "September", "October", "November", "December"};
    for (int year : {1900, 2000, 2023, 2024, 2025}) {
        for (int month = 1; month <= 12; ++month) {
            const int length = QDate(year, month, 1).daysInMonth();
            char last[32];
            char beyond[32];
            std::snprintf(last, sizeof last, "%04d-%02d-%02d", year, month, length);
            std::snprintf(beyond, sizeof beyond, "%04d-%02d-%02d", year, month, length + 1);
            SCOPED_TRACE(last);
            EXPECT_EQ(parsed(last).end(), utc(year, month, 1) + length * Day);
            const std::string error = rejection(beyond);
            EXPECT_NE(error.find(quoted(beyond)), std::string::npos) << error;
            EXPECT_NE(error.find(std::string("out of range for ") + monthNames[month - 1] + " "
                                 + std::to_string(year)),
                      std::string::npos)
                << error;
        }
    }
}

TEST(FuzzyTimeParse, DayAfter31December2025Is1January2026)
{
    const FuzzyTime newYearsEve = parsed("2025-12-31");
    const FuzzyTime newYearsDay = parsed("2026-01-01");
    EXPECT_EQ(newYearsEve.end(), newYearsDay.start());
    EXPECT_EQ(FuzzyTime::fromInstant(newYearsEve.end(), Precision::Day).toEdtf(), "2026-01-01");
}

TEST(FuzzyTimeParse, UnspecifiedDigitsCoverTheWholeRange)
{
    struct Case
    {
        const char *text;
        std::int64_t start;
        std::int64_t end;
        Precision precision;
    };
    const Case cases[] = {
        {"201X", utc(2010, 1, 1), utc(2020, 1, 1), Precision::Year},
        {"20XX", utc(2000, 1, 1), utc(2100, 1, 1), Precision::Year},
        {"2XXX", utc(2000, 1, 1), utc(3000, 1, 1), Precision::Year},
        {"XXXX", -62167219200, 253402300800, Precision::Year},
        {"2025-XX", utc(2025, 1, 1), utc(2026, 1, 1), Precision::Month},
        {"2025-XX-XX", utc(2025, 1, 1), utc(2026, 1, 1), Precision::Day},
        {"2025-12-XX", utc(2025, 12, 1), utc(2026, 1, 1), Precision::Day},
        {"2024-02-XX", utc(2024, 2, 1), utc(2024, 3, 1), Precision::Day},
        {"201X-XX-XX", utc(2010, 1, 1), utc(2020, 1, 1), Precision::Day},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.text);
        const FuzzyTime time = parsed(c.text);
        EXPECT_EQ(time.start(), c.start);
        EXPECT_EQ(time.end(), c.end);
        EXPECT_EQ(time.startPrecision(), c.precision);
        EXPECT_FALSE(time.isPrecise());
    }
    // Same span, different text: the unspecified digits are part of the value.
    EXPECT_NE(parsed("2025-XX"), parsed("2025"));
    EXPECT_NE(parsed("2025-12-XX"), parsed("2025-12"));
}

TEST(FuzzyTimeParse, QualifiersMarkApproximateAndUncertain)
{
    struct Case
    {
        const char *text;
        bool approximate;
        bool uncertain;
    };
    const Case cases[] = {
        {"2025-12-29", false, false},
        {"2025-12-29~", true, false},
        {"2025-12-29?", false, true},
        {"2025-12-29%", true, true},
        {"2025~", true, false},
        {"201X?", false, true},
        {"2025-12-28~/2025-12-29", true, false},
        {"2025-12-28/2025-12-29?", false, true},
        {"../2025-12-29%", true, true},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.text);
        const FuzzyTime time = parsed(c.text);
        EXPECT_EQ(time.isApproximate(), c.approximate);
        EXPECT_EQ(time.isUncertain(), c.uncertain);
    }

    // A qualifier does not move the span but is part of the value.
    const FuzzyTime plain = parsed("2025-12-29");
    const FuzzyTime approximate = parsed("2025-12-29~");
    EXPECT_EQ(plain.start(), approximate.start());
    EXPECT_EQ(plain.end(), approximate.end());
    EXPECT_NE(plain, approximate);
    EXPECT_NE(parsed("2025-12-29?"), approximate);
}

TEST(FuzzyTimeParse, RejectsInvalidTextWithAMessageQuotingIt)
{
    struct Case
    {
        const char *text;
        const char *says;
    };
    const Case cases[] = {
        // Dates.
        {"2025-13-01", "month 13 in \"2025-13-01\" is out of range (01-12)"},
        {"2025-00", "month 00"},
        {"2025-11-31", "day 31 in \"2025-11-31\" is out of range for November 2025"},
        {"2025-12-00", "day 00"},
        {"2025-12-32", "day 32"},
        {"2025-1", "must be two digits or XX"},
        {"2025-12-1", "must be two digits or XX"},
        {"2025-", "month missing"},
        {"2025-12-", "day missing"},
        {"202", "exactly 4 digits"},
        {"20250", "exactly 4 digits"},
        {"20250-01-01", "exactly 4 digits"},
        {"-0500", "negative years"},
        {"-2025-12-29", "negative years"},
        {"Dec 2025", "whitespace"},
        {"yesterday", "4-digit year"},
        {"2025-12-29abc", "unexpected \"abc\""},
        {"2025-12-29~~", "unexpected \"~\""},
        {"2025~-12", "unexpected"},
        {"2025-12-29/", "has no end"},
        // Whitespace anywhere.
        {" 2025-12-29", "whitespace"},
        {"2025-12-29 ", "whitespace"},
        {"2025-12-28 / 2025-12-29", "whitespace"},
        {"2025-12-29T10:00 Z", "whitespace"},
        // Unspecified digits.
        {"2025-1X", "month \"1X\""},
        {"2025-X2", "month \"X2\""},
        {"2025-12-0X", "day \"0X\""},
        {"20X5", "trailing digits"},
        {"X025", "trailing digits"},
        {"2025-XX-05", "every later part must be XX"},
        {"201X-05", "every later part must be XX"},
        {"201x", "lowercase \"x\""},
        {"2025-xx", "lowercase \"x\""},
        {"2025-12-XXT10:00Z", "needs a full date"},
        // Times.
        {"2025-12-29T24:00Z", "hour 24"},
        {"2025-12-29T10:60Z", "minute 60"},
        {"2025-12-29T10:00:60Z", "second 60"},
        {"2025-12-29T10:00", "needs a zone (Z or ±hh:mm)"},
        {"2025-12-29T10:00:00", "needs a zone"},
        {"2025-12-29t10:00Z", "lowercase \"t\""},
        {"2025-12-29T10:00z", "lowercase \"z\""},
        {"2025-12-29T1:00Z", "hh:mm"},
        {"2025-12-29T10Z", "hh:mm"},
        {"2025-12-29T", "hh:mm"},
        {"2025-12-29T10:00:00.5Z", "unexpected \".5Z\""},
        {"2025-12-29T10:00+0300", "must be written ±hh:mm"},
        {"2025-12-29T10:00+03", "must be written ±hh:mm"},
        {"2025-12-29T10:00+24:00", "out of range"},
        {"2025-12-29T10:00ZZ", "unexpected \"Z\""},
        {"2025-12T10:00Z", "needs a full date"},
        {"2025T10:00Z", "needs a full date"},
        {"2025-12-29T10:00Z~", "not allowed after a time of day"},
        {"2025-12-29T10:00Z?", "not allowed after a time of day"},
        {"2025-12-29T10:00+01:00%", "not allowed after a time of day"},
        {"0000-01-01T00:30+01:00", "outside the years 0000-9999"},
        {"9999-12-31T23:30-01:00", "outside the years 0000-9999"},
        // Intervals.
        {"2025-12-30/2025-12-29", "interval \"2025-12-30/2025-12-29\" ends before it starts"},
        {"2025-12-29/2025-12-28", "ends before it starts"},
        {"2026/2025", "ends before it starts"},
        {"2025-12-29T10:00Z/2025-12-29T09:00Z", "ends before it starts"},
        {"../..", "open at both ends"},
        {"/2025", "has no start"},
        {"2025/", "has no end"},
        {"/", "has no start"},
        {"..", "alone is not a date"},
        {"2025/.../", "more than one \"/\""},
        {"2025/2026/2027", "more than one \"/\""},
        {"2025/...", "write exactly \"..\""},
        {"2025/2026-13", "month 13"},
        {"2025-12-28/2025-12-29T25:00Z", "hour 25"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.text);
        const std::string error = rejection(c.text);
        EXPECT_NE(error.find(quoted(c.text)), std::string::npos) << error;
        EXPECT_NE(error.find(c.says), std::string::npos) << error;
    }
    // The empty text quotes itself as "".
    EXPECT_NE(rejection("").find("\"\""), std::string::npos);
}

TEST(FuzzyTimeParse, ErrorForLongOrBinaryInputIsEscapedAndTruncated)
{
    const std::string longText = "2025-12-29" + std::string(10000, 'a');
    const std::string longError = rejection(longText);
    EXPECT_LT(longError.size(), 400u);
    EXPECT_NE(longError.find("\"2025-12-29aaaa"), std::string::npos) << longError;
    EXPECT_NE(longError.find("…\""), std::string::npos) << longError;

    const std::string binary("2025\x01\xff\"\\\n", 9);
    const std::string binaryError = rejection(binary);
    EXPECT_NE(binaryError.find("\"2025\\x01\\xFF\\\"\\\\\\n\""), std::string::npos) << binaryError;
    for (char c : binaryError)
        EXPECT_FALSE(c == '\x01' || c == '\xff' || c == '\n') << binaryError;

    // Well-formed UTF-8 (an en dash typed instead of "-") stays readable.
    const std::string dashError = rejection("2025–12–29");
    EXPECT_NE(dashError.find("\"2025–12–29\""), std::string::npos) << dashError;

    // A no-break space is whitespace too.
    EXPECT_NE(rejection("2025-12-29\xc2\xa0").find("whitespace"), std::string::npos);
}

TEST(FuzzyTimeParse, ErrorOutputIsOptional)
{
    EXPECT_FALSE(FuzzyTime::parse("2025-13-01"));
    EXPECT_FALSE(FuzzyTime::parse("2025-13-01", nullptr));
    std::string error;
    EXPECT_TRUE(FuzzyTime::parse("2025-12-01", &error));
}

TEST(FuzzyTimeParse, SuccessfulParseDoesNotAllocate)
{
    const char *const texts[] = {"2025-12-29", "2025-12-28T22:00:00+03:00", "201X?",
                                 "2025-12-28~/..", "2025-12-28T22:00Z/2025-12-29T01:30:15Z"};
    std::string error;
    error.reserve(1); // nothing to allocate later if parse() were to clear it
    long sum = 0;
    g_allocations = 0;
    g_countAllocations = true;
    for (int round = 0; round < 100; ++round) {
        for (const char *text : texts) {
            const std::optional<FuzzyTime> time = FuzzyTime::parse(text, &error);
            sum += time ? 1 : 0;
        }
    }
    g_countAllocations = false;
    EXPECT_EQ(sum, 500);
    EXPECT_EQ(g_allocations.load(), 0);

    // And the counter does see allocations (so the check above can fail).
    g_allocations = 0;
    g_countAllocations = true;
    const std::string text = parsed("2025-12-29T22:00:15Z/2025-12-30T22:00:15Z").toEdtf();
    g_countAllocations = false;
    EXPECT_GT(g_allocations.load(), 0);
    EXPECT_EQ(text.size(), 41u);
}

} // namespace
} // namespace claimline
