// Positions (issue 16): one short position per question and party. The file's `positions`
// list is read with a problem for each mistake (pointer and plain words), written back in
// canonical form with unknown keys kept; Document::setPosition() is one undo step per real
// edit; deleting a question or a party takes its positions along and undo brings them back.

#include "document/deletion.h"
#include "document/document.h"
#include "projectreaderfixture.h"
#include "signalspy.h"
#include "testproject.h"

#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

// The base project with a second question and two positions.
json withPositions()
{
    json doc = base();
    doc["questions"].push_back({{"id", "q-scale"}, {"text", "How large was it?"}});
    doc["positions"] = json::array(
        {{{"question", "q-targeted"}, {"party", "russia"}, {"text", "Yes"}},
         {{"question", "q-targeted"}, {"party", "ukraine"}, {"text", "No"}, {"x-later", {1, 2}}},
         {{"question", "q-scale"}, {"party", "russia"}, {"text", "91 drones"}}});
    return doc;
}

// The positions as (question id, party id, text), in file order.
std::vector<std::tuple<std::string, std::string, std::string>> positionsOf(const Project &p)
{
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (const Position &position : p.positions()) {
        out.emplace_back(std::string(p.view(p.questions()[position.question].id)),
                         std::string(p.view(p.parties()[position.party].id)),
                         std::string(p.view(position.text)));
    }
    return out;
}

using Positions = std::vector<std::tuple<std::string, std::string, std::string>>;

} // namespace

// --- the file ---------------------------------------------------------------------------------

TEST(Positions, ReadAndFoundByQuestionAndParty)
{
    const LoadResult result = read(withPositions());
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Project &p = *result.project;
    EXPECT_EQ(positionsOf(p),
              (Positions {{"q-targeted", "russia", "Yes"},
                          {"q-targeted", "ukraine", "No"},
                          {"q-scale", "russia", "91 drones"}}));
    const std::uint32_t ukraine = indexOf(p, "ukraine", ItemKind::Party);
    const std::uint32_t scale = indexOf(p, "q-scale", ItemKind::Question);
    EXPECT_EQ(p.positionOf(0, ukraine), 1u);
    EXPECT_EQ(p.positionOf(scale, ukraine), NoIndex);
}

TEST(Positions, WrittenInCanonicalFormWithUnknownKeysKept)
{
    const LoadResult first = read(withPositions());
    ASSERT_TRUE(first.ok()) << describe(first.problems);
    const std::string saved = projectToString(*first.project);
    // After the relations, before the saved views; one per line, unknown keys after known.
    EXPECT_TRUE(contains(saved,
                         "  \"positions\": [\n"
                         "    {\"question\": \"q-targeted\", \"party\": \"russia\", "
                         "\"text\": \"Yes\"},\n"
                         "    {\"question\": \"q-targeted\", \"party\": \"ukraine\", "
                         "\"text\": \"No\", \"x-later\": [1, 2]},\n"))
        << saved;
    EXPECT_LT(saved.find("\"relations\""), saved.find("\"positions\""));
    EXPECT_LT(saved.find("\"positions\""), saved.find("\"views\""));
    const LoadResult second = readProject(saved);
    ASSERT_TRUE(second.ok()) << describe(second.problems);
    EXPECT_EQ(projectToString(*second.project), saved);
    EXPECT_EQ(positionsOf(*second.project), positionsOf(*first.project));
}

TEST(Positions, AFileWithoutThemHasAnEmptyList)
{
    const LoadResult result = read(base());
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_TRUE(result.project->positions().empty());
    EXPECT_TRUE(contains(projectToString(*result.project), "  \"positions\": [],\n"));
}

TEST(Positions, UnknownOrWrongReferencesNamed)
{
    json doc = withPositions();
    doc["/positions/0/question"_json_pointer] = "q-missing";
    doc["/positions/1/party"_json_pointer] = "lavrov";
    doc["/positions/2/question"_json_pointer] = "russia";
    EXPECT_TRUE(
        exactlyProblems(read(doc),
                        {{"/positions/0/question", "unknown question \"q-missing\""},
                         {"/positions/1/party", "\"lavrov\" is an actor, not a party"},
                         {"/positions/2/question", "\"russia\" is a party, not a question"}}));
}

TEST(Positions, TwoForOneCellIsAProblemNamingTheFirst)
{
    json doc = withPositions();
    doc["positions"].push_back({{"question", "q-targeted"}, {"party", "russia"}, {"text", "No"}});
    EXPECT_TRUE(onlyProblem(
        read(doc), "/positions/3",
        {"a second position of \"russia\" on \"q-targeted\"", "the first is /positions/0"}));
}

TEST(Positions, MissingFieldsWrongTypesAndEmptyText)
{
    json doc = withPositions();
    doc["/positions/0"_json_pointer] = {{"question", "q-targeted"}, {"text", "Yes"}};
    doc["/positions/1/text"_json_pointer] = 7;
    doc["/positions/2/text"_json_pointer] = "";
    EXPECT_TRUE(exactlyProblems(
        read(doc),
        {{"/positions/0", "missing required field \"party\""},
         {"/positions/1/text", "must be a string, not a number"},
         {"/positions/2/text", "a position's text cannot be empty (leave the position out)"}}));

    EXPECT_TRUE(onlyProblem(read(with("/positions", json::object())), "/positions",
                            {"must be an array, not an object"}));
    json notObject = withPositions();
    notObject["/positions/1"_json_pointer] = "russia: No";
    EXPECT_TRUE(onlyProblem(read(notObject), "/positions/1", {"must be an object, not a string"}));
}

// --- editing ----------------------------------------------------------------------------------

namespace {

class PositionEditing : public testing::Test
{
protected:
    void SetUp() override
    {
        LoadResult result = read(withPositions());
        ASSERT_TRUE(result.ok()) << describe(result.problems);
        doc.setProject(std::move(*result.project));
        original = projectToString(doc.project());
        russia = indexOf(doc.project(), "russia", ItemKind::Party);
        ukraine = indexOf(doc.project(), "ukraine", ItemKind::Party);
        targeted = indexOf(doc.project(), "q-targeted", ItemKind::Question);
        scale = indexOf(doc.project(), "q-scale", ItemKind::Question);
    }

    QString text(std::uint32_t question, std::uint32_t party) const
    {
        const Project &p = doc.project();
        const std::uint32_t i = p.positionOf(question, party);
        return i == NoIndex ? QString() : p.text(p.positions()[i].text);
    }
    std::string saved() const { return projectToString(doc.project()); }

    Document doc;
    std::string original;
    std::uint32_t russia = NoIndex, ukraine = NoIndex, targeted = NoIndex, scale = NoIndex;
};

} // namespace

TEST_F(PositionEditing, SetChangeAndClearAreOneUndoStepEach)
{
    SignalSpy changed(&doc, &Document::positionsChanged);
    QUndoStack *stack = doc.undoStack();

    ASSERT_TRUE(doc.setPosition(scale, ukraine, QStringLiteral("Denies the alleged operation")));
    EXPECT_EQ(text(scale, ukraine), QStringLiteral("Denies the alleged operation"));
    EXPECT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(),
              QStringLiteral("Set position of ‘Ukraine’ on ‘How large was it?’"));
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(changed.count(), 1u);

    ASSERT_TRUE(doc.setPosition(targeted, russia, QStringLiteral("  Yes,\n  deliberately ")));
    EXPECT_EQ(text(targeted, russia), QStringLiteral("Yes, deliberately")); // one line
    EXPECT_EQ(doc.project().positionOf(targeted, russia), 0u); // keeps its place in the file
    EXPECT_EQ(stack->undoText(),
              QStringLiteral("Change position of ‘Russia’ on ‘Did Ukraine target the residence?’"));

    ASSERT_TRUE(doc.setPosition(targeted, ukraine, QStringLiteral("   ")));
    EXPECT_EQ(doc.project().positionOf(targeted, ukraine), NoIndex);
    EXPECT_EQ(stack->undoText(),
              QStringLiteral("Clear position of ‘Ukraine’ on ‘Did Ukraine target the residence?’"));
    EXPECT_EQ(stack->count(), 3);
    EXPECT_EQ(changed.count(), 3u);

    // Undo puts the file back as it was, byte for byte; redo does it again.
    const std::string edited = saved();
    stack->undo();
    EXPECT_EQ(text(targeted, ukraine), QStringLiteral("No"));
    stack->undo();
    stack->undo();
    EXPECT_EQ(saved(), original);
    EXPECT_FALSE(doc.isModified());
    stack->redo();
    stack->redo();
    stack->redo();
    EXPECT_EQ(saved(), edited);
}

TEST_F(PositionEditing, NoStepWhenNothingChanges)
{
    SignalSpy changed(&doc, &Document::positionsChanged);
    EXPECT_FALSE(doc.setPosition(targeted, russia, QStringLiteral("Yes")));
    EXPECT_FALSE(doc.setPosition(targeted, russia, QStringLiteral(" Yes ")));
    EXPECT_FALSE(doc.setPosition(scale, ukraine, QString())); // nothing to clear
    EXPECT_FALSE(doc.setPosition(NoIndex, russia, QStringLiteral("Yes")));
    EXPECT_FALSE(doc.setPosition(targeted, 99, QStringLiteral("Yes")));
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(changed.count(), 0u);
}

// --- deleting what positions refer to ---------------------------------------------------------

TEST_F(PositionEditing, DeletingAQuestionTakesItsPositionsAndUndoBringsThemBack)
{
    SignalSpy changed(&doc, &Document::positionsChanged);
    SignalSpy structure(&doc, &Document::structureChanged);
    // q-targeted is the first question: the positions on q-scale shift to question 0.
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Question, targeted}}, DeleteMode::Detach));
    EXPECT_EQ(positionsOf(doc.project()), (Positions {{"q-scale", "russia", "91 drones"}}));
    EXPECT_EQ(doc.project().positions()[0].question, 0u);
    ASSERT_EQ(structure.count(), 1u);
    EXPECT_EQ(std::get<0>(structure.last()).positions, (std::vector<std::uint32_t> {0, 1}));
    EXPECT_EQ(changed.count(), 1u);
    EXPECT_TRUE(readProject(saved()).ok());

    const std::string after = saved();
    doc.undoStack()->undo();
    EXPECT_EQ(saved(), original);
    EXPECT_EQ(changed.count(), 2u);
    doc.undoStack()->redo();
    EXPECT_EQ(saved(), after);
}

TEST_F(PositionEditing, DeletingAPartyTakesItsPositionsAndUndoBringsThemBack)
{
    // Russia is the first party: Ukraine's position moves to party index 0.
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Party, russia}}, DeleteMode::Cascade));
    EXPECT_EQ(positionsOf(doc.project()), (Positions {{"q-targeted", "ukraine", "No"}}));
    EXPECT_EQ(doc.project().positions()[0].party, 0u);
    // Its unknown keys stay with it.
    EXPECT_TRUE(contains(saved(), "\"text\": \"No\", \"x-later\": [1, 2]}"));
    EXPECT_TRUE(readProject(saved()).ok());
    doc.undoStack()->undo();
    EXPECT_EQ(saved(), original);
}

TEST_F(PositionEditing, ReassigningAPartyMovesItsPositionsWhereTheCellIsFree)
{
    // Russia's positions go to Ukraine: on q-scale the cell is free, on q-targeted Ukraine's
    // own "No" stays and Russia's "Yes" goes.
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Party, russia}}, DeleteMode::Reassign, ukraine));
    EXPECT_EQ(positionsOf(doc.project()),
              (Positions {{"q-targeted", "ukraine", "No"}, {"q-scale", "ukraine", "91 drones"}}));
    EXPECT_TRUE(readProject(saved()).ok());
    doc.undoStack()->undo();
    EXPECT_EQ(saved(), original);
}

TEST_F(PositionEditing, AnEditAfterADeletionUndoesInOrder)
{
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Party, russia}}, DeleteMode::Cascade));
    const std::uint32_t ukraineNow = indexOf(doc.project(), "ukraine", ItemKind::Party);
    const std::uint32_t scaleNow = indexOf(doc.project(), "q-scale", ItemKind::Question);
    ASSERT_TRUE(doc.setPosition(scaleNow, ukraineNow, QStringLiteral("Denies it")));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    EXPECT_EQ(saved(), original);
    doc.undoStack()->redo();
    doc.undoStack()->redo();
    EXPECT_EQ(positionsOf(doc.project()),
              (Positions {{"q-targeted", "ukraine", "No"}, {"q-scale", "ukraine", "Denies it"}}));
}

// --- the sample -------------------------------------------------------------------------------

// Seed 001's "What each side is arguing" table, as the sample records it.
TEST(Positions, TheSampleHoldsSeed001sTable)
{
    const LoadResult result = loadProject(samplePath());
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Project &p = *result.project;
    const auto at = [&p](const char *question, const char *party) {
        const std::uint32_t i = p.positionOf(indexOf(p, question, ItemKind::Question),
                                             indexOf(p, party, ItemKind::Party));
        return i == NoIndex ? std::string() : std::string(p.view(p.positions()[i].text));
    };
    EXPECT_EQ(at("q-targeted", "russia"), "Yes");
    EXPECT_EQ(at("q-targeted", "ukraine"), "No");
    EXPECT_EQ(at("q-targeted", "united-states"),
              "U.S. says Ukraine did not target Putin/residences");
    EXPECT_EQ(at("q-targeted", "european-union"), ""); // the seed's cell names the U.S. alone
    EXPECT_EQ(at("q-scale", "russia"), "91 drones");
    EXPECT_EQ(at("q-scale", "ukraine"), "Denies the alleged operation");
    EXPECT_EQ(at("q-proof", "russia"), "Drone-debris footage and technical claims");
    EXPECT_EQ(at("q-proof", "ukraine"), "Calls the footage unconvincing");
    EXPECT_EQ(at("q-proof", "united-states"), "Public proof remains disputed");
    EXPECT_EQ(p.positions().size(), 11u); // and nothing the seed does not state
}
