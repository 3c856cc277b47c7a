// TimelineView: editing by mouse (move in time, link, add), each edit one undo step.

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

// Three lanes; items at exact minutes so that moves can be checked to the second. EU has no
// items: its lane is empty space to double-click in.
const char *const EditProject = R"({"format": "claimline", "version": 1,
  "parties": [{"id": "ru", "name": "Russia"}, {"id": "ua", "name": "Ukraine"},
              {"id": "eu", "name": "European Union"}],
  "events": [
    {"id": "ev-strike", "title": "Strike", "when": "2025-12-29T10:00Z", "parties": ["ru"]},
    {"id": "ev-talks", "title": "Talks", "when": "2025-12-29~", "parties": ["ua"]},
    {"id": "ev-truce", "title": "Truce", "when": "2025-12-28/..", "parties": ["ua"]}],
  "claims": [
    {"id": "claim-a", "claimant": "ru", "made_at": "2025-12-29T13:00Z", "statement": "A said"},
    {"id": "claim-b", "claimant": "ua", "made_at": "2025-12-29T19:00Z", "statement": "B said"}]})";

std::int64_t utcAt(int year, int month, int day, int hour = 0, int minute = 0)
{
    return test::utcMidnight(year, month, day) + hour * 3600 + minute * 60;
}

// The sample's zoom for these tests: 29 Dec 2025, the whole day across the plot.
struct EditFixture : Fixture
{
    explicit EditFixture(const QString &path)
        : Fixture(path)
    {
        view.setTimeZone(QTimeZone::utc());
        view.setVisibleRange(double(utcAt(2025, 12, 29)), double(utcAt(2025, 12, 30)));
        settle();
    }
    QUndoStack *undo() const { return document.undoStack(); }
    QPoint centreOfItem(ItemRef item) const
    {
        const TimelineFrame::Mark *mark = view.frame().markOf(codeOf(item));
        EXPECT_NE(mark, nullptr) << "item not drawn";
        return mark ? centreOf(mark->rect) : QPoint();
    }
};

QString editProjectPath(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("edit.claimline"));
    EXPECT_TRUE(test::writeFile(path, EditProject));
    return path;
}

// A mouse event with the buttons and modifiers a user would hold (QTest::mouseMove sends no
// modifiers).
void sendMouse(QWidget *widget, QEvent::Type type, QPoint pos, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = {})
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(pos), QPointF(widget->mapToGlobal(pos)), button, buttons,
                      modifiers);
    QCoreApplication::sendEvent(widget, &event);
}

// Presses at `from`, moves there in a few steps and stops at `to`, without releasing.
void dragTo(QWidget *widget, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = {})
{
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, modifiers);
    for (int step = 1; step <= 4; ++step)
        sendMouse(widget, QEvent::MouseMove, from + (to - from) * step / 4, Qt::LeftButton,
                  modifiers);
}

void release(QWidget *widget, QPoint at, Qt::KeyboardModifiers modifiers = {})
{
    sendMouse(widget, QEvent::MouseButtonRelease, at, Qt::NoButton, modifiers);
}

std::vector<FuzzyTime> allTimes(const Project &project)
{
    std::vector<FuzzyTime> times;
    for (const Event &event : project.events())
        times.push_back(event.when);
    for (const Claim &claim : project.claims())
        times.push_back(claim.madeAt);
    return times;
}

} // namespace

TEST(TimelineEdit, DraggingAnEventMovesItByWholeTicksAsOneUndoStep)
{
    QTemporaryDir dir;
    EditFixture f(editProjectPath(dir));
    const ItemRef strike = find(f.project(), "ev-strike");
    const FuzzyTime before = timeOf(f.project(), strike);
    const std::int64_t step = f.view.tickStep();
    // At this zoom (a day across ~1100 px, labels >= 64 px apart) the axis ticks every 3 h.
    ASSERT_EQ(step, 3 * 3600);
    const double spp = f.view.scale().secondsPerPixel();
    const QPoint from = f.centreOfItem(strike);
    const int ticks = 2;
    // A third of a tick past the second: the shift snaps back to two whole ticks.
    const QPoint to = from + QPoint(int(std::lround((ticks + 0.3) * double(step) / spp)), 0);

    dragTo(f.viewport(), from, to);
    // While dragging: the item is shown at its new place with the new time beside it.
    EXPECT_EQ(f.view.movingItem(), strike);
    const std::optional<FuzzyTime> moving = f.view.movedTime();
    ASSERT_TRUE(moving);
    EXPECT_EQ(moving->start(), before.start() + ticks * step);
    QLabel *readout = f.view.moveReadout();
    ASSERT_NE(readout, nullptr);
    EXPECT_TRUE(readout->isVisible());
    EXPECT_EQ(readout->textFormat(), Qt::PlainText);
    EXPECT_EQ(readout->text(), QStringLiteral("29 Dec 2025, 16:00 UTC"));
    EXPECT_EQ(timeOf(f.project(), strike), before) << "nothing changes before the release";
    EXPECT_EQ(f.undo()->count(), 0);
    f.view.grab().save(QStringLiteral("/tmp/timeline-drag.png"));
    f.view.setPalette(test::darkPalette());
    f.view.grab().save(QStringLiteral("/tmp/timeline-drag-dark.png"));
    f.view.setPalette(QPalette());

    release(f.viewport(), to);
    const FuzzyTime after = timeOf(f.project(), strike);
    EXPECT_EQ(after.start(), utcAt(2025, 12, 29, 16));
    EXPECT_EQ(after.start() - before.start(), ticks * step);
    EXPECT_EQ(after.end() - after.start(), before.end() - before.start());
    EXPECT_EQ(after.startPrecision(), Precision::Minute);
    EXPECT_EQ(after.toEdtf(), "2025-12-29T16:00Z");
    EXPECT_FALSE(readout->isVisible());
    EXPECT_FALSE(f.view.movingItem().isValid());
    ASSERT_EQ(f.undo()->count(), 1);
    EXPECT_TRUE(f.undo()->text(0).startsWith(QStringLiteral("Move ")));

    f.undo()->undo();
    EXPECT_EQ(timeOf(f.project(), strike), before) << "undo restores the exact time";
    f.undo()->redo();
    EXPECT_EQ(timeOf(f.project(), strike), after);

    // The view follows: after the rebuild the mark is drawn two ticks to the right.
    settle();
    EXPECT_NEAR(f.centreOfItem(strike).x(), from.x() + ticks * double(step) / spp, 2);
}

TEST(TimelineEdit, DayPrecisionMovesByWholeDaysAndClaimsMoveToo)
{
    QTemporaryDir dir;
    EditFixture f(editProjectPath(dir));
    const ItemRef talks = find(f.project(), "ev-talks");
    const ItemRef claim = find(f.project(), "claim-a");
    const FuzzyTime talksBefore = timeOf(f.project(), talks);
    const FuzzyTime claimBefore = timeOf(f.project(), claim);

    // Ten days across the plot: ticks of a day or more, and a drag of two ticks moves a day
    // (keeping its "~") by whole days.
    f.view.setVisibleRange(double(utcAt(2025, 12, 24)), double(utcAt(2026, 1, 3)));
    settle();
    const std::int64_t step = f.view.tickStep();
    ASSERT_GE(step, 86400);
    const double spp = f.view.scale().secondsPerPixel();
    QPoint from = f.centreOfItem(talks);
    QPoint to = from + QPoint(int(std::lround(2 * double(step) / spp)), 0);
    dragTo(f.viewport(), from, to);
    release(f.viewport(), to);
    const FuzzyTime talksAfter = timeOf(f.project(), talks);
    EXPECT_EQ(talksAfter.start(), talksBefore.start() + 2 * step);
    EXPECT_EQ(talksAfter.start() % 86400, 0);
    EXPECT_TRUE(talksAfter.isApproximate());
    EXPECT_EQ(talksAfter.startPrecision(), Precision::Day);
    ASSERT_EQ(f.undo()->count(), 1);

    // A claim moves its madeAt, the same way. (Settled first: the rebuild after the edit
    // brings the selected event into view.)
    settle();
    f.view.setVisibleRange(double(utcAt(2025, 12, 29)), double(utcAt(2025, 12, 30)));
    settle();
    const std::int64_t hours = f.view.tickStep();
    from = f.centreOfItem(claim);
    to = from - QPoint(int(std::lround(double(hours) / f.view.scale().secondsPerPixel())), 0);
    dragTo(f.viewport(), from, to);
    release(f.viewport(), to);
    EXPECT_EQ(timeOf(f.project(), claim).start(), claimBefore.start() - hours);
    ASSERT_EQ(f.undo()->count(), 2);
    f.undo()->undo();
    EXPECT_EQ(timeOf(f.project(), claim), claimBefore);
    f.undo()->undo();
    EXPECT_EQ(timeOf(f.project(), talks), talksBefore);
    f.undo()->redo();
    EXPECT_EQ(timeOf(f.project(), talks), talksAfter);
}

TEST(TimelineEdit, ShiftDragDoesNotSnap)
{
    QTemporaryDir dir;
    EditFixture f(editProjectPath(dir));
    const ItemRef strike = find(f.project(), "ev-strike");
    const FuzzyTime before = timeOf(f.project(), strike);
    const std::int64_t step = f.view.tickStep();
    const double spp = f.view.scale().secondsPerPixel();
    const QPoint from = f.centreOfItem(strike);
    // 1.4 ticks: snapping would make it one tick (3 h), without it 4 h 12 min or so.
    const int dx = int(std::lround(1.4 * double(step) / spp));
    const QPoint to = from + QPoint(dx, 0);
    dragTo(f.viewport(), from, to, Qt::ShiftModifier);
    release(f.viewport(), to, Qt::ShiftModifier);
    const std::int64_t delta = timeOf(f.project(), strike).start() - before.start();
    EXPECT_NEAR(double(delta), dx * spp, 60.0) << "the raw shift, to the minute";
    EXPECT_NE(delta % step, 0) << "not a whole number of ticks";
    EXPECT_EQ(delta % 60, 0) << "a minute-precision time stays on the minute";
    ASSERT_EQ(f.undo()->count(), 1);
    f.undo()->undo();
    EXPECT_EQ(timeOf(f.project(), strike), before);
    f.undo()->redo();
    EXPECT_EQ(timeOf(f.project(), strike).start() - before.start(), delta);
}

TEST(TimelineEdit, EscapeCancelsTheMove)
{
    QTemporaryDir dir;
    EditFixture f(editProjectPath(dir));
    const ItemRef strike = find(f.project(), "ev-strike");
    const FuzzyTime before = timeOf(f.project(), strike);
    const QPoint from = f.centreOfItem(strike);
    const QPoint to = from + QPoint(200, 0);
    const double start = f.view.scale().start();
    dragTo(f.viewport(), from, to);
    ASSERT_EQ(f.view.movingItem(), strike);
    QTest::keyClick(&f.view, Qt::Key_Escape);
    EXPECT_FALSE(f.view.movingItem().isValid());
    EXPECT_FALSE(f.view.moveReadout()->isVisible());
    // The rest of the drag does nothing: no move, no pan.
    sendMouse(f.viewport(), QEvent::MouseMove, to + QPoint(40, 0), Qt::LeftButton);
    release(f.viewport(), to + QPoint(40, 0));
    EXPECT_EQ(timeOf(f.project(), strike), before);
    EXPECT_EQ(f.undo()->count(), 0);
    EXPECT_DOUBLE_EQ(f.view.scale().start(), start);
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {strike}) << "the press selected it";
}

TEST(TimelineEdit, ClickSelectsAndDragOnEmptySpaceOrAnOpenSpanPans)
{
    QTemporaryDir dir;
    EditFixture f(editProjectPath(dir));
    const ItemRef strike = find(f.project(), "ev-strike");
    const std::vector<FuzzyTime> times = allTimes(f.project());

    // A press and release with a wobble under the drag distance is a click: it selects.
    const QPoint at = f.centreOfItem(strike);
    const int wobble = std::max(1, QApplication::startDragDistance() / 2 - 1);
    sendMouse(f.viewport(), QEvent::MouseButtonPress, at, Qt::LeftButton);
    sendMouse(f.viewport(), QEvent::MouseMove, at + QPoint(wobble, 0), Qt::LeftButton);
    release(f.viewport(), at + QPoint(wobble, 0));
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {strike});
    EXPECT_EQ(allTimes(f.project()), times);
    EXPECT_EQ(f.undo()->count(), 0);

    // A drag on empty space pans and changes nothing.
    const QPoint empty = emptyPoint(f.view, f.view.frame().plot.toRect().adjusted(100, 0, -300, 0));
    ASSERT_FALSE(empty.isNull());
    const double spp = f.view.scale().secondsPerPixel();
    double start = f.view.scale().start();
    dragTo(f.viewport(), empty, empty + QPoint(120, 0));
    release(f.viewport(), empty + QPoint(120, 0));
    EXPECT_NEAR(f.view.scale().start(), start - 120 * spp, spp * 0.01);
    EXPECT_EQ(allTimes(f.project()), times);
    EXPECT_EQ(f.undo()->count(), 0);

    // An open-ended span cannot move: dragging it pans too.
    const ItemRef truce = find(f.project(), "ev-truce");
    settle();
    const QPoint onTruce = f.centreOfItem(truce);
    ASSERT_FALSE(onTruce.isNull());
    ASSERT_EQ(f.view.itemAt(onTruce), truce);
    // (The press selects it, which may scroll its start into view: measure from there.)
    sendMouse(f.viewport(), QEvent::MouseButtonPress, onTruce, Qt::LeftButton);
    start = f.view.scale().start();
    for (int step = 1; step <= 3; ++step)
        sendMouse(f.viewport(), QEvent::MouseMove, onTruce + QPoint(-30 * step, 0), Qt::LeftButton);
    EXPECT_FALSE(f.view.movingItem().isValid());
    release(f.viewport(), onTruce + QPoint(-90, 0));
    EXPECT_NEAR(f.view.scale().start(), start + 90 * spp, spp * 0.01);
    EXPECT_EQ(allTimes(f.project()), times);
    EXPECT_EQ(f.undo()->count(), 0);
}

TEST(TimelineEdit, AltDragLinksOneClaimToAnother)
{
    QTemporaryDir dir;
    EditFixture f(editProjectPath(dir));
    const ItemRef a = find(f.project(), "claim-a");
    const ItemRef b = find(f.project(), "claim-b");
    const ItemRef strike = find(f.project(), "ev-strike");
    int asked = 0;
    QPoint askedAt;
    f.view.setAskRelationKind([&](const QPoint &globalPos) -> std::optional<RelationKind> {
        ++asked;
        askedAt = globalPos;
        return RelationKind::Disputes;
    });
    const std::size_t relations = f.project().relations().size();
    const QPoint from = f.centreOfItem(a);
    const QPoint to = f.centreOfItem(b);

    // Dropped on nothing, or on an event: nothing is asked or linked.
    const QPoint empty = emptyPoint(f.view, f.view.frame().plot.toRect());
    ASSERT_FALSE(empty.isNull());
    dragTo(f.viewport(), from, empty, Qt::AltModifier);
    release(f.viewport(), empty, Qt::AltModifier);
    dragTo(f.viewport(), f.centreOfItem(a), f.centreOfItem(strike), Qt::AltModifier);
    release(f.viewport(), f.centreOfItem(strike), Qt::AltModifier);
    EXPECT_EQ(asked, 0);
    EXPECT_EQ(f.project().relations().size(), relations);
    EXPECT_EQ(f.undo()->count(), 0);

    const FuzzyTime aTime = timeOf(f.project(), a);
    dragTo(f.viewport(), f.centreOfItem(a), to, Qt::AltModifier);
    f.view.grab().save(QStringLiteral("/tmp/timeline-link.png"));
    release(f.viewport(), to, Qt::AltModifier);
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(askedAt, f.viewport()->mapToGlobal(to));
    ASSERT_EQ(f.project().relations().size(), relations + 1);
    const Relation &made = f.project().relations().back();
    EXPECT_EQ(made.from, a.index) << "the dragged claim answers";
    EXPECT_EQ(made.to, b.index);
    EXPECT_EQ(made.kind, RelationKind::Disputes);
    EXPECT_EQ(timeOf(f.project(), a), aTime) << "an Alt+drag does not move";
    ASSERT_EQ(f.undo()->count(), 1);
    f.undo()->undo();
    EXPECT_EQ(f.project().relations().size(), relations);
    f.undo()->redo();
    ASSERT_EQ(f.project().relations().size(), relations + 1);
    EXPECT_EQ(f.project().relations().back(), made);

    // Dismissing the question links nothing.
    f.view.setAskRelationKind([&](const QPoint &) -> std::optional<RelationKind> {
        ++asked;
        return std::nullopt;
    });
    settle();
    dragTo(f.viewport(), f.centreOfItem(b), f.centreOfItem(a), Qt::AltModifier);
    release(f.viewport(), f.centreOfItem(a), Qt::AltModifier);
    EXPECT_EQ(asked, 2);
    EXPECT_EQ(f.project().relations().size(), relations + 1);
    EXPECT_EQ(f.undo()->count(), 1);
}

TEST(TimelineEdit, DoubleClickInAnEmptyLaneAddsAnEventThere)
{
    QTemporaryDir dir;
    EditFixture f(editProjectPath(dir));
    const std::uint32_t eu = find(f.project(), "eu").index;
    const std::size_t lane = f.view.lanes().laneOfParty(eu);
    const TimelineFrame &frame = f.view.frame();
    const auto box = std::find_if(frame.lanes.begin(), frame.lanes.end(),
                                  [&](const auto &b) { return b.lane == lane; });
    ASSERT_NE(box, frame.lanes.end());
    const QPoint at(int(frame.plot.left() + frame.plot.width() * 0.37),
                    int(boxTop(frame, *box) + box->height / 2));
    ASSERT_TRUE(frame.plot.contains(at));
    ASSERT_FALSE(f.view.itemAt(at).isValid());
    const std::size_t events = f.project().events().size();
    const std::int64_t step = f.view.tickStep();
    ASSERT_LT(step, 86400) << "hours at this zoom: minute precision";
    // The nearest tick (UTC ticks of hours fall on multiples of the step).
    const double t = f.timeAt(at.x());
    const std::int64_t expected = std::llround(t / double(step)) * step;

    QTest::mouseDClick(f.viewport(), Qt::LeftButton, {}, at);
    ASSERT_EQ(f.project().events().size(), events + 1);
    const ItemRef added {ItemKind::Event, std::uint32_t(events)};
    const Event &event = f.project().events().back();
    EXPECT_EQ(event.when, FuzzyTime::fromInstant(expected, Precision::Minute));
    EXPECT_EQ(event.when.startPrecision(), Precision::Minute);
    EXPECT_EQ(f.project().text(event.title), QStringLiteral("New event"));
    EXPECT_FALSE(f.project().text(event.id).isEmpty());
    EXPECT_EQ(event.status, Status::Unverified);
    const auto parties = f.project().indices(event.parties);
    EXPECT_EQ(std::vector<std::uint32_t>(parties.begin(), parties.end()),
              std::vector<std::uint32_t> {eu});
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {added});
    EXPECT_EQ(f.selection.current(), added);
    ASSERT_EQ(f.undo()->count(), 1);
    // The timeline shows it once, on the events lane, near where the user double-clicked.
    settle();
    const TimelineFrame::Mark *mark = markOn(f.view.frame(), added, f.view.lanes().eventsLane());
    ASSERT_NE(mark, nullptr);
    EXPECT_NEAR(mark->rect.center().x(), at.x(), double(step) / f.view.scale().secondsPerPixel());

    f.undo()->undo();
    EXPECT_EQ(f.project().events().size(), events);
    settle();
    EXPECT_EQ(markOn(f.view.frame(), added, lane), nullptr);
    f.undo()->redo();
    ASSERT_EQ(f.project().events().size(), events + 1);
    EXPECT_EQ(f.project().events().back().when,
              FuzzyTime::fromInstant(expected, Precision::Minute));

    // Zoomed out to weeks, a double-click makes a calendar day (the day under the cursor).
    f.view.setVisibleRange(double(utcAt(2025, 12, 1)), double(utcAt(2026, 1, 31)));
    settle();
    ASSERT_GE(f.view.tickStep(), 86400);
    const TimelineFrame &wide = f.view.frame();
    const auto wideBox = std::find_if(wide.lanes.begin(), wide.lanes.end(),
                                      [&](const auto &b) { return b.lane == lane; });
    ASSERT_NE(wideBox, wide.lanes.end());
    const QPoint there(int(wide.plot.left() + wide.plot.width() * 0.61),
                       int(boxTop(wide, *wideBox) + wideBox->height / 2));
    ASSERT_FALSE(f.view.itemAt(there).isValid());
    const QDate day = QDateTime::fromSecsSinceEpoch(std::int64_t(std::floor(f.timeAt(there.x()))),
                                                    QTimeZone::utc())
                          .date();
    QTest::mouseDClick(f.viewport(), Qt::LeftButton, {}, there);
    ASSERT_EQ(f.project().events().size(), events + 2);
    const FuzzyTime when = f.project().events().back().when;
    EXPECT_EQ(when.startPrecision(), Precision::Day);
    EXPECT_EQ(when.start(), test::utcMidnight(day.year(), day.month(), day.day()));
    EXPECT_EQ(f.undo()->count(), 2);
    // Two events of the same title get distinct ids.
    EXPECT_NE(f.project().text(f.project().events().back().id),
              f.project().text(f.project().events()[events].id));
}
