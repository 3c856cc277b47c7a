// Chart data: what each of the five charts counts equals what the file holds, counted here
// from the sample's JSON (Qt's parser, not Claimline's reader or the Project's indexes); a
// bar's items are exactly the items it counts; the Filter reaches every chart; the time
// buckets are contiguous, aligned to the zone, distinct and never too many; and small
// projects cover what the sample lacks (claims of no party, events of none, retractions,
// long lags).

#include "document/filter.h"
#include "model/generator.h"
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

// Per party id, what a time chart counts plus what it lists as not shown: every item once.
std::map<QString, int> countedOrListed(const Project &project, const ChartData &data)
{
    std::map<QString, int> out = seriesTotals(project, data);
    for (const std::uint32_t claim : data.notShown)
        ++out[partyId(project, project.partyOfClaim(claim))];
    std::erase_if(out, [](const auto &entry) { return entry.second == 0; });
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

// "2025-12-29", "2025-12-29~": one calendar day (no interval).
std::optional<QDate> plainDay(QString edtf)
{
    while (edtf.endsWith(QLatin1Char('~')) || edtf.endsWith(QLatin1Char('?'))
           || edtf.endsWith(QLatin1Char('%')))
        edtf.chop(1);
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

TEST(ChartData, StanceMatrixIsATableOfQuestionsByParties)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const ChartData data = chart(project, ChartKind::StanceMatrix);
    expectItemsMatchValues(data);

    // (question text, party id) → stance → claims, for claims with a question and a stance.
    std::map<std::pair<QString, QString>, std::map<QString, int>> expected;
    std::set<QString> questions;
    std::set<QString> parties;
    int counted = 0;
    for (const QJsonObject &claim : facts.items("claims")) {
        const QString question = FileFacts::text(claim, "question");
        const QString stance = FileFacts::text(claim, "stance");
        if (question.isEmpty() || stance.isEmpty())
            continue;
        const QString text = FileFacts::text(facts.item(question), "text");
        ++expected[{text, facts.partyOfClaim(claim)}][stance];
        questions.insert(text);
        parties.insert(facts.partyOfClaim(claim));
        ++counted;
    }
    EXPECT_FALSE(data.note.contains(QStringLiteral("most"))) << data.note.toStdString();
    EXPECT_EQ(data.total(), counted);
    ASSERT_EQ(data.series.size(), 4u);
    // Rows: every question with a claim, its whole text; columns: every party with one.
    EXPECT_EQ(std::set<QString>(data.rows.begin(), data.rows.end()), questions);
    ASSERT_EQ(data.columns.size(), parties.size());
    ASSERT_EQ(data.categories.size(), data.rows.size() * data.columns.size());
    for (std::size_t r = 0; r < data.rows.size(); ++r) {
        for (std::size_t col = 0; col < data.columns.size(); ++col) {
            const std::size_t c = r * data.columns.size() + col;
            const QString party = partyId(project, data.categoryParties[c]);
            EXPECT_EQ(data.columns[col], FileFacts::text(facts.item(party), "short"));
            EXPECT_EQ(data.categories[c], data.columns[col] + QStringLiteral(": ") + data.rows[r]);
            const std::map<QString, int> &stances = expected[{data.rows[r], party}];
            for (std::size_t s = 0; s < data.series.size(); ++s) {
                const auto it = stances.find(data.series[s].name.toLower());
                EXPECT_EQ(data.value(s, c), it == stances.end() ? 0 : it->second)
                    << data.categories[c].toStdString();
                for (const std::uint32_t claim : data.items(s, c)) {
                    const QJsonObject json = facts.item(claimId(project, claim));
                    EXPECT_EQ(facts.partyOfClaim(json), party);
                    EXPECT_EQ(FileFacts::text(json, "stance"), data.series[s].name.toLower());
                }
            }
        }
    }
}

TEST(ChartData, StanceMatrixKeepsTheQuestionsWithMostClaims)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    std::map<QString, int> perQuestion;
    for (const QJsonObject &claim : facts.items("claims")) {
        if (!FileFacts::text(claim, "question").isEmpty()
            && !FileFacts::text(claim, "stance").isEmpty())
            ++perQuestion[FileFacts::text(facts.item(FileFacts::text(claim, "question")), "text")];
    }
    ChartRequest request;
    request.kind = ChartKind::StanceMatrix;
    request.maxRows = 3;
    const ChartData data = computeChart(project, Filter(), request);
    ASSERT_EQ(data.rows.size(), 3u);
    EXPECT_TRUE(data.note.contains(
        QStringLiteral("The 3 questions with most claims of %1.").arg(perQuestion.size())))
        << data.note.toStdString();
    int fewestKept = 1 << 30;
    for (const QString &row : data.rows)
        fewestKept = std::min(fewestKept, perQuestion[row]);
    for (const auto &[question, count] : perQuestion) {
        if (std::find(data.rows.begin(), data.rows.end(), question) == data.rows.end()) {
            EXPECT_LE(count, fewestKept) << question.toStdString();
        }
    }
}

// --- time charts -----------------------------------------------------------------------------

TEST(ChartData, ClaimsPerDayCountsOrListsEveryClaimOfEachParty)
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
        EXPECT_EQ(countedOrListed(project, data), expected) << id.constData();
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
    std::map<QString, int> plainDays;
    for (const QJsonObject &claim : facts.items("claims")) {
        if (plainDay(FileFacts::text(claim, "made_at")))
            ++plainDays[facts.partyOfClaim(claim)];
    }
    // Auckland (UTC+13) and New York (UTC-5) lost the first or the last day's claims when the
    // span was taken from UTC midpoints and the buckets from local days.
    for (const QByteArray &id : {QByteArray("UTC"), QByteArray("Pacific/Kiritimati"),
                                 QByteArray("Pacific/Auckland"), QByteArray("America/New_York")}) {
        const QTimeZone zone(id);
        ASSERT_TRUE(zone.isValid());
        for (const bool window : {true, false}) {
            ChartRequest request;
            request.kind = ChartKind::ClaimsPerDay;
            request.zone = zone;
            if (window)
                request.range
                    = std::pair(test::utcMidnight(2025, 12, 1), test::utcMidnight(2026, 1, 10));
            const ChartData data = computeChart(project, Filter(), request);
            const std::string where = std::string(id.constData()) + (window ? " window" : "");
            expectItemsMatchValues(data);
            EXPECT_EQ(countedOrListed(project, data), expected) << where;
            // Every plain calendar day is in a bar, on its own day.
            EXPECT_EQ(seriesTotals(project, data), plainDays) << where;
            for (std::size_t s = 0; s < data.series.size(); ++s) {
                for (std::size_t c = 0; c < data.categories.size(); ++c) {
                    for (const std::uint32_t claim : data.items(s, c)) {
                        const QJsonObject json = facts.item(claimId(project, claim));
                        const auto day = plainDay(FileFacts::text(json, "made_at"));
                        ASSERT_TRUE(day.has_value()) << FileFacts::text(json, "id").toStdString();
                        EXPECT_EQ(data.buckets.start(c),
                                  QDateTime(*day, QTime(0, 0), zone).toSecsSinceEpoch())
                            << FileFacts::text(json, "id").toStdString() << " in " << where;
                    }
                }
            }
        }
    }
}

TEST(ChartData, EventTempoCountsEachEventOncePerParty)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const ChartData data = chart(project, ChartKind::EventTempo);
    // Events of one calendar day are counted; the others are listed as not shown.
    std::set<QString> listed;
    for (const std::uint32_t event : data.notShown)
        listed.insert(test::idOf(project, {ItemKind::Event, event}));
    std::map<QString, int> expected;
    for (const QJsonObject &event : facts.items("events")) {
        const bool day = plainDay(FileFacts::text(event, "when")).has_value();
        EXPECT_NE(day, listed.count(FileFacts::text(event, "id")) == 1)
            << FileFacts::text(event, "id").toStdString();
        if (!day)
            continue;
        const std::vector<QString> parties = FileFacts::ids(event, "parties");
        const std::set<QString> distinct(parties.begin(), parties.end());
        for (const QString &party : distinct)
            ++expected[party];
        if (distinct.empty())
            ++expected[QString()];
    }
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
    // Per responding party: its counter-claims, and the range of each lag in seconds: from
    // the earliest possible to the latest possible (days are [midnight, next midnight)).
    std::map<QString, std::multiset<QString>> answers;
    std::map<QString, std::pair<double, double>> envelope;
    const auto bounds = [](const QString &edtf) {
        const auto time = FuzzyTime::parse(edtf.toStdString());
        EXPECT_TRUE(time.has_value()) << edtf.toStdString();
        return std::pair(double(time->start()), double(time->end() - 1));
    };
    for (const QJsonObject &relation : facts.items("relations")) {
        if (FileFacts::text(relation, "kind") == QStringLiteral("corroborates"))
            continue;
        const QJsonObject from = facts.item(FileFacts::text(relation, "from"));
        const QJsonObject to = facts.item(FileFacts::text(relation, "to"));
        const QString party = facts.partyOfClaim(from);
        answers[party].insert(FileFacts::text(from, "id"));
        const auto [a0, a1] = bounds(FileFacts::text(from, "made_at"));
        const auto [o0, o1] = bounds(FileFacts::text(to, "made_at"));
        const std::pair lag(std::max(0.0, a0 - o1), a1 - o0);
        auto [it, added] = envelope.try_emplace(party, lag);
        it->second
            = {std::min(it->second.first, lag.first), std::max(it->second.second, lag.second)};
    }
    const ChartData data = chart(project, ChartKind::ResponseLag);
    ASSERT_EQ(data.lagRanges.size(), data.categories.size());
    expectItemsMatchValues(data);
    std::map<QString, std::multiset<QString>> shown;
    std::map<QString, std::pair<double, double>> shownEnvelope;
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        const QString party = partyId(project, data.categoryParties[c]);
        const LagRange &range = data.lagRanges[c];
        EXPECT_LE(range.min, range.max);
        EXPECT_EQ(
            data.categories[c].section(QStringLiteral(": "), 1),
            QStringLiteral("%1 (%2)")
                .arg(range.text)
                .arg(int(data.value(std::size_t(std::find_if(data.series.begin(), data.series.end(),
                                                             [&](const ChartSeries &s) {
                                                                 return s.party
                                                                     == data.categoryParties[c];
                                                             })
                                                - data.series.begin()),
                                    c))));
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            for (const std::uint32_t claim : data.items(s, c)) {
                EXPECT_EQ(data.series[s].party, data.categoryParties[c]);
                shown[party].insert(claimId(project, claim));
            }
        }
        auto [it, added] = shownEnvelope.try_emplace(party, std::pair(range.min, range.max));
        it->second
            = {std::min(it->second.first, range.min), std::max(it->second.second, range.max)};
    }
    EXPECT_EQ(shown, answers);
    EXPECT_EQ(shownEnvelope, envelope);
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
    EXPECT_EQ(countedOrListed(project, perDay), expected);

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

    // Eight days from 1 to 9 March: a range in days, told on the axis.
    const ChartData lag = chart(project, ChartKind::ResponseLag);
    ASSERT_EQ(lag.lagRanges.size(), 1u);
    EXPECT_EQ(lag.categories[0], QStringLiteral("Unattributed: 8 days (1)"));
    EXPECT_EQ(lag.lagRanges[0].min, 7 * 86400.0 + 1);
    EXPECT_EQ(lag.lagRanges[0].max, 9 * 86400.0 - 1);
    EXPECT_EQ(lag.lagUnit, 86400.0);
    EXPECT_EQ(lag.xTitle, QStringLiteral("Lag (days)"));
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

// Past ~32,000 items the time chart's passes run in two halves on two threads: every claim
// must still land once, in its party's series and its own bucket, in file order.
TEST(ChartData, AtScaleEveryClaimIsInItsPartysBucketOnce)
{
    const Project project = generateProject(40'000, 3);
    const ChartData data = chart(project, ChartKind::ClaimsPerDay);
    expectItemsMatchValues(data);
    std::map<std::pair<std::uint32_t, int>, std::vector<std::uint32_t>> expected;
    std::size_t unplaced = 0;
    for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
        const int bucket = data.buckets.indexOf(project.claims()[c].madeAt);
        if (bucket < 0)
            ++unplaced;
        else
            expected[{project.partyOfClaim(c), bucket}].push_back(c);
    }
    EXPECT_EQ(data.notShown.size(), unplaced);
    std::size_t placed = 0;
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        for (std::size_t b = 0; b < data.categories.size(); ++b) {
            const auto items = data.items(s, b);
            const auto it = expected.find({data.series[s].party, int(b)});
            const std::vector<std::uint32_t> none;
            const std::vector<std::uint32_t> &want = it == expected.end() ? none : it->second;
            EXPECT_TRUE(std::ranges::equal(items, want)) << "series " << s << ", bucket " << b;
            placed += items.size();
        }
    }
    EXPECT_EQ(placed + unplaced, project.claims().size());
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
