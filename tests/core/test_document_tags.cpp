// Document::setTags: the Inspector's Tags field with several events selected. A tag added is
// added to every event, a tag removed is removed from every one, each event keeps its other
// tags; one undo step, and undo gives each event back its own tags exactly.

#include "document/document.h"
#include "signalspy.h"
#include "testproject.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QUndoStack>

#include <string>
#include <vector>

using namespace claimline;
using test::indexOf;
using test::SignalSpy;

namespace {

class DocumentTagsTest : public testing::Test
{
protected:
    std::vector<std::string> tags(std::uint32_t event) const
    {
        std::vector<std::string> words;
        for (const std::uint32_t word : doc.project().indices(doc.project().events()[event].tags))
            words.emplace_back(doc.project().word(word));
        return words;
    }

    std::vector<ItemRef> refs() const
    {
        std::vector<ItemRef> items;
        for (const std::uint32_t event : events)
            items.push_back({ItemKind::Event, event});
        return items;
    }

    void SetUp() override
    {
        ASSERT_TRUE(doc.load(test::samplePath()).empty());
        for (const char *id : {"ev-residence-drones", "ev-mod-video", "ev-odesa-strikes"})
            events.push_back(indexOf(doc.project(), id, ItemKind::Event));
    }

    Document doc;
    std::vector<std::uint32_t> events;
};

using Words = std::vector<std::string>;

TEST_F(DocumentTagsTest, AddAndRemoveOnThreeEventsIsOneStepThatUndoRestoresExactly)
{
    ASSERT_EQ(tags(events[0]), (Words {"allegation", "drones", "residence", "deep-strike"}));
    ASSERT_EQ(tags(events[1]), (Words {"evidence", "video", "drones"}));
    ASSERT_EQ(tags(events[2]), (Words {"drones", "odesa", "retaliation"}));
    std::vector<IndexRange> before;
    for (const std::uint32_t event : events)
        before.push_back(doc.project().events()[event].tags);
    SignalSpy changed(&doc, &Document::eventChanged);

    EXPECT_EQ(doc.setTags(refs(), {"uav", "disputed-claim"}, {"drones", "video"}), 3);
    EXPECT_EQ(tags(events[0]),
              (Words {"allegation", "residence", "deep-strike", "uav", "disputed-claim"}));
    EXPECT_EQ(tags(events[1]), (Words {"evidence", "uav", "disputed-claim"}));
    EXPECT_EQ(tags(events[2]), (Words {"odesa", "retaliation", "uav", "disputed-claim"}));
    EXPECT_EQ(changed.count(), 3u);
    QUndoStack *stack = doc.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Change tags of 3 events"));
    EXPECT_TRUE(doc.isModified());

    stack->undo();
    for (std::size_t i = 0; i < events.size(); ++i)
        EXPECT_EQ(doc.project().events()[events[i]].tags, before[i]) << i; // the same range
    EXPECT_EQ(tags(events[1]), (Words {"evidence", "video", "drones"}));
    EXPECT_FALSE(doc.isModified());

    stack->redo();
    EXPECT_EQ(tags(events[1]), (Words {"evidence", "uav", "disputed-claim"}));
    EXPECT_EQ(tags(events[2]), (Words {"odesa", "retaliation", "uav", "disputed-claim"}));
}

TEST_F(DocumentTagsTest, OneTagAddedOrRemovedNamesIt)
{
    EXPECT_EQ(doc.setTags(refs(), {"uav"}, {}), 3);
    EXPECT_EQ(doc.undoStack()->undoText(), QStringLiteral("Add tag ‘uav’ to 3 events"));
    // One event has "video": it alone changes, and the step names it.
    EXPECT_EQ(doc.setTags(refs(), {}, {"video"}), 1);
    EXPECT_EQ(doc.undoStack()->undoText(),
              QStringLiteral("Remove tag ‘video’ from ‘Russian Defence Ministry releases drone…’"))
        << doc.undoStack()->undoText().toStdString();
    EXPECT_EQ(doc.undoStack()->count(), 2);
}

TEST_F(DocumentTagsTest, EventsAlreadySoAreLeftAloneAndNothingIsNoStep)
{
    const std::size_t words = doc.project().wordCount();
    // No event has it: nothing changes, no step, and the word is not added to the project.
    EXPECT_EQ(doc.setTags(refs(), {}, {"never-used-tag"}), 0);
    EXPECT_EQ(doc.project().wordCount(), words);
    // Every event has it already.
    EXPECT_EQ(doc.setTags(refs(), {"drones"}, {}), 0);
    EXPECT_EQ(doc.setTags({}, {"uav"}, {"drones"}), 0);
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_FALSE(doc.isModified());

    // Only the events without it change; an empty tag is no tag.
    EXPECT_EQ(doc.setTags(refs(), {"residence", ""}, {}), 2);
    EXPECT_EQ(tags(events[0]), (Words {"allegation", "drones", "residence", "deep-strike"}));
    EXPECT_EQ(tags(events[1]), (Words {"evidence", "video", "drones", "residence"}));
}

TEST_F(DocumentTagsTest, ATagBothAddedAndRemovedIsAddedAndRepeatedOrBadIndicesAreIgnored)
{
    const std::uint32_t outside = std::uint32_t(doc.project().events().size());
    const auto event = [](std::uint32_t index) {
        return ItemRef {ItemKind::Event, index};
    };
    EXPECT_EQ(doc.setTags({event(events[1]), event(events[1]), event(outside), event(NoIndex)},
                          {"video"}, {"video", "drones"}),
              1);
    EXPECT_EQ(tags(events[1]), (Words {"evidence", "video"}));
    EXPECT_EQ(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    EXPECT_EQ(tags(events[1]), (Words {"evidence", "video", "drones"}));
}

} // namespace
