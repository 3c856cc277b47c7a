#pragma once

// TimelineView: the interactive timeline. A lane of events on top (each event once, its
// parties as colour chips), then one lane per party holding the claims it made at the time
// they were made; answers as arrows, an adaptive time axis in a display zone that is never
// finer than the dates drawn. Items without room at a zoom are listed in "+3 more" chips.
//
// It observes the shared Document, Selection and Filter and never talks to another view:
// clicking selects through the Selection, the Filter decides what is shown (or dimmed), and
// a document change rebuilds the lane index. Painting is done by TimelineRenderer.
//
// Mouse: wheel zooms around the cursor (Shift+wheel pans, Alt+wheel scrolls the lanes), drag
// on empty space pans, Shift+drag selects with a rubber band, click selects (Ctrl+click
// adds), a lane label toggles collapse when its triangle is clicked and reorders lanes when
// dragged. Editing, each one undo step through the Document: dragging an event or claim moves
// it in time (snapped to the axis ticks; Shift: unsnapped; Esc cancels), Alt+dragging a claim
// onto another links them (the first answers the second), double-clicking empty space in a
// lane adds an event there. Keys: + - 0 zoom, Left/Right previous/next item in time,
// Home/End, Esc.
//
// The view keeps the state (scale, lanes, lane order, hover) and the layout; the mouse state
// machine is TimelineInteraction, the tooltip texts TimelineToolTip, the right-click menu
// TimelineContextMenu, and what the selection means for the lanes timelineselection.h.

#include "common/picture.h"
#include "common/relationkindmenu.h"
#include "present/timelinelanes.h"
#include "present/timescale.h"
#include "timeline/timelineinteraction.h"
#include "timeline/timelinelaneorder.h"
#include "timeline/timelinerenderer.h"

#include <QAbstractScrollArea>
#include <QPointer>
#include <QTimeZone>

#include <functional>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QTimer;

namespace claimline {

class Document;
struct StructureChange;
class Filter;
class Selection;
class TimeWindow;
struct TimelineTimeKey;

class TimelineView final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    TimelineView(Document *document, Selection *selection, Filter *filter,
                 QWidget *parent = nullptr);
    ~TimelineView() override;

    // The shared objects the view observes (for its accessibility interface).
    Document *document() const { return m_document; }
    Selection *selection() const { return m_selection; }

    // --- the window in time -------------------------------------------------------------
    const TimeScale &scale() const { return m_scale; }
    void setVisibleRange(double from, double to);
    void zoomIn();
    void zoomOut();
    void zoomAt(double x, double factor); // x in widget coordinates
    void fitAll();
    void zoomToSelection();
    void centerOn(double seconds);

    // --- options ------------------------------------------------------------------------
    QTimeZone timeZone() const { return m_options.zone; }
    void setTimeZone(const QTimeZone &zone);
    // Shares the visible range and the display zone with the other views: the view puts
    // every range it shows into the window and follows the window's range and zone when
    // something else (a saved view) sets them.
    void setTimeWindow(TimeWindow *window);
    const TimelineOptions &options() const { return m_options; }
    void setShadeOffHours(bool on);
    void setShowRelations(bool on);
    // Filtered-out items are hidden (default) or drawn faded.
    bool dimsFiltered() const { return m_dimFiltered; }
    void setDimFiltered(bool on);

    // Actions added at the end of the context menu (New Event, New Claim, Delete).
    void setEditActions(const QList<QAction *> &actions) { m_editActions = actions; }

    // --- lanes --------------------------------------------------------------------------
    const TimelineLanes &lanes() const { return m_lanes; }
    const std::vector<std::size_t> &laneOrder() const { return m_laneOrder.order(); }
    void moveLane(std::size_t lane, std::size_t toPosition);
    // Puts the lanes in this order (lane indices, top first; a saved view restores its lanes
    // so). Lanes missing from it keep their relative order below; unknown and repeated
    // indices are ignored.
    void setLaneOrder(const std::vector<std::size_t> &order);
    bool isLaneCollapsed(std::size_t lane) const;
    void setLaneCollapsed(std::size_t lane, bool collapsed);

    // --- selection by keyboard ----------------------------------------------------------
    // Selects the previous (-1) or next (+1) shown item in time order after the current one.
    void selectNeighbour(int direction);
    void selectFirst();
    void selectLast();

    // --- for hit testing, tooltips and tests (layout is brought up to date) ------------
    const TimelineFrame &frame() const;
    const TimelineRenderer &renderer() const;
    ItemRef itemAt(const QPoint &pos) const;
    // The "+3 more" chip under a point: an index into frame().clusters, or -1.
    int clusterAt(const QPoint &pos) const;
    // Shows the chip's list of items at a global point and runs the choice (an event loop runs
    // meanwhile); tests replace it with setExecClusterMenu() and fill the menu themselves
    // (TimelineContextMenu::fillClusterMenu).
    void execClusterMenu(int cluster, const QPoint &globalPos);
    void setExecClusterMenu(std::function<void(int cluster)> exec)
    {
        m_execClusterMenu = std::move(exec);
    }
    // The lane under a y in widget coordinates: an index into frame().lanes, or -1.
    int laneBoxAt(double y) const;
    // Tooltip at a point, as plain text (shown escaped: file text is never markup).
    QString toolTipTextAt(const QPoint &pos) const;
    // [from, to) of every shown lane, in its lane order, as a picture `size.width()` points
    // wide and `size.height()` tall (0: as tall as the lanes need), with a title and a key when
    // `caption`; valid while the view is.
    Picture picture(double from, double to, const QSize &size, const QPalette &palette,
                    bool caption = false) const;

    // --- editing by mouse -----------------------------------------------------------------
    // How an Alt+drag from a claim onto another asks for the kind of relation (by default a
    // menu at the drop point); tests answer instead.
    void setAskRelationKind(AskRelationKind ask)
    {
        m_interaction->setAskRelationKind(std::move(ask));
    }
    // While an item is being dragged in time: the item and the time it would get on release
    // (for tests and the accessibility interface); invalid / nullopt otherwise.
    ItemRef movingItem() const { return m_interaction->movingItem(); }
    std::optional<FuzzyTime> movedTime() const { return m_interaction->movedTime(); }
    // The label that shows the new time while an item is dragged (hidden otherwise).
    QLabel *moveReadout() const { return m_interaction->moveReadout(); }
    // The seconds one minor tick of the axis stands for at this zoom: what drags snap to.
    std::int64_t tickStep() const { return ticks().minorStep; }

    // View actions (zoom, fit, selection) for menus; their shortcuts work when the view has
    // focus.
    QList<QAction *> viewActions() const { return m_actions; }

Q_SIGNALS:
    void visibleRangeChanged(double from, double to);
    // The time under the mouse, as text in the display zone; empty when the mouse leaves.
    void cursorTimeChanged(const QString &text);
    void lanesRebuilt();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    // The mouse state machine drives the view through the few private calls below.
    friend class TimelineInteraction;

    TimelineRenderer::Input input(const QSizeF &size, const QPalette &palette) const;
    void ensureLayout() const;
    void invalidateLayout();
    void scheduleRebuild();
    void rebuildLanes();
    void documentReset();
    void structureChanged(const StructureChange &change);
    void selectionChanged();
    void rangeChanged();
    void updateScrollBar();
    void ensureVisible(ItemRef item);
    void createActions();
    void selectAfter(const TimelineTimeKey &from, int direction);
    // For the interaction: pans the window by dx pixels in time and scrolls the lanes by dy.
    void panBy(double dx, int dy);
    // For the interaction: the lane code under the mouse (NoIndex: none).
    void setHover(std::uint32_t code);
    // The axis ticks at this zoom, in the display zone.
    AxisTicks ticks() const;
    // The renderer's metrics, without bringing the layout up to date.
    const TimelineMetrics &metrics() const { return m_renderer.metrics(); }

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    Filter *m_filter = nullptr;
    QPointer<TimeWindow> m_timeWindow;

    TimelineLanes m_lanes;
    mutable TimelineRenderer m_renderer;
    mutable bool m_layoutDirty = true;
    TimeScale m_scale;
    TimelineOptions m_options;
    bool m_dimFiltered = false;
    TimelineLaneOrder m_laneOrder;
    QList<QAction *> m_editActions;
    std::vector<std::uint32_t> m_selected; // lane codes, sorted
    std::vector<std::uint32_t> m_linked;
    std::uint32_t m_hover = NoIndex;
    QTimer *m_rebuildTimer = nullptr;
    QList<QAction *> m_actions;
    std::unique_ptr<TimelineInteraction> m_interaction;
    std::function<void(int cluster)> m_execClusterMenu;
};

} // namespace claimline
