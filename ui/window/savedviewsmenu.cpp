#include "window/savedviewsmenu.h"

#include "document/document.h"
#include "document/filter.h"
#include "document/savedview.h"
#include "model/project.h"
#include "narratives/narrativesview.h"
#include "text/visibletext.h"
#include "timeline/timelineview.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QStatusBar>

#include <spdlog/spdlog.h>

#include <cmath>
#include <vector>

namespace claimline {

SavedViewsMenu::SavedViewsMenu(Document *document, Filter *filter, TimelineView *timeline,
                               NarrativesView *narratives, QMainWindow *window, QWidget *parent)
    : QMenu(tr("Saved &Views"), parent)
    , m_document(document)
    , m_filter(filter)
    , m_timeline(timeline)
    , m_narratives(narratives)
    , m_window(window)
{
    setObjectName(QStringLiteral("savedViewsMenu"));
    connect(this, &QMenu::aboutToShow, this, &SavedViewsMenu::updateMenu);
}

void SavedViewsMenu::updateMenu()
{
    clear();
    const Project &project = m_document->project();
    const std::vector<SavedView> views = savedViews(project);
    for (const SavedView &view : views) {
        QString name = visibleText(view.name);
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        addAction(name.isEmpty() ? tr("(unnamed)") : name, this, [this, view] { applyView(view); });
    }
    if (views.empty())
        addAction(tr("No saved views"))->setEnabled(false);
    addSeparator();
    addAction(tr("&Save Current View…"), this, &SavedViewsMenu::saveCurrentView);
    QMenu *remove = addMenu(tr("&Delete View"));
    remove->setEnabled(!views.empty());
    for (const SavedView &view : views) {
        QString name = visibleText(view.name);
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        remove->addAction(name, this, [this, name = view.name] { deleteView(*m_document, name); });
    }
}

void SavedViewsMenu::applyView(const SavedView &view)
{
    spdlog::info("applying a saved view");
    applySavedView(view, *m_filter);
    if (view.from && view.to && *view.to > *view.from)
        m_timeline->setVisibleRange(double(*view.from), double(*view.to));
    if (!view.lanes.empty()) {
        std::vector<std::size_t> order;
        for (const std::uint32_t party : view.lanes)
            order.push_back(m_timeline->lanes().laneOfParty(party));
        m_timeline->setLaneOrder(order);
    }
    if (!view.a.empty() && !view.b.empty())
        m_narratives->setNarratives(view.a, view.b);
}

SavedView SavedViewsMenu::currentView(const QString &name) const
{
    const Project &project = m_document->project();
    SavedView view;
    // Keep what this window does not model of a view being overwritten.
    for (const SavedView &existing : savedViews(project)) {
        if (existing.name == name) {
            view = existing;
            break;
        }
    }
    view.name = name;
    captureFilter(*m_filter, view);
    view.from = std::int64_t(std::floor(m_timeline->scale().start()));
    view.to = std::int64_t(std::ceil(m_timeline->scale().end()));
    view.fromText.clear();
    view.toText.clear();
    view.lanes.clear();
    for (const std::size_t lane : m_timeline->laneOrder()) {
        const std::uint32_t party = m_timeline->lanes().lanes()[lane].party;
        if (party != NoIndex)
            view.lanes.push_back(party);
    }
    view.a = m_narratives->narrativeA();
    view.b = m_narratives->narrativeB();
    return view;
}

void SavedViewsMenu::saveCurrentView()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Save View"),
                                               tr("Name of the view (the time range, filter, "
                                                  "lane order and narratives A/B are saved in "
                                                  "the project):"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    saveView(*m_document, currentView(name));
    m_window->statusBar()->showMessage(tr("Saved the view “%1”").arg(visibleText(name)), 3000);
}

} // namespace claimline
