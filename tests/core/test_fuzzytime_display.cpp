// FuzzyTime: response lags between two times, their readable text, dates and instants shown
// in a display zone, and the calendar.

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
