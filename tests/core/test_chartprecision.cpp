// Charts show exactly the precision the data has (issue 15): the unit of a time chart is never
// finer than most of its items; an item too imprecise for the unit is listed in the note, not
// placed at a midpoint; response lags are ranges that read "same day", never "0 h"; and every
// chart follows the time window.

#include "document/filter.h"
#include "model/project.h"
#include "present/chartdata.h"
#include "samplefacts.h"
#include "testproject.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace claimline;

namespace {

ChartData chartIn(const Project &project, ChartKind kind, std::int64_t from, std::int64_t to,
                  const QTimeZone &zone = QTimeZone::utc())
{
    ChartRequest request;
    request.kind = kind;
    request.zone = zone;
    request.range = std::pair(from, to);
    return computeChart(project, Filter(), request);
}

// Every item the chart's cells hold.
std::set<std::uint32_t> itemsShown(const ChartData &data)
{
    std::set<std::uint32_t> out;
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        for (std::size_t c = 0; c < data.categories.size(); ++c) {
            const auto items = data.items(s, c);
            out.insert(items.begin(), items.end());
        }
    }
    return out;
}

std::uint32_t claimIndex(const Project &project, const char *id)
{
    return test::indexOf(project, id, ItemKind::Claim);
}

// Claims of one party at the given times, for the unit rule.
Project projectOfTimes(const std::vector<const char *> &times)
{
    QByteArray claims;
    for (std::size_t i = 0; i < times.size(); ++i) {
        claims += QByteArray(i ? "," : "") + R"({"id": "c)" + QByteArray::number(qulonglong(i))
            + R"(", "claimant": "p", "made_at": ")" + times[i] + R"(", "statement": "s"})";
    }
    const QByteArray text = R"({"format": "claimline", "version": 1,
        "parties": [{"id": "p", "name": "P"}], "claims": [)"
        + claims + "]}";
    return test::parseProject(text.constData());
}

} // namespace

// The report: 17 day-dated claims were one bar at "29 Dec 12:00" of an hourly chart.
TEST(ChartPrecision, DayDatedClaimsInOneDayAreADayBarNotHours)
{
    const Project project = test::loadSample();
    const ChartData data
        = chartIn(project, ChartKind::ClaimsPerDay, test::utcMidnight(2025, 12, 29),
                  test::utcMidnight(2025, 12, 30));
    EXPECT_EQ(data.buckets.unit(), BucketUnit::Day);
    EXPECT_EQ(data.title, QStringLiteral("Claims per party, by day"));
    ASSERT_EQ(data.categories, std::vector<QString> {QStringLiteral("29 Dec 2025")});
    int plainOn29 = 0;
    for (const Claim &claim : project.claims()) {
        plainOn29 += claim.madeAt.start() == FuzzyTime::fromDate(2025, 12, 29).start()
            && claim.madeAt.end() == FuzzyTime::fromDate(2025, 12, 29).end();
    }
    EXPECT_EQ(data.total(), plainOn29);
    EXPECT_GE(plainOn29, 17);
}

TEST(ChartPrecision, UnitIsThePrecisionOfMostItems)
{
    const std::int64_t day = test::utcMidnight(2025, 12, 29);
    // Three instants and a day: hours; the day fits no hour and is listed.
    const Project instants = projectOfTimes(
        {"2025-12-29T08:10Z", "2025-12-29T09:20Z", "2025-12-29T15:00Z", "2025-12-29"});
    const ChartData hourly = chartIn(instants, ChartKind::ClaimsPerDay, day, day + 86400);
    EXPECT_EQ(hourly.buckets.unit(), BucketUnit::Hour);
    EXPECT_EQ(hourly.total(), 3);
    EXPECT_EQ(hourly.notShown, std::vector<std::uint32_t> {3});
    EXPECT_EQ(hourly.note,
              QStringLiteral("Not shown: 1 claim dated less precisely than an hour — P (29 Dec "
                             "2025)."));
    // One instant and three days: days, and the instant counts in its day.
    const Project days
        = projectOfTimes({"2025-12-29T08:10Z", "2025-12-29", "2025-12-29", "2025-12-29"});
    const ChartData daily = chartIn(days, ChartKind::ClaimsPerDay, day, day + 86400);
    EXPECT_EQ(daily.buckets.unit(), BucketUnit::Day);
    EXPECT_EQ(daily.total(), 4);
    EXPECT_TRUE(daily.note.isEmpty());
    // Mostly years: by the year, whatever the window.
    const Project years = projectOfTimes({"2024", "2025~", "2025", "2025-12-29"});
    const ChartData yearly = chartIn(years, ChartKind::ClaimsPerDay, test::utcMidnight(2024, 1, 1),
                                     test::utcMidnight(2026, 1, 1));
    EXPECT_EQ(yearly.buckets.unit(), BucketUnit::Year);
    EXPECT_EQ(yearly.categories,
              (std::vector<QString> {QStringLiteral("2024"), QStringLiteral("2025")}));
    EXPECT_EQ(yearly.total(), 4);
}

// "2025~" (Operation Spiderweb) was a bar at 30 June; "2025-12~" one at 16 Dec.
TEST(ChartPrecision, LessPreciseItemsAreListedNotPlacedAtTheirMiddle)
{
    const Project project = test::loadSample();
    const ChartData tempo = chartIn(project, ChartKind::EventTempo, test::utcMidnight(2025, 12, 28),
                                    test::utcMidnight(2026, 1, 2));
    EXPECT_EQ(tempo.buckets.unit(), BucketUnit::Day);
    const std::uint32_t spiderweb
        = test::indexOf(project, "ev-operation-spiderweb", ItemKind::Event);
    EXPECT_NE(std::find(tempo.notShown.begin(), tempo.notShown.end(), spiderweb),
              tempo.notShown.end());
    EXPECT_EQ(itemsShown(tempo).count(spiderweb), 0u);
    EXPECT_TRUE(tempo.note.contains(QStringLiteral("Not shown: %1 events dated less precisely "
                                                   "than a day — ")
                                        .arg(tempo.notShown.size())))
        << tempo.note.toStdString();
    EXPECT_TRUE(tempo.note.contains(QStringLiteral("Operation Spiderweb (~2025)")))
        << tempo.note.toStdString();

    // The claims: every one either in its day's bar or listed, none in both.
    const ChartData claims = chartIn(project, ChartKind::ClaimsPerDay,
                                     test::utcMidnight(2025, 12, 1), test::utcMidnight(2026, 1, 2));
    const std::set<std::uint32_t> shown = itemsShown(claims);
    for (const std::uint32_t claim : claims.notShown) {
        EXPECT_EQ(shown.count(claim), 0u);
        EXPECT_NE(TimeBuckets::precisionUnit(project.claims()[claim].madeAt), BucketUnit::Day);
    }
    EXPECT_EQ(shown.size() + claims.notShown.size(), project.claims().size());
    for (const char *id :
         {"claim-strategic-initiative", "claim-hc-suspicious-timing", "claim-reuters-unverified"}) {
        EXPECT_NE(
            std::find(claims.notShown.begin(), claims.notShown.end(), claimIndex(project, id)),
            claims.notShown.end())
            << id;
    }
    EXPECT_TRUE(claims.note.startsWith(QStringLiteral("Not shown: %1 claims dated less precisely "
                                                      "than a day — ")
                                           .arg(claims.notShown.size())))
        << claims.note.toStdString();
}

TEST(ChartPrecision, LagsBetweenImpreciseTimesAreRanges)
{
    const auto text = [](const char *answer, const char *original) {
        return chartLagText(*FuzzyTime::parse(answer), *FuzzyTime::parse(original));
    };
    EXPECT_EQ(text("2025-12-29", "2025-12-29"), QStringLiteral("same day"));
    EXPECT_EQ(text("2025-12-30", "2025-12-29"), QStringLiteral("next day"));
    EXPECT_EQ(text("2025-12-31", "2025-12-29"), QStringLiteral("2 days"));
    EXPECT_EQ(text("2025-12-29/2025-12-31?", "2025-12-29"), QStringLiteral("0–2 days"));
    EXPECT_EQ(text("2025-12-29T10:35Z", "2025-12-29T10:00Z"), QStringLiteral("+35 min"));
    EXPECT_EQ(text("2025-12-28", "2025-12-29"), QStringLiteral("before what it answers"));

    // The report: Ukraine answered in "0 h". Its same-day answers are a range of a day.
    const Project project = test::loadSample();
    ChartRequest request;
    request.kind = ChartKind::ResponseLag;
    const ChartData data = computeChart(project, Filter(), request);
    const std::uint32_t ukraine = test::indexOf(project, "ukraine", ItemKind::Party);
    bool found = false;
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        EXPECT_FALSE(data.categories[c].contains(QStringLiteral("0 h")));
        if (data.categoryParties[c] != ukraine)
            continue;
        found = true;
        EXPECT_EQ(data.categories[c], QStringLiteral("UA: same day (8)"));
        EXPECT_EQ(data.lagRanges[c].text, QStringLiteral("same day"));
        EXPECT_EQ(data.lagRanges[c].min, 0.0);
        EXPECT_EQ(data.lagRanges[c].max, 86399.0);
    }
    EXPECT_TRUE(found);
    EXPECT_TRUE(data.note.contains(QStringLiteral("earliest to the latest possible lag")));
}

// Every chart follows the time window, not only claims per day.
TEST(ChartWindow, EveryChartCountsWhatIsInTheWindow)
{
    const Project project = test::loadSample();
    const std::int64_t from = test::utcMidnight(2025, 12, 31);
    const std::int64_t to = test::utcMidnight(2026, 1, 2);
    const auto inWindow = [&](const FuzzyTime &time) {
        return time.start() < to && time.end() > from;
    };
    int claimsIn = 0;
    for (const Claim &claim : project.claims())
        claimsIn += inWindow(claim.madeAt);
    ASSERT_GT(claimsIn, 0);
    ASSERT_LT(claimsIn, int(project.claims().size()));

    const ChartData status = chartIn(project, ChartKind::StatusByParty, from, to);
    EXPECT_EQ(status.total(), claimsIn);
    for (const ChartKind kind :
         {ChartKind::StanceMatrix, ChartKind::ResponseLag, ChartKind::ClaimsPerDay}) {
        const ChartData data = chartIn(project, kind, from, to);
        EXPECT_FALSE(data.isEmpty());
        for (const std::uint32_t claim : itemsShown(data))
            EXPECT_TRUE(inWindow(project.claims()[claim].madeAt)) << int(kind);
    }
    const ChartData tempo = chartIn(project, ChartKind::EventTempo, from, to);
    EXPECT_EQ(tempo.categories,
              (std::vector<QString> {QStringLiteral("31 Dec 2025"), QStringLiteral("1 Jan 2026")}));
    for (const std::uint32_t event : itemsShown(tempo))
        EXPECT_TRUE(inWindow(project.events()[event].when));
}
