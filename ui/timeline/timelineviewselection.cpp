// TimelineView: what the selection does to the view (brings its item into view, never moving
// what is on screen), selecting by keyboard, and hit testing (marks, chips, tooltips).

#include "timeline/timelineview.h"

#include "document/document.h"
#include "document/selection.h"
#include "model/project.h"
#include "timeline/timelinecontextmenu.h"
#include "timeline/timelineselection.h"
#include "timeline/timelinetooltip.h"

#include <QMenu>
#include <QScrollBar>

#include <cmath>
#include <limits>
#include <optional>

namespace claimline {

// --- selection ----------------------------------------------------------------------------

void TimelineView::selectionChanged()
{
    timelineHighlight(m_document->project(), m_selection->items(), m_selected, m_linked);
    if (m_selection->current().isValid())
        ensureVisible(m_selection->current());
    viewport()->update();
}

// Brings an item into view without moving anything that is on screen already: the window
// moves only when the item's time is outside it, the lanes scroll only as far as it takes to
// show its mark (or the chip that lists it).
void TimelineView::ensureVisible(ItemRef item)
{
    const Project &project = m_document->project();
    if ((item.kind != ItemKind::Event || item.index >= project.events().size())
        && (item.kind != ItemKind::Claim || item.index >= project.claims().size()))
        return;
    const double t = timelineAnchorTime(project, item);
    ensureLayout();
    const std::uint32_t code = LaneCode::make(item, false);
    const TimelineFrame *f = &m_renderer.frame();
    const auto shownRect = [&f, code]() -> std::optional<QRectF> {
        if (const TimelineFrame::Mark *mark = f->markOf(code))
            return mark->rect.united(mark->label.isEmpty() ? mark->rect : mark->label);
        if (const TimelineFrame::Cluster *cluster = f->clusterOf(code))
            return cluster->rect;
        return std::nullopt;
    };
    std::optional<QRectF> rect = shownRect();
    if (!rect && (t < m_scale.start() || t > m_scale.end())) {
        centerOn(t);
        ensureLayout();
        f = &m_renderer.frame();
        rect = shownRect();
    }
    QScrollBar *bar = verticalScrollBar();
    if (rect) {
        // Widget to content coordinates: the marks are laid out at the current scroll.
        const double top = rect->top() - f->plot.top() + f->scrollY;
        const double bottom = rect->bottom() - f->plot.top() + f->scrollY;
        if (top < bar->value())
            bar->setValue(int(std::floor(top)) - 4);
        else if (bottom > bar->value() + f->plot.height())
            bar->setValue(int(std::ceil(bottom - f->plot.height())) + 4);
        return;
    }
    // Drawn as part of a band (a crowded or collapsed lane): show the top of its lane.
    const std::size_t lane = m_lanes.laneOf(project, item);
    for (const auto &box : f->lanes) {
        if (box.lane != lane)
            continue;
        if (box.top < bar->value() || box.top + box.height > bar->value() + f->plot.height())
            bar->setValue(int(box.top));
        break;
    }
}

void TimelineView::selectNeighbour(int direction)
{
    // Nothing selected: start from the edge of the window.
    const TimelineTimeKey from
        = timelineTimeKey(m_document->project(), m_selection->current())
              .value_or(direction > 0 ? TimelineTimeKey {std::int64_t(m_scale.start()) - 1, 2, 0}
                                      : TimelineTimeKey {std::int64_t(m_scale.end()) + 1, -1, 0});
    selectAfter(from, direction);
}

void TimelineView::selectAfter(const TimelineTimeKey &from, int direction)
{
    if (const auto item = nextShownInTime(m_document->project(), *m_filter, from, direction))
        m_selection->select(*item);
}

void TimelineView::selectFirst()
{
    selectAfter({std::numeric_limits<std::int64_t>::min(), -1, 0}, 1);
}

void TimelineView::selectLast()
{
    selectAfter({std::numeric_limits<std::int64_t>::max(), 2, 0}, -1);
}

// --- hit testing --------------------------------------------------------------------------

int TimelineView::laneBoxAt(double y) const
{
    const TimelineFrame &f = frame();
    const double contentY = y - f.plot.top() + f.scrollY;
    for (std::size_t i = 0; i < f.lanes.size(); ++i) {
        if (contentY >= f.lanes[i].top && contentY < f.lanes[i].top + f.lanes[i].height)
            return int(i);
    }
    return -1;
}

ItemRef TimelineView::itemAt(const QPoint &pos) const
{
    const TimelineFrame &f = frame();
    if (!f.plot.contains(pos))
        return {};
    // Topmost first: marks are painted in order, so search backwards; then labels.
    for (auto it = f.marks.rbegin(); it != f.marks.rend(); ++it) {
        if (it->rect.adjusted(-3, -3, 3, 3).contains(pos)
            || it->strip.adjusted(0, -2, 0, 2).contains(pos))
            return LaneCode::item(it->code);
    }
    for (auto it = f.marks.rbegin(); it != f.marks.rend(); ++it) {
        if (it->label.contains(pos))
            return LaneCode::item(it->code);
    }
    return {};
}

int TimelineView::clusterAt(const QPoint &pos) const
{
    const TimelineFrame &f = frame();
    if (!f.plot.contains(pos))
        return -1;
    for (std::size_t i = 0; i < f.clusters.size(); ++i) {
        if (f.clusters[i].rect.adjusted(-2, -2, 2, 2).contains(pos))
            return int(i);
    }
    return -1;
}

void TimelineView::execClusterMenu(int cluster, const QPoint &globalPos)
{
    if (m_execClusterMenu) {
        m_execClusterMenu(cluster);
        return;
    }
    QMenu menu(this);
    TimelineContextMenu::fillClusterMenu(menu, this, cluster);
    if (!menu.isEmpty())
        menu.exec(globalPos);
}

QString TimelineView::toolTipTextAt(const QPoint &pos) const
{
    return TimelineToolTip(*this).textAt(pos);
}

} // namespace claimline
