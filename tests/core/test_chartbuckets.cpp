// TimeBuckets: contiguous, aligned to the zone, distinct labels (also the hour the clocks
// repeat), never more than MaxBuckets (decades and centuries for long spans), and an item
// counted only in a bucket that holds its whole time (the precision rule of chartbuckets.h).

#include "present/chartbuckets.h"
#include "testsupport.h"
#include "time/fuzzytime.h"

#include <QDateTime>
#include <QSet>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace claimline;

// --- buckets ---------------------------------------------------------------------------------

TEST(TimeBuckets, ContiguousAlignedAndNeverTooMany)
{
    std::vector<QTimeZone> zones {QTimeZone::utc()};
    for (const char *id : {"Europe/Moscow", "Europe/Kyiv", "Asia/Kolkata"})
        zones.emplace_back(id);
    const std::int64_t from = test::utcMidnight(2024, 10, 20) + 7 * 3600 + 1234;
    for (const QTimeZone &zone : zones) {
        ASSERT_TRUE(zone.isValid());
        for (const std::int64_t span :
             {std::int64_t(3600), std::int64_t(86400) * 2, std::int64_t(86400) * 40,
              std::int64_t(86400) * 300, std::int64_t(86400) * 3000, std::int64_t(86400) * 365 * 40,
              std::int64_t(86400) * 365 * 400, std::int64_t(86400) * 365 * 600,
              std::int64_t(86400) * 365 * 3000}) {
            const TimeBuckets buckets = TimeBuckets::cover(from, from + span, zone);
            const std::string where = zone.id().toStdString() + " span " + std::to_string(span);
            ASSERT_FALSE(buckets.isEmpty()) << where;
            // Spans past 500 years used to give 500+ years: decades and centuries now.
            EXPECT_LE(buckets.size(), TimeBuckets::MaxBuckets) << where;
            EXPECT_LE(buckets.start(0), from) << where;
            EXPECT_GE(buckets.end(buckets.size() - 1), from + span) << where;
            QSet<QString> labels;
            for (std::size_t i = 0; i < buckets.size(); ++i) {
                EXPECT_LT(buckets.start(i), buckets.end(i)) << where;
                if (i + 1 < buckets.size()) {
                    EXPECT_EQ(buckets.end(i), buckets.start(i + 1)) << where;
                }
                const QDateTime local = QDateTime::fromSecsSinceEpoch(buckets.start(i), zone);
                EXPECT_EQ(local.time().minute(), 0) << where;
                if (buckets.unit() != BucketUnit::Hour) {
                    EXPECT_EQ(local.time(), QTime(0, 0)) << where;
                }
                if (buckets.unit() == BucketUnit::Week) {
                    EXPECT_EQ(local.date().dayOfWeek(), 1) << where;
                }
                if (buckets.unit() == BucketUnit::Month || buckets.unit() == BucketUnit::Year) {
                    EXPECT_EQ(local.date().day(), 1) << where;
                }
                if (buckets.unit() >= BucketUnit::Year) {
                    EXPECT_EQ(local.date().month(), 1) << where;
                }
                if (buckets.unit() == BucketUnit::Decade) {
                    EXPECT_EQ(local.date().year() % 10, 0) << where;
                }
                labels.insert(buckets.label(i));
            }
            // Bars are told apart by their labels.
            EXPECT_EQ(std::size_t(labels.size()), buckets.size()) << where;
        }
    }
}

// The night the clocks go back, the wall clock shows one hour twice: the chart still counts
// by real hours, none lost and none doubled.
TEST(TimeBuckets, HoursStayHoursWhenTheClocksGoBack)
{
    const QTimeZone kyiv("Europe/Kyiv");
    ASSERT_TRUE(kyiv.isValid());
    // 27 Oct 2024, 04:00 EEST becomes 03:00 EET (01:00 UTC).
    const std::int64_t from = test::utcMidnight(2024, 10, 26) + 12 * 3600;
    const TimeBuckets buckets = TimeBuckets::cover(from, from + 36 * 3600, kyiv);
    ASSERT_EQ(buckets.unit(), BucketUnit::Hour);
    ASSERT_EQ(buckets.size(), 36u);
    QSet<QString> labels;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        EXPECT_EQ(buckets.start(i), from + std::int64_t(i) * 3600);
        EXPECT_EQ(buckets.end(i) - buckets.start(i), 3600);
        EXPECT_EQ(buckets.indexOf(FuzzyTime::fromInstant(buckets.start(i) + 1800)), int(i));
        labels.insert(buckets.label(i));
    }
    // The hour shown twice is told apart by its zone: "27 Oct 03:00 EEST", "27 Oct 03:00 EET".
    EXPECT_EQ(std::size_t(labels.size()), buckets.size());
    const std::int64_t back = test::utcMidnight(2024, 10, 27);
    const auto first = std::size_t((back - from) / 3600);
    EXPECT_EQ(buckets.label(first), QStringLiteral("27 Oct 03:00 EEST"));
    EXPECT_EQ(buckets.label(first + 1), QStringLiteral("27 Oct 03:00 EET"));
    EXPECT_EQ(buckets.label(first + 2), QStringLiteral("27 Oct 04:00"));
}

TEST(TimeBuckets, UnitsGrowWithTheSpan)
{
    const std::int64_t from = test::utcMidnight(2025, 1, 1);
    const std::int64_t day = 86400;
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 3600), BucketUnit::Hour);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 2 * day), BucketUnit::Hour);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 2 * day + 1), BucketUnit::Day);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 60 * day), BucketUnit::Day);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 365 * day), BucketUnit::Week);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 20 * 365 * day), BucketUnit::Month);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 200 * 365 * day), BucketUnit::Year);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 600 * 365 * day), BucketUnit::Decade);
    EXPECT_EQ(TimeBuckets::unitFor(from - 6000 * 365 * day, from), BucketUnit::Century);
    // Asked for a unit too fine for the span, make() takes a coarser one.
    EXPECT_EQ(
        TimeBuckets::make(BucketUnit::Year, from - 2000 * 365 * day, from, QTimeZone::utc()).unit(),
        BucketUnit::Decade);
    // A backwards span is the shortest.
    EXPECT_EQ(TimeBuckets::unitFor(from, from - day), BucketUnit::Hour);
}

TEST(TimeBuckets, AnItemCountsOnlyInABucketThatHoldsItWhole)
{
    const std::int64_t from = test::utcMidnight(2025, 12, 27);
    const TimeBuckets days
        = TimeBuckets::make(BucketUnit::Day, from, from + 7 * 86400, QTimeZone::utc());
    ASSERT_EQ(days.size(), 7u);
    EXPECT_EQ(days.indexOf(FuzzyTime::fromDate(2025, 12, 29)), 2);
    // 29–31 Dec fits no day: never placed at its middle (30 Dec).
    EXPECT_EQ(days.indexOf(FuzzyTime::fromDays(2025, 12, 29, 31)), -1);
    EXPECT_EQ(days.indexOf(*FuzzyTime::parse("2025-12")), -1);
    EXPECT_EQ(days.indexOf(*FuzzyTime::parse("2025~")), -1);
    // An instant counts in the bucket that holds it.
    const std::int64_t instant = test::utcMidnight(2025, 12, 28) + 86399;
    EXPECT_EQ(days.indexOf(FuzzyTime::fromInstant(instant, Precision::Second)), 1);
    // Undated, open, or outside the buckets: counted nowhere.
    EXPECT_EQ(days.indexOf(FuzzyTime()), -1);
    EXPECT_EQ(days.indexOf(*FuzzyTime::parse("2025-12-28/..")), -1);
    EXPECT_EQ(days.indexOf(FuzzyTime::fromDate(2025, 12, 26)), -1);
    EXPECT_EQ(days.indexOf(FuzzyTime::fromDate(2026, 1, 3)), -1);
    // A day fits no hour; 29–31 Dec fits the week from Monday 29 Dec; "Dec 2025" its month.
    const TimeBuckets hours
        = TimeBuckets::make(BucketUnit::Hour, from, from + 86400, QTimeZone::utc());
    EXPECT_EQ(hours.indexOf(FuzzyTime::fromDate(2025, 12, 27)), -1);
    const TimeBuckets weeks
        = TimeBuckets::make(BucketUnit::Week, from, from + 14 * 86400, QTimeZone::utc());
    EXPECT_EQ(weeks.label(std::size_t(weeks.indexOf(FuzzyTime::fromDays(2025, 12, 29, 31)))),
              QStringLiteral("29 Dec"));
    const TimeBuckets months
        = TimeBuckets::make(BucketUnit::Month, from, from + 14 * 86400, QTimeZone::utc());
    EXPECT_EQ(months.label(std::size_t(months.indexOf(*FuzzyTime::parse("2025-12")))),
              QStringLiteral("Dec 2025"));
}

TEST(TimeBuckets, PrecisionUnitIsTheFinestUnitThatCanHoldTheTime)
{
    const auto unitOf = [](const char *edtf) {
        return TimeBuckets::precisionUnit(*FuzzyTime::parse(edtf));
    };
    EXPECT_EQ(unitOf("2025-12-29T22:05Z"), BucketUnit::Hour);
    EXPECT_EQ(unitOf("2025-12-29"), BucketUnit::Day);
    EXPECT_EQ(unitOf("2025-12-29~"), BucketUnit::Day);
    EXPECT_EQ(unitOf("2025-12-29/2025-12-31?"), BucketUnit::Week);
    EXPECT_EQ(unitOf("2025-12~"), BucketUnit::Month);
    EXPECT_EQ(unitOf("2025~"), BucketUnit::Year);
    EXPECT_EQ(unitOf("201X"), BucketUnit::Decade);
    EXPECT_EQ(unitOf("2025-12-28/.."), BucketUnit::Century);
}
