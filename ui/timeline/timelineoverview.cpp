#include "timeline/timelineoverview.h"

#include "timeline/timelineview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPolygonF>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace claimline {

TimelineOverview::TimelineOverview(TimelineView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("timelineOverview"));
    setToolTip(
        tr("Overview of the whole project. Drag the box to move the timeline; the wheel zooms."));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(view, &TimelineView::lanesRebuilt, this, &TimelineOverview::recount);
    connect(view, &TimelineView::visibleRangeChanged, this, qOverload<>(&QWidget::update));
    recount();
}

QSize TimelineOverview::sizeHint() const
{
    return {400, std::max(36, fontMetrics().height() * 2 + 8)};
}

double TimelineOverview::stripLeft() const
{
    // Aligned with the timeline's plot, right of the lane labels.
    return m_view->renderer().metrics().labelWidth;
}

double TimelineOverview::xOf(double t) const
{
    const double w = std::max(1.0, width() - stripLeft());
    return stripLeft() + (t - m_from) / (m_to - m_from) * w;
}

double TimelineOverview::timeAt(double x) const
{
    const double w = std::max(1.0, width() - stripLeft());
    return m_from + (x - stripLeft()) / w * (m_to - m_from);
}

QRectF TimelineOverview::windowBox() const
{
    const double x0 = std::clamp(xOf(m_view->scale().start()), stripLeft(), double(width()));
    const double x1 = std::clamp(xOf(m_view->scale().end()), stripLeft(), double(width()));
    // Never thinner than a grabbable box.
    const double centre = (x0 + x1) / 2;
    const double half = std::max(3.0, (x1 - x0) / 2);
    return {centre - half, 1.0, 2 * half, height() - 2.0};
}

void TimelineOverview::recount()
{
    std::int64_t from = 0;
    std::int64_t to = 0;
    const TimelineLanes &lanes = m_view->lanes();
    if (lanes.extent(&from, &to) && to > from) {
        const double margin = double(to - from) * 0.02;
        m_from = double(from) - margin;
        m_to = double(to) + margin;
    } else {
        m_from = m_view->scale().start();
        m_to = m_view->scale().end();
    }
    const auto columns = std::size_t(std::max(1.0, (width() - stripLeft()) / 2));
    m_columns.assign(columns, 0);
    for (const TimelineLanes::Lane &lane : lanes.lanes()) {
        if (!lane.hidden)
            TimelineLanes::countStarts(lane, m_from, m_to, m_columns);
    }
    m_max = m_columns.empty() ? 0 : *std::max_element(m_columns.begin(), m_columns.end());
    update();
}

void TimelineOverview::resizeEvent(QResizeEvent *)
{
    recount();
}

void TimelineOverview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Window));
    painter.fillRect(QRectF(stripLeft(), 0, width() - stripLeft(), height()),
                     pal.color(QPalette::Base));
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(QRectF(8, 0, stripLeft() - 12, height()), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Overview"));
    if (m_max > 0) {
        const double bottom = height() - 3.0;
        const double maxHeight = height() - 8.0;
        const double logMax = std::log1p(double(m_max));
        QPolygonF area;
        area.reserve(qsizetype(m_columns.size() * 2 + 2));
        area << QPointF(stripLeft(), bottom);
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const double h = m_columns[c]
                ? std::max(1.5, std::log1p(double(m_columns[c])) / logMax * maxHeight)
                : 0.0;
            const double x = stripLeft() + double(c) * 2;
            area << QPointF(x, bottom - h) << QPointF(x + 2, bottom - h);
        }
        area << QPointF(stripLeft() + double(m_columns.size()) * 2, bottom);
        QColor fill = pal.color(QPalette::Text);
        fill.setAlphaF(0.35f);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawPolygon(area);
    }
    QColor box = pal.color(QPalette::Highlight);
    painter.setPen(QPen(box, 1.5));
    box.setAlphaF(0.22f);
    painter.setBrush(box);
    painter.drawRoundedRect(windowBox(), 2, 2);
}

void TimelineOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || event->position().x() < stripLeft())
        return;
    const double t = timeAt(event->position().x());
    const double centre = (m_view->scale().start() + m_view->scale().end()) / 2;
    if (windowBox().contains(event->position())) {
        m_grabOffset = centre - t;
    } else {
        m_grabOffset = 0;
        m_view->centerOn(t);
    }
    m_dragging = true;
}

void TimelineOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging)
        m_view->centerOn(timeAt(event->position().x()) + m_grabOffset);
}

void TimelineOverview::mouseReleaseEvent(QMouseEvent *)
{
    m_dragging = false;
}

void TimelineOverview::wheelEvent(QWheelEvent *event)
{
    const double t = timeAt(event->position().x());
    const double x = m_view->renderer().metrics().labelWidth + m_view->scale().x(t);
    m_view->zoomAt(x, std::pow(1.0015, double(event->angleDelta().y())));
    event->accept();
}

} // namespace claimline
