// Every row of Claimline's CSV export that the import refuses, each its own case with its
// file, physical line and reason (fixture: tests/core/data/import/claimline-csv/refusals/,
// rows a spreadsheet user could make, imported into base.claimline). The good rows around
// them are imported, and a refused row changes nothing.

#include "test_claimlinecsv_support.h"

#include "model/project.h"

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

class ClaimlineCsvRefusals : public testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_project = std::make_unique<Project>(baseProject());
        s_report = importClaimlineCsv({claimlineCsvData(QStringLiteral("refusals"))}, *s_project);
    }
    static void TearDownTestSuite()
    {
        s_project.reset();
        s_report = {};
    }

    // Whether the import refused `file`'s row at `line` for exactly `reason`, and for no
    // other reason.
    static testing::AssertionResult refused(const char *file, std::int64_t line, const char *reason)
    {
        QStringList atLine;
        for (const ImportProblem &problem : s_report.problems) {
            if (QFileInfo(problem.file).fileName() == QLatin1String(file) && problem.line == line)
                atLine << problem.reason;
        }
        if (atLine == QStringList {QString::fromUtf8(reason)})
            return testing::AssertionSuccess();
        return testing::AssertionFailure()
            << file << ":" << line << " was refused for [" << atLine.join(u'|').toStdString()
            << "]; all problems:\n"
            << problemText(s_report);
    }

    static std::unique_ptr<Project> s_project;
    static ImportReport s_report;
};

std::unique_ptr<Project> ClaimlineCsvRefusals::s_project;
ImportReport ClaimlineCsvRefusals::s_report;

} // namespace

// --- events.csv ------------------------------------------------------------------------------

TEST_F(ClaimlineCsvRefusals, EarliestEditedAloneNamesTheColumnToEdit)
{
    EXPECT_TRUE(refused("events.csv", 3,
                        "earliest \"2025-12-27T00:00:00Z\" does not match when \"2025-12-28\": "
                        "edit the when column"));
    // The event keeps its time and stays off the missing list.
    EXPECT_EQ(eventById(*s_project, "ev-talks").when, FuzzyTime::parse("2025-12-28"));
    EXPECT_EQ(std::count(s_report.missingIds.begin(), s_report.missingIds.end(), "ev-talks"), 0);
}

TEST_F(ClaimlineCsvRefusals, LatestEditedAloneNamesTheColumnToEdit)
{
    EXPECT_TRUE(refused("events.csv", 4,
                        "latest \"2025-12-30T00:00:00Z\" does not match when \"2025-12-28\": "
                        "edit the when column"));
}

TEST_F(ClaimlineCsvRefusals, AnUnknownStatusListsTheAcceptedOnes)
{
    EXPECT_TRUE(refused("events.csv", 5,
                        "status \"confirmed\" is not one of unverified, disputed, corroborated, "
                        "refuted, retracted"));
}

TEST_F(ClaimlineCsvRefusals, AWhenASpreadsheetTurnedIntoALocalDateIsNoEdtf)
{
    EXPECT_TRUE(refused("events.csv", 6,
                        "when: \"28/12/2025\" has more than one \"/\"; an interval has exactly "
                        "two sides"));
}

TEST_F(ClaimlineCsvRefusals, AnEmptyWhen)
{
    EXPECT_TRUE(
        refused("events.csv", 7, "when is empty: it needs a date (EDTF, such as 2025-12-28)"));
}

TEST_F(ClaimlineCsvRefusals, AnEmptyId)
{
    EXPECT_TRUE(refused("events.csv", 8, "id is empty"));
}

TEST_F(ClaimlineCsvRefusals, AnUnknownPartyWithoutAName)
{
    EXPECT_TRUE(refused("events.csv", 9,
                        "party \"nato\" is not in the project, and party_names gives no name to "
                        "create it with"));
    EXPECT_FALSE(s_project->find("nato").has_value());
}

TEST_F(ClaimlineCsvRefusals, AnEventWithoutParties)
{
    EXPECT_TRUE(refused("events.csv", 10, "parties is empty: an event needs at least one party"));
}

TEST_F(ClaimlineCsvRefusals, AnIdOfAnotherKindOfItem)
{
    EXPECT_TRUE(
        refused("events.csv", 11, "id \"claim-attack\" is a claim in the project, not an event"));
}

TEST_F(ClaimlineCsvRefusals, AnIdTwiceInOneFile)
{
    EXPECT_TRUE(refused("events.csv", 12, "id \"ev-attack\" is on line 2 already"));
}

TEST_F(ClaimlineCsvRefusals, ALatitudeOutOfRange)
{
    EXPECT_TRUE(refused("events.csv", 13, "latitude \"95.2\" is out of range (-90 to 90)"));
}

TEST_F(ClaimlineCsvRefusals, AnUnknownSourceWithNothingToCreateItWith)
{
    EXPECT_TRUE(refused("events.csv", 14,
                        "source \"src-9\" is not in the project, and source_titles and "
                        "source_urls give nothing to create it with"));
}

TEST_F(ClaimlineCsvRefusals, ARowCutShort)
{
    EXPECT_TRUE(refused("events.csv", 15, "5 fields where the header has 17"));
}

TEST_F(ClaimlineCsvRefusals, AnActorWhereAPartyBelongs)
{
    EXPECT_TRUE(
        refused("events.csv", 16, "party \"putin\" is an actor in the project, not a party"));
}

TEST_F(ClaimlineCsvRefusals, ARefusedRowCreatesNothing)
{
    // Line 17 names a new party "hungary" (with its name) and a source that cannot be created.
    EXPECT_TRUE(refused("events.csv", 17,
                        "source \"src-9\" is not in the project, and source_titles and "
                        "source_urls give nothing to create it with"));
    EXPECT_FALSE(s_project->find("hungary").has_value());
    EXPECT_FALSE(s_project->find("ev-new-11").has_value());
    EXPECT_TRUE(s_report.newParties.empty());
}

// --- claims.csv ------------------------------------------------------------------------------

TEST_F(ClaimlineCsvRefusals, AClaimAboutAnUnknownEvent)
{
    EXPECT_TRUE(refused("claims.csv", 3, "about \"ev-nowhere\" is not an event in the project"));
}

TEST_F(ClaimlineCsvRefusals, AnUnknownClaimantWithoutAName)
{
    EXPECT_TRUE(refused("claims.csv", 4,
                        "claimant \"ghost\" is not in the project, and claimant_name is empty"));
}

TEST_F(ClaimlineCsvRefusals, AnUnknownClaimantWithoutAParty)
{
    EXPECT_TRUE(refused("claims.csv", 5,
                        "claimant \"medvedev\" is not in the project, and the party column is "
                        "empty: a new actor needs a party"));
    EXPECT_FALSE(s_project->find("medvedev").has_value());
}

TEST_F(ClaimlineCsvRefusals, AnUnknownQuestionWithoutItsText)
{
    EXPECT_TRUE(refused("claims.csv", 6,
                        "question \"q-new\" is not in the project, and question_text is empty"));
}

TEST_F(ClaimlineCsvRefusals, AnUnknownStance)
{
    EXPECT_TRUE(refused("claims.csv", 7,
                        "stance \"supports\" is not one of affirms, denies, disputes, qualifies"));
}

TEST_F(ClaimlineCsvRefusals, ACredibilityOutOfRange)
{
    EXPECT_TRUE(refused("claims.csv", 8, "credibility \"9\" is not a number from 1 to 6"));
}

TEST_F(ClaimlineCsvRefusals, AClaimsEarliestEditedAlone)
{
    EXPECT_TRUE(refused("claims.csv", 9,
                        "earliest \"2025-12-28T00:00:00Z\" does not match made_at \"2025-12-29\": "
                        "edit the made_at column"));
}

TEST_F(ClaimlineCsvRefusals, APartyAsAQuotesSpeaker)
{
    EXPECT_TRUE(refused("claims.csv", 10, "quote_speaker \"russia\" is a party, not an actor"));
}

TEST_F(ClaimlineCsvRefusals, AnEmptyClaimant)
{
    EXPECT_TRUE(refused("claims.csv", 11, "claimant is empty: a claim needs one"));
}

TEST_F(ClaimlineCsvRefusals, AnUnknownClaimStatus)
{
    EXPECT_TRUE(refused("claims.csv", 12,
                        "status \"confirmed\" is not one of unverified, disputed, corroborated, "
                        "refuted, retracted"));
}

TEST_F(ClaimlineCsvRefusals, AnUnknownQuoteSpeaker)
{
    EXPECT_TRUE(
        refused("claims.csv", 13, "quote_speaker \"nobody\" is not an actor in the project"));
}

TEST_F(ClaimlineCsvRefusals, AnEventIdInClaims)
{
    EXPECT_TRUE(
        refused("claims.csv", 14, "id \"ev-attack\" is an event in the project, not a claim"));
}

TEST_F(ClaimlineCsvRefusals, AClaimAboutARefusedEvent)
{
    EXPECT_TRUE(refused("claims.csv", 15, "about \"ev-new-3\" is not an event in the project"));
}

// --- relations.csv ---------------------------------------------------------------------------

TEST_F(ClaimlineCsvRefusals, AnUnknownRelationKind)
{
    EXPECT_TRUE(refused("relations.csv", 3,
                        "kind \"refutes\" is not one of denies, disputes, rebuts, qualifies, "
                        "corroborates"));
}

TEST_F(ClaimlineCsvRefusals, ARelationFromAnUnknownClaim)
{
    EXPECT_TRUE(
        refused("relations.csv", 4, "from \"claim-nowhere\" is not a claim in the project"));
}

TEST_F(ClaimlineCsvRefusals, ARelationToARefusedClaim)
{
    EXPECT_TRUE(refused("relations.csv", 5, "to \"claim-x1\" is not a claim in the project"));
}

TEST_F(ClaimlineCsvRefusals, AClaimAnsweringItself)
{
    EXPECT_TRUE(refused("relations.csv", 6,
                        "from and to are both \"claim-ok\": a claim cannot answer itself"));
}

TEST_F(ClaimlineCsvRefusals, ARelationTwice)
{
    EXPECT_TRUE(refused("relations.csv", 7,
                        "the relation \"claim-denial\" denies \"claim-attack\" is on line 2 "
                        "already"));
}

TEST_F(ClaimlineCsvRefusals, ARelationWithoutItsFrom)
{
    EXPECT_TRUE(refused("relations.csv", 8, "from is empty"));
}

// --- and the rest --------------------------------------------------------------------------

TEST_F(ClaimlineCsvRefusals, TheGoodRowsAreImported)
{
    // events.csv: ev-attack unchanged, ev-new-ok added; claims.csv: claim-attack unchanged,
    // claim-ok added; relations.csv: the denial unchanged, claim-ok disputes claim-attack
    // added. Every other row is refused, each once.
    EXPECT_EQ(s_report.rows, 17 + 15 + 8);
    EXPECT_EQ(s_report.added, 3);
    EXPECT_EQ(s_report.unchanged, 3);
    EXPECT_EQ(s_report.updated, 0);
    EXPECT_EQ(s_report.refused(), 17 + 15 + 8 - 6);
    EXPECT_EQ(text(*s_project, eventById(*s_project, "ev-new-ok").title), "A good new row");
    const std::uint32_t ok = indexOf(*s_project, "claim-ok", ItemKind::Claim);
    EXPECT_EQ(itemById<Claim>(*s_project, "claim-ok").about,
              indexOf(*s_project, "ev-new-ok", ItemKind::Event));
    const Relation &added = s_project->relations().back();
    EXPECT_EQ(added.from, ok);
    EXPECT_EQ(added.kind, RelationKind::Disputes);
    // claim-denial is in no row of claims.csv: listed, not removed.
    EXPECT_EQ(s_report.missingIds, std::vector<std::string> {"claim-denial"});
    EXPECT_TRUE(s_project->find("claim-denial").has_value());
    for (const ImportProblem &problem : s_report.problems)
        EXPECT_GT(problem.line, 0) << problem.toString().toStdString();
}
