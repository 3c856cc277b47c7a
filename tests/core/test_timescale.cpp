// TimeScale and the axis ticks: time ↔ pixel round trips, zoom keeps the time under the cursor
// and stays within its bounds, and at every zoom from ten minutes to four centuries the ticks
// are as fine as the spacing allows (never finer), fall on round local times, cover the
// window, and carry labels that fit between them. Expected times come from QDateTime in the
// zone, never from the code under test.

#include "present/timescale.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QGuiApplication>

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

using namespace claimline;

namespace {

constexpr double Minute = 60;
constexpr double Hour = 3600;
constexpr double Day = 86400;
constexpr double Year = 365.2425 * Day;

// The spacing the timeline asks for (TimelineRenderer's tickSpacing).
constexpr double TimelineSpacing = 64;

// The tick steps the axis offers, finest first, in seconds (months and years by their mean
// length): minutes to centuries.
constexpr std::array<double, 24> Ladder {
    Minute,    5 * Minute, 10 * Minute, 15 * Minute, 30 * Minute, Hour,
    3 * Hour,  6 * Hour,   12 * Hour,   Day,         2 * Day,     7 * Day,
    Year / 12, Year / 4,   Year / 2,    Year,        2 * Year,    5 * Year,
    10 * Year, 20 * Year,  50 * Year,   100 * Year,  200 * Year,  500 * Year};

TimeScale scaleOf(double from, double to, double width)
{
    TimeScale scale;
    scale.setWidth(width);
    scale.setRange(from, to);
    return scale;
}

// Zones a user can pick (View ▸ Time Zone) plus one with a half-hour offset.
std::vector<QTimeZone> zones()
{
    std::vector<QTimeZone> out {QTimeZone::utc()};
    for (const char *id : {"Europe/Moscow", "Europe/Kyiv", "America/New_York", "Asia/Kolkata"}) {
        const QTimeZone zone(id);
        EXPECT_TRUE(zone.isValid()) << id;
        if (zone.isValid())
            out.push_back(zone);
    }
    return out;
}

// Spans from the shortest window to the longest, about three per decade.
std::vector<double> spans()
{
    std::vector<double> out;
    for (double span = TimeScale::MinSpan; span <= TimeScale::MaxSpan; span *= 2.1)
        out.push_back(span);
    out.push_back(TimeScale::MaxSpan);
    return out;
}

struct Window
{
    double span;
    double width;
    QByteArray zone;
};

std::ostream &operator<<(std::ostream &os, const Window &w)
{
    return os << "span " << w.span / Day << " d, width " << w.width << ", zone "
              << w.zone.constData();
}

} // namespace

// --- mapping ---------------------------------------------------------------------------------

TEST(TimeScale, TimeAndPixelRoundTrip)
{
    const double from = double(test::utcMidnight(2025, 12, 28));
    for (const double width : {1.0, 333.0, 1000.0, 1920.0}) {
        for (const double span : {TimeScale::MinSpan, 7 * Day, 50 * Year}) {
            const TimeScale scale = scaleOf(from, from + span, width);
            EXPECT_NEAR(scale.x(scale.start()), 0.0, 1e-9);
            EXPECT_NEAR(scale.x(scale.end()), width, 1e-6 * width);
            for (const double px : {-250.0, 0.0, 0.5, 17.25, width / 2, width, width + 99}) {
                EXPECT_NEAR(scale.x(scale.time(px)), px, 1e-6) << width << " " << span;
            }
            for (const double t : {from - Day, from, from + span / 3, from + span}) {
                // A pixel is span / width seconds; a round trip loses far less than one.
                EXPECT_NEAR(scale.time(scale.x(t)), t, scale.secondsPerPixel() * 1e-6);
            }
        }
    }
}

TEST(TimeScale, RangeFillsTheWidth)
{
    const double from = double(test::utcMidnight(2025, 12, 28));
    const double to = double(test::utcMidnight(2026, 1, 2));
    TimeScale scale = scaleOf(from, to, 800);
    EXPECT_DOUBLE_EQ(scale.start(), from);
    EXPECT_DOUBLE_EQ(scale.end(), to);
    EXPECT_DOUBLE_EQ(scale.span(), to - from);
    EXPECT_DOUBLE_EQ(scale.secondsPerPixel(), (to - from) / 800);
    // A width of zero or less is one pixel, never a division by zero.
    scale.setWidth(0);
    EXPECT_EQ(scale.width(), 1.0);
    scale.setWidth(-5);
    EXPECT_EQ(scale.width(), 1.0);
    EXPECT_TRUE(std::isfinite(scale.x(to)));
}

TEST(TimeScale, RangeIsBoundedAndKeepsItsCentre)
{
    const double centre = double(test::utcMidnight(2025, 12, 29)) + 12 * Hour;
    const TimeScale narrow = scaleOf(centre - 1, centre + 1, 1000);
    EXPECT_DOUBLE_EQ(narrow.span(), TimeScale::MinSpan);
    EXPECT_NEAR(narrow.time(500), centre, 1e-6);
    const TimeScale wide = scaleOf(centre - 1000 * Year, centre + 1000 * Year, 1000);
    EXPECT_DOUBLE_EQ(wide.span(), TimeScale::MaxSpan);
    EXPECT_NEAR(wide.time(500), centre, 1.0);
    // Backwards ranges are the shortest window, not a negative one.
    const TimeScale backwards = scaleOf(centre + Day, centre - Day, 1000);
    EXPECT_DOUBLE_EQ(backwards.span(), TimeScale::MinSpan);
    EXPECT_GT(backwards.secondsPerPixel(), 0);
}

TEST(TimeScale, ZoomKeepsTheTimeUnderTheCursor)
{
    const double from = double(test::utcMidnight(2025, 12, 1));
    TimeScale scale = scaleOf(from, from + 31 * Day, 1000);
    for (const double x : {0.0, 137.0, 500.0, 999.0}) {
        for (const double factor : {2.0, 0.5, 1.25, 10.0}) {
            TimeScale zoomed = scale;
            const double before = zoomed.time(x);
            zoomed.zoomAt(x, factor);
            EXPECT_NEAR(zoomed.time(x), before, 1e-3) << x << " " << factor;
            EXPECT_NEAR(zoomed.span(), scale.span() / factor, 1e-6 * scale.span());
        }
    }
    // Zooming in or out for ever stops at the bounds, with the cursor's time still in place.
    TimeScale in = scale;
    const double at = in.time(300);
    for (int i = 0; i < 100; ++i)
        in.zoomAt(300, 3);
    EXPECT_DOUBLE_EQ(in.span(), TimeScale::MinSpan);
    EXPECT_NEAR(in.time(300), at, 1e-3);
    TimeScale out = scale;
    for (int i = 0; i < 100; ++i)
        out.zoomAt(300, 1.0 / 3);
    EXPECT_DOUBLE_EQ(out.span(), TimeScale::MaxSpan);
    EXPECT_NEAR(out.time(300), at, 1.0);
}

TEST(TimeScale, NonsenseZoomFactorsChangeNothing)
{
    const double from = double(test::utcMidnight(2025, 12, 1));
    const TimeScale scale = scaleOf(from, from + 31 * Day, 1000);
    for (const double factor : {0.0, -2.0, std::numeric_limits<double>::quiet_NaN(),
                                -std::numeric_limits<double>::infinity()}) {
        TimeScale zoomed = scale;
        zoomed.zoomAt(400, factor);
        EXPECT_EQ(zoomed, scale) << factor;
    }
}

TEST(TimeScale, PanMovesByPixelsAndCenterOnCentres)
{
    const double from = double(test::utcMidnight(2025, 12, 28));
    TimeScale scale = scaleOf(from, from + 2 * Day, 960);
    const double timeAt700 = scale.time(700);
    const double span = scale.span();
    scale.panBy(200); // later times come into view: what was at 700 px is now at 500 px
    EXPECT_NEAR(scale.time(500), timeAt700, 1e-6);
    EXPECT_GT(scale.start(), from);
    EXPECT_DOUBLE_EQ(scale.span(), span);
    scale.panBy(-200);
    EXPECT_NEAR(scale.start(), from, 1e-6);

    const double target = double(test::utcMidnight(2026, 1, 1));
    scale.centerOn(target);
    EXPECT_NEAR(scale.time(480), target, 1e-6);
    EXPECT_DOUBLE_EQ(scale.span(), span);
}

// --- ticks -----------------------------------------------------------------------------------

// At every zoom the minor step is the finest step of the ladder whose ticks are at least the
// asked spacing apart: coarser would hide precision the width has room for, finer would crowd
// the labels.
TEST(AxisTicks, StepIsTheFinestThatKeepsTheSpacing)
{
    const double from = double(test::utcMidnight(2025, 12, 29));
    for (const double width : {320.0, 1000.0, 2560.0}) {
        for (const double spacing : {40.0, TimelineSpacing, 120.0}) {
            for (const double span : spans()) {
                const TimeScale scale = scaleOf(from, from + span, width);
                const AxisTicks ticks = axisTicks(scale, QTimeZone::utc(), spacing);
                const Window w {span, width, "UTC"};
                const double px = double(ticks.minorStep) / scale.secondsPerPixel();
                const bool coarsest = std::abs(double(ticks.minorStep) - Ladder.back()) < Day;
                EXPECT_TRUE(px >= spacing || coarsest) << w << ": " << px << " px";
                // Every finer step of the ladder would put ticks closer than the spacing.
                for (const double step : Ladder) {
                    if (step < double(ticks.minorStep) - Day / 2) {
                        EXPECT_LT(step / scale.secondsPerPixel(), spacing) << w << " " << step;
                    }
                }
                EXPECT_EQ(ticks.subDay, ticks.minorStep < std::int64_t(Day)) << w;
            }
        }
    }
}

// Minor ticks fall on round times in the display zone, cover the whole window without a gap
// wider than one step, and are never closer than the spacing (a calendar month or a day
// shortened by a clock change only by what the calendar takes away).
TEST(AxisTicks, MinorTicksAreRoundLocalTimesThatCoverTheWindow)
{
    const double from = double(test::utcMidnight(2025, 3, 27)) + 5 * Hour + 17 * Minute;
    for (const QTimeZone &zone : zones()) {
        for (const double span : spans()) {
            const TimeScale scale = scaleOf(from, from + span, 1000);
            const AxisTicks ticks = axisTicks(scale, zone, TimelineSpacing);
            const Window w {span, 1000, zone.id()};
            ASSERT_FALSE(ticks.minor.empty()) << w;
            EXPECT_LE(double(ticks.minor.front().time), scale.start()) << w;
            EXPECT_LT(double(ticks.minor.back().time), scale.end()) << w;
            const double step = double(ticks.minorStep);
            // Longest and shortest real length of one step: a 31-day month or a 28-day one,
            // a day lengthened or shortened by a clock change (an hour, even in a month).
            const bool calendar = step >= Year / 12 - Day;
            const double longest = calendar ? step * 31.0 / 30.436875 + Hour : step * 25.0 / 24;
            const double shortest = calendar ? step * 28.0 / 30.436875 - Hour : step * 23.0 / 24;
            EXPECT_GE(scale.end() - double(ticks.minor.back().time), 0.0) << w;
            EXPECT_LE(scale.end() - double(ticks.minor.back().time), longest + 1) << w;
            for (std::size_t i = 0; i < ticks.minor.size(); ++i) {
                const std::int64_t t = ticks.minor[i].time;
                const QDateTime local = QDateTime::fromSecsSinceEpoch(t, zone);
                EXPECT_EQ(local.time().second(), 0) << w;
                const std::string at = local.toString(Qt::ISODate).toStdString();
                if (step >= Hour) {
                    EXPECT_EQ(local.time().minute(), 0) << w << " at " << at;
                }
                if (step >= Day) {
                    EXPECT_EQ(local.time(), QTime(0, 0)) << w << " at " << at;
                }
                if (step >= 7 * Day && !calendar) {
                    EXPECT_EQ(local.date().dayOfWeek(), 1) << w << " at " << at; // Mondays
                }
                if (calendar) {
                    EXPECT_EQ(local.date().day(), 1) << w << " at " << at;
                }
                if (step >= Year - Day) {
                    EXPECT_EQ(local.date().month(), 1) << w << " at " << at;
                }
                if (i == 0)
                    continue;
                const double gap = double(t - ticks.minor[i - 1].time);
                EXPECT_GE(gap, shortest - 1) << w << " at " << at;
                EXPECT_LE(gap, longest + 1) << w << " at " << at;
            }
        }
    }
}

// The labels the axis draws (left-aligned 3 px after a minor tick, 4 px after a major one)
// fit before the next tick at the timeline's spacing, at every zoom and in every zone.
TEST(AxisTicks, LabelsFitBetweenTheirTicks)
{
    const QFontMetricsF metrics(QGuiApplication::font());
    const double from = double(test::utcMidnight(2025, 2, 20)) + 9 * Hour;
    for (const QTimeZone &zone : zones()) {
        for (const double width : {480.0, 1000.0, 1920.0}) {
            for (const double span : spans()) {
                const TimeScale scale = scaleOf(from, from + span, width);
                const AxisTicks ticks = axisTicks(scale, zone, TimelineSpacing);
                const Window w {span, width, zone.id()};
                for (std::size_t i = 0; i + 1 < ticks.minor.size(); ++i) {
                    const double room = scale.x(double(ticks.minor[i + 1].time))
                        - scale.x(double(ticks.minor[i].time));
                    const QString &label = ticks.minor[i].label;
                    EXPECT_FALSE(label.isEmpty()) << w;
                    EXPECT_LT(3 + metrics.horizontalAdvance(label), room)
                        << w << ": \"" << label.toStdString() << "\" in " << room << " px";
                }
                for (std::size_t i = 0; i + 1 < ticks.major.size(); ++i) {
                    const double room = scale.x(double(ticks.major[i + 1].time))
                        - scale.x(double(ticks.major[i].time));
                    const QString &label = ticks.major[i].label;
                    EXPECT_LT(4 + metrics.horizontalAdvance(label), room)
                        << w << ": \"" << label.toStdString() << "\" in " << room << " px";
                }
            }
        }
    }
}

// Major ticks mark the next coarser unit with a context label, and the first one is at or
// before the window's start, so the axis can always say which day, month or year it shows.
TEST(AxisTicks, MajorTicksGiveTheContext)
{
    const QTimeZone moscow("Europe/Moscow");
    ASSERT_TRUE(moscow.isValid());
    // Six hours around Moscow midnight of 29/30 Dec 2025 (21:00 UTC).
    const double midnight = double(test::utcMidnight(2025, 12, 29)) + 21 * Hour;
    const TimeScale hours = scaleOf(midnight - 3 * Hour, midnight + 3 * Hour, 1000);
    const AxisTicks h = axisTicks(hours, moscow, TimelineSpacing);
    EXPECT_TRUE(h.subDay);
    ASSERT_EQ(h.major.size(), 2u);
    EXPECT_LE(double(h.major.front().time), hours.start());
    EXPECT_EQ(h.major.front().label, QStringLiteral("Mon 29 Dec 2025"));
    EXPECT_EQ(double(h.major.back().time), midnight);
    EXPECT_EQ(h.major.back().label, QStringLiteral("Tue 30 Dec 2025"));
    // The minor labels are Moscow's wall clock.
    for (const AxisTick &tick : h.minor) {
        EXPECT_EQ(
            tick.label,
            QDateTime::fromSecsSinceEpoch(tick.time, moscow).toString(QStringLiteral("HH:mm")));
    }

    // Three weeks: day ticks, months as context.
    const double dec20 = double(test::utcMidnight(2025, 12, 20));
    const TimeScale days = scaleOf(dec20, dec20 + 21 * Day, 1400);
    const AxisTicks d = axisTicks(days, QTimeZone::utc(), TimelineSpacing);
    EXPECT_FALSE(d.subDay);
    EXPECT_EQ(d.minorStep, std::int64_t(Day));
    ASSERT_EQ(d.major.size(), 2u);
    EXPECT_LE(double(d.major.front().time), days.start());
    EXPECT_EQ(d.major.front().label, QStringLiteral("December 2025"));
    EXPECT_EQ(d.major.back().time, test::utcMidnight(2026, 1, 1));
    EXPECT_EQ(d.major.back().label, QStringLiteral("January 2026"));
    for (const AxisTick &tick : d.minor) {
        const QDate date = QDateTime::fromSecsSinceEpoch(tick.time, QTimeZone::utc()).date();
        EXPECT_TRUE(tick.label.endsWith(QString::number(date.day()))) << tick.label.toStdString();
    }

    // Decades: year ticks, no coarser context.
    const double y2000 = double(test::utcMidnight(2000, 1, 1));
    const TimeScale years = scaleOf(y2000, y2000 + 30 * Year, 1000);
    const AxisTicks y = axisTicks(years, QTimeZone::utc(), TimelineSpacing);
    EXPECT_TRUE(y.major.empty());
    for (const AxisTick &tick : y.minor) {
        EXPECT_EQ(tick.label,
                  QString::number(
                      QDateTime::fromSecsSinceEpoch(tick.time, QTimeZone::utc()).date().year()));
    }
}

// --- instants and zones ----------------------------------------------------------------------

TEST(TimeScaleText, InstantsShowTheTimeOfDayOnlyWhenZoomedIn)
{
    const QTimeZone moscow("Europe/Moscow");
    ASSERT_TRUE(moscow.isValid());
    const std::int64_t at = test::utcMidnight(2025, 12, 29) + 11 * 3600 + 5 * 60; // 14:05 MSK
    const QString fine = formatInstant(at, moscow, 60);
    EXPECT_TRUE(fine.contains(QStringLiteral("29 Dec 2025"))) << fine.toStdString();
    EXPECT_TRUE(fine.contains(QStringLiteral("14:05"))) << fine.toStdString();
    EXPECT_TRUE(fine.endsWith(QStringLiteral("MSK"))) << fine.toStdString();
    const QString coarse = formatInstant(at, moscow, 3600);
    EXPECT_TRUE(coarse.contains(QStringLiteral("29 Dec 2025"))) << coarse.toStdString();
    EXPECT_FALSE(coarse.contains(QLatin1Char(':'))) << coarse.toStdString();
    // 22:30 UTC is already the next day in Moscow.
    const std::int64_t late = test::utcMidnight(2025, 12, 29) + 22 * 3600 + 30 * 60;
    EXPECT_TRUE(formatInstant(late, moscow, 3600).contains(QStringLiteral("30 Dec 2025")));
    EXPECT_TRUE(
        formatInstant(late, QTimeZone::utc(), 60).contains(QStringLiteral("29 Dec 2025, 22:30")));
}

TEST(TimeScaleText, ZoneAbbreviations)
{
    const std::int64_t winter = test::utcMidnight(2025, 12, 29);
    const std::int64_t summer = test::utcMidnight(2025, 7, 1);
    EXPECT_EQ(zoneAbbreviation(QTimeZone::utc(), winter), QStringLiteral("UTC"));
    EXPECT_EQ(zoneAbbreviation(QTimeZone("UTC"), winter), QStringLiteral("UTC"));
    EXPECT_EQ(zoneAbbreviation(QTimeZone("Europe/Moscow"), winter), QStringLiteral("MSK"));
    // Kyiv changes its abbreviation with the clocks.
    const QTimeZone kyiv("Europe/Kyiv");
    ASSERT_TRUE(kyiv.isValid());
    EXPECT_EQ(zoneAbbreviation(kyiv, winter), QStringLiteral("EET"));
    EXPECT_EQ(zoneAbbreviation(kyiv, summer), QStringLiteral("EEST"));
}
