// One selection, one filter: every view follows the shared Selection and Filter through
// signals, and none calls another. Selecting a claim in any view selects it in the others;
// a filter change reaches every view.

#include "charts/chartsview.h"
#include "details/detailsview.h"
#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "document/timewindow.h"
#include "narratives/narrativesview.h"
#include "table/itemtableproxy.h"
#include "table/itemtableview.h"
#include "testsupport.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"

#include <QItemSelectionModel>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

struct Window
{
    QTemporaryDir settingsDir;
    MainWindow *window = nullptr;

    Window()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        window = new MainWindow;
        window->resize(1600, 1200);
        window->show();
        EXPECT_TRUE(window->openFile(test::samplePath()));
        QCoreApplication::processEvents();
    }
    ~Window() { delete window; }

    const Project &project() const { return window->document()->project(); }
    ItemRef find(const char *id) const
    {
        const auto ref = project().find(id);
        EXPECT_TRUE(ref.has_value()) << id;
        return ref.value_or(ItemRef {});
    }
    // The item of the table's current row.
    ItemRef tableCurrent() const
    {
        ItemTableView *table = window->table();
        const QModelIndex index = table->table()->selectionModel()->currentIndex();
        if (!index.isValid())
            return {};
        const QModelIndex source = table->proxy()->mapToSource(index);
        return table->model()->itemAt(source.row());
    }
    void settle() const
    {
        // Views coalesce bursts with zero-delay timers.
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
    }
};

QPoint centreOf(const QRectF &rect)
{
    return rect.center().toPoint();
}

} // namespace

TEST(ViewSync, ClickingAClaimOnTheTimelineSelectsItEverywhere)
{
    Window w;
    const ItemRef claim = w.find("claim-91-drones");
    TimelineView *timeline = w.window->timeline();
    const TimelineFrame::Mark *mark = timeline->frame().markOf(LaneCode::make(claim, false));
    ASSERT_NE(mark, nullptr) << "the 91-drones claim is drawn in the opening view";
    ASSERT_TRUE(timeline->frame().plot.contains(mark->rect.center()));
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, centreOf(mark->rect));
    w.settle();

    EXPECT_EQ(w.window->selection()->current(), claim);
    // The table switched to claims and selected the row.
    EXPECT_EQ(w.tableCurrent(), claim);
    // The narratives view shows the claim's card.
    EXPECT_FALSE(w.window->narratives()->claimRect(claim.index).isNull());
    // The details name it.
    EXPECT_TRUE(w.window->detailsView()->text().contains(
        w.project().text(w.project().claims()[claim.index].statement).left(40)));
}

TEST(ViewSync, ClickingAClaimInTheNarrativesSelectsItEverywhere)
{
    Window w;
    const ItemRef claim = w.find("claim-fabrication");
    NarrativesView *narratives = w.window->narratives();
    narratives->scrollToClaim(claim.index);
    w.settle();
    const QRect rect = narratives->claimRect(claim.index);
    ASSERT_FALSE(rect.isNull());
    QTest::mouseClick(narratives->viewport(), Qt::LeftButton, {}, rect.center());
    w.settle();

    EXPECT_EQ(w.window->selection()->current(), claim);
    EXPECT_EQ(w.tableCurrent(), claim);
    // The timeline draws it (scrolled into its window if needed) and rings it as selected.
    EXPECT_NE(w.window->timeline()->frame().markOf(LaneCode::make(claim, false)), nullptr);
}

TEST(ViewSync, SelectingARowInTheTableSelectsItEverywhere)
{
    Window w;
    ItemTableView *table = w.window->table();
    table->setMode(ItemTableModel::Mode::Claims);
    w.settle();
    const ItemRef claim = w.find("claim-91-drones");
    // Find the claim's row through the proxy and click it like a user.
    const QModelIndex source = table->model()->index(int(claim.index), 1);
    const QModelIndex row = table->proxy()->mapFromSource(source);
    ASSERT_TRUE(row.isValid());
    table->table()->scrollTo(row);
    const QRect cell = table->table()->visualRect(row);
    QTest::mouseClick(table->table()->viewport(), Qt::LeftButton, {}, cell.center());
    w.settle();

    EXPECT_EQ(w.window->selection()->current(), claim);
    EXPECT_FALSE(w.window->narratives()->claimRect(claim.index).isNull());
    EXPECT_NE(w.window->timeline()->frame().markOf(LaneCode::make(claim, false)), nullptr);
    // No bounce: the selection holds exactly the one item.
    EXPECT_EQ(w.window->selection()->items(), std::vector<ItemRef> {claim});
}

TEST(ViewSync, AFilterChangeReachesEveryView)
{
    Window w;
    const ItemRef claim = w.find("claim-91-drones");
    const std::uint32_t russia = w.find("russia").index;
    ASSERT_NE(w.window->timeline()->frame().markOf(LaneCode::make(claim, false)), nullptr);
    w.window->table()->setMode(ItemTableModel::Mode::Claims);
    w.settle();
    const int rowsBefore = w.window->table()->proxy()->rowCount();

    w.window->filter()->setPartyHidden(russia, true);
    w.settle();

    // Timeline: Russia's lane is gone, and the claim with it.
    EXPECT_EQ(w.window->timeline()->frame().markOf(LaneCode::make(claim, false)), nullptr);
    // Table: fewer claim rows, none of them Russia's.
    ItemTableView *table = w.window->table();
    EXPECT_LT(table->proxy()->rowCount(), rowsBefore);
    for (int r = 0; r < table->proxy()->rowCount(); ++r) {
        const QModelIndex source = table->proxy()->mapToSource(table->proxy()->index(r, 0));
        EXPECT_NE(w.project().partyOfClaim(table->model()->itemAt(source.row()).index), russia);
    }
    // Narratives: the claim's card is gone.
    EXPECT_TRUE(w.window->narratives()->claimRect(claim.index).isNull());
    // Status bar: says what the filter hides.
    EXPECT_TRUE(w.window->statusText().contains(QStringLiteral("Russia")))
        << w.window->statusText().toStdString();
}

// The visible range and the display zone are one shared TimeWindow: zooming the timeline moves
// the claims-per-day chart's buckets with it, and a zone chosen in the window reaches the
// timeline and the charts alike, with no view calling another.
TEST(ViewSync, TheChartsFollowTheTimelinesRangeAndZoneThroughTheTimeWindow)
{
    Window w;
    TimelineView *timeline = w.window->timeline();
    ChartsView *charts = w.window->charts();
    TimeWindow *time = w.window->timeWindow();
    charts->setKind(ChartKind::ClaimsPerDay);
    w.settle();
    EXPECT_EQ(time->from(), timeline->scale().start());
    EXPECT_EQ(time->to(), timeline->scale().end());

    const QDateTime day(QDate(2025, 12, 30), QTime(0, 0), QTimeZone::utc());
    timeline->setVisibleRange(double(day.toSecsSinceEpoch()),
                              double(day.toSecsSinceEpoch() + 86400));
    w.settle();
    charts->flush();
    EXPECT_EQ(time->from(), double(day.toSecsSinceEpoch()));
    const TimeBuckets &buckets = charts->data().buckets;
    ASSERT_FALSE(buckets.isEmpty());
    // A one-day window is counted by the hour, inside that day.
    EXPECT_EQ(buckets.unit(), BucketUnit::Hour);
    EXPECT_GE(buckets.start(0), day.toSecsSinceEpoch());
    EXPECT_LE(buckets.end(buckets.size() - 1), day.toSecsSinceEpoch() + 86400);

    // A range set on the window (as a saved view does) moves the timeline.
    time->setRange(double(day.toSecsSinceEpoch() - 86400),
                   double(day.toSecsSinceEpoch() + 2 * 86400));
    w.settle();
    EXPECT_EQ(timeline->scale().start(), double(day.toSecsSinceEpoch() - 86400));

    const QTimeZone moscow(QByteArrayLiteral("Europe/Moscow"));
    time->setZone(moscow);
    EXPECT_EQ(timeline->timeZone(), moscow);
    EXPECT_EQ(charts->timeZone(), moscow);
}
