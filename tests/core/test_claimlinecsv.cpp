// The Claimline CSV import (import/claimlinecsv/): what an edit made in a spreadsheet does to
// the project it is imported into (base.claimline and its export, base/). Each field of a row
// updates its item, and only when it reads otherwise; what the CSVs do not carry is kept;
// items the CSVs name are created; relations are matched by their claims; rows gone from a
// file are listed, and removed only when asked. Also which files are read, the wizard's
// survey, progress and cancel.

#include "test_claimlinecsv_support.h"

#include "model/project.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <map>

using namespace claimline;
using namespace claimline::test;

namespace {

class ClaimlineCsvImport : public testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        for (const char *name : {"events.csv", "claims.csv", "relations.csv"})
            ASSERT_TRUE(QFile::copy(claimlineCsvData(QStringLiteral("base/") + QLatin1String(name)),
                                    file(name)));
        m_project = baseProject();
    }

    QString file(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    ImportReport import(bool removeMissing = false)
    {
        return importClaimlineCsv({m_dir.path()}, m_project, nullptr, removeMissing);
    }
    const Claim &claim(std::string_view id) const { return itemById<Claim>(m_project, id); }
    std::string excerptOf(IndexRange citations, std::string_view source) const
    {
        for (const Citation &c : m_project.citations(citations)) {
            if (m_project.view(m_project.sources()[c.source].id) == source)
                return text(m_project, c.excerpt);
        }
        return "(not cited)";
    }

    QTemporaryDir m_dir;
    Project m_project;
};

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

} // namespace

TEST_F(ClaimlineCsvImport, TheUneditedExportOfTheFixtureIsUnchanged)
{
    const std::string before = projectToString(m_project);
    const ImportReport report = import();
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.rows, 5);
    EXPECT_EQ(report.unchanged, 5);
    EXPECT_EQ(projectToString(m_project), before);
}

TEST_F(ClaimlineCsvImport, ASpreadsheetsResaveWithTwoEditsChangesThoseTwo)
{
    // spreadsheet/: the base export as LibreOffice in a comma locale saves it (';', no byte
    // order mark, CRLF), with ev-talks disputed and claim-attack's statement rewritten.
    const ImportReport report
        = importClaimlineCsv({claimlineCsvData(QStringLiteral("spreadsheet"))}, m_project);
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.updated, 2);
    EXPECT_EQ(report.unchanged, 3);
    EXPECT_EQ(eventById(m_project, "ev-talks").status, Status::Disputed);
    EXPECT_EQ(text(m_project, claim("claim-attack").statement),
              "Ukraine sent 91 long-range drones; Moscow calls it \"state terrorism\".");
    // The Cyrillic quote read as it was written.
    EXPECT_EQ(text(m_project, claim("claim-attack").quote), "Это государственный терроризм");
}

TEST_F(ClaimlineCsvImport, AnEventsFieldsUpdateOneByOneAndTheRestIsKept)
{
    Spreadsheet events(file("events.csv"));
    events.cell("ev-attack", "title") = "Alleged attack on the Valdai residence";
    // The when edited alone: earliest and latest stay as they were exported.
    events.cell("ev-attack", "when") = "2025-12-29";
    events.cell("ev-attack", "kind") = "drone-strike";
    events.cell("ev-attack", "parties") = "russia";
    events.cell("ev-attack", "party_names") = "Russia";
    events.cell("ev-attack", "tags") = "residence;claims";
    events.cell("ev-attack", "location") = "Valdai";
    events.cell("ev-attack", "latitude") = "57,98"; // a comma locale's decimal comma
    events.cell("ev-attack", "longitude") = "33.24";
    events.cell("ev-attack", "summary") = "Moscow says so.\nKyiv denies it.";
    events.cell("ev-attack", "sources") = "src-2;src-1";
    events.save();

    const ImportReport report = import();
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(report.unchanged, 4);
    const Event &event = eventById(m_project, "ev-attack");
    EXPECT_EQ(text(m_project, event.title), "Alleged attack on the Valdai residence");
    EXPECT_EQ(event.when, FuzzyTime::parse("2025-12-29"));
    EXPECT_EQ(kindOf(m_project, event), "drone-strike");
    EXPECT_EQ(partyNames(m_project, event), strings({"Russia"}));
    EXPECT_EQ(tagWords(m_project, event), strings({"residence", "claims"}));
    EXPECT_EQ(text(m_project, event.locationName), "Valdai");
    EXPECT_DOUBLE_EQ(event.latitude, 57.98);
    EXPECT_DOUBLE_EQ(event.longitude, 33.24);
    EXPECT_EQ(text(m_project, event.summary), "Moscow says so.\nKyiv denies it.");
    EXPECT_EQ(sourceTitles(m_project, event),
              strings({"Kyiv denies", "Moscow claims strike on residence"}));
    // Kept: the excerpt of a source cited before, the notes, the precision, the status and
    // its (empty) history.
    EXPECT_EQ(excerptOf(event.sources, "src-1"), "91 long-range drones");
    EXPECT_EQ(excerptOf(event.sources, "src-2"), "");
    EXPECT_EQ(text(m_project, event.notes), "Internal: check the count.");
    EXPECT_EQ(event.locationPrecision, LocationPrecision::Town);
    EXPECT_EQ(event.status, Status::Unverified);
    EXPECT_EQ(event.history.count, 0u);
    // Parties are not renamed by a name cell; their colours stay.
    EXPECT_TRUE(itemById<Party>(m_project, "russia").hasColor);
}

TEST_F(ClaimlineCsvImport, AClaimsFieldsUpdateOneByOne)
{
    Spreadsheet claims(file("claims.csv"));
    claims.cell("claim-attack", "made_at") = "2025-12-29T10:00Z";
    claims.cell("claim-attack", "claimant") = "russia";
    claims.cell("claim-attack", "via") = "reuters";
    claims.cell("claim-attack", "about") = "ev-talks";
    claims.cell("claim-attack", "question") = "";
    claims.cell("claim-attack", "stance") = "qualifies";
    claims.cell("claim-attack", "statement") = "Moscow says drones flew at the residence.";
    claims.cell("claim-attack", "quote") = "";
    claims.cell("claim-attack", "quote_language") = "";
    claims.cell("claim-attack", "quote_translation") = "";
    claims.cell("claim-attack", "quote_speaker") = "";
    claims.cell("claim-attack", "credibility") = "2";
    claims.cell("claim-attack", "sources") = "";
    claims.save();

    const ImportReport report = import();
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.updated, 1);
    const Claim &c = claim("claim-attack");
    EXPECT_EQ(c.madeAt, FuzzyTime::parse("2025-12-29T10:00Z"));
    EXPECT_TRUE(c.claimant.isParty);
    EXPECT_EQ(c.claimant.index, indexOf(m_project, "russia", ItemKind::Party));
    EXPECT_TRUE(c.via.isParty);
    EXPECT_EQ(c.via.index, indexOf(m_project, "reuters", ItemKind::Party));
    EXPECT_EQ(c.about, indexOf(m_project, "ev-talks", ItemKind::Event));
    EXPECT_EQ(c.question, NoIndex);
    EXPECT_EQ(c.stance, Stance::Qualifies);
    EXPECT_EQ(text(m_project, c.statement), "Moscow says drones flew at the residence.");
    EXPECT_TRUE(c.quote.isEmpty());
    EXPECT_TRUE(c.quoteLanguage.isEmpty());
    EXPECT_EQ(c.quoteSpeaker, NoIndex);
    EXPECT_EQ(c.credibility, 2);
    EXPECT_EQ(c.sources.count, 0u);
    EXPECT_EQ(text(m_project, c.notes), "Internal note.");
}

TEST_F(ClaimlineCsvImport, AStatusChangeGoesIntoTheHistory)
{
    Spreadsheet events(file("events.csv"));
    events.cell("ev-talks", "status") = "refuted";
    events.save();
    Spreadsheet claims(file("claims.csv"));
    claims.cell("claim-denial", "status") = "";
    claims.save();

    const ImportReport report = import();
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.updated, 2);
    const Event &event = eventById(m_project, "ev-talks");
    EXPECT_EQ(event.status, Status::Refuted);
    const auto history = m_project.statusChanges(event.history);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(text(m_project, history[0].reason), "two articles");
    EXPECT_EQ(history[1].status, Status::Refuted);
    EXPECT_EQ(text(m_project, history[1].reason), "imported from events.csv");
    // An empty status cell is "unverified".
    const Claim &c = claim("claim-denial");
    EXPECT_EQ(c.status, Status::Unverified);
    ASSERT_EQ(c.history.count, 1u);
    EXPECT_EQ(text(m_project, m_project.statusChanges(c.history)[0].reason),
              "imported from claims.csv");
}

TEST_F(ClaimlineCsvImport, AColumnDeletedInTheSpreadsheetLeavesItsFieldAlone)
{
    Spreadsheet events(file("events.csv"));
    events.cell("ev-attack", "title") = "Renamed";
    for (const char *column : {"summary", "tags", "earliest", "latest"}) {
        const auto &header = events.rows().front();
        const auto at = std::find(header.begin(), header.end(), column) - header.begin();
        for (auto &row : events.rows())
            row.erase(row.begin() + at);
    }
    events.save();

    const ImportReport report = import();
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.updated, 1);
    const Event &event = eventById(m_project, "ev-attack");
    EXPECT_EQ(text(m_project, event.title), "Renamed");
    EXPECT_EQ(text(m_project, event.summary),
              "Moscow says 91 drones flew at the Valdai residence.");
    EXPECT_EQ(tagWords(m_project, event), strings({"drones", "residence"}));
}

TEST_F(ClaimlineCsvImport, WhatTheCsvsNameIsCreatedWithWhatTheySayOfIt)
{
    const ImportReport report
        = importClaimlineCsv({claimlineCsvData(QStringLiteral("new-items"))}, m_project);
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.added, 4); // ev-summit, claim-nato, claim-hungary, one relation
    EXPECT_EQ(report.unchanged, 5);
    EXPECT_EQ(report.newParties, (std::vector<std::string> {"NATO", "Hungary"}));

    const Party &nato = itemById<Party>(m_project, "nato");
    EXPECT_EQ(text(m_project, nato.name), "NATO");
    EXPECT_FALSE(nato.hasColor);
    const Event &summit = eventById(m_project, "ev-summit");
    EXPECT_EQ(partyNames(m_project, summit), strings({"NATO", "Ukraine"}));
    EXPECT_EQ(sourceTitles(m_project, summit), strings({"NATO press release"}));
    const Source &source = itemById<Source>(m_project, "src-3");
    EXPECT_EQ(text(m_project, source.url), "https://example.org/nato");
    EXPECT_EQ(source.reliability, 0);

    // A new claimant is an actor of the claim's party; a new relay has no party (the CSV
    // does not say whose it is); a party may speak for itself.
    const Claim &c = claim("claim-nato");
    const Actor &rutte = itemById<Actor>(m_project, "rutte");
    EXPECT_EQ(text(m_project, rutte.name), "Mark Rutte");
    EXPECT_EQ(rutte.party, indexOf(m_project, "nato", ItemKind::Party));
    EXPECT_TRUE(rutte.role.isEmpty());
    EXPECT_EQ(c.claimant, (Speaker {indexOf(m_project, "rutte", ItemKind::Actor), false}));
    const Actor &ap = itemById<Actor>(m_project, "ap");
    EXPECT_EQ(text(m_project, ap.name), "Associated Press");
    EXPECT_EQ(ap.party, NoIndex);
    EXPECT_EQ(c.via, (Speaker {indexOf(m_project, "ap", ItemKind::Actor), false}));
    EXPECT_EQ(c.quoteSpeaker, indexOf(m_project, "rutte", ItemKind::Actor));
    const Question &question = itemById<Question>(m_project, "q-proof");
    EXPECT_EQ(text(m_project, question.text), "Does the proof hold?");
    EXPECT_EQ(c.question, indexOf(m_project, "q-proof", ItemKind::Question));
    EXPECT_EQ(c.stance, Stance::Disputes);
    EXPECT_EQ(c.credibility, 3);
    const Claim &hungary = claim("claim-hungary");
    EXPECT_EQ(hungary.claimant, (Speaker {indexOf(m_project, "hungary", ItemKind::Party), true}));
    const Relation &relation = m_project.relations().back();
    EXPECT_EQ(relation.from, indexOf(m_project, "claim-nato", ItemKind::Claim));
    EXPECT_EQ(relation.to, indexOf(m_project, "claim-attack", ItemKind::Claim));
    EXPECT_EQ(relation.kind, RelationKind::Disputes);

    // The project saves and opens again.
    EXPECT_TRUE(readProject(projectToString(m_project)).ok());
}

// A spreadsheet user adds rows in any order: one may name a party, relay, question or source
// by its id alone before the row that says what it is. Both rows are imported, and the same
// files imported again find every row they made.
TEST_F(ClaimlineCsvImport, ARowMayNameWhatOnlyALaterRowSaysWhatItIs)
{
    using Cells = std::map<std::string_view, std::string>;
    const auto append = [](Spreadsheet &sheet, const Cells &cells) {
        const std::vector<std::string> &header = sheet.rows().front();
        std::vector<std::string> row(header.size());
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (const auto cell = cells.find(header[i]); cell != cells.end())
                row[i] = cell->second;
        }
        sheet.rows().push_back(std::move(row));
    };
    Spreadsheet events(file("events.csv"));
    append(events,
           {{"id", "ev-early"},
            {"title", "NATO meets"},
            {"when", "2025-12-30"},
            {"status", "unverified"},
            {"parties", "nato"},
            {"sources", "src-3"}});
    append(events,
           {{"id", "ev-summit"},
            {"title", "NATO summit statement"},
            {"when", "2025-12-31"},
            {"status", "unverified"},
            {"parties", "nato;ukraine"},
            {"party_names", "NATO;Ukraine"},
            {"sources", "src-3"},
            {"source_titles", "NATO press release"},
            {"source_urls", "https://example.org/nato"}});
    events.save();
    Spreadsheet claims(file("claims.csv"));
    const Cells byPutin {{"made_at", "2025-12-30"}, {"claimant", "putin"},
                         {"party", "russia"},       {"about", "ev-attack"},
                         {"stance", "affirms"},     {"status", "unverified"}};
    Cells first = byPutin;
    first.insert({{"id", "claim-early"},
                  {"via", "ap"},
                  {"question", "q-proof"},
                  {"statement", "The proof is with the Americans."}});
    append(claims, first);
    Cells second = byPutin;
    second.insert({{"id", "claim-later"},
                   {"via", "ap"},
                   {"via_name", "Associated Press"},
                   {"question", "q-proof"},
                   {"question_text", "Does the proof hold?"},
                   {"statement", "The drones' routes were handed over."}});
    append(claims, second);
    claims.save();

    const ImportReport report = import();
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.added, 4);
    const Event &early = eventById(m_project, "ev-early");
    EXPECT_EQ(partyNames(m_project, early), strings({"NATO"}));
    EXPECT_EQ(sourceTitles(m_project, early), strings({"NATO press release"}));
    const Claim &claimEarly = claim("claim-early");
    EXPECT_EQ(claimEarly.via, (Speaker {indexOf(m_project, "ap", ItemKind::Actor), false}));
    EXPECT_EQ(claimEarly.question, indexOf(m_project, "q-proof", ItemKind::Question));
    EXPECT_EQ(text(m_project, itemById<Question>(m_project, "q-proof").text),
              "Does the proof hold?");

    const ImportReport again = import();
    EXPECT_TRUE(again.problems.empty()) << problemText(again);
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.updated, 0);
}

TEST_F(ClaimlineCsvImport, ARelationOfAnotherKindIsUpdated)
{
    Spreadsheet relations(file("relations.csv"));
    relations.cell("claim-denial", "kind") = "rebuts";
    relations.save();
    const ImportReport report = import();
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.updated, 1);
    ASSERT_EQ(m_project.relations().size(), 1u);
    EXPECT_EQ(m_project.relations().front().kind, RelationKind::Rebuts);
}

TEST_F(ClaimlineCsvImport, ARelationDeletedInTheSpreadsheetIsListedAndRemovedOnlyWhenAsked)
{
    Spreadsheet relations(file("relations.csv"));
    relations.rows().pop_back();
    relations.save();
    {
        const ImportReport report = import();
        EXPECT_TRUE(report.problems.empty()) << problemText(report);
        EXPECT_EQ(report.missingIds, std::vector<std::string> {"claim-denial denies claim-attack"});
        EXPECT_EQ(report.removed, 0);
        EXPECT_EQ(m_project.relations().size(), 1u);
    }
    const ImportReport report = import(true);
    EXPECT_EQ(report.missingIds, std::vector<std::string> {"claim-denial denies claim-attack"});
    EXPECT_EQ(report.removed, 1);
    EXPECT_TRUE(m_project.relations().empty());
}

TEST_F(ClaimlineCsvImport, RowsGoneFromTheFilesAreListedAndRemovedOnlyWhenAsked)
{
    Spreadsheet events(file("events.csv"));
    events.rows().pop_back(); // ev-talks
    events.save();
    Spreadsheet claims(file("claims.csv"));
    claims.rows().pop_back(); // claim-denial
    claims.save();
    {
        const ImportReport report = import();
        EXPECT_EQ(report.missingIds, (std::vector<std::string> {"ev-talks", "claim-denial"}));
        EXPECT_EQ(report.removed, 0);
        EXPECT_TRUE(m_project.find("ev-talks").has_value());
        EXPECT_TRUE(m_project.find("claim-denial").has_value());
    }
    const ImportReport report = import(true);
    EXPECT_TRUE(report.problems.empty()) << problemText(report);
    EXPECT_EQ(report.removed, 2);
    EXPECT_FALSE(m_project.find("ev-talks").has_value());
    EXPECT_FALSE(m_project.find("claim-denial").has_value());
    // The relation from the removed claim went with it; the rest is whole.
    EXPECT_TRUE(m_project.relations().empty());
    EXPECT_EQ(claim("claim-attack").about, indexOf(m_project, "ev-attack", ItemKind::Event));
    EXPECT_TRUE(readProject(projectToString(m_project)).ok());
}

TEST_F(ClaimlineCsvImport, AFileIsKnownByItsHeaderAndBringsTheRestFromBesideIt)
{
    // Saved under another name by the spreadsheet.
    const QString renamed = file("events (edited).csv");
    ASSERT_TRUE(QFile::rename(file("events.csv"), renamed));
    const ClaimlineCsvFiles files = findClaimlineCsvFiles({renamed});
    EXPECT_EQ(files.events, QStringList {renamed});
    EXPECT_EQ(files.claims, QStringList {file("claims.csv")});
    EXPECT_EQ(files.relations, QStringList {file("relations.csv")});
    EXPECT_TRUE(files.problems.empty());
    const ImportReport report = importClaimlineCsv({renamed}, m_project);
    EXPECT_EQ(report.unchanged, 5);
}

TEST_F(ClaimlineCsvImport, WhatIsNoFileOfTheExportIsSaidSo)
{
    QTemporaryDir empty;
    ImportReport report = importClaimlineCsv({empty.path()}, m_project);
    EXPECT_EQ(problemsWithFiles(report).size(), 1);
    EXPECT_EQ(report.problems.front().line, 0);
    EXPECT_EQ(report.problems.front().reason,
              QStringLiteral("the folder holds none of events.csv, claims.csv and relations.csv"));

    report = importClaimlineCsv({importData("importer-acled.csv")}, m_project);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems.front().line, 0);
    EXPECT_TRUE(report.problems.front().reason.startsWith(
        QStringLiteral("not a file of Claimline's CSV export: its header has neither")));
    EXPECT_EQ(report.rows, 0);
    // Nothing of a kind whose file was not read is missing.
    EXPECT_TRUE(report.missingIds.empty());
}

TEST_F(ClaimlineCsvImport, TheSurveyShowsTheEventsAndCountsEveryRow)
{
    const ImportSurvey survey = surveyClaimlineCsv(m_dir.path(), 20);
    EXPECT_EQ(survey.format, ImportFormat::ClaimlineCsv);
    EXPECT_TRUE(survey.error.isEmpty()) << survey.error.toStdString();
    EXPECT_EQ(survey.delimiter, ',');
    EXPECT_EQ(survey.rows, 5);
    EXPECT_EQ(survey.refused, 0);
    ASSERT_EQ(survey.firstRows.size(), 2u);
    const ImportPreviewRow &first = survey.firstRows.front();
    EXPECT_EQ(first.line, 2);
    EXPECT_EQ(first.title, QStringLiteral("Alleged drone attack on the residence"));
    EXPECT_EQ(first.when, FuzzyTime::parse("2025-12-28/2025-12-29")->toDisplayString());
    EXPECT_EQ(first.parties, strings({"Russia", "Ukraine"}));
    EXPECT_EQ(first.place, QStringLiteral("Valdai, Novgorod region"));
    EXPECT_TRUE(first.problem.isEmpty());
    // party_names of events.csv and party_name of claims.csv, most rows first.
    ASSERT_EQ(survey.partyNames.size(), 2u);
    EXPECT_EQ(survey.partyNames[0].name, "Ukraine");
    EXPECT_EQ(survey.partyNames[0].rows, 3);
    EXPECT_EQ(survey.partyNames[1].name, "Russia");
    EXPECT_EQ(survey.partyNames[1].rows, 2);
}

TEST_F(ClaimlineCsvImport, TheSurveyCountsTheRowsRefusedWhateverTheProject)
{
    const ImportSurvey survey
        = surveyClaimlineCsv(claimlineCsvData(QStringLiteral("refusals/events.csv")), 20);
    EXPECT_EQ(survey.rows, 17 + 15 + 8);
    // Status, when (two), id, latitude and the short row in events.csv; stance, credibility,
    // claimant and status in claims.csv; kind, the self-answer and the empty from in
    // relations.csv. The rest depend on the project.
    EXPECT_EQ(survey.refused, 6 + 4 + 3);
    ASSERT_GE(survey.firstRows.size(), 5u);
    EXPECT_EQ(survey.firstRows[4].line, 6);
    EXPECT_TRUE(survey.firstRows[4].problem.startsWith(QStringLiteral("when: ")));
}

TEST_F(ClaimlineCsvImport, ProgressReachesTheEndAndCancelStops)
{
    ImportProgress progress;
    const ImportReport report = importClaimlineCsv({m_dir.path()}, m_project, &progress);
    EXPECT_FALSE(report.cancelled);
    // events.csv is read twice: what its rows say of parties and sources is learnt first.
    const qint64 total = 2 * QFileInfo(file("events.csv")).size()
        + QFileInfo(file("claims.csv")).size() + QFileInfo(file("relations.csv")).size();
    EXPECT_EQ(progress.bytesTotal.load(), total);
    EXPECT_EQ(progress.bytesDone.load(), total);
    EXPECT_EQ(progress.percent(), 100);

    ImportProgress cancelled;
    cancelled.cancel = true;
    const ImportReport stopped = importClaimlineCsv({m_dir.path()}, m_project, &cancelled);
    EXPECT_TRUE(stopped.cancelled);
    EXPECT_EQ(stopped.summary(), QStringLiteral("import cancelled"));
}
