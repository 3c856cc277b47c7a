// Chart layout (issue 15): every legend entry whole and none missing, in the dock at the
// default window and in pictures; the vertical axis's title whole; the stance matrix a
// clickable heat-map table; the note of what is not shown in the exported picture; and the
// view following the shared time window for every chart.

#include "charts/chartbuilder.h"
#include "charts/chartdecor.h"
#include "charts/chartexport.h"
#include "charts/chartheatmap.h"
#include "charts/chartsview.h"
#include "chartsfixture.h"
#include "common/picture.h"
#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "document/timewindow.h"
#include "model/project.h"
#include "present/chartdata.h"
#include "testsupport.h"

#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>

#include <QApplication>
#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QSvgGenerator>
#include <QTest>

#include <gtest/gtest.h>

#include <array>
#include <set>

using namespace claimline;

namespace {

using test::AllKinds;
using test::Sample;

// What the legend should list: a series' name (the matrix adds where its square is).
std::vector<QString> expectedEntries(const ChartData &data)
{
    std::vector<QString> names;
    for (const ChartSeries &series : data.series)
        names.push_back(series.name);
    return names;
}

// Every entry present, inside the chart, below the plot, wide enough for its whole name, and
// clear of the others.
void expectLegendWhole(const QChart &chart, const ChartData &data, const QFont &font,
                       const std::string &where)
{
    const ChartDecor *decor = chartDecor(chart);
    ASSERT_NE(decor, nullptr) << where;
    const auto &entries = decor->entries();
    const std::vector<QString> expected = expectedEntries(data);
    ASSERT_EQ(entries.size(), expected.size()) << where;
    const QRectF bounds(QPointF(0, 0), chart.size());
    const QFontMetricsF metrics(font);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string name = where + ": " + entries[i].name.toStdString();
        EXPECT_TRUE(entries[i].name.startsWith(expected[i])) << name;
        EXPECT_TRUE(bounds.contains(entries[i].rect)) << name;
        EXPECT_GE(entries[i].rect.width(), metrics.horizontalAdvance(entries[i].name)) << name;
        EXPECT_FALSE(entries[i].rect.intersects(chart.plotArea())) << name;
        for (std::size_t j = 0; j < i; ++j)
            EXPECT_FALSE(entries[i].rect.intersects(entries[j].rect)) << name;
    }
    // The title and the vertical axis's title are whole too.
    EXPECT_TRUE(bounds.contains(decor->titleRect())) << where;
    if (!decor->axisTitle().isEmpty()) {
        QFont axisFont = font; // ChartDecor's axis title: 0.95 of the font
        axisFont.setPointSizeF(font.pointSizeF() * 0.95);
        EXPECT_GE(decor->axisTitleRect().width(),
                  QFontMetricsF(axisFont).horizontalAdvance(decor->axisTitle()))
            << where;
        EXPECT_LE(decor->axisTitleRect().bottom(), chart.plotArea().top()) << where;
    }
}

// The SVG text a picture writes.
QString svgOf(const Picture &picture)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(picture.size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), picture.size));
    QPainter painter(&svg);
    picture.paint(painter);
    painter.end();
    return QString::fromUtf8(buffer.data());
}

} // namespace

// "Hungarian Conservative" was missing from the party legend of the dock.
TEST(ChartLayout, EveryLegendEntryIsWholeInTheDock)
{
    Sample sample;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    // The Charts dock of the default window: wide and short.
    view.resize(1420, 230);
    view.show();
    for (const ChartKind kind : AllKinds) {
        view.setKind(kind);
        view.flush();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
        // A chart too tall for the dock scrolls: it is never squeezed until names are cut.
        const auto *chartView = view.findChild<QChartView *>();
        ASSERT_NE(chartView, nullptr);
        EXPECT_GE(view.chart()->size().height(), chartView->minimumHeight() - 1);
        expectLegendWhole(*view.chart(), view.data(), view.font(), chartName(kind).toStdString());
    }
    // Status by party lists every party's full name... and the response lag's parties include
    // the Hungarian Conservative.
    view.setKind(ChartKind::ResponseLag);
    std::set<QString> names;
    for (const auto &entry : chartDecor(*view.chart())->entries())
        names.insert(entry.name);
    EXPECT_EQ(names.count(QStringLiteral("Hungarian Conservative")), 1u);
}

TEST(ChartLayout, EveryLegendEntryIsWholeInPictures)
{
    Sample sample;
    for (const QSizeF size : {QSizeF(1200, 750), QSizeF(640, 400)}) {
        for (const ChartKind kind : AllKinds) {
            const Picture picture
                = chartPicture(sample.document.project(), sample.filter, kind, size);
            const QString svg = svgOf(picture);
            ChartRequest request;
            request.kind = kind;
            request.maxRows = matrixRowsFitting(size.height());
            const ChartData data = computeChart(sample.document.project(), sample.filter, request);
            for (const QString &name : expectedEntries(data)) {
                EXPECT_TRUE(svg.contains(QStringLiteral(">") + name.toHtmlEscaped()))
                    << chartName(kind).toStdString() << " " << size.width() << ": "
                    << name.toStdString();
            }
        }
    }
}

// "Share of the par…": the vertical axis's title is a horizontal line, whole.
TEST(ChartLayout, AxisTitlesAreWhole)
{
    Sample sample;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    view.resize(1420, 230);
    view.show();
    view.setKind(ChartKind::StatusByParty);
    view.flush();
    QCoreApplication::processEvents();
    const ChartDecor *decor = chartDecor(*view.chart());
    ASSERT_NE(decor, nullptr);
    EXPECT_EQ(decor->axisTitle(), QStringLiteral("Share of the party's claims (%)"));
    const auto axes = view.chart()->axes(Qt::Vertical);
    ASSERT_FALSE(axes.isEmpty());
    for (const QAbstractAxis *axis : axes)
        EXPECT_TRUE(axis->titleText().isEmpty()) << "no rotated, elided title";
    expectLegendWhole(*view.chart(), view.data(), view.font(), "status-by-party");
}

TEST(ChartLayout, StanceMatrixIsAClickableHeatMapTable)
{
    Sample sample;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    view.resize(1420, 600);
    view.show();
    view.setKind(ChartKind::StanceMatrix);
    view.flush();
    QCoreApplication::processEvents();
    const ChartData &data = view.data();
    ChartHeatMap *map = chartHeatMap(*view.chart());
    ASSERT_NE(map, nullptr);
    EXPECT_TRUE(view.chart()->series().isEmpty());
    // Every question is written whole in its row header.
    const QFontMetricsF metrics(view.font());
    for (std::size_t r = 0; r < data.rows.size(); ++r) {
        const QRectF header = map->rowHeaderRect(r);
        const QRectF text = metrics.boundingRect(header.adjusted(4, 0, -4, 0),
                                                 Qt::AlignLeft | Qt::TextWordWrap, data.rows[r]);
        EXPECT_LE(text.height(), header.height()) << data.rows[r].toStdString();
    }
    for (std::size_t c = 0; c < data.columns.size(); ++c) {
        EXPECT_GE(map->columnHeaderRect(c).width(), metrics.horizontalAdvance(data.columns[c]))
            << data.columns[c].toStdString();
    }
    // The legend names the stances and where their squares are.
    const auto &entries = chartDecor(*view.chart())->entries();
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[0].name, QStringLiteral("Affirms (top left)"));
    EXPECT_EQ(entries[3].name, QStringLiteral("Qualifies (bottom right)"));

    // A click on a square selects the claims it counts: RU affirms on the first question.
    std::size_t category = 0;
    while (category < data.categories.size() && data.items(0, category).empty())
        ++category;
    ASSERT_LT(category, data.categories.size());
    auto *chartView = view.findChild<QChartView *>();
    const QPoint at
        = chartView->mapFromScene(view.chart()->mapToScene(map->squareRect(0, category).center()));
    QTest::mouseClick(chartView->viewport(), Qt::LeftButton, {}, at);
    std::set<std::uint32_t> selected;
    for (const ItemRef &item : sample.selection.items())
        selected.insert(item.index);
    const auto items = data.items(0, category);
    EXPECT_EQ(selected, std::set<std::uint32_t>(items.begin(), items.end()));
}

TEST(ChartExport, PictureShowsTheNoteOfWhatIsNotShown)
{
    Sample sample;
    const Picture picture = chartPicture(sample.document.project(), sample.filter,
                                         ChartKind::EventTempo, QSizeF(1200, 750));
    const QString svg = svgOf(picture);
    EXPECT_TRUE(svg.contains(QStringLiteral("Not shown:"))) << "the note is in the picture";
    EXPECT_TRUE(svg.contains(QStringLiteral("Operation Spiderweb")));
}

// The charts followed the time window only some of the time: event tempo and the other charts
// never, and a cleared window left the last range in place.
TEST(ChartsView, EveryChartFollowsTheTimeWindow)
{
    Sample sample;
    TimeWindow window;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    view.setTimeWindow(&window);
    view.resize(900, 600);
    view.show();
    const std::int64_t from = test::utcMidnight(2025, 12, 31);
    const std::int64_t to = test::utcMidnight(2026, 1, 2);
    for (const ChartKind kind : AllKinds) {
        window.clearRange();
        view.setKind(kind);
        view.flush();
        const double everything = view.data().total();
        window.setRange(double(from), double(to));
        QCoreApplication::processEvents();
        view.flush();
        const double inWindow = view.data().total();
        EXPECT_LT(inWindow, everything) << chartName(kind).toStdString();
        EXPECT_GT(inWindow, 0) << chartName(kind).toStdString();
        if (!view.data().buckets.isEmpty()) {
            EXPECT_EQ(view.data().buckets.start(0), from) << chartName(kind).toStdString();
        }
        window.clearRange();
        QCoreApplication::processEvents();
        view.flush();
        EXPECT_EQ(view.data().total(), everything) << chartName(kind).toStdString();
    }
}

// A pan moves the window every frame; the charts, a pass over every item in it, held up each
// of those frames at a million items. They follow a moving window at most a few times a
// second, and on their own, without a flush: the last window is the one they show.
TEST(ChartsView, FollowsAMovingWindowWithoutAPassPerFrame)
{
    Sample sample;
    TimeWindow window;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    view.setTimeWindow(&window);
    view.setKind(ChartKind::ClaimsPerDay);
    view.resize(900, 600);
    view.show();
    view.flush();
    const int before = view.rebuildCount();
    const std::int64_t day = 86400;
    std::int64_t from = test::utcMidnight(2025, 12, 28);
    for (int frame = 0; frame < 3; ++frame) {
        from += day;
        window.setRange(double(from), double(from + 2 * day));
        QCoreApplication::processEvents();
    }
    EXPECT_LE(view.rebuildCount(), before + 1) << "not one pass per frame";
    QTRY_COMPARE_WITH_TIMEOUT(
        view.data().buckets.isEmpty() ? std::int64_t(0) : view.data().buckets.start(0), from, 2000);
    EXPECT_LE(view.rebuildCount(), before + 2);
}
