// NarrativesTable: the rows and cells the narratives view, its pictures and its HTML export
// draw from. Matrix: each claim of the sample sits exactly once in the row of its question and
// the column of its party, followed where it answers a claim on another question; empty
// cells say why. Side by side: every claim of A has its row with every related claim of B
// opposite, B claims related to none have rows of their own, "unanswered" means what it says,
// and rows group by question or run in time order. Expectations are counted from the
// sample's JSON (Qt's parser), not from the Project's indexes.

#include "document/filter.h"
#include "format/projectreader.h"
#include "model/project.h"
#include "present/narrativestable.h"
#include "samplefacts.h"
#include "testproject.h"
#include "testsupport.h"

#include <QStringList>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace claimline;
using test::FileFacts;

namespace {

const QString Russia = QStringLiteral("russia");
const QString Ukraine = QStringLiteral("ukraine");

class NarrativesTableTest : public testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        LoadResult result = loadProject(test::samplePath());
        ASSERT_TRUE(result.ok());
        s_project.emplace(std::move(*result.project));
        s_facts.emplace();
    }
    static void TearDownTestSuite()
    {
        s_project.reset();
        s_facts.reset();
    }

    const Project &p() const { return *s_project; }
    const FileFacts &facts() const { return *s_facts; }
    std::uint32_t party(const QString &id) const
    {
        return test::indexOf(p(), id.toStdString(), ItemKind::Party);
    }
    std::uint32_t claim(const QString &id) const
    {
        return test::indexOf(p(), id.toStdString(), ItemKind::Claim);
    }
    QString claimId(std::uint32_t claim) const { return test::idOf(p(), {ItemKind::Claim, claim}); }
    QString partyId(std::uint32_t party) const { return test::idOf(p(), {ItemKind::Party, party}); }
    QString questionId(std::uint32_t question) const
    {
        return question == NoIndex ? QString() : test::idOf(p(), {ItemKind::Question, question});
    }
    QJsonObject json(std::uint32_t claim) const { return facts().item(claimId(claim)); }
    QString partyOf(std::uint32_t claim) const { return facts().partyOfClaim(json(claim)); }
    QString questionOf(std::uint32_t claim) const
    {
        return FileFacts::text(json(claim), "question");
    }

    // The parties that made claims on a question, in the file's order.
    std::vector<QString> partiesWithQuestions() const
    {
        std::set<QString> speaking;
        for (const QJsonObject &c : facts().items("claims")) {
            if (!FileFacts::text(c, "question").isEmpty())
                speaking.insert(facts().partyOfClaim(c));
        }
        std::vector<QString> out;
        for (const QJsonObject &party : facts().items("parties")) {
            if (speaking.count(FileFacts::text(party, "id")))
                out.push_back(FileFacts::text(party, "id"));
        }
        return out;
    }

    NarrativesTable matrix(const Filter *filter = nullptr,
                           std::vector<std::uint32_t> questions = {}) const
    {
        NarrativesSpec spec;
        spec.parties = NarrativesTable::defaultParties(p());
        spec.questions = std::move(questions);
        NarrativesTable table;
        table.build(p(), filter, spec);
        return table;
    }

    NarrativesTable sideBySide(const std::vector<QString> &a, const std::vector<QString> &b,
                               NarrativesOrder order = NarrativesOrder::ByQuestion,
                               const Filter *filter = nullptr) const
    {
        NarrativesSpec spec;
        spec.mode = NarrativesMode::SideBySide;
        for (const QString &id : a)
            spec.a.push_back(party(id));
        for (const QString &id : b)
            spec.b.push_back(party(id));
        spec.order = order;
        NarrativesTable table;
        table.build(p(), filter, spec);
        return table;
    }

    // Whether the file relates the two claims, either way.
    bool related(const QString &x, const QString &y) const
    {
        for (const QJsonObject &r : facts().items("relations")) {
            const QString from = FileFacts::text(r, "from");
            const QString to = FileFacts::text(r, "to");
            if ((from == x && to == y) || (from == y && to == x))
                return true;
        }
        return false;
    }

private:
    static std::optional<Project> s_project;
    static std::optional<FileFacts> s_facts;
};

std::optional<Project> NarrativesTableTest::s_project;
std::optional<FileFacts> NarrativesTableTest::s_facts;

} // namespace

// --- matrix ----------------------------------------------------------------------------------

TEST_F(NarrativesTableTest, DefaultColumnsAreThePartiesThatSpokeOnAQuestion)
{
    const NarrativesTable table = matrix();
    const std::vector<QString> expected = partiesWithQuestions();
    ASSERT_EQ(table.columnCount(), int(expected.size()));
    for (int c = 0; c < table.columnCount(); ++c) {
        ASSERT_EQ(table.columnParties(c).size(), 1u);
        EXPECT_EQ(partyId(table.columnParties(c)[0]), expected[std::size_t(c)]);
        EXPECT_EQ(table.columnTitle(p(), c), facts().nameOf(expected[std::size_t(c)]));
    }
    // One row per question, in the file's order, titled by its text.
    const std::vector<QJsonObject> questions = facts().items("questions");
    ASSERT_EQ(table.rowCount(), questions.size());
    for (std::size_t r = 0; r < questions.size(); ++r) {
        EXPECT_EQ(table.rows()[r].kind, NarrativesRow::Kind::Question);
        EXPECT_EQ(questionId(table.rows()[r].question), FileFacts::text(questions[r], "id"));
        EXPECT_EQ(table.rowTitle(p(), int(r)), FileFacts::text(questions[r], "text"));
    }
}

TEST_F(NarrativesTableTest, EachClaimSitsOnceInItsQuestionsRowAndItsPartysColumn)
{
    const NarrativesTable table = matrix();
    const std::vector<QString> columns = partiesWithQuestions();
    std::map<QString, int> seen;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const NarrativesRow &row = table.rows()[r];
        const QString question = questionId(row.question);
        ASSERT_EQ(row.cells.size(), columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c) {
            // The cell holds the party's claims on the question, in file order.
            std::vector<QString> expected;
            for (const QJsonObject &json : facts().items("claims")) {
                if (FileFacts::text(json, "question") == question
                    && facts().partyOfClaim(json) == columns[c])
                    expected.push_back(FileFacts::text(json, "id"));
            }
            std::vector<QString> cell;
            for (const std::uint32_t claim : row.cells[c]) {
                cell.push_back(claimId(claim));
                ++seen[claimId(claim)];
            }
            EXPECT_EQ(cell, expected)
                << question.toStdString() << " / " << columns[c].toStdString();
            EXPECT_EQ(row.hidden[c], 0u);
            // Its text gives each claim's statement.
            const QString text = table.cellText(p(), int(r), int(c), QTimeZone::utc());
            for (const QString &id : expected) {
                EXPECT_TRUE(text.contains(FileFacts::text(facts().item(id), "statement")));
            }
        }
    }
    // Every claim on a question appears exactly once; claims on none appear in no cell.
    std::size_t onQuestions = 0;
    for (const QJsonObject &json : facts().items("claims")) {
        const QString id = FileFacts::text(json, "id");
        if (FileFacts::text(json, "question").isEmpty()) {
            EXPECT_EQ(seen.count(id), 0u) << id.toStdString();
        } else {
            ++onQuestions;
            EXPECT_EQ(seen[id], 1) << id.toStdString();
        }
    }
    std::size_t counted = 0;
    for (int c = 0; c < table.columnCount(); ++c)
        counted += table.claimCount(c);
    EXPECT_EQ(counted, onQuestions);
}

// Zelenskyy's "complete fabrication" (on whether Putin was targeted) also denies Lavrov's 91
// drones: it is listed, after Ukraine's own claims, in the row of the scale of the attack.
TEST_F(NarrativesTableTest, AnswersFromOtherQuestionsFollowTheCell)
{
    const NarrativesTable table = matrix();
    const std::vector<QString> columns = partiesWithQuestions();
    std::set<std::tuple<QString, QString, QString>> expected; // (row question, column, claim)
    for (const QJsonObject &r : facts().items("relations")) {
        const QJsonObject from = facts().item(FileFacts::text(r, "from"));
        const QJsonObject to = facts().item(FileFacts::text(r, "to"));
        const QString question = FileFacts::text(to, "question");
        const QString party = facts().partyOfClaim(from);
        if (question.isEmpty() || FileFacts::text(from, "question") == question
            || std::find(columns.begin(), columns.end(), party) == columns.end())
            continue;
        expected.insert({question, party, FileFacts::text(from, "id")});
    }
    ASSERT_TRUE(
        expected.count({QStringLiteral("q-scale"), Ukraine, QStringLiteral("claim-fabrication")}));
    std::set<std::tuple<QString, QString, QString>> found;
    for (const NarrativesRow &row : table.rows()) {
        for (std::size_t c = 0; c < row.answers.size(); ++c) {
            for (const NarrativesAnswer &answer : row.answers[c]) {
                const auto entry
                    = std::tuple(questionId(row.question), columns[c], claimId(answer.claim));
                EXPECT_TRUE(found.insert(entry).second) << claimId(answer.claim).toStdString();
                // The relation named is the one from the answer to a claim on this row.
                const Relation &relation = p().relations()[answer.relation];
                EXPECT_EQ(relation.from, answer.claim);
                EXPECT_EQ(questionOf(relation.to), questionId(row.question));
            }
        }
    }
    EXPECT_EQ(found, expected);
}

TEST_F(NarrativesTableTest, EmptyCellsSayNoPositionOrHowManyTheFilterHides)
{
    Filter filter;
    filter.setStatusShown(Status::Disputed, false);
    const NarrativesTable table = matrix(&filter);
    const std::vector<QString> columns = partiesWithQuestions();
    int withHidden = 0;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const NarrativesRow &row = table.rows()[r];
        const QString question = questionId(row.question);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            std::uint32_t disputed = 0;
            for (const QJsonObject &json : facts().items("claims")) {
                if (FileFacts::text(json, "question") == question
                    && facts().partyOfClaim(json) == columns[c]
                    && FileFacts::status(json) == QStringLiteral("disputed"))
                    ++disputed;
            }
            EXPECT_EQ(row.hidden[c], disputed);
            for (const std::uint32_t claim : row.cells[c]) {
                EXPECT_NE(FileFacts::status(json(claim)), QStringLiteral("disputed"));
            }
            if (!row.cells[c].empty() || !row.answers[c].empty())
                continue;
            const QString text = table.cellText(p(), int(r), int(c), QTimeZone::utc());
            if (disputed == 0) {
                EXPECT_EQ(text, QStringLiteral("no public position"));
            } else {
                ++withHidden;
                EXPECT_EQ(text,
                          QStringLiteral("no claim shown (%1 hidden by the filter)").arg(disputed));
            }
        }
    }
    EXPECT_GT(withHidden, 0); // Russia on the scale of the attack: both its claims disputed
}

// Issue 16: Russia's column header said "11 claims" in the matrix and "16 claims" side by
// side. Each count is checked against the file, and the matrix header says which is which.
TEST_F(NarrativesTableTest, MatrixAndSideBySideCountsAgreeAndSayWhatTheyCount)
{
    const auto countsOf = [this](const QString &partyId, const Filter *filter) {
        std::size_t onQuestions = 0;
        std::size_t all = 0;
        for (const QJsonObject &c : facts().items("claims")) {
            if (facts().partyOfClaim(c) != partyId)
                continue;
            if (filter && FileFacts::status(c) == QStringLiteral("disputed"))
                continue; // the filter below hides disputed claims
            ++all;
            if (!FileFacts::text(c, "question").isEmpty())
                ++onQuestions;
        }
        return std::pair {onQuestions, all};
    };
    Filter hideDisputed;
    hideDisputed.setStatusShown(Status::Disputed, false);
    const std::array<const Filter *, 2> filters {nullptr, &hideDisputed};
    for (const Filter *filter : filters) {
        const NarrativesTable table = matrix(filter);
        const std::vector<QString> columns = partiesWithQuestions();
        ASSERT_EQ(table.columnCount(), int(columns.size()));
        for (int c = 0; c < table.columnCount(); ++c) {
            const auto [onQuestions, all] = countsOf(columns[std::size_t(c)], filter);
            EXPECT_EQ(table.claimCount(c), onQuestions) << columns[std::size_t(c)].toStdString();
            EXPECT_EQ(table.partyClaimCount(c), all) << columns[std::size_t(c)].toStdString();
            const QString expected = onQuestions == all
                ? (all == 1 ? QStringLiteral("1 claim") : QStringLiteral("%1 claims").arg(all))
                : QStringLiteral("%1 on these questions · %2 in all").arg(onQuestions).arg(all);
            EXPECT_EQ(table.countText(c), expected);
        }
        // Side by side counts every claim of a narrative: the matrix's "in all".
        const NarrativesTable side
            = sideBySide({Russia}, {Ukraine}, NarrativesOrder::ByQuestion, filter);
        const auto [ruOnQuestions, ruAll] = countsOf(Russia, filter);
        const auto [uaOnQuestions, uaAll] = countsOf(Ukraine, filter);
        EXPECT_EQ(side.claimCount(NarrativesTable::ColumnA), ruAll);
        EXPECT_EQ(side.claimCount(NarrativesTable::ColumnB), uaAll);
        EXPECT_EQ(side.countText(NarrativesTable::ColumnA), QStringLiteral("%1 claims").arg(ruAll));
        const int ru = int(std::find(columns.begin(), columns.end(), Russia) - columns.begin());
        EXPECT_EQ(table.partyClaimCount(ru), side.claimCount(NarrativesTable::ColumnA));
        // The sample's Russia speaks on no question too (the Khorly strike): the two counts
        // differ, and the matrix header names both.
        if (!filter) {
            EXPECT_LT(ruOnQuestions, ruAll);
            EXPECT_EQ(
                table.countText(ru),
                QStringLiteral("%1 on these questions · %2 in all").arg(ruOnQuestions).arg(ruAll));
        }
    }
}

TEST_F(NarrativesTableTest, HiddenPartyHasNoColumnAndQuestionOrderIsKept)
{
    Filter filter;
    filter.setPartyHidden(party(Ukraine), true);
    const std::uint32_t scale = test::indexOf(p(), "q-scale", ItemKind::Question);
    const std::uint32_t proof = test::indexOf(p(), "q-proof", ItemKind::Question);
    const NarrativesTable table = matrix(&filter, {proof, scale, proof, 999});
    EXPECT_EQ(table.columnCount(), int(partiesWithQuestions().size()) - 1);
    for (int c = 0; c < table.columnCount(); ++c) {
        EXPECT_NE(partyId(table.columnParties(c)[0]), Ukraine);
    }
    for (const std::uint32_t claim : table.shownClaims()) {
        EXPECT_NE(partyOf(claim), Ukraine);
    }
    // The view's order first (each question once, unknown ones dropped), then the rest in
    // file order.
    std::vector<QString> order;
    for (const NarrativesRow &row : table.rows())
        order.push_back(questionId(row.question));
    std::vector<QString> expected {QStringLiteral("q-proof"), QStringLiteral("q-scale")};
    for (const QJsonObject &q : facts().items("questions")) {
        if (std::find(expected.begin(), expected.end(), FileFacts::text(q, "id")) == expected.end())
            expected.push_back(FileFacts::text(q, "id"));
    }
    EXPECT_EQ(order, expected);
}

TEST_F(NarrativesTableTest, NarrativesAreNamedByTheirParties)
{
    EXPECT_EQ(
        NarrativesTable::narrativeName(
            p(), {party(QStringLiteral("european-union")), party(QStringLiteral("united-states"))}),
        QStringLiteral("U.S./EU"));
    EXPECT_EQ(NarrativesTable::narrativeName(p(), {party(Russia), party(Ukraine)}),
              QStringLiteral("Russia + Ukraine"));
    const NarrativesTable table = sideBySide({Russia}, {Ukraine});
    EXPECT_EQ(table.columnCount(), 3);
    EXPECT_EQ(table.columnTitle(p(), NarrativesTable::ColumnA), QStringLiteral("Russia"));
    EXPECT_EQ(table.columnTitle(p(), NarrativesTable::ColumnB), QStringLiteral("Ukraine"));
    EXPECT_TRUE(table.columnParties(NarrativesTable::ColumnLink).empty());
}

// --- side by side ----------------------------------------------------------------------------

TEST_F(NarrativesTableTest, SideBySidePutsEveryRelatedClaimOppositeOnce)
{
    const NarrativesTable table = sideBySide({Russia}, {Ukraine});
    std::vector<QString> aClaims;
    std::vector<QString> bClaims;
    for (const QJsonObject &json : facts().items("claims")) {
        const QString party = facts().partyOfClaim(json);
        if (party == Russia)
            aClaims.push_back(FileFacts::text(json, "id"));
        else if (party == Ukraine)
            bClaims.push_back(FileFacts::text(json, "id"));
    }
    EXPECT_EQ(table.claimCount(NarrativesTable::ColumnA), aClaims.size());
    EXPECT_EQ(table.claimCount(NarrativesTable::ColumnB), bClaims.size());
    EXPECT_EQ(table.shownClaims().size(), aClaims.size() + bClaims.size());

    std::map<QString, int> aRows; // A claim → rows it heads
    std::map<QString, int> ownRows; // B claim → rows of its own
    for (const NarrativesRow &row : table.rows()) {
        if (row.kind != NarrativesRow::Kind::Pair)
            continue;
        ASSERT_EQ(row.cells.size(), 2u);
        ASSERT_LE(row.cells[0].size(), 1u);
        ASSERT_EQ(row.links.size(), row.cells[1].size());
        if (row.cells[0].empty()) {
            ASSERT_EQ(row.cells[1].size(), 1u);
            ++ownRows[claimId(row.cells[1][0])];
            continue;
        }
        const QString a = claimId(row.cells[0][0]);
        ++aRows[a];
        std::vector<QString> opposite;
        for (const std::uint32_t b : row.cells[1])
            opposite.push_back(claimId(b));
        std::vector<QString> expected;
        for (const QString &b : bClaims) {
            if (related(a, b))
                expected.push_back(b);
        }
        std::sort(opposite.begin(), opposite.end());
        EXPECT_EQ(opposite, expected) << a.toStdString(); // each once, none missing
    }
    for (const QString &a : aClaims) {
        EXPECT_EQ(aRows[a], 1) << a.toStdString();
    }
    for (const QString &b : bClaims) {
        const bool answersA = std::any_of(aClaims.begin(), aClaims.end(),
                                          [&](const QString &a) { return related(a, b); });
        EXPECT_EQ(ownRows[b], answersA ? 0 : 1) << b.toStdString();
    }
}

TEST_F(NarrativesTableTest, SideBySideLinksAndUnansweredClaims)
{
    const NarrativesTable table = sideBySide({Russia}, {Ukraine});
    const auto relationFrom = [&](const QString &from, const QString &to) -> QString {
        for (const QJsonObject &r : facts().items("relations")) {
            if (FileFacts::text(r, "from") == from && FileFacts::text(r, "to") == to)
                return FileFacts::text(r, "kind");
        }
        return {};
    };
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const NarrativesRow &row = table.rows()[r];
        if (row.kind != NarrativesRow::Kind::Pair || row.cells[0].empty())
            continue;
        const QString a = claimId(row.cells[0][0]);
        const QString links
            = table.cellText(p(), int(r), NarrativesTable::ColumnLink, QTimeZone::utc());
        for (std::size_t i = 0; i < row.cells[1].size(); ++i) {
            const QString b = claimId(row.cells[1][i]);
            const NarrativesLink &link = row.links[i];
            EXPECT_EQ(link.aAnswers, !relationFrom(a, b).isEmpty()) << a.toStdString();
            const QString kind = link.aAnswers ? relationFrom(a, b) : relationFrom(b, a);
            EXPECT_EQ(QString::fromLatin1(nameOf(p().relations()[link.relation].kind)), kind);
            EXPECT_TRUE(links.contains(kind)) << links.toStdString();
        }
    }
    // Lavrov's 91 drones were answered by Zelenskyy; his own "fabrication" by Russia.
    EXPECT_FALSE(table.isUnanswered(claim(QStringLiteral("claim-91-drones"))));
    EXPECT_FALSE(table.isUnanswered(claim(QStringLiteral("claim-fabrication"))));
}

// "Unanswered" means no claim of the other side answers it: an answer from its own side (Trump
// qualifying Trump) does not count, and a claim's text says so.
TEST_F(NarrativesTableTest, SideBySideUnansweredMeansNoAnswerFromTheOtherSide)
{
    const std::vector<std::pair<std::vector<QString>, std::vector<QString>>> pairings {
        {{Russia}, {Ukraine}},
        {{QStringLiteral("united-states")}, {Russia}},
        {{QStringLiteral("united-states"), QStringLiteral("european-union")}, {Russia, Ukraine}}};
    for (const auto &pairing : pairings) {
        // Not a structured binding: clang 14 (the sanitizer build) cannot capture one.
        const std::vector<QString> &a = pairing.first;
        const std::vector<QString> &b = pairing.second;
        const NarrativesTable table = sideBySide(a, b);
        const auto sideOf = [&](const QString &party) {
            return std::find(a.begin(), a.end(), party) != a.end() ? 1
                : std::find(b.begin(), b.end(), party) != b.end()  ? 2
                                                                   : 0;
        };
        for (const std::uint32_t claim : table.shownClaims()) {
            const int side = sideOf(partyOf(claim));
            bool answered = false;
            for (const QJsonObject &r : facts().items("relations")) {
                const int from
                    = sideOf(facts().partyOfClaim(facts().item(FileFacts::text(r, "from"))));
                answered = answered
                    || (FileFacts::text(r, "to") == claimId(claim) && from != 0 && from != side);
            }
            const std::string where = claimId(claim).toStdString() + " in "
                + table.columnTitle(p(), NarrativesTable::ColumnA).toStdString();
            EXPECT_EQ(table.isUnanswered(claim), !answered) << where;
            const auto [row, column] = table.locate(claim);
            ASSERT_GE(row, 0) << where;
            // The claim's own card in the cell says it, and only when it is so.
            const QStringList cards
                = table.cellText(p(), row, column, QTimeZone::utc()).split(QStringLiteral("\n\n"));
            const QString statement
                = QLatin1Char('\n') + FileFacts::text(json(claim), "statement") + QLatin1Char('\n');
            const auto card = std::find_if(cards.begin(), cards.end(), [&](const QString &text) {
                return text.contains(statement);
            });
            ASSERT_NE(card, cards.end()) << where;
            EXPECT_EQ(card->endsWith(QStringLiteral("\nunanswered")), !answered) << where;
        }
    }
    // Trump's "very angry" is answered only by Trump himself.
    const NarrativesTable table = sideBySide({QStringLiteral("united-states")}, {Russia});
    EXPECT_TRUE(table.isUnanswered(claim(QStringLiteral("claim-trump-very-angry"))));
}

TEST_F(NarrativesTableTest, SideBySideGroupsByQuestionOrRunsInTimeOrder)
{
    const auto anchor = [](const NarrativesRow &row) {
        return row.cells[0].empty() ? row.cells[1][0] : row.cells[0][0];
    };
    const auto saidAt = [&](std::uint32_t claim) {
        return p().claims()[claim].madeAt.start();
    };

    const NarrativesTable grouped = sideBySide({Russia}, {Ukraine});
    std::vector<QString> headings;
    QString current = QStringLiteral("(none yet)");
    std::int64_t previous = FuzzyTime::OpenStart;
    for (const NarrativesRow &row : grouped.rows()) {
        if (row.kind == NarrativesRow::Kind::Heading) {
            current = questionId(row.question);
            headings.push_back(current);
            previous = FuzzyTime::OpenStart;
            continue;
        }
        ASSERT_EQ(row.kind, NarrativesRow::Kind::Pair);
        EXPECT_EQ(questionOf(anchor(row)), current) << claimId(anchor(row)).toStdString();
        EXPECT_GE(saidAt(anchor(row)), previous); // by time within a group
        previous = saidAt(anchor(row));
    }
    // Headings in question order, each once; claims on no question last.
    std::vector<QString> order;
    for (const QJsonObject &q : facts().items("questions")) {
        if (std::find(headings.begin(), headings.end(), FileFacts::text(q, "id")) != headings.end())
            order.push_back(FileFacts::text(q, "id"));
    }
    order.push_back(QString());
    EXPECT_EQ(headings, order);
    const auto last
        = std::find_if(grouped.rows().rbegin(), grouped.rows().rend(),
                       [](const auto &r) { return r.kind == NarrativesRow::Kind::Heading; });
    ASSERT_NE(last, grouped.rows().rend());
    EXPECT_EQ(grouped.rowTitle(p(), int(grouped.rows().rend() - last - 1)),
              QStringLiteral("Claims on no question"));

    const NarrativesTable byTime = sideBySide({Russia}, {Ukraine}, NarrativesOrder::ByTime);
    previous = FuzzyTime::OpenStart;
    for (const NarrativesRow &row : byTime.rows()) {
        ASSERT_EQ(row.kind, NarrativesRow::Kind::Pair);
        EXPECT_GE(saidAt(anchor(row)), previous);
        previous = saidAt(anchor(row));
    }
    EXPECT_EQ(byTime.shownClaims().size(), grouped.shownClaims().size());
}

TEST_F(NarrativesTableTest, SideBySideFollowsTheFilterAndAWinsASharedParty)
{
    Filter filter;
    filter.setStatusShown(Status::Disputed, false);
    // Russia on both sides counts for A only; an unknown party index is dropped.
    NarrativesSpec spec;
    spec.mode = NarrativesMode::SideBySide;
    spec.a = {party(Russia), 999};
    spec.b = {party(Russia), party(Ukraine)};
    NarrativesTable table;
    table.build(p(), &filter, spec);
    std::size_t a = 0;
    std::size_t b = 0;
    for (const QJsonObject &json : facts().items("claims")) {
        if (FileFacts::status(json) == QStringLiteral("disputed"))
            continue;
        a += facts().partyOfClaim(json) == Russia;
        b += facts().partyOfClaim(json) == Ukraine;
    }
    EXPECT_EQ(table.spec().a, std::vector<std::uint32_t> {party(Russia)});
    EXPECT_EQ(table.claimCount(NarrativesTable::ColumnA), a);
    EXPECT_EQ(table.claimCount(NarrativesTable::ColumnB), b);
    for (const NarrativesRow &row : table.rows()) {
        for (const std::vector<std::uint32_t> &cell : row.cells) {
            for (const std::uint32_t claim : cell) {
                EXPECT_NE(FileFacts::status(json(claim)), QStringLiteral("disputed"));
            }
        }
        if (row.kind == NarrativesRow::Kind::Pair) {
            for (const std::uint32_t claim : row.cells[1]) {
                EXPECT_EQ(partyOf(claim), Ukraine);
            }
        }
    }
}
