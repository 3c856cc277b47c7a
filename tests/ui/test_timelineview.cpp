// TimelineView: the sample reads as a picture; zoom, pan, selection, keyboard, filter and
// tooltips behave as a user expects.
//
// Every test drives the offscreen view the way a user would (mouse and key events on the
// view and its viewport) and checks the state that results against values computed here
// from the project, not against the view's own helpers.

#include "document.h"
#include "filter.h"
#include "generator.h"
#include "project.h"
#include "selection.h"
#include "testsupport.h"
#include "timeline/timelineview.h"

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

namespace claimline {

// Readable items in failure messages.
[[maybe_unused]] static void PrintTo(const ItemRef &item, std::ostream *os)
{
    *os << nameOf(item.kind) << '#' << (item.isValid() ? std::to_string(item.index) : "none");
}

} // namespace claimline

namespace {

struct Fixture
{
    Document document;
    Selection selection;
    Filter filter;
    TimelineView view {&document, &selection, &filter};

    explicit Fixture(const QString &path = test::samplePath(), QSize size = {1280, 800})
    {
        EXPECT_TRUE(document.load(path).empty());
        view.resize(size);
        view.show();
    }

    QWidget *viewport() const { return view.viewport(); }
    const Project &project() const { return document.project(); }
    double plotLeft() const { return view.frame().plot.left(); }
    // The time under a viewport x.
    double timeAt(double x) const { return view.scale().time(x - plotLeft()); }
};


// Runs the coalesced lane rebuild (a 0 ms timer).
void settle()
{
    QCoreApplication::processEvents();
}

ItemRef find(const Project &project, std::string_view id)
{
    const std::optional<ItemRef> item = project.find(id);
    EXPECT_TRUE(item.has_value()) << id;
    return item.value_or(ItemRef {});
}

std::uint32_t codeOf(ItemRef item)
{
    return LaneCode::make(item, false);
}

const FuzzyTime &timeOf(const Project &project, ItemRef item)
{
    return item.kind == ItemKind::Claim ? project.claims()[item.index].madeAt
                                        : project.events()[item.index].when;
}

Status statusOf(const Project &project, ItemRef item)
{
    return item.kind == ItemKind::Claim ? project.claims()[item.index].status
                                        : project.events()[item.index].status;
}

QPoint centreOf(const QRectF &rect)
{
    return rect.center().toPoint();
}

// One notch of the wheel (or `delta` eighths of a degree) at a viewport point.
void sendWheel(QWidget *viewport, QPoint pos, int delta, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent wheel(QPointF(pos), QPointF(viewport->mapToGlobal(pos)), QPoint(), QPoint(0, delta),
                      Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport, &wheel);
}

// The viewport y of a lane box's top.
double boxTop(const TimelineFrame &frame, const TimelineFrame::LaneBox &box)
{
    return frame.plot.top() + box.top - frame.scrollY;
}

// A point of the plot with nothing drawn within `clearance` pixels: clicking there hits
// empty space. Searched on a grid inside `region`; null when there is none.
QPoint emptyPoint(const TimelineView &view, const QRect &region, int clearance = 8)
{
    const TimelineFrame &f = view.frame();
    for (int y = region.top(); y <= region.bottom(); y += 3) {
        for (int x = region.left(); x <= region.right(); x += 3) {
            const QPointF p(x, y);
            if (!f.plot.adjusted(clearance, clearance, -clearance, -clearance).contains(p))
                continue;
            const QRectF around(p.x() - clearance, p.y() - clearance, 2 * clearance, 2 * clearance);
            const bool busy = std::any_of(f.marks.begin(), f.marks.end(), [&](const auto &mark) {
                return mark.rect.intersects(around) || mark.strip.intersects(around)
                    || mark.label.intersects(around);
            });
            if (!busy && !view.itemAt(QPoint(x, y)).isValid())
                return {x, y};
        }
    }
    return {};
}

// The mark of an item on a given lane (an event of two parties has a mark on each).
const TimelineFrame::Mark *markOn(const TimelineFrame &frame, ItemRef item, std::size_t lane)
{
    for (const TimelineFrame::Mark &mark : frame.marks) {
        if (LaneCode::item(mark.code) == item && frame.lanes[mark.laneBox].lane == lane)
            return &mark;
    }
    return nullptr;
}

// The distinct items drawn as marks.
std::set<std::uint32_t> drawnCodes(const TimelineFrame &frame)
{
    std::set<std::uint32_t> codes;
    for (const TimelineFrame::Mark &mark : frame.marks)
        codes.insert(mark.code & ~LaneCode::Rejected);
    return codes;
}

std::string describe(const TimelineFrame::Mark &mark)
{
    std::ostringstream s;
    PrintTo(LaneCode::item(mark.code), &s);
    s << " glyph (" << mark.rect.left() << ',' << mark.rect.top() << ") label ("
      << mark.label.left() << ',' << mark.label.top() << ' ' << mark.label.width() << 'x'
      << mark.label.height() << ')';
    return s.str();
}

void expectNoProblems(const std::vector<std::string> &problems)
{
    std::string message;
    for (std::size_t i = 0; i < std::min<std::size_t>(problems.size(), 8); ++i)
        message += problems[i] + '\n';
    EXPECT_TRUE(problems.empty()) << problems.size() << " problems, the first:\n" << message;
}

// Labels are pairwise apart, inside their lane box vertically and right of their own glyph.
// Returns the number of labels checked.
std::size_t expectLabelsApart(const TimelineView &view)
{
    const TimelineFrame &f = view.frame();
    std::vector<std::string> problems;
    std::size_t labelled = 0;
    for (std::size_t i = 0; i < f.marks.size(); ++i) {
        const TimelineFrame::Mark &a = f.marks[i];
        if (a.label.isEmpty())
            continue;
        ++labelled;
        const auto &box = f.lanes[a.laneBox];
        const double top = boxTop(f, box);
        if (a.label.top() < top - 0.01 || a.label.bottom() > top + box.height + 0.01)
            problems.push_back(describe(a) + " leaves its lane box");
        if (a.label.left() < a.rect.right())
            problems.push_back(describe(a) + " starts left of its glyph's right edge");
        for (std::size_t j = i + 1; j < f.marks.size(); ++j) {
            const TimelineFrame::Mark &b = f.marks[j];
            if (!b.label.isEmpty() && a.label.intersects(b.label))
                problems.push_back(describe(a) + " overlaps " + describe(b));
        }
    }
    expectNoProblems(problems);
    return labelled;
}

// Every glyph can be seen: none lies under another mark's label or on another glyph of its
// lane (a glyph under a label is painted over by the text; glyphs on each other hide all but
// the top one, which is then the only one a click can reach).
void expectGlyphsClear(const TimelineView &view)
{
    const TimelineFrame &f = view.frame();
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < f.marks.size(); ++i) {
        const TimelineFrame::Mark &a = f.marks[i];
        for (std::size_t j = 0; j < f.marks.size(); ++j) {
            const TimelineFrame::Mark &b = f.marks[j];
            if (j == i || b.laneBox != a.laneBox)
                continue;
            if (!a.label.isEmpty() && a.label.intersects(b.rect))
                problems.push_back("the label of " + describe(a) + " covers the glyph of "
                                   + describe(b));
            if (j > i && a.rect.intersects(b.rect))
                problems.push_back("the glyph of " + describe(a) + " lies on that of "
                                   + describe(b));
        }
    }
    expectNoProblems(problems);
}

// Runs the check in the initial view, zoomed in twice, out three times, and fitted.
template<typename Check>
void atSeveralZooms(TimelineView &view, Check &&check)
{
    {
        SCOPED_TRACE("initial view");
        check();
    }
    for (int i = 0; i < 2; ++i) {
        view.zoomIn();
        SCOPED_TRACE("zoomed in " + std::to_string(i + 1) + "x");
        check();
    }
    for (int i = 0; i < 3; ++i) {
        view.zoomOut();
        SCOPED_TRACE("then zoomed out " + std::to_string(i + 1) + "x");
        check();
    }
    view.fitAll();
    SCOPED_TRACE("fit all");
    check();
}

// Items in the order Left/Right walk them: start, then events before claims, then index.
std::vector<ItemRef> timeOrder(const Project &project, const Filter &filter)
{
    std::vector<std::tuple<std::int64_t, int, std::uint32_t>> keys;
    for (std::uint32_t i = 0; i < project.events().size(); ++i) {
        if (filter.acceptsEvent(project, i))
            keys.emplace_back(project.events()[i].when.start(), 0, i);
    }
    for (std::uint32_t i = 0; i < project.claims().size(); ++i) {
        if (filter.acceptsClaim(project, i))
            keys.emplace_back(project.claims()[i].madeAt.start(), 1, i);
    }
    std::sort(keys.begin(), keys.end());
    std::vector<ItemRef> order;
    for (const auto &[start, kind, index] : keys)
        order.push_back({kind == 0 ? ItemKind::Event : ItemKind::Claim, index});
    return order;
}

// Does the item's text contain the needle (the fields a text query searches)?
bool mentions(const Project &project, ItemRef item, const QString &needle)
{
    QStringList texts;
    if (item.kind == ItemKind::Event) {
        const Event &event = project.events()[item.index];
        texts << project.text(event.title) << project.text(event.summary)
              << project.text(event.locationName);
    } else {
        const Claim &claim = project.claims()[item.index];
        texts << project.text(claim.statement) << project.text(claim.quote);
        if (claim.claimant.isValid())
            texts << (claim.claimant.isParty
                          ? project.text(project.parties()[claim.claimant.index].name)
                          : project.text(project.actors()[claim.claimant.index].name));
    }
    return std::any_of(texts.begin(), texts.end(),
                       [&](const QString &t) { return t.contains(needle, Qt::CaseInsensitive); });
}

// Pixels of (nearly) the given colour inside a rectangle of an image.
int pixelsLike(const QImage &image, const QRect &area, QColor colour)
{
    int count = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) < 40 && std::abs(c.green() - colour.green()) < 40
                && std::abs(c.blue() - colour.blue()) < 40)
                ++count;
        }
    }
    return count;
}

const char *const HtmlProject = R"({"format": "claimline", "version": 1,
  "parties": [{"id": "p", "name": "<b>Party</b>"}],
  "events": [{"id": "e", "title": "<img src=x> <b>bold</b>", "when": "2025-12-29", "parties": ["p"]}]})";

} // namespace

TEST(TimelineView, SampleLooksRight)
{
    Fixture f;
    f.view.grab().save(QDir::tempPath() + QStringLiteral("/claimline-timeline.png"));
    f.view.setPalette(test::darkPalette());
    f.view.grab().save(QDir::tempPath() + QStringLiteral("/claimline-timeline-dark.png"));
    EXPECT_GT(f.view.frame().marks.size(), 20u);
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
    const ItemRef kallas = find(f.project(), "ev-kallas-rejection");
    const ItemRef modi = find(f.project(), "ev-modi-reaction");
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

    // No claim for Russia is drawn; an event of Russia and Ukraine stays, on Ukraine's lane.
    for (const TimelineFrame::Mark &mark : f.view.frame().marks) {
        const ItemRef item = LaneCode::item(mark.code);
        if (item.kind == ItemKind::Claim) {
            EXPECT_NE(project.partyOfClaim(item.index), russia);
        }
    }
    const TimelineFrame::Mark *drones
        = f.view.frame().markOf(codeOf(find(project, "ev-residence-drones")));
    ASSERT_NE(drones, nullptr) << "an event of two parties stays when one is hidden";
    EXPECT_EQ(f.view.frame().lanes[drones->laneBox].lane,
              f.view.lanes().laneOfParty(find(project, "ukraine").index));

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

    // The lane label's tooltip names the party as written too.
    const auto &box = f.view.frame().lanes.front();
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
    ASSERT_GE(frame.lanes.size(), 4u);
    const std::vector<std::size_t> order = f.view.laneOrder();
    const std::size_t first = frame.lanes[0].lane;
    const std::size_t third = frame.lanes[2].lane;
    const auto labelPoint = [&](std::size_t box) {
        const TimelineFrame &now = f.view.frame();
        return QPoint(int(now.plot.left()) - 40,
                      int(boxTop(now, now.lanes[box]) + now.lanes[box].height / 2));
    };

    // Down: the first lane dropped on the third takes the third's place.
    const QPoint press = labelPoint(0);
    const QPoint drop = labelPoint(2);
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
    EXPECT_EQ(f.view.frame().lanes[2].lane, first) << "drawn where it was dropped";
    EXPECT_EQ(f.view.frame().lanes[0].lane, order[1]);
    EXPECT_FALSE(f.view.isLaneCollapsed(first)) << "a drag is not a triangle click";

    // Up: drop it back on the first lane.
    const QPoint press2 = labelPoint(2);
    const QPoint drop2 = labelPoint(0);
    QTest::mousePress(f.viewport(), Qt::LeftButton, {}, press2);
    QTest::mouseMove(f.viewport(), drop2);
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, {}, drop2);
    EXPECT_EQ(f.view.laneOrder(), order);

    // A short click on a label (not the triangle) changes nothing.
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, labelPoint(1));
    EXPECT_EQ(f.view.laneOrder(), order);
    EXPECT_FALSE(f.view.isLaneCollapsed(f.view.frame().lanes[1].lane));
}

TEST(TimelineView, SetLaneOrderPutsMissingLanesBelowInTheirOrder)
{
    Fixture f;
    const std::size_t count = f.view.laneOrder().size();
    ASSERT_GE(count, 4u);
    // A saved order naming two lanes (and a lane that no longer exists, and one twice).
    f.view.setLaneOrder({3, 1, count + 5, 3});
    std::vector<std::size_t> expected {3, 1};
    for (std::size_t lane = 0; lane < count; ++lane) {
        if (lane != 3 && lane != 1)
            expected.push_back(lane);
    }
    EXPECT_EQ(f.view.laneOrder(), expected);
    EXPECT_EQ(f.view.frame().lanes[0].lane, 3u) << "drawn in the new order";
    // The lanes not named keep the order they had, not the file's.
    f.view.moveLane(0, count - 1);
    const std::vector<std::size_t> before = f.view.laneOrder();
    f.view.setLaneOrder({2});
    std::vector<std::size_t> expected2 {2};
    for (const std::size_t lane : before) {
        if (lane != 2)
            expected2.push_back(lane);
    }
    EXPECT_EQ(f.view.laneOrder(), expected2);
    f.view.setLaneOrder({});
    EXPECT_EQ(f.view.laneOrder(), expected2);
}

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
        // And on a lane of its own party.
        std::vector<std::size_t> lanes;
        f.view.lanes().lanesOf(project, item, lanes);
        EXPECT_NE(std::find(lanes.begin(), lanes.end(), hour.lanes[mark.laneBox].lane),
                  lanes.end());
    }
    // Every event of the window on a lane drawn item by item has its mark there, or is
    // counted in one of the lane's "+N" badges (no free row at this zoom).
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
    for (const std::uint32_t e : project.eventsInRange(std::int64_t(from), std::int64_t(to))) {
        std::vector<std::size_t> lanes;
        f.view.lanes().lanesOf(project, {ItemKind::Event, e}, lanes);
        for (const std::size_t lane : lanes) {
            if (!individualLanes.count(lane))
                continue;
            ++expectedMarks;
            if (!drawn.count({codeOf({ItemKind::Event, e}), lane}))
                ++missing[lane];
        }
    }
    EXPECT_GT(expectedMarks, 0u);
    for (const auto &[lane, count] : missing) {
        std::size_t badged = 0;
        for (const TimelineFrame::Badge &badge : hour.badges)
            badged += hour.lanes[badge.laneBox].lane == lane ? badge.count : 0;
        EXPECT_LE(count, badged) << count << " events of the window are neither drawn nor "
                                 << "counted in a badge on lane " << lane;
    }
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
    const std::size_t us = f.view.lanes().laneOfParty(find(project, "united-states").index);
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
    const ItemRef call = find(f.project(), "ev-kallas-rejection");
    const std::size_t eu = f.view.lanes().laneOfParty(find(f.project(), "european-union").index);
    const TimelineFrame::Mark *mark = markOn(f.view.frame(), call, eu); // a lane of three items
    ASSERT_NE(mark, nullptr);
    const QPoint at = centreOf(mark->rect);
    const double span = f.view.scale().span();
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(f.viewport(), Qt::LeftButton, {}, at);
    EXPECT_EQ(f.selection.current(), call);
    EXPECT_LT(f.view.scale().span(), span / 10);
    const FuzzyTime &when = f.project().events()[call.index].when;
    EXPECT_LE(f.view.scale().start(), double(when.start()));
    EXPECT_GE(f.view.scale().end(), double(when.end()));
}

// --- editing by mouse: move in time, link, add ---------------------------------------------

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
        sendMouse(f.viewport(), QEvent::MouseMove, onTruce + QPoint(-30 * step, 0),
                  Qt::LeftButton);
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
    // The timeline shows it on the EU lane, near where the user double-clicked.
    settle();
    const TimelineFrame::Mark *mark = markOn(f.view.frame(), added, lane);
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
