// PartyMappingModel: the import wizard's party step as a model. Presets from the project's
// parties and its remembered party map (followed to where it ends, circles broken), rows that
// join another row's new party follow it, and the map handed to the import holds only what
// the user chose. Every model runs under QAbstractItemModelTester.

#include "import/partymap.h"
#include "import/partymappingmodel.h"
#include "model/project.h"
#include "testproject.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using namespace claimline;

namespace {

using Target = PartyMappingModel::Target;
using Kind = PartyMappingModel::Target::Kind;

// A project with one party, Russia (id "russia").
Project projectWithRussia()
{
    Project project;
    Party russia;
    russia.id = project.addText(std::string_view("russia"));
    russia.name = project.addText(std::string_view("Russia"));
    project.parties().push_back(russia);
    EXPECT_FALSE(project.registerId({ItemKind::Party, 0}));
    return project;
}

} // namespace

TEST(PartyMappingModel, RowsFollowTheNewPartyTheyJoinedAndTheMapHoldsOnlyChoices)
{
    Project project = projectWithRussia();
    std::vector<ImportSurvey::PartyName> names {{"Military Forces of Russia (2000-)", 40},
                                                {"Wagner Group", 12},
                                                {"Wagner PMC", 3},
                                                {"russia", 1}};
    PartyMappingModel model(project, names);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // A name that is a party's id, name or short name (whatever the case) is that party.
    EXPECT_EQ(model.target(3), (Target {Kind::Party, 0, {}}));
    EXPECT_EQ(model.target(1).kind, Kind::OwnNew);
    // Nothing chosen: nothing to remember.
    EXPECT_TRUE(model.partyMap().isEmpty());

    // "Wagner PMC" joins the new party "Wagner Group".
    model.setTarget(2, {Kind::Row, 1, {}});
    EXPECT_EQ(model.label(model.target(2), 2), QStringLiteral("New party “Wagner Group”"));
    EXPECT_EQ(model.newParties(), 2);
    // Wagner Group goes to Russia after all: Wagner PMC follows it.
    model.setTarget(1, {Kind::Party, 0, {}});
    EXPECT_EQ(model.target(2), (Target {Kind::Party, 0, {}}));
    // Joining a row that is not a new party joins where it goes.
    model.setTarget(0, {Kind::Row, 2, {}});
    EXPECT_EQ(model.target(0), (Target {Kind::Party, 0, {}}));
    EXPECT_EQ(model.newParties(), 0);
    EXPECT_EQ(model.existingPartyRows(), 4);
    const PartyMap map = model.partyMap();
    EXPECT_EQ(map.entries().size(), 3U);
    EXPECT_EQ(map.target("Wagner PMC"), std::optional<std::string_view>("russia"));
    EXPECT_FALSE(map.target("russia").has_value());
    // The row's own list offers the other new parties, never itself.
    model.setTarget(1, {});
    const auto choices = model.choices(0);
    EXPECT_NE(std::find(choices.begin(), choices.end(), Target {Kind::Row, 1, {}}), choices.end());
    EXPECT_EQ(std::find(choices.begin(), choices.end(), Target {Kind::Row, 0, {}}), choices.end());
}

TEST(PartyMappingModel, ARememberedMapIsFollowedToWhereItEnds)
{
    Project project = projectWithRussia();
    PartyMap remembered;
    remembered.set("A", "B"); // a name of the list that goes on to Russia
    remembered.set("B", "Russia");
    remembered.set("C", "D"); // a circle: C and D end in one new party
    remembered.set("D", "C");
    remembered.set("E", "Someone New");
    remembered.storeIn(project);
    PartyMappingModel model(project, {{"A", 5}, {"B", 4}, {"C", 3}, {"D", 2}, {"E", 1}});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.target(0), (Target {Kind::Party, 0, {}}));
    EXPECT_EQ(model.target(1), (Target {Kind::Party, 0, {}}));
    EXPECT_NE(model.target(2).kind, Kind::Party);
    EXPECT_EQ(model.target(4), (Target {Kind::Named, NoIndex, QStringLiteral("Someone New")}));
    EXPECT_EQ(model.label(model.target(4), 4), QStringLiteral("New party “Someone New”"));
    // What was remembered stays remembered: nothing new to store for those.
    EXPECT_FALSE(model.partyMap().target("E").has_value());
    EXPECT_FALSE(model.partyMap().target("B").has_value());
}
