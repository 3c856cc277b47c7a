#include "narratives/narrativescanvas.h"

#include "model/project.h"
#include "present/narrativestext.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace claimline {

namespace {

// Where the line from the rectangle's centre toward `point` leaves the rectangle (the point
// itself when it lies inside).
QPointF edgeToward(const QRectF &rect, QPointF point)
{
    const QPointF centre = rect.center();
    const QPointF d = point - centre;
    double t = 1.0;
    if (std::abs(d.x()) > 1e-9)
        t = std::min(t, rect.width() / 2 / std::abs(d.x()));
    if (std::abs(d.y()) > 1e-9)
        t = std::min(t, rect.height() / 2 / std::abs(d.y()));
    return centre + d * t;
}
constexpr int IdleBudgetMs = 8; // per turn of the event loop, for measuring rows out of sight

// FNV-1a over what a row shows: equal hashes (with equal keys) mean the same layout.
// What a row's height depends on: per cell how many claims and answers it has, and the cards
// it can show (the first MaxShownCards), each by where its id sits in the text arena. That
// place outlives a renumbering (the arena is append-only), so a deletion elsewhere leaves a
// row's measured height standing instead of measuring every row again; and hashing costs the
// cards a row can show, not every claim of a question (~50,000 at 1M). Side by side, a card
// also says whether the other side answered it. Edits of a claim's text reach tableChanged()
// as changed claims.
std::uint64_t hashRow(const Project &project, const NarrativesTable &table,
                      const NarrativesRow &row)
{
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](std::uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            h ^= (v >> (i * 8)) & 0xff;
            h *= 1099511628211ull;
        }
    };
    const auto claimKey = [&](std::uint32_t claim) -> std::uint64_t {
        if (claim >= project.claims().size())
            return claim;
        return (project.claims()[claim].id.offset() << 1) | (table.isUnanswered(claim) ? 1 : 0);
    };
    const auto relationKey = [&](std::uint32_t relation) -> std::uint64_t {
        if (relation >= project.relations().size())
            return relation;
        const Relation &r = project.relations()[relation];
        return (claimKey(r.to) << 8) ^ std::uint64_t(r.kind);
    };
    mix(std::uint64_t(row.kind));
    mix(row.question);
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const std::vector<std::uint32_t> &cell = row.cells[c];
        mix(cell.size());
        const std::size_t answers = c < row.answers.size() ? row.answers[c].size() : 0;
        mix(answers);
        std::size_t shown = 0;
        for (std::size_t i = 0; i < cell.size() && shown < NarrativesRenderer::MaxShownCards;
             ++i, ++shown)
            mix(claimKey(cell[i]));
        for (std::size_t i = 0; i < answers && shown < NarrativesRenderer::MaxShownCards;
             ++i, ++shown) {
            const NarrativesAnswer &answer = row.answers[c][i];
            mix(claimKey(answer.claim));
            mix(relationKey(answer.relation));
        }
    }
    for (const NarrativesLink &link : row.links)
        mix((relationKey(link.relation) << 1) | (link.aAnswers ? 1 : 0));
    for (const std::uint32_t hidden : row.hidden)
        mix(hidden);
    return h;
}

} // namespace

NarrativesCanvas::NarrativesCanvas(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_measureTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("narrativesCanvas"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    // Always on: a scroll bar that comes and goes would change the width, and with it every
    // row's height, and with that whether the scroll bar is needed.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    // Moves without a button too, so that a tooltip goes as soon as the mouse leaves what it
    // is about (viewportEvent()).
    viewport()->setMouseTracking(true);
    verticalScrollBar()->setSingleStep(32);
    horizontalScrollBar()->setSingleStep(32);
    // Background work in small slices between frames (measureIdle()); "idle:" tells
    // claimline-bench that a frame need not wait for it.
    m_measureTimer->setObjectName(QStringLiteral("idle:narratives-measure"));
    m_measureTimer->setSingleShot(true);
    m_measureTimer->setInterval(0);
    connect(m_measureTimer, &QTimer::timeout, this, &NarrativesCanvas::measureIdle);
    m_renderer.setFont(font());
    m_renderer.setPalette(palette());
    m_renderer.setCompact(true);
    setMinimumSize(320, 200);
}

NarrativesCanvas::~NarrativesCanvas() = default;

void NarrativesCanvas::setStatementLines(int lines)
{
    m_renderer.setStatementLines(lines);
    resetHeights();
}

void NarrativesCanvas::setCompact(bool compact)
{
    if (compact == m_renderer.isCompact())
        return;
    m_renderer.setCompact(compact);
    updateScrollBars();
    resetHeights();
}

bool NarrativesCanvas::isRowExpanded(int row) const
{
    if (!m_table || row < 0 || std::size_t(row) >= m_table->rowCount())
        return false;
    return m_renderer.isExpanded(m_table->rows()[std::size_t(row)].question);
}

void NarrativesCanvas::setRowExpanded(int row, bool expanded)
{
    if (!m_table || !isMatrix() || row < 0 || std::size_t(row) >= rowCount()
        || isRowExpanded(row) == expanded)
        return;
    m_renderer.setExpanded(m_table->rows()[std::size_t(row)].question, expanded);
    rowLayoutChanged(std::size_t(row));
}

const std::vector<std::uint32_t> &NarrativesCanvas::expandedQuestions() const
{
    return m_renderer.expandedQuestions();
}

void NarrativesCanvas::setExpandedQuestions(std::vector<std::uint32_t> questions)
{
    m_renderer.setExpandedQuestions(std::move(questions));
    // Heights are kept by content and expansion: rows whose expansion changed are measured
    // again, the others keep theirs.
    for (std::size_t r = 0; r < rowCount(); ++r) {
        if (rowHash(r) != m_hashes[r])
            rowLayoutChanged(r);
    }
}

std::uint64_t NarrativesCanvas::rowHash(std::size_t row) const
{
    const NarrativesRow &r = m_table->rows()[row];
    const std::uint64_t h = hashRow(*m_project, *m_table, r);
    return r.kind == NarrativesRow::Kind::Question && m_renderer.isExpanded(r.question)
        ? h ^ 0x9e3779b97f4a7c15ull
        : h;
}

void NarrativesCanvas::rowLayoutChanged(std::size_t row)
{
    if (row >= rowCount())
        return;
    m_hashes[row] = rowHash(row);
    m_exact[row] = 0;
    m_heights[row] = m_renderer.estimatedRowHeight(row);
    m_topsDirty = true;
    measure(row, row);
    updateScrollBars();
    viewport()->update();
}

std::size_t NarrativesCanvas::rowCount() const
{
    return m_heights.size();
}

bool NarrativesCanvas::isMatrix() const
{
    return !m_table || m_table->mode() == NarrativesMode::Matrix;
}

double NarrativesCanvas::bodyHeight() const
{
    return std::max(0.0, viewport()->height() - m_renderer.headerHeight());
}

void NarrativesCanvas::tableChanged(const Project *project, const NarrativesTable *table,
                                    const std::vector<std::uint32_t> &changedClaims, bool all)
{
    // Remember which row is at the top so that the view stays on it.
    std::uint64_t anchorKey = 0;
    double anchorOffset = 0;
    bool hasAnchor = false;
    if (!m_heights.empty() && !all) {
        updateTops();
        const double scroll = verticalScrollBar()->value();
        const std::size_t top = rowAtContent(scroll);
        if (top < m_hashes.size() && m_table && top < m_table->rowCount()) {
            hasAnchor = true;
            anchorOffset = scroll - rowTop(top);
        }
        anchorKey = hasAnchor ? m_anchorKeys[top] : 0;
    }

    m_project = project;
    m_table = table;
    m_renderer.setContent(project, table);
    m_renderer.setWidth(viewport()->width());
    m_renderer.clearCache();
    if (all)
        m_cache.clear();
    std::vector<std::uint32_t> changed = changedClaims;
    std::sort(changed.begin(), changed.end());

    const std::size_t n = table ? table->rowCount() : 0;
    m_heights.assign(n, 0);
    m_exact.assign(n, 0);
    m_hashes.assign(n, 0);
    m_anchorKeys.assign(n, 0);
    std::size_t newTop = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const NarrativesRow &row = table->rows()[i];
        const std::uint64_t key = row.key();
        m_hashes[i] = rowHash(i);
        m_anchorKeys[i] = key;
        if (hasAnchor && key == anchorKey)
            newTop = i;
        bool touched = false;
        const auto wasChanged = [&changed](std::uint32_t claim) {
            return std::binary_search(changed.begin(), changed.end(), claim);
        };
        for (const auto &cell : row.cells)
            touched = touched
                || (!changed.empty() && std::any_of(cell.begin(), cell.end(), wasChanged));
        for (const auto &cell : row.answers) {
            touched = touched
                || (!changed.empty()
                    && std::any_of(cell.begin(), cell.end(),
                                   [&](const NarrativesAnswer &a) { return wasChanged(a.claim); }));
        }
        const auto it = m_cache.find(key);
        if (!touched && it != m_cache.end() && it->second.hash == m_hashes[i]) {
            m_heights[i] = it->second.height;
            m_exact[i] = 1;
        } else {
            m_heights[i] = m_renderer.estimatedRowHeight(i);
        }
    }
    m_topsDirty = true;
    updateScrollBars();
    if (hasAnchor && n > 0)
        verticalScrollBar()->setValue(int(std::round(rowTop(newTop) + anchorOffset)));
    m_measureCursor = 0;
    m_measureTimer->start();
    viewport()->update();
}

void NarrativesCanvas::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    m_renderer.setTimeZone(m_zone);
    resetHeights();
}

void NarrativesCanvas::setHighlight(NarrativesRenderer::Highlight highlight)
{
    m_highlight = std::move(highlight);
    viewport()->update();
}

void NarrativesCanvas::resetHeights()
{
    updateTops();
    const double scroll = verticalScrollBar()->value();
    const std::size_t top = rowAtContent(scroll);
    const double fraction
        = top < rowCount() && m_heights[top] > 0 ? (scroll - rowTop(top)) / m_heights[top] : 0;
    m_cache.clear();
    m_renderer.clearCache();
    for (std::size_t i = 0; i < rowCount(); ++i) {
        m_heights[i] = m_renderer.estimatedRowHeight(i);
        m_exact[i] = 0;
    }
    m_topsDirty = true;
    if (top < rowCount()) {
        measure(top, top);
        updateScrollBars();
        verticalScrollBar()->setValue(int(std::round(rowTop(top) + fraction * m_heights[top])));
    }
    updateScrollBars();
    m_measureCursor = 0;
    m_measureTimer->start();
    viewport()->update();
}

void NarrativesCanvas::updateTops() const
{
    if (!m_topsDirty && m_tops.size() == m_heights.size() + 1)
        return;
    m_tops.resize(m_heights.size() + 1);
    double y = 0;
    for (std::size_t i = 0; i < m_heights.size(); ++i) {
        m_tops[i] = y;
        y += m_heights[i];
    }
    m_tops.back() = y;
    m_topsDirty = false;
}

double NarrativesCanvas::rowTop(std::size_t row) const
{
    updateTops();
    return m_tops[std::min(row, m_heights.size())];
}

std::size_t NarrativesCanvas::rowAtContent(double y) const
{
    updateTops();
    if (m_heights.empty())
        return 0;
    // The last row whose top is at or above y.
    const auto it = std::upper_bound(m_tops.begin(), m_tops.end() - 1, y);
    if (it == m_tops.begin())
        return 0;
    const std::size_t row = std::size_t(it - m_tops.begin()) - 1;
    return y >= m_tops.back() ? m_heights.size() : row;
}

void NarrativesCanvas::updateScrollBars()
{
    updateTops();
    const double total = m_tops.empty() ? 0 : m_tops.back();
    const int body = int(bodyHeight());
    verticalScrollBar()->setPageStep(std::max(1, body));
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(total)) - body));
    const int width = viewport()->width();
    horizontalScrollBar()->setPageStep(std::max(1, width));
    horizontalScrollBar()->setRange(0,
                                    std::max(0, int(std::ceil(m_renderer.contentWidth())) - width));
}

std::size_t NarrativesCanvas::measure(std::size_t first, std::size_t last, qint64 budgetMs)
{
    const std::size_t n = rowCount();
    if (n == 0 || first >= n)
        return first;
    QElapsedTimer timer;
    timer.start();
    last = std::min(last, n - 1);
    updateTops();
    const double scroll = verticalScrollBar()->value();
    const std::size_t anchor = rowAtContent(scroll);
    const double offset = anchor < n ? scroll - rowTop(anchor) : 0;
    bool changed = false;
    std::size_t r = first;
    for (; r <= last; ++r) {
        if (budgetMs >= 0 && timer.elapsed() >= budgetMs)
            break;
        if (m_exact[r])
            continue;
        const double h = m_renderer.rowHeight(r);
        changed = changed || h != m_heights[r];
        m_heights[r] = h;
        m_exact[r] = 1;
        m_cache[m_anchorKeys[r]] = {m_hashes[r], h};
    }
    if (!changed)
        return r;
    m_topsDirty = true;
    if (m_keepingAnchor)
        return r;
    m_keepingAnchor = true;
    updateScrollBars();
    if (anchor < n)
        verticalScrollBar()->setValue(int(std::round(rowTop(anchor) + offset)));
    m_keepingAnchor = false;
    return r;
}

void NarrativesCanvas::measureVisible()
{
    for (int pass = 0; pass < 4; ++pass) {
        const double scroll = verticalScrollBar()->value();
        const std::size_t first = rowAtContent(scroll);
        const std::size_t last = rowAtContent(scroll + bodyHeight());
        bool exact = true;
        for (std::size_t r = first; r <= last && r < rowCount(); ++r)
            exact = exact && m_exact[r];
        if (exact)
            return;
        measure(first, last);
    }
}

void NarrativesCanvas::measureIdle()
{
    const std::size_t n = rowCount();
    if (m_measureCursor < n)
        m_measureCursor = measure(m_measureCursor, n - 1, IdleBudgetMs);
    if (m_measureCursor < n)
        m_measureTimer->start();
    else
        viewport()->update();
}

std::size_t NarrativesCanvas::measuredRowCount() const
{
    return std::size_t(std::count(m_exact.begin(), m_exact.end(), char(1)));
}

// --- painting and events ---------------------------------------------------------------------

void NarrativesCanvas::paintEvent(QPaintEvent *)
{
    measureVisible();
    QPainter painter(viewport());
    const double width = viewport()->width();
    const double height = viewport()->height();
    const NarrativesTheme &theme = m_renderer.theme();
    painter.fillRect(viewport()->rect(), theme.background);
    const double headerHeight = m_renderer.headerHeight();
    const double scrollX = horizontalScrollBar()->value();
    const double scrollY = verticalScrollBar()->value();

    painter.save();
    painter.setClipRect(QRectF(0, headerHeight, width, height - headerHeight));
    std::size_t row = rowAtContent(scrollY);
    double y = headerHeight + rowTop(row) - scrollY;
    for (; row < rowCount() && y < height; ++row) {
        m_renderer.paintRow(painter, row, y, scrollX, width, m_highlight);
        y += m_heights[row];
    }
    if (m_dropIndex >= 0) {
        const double at = headerHeight + rowTop(std::size_t(m_dropIndex)) - scrollY;
        painter.fillRect(QRectF(0, at - 1.5, width, 3), theme.highlight);
    }
    painter.restore();
    if (m_linking) {
        // The link being dragged: from the claim's card to the mouse, the card it would
        // answer ringed.
        painter.save();
        painter.setClipRect(QRectF(0, headerHeight, width, height - headerHeight));
        painter.setRenderHint(QPainter::Antialiasing, true);
        const QRect from = claimRect(m_pressClaim);
        const std::uint32_t target = claimAt(m_linkPos);
        if (target != NoIndex && target != m_pressClaim) {
            painter.setPen(QPen(theme.highlight, 2.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(QRectF(claimRect(target)).adjusted(-2, -2, 2, 2), 5, 5);
        }
        if (!from.isNull()) {
            // From card edge to card edge (or the mouse), so the line does not cross the text
            // of the two cards.
            const QPointF a = edgeToward(QRectF(from), m_linkPos);
            const QPointF b = target != NoIndex && target != m_pressClaim
                ? edgeToward(QRectF(claimRect(target)), QRectF(from).center())
                : QPointF(m_linkPos);
            painter.setPen(QPen(theme.highlight, 2, Qt::DashLine, Qt::RoundCap));
            painter.drawLine(a, b);
            const double angle = std::atan2(a.y() - b.y(), a.x() - b.x());
            QPolygonF head;
            head << b << b + QPointF(std::cos(angle - 0.45), std::sin(angle - 0.45)) * 10
                 << b + QPointF(std::cos(angle + 0.45), std::sin(angle + 0.45)) * 10;
            painter.setPen(Qt::NoPen);
            painter.setBrush(theme.highlight);
            painter.drawPolygon(head);
        }
        painter.restore();
    }
    if (m_table)
        m_renderer.paintHeader(painter, scrollX, width);

    QString empty;
    if (!m_table || !m_project)
        empty = tr("No project.");
    else if (isMatrix() && m_table->columnCount() == 0)
        empty = tr("No party has made a claim on a question. Choose parties with Columns.");
    else if (isMatrix() && m_table->rowCount() == 0)
        empty = tr("This project has no questions yet.");
    else if (!isMatrix() && (m_table->spec().a.empty() || m_table->spec().b.empty()))
        empty = tr("Choose the parties of narrative A and narrative B.");
    else if (!isMatrix() && m_table->rowCount() == 0)
        empty = tr("No claim of these narratives passes the filter.");
    if (!empty.isEmpty()) {
        painter.setPen(theme.muted);
        painter.drawText(QRectF(24, headerHeight + 24, width - 48, height - headerHeight - 48),
                         Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, empty);
    }
}

void NarrativesCanvas::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const double before = m_renderer.contentWidth();
    const std::vector<NarrativesRenderer::Column> columns = m_renderer.columns();
    m_renderer.setWidth(viewport()->width());
    bool same
        = columns.size() == m_renderer.columns().size() && before == m_renderer.contentWidth();
    for (std::size_t i = 0; same && i < columns.size(); ++i)
        same = columns[i].width == m_renderer.columns()[i].width;
    if (!same)
        resetHeights();
    else
        updateScrollBars();
}

void NarrativesCanvas::scrollContentsBy(int, int)
{
    // The headers stay put: repaint rather than scroll pixels.
    viewport()->update();
}

void NarrativesCanvas::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_renderer.setFont(font());
        resetHeights();
    } else if (event->type() == QEvent::PaletteChange) {
        m_renderer.setPalette(palette());
        viewport()->update();
    }
}

} // namespace claimline
