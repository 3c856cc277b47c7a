// Filter: each setter emits only on a change, updates coalesce, and what it hides.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "format/projectreader.h"
#include "signalspy.h"
#include "testproject.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUndoStack>

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

using namespace claimline;
using test::indexOf;
using test::SignalSpy;
using test::wordIndex;

// --- Filter -------------------------------------------------------------------------------

namespace {

class FilterTest : public testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        LoadResult result = loadProject(test::samplePath());
        ASSERT_TRUE(result.ok());
        s_project.emplace(std::move(*result.project));
    }
    static void TearDownTestSuite() { s_project.reset(); }

    const Project &p() const { return *s_project; }
    std::uint32_t event(std::string_view id) const { return indexOf(p(), id, ItemKind::Event); }
    std::uint32_t claim(std::string_view id) const { return indexOf(p(), id, ItemKind::Claim); }
    std::uint32_t party(std::string_view id) const { return indexOf(p(), id, ItemKind::Party); }

    Filter filter;

private:
    static std::optional<Project> s_project;
};

std::optional<Project> FilterTest::s_project;

} // namespace

TEST_F(FilterTest, EachSetterEmitsOnlyOnChange)
{
    SignalSpy changed(&filter, &Filter::changed);
    EXPECT_FALSE(filter.isActive());

    filter.setPartyHidden(party("russia"), true);
    filter.setPartyHidden(party("russia"), true);
    EXPECT_EQ(changed.count(), 1u);
    filter.setPartyHidden(party("russia"), false);
    filter.setPartyHidden(party("russia"), false);
    filter.setPartyHidden(party("ukraine"), false); // was not hidden
    EXPECT_EQ(changed.count(), 2u);

    filter.setStatusShown(Status::Refuted, false);
    filter.setStatusShown(Status::Refuted, false);
    EXPECT_EQ(changed.count(), 3u);
    EXPECT_FALSE(filter.isStatusShown(Status::Refuted));
    EXPECT_TRUE(filter.isStatusShown(Status::Disputed));
    filter.setStatusShown(Status::Disputed, true); // already shown
    EXPECT_EQ(changed.count(), 3u);

    filter.setTags({1, 2});
    filter.setTags({2, 1});
    EXPECT_EQ(changed.count(), 4u);

    filter.setTextQuery(QStringLiteral("drones"));
    filter.setTextQuery(QStringLiteral("drones"));
    EXPECT_EQ(changed.count(), 5u);
    EXPECT_EQ(filter.textQuery(), QStringLiteral("drones"));

    EXPECT_TRUE(filter.isActive());
    filter.clear();
    EXPECT_EQ(changed.count(), 6u);
    EXPECT_FALSE(filter.isActive());
    filter.clear();
    EXPECT_EQ(changed.count(), 6u);
    EXPECT_TRUE(filter.textQuery().isEmpty());
    EXPECT_TRUE(filter.tags().empty());
    EXPECT_TRUE(filter.hiddenParties().empty());
}

TEST_F(FilterTest, UpdatesCoalesceIntoOneChange)
{
    SignalSpy changed(&filter, &Filter::changed);
    filter.beginUpdate();
    filter.setPartyHidden(party("russia"), true);
    filter.setPartyHidden(party("ukraine"), true);
    filter.beginUpdate(); // nested
    filter.setStatusShown(Status::Retracted, false);
    filter.setTextQuery(QStringLiteral("x"));
    filter.endUpdate();
    EXPECT_EQ(changed.count(), 0u);
    filter.endUpdate();
    EXPECT_EQ(changed.count(), 1u);

    // A burst that changes nothing emits nothing.
    filter.beginUpdate();
    filter.setPartyHidden(party("russia"), true);
    filter.setTextQuery(QStringLiteral("x"));
    filter.endUpdate();
    EXPECT_EQ(changed.count(), 1u);

    // After the burst, setters emit directly again.
    filter.setTextQuery(QStringLiteral("y"));
    EXPECT_EQ(changed.count(), 2u);
}

TEST_F(FilterTest, EventHiddenOnlyWhenAllItsPartiesAreHidden)
{
    const std::uint32_t drones = event("ev-residence-drones"); // Russia and Ukraine
    const std::uint32_t modi = event("ev-modi-reaction"); // India only
    EXPECT_TRUE(filter.acceptsEvent(p(), drones));
    filter.setPartyHidden(party("russia"), true);
    EXPECT_TRUE(filter.acceptsEvent(p(), drones));
    EXPECT_TRUE(filter.acceptsEvent(p(), modi));
    filter.setPartyHidden(party("ukraine"), true);
    EXPECT_FALSE(filter.acceptsEvent(p(), drones));
    EXPECT_TRUE(filter.acceptsEvent(p(), modi));
    filter.setPartyHidden(party("india"), true);
    EXPECT_FALSE(filter.acceptsEvent(p(), modi));
    filter.setPartyHidden(party("russia"), false);
    EXPECT_TRUE(filter.acceptsEvent(p(), drones));
}

TEST_F(FilterTest, ClaimHiddenWithItsParty)
{
    const std::uint32_t c91 = claim("claim-91-drones"); // Lavrov: Russia
    const std::uint32_t fabrication = claim("claim-fabrication"); // Zelenskyy: Ukraine
    const std::uint32_t flightData = claim("claim-flight-data"); // Russia itself
    filter.setPartyHidden(party("russia"), true);
    EXPECT_FALSE(filter.acceptsClaim(p(), c91));
    EXPECT_FALSE(filter.acceptsClaim(p(), flightData));
    EXPECT_TRUE(filter.acceptsClaim(p(), fabrication));
}

TEST_F(FilterTest, Statuses)
{
    const std::uint32_t drones = event("ev-residence-drones"); // disputed
    const std::uint32_t meeting = event("ev-mar-a-lago-meeting"); // corroborated
    const std::uint32_t c91 = claim("claim-91-drones"); // disputed
    const std::uint32_t kallas = claim("claim-kallas-distraction"); // unverified
    filter.setStatusShown(Status::Disputed, false);
    EXPECT_FALSE(filter.acceptsEvent(p(), drones));
    EXPECT_TRUE(filter.acceptsEvent(p(), meeting));
    EXPECT_FALSE(filter.acceptsClaim(p(), c91));
    EXPECT_TRUE(filter.acceptsClaim(p(), kallas));
    filter.setStatusShown(Status::Unverified, false);
    EXPECT_FALSE(filter.acceptsClaim(p(), kallas));
    filter.setStatusShown(Status::Disputed, true);
    EXPECT_TRUE(filter.acceptsEvent(p(), drones));
    EXPECT_TRUE(filter.acceptsClaim(p(), c91));
}

TEST_F(FilterTest, Tags)
{
    const std::uint32_t drones = event("ev-residence-drones"); // allegation drones residence ...
    const std::uint32_t meeting = event("ev-mar-a-lago-meeting"); // peace-talks
    const std::uint32_t drones91 = claim("claim-91-drones"); // about ev-residence-drones
    const std::uint32_t talks = claim("claim-90-percent"); // about the press conference
    filter.setTags({wordIndex(p(), "drones")});
    EXPECT_TRUE(filter.acceptsEvent(p(), drones));
    EXPECT_FALSE(filter.acceptsEvent(p(), meeting));
    EXPECT_TRUE(filter.acceptsClaim(p(), drones91));
    EXPECT_FALSE(filter.acceptsClaim(p(), talks));
    // Every tag is required.
    filter.setTags({wordIndex(p(), "drones"), wordIndex(p(), "residence")});
    EXPECT_TRUE(filter.acceptsEvent(p(), drones));
    filter.setTags({wordIndex(p(), "drones"), wordIndex(p(), "peace-talks")});
    EXPECT_FALSE(filter.acceptsEvent(p(), drones));
    EXPECT_FALSE(filter.acceptsEvent(p(), meeting));
    filter.setTags({wordIndex(p(), "peace-talks")});
    EXPECT_TRUE(filter.acceptsEvent(p(), meeting));
    EXPECT_TRUE(filter.acceptsClaim(p(), talks));
}

TEST_F(FilterTest, TextQueryIsCaseInsensitive)
{
    const std::uint32_t drones = event("ev-residence-drones");
    const std::uint32_t meeting = event("ev-mar-a-lago-meeting");
    filter.setTextQuery(QStringLiteral("NOVGOROD"));
    EXPECT_TRUE(filter.acceptsEvent(p(), drones)); // in the title
    EXPECT_FALSE(filter.acceptsEvent(p(), meeting));
    filter.setTextQuery(QStringLiteral("  dolgiye BORODY "));
    EXPECT_TRUE(filter.acceptsEvent(p(), drones)); // in the location, query trimmed
    filter.setTextQuery(QStringLiteral("three hours"));
    EXPECT_TRUE(filter.acceptsEvent(p(), meeting)); // in the summary
    EXPECT_FALSE(filter.acceptsEvent(p(), drones));

    const std::uint32_t fabrication = claim("claim-fabrication");
    const std::uint32_t c91 = claim("claim-91-drones");
    filter.setTextQuery(QStringLiteral("COMPLETE fabrication"));
    EXPECT_TRUE(filter.acceptsClaim(p(), fabrication)); // in the quote
    EXPECT_FALSE(filter.acceptsClaim(p(), c91));
    filter.setTextQuery(QStringLiteral("sergei"));
    EXPECT_TRUE(filter.acceptsClaim(p(), c91)); // the claimant's name
    EXPECT_FALSE(filter.acceptsClaim(p(), fabrication));
    filter.setTextQuery(QStringLiteral("   "));
    EXPECT_FALSE(filter.isActive());
    EXPECT_TRUE(filter.acceptsClaim(p(), fabrication));
    EXPECT_TRUE(filter.acceptsEvent(p(), meeting));
}

TEST_F(FilterTest, ClearEmptiesABlankQuery)
{
    filter.setTextQuery(QStringLiteral("   "));
    SignalSpy changed(&filter, &Filter::changed);
    filter.clear();
    EXPECT_TRUE(filter.textQuery().isEmpty());
    EXPECT_EQ(changed.count(), 1u);
    filter.clear();
    EXPECT_EQ(changed.count(), 1u);
}
