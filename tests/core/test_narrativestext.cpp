// NarrativesText: what a card of the narratives view says. For every claim of the sample the
// card names the stance, the claimant (and who relayed it), the day it was said, the
// statement, the quote and, in its footer, the sources with their best grade and the status,
// each checked against the sample's JSON (Qt's parser); answers from another question name
// whom they answer; the drill-down lists sources, relations and the event; file text is
// shown on one line with hidden characters made visible.

#include "model/project.h"
#include "present/narrativestext.h"
#include "samplefacts.h"
#include "testproject.h"
#include "testsupport.h"
#include "text/quotedtext.h"

#include <QStringList>

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace claimline;
using test::FileFacts;

namespace {

std::uint32_t claimIndex(const Project &project, const char *id)
{
    return test::indexOf(project, id, ItemKind::Claim);
}

// "29 Dec 2025" for a plain calendar day of the file, else nothing.
std::optional<QString> plainDay(const QString &edtf)
{
    const QDate date = QDate::fromString(edtf, Qt::ISODate);
    if (edtf.size() != 10 || !date.isValid())
        return std::nullopt;
    return date.toString(QStringLiteral("d MMM yyyy"));
}

// The footer a card should have, from the file: how many sources, the best grade, status.
struct ExpectedFooter
{
    std::size_t citations = 0;
    std::size_t sources = 0; // distinct
    QChar best; // null when none is graded
    QString status;
};

ExpectedFooter expectedFooter(const FileFacts &facts, const QJsonObject &item)
{
    ExpectedFooter out;
    const std::vector<QString> cited = FileFacts::ids(item, "sources");
    out.citations = cited.size();
    out.sources = std::set<QString>(cited.begin(), cited.end()).size();
    for (const QString &id : cited) {
        const QString grade = FileFacts::text(facts.item(id), "reliability");
        if (!grade.isEmpty() && (out.best.isNull() || grade[0] < out.best))
            out.best = grade[0];
    }
    out.status = FileFacts::status(item);
    return out;
}

// A small project for what the sample lacks: ungraded sources, no sources, hidden
// characters, a relation kind of every sort.
constexpr const char *Oddities = R"({
  "format": "claimline", "version": 1,
  "parties": [
    {"id": "north", "name": "North\u202Eland"},
    {"id": "south", "name": "Southland"}
  ],
  "actors": [{"id": "envoy", "name": "An\nenvoy", "party": "north"}],
  "sources": [
    {"id": "ungraded", "title": "Ungraded wire"},
    {"id": "graded", "title": "Graded wire", "reliability": "B"},
    {"id": "poor", "title": "Poor blog", "reliability": "E"}
  ],
  "events": [{"id": "ev", "title": "Talks", "when": "2025-03-03"}],
  "claims": [
    {"id": "c-none", "claimant": "envoy", "made_at": "2025-03-03", "statement": "Line one\nline two"},
    {"id": "c-ungraded", "claimant": "south", "made_at": "2025-03-03T10:00Z",
     "statement": "Ungraded.", "sources": [{"source": "ungraded"}]},
    {"id": "c-both", "claimant": "south", "made_at": "2025-03-04", "statement": "Both.",
     "sources": [{"source": "poor"}, {"source": "ungraded"}, {"source": "graded"}],
     "status": "refuted"}
  ],
  "relations": [{"from": "c-ungraded", "to": "c-none", "kind": "rebuts"}]
})";

} // namespace

TEST(NarrativesText, EveryCardOfTheSampleSaysWhoWhenWhatAndHowWellSourced)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
        const QJsonObject json = facts.item(test::idOf(project, {ItemKind::Claim, c}));
        const std::string id = FileFacts::text(json, "id").toStdString();
        const QStringList lines
            = NarrativesText::claimSummary(project, c, QTimeZone::utc()).split(QLatin1Char('\n'));
        ASSERT_GE(lines.size(), 3) << id;
        // stance · claimant (via relay) · date
        const QStringList head = lines[0].split(QStringLiteral(" · "));
        ASSERT_EQ(head.size(), 3) << id;
        const QString stance = FileFacts::text(json, "stance");
        EXPECT_EQ(head[0], stance.isEmpty() ? QStringLiteral("no position") : stance) << id;
        QString claimant = facts.nameOf(FileFacts::text(json, "claimant"));
        if (json.contains(QLatin1String("via")))
            claimant += QStringLiteral(" (via %1)").arg(facts.nameOf(FileFacts::text(json, "via")));
        EXPECT_EQ(head[1], claimant) << id;
        if (const auto day = plainDay(FileFacts::text(json, "made_at"))) {
            EXPECT_EQ(head[2], *day) << id;
        }
        EXPECT_EQ(lines[1], FileFacts::text(json, "statement")) << id;
        const QString quote
            = json.value(QLatin1String("quote")).toObject().value(QLatin1String("text")).toString();
        if (!quote.isEmpty()) {
            ASSERT_EQ(lines.size(), 4) << id;
            // In typographic quotes, quotation marks inside turned single (test_quotedtext).
            EXPECT_EQ(lines[2], inQuotes(quote)) << id;
        } else {
            EXPECT_EQ(lines.size(), 3) << id;
        }
        // n sources · best X · status
        const ExpectedFooter footer = expectedFooter(facts, json);
        EXPECT_EQ(lines.back(), NarrativesText::footer(project, c));
        const QStringList parts = lines.back().split(QStringLiteral(" · "));
        ASSERT_EQ(parts.size(), 3) << id;
        // Distinct sources, not citations (a source cited for two excerpts is one source).
        EXPECT_EQ(parts[0],
                  footer.sources == 1 ? QStringLiteral("1 source")
                                      : QStringLiteral("%1 sources").arg(footer.sources))
            << id;
        EXPECT_EQ(parts[1], QStringLiteral("best ") + footer.best) << id;
        EXPECT_EQ(parts[2], footer.status) << id;
        EXPECT_EQ(NarrativesText::bestReliability(project, project.claims()[c].sources),
                  footer.best.toLatin1());
    }
}

TEST(NarrativesText, SourcesSayHowManyAndTheBestGrade)
{
    const Project project = test::parseProject(Oddities);
    const auto sources = [&](const char *id) {
        return NarrativesText::sources(project, project.claims()[claimIndex(project, id)].sources);
    };
    EXPECT_EQ(sources("c-none"), QStringLiteral("no sources"));
    EXPECT_EQ(sources("c-ungraded"), QStringLiteral("1 source · not graded"));
    EXPECT_EQ(sources("c-both"), QStringLiteral("3 sources · best B"));
    EXPECT_EQ(NarrativesText::footer(project, claimIndex(project, "c-both")),
              QStringLiteral("3 sources · best B · refuted"));
}

// Issue 15: claim-flight-data cites src-000 twice, for two excerpts; its card said "2 sources".
TEST(NarrativesText, FooterCountsDistinctSourcesNotCitations)
{
    const Project project = test::loadSample();
    const std::uint32_t flight = claimIndex(project, "claim-flight-data");
    const Claim &claim = project.claims()[flight];
    ASSERT_EQ(claim.sources.count, 2u);
    EXPECT_EQ(NarrativesText::sourceCount(project, claim.sources), 1u);
    EXPECT_TRUE(NarrativesText::footer(project, flight).startsWith(QStringLiteral("1 source · ")))
        << NarrativesText::footer(project, flight).toStdString();

    const Project repeats = test::parseProject(R"({"format": "claimline", "version": 1,
      "parties": [{"id": "north", "name": "North"}],
      "sources": [{"id": "a", "title": "A", "reliability": "C"},
                  {"id": "b", "title": "B", "reliability": "B"}],
      "claims": [{"id": "c", "claimant": "north", "made_at": "2025-03-03", "statement": "S.",
                  "sources": [{"source": "a", "excerpt": "one"}, {"source": "b"},
                              {"source": "a", "excerpt": "two"}, {"source": "b"}]}]})");
    const IndexRange cited = repeats.claims()[0].sources;
    EXPECT_EQ(NarrativesText::sourceCount(repeats, cited), 2u);
    EXPECT_EQ(NarrativesText::sources(repeats, cited), QStringLiteral("2 sources · best B"));
    EXPECT_EQ(NarrativesText::footer(repeats, 0),
              QStringLiteral("2 sources · best B · unverified"));
}

// README: a cell lists answers from other questions "in answer to Sergei Lavrov · 0–24 h",
// their chip naming the relation behind a hooked arrow ("↩ denies").
TEST(NarrativesText, AnswersSayWhomTheyAnswerAndHowLongAfter)
{
    const Project project = test::loadSample();
    const std::uint32_t fabrication = claimIndex(project, "claim-fabrication");
    const std::uint32_t drones = claimIndex(project, "claim-91-drones");
    std::uint32_t relation = NoIndex;
    for (std::uint32_t r = 0; r < project.relations().size(); ++r) {
        if (project.relations()[r].from == fabrication && project.relations()[r].to == drones)
            relation = r;
    }
    ASSERT_NE(relation, NoIndex);
    EXPECT_EQ(NarrativesText::answerLine(project, relation),
              QStringLiteral("in answer to Sergei Lavrov · 0–24 h"));
    // On a card the lag does not break: no plain space in it.
    const QString unbreakable = NarrativesText::answerLine(project, relation, true);
    const QString lag = unbreakable.section(QStringLiteral(" · "), 1);
    EXPECT_FALSE(lag.isEmpty());
    EXPECT_FALSE(lag.contains(QLatin1Char(' '))) << unbreakable.toStdString();
    EXPECT_TRUE(unbreakable.startsWith(QStringLiteral("in answer to Sergei Lavrov · ")));

    const QStringList lines
        = NarrativesText::answerSummary(project, fabrication, relation, QTimeZone::utc())
              .split(QLatin1Char('\n'));
    ASSERT_GE(lines.size(), 4);
    EXPECT_EQ(lines[0], QStringLiteral("denies · Volodymyr Zelenskyy · 29 Dec 2025"));
    EXPECT_EQ(lines[1], NarrativesText::answerLine(project, relation));
    EXPECT_EQ(lines[2], NarrativesText::fileText(project, project.claims()[fabrication].statement));
    EXPECT_EQ(lines.back(), NarrativesText::footer(project, fabrication));

    for (const RelationKind kind :
         {RelationKind::Denies, RelationKind::Disputes, RelationKind::Rebuts,
          RelationKind::Qualifies, RelationKind::Corroborates}) {
        const QString name = QString::fromLatin1(nameOf(kind));
        EXPECT_EQ(NarrativesText::relation(kind), name);
        EXPECT_EQ(NarrativesText::answerChip(kind),
                  QString(QChar(0x21a9)) + QLatin1Char(' ') + name);
    }
}

TEST(NarrativesText, RelationsTakeTheColourOfTheStanceTheyAmountTo)
{
    EXPECT_EQ(NarrativesText::stanceOf(RelationKind::Denies), Stance::Denies);
    EXPECT_EQ(NarrativesText::stanceOf(RelationKind::Rebuts), Stance::Denies);
    EXPECT_EQ(NarrativesText::stanceOf(RelationKind::Disputes), Stance::Disputes);
    EXPECT_EQ(NarrativesText::stanceOf(RelationKind::Qualifies), Stance::Qualifies);
    EXPECT_EQ(NarrativesText::stanceOf(RelationKind::Corroborates), Stance::Affirms);
    EXPECT_EQ(NarrativesText::stance(Stance::None), QStringLiteral("no position"));
    EXPECT_EQ(NarrativesText::stance(Stance::Qualifies), QStringLiteral("qualifies"));
    EXPECT_EQ(NarrativesText::noPosition(), QStringLiteral("no public position"));
    EXPECT_EQ(NarrativesText::unanswered(), QStringLiteral("unanswered"));
}

TEST(NarrativesText, FileTextIsOneLineWithHiddenCharactersShown)
{
    EXPECT_EQ(NarrativesText::oneLine(QStringLiteral("a\nb\r\nc\rd")), QStringLiteral("a b c d"));
    const Project project = test::parseProject(Oddities);
    const QString north = NarrativesText::partyName(project, 0);
    EXPECT_FALSE(north.contains(QChar(0x202e)));
    EXPECT_TRUE(north.contains(QString::fromUtf8("⟨U+202E⟩"))) << north.toStdString();
    EXPECT_EQ(NarrativesText::partyName(project, 99), QStringLiteral("No party"));
    EXPECT_EQ(NarrativesText::partiesName(project, {}), QStringLiteral("No party"));
    EXPECT_EQ(NarrativesText::partiesName(project, {1, 1}),
              QStringLiteral("Southland + Southland"));
    // A statement with a line break stays one line of a card; the claimant too.
    const std::uint32_t none = claimIndex(project, "c-none");
    const QStringList lines
        = NarrativesText::claimSummary(project, none, QTimeZone::utc()).split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(lines[1], QStringLiteral("Line one line two"));
    EXPECT_EQ(NarrativesText::claimant(project, none), QStringLiteral("An envoy"));
    EXPECT_EQ(NarrativesText::speakerName(project, Speaker {}), QStringLiteral("Unknown"));
    // An instant is shown in the zone.
    const QTimeZone moscow("Europe/Moscow");
    ASSERT_TRUE(moscow.isValid());
    EXPECT_TRUE(NarrativesText::madeAt(project, claimIndex(project, "c-ungraded"), moscow)
                    .contains(QStringLiteral("13:00")));
}

TEST(NarrativesText, DrillDownListsSourcesRelationsAndTheEvent)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    for (const char *id : {"claim-91-drones", "claim-fabrication", "claim-khorly"}) {
        const QJsonObject json = facts.item(QString::fromLatin1(id));
        const QString text
            = NarrativesText::drillDown(project, claimIndex(project, id), QTimeZone::utc());
        EXPECT_TRUE(text.startsWith(QStringLiteral("Claim by ")
                                    + facts.nameOf(FileFacts::text(json, "claimant"))))
            << id;
        EXPECT_TRUE(text.contains(QStringLiteral("Status: ") + FileFacts::status(json))) << id;
        const std::vector<QString> sources = FileFacts::ids(json, "sources");
        EXPECT_TRUE(text.contains(QStringLiteral("Sources (%1)").arg(sources.size()))) << id;
        for (const QString &source : sources) {
            EXPECT_TRUE(text.contains(FileFacts::text(facts.item(source), "title"))) << id;
        }
        // Relations either way, each naming the other claimant.
        int relations = 0;
        for (const QJsonObject &r : facts.items("relations")) {
            const QString from = FileFacts::text(r, "from");
            const QString to = FileFacts::text(r, "to");
            if (from != QLatin1String(id) && to != QLatin1String(id))
                continue;
            ++relations;
            const QString other = from == QLatin1String(id) ? to : from;
            EXPECT_TRUE(text.contains(facts.nameOf(FileFacts::text(facts.item(other), "claimant"))))
                << id << " " << other.toStdString();
        }
        EXPECT_TRUE(text.contains(QStringLiteral("Relations (%1)").arg(relations))) << id;
        const QJsonObject event = facts.item(FileFacts::text(json, "about"));
        EXPECT_TRUE(text.contains(QStringLiteral("Event\n    ") + FileFacts::text(event, "title")))
            << id;
    }
    // Reliability is spelled out.
    EXPECT_TRUE(
        NarrativesText::drillDown(project, claimIndex(project, "claim-khorly"), QTimeZone::utc())
            .contains(QStringLiteral("reliability D, not usually reliable")));
    EXPECT_TRUE(NarrativesText::drillDown(project, 9999, QTimeZone::utc()).isEmpty());

    const Project odd = test::parseProject(Oddities);
    const QString none
        = NarrativesText::drillDown(odd, claimIndex(odd, "c-none"), QTimeZone::utc());
    EXPECT_TRUE(none.contains(QStringLiteral("Sources (0)\n    none recorded")))
        << none.toStdString();
    EXPECT_TRUE(none.contains(QStringLiteral("Event\n    none recorded"))) << none.toStdString();
    EXPECT_TRUE(none.contains(QStringLiteral("Relations (1)")));
}

// A quotation inside a quotation takes single quotes in every narratives text, as in Details
// (issue 16: “…“state terrorism”" was seen). The sample's excerpt has the inner quotation.
TEST(NarrativesText, QuotesInsideAQuotationAreSingle)
{
    const Project project = test::loadSample();
    const QString text = NarrativesText::drillDown(
        project, claimIndex(project, "claim-state-terrorism"), QTimeZone::utc());
    EXPECT_TRUE(text.contains(QStringLiteral(
        "\u201cLavrov described the supposed attack as \u2018state terrorism\u2019\u201d")))
        << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("\u201cstate terrorism\u201d\u201d")));
}
