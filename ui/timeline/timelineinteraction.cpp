#include "timeline/timelineinteraction.h"

#include "document/document.h"
#include "document/selection.h"
#include "model/project.h"
#include "present/timelinelanes.h"
#include "present/timescale.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QLabel>
#include <QMouseEvent>
#include <QPointer>
#include <QRubberBand>
#include <QScrollBar>
#include <QWheelEvent>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace claimline {

namespace {

constexpr int DragThreshold = 4;
constexpr double WheelZoomBase = 1.0015; // per eighth of a degree: one notch zooms ~20%

} // namespace

TimelineInteraction::TimelineInteraction(TimelineView *view)
    : m_view(view)
{
    // The new time while an item is dragged: a boxed label in the palette's text colours, so
    // it reads over the axis and the lanes in light and dark mode alike.
    m_readout = new QLabel(view->viewport());
    m_readout->setObjectName(QStringLiteral("timelineMoveReadout"));
    m_readout->setTextFormat(Qt::PlainText);
    m_readout->setBackgroundRole(QPalette::Base);
    m_readout->setAutoFillBackground(true);
    m_readout->setFrameStyle(QFrame::Box | QFrame::Plain);
    m_readout->setMargin(3);
    m_readout->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_readout->hide();
    m_askRelationKind = [this](const QPoint &globalPos) {
        return execRelationKindMenu(m_view, globalPos, m_linkTitle);
    };
}

TimelineInteraction::~TimelineInteraction() = default;

// --- the state machine --------------------------------------------------------------------

bool TimelineInteraction::mousePress(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    m_lastPos = m_pressPos;
    m_pressModifiers = event->modifiers();
    m_pressItem = {};
    if (event->button() != Qt::LeftButton)
        return false;
    const TimelineFrame &f = m_view->frame();
    if (m_pressPos.x() < f.plot.left() && m_pressPos.y() > f.plot.top()) {
        pressOnLaneLabel();
        return true;
    }
    m_pressItem = m_view->itemAt(m_pressPos);
    if (m_pressItem.isValid()) {
        if ((event->modifiers() & Qt::AltModifier) && m_pressItem.kind == ItemKind::Claim) {
            // Linking leaves the selection alone: the user may be looking at its answers.
            m_drag = Drag::PendingLink;
            return true;
        }
        if (event->modifiers() & Qt::ControlModifier) {
            m_view->selection()->toggle(m_pressItem);
            m_drag = Drag::None;
            return true;
        }
        m_view->selection()->select(m_pressItem);
        // Open-ended and unknown times have no place to move from: dragging them pans.
        const FuzzyTime *time = timeOfItem(m_pressItem);
        m_drag = time && time->shifted(0) ? Drag::PendingMove : Drag::Pending;
        return true;
    }
    if (const int cluster = m_view->clusterAt(m_pressPos); cluster >= 0) {
        // A "+3 more" chip lists its items: choosing one selects it.
        m_drag = Drag::None;
        m_view->execClusterMenu(cluster, event->globalPosition().toPoint());
        return true;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Band;
        if (!m_rubberBand)
            m_rubberBand = new QRubberBand(QRubberBand::Rectangle, m_view->viewport());
        m_rubberBand->setGeometry(QRect(m_pressPos, QSize()));
        m_rubberBand->show();
        return true;
    }
    m_drag = Drag::Pending; // a click clears the selection; a drag pans
    return true;
}

// The triangle of a lane label toggles collapse at once; elsewhere on the label a drag
// reorders the lanes.
void TimelineInteraction::pressOnLaneLabel()
{
    m_dragLaneBox = m_view->laneBoxAt(m_pressPos.y());
    if (m_dragLaneBox >= 0 && m_pressPos.x() < 30) {
        const std::size_t lane = m_view->frame().lanes[std::size_t(m_dragLaneBox)].lane;
        m_view->setLaneCollapsed(lane, !m_view->isLaneCollapsed(lane));
        m_dragLaneBox = -1;
        m_drag = Drag::None;
        return;
    }
    m_drag = m_dragLaneBox >= 0 ? Drag::Lane : Drag::None;
}

void TimelineInteraction::mouseMove(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    QWidget *viewport = m_view->viewport();
    switch (m_drag) {
    case Drag::Pending:
        if ((pos - m_pressPos).manhattanLength() < DragThreshold)
            break;
        m_drag = Drag::Pan;
        viewport->setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Drag::Pan:
        m_view->panBy(double(m_lastPos.x() - pos.x()), pos.y() - m_lastPos.y());
        break;
    case Drag::Band:
        m_rubberBand->setGeometry(QRect(m_pressPos, pos).normalized());
        break;
    case Drag::Lane:
        viewport->setCursor(Qt::SizeVerCursor);
        break;
    case Drag::PendingMove:
        if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            break;
        m_drag = Drag::Move;
        viewport->setCursor(Qt::SizeHorCursor);
        [[fallthrough]];
    case Drag::Move:
        updateMove(pos, event->modifiers());
        break;
    case Drag::PendingLink:
        if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            break;
        m_drag = Drag::Link;
        viewport->setCursor(Qt::CrossCursor);
        [[fallthrough]];
    case Drag::Link:
        viewport->update();
        break;
    case Drag::Cancelled:
        break;
    case Drag::None: {
        const ItemRef item = m_view->itemAt(pos);
        m_view->setHover(item.isValid() ? LaneCode::make(item, false) : NoIndex);
        viewport->setCursor(item.isValid() ? Qt::PointingHandCursor : Qt::ArrowCursor);
        break;
    }
    }
    m_lastPos = pos;
}

void TimelineInteraction::mouseRelease(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    switch (m_drag) {
    case Drag::Pending:
        // A press on an item that cannot move selected it; only empty space clears.
        if (!m_pressItem.isValid() && !(m_pressModifiers & Qt::ControlModifier))
            m_view->selection()->clear();
        break;
    case Drag::PendingLink: // an Alt+click: a click
        m_view->selection()->select(m_pressItem);
        break;
    case Drag::Move:
        // What is shown is what is committed: the modifiers of the last move decided the
        // snap, even if Shift was let go just before the button.
        if (pos != m_lastPos)
            updateMove(pos, event->modifiers());
        commitMove();
        break;
    case Drag::Link:
        m_lastPos = pos;
        finishLink(pos);
        break;
    case Drag::PendingMove:
    case Drag::Cancelled:
        break;
    case Drag::Band:
        m_rubberBand->hide();
        selectInBand(QRect(m_pressPos, pos).normalized(), m_pressModifiers & Qt::ControlModifier);
        break;
    case Drag::Lane:
        finishLaneDrag(pos);
        break;
    case Drag::Pan:
    case Drag::None:
        break;
    }
    m_drag = Drag::None;
    m_dragLaneBox = -1;
    m_movedTime.reset();
    m_readout->hide();
    m_view->viewport()->unsetCursor();
    m_view->viewport()->update();
}

void TimelineInteraction::wheel(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const QPointF pos = event->position();
    if (event->modifiers() & Qt::AltModifier || pos.x() < m_view->metrics().labelWidth) {
        // Alt flips the wheel's axis on some platforms: use whichever delta is set.
        const int dy = delta.y() != 0 ? delta.y() : delta.x();
        QScrollBar *bar = m_view->verticalScrollBar();
        bar->setValue(bar->value() - dy / 2);
    } else if (event->modifiers() & Qt::ShiftModifier
               || std::abs(delta.x()) > std::abs(delta.y())) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        m_view->panBy(-double(d) / 2, 0);
    } else if (delta.y() != 0) {
        m_view->zoomAt(pos.x(), std::pow(WheelZoomBase, double(delta.y())));
    }
    event->accept();
}

bool TimelineInteraction::mouseDoubleClick(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const TimelineFrame &f = m_view->frame();
    const int box = m_view->laneBoxAt(pos.y());
    if (f.plot.contains(pos) && box >= 0 && f.lanes[std::size_t(box)].density) {
        m_view->zoomAt(pos.x(), 4.0); // into a crowded band
        return true;
    }
    if (const ItemRef item = m_view->itemAt(pos); item.isValid()) {
        m_view->selection()->select(item);
        m_view->zoomToSelection();
        return true;
    }
    if (event->button() == Qt::LeftButton && f.plot.contains(pos) && box >= 0) {
        addEventAt(pos, box);
        return true;
    }
    return false;
}

bool TimelineInteraction::cancelEdit()
{
    if (m_drag != Drag::PendingMove && m_drag != Drag::Move && m_drag != Drag::PendingLink
        && m_drag != Drag::Link)
        return false;
    cancelDrag();
    return true;
}

void TimelineInteraction::cancelDrag()
{
    m_drag = Drag::Cancelled; // until the button is released
    m_movedTime.reset();
    m_readout->hide();
    m_view->viewport()->unsetCursor();
    m_view->viewport()->update();
}

void TimelineInteraction::paintFeedback(QPainter &painter,
                                        const TimelineRenderer::Input &input) const
{
    const TimelineRenderer &renderer = m_view->renderer();
    if (m_drag == Drag::Move && m_movedTime) {
        if (const FuzzyTime *time = timeOfItem(m_pressItem)) {
            const double dx = double(m_movedTime->midpoint() - time->midpoint())
                / m_view->scale().secondsPerPixel();
            renderer.paintMoveGhost(painter, input, LaneCode::make(m_pressItem, false), dx);
        }
    } else if (m_drag == Drag::Link) {
        const TimelineFrame &f = renderer.frame();
        if (const TimelineFrame::Mark *from = f.markOf(LaneCode::make(m_pressItem, false))) {
            const ItemRef target = m_view->itemAt(m_lastPos);
            const bool linkable = target.kind == ItemKind::Claim && target != m_pressItem;
            renderer.paintLinkBand(painter, input, from->anchor, QPointF(m_lastPos),
                                   linkable ? LaneCode::make(target, false) : NoIndex);
        }
    }
}

// --- moving an item in time ---------------------------------------------------------------

const FuzzyTime *TimelineInteraction::timeOfItem(ItemRef item) const
{
    const Project &project = m_view->document()->project();
    if (item.kind == ItemKind::Event && item.index < project.events().size())
        return &project.events()[item.index].when;
    if (item.kind == ItemKind::Claim && item.index < project.claims().size())
        return &project.claims()[item.index].madeAt;
    return nullptr;
}

ItemRef TimelineInteraction::movingItem() const
{
    return m_drag == Drag::Move ? m_pressItem : ItemRef {};
}

std::optional<FuzzyTime> TimelineInteraction::movedTime() const
{
    return m_drag == Drag::Move ? m_movedTime : std::nullopt;
}

void TimelineInteraction::updateMove(const QPoint &pos, Qt::KeyboardModifiers modifiers)
{
    const FuzzyTime *time = timeOfItem(m_pressItem);
    if (!time) {
        cancelDrag();
        return;
    }
    // The shift snaps to whole ticks of the axis, so that what the user lines the mark up with
    // is what it lands on; Shift frees it (the item's own precision still rounds it).
    const double seconds = double(pos.x() - m_pressPos.x()) * m_view->scale().secondsPerPixel();
    if (modifiers & Qt::ShiftModifier) {
        m_moveDelta = std::llround(seconds);
    } else {
        const std::int64_t step = std::max<std::int64_t>(1, m_view->tickStep());
        m_moveDelta = std::llround(seconds / double(step)) * step;
    }
    m_movedTime = time->shifted(m_moveDelta);
    if (!m_movedTime) {
        m_readout->hide();
        m_view->viewport()->update();
        return;
    }
    placeReadout(pos, *time);
    m_view->viewport()->update();
}

// Shows the moved time above the moved mark (or the cursor), kept inside the view.
void TimelineInteraction::placeReadout(const QPoint &pos, const FuzzyTime &time)
{
    m_readout->setText(m_movedTime->toDisplayString(m_view->timeZone()));
    m_readout->adjustSize();
    const TimelineFrame &f = m_view->frame();
    const QWidget *viewport = m_view->viewport();
    QPointF at(pos.x() + 12, pos.y() - m_readout->height() - 10);
    if (const TimelineFrame::Mark *mark = f.markOf(LaneCode::make(m_pressItem, false))) {
        const double dx
            = double(m_movedTime->midpoint() - time.midpoint()) / m_view->scale().secondsPerPixel();
        const QRectF ghost = mark->rect.translated(dx, 0);
        at = QPointF(ghost.center().x() - m_readout->width() / 2.0,
                     ghost.top() - m_readout->height() - 6);
    }
    const int x
        = std::clamp(int(at.x()), int(f.plot.left()) + 2,
                     std::max(int(f.plot.left()) + 2, viewport->width() - m_readout->width() - 2));
    const int y
        = std::clamp(int(at.y()), 2, std::max(2, viewport->height() - m_readout->height() - 2));
    m_readout->move(x, y);
    m_readout->show();
    m_readout->raise();
}

void TimelineInteraction::commitMove()
{
    const ItemRef item = m_pressItem;
    const FuzzyTime *time = timeOfItem(item);
    if (!time || !m_movedTime || *m_movedTime == *time)
        return;
    Document *document = m_view->document();
    const FuzzyTime moved = *m_movedTime;
    const QString text
        = tr("Move %1 to %2")
              .arg(document->quotedName(item), moved.toDisplayString(m_view->timeZone()));
    const Project &project = document->project();
    if (item.kind == ItemKind::Event) {
        Event after = project.events()[item.index];
        after.when = moved;
        document->edit(item.index, after, text, Document::Field::None);
        spdlog::info("timeline: moved an event in time");
    } else {
        Claim after = project.claims()[item.index];
        after.madeAt = moved;
        document->edit(item.index, after, text, Document::Field::None);
        spdlog::info("timeline: moved a claim in time");
    }
}

// --- linking, lanes, adding and band selection --------------------------------------------

void TimelineInteraction::finishLink(const QPoint &pos)
{
    const ItemRef from = m_pressItem;
    const ItemRef to = m_view->itemAt(pos);
    if (from.kind != ItemKind::Claim || to.kind != ItemKind::Claim || !to.isValid() || to == from)
        return;
    m_linkTitle
        = tr("How does %1 answer %2?")
              .arg(m_view->document()->quotedName(from), m_view->document()->quotedName(to));
    // The question may run an event loop (a menu): the view, and this with it, may be gone
    // when it returns.
    const QPointer<TimelineView> alive(m_view);
    const std::optional<RelationKind> kind = m_askRelationKind
        ? m_askRelationKind(m_view->viewport()->mapToGlobal(pos))
        : std::nullopt;
    if (!alive || !kind)
        return;
    Document *document = m_view->document();
    const Project &project = document->project();
    if (from.index < project.claims().size() && to.index < project.claims().size())
        document->linkClaims(from.index, to.index, *kind);
}

void TimelineInteraction::finishLaneDrag(const QPoint &pos)
{
    const int target = m_view->laneBoxAt(pos.y());
    const TimelineFrame &f = m_view->frame();
    if (m_dragLaneBox >= 0 && target >= 0 && target != m_dragLaneBox) {
        const std::vector<std::size_t> &order = m_view->laneOrder();
        const std::size_t lane = f.lanes[std::size_t(m_dragLaneBox)].lane;
        const std::size_t targetLane = f.lanes[std::size_t(target)].lane;
        const auto position
            = std::size_t(std::find(order.begin(), order.end(), targetLane) - order.begin());
        m_view->moveLane(lane, position);
    }
}

void TimelineInteraction::addEventAt(const QPoint &pos, int laneBox)
{
    const TimelineFrame &f = m_view->frame();
    const std::uint32_t party = m_view->lanes().lanes()[f.lanes[std::size_t(laneBox)].lane].party;
    const FuzzyTime when = timeForNewEvent(m_view->scale().time(pos.x() - f.plot.left()));
    if (when.isNull())
        return;
    // The text and the party list go into the document's append-only pools first; addEvent()
    // then makes the one undo step.
    Document *document = m_view->document();
    const QString title = tr("New event");
    Event event;
    event.id = document->addText(document->uniqueId(ItemKind::Event, title));
    event.title = document->addText(title);
    event.when = when;
    // Double-clicking a party's lane makes an event of that party (drawn on the events lane).
    if (party < document->project().parties().size()) {
        const std::array<std::uint32_t, 1> parties {party};
        event.parties = document->addIndices(parties);
    }
    event.status = Status::Unverified;
    const std::uint32_t index = document->addEvent(event);
    if (index == NoIndex)
        return;
    spdlog::info("timeline: added an event by double-click");
    m_view->selection()->select({ItemKind::Event, index});
}

// The time of an event added at `t` (seconds UTC) at the current zoom.
FuzzyTime TimelineInteraction::timeForNewEvent(double t) const
{
    const AxisTicks ticks = m_view->ticks();
    if (ticks.subDay) {
        // Hours and minutes: the nearest tick, to the minute.
        std::int64_t snapped = std::llround(t);
        double distance = std::numeric_limits<double>::max();
        for (const AxisTick &tick : ticks.minor) {
            if (std::abs(double(tick.time) - t) < distance) {
                distance = std::abs(double(tick.time) - t);
                snapped = tick.time;
            }
        }
        return FuzzyTime::fromInstant(snapped, Precision::Minute);
    }
    // Days or coarser: the calendar day under the cursor in the display zone (a calendar day
    // is the same date in every zone, see fuzzytime.h). Rounding to a week or month tick would
    // put the event far from where the user clicked.
    const QDate date
        = QDateTime::fromSecsSinceEpoch(std::int64_t(std::floor(t)), m_view->timeZone()).date();
    return FuzzyTime::fromDate(date.year(), date.month(), date.day());
}

void TimelineInteraction::selectInBand(const QRect &band, bool add)
{
    const TimelineFrame &f = m_view->frame();
    const QRectF area = QRectF(band).intersected(f.plot);
    if (area.isEmpty())
        return;
    const TimeScale &scale = m_view->scale();
    const auto from = std::int64_t(scale.time(area.left() - f.plot.left()));
    const auto to = std::int64_t(scale.time(area.right() - f.plot.left()));
    Selection *selection = m_view->selection();
    std::vector<ItemRef> items = add ? selection->items() : std::vector<ItemRef> {};
    for (const auto &box : f.lanes) {
        const double top = f.plot.top() + box.top - f.scrollY;
        if (top + box.height < area.top() || top > area.bottom())
            continue;
        if (!box.density) {
            // Individually drawn: what the band touches on screen.
            for (const TimelineFrame::Mark &mark : f.marks) {
                if (f.lanes[mark.laneBox].lane == box.lane && mark.rect.intersects(area)
                    && !LaneCode::isRejected(mark.code))
                    items.push_back(LaneCode::item(mark.code));
            }
            continue;
        }
        TimelineLanes::forEachOverlapping(m_view->lanes().lanes()[box.lane], from, to,
                                          [&](std::int64_t, std::int64_t, std::uint32_t code) {
                                              if (!LaneCode::isRejected(code))
                                                  items.push_back(LaneCode::item(code));
                                          });
    }
    selection->setItems(std::move(items));
}

} // namespace claimline
