// TimelineView: the filter hides lanes and items, file text is never markup, lanes collapse
// and reorder.

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

namespace {

const char *const HtmlProject = R"({"format": "claimline", "version": 1,
  "parties": [{"id": "p", "name": "<b>Party</b>"}],
  "events": [{"id": "e", "title": "<img src=x> <b>bold</b>", "when": "2025-12-29", "parties": ["p"]}]})";

} // namespace

// --- 7. filter ------------------------------------------------------------------------------

TEST(TimelineView, HiddenPartyLosesItsLane)
{
    Fixture f;
    const Project &project = f.project();
    const std::uint32_t russia = find(project, "russia").index;
    const std::size_t russiaLane = f.view.lanes().laneOfParty(russia);
    const auto showsRussia = [&] {
        const auto &boxes = f.view.frame().lanes;
        return std::any_of(boxes.begin(), boxes.end(),
                           [&](const auto &box) { return box.lane == russiaLane; });
    };
    ASSERT_TRUE(showsRussia());
    const std::size_t lanesBefore = f.view.frame().lanes.size();

    QSignalSpy rebuilt(&f.view, &TimelineView::lanesRebuilt);
    f.filter.setPartyHidden(russia, true);
    f.filter.setTextQuery(QString()); // no change: no rebuild either
    EXPECT_EQ(rebuilt.count(), 0) << "the rebuild waits for the event loop";
    settle();
    EXPECT_EQ(rebuilt.count(), 1);
    EXPECT_FALSE(showsRussia());
    EXPECT_EQ(f.view.frame().lanes.size(), lanesBefore - 1);

    // No claim for Russia is drawn; an event of Russia and Ukraine stays, on the events lane.
    for (const TimelineFrame::Mark &mark : f.view.frame().marks) {
        const ItemRef item = LaneCode::item(mark.code);
        if (item.kind == ItemKind::Claim) {
            EXPECT_NE(project.partyOfClaim(item.index), russia);
        }
    }
    const TimelineFrame::Mark *drones
        = f.view.frame().markOf(codeOf(find(project, "ev-residence-drones")));
    ASSERT_NE(drones, nullptr) << "an event of two parties stays when one is hidden";
    EXPECT_EQ(f.view.frame().lanes[drones->laneBox].lane, f.view.lanes().eventsLane());

    f.filter.setPartyHidden(russia, false);
    settle();
    EXPECT_TRUE(showsRussia());
}

TEST(TimelineView, StatusFilterHidesDisputedItems)
{
    Fixture f;
    const Project &project = f.project();
    const auto disputedDrawn = [&] {
        std::size_t n = 0;
        for (const TimelineFrame::Mark &mark : f.view.frame().marks)
            n += statusOf(project, LaneCode::item(mark.code)) == Status::Disputed;
        return n;
    };
    ASSERT_GT(disputedDrawn(), 3u);
    const std::size_t before = drawnCodes(f.view.frame()).size();

    QSignalSpy rebuilt(&f.view, &TimelineView::lanesRebuilt);
    f.filter.setStatusShown(Status::Disputed, false);
    f.filter.setStatusShown(Status::Refuted, false); // a burst: one rebuild
    settle();
    EXPECT_EQ(rebuilt.count(), 1);
    EXPECT_EQ(disputedDrawn(), 0u);
    const std::size_t after = drawnCodes(f.view.frame()).size();
    EXPECT_GT(after, 0u);
    EXPECT_LT(after, before);
}

TEST(TimelineView, TextQueryHidesNonMatchingAndDimmingKeepsThemFaded)
{
    Fixture f;
    const Project &project = f.project();
    const std::set<std::uint32_t> all = drawnCodes(f.view.frame());
    const QString needle = QStringLiteral("Kallas");

    f.filter.setTextQuery(QStringLiteral("  kallas ")); // trimmed, any case
    settle();
    const std::set<std::uint32_t> shown = drawnCodes(f.view.frame());
    ASSERT_FALSE(shown.empty());
    EXPECT_LT(shown.size(), all.size());
    for (const std::uint32_t code : shown)
        EXPECT_TRUE(mentions(project, LaneCode::item(code), needle));
    // Every matching item that was drawn before is still drawn.
    for (const std::uint32_t code : all) {
        if (mentions(project, LaneCode::item(code), needle)) {
            EXPECT_TRUE(shown.count(code)) << "a match was hidden";
        }
    }

    // Dimmed: everything drawn as before, the non-matching marked rejected.
    f.view.setDimFiltered(true);
    EXPECT_TRUE(f.view.dimsFiltered());
    const TimelineFrame &frame = f.view.frame();
    EXPECT_EQ(drawnCodes(frame), all);
    std::size_t rejected = 0;
    for (const TimelineFrame::Mark &mark : frame.marks) {
        const bool matches = mentions(project, LaneCode::item(mark.code), needle);
        EXPECT_EQ(LaneCode::isRejected(mark.code), !matches);
        rejected += LaneCode::isRejected(mark.code);
    }
    EXPECT_GT(rejected, 0u);

    // A faded item cannot be selected with the keyboard or the band.
    const std::vector<ItemRef> order = timeOrder(project, f.filter);
    ASSERT_GE(order.size(), 2u);
    QTest::keyClick(&f.view, Qt::Key_Home);
    EXPECT_EQ(f.selection.current(), order.front());
    QTest::keyClick(&f.view, Qt::Key_Right);
    EXPECT_EQ(f.selection.current(), order[1]);
    f.selection.clear();
    const QRect plot = f.view.frame().plot.toRect();
    const QPoint from = emptyPoint(f.view, QRect(plot.topLeft(), QSize(200, 200)), 4);
    ASSERT_FALSE(from.isNull());
    const QPoint to = plot.bottomRight() - QPoint(2, 2);
    QTest::mousePress(f.viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(f.viewport(), to);
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
    EXPECT_FALSE(f.selection.isEmpty());
    for (const ItemRef &item : f.selection.items())
        EXPECT_TRUE(mentions(project, item, needle));

    f.view.setDimFiltered(false);
    EXPECT_EQ(drawnCodes(f.view.frame()), shown);
}

// --- 8. file text is never markup -----------------------------------------------------------

TEST(TimelineView, HtmlInATitleIsShownLiterally)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("html.claimline"));
    ASSERT_TRUE(test::writeFile(path, HtmlProject));
    Fixture f(path);
    const ItemRef event = find(f.project(), "e");
    const TimelineFrame::Mark *mark = f.view.frame().markOf(codeOf(event));
    ASSERT_NE(mark, nullptr);
    const QPoint at = centreOf(mark->rect);

    const QString text = f.view.toolTipTextAt(at);
    EXPECT_TRUE(text.contains(QStringLiteral("<img src=x> <b>bold</b>"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("<b>Party</b>"))) << text.toStdString();

    // The real tooltip: the text escaped so that it displays as written.
    QHelpEvent help(QEvent::ToolTip, at, f.viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(f.viewport(), &help);
    const QString shown = QToolTip::text();
    if (QToolTip::isVisible()) {
        EXPECT_TRUE(shown.contains(QStringLiteral("&lt;img src=x&gt;"))) << shown.toStdString();
        EXPECT_TRUE(shown.contains(QStringLiteral("&lt;b&gt;Party&lt;/b&gt;")))
            << shown.toStdString();
        EXPECT_FALSE(shown.contains(QStringLiteral("<img"))) << shown.toStdString();
        EXPECT_FALSE(shown.contains(QStringLiteral("<b>"))) << shown.toStdString();
        // Rendered as rich text, it reads as the title does in the file.
        QTextDocument rendered;
        rendered.setHtml(shown);
        EXPECT_TRUE(rendered.toPlainText().contains(QStringLiteral("<img src=x> <b>bold</b>")));
    } else {
        ADD_FAILURE() << "no tooltip shown offscreen";
    }
    QToolTip::hideText();

    // The lane label's tooltip names the party as written too (lane 0 is the events lane).
    const auto &box = f.view.frame().lanes[1];
    const QPoint label(60, int(boxTop(f.view.frame(), box) + 8));
    EXPECT_TRUE(f.view.toolTipTextAt(label).startsWith(QStringLiteral("<b>Party</b>\n")))
        << f.view.toolTipTextAt(label).toStdString();

    // Empty space: no tooltip.
    const QPoint empty = emptyPoint(f.view, f.view.frame().plot.toRect());
    ASSERT_FALSE(empty.isNull());
    EXPECT_TRUE(f.view.toolTipTextAt(empty).isEmpty());
}

// --- 9. lanes -------------------------------------------------------------------------------

TEST(TimelineView, TriangleCollapsesALaneToDensity)
{
    Fixture f;
    const TimelineFrame &frame = f.view.frame();
    const std::uint32_t russia = find(f.project(), "russia").index;
    const std::size_t lane = f.view.lanes().laneOfParty(russia);
    const auto boxIndex = [&] {
        const auto &boxes = f.view.frame().lanes;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            if (boxes[i].lane == lane)
                return i;
        }
        return boxes.size();
    };
    std::size_t i = boxIndex();
    ASSERT_LT(i, frame.lanes.size());
    ASSERT_LT(i + 1, frame.lanes.size());
    const double height = frame.lanes[i].height;
    const double nextTop = frame.lanes[i + 1].top;
    const auto marksIn = [&](std::size_t box) {
        const auto &marks = f.view.frame().marks;
        return std::count_if(marks.begin(), marks.end(),
                             [box](const auto &m) { return m.laneBox == box; });
    };
    ASSERT_GT(marksIn(i), 3);
    ASSERT_GT(height, 2 * f.view.renderer().metrics().rowHeight) << "the lane has several rows";

    const auto triangle = [&] {
        const TimelineFrame &now = f.view.frame();
        const auto &box = now.lanes[boxIndex()];
        return QPoint(13,
                      int(boxTop(now, box) + f.view.renderer().metrics().lanePadding
                          + f.view.renderer().metrics().rowHeight / 2));
    };
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, triangle());
    EXPECT_TRUE(f.view.isLaneCollapsed(lane));
    i = boxIndex();
    ASSERT_LT(i, f.view.frame().lanes.size());
    const auto &collapsed = f.view.frame().lanes[i];
    EXPECT_TRUE(collapsed.collapsed);
    EXPECT_TRUE(collapsed.density) << "a collapsed lane shows as density";
    EXPECT_LT(collapsed.height, height);
    EXPECT_EQ(marksIn(i), 0);
    // Its items are still counted in the band.
    std::uint64_t counted = 0;
    for (std::size_t c = 0; c < f.view.frame().columnCount; ++c)
        counted += f.view.frame().columns[collapsed.columnOffset + c];
    EXPECT_GT(counted, 3u);
    // The lanes below move up by what the lane gave back.
    EXPECT_DOUBLE_EQ(f.view.frame().lanes[i + 1].top, nextTop - (height - collapsed.height));

    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, triangle());
    EXPECT_FALSE(f.view.isLaneCollapsed(lane));
    EXPECT_DOUBLE_EQ(f.view.frame().lanes[boxIndex()].height, height);
    EXPECT_GT(marksIn(boxIndex()), 3);
    EXPECT_TRUE(f.selection.isEmpty()) << "the triangle selects nothing";
}

TEST(TimelineView, DraggingALaneLabelReordersLanes)
{
    Fixture f;
    const TimelineFrame &frame = f.view.frame();
    ASSERT_GE(frame.lanes.size(), 5u);
    // Lane 0 is the events lane, which stays on top: drag the parties' lanes below it.
    const std::vector<std::size_t> order = f.view.laneOrder();
    const std::size_t first = frame.lanes[1].lane;
    const std::size_t third = frame.lanes[3].lane;
    const auto labelPoint = [&](std::size_t box) {
        const TimelineFrame &now = f.view.frame();
        return QPoint(int(now.plot.left()) - 40,
                      int(boxTop(now, now.lanes[box]) + now.lanes[box].height / 2));
    };

    // Down: the first lane dropped on the third takes the third's place.
    const QPoint press = labelPoint(1);
    const QPoint drop = labelPoint(3);
    QTest::mousePress(f.viewport(), Qt::LeftButton, {}, press);
    QTest::mouseMove(f.viewport(), press + QPoint(0, 10));
    QTest::mouseMove(f.viewport(), drop);
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, {}, drop);

    std::vector<std::size_t> expected = order;
    const auto at = [](const std::vector<std::size_t> &v, std::size_t lane) {
        return std::size_t(std::find(v.begin(), v.end(), lane) - v.begin());
    };
    const std::size_t target = at(order, third);
    expected.erase(expected.begin() + std::ptrdiff_t(at(order, first)));
    expected.insert(expected.begin() + std::ptrdiff_t(target), first);
    EXPECT_EQ(f.view.laneOrder(), expected);
    EXPECT_EQ(f.view.frame().lanes[3].lane, first) << "drawn where it was dropped";
    EXPECT_EQ(f.view.frame().lanes[1].lane, order[2]);
    EXPECT_FALSE(f.view.isLaneCollapsed(first)) << "a drag is not a triangle click";

    // Up: drop it back on the first party's lane.
    const QPoint press2 = labelPoint(3);
    const QPoint drop2 = labelPoint(1);
    QTest::mousePress(f.viewport(), Qt::LeftButton, {}, press2);
    QTest::mouseMove(f.viewport(), drop2);
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, {}, drop2);
    EXPECT_EQ(f.view.laneOrder(), order);

    // A short click on a label (not the triangle) changes nothing.
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, labelPoint(2));
    EXPECT_EQ(f.view.laneOrder(), order);
    EXPECT_FALSE(f.view.isLaneCollapsed(f.view.frame().lanes[2].lane));
}

TEST(TimelineView, SetLaneOrderPutsMissingLanesBelowInTheirOrder)
{
    Fixture f;
    const std::size_t count = f.view.laneOrder().size();
    ASSERT_GE(count, 4u);
    // A saved order naming two lanes (and a lane that no longer exists, and one twice).
    f.view.setLaneOrder({3, 1, count + 5, 3});
    // The events lane stays on top; the parties' lanes follow in the saved order.
    const std::size_t events = f.view.lanes().eventsLane();
    std::vector<std::size_t> expected {events, 3, 1};
    for (std::size_t lane = 0; lane < count; ++lane) {
        if (lane != 3 && lane != 1 && lane != events)
            expected.push_back(lane);
    }
    EXPECT_EQ(f.view.laneOrder(), expected);
    EXPECT_EQ(f.view.frame().lanes[0].lane, events) << "what happened on top";
    EXPECT_EQ(f.view.frame().lanes[1].lane, 3u) << "drawn in the new order";
    // The events lane does not move.
    f.view.moveLane(events, 2);
    EXPECT_EQ(f.view.laneOrder(), expected);
    // The lanes not named keep the order they had, not the file's.
    f.view.moveLane(3, count - 1);
    const std::vector<std::size_t> before = f.view.laneOrder();
    f.view.setLaneOrder({2});
    std::vector<std::size_t> expected2 {events, 2};
    for (const std::size_t lane : before) {
        if (lane != 2 && lane != events)
            expected2.push_back(lane);
    }
    EXPECT_EQ(f.view.laneOrder(), expected2);
    f.view.setLaneOrder({});
    EXPECT_EQ(f.view.laneOrder(), expected2);
}

// A starred item's label starts with a ★ on screen (text, not colour); a picture never has it
// (test_annotations_exports: the analyst's layer stays out of what may be published).
TEST(TimelineView, AStarredItemsLabelStartsWithAStar)
{
    Fixture f;
    const ItemRef drones = find(f.project(), "ev-residence-drones");
    const auto label = [&] {
        settle();
        const TimelineFrame::Mark *mark = f.view.frame().markOf(codeOf(drones));
        return mark ? mark->text : QString();
    };
    ASSERT_FALSE(label().isEmpty());
    EXPECT_FALSE(label().startsWith(QChar(0x2605)));
    ASSERT_EQ(f.document.setStarred({drones}, true), 1);
    EXPECT_TRUE(label().startsWith(QStringLiteral("\u2605 Alleged drone attack")))
        << label().toStdString();
    f.document.undoStack()->undo();
    EXPECT_FALSE(label().startsWith(QChar(0x2605)));
}
