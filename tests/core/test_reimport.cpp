// Re-import: a newer export of a dataset into a project that holds an older one updates the
// events matched by the dataset's own id (only the fields the import maps), adds new rows,
// lists the ids no longer there and removes them only when asked. What the user did locally
// (status and its history, notes, tags, sources, claims about the event, its star and
// annotations) stays.

#include "importerfixture.h"

#include "import/importer.h"
#include "model/project.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

std::uint32_t eventIndex(const Project &p, std::string_view id)
{
    return indexOf(p, id, ItemKind::Event);
}

std::uint32_t addClaimAbout(Project &p, std::string_view id, std::uint32_t event)
{
    Claim claim;
    claim.id = p.addText(id);
    claim.statement = p.addText(std::string_view("The strike hit a residential block."));
    claim.claimant = {0, true};
    claim.about = event;
    p.claims().push_back(claim);
    const auto index = std::uint32_t(p.claims().size() - 1);
    EXPECT_EQ(p.registerId({ItemKind::Claim, index}), std::nullopt);
    return index;
}

// What a journalist does to an imported event: verifies it (status with its history), writes
// a note, tags it, cites a source of their own, and records a claim about it.
struct LocalEdits
{
    std::uint32_t claim = NoIndex;
    std::uint32_t ownSource = NoIndex;
};

LocalEdits editLocally(Project &p, std::string_view eventId)
{
    LocalEdits edits;
    Source own;
    own.id = p.addText(std::string_view("reporter-call"));
    own.title = p.addText(std::string_view("Call with a reporter in Kharkiv"));
    p.sources().push_back(own);
    edits.ownSource = std::uint32_t(p.sources().size() - 1);
    EXPECT_EQ(p.registerId({ItemKind::Source, edits.ownSource}), std::nullopt);

    Event &e = p.events()[eventIndex(p, eventId)];
    e.status = Status::Corroborated;
    const StatusChange change {FuzzyTime::fromDate(2023, 3, 1),
                               p.addText(std::string_view("Two witnesses")), Status::Corroborated};
    e.history = p.addStatusChanges({&change, 1});
    e.notes = p.addText(std::string_view("Checked against satellite images."));
    e.starred = true;
    Annotation note;
    note.author = p.addText(std::string_view("Ana"));
    note.at = *FuzzyTime::parse("2023-03-01T10:15:00Z");
    note.text = p.addText(std::string_view("Ask the reporter for the second video."));
    e.annotations = p.addAnnotations({&note, 1});
    std::vector<std::uint32_t> tags(p.indices(e.tags).begin(), p.indices(e.tags).end());
    tags.push_back(p.internWord("verified"));
    e.tags = p.addIndices(tags);
    std::vector<Citation> citations(p.citations(e.sources).begin(), p.citations(e.sources).end());
    citations.push_back({edits.ownSource, p.addText(std::string_view("they saw it"))});
    e.sources = p.addCitations(citations);
    edits.claim = addClaimAbout(p, "claim-strike", eventIndex(p, eventId));
    p.invalidateIndexes();
    return edits;
}

} // namespace

TEST(Reimport, UpdatesChangedRowsAddsNewOnesAndListsMissingOnes)
{
    Project p;
    ASSERT_EQ(importFiles({importData("importer-acled.csv")}, p, {}).added, 3);
    const LocalEdits edits = editLocally(p, "acled-UKR100");
    const std::uint32_t claimOnGone
        = addClaimAbout(p, "claim-statements", eventIndex(p, "acled-UKR102"));

    const ImportReport report = importFiles({importData("importer-acled-newer.csv")}, p, {});
    EXPECT_TRUE(report.problems.empty()) << problemLines(report).join(u'\n').toStdString();
    EXPECT_EQ(report.rows, 3);
    EXPECT_EQ(report.added, 1);
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(report.unchanged, 1);
    EXPECT_EQ(report.missingIds, std::vector<std::string> {"UKR102"});
    EXPECT_EQ(report.removed, 0);
    EXPECT_EQ(
        report.summary(),
        QStringLiteral("1 event added, 1 updated, 1 unchanged, 0 rows refused, 1 missing (kept)"));
    // Nothing duplicated.
    EXPECT_EQ(p.events().size(), 4u);
    EXPECT_EQ(p.find("acled-UKR100-2"), std::nullopt);
    EXPECT_EQ(text(p, eventById(p, "acled-UKR103").title), "Peaceful protest in Kyiv");

    const Event &strike = eventById(p, "acled-UKR100");
    // The mapped fields follow the row...
    EXPECT_EQ(
        text(p, strike.summary),
        "On 16 February 2023, a drone hit a residential block in Kharkiv; 4 killed (updated).");
    EXPECT_EQ(attribute(p, strike, "fatalities"), "#4");
    EXPECT_EQ(attribute(p, strike, "admin1"), "Kharkiv");
    EXPECT_EQ(originText(p, strike), "acled UKR100 1677000000");
    // ...tags and sources are added to: the user's stay, and so do the row's earlier ones.
    EXPECT_EQ(tagWords(p, strike), strings({"Air/drone strike", "verified"}));
    EXPECT_EQ(sourceTitles(p, strike),
              strings({"Ukrainska Pravda", "Kyiv Independent", "Call with a reporter in Kharkiv",
                       "Suspilne"}));
    EXPECT_EQ(p.view(p.citations(strike.sources)[2].excerpt), "they saw it");
    // ...and what the user did is kept.
    EXPECT_EQ(strike.status, Status::Corroborated);
    ASSERT_EQ(strike.history.count, 1u);
    EXPECT_EQ(p.view(p.statusChanges(strike.history)[0].reason), "Two witnesses");
    EXPECT_EQ(text(p, strike.notes), "Checked against satellite images.");
    // The analyst's layer (issue 22) survives the update: the star and the annotation.
    EXPECT_TRUE(strike.starred);
    ASSERT_EQ(strike.annotations.count, 1u);
    EXPECT_EQ(p.view(p.annotations(strike.annotations)[0].author), "Ana");
    EXPECT_EQ(p.view(p.annotations(strike.annotations)[0].text),
              "Ask the reporter for the second video.");
    EXPECT_EQ(p.annotations(strike.annotations)[0].at.toEdtf(), "2023-03-01T10:15:00Z");
    EXPECT_EQ(p.claims()[edits.claim].about, eventIndex(p, "acled-UKR100"));

    // The row that is gone: listed, kept, with its claim.
    EXPECT_EQ(p.claims()[claimOnGone].about, eventIndex(p, "acled-UKR102"));
}

TEST(Reimport, RemovesMissingEventsWhenAskedAndKeepsClaimsAboutThem)
{
    Project p;
    ASSERT_EQ(importFiles({importData("importer-acled.csv")}, p, {}).added, 3);
    const LocalEdits edits = editLocally(p, "acled-UKR100");
    const std::uint32_t claimOnGone
        = addClaimAbout(p, "claim-statements", eventIndex(p, "acled-UKR102"));

    ImportOptions options;
    options.removeMissing = true;
    const ImportReport report = importFiles({importData("importer-acled-newer.csv")}, p, options);
    EXPECT_EQ(report.missingIds, std::vector<std::string> {"UKR102"});
    EXPECT_EQ(report.removed, 1);
    EXPECT_EQ(report.summary(),
              QStringLiteral(
                  "1 event added, 1 updated, 1 unchanged, 0 rows refused, 1 missing (removed)"));
    EXPECT_EQ(p.find("acled-UKR102"), std::nullopt);
    EXPECT_EQ(p.events().size(), 3u);
    // The claim about it stays, without the event; the other claim still finds its event.
    ASSERT_EQ(p.claims().size(), 2u);
    EXPECT_EQ(p.claims()[claimOnGone].about, NoIndex);
    EXPECT_EQ(p.text(p.claims()[claimOnGone].id), QStringLiteral("claim-statements"));
    EXPECT_EQ(p.claims()[edits.claim].about, eventIndex(p, "acled-UKR100"));
    EXPECT_EQ(eventById(p, "acled-UKR100").status, Status::Corroborated);
    // The ids still find their events after the removal shifted them.
    EXPECT_EQ(text(p, eventById(p, "acled-UKR103").title), "Peaceful protest in Kyiv");
}

TEST(Reimport, TheSameFileAgainChangesNothing)
{
    Project p;
    ASSERT_EQ(importFiles({importData("importer-acled.csv")}, p, {}).added, 3);
    const std::size_t origins = p.origins().size();
    const std::size_t attributes = p.attributePool().size();
    const ImportReport report = importFiles({importData("importer-acled.csv")}, p, {});
    EXPECT_EQ(report.added, 0);
    EXPECT_EQ(report.updated, 0);
    EXPECT_EQ(report.unchanged, 3);
    EXPECT_TRUE(report.missingIds.empty());
    EXPECT_EQ(p.events().size(), 3u);
    EXPECT_EQ(p.parties().size(), 5u);
    EXPECT_EQ(p.sources().size(), 3u);
    EXPECT_EQ(p.origins().size(), origins);
    EXPECT_EQ(p.attributePool().size(), attributes);
}

TEST(Reimport, AMappedFieldTheUserChangedIsSetBackEvenWithTheSameVersion)
{
    Project p;
    ASSERT_EQ(importFiles({importData("importer-acled.csv")}, p, {}).added, 3);
    Event &strike = p.events()[eventIndex(p, "acled-UKR100")];
    strike.title = p.addText(std::string_view("My title"));
    const ImportReport report = importFiles({importData("importer-acled.csv")}, p, {});
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(report.unchanged, 2);
    EXPECT_EQ(text(p, eventById(p, "acled-UKR100").title), "Air/drone strike in Kharkiv");
}

TEST(Reimport, ARefusedRowIsNotTakenForGone)
{
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("acled-broken.csv"));
    std::string text = readString(importData("importer-acled.csv"));
    const std::size_t date = text.find("UKR102,2023-02-20");
    ASSERT_NE(date, std::string::npos);
    text.replace(date, 17, "UKR102,2023-02-31");
    ASSERT_TRUE(writeFile(broken, text));

    Project p;
    ASSERT_EQ(importFiles({importData("importer-acled.csv")}, p, {}).added, 3);
    ImportOptions options;
    options.removeMissing = true;
    const ImportReport report = importFiles({broken}, p, options);
    EXPECT_EQ(problemLines(report), strings({"4: event_date \"2023-02-31\" is not a date"}));
    EXPECT_TRUE(report.missingIds.empty());
    EXPECT_EQ(report.removed, 0);
    EXPECT_EQ(eventById(p, "acled-UKR102").when, FuzzyTime::parse("2023-02"));
}

TEST(Reimport, AnIdTwiceInOneImportTakesTheLaterRow)
{
    // Two overlapping exports in one import: the later file's row wins, nothing duplicated.
    Project p;
    const ImportReport report = importFiles(
        {importData("importer-acled.csv"), importData("importer-acled-newer.csv")}, p, {});
    EXPECT_EQ(report.rows, 6);
    EXPECT_EQ(report.added, 4);
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(report.unchanged, 1);
    EXPECT_TRUE(report.missingIds.empty());
    EXPECT_EQ(p.events().size(), 4u);
    EXPECT_EQ(attribute(p, eventById(p, "acled-UKR100"), "fatalities"), "#4");
    EXPECT_EQ(originText(p, eventById(p, "acled-UKR100")), "acled UKR100 1677000000");
}

TEST(Reimport, AnotherFormatsEventsAreNotMissing)
{
    Project p;
    ASSERT_EQ(importFiles({importData("importer-acled.csv")}, p, {}).added, 3);
    ImportOptions options;
    options.removeMissing = true;
    const ImportReport report = importFiles({importData("importer-ucdp.csv")}, p, options);
    EXPECT_EQ(report.added, 2);
    EXPECT_TRUE(report.missingIds.empty());
    EXPECT_EQ(p.events().size(), 5u);
}

TEST(Reimport, NothingIsMissingWhenAFileCouldNotBeRead)
{
    Project p;
    ASSERT_EQ(importFiles({importData("importer-acled.csv")}, p, {}).added, 3);
    ImportOptions options;
    options.removeMissing = true;
    const ImportReport report = importFiles(
        {importData("importer-acled-newer.csv"), importData("importer-not-a-dataset.csv")}, p,
        options);
    EXPECT_EQ(report.updated, 1);
    EXPECT_TRUE(report.missingIds.empty());
    EXPECT_EQ(report.removed, 0);
    EXPECT_NE(p.find("acled-UKR102"), std::nullopt);
}

TEST(Reimport, EventsOfAnEarlierImportAreFoundByOriginNotById)
{
    // The user's item had "acled-UKR100", so the import named its event "acled-UKR100-2"; the
    // re-import still finds that event by the row's id.
    Project p = projectFromJson(R"({"format": "claimline", "version": 1,
        "parties": [{"id": "me", "name": "Me"}],
        "events": [{"id": "acled-UKR100", "title": "My own note", "when": "2023-02-16",
                    "parties": ["me"]}]})");
    ASSERT_EQ(importFiles({importData("importer-acled.csv")}, p, {}).added, 3);
    const ImportReport report = importFiles({importData("importer-acled-newer.csv")}, p, {});
    EXPECT_EQ(report.added, 1);
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(p.events().size(), 5u);
    EXPECT_EQ(attribute(p, eventById(p, "acled-UKR100-2"), "fatalities"), "#4");
    EXPECT_EQ(text(p, eventById(p, "acled-UKR100").title), "My own note");
}

TEST(Reimport, AnIdTwiceInOneImportFindsTheEventNamedOtherwise)
{
    Project p = projectFromJson(R"({"format": "claimline", "version": 1,
        "parties": [{"id": "me", "name": "Me"}],
        "events": [{"id": "acled-UKR100", "title": "My own note", "when": "2023-02-16",
                    "parties": ["me"]}]})");
    const ImportReport report = importFiles(
        {importData("importer-acled.csv"), importData("importer-acled-newer.csv")}, p, {});
    EXPECT_EQ(report.added, 4);
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(p.events().size(), 5u);
    EXPECT_EQ(p.find("acled-UKR100-3"), std::nullopt);
    EXPECT_EQ(attribute(p, eventById(p, "acled-UKR100-2"), "fatalities"), "#4");
}
