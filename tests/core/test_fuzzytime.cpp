#include "fuzzytime.h"

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

// Readable gtest output for QString comparisons (found by argument-dependent lookup).
void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}

namespace claimline {
namespace {

constexpr std::int64_t Day = 86400;

// Expected values are computed with Qt's calendar, independently of the code under test.
std::int64_t utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc())
        .toSecsSinceEpoch();
}

FuzzyTime parsed(std::string_view text)
{
    std::string error;
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text, &error);
    if (!time) {
        ADD_FAILURE() << "could not parse \"" << text << "\": " << error;
        return {};
    }
    return *time;
}

// The error message for text that must be rejected.
std::string rejection(std::string_view text)
{
    std::string error;
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text, &error);
    if (time)
        ADD_FAILURE() << "\"" << text << "\" was accepted as " << time->toEdtf();
    return error;
}

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

QTimeZone zone(const char *id)
{
    return QTimeZone(QByteArray(id));
}

QTimeZone kyivZone()
{
    // Older tzdata only knows the old spelling.
    QTimeZone kyiv = zone("Europe/Kyiv");
    return kyiv.isValid() ? kyiv : zone("Europe/Kiev");
}

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

// ---------------------------------------------------------------------------------------------
// Null

TEST(FuzzyTimeNull, DefaultIsNullAndNoParsedValueEqualsIt)
{
    const FuzzyTime null;
    EXPECT_TRUE(null.isNull());
    EXPECT_EQ(null.toEdtf(), "");
    EXPECT_TRUE(null.toDisplayString().isEmpty());
    EXPECT_FALSE(null.isPrecise());
    // Values whose start (or end) is the epoch itself, the likeliest to look "empty".
    for (const char *text : {"1970", "1970-01-01", "1970-01-01T00:00:00Z", "1970-01-01T00:00Z",
                             "../1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z/.."}) {
        SCOPED_TRACE(text);
        const FuzzyTime time = parsed(text);
        EXPECT_FALSE(time.isNull());
        EXPECT_NE(time, null);
    }
}

// ---------------------------------------------------------------------------------------------
// Convenience constructors

TEST(FuzzyTimeConstruct, FromDateEqualsParsedDay)
{
    EXPECT_EQ(FuzzyTime::fromDate(2025, 12, 29), parsed("2025-12-29"));
    EXPECT_EQ(FuzzyTime::fromDate(2024, 2, 29), parsed("2024-02-29"));
    EXPECT_TRUE(FuzzyTime::fromDate(2025, 2, 29).isNull());
    EXPECT_TRUE(FuzzyTime::fromDate(2025, 13, 1).isNull());
    EXPECT_TRUE(FuzzyTime::fromDate(10000, 1, 1).isNull());
    EXPECT_TRUE(FuzzyTime::fromDate(-1, 1, 1).isNull());
}

TEST(FuzzyTimeConstruct, FromDaysIsADayInterval)
{
    const FuzzyTime weekend = FuzzyTime::fromDays(2025, 12, 28, 29);
    EXPECT_EQ(weekend, parsed("2025-12-28/2025-12-29"));
    EXPECT_TRUE(weekend.isInterval());
    EXPECT_EQ(weekend.start(), utc(2025, 12, 28));
    EXPECT_EQ(weekend.end(), utc(2025, 12, 30));
    EXPECT_EQ(FuzzyTime::fromDays(2025, 12, 29, 29).toEdtf(), "2025-12-29/2025-12-29");
    EXPECT_TRUE(FuzzyTime::fromDays(2025, 12, 29, 28).isNull());
    EXPECT_TRUE(FuzzyTime::fromDays(2025, 11, 30, 31).isNull());
}

TEST(FuzzyTimeConstruct, FromInstantTruncatesToItsPrecision)
{
    const std::int64_t t = utc(2025, 12, 28, 22, 17, 45);
    EXPECT_EQ(FuzzyTime::fromInstant(t).toEdtf(), "2025-12-28T22:17Z");
    EXPECT_EQ(FuzzyTime::fromInstant(t, Precision::Second).toEdtf(), "2025-12-28T22:17:45Z");
    EXPECT_EQ(FuzzyTime::fromInstant(t, Precision::Day).toEdtf(), "2025-12-28");
    EXPECT_EQ(FuzzyTime::fromInstant(t, Precision::Month).toEdtf(), "2025-12");
    EXPECT_EQ(FuzzyTime::fromInstant(t, Precision::Year).toEdtf(), "2025");
    EXPECT_EQ(FuzzyTime::fromInstant(t), parsed("2025-12-28T22:17Z"));
    EXPECT_EQ(FuzzyTime::fromInstant(-1, Precision::Minute).toEdtf(), "1969-12-31T23:59Z");
    EXPECT_EQ(FuzzyTime::fromInstant(-1, Precision::Day).start(), -Day);
    EXPECT_TRUE(FuzzyTime::fromInstant(253402300800).isNull()); // 10000-01-01
}

TEST(FuzzyTimeConstruct, IntervalJoinsTwoSingleTimes)
{
    const std::optional<FuzzyTime> span
        = FuzzyTime::interval(parsed("2025-12-28~"), parsed("2025-12-29T10:00Z"));
    ASSERT_TRUE(span);
    EXPECT_EQ(span->toEdtf(), "2025-12-28~/2025-12-29T10:00Z");
    EXPECT_EQ(span->startPrecision(), Precision::Day);
    EXPECT_EQ(span->endPrecision(), Precision::Minute);
    EXPECT_EQ(FuzzyTime::interval(parsed("2025-12-29"), parsed("2025-12-29")),
              parsed("2025-12-29/2025-12-29"));
    EXPECT_FALSE(FuzzyTime::interval(parsed("2025-12-30"), parsed("2025-12-29")));
    EXPECT_FALSE(FuzzyTime::interval(FuzzyTime(), parsed("2025-12-29")));
    EXPECT_FALSE(FuzzyTime::interval(parsed("2025-12-28/2025-12-29"), parsed("2025-12-30")));
}

// ---------------------------------------------------------------------------------------------
// Intervals

TEST(FuzzyTimeInterval, SpansFromStartOfFirstToEndOfLast)
{
    const FuzzyTime span = parsed("2025-12-31/2026-01-01");
    EXPECT_TRUE(span.isInterval());
    EXPECT_EQ(span.start(), utc(2025, 12, 31));
    EXPECT_EQ(span.end(), utc(2026, 1, 2));
    EXPECT_EQ(span.toDisplayString(), QStringLiteral("31 Dec 2025 – 1 Jan 2026"));

    const FuzzyTime months = parsed("2025-11/2026-02");
    EXPECT_EQ(months.start(), utc(2025, 11, 1));
    EXPECT_EQ(months.end(), utc(2026, 3, 1));
    EXPECT_EQ(months.startPrecision(), Precision::Month);
}

TEST(FuzzyTimeInterval, OneDayIntervalIsValidButDiffersFromTheDay)
{
    const FuzzyTime span = parsed("2025-12-29/2025-12-29");
    const FuzzyTime day = parsed("2025-12-29");
    EXPECT_EQ(span.start(), day.start());
    EXPECT_EQ(span.end(), day.end());
    EXPECT_TRUE(span.isInterval());
    EXPECT_NE(span, day);
}

TEST(FuzzyTimeInterval, OpenEndsAreUnbounded)
{
    const FuzzyTime from = parsed("2025-12-28/..");
    EXPECT_TRUE(from.isInterval());
    EXPECT_FALSE(from.isOpenStart());
    EXPECT_TRUE(from.isOpenEnd());
    EXPECT_EQ(from.start(), utc(2025, 12, 28));
    EXPECT_EQ(from.end(), FuzzyTime::OpenEnd);
    EXPECT_TRUE(from.contains(utc(9999, 1, 1)));
    EXPECT_FALSE(from.contains(utc(2025, 12, 27)));

    const FuzzyTime until = parsed("../2025-12-29");
    EXPECT_TRUE(until.isOpenStart());
    EXPECT_FALSE(until.isOpenEnd());
    EXPECT_EQ(until.start(), FuzzyTime::OpenStart);
    EXPECT_EQ(until.end(), utc(2025, 12, 30));
    EXPECT_EQ(until.endPrecision(), Precision::Day);
    EXPECT_TRUE(until.contains(utc(1900, 1, 1)));
    EXPECT_FALSE(until.contains(utc(2025, 12, 30)));
}

TEST(FuzzyTimeInterval, EachSideKeepsItsOwnPrecisionAndQualifier)
{
    const FuzzyTime span = parsed("2025-12~/2026-01-05?");
    EXPECT_EQ(span.startPrecision(), Precision::Month);
    EXPECT_EQ(span.endPrecision(), Precision::Day);
    EXPECT_EQ(span.start(), utc(2025, 12, 1));
    EXPECT_EQ(span.end(), utc(2026, 1, 6));
    EXPECT_EQ(span.toDisplayString(), QStringLiteral("~Dec 2025 – 5 Jan 2026?"));
}

// ---------------------------------------------------------------------------------------------
// Ordering, overlap, midpoint, precision

TEST(FuzzyTimeOrder, SortsByStartThenEndThenRepresentation)
{
    std::vector<FuzzyTime> times = {
        parsed("2026"),          parsed("2025-12-29"),
        parsed("2025-12"),       parsed("2025"),
        parsed("../2025-01-01"), parsed("2025-12-29T10:00Z"),
        parsed("2025-12-29~"),   parsed("2025-12-28/2025-12-29"),
    };
    std::sort(times.begin(), times.end());
    std::vector<std::string> order;
    for (const FuzzyTime &time : times)
        order.push_back(time.toEdtf());
    const std::vector<std::string> expected = {
        "../2025-01-01", "2025",        "2025-12",           "2025-12-28/2025-12-29",
        "2025-12-29",    "2025-12-29~", "2025-12-29T10:00Z", "2026",
    };
    EXPECT_EQ(order, expected);

    // Same span, different representation: ordered, never equivalent.
    EXPECT_NE(parsed("2025-12-29") <=> parsed("2025-12-29?"), std::strong_ordering::equal);
    EXPECT_EQ(parsed("2025-12-29") <=> parsed("2025-12-29"), std::strong_ordering::equal);
    EXPECT_LT(parsed("2025-12-29T10:00Z"), parsed("2025-12-29T10:00:30Z"));
}

TEST(FuzzyTimeOverlap, HalfOpenSpansIntersect)
{
    const FuzzyTime sunday = parsed("2025-12-28");
    const FuzzyTime monday = parsed("2025-12-29");
    const FuzzyTime weekend = parsed("2025-12-27/2025-12-28");
    EXPECT_FALSE(sunday.overlaps(monday)); // adjacent days share no instant
    EXPECT_FALSE(monday.overlaps(sunday));
    EXPECT_TRUE(weekend.overlaps(sunday));
    EXPECT_TRUE(weekend.overlaps(parsed("2025-12-27")));
    EXPECT_FALSE(weekend.overlaps(monday));
    EXPECT_TRUE(parsed("2025-12").overlaps(monday));
    EXPECT_TRUE(monday.overlaps(parsed("2025-12-29T23:59Z")));
    EXPECT_FALSE(monday.overlaps(parsed("2025-12-30T00:00Z")));
    EXPECT_TRUE(parsed("2025-12-28/..").overlaps(parsed("2030")));
    EXPECT_FALSE(parsed("../2025-12-28").overlaps(monday));
    EXPECT_FALSE(FuzzyTime().overlaps(FuzzyTime()));

    EXPECT_TRUE(monday.contains(utc(2025, 12, 29)));
    EXPECT_TRUE(monday.contains(utc(2025, 12, 29, 23, 59, 59)));
    EXPECT_FALSE(monday.contains(utc(2025, 12, 30)));
}

TEST(FuzzyTimeMidpoint, IsTheMiddleOrTheKnownEnd)
{
    EXPECT_EQ(parsed("2025-12-29").midpoint(), utc(2025, 12, 29, 12));
    EXPECT_EQ(parsed("2025-12-28/2025-12-29").midpoint(), utc(2025, 12, 29));
    EXPECT_EQ(parsed("2025-12-29T10:00Z").midpoint(), utc(2025, 12, 29, 10, 0, 30));
    EXPECT_EQ(parsed("2025-12-28/..").midpoint(), utc(2025, 12, 28));
    EXPECT_EQ(parsed("../2025-12-29").midpoint(), utc(2025, 12, 30));
    // The widest span there is must not overflow.
    const FuzzyTime all = parsed("XXXX");
    EXPECT_EQ(all.midpoint(), (all.start() + all.end()) / 2);
}

TEST(FuzzyTimePrecise, OnlyPlainSingleDaysAndInstantsArePrecise)
{
    for (const char *text : {"2025-12-29", "2025-12-29T10:00Z", "2025-12-29T10:00:05Z"})
        EXPECT_TRUE(parsed(text).isPrecise()) << text;
    for (const char *text : {"2025", "2025-12", "2025-12-29~", "2025-12-29?", "2025-12-XX",
                             "2025-12-28/2025-12-29", "2025-12-29/2025-12-29", "2025-12-29/.."})
        EXPECT_FALSE(parsed(text).isPrecise()) << text;
}

// ---------------------------------------------------------------------------------------------
// Shifting (dragging an item on the timeline)

// The EDTF text of `text` shifted by `seconds`, or "none" when it cannot move.
std::string shiftedText(std::string_view text, std::int64_t seconds)
{
    const std::optional<FuzzyTime> moved = parsed(text).shifted(seconds);
    return moved ? moved->toEdtf() : std::string("none");
}

TEST(FuzzyTimeShift, InstantsMoveByWholeUnitsOfTheirPrecision)
{
    EXPECT_EQ(shiftedText("2025-12-29T10:00Z", 3 * 3600), "2025-12-29T13:00Z");
    EXPECT_EQ(shiftedText("2025-12-29T10:00Z", -11 * 3600), "2025-12-28T23:00Z");
    // Rounded to the minute: 89 s is one minute, 91 s two; halves away from zero.
    EXPECT_EQ(shiftedText("2025-12-29T10:00Z", 89), "2025-12-29T10:01Z");
    EXPECT_EQ(shiftedText("2025-12-29T10:00Z", 91), "2025-12-29T10:02Z");
    EXPECT_EQ(shiftedText("2025-12-29T10:00Z", -30), "2025-12-29T09:59Z");
    EXPECT_EQ(shiftedText("2025-12-29T10:00:05Z", 7), "2025-12-29T10:00:12Z");
    const FuzzyTime time = parsed("2025-12-29T10:00Z");
    const std::optional<FuzzyTime> moved = time.shifted(3 * 3600);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->start(), utc(2025, 12, 29, 13));
    EXPECT_EQ(moved->end() - moved->start(), time.end() - time.start());
    EXPECT_EQ(moved->startPrecision(), Precision::Minute);
}

TEST(FuzzyTimeShift, DaysMoveByWholeDays)
{
    EXPECT_EQ(shiftedText("2025-12-29", 2 * Day), "2025-12-31");
    EXPECT_EQ(shiftedText("2025-12-29", 3 * Day), "2026-01-01");
    // Less than half a day does not move a day; more than half moves it one.
    EXPECT_EQ(shiftedText("2025-12-29", 11 * 3600), "2025-12-29");
    EXPECT_EQ(shiftedText("2025-12-29", 13 * 3600), "2025-12-30");
    EXPECT_EQ(shiftedText("2025-12-29", -13 * 3600), "2025-12-28");
    const std::optional<FuzzyTime> moved = parsed("2025-12-29").shifted(2 * Day);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->start(), utc(2025, 12, 31));
    EXPECT_EQ(moved->end(), utc(2026, 1, 1));
}

TEST(FuzzyTimeShift, QualifiersAndIntervalsKeepTheirShape)
{
    EXPECT_EQ(shiftedText("2025-12-29~", Day), "2025-12-30~");
    EXPECT_EQ(shiftedText("2025-12-29?", -Day), "2025-12-28?");
    EXPECT_EQ(shiftedText("2025-12-29%", Day), "2025-12-30%");
    EXPECT_EQ(shiftedText("2025-12-28/2025-12-29", 3 * Day), "2025-12-31/2026-01-01");
    EXPECT_EQ(shiftedText("2025-12-28T22:00Z/2025-12-29T01:30Z", 3600),
              "2025-12-28T23:00Z/2025-12-29T02:30Z");
    // Mixed precisions: the coarser end (a day) decides the step.
    EXPECT_EQ(shiftedText("2025-12-28/2025-12-29T01:30Z", 5 * 3600),
              "2025-12-28/2025-12-29T01:30Z");
    EXPECT_EQ(shiftedText("2025-12-28/2025-12-29T01:30Z", Day), "2025-12-29/2025-12-30T01:30Z");
    EXPECT_EQ(shiftedText("2025-12-28~/2025-12-29?", Day), "2025-12-29~/2025-12-30?");
}

TEST(FuzzyTimeShift, MonthsAndYearsMoveByCalendarUnits)
{
    EXPECT_EQ(shiftedText("2025-12", 31 * Day), "2026-01");
    EXPECT_EQ(shiftedText("2025-01", 31 * Day), "2025-02");
    EXPECT_EQ(shiftedText("2025-03", -28 * Day), "2025-02");
    EXPECT_EQ(shiftedText("2025-03", 10 * Day), "2025-03");
    const std::optional<FuzzyTime> february = parsed("2025-01").shifted(31 * Day);
    ASSERT_TRUE(february);
    EXPECT_EQ(february->end() - february->start(), 28 * Day);
    EXPECT_EQ(shiftedText("2024", 366 * Day), "2025");
    EXPECT_EQ(shiftedText("2024", 100 * Day), "2024");
    EXPECT_EQ(shiftedText("2025-01/2025-03", 60 * Day), "2025-03/2025-05");
    // A day past the end of the new month is clamped to its last day.
    EXPECT_EQ(shiftedText("2025-01-31/2025-03", 31 * Day), "2025-02-28/2025-04");
}

TEST(FuzzyTimeShift, OpenUnknownAndUnspecifiedTimesCannotMove)
{
    EXPECT_FALSE(FuzzyTime().shifted(Day));
    EXPECT_FALSE(FuzzyTime().shifted(0));
    for (const char *text : {"2025-12-28/..", "../2025-12-29", "202X", "2025-XX", "2025-12-XX"}) {
        EXPECT_FALSE(parsed(text).shifted(Day)) << text;
        EXPECT_FALSE(parsed(text).shifted(0)) << text;
    }
}

TEST(FuzzyTimeShift, ZeroIsTheSameAndTheRangeIsKept)
{
    for (const char *text :
         {"2025-12-29", "2025-12-29T10:00Z", "2025-12", "2025~", "2025-12-28/2025-12-29"}) {
        const std::optional<FuzzyTime> same = parsed(text).shifted(0);
        ASSERT_TRUE(same) << text;
        EXPECT_EQ(*same, parsed(text)) << text;
    }
    EXPECT_FALSE(parsed("9999-12-31").shifted(Day));
    EXPECT_FALSE(parsed("0000-01-01").shifted(-Day));
    EXPECT_FALSE(parsed("9999-12").shifted(40 * Day));
    EXPECT_FALSE(parsed("2025-12-29").shifted(std::numeric_limits<std::int64_t>::max()));
    EXPECT_FALSE(parsed("2025-12").shifted(std::numeric_limits<std::int64_t>::min()));
    EXPECT_EQ(shiftedText("9999-12-30", Day), "9999-12-31");
}

// ---------------------------------------------------------------------------------------------
// Response lag

TEST(ResponseLag, TwoMinuteInstantsGiveTheirDifferenceBlurredByAMinute)
{
    const Lag lag = responseLag(parsed("2025-12-28T22:35Z"), parsed("2025-12-28T22:00Z"));
    EXPECT_EQ(lag.min, 35 * 60 - 59);
    EXPECT_EQ(lag.max, 35 * 60 + 59);
    EXPECT_EQ(formatLag(lag), QStringLiteral("+35 min"));
}

TEST(ResponseLag, SecondInstantsAreExact)
{
    const Lag lag = responseLag(parsed("2025-12-31T02:20:00Z"), parsed("2025-12-28T22:20:00Z"));
    EXPECT_TRUE(lag.isExact());
    EXPECT_EQ(lag.min, 2 * Day + 4 * 3600);
    EXPECT_EQ(formatLag(lag), QStringLiteral("+2 d 4 h"));
}

TEST(ResponseLag, DaysGiveARange)
{
    // Next day: from one second to just under two days.
    const Lag nextDay = responseLag(parsed("2025-12-29"), parsed("2025-12-28"));
    EXPECT_EQ(nextDay, (Lag {1, 2 * Day - 1}));
    EXPECT_EQ(formatLag(nextDay), QStringLiteral("0–2 d"));

    const Lag twoDaysLater = responseLag(parsed("2025-12-30"), parsed("2025-12-28"));
    EXPECT_EQ(twoDaysLater, (Lag {Day + 1, 3 * Day - 1}));
    EXPECT_EQ(formatLag(twoDaysLater), QStringLiteral("+1–3 d"));

    const Lag dayAfterInstant = responseLag(parsed("2025-12-29"), parsed("2025-12-28T22:00Z"));
    EXPECT_EQ(dayAfterInstant, (Lag {2 * 3600 - 59, 26 * 3600 - 1}));
    EXPECT_EQ(formatLag(dayAfterInstant), QStringLiteral("+2–26 h"));
}

TEST(ResponseLag, LowerBoundIsClampedAtZeroUpperIsNot)
{
    // Same day: the answer may come right away.
    const Lag sameDay = responseLag(parsed("2025-12-29"), parsed("2025-12-29"));
    EXPECT_EQ(sameDay, (Lag {0, Day - 1}));

    // An answer wholly before the original: min clamped, max negative.
    const Lag before = responseLag(parsed("2025-12-27"), parsed("2025-12-29"));
    EXPECT_EQ(before.min, 0);
    EXPECT_EQ(before.max, -Day - 1);
    EXPECT_EQ(formatLag(before), QStringLiteral("before original"));
}

TEST(ResponseLag, OpenEndsAreUnbounded)
{
    const Lag openAnswer = responseLag(parsed("2025-12-29/.."), parsed("2025-12-28"));
    EXPECT_EQ(openAnswer.min, 1);
    EXPECT_EQ(openAnswer.max, FuzzyTime::OpenEnd);
    EXPECT_EQ(formatLag(openAnswer), QStringLiteral("unknown"));

    const Lag openOriginal = responseLag(parsed("2025-12-29"), parsed("../2025-12-28"));
    EXPECT_EQ(openOriginal.min, 1);
    EXPECT_EQ(openOriginal.max, FuzzyTime::OpenEnd);

    const Lag openAnswerStart = responseLag(parsed("../2025-12-29"), parsed("2025-12-28"));
    EXPECT_EQ(openAnswerStart.min, 0);
    EXPECT_EQ(openAnswerStart.max, 2 * Day - 1);

    EXPECT_EQ(responseLag(FuzzyTime(), parsed("2025-12-28")), (Lag {0, FuzzyTime::OpenEnd}));
}

TEST(FormatLag, RoundsToReadableUnits)
{
    struct Case
    {
        Lag lag;
        const char *text;
    };
    const Case cases[] = {
        {{0, 0}, "+0 min"},
        {{0, 59}, "+0 min"},
        {{35 * 60, 35 * 60}, "+35 min"},
        {{3 * 3600 + 20 * 60, 3 * 3600 + 20 * 60}, "+3 h 20 min"},
        {{3 * 3600, 3 * 3600}, "+3 h"},
        {{2 * Day + 4 * 3600, 2 * Day + 4 * 3600}, "+2 d 4 h"},
        {{2 * Day + 4 * 3600 + 20 * 60, 2 * Day + 4 * 3600 + 20 * 60}, "+2 d 4 h"},
        {{3 * Day, 3 * Day}, "+3 d"},
        {{23 * 3600 + 59 * 60 + 50, 23 * 3600 + 59 * 60 + 50}, "+1 d"},
        {{Day + 1, 3 * Day - 1}, "+1–3 d"},
        {{1, 2 * Day - 1}, "0–2 d"},
        {{2 * 3600 - 59, 26 * 3600 - 1}, "+2–26 h"},
        {{0, Day - 1}, "0–24 h"},
        {{10 * 60, 40 * 60}, "+10–40 min"},
        {{0, 40 * 60}, "0–40 min"},
        {{0, FuzzyTime::OpenEnd}, "unknown"},
        {{FuzzyTime::OpenStart, 0}, "unknown"},
        {{0, -1}, "before original"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(utf8(formatLag(c.lag)), c.text);
    }
}

// ---------------------------------------------------------------------------------------------
// Display

TEST(FuzzyTimeDisplay, DatesInEnglishIndependentOfLocale)
{
    struct Case
    {
        const char *text;
        const char *display;
    };
    const Case cases[] = {
        {"2025-12-29", "29 Dec 2025"},
        {"2025-01-05", "5 Jan 2025"},
        {"2025-12-29~", "~29 Dec 2025"},
        {"2025-12?", "Dec 2025?"},
        {"2025-12%", "~Dec 2025?"},
        {"2025", "2025"},
        {"201X", "2010s"},
        {"20XX", "2000–2099"},
        {"2025-XX", "2025 (month unknown)"},
        {"2025-XX-XX", "2025 (month and day unknown)"},
        {"2025-12-XX", "Dec 2025 (day unknown)"},
        {"2025-12-XX?", "Dec 2025? (day unknown)"},
        {"2025-12-28/2025-12-29", "28–29 Dec 2025"},
        {"2025-12-30/2026-01-02", "30 Dec 2025 – 2 Jan 2026"},
        {"2025-11-28/2025-12-02", "28 Nov – 2 Dec 2025"},
        {"2025-12-29/2025-12-29", "29 Dec 2025"},
        {"2025-11/2025-12", "Nov–Dec 2025"},
        {"2025-12/2026-01", "Dec 2025 – Jan 2026"},
        {"2024/2025", "2024–2025"},
        {"2025-12-28/..", "from 28 Dec 2025"},
        {"../2025-12-29", "until 29 Dec 2025"},
        {"2025-12-28~/2025-12-29", "~28 Dec 2025 – 29 Dec 2025"},
        {"2025-12-28/2025-12-29?", "28 Dec 2025 – 29 Dec 2025?"},
        {"2025-12-28T22:00Z", "28 Dec 2025, 22:00 UTC"},
        {"2025-12-28T22:00:05Z", "28 Dec 2025, 22:00:05 UTC"},
        {"2025-12-28T22:00Z/2025-12-28T23:30Z", "28 Dec 2025, 22:00–23:30 UTC"},
        {"2025-12-28/2025-12-29T01:30Z", "28 Dec 2025 – 29 Dec 2025, 01:30 UTC"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(utf8(parsed(c.text).toDisplayString()), c.display);
        EXPECT_EQ(utf8(parsed(c.text).toDisplayString(QTimeZone::utc())), c.display);
    }
}

TEST(FuzzyTimeDisplay, InstantsAreShownInTheDisplayZone)
{
    const QTimeZone moscow = zone("Europe/Moscow");
    const QTimeZone kyiv = kyivZone();
    ASSERT_TRUE(moscow.isValid());
    ASSERT_TRUE(kyiv.isValid());

    const FuzzyTime lateSunday = parsed("2025-12-28T22:00Z");
    EXPECT_EQ(utf8(lateSunday.toDisplayString(moscow)), "29 Dec 2025, 01:00 MSK");
    // Kyiv is UTC+2 in winter: midnight, already Monday.
    const std::string inKyiv = utf8(lateSunday.toDisplayString(kyiv));
    EXPECT_EQ(inKyiv.rfind("29 Dec 2025, 00:00 ", 0), 0u) << inKyiv;
    EXPECT_TRUE(inKyiv.ends_with(" EET") || inKyiv.ends_with(" UTC+2")) << inKyiv;

    const FuzzyTime evening = parsed("2025-12-28T19:00Z/2025-12-28T20:30Z");
    EXPECT_EQ(utf8(evening.toDisplayString(moscow)), "28 Dec 2025, 22:00–23:30 MSK");
    // Crosses midnight in Moscow: both ends written out.
    EXPECT_EQ(utf8(parsed("2025-12-28T20:00Z/2025-12-28T22:00Z").toDisplayString(moscow)),
              "28 Dec 2025, 23:00 MSK – 29 Dec 2025, 01:00 MSK");
    EXPECT_EQ(utf8(parsed("2025-12-28T22:00Z/..").toDisplayString(moscow)),
              "from 29 Dec 2025, 01:00 MSK");
}

TEST(FuzzyTimeDisplay, NumericZoneAbbreviationsBecomeUtcOffsets)
{
    // tzdata has no letters for Dubai ("+04"); show the offset.
    const QTimeZone dubai = zone("Asia/Dubai");
    ASSERT_TRUE(dubai.isValid());
    EXPECT_EQ(utf8(parsed("2025-12-28T22:00Z").toDisplayString(dubai)), "29 Dec 2025, 02:00 UTC+4");
    const QTimeZone kolkata = zone("Asia/Kolkata");
    ASSERT_TRUE(kolkata.isValid());
    const std::string india = utf8(parsed("2025-12-28T22:00Z").toDisplayString(kolkata));
    EXPECT_EQ(india.rfind("29 Dec 2025, 03:30 ", 0), 0u) << india;
}

TEST(FuzzyTimeDisplay, DaysAreNeverShiftedByTheZone)
{
    const QTimeZone zones[] = {zone("Europe/Moscow"), kyivZone(), zone("Pacific/Kiritimati"),
                               zone("Pacific/Pago_Pago"), zone("America/Los_Angeles")};
    for (const QTimeZone &z : zones) {
        SCOPED_TRACE(z.id().toStdString());
        ASSERT_TRUE(z.isValid());
        EXPECT_EQ(utf8(parsed("2025-12-29").toDisplayString(z)), "29 Dec 2025");
        EXPECT_EQ(utf8(parsed("2025-12-31/2026-01-01").toDisplayString(z)),
                  "31 Dec 2025 – 1 Jan 2026");
        EXPECT_EQ(utf8(parsed("2025-12").toDisplayString(z)), "Dec 2025");
        EXPECT_EQ(utf8(parsed("../2025-12-29").toDisplayString(z)), "until 29 Dec 2025");
    }
}

TEST(FuzzyTimeDisplay, InvalidZoneFallsBackToUtc)
{
    EXPECT_EQ(utf8(parsed("2025-12-28T22:00Z").toDisplayString(QTimeZone())),
              "28 Dec 2025, 22:00 UTC");
}

// ---------------------------------------------------------------------------------------------
// Calendar sanity

TEST(Calendar, Weekend28To29December2025IsSundayThenMonday)
{
    EXPECT_EQ(QDate(2025, 12, 28).dayOfWeek(), Qt::Sunday);
    EXPECT_EQ(QDate(2025, 12, 29).dayOfWeek(), Qt::Monday);
    // The same from our own day numbers: 1970-01-01 was a Thursday (ISO day 4).
    const auto isoWeekday = [](const FuzzyTime &day) {
        const std::int64_t days = day.start() / Day;
        return int((days + 3) % 7) + 1;
    };
    EXPECT_EQ(isoWeekday(parsed("2025-12-28")), 7);
    EXPECT_EQ(isoWeekday(parsed("2025-12-29")), 1);
}

} // namespace
} // namespace claimline
