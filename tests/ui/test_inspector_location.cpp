// InspectorView: an event's location precision (issue 17). The combo beside the location's
// name shows how precisely the coordinates place the event, picking another entry is one undo
// step that undo takes back, and an edit made elsewhere shows in it.

#include "inspectorfixture.h"

using namespace claimline;
using namespace claimline::test;

TEST_F(InspectorTest, LocationPrecisionComboEditsAndUndoRestores)
{
    const ItemRef item = find("ev-residence-drones");
    ASSERT_EQ(event(item).locationPrecision, LocationPrecision::Unknown);
    m_selection.select(item);
    settle();
    auto *precision = child<QComboBox>("inspectorLocationPrecision");
    ASSERT_TRUE(precision);
    ASSERT_EQ(precision->count(), 6);
    EXPECT_EQ(precision->itemText(0), QStringLiteral("—"));
    EXPECT_EQ(precision->itemText(2), QStringLiteral("town"));
    EXPECT_EQ(precision->itemText(5), QStringLiteral("country"));
    EXPECT_EQ(precision->currentIndex(), 0);
    EXPECT_TRUE(precision->isVisibleTo(&m_view));

    pick(precision, 2);
    EXPECT_EQ(event(item).locationPrecision, LocationPrecision::Town);
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_TRUE(stack->undoText().startsWith(QStringLiteral("Change location precision of ")))
        << stack->undoText().toStdString();
    EXPECT_TRUE(m_document.isModified());

    // Picking what it already is changes nothing.
    pick(precision, 2);
    EXPECT_EQ(stack->count(), 1);

    stack->undo();
    settle();
    EXPECT_EQ(event(item).locationPrecision, LocationPrecision::Unknown);
    EXPECT_EQ(precision->currentIndex(), 0);
    EXPECT_FALSE(m_document.isModified());

    stack->redo();
    settle();
    EXPECT_EQ(event(item).locationPrecision, LocationPrecision::Town);
    EXPECT_EQ(precision->currentIndex(), 2);
    saveShots(QStringLiteral("inspector-precision"), 900);

    // Back to "—": the location says nothing of its precision again.
    pick(precision, 0);
    EXPECT_EQ(event(item).locationPrecision, LocationPrecision::Unknown);
}

TEST_F(InspectorTest, LocationPrecisionFollowsAnEditMadeElsewhere)
{
    const ItemRef item = find("ev-residence-drones");
    m_selection.select(item);
    settle();
    auto *precision = child<QComboBox>("inspectorLocationPrecision");
    ASSERT_TRUE(precision);
    Event after = event(item);
    after.locationPrecision = LocationPrecision::Region;
    m_document.edit(item.index, after, QStringLiteral("Set precision"));
    settle();
    EXPECT_EQ(precision->currentText(), QStringLiteral("region"));
}

// The name typed and the precision picked just after say one thing, where the event was:
// one step, which one undo takes back whole.
TEST_F(InspectorTest, LocationNameAndPrecisionMergeIntoOneStep)
{
    const ItemRef item = find("ev-residence-drones");
    const QString before = text(event(item).locationName);
    m_selection.select(item);
    settle();
    auto *location = child<QLineEdit>("inspectorLocation");
    auto *precision = child<QComboBox>("inspectorLocationPrecision");
    ASSERT_TRUE(location && precision);
    location->setFocus();
    location->selectAll();
    QTest::keyClicks(location, QStringLiteral("Valdai district"));
    settle();
    pick(precision, 3);
    EXPECT_EQ(text(event(item).locationName), QStringLiteral("Valdai district"));
    EXPECT_EQ(event(item).locationPrecision, LocationPrecision::Area);
    QUndoStack *stack = m_document.undoStack();
    EXPECT_EQ(stack->count(), 1);
    stack->undo();
    settle();
    EXPECT_EQ(text(event(item).locationName), before);
    EXPECT_EQ(event(item).locationPrecision, LocationPrecision::Unknown);
    EXPECT_EQ(location->text(), before);
    EXPECT_EQ(precision->currentIndex(), 0);
}
