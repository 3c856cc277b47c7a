// MainWindow's docks: each view in its dock, where it goes and what it shares a place with.
// The menus that show and hide them are built in mainwindow.cpp.

#include "window/mainwindow.h"

#include "annotation/annotationactions.h"
#include "annotation/annotationsview.h"
#include "charts/chartsview.h"
#include "details/detailsview.h"
#include "document/document.h"
#include "document/selection.h"
#include "edit/catalogview.h"
#include "filter/filterpanel.h"
#include "inspector/inspectorview.h"
#include "narratives/narrativesview.h"
#include "positions/positionsview.h"
#include "table/itemtableview.h"

#include <QDockWidget>
#include <QTableView>
#include <QUndoView>

#include <algorithm>

namespace claimline {

// The charts dock, tabified with the narratives and the table; claims per day follows the
// visible range (the TimeWindow the timeline sets).
void MainWindow::createChartsDock()
{
    m_chartsDock = new QDockWidget(tr("Charts"), this);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_charts = new ChartsView(m_document, m_selection, m_filter, m_chartsDock);
    m_chartsDock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);
    tabifyDockWidget(m_tableDock, m_chartsDock);
    m_charts->setTimeWindow(m_timeWindow);
}

void MainWindow::createDocks()
{
    // Every dock has an object name: saveState() and restoreState() find docks by it.
    m_detailsDock = new QDockWidget(tr("Details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsView = new DetailsView(m_document, m_selection, m_detailsDock);
    m_detailsDock->setWidget(m_detailsView);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);

    m_filterDock = new QDockWidget(tr("Filter"), this);
    m_filterDock->setObjectName(QStringLiteral("filterDock"));
    m_filterPanel = new FilterPanel(m_document, m_filter, m_filterDock);
    m_filterDock->setWidget(m_filterPanel);
    // Filter and Details share the right-hand area as tabs, so the timeline keeps its width.
    addDockWidget(Qt::RightDockWidgetArea, m_filterDock);
    tabifyDockWidget(m_detailsDock, m_filterDock);
    // The inspector edits the selected item; the undo history lists every edit and jumps
    // back to any of them. Both are tabs of the right-hand area too.
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspector = new InspectorView(m_document, m_selection, m_inspectorDock);
    m_inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    tabifyDockWidget(m_filterDock, m_inspectorDock);
    m_historyDock = new QDockWidget(tr("Undo History"), this);
    m_historyDock->setObjectName(QStringLiteral("undoHistoryDock"));
    auto *history = new QUndoView(m_document->undoStack(), m_historyDock);
    history->setEmptyLabel(tr("<opened>"));
    m_historyDock->setWidget(history);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    tabifyDockWidget(m_inspectorDock, m_historyDock);
    m_detailsDock->raise();

    // Parties, actors, sources and questions on the left, so that one can be picked while
    // the Inspector on the right edits it.
    m_catalogDock = new QDockWidget(tr("Catalog"), this);
    m_catalogDock->setObjectName(QStringLiteral("catalogDock"));
    m_catalog = new CatalogView(m_document, m_selection, m_catalogDock);
    m_catalogDock->setWidget(m_catalog);
    addDockWidget(Qt::LeftDockWidgetArea, m_catalogDock);

    // The narratives and the table share the bottom area as tabs.
    m_narrativesDock = new QDockWidget(tr("Narratives"), this);
    m_narrativesDock->setObjectName(QStringLiteral("narrativesDock"));
    m_narratives = new NarrativesView(m_document, m_selection, m_filter, m_narrativesDock);
    m_narrativesDock->setWidget(m_narratives);
    addDockWidget(Qt::BottomDockWidgetArea, m_narrativesDock);
    // The positions, next to the narratives: the short answers beside the claims behind them.
    m_positionsDock = new QDockWidget(tr("Positions"), this);
    m_positionsDock->setObjectName(QStringLiteral("positionsDock"));
    m_positions = new PositionsView(m_document, m_filter, m_positionsDock);
    m_positionsDock->setWidget(m_positions);
    addDockWidget(Qt::BottomDockWidgetArea, m_positionsDock);
    tabifyDockWidget(m_narrativesDock, m_positionsDock);
    m_tableDock = new QDockWidget(tr("Table"), this);
    m_tableDock->setObjectName(QStringLiteral("tableDock"));
    m_table = new ItemTableView(m_document, m_selection, m_filter, m_tableDock);
    m_tableDock->setWidget(m_table);
    addDockWidget(Qt::BottomDockWidgetArea, m_tableDock);
    tabifyDockWidget(m_narrativesDock, m_tableDock);
    createChartsDock();
    createAnnotationsDock();
    m_narrativesDock->raise();
    resizeDocks({m_narrativesDock}, {300}, Qt::Vertical);
    // One call for both sides: a second resizeDocks() in the same orientation before the
    // window is shown undoes the first (the catalog opened 68 px wide, its names clipped).
    // The right side is as wide as the Inspector asks, so that an event's or a claim's form
    // (the citation row is the widest) fits without a horizontal scroll bar.
    const int right = std::max(320, m_inspector->sizeHint().width());
    resizeDocks({m_catalogDock, m_detailsDock}, {220, right}, Qt::Horizontal);
}

// The Annotations dock, a tab of the bottom area with the table: a list as wide as the window
// reads best there. Activating an annotation shows its item in the Inspector. The star and
// the analyst's name are the window's actions (AnnotationActions); the star is in the context
// menus of the catalog and the table too.
void MainWindow::createAnnotationsDock()
{
    m_annotationsDock = new QDockWidget(tr("Annotations"), this);
    m_annotationsDock->setObjectName(QStringLiteral("annotationsDock"));
    m_annotations = new AnnotationsView(m_document, m_selection, m_annotationsDock);
    m_annotationsDock->setWidget(m_annotations);
    addDockWidget(Qt::BottomDockWidgetArea, m_annotationsDock);
    tabifyDockWidget(m_chartsDock, m_annotationsDock);
    connect(m_annotations, &AnnotationsView::itemActivated, this, [this] {
        m_inspectorDock->show();
        m_inspectorDock->raise();
    });
    m_annotationActions = new AnnotationActions(m_document, m_selection, this);
    m_catalog->addAction(m_annotationActions->starAction());
    m_table->table()->addAction(m_annotationActions->starAction());
}

} // namespace claimline
