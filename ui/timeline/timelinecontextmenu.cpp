#include "timeline/timelinecontextmenu.h"

#include "document/document.h"
#include "document/filter.h"
#include "present/timelinelanes.h"
#include "timeline/timelinelabels.h"
#include "timeline/timelinerenderer.h"
#include "timeline/timelineview.h"

#include <QContextMenuEvent>
#include <QMenu>

#include <algorithm>
#include <set>

namespace claimline {

void TimelineContextMenu::exec(TimelineView *view, Filter *filter,
                               const QList<QAction *> &editActions, const QContextMenuEvent *event)
{
    const TimelineFrame &f = view->frame();
    QMenu menu(view);
    const int box = view->laneBoxAt(event->pos().y());
    if (box >= 0 && event->pos().y() > f.plot.top()) {
        const std::size_t lane = f.lanes[std::size_t(box)].lane;
        const std::uint32_t party = view->lanes().lanes()[lane].party;
        menu.addAction(
            view->isLaneCollapsed(lane) ? tr("Expand Lane") : tr("Collapse Lane"), view,
            [view, lane] { view->setLaneCollapsed(lane, !view->isLaneCollapsed(lane)); });
        if (party != NoIndex) {
            menu.addAction(
                tr("Hide %1").arg(TimelineLabels::partyName(view->document()->project(), party)),
                view, [filter, party] { filter->setPartyHidden(party, true); });
        }
        const std::vector<std::size_t> &order = view->laneOrder();
        const auto position
            = std::size_t(std::find(order.begin(), order.end(), lane) - order.begin());
        QAction *up = menu.addAction(
            tr("Move Up"), view, [view, lane, position] { view->moveLane(lane, position - 1); });
        up->setEnabled(position > 0);
        menu.addAction(tr("Move Down"), view,
                       [view, lane, position] { view->moveLane(lane, position + 1); });
    }
    if (!filter->hiddenParties().empty()) {
        menu.addAction(tr("Show All Lanes"), view, [filter] {
            filter->beginUpdate();
            const std::set<std::uint32_t> hidden = filter->hiddenParties();
            for (const std::uint32_t party : hidden)
                filter->setPartyHidden(party, false);
            filter->endUpdate();
        });
    }
    menu.addSeparator();
    for (QAction *action : view->viewActions())
        menu.addAction(action);
    if (!editActions.isEmpty()) {
        menu.addSeparator();
        menu.addActions(editActions);
    }
    menu.exec(event->globalPos());
}

} // namespace claimline
