// Creating and deleting items: the cascade, reassigning and detaching rules of deletion.h,
// and undo that restores the project exactly (the saved bytes are compared).

#include "document/deletion.h"
#include "document/document.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "testproject.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QObject>
#include <QTemporaryDir>
#include <QUndoStack>

#include <string>
#include <vector>

using namespace claimline;
using test::indexOf;

namespace {

class DeletionTest : public testing::Test
{
protected:
    void SetUp() override
    {
        const Problems problems = doc.load(test::samplePath());
        ASSERT_TRUE(problems.empty());
        original = projectToString(doc.project());
        QObject::connect(&doc, &Document::structureChanged,
                         [this](const StructureChange &change) { changes.push_back(change); });
    }

    const Project &project() const { return doc.project(); }
    std::uint32_t find(const char *id, ItemKind kind) const { return indexOf(project(), id, kind); }
    std::string saved() const { return projectToString(project()); }
    bool has(const char *id) const { return project().find(id).has_value(); }

    // The saved project loads back without a problem: every reference is to an item that
    // exists (the reader checks them all).
    void expectLoadable() const
    {
        const LoadResult result = readProject(saved());
        EXPECT_TRUE(result.ok()) << (result.problems.empty()
                                         ? std::string()
                                         : result.problems.front().toStdString());
    }

    // Undo gives back the file byte for byte; redo gives the deletion's result again.
    void expectExactUndo()
    {
        const std::string after = saved();
        doc.undoStack()->undo();
        EXPECT_EQ(saved(), original);
        EXPECT_FALSE(doc.isModified());
        doc.undoStack()->redo();
        EXPECT_EQ(saved(), after);
    }

    std::string claimantOf(const char *claim) const
    {
        const Claim &c = project().claims()[find(claim, ItemKind::Claim)];
        if (!c.claimant.isValid())
            return {};
        return std::string(project().view(c.claimant.isParty
                                              ? project().parties()[c.claimant.index].id
                                              : project().actors()[c.claimant.index].id));
    }

    Document doc;
    std::string original;
    std::vector<StructureChange> changes;
};

} // namespace

TEST_F(DeletionTest, DeletingAClaimTakesItsRelationsAndUndoPutsEverythingBack)
{
    const std::uint32_t c91 = find("claim-91-drones", ItemKind::Claim);
    const std::size_t claims = project().claims().size();
    const std::size_t relations = project().relations().size();
    std::size_t touching = 0;
    for (const Relation &r : project().relations())
        touching += (r.from == c91 || r.to == c91) ? 1 : 0;
    ASSERT_GT(touching, 0u);
    const std::string lastClaim(project().view(project().claims().back().id));

    ASSERT_TRUE(doc.deleteItems({{ItemKind::Claim, c91}}, DeleteMode::Cascade));
    EXPECT_EQ(project().claims().size(), claims - 1);
    EXPECT_EQ(project().relations().size(), relations - touching);
    EXPECT_FALSE(has("claim-91-drones"));
    // Later claims moved down one place and are still found by id.
    EXPECT_EQ(*project().find(lastClaim), (ItemRef {ItemKind::Claim, std::uint32_t(claims - 2)}));
    EXPECT_EQ(doc.undoStack()->undoText().toStdString(),
              "Delete \u2018Lavrov said Ukraine had sent 91 long-ra\u2026\u2019");
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_FALSE(changes[0].inserted);
    EXPECT_EQ(changes[0].of(ItemKind::Claim), std::vector<std::uint32_t> {c91});
    EXPECT_EQ(changes[0].relations.size(), touching);
    expectLoadable();
    expectExactUndo();
    EXPECT_TRUE(changes[1].inserted);
}

TEST_F(DeletionTest, CascadingAPartyTakesItsActorsTheirClaimsAndItsOnlyPartyEvents)
{
    const std::uint32_t ukraine = find("ukraine", ItemKind::Party);
    const ReferenceCount references = countReferences(project(), {{ItemKind::Party, ukraine}});
    EXPECT_TRUE(references.required); // claims by Ukraine's actors need a claimant
    EXPECT_GT(references.referrers(), 0u);
    EXPECT_GT(references.actors, 0u);
    EXPECT_GT(references.events, 0u); // its claims are made by its actors, not by it

    std::vector<std::string> ukrainian;
    for (std::uint32_t c = 0; c < project().claims().size(); ++c) {
        if (project().partyOfClaim(c) == ukraine)
            ukrainian.emplace_back(project().view(project().claims()[c].id));
    }
    ASSERT_FALSE(ukrainian.empty());
    const std::size_t claims = project().claims().size();

    ASSERT_TRUE(doc.deleteItems({{ItemKind::Party, ukraine}}, DeleteMode::Cascade));
    EXPECT_FALSE(has("ukraine"));
    EXPECT_FALSE(has("zelenskyy"));
    EXPECT_FALSE(has("ukrainian-officials"));
    for (const std::string &id : ukrainian)
        EXPECT_FALSE(has(id.c_str())) << id;
    EXPECT_EQ(project().claims().size(), claims - ukrainian.size());
    // Every claim left speaks for a party that is still there.
    for (std::uint32_t c = 0; c < project().claims().size(); ++c)
        EXPECT_NE(project().partyOfClaim(c), NoIndex);
    // An event shared with Russia stays, on Russia's lane only.
    const std::uint32_t drones = find("ev-residence-drones", ItemKind::Event);
    ASSERT_NE(drones, NoIndex);
    const auto parties = project().indices(project().events()[drones].parties);
    ASSERT_EQ(parties.size(), 1u);
    EXPECT_EQ(project().view(project().parties()[parties[0]].id), "russia");
    expectLoadable();
    expectExactUndo();
}

TEST_F(DeletionTest, ReassigningAPartyMovesItsActorsEventsAndClaims)
{
    const std::uint32_t india = find("india", ItemKind::Party);
    const std::uint32_t pakistan = find("pakistan", ItemKind::Party);
    const std::size_t actors = project().actors().size();
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Party, india}}, DeleteMode::Reassign, pakistan));
    EXPECT_FALSE(has("india"));
    EXPECT_EQ(project().actors().size(), actors); // nothing else went
    const Actor &modi = project().actors()[find("modi", ItemKind::Actor)];
    EXPECT_EQ(project().view(project().parties()[modi.party].id), "pakistan");
    expectLoadable();
    expectExactUndo();
}

TEST_F(DeletionTest, DetachIsRefusedWhenAClaimWouldLoseItsClaimant)
{
    const std::uint32_t russia = find("russia", ItemKind::Party);
    EXPECT_FALSE(doc.deleteItems({{ItemKind::Party, russia}}, DeleteMode::Detach));
    EXPECT_EQ(saved(), original);
    EXPECT_EQ(doc.undoStack()->count(), 0);
    Project copy = doc.project().clone();
    const DeletionPlan plan = planDeletion(copy, {{ItemKind::Party, russia}}, DeleteMode::Detach);
    EXPECT_FALSE(plan.ok());
}

TEST_F(DeletionTest, DetachingAQuestionKeepsItsClaimsWithoutOne)
{
    const std::uint32_t scale = find("q-scale", ItemKind::Question);
    const std::vector<std::uint32_t> on(project().claimsOn(scale).begin(),
                                        project().claimsOn(scale).end());
    ASSERT_FALSE(on.empty());
    const std::string firstId(project().view(project().claims()[on.front()].id));
    const std::size_t claims = project().claims().size();
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Question, scale}}, DeleteMode::Detach));
    EXPECT_EQ(project().claims().size(), claims);
    const Claim &first = project().claims()[project().find(firstId)->index];
    EXPECT_EQ(first.question, NoIndex);
    expectLoadable();
    expectExactUndo();
}

TEST_F(DeletionTest, CascadingAnEventTakesTheClaimsAboutIt)
{
    const std::uint32_t drones = find("ev-residence-drones", ItemKind::Event);
    std::size_t about = 0;
    for (const Claim &c : project().claims())
        about += c.about == drones ? 1 : 0;
    ASSERT_GT(about, 0u);
    const std::size_t claims = project().claims().size();
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Event, drones}}, DeleteMode::Cascade));
    EXPECT_EQ(project().claims().size(), claims - about);
    for (const Relation &r : project().relations()) {
        EXPECT_LT(r.from, project().claims().size());
        EXPECT_LT(r.to, project().claims().size());
    }
    expectLoadable();
    expectExactUndo();
}

TEST_F(DeletionTest, DeletingASourceDropsItsCitations)
{
    const std::uint32_t source = 0;
    std::size_t citing = 0;
    for (const Event &e : project().events()) {
        for (const Citation &c : project().citations(e.sources))
            citing += c.source == source ? 1 : 0;
    }
    ASSERT_GT(citing, 0u);
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Source, source}}, DeleteMode::Detach));
    for (const Event &e : project().events()) {
        for (const Citation &c : project().citations(e.sources))
            EXPECT_LT(c.source, project().sources().size());
    }
    expectLoadable();
    expectExactUndo();
}

TEST_F(DeletionTest, ReassigningAClaimMovesItsRelationsToTheOther)
{
    const std::uint32_t c91 = find("claim-91-drones", ItemKind::Claim);
    std::uint32_t answer = NoIndex;
    for (const Relation &r : project().relations()) {
        if (r.to == c91)
            answer = r.from;
    }
    ASSERT_NE(answer, NoIndex);
    const std::string answerId(project().view(project().claims()[answer].id));
    // Reassign to another Russian claim that nothing answers yet.
    std::uint32_t other = NoIndex;
    for (std::uint32_t c = 0; c < project().claims().size() && other == NoIndex; ++c) {
        if (c != c91 && c != answer && project().relationsAnswering(c).empty())
            other = c;
    }
    ASSERT_NE(other, NoIndex);
    const std::string otherId(project().view(project().claims()[other].id));
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Claim, c91}}, DeleteMode::Reassign, other));
    const std::uint32_t otherNow = project().find(otherId)->index;
    const std::uint32_t answerNow = project().find(answerId)->index;
    bool moved = false;
    for (const Relation &r : project().relations())
        moved = moved || (r.from == answerNow && r.to == otherNow);
    EXPECT_TRUE(moved);
    expectLoadable();
    expectExactUndo();
}

TEST_F(DeletionTest, ReassigningIsRefusedAcrossKindsOrToAnItemThatGoes)
{
    const std::uint32_t india = find("india", ItemKind::Party);
    const std::uint32_t modi = find("modi", ItemKind::Actor);
    EXPECT_FALSE(doc.deleteItems({{ItemKind::Party, india}, {ItemKind::Actor, modi}},
                                 DeleteMode::Reassign, 0));
    EXPECT_FALSE(doc.deleteItems({{ItemKind::Party, india}}, DeleteMode::Reassign, india));
    EXPECT_FALSE(doc.deleteItems({}, DeleteMode::Cascade));
    EXPECT_EQ(saved(), original);
}

TEST_F(DeletionTest, DeletingSeveralKindsAtOnceIsOneStep)
{
    const std::vector<ItemRef> items {{ItemKind::Party, find("india", ItemKind::Party)},
                                      {ItemKind::Question, find("q-scale", ItemKind::Question)},
                                      {ItemKind::Event, find("ev-odesa-strikes", ItemKind::Event)},
                                      {ItemKind::Claim, find("claim-91-drones", ItemKind::Claim)}};
    ASSERT_TRUE(doc.deleteItems(items, DeleteMode::Cascade));
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(doc.undoStack()->undoText().toStdString(), "Delete 4 items");
    expectLoadable();
    expectExactUndo();
    // Undo and redo again replay the same record.
    const std::string after = saved();
    doc.undoStack()->undo();
    doc.undoStack()->redo();
    EXPECT_EQ(saved(), after);
}

TEST_F(DeletionTest, AddingAnItemIsOneStepAndUndoTakesItBack)
{
    Event event;
    event.id = doc.addText(doc.uniqueId(ItemKind::Event, QStringLiteral("Strike on Kyiv")));
    event.title = doc.addText(QStringLiteral("Strike on Kyiv"));
    const std::uint32_t russia = find("russia", ItemKind::Party);
    event.parties = doc.addIndices(std::vector<std::uint32_t> {russia});
    event.when = FuzzyTime::fromDate(2026, 1, 2);
    const std::size_t events = project().events().size();
    const std::uint32_t index = doc.addEvent(event);
    ASSERT_EQ(index, events);
    EXPECT_TRUE(has("strike-on-kyiv"));
    EXPECT_EQ(doc.undoStack()->undoText().toStdString(), "Add event \u2018Strike on Kyiv\u2019");
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_TRUE(changes[0].inserted);
    EXPECT_EQ(changes[0].of(ItemKind::Event), std::vector<std::uint32_t> {index});
    expectLoadable();
    // The same id again is refused.
    EXPECT_EQ(doc.addEvent(event), NoIndex);
    doc.undoStack()->undo();
    EXPECT_FALSE(has("strike-on-kyiv"));
    EXPECT_EQ(saved(), original);
}

TEST_F(DeletionTest, UniqueIdsAreReadableAndFree)
{
    EXPECT_EQ(doc.uniqueId(ItemKind::Party, QStringLiteral("Russia")), QStringLiteral("russia-2"));
    EXPECT_EQ(doc.uniqueId(ItemKind::Claim, QStringLiteral("Lavrov: 91 drones!")),
              QStringLiteral("lavrov-91-drones"));
    EXPECT_EQ(doc.uniqueId(ItemKind::Event, QStringLiteral("Café à Kyiv")),
              QStringLiteral("cafe-a-kyiv"));
    EXPECT_EQ(doc.uniqueId(ItemKind::Event, QStringLiteral("Удар")), QStringLiteral("event-1"));
    EXPECT_EQ(doc.uniqueId(ItemKind::Question), QStringLiteral("question-1"));
}

TEST(StructureChange, RemapsIndicesPastRemovedAndInsertedItems)
{
    StructureChange removed;
    removed.items[std::size_t(ItemKind::Event)] = {2, 5};
    EXPECT_EQ(removed.remapped(ItemKind::Event, 1), 1u);
    EXPECT_EQ(removed.remapped(ItemKind::Event, 2), NoIndex);
    EXPECT_EQ(removed.remapped(ItemKind::Event, 4), 3u);
    EXPECT_EQ(removed.remapped(ItemKind::Event, 6), 4u);
    EXPECT_EQ(removed.remapped(ItemKind::Claim, 6), 6u);
    StructureChange inserted = removed;
    inserted.inserted = true;
    // Inverse of the removal for what stayed: 1→1, 3→4, 4→6.
    EXPECT_EQ(inserted.remapped(ItemKind::Event, 1), 1u);
    EXPECT_EQ(inserted.remapped(ItemKind::Event, 3), 4u);
    EXPECT_EQ(inserted.remapped(ItemKind::Event, 4), 6u);
}

TEST_F(DeletionTest, AProvisionalIdFollowsTheNameUntilSaved)
{
    Party party;
    party.id = doc.addText(doc.uniqueId(ItemKind::Party, QStringLiteral("New party")));
    party.name = doc.addText(QStringLiteral("New party"));
    const std::uint32_t index = doc.addParty(party);
    ASSERT_NE(index, NoIndex);
    EXPECT_TRUE(has("new-party"));
    const auto rename = [&](const QString &name) {
        Party after = project().parties()[index];
        after.name = doc.addText(name);
        after.id = doc.idFollowingName({ItemKind::Party, index}, name);
        doc.edit(index, after, QStringLiteral("Change name"), Document::Field::Name);
    };
    rename(QStringLiteral("Belarus"));
    EXPECT_FALSE(has("new-party"));
    EXPECT_EQ(*project().find("belarus"), (ItemRef {ItemKind::Party, index}));
    // Its own id is no reason to add "-2"; another item's is.
    rename(QStringLiteral("Belarus "));
    EXPECT_TRUE(has("belarus"));
    rename(QStringLiteral("Russia"));
    EXPECT_EQ(*project().find("russia-2"), (ItemRef {ItemKind::Party, index}));
    EXPECT_EQ(project().find("russia")->index, find("russia", ItemKind::Party));
    // Undo puts the id back (typing merged into one step).
    doc.undoStack()->undo();
    EXPECT_TRUE(has("new-party"));
    EXPECT_FALSE(has("russia-2"));
    doc.undoStack()->redo();
    EXPECT_TRUE(has("russia-2"));
    // An id from the file never follows.
    const std::uint32_t india = find("india", ItemKind::Party);
    EXPECT_EQ(doc.idFollowingName({ItemKind::Party, india}, QStringLiteral("Bharat")),
              project().parties()[india].id);
    // Nor does it once saved.
    QTemporaryDir dir;
    ASSERT_TRUE(doc.save(dir.filePath(QStringLiteral("p.claimline"))).isEmpty());
    EXPECT_EQ(doc.idFollowingName({ItemKind::Party, index}, QStringLiteral("Belarus")),
              project().parties()[index].id);
}

// A deletion sorted the time indexes of a million items again; they now follow the
// renumbering. After each deletion, addition, undo and redo they must be exactly what a fresh
// build of the project makes, with the party and question of every claim.
TEST_F(DeletionTest, TheTimeIndexesFollowEveryChangeOfWhatExists)
{
    const auto expectFresh = [this](const char *when) {
        const Project fresh = project().clone();
        const auto same = [&](const IntervalIndex &kept, const IntervalIndex &built) {
            EXPECT_TRUE(std::ranges::equal(kept.idsByStart(), built.idsByStart())) << when;
            EXPECT_TRUE(std::ranges::equal(kept.starts(), built.starts())) << when;
            EXPECT_TRUE(std::ranges::equal(kept.ends(), built.ends())) << when;
        };
        same(project().eventTimeIndex(), fresh.eventTimeIndex());
        same(project().claimTimeIndex(), fresh.claimTimeIndex());
        EXPECT_TRUE(std::ranges::equal(project().claimParties(), fresh.claimParties())) << when;
        EXPECT_TRUE(std::ranges::equal(project().claimQuestions(), fresh.claimQuestions())) << when;
        for (std::uint32_t c = 0; c < fresh.claims().size(); ++c) {
            EXPECT_TRUE(
                std::ranges::equal(project().relationsAnswering(c), fresh.relationsAnswering(c)))
                << when << ", claim " << c;
            EXPECT_TRUE(std::ranges::equal(project().relationsFrom(c), fresh.relationsFrom(c)))
                << when << ", claim " << c;
        }
        for (std::uint32_t q = 0; q < fresh.questions().size(); ++q)
            EXPECT_TRUE(std::ranges::equal(project().claimsOn(q), fresh.claimsOn(q)))
                << when << ", question " << q;
    };
    expectFresh("loaded");
    // Events no claim is about, one after the other with no query between them: the claims'
    // indexes are kept through both.
    const auto withoutClaims = [this] {
        std::vector<bool> cited(project().events().size(), false);
        for (const Claim &claim : project().claims()) {
            if (claim.about != NoIndex)
                cited[claim.about] = true;
        }
        const auto it = std::find(cited.begin(), cited.end(), false);
        EXPECT_NE(it, cited.end());
        return std::uint32_t(it - cited.begin());
    };
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Event, withoutClaims()}}, DeleteMode::Cascade));
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Event, withoutClaims()}}, DeleteMode::Cascade));
    expectFresh("two events without claims deleted");
    // Then what the claims' indexes depend on: a question goes (its claims keep no question)
    // and one is added, each right after an event's deletion kept them.
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Event, withoutClaims()}}, DeleteMode::Cascade));
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Question, 0}}, DeleteMode::Detach));
    expectFresh("a question deleted");
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Event, withoutClaims()}}, DeleteMode::Cascade));
    Question question;
    question.id = doc.addText(doc.uniqueId(ItemKind::Question, QStringLiteral("Added")));
    question.text = doc.addText(QStringLiteral("Added?"));
    ASSERT_NE(doc.addQuestion(question), NoIndex);
    expectFresh("a question added");
    const std::uint32_t event = std::uint32_t(project().events().size() / 2);
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Event, event}}, DeleteMode::Cascade));
    expectFresh("an event deleted with its claims");
    ASSERT_TRUE(
        doc.deleteItems({{ItemKind::Party, find("russia", ItemKind::Party)}}, DeleteMode::Cascade));
    expectFresh("a party deleted with its claims");
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Claim, 0}}, DeleteMode::Cascade));
    expectFresh("a claim deleted");
    Event added;
    added.id = doc.addText(doc.uniqueId(ItemKind::Event, QStringLiteral("Added")));
    added.title = doc.addText(QStringLiteral("Added"));
    added.when = FuzzyTime::fromDate(2025, 12, 30);
    ASSERT_NE(doc.addEvent(added), NoIndex);
    expectFresh("an event added");
    for (int step = 0; step < 10; ++step) {
        doc.undoStack()->undo();
        expectFresh("undone");
    }
    EXPECT_EQ(saved(), original);
    for (int step = 0; step < 10; ++step) {
        doc.undoStack()->redo();
        expectFresh("redone");
    }
}
