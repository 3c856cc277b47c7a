// Party lookup: a party named by its id, name or short name, whatever the case and the spaces
// around it; two parties answering to one name, or none, are refused with the candidates named.

#include "model/partylookup.h"

#include "format/projectreader.h"
#include "model/project.h"
#include "testproject.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <optional>

using namespace claimline;
using test::indexOf;

namespace {

// "us" is one party's id and another's short name; "Ministry of Defence" is two parties' name.
const char *const Parties = R"({"format": "claimline", "version": 1, "parties": [
    {"id": "russia", "name": "Russia", "short": "RU"},
    {"id": "united-states", "name": "United States", "short": "US"},
    {"id": "us", "name": "Uncle Sam Fan Club"},
    {"id": "mod-uk", "name": "Ministry of Defence"},
    {"id": "mod-ru", "name": "Ministry  of Defence "},
    {"id": "bare", "name": "bare"}
]})";

class PartyLookupTest : public testing::Test
{
protected:
    void SetUp() override
    {
        LoadResult result = readProject(Parties);
        ASSERT_TRUE(result.ok()) << (result.problems.empty()
                                         ? std::string()
                                         : result.problems.front().toString().toStdString());
        m_project.emplace(std::move(*result.project));
    }
    const Project &p() const { return *m_project; }
    std::uint32_t party(std::string_view id) const { return indexOf(p(), id, ItemKind::Party); }
    std::uint32_t found(const char *text) const
    {
        const PartyLookup lookup = lookUpParty(p(), QString::fromUtf8(text));
        EXPECT_TRUE(lookup.ok()) << text << ": " << lookup.error.toStdString();
        EXPECT_TRUE(lookup.error.isEmpty()) << text;
        return lookup.party;
    }
    QString refused(const char *text) const
    {
        const PartyLookup lookup = lookUpParty(p(), QString::fromUtf8(text));
        EXPECT_FALSE(lookup.ok()) << text;
        EXPECT_EQ(lookup.party, NoIndex) << text;
        EXPECT_FALSE(lookup.error.isEmpty()) << text;
        return lookup.error;
    }

private:
    std::optional<Project> m_project;
};

} // namespace

TEST_F(PartyLookupTest, ById)
{
    EXPECT_EQ(found("russia"), party("russia"));
    EXPECT_EQ(found("united-states"), party("united-states"));
    EXPECT_EQ(found("bare"), party("bare"));
}

TEST_F(PartyLookupTest, ByNameAndShortName)
{
    EXPECT_EQ(found("Russia"), party("russia"));
    EXPECT_EQ(found("RU"), party("russia"));
    EXPECT_EQ(found("United States"), party("united-states"));
    EXPECT_EQ(found("Uncle Sam Fan Club"), party("us"));
}

TEST_F(PartyLookupTest, IgnoresCaseAndSurroundingSpace)
{
    EXPECT_EQ(found("RUSSIA"), party("russia"));
    EXPECT_EQ(found("ru"), party("russia"));
    EXPECT_EQ(found("  united states\t"), party("united-states"));
    EXPECT_EQ(found("united   States"), party("united-states"));
    EXPECT_EQ(found("UNITED-STATES"), party("united-states"));
}

TEST_F(PartyLookupTest, AnExactIdWinsOverAnotherPartysShortName)
{
    // "us" is the id of the fan club and the short name of the United States: scripts that
    // name ids keep working.
    EXPECT_EQ(found("us"), party("us"));
    // Not exact: "US" answers to both, and neither is preferred.
    const QString error = refused("US");
    EXPECT_TRUE(error.contains(QStringLiteral("United States (united-states)")))
        << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("Uncle Sam Fan Club (us)"))) << error.toStdString();
}

TEST_F(PartyLookupTest, AmbiguousNamesAreRefusedNamingTheCandidates)
{
    const QString error = refused("ministry of defence");
    EXPECT_EQ(error,
              QStringLiteral("\"ministry of defence\" names more than one party: Ministry "
                             "of Defence (mod-uk), Ministry of Defence (mod-ru); name one "
                             "by its id"));
    // Their ids are unambiguous.
    EXPECT_EQ(found("mod-ru"), party("mod-ru"));
}

TEST_F(PartyLookupTest, UnknownAndEmptyAreRefusedListingTheParties)
{
    const QString list = QStringLiteral(
        "Russia (russia), United States (united-states), Uncle Sam Fan Club (us), Ministry of "
        "Defence (mod-uk), Ministry of Defence (mod-ru), bare");
    EXPECT_EQ(refused("Nobody"),
              QStringLiteral("\"Nobody\" is not a party of the project (parties: ") + list + u')');
    EXPECT_EQ(refused("   "), QStringLiteral("no party named (parties: ") + list + u')');
    // Part of a name is not the name.
    refused("Russ");
    refused("United");
}

TEST_F(PartyLookupTest, OnlyPartiesAreFound)
{
    LoadResult result = readProject(R"({"format": "claimline", "version": 1,
        "parties": [{"id": "russia", "name": "Russia"}],
        "actors": [{"id": "lavrov", "name": "Sergei Lavrov", "party": "russia"}]})");
    ASSERT_TRUE(result.ok());
    EXPECT_FALSE(lookUpParty(*result.project, QStringLiteral("lavrov")).ok());
    EXPECT_FALSE(lookUpParty(*result.project, QStringLiteral("Sergei Lavrov")).ok());
}

TEST_F(PartyLookupTest, HiddenCharactersInTheMessageAreShownNotObeyed)
{
    const QString error = refused("Rus\u202Esia");
    EXPECT_FALSE(error.contains(QChar(0x202E)));
    EXPECT_TRUE(error.contains(QStringLiteral("U+202E"))) << error.toStdString();
}

TEST(PartyLookup, AProjectWithoutParties)
{
    const Project empty;
    const PartyLookup lookup = lookUpParty(empty, QStringLiteral("Russia"));
    EXPECT_FALSE(lookup.ok());
    EXPECT_EQ(lookup.error,
              QStringLiteral("\"Russia\" is not a party of the project (parties: none)"));
}
