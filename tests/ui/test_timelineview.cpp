// TimelineView: the sample reads as a picture; zoom, pan, selection, keyboard, filter and
// tooltips behave as a user expects.
//
// Every test drives the offscreen view the way a user would (mouse and key events on the
// view and its viewport) and checks the state that results against values computed here
// from the project, not against the view's own helpers.
//
// This file: the picture, labels, zoom, pan, click, keyboard and rubber band. Filter, lanes
// and markup are in test_timelineview_lanes.cpp; scale, time zone and links in
// test_timelineview_scale.cpp; editing by mouse in test_timelineview_editing.cpp.

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

#include <QStyle>

#include <map>

#include <algorithm>
#include <numeric>
#include <set>
#include <sstream>
#include <tuple>

using namespace claimline;
using namespace claimline::test;

TEST(TimelineView, SampleLooksRight)
{
    // Pictures to look at: the default range and Fit All, light and dark, at the size the
    // timeline gets in the default window and larger.
    for (const QSize size : {QSize(1280, 800), QSize(780, 480)}) {
        Fixture f(test::samplePath(), size);
        const QString base
            = QDir::tempPath() + QStringLiteral("/claimline-timeline-%1").arg(size.width());
        f.view.grab().save(base + QStringLiteral(".png"));
        f.view.setPalette(test::darkPalette());
        f.view.grab().save(base + QStringLiteral("-dark.png"));
        f.view.fitAll();
        f.view.grab().save(base + QStringLiteral("-fit-dark.png"));
        f.view.setPalette(QApplication::style()->standardPalette());
        f.view.grab().save(base + QStringLiteral("-fit.png"));
        EXPECT_GT(f.view.frame().marks.size(), 20u);
    }
}

// --- 1. labels ------------------------------------------------------------------------------

TEST(TimelineView, LabelsNeverOverlapAtAnyZoom)
{
    Fixture f;
    EXPECT_GT(expectLabelsApart(f.view), 20u) << "the initial view labels most marks";
    atSeveralZooms(f.view, [&] {
        expectLabelsApart(f.view);
        EXPECT_FALSE(f.view.frame().marks.empty());
    });
}

TEST(TimelineView, NoGlyphIsHiddenAtAnyZoom)
{
    Fixture f;
    atSeveralZooms(f.view, [&] { expectGlyphsClear(f.view); });
}

// --- 2. zoom --------------------------------------------------------------------------------

TEST(TimelineView, WheelZoomsAroundTheCursor)
{
    Fixture f;
    const QPoint at(700, 300);
    const double before = f.timeAt(at.x());
    const double span = f.view.scale().span();

    sendWheel(f.viewport(), at, 120);
    EXPECT_LT(f.view.scale().span(), span * 0.95) << "one notch up zooms in";
    EXPECT_GT(f.view.scale().span(), span * 0.5) << "one notch is a step, not a jump";
    EXPECT_NEAR(f.timeAt(at.x()), before, f.view.scale().secondsPerPixel());

    const double zoomed = f.view.scale().span();
    sendWheel(f.viewport(), at, -120);
    sendWheel(f.viewport(), at, -120);
    EXPECT_GT(f.view.scale().span(), zoomed * 1.3) << "notches down zoom out";
    EXPECT_NEAR(f.timeAt(at.x()), before, f.view.scale().secondsPerPixel());

    // Another point: the anchor follows the cursor, not the centre.
    const QPoint left(f.plotLeft() + 40, 500);
    const double underLeft = f.timeAt(left.x());
    sendWheel(f.viewport(), left, 360);
    EXPECT_NEAR(f.timeAt(left.x()), underLeft, f.view.scale().secondsPerPixel());
}

TEST(TimelineView, ShiftWheelPansAndLabelColumnWheelScrolls)
{
    Fixture f;
    const double start = f.view.scale().start();
    const double span = f.view.scale().span();
    sendWheel(f.viewport(), QPoint(700, 300), -120, Qt::ShiftModifier);
    EXPECT_DOUBLE_EQ(f.view.scale().span(), span) << "Shift+wheel does not zoom";
    EXPECT_GT(f.view.scale().start(), start) << "wheel down with Shift shows later times";

    // Over the lane labels the wheel scrolls the lanes and leaves time alone.
    QScrollBar *bar = f.view.verticalScrollBar();
    f.view.frame(); // as a paint would: lays out and sizes the scroll bar
    ASSERT_GT(bar->maximum(), 0) << "the sample's lanes are taller than 800 px";
    const double panned = f.view.scale().start();
    const int before = bar->value();
    sendWheel(f.viewport(), QPoint(60, 300), -120);
    EXPECT_GT(bar->value(), before);
    EXPECT_DOUBLE_EQ(f.view.scale().start(), panned);
    EXPECT_DOUBLE_EQ(f.view.scale().span(), span);
    EXPECT_DOUBLE_EQ(f.view.frame().scrollY, double(bar->value())) << "the frame follows the bar";
}

TEST(TimelineView, PlusMinusAndZeroKeysZoom)
{
    Fixture f;
    const Project &project = f.project();
    const double span = f.view.scale().span();
    const double centre = f.view.scale().start() + span / 2;

    QTest::keyClick(&f.view, Qt::Key_Plus);
    EXPECT_NEAR(f.view.scale().span(), span / 1.5, 1.0);
    EXPECT_NEAR(f.view.scale().start() + f.view.scale().span() / 2, centre, 1.0)
        << "keys zoom around the centre";
    QTest::keyClick(&f.view, Qt::Key_Minus);
    QTest::keyClick(&f.view, Qt::Key_Minus);
    EXPECT_NEAR(f.view.scale().span(), span * 1.5, 1.0);
    EXPECT_NEAR(f.view.scale().start() + f.view.scale().span() / 2, centre, 1.0);

    // 0 fits everything: every item of the sample inside, with little to spare.
    QTest::keyClick(&f.view, Qt::Key_0);
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const Event &event : project.events()) {
        first = std::min(first, event.when.start());
        last = std::max(last, event.when.end());
    }
    for (const Claim &claim : project.claims()) {
        first = std::min(first, claim.madeAt.start());
        last = std::max(last, claim.madeAt.end());
    }
    EXPECT_LE(f.view.scale().start(), double(first));
    EXPECT_GE(f.view.scale().end(), double(last));
    EXPECT_LT(f.view.scale().span(), double(last - first) * 1.2);
}

// --- 3. pan and click on empty space --------------------------------------------------------

TEST(TimelineView, DragOnEmptySpacePans)
{
    Fixture f;
    const TimelineFrame &frame = f.view.frame();
    const QPoint press = emptyPoint(f.view, frame.plot.toRect().adjusted(200, 0, -300, 0));
    ASSERT_FALSE(press.isNull()) << "no empty space in the plot";
    const double spp = f.view.scale().secondsPerPixel();
    const double start = f.view.scale().start();
    const double grabbed = f.timeAt(press.x());
    const int scrollY = f.view.verticalScrollBar()->value();

    const int dx = 150;
    QTest::mousePress(f.viewport(), Qt::LeftButton, {}, press);
    for (int step = 1; step <= 3; ++step)
        QTest::mouseMove(f.viewport(), press + QPoint(dx * step / 3, 0));
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, {}, press + QPoint(dx, 0));

    // The content follows the mouse: what was grabbed is under the release point.
    EXPECT_NEAR(f.view.scale().start(), start - dx * spp, spp * 0.01);
    EXPECT_NEAR(f.timeAt(press.x() + dx), grabbed, spp);
    EXPECT_DOUBLE_EQ(f.view.scale().secondsPerPixel(), spp) << "panning does not zoom";
    EXPECT_EQ(f.view.verticalScrollBar()->value(), scrollY) << "a level drag does not scroll";
    EXPECT_TRUE(f.selection.isEmpty()) << "a drag selects nothing";

    // And back to the left.
    const QPoint again = emptyPoint(f.view, f.view.frame().plot.toRect().adjusted(300, 0, -100, 0));
    ASSERT_FALSE(again.isNull());
    const double start2 = f.view.scale().start();
    QTest::mousePress(f.viewport(), Qt::LeftButton, {}, again);
    QTest::mouseMove(f.viewport(), again - QPoint(80, 0));
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, {}, again - QPoint(80, 0));
    EXPECT_NEAR(f.view.scale().start(), start2 + 80 * spp, spp * 0.01);
}

TEST(TimelineView, ClickOnEmptySpaceClearsSelection)
{
    Fixture f;
    const ItemRef item = find(f.project(), "ev-residence-drones");
    f.selection.select(item);
    ASSERT_EQ(f.selection.items().size(), 1u);
    const QPoint empty = emptyPoint(f.view, f.view.frame().plot.toRect());
    ASSERT_FALSE(empty.isNull());
    const double start = f.view.scale().start();

    // Ctrl+click on empty space keeps the selection (it only adds or removes).
    QTest::mouseClick(f.viewport(), Qt::LeftButton, Qt::ControlModifier, empty);
    EXPECT_TRUE(f.selection.contains(item));

    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, empty);
    EXPECT_TRUE(f.selection.isEmpty());
    EXPECT_DOUBLE_EQ(f.view.scale().start(), start) << "a click does not pan";

    // A wobble under the drag threshold is still a click.
    f.selection.select(item);
    QTest::mousePress(f.viewport(), Qt::LeftButton, {}, empty);
    QTest::mouseMove(f.viewport(), empty + QPoint(1, 1));
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, {}, empty + QPoint(1, 1));
    EXPECT_TRUE(f.selection.isEmpty());
    EXPECT_DOUBLE_EQ(f.view.scale().start(), start);
}

// --- 4. click selects -----------------------------------------------------------------------

TEST(TimelineView, ClickSelectsAndCtrlClickToggles)
{
    Fixture f;
    const ItemRef drones = find(f.project(), "ev-residence-drones");
    const ItemRef claim = find(f.project(), "claim-91-drones");
    const TimelineFrame::Mark *mark = f.view.frame().markOf(codeOf(drones));
    ASSERT_NE(mark, nullptr) << "the event is drawn in the initial view";
    const QPoint droneCentre = centreOf(mark->rect);
    ASSERT_TRUE(f.view.frame().plot.contains(droneCentre));

    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, droneCentre);
    EXPECT_EQ(f.selection.current(), drones);
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {drones});

    const TimelineFrame::Mark *other = f.view.frame().markOf(codeOf(claim));
    ASSERT_NE(other, nullptr);
    const QPoint claimCentre = centreOf(other->rect);
    ASSERT_TRUE(f.view.frame().plot.contains(claimCentre));
    QTest::mouseClick(f.viewport(), Qt::LeftButton, Qt::ControlModifier, claimCentre);
    EXPECT_EQ(f.selection.items().size(), 2u);
    EXPECT_TRUE(f.selection.contains(drones));
    EXPECT_TRUE(f.selection.contains(claim));
    EXPECT_EQ(f.selection.current(), claim);

    // The marks may have moved (selection can scroll); click where the claim is now.
    const QPoint claimNow = centreOf(f.view.frame().markOf(codeOf(claim))->rect);
    QTest::mouseClick(f.viewport(), Qt::LeftButton, Qt::ControlModifier, claimNow);
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {drones});

    // A plain click on the claim replaces the selection.
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, claimNow);
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {claim});

    // Esc clears it.
    QTest::keyClick(&f.view, Qt::Key_Escape);
    EXPECT_TRUE(f.selection.isEmpty());
}

// The same with marks that stand alone (lanes of two or three items), so that the
// click logic is checked whatever the packing of crowded lanes.
TEST(TimelineView, CtrlClickTogglesMarksOfSparseLanes)
{
    // Tall enough that the EU and India lanes are on screen without scrolling.
    Fixture f(test::samplePath(), QSize(1280, 1800));
    const ItemRef kallas = find(f.project(), "claim-kallas-distraction");
    const ItemRef modi = find(f.project(), "claim-modi-concerned");
    const std::size_t eu = f.view.lanes().laneOfParty(find(f.project(), "european-union").index);
    const std::size_t india = f.view.lanes().laneOfParty(find(f.project(), "india").index);
    const auto centre = [&](ItemRef item) {
        const TimelineFrame::Mark *mark = markOn(f.view.frame(), item, item == kallas ? eu : india);
        EXPECT_NE(mark, nullptr);
        return mark ? centreOf(mark->rect) : QPoint();
    };
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, centre(kallas));
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {kallas});
    QTest::mouseClick(f.viewport(), Qt::LeftButton, Qt::ControlModifier, centre(modi));
    EXPECT_EQ(f.selection.items(), (std::vector<ItemRef> {kallas, modi}));
    EXPECT_EQ(f.selection.current(), modi);
    QTest::mouseClick(f.viewport(), Qt::LeftButton, Qt::ControlModifier, centre(modi));
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {kallas});
    QTest::mouseClick(f.viewport(), Qt::LeftButton, Qt::ControlModifier, centre(kallas));
    EXPECT_TRUE(f.selection.isEmpty());
    // The label is part of the mark too.
    const TimelineFrame::Mark *mark = f.view.frame().markOf(codeOf(modi));
    ASSERT_NE(mark, nullptr);
    ASSERT_FALSE(mark->label.isEmpty());
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, centreOf(mark->label));
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {modi});
}

// What is drawn can be hit: the centre of every glyph in the plot hits its own item.
TEST(TimelineView, EveryDrawnGlyphCanBeHit)
{
    Fixture f;
    const TimelineFrame &frame = f.view.frame();
    std::size_t checked = 0;
    std::vector<std::string> misses;
    for (const TimelineFrame::Mark &mark : frame.marks) {
        if (!frame.plot.contains(mark.rect))
            continue;
        ++checked;
        const ItemRef hit = f.view.itemAt(centreOf(mark.rect));
        if (hit != LaneCode::item(mark.code)) {
            std::ostringstream s;
            PrintTo(LaneCode::item(mark.code), &s);
            s << " at (" << mark.rect.center().x() << ',' << mark.rect.center().y() << ") hits ";
            PrintTo(hit, &s);
            misses.push_back(s.str());
        }
    }
    EXPECT_GT(checked, 20u);
    std::string message;
    for (const std::string &m : misses)
        message += m + '\n';
    EXPECT_TRUE(misses.empty()) << message;
}

// --- 5. keyboard ----------------------------------------------------------------------------

TEST(TimelineView, ArrowKeysWalkItemsInTimeOrder)
{
    Fixture f;
    const std::vector<ItemRef> order = timeOrder(f.project(), f.filter);
    ASSERT_GT(order.size(), 50u);

    // From an item in the middle, Right and Left step to its neighbours.
    const std::size_t middle = order.size() / 2;
    f.selection.select(order[middle]);
    QTest::keyClick(&f.view, Qt::Key_Right);
    EXPECT_EQ(f.selection.current(), order[middle + 1]);
    QTest::keyClick(&f.view, Qt::Key_Left);
    QTest::keyClick(&f.view, Qt::Key_Left);
    EXPECT_EQ(f.selection.current(), order[middle - 1]);

    // Home, then Right through every item to the last.
    QTest::keyClick(&f.view, Qt::Key_Home);
    ASSERT_EQ(f.selection.current(), order.front());
    for (std::size_t i = 1; i < order.size(); ++i) {
        QTest::keyClick(&f.view, Qt::Key_Right);
        ASSERT_EQ(f.selection.current(), order[i]) << "step " << i;
        ASSERT_EQ(f.selection.items().size(), 1u);
    }
    QTest::keyClick(&f.view, Qt::Key_Right);
    EXPECT_EQ(f.selection.current(), order.back()) << "Right at the end stays";

    // End, then Left back to the first.
    f.selection.select(order[3]);
    QTest::keyClick(&f.view, Qt::Key_End);
    ASSERT_EQ(f.selection.current(), order.back());
    for (std::size_t i = order.size() - 1; i-- > 0;) {
        QTest::keyClick(&f.view, Qt::Key_Left);
        ASSERT_EQ(f.selection.current(), order[i]) << "step back to " << i;
    }
    QTest::keyClick(&f.view, Qt::Key_Left);
    EXPECT_EQ(f.selection.current(), order.front()) << "Left at the start stays";
}

TEST(TimelineView, ArrowKeysSkipFilteredItemsAndShowTheSelection)
{
    Fixture f;
    const Project &project = f.project();
    f.filter.setStatusShown(Status::Disputed, false);
    settle();
    const std::vector<ItemRef> order = timeOrder(project, f.filter);
    ASSERT_GT(order.size(), 20u);
    QTest::keyClick(&f.view, Qt::Key_Home);
    ASSERT_EQ(f.selection.current(), order.front());
    for (std::size_t i = 1; i < order.size(); ++i) {
        QTest::keyClick(&f.view, Qt::Key_Right);
        ASSERT_EQ(f.selection.current(), order[i]);
        EXPECT_NE(statusOf(project, order[i]), Status::Disputed);
        // The selected item is in the window in time (where it starts, or its middle).
        const FuzzyTime &t = timeOf(project, order[i]);
        EXPECT_LT(double(t.start()), f.view.scale().end()) << "step " << i;
        EXPECT_GT(double(t.end()), f.view.scale().start()) << "step " << i;
    }
}

// An item with an open start ("../2025-12-29") is the earliest: Home must select it, as
// Left from the next item does.
TEST(TimelineView, HomeSelectsAnItemWithAnOpenStart)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("open.claimline"));
    ASSERT_TRUE(test::writeFile(path, R"({"format": "claimline", "version": 1,
  "parties": [{"id": "p", "name": "P"}],
  "events": [
    {"id": "a", "title": "Before", "when": "../2025-12-20", "parties": ["p"]},
    {"id": "b", "title": "Then", "when": "2025-12-25", "parties": ["p"]},
    {"id": "c", "title": "Later", "when": "2025-12-29", "parties": ["p"]}]})"));
    Fixture f(path);
    const ItemRef a = find(f.project(), "a");
    const ItemRef b = find(f.project(), "b");
    const ItemRef c = find(f.project(), "c");
    f.selection.select(b);
    QTest::keyClick(&f.view, Qt::Key_Left);
    EXPECT_EQ(f.selection.current(), a) << "Left from b reaches the open-start item";
    QTest::keyClick(&f.view, Qt::Key_End);
    EXPECT_EQ(f.selection.current(), c);
    QTest::keyClick(&f.view, Qt::Key_Home);
    EXPECT_EQ(f.selection.current(), a) << "Home selects the earliest item";
}

// --- 6. rubber band -------------------------------------------------------------------------

TEST(TimelineView, ShiftDragSelectsTheMarksInTheBand)
{
    Fixture f;
    const TimelineFrame &frame = f.view.frame();
    // A band of about 360 x 200 px from an empty point, holding several marks.
    QPoint from;
    QPoint to;
    std::set<std::uint32_t> expected;
    for (int y = int(frame.plot.top()) + 4;
         y < int(frame.plot.bottom()) - 200 && expected.size() < 3; y += 25) {
        from = emptyPoint(f.view, QRect(int(frame.plot.left()) + 100, y, 500, 20));
        if (from.isNull())
            continue;
        to = from + QPoint(360, 200);
        const QRectF band = QRectF(QRect(from, to).normalized()).intersected(frame.plot);
        expected.clear();
        for (const TimelineFrame::Mark &mark : frame.marks) {
            if (mark.rect.intersects(band))
                expected.insert(codeOf(LaneCode::item(mark.code)));
        }
    }
    ASSERT_GE(expected.size(), 3u) << "no band with marks found";
    ASSERT_LT(expected.size(), drawnCodes(frame).size()) << "the band must leave some marks out";

    QTest::mousePress(f.viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(f.viewport(), from + QPoint(100, 50));
    QTest::mouseMove(f.viewport(), to);
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, Qt::ShiftModifier, to);

    std::set<std::uint32_t> selected;
    for (const ItemRef &item : f.selection.items())
        selected.insert(codeOf(item));
    EXPECT_EQ(selected, expected);
    EXPECT_EQ(f.selection.items().size(), expected.size()) << "no duplicates";

    // Shift+Ctrl+drag adds to the selection; a band elsewhere selects something else.
    const std::size_t before = selected.size();
    const QPoint from2
        = emptyPoint(f.view, QRect(to.x() + 20, int(frame.plot.top()) + 4, 300, 300));
    if (!from2.isNull()) {
        const QPoint to2 = from2 + QPoint(200, 300);
        QTest::mousePress(f.viewport(), Qt::LeftButton, Qt::ShiftModifier | Qt::ControlModifier,
                          from2);
        QTest::mouseMove(f.viewport(), to2);
        QTest::mouseRelease(f.viewport(), Qt::LeftButton, Qt::ShiftModifier | Qt::ControlModifier,
                            to2);
        for (const std::uint32_t code : expected)
            EXPECT_TRUE(f.selection.contains(LaneCode::item(code)));
        EXPECT_GE(f.selection.items().size(), before);
    }
}
