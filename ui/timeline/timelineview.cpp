#include "timeline/timelineview.h"

#include "common/connecteach.h"
#include "document/timewindow.h"

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "document/structurechange.h"
#include "model/project.h"
#include "timeline/timelineaccessible.h"
#include "timeline/timelinecontextmenu.h"
#include "timeline/timelineexport.h"
#include "timeline/timelineinteraction.h"
#include "timeline/timelineselection.h"
#include "timeline/timelinetooltip.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace claimline {

namespace {

constexpr double KeyZoomFactor = 1.5;

} // namespace

TimelineView::TimelineView(Document *document, Selection *selection, Filter *filter,
                           QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_document(document)
    , m_selection(selection)
    , m_filter(filter)
    , m_rebuildTimer(new QTimer(this))
{
    installTimelineAccessibility();
    setObjectName(QStringLiteral("timelineView"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 160);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &TimelineView::rebuildLanes);

    connect(m_document, &Document::reset, this, &TimelineView::documentReset);
    connectEach(m_document, this, &TimelineView::scheduleRebuild, &Document::eventChanged,
                &Document::claimChanged);
    // Relations are drawn, not laid out on lanes (a deletion that takes some along is
    // followed without laying the lanes out again): the highlight and the layout only.
    connect(m_document, &Document::relationsChanged, this, [this] {
        selectionChanged();
        invalidateLayout();
    });
    connect(m_document, &Document::structureChanged, this, &TimelineView::structureChanged);
    // Names and colours of lanes, and the claimant names on claim labels.
    connect(m_document, &Document::partyChanged, this, [this] {
        m_renderer.setMetrics(TimelineRenderer::metricsFor(font(), m_document->project()));
        scheduleRebuild();
    });
    connect(m_document, &Document::actorChanged, this, &TimelineView::scheduleRebuild);
    // Periods are drawn behind the lanes and change no lane: a new layout is enough.
    connect(m_document, &Document::periodsChanged, this, &TimelineView::invalidateLayout);
    connect(m_filter, &Filter::changed, this, &TimelineView::scheduleRebuild);
    connect(m_selection, &Selection::changed, this, &TimelineView::selectionChanged);
    createActions();
    m_interaction = std::make_unique<TimelineInteraction>(this);

    documentReset();
}

TimelineView::~TimelineView() = default;

void TimelineView::createActions()
{
    const auto add = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_actions << action;
        return action;
    };
    add(tr("Zoom &In"), QKeySequence(Qt::Key_Plus), &TimelineView::zoomIn);
    add(tr("Zoom &Out"), QKeySequence(Qt::Key_Minus), &TimelineView::zoomOut);
    add(tr("&Fit All"), QKeySequence(Qt::Key_0), &TimelineView::fitAll);
    add(tr("Zoom to &Selection"), QKeySequence(Qt::Key_Z), &TimelineView::zoomToSelection);
    add(tr("&Previous Item"), QKeySequence(Qt::Key_Left), [this] { selectNeighbour(-1); });
    add(tr("&Next Item"), QKeySequence(Qt::Key_Right), [this] { selectNeighbour(1); });
    add(tr("F&irst Item"), QKeySequence(Qt::Key_Home), &TimelineView::selectFirst);
    add(tr("&Last Item"), QKeySequence(Qt::Key_End), &TimelineView::selectLast);
}

// --- state --------------------------------------------------------------------------------

TimelineRenderer::Input TimelineView::input(const QSizeF &size, const QPalette &palette) const
{
    TimelineRenderer::Input in;
    in.project = &m_document->project();
    in.lanes = &m_lanes;
    in.scale = m_scale;
    in.scale.setWidth(size.width() - m_renderer.metrics().labelWidth);
    in.order = m_laneOrder.order();
    in.collapsed = m_laneOrder.collapsedFlags();
    in.options = m_options;
    in.selected = m_selected;
    in.linked = m_linked;
    in.hover = m_hover;
    in.palette = palette;
    in.font = font();
    in.size = size;
    in.scrollY = verticalScrollBar()->value();
    return in;
}

void TimelineView::ensureLayout() const
{
    if (!m_layoutDirty)
        return;
    m_layoutDirty = false;
    m_renderer.layout(input(viewport()->size(), viewport()->palette()));
    const_cast<TimelineView *>(this)->updateScrollBar();
}

void TimelineView::invalidateLayout()
{
    m_layoutDirty = true;
    viewport()->update();
}

const TimelineFrame &TimelineView::frame() const
{
    ensureLayout();
    return m_renderer.frame();
}

const TimelineRenderer &TimelineView::renderer() const
{
    ensureLayout();
    return m_renderer;
}

void TimelineView::updateScrollBar()
{
    const TimelineFrame &f = m_renderer.frame();
    const int maximum = std::max(0, int(std::ceil(f.contentHeight - f.plot.height())));
    QScrollBar *bar = verticalScrollBar();
    bar->setPageStep(int(f.plot.height()));
    bar->setSingleStep(int(m_renderer.metrics().rowHeight));
    if (bar->maximum() != maximum) {
        const QSignalBlocker blocker(bar);
        bar->setRange(0, maximum);
    }
}

void TimelineView::scheduleRebuild()
{
    m_rebuildTimer->start();
}

void TimelineView::rebuildLanes()
{
    m_rebuildTimer->stop();
    const Project &project = m_document->project();
    m_lanes.rebuild(project, m_filter, m_dimFiltered);
    const std::size_t count = m_lanes.lanes().size();
    // Keep the user's order for lanes that still exist; new lanes go at the end; what
    // happened stays on top.
    m_laneOrder.reconcile(count);
    m_laneOrder.pinFirst(m_lanes.eventsLane());
    spdlog::debug("timeline: {} items on {} lanes", m_lanes.itemCount(), count);
    selectionChanged();
    invalidateLayout();
    Q_EMIT lanesRebuilt();
}

void TimelineView::structureChanged(const StructureChange &change)
{
    m_hover = NoIndex;
    if (change.touches(ItemKind::Party)) {
        // Lanes are parties: keep the user's order and collapsed lanes by party, then
        // rebuild now so that nothing paints with lanes of parties that are gone.
        TimelineLaneOrder::ByParty parties = m_laneOrder.byParty(m_lanes);
        change.remap(ItemKind::Party, parties.order);
        change.remap(ItemKind::Party, parties.collapsed);
        m_renderer.setMetrics(TimelineRenderer::metricsFor(font(), m_document->project()));
        rebuildLanes();
        m_laneOrder.restore(parties, m_lanes);
        invalidateLayout();
        return;
    }
    // Items on the lanes are indices: follow now, not at the next turn, so that a paint in
    // between never reads an index that is gone. A filter change still waiting to be laid out
    // means the lanes are stale already: lay them out again.
    if (m_rebuildTimer->isActive()
        || !m_lanes.follow(m_document->project(), m_filter, m_dimFiltered, change)) {
        rebuildLanes();
        return;
    }
    spdlog::debug("timeline: followed a change to {} items", m_lanes.itemCount());
    selectionChanged();
    invalidateLayout();
    Q_EMIT lanesRebuilt();
}

void TimelineView::documentReset()
{
    m_laneOrder.clear();
    m_hover = NoIndex;
    rebuildLanes();
    // The lane of items without a party shows only when it has items.
    const Project &project = m_document->project();
    m_renderer.setMetrics(TimelineRenderer::metricsFor(font(), project));
    m_scale.setWidth(std::max(1.0, viewport()->width() - m_renderer.metrics().labelWidth));
    // Start on the project's first saved view when it has a range, else show everything;
    // the first lane at the top, not where the previous project's lanes were scrolled to.
    if (const auto range = defaultTimelineRange(project, m_lanes))
        setVisibleRange(range->first, range->second);
    else
        fitAll();
    verticalScrollBar()->setValue(0);
}

void TimelineView::setVisibleRange(double from, double to)
{
    m_scale.setWidth(std::max(1.0, viewport()->width() - m_renderer.metrics().labelWidth));
    m_scale.setRange(from, to);
    rangeChanged();
}

void TimelineView::rangeChanged()
{
    invalidateLayout();
    if (m_timeWindow)
        m_timeWindow->setRange(m_scale.start(), m_scale.end());
    Q_EMIT visibleRangeChanged(m_scale.start(), m_scale.end());
}

void TimelineView::setTimeWindow(TimeWindow *window)
{
    if (m_timeWindow)
        disconnect(m_timeWindow, nullptr, this, nullptr);
    m_timeWindow = window;
    if (!window)
        return;
    connect(window, &TimeWindow::rangeChanged, this, [this](double from, double to) {
        // The range this view just put there comes back: nothing to do.
        if (to > from && (from != m_scale.start() || to != m_scale.end()))
            setVisibleRange(from, to);
    });
    connect(window, &TimeWindow::zoneChanged, this, &TimelineView::setTimeZone);
    setTimeZone(window->zone());
    if (m_scale.end() > m_scale.start())
        window->setRange(m_scale.start(), m_scale.end());
}

void TimelineView::zoomAt(double x, double factor)
{
    m_scale.zoomAt(x - m_renderer.metrics().labelWidth, factor);
    rangeChanged();
}

void TimelineView::zoomIn()
{
    m_scale.zoomAt(m_scale.width() / 2, KeyZoomFactor);
    rangeChanged();
}

void TimelineView::zoomOut()
{
    m_scale.zoomAt(m_scale.width() / 2, 1.0 / KeyZoomFactor);
    rangeChanged();
}

void TimelineView::centerOn(double seconds)
{
    m_scale.centerOn(seconds);
    rangeChanged();
}

void TimelineView::fitAll()
{
    std::int64_t from = 0;
    std::int64_t to = 0;
    if (!m_lanes.extent(&from, &to)) {
        const std::int64_t now = QDateTime::currentSecsSinceEpoch();
        from = now - 7 * 86400;
        to = now + 86400;
    }
    const double margin = std::max(3600.0, double(to - from) * 0.03);
    setVisibleRange(double(from) - margin, double(to) + margin);
}

void TimelineView::zoomToSelection()
{
    const auto extent = selectionExtent(m_document->project(), m_selection->items());
    if (!extent)
        return;
    const auto [from, to] = *extent;
    const double margin = std::max(1800.0, (to - from) * 0.15);
    setVisibleRange(from - margin, to + margin);
}

void TimelineView::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_options.zone)
        return;
    m_options.zone = zone;
    invalidateLayout();
}

void TimelineView::setShadeOffHours(bool on)
{
    m_options.shadeOffHours = on;
    invalidateLayout();
}

void TimelineView::setShowRelations(bool on)
{
    m_options.showRelations = on;
    m_options.showLeaders = on;
    invalidateLayout();
}

void TimelineView::setDimFiltered(bool on)
{
    if (on == m_dimFiltered)
        return;
    m_dimFiltered = on;
    rebuildLanes();
}

void TimelineView::moveLane(std::size_t lane, std::size_t toPosition)
{
    if (m_laneOrder.move(lane, toPosition))
        invalidateLayout();
}

void TimelineView::setLaneOrder(const std::vector<std::size_t> &order)
{
    if (m_laneOrder.setOrder(order))
        invalidateLayout();
}

bool TimelineView::isLaneCollapsed(std::size_t lane) const
{
    return m_laneOrder.isCollapsed(lane);
}

void TimelineView::setLaneCollapsed(std::size_t lane, bool collapsed)
{
    if (m_laneOrder.setCollapsed(lane, collapsed))
        invalidateLayout();
}

// --- painting and export ------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent *)
{
    ensureLayout();
    QPainter painter(viewport());
    const TimelineRenderer::Input in = input(viewport()->size(), viewport()->palette());
    m_renderer.paint(painter, in);
    m_interaction->paintFeedback(painter, in);
}

Picture TimelineView::picture(double from, double to, const QSize &size, const QPalette &palette,
                              bool caption) const
{
    TimelineImageRequest request;
    request.from = from;
    request.to = to;
    request.width = size.width();
    request.height = size.height();
    request.options = m_options;
    request.order = m_laneOrder.order();
    request.collapsed = m_laneOrder.collapsedFlags();
    request.caption = caption;
    return timelinePicture(m_document->project(), m_lanes, request, font(), palette);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    // Keep the window in time: a wider window shows the same range in more detail.
    const double start = m_scale.start();
    const double end = m_scale.end();
    m_scale.setWidth(std::max(1.0, viewport()->width() - m_renderer.metrics().labelWidth));
    m_scale.setRange(start, end);
    rangeChanged();
}

void TimelineView::scrollContentsBy(int, int)
{
    invalidateLayout();
}

void TimelineView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_renderer.setMetrics(TimelineRenderer::metricsFor(font(), m_document->project()));
        invalidateLayout();
    } else if (event->type() == QEvent::PaletteChange) {
        invalidateLayout();
    }
}

// --- input --------------------------------------------------------------------------------

void TimelineView::wheelEvent(QWheelEvent *event)
{
    m_interaction->wheel(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (!m_interaction->mousePress(event))
        QAbstractScrollArea::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    // The plot as laid out before the move, which may pan: where the cursor's time is read.
    const QRectF plot = frame().plot;
    m_interaction->mouseMove(event);
    const QPoint pos = event->position().toPoint();
    if (plot.contains(pos) || pos.y() < plot.top()) {
        Q_EMIT cursorTimeChanged(formatInstant(std::int64_t(m_scale.time(pos.x() - plot.left())),
                                               m_options.zone, m_scale.secondsPerPixel()));
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    m_interaction->mouseRelease(event);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_interaction->mouseDoubleClick(event))
        QAbstractScrollArea::mouseDoubleClickEvent(event);
}

// --- editing by mouse ---------------------------------------------------------------------

AxisTicks TimelineView::ticks() const
{
    return axisTicks(m_scale, m_options.zone, metrics().tickSpacing, frame().finestStep);
}

void TimelineView::panBy(double dx, int dy)
{
    m_scale.panBy(dx);
    if (dy != 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() - dy);
    rangeChanged();
}

void TimelineView::setHover(std::uint32_t code)
{
    if (code == m_hover)
        return;
    m_hover = code;
    viewport()->update();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitAll();
        return;
    case Qt::Key_Left:
        selectNeighbour(-1);
        return;
    case Qt::Key_Right:
        selectNeighbour(1);
        return;
    case Qt::Key_Home:
        selectFirst();
        return;
    case Qt::Key_End:
        selectLast();
        return;
    case Qt::Key_Escape:
        if (m_interaction->cancelEdit())
            return;
        m_selection->clear();
        return;
    case Qt::Key_Z:
        zoomToSelection();
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    TimelineContextMenu::exec(this, m_filter, m_editActions, event);
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        TimelineToolTip(*this).show(static_cast<QHelpEvent *>(event));
        return true;
    }
    if (event->type() == QEvent::MouseMove && QToolTip::isVisible())
        TimelineToolTip(*this).follow(static_cast<QMouseEvent *>(event)->position().toPoint());
    if (event->type() == QEvent::Leave) {
        Q_EMIT cursorTimeChanged({});
        setHover(NoIndex);
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace claimline
