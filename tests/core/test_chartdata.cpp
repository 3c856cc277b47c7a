// Chart data: what each of the five charts counts equals what the file holds, counted here
// from the sample's JSON (Qt's parser, not Claimline's reader or the Project's indexes); a
// bar's items are exactly the items it counts; the Filter reaches every chart; the time
// buckets are contiguous, aligned to the zone, distinct and never too many; and small
// projects cover what the sample lacks (claims of no party, events of none, retractions,
// long lags).

#include "document/filter.h"
#include "model/project.h"
#include "present/chartdata.h"
#include "samplefacts.h"
#include "testproject.h"
#include "testsupport.h"

#include <QDateTime>
#include <QSet>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

using namespace claimline;
using test::FileFacts;

namespace {

ChartData chart(const Project &project, ChartKind kind, const Filter &filter = Filter(),
                const QTimeZone &zone = QTimeZone::utc())
{
    ChartRequest request;
    request.kind = kind;
    request.zone = zone;
    return computeChart(project, filter, request);
}

QString claimId(const Project &project, std::uint32_t claim)
{
    return test::idOf(project, {ItemKind::Claim, claim});
}

// A party's id, or "" for the items of no party.
QString partyId(const Project &project, std::uint32_t party)
{
    return party == NoIndex ? QString() : test::idOf(project, {ItemKind::Party, party});
}

// Per party id, how many claims of the file it made (claims of no party under "").
std::map<QString, int> claimsPerParty(const FileFacts &facts)
{
    std::map<QString, int> out;
    for (const QJsonObject &claim : facts.items("claims"))
        ++out[facts.partyOfClaim(claim)];
    return out;
}

// Per series (its party id), what a time chart counts over all its buckets.
std::map<QString, int> seriesTotals(const Project &project, const ChartData &data)
{
    std::map<QString, int> out;
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        int total = 0;
        for (std::size_t c = 0; c < data.categories.size(); ++c)
            total += int(data.value(s, c));
        out[partyId(project, data.series[s].party)] = total;
    }
    return out;
}

// Every cell's items are as many as its value says.
void expectItemsMatchValues(const ChartData &data)
{
    ASSERT_EQ(data.values.size(), data.series.size() * data.categories.size());
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        for (std::size_t c = 0; c < data.categories.size(); ++c) {
            EXPECT_EQ(double(data.items(s, c).size()), data.value(s, c)) << s << " " << c;
        }
    }
}

// "2025-12-29": a plain calendar day (no qualifier, no interval).
std::optional<QDate> plainDay(const QString &edtf)
{
    const QDate date = QDate::fromString(edtf, Qt::ISODate);
    return edtf.size() == 10 && date.isValid() ? std::optional(date) : std::nullopt;
}

} // namespace

// --- status by party -------------------------------------------------------------------------

TEST(ChartData, StatusByPartyCountsEachPartysClaimsByStatus)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const ChartData data = chart(project, ChartKind::StatusByParty);
    expectItemsMatchValues(data);

    std::map<std::pair<QString, QString>, int> expected; // (party id, status) → claims
    for (const QJsonObject &claim : facts.items("claims"))
        ++expected[{facts.partyOfClaim(claim), FileFacts::status(claim)}];
    const std::map<QString, int> perParty = claimsPerParty(facts);

    // One category per party that made claims, named by its short name.
    ASSERT_EQ(data.categoryParties.size(), data.categories.size());
    std::set<QString> parties;
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        const QString party = partyId(project, data.categoryParties[c]);
        EXPECT_TRUE(parties.insert(party).second) << party.toStdString() << " twice";
        EXPECT_EQ(data.categories[c], FileFacts::text(facts.item(party), "short"));
    }
    std::set<QString> withClaims;
    for (const auto &[party, count] : perParty)
        withClaims.insert(party);
    EXPECT_EQ(parties, withClaims);

    // The sample retracts nothing: four statuses, no empty Retracted series.
    ASSERT_EQ(data.series.size(), 4u);
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        const QString status = data.series[s].name.toLower();
        EXPECT_NE(status, QStringLiteral("retracted"));
        EXPECT_EQ(QString::fromLatin1(nameOf(Status(data.series[s].key))), status);
        for (std::size_t c = 0; c < data.categories.size(); ++c) {
            const QString party = partyId(project, data.categoryParties[c]);
            const auto it = expected.find({party, status});
            EXPECT_EQ(data.value(s, c), it == expected.end() ? 0 : it->second)
                << party.toStdString() << " " << status.toStdString();
            for (const std::uint32_t claim : data.items(s, c)) {
                const QJsonObject json = facts.item(claimId(project, claim));
                EXPECT_EQ(facts.partyOfClaim(json), party);
                EXPECT_EQ(FileFacts::status(json), status);
            }
        }
    }
    EXPECT_EQ(data.total(), double(facts.array("claims").size()));
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        double sum = 0;
        for (std::size_t s = 0; s < data.series.size(); ++s)
            sum += data.share(s, c);
        EXPECT_NEAR(sum, 100.0, 1e-9);
    }
}

// --- stance matrix ---------------------------------------------------------------------------

TEST(ChartData, StanceMatrixHasOneRowPerQuestionAndParty)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const ChartData data = chart(project, ChartKind::StanceMatrix);
    expectItemsMatchValues(data);

    // (question id, party id) → stance → claims, for claims with a question and a stance.
    std::map<std::pair<QString, QString>, std::map<QString, int>> expected;
    int counted = 0;
    for (const QJsonObject &claim : facts.items("claims")) {
        const QString question = FileFacts::text(claim, "question");
        const QString stance = FileFacts::text(claim, "stance");
        if (question.isEmpty() || stance.isEmpty())
            continue;
        ++expected[{question, facts.partyOfClaim(claim)}][stance];
        ++counted;
    }
    ASSERT_LE(expected.size(), ChartRequest().maxRows);
    EXPECT_TRUE(data.note.isEmpty());
    EXPECT_EQ(data.total(), counted);
    ASSERT_EQ(data.series.size(), 4u);
    ASSERT_EQ(data.categories.size(), expected.size());

    std::set<std::pair<QString, QString>> rows;
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        // A row counts the claims of one question and one party, and says so.
        std::set<std::pair<QString, QString>> pairs;
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            for (const std::uint32_t claim : data.items(s, c)) {
                const QJsonObject json = facts.item(claimId(project, claim));
                pairs.insert({FileFacts::text(json, "question"), facts.partyOfClaim(json)});
                EXPECT_EQ(FileFacts::text(json, "stance"), data.series[s].name.toLower());
            }
        }
        ASSERT_EQ(pairs.size(), 1u) << data.categories[c].toStdString();
        const auto [question, party] = *pairs.begin();
        EXPECT_TRUE(rows.insert(*pairs.begin()).second) << "row twice";
        EXPECT_TRUE(data.categories[c].startsWith(FileFacts::text(facts.item(party), "short")
                                                  + QStringLiteral(": ")))
            << data.categories[c].toStdString();
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            const std::map<QString, int> &stances = expected[{question, party}];
            const auto it = stances.find(data.series[s].name.toLower());
            EXPECT_EQ(data.value(s, c), it == stances.end() ? 0 : it->second);
        }
    }
}

TEST(ChartData, StanceMatrixKeepsTheRowsWithMostClaims)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    std::map<std::pair<QString, QString>, int> perRow;
    for (const QJsonObject &claim : facts.items("claims")) {
        if (!FileFacts::text(claim, "question").isEmpty()
            && !FileFacts::text(claim, "stance").isEmpty())
            ++perRow[{FileFacts::text(claim, "question"), facts.partyOfClaim(claim)}];
    }
    ChartRequest request;
    request.kind = ChartKind::StanceMatrix;
    request.maxRows = 4;
    const ChartData data = computeChart(project, Filter(), request);
    ASSERT_EQ(data.categories.size(), 4u);
    EXPECT_TRUE(data.note.contains(QString::number(perRow.size()))) << data.note.toStdString();
    int fewestKept = 1 << 30;
    std::set<std::pair<QString, QString>> kept;
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        int total = 0;
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            total += int(data.value(s, c));
            for (const std::uint32_t claim : data.items(s, c)) {
                const QJsonObject json = facts.item(claimId(project, claim));
                kept.insert({FileFacts::text(json, "question"), facts.partyOfClaim(json)});
            }
        }
        fewestKept = std::min(fewestKept, total);
    }
    ASSERT_EQ(kept.size(), 4u);
    for (const auto &[row, count] : perRow) {
        if (kept.count(row) == 0) {
            EXPECT_LE(count, fewestKept)
                << row.first.toStdString() << " " << row.second.toStdString();
        }
    }
}

// --- time charts -----------------------------------------------------------------------------

TEST(ChartData, ClaimsPerDayCountsEveryClaimOfEachParty)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const std::map<QString, int> expected = claimsPerParty(facts);
    for (const QByteArray &id : {QByteArray("UTC"), QByteArray("Europe/Moscow")}) {
        const QTimeZone zone(id);
        ASSERT_TRUE(zone.isValid());
        const ChartData data = chart(project, ChartKind::ClaimsPerDay, Filter(), zone);
        expectItemsMatchValues(data);
        EXPECT_EQ(data.buckets.unit(), BucketUnit::Day);
        EXPECT_EQ(seriesTotals(project, data), expected) << id.constData();
        // Series are named by the parties' full names.
        for (const ChartSeries &series : data.series) {
            EXPECT_EQ(series.name, facts.nameOf(partyId(project, series.party)));
        }
    }
}

// A claim said on a calendar day counts on that day wherever the chart is read, even at
// UTC+14, where the middle of the UTC day (noon) is already the next local day.
TEST(ChartData, ClaimsCountOnTheirCalendarDayInEveryZone)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const std::map<QString, int> expected = claimsPerParty(facts);
    for (const QByteArray &id :
         {QByteArray("UTC"), QByteArray("Pacific/Kiritimati"), QByteArray("America/New_York")}) {
        const QTimeZone zone(id);
        ASSERT_TRUE(zone.isValid());
        ChartRequest request;
        request.kind = ChartKind::ClaimsPerDay;
        request.zone = zone;
        request.range = std::pair(test::utcMidnight(2025, 12, 1), test::utcMidnight(2026, 1, 10));
        const ChartData data = computeChart(project, Filter(), request);
        expectItemsMatchValues(data);
        EXPECT_EQ(seriesTotals(project, data), expected) << id.constData();
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            for (std::size_t c = 0; c < data.categories.size(); ++c) {
                for (const std::uint32_t claim : data.items(s, c)) {
                    const QJsonObject json = facts.item(claimId(project, claim));
                    EXPECT_EQ(facts.partyOfClaim(json), partyId(project, data.series[s].party));
                    const auto day = plainDay(FileFacts::text(json, "made_at"));
                    if (!day)
                        continue;
                    EXPECT_EQ(data.buckets.start(c),
                              QDateTime(*day, QTime(0, 0), zone).toSecsSinceEpoch())
                        << FileFacts::text(json, "id").toStdString() << " in " << id.constData();
                }
            }
        }
    }
}

TEST(ChartData, EventTempoCountsEachEventOncePerParty)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    std::map<QString, int> expected;
    for (const QJsonObject &event : facts.items("events")) {
        const std::vector<QString> parties = FileFacts::ids(event, "parties");
        const std::set<QString> distinct(parties.begin(), parties.end());
        for (const QString &party : distinct)
            ++expected[party];
        if (distinct.empty())
            ++expected[QString()];
    }
    const ChartData data = chart(project, ChartKind::EventTempo);
    expectItemsMatchValues(data);
    EXPECT_EQ(data.itemKind, ItemKind::Event);
    EXPECT_EQ(seriesTotals(project, data), expected);
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        const QString party = partyId(project, data.series[s].party);
        for (std::size_t c = 0; c < data.categories.size(); ++c) {
            for (const std::uint32_t event : data.items(s, c)) {
                const QJsonObject json = facts.item(test::idOf(project, {ItemKind::Event, event}));
                const std::vector<QString> parties = FileFacts::ids(json, "parties");
                EXPECT_NE(std::find(parties.begin(), parties.end(), party), parties.end());
            }
        }
    }
}

// --- response lag ----------------------------------------------------------------------------

TEST(ChartData, ResponseLagCountsTheCounterClaimsOfEachRespondingParty)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    // Per responding party: its counter-claims, and their lags in days when both claims
    // were said on a plain calendar day (midpoint to midpoint: whole days).
    std::map<QString, std::multiset<QString>> answers;
    std::map<QString, std::vector<double>> dayLags;
    std::set<QString> imprecise;
    for (const QJsonObject &relation : facts.items("relations")) {
        if (FileFacts::text(relation, "kind") == QStringLiteral("corroborates"))
            continue;
        const QJsonObject from = facts.item(FileFacts::text(relation, "from"));
        const QJsonObject to = facts.item(FileFacts::text(relation, "to"));
        const QString party = facts.partyOfClaim(from);
        answers[party].insert(FileFacts::text(from, "id"));
        const auto a = plainDay(FileFacts::text(from, "made_at"));
        const auto b = plainDay(FileFacts::text(to, "made_at"));
        if (a && b)
            dayLags[party].push_back(double(b->daysTo(*a)) * 86400);
        else
            imprecise.insert(party);
    }
    const ChartData data = chart(project, ChartKind::ResponseLag);
    ASSERT_EQ(data.series.size(), 1u);
    ASSERT_EQ(data.categories.size(), answers.size());
    ASSERT_EQ(data.lags.size(), answers.size());
    expectItemsMatchValues(data);
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        const QString party = partyId(project, data.categoryParties[c]);
        ASSERT_EQ(answers.count(party), 1u) << party.toStdString();
        const std::multiset<QString> &expected = answers[party];
        EXPECT_EQ(data.value(0, c), double(expected.size()));
        EXPECT_EQ(data.categories[c],
                  QStringLiteral("%1 (%2)")
                      .arg(FileFacts::text(facts.item(party), "short"))
                      .arg(expected.size()));
        std::multiset<QString> items;
        for (const std::uint32_t claim : data.items(0, c))
            items.insert(claimId(project, claim));
        EXPECT_EQ(items, expected) << party.toStdString();
        const LagSpread &lag = data.lags[c];
        EXPECT_LE(lag.min, lag.lowerQuartile);
        EXPECT_LE(lag.lowerQuartile, lag.median);
        EXPECT_LE(lag.median, lag.upperQuartile);
        EXPECT_LE(lag.upperQuartile, lag.max);
        if (imprecise.count(party) == 0) {
            std::vector<double> lags = dayLags[party];
            std::sort(lags.begin(), lags.end());
            EXPECT_EQ(lag.min, lags.front()) << party.toStdString();
            EXPECT_EQ(lag.max, lags.back()) << party.toStdString();
            if (lags.size() % 2 == 1) {
                EXPECT_EQ(lag.median, lags[lags.size() / 2]) << party.toStdString();
            }
        }
    }
}

// --- the filter ------------------------------------------------------------------------------

TEST(ChartData, EveryChartFollowsTheFilter)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const std::uint32_t russia = test::indexOf(project, "russia", ItemKind::Party);
    Filter filter;
    filter.setPartyHidden(russia, true);
    filter.setStatusShown(Status::Disputed, false);
    // What is left: claims of another party that are not disputed.
    std::map<QString, int> expected;
    for (const QJsonObject &claim : facts.items("claims")) {
        const QString party = facts.partyOfClaim(claim);
        if (party != QStringLiteral("russia")
            && FileFacts::status(claim) != QStringLiteral("disputed"))
            ++expected[party];
    }
    const ChartData perDay = chart(project, ChartKind::ClaimsPerDay, filter);
    EXPECT_EQ(seriesTotals(project, perDay), expected);

    const ChartData status = chart(project, ChartKind::StatusByParty, filter);
    std::map<QString, int> byParty;
    for (std::size_t c = 0; c < status.categories.size(); ++c) {
        for (std::size_t s = 0; s < status.series.size(); ++s) {
            byParty[partyId(project, status.categoryParties[c])] += int(status.value(s, c));
            EXPECT_FALSE(status.series[s].name.toLower() == QStringLiteral("disputed")
                         && status.value(s, c) > 0);
        }
    }
    EXPECT_EQ(byParty, expected);

    for (const ChartKind kind : {ChartKind::StanceMatrix, ChartKind::ResponseLag}) {
        const ChartData data = chart(project, kind, filter);
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            for (std::size_t c = 0; c < data.categories.size(); ++c) {
                for (const std::uint32_t claim : data.items(s, c)) {
                    const QJsonObject json = facts.item(claimId(project, claim));
                    EXPECT_NE(facts.partyOfClaim(json), QStringLiteral("russia"));
                    EXPECT_NE(FileFacts::status(json), QStringLiteral("disputed"));
                }
            }
        }
    }
    // A counter-claim counts only when both it and what it answers are shown.
    const auto shown = [&](const QJsonObject &claim) {
        return facts.partyOfClaim(claim) != QStringLiteral("russia")
            && FileFacts::status(claim) != QStringLiteral("disputed");
    };
    int answers = 0;
    for (const QJsonObject &relation : facts.items("relations")) {
        answers += FileFacts::text(relation, "kind") != QStringLiteral("corroborates")
            && shown(facts.item(FileFacts::text(relation, "from")))
            && shown(facts.item(FileFacts::text(relation, "to")));
    }
    EXPECT_EQ(chart(project, ChartKind::ResponseLag, filter).total(), answers);
}

// --- small projects --------------------------------------------------------------------------

constexpr const char *LooseEnds = R"({
  "format": "claimline", "version": 1,
  "meta": {"title": "Loose ends"},
  "parties": [{"id": "north", "name": "Northland"}],
  "actors": [
    {"id": "envoy", "name": "An envoy", "party": "north"},
    {"id": "stranger", "name": "A stranger"}
  ],
  "sources": [{"id": "src", "title": "Wire"}],
  "events": [
    {"id": "ev-none", "title": "Nobody's", "when": "2025-03-03"},
    {"id": "ev-north", "title": "North's", "when": "2025-03-04", "parties": ["north"]}
  ],
  "questions": [{"id": "q", "text": "Did it happen?"}],
  "claims": [
    {"id": "c-north", "claimant": "envoy", "made_at": "2025-03-01", "statement": "Yes.",
     "question": "q", "stance": "affirms"},
    {"id": "c-stranger", "claimant": "stranger", "made_at": "2025-03-09", "statement": "No.",
     "question": "q", "stance": "denies", "status": "retracted"}
  ],
  "relations": [{"from": "c-stranger", "to": "c-north", "kind": "denies"}]
})";

TEST(ChartData, ItemsOfNoPartyAreCountedUnderTheirOwnName)
{
    const Project project = test::parseProject(LooseEnds);
    const ChartData status = chart(project, ChartKind::StatusByParty);
    ASSERT_EQ(status.categories.size(), 2u);
    EXPECT_EQ(status.categories[0], QStringLiteral("Northland")); // no short name: the name
    EXPECT_EQ(status.categories[1], QStringLiteral("Unattributed"));
    EXPECT_EQ(status.categoryParties[1], NoIndex);
    // A retraction shows the Retracted series.
    ASSERT_EQ(status.series.size(), 5u);
    EXPECT_EQ(status.series.back().name, QStringLiteral("Retracted"));
    EXPECT_EQ(status.value(4, 1), 1.0);

    const ChartData perDay = chart(project, ChartKind::ClaimsPerDay);
    ASSERT_EQ(perDay.series.size(), 2u);
    EXPECT_EQ(perDay.series[1].name, QStringLiteral("Unattributed"));
    EXPECT_EQ(perDay.series[1].party, NoIndex);

    const ChartData tempo = chart(project, ChartKind::EventTempo);
    ASSERT_EQ(tempo.series.size(), 2u);
    EXPECT_EQ(tempo.series[1].name, QStringLiteral("No party"));
    EXPECT_EQ(tempo.total(), 2.0);

    // Eight days from 1 to 9 March: a lag in days, told on the axis.
    const ChartData lag = chart(project, ChartKind::ResponseLag);
    ASSERT_EQ(lag.lags.size(), 1u);
    EXPECT_EQ(lag.categories[0], QStringLiteral("Unattributed (1)"));
    EXPECT_EQ(lag.lags[0].median, 8 * 86400.0);
    EXPECT_EQ(lag.lagUnit, 86400.0);
    EXPECT_EQ(lag.yTitle, QStringLiteral("Lag (days)"));
}

TEST(ChartData, CreditNamesTheTitleAndTheNumberOfSources)
{
    const FileFacts facts;
    const Project sample = test::loadSample();
    EXPECT_EQ(chart(sample, ChartKind::StanceMatrix).credit,
              QStringLiteral("Source: %1, compiled from %2 sources")
                  .arg(facts.metaTitle())
                  .arg(facts.array("sources").size()));
    EXPECT_EQ(chartCredit(test::parseProject(LooseEnds)),
              QStringLiteral("Source: Loose ends, compiled from 1 source"));
    EXPECT_EQ(chartCredit(Project()),
              QStringLiteral("Source: Untitled project, compiled from 0 sources"));
}

// --- buckets ---------------------------------------------------------------------------------

TEST(TimeBuckets, ContiguousAlignedAndNeverTooMany)
{
    std::vector<QTimeZone> zones {QTimeZone::utc()};
    for (const char *id : {"Europe/Moscow", "Europe/Kyiv", "Asia/Kolkata"})
        zones.emplace_back(id);
    const std::int64_t from = test::utcMidnight(2024, 10, 20) + 7 * 3600 + 1234;
    for (const QTimeZone &zone : zones) {
        ASSERT_TRUE(zone.isValid());
        for (const std::int64_t span :
             {std::int64_t(3600), std::int64_t(86400) * 2, std::int64_t(86400) * 40,
              std::int64_t(86400) * 300, std::int64_t(86400) * 3000, std::int64_t(86400) * 365 * 40,
              std::int64_t(86400) * 365 * 400}) {
            const TimeBuckets buckets = TimeBuckets::cover(from, from + span, zone);
            const std::string where = zone.id().toStdString() + " span " + std::to_string(span);
            ASSERT_FALSE(buckets.isEmpty()) << where;
            EXPECT_LE(buckets.size(), TimeBuckets::MaxBuckets + 2) << where;
            EXPECT_LE(buckets.start(0), from) << where;
            EXPECT_GE(buckets.end(buckets.size() - 1), from + span) << where;
            QSet<QString> labels;
            for (std::size_t i = 0; i < buckets.size(); ++i) {
                EXPECT_LT(buckets.start(i), buckets.end(i)) << where;
                if (i + 1 < buckets.size()) {
                    EXPECT_EQ(buckets.end(i), buckets.start(i + 1)) << where;
                }
                const QDateTime local = QDateTime::fromSecsSinceEpoch(buckets.start(i), zone);
                EXPECT_EQ(local.time().minute(), 0) << where;
                if (buckets.unit() != BucketUnit::Hour) {
                    EXPECT_EQ(local.time(), QTime(0, 0)) << where;
                }
                if (buckets.unit() == BucketUnit::Week) {
                    EXPECT_EQ(local.date().dayOfWeek(), 1) << where;
                }
                if (buckets.unit() == BucketUnit::Month || buckets.unit() == BucketUnit::Year) {
                    EXPECT_EQ(local.date().day(), 1) << where;
                }
                if (buckets.unit() == BucketUnit::Year) {
                    EXPECT_EQ(local.date().month(), 1) << where;
                }
                labels.insert(buckets.label(i));
            }
            // Bars are told apart by their labels.
            EXPECT_EQ(std::size_t(labels.size()), buckets.size()) << where;
        }
    }
}

// The night the clocks go back, the wall clock shows one hour twice: the chart still counts
// by real hours, none lost and none doubled.
TEST(TimeBuckets, HoursStayHoursWhenTheClocksGoBack)
{
    const QTimeZone kyiv("Europe/Kyiv");
    ASSERT_TRUE(kyiv.isValid());
    // 27 Oct 2024, 04:00 EEST becomes 03:00 EET (01:00 UTC).
    const std::int64_t from = test::utcMidnight(2024, 10, 26) + 12 * 3600;
    const TimeBuckets buckets = TimeBuckets::cover(from, from + 36 * 3600, kyiv);
    ASSERT_EQ(buckets.unit(), BucketUnit::Hour);
    ASSERT_EQ(buckets.size(), 36u);
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        EXPECT_EQ(buckets.start(i), from + std::int64_t(i) * 3600);
        EXPECT_EQ(buckets.end(i) - buckets.start(i), 3600);
        EXPECT_EQ(buckets.indexOf(FuzzyTime::fromInstant(buckets.start(i) + 1800)), int(i));
    }
}

TEST(TimeBuckets, UnitsGrowWithTheSpan)
{
    const std::int64_t from = test::utcMidnight(2025, 1, 1);
    const std::int64_t day = 86400;
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 3600), BucketUnit::Hour);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 2 * day), BucketUnit::Hour);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 2 * day + 1), BucketUnit::Day);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 60 * day), BucketUnit::Day);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 365 * day), BucketUnit::Week);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 20 * 365 * day), BucketUnit::Month);
    EXPECT_EQ(TimeBuckets::unitFor(from, from + 200 * 365 * day), BucketUnit::Year);
    // A backwards span is the shortest.
    EXPECT_EQ(TimeBuckets::unitFor(from, from - day), BucketUnit::Hour);
}

TEST(TimeBuckets, AnItemCountsWhereItsMiddleFalls)
{
    const std::int64_t from = test::utcMidnight(2025, 12, 27);
    const TimeBuckets days
        = TimeBuckets::make(BucketUnit::Day, from, from + 7 * 86400, QTimeZone::utc());
    ASSERT_EQ(days.size(), 7u);
    // 29–31 Dec: the middle is 30 Dec, noon.
    EXPECT_EQ(days.indexOf(FuzzyTime::fromDays(2025, 12, 29, 31)), 3);
    // An instant counts in the bucket that holds it.
    const std::int64_t instant = test::utcMidnight(2025, 12, 28) + 86399;
    EXPECT_EQ(days.indexOf(FuzzyTime::fromInstant(instant, Precision::Second)), 1);
    // Undated, or outside the buckets: counted nowhere.
    EXPECT_EQ(days.indexOf(FuzzyTime()), -1);
    EXPECT_EQ(days.indexOf(FuzzyTime::fromDate(2025, 12, 26)), -1);
    EXPECT_EQ(days.indexOf(FuzzyTime::fromDate(2026, 1, 3)), -1);
}

TEST(CellItems, ItemsAreGroupedByCellInTheirOrder)
{
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs {
        {2, 10}, {0, 11}, {2, 12}, {0, 13}, {2, 14}};
    const CellItems cells(4, pairs);
    ASSERT_EQ(cells.cellCount(), 4u);
    EXPECT_EQ(std::vector<std::uint32_t>(cells.items(0).begin(), cells.items(0).end()),
              (std::vector<std::uint32_t> {11, 13}));
    EXPECT_EQ(cells.count(1), 0u);
    EXPECT_EQ(std::vector<std::uint32_t>(cells.items(2).begin(), cells.items(2).end()),
              (std::vector<std::uint32_t> {10, 12, 14}));
    EXPECT_EQ(cells.count(3), 0u);
}
