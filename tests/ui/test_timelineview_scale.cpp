// TimelineView: two hundred thousand events, the display time zone, the links of the selected
// claim and scrolling to the selection.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "model/generator.h"
#include "model/project.h"
#include "testsupport.h"
#include "timeline/timelineview.h"
#include "timelineviewfixture.h"

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QPalette>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimeZone>
#include <QToolTip>
#include <QUndoStack>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <map>

#include <algorithm>
#include <numeric>
#include <set>
#include <sstream>
#include <tuple>

using namespace claimline;
using namespace claimline::test;

// --- 10. scale ------------------------------------------------------------------------------

TEST(TimelineView, TwoHundredThousandEventsDrawAsDensityThenAsMarks)
{
    Fixture f;
    f.document.setProject(generateProject(200000, 1));
    const Project &project = f.project();
    ASSERT_EQ(project.events().size(), 200000u);
    settle();

    f.view.fitAll();
    const TimelineFrame &frame = f.view.frame();
    ASSERT_FALSE(frame.lanes.empty());
    for (const auto &box : frame.lanes)
        EXPECT_TRUE(box.density) << "lane " << box.lane << " is crowded at fit all";
    EXPECT_TRUE(frame.marks.empty());
    // Every entry of every lane is in the window, and the bands count them all (less the
    // few with an open start, which have no start to count).
    EXPECT_EQ(frame.itemsInView, f.view.lanes().itemCount());
    EXPECT_GE(f.view.lanes().itemCount(), project.events().size() + project.claims().size());
    const std::uint64_t counted
        = std::accumulate(frame.columns.begin(), frame.columns.end(), std::uint64_t(0));
    EXPECT_LE(counted, frame.itemsInView);
    EXPECT_GE(double(counted), 0.99 * double(frame.itemsInView));

    // One hour in the middle: marks, each really in the window.
    std::int64_t first = 0;
    std::int64_t last = 0;
    ASSERT_TRUE(f.view.lanes().extent(&first, &last));
    const double from = std::floor(double(first + last) / 2 / 3600) * 3600 + 600;
    const double to = from + 3600;
    f.view.setVisibleRange(from, to);
    const TimelineFrame &hour = f.view.frame();
    ASSERT_FALSE(hour.marks.empty()) << "an hour of four years is drawn item by item";
    EXPECT_LT(hour.itemsInView, 5000u);
    const double spp = f.view.scale().secondsPerPixel();
    // The renderer keeps what reaches within a glyph (10 px) of either edge. In UTC no
    // calendar day is shifted, so that is all the slack there is.
    const double slack = 10 * spp + 1;
    std::size_t individual = 0;
    for (const auto &box : hour.lanes)
        individual += !box.density;
    EXPECT_GT(individual, 0u);
    for (const TimelineFrame::Mark &mark : hour.marks) {
        const ItemRef item = LaneCode::item(mark.code);
        const FuzzyTime &t = timeOf(project, item);
        ASSERT_LT(double(t.start()), to + slack) << t.toEdtf();
        ASSERT_GT(double(t.end()), from - slack) << t.toEdtf();
        // And on its own lane: an event on the events lane, a claim on its party's.
        EXPECT_EQ(hour.lanes[mark.laneBox].lane, f.view.lanes().laneOf(project, item));
    }
    // Every event of the window on a lane drawn item by item has its mark there, or is
    // listed in one of the lane's "+3 more" chips (no free row at this zoom).
    std::set<std::pair<std::uint32_t, std::size_t>> drawn;
    for (const TimelineFrame::Mark &mark : hour.marks)
        drawn.insert({mark.code & ~LaneCode::Rejected, hour.lanes[mark.laneBox].lane});
    std::set<std::size_t> individualLanes;
    for (const auto &box : hour.lanes) {
        if (!box.density)
            individualLanes.insert(box.lane);
    }
    std::size_t expectedMarks = 0;
    std::map<std::size_t, std::size_t> missing;
    std::set<std::uint32_t> listed;
    for (const TimelineFrame::Cluster &cluster : hour.clusters) {
        for (const std::uint32_t code : hour.codesOf(cluster))
            listed.insert(code & ~LaneCode::Rejected);
    }
    for (const std::uint32_t e : project.eventsInRange(std::int64_t(from), std::int64_t(to))) {
        const std::size_t lane = f.view.lanes().laneOf(project, {ItemKind::Event, e});
        if (!individualLanes.count(lane))
            continue;
        ++expectedMarks;
        const std::uint32_t code = codeOf({ItemKind::Event, e});
        if (!drawn.count({code, lane}) && !listed.count(code))
            ++missing[lane];
    }
    EXPECT_GT(expectedMarks, 0u);
    for (const auto &[lane, count] : missing)
        ADD_FAILURE() << count << " events of the window are neither drawn nor listed in a "
                      << "chip on lane " << lane;
}

// --- 11. time zone --------------------------------------------------------------------------

TEST(TimelineView, TimeZoneMovesAxisTicksAndCalendarDays)
{
    Fixture f;
    const Project &project = f.project();
    const double day = double(test::utcMidnight(2025, 12, 29));
    // One day, starting at 10:30 UTC (not on any round hour of a whole-hour zone).
    f.view.setVisibleRange(day + 10.5 * 3600, day + 34.5 * 3600);

    const auto expectLocalRoundTicks = [&](const QTimeZone &zone) {
        const AxisTicks ticks = axisTicks(f.view.scale(), zone, 64);
        ASSERT_FALSE(ticks.minor.empty());
        ASSERT_TRUE(ticks.subDay);
        ASSERT_EQ(ticks.minorStep % 3600, 0) << "hour ticks at this zoom";
        const int stepHours = int(ticks.minorStep / 3600);
        for (const AxisTick &tick : ticks.minor) {
            const QDateTime local = QDateTime::fromSecsSinceEpoch(tick.time, zone);
            EXPECT_EQ(local.time().minute(), 0) << tick.label.toStdString();
            EXPECT_EQ(local.time().hour() % stepHours, 0) << tick.label.toStdString();
            EXPECT_EQ(tick.label, local.toString(QStringLiteral("HH:mm")));
        }
        // The first tick is the last local round hour at or before the window's start.
        EXPECT_LE(double(ticks.minor.front().time), f.view.scale().start());
        EXPECT_GT(double(ticks.minor.front().time + ticks.minorStep), f.view.scale().start());
        // Days begin at local midnight.
        ASSERT_FALSE(ticks.major.empty());
        for (const AxisTick &tick : ticks.major)
            EXPECT_EQ(QDateTime::fromSecsSinceEpoch(tick.time, zone).time(), QTime(0, 0));
    };

    const AxisTicks utc = axisTicks(f.view.scale(), f.view.timeZone(), 64);
    expectLocalRoundTicks(QTimeZone::utc());
    const QTimeZone moscow("Europe/Moscow");
    ASSERT_TRUE(moscow.isValid());
    f.view.setTimeZone(moscow);
    EXPECT_EQ(f.view.timeZone(), moscow);
    const AxisTicks msk = axisTicks(f.view.scale(), f.view.timeZone(), 64);
    expectLocalRoundTicks(moscow);
    ASSERT_FALSE(msk.major.empty());
    ASSERT_FALSE(utc.major.empty());
    // The day boundary inside the window: 30 Dec, at midnight UTC or 21:00 UTC in Moscow.
    const auto majorsInWindow = [&](const AxisTicks &ticks) {
        std::vector<std::int64_t> times;
        for (const AxisTick &tick : ticks.major) {
            if (double(tick.time) >= f.view.scale().start()
                && double(tick.time) < f.view.scale().end())
                times.push_back(tick.time);
        }
        return times;
    };
    EXPECT_EQ(majorsInWindow(utc), std::vector<std::int64_t> {std::int64_t(day) + 86400});
    EXPECT_EQ(majorsInWindow(msk), std::vector<std::int64_t> {std::int64_t(day) + 86400 - 3 * 3600})
        << "Moscow's 30 Dec begins at 21:00 UTC";
    EXPECT_NE(msk.minor.front().label, utc.minor.front().label);
    // A half-hour zone puts its round hours at half past in UTC.
    expectLocalRoundTicks(QTimeZone("Asia/Kolkata"));

    // A calendar day is the same day everywhere: drawn at local midnight, so 3 h to the left
    // of where UTC puts it.
    f.view.setTimeZone(QTimeZone::utc());
    f.view.setVisibleRange(day - 12 * 3600, day + 36 * 3600);
    const ItemRef call = find(project, "ev-putin-trump-call"); // "2025-12-29"
    const std::size_t us = f.view.lanes().eventsLane();
    const TimelineFrame::Mark *utcMark = markOn(f.view.frame(), call, us);
    ASSERT_NE(utcMark, nullptr);
    const QRectF utcRect = utcMark->rect;
    const QRectF utcStrip = utcMark->strip;
    EXPECT_NEAR(utcStrip.left(), f.plotLeft() + f.view.scale().x(day), 1.0);
    f.view.setTimeZone(moscow);
    const TimelineFrame::Mark *mskMark = markOn(f.view.frame(), call, us);
    ASSERT_NE(mskMark, nullptr);
    const double shift = 3 * 3600 / f.view.scale().secondsPerPixel();
    EXPECT_NEAR(mskMark->rect.left(), utcRect.left() - shift, 0.5);
    EXPECT_NEAR(mskMark->strip.left(), utcStrip.left() - shift, 0.5);
    EXPECT_NEAR(mskMark->strip.width(), utcStrip.width(), 0.5);
}

TEST(TimelineView, TimeZoneLeavesInstantsWhereTheyAre)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("instant.claimline"));
    ASSERT_TRUE(test::writeFile(path, R"({"format": "claimline", "version": 1,
  "parties": [{"id": "p", "name": "P"}],
  "events": [
    {"id": "instant", "title": "At noon UTC", "when": "2025-12-29T12:00Z", "parties": ["p"]},
    {"id": "day", "title": "All day", "when": "2025-12-29", "parties": ["p"]}]})"));
    Fixture f(path);
    const double day = double(test::utcMidnight(2025, 12, 29));
    f.view.setVisibleRange(day - 12 * 3600, day + 36 * 3600);
    const ItemRef instant = find(f.project(), "instant");
    const TimelineFrame::Mark *utc = f.view.frame().markOf(codeOf(instant));
    ASSERT_NE(utc, nullptr);
    const QRectF before = utc->rect;
    EXPECT_NEAR(before.center().x(), f.plotLeft() + f.view.scale().x(day + 12 * 3600), 1.0);
    f.view.setTimeZone(QTimeZone("Europe/Moscow"));
    const TimelineFrame::Mark *msk = f.view.frame().markOf(codeOf(instant));
    ASSERT_NE(msk, nullptr);
    EXPECT_NEAR(msk->rect.center().x(), before.center().x(), 0.5) << "an instant does not move";
}

// --- 12. links and scrolling to the selection -----------------------------------------------

TEST(TimelineView, SelectedClaimHighlightsItsAnswers)
{
    Fixture f(test::samplePath(), QSize(1280, 1800)); // every lane on screen
    const Project &project = f.project();
    QPalette palette = f.view.palette();
    const QColor magenta(0xff, 0x00, 0xff); // no party has it: only selection chrome is magenta
    palette.setColor(QPalette::Highlight, magenta);
    f.view.setPalette(palette);

    const ItemRef claim = find(project, "claim-91-drones");
    // The claims answering it, read off the sample's relations by hand.
    const std::vector<ItemRef> answers {
        find(project, "claim-fabrication"),          find(project, "claim-reuters-unverified"),
        find(project, "claim-hc-suspicious-timing"), find(project, "claim-officer-91-launched"),
        find(project, "claim-military-objective"),   find(project, "claim-kallas-unfounded")};
    const ItemRef about = find(project, "ev-residence-drones");
    const ItemRef unrelated = find(project, "claim-khorly");

    // The linked set is private to the view and drawn only as rings (solid: selected, dashed:
    // linked) in the palette's highlight; so here, by exception, pixels are counted: the
    // highlight-coloured ones around a mark, in a grab of the viewport.
    const auto ringPixels = [&](ItemRef item) {
        const TimelineFrame &frame = f.view.frame();
        const TimelineFrame::Mark *mark = frame.markOf(codeOf(item));
        if (!mark || !frame.plot.contains(mark->rect.adjusted(-6, -6, 6, 6)))
            return -1; // not checkable
        const QImage image = f.viewport()->grab().toImage();
        return pixelsLike(image, mark->rect.adjusted(-6, -6, 6, 6).toAlignedRect(), magenta);
    };
    EXPECT_EQ(ringPixels(claim), 0) << "nothing highlighted before selecting";

    f.selection.select(claim);
    EXPECT_GT(ringPixels(claim), 8) << "the selected claim is ringed";
    int checked = 0;
    for (const ItemRef &answer : answers) {
        const TimelineFrame::Mark *mark = f.view.frame().markOf(codeOf(answer));
        ASSERT_NE(mark, nullptr) << "answer " << answer.index << " is drawn";
        const int ring = ringPixels(answer);
        if (ring < 0)
            continue;
        ++checked;
        EXPECT_GT(ring, 4) << "answer " << answer.index << " is marked as linked";
    }
    EXPECT_GE(checked, 3);
    if (const int ring = ringPixels(about); ring >= 0) {
        EXPECT_GT(ring, 4) << "the event it is about is marked as linked";
    }
    if (const int ring = ringPixels(unrelated); ring >= 0) {
        EXPECT_EQ(ring, 0) << "an unrelated claim is not";
    }

    // Arrows run from the claim to each drawn answer.
    std::set<std::uint32_t> arrowFrom;
    for (const TimelineFrame::Arrow &arrow : f.view.frame().arrows) {
        const Relation &relation = project.relations()[arrow.relation];
        if (relation.to == claim.index)
            arrowFrom.insert(relation.from);
    }
    for (const ItemRef &answer : answers)
        EXPECT_TRUE(arrowFrom.count(answer.index)) << "arrow to answer " << answer.index;

    // Z zooms to the selection: the claim fills the window, with a margin. Z is a shortcut
    // only (no key handler), so the window must be active and the view focused.
    f.view.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&f.view));
    f.view.setFocus();
    QTest::keyClick(&f.view, Qt::Key_Z);
    const FuzzyTime &made = project.claims()[claim.index].madeAt;
    EXPECT_LE(f.view.scale().start(), double(made.start()));
    EXPECT_GE(f.view.scale().end(), double(made.end()));
    EXPECT_LT(f.view.scale().span(), 2 * double(made.end() - made.start()))
        << "zoomed to the claim, not beyond";
    EXPECT_GT(ringPixels(claim), 8);
}

TEST(TimelineView, SelectingAnOffscreenItemScrollsToIt)
{
    Fixture f;
    const Project &project = f.project();
    const ItemRef claim = find(project, "claim-91-drones");
    const double june = double(test::utcMidnight(2025, 6, 1));
    f.view.setVisibleRange(june, june + 4 * 86400);
    const double span = f.view.scale().span();
    ASSERT_EQ(f.view.frame().markOf(codeOf(claim)), nullptr);

    QSignalSpy moved(&f.view, &TimelineView::visibleRangeChanged);
    f.selection.select(claim);
    const FuzzyTime &made = project.claims()[claim.index].madeAt;
    const double centre = f.view.scale().start() + f.view.scale().span() / 2;
    EXPECT_NEAR(centre, double(made.midpoint()), 1.0) << "centred on the item";
    EXPECT_NEAR(f.view.scale().span(), span, 1e-6) << "the zoom is kept";
    EXPECT_GE(moved.count(), 1);
    const TimelineFrame::Mark *mark = f.view.frame().markOf(codeOf(claim));
    ASSERT_NE(mark, nullptr);
    EXPECT_TRUE(f.view.frame().plot.contains(mark->rect)) << "and in view";

    // An item already in view does not move the window.
    const double start = f.view.scale().start();
    f.selection.select(find(project, "claim-fabrication"));
    EXPECT_DOUBLE_EQ(f.view.scale().start(), start);

    // An item on a lane scrolled out of view brings its lane into view.
    f.view.resize(1280, 300);
    const TimelineFrame &small = f.view.frame();
    ASSERT_GT(small.contentHeight, small.plot.height()) << "the lanes need scrolling";
    f.view.verticalScrollBar()->setValue(0);
    const ItemRef last = [&] {
        // A claim of the lowest lane that has one.
        for (auto box = small.lanes.rbegin(); box != small.lanes.rend(); ++box) {
            for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
                if (f.view.lanes().laneOfParty(project.partyOfClaim(c)) == box->lane)
                    return ItemRef {ItemKind::Claim, c};
            }
        }
        return ItemRef {};
    }();
    ASSERT_TRUE(last.isValid());
    const TimelineFrame::Mark *hidden = small.markOf(codeOf(last));
    ASSERT_NE(hidden, nullptr);
    ASSERT_FALSE(small.plot.contains(hidden->rect)) << "the test needs it scrolled out";
    f.selection.select(last);
    const TimelineFrame::Mark *bottom = f.view.frame().markOf(codeOf(last));
    ASSERT_NE(bottom, nullptr);
    EXPECT_TRUE(f.view.frame().plot.contains(bottom->rect)) << "scrolled to the item's lane";
}

TEST(TimelineView, DoubleClickOnAMarkZoomsToIt)
{
    Fixture f(test::samplePath(), QSize(1280, 1800)); // every lane on screen
    f.view.fitAll();
    const ItemRef call = find(f.project(), "claim-kallas-distraction");
    const TimelineFrame::Mark *mark = markOn(
        f.view.frame(), call,
        f.view.lanes().laneOfParty(find(f.project(), "european-union").index)); // two claims
    ASSERT_NE(mark, nullptr);
    const QPoint at = centreOf(mark->rect);
    const double span = f.view.scale().span();
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(f.viewport(), Qt::LeftButton, {}, at);
    EXPECT_EQ(f.selection.current(), call);
    EXPECT_LT(f.view.scale().span(), span / 10);
    const FuzzyTime &when = f.project().claims()[call.index].madeAt;
    EXPECT_LE(f.view.scale().start(), double(when.start()));
    EXPECT_GE(f.view.scale().end(), double(when.end()));
}
