// DetailsText: what the Details view says about the selected item. For every event and claim
// of the sample the text names the item, its time (as displayed and as EDTF), its parties
// and status, each source it cites and how reliable it is, the claims about it and the
// answers either way, checked against the sample's JSON (Qt's parser). Selections of several
// items, stale selections, status histories, times of day in the display zone and hidden
// characters in file text are checked on small projects.

#include "model/project.h"
#include "present/detailstext.h"
#include "samplefacts.h"
#include "testproject.h"
#include "testsupport.h"

#include <QStringList>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace claimline;
using test::FileFacts;
using Role = DetailsLine::Role;

namespace {

DetailsLines describe(const Project &project, ItemRef item,
                      const QTimeZone &zone = QTimeZone::utc())
{
    DetailsText text(project, zone);
    return text.describe({item}, item);
}

// The text of the field with this label, or nothing.
std::optional<QString> field(const DetailsLines &lines, const QString &label)
{
    for (const DetailsLine &line : lines) {
        if (line.role == Role::Field && line.label == label)
            return line.text;
    }
    return std::nullopt;
}

// The lines after the heading that starts with `heading`, up to the next heading.
std::optional<DetailsLines> section(const DetailsLines &lines, const QString &heading)
{
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].role != Role::Heading || !lines[i].text.startsWith(heading))
            continue;
        DetailsLines out {lines[i]};
        for (std::size_t j = i + 1; j < lines.size() && lines[j].role != Role::Heading; ++j)
            out.push_back(lines[j]);
        return out;
    }
    return std::nullopt;
}

std::vector<QString> itemsOf(const DetailsLines &lines)
{
    std::vector<QString> out;
    for (const DetailsLine &line : lines) {
        if (line.role == Role::Item)
            out.push_back(line.text);
    }
    return out;
}

QString joined(const std::vector<QString> &parts)
{
    QStringList list;
    for (const QString &part : parts)
        list << part;
    return list.join(QStringLiteral(", "));
}

constexpr const char *Small = R"({
  "format": "claimline", "version": 1,
  "parties": [{"id": "north", "name": "Northland", "short": "N", "color": "#0072B2"}],
  "actors": [
    {"id": "envoy", "name": "An envoy", "party": "north"},
    {"id": "loner", "name": "A loner", "anonymous": true, "collective": true}
  ],
  "sources": [{"id": "wire", "title": "Wire", "reliability": "F", "url": "https://example.org/x"}],
  "events": [
    {"id": "ev", "title": "Talks\u202Ereversed", "when": "2025-03-03T10:15Z",
     "summary": "First paragraph.\nSecond paragraph.", "status": "refuted",
     "status_history": [
       {"status": "disputed", "at": "2025-03-04", "reason": "A denial"},
       {"status": "refuted", "at": "2025-03-05"}
     ],
     "location": {"name": "Harbour", "lat": 59.5, "lon": 30.25}}
  ],
  "claims": [
    {"id": "c", "claimant": "loner", "made_at": "2025-03-03T22:30Z", "statement": "Said.",
     "about": "ev", "credibility": 2}
  ]
})";

} // namespace

TEST(DetailsText, NothingSelectedGivesTheHint)
{
    const Project project = test::loadSample();
    DetailsText text(project, QTimeZone::utc());
    const DetailsLines lines = text.describe({}, ItemRef {});
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].role, Role::Note);
    EXPECT_EQ(lines[0].text, DetailsText::hint());
    EXPECT_EQ(DetailsText::toPlainText(lines),
              QStringLiteral("Select an event or claim on the timeline to see its details."));
}

// Every event names its time (as shown and as written), its parties, its status, each
// source it cites with what to make of it, and the claims about it.
TEST(DetailsText, EveryEventNamesItsTimeSourcesAndClaims)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const std::vector<QJsonObject> claims = facts.items("claims");
    for (std::uint32_t e = 0; e < project.events().size(); ++e) {
        const QJsonObject json = facts.item(test::idOf(project, {ItemKind::Event, e}));
        const std::string id = FileFacts::text(json, "id").toStdString();
        const DetailsLines lines = describe(project, {ItemKind::Event, e});
        ASSERT_FALSE(lines.empty());
        EXPECT_EQ(lines[0].role, Role::Title) << id;
        EXPECT_EQ(lines[0].text, FileFacts::text(json, "title")) << id;

        const QString when = FileFacts::text(json, "when");
        const auto date = field(lines, QStringLiteral("Date"));
        ASSERT_TRUE(date.has_value()) << id;
        EXPECT_TRUE(date->endsWith(QStringLiteral(" (EDTF %1)").arg(when))) << date->toStdString();
        const QDate day = QDate::fromString(when, Qt::ISODate);
        if (when.size() == 10 && day.isValid()) {
            EXPECT_TRUE(date->startsWith(day.toString(QStringLiteral("d MMM yyyy ")))) << id;
        }

        std::vector<QString> parties;
        for (const QString &party : FileFacts::ids(json, "parties"))
            parties.push_back(facts.nameOf(party));
        EXPECT_EQ(field(lines, QStringLiteral("Parties")), joined(parties)) << id;
        EXPECT_EQ(field(lines, QStringLiteral("Status")), FileFacts::status(json)) << id;
        EXPECT_EQ(field(lines, QStringLiteral("Id")), FileFacts::text(json, "id"));

        // Sources: one bullet per citation, its title; under it outlet and reliability.
        const std::vector<QString> cited = FileFacts::ids(json, "sources");
        const auto sources = section(lines, QStringLiteral("Sources"));
        ASSERT_EQ(sources.has_value(), !cited.empty()) << id;
        if (sources) {
            EXPECT_EQ(sources->front().text, QStringLiteral("Sources (%1)").arg(cited.size()))
                << id;
            std::vector<QString> titles;
            for (const QString &source : cited)
                titles.push_back(FileFacts::text(facts.item(source), "title"));
            EXPECT_EQ(itemsOf(*sources), titles) << id;
            std::size_t next = 0;
            for (std::size_t i = 1; i < sources->size(); ++i) {
                if ((*sources)[i].role != Role::Item)
                    continue;
                const QJsonObject source = facts.item(cited[next++]);
                ASSERT_LT(i + 1, sources->size());
                const QString about = (*sources)[i + 1].text;
                EXPECT_TRUE(about.contains(QStringLiteral("reliability ")
                                           + FileFacts::text(source, "reliability")))
                    << id << ": " << about.toStdString();
                if (source.contains(QLatin1String("outlet"))) {
                    EXPECT_TRUE(about.contains(FileFacts::text(source, "outlet"))) << id;
                }
            }
        }

        std::vector<QString> about;
        for (const QJsonObject &claim : claims) {
            if (FileFacts::text(claim, "about") == FileFacts::text(json, "id"))
                about.push_back(FileFacts::text(claim, "statement"));
        }
        const auto claimsAbout = section(lines, QStringLiteral("Claims about this event"));
        ASSERT_TRUE(claimsAbout.has_value()) << id;
        EXPECT_EQ(claimsAbout->front().text,
                  QStringLiteral("Claims about this event (%1)").arg(about.size()));
        for (const QString &statement : about) {
            EXPECT_TRUE(std::any_of(claimsAbout->begin(), claimsAbout->end(),
                                    [&](const DetailsLine &l) {
                                        return l.role == Role::Detail && l.text == statement;
                                    }))
                << id;
        }
    }
}

TEST(DetailsText, AnEventsDaysAreShownAndWrittenAsEdtf)
{
    const Project project = test::loadSample();
    const std::uint32_t drones = test::indexOf(project, "ev-residence-drones", ItemKind::Event);
    const DetailsLines lines = describe(project, {ItemKind::Event, drones});
    EXPECT_EQ(field(lines, QStringLiteral("Date")),
              QStringLiteral("28–29 Dec 2025 (EDTF 2025-12-28/2025-12-29)"));
    // Calendar days stay on their day in every zone.
    const QTimeZone honolulu("Pacific/Honolulu");
    ASSERT_TRUE(honolulu.isValid());
    EXPECT_EQ(field(describe(project, {ItemKind::Event, drones}, honolulu), QStringLiteral("Date")),
              field(lines, QStringLiteral("Date")));
}

TEST(DetailsText, EveryClaimNamesItsClaimantAndTheAnswersEitherWay)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const std::vector<QJsonObject> relations = facts.items("relations");
    for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
        const QJsonObject json = facts.item(test::idOf(project, {ItemKind::Claim, c}));
        const std::string id = FileFacts::text(json, "id").toStdString();
        const DetailsLines lines = describe(project, {ItemKind::Claim, c});
        // "Claim by Sergei Lavrov (Russia)": an actor with the party they speak for.
        const QString claimant = FileFacts::text(json, "claimant");
        QString by = facts.nameOf(claimant);
        if (!facts.isParty(claimant))
            by += QStringLiteral(" (%1)").arg(
                facts.nameOf(FileFacts::text(facts.item(claimant), "party")));
        ASSERT_FALSE(lines.empty());
        EXPECT_EQ(lines[0].text, QStringLiteral("Claim by ") + by) << id;
        EXPECT_EQ(lines[1].text, FileFacts::text(json, "statement")) << id;
        const auto made = field(lines, QStringLiteral("Made"));
        ASSERT_TRUE(made.has_value());
        EXPECT_TRUE(
            made->endsWith(QStringLiteral("(EDTF %1)").arg(FileFacts::text(json, "made_at"))))
            << id;
        EXPECT_EQ(field(lines, QStringLiteral("Status")), FileFacts::status(json)) << id;
        EXPECT_EQ(field(lines, QStringLiteral("Via")).has_value(),
                  json.contains(QLatin1String("via")))
            << id;
        if (json.contains(QLatin1String("question"))) {
            EXPECT_EQ(field(lines, QStringLiteral("Question")),
                      FileFacts::text(facts.item(FileFacts::text(json, "question")), "text"));
        }
        if (json.contains(QLatin1String("about"))) {
            EXPECT_EQ(field(lines, QStringLiteral("About")),
                      FileFacts::text(facts.item(FileFacts::text(json, "about")), "title"));
        }
        EXPECT_EQ(field(lines, QStringLiteral("Stance")).value_or(QString()),
                  FileFacts::text(json, "stance"));

        int answers = 0; // what this claim answers
        int answeredBy = 0;
        for (const QJsonObject &r : relations) {
            answers += FileFacts::text(r, "from") == FileFacts::text(json, "id");
            answeredBy += FileFacts::text(r, "to") == FileFacts::text(json, "id");
        }
        const auto answersSection = section(lines, QStringLiteral("Answers ("));
        EXPECT_EQ(answersSection.has_value(), answers > 0) << id;
        if (answersSection) {
            EXPECT_EQ(answersSection->front().text, QStringLiteral("Answers (%1)").arg(answers));
            EXPECT_EQ(itemsOf(*answersSection).size(), std::size_t(answers));
        }
        const auto answeredSection = section(lines, QStringLiteral("Answered by"));
        ASSERT_TRUE(answeredSection.has_value()) << id;
        EXPECT_EQ(answeredSection->front().text,
                  QStringLiteral("Answered by (%1)").arg(answeredBy));
        const std::vector<QString> items = itemsOf(*answeredSection);
        if (answeredBy == 0) {
            EXPECT_EQ(items, std::vector<QString> {QStringLiteral("No answer recorded")}) << id;
        } else
            EXPECT_EQ(items.size(), std::size_t(answeredBy)) << id;
        for (const QString &item : items) {
            EXPECT_TRUE(answeredBy == 0 || item.contains(QStringLiteral(" · lag "))) << id;
        }
    }
    // Zelenskyy's "complete fabrication" answers three Russian claims and is answered once.
    const DetailsLines fabrication = describe(
        project, {ItemKind::Claim, test::indexOf(project, "claim-fabrication", ItemKind::Claim)});
    const std::vector<QString> answered
        = itemsOf(*section(fabrication, QStringLiteral("Answers (")));
    ASSERT_EQ(answered.size(), 3u);
    EXPECT_TRUE(answered[0].startsWith(QStringLiteral("denies "))) << answered[0].toStdString();
}

TEST(DetailsText, PartyActorSourceAndQuestionAreCountedFromTheFile)
{
    const FileFacts facts;
    const Project project = test::loadSample();
    const auto count = [&](const char *key, const auto &pred) {
        int n = 0;
        for (const QJsonObject &item : facts.items(key))
            n += pred(item) ? 1 : 0;
        return QString::number(n);
    };
    const QString russia = QStringLiteral("russia");
    const DetailsLines party
        = describe(project, {ItemKind::Party, test::indexOf(project, "russia", ItemKind::Party)});
    EXPECT_EQ(party[0].text, QStringLiteral("Russia"));
    EXPECT_EQ(field(party, QStringLiteral("Short name")), QStringLiteral("RU"));
    EXPECT_EQ(field(party, QStringLiteral("Colour")), QStringLiteral("#D55E00"));
    EXPECT_EQ(field(party, QStringLiteral("Events")), count("events", [&](const QJsonObject &e) {
                  const std::vector<QString> parties = FileFacts::ids(e, "parties");
                  return std::find(parties.begin(), parties.end(), russia) != parties.end();
              }));
    EXPECT_EQ(field(party, QStringLiteral("Claims")), count("claims", [&](const QJsonObject &c) {
                  return facts.partyOfClaim(c) == russia;
              }));

    const DetailsLines actor
        = describe(project, {ItemKind::Actor, test::indexOf(project, "lavrov", ItemKind::Actor)});
    EXPECT_EQ(actor[0].text, QStringLiteral("Sergei Lavrov"));
    EXPECT_EQ(field(actor, QStringLiteral("Party")), QStringLiteral("Russia"));
    EXPECT_EQ(field(actor, QStringLiteral("Claims")), count("claims", [](const QJsonObject &c) {
                  return FileFacts::text(c, "claimant") == QStringLiteral("lavrov");
              }));

    const DetailsLines source = describe(
        project, {ItemKind::Source, test::indexOf(project, "src-004", ItemKind::Source)});
    EXPECT_EQ(source[0].text, FileFacts::text(facts.item(QStringLiteral("src-004")), "title"));
    EXPECT_EQ(field(source, QStringLiteral("Outlet")), QStringLiteral("Hungarian Conservative"));
    EXPECT_EQ(field(source, QStringLiteral("Reliability")), QStringLiteral("C (fairly reliable)"));
    EXPECT_TRUE(field(source, QStringLiteral("Published"))
                    ->contains(QStringLiteral("(EDTF 2025-12-29/2025-12-31?)")));

    const DetailsLines question = describe(
        project, {ItemKind::Question, test::indexOf(project, "q-targeted", ItemKind::Question)});
    EXPECT_EQ(question[0].text, QStringLiteral("Was Putin or his residence targeted?"));
    EXPECT_EQ(field(question, QStringLiteral("Claims")), count("claims", [](const QJsonObject &c) {
                  return FileFacts::text(c, "question") == QStringLiteral("q-targeted");
              }));
}

TEST(DetailsText, SeveralItemsSayHowManyAndStaleOnesAreSkipped)
{
    const Project project = test::loadSample();
    const ItemRef first {ItemKind::Event, 0};
    const ItemRef second {ItemKind::Claim, 1};
    const ItemRef third {ItemKind::Party, 2};
    DetailsText text(project, QTimeZone::utc());
    const DetailsLines current = text.describe({first, second, third}, second);
    ASSERT_GE(current.size(), 2u);
    EXPECT_EQ(current[0].role, Role::Note);
    EXPECT_EQ(current[0].text, QStringLiteral("3 items selected"));
    EXPECT_TRUE(current[1].text.startsWith(QStringLiteral("Claim by ")));
    // No current item: the last one.
    const DetailsLines last = text.describe({first, second, third}, ItemRef {});
    EXPECT_EQ(last[1].text, QStringLiteral("United States"));
    // A selection left over from a bigger project is never read.
    const DetailsLines stale
        = text.describe({ItemRef {ItemKind::Claim, 99999}}, ItemRef {ItemKind::Claim, 99999});
    ASSERT_EQ(stale.size(), 1u);
    EXPECT_EQ(stale[0].text, DetailsText::hint());
}

TEST(DetailsText, HistoryTimesOfDayAndHiddenCharacters)
{
    const Project project = test::parseProject(Small);
    const QTimeZone moscow("Europe/Moscow");
    ASSERT_TRUE(moscow.isValid());
    const DetailsLines event = describe(project, {ItemKind::Event, 0}, moscow);
    // A bidi override in a title is shown, not obeyed.
    EXPECT_EQ(event[0].text, QString::fromUtf8("Talks⟨U+202E⟩reversed"));
    // An instant is shown in the display zone; the EDTF keeps UTC.
    const auto date = field(event, QStringLiteral("Date"));
    ASSERT_TRUE(date.has_value());
    EXPECT_TRUE(date->contains(QStringLiteral("13:15"))) << date->toStdString();
    EXPECT_TRUE(date->contains(QStringLiteral("(EDTF 2025-03-03T10:15Z)"))) << date->toStdString();
    EXPECT_EQ(field(event, QStringLiteral("Location")),
              QStringLiteral("Harbour (59.50000, 30.25000)"));
    // The history, oldest first, with the reasons given.
    const auto history = section(event, QStringLiteral("Status history"));
    ASSERT_TRUE(history.has_value());
    EXPECT_EQ(itemsOf(*history),
              (std::vector<QString> {QStringLiteral("4 Mar 2025 — disputed: A denial"),
                                     QStringLiteral("5 Mar 2025 — refuted")}));
    // A summary keeps its paragraphs.
    const auto summary = section(event, QStringLiteral("Summary"));
    ASSERT_TRUE(summary.has_value());
    ASSERT_EQ(summary->size(), 3u);
    EXPECT_EQ((*summary)[1].text, QStringLiteral("First paragraph."));
    EXPECT_EQ((*summary)[2].text, QStringLiteral("Second paragraph."));
    // The claim said at 22:30 UTC was said on 4 Mar in Moscow.
    const DetailsLines claim = describe(project, {ItemKind::Claim, 0}, moscow);
    EXPECT_EQ(claim[0].text, QStringLiteral("Claim by A loner"));
    EXPECT_TRUE(field(claim, QStringLiteral("Made"))->contains(QStringLiteral("4 Mar 2025")));
    EXPECT_EQ(field(claim, QStringLiteral("Credibility")), QStringLiteral("2 (probably true)"));
    EXPECT_EQ(field(claim, QStringLiteral("About")), QString::fromUtf8("Talks⟨U+202E⟩reversed"));
    const DetailsLines loner = describe(project, {ItemKind::Actor, 1});
    EXPECT_EQ(field(loner, QStringLiteral("Speaker")), QStringLiteral("anonymous, collective"));
    EXPECT_FALSE(field(loner, QStringLiteral("Party")).has_value());
}

TEST(DetailsText, PlainTextGivesEachRoleItsShape)
{
    const DetailsLines lines {{Role::Title, {}, QStringLiteral("Title")},
                              {Role::Field, QStringLiteral("Date"), QStringLiteral("29 Dec 2025")},
                              {Role::Heading, {}, QStringLiteral("Sources (1)")},
                              {Role::Item, {}, QStringLiteral("Wire")},
                              {Role::Detail, {}, QStringLiteral("reliability B")},
                              {Role::Text, {}, QStringLiteral("Paragraph.")}};
    EXPECT_EQ(DetailsText::toPlainText(lines),
              QStringLiteral(
                  "Title\nDate: 29 Dec 2025\n\nSources (1)\n• Wire\n   reliability B\nParagraph."));
}

// A quote inside a quotation or an excerpt takes single quotes, opening and closing the right
// way, whether the file has straight or curly ones: “… ‘state terrorism’”, never
// “… “state terrorism””.
TEST(DetailsText, QuotesInsideAQuotationAreSingle)
{
    const Project project = test::loadSample();
    const auto lineOf = [&](std::string_view claim, Role role, const QString &start) {
        const DetailsLines lines
            = describe(project, {ItemKind::Claim, test::indexOf(project, claim, ItemKind::Claim)});
        for (const DetailsLine &line : lines) {
            if (line.role == role && line.text.startsWith(start))
                return line.text;
        }
        return QString();
    };
    // Curly quotes in an excerpt, at its end.
    EXPECT_EQ(lineOf("claim-state-terrorism", Role::Detail, QStringLiteral("“Lavrov described")),
              QStringLiteral("“Lavrov described the supposed attack as ‘state terrorism’”"));
    // Curly quotes inside a claim's quote.
    EXPECT_TRUE(lineOf("claim-justify-attacks", Role::Text, QStringLiteral("“This alleged"))
                    .startsWith(QStringLiteral("“This alleged ‘residence strike’ story is")));
    // Straight quotes at the start of an excerpt.
    EXPECT_EQ(lineOf("claim-kallas-unfounded", Role::Detail, QStringLiteral("“‘No one")),
              QStringLiteral("“‘No one should accept unfounded claims from the aggressor who has "
                             "indiscriminately targeted Ukraine's infrastructure and civilians,’ "
                             "Kallas wrote on social media.”"));

    // Every quotation of the sample has one pair of double quotes: its own.
    for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
        for (const DetailsLine &line : describe(project, {ItemKind::Claim, c})) {
            if (!line.text.startsWith(QChar(0x201c)))
                continue;
            const QString inside = line.text.mid(1, line.text.size() - 2);
            EXPECT_TRUE(line.text.endsWith(QChar(0x201d))) << line.text.toStdString();
            EXPECT_FALSE(inside.contains(QChar(0x201c)) || inside.contains(QChar(0x201d))
                         || inside.contains(QLatin1Char('"')))
                << line.text.toStdString();
        }
    }
}
