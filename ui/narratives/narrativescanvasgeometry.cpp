// NarrativesCanvas's geometry: where rows, cards, "+N more" chips and the sticky question are
// in the viewport, what is under a point, and scrolling a row or a card into view. Hit tests
// use the renderer's layout, the same that is painted.

#include "narratives/narrativescanvas.h"

#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace claimline {

namespace {

constexpr double Margin = 8; // left between a card scrolled into view and the edge

} // namespace

int NarrativesCanvas::rowAt(int y)
{
    measureVisible();
    if (y < m_renderer.headerHeight())
        return -1;
    const std::size_t row
        = rowAtContent(y - m_renderer.headerHeight() + verticalScrollBar()->value());
    return row < rowCount() ? int(row) : -1;
}

QRect NarrativesCanvas::rowTitleRect(int row)
{
    if (row < 0 || std::size_t(row) >= rowCount())
        return {};
    measure(std::size_t(row), std::size_t(row));
    const double top = rowTop(std::size_t(row)) - verticalScrollBar()->value();
    const QRectF r = m_renderer.rowTitleRect(std::size_t(row), -top);
    return r.translated(0, m_renderer.headerHeight() + top).toAlignedRect();
}

int NarrativesCanvas::headerColumnAt(int x) const
{
    if (isMatrix() && x < m_renderer.rowHeaderWidth())
        return -1;
    const double at = x + horizontalScrollBar()->value();
    const std::vector<NarrativesRenderer::Column> &columns = m_renderer.columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (at >= columns[c].x && at < columns[c].x + columns[c].width)
            return int(c);
    }
    return -1;
}

std::pair<int, int> NarrativesCanvas::moreAt(const QPoint &pos)
{
    const int row = rowAt(pos.y());
    if (row < 0 || !isMatrix() || pos.x() < m_renderer.rowHeaderWidth())
        return {-1, -1};
    const QPointF at(pos.x() + horizontalScrollBar()->value(),
                     pos.y() - m_renderer.headerHeight() + verticalScrollBar()->value()
                         - rowTop(std::size_t(row)));
    const std::vector<NarrativesRenderer::MoreBox> boxes = m_renderer.moreBoxes(std::size_t(row));
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (boxes[i].rect.contains(at))
            return {row, int(i)};
    }
    return {-1, -1};
}

std::vector<QRect> NarrativesCanvas::moreRects(int row)
{
    std::vector<QRect> rects;
    if (row < 0 || std::size_t(row) >= rowCount())
        return rects;
    measure(std::size_t(row), std::size_t(row));
    for (const auto &box : m_renderer.moreBoxes(std::size_t(row))) {
        const QRectF r = box.rect.translated(-horizontalScrollBar()->value(),
                                             m_renderer.headerHeight() + rowTop(std::size_t(row))
                                                 - verticalScrollBar()->value());
        rects.push_back(r.toAlignedRect().adjusted(0, 0, -1, -1));
    }
    return rects;
}

std::uint32_t NarrativesCanvas::claimAt(const QPoint &pos)
{
    const int row = rowAt(pos.y());
    if (row < 0 || (isMatrix() && pos.x() < m_renderer.rowHeaderWidth()))
        return NoIndex;
    const QPointF at(pos.x() + horizontalScrollBar()->value(),
                     pos.y() - m_renderer.headerHeight() + verticalScrollBar()->value()
                         - rowTop(std::size_t(row)));
    for (const auto &box : m_renderer.claimBoxes(std::size_t(row))) {
        if (box.rect.contains(at))
            return box.claim;
    }
    return NoIndex;
}

QRect NarrativesCanvas::claimRect(std::uint32_t claim)
{
    if (!m_table)
        return {};
    const int row = m_table->locate(claim).first;
    if (row < 0)
        return {};
    measureVisible();
    measure(std::size_t(row), std::size_t(row));
    for (const auto &box : m_renderer.claimBoxes(std::size_t(row))) {
        if (box.claim != claim)
            continue;
        const QRectF r = box.rect.translated(-horizontalScrollBar()->value(),
                                             m_renderer.headerHeight() + rowTop(std::size_t(row))
                                                 - verticalScrollBar()->value());
        return r.toAlignedRect().adjusted(0, 0, -1, -1);
    }
    return {};
}

void NarrativesCanvas::ensureRowVisible(int row)
{
    if (row < 0 || std::size_t(row) >= rowCount())
        return;
    measure(std::size_t(row), std::size_t(row));
    const double top = rowTop(std::size_t(row));
    const double bottom = top + m_heights[std::size_t(row)];
    const double scroll = verticalScrollBar()->value();
    if (top < scroll || bottom - top > bodyHeight())
        verticalScrollBar()->setValue(int(top));
    else if (bottom > scroll + bodyHeight())
        verticalScrollBar()->setValue(int(std::ceil(bottom - bodyHeight())));
}

void NarrativesCanvas::ensureClaimVisible(std::uint32_t claim)
{
    // A claim behind a "+N more" chip: its row opens, so that what is selected is seen.
    if (m_table && isMatrix() && claimRect(claim).isNull()) {
        for (std::size_t r = 0; r < rowCount(); ++r) {
            if (isRowExpanded(int(r)))
                continue;
            for (const auto &box : m_renderer.moreBoxes(r)) {
                if (std::find(box.hidden.begin(), box.hidden.end(), claim) != box.hidden.end()) {
                    setRowExpanded(int(r), true);
                    break;
                }
            }
            if (!claimRect(claim).isNull())
                break;
        }
    }
    // Rows that come into view are measured, which can move the card: settle in a few passes.
    for (int pass = 0; pass < 4; ++pass) {
        const QRect r = claimRect(claim);
        if (r.isNull())
            return;
        const int headerHeight = int(m_renderer.headerHeight());
        const QRect body(0, headerHeight, viewport()->width(), int(bodyHeight()));
        QScrollBar *v = verticalScrollBar();
        if (r.height() + 2 * Margin > body.height() || r.top() < body.top())
            v->setValue(v->value() + r.top() - body.top() - int(Margin));
        else if (r.bottom() > body.bottom())
            v->setValue(v->value() + r.bottom() - body.bottom() + int(Margin));
        const int left = isMatrix() ? int(m_renderer.rowHeaderWidth()) : 0;
        QScrollBar *h = horizontalScrollBar();
        if (r.left() < left || r.width() > body.width() - left)
            h->setValue(h->value() + r.left() - left - int(Margin));
        else if (r.right() > body.right())
            h->setValue(h->value() + r.right() - body.right() + int(Margin));
        measureVisible();
        const QRect after = claimRect(claim);
        if (after == r || (after.top() >= body.top() && after.bottom() <= body.bottom()))
            break;
    }
    viewport()->update();
}

int NarrativesCanvas::dropIndexAt(int y)
{
    const double contentY = y - m_renderer.headerHeight() + verticalScrollBar()->value();
    const std::size_t row = rowAtContent(std::max(0.0, contentY));
    if (row >= rowCount())
        return int(rowCount());
    return contentY > rowTop(row) + m_heights[row] / 2 ? int(row) + 1 : int(row);
}

} // namespace claimline
