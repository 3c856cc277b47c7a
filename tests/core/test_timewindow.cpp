// TimeWindow: the visible range and display zone every view follows. What views rely on: a
// change is announced once, a value set again is not announced (no feedback loops between
// the timeline and the views that follow it), and nonsense is refused.

#include "document/timewindow.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <limits>

using namespace claimline;

TEST(TimeWindow, AnnouncesEachChangeOnceAndNothingTwice)
{
    TimeWindow window;
    EXPECT_FALSE(window.hasRange());
    QSignalSpy range(&window, &TimeWindow::rangeChanged);
    window.setRange(1766880000, 1767225600);
    window.setRange(1766880000, 1767225600);
    ASSERT_EQ(range.size(), 1);
    EXPECT_EQ(range[0][0].toDouble(), 1766880000.0);
    EXPECT_EQ(range[0][1].toDouble(), 1767225600.0);
    EXPECT_TRUE(window.hasRange());
    EXPECT_EQ(window.from(), 1766880000.0);
    EXPECT_EQ(window.to(), 1767225600.0);

    window.clearRange();
    window.clearRange();
    EXPECT_EQ(range.size(), 2);
    EXPECT_FALSE(window.hasRange());
}

TEST(TimeWindow, RefusesEmptyBackwardsAndNotANumberRanges)
{
    TimeWindow window;
    window.setRange(100, 200);
    QSignalSpy range(&window, &TimeWindow::rangeChanged);
    window.setRange(200, 200);
    window.setRange(300, 200);
    window.setRange(std::numeric_limits<double>::quiet_NaN(), 400);
    EXPECT_EQ(range.size(), 0);
    EXPECT_EQ(window.from(), 100.0);
    EXPECT_EQ(window.to(), 200.0);
}

TEST(TimeWindow, ZoneDefaultsToUtcAndIgnoresInvalidZones)
{
    TimeWindow window;
    EXPECT_EQ(window.zone(), QTimeZone::utc());
    QSignalSpy zone(&window, &TimeWindow::zoneChanged);
    const QTimeZone kyiv(QByteArrayLiteral("Europe/Kyiv"));
    ASSERT_TRUE(kyiv.isValid());
    window.setZone(kyiv);
    window.setZone(kyiv);
    window.setZone(QTimeZone(QByteArrayLiteral("Not/AZone")));
    ASSERT_EQ(zone.size(), 1);
    EXPECT_EQ(window.zone(), kyiv);
}
