#pragma once

// Shared by the TimelineView tests: a sample loaded into an offscreen view, and the checks
// computed from the project (never from the view's own helpers) that several of them use.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "model/generator.h"
#include "model/project.h"
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

namespace claimline {

// Readable items in failure messages.
inline void PrintTo(const ItemRef &item, std::ostream *os)
{
    *os << nameOf(item.kind) << '#' << (item.isValid() ? std::to_string(item.index) : "none");
}

} // namespace claimline

namespace claimline::test {

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
inline void settle()
{
    QCoreApplication::processEvents();
}

inline ItemRef find(const Project &project, std::string_view id)
{
    const std::optional<ItemRef> item = project.find(id);
    EXPECT_TRUE(item.has_value()) << id;
    return item.value_or(ItemRef {});
}

inline std::uint32_t codeOf(ItemRef item)
{
    return LaneCode::make(item, false);
}

inline const FuzzyTime &timeOf(const Project &project, ItemRef item)
{
    return item.kind == ItemKind::Claim ? project.claims()[item.index].madeAt
                                        : project.events()[item.index].when;
}

inline Status statusOf(const Project &project, ItemRef item)
{
    return item.kind == ItemKind::Claim ? project.claims()[item.index].status
                                        : project.events()[item.index].status;
}

inline QPoint centreOf(const QRectF &rect)
{
    return rect.center().toPoint();
}

// One notch of the wheel (or `delta` eighths of a degree) at a viewport point.
inline void sendWheel(QWidget *viewport, QPoint pos, int delta,
                      Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent wheel(QPointF(pos), QPointF(viewport->mapToGlobal(pos)), QPoint(), QPoint(0, delta),
                      Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport, &wheel);
}

// The viewport y of a lane box's top.
inline double boxTop(const TimelineFrame &frame, const TimelineFrame::LaneBox &box)
{
    return frame.plot.top() + box.top - frame.scrollY;
}

// A point of the plot with nothing drawn within `clearance` pixels: clicking there hits
// empty space. Searched on a grid inside `region`; null when there is none.
inline QPoint emptyPoint(const TimelineView &view, const QRect &region, int clearance = 8)
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
inline const TimelineFrame::Mark *markOn(const TimelineFrame &frame, ItemRef item, std::size_t lane)
{
    for (const TimelineFrame::Mark &mark : frame.marks) {
        if (LaneCode::item(mark.code) == item && frame.lanes[mark.laneBox].lane == lane)
            return &mark;
    }
    return nullptr;
}

// The distinct items drawn as marks.
inline std::set<std::uint32_t> drawnCodes(const TimelineFrame &frame)
{
    std::set<std::uint32_t> codes;
    for (const TimelineFrame::Mark &mark : frame.marks)
        codes.insert(mark.code & ~LaneCode::Rejected);
    return codes;
}

inline std::string describe(const TimelineFrame::Mark &mark)
{
    std::ostringstream s;
    PrintTo(LaneCode::item(mark.code), &s);
    s << " glyph (" << mark.rect.left() << ',' << mark.rect.top() << ") label ("
      << mark.label.left() << ',' << mark.label.top() << ' ' << mark.label.width() << 'x'
      << mark.label.height() << ')';
    return s.str();
}

inline void expectNoProblems(const std::vector<std::string> &problems)
{
    std::string message;
    for (std::size_t i = 0; i < std::min<std::size_t>(problems.size(), 8); ++i)
        message += problems[i] + '\n';
    EXPECT_TRUE(problems.empty()) << problems.size() << " problems, the first:\n" << message;
}

// Labels are pairwise apart, inside their lane box vertically and right of their own glyph.
// Returns the number of labels checked.
inline std::size_t expectLabelsApart(const TimelineView &view)
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
        // Right of its glyph, or left of it where the plot ends.
        if (a.label.left() < a.rect.right() && a.label.right() > a.rect.left())
            problems.push_back(describe(a) + " lies on its own glyph");
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
inline void expectGlyphsClear(const TimelineView &view)
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
inline void atSeveralZooms(TimelineView &view, Check &&check)
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
inline std::vector<ItemRef> timeOrder(const Project &project, const Filter &filter)
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
inline bool mentions(const Project &project, ItemRef item, const QString &needle)
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
inline int pixelsLike(const QImage &image, const QRect &area, QColor colour)
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

} // namespace claimline::test
