#include "timeline/timelinerenderer.h"

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

constexpr double StripHeight = 4.0;
constexpr double StripSpace = 6.0; // below the text line of a row, for span strips
constexpr double MinBarWidth = 8.0;
constexpr double LabelGap = 4.0;
constexpr double RowGap = 8.0;
constexpr double BadgeSpan = 24.0; // items closer than this share a "+N" badge
// Calendar days are drawn in the display zone: look this far either side of the window so
// that a shifted day is not missed.
constexpr std::int64_t ZoneMargin = std::int64_t(15) * 3600;

// Okabe–Ito: distinguishable for colour-blind readers; for parties without a colour.
constexpr std::array<QRgb, 8> Fallback {0xE69F00, 0x56B4E9, 0x009E73, 0xD55E00,
                                        0x0072B2, 0xCC79A7, 0xF0E442, 0x999999};

} // namespace

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

QRectF TimelineFrame::badgeRect(const Badge &badge, const QFontMetricsF &fm) const
{
    const double w = fm.horizontalAdvance(QStringLiteral("+%1").arg(badge.count)) + 12;
    const double h = fm.height() + 2;
    return {badge.x - w / 2, badge.y + 2, w, h};
}

void TimelineFrame::clear()
{
    lanes.clear();
    marks.clear();
    marksByCode.clear();
    arrows.clear();
    leaders.clear();
    badges.clear();
    columns.clear();
    columnCount = 0;
    maxColumn = 0;
    contentHeight = 0;
    itemsInView = 0;
}

QColor TimelineRenderer::partyColor(const Project &project, std::uint32_t party,
                                    const QPalette &palette)
{
    QColor color = QColor::fromRgb(Fallback[Fallback.size() - 1]);
    if (party < project.parties().size()) {
        const Party &p = project.parties()[party];
        color = p.hasColor ? QColor::fromRgb(QRgb(p.color)) : QColor::fromRgb(Fallback[party % 7]);
    }
    // Keep marks visible on the background: black on a dark theme becomes light grey, white
    // on a light theme dark grey.
    const QColor base = palette.color(QPalette::Base);
    const double contrast = std::abs(luminance(color) - luminance(base));
    if (contrast < 0.22)
        color = luminance(base) < 0.5 ? blend(color, Qt::white, 0.6) : blend(color, Qt::black, 0.5);
    return color;
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
    m_frame.plot = QRectF(m_metrics.labelWidth, m_metrics.axisHeight,
                          std::max(1.0, input.size.width() - m_metrics.labelWidth),
                          std::max(1.0, input.size.height() - m_metrics.axisHeight));
    m_frame.columnCount = std::size_t(std::ceil(m_frame.plot.width() / m_metrics.columnWidth));
    m_shift = floatingShift(input);
    double top = 0;
    for (const std::size_t lane : input.order) {
        if (lane >= input.lanes->lanes().size() || input.lanes->lanes()[lane].hidden)
            continue;
        // The lane of items without a party shows only when it has some.
        if (input.lanes->lanes()[lane].party == NoIndex && input.lanes->lanes()[lane].size == 0)
            continue;
        layoutLane(input, lane, top);
        top += m_frame.lanes.back().height;
    }
    m_frame.contentHeight = top;
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

    if (box.collapsed || candidates > limit) {
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
            Candidate c {};
            c.code = code;
            c.bar = x1 - x0 >= MinBarWidth;
            if (c.bar) {
                // A span: its extent as a strip along the row, the glyph where it enters view.
                c.x0 = std::max(x0, -2 * MarkSize);
                c.x1 = std::min(x1, width + 2 * MarkSize);
                c.glyph = std::max(c.x0, 0.0);
            } else {
                const double centre = (x0 + x1) / 2;
                c.x0 = centre - MarkSize / 2;
                c.x1 = centre + MarkSize / 2;
                c.glyph = c.x0;
            }
            m_candidates.push_back(c);
        });
    // Items that fit in the window are placed first, left to right; spans wider than half the
    // window (background: "2025", "December") take what room is left, so they never crowd
    // out the events of the moment. Selected items go first of all: what the user picked is
    // always drawn.
    const auto rank = [&](const Candidate &c) {
        if (std::binary_search(input.selected.begin(), input.selected.end(), keyOf(c.code)))
            return 0;
        return c.x1 - c.x0 > width / 2 ? 2 : 1;
    };
    std::sort(m_candidates.begin(), m_candidates.end(),
              [&rank](const Candidate &a, const Candidate &b) {
                  const int ra = rank(a);
                  const int rb = rank(b);
                  if (ra != rb)
                      return ra < rb;
                  return a.glyph != b.glyph ? a.glyph < b.glyph : a.code < b.code;
              });
}

// Gives each candidate the first row where it and its label fit, or counts it in a badge.
void TimelineRenderer::placeCandidates(const Input &input, TimelineFrame::LaneBox box)
{
    const Project &project = *input.project;
    const QFontMetricsF fm(input.font);
    const double top = box.top;
    // What each row holds so far, as [left, right) extents in placement order.
    m_rowSpans.resize(std::size_t(m_metrics.maxRows));
    for (auto &spans : m_rowSpans)
        spans.clear();
    const auto fits = [this](int row, double l, double r) {
        for (const auto &[a, b] : m_rowSpans[std::size_t(row)]) {
            if (l < b + RowGap && a < r + RowGap)
                return false;
        }
        return true;
    };
    int rowsUsed = 1;
    const std::size_t firstBadge = m_frame.badges.size();
    for (const Candidate &c : m_candidates) {
        const double left = std::min(c.x0, c.glyph);
        const double labelStart = c.glyph + MarkSize + LabelGap;
        // The first row with room for the item and its label. Text shaping is the costly part
        // of a crowded frame, so the label is measured once, and only for items that may fit.
        int row = -1;
        double textWidth = 0;
        for (int r = 0; r < m_metrics.maxRows && row < 0; ++r) {
            if (!fits(r, left, std::max(c.x1, labelStart)))
                continue;
            if (textWidth == 0)
                textWidth = std::min(m_metrics.maxLabelWidth,
                                     fm.horizontalAdvance(labelText(project, c.code)));
            if (fits(r, left, std::max(c.x1, labelStart + textWidth)))
                row = r;
        }
        if (row < 0) {
            // Every row is taken here: rather than pile marks on each other, count the item
            // in a "+N" badge under the lane (hover tells, double-click zooms in).
            const double x = m_frame.plot.left() + c.glyph + MarkSize / 2;
            auto badge = std::find_if(
                m_frame.badges.begin() + std::ptrdiff_t(firstBadge), m_frame.badges.end(),
                [x](const TimelineFrame::Badge &b) { return std::abs(b.x - x) < BadgeSpan; });
            if (badge == m_frame.badges.end()) {
                m_frame.badges.push_back({x, 0, std::uint32_t(m_frame.lanes.size())});
                badge = m_frame.badges.end() - 1;
            }
            ++badge->count;
            continue;
        }
        const double labelEnd = labelStart + textWidth;
        m_rowSpans[std::size_t(row)].emplace_back(left, std::max(c.x1, labelEnd));
        rowsUsed = std::max(rowsUsed, row + 1);

        TimelineFrame::Mark mark;
        const double rowTop = m_frame.plot.top() + top - input.scrollY + m_metrics.lanePadding
            + row * m_metrics.rowHeight;
        const double textHeight = m_metrics.rowHeight - StripSpace;
        const double cy = rowTop + textHeight / 2;
        const double plotLeft = m_frame.plot.left();
        mark.rect = QRectF(plotLeft + c.glyph, cy - MarkSize / 2, MarkSize, MarkSize);
        if (c.bar)
            mark.strip = QRectF(plotLeft + c.x0, rowTop + textHeight + 1, c.x1 - c.x0, StripHeight);
        mark.bar = c.bar;
        mark.code = c.code;
        mark.laneBox = std::uint32_t(m_frame.lanes.size());
        mark.anchor = mark.rect.center();
        mark.label = QRectF(plotLeft + labelStart, rowTop, textWidth, textHeight);
        m_frame.marks.push_back(mark);
    }
    // Badges get a row of their own under the marks.
    if (m_frame.badges.size() > firstBadge) {
        const double badgeTop = m_frame.plot.top() + top - input.scrollY + m_metrics.lanePadding
            + rowsUsed * m_metrics.rowHeight;
        for (std::size_t i = firstBadge; i < m_frame.badges.size(); ++i)
            m_frame.badges[i].y = badgeTop;
        ++rowsUsed;
    }
    box.rows = rowsUsed;
    box.height = 2 * m_metrics.lanePadding + rowsUsed * m_metrics.rowHeight;
    m_frame.lanes.push_back(box);
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
                    m_frame.leaders.emplace_back(mark.anchor, best->anchor);
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
    passes.densityBands();
    passes.relations();
    passes.marks();
    passes.labels();
    passes.badges();
    if (!input.exporting)
        passes.selection();
    painter.restore(); // clip
    painter.setRenderHint(QPainter::Antialiasing, false);

    // Over its edges.
    passes.axis();
    passes.laneLabels();
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
        painter.setBrush(blend(base, highlight, 0.6));
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
