#include "timeline/timelinepasses.h"

#include "model/project.h"
#include "timeline/timelinelabels.h"
#include "timeline/timelinepaint.h"

#include <QDateTime>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace claimline {

using namespace timelinepaint;

TimelinePasses::TimelinePasses(QPainter &painter, const TimelineRenderer::Input &input,
                               const TimelineFrame &frame, const TimelineMetrics &metrics)
    : m_painter(painter)
    , m_input(input)
    , m_frame(frame)
    , m_metrics(metrics)
    , m_project(*input.project)
    , m_base(input.palette.color(QPalette::Base))
    , m_text(input.palette.color(QPalette::Text))
    , m_window(input.palette.color(QPalette::Window))
    , m_windowText(input.palette.color(QPalette::WindowText))
    , m_highlight(input.palette.color(QPalette::Highlight))
    , m_dark(luminance(m_base) < 0.5)
    , m_fm(input.font)
    , m_ticks(axisTicks(input.scale, input.options.zone, metrics.tickSpacing, frame.finestStep))
    , m_left(frame.plot.left())
{ }

void TimelinePasses::laneBackgrounds() const
{
    const QColor stripe = blend(m_base, m_text, m_dark ? 0.05 : 0.035);
    for (std::size_t i = 0; i < m_frame.lanes.size(); ++i) {
        const auto &box = m_frame.lanes[i];
        const double y = m_frame.plot.top() + box.top - m_frame.scrollY;
        if (i % 2 == 1)
            m_painter.fillRect(QRectF(m_left, y, m_frame.plot.width(), box.height), stripe);
    }
    if (m_input.options.shadeOffHours) {
        const QColor shade = withAlpha(m_text, m_dark ? 0.07 : 0.05);
        const double daySeconds = 86400;
        if (m_ticks.subDay && m_ticks.minorStep <= std::int64_t(3) * 3600) {
            // Nights, 18:00 to 06:00 local, around each local midnight.
            for (const AxisTick &midnight : m_ticks.major)
                m_painter.fillRect(QRectF(xOf(double(midnight.time) - 6 * 3600), m_frame.plot.top(),
                                          12 * 3600 / m_input.scale.secondsPerPixel(),
                                          m_frame.plot.height()),
                                   shade);
            if (!m_ticks.major.empty()) {
                const double next = double(m_ticks.major.back().time) + daySeconds;
                m_painter.fillRect(QRectF(xOf(next - 6 * 3600), m_frame.plot.top(),
                                          12 * 3600 / m_input.scale.secondsPerPixel(),
                                          m_frame.plot.height()),
                                   shade);
                const double prev = double(m_ticks.major.front().time) - daySeconds;
                m_painter.fillRect(QRectF(xOf(prev - 6 * 3600), m_frame.plot.top(),
                                          12 * 3600 / m_input.scale.secondsPerPixel(),
                                          m_frame.plot.height()),
                                   shade);
            }
        } else if (m_input.scale.span() <= 120 * daySeconds) {
            // Weekends, at day zoom.
            QDate day = QDateTime::fromSecsSinceEpoch(std::int64_t(m_input.scale.start()),
                                                      m_input.options.zone)
                            .date();
            for (int i = 0; i < 125; ++i, day = day.addDays(1)) {
                const QDateTime start(day, QTime(0, 0), m_input.options.zone);
                if (double(start.toSecsSinceEpoch()) > m_input.scale.end())
                    break;
                if (day.dayOfWeek() < 6)
                    continue;
                const double x0 = xOf(double(start.toSecsSinceEpoch()));
                const double x1
                    = xOf(double(QDateTime(day.addDays(1), QTime(0, 0), m_input.options.zone)
                                     .toSecsSinceEpoch()));
                m_painter.fillRect(QRectF(x0, m_frame.plot.top(), x1 - x0, m_frame.plot.height()),
                                   shade);
            }
        }
    }
    const QColor minorGrid = withAlpha(m_text, m_dark ? 0.10 : 0.08);
    const QColor majorGrid = withAlpha(m_text, m_dark ? 0.28 : 0.22);
    for (const AxisTick &tick : m_ticks.minor) {
        const double x = std::round(xOf(double(tick.time))) + 0.5;
        m_painter.setPen(QPen(minorGrid, 1));
        m_painter.drawLine(QPointF(x, m_frame.plot.top()), QPointF(x, m_frame.plot.bottom()));
    }
    for (const AxisTick &tick : m_ticks.major) {
        const double x = std::round(xOf(double(tick.time))) + 0.5;
        m_painter.setPen(QPen(majorGrid, 1));
        m_painter.drawLine(QPointF(x, m_frame.plot.top()), QPointF(x, m_frame.plot.bottom()));
    }
    // Lane separators.
    m_painter.setPen(QPen(withAlpha(m_text, 0.12), 1));
    for (const auto &box : m_frame.lanes) {
        const double y
            = std::round(m_frame.plot.top() + box.top + box.height - m_frame.scrollY) - 0.5;
        m_painter.drawLine(QPointF(m_left, y), QPointF(m_frame.plot.right(), y));
    }
}

// A crowded lane: items per column, on a log scale so that one item still shows beside a
// thousand.
void TimelinePasses::densityBands() const
{
    const double logMax = std::log1p(double(std::max<std::uint32_t>(m_frame.maxColumn, 1)));
    for (const auto &box : m_frame.lanes) {
        if (!box.density)
            continue;
        const double y = m_frame.plot.top() + box.top - m_frame.scrollY;
        if (y > m_frame.plot.bottom() || y + box.height < m_frame.plot.top())
            continue;
        const std::uint32_t party = m_input.lanes->lanes()[box.lane].party;
        const QColor color = TimelineRenderer::partyColor(m_project, party, m_input.palette);
        const double pad = box.collapsed ? 3 : m_metrics.lanePadding;
        const double bottom = y + box.height - pad;
        const double maxHeight = box.height - 2 * pad;
        // Runs of equal height are one rectangle.
        const QColor fill = withAlpha(color, 0.55);
        std::size_t c = 0;
        while (c < m_frame.columnCount) {
            const std::uint32_t count = m_frame.columns[box.columnOffset + c];
            const int h = count
                ? int(std::lround(std::max(1.5, std::log1p(double(count)) / logMax * maxHeight)))
                : 0;
            std::size_t end = c + 1;
            while (end < m_frame.columnCount) {
                const std::uint32_t next = m_frame.columns[box.columnOffset + end];
                const int nh = next
                    ? int(std::lround(std::max(1.5, std::log1p(double(next)) / logMax * maxHeight)))
                    : 0;
                if (nh != h)
                    break;
                ++end;
            }
            if (h > 0) {
                const double x = m_left + double(c) * m_metrics.columnWidth;
                m_painter.fillRect(
                    QRectF(x, bottom - h, double(end - c) * m_metrics.columnWidth, h), fill);
            }
            c = end;
        }
    }
}

// Leaders and relation arrows, under the marks.
void TimelinePasses::relations() const
{
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    if (!m_input.exporting) {
        m_painter.setPen(QPen(withAlpha(m_text, m_dark ? 0.55 : 0.45), 1, Qt::DotLine));
        const auto lit = [this](std::uint32_t key) {
            return key == m_input.hover
                || std::binary_search(m_input.selected.begin(), m_input.selected.end(), key);
        };
        for (const TimelineFrame::Leader &leader : m_frame.leaders) {
            if (lit(leader.claim) || lit(leader.event))
                m_painter.drawLine(leader.line);
        }
    }
    // With a selection, its own arrows stand out and the others step back.
    const bool anySelected = !m_input.selected.empty() && !m_input.exporting;
    constexpr std::size_t MaxArrows = 150;
    const bool crowded = m_frame.arrows.size() > MaxArrows;
    for (const TimelineFrame::Arrow &arrow : m_frame.arrows) {
        const Relation &relation = m_project.relations()[arrow.relation];
        QPen pen = relationPen(relation.kind, m_dark);
        const bool lit = std::binary_search(m_input.selected.begin(), m_input.selected.end(),
                                            LaneCode::make({ItemKind::Claim, relation.from}, false))
            || std::binary_search(m_input.selected.begin(), m_input.selected.end(),
                                  LaneCode::make({ItemKind::Claim, relation.to}, false));
        // Hundreds of curves say nothing a reader can follow and cost a frame: then only
        // the selection's own are drawn.
        if (!lit && crowded)
            continue;
        if (lit)
            pen.setWidthF(pen.widthF() + 1.5);
        else if (anySelected)
            pen.setColor(withAlpha(pen.color(), 0.22));
        m_painter.setPen(pen);
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawPath(arrow.path);
        // Head at the answering claim, along the curve's last tangent.
        const QPointF tip = arrow.path.pointAtPercent(1.0);
        const QPointF back = arrow.path.pointAtPercent(0.9);
        const double angle = std::atan2(tip.y() - back.y(), tip.x() - back.x());
        const double size = 7;
        const QPointF t = tip - QPointF(std::cos(angle), std::sin(angle)) * (MarkSize / 2);
        QPolygonF head;
        head << t << t - QPointF(std::cos(angle - 0.45), std::sin(angle - 0.45)) * size
             << t - QPointF(std::cos(angle + 0.45), std::sin(angle + 0.45)) * size;
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(pen.color());
        if (relation.kind == RelationKind::Corroborates)
            m_painter.drawEllipse(t, 3.0, 3.0); // support ends in a dot, counters in a head
        else
            m_painter.drawPolygon(head);
    }
}

void TimelinePasses::marks() const
{
    // An event is drawn once, in ink; its parties are the colour chips beside it.
    const QColor eventColor = blend(m_base, m_text, 0.7);
    for (const TimelineFrame::Mark &mark : m_frame.marks) {
        if (mark.rect.bottom() < m_frame.plot.top() || mark.rect.top() > m_frame.plot.bottom())
            continue;
        const auto &box = m_frame.lanes[mark.laneBox];
        const ItemRef item = LaneCode::item(mark.code);
        const QColor color = item.kind == ItemKind::Event
            ? eventColor
            : TimelineRenderer::partyColor(m_project, m_input.lanes->lanes()[box.lane].party,
                                           m_input.palette);
        m_painter.setOpacity(LaneCode::isRejected(mark.code) ? 0.25 : 1.0);
        const Status status = statusOf(m_project, mark.code);
        if (mark.bar)
            paintBar(m_painter, timeOf(m_project, mark.code), mark.strip, color, m_base,
                     m_input.scale.secondsPerPixel(), m_frame.plot);
        paintGlyph(m_painter, item.kind, status, mark.rect, color, m_base, m_text);
        if (!mark.chips.isEmpty())
            partyChips(item.index, mark.chips);
    }
    m_painter.setOpacity(1.0);
}

void TimelinePasses::partyChips(std::uint32_t event, const QRectF &area) const
{
    const double size = area.height();
    double x = area.left();
    m_painter.setPen(QPen(withAlpha(m_text, 0.35), 0.5));
    for (const std::uint32_t party : m_project.indices(m_project.events()[event].parties)) {
        if (x + size > area.right() + 0.5)
            break;
        m_painter.setBrush(TimelineRenderer::partyColor(m_project, party, m_input.palette));
        m_painter.drawRect(QRectF(x, area.top(), size, size));
        x += size + 2;
    }
}

void TimelinePasses::labels() const
{
    // A halo of the background behind each label: arrows and leaders pass under the text.
    const QColor halo = withAlpha(m_base, 0.82);
    for (const TimelineFrame::Mark &mark : m_frame.marks) {
        if (mark.label.isEmpty() || mark.label.bottom() < m_frame.plot.top()
            || mark.label.top() > m_frame.plot.bottom())
            continue;
        m_painter.setOpacity(LaneCode::isRejected(mark.code) ? 0.35 : 1.0);
        if (mark.wrapped) {
            const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
            const QRectF used = m_painter.boundingRect(mark.label, flags, mark.text);
            m_painter.fillRect(used.adjusted(-1, 0, 1, 0), halo);
            m_painter.setPen(m_text);
            m_painter.drawText(mark.label, flags, mark.text);
            continue;
        }
        // The layout shaped and elided the text already: the label's width is the text's.
        const double h = m_fm.height();
        m_painter.fillRect(QRectF(mark.label.left() - 1, mark.label.center().y() - h / 2,
                                  mark.label.width() + 2, h),
                           halo);
        m_painter.setPen(m_text);
        m_painter.drawText(mark.label.adjusted(0, 0, 2, 0),
                           Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, mark.text);
    }
    m_painter.setOpacity(1.0);
}

// "+3 more" chips for items without a row.
void TimelinePasses::clusters() const
{
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    for (const TimelineFrame::Cluster &cluster : m_frame.clusters) {
        const QRectF r = cluster.rect;
        if (r.bottom() < m_frame.plot.top() || r.top() > m_frame.plot.bottom())
            continue;
        m_painter.setPen(QPen(withAlpha(m_text, 0.45), 1));
        m_painter.setBrush(blend(m_base, m_text, 0.08));
        m_painter.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        m_painter.setPen(m_text);
        m_painter.drawText(r, Qt::AlignCenter, TimelineFrame::clusterLabel(cluster.count));
    }
}

// Selection, links and hover.
void TimelinePasses::selection() const
{
    m_painter.setBrush(Qt::NoBrush);
    for (const TimelineFrame::Mark &mark : m_frame.marks) {
        const std::uint32_t key = keyOf(mark.code);
        const bool selected
            = std::binary_search(m_input.selected.begin(), m_input.selected.end(), key);
        const bool linked
            = !selected && std::binary_search(m_input.linked.begin(), m_input.linked.end(), key);
        const bool hovered = key == m_input.hover;
        if (!selected && !linked && !hovered)
            continue;
        const QRectF ring = mark.rect.adjusted(-3.5, -3.5, 3.5, 3.5);
        if (selected)
            m_painter.setPen(QPen(m_highlight, 2.5));
        else if (linked)
            m_painter.setPen(QPen(m_highlight, 1.5, Qt::DashLine));
        else
            m_painter.setPen(QPen(withAlpha(m_text, 0.6), 1));
        drawShape(m_painter, LaneCode::item(mark.code).kind, ring);
        if (mark.bar && selected)
            m_painter.drawRoundedRect(mark.strip.adjusted(-1.5, -1.5, 1.5, 1.5), 2, 2);
    }
    for (const TimelineFrame::Cluster &cluster : m_frame.clusters) {
        for (const std::uint32_t code : m_frame.codesOf(cluster)) {
            if (std::binary_search(m_input.selected.begin(), m_input.selected.end(), keyOf(code))) {
                clusterCallout(cluster, code);
                break;
            }
        }
    }
}

void TimelinePasses::clusterCallout(const TimelineFrame::Cluster &cluster, std::uint32_t code) const
{
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    m_painter.setPen(QPen(m_highlight, 2.5));
    m_painter.setBrush(Qt::NoBrush);
    const QRectF chip = cluster.rect.adjusted(-2, -2, 2, 2);
    m_painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
    // The item itself, boxed just above the chip, so that what is selected is always seen.
    const QString text
        = m_fm.elidedText(labelText(m_project, code), Qt::ElideRight, m_metrics.maxLabelWidth);
    const double w = MarkSize + 12 + m_fm.horizontalAdvance(text);
    const double h = m_fm.height() + 6;
    const double x = std::clamp(cluster.rect.center().x() - w / 2, m_frame.plot.left() + 2,
                                m_frame.plot.right() - w - 2);
    const QRectF box(x, cluster.rect.top() - h - 3, w, h);
    m_painter.setPen(QPen(m_highlight, 1.5));
    m_painter.setBrush(m_base);
    m_painter.drawRoundedRect(box, 3, 3);
    const QRectF glyph(box.left() + 4, box.center().y() - MarkSize / 2, MarkSize, MarkSize);
    m_painter.setPen(QPen(m_text, 1));
    m_painter.setBrush(m_highlight);
    drawShape(m_painter, LaneCode::item(code).kind, glyph);
    m_painter.setPen(m_text);
    m_painter.drawText(box.adjusted(MarkSize + 8, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       text);
}

// The axis: major ticks and their labels on the upper row, minor ones on the lower.
void TimelinePasses::axis() const
{
    const QRectF axis(0, 0, m_input.size.width(), m_metrics.axisHeight);
    m_painter.fillRect(axis, m_window);
    const double row = m_metrics.axisHeight / 2;
    m_painter.save();
    m_painter.setClipRect(QRectF(m_left, 0, m_frame.plot.width(), m_metrics.axisHeight));
    m_painter.setPen(m_windowText);
    double nextMajorX = m_frame.plot.right() + 1;
    for (std::size_t i = 0; i < m_ticks.major.size(); ++i) {
        const double x = xOf(double(m_ticks.major[i].time));
        if (x >= m_left) {
            nextMajorX = std::min(nextMajorX, x);
            m_painter.drawLine(QPointF(std::round(x) + 0.5, 2), QPointF(std::round(x) + 0.5, row));
            // A label that would run past the plot is left out rather than cut ("202").
            if (x + 4 + m_fm.horizontalAdvance(m_ticks.major[i].label) <= m_frame.plot.right())
                m_painter.drawText(QRectF(x + 4, 0, 400, row), Qt::AlignLeft | Qt::AlignVCenter,
                                   m_ticks.major[i].label);
        }
    }
    // The period the window starts in, pinned at the left so the context is always shown.
    for (std::size_t i = m_ticks.major.size(); i-- > 0;) {
        const double x = xOf(double(m_ticks.major[i].time));
        if (x < m_left) {
            const QString label = m_ticks.major[i].label;
            if (m_left + 4 + m_fm.horizontalAdvance(label) + 8 < nextMajorX)
                m_painter.drawText(QRectF(m_left + 4, 0, 400, row),
                                   Qt::AlignLeft | Qt::AlignVCenter, label);
            break;
        }
    }
    m_painter.setPen(withAlpha(m_windowText, 0.85));
    for (const AxisTick &tick : m_ticks.minor) {
        const double x = xOf(double(tick.time));
        m_painter.drawLine(QPointF(std::round(x) + 0.5, row + 2),
                           QPointF(std::round(x) + 0.5, m_metrics.axisHeight));
        if (x + 3 + m_fm.horizontalAdvance(tick.label) <= m_frame.plot.right())
            m_painter.drawText(QRectF(x + 3, row, 200, row), Qt::AlignLeft | Qt::AlignVCenter,
                               tick.label);
    }
    m_painter.restore();
    m_painter.setPen(withAlpha(m_windowText, 0.3));
    m_painter.drawLine(QPointF(0, m_metrics.axisHeight - 0.5),
                       QPointF(m_input.size.width(), m_metrics.axisHeight - 0.5));
}

// The lane labels: party colour, collapse triangle, name and item count.
void TimelinePasses::laneLabels() const
{
    const QRectF labels(0, m_frame.plot.top(), m_left, m_frame.plot.height());
    m_painter.fillRect(labels, m_window);
    m_painter.setPen(m_windowText);
    m_painter.drawText(QRectF(8, 0, m_left - 12, m_metrics.axisHeight),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       zoneAbbreviation(m_input.options.zone, std::int64_t(m_input.scale.start())));
    m_painter.save();
    m_painter.setClipRect(labels);
    for (const auto &box : m_frame.lanes) {
        const double y = m_frame.plot.top() + box.top - m_frame.scrollY;
        if (y > m_frame.plot.bottom() || y + box.height < m_frame.plot.top())
            continue;
        const std::uint32_t party = m_input.lanes->lanes()[box.lane].party;
        const bool events = party == TimelineLanes::EventsParty;
        const QColor color = events
            ? blend(m_window, m_windowText, 0.7)
            : TimelineRenderer::partyColor(m_project, party, m_input.palette);
        m_painter.fillRect(QRectF(0, y + 2, 4, box.height - 4), color);
        const QRectF line(8, y + m_metrics.lanePadding, m_left - 14, m_metrics.rowHeight);
        const QRectF nameRect = line.adjusted(m_input.exporting ? 0 : 14, 0, 0, 0);
        m_painter.setPen(m_windowText);
        const QString name = TimelineLabels::partyName(m_project, party);
        m_painter.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                           m_fm.elidedText(name, Qt::ElideRight, nameRect.width()));
        if (!box.collapsed && box.height >= 2 * m_metrics.rowHeight) {
            m_painter.setPen(withAlpha(m_windowText, 0.65));
            const std::size_t size = m_input.lanes->lanes()[box.lane].size;
            const QString count = TimelineLabels::laneCount(party, size);
            m_painter.drawText(nameRect.translated(0, m_metrics.rowHeight - 2),
                               Qt::AlignLeft | Qt::AlignVCenter, count);
        }
        m_painter.setPen(withAlpha(m_windowText, 0.12));
        m_painter.drawLine(QPointF(0, std::round(y + box.height) - 0.5),
                           QPointF(m_left, std::round(y + box.height) - 0.5));
        if (m_input.exporting)
            continue; // a picture has nothing to click
        // A triangle shows whether the lane is collapsed (click it to toggle).
        QPolygonF triangle;
        const QPointF c(line.left() + 5, line.center().y());
        if (box.collapsed)
            triangle << c + QPointF(-3, -4) << c + QPointF(3, 0) << c + QPointF(-3, 4);
        else
            triangle << c + QPointF(-4, -2.5) << c + QPointF(4, -2.5) << c + QPointF(0, 3);
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(withAlpha(m_windowText, 0.6));
        m_painter.setRenderHint(QPainter::Antialiasing, true);
        m_painter.drawPolygon(triangle);
        m_painter.setRenderHint(QPainter::Antialiasing, false);
    }
    m_painter.restore();
    m_painter.setPen(withAlpha(m_windowText, 0.3));
    m_painter.drawLine(QPointF(m_left - 0.5, 0), QPointF(m_left - 0.5, m_input.size.height()));
}

} // namespace claimline
