// FilterFacts: the filter panel's tag counts and date range, followed through deletions,
// additions and their undo by the items that moved. After every step they must be what a
// fresh count of the project gives; a step that changes more than events and claims is
// refused, so the panel counts again.

#include "document/document.h"
#include "document/structurechange.h"
#include "present/filterfacts.h"
#include "testproject.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QObject>
#include <QUndoStack>

#include <algorithm>
#include <limits>
#include <vector>

using namespace claimline;

namespace {

class FilterFactsTest : public testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(doc.load(test::samplePath()).empty());
        facts.count(doc.project());
        QObject::connect(&doc, &Document::structureChanged, [this](const StructureChange &change) {
            followed = facts.follow(doc.project(), change);
            if (!followed)
                facts.count(doc.project());
        });
    }

    testing::AssertionResult asCounted() const
    {
        FilterFacts fresh;
        fresh.count(doc.project());
        const auto kept = facts.tagCounts();
        const auto counted = fresh.tagCounts();
        // Words added since are counted as zero until an event carries them.
        const bool tagsSame = std::equal(counted.begin(), counted.end(), kept.begin(), kept.end());
        if (tagsSame && facts.first() == fresh.first() && facts.last() == fresh.last())
            return testing::AssertionSuccess();
        return testing::AssertionFailure()
            << "tags " << (tagsSame ? "same" : "differ") << ", first " << facts.first() << " vs "
            << fresh.first() << ", last " << facts.last() << " vs " << fresh.last();
    }

    // The event carrying the most tags, and the item that ends last.
    std::uint32_t mostTagged() const
    {
        const auto &events = doc.project().events();
        const auto it
            = std::max_element(events.begin(), events.end(), [&](const auto &a, const auto &b) {
                  return a.tags.count < b.tags.count;
              });
        return std::uint32_t(it - events.begin());
    }
    ItemRef lastToEnd() const
    {
        const Project &p = doc.project();
        ItemRef last {ItemKind::Event, NoIndex};
        std::int64_t end = std::numeric_limits<std::int64_t>::min();
        for (std::uint32_t e = 0; e < p.events().size(); ++e) {
            if (p.events()[e].when.end() != FuzzyTime::OpenEnd && p.events()[e].when.end() > end) {
                end = p.events()[e].when.end();
                last = {ItemKind::Event, e};
            }
        }
        for (std::uint32_t c = 0; c < p.claims().size(); ++c) {
            if (p.claims()[c].madeAt.end() != FuzzyTime::OpenEnd
                && p.claims()[c].madeAt.end() > end) {
                end = p.claims()[c].madeAt.end();
                last = {ItemKind::Claim, c};
            }
        }
        return last;
    }

    Document doc;
    FilterFacts facts;
    bool followed = false;
};

} // namespace

TEST_F(FilterFactsTest, FollowingDeletionsAndUndoMatchesAFreshCount)
{
    const std::uint32_t tagged = mostTagged();
    ASSERT_GT(doc.project().events()[tagged].tags.count, 0u);
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Event, tagged}}, DeleteMode::Cascade));
    EXPECT_TRUE(followed);
    EXPECT_TRUE(asCounted()) << "the most tagged event deleted";

    const ItemRef last = lastToEnd();
    ASSERT_NE(last.index, NoIndex);
    ASSERT_TRUE(doc.deleteItems({last}, DeleteMode::Cascade));
    EXPECT_TRUE(asCounted()) << "the item that ends last deleted";

    // A party's deletion rewrites events of several parties: counted again.
    ASSERT_TRUE(doc.deleteItems({{ItemKind::Party, 0}}, DeleteMode::Cascade));
    EXPECT_FALSE(followed);
    EXPECT_TRUE(asCounted()) << "a party deleted";

    Event added;
    added.id = doc.addText(doc.uniqueId(ItemKind::Event, QStringLiteral("Added")));
    added.title = doc.addText(QStringLiteral("Added"));
    added.when = FuzzyTime::fromDate(2031, 1, 1);
    const std::uint32_t word = doc.internWord("added-tag");
    added.tags = doc.addIndices(std::vector<std::uint32_t> {word});
    ASSERT_NE(doc.addEvent(added), NoIndex);
    EXPECT_TRUE(followed);
    EXPECT_TRUE(asCounted()) << "an event with a new tag, the last, added";
    EXPECT_EQ(facts.tagCounts()[word], 1);

    for (int step = 0; step < 4; ++step) {
        doc.undoStack()->undo();
        EXPECT_TRUE(asCounted()) << "undo " << step;
    }
    for (int step = 0; step < 4; ++step) {
        doc.undoStack()->redo();
        EXPECT_TRUE(asCounted()) << "redo " << step;
    }
}
