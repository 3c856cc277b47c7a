#include "timeline/timelinecontextmenu.h"

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "model/project.h"
#include "present/timelinelanes.h"
#include "timeline/timelinelabels.h"
#include "timeline/timelinerenderer.h"
#include "timeline/timelinetooltip.h"
#include "timeline/timelineview.h"

#include <QContextMenuEvent>
#include <QFontMetrics>
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
        if (party < view->document()->project().parties().size()) {
            menu.addAction(
                tr("Hide %1").arg(TimelineLabels::partyName(view->document()->project(), party)),
                view, [filter, party] { filter->setPartyHidden(party, true); });
        }
        // The events lane stays on top; the parties' lanes move among themselves.
        if (party != TimelineLanes::EventsParty) {
            const std::vector<std::size_t> &order = view->laneOrder();
            const auto position
                = std::size_t(std::find(order.begin(), order.end(), lane) - order.begin());
            QAction *up = menu.addAction(tr("Move Up"), view, [view, lane, position] {
                view->moveLane(lane, position - 1);
            });
            up->setEnabled(position > 0);
            menu.addAction(tr("Move Down"), view,
                           [view, lane, position] { view->moveLane(lane, position + 1); });
        }
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

void TimelineContextMenu::fillClusterMenu(QMenu &menu, TimelineView *view, int index)
{
    const TimelineFrame &f = view->frame();
    if (index < 0 || std::size_t(index) >= f.clusters.size())
        return;
    const TimelineFrame::Cluster &cluster = f.clusters[std::size_t(index)];
    const Project &project = view->document()->project();
    std::vector<ItemRef> items;
    for (const std::uint32_t code : f.codesOf(cluster))
        items.push_back(LaneCode::item(code));
    QAction *title = menu.addAction(tr("%1 items without room at this zoom").arg(items.size()));
    title->setEnabled(false);
    for (const std::uint32_t code : f.codesOf(cluster)) {
        const ItemRef item = LaneCode::item(code);
        QString text = TimelineToolTip::clusterEntry(project, code, view->timeZone());
        // "&" would underline the next letter as a shortcut.
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action
            = menu.addAction(QFontMetrics(menu.font()).elidedText(text, Qt::ElideRight, 560), view,
                             [view, item] { view->selection()->select(item); });
        action->setToolTip(text);
    }
    menu.addSeparator();
    menu.addAction(tr("Select All %1").arg(items.size()), view,
                   [view, items] { view->selection()->setItems(items); });
    const double from = cluster.from;
    const double to = cluster.to;
    menu.addAction(tr("Zoom In to Lay Them Out"), view, [view, from, to] {
        const double margin = std::max(1800.0, (to - from) * 0.1);
        view->setVisibleRange(from - margin, to + margin);
    });
}

} // namespace claimline
