#include "timeline/timelinerenderer.h"

#include "common/colors.h"
#include "model/project.h"
#include "text/visibletext.h"
#include "timeline/timelinelabels.h"
#include "timeline/timelinepaint.h"
#include "timeline/timelinepasses.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>

namespace claimline {

using namespace timelinepaint;

namespace {

// The shortest axis step that says no more than a precision: a day for items dated to the day.
std::int64_t stepOf(Precision precision)
{
    switch (precision) {
    case Precision::Year:
        return 31556952;
    case Precision::Month:
        return 2629746;
    case Precision::Day:
        return 86400;
    case Precision::Minute:
    case Precision::Second:
        return 0;
    }
    return 0;
}

} // namespace

QString TimelineFrame::clusterLabel(std::size_t count)
{
    return QStringLiteral("+%1 more").arg(count);
}

const TimelineFrame::Mark *TimelineFrame::markOf(std::uint32_t code) const
{
    const std::uint32_t key = keyOf(code);
    const auto it = std::lower_bound(
        marksByCode.begin(), marksByCode.end(), key,
        [this](std::uint32_t m, std::uint32_t k) { return keyOf(marks[m].code) < k; });
    if (it == marksByCode.end() || keyOf(marks[*it].code) != key)
        return nullptr;
    return &marks[*it];
}

const TimelineFrame::Cluster *TimelineFrame::clusterOf(std::uint32_t code) const
{
    const std::uint32_t key = keyOf(code);
    for (const Cluster &cluster : clusters) {
        for (const std::uint32_t c : codesOf(cluster)) {
            if (keyOf(c) == key)
                return &cluster;
        }
    }
    return nullptr;
}

void TimelineFrame::clear()
{
    lanes.clear();
    marks.clear();
    marksByCode.clear();
    arrows.clear();
    leaders.clear();
    periods.clear();
    periodHeader = QRectF();
    clusters.clear();
    clusterCodes.clear();
    columns.clear();
    columnCount = 0;
    maxColumn = 0;
    contentHeight = 0;
    itemsInView = 0;
    finestStep = 0;
}

QColor TimelineRenderer::partyColor(const Project &project, std::uint32_t party,
                                    const QPalette &palette)
{
    // One rule for every view (common/colors.h). Marks are drawn on the base and the lane
    // stripes on the window colour: on a dark palette the colour must stand out from the
    // lighter of the two.
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    const bool dark = base.lightness() < 128 && window.lightness() < 128;
    const QColor background = dark && window.lightness() > base.lightness() ? window : base;
    return claimline::partyColor(project, party, background, palette.color(QPalette::Text));
}

TimelineMetrics TimelineRenderer::metricsFor(const QFont &font, const Project &project)
{
    TimelineMetrics m;
    const QFontMetricsF fm(font);
    m.rowHeight = std::ceil(fm.height()) + 4 + StripSpace;
    m.axisHeight = std::ceil(fm.height()) * 2 + 14;
    double widest = fm.horizontalAdvance(TimelineLabels::partyName(project, NoIndex));
    for (const Party &party : project.parties())
        widest = std::max(widest, fm.horizontalAdvance(visibleText(project.text(party.name))));
    m.labelWidth = std::clamp(std::ceil(widest) + 40, 120.0, 220.0);
    return m;
}

double TimelineRenderer::floatingShift(const Input &input) const
{
    const double centre = (input.scale.start() + input.scale.end()) / 2;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(std::int64_t(centre), QTimeZone::utc());
    return -double(input.options.zone.offsetFromUtc(at)) / input.scale.secondsPerPixel();
}

void TimelineRenderer::layout(const Input &input)
{
    m_frame.clear();
    m_frame.scrollY = input.scrollY;
    // The periods' titles take rows of their own under the axis: never over a mark.
    const double top = m_metrics.axisHeight + periodHeaderHeight(input);
    m_frame.plot = QRectF(m_metrics.labelWidth, top,
                          std::max(1.0, input.size.width() - m_metrics.labelWidth),
                          std::max(1.0, input.size.height() - top));
    m_frame.columnCount = std::size_t(std::ceil(m_frame.plot.width() / m_metrics.columnWidth));
    m_shift = floatingShift(input);
    layoutPeriods(input);
    m_finest = Precision::Year;
    m_anyDensity = false;
    m_anyItem = false;
    const auto &lanes = input.lanes->lanes();
    const auto shown = [&lanes](std::size_t lane) {
        if (lane >= lanes.size() || lanes[lane].hidden)
            return false;
        // The lane of claims without a party shows only when it has some.
        return lanes[lane].party != NoIndex || lanes[lane].size > 0;
    };
    // What happened first, then who said what: the events lane is always on top.
    double laneTop = 0;
    const std::size_t events = input.lanes->eventsLane();
    if (shown(events)) {
        layoutLane(input, events, laneTop);
        laneTop += m_frame.lanes.back().height;
    }
    for (const std::size_t lane : input.order) {
        if (lane == events || !shown(lane))
            continue;
        layoutLane(input, lane, laneTop);
        laneTop += m_frame.lanes.back().height;
    }
    m_frame.contentHeight = laneTop;
    m_frame.finestStep = m_anyDensity || !m_anyItem ? 0 : stepOf(m_finest);
    m_frame.marksByCode.resize(m_frame.marks.size());
    for (std::uint32_t i = 0; i < m_frame.marks.size(); ++i)
        m_frame.marksByCode[i] = i;
    std::sort(m_frame.marksByCode.begin(), m_frame.marksByCode.end(),
              [this](std::uint32_t a, std::uint32_t b) {
                  return keyOf(m_frame.marks[a].code) < keyOf(m_frame.marks[b].code);
              });
    layoutRelations(input);
}

void TimelineRenderer::layoutLane(const Input &input, std::size_t laneIndex, double top)
{
    const TimelineLanes::Lane &lane = input.lanes->lanes()[laneIndex];
    const TimeScale &scale = input.scale;
    TimelineFrame::LaneBox box;
    box.lane = laneIndex;
    box.top = top;
    box.collapsed = laneIndex < input.collapsed.size() && input.collapsed[laneIndex];

    const std::int64_t from = std::int64_t(std::floor(scale.start())) - ZoneMargin;
    const std::int64_t to = std::int64_t(std::ceil(scale.end())) + ZoneMargin;
    const double width = m_frame.plot.width();
    const std::size_t limit = std::size_t(std::clamp(width / 4.0, 60.0, 600.0));
    // Candidates include items that end before the window (each class looks back by its
    // longest duration): count exactly when that may decide between marks and a band.
    std::size_t candidates = TimelineLanes::countCandidates(lane, from, to);
    if (candidates <= 4 * limit)
        candidates = TimelineLanes::countOverlapping(lane, from, to);
    m_frame.itemsInView += candidates;

    // Items short beside the window (each a moment of it, not its background) are what rows
    // hold: about one label per 100 px of each row. When a lane has more of those than its
    // rows can show, a density band tells more than a wall of "+N more" chips, and costs the
    // same at any size.
    const double rows = input.exporting ? double(PictureMaxRows) : double(m_metrics.maxRows);
    std::size_t moments = 0;
    for (std::size_t c = 0; c < TimelineLanes::ClassCount; ++c) {
        if (double(TimelineLanes::ClassLimits[c]) > double(to - from) / 2)
            break;
        const auto [lo, hi] = TimelineLanes::candidateRange(lane.classes[c], c, from, to);
        moments += hi - lo;
    }
    if (box.collapsed || candidates > limit || double(moments) > rows * width / 100.0) {
        m_anyDensity = m_anyDensity || candidates > 0;
        layoutDensity(input, lane, box);
        return;
    }
    // Individual marks: extent in pixels, then rows so that labels never overlap.
    collectCandidates(input, lane, from, to);
    placeCandidates(input, box);
}

// A crowded or collapsed lane: per-column counts of the items starting there.
void TimelineRenderer::layoutDensity(const Input &input, const TimelineLanes::Lane &lane,
                                     TimelineFrame::LaneBox box)
{
    const TimeScale &scale = input.scale;
    box.density = true;
    box.height
        = box.collapsed ? m_metrics.rowHeight : 2 * m_metrics.rowHeight + 2 * m_metrics.lanePadding;
    box.columnOffset = m_frame.columns.size();
    m_frame.columns.resize(box.columnOffset + m_frame.columnCount, 0);
    const std::span<std::uint32_t> cols(m_frame.columns.data() + box.columnOffset,
                                        m_frame.columnCount);
    TimelineLanes::countStarts(lane, scale.start(),
                               scale.start()
                                   + double(m_frame.columnCount) * m_metrics.columnWidth
                                       * scale.secondsPerPixel(),
                               cols);
    for (const std::uint32_t c : cols)
        m_frame.maxColumn = std::max(m_frame.maxColumn, c);
    m_frame.lanes.push_back(box);
}

// The lane's items in the window as candidates for marks, in the order they get a row.
void TimelineRenderer::collectCandidates(const Input &input, const TimelineLanes::Lane &lane,
                                         std::int64_t from, std::int64_t to)
{
    const Project &project = *input.project;
    const TimeScale &scale = input.scale;
    const double width = m_frame.plot.width();
    m_candidates.clear();
    TimelineLanes::forEachOverlapping(
        lane, from, to, [&](std::int64_t start, std::int64_t end, std::uint32_t code) {
            const FuzzyTime &time = timeOf(project, code);
            const double shiftStart = time.startPrecision() <= Precision::Day ? m_shift : 0.0;
            const double shiftEnd = time.endPrecision() <= Precision::Day ? m_shift : 0.0;
            double x0 = start == FuzzyTime::OpenStart ? -1e6 : scale.x(double(start)) + shiftStart;
            double x1 = end == FuzzyTime::OpenEnd ? width + 1e6 : scale.x(double(end)) + shiftEnd;
            if (x1 < -MarkSize || x0 > width + MarkSize)
                return;
            // The axis may be no finer than the most precise item drawn.
            m_anyItem = true;
            if (!time.isOpenStart())
                m_finest = std::max(m_finest, time.startPrecision());
            if (!time.isOpenEnd())
                m_finest = std::max(m_finest, time.endPrecision());
            Candidate c {};
            c.code = code;
            c.bar = x1 - x0 >= MinBarWidth;
            if (c.bar) {
                // A span: its extent as a strip along the row. Its glyph goes where the span
                // enters view, or further in when that place is taken: an item dated to a day
                // belongs to the whole day, not to its midnight.
                c.x0 = std::max(x0, -2 * MarkSize);
                c.x1 = std::min(x1, width + 2 * MarkSize);
                const double inset = c.x1 - c.x0 >= MarkSize + 4 ? 2.0 : 0.0;
                c.glyph = std::max(c.x0, 0.0) + inset;
                c.glyphMax = std::max(c.glyph, std::min(c.x1, width) - MarkSize - inset);
            } else {
                const double centre = (x0 + x1) / 2;
                c.x0 = centre - MarkSize / 2;
                c.x1 = centre + MarkSize / 2;
                c.glyph = c.x0;
                c.glyphMax = c.x0;
            }
            m_candidates.push_back(c);
        });
    // Items that fit in the window are placed first; spans wider than half the window
    // (background: "2025", "December") take what room is left, so they never crowd out the
    // events of the moment. Among the others, each moment gets its turn: the first item of
    // every moment (the same place in time, such as a day) left to right, then the second of
    // every moment, and so on, so that long labels of a busy day do not take every row from
    // the days after it. The selection plays no part: selecting never moves what is on screen.
    const auto background = [width](const Candidate &c) {
        return c.x1 - c.x0 > width / 2;
    };
    std::sort(m_candidates.begin(), m_candidates.end(),
              [&background](const Candidate &a, const Candidate &b) {
                  const bool ba = background(a);
                  const bool bb = background(b);
                  if (ba != bb)
                      return bb;
                  return a.glyph != b.glyph ? a.glyph < b.glyph : a.code < b.code;
              });
    std::uint32_t turn = 0;
    for (std::size_t i = 0; i < m_candidates.size(); ++i) {
        const bool sameMoment = i > 0 && !background(m_candidates[i])
            && std::abs(m_candidates[i].glyph - m_candidates[i - 1].glyph) < MarkSize / 2;
        turn = sameMoment ? turn + 1 : 0;
        m_candidates[i].turn
            = background(m_candidates[i]) ? std::numeric_limits<std::uint32_t>::max() : turn;
    }
    std::stable_sort(m_candidates.begin(), m_candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.turn < b.turn; });
}

void TimelineRenderer::layoutRelations(const Input &input)
{
    const Project &project = *input.project;
    constexpr std::size_t MaxLinked = 4000;
    if (m_frame.marks.size() > MaxLinked)
        return;
    for (const TimelineFrame::Mark &mark : m_frame.marks) {
        if (!LaneCode::isClaim(mark.code))
            continue;
        const std::uint32_t claim = mark.code & LaneCode::IndexMask;
        if (input.options.showLeaders) {
            const std::uint32_t about = project.claims()[claim].about;
            if (about != NoIndex) {
                // The event may sit on several lanes: lead to the nearest of its marks.
                const std::uint32_t key = LaneCode::make({ItemKind::Event, about}, false);
                const TimelineFrame::Mark *best = nullptr;
                auto it = std::lower_bound(m_frame.marksByCode.begin(), m_frame.marksByCode.end(),
                                           key, [this](std::uint32_t m, std::uint32_t k) {
                                               return keyOf(m_frame.marks[m].code) < k;
                                           });
                for (; it != m_frame.marksByCode.end() && keyOf(m_frame.marks[*it].code) == key;
                     ++it) {
                    const TimelineFrame::Mark &candidate = m_frame.marks[*it];
                    if (!best
                        || std::abs(candidate.anchor.y() - mark.anchor.y())
                            < std::abs(best->anchor.y() - mark.anchor.y()))
                        best = &candidate;
                }
                if (best)
                    m_frame.leaders.push_back(
                        {QLineF(mark.anchor, best->anchor), keyOf(mark.code), key});
            }
        }
        if (!input.options.showRelations)
            continue;
        for (const std::uint32_t r : project.relationsAnswering(claim)) {
            const Relation &relation = project.relations()[r];
            const TimelineFrame::Mark *answer
                = m_frame.markOf(LaneCode::make({ItemKind::Claim, relation.from}, false));
            if (!answer)
                continue;
            const QPointF a = mark.anchor;
            const QPointF b = answer->anchor;
            const double dx = b.x() - a.x();
            const double lift
                = std::clamp(std::abs(dx) / 3 + std::abs(b.y() - a.y()) / 6, 14.0, 70.0);
            QPainterPath path(a);
            path.cubicTo(QPointF(a.x() + dx / 3, a.y() - lift),
                         QPointF(b.x() - dx / 3, b.y() - lift), b);
            m_frame.arrows.push_back({path, r});
        }
    }
}

void TimelineRenderer::paint(QPainter &painter, const Input &input) const
{
    const TimelinePasses passes(painter, input, m_frame, m_metrics);
    painter.save();
    painter.setFont(input.font);
    // Fills and grid lines are axis-aligned: no antialiasing (crisp and several times
    // cheaper). Curves and glyphs turn it on in their passes.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRectF(QPointF(0, 0), input.size), input.palette.color(QPalette::Base));

    // The plot, back to front.
    painter.save();
    painter.setClipRect(m_frame.plot);
    passes.laneBackgrounds();
    passes.periodBands();
    passes.densityBands();
    passes.relations();
    passes.marks();
    passes.labels();
    passes.clusters();
    if (!input.exporting)
        passes.selection();
    painter.restore(); // clip
    painter.setRenderHint(QPainter::Antialiasing, false);

    // Over its edges.
    passes.axis();
    passes.laneLabels();
    passes.periodHeader();
    painter.restore();
}

void TimelineRenderer::paintMoveGhost(QPainter &painter, const Input &input, std::uint32_t code,
                                      double dx) const
{
    const TimelineFrame &f = m_frame;
    const QColor highlight = input.palette.color(QPalette::Highlight);
    const QColor base = input.palette.color(QPalette::Base);
    painter.save();
    painter.setClipRect(f.plot.adjusted(0, -m_metrics.axisHeight, 0, 0));
    painter.setRenderHint(QPainter::Antialiasing, true);
    // The same walk as hover: a frame holds at most a few thousand marks, and an event on
    // several lanes has a mark on each, all of which move.
    bool guide = false;
    for (const TimelineFrame::Mark &mark : f.marks) {
        if (keyOf(mark.code) != keyOf(code))
            continue;
        const QRectF rect = mark.rect.translated(dx, 0);
        if (!guide) {
            // Down from the axis, so the new time can be read against the ticks.
            guide = true;
            painter.setPen(QPen(withAlpha(highlight, 0.8), 1, Qt::DashLine));
            const double x = std::round(rect.center().x()) + 0.5;
            painter.drawLine(QPointF(x, f.plot.top() - m_metrics.axisHeight / 2),
                             QPointF(x, rect.top() - 2));
        }
        if (mark.bar) {
            painter.setPen(QPen(highlight, 1.5, Qt::DashLine));
            painter.setBrush(withAlpha(highlight, 0.18));
            painter.drawRoundedRect(mark.strip.translated(dx, 0), 2, 2);
        }
        // From where it was to where it goes, along the bottom of its row (under the labels).
        if (std::abs(dx) > rect.width()) {
            painter.setPen(QPen(withAlpha(highlight, 0.7), 1.5, Qt::DotLine));
            const double y = rect.bottom() + 4;
            painter.drawLine(QPointF(mark.rect.center().x(), y), QPointF(rect.center().x(), y));
        }
        // Opaque, so it reads over other marks, and a size larger than a mark.
        painter.setPen(QPen(highlight, 2));
        painter.setBrush(timelinepaint::blend(base, highlight, 0.6));
        drawShape(painter, LaneCode::item(mark.code).kind, rect.adjusted(-2, -2, 2, 2));
    }
    painter.restore();
}

void TimelineRenderer::paintLinkBand(QPainter &painter, const Input &input, QPointF from,
                                     QPointF to, std::uint32_t target) const
{
    const QColor highlight = input.palette.color(QPalette::Highlight);
    painter.save();
    painter.setClipRect(m_frame.plot);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(highlight, 2, Qt::DashLine, Qt::RoundCap));
    painter.drawLine(from, to);
    const QLineF line(to, from);
    if (line.length() > 1) {
        // The head points at the claim being answered.
        const double angle = std::atan2(from.y() - to.y(), from.x() - to.x());
        const double size = 9;
        QPolygonF head;
        head << to << to + QPointF(std::cos(angle - 0.45), std::sin(angle - 0.45)) * size
             << to + QPointF(std::cos(angle + 0.45), std::sin(angle + 0.45)) * size;
        painter.setPen(Qt::NoPen);
        painter.setBrush(highlight);
        painter.drawPolygon(head);
    }
    if (const TimelineFrame::Mark *mark = target != NoIndex ? m_frame.markOf(target) : nullptr) {
        painter.setPen(QPen(highlight, 2.5));
        painter.setBrush(Qt::NoBrush);
        drawShape(painter, ItemKind::Claim, mark->rect.adjusted(-5, -5, 5, 5));
    }
    painter.restore();
}

} // namespace claimline
