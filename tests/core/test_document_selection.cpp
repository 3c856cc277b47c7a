// Selection: set, toggle and current item, each change emitted once and never looping.

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

// --- Selection ------------------------------------------------------------------------------

namespace {
const ItemRef EventA {ItemKind::Event, 1};
const ItemRef EventB {ItemKind::Event, 2};
const ItemRef ClaimC {ItemKind::Claim, 1}; // same index as EventA, another kind
} // namespace

TEST(Selection, SetItemsEmitsOnce)
{
    Selection selection;
    SignalSpy changed(&selection, &Selection::changed);
    EXPECT_TRUE(selection.isEmpty());
    selection.setItems({EventA, EventB});
    EXPECT_EQ(changed.count(), 1u);
    EXPECT_EQ(selection.items(), (std::vector<ItemRef> {EventA, EventB}));
    EXPECT_TRUE(selection.contains(EventA));
    EXPECT_FALSE(selection.contains(ClaimC));
    EXPECT_FALSE(selection.isEmpty());
    // The current item defaults to the last one.
    EXPECT_EQ(selection.current(), EventB);
}

TEST(Selection, SettingTheSameSelectionEmitsNothing)
{
    Selection selection;
    SignalSpy changed(&selection, &Selection::changed);
    selection.setItems({EventA, EventB}, EventA);
    selection.setItems({EventA, EventB}, EventA);
    selection.setItems({EventA, EventB, EventA}, EventA); // duplicates do not count
    EXPECT_EQ(changed.count(), 1u);
    EXPECT_EQ(selection.items().size(), 2u);
    // Another current item is a change.
    selection.setItems({EventA, EventB}, EventB);
    EXPECT_EQ(changed.count(), 2u);
    selection.clear();
    selection.clear();
    EXPECT_EQ(changed.count(), 3u);
    EXPECT_TRUE(selection.isEmpty());
    EXPECT_FALSE(selection.current().isValid());
}

TEST(Selection, LargeSelectionsKeepTheFirstOfEachItemInOrder)
{
    // A chart bar or a table range selects many items at once, some of them twice.
    std::vector<ItemRef> items;
    for (std::uint32_t i = 0; i < 200000; ++i)
        items.push_back({i % 2 ? ItemKind::Claim : ItemKind::Event, 199999 - i});
    items.push_back({ItemKind::Event, 199999}); // a duplicate of the first
    items.push_back({ItemKind::Claim, 7}); // not in the list yet
    Selection selection;
    selection.setItems(items);
    ASSERT_EQ(selection.items().size(), 200001u);
    EXPECT_EQ(selection.items().front(), (ItemRef {ItemKind::Event, 199999}));
    EXPECT_EQ(selection.items()[1], (ItemRef {ItemKind::Claim, 199998}));
    EXPECT_EQ(selection.items().back(), (ItemRef {ItemKind::Claim, 7}));
    EXPECT_TRUE(selection.contains({ItemKind::Claim, 0}));
    EXPECT_FALSE(selection.contains({ItemKind::Event, 0}));
    EXPECT_TRUE(selection.contains({ItemKind::Claim, 7}));
    EXPECT_FALSE(selection.contains({ItemKind::Event, 200000}));
}

TEST(Selection, ViewsEchoingTheSelectionDoNotLoop)
{
    Selection selection;
    int echoes = 0;
    // Two views that each push back what they see when the selection changes.
    QObject::connect(&selection, &Selection::changed, [&] {
        ++echoes;
        ASSERT_LT(echoes, 10);
        selection.setItems(selection.items(), selection.current());
    });
    QObject::connect(&selection, &Selection::changed, [&] {
        selection.setItems(std::vector<ItemRef>(selection.items()), selection.current());
    });
    selection.select(ClaimC);
    EXPECT_EQ(echoes, 1);
    EXPECT_EQ(selection.current(), ClaimC);
}

TEST(Selection, ToggleAndCurrent)
{
    Selection selection;
    SignalSpy changed(&selection, &Selection::changed);
    selection.select(EventA);
    EXPECT_EQ(selection.current(), EventA);
    selection.toggle(EventB);
    EXPECT_EQ(selection.items(), (std::vector<ItemRef> {EventA, EventB}));
    EXPECT_EQ(selection.current(), EventB);
    selection.toggle(ClaimC);
    EXPECT_EQ(selection.items().size(), 3u);
    EXPECT_EQ(selection.current(), ClaimC);
    selection.toggle(ClaimC);
    EXPECT_EQ(selection.items(), (std::vector<ItemRef> {EventA, EventB}));
    EXPECT_FALSE(selection.contains(ClaimC));
    // The current item is still one of the selected ones.
    EXPECT_TRUE(selection.contains(selection.current()));
    EXPECT_EQ(selection.current(), EventB);
    // Removing an item that is not current keeps the current one.
    selection.toggle(EventA);
    EXPECT_EQ(selection.current(), EventB);
    selection.toggle(EventA); // adding makes it current
    EXPECT_EQ(selection.current(), EventA);
    selection.toggle(EventB);
    EXPECT_EQ(selection.current(), EventA);
    selection.toggle(EventA);
    EXPECT_TRUE(selection.isEmpty());
    EXPECT_FALSE(selection.current().isValid());
    EXPECT_EQ(changed.count(), 8u);
}

TEST(Selection, ItemsNamingNothingAreDropped)
{
    Selection selection;
    selection.setItems(
        {{ItemKind::Event, 3}, ItemRef {}, {ItemKind::Party, 1}, {ItemKind::Event, 3}});
    ASSERT_EQ(selection.items().size(), 2u);
    EXPECT_TRUE(selection.contains({ItemKind::Party, 1}));
    EXPECT_TRUE(selection.contains({ItemKind::Event, 3}));
    EXPECT_FALSE(selection.contains({ItemKind::Claim, 3}));
    EXPECT_FALSE(selection.contains(ItemRef {}));
}
