// The round trip through a spreadsheet, on the sample: exported to CSV (export/csvexport.h)
// and imported back with importClaimlineCsv(). Unedited, nothing changes, to the byte; a
// status and a statement edited in the spreadsheet change exactly those; a spreadsheet's
// re-save (no byte order mark, ';', CRLF, the formula guard taken for its own) changes
// nothing; into a new project, everything the CSVs carry is created.

#include "test_claimlinecsv_support.h"

#include "model/project.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <set>
#include <tuple>

using namespace claimline;
using namespace claimline::test;

namespace {

class ClaimlineCsvRoundTrip : public testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_original = loadedProject(samplePath());
        exportTo(m_original, m_dir.path());
    }

    QString file(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    std::int64_t rows() const
    {
        return std::int64_t(m_original.events().size() + m_original.claims().size()
                            + m_original.relations().size());
    }

    QTemporaryDir m_dir;
    Project m_original;
};

nlohmann::json &itemById(nlohmann::json &project, const char *array, const std::string &id)
{
    for (nlohmann::json &item : project[array]) {
        if (item["id"] == id)
            return item;
    }
    ADD_FAILURE() << "no " << id << " in " << array;
    static nlohmann::json none;
    return none;
}

std::string idOf(const Project &p, ItemKind kind, std::uint32_t index)
{
    return index == NoIndex ? std::string() : std::string(p.view(p.idOf({kind, index})));
}

std::string speakerId(const Project &p, Speaker speaker)
{
    return speaker.isValid()
        ? idOf(p, speaker.isParty ? ItemKind::Party : ItemKind::Actor, speaker.index)
        : std::string();
}

std::vector<std::string> partyIds(const Project &p, const Event &event)
{
    std::vector<std::string> ids;
    for (const std::uint32_t party : p.indices(event.parties))
        ids.push_back(idOf(p, ItemKind::Party, party));
    return ids;
}

std::vector<std::string> sourceIds(const Project &p, IndexRange citations)
{
    std::vector<std::string> ids;
    for (const Citation &citation : p.citations(citations))
        ids.push_back(idOf(p, ItemKind::Source, citation.source));
    return ids;
}

std::set<std::tuple<std::string, std::string, RelationKind>> relationSet(const Project &p)
{
    std::set<std::tuple<std::string, std::string, RelationKind>> relations;
    for (const Relation &r : p.relations())
        relations.emplace(idOf(p, ItemKind::Claim, r.from), idOf(p, ItemKind::Claim, r.to), r.kind);
    return relations;
}

} // namespace

TEST_F(ClaimlineCsvRoundTrip, AnUneditedExportChangesNothingToTheByte)
{
    Project project = m_original.clone();
    const ImportReport report = importClaimlineCsv({m_dir.path()}, project);
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.rows, rows());
    EXPECT_EQ(report.added, 0);
    EXPECT_EQ(report.updated, 0);
    EXPECT_EQ(report.unchanged, rows());
    EXPECT_TRUE(report.missingIds.empty());
    EXPECT_TRUE(report.newParties.empty());
    EXPECT_EQ(projectToString(project), projectToString(m_original));
}

TEST_F(ClaimlineCsvRoundTrip, GivenOneFileTheOtherTwoBesideItAreRead)
{
    const ClaimlineCsvFiles files = findClaimlineCsvFiles({file("claims.csv")});
    EXPECT_EQ(files.events, QStringList {file("events.csv")});
    EXPECT_EQ(files.claims, QStringList {file("claims.csv")});
    EXPECT_EQ(files.relations, QStringList {file("relations.csv")});

    Project project = m_original.clone();
    const ImportReport report = importClaimlineCsv({file("events.csv")}, project);
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.unchanged, rows());
}

TEST_F(ClaimlineCsvRoundTrip, AStatusAndAStatementEditedInTheSpreadsheetChangeOnlyThose)
{
    const std::string eventId = "ev-peace-process-start";
    const std::string claimId = "claim-90-percent";
    const std::string statement
        = "Zelenskyy said 90% of the plan was agreed, \"security guarantees\" included.";
    Spreadsheet events(file("events.csv"));
    Spreadsheet claims(file("claims.csv"));
    ASSERT_EQ(events.cell(eventId, "status"), "unverified");
    events.cell(eventId, "status") = "disputed";
    // A comma and quotes: the spreadsheet quotes the cell again.
    claims.cell(claimId, "statement") = statement;
    events.save();
    claims.save();

    Project project = m_original.clone();
    const std::int64_t before = QDateTime::currentSecsSinceEpoch();
    const ImportReport report = importClaimlineCsv({m_dir.path()}, project);
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.added, 0);
    EXPECT_EQ(report.updated, 2);
    EXPECT_EQ(report.unchanged, rows() - 2);

    // What the user sees: the event disputed, with the change in its history.
    const Event &event = eventById(project, eventId);
    EXPECT_EQ(event.status, Status::Disputed);
    const auto history = project.statusChanges(event.history);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history.back().status, Status::Disputed);
    EXPECT_EQ(text(project, history.back().reason), "imported from events.csv");
    // Recorded at the current minute, as an edit is.
    EXPECT_LE(history.back().at.start(), QDateTime::currentSecsSinceEpoch());
    EXPECT_GE(history.back().at.end(), before);

    // And nothing else differs: the saved projects are the same but for those values.
    nlohmann::json expected = projectJson(m_original);
    nlohmann::json actual = projectJson(project);
    nlohmann::json &expectedEvent = itemById(expected, "events", eventId);
    expectedEvent["status"] = "disputed";
    expectedEvent["status_history"]
        = nlohmann::json::array({itemById(actual, "events", eventId)["status_history"][0]});
    itemById(expected, "claims", claimId)["statement"] = statement;
    EXPECT_TRUE(actual == expected) << nlohmann::json::diff(expected, actual).dump(1);
}

TEST_F(ClaimlineCsvRoundTrip, ASpreadsheetsResaveChangesNothing)
{
    // Texts the export defuses with an apostrophe, so that a spreadsheet shows them.
    Project original = m_original.clone();
    Event &event = original.events().front();
    event.title = original.addText(std::string_view("=HYPERLINK(\"https://example.org\")"));
    event.summary = original.addText(std::string_view("-91 drones, says Moscow\nSecond line."));
    Claim &claim = original.claims().front();
    claim.statement = original.addText(std::string_view("+1 for the peace plan"));
    claim.quote = original.addText(std::string_view("@everyone: it is a lie"));
    QTemporaryDir dir;
    exportTo(original, dir.path());
    const std::string eventId(original.view(event.id));
    Spreadsheet events(dir.filePath(QStringLiteral("events.csv")));
    EXPECT_EQ(events.cell(eventId, "title"), "'=HYPERLINK(\"https://example.org\")");
    // A line break inside a cell made CRLF, as a tool converting line ends does.
    std::string &summary = events.cell(eventId, "summary");
    ASSERT_EQ(summary, "'-91 drones, says Moscow\nSecond line.");
    summary = "'-91 drones, says Moscow\r\nSecond line.";
    // LibreOffice in a comma locale: ';' between cells, no byte order mark, CRLF.
    const SaveStyle resaved {';', true, false};
    events.save(resaved);
    for (const char *name : {"claims.csv", "relations.csv"})
        Spreadsheet(dir.filePath(QLatin1String(name))).save(resaved);
    const QByteArray bytes = readBytes(dir.filePath(QStringLiteral("events.csv")));
    ASSERT_FALSE(bytes.startsWith("\xEF\xBB\xBF"));
    ASSERT_TRUE(bytes.startsWith("id;title;when;"));

    Project project = original.clone();
    const ImportReport report = importClaimlineCsv({dir.path()}, project);
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.updated, 0);
    EXPECT_EQ(report.unchanged, rows());
    EXPECT_EQ(projectToString(project), projectToString(original));
}

TEST_F(ClaimlineCsvRoundTrip, AnApostropheTheSpreadsheetTookForItsOwnIsNoChange)
{
    // A spreadsheet that reads "'=x" as the text "=x" and saves it so.
    Project original = m_original.clone();
    Event &event = original.events().front();
    event.title = original.addText(std::string_view("=SUM(A1:A9)"));
    QTemporaryDir dir;
    exportTo(original, dir.path());
    Spreadsheet events(dir.filePath(QStringLiteral("events.csv")));
    std::string &title = events.cell(std::string(original.view(event.id)), "title");
    ASSERT_EQ(title, "'=SUM(A1:A9)");
    title = "=SUM(A1:A9)";
    events.save();

    Project project = original.clone();
    const ImportReport report = importClaimlineCsv({dir.path()}, project);
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.updated, 0);
    EXPECT_EQ(projectToString(project), projectToString(original));
}

TEST_F(ClaimlineCsvRoundTrip, ATextThatStartsWithAnApostropheReadsAsItself)
{
    // The export leaves "'=x" alone (it starts with an apostrophe, not with "="): the cell
    // reads as the project's text, not as "=x".
    Project original = m_original.clone();
    Event &event = original.events().front();
    event.title = original.addText(std::string_view("'=x, as the source wrote it"));
    QTemporaryDir dir;
    exportTo(original, dir.path());

    Project project = original.clone();
    const ImportReport report = importClaimlineCsv({dir.path()}, project);
    EXPECT_EQ(report.updated, 0);
    EXPECT_EQ(text(project, project.events().front().title), "'=x, as the source wrote it");
}

TEST_F(ClaimlineCsvRoundTrip, IntoANewProjectEverythingTheCsvsCarryIsCreated)
{
    Project project;
    const ImportReport report = importClaimlineCsv({m_dir.path()}, project);
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.added, rows());
    const Project &o = m_original;

    ASSERT_EQ(project.parties().size(), o.parties().size());
    EXPECT_EQ(report.newParties.size(), o.parties().size());
    for (const Party &party : o.parties()) {
        const Party &created = itemById<Party>(project, o.view(party.id));
        EXPECT_EQ(text(project, created.name), text(o, party.name));
        // Colours, short names and kinds are not in the CSVs: defaults.
        EXPECT_FALSE(created.hasColor);
        EXPECT_TRUE(created.shortName.isEmpty());
        EXPECT_EQ(created.kind, PartyKind::Other);
    }
    // Every actor a claim names, with its party; Ratcliffe is named by none.
    EXPECT_EQ(project.actors().size(), o.actors().size() - 1);
    EXPECT_FALSE(project.find("ratcliffe").has_value());
    for (const Actor &actor : project.actors()) {
        const Actor &was = itemById<Actor>(o, project.view(actor.id));
        EXPECT_EQ(text(project, actor.name), text(o, was.name));
        EXPECT_EQ(idOf(project, ItemKind::Party, actor.party), idOf(o, ItemKind::Party, was.party))
            << project.view(actor.id);
        EXPECT_TRUE(actor.role.isEmpty());
    }
    ASSERT_EQ(project.sources().size(), o.sources().size());
    for (const Source &source : project.sources()) {
        const Source &was = itemById<Source>(o, project.view(source.id));
        EXPECT_EQ(text(project, source.title), text(o, was.title));
        EXPECT_EQ(text(project, source.url), text(o, was.url));
        EXPECT_EQ(source.reliability, 0);
    }
    ASSERT_EQ(project.questions().size(), o.questions().size());
    for (const Question &question : project.questions())
        EXPECT_EQ(text(project, question.text),
                  text(o, itemById<Question>(o, project.view(question.id)).text));

    ASSERT_EQ(project.events().size(), o.events().size());
    for (const Event &was : o.events()) {
        const std::string id(o.view(was.id));
        const Event &event = eventById(project, id);
        EXPECT_EQ(text(project, event.title), text(o, was.title)) << id;
        EXPECT_EQ(event.when, was.when) << id;
        EXPECT_EQ(event.status, was.status) << id;
        EXPECT_EQ(kindOf(project, event), kindOf(o, was)) << id;
        EXPECT_EQ(partyIds(project, event), partyIds(o, was)) << id;
        EXPECT_EQ(tagWords(project, event), tagWords(o, was)) << id;
        EXPECT_EQ(text(project, event.locationName), text(o, was.locationName)) << id;
        EXPECT_EQ(text(project, event.summary), text(o, was.summary)) << id;
        EXPECT_EQ(sourceIds(project, event.sources), sourceIds(o, was.sources)) << id;
        // Notes, history and excerpts are not in the CSVs.
        EXPECT_TRUE(event.notes.isEmpty()) << id;
        EXPECT_EQ(event.history.count, 0u) << id;
    }
    ASSERT_EQ(project.claims().size(), o.claims().size());
    for (const Claim &was : o.claims()) {
        const std::string id(o.view(was.id));
        const Claim &claim = itemById<Claim>(project, id);
        EXPECT_EQ(claim.madeAt, was.madeAt) << id;
        EXPECT_EQ(speakerId(project, claim.claimant), speakerId(o, was.claimant)) << id;
        EXPECT_EQ(claim.claimant.isParty, was.claimant.isParty) << id;
        EXPECT_EQ(speakerId(project, claim.via), speakerId(o, was.via)) << id;
        EXPECT_EQ(claim.via.isParty, was.via.isParty) << id;
        EXPECT_EQ(idOf(project, ItemKind::Event, claim.about), idOf(o, ItemKind::Event, was.about))
            << id;
        EXPECT_EQ(idOf(project, ItemKind::Question, claim.question),
                  idOf(o, ItemKind::Question, was.question))
            << id;
        EXPECT_EQ(claim.stance, was.stance) << id;
        EXPECT_EQ(text(project, claim.statement), text(o, was.statement)) << id;
        EXPECT_EQ(text(project, claim.quote), text(o, was.quote)) << id;
        EXPECT_EQ(text(project, claim.quoteLanguage), text(o, was.quoteLanguage)) << id;
        EXPECT_EQ(text(project, claim.quoteTranslation), text(o, was.quoteTranslation)) << id;
        EXPECT_EQ(idOf(project, ItemKind::Actor, claim.quoteSpeaker),
                  idOf(o, ItemKind::Actor, was.quoteSpeaker))
            << id;
        EXPECT_EQ(claim.credibility, was.credibility) << id;
        EXPECT_EQ(claim.status, was.status) << id;
        EXPECT_EQ(sourceIds(project, claim.sources), sourceIds(o, was.sources)) << id;
        // Each claim speaks for the party it did.
        const auto partyOf = [](const Project &p, const Claim &c) {
            if (!c.claimant.isValid())
                return std::string();
            return c.claimant.isParty
                ? idOf(p, ItemKind::Party, c.claimant.index)
                : idOf(p, ItemKind::Party, p.actors()[c.claimant.index].party);
        };
        EXPECT_EQ(partyOf(project, claim), partyOf(o, was)) << id;
    }
    EXPECT_EQ(relationSet(project), relationSet(o));

    // The new project saves and opens again, and the same files import into it unchanged.
    const std::string saved = projectToString(project);
    const LoadResult loaded = readProject(saved);
    EXPECT_TRUE(loaded.ok());
    const ImportReport again = importClaimlineCsv({m_dir.path()}, project);
    EXPECT_TRUE(again.problems.empty()) << problemText(again);
    EXPECT_EQ(again.unchanged, rows());
    EXPECT_EQ(projectToString(project), saved);
}
