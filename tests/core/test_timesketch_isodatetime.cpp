// The ISO 8601 date-time parser Timesketch's `datetime` is read with: every form Timesketch,
// plaso and pandas write, offsets east and west, fractions, a date alone, a date-time without
// offset (UTC, as Timesketch reads it), and what is refused.

#include "time/isodatetime.h"

#include "testsupport.h"

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

constexpr std::int64_t Hour = 3600;
// 2025-12-29T00:00:00Z, computed with QDate (testsupport.h), not with the code under test.
const std::int64_t Monday = utcMidnight(2025, 12, 29);

} // namespace

TEST(IsoDateTime, ReadsTheFormsTimelinesAreWrittenIn)
{
    struct Case
    {
        const char *text;
        std::int64_t utcSeconds;
        std::int32_t microseconds;
        Precision precision;
        bool hasFraction;
        bool hasOffset;
        int offsetMinutes;
    };
    const Case cases[] = {
        // Timesketch's documented form and its export (pandas' isoformat).
        {"2025-12-29T01:00:00+02:00", Monday - Hour, 0, Precision::Second, false, true, 120},
        {"2025-12-29T01:00:00+00:00", Monday + Hour, 0, Precision::Second, false, true, 0},
        {"2025-12-29T01:00:00.123456+00:00", Monday + Hour, 123456, Precision::Second, true, true,
         0},
        // plaso's six zeros: a fraction, even if nothing.
        {"2025-12-29T01:00:00.000000+00:00", Monday + Hour, 0, Precision::Second, true, true, 0},
        {"2025-12-29T01:00:00Z", Monday + Hour, 0, Precision::Second, false, true, 0},
        {"2025-12-29t01:00:00z", Monday + Hour, 0, Precision::Second, false, true, 0},
        // West of UTC, basic offsets, hours-only offsets.
        {"2025-12-28T20:00:00-05:00", Monday + Hour, 0, Precision::Second, false, true, -300},
        {"2025-12-29T03:30:00+0230", Monday + Hour, 0, Precision::Second, false, true, 150},
        {"2025-12-29T04:00:00+03", Monday + Hour, 0, Precision::Second, false, true, 180},
        // A space for the T (pandas' str(), SQL), and no offset: UTC.
        {"2025-12-29 01:00:00", Monday + Hour, 0, Precision::Second, false, false, 0},
        {"2025-12-29 01:00:00+00:00", Monday + Hour, 0, Precision::Second, false, true, 0},
        // Milliseconds, a comma, nanoseconds (cut, not rounded, to microseconds).
        {"2025-12-29T01:00:00.5Z", Monday + Hour, 500000, Precision::Second, true, true, 0},
        {"2025-12-29T01:00:00,25Z", Monday + Hour, 250000, Precision::Second, true, true, 0},
        {"2025-12-29T01:00:00.123456789Z", Monday + Hour, 123456, Precision::Second, true, true, 0},
        // To the minute; a date alone.
        {"2025-12-29T01:00", Monday + Hour, 0, Precision::Minute, false, false, 0},
        {"2025-12-29T02:00+01:00", Monday + Hour, 0, Precision::Minute, false, true, 60},
        {"2025-12-29", Monday, 0, Precision::Day, false, false, 0},
        // Leap day; before 1970; the first and last instants of the range (QDate has no year
        // 0: its start is 719528 days before 1970).
        {"2024-02-29T12:00:00Z", utcMidnight(2024, 2, 29) + 12 * Hour, 0, Precision::Second, false,
         true, 0},
        {"1969-12-31T23:59:59Z", -1, 0, Precision::Second, false, true, 0},
        {"0000-01-01T00:00:00Z", -62167219200, 0, Precision::Second, false, true, 0},
        {"9999-12-31T23:59:59Z", utcMidnight(9999, 12, 31) + 24 * Hour - 1, 0, Precision::Second,
         false, true, 0},
    };
    for (const Case &c : cases) {
        const std::optional<IsoDateTime> time = parseIsoDateTime(c.text);
        ASSERT_TRUE(time) << c.text;
        EXPECT_EQ(time->utcSeconds, c.utcSeconds) << c.text;
        EXPECT_EQ(time->microseconds, c.microseconds) << c.text;
        EXPECT_EQ(time->precision, c.precision) << c.text;
        EXPECT_EQ(time->hasFraction, c.hasFraction) << c.text;
        EXPECT_EQ(time->hasOffset, c.hasOffset) << c.text;
        EXPECT_EQ(time->offsetMinutes, c.offsetMinutes) << c.text;
    }
}

TEST(IsoDateTime, RefusesWhatIsNotADateAndTime)
{
    for (const char *text : {
             "",
             "yesterday",
             "2025-13-01T00:00:00+00:00", // month 13
             "2025-00-10T00:00:00Z",
             "2025-02-29T00:00:00Z", // not a leap year
             "2025-12-32",
             "2025-12-29T24:00:00Z", // no 24:00
             "2025-12-29T23:60:00Z",
             "2025-12-29T23:59:60Z", // no leap second
             "2025-12-29T10:00:00+24:00", // no such offset
             "2025-12-29T10:00:00+02:60",
             "2025-12-29T10:00:00+2",
             "2025-12-29T10:00:00+02:",
             "2025-12-29T10:00:00 +02:00",
             "2025-12-29T10:00:00 UTC",
             "2025-12-29T10:00:00.Z", // a point without digits
             "2025-12-29T10:00:00.1234567890Z", // ten digits
             "2025-12-29T10Z",
             "2025-12-29T1:00:00Z",
             "2025-12-29X10:00:00Z",
             "2025-12-29+02:00", // a day has no offset
             "25-12-29T10:00:00Z",
             "-2025-12-29T10:00:00Z",
             "12025-12-29T10:00:00Z",
             "2025/12/29 10:00:00",
             "29/12/2025 10:00",
             "2025-12-29T10:00:00Zjunk",
             " 2025-12-29T10:00:00Z", // the caller trims
             "1766966400",
         }) {
        EXPECT_FALSE(parseIsoDateTime(text)) << text;
    }
}

TEST(IsoDateTime, TheFuzzyTimeIsAtTheTextsPrecisionNeverFiner)
{
    EXPECT_EQ(parseIsoDateTime("2025-12-29T01:00:00.987654+02:00")->toFuzzyTime().toEdtf(),
              "2025-12-28T23:00:00Z");
    EXPECT_EQ(parseIsoDateTime("2025-12-29T01:00+02:00")->toFuzzyTime().toEdtf(),
              "2025-12-28T23:00Z");
    const FuzzyTime day = parseIsoDateTime("2025-12-29")->toFuzzyTime();
    EXPECT_EQ(day, FuzzyTime::fromDate(2025, 12, 29));
    EXPECT_EQ(day.toEdtf(), "2025-12-29");
    // An offset can carry an instant out of the years FuzzyTime holds.
    const std::optional<IsoDateTime> early = parseIsoDateTime("0000-01-01T00:30:00+01:00");
    ASSERT_TRUE(early);
    EXPECT_TRUE(early->toFuzzyTime().isNull());
    EXPECT_EQ(parseIsoDateTime("2025-12-29T00:00:00.5Z")->utcMicroseconds(),
              Monday * 1000000 + 500000);
}
