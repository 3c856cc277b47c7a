#pragma once

// TimelineInteraction: what the mouse does on the timeline, as one state machine that the
// TimelineView forwards its mouse events to.
//
// A press decides what a drag will be: on empty space a click (clears the selection) or a pan,
// with Shift a rubber band that selects, on a lane label a lane reorder, on an item a click
// (selects; Ctrl toggles) or a move in time (snapped to the axis ticks; Shift: unsnapped), on a
// claim with Alt a click or a link to the claim it is dropped on. Esc cancels a move or a link
// for the rest of the drag. A click on a "+3 more" chip lists its items. A double-click zooms
// into a crowded band, zooms to an item, or adds an event on the lane under the cursor. Each edit
// is one undo step through the Document; the view stays the owner of the scale, the lanes and the
// hover.

#include "common/relationkindmenu.h"
#include "model/model.h"
#include "time/fuzzytime.h"
#include "timeline/timelinerenderer.h"

#include <QCoreApplication>
#include <QPoint>
#include <QRect>
#include <QString>

#include <cstdint>
#include <optional>

class QLabel;
class QMouseEvent;
class QPainter;
class QRubberBand;
class QWheelEvent;

namespace claimline {

class TimelineView;

class TimelineInteraction final
{
    Q_DECLARE_TR_FUNCTIONS(claimline::TimelineInteraction)

public:
    // Creates the move readout on the view's viewport; `view` outlives this.
    explicit TimelineInteraction(TimelineView *view);
    ~TimelineInteraction();
    TimelineInteraction(const TimelineInteraction &) = delete;
    TimelineInteraction &operator=(const TimelineInteraction &) = delete;

    // False when the view should hand the press on to its base class (not the left button).
    bool mousePress(QMouseEvent *event);
    void mouseMove(QMouseEvent *event);
    void mouseRelease(QMouseEvent *event);
    // The wheel zooms around the cursor; Shift+wheel (or a sideways wheel) pans, Alt+wheel or
    // the wheel over the lane labels scrolls the lanes.
    void wheel(QWheelEvent *event);
    // False when the double-click did nothing here.
    bool mouseDoubleClick(QMouseEvent *event);
    // Esc: ends a move or link in progress; false when there was none.
    bool cancelEdit();

    // The feedback of a move or link in progress, painted over the frame the input drew.
    void paintFeedback(QPainter &painter, const TimelineRenderer::Input &input) const;

    void setAskRelationKind(AskRelationKind ask) { m_askRelationKind = std::move(ask); }
    ItemRef movingItem() const;
    std::optional<FuzzyTime> movedTime() const;
    QLabel *moveReadout() const { return m_readout; }

private:
    const FuzzyTime *timeOfItem(ItemRef item) const;
    void pressOnLaneLabel();
    void updateMove(const QPoint &pos, Qt::KeyboardModifiers modifiers);
    void placeReadout(const QPoint &pos, const FuzzyTime &time);
    void commitMove();
    void finishLink(const QPoint &pos);
    void finishLaneDrag(const QPoint &pos);
    void cancelDrag();
    void addEventAt(const QPoint &pos, int laneBox);
    FuzzyTime timeForNewEvent(double seconds) const;
    void selectInBand(const QRect &band, bool add);

    TimelineView *m_view = nullptr;

    // Pending: pressed on empty space (or an item that cannot move), a click or a pan.
    // PendingMove / PendingLink: pressed on an item (Alt: on a claim), a click or an edit.
    // Cancelled: Esc ended an edit; the rest of the drag does nothing.
    enum class Drag {
        None,
        Pending,
        Pan,
        Band,
        Lane,
        PendingMove,
        Move,
        PendingLink,
        Link,
        Cancelled
    };
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_lastPos;
    ItemRef m_pressItem;
    Qt::KeyboardModifiers m_pressModifiers;
    int m_dragLaneBox = -1;
    QRubberBand *m_rubberBand = nullptr;
    // While moving an item: the shift so far (seconds, snapped) and the time it gives.
    std::int64_t m_moveDelta = 0;
    std::optional<FuzzyTime> m_movedTime;
    QLabel *m_readout = nullptr;
    AskRelationKind m_askRelationKind;
    QString m_linkTitle; // for the default menu: "How does ‘A’ answer ‘B’?"
};

} // namespace claimline
