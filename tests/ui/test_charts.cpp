// Charts: the counting rules of the five charts against brute-force counts over the sample,
// the adaptive buckets and the midpoint rule, the view following the shared Filter and
// setting the shared Selection, and the offscreen pictures the exporters write.
//
// Set CLAIMLINE_CHART_PNG_DIR to a folder to get each chart of the sample as PNG (light and
// dark) to look at; nothing compares pixels.

#include "charts/chartbuilder.h"
#include "charts/chartdecor.h"
#include "charts/chartexport.h"
#include "charts/chartsview.h"
#include "chartsfixture.h"
#include "common/picture.h"
#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "model/generator.h"
#include "model/project.h"
#include "present/chartdata.h"
#include "testsupport.h"

#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

using namespace claimline;

namespace {

using test::AllKinds;
using test::Sample;

// The category whose label is `label`, or -1.
int categoryOf(const ChartData &data, const QString &label)
{
    const auto it = std::find(data.categories.begin(), data.categories.end(), label);
    return it == data.categories.end() ? -1 : int(it - data.categories.begin());
}

int seriesOfParty(const ChartData &data, std::uint32_t party)
{
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        if (data.series[s].party == party)
            return int(s);
    }
    return -1;
}

// Everything a chart shows, to tell whether it changed.
std::tuple<std::vector<QString>, std::vector<QString>, std::vector<double>>
signature(const ChartData &data)
{
    std::vector<QString> series;
    for (const ChartSeries &s : data.series)
        series.push_back(s.name);
    return {data.categories, series, data.values};
}

QImage render(const Picture &picture, QColor fill = Qt::transparent)
{
    QImage image(picture.size.toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(fill);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    picture.paint(painter);
    painter.end();
    return image;
}

// The number of pixels differing from the top-left one.
int markedPixels(const QImage &image)
{
    const QRgb background = image.pixel(0, 0);
    int marked = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            marked += image.pixel(x, y) != background;
    }
    return marked;
}

// The claims of a party made on a day (UTC), by their midpoint: what one bar of the claims
// per day counts.
std::set<std::uint32_t> claimsOfPartyOn(const Project &project, std::uint32_t party, QDate day)
{
    std::set<std::uint32_t> claims;
    for (std::uint32_t i = 0; i < project.claims().size(); ++i) {
        if (project.partyOfClaim(i) == party
            && QDateTime::fromSecsSinceEpoch(project.claims()[i].madeAt.midpoint(),
                                             QTimeZone::utc())
                    .date()
                == day)
            claims.insert(i);
    }
    return claims;
}

} // namespace

TEST(ChartBuckets, SampleClaimsAreCountedByDay)
{
    Sample sample;
    const ChartData data = sample.chart(ChartKind::ClaimsPerDay);
    EXPECT_EQ(data.buckets.unit(), BucketUnit::Day);
    // The days of the day-dated claims; "2025-12~" no longer stretches it to 16 Dec.
    EXPECT_EQ(data.categories.front(), QStringLiteral("28 Dec 2025"));
    EXPECT_EQ(data.categories.back(), QStringLiteral("1 Jan 2026")); // the year changes
    EXPECT_EQ(data.categories.size(), 5u);
}

TEST(ChartBuckets, MultiYearProjectStaysUnderFiveHundredBuckets)
{
    Document document;
    document.setProject(generateProject(5000, 7));
    Filter filter;
    ChartRequest request;
    request.kind = ChartKind::EventTempo;
    const ChartData tempo = computeChart(document.project(), filter, request);
    EXPECT_EQ(tempo.buckets.unit(), BucketUnit::Week);
    EXPECT_LE(tempo.categories.size(), TimeBuckets::MaxBuckets);
    EXPECT_GT(tempo.categories.size(), 150u); // four years of weeks
    EXPECT_TRUE(drawsLines(tempo));

    // Every span, from an hour to centuries, stays under the limit.
    for (const std::int64_t span : {3600LL, 86400LL * 3, 86400LL * 499, 86400LL * 800,
                                    86400LL * 365 * 12, 86400LL * 365 * 300}) {
        const std::int64_t from = test::utcMidnight(2020, 3, 1) + 1234;
        const TimeBuckets buckets = TimeBuckets::cover(from, from + span, QTimeZone::utc());
        EXPECT_LE(buckets.size(), TimeBuckets::MaxBuckets + 2) << span;
        EXPECT_GE(buckets.size(), 1u) << span;
    }
}

TEST(ChartBuckets, CalendarDaysStayPutAndInstantsFollowTheZone)
{
    const QTimeZone honolulu("Pacific/Honolulu"); // UTC-10
    const QTimeZone moscow("Europe/Moscow"); // UTC+3
    ASSERT_TRUE(honolulu.isValid() && moscow.isValid());
    const std::int64_t from = test::utcMidnight(2025, 12, 27);
    const std::int64_t to = test::utcMidnight(2026, 1, 3);
    for (const QTimeZone &zone : {honolulu, moscow}) {
        const TimeBuckets buckets = TimeBuckets::make(BucketUnit::Day, from, to, zone);
        const int day = buckets.indexOf(FuzzyTime::fromDate(2025, 12, 29));
        ASSERT_GE(day, 0);
        EXPECT_EQ(buckets.label(std::size_t(day)), QStringLiteral("29 Dec"))
            << zone.id().constData();
    }
    // 23:00 UTC on 29 Dec is 30 Dec in Moscow, 29 Dec 13:00 in Honolulu.
    const FuzzyTime late = FuzzyTime::fromInstant(test::utcMidnight(2025, 12, 29) + 23 * 3600);
    const TimeBuckets inMoscow = TimeBuckets::make(BucketUnit::Day, from, to, moscow);
    const TimeBuckets inHonolulu = TimeBuckets::make(BucketUnit::Day, from, to, honolulu);
    EXPECT_EQ(inMoscow.label(std::size_t(inMoscow.indexOf(late))), QStringLiteral("30 Dec"));
    EXPECT_EQ(inHonolulu.label(std::size_t(inHonolulu.indexOf(late))), QStringLiteral("29 Dec"));
    EXPECT_EQ(inMoscow.indexOf(FuzzyTime()), -1);
}

TEST(ChartData, ClaimsPerPartyPerDayMatchABruteForceCount)
{
    Sample sample;
    const Project &project = sample.project();
    const ChartData data = sample.chart(ChartKind::ClaimsPerDay);
    // Brute force: the date of each claim said on one calendar day (the others are listed).
    std::map<std::pair<std::uint32_t, QDate>, int> expected;
    int total = 0;
    for (std::uint32_t i = 0; i < project.claims().size(); ++i) {
        const FuzzyTime &made = project.claims()[i].madeAt;
        if (made.isNull() || made.end() - made.start() != 86400)
            continue;
        const QDate date = QDateTime::fromSecsSinceEpoch(made.midpoint(), QTimeZone::utc()).date();
        ++expected[{project.partyOfClaim(i), date}];
        ++total;
    }
    EXPECT_EQ(data.total(), total);
    EXPECT_EQ(data.total() + double(data.notShown.size()), double(project.claims().size()));
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        for (std::size_t c = 0; c < data.categories.size(); ++c) {
            const QDate date
                = QDateTime::fromSecsSinceEpoch(data.buckets.start(c), QTimeZone::utc()).date();
            const auto it = expected.find({data.series[s].party, date});
            EXPECT_EQ(data.value(s, c), it == expected.end() ? 0 : it->second)
                << data.series[s].name.toStdString() << " " << data.categories[c].toStdString();
            EXPECT_EQ(data.items(s, c).size(), std::size_t(data.value(s, c)));
        }
    }
    // Russia made claims on 29 Dec.
    const int russia = seriesOfParty(data, sample.index("russia"));
    ASSERT_GE(russia, 0);
    EXPECT_GT(
        data.value(std::size_t(russia), std::size_t(categoryOf(data, QStringLiteral("29 Dec")))),
        0);
}

TEST(ChartData, StanceMatrixMatchesABruteForceCount)
{
    Sample sample;
    const Project &project = sample.project();
    const ChartData data = sample.chart(ChartKind::StanceMatrix);
    std::map<std::tuple<std::uint32_t, std::uint32_t, int>, int> expected;
    int total = 0;
    for (std::uint32_t i = 0; i < project.claims().size(); ++i) {
        const Claim &claim = project.claims()[i];
        if (claim.question == NoIndex || claim.stance == Stance::None)
            continue;
        ++expected[{claim.question, project.partyOfClaim(i), int(claim.stance)}];
        ++total;
    }
    EXPECT_EQ(data.total(), total);
    ASSERT_EQ(data.series.size(), 4u);
    std::set<std::pair<std::uint32_t, std::uint32_t>> rows;
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        // The (question, party) of a row, from any claim it counts.
        std::optional<std::pair<std::uint32_t, std::uint32_t>> row;
        for (std::size_t s = 0; s < data.series.size() && !row; ++s) {
            if (!data.items(s, c).empty()) {
                const std::uint32_t claim = data.items(s, c).front();
                row = std::pair(project.claims()[claim].question, project.partyOfClaim(claim));
            }
        }
        if (!row)
            continue; // a party with no claim on this question: an empty cell
        EXPECT_TRUE(rows.insert(*row).second) << "row twice";
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            const auto it = expected.find({row->first, row->second, data.series[s].key});
            EXPECT_EQ(data.value(s, c), it == expected.end() ? 0 : it->second);
            for (const std::uint32_t claim : data.items(s, c)) {
                EXPECT_EQ(int(project.claims()[claim].stance), data.series[s].key);
                EXPECT_EQ(project.claims()[claim].question, row->first);
            }
        }
    }
}

TEST(ChartData, ResponseLagOfKnownPairs)
{
    Sample sample;
    const ChartData data = sample.chart(ChartKind::ResponseLag);
    const auto rowsOf = [&](const char *party) {
        std::vector<std::pair<QString, LagRange>> rows;
        for (std::size_t c = 0; c < data.categoryParties.size(); ++c) {
            if (data.categoryParties[c] == sample.index(party))
                rows.emplace_back(data.categories[c], data.lagRanges[c]);
        }
        return rows;
    };
    // Kallas (EU) answered two 29 Dec claims of Russia on 31 Dec: two days, which is anything
    // from a day and a second to three days less a second.
    const auto eu = rowsOf("european-union");
    ASSERT_EQ(eu.size(), 1u);
    EXPECT_EQ(eu[0].first, QStringLiteral("EU: 2 days (2)"));
    EXPECT_EQ(eu[0].second.min, 86400.0 + 1);
    EXPECT_EQ(eu[0].second.max, 3 * 86400.0 - 1);
    // Reuters' 29-30 Dec report answered a 29 Dec claim: 0-1 days, not "12 h".
    const auto reuters = rowsOf("reuters");
    ASSERT_EQ(reuters.size(), 1u);
    EXPECT_EQ(reuters[0].first, QStringLiteral("Reuters: 0–1 days (1)"));
    EXPECT_EQ(reuters[0].second.min, 0.0);
    EXPECT_EQ(reuters[0].second.max, 2 * 86400.0 - 1);
    // Corroborations are no counter-claims: Pakistan only corroborated.
    EXPECT_TRUE(rowsOf("pakistan").empty());
    EXPECT_EQ(data.lagUnit, 86400.0); // lags up to three days
    EXPECT_EQ(data.xTitle, QStringLiteral("Lag (days)"));
}

TEST(ChartData, StatusSharesSumToOneHundredPercent)
{
    Sample sample;
    const ChartData data = sample.chart(ChartKind::StatusByParty);
    ASSERT_FALSE(data.categories.empty());
    EXPECT_GE(data.series.size(), 4u);
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        double sum = 0;
        for (std::size_t s = 0; s < data.series.size(); ++s)
            sum += data.share(s, c);
        EXPECT_NEAR(sum, 100.0, 1e-9) << data.categories[c].toStdString();
    }
    EXPECT_EQ(data.total(), double(sample.project().claims().size()));
}

TEST(ChartsView, EveryChartFollowsTheFilter)
{
    Sample sample;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    view.resize(900, 600);
    view.show();
    for (const ChartKind kind : AllKinds) {
        sample.filter.clear();
        view.setKind(kind);
        view.flush();
        const auto before = signature(view.data());
        EXPECT_FALSE(view.data().isEmpty()) << chartName(kind).toStdString();
        const int rebuilds = view.rebuildCount();
        sample.filter.setPartyHidden(sample.index("russia"), true);
        sample.filter.setStatusShown(Status::Retracted, false); // a second change, same turn
        QCoreApplication::processEvents();
        EXPECT_EQ(view.rebuildCount(), rebuilds + 1) << "one rebuild per turn";
        EXPECT_NE(signature(view.data()), before) << chartName(kind).toStdString();
        if (kind != ChartKind::ResponseLag && kind != ChartKind::StanceMatrix) {
            EXPECT_EQ(seriesOfParty(view.data(), sample.index("russia")), -1);
        }
    }
}

// Hidden (a tab behind another), the view spends nothing on changes; shown, or asked for its
// data, it shows the filter as it is then.
TEST(ChartsView, AHiddenViewCatchesUpWhenShown)
{
    Sample sample;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    view.resize(900, 600);
    view.setKind(ChartKind::ClaimsPerDay);
    view.show();
    view.flush();
    ASSERT_GE(seriesOfParty(view.data(), sample.index("russia")), 0);
    view.hide();
    const int rebuilds = view.rebuildCount();
    sample.filter.setPartyHidden(sample.index("russia"), true);
    QCoreApplication::processEvents();
    EXPECT_EQ(view.rebuildCount(), rebuilds);
    view.show();
    QCoreApplication::processEvents();
    EXPECT_EQ(view.rebuildCount(), rebuilds + 1);
    EXPECT_EQ(seriesOfParty(view.data(), sample.index("russia")), -1);
    // Asked for while hidden, the data is brought up to date first.
    view.hide();
    sample.filter.setPartyHidden(sample.index("russia"), false);
    QCoreApplication::processEvents();
    view.flush();
    EXPECT_GE(seriesOfParty(view.data(), sample.index("russia")), 0);
}

TEST(ChartsView, ClickingABarSelectsItsItems)
{
    Sample sample;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    view.resize(900, 600);
    view.show();
    view.flush();
    const ChartData &data = view.data();
    const std::size_t russia = std::size_t(seriesOfParty(data, sample.index("russia")));
    const std::size_t day = std::size_t(categoryOf(data, QStringLiteral("29 Dec")));
    ASSERT_LT(russia, data.series.size());
    ASSERT_LT(day, data.categories.size());

    auto *bars = qobject_cast<QAbstractBarSeries *>(view.chart()->series().front());
    ASSERT_NE(bars, nullptr);
    QSignalSpy changed(&sample.selection, &Selection::changed);
    Q_EMIT bars->barSets()[qsizetype(russia)]->clicked(int(day));
    EXPECT_EQ(changed.count(), 1);

    const std::set<std::uint32_t> expected
        = claimsOfPartyOn(sample.project(), sample.index("russia"), QDate(2025, 12, 29));
    std::set<std::uint32_t> selected;
    for (const ItemRef &item : sample.selection.items()) {
        EXPECT_EQ(item.kind, ItemKind::Claim);
        selected.insert(item.index);
    }
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(selected, expected);

    // A response-lag row selects its answers.
    view.setKind(ChartKind::ResponseLag);
    auto *ranges = qobject_cast<QAbstractBarSeries *>(view.chart()->series().front());
    ASSERT_NE(ranges, nullptr);
    const std::size_t rows = view.data().categories.size();
    // Set 0 is the invisible run-up to the earliest lag; set 1 the first party; the rows are
    // drawn bottom-up.
    Q_EMIT ranges->barSets()[1]->clicked(int(rows - 1));
    const auto answers = view.data().items(0, 0);
    ASSERT_FALSE(answers.empty());
    std::set<std::uint32_t> lagSelected;
    for (const ItemRef &item : sample.selection.items())
        lagSelected.insert(item.index);
    EXPECT_EQ(lagSelected, std::set<std::uint32_t>(answers.begin(), answers.end()));
}

// A deletion renumbers every item after it but may change no count: the chart keeps its
// drawing (at a million items drawing costs as much as counting), and a click still selects
// the right claims. A change of style draws again though the data is the same.
TEST(ChartsView, ADeletionThatChangesNoCountKeepsTheDrawing)
{
    Sample sample;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    view.resize(900, 600);
    view.setKind(ChartKind::ClaimsPerDay);
    view.show();
    view.flush();
    const auto russiaOn29 = [&] {
        return claimsOfPartyOn(sample.project(), sample.index("russia"), QDate(2025, 12, 29));
    };
    const auto clickRussiaOn29 = [&] {
        const std::size_t russia = std::size_t(seriesOfParty(view.data(), sample.index("russia")));
        // The first day shown carries its year ("29 Dec 2025" once Ukraine is hidden).
        const auto &categories = view.data().categories;
        const auto it = std::find_if(categories.begin(), categories.end(), [](const QString &c) {
            return c.startsWith(QStringLiteral("29 Dec"));
        });
        EXPECT_NE(it, categories.end());
        const auto day = std::size_t(it - categories.begin());
        auto *bars = qobject_cast<QAbstractBarSeries *>(view.chart()->series().front());
        EXPECT_NE(bars, nullptr);
        if (bars)
            Q_EMIT bars->barSets()[qsizetype(russia)]->clicked(int(day));
        std::set<std::uint32_t> selected;
        for (const ItemRef &item : sample.selection.items())
            selected.insert(item.index);
        return selected;
    };
    // The first event no claim is about: its deletion takes nothing else along.
    std::uint32_t event = 0;
    const auto isAbout = [&](std::uint32_t e) {
        return std::any_of(sample.project().claims().begin(), sample.project().claims().end(),
                           [e](const Claim &claim) { return claim.about == e; });
    };
    while (event < sample.project().events().size() && isAbout(event))
        ++event;
    ASSERT_LT(event, sample.project().events().size());
    int rebuilds = view.rebuildCount();
    int redraws = view.redrawCount();
    // The chart counts claims: an event without any is not even counted again.
    ASSERT_TRUE(sample.document.deleteItems({{ItemKind::Event, event}}, DeleteMode::Cascade));
    view.flush();
    EXPECT_EQ(view.rebuildCount(), rebuilds);
    EXPECT_EQ(view.redrawCount(), redraws);
    EXPECT_EQ(clickRussiaOn29(), russiaOn29());

    // A claim the filter hides goes: counted again, and no count changed; the bars' claims
    // are renumbered for a click.
    const std::uint32_t ukraine = sample.index("ukraine");
    sample.filter.setPartyHidden(ukraine, true);
    view.flush();
    rebuilds = view.rebuildCount();
    redraws = view.redrawCount();
    std::uint32_t hidden = 0;
    while (hidden < sample.project().claims().size()
           && (sample.project().partyOfClaim(hidden) != ukraine || hidden > *russiaOn29().begin()))
        ++hidden;
    ASSERT_LT(hidden, sample.project().claims().size());
    ASSERT_TRUE(sample.document.deleteItems({{ItemKind::Claim, hidden}}, DeleteMode::Cascade));
    view.flush();
    EXPECT_EQ(view.rebuildCount(), rebuilds + 1);
    EXPECT_EQ(view.redrawCount(), redraws);
    EXPECT_EQ(clickRussiaOn29(), russiaOn29());

    // A claim of that bar goes: its count changes, so does the drawing.
    const std::uint32_t claim = *russiaOn29().begin();
    ASSERT_TRUE(sample.document.deleteItems({{ItemKind::Claim, claim}}, DeleteMode::Cascade));
    view.flush();
    EXPECT_EQ(view.redrawCount(), redraws + 1);
    EXPECT_EQ(clickRussiaOn29(), russiaOn29());
    // The same data drawn grouped instead of stacked.
    view.setStacked(false);
    EXPECT_EQ(view.redrawCount(), redraws + 2);
}

TEST(ChartsView, DarkPaletteGivesADarkChart)
{
    Sample sample;
    ChartsView view(&sample.document, &sample.selection, &sample.filter);
    view.setPalette(test::darkPalette());
    view.resize(900, 600);
    view.show();
    QCoreApplication::processEvents();
    view.flush();
    EXPECT_LT(view.chart()->backgroundBrush().color().lightness(), 64);
    // Bars keep their contrast on the dark background.
    auto *bars = qobject_cast<QAbstractBarSeries *>(view.chart()->series().front());
    ASSERT_NE(bars, nullptr);
    for (QBarSet *set : bars->barSets())
        EXPECT_GT(set->color().lightness(), 60) << set->label().toStdString();
    QCoreApplication::processEvents(); // the chart lays itself out in the event loop
    const QImage shot = view.grab().toImage();
    EXPECT_LT(QColor(shot.pixel(shot.width() / 2, shot.height() / 2)).lightness(), 128);
    const QString pngDir = qEnvironmentVariable("CLAIMLINE_CHART_PNG_DIR");
    if (!pngDir.isEmpty()) {
        for (const ChartKind kind : AllKinds) {
            view.setKind(kind);
            // Qt Charts deletes the old axes' items later: let it, then lay out.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
            view.grab().save(
                QDir(pngDir).filePath(QStringLiteral("chart-view-%1.png").arg(chartName(kind))));
        }
    }
}

TEST(ChartExport, NamesRoundTrip)
{
    for (const ChartKind kind : AllKinds)
        EXPECT_EQ(chartKindFromName(chartName(kind)), kind);
    EXPECT_EQ(chartKindFromName(QStringLiteral("event-tempo")), ChartKind::EventTempo);
    EXPECT_FALSE(chartKindFromName(QStringLiteral("pie")).has_value());
}

TEST(ChartExport, PictureIsLightAndOfTheAskedSize)
{
    Sample sample;
    const QString pngDir = qEnvironmentVariable("CLAIMLINE_CHART_PNG_DIR");
    for (const ChartKind kind : AllKinds) {
        Picture picture;
        {
            // The picture outlives the filter it was made with.
            Filter filter;
            picture = chartPicture(sample.project(), filter, kind, QSizeF(960, 540));
        }
        EXPECT_EQ(picture.size, QSizeF(960, 540));
        EXPECT_FALSE(picture.title.isEmpty());
        const QImage image = render(picture);
        EXPECT_EQ(image.size(), QSize(960, 540));
        EXPECT_EQ(QColor(image.pixel(2, 2)), QColor(Qt::white)) << chartName(kind).toStdString();
        EXPECT_GT(markedPixels(image), 2000) << chartName(kind).toStdString();
        if (!pngDir.isEmpty()) {
            image.save(
                QDir(pngDir).filePath(QStringLiteral("chart-%1-light.png").arg(chartName(kind))));
            const Picture dark
                = chartPicture(sample.project(), sample.filter, kind, QSizeF(960, 540),
                               QTimeZone::utc(), std::nullopt, test::darkPalette());
            render(dark).save(
                QDir(pngDir).filePath(QStringLiteral("chart-%1-dark.png").arg(chartName(kind))));
        }
    }
}

TEST(ChartScale, HundredThousandEventsBuildEveryChart)
{
    Document document;
    document.setProject(generateProject(100000, 3));
    Filter filter;
    const QString pngDir = qEnvironmentVariable("CLAIMLINE_CHART_PNG_DIR");
    for (const ChartKind kind : AllKinds) {
        ChartRequest request;
        request.kind = kind;
        std::vector<qint64> times;
        ChartData data;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            data = computeChart(document.project(), filter, request);
            times.push_back(timer.nsecsElapsed());
        }
        std::sort(times.begin(), times.end());
        // Measured, not asserted (benchmarks belong to claimline-bench).
        std::printf("[ measure  ] %s at 100k events: median %.1f ms (%zu categories, %zu series)\n",
                    chartName(kind).toStdString().c_str(), double(times[2]) / 1e6,
                    data.categories.size(), data.series.size());
        EXPECT_FALSE(data.isEmpty()) << chartName(kind).toStdString();
        EXPECT_LE(data.categories.size(), TimeBuckets::MaxBuckets);
        const Picture picture = chartPicture(document.project(), filter, kind, QSizeF(800, 450));
        // And in the view, as the app shows it.
        Selection selection;
        ChartsView view(&document, &selection, &filter);
        view.setKind(kind);
        EXPECT_EQ(view.data().total(), data.total());
        const QImage image = render(picture, Qt::white);
        EXPECT_GT(markedPixels(image), 2000);
        if (!pngDir.isEmpty())
            image.save(
                QDir(pngDir).filePath(QStringLiteral("chart-%1-100k.png").arg(chartName(kind))));
    }
}

TEST(ChartsView, FileTextIsNeverMarkup)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hostile.claimline"));
    ASSERT_TRUE(test::writeFile(path, R"({"format": "claimline", "version": 1,
        "meta": {"title": "<i>T</i> %2"},
        "parties": [{"id": "p1", "name": "<b>R&D</b>"}],
        "claims": [{"id": "c1", "claimant": "p1", "made_at": "2025-12-29", "statement": "s"}]})"));
    Document document;
    ASSERT_TRUE(document.load(path).empty());
    Filter filter;
    Selection selection;
    ChartsView view(&document, &selection, &filter);
    view.resize(800, 500);
    view.show();
    view.flush();
    auto *bars = qobject_cast<QAbstractBarSeries *>(view.chart()->series().front());
    ASSERT_NE(bars, nullptr);
    // Qt Charts reads labels as rich text: ours are escaped, so they show as typed.
    EXPECT_EQ(bars->barSets().front()->label(), QStringLiteral("&lt;b&gt;R&amp;D&lt;/b&gt;"));
    // The title, axis title and legend are drawn as plain text (ChartDecor), as typed.
    view.setLabels({QStringLiteral("<u>mine</u>"), {}, {}, {}});
    const ChartDecor *decor = chartDecor(*view.chart());
    ASSERT_NE(decor, nullptr);
    EXPECT_EQ(decor->title(), QStringLiteral("<u>mine</u>"));
    EXPECT_TRUE(view.chart()->title().isEmpty());
    ASSERT_EQ(decor->entries().size(), 1u);
    EXPECT_EQ(decor->entries().front().name, QStringLiteral("<b>R&D</b>"));
    // Place markers in file text are text too (QString::arg is never chained over it).
    EXPECT_EQ(view.data().credit, QStringLiteral("Source: <i>T</i> %2, compiled from 0 sources"));
    const QString pngDir = qEnvironmentVariable("CLAIMLINE_CHART_PNG_DIR");
    if (!pngDir.isEmpty()) {
        QCoreApplication::processEvents();
        view.grab().save(QDir(pngDir).filePath(QStringLiteral("chart-view-hostile.png")));
    }
}

TEST(ChartsView, ClickingAnAreaOfALongSpanSelectsThatBucket)
{
    Document document;
    document.setProject(generateProject(5000, 11));
    Filter filter;
    Selection selection;
    ChartsView view(&document, &selection, &filter);
    view.resize(900, 500);
    view.show();
    view.setKind(ChartKind::EventTempo);
    ASSERT_TRUE(drawsLines(view.data()));
    const auto areas = view.chart()->series();
    ASSERT_EQ(std::size_t(areas.size()), view.data().series.size());
    auto *area = qobject_cast<QAreaSeries *>(areas[2]);
    ASSERT_NE(area, nullptr);
    Q_EMIT area->clicked(QPointF(10.2, 3));
    const auto items = view.data().items(2, 10);
    ASSERT_FALSE(items.empty());
    std::set<std::uint32_t> selected;
    for (const ItemRef &item : selection.items()) {
        EXPECT_EQ(item.kind, ItemKind::Event);
        selected.insert(item.index);
    }
    EXPECT_EQ(selected, std::set<std::uint32_t>(items.begin(), items.end()));

    // Grouped: a line per party, clickable the same way.
    view.setStacked(false);
    auto *line = qobject_cast<QLineSeries *>(view.chart()->series()[2]);
    ASSERT_NE(line, nullptr);
    selection.clear();
    Q_EMIT line->clicked(QPointF(9.8, 3));
    EXPECT_EQ(selection.items().size(), selected.size());
}
