// NarrativesCanvas's input: clicks, Alt+drags that link two claims, drags that move a
// question, "+N more" chips that open a row, and tooltips. The canvas only reports what was asked
// (signals); the view decides.

#include "narratives/narrativescanvas.h"

#include "model/project.h"
#include "narratives/narrativesrendererparts.h"
#include "present/narrativestext.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace claimline {

namespace {

// How far the mouse moves before a press becomes a drag.
constexpr int DragThreshold = 5;

QString escapedToolTip(const QString &plain)
{
    // Tooltips interpret markup: file text is escaped so that it shows literally.
    return QStringLiteral("<p style='white-space:pre-wrap'>") + plain.toHtmlEscaped()
        + QStringLiteral("</p>");
}

} // namespace

void NarrativesCanvas::mousePressEvent(QMouseEvent *event)
{
    m_press = Press::None;
    m_dropIndex = -1;
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    m_pressPos = pos;
    const int row = rowAt(pos.y());
    if (pos.y() < m_renderer.headerHeight()) {
        m_press = Press::None;
    } else if (row >= 0 && isMatrix() && pos.x() < m_renderer.rowHeaderWidth()) {
        m_press = Press::RowHeader;
        m_pressRow = row;
    } else if (const auto [moreRow, more] = moreAt(pos); moreRow >= 0) {
        m_press = Press::More;
        m_pressRow = moreRow;
    } else if (const std::uint32_t claim = claimAt(pos); claim != NoIndex) {
        m_press = (event->modifiers() & Qt::AltModifier) ? Press::LinkClaim : Press::Claim;
        m_pressClaim = claim;
    } else {
        m_press = Press::Empty;
    }
    event->accept();
}

void NarrativesCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_press == Press::LinkClaim
        && (m_linking || (pos - m_pressPos).manhattanLength() >= DragThreshold)) {
        m_linking = true;
        m_linkPos = pos;
        viewport()->setCursor(Qt::CrossCursor);
        viewport()->update();
        event->accept();
        return;
    }
    if (m_press != Press::RowHeader || (pos - m_pressPos).manhattanLength() < DragThreshold) {
        event->accept();
        return;
    }
    // Dragging a question: scroll near the edges, show where it would land.
    const int headerHeight = int(m_renderer.headerHeight());
    if (pos.y() < headerHeight + 16)
        verticalScrollBar()->setValue(verticalScrollBar()->value() - 16);
    else if (pos.y() > viewport()->height() - 16)
        verticalScrollBar()->setValue(verticalScrollBar()->value() + 16);
    m_dropIndex = dropIndexAt(std::max(pos.y(), headerHeight));
    viewport()->setCursor(Qt::ClosedHandCursor);
    viewport()->update();
    event->accept();
}

void NarrativesCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    const Press press = m_press;
    const bool linking = m_linking;
    m_press = Press::None;
    m_linking = false;
    viewport()->unsetCursor();
    if (event->button() != Qt::LeftButton)
        return;
    if (linking) {
        viewport()->update();
        // Dropped on another claim: the view asks how the one answers the other. On nothing,
        // or on the claim itself, the link is simply not made.
        const QPoint pos = event->position().toPoint();
        const std::uint32_t target = claimAt(pos);
        if (target != NoIndex && target != m_pressClaim)
            Q_EMIT claimLinkRequested(m_pressClaim, target, viewport()->mapToGlobal(pos));
        return;
    }
    if (press == Press::RowHeader && m_dropIndex >= 0) {
        int to = m_dropIndex;
        m_dropIndex = -1;
        if (to > m_pressRow)
            --to;
        viewport()->update();
        if (to != m_pressRow)
            Q_EMIT rowMoveRequested(m_pressRow, to);
        return;
    }
    m_dropIndex = -1;
    switch (press) {
    case Press::Claim:
    case Press::LinkClaim: // an Alt+click is a click
        Q_EMIT claimClicked(m_pressClaim, event->modifiers() & ~Qt::AltModifier);
        break;
    case Press::RowHeader:
        Q_EMIT rowHeaderClicked(m_pressRow, event->modifiers());
        break;
    case Press::More:
        // "+N more" opens the row, "Show fewer" closes it, if the release is on a chip of
        // the same row.
        // Without compact cards every cell is open already: its chip only counts.
        if (isCompact() && moreAt(event->position().toPoint()).first == m_pressRow) {
            const bool expand = !isRowExpanded(m_pressRow);
            spdlog::info("narratives: {} the claims of row {}", expand ? "showing all" : "capping",
                         m_pressRow + 1);
            setRowExpanded(m_pressRow, expand);
        }
        break;
    case Press::Empty:
        Q_EMIT emptyClicked();
        break;
    case Press::None:
        break;
    }
}

void NarrativesCanvas::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_linking) {
        // Cancels the link; the rest of the drag does nothing.
        m_linking = false;
        m_press = Press::None;
        viewport()->unsetCursor();
        viewport()->update();
        event->accept();
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void NarrativesCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (const std::uint32_t claim = claimAt(event->position().toPoint()); claim != NoIndex)
        Q_EMIT claimActivated(claim);
}

void NarrativesCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    const int row = rowAt(event->pos().y());
    if (row >= 0 && isMatrix() && event->pos().x() < m_renderer.rowHeaderWidth())
        Q_EMIT rowContextMenuRequested(row, event->globalPos());
}

QString NarrativesCanvas::headerToolTip(int column) const
{
    if (!m_table || !m_project || column < 0 || column >= m_table->columnCount()
        || (!isMatrix() && column == NarrativesTable::ColumnLink))
        return {};
    // What each count counts, in full: the header has room for few words.
    const std::size_t shown = m_table->claimCount(column);
    const std::size_t all = m_table->partyClaimCount(column);
    const auto claims = [](std::size_t n) {
        return n == 1 ? tr("1 claim") : tr("%1 claims").arg(n);
    };
    QString text = m_table->columnTitle(*m_project, column) + QLatin1Char('\n');
    if (!isMatrix())
        return text + tr("%1, on any question or none").arg(claims(all));
    if (shown == all)
        return text + tr("%1, all on the questions of the rows").arg(claims(all));
    return text
        + tr("%1 on the questions of the rows (in the cells below)\n%2 in all, on any question "
             "or none (as side by side and the timeline count)")
              .arg(claims(shown), claims(all));
}

QString NarrativesCanvas::toolTipAt(const QPoint &pos)
{
    if (!m_table || !m_project)
        return {};
    QString text;
    if (pos.y() < m_renderer.headerHeight()) {
        text = headerToolTip(headerColumnAt(pos.x()));
    } else if (const std::uint32_t claim = claimAt(pos); claim != NoIndex) {
        text = NarrativesText::claimSummary(*m_project, claim, m_zone);
    } else if (const auto [row, index] = moreAt(pos); row >= 0) {
        // What the chip stands for, one claim a line.
        const auto box = m_renderer.moreBoxes(std::size_t(row))[std::size_t(index)];
        // At most MaxTipLines of them: a tip of tens of thousands of lines is no tip.
        constexpr std::size_t MaxTipLines = 20;
        QStringList lines;
        for (std::size_t i = 0; i < box.hidden.size() && i < MaxTipLines; ++i) {
            const std::uint32_t hidden = box.hidden[i];
            const Claim &c = m_project->claims()[hidden];
            lines << QStringLiteral("• ") + NarrativesText::stance(c.stance) + QStringLiteral(" · ")
                    + NarrativesText::claimant(*m_project, hidden) + QStringLiteral(" · ")
                    + NarrativesText::madeAt(*m_project, hidden, m_zone);
        }
        if (box.hidden.size() > MaxTipLines)
            lines << tr("… and %L1 more").arg(box.hidden.size() - MaxTipLines);
        const QString notShown = tr("A cell shows at most %1 claims; find the others in the "
                                    "table, or narrow the filter:\n")
                                     .arg(narrativeslayout::MaxShownCards);
        if (box.collapse)
            text = tr("Show at most three claims per cell again.");
        else if (isCompact() && !isRowExpanded(row))
            text = tr("Click to show the claims on this question:\n")
                + lines.join(QLatin1Char('\n'));
        else
            text = notShown + lines.join(QLatin1Char('\n'));
    } else if (const int row = rowAt(pos.y());
               row >= 0 && isMatrix() && pos.x() < m_renderer.rowHeaderWidth()) {
        text = m_table->rowTitle(*m_project, row)
            + tr("\nDrag to move this question; right-click for more.");
    }
    return text;
}

bool NarrativesCanvas::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_table && m_project) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), escapedToolTip(text), viewport());
        return true;
    }
    // A tooltip is about what it was shown over: moving off that (to another card or to
    // nothing) takes it away at once; Qt keeps it until the mouse leaves or next rests.
    if (event->type() == QEvent::MouseMove && QToolTip::isVisible()) {
        const QString text = toolTipAt(static_cast<QMouseEvent *>(event)->position().toPoint());
        if (text.isEmpty() || QToolTip::text() != escapedToolTip(text))
            QToolTip::hideText();
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace claimline
