// FuzzyTime values: null, construction, intervals, order, overlap, midpoint, precision and
// shifting (dragging an item on the timeline).

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

namespace claimline {
using namespace test;
namespace {

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

} // namespace
} // namespace claimline
