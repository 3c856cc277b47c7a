#pragma once

// TimelineContextMenu: the TimelineView's right-click menu. Over a lane: collapse or expand
// it, hide its party, move it up or down; then "Show All Lanes" when parties are hidden, the
// view's actions (zoom, fit, selection) and the edit actions the window gave the view.
//
// A "+3 more" chip's menu lists the items the chip holds (choosing one selects it), selects
// them all, or zooms in until they are laid out.

#include <QCoreApplication>
#include <QList>

class QAction;
class QContextMenuEvent;
class QMenu;

namespace claimline {

class Filter;
class TimelineView;

class TimelineContextMenu final
{
    Q_DECLARE_TR_FUNCTIONS(claimline::TimelineContextMenu)

public:
    TimelineContextMenu() = delete;

    // Shows the menu for the event's point and runs the chosen action (an event loop runs
    // meanwhile).
    static void exec(TimelineView *view, Filter *filter, const QList<QAction *> &editActions,
                     const QContextMenuEvent *event);
    // Fills `menu` for the cluster at `index` of the view's frame (nothing for an unknown one).
    static void fillClusterMenu(QMenu &menu, TimelineView *view, int index);
};

} // namespace claimline
