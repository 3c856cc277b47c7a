// InspectorView: an event's coordinates (issue 21), and tags set on several selected
// events at once. Coordinates are both or neither and within range; anything else is refused
// under the fields and never written. Each edit is one undo step that undo takes back exactly.

#include "inspectorfixture.h"

#include <QApplication>

#include <cmath>
#include <string>
#include <vector>

using namespace claimline;
using namespace claimline::test;

namespace {

class InspectorEventTest : public InspectorTest
{
protected:
    void SetUp() override
    {
        InspectorTest::SetUp();
        m_item = selectItem("ev-residence-drones");
        m_latitude = child<QLineEdit>("inspectorLatitude");
        m_longitude = child<QLineEdit>("inspectorLongitude");
        m_note = child<QLabel>("inspectorCoordinatesNote");
        ASSERT_TRUE(m_latitude && m_longitude && m_note);
    }

    // Puts both numbers in (pasted: QTest types ASCII only, and "°" is not), moving from one
    // field to the other as a user does, then presses Return in the second.
    void typeCoordinates(const QString &latitude, const QString &longitude)
    {
        m_latitude->setFocus();
        m_latitude->selectAll();
        m_latitude->insert(latitude);
        m_longitude->setFocus();
        m_longitude->selectAll();
        m_longitude->insert(longitude);
        QTest::keyClick(m_longitude, Qt::Key_Return);
        settle();
    }
    bool hasNoLocation() const
    {
        return std::isnan(event(m_item).latitude) && std::isnan(event(m_item).longitude);
    }

    ItemRef m_item;
    QLineEdit *m_latitude = nullptr;
    QLineEdit *m_longitude = nullptr;
    QLabel *m_note = nullptr;
};

std::vector<std::string> tagsOf(const Project &project, const Event &event)
{
    std::vector<std::string> words;
    for (const std::uint32_t word : project.indices(event.tags))
        words.emplace_back(project.word(word));
    return words;
}

using Words = std::vector<std::string>;

} // namespace

TEST_F(InspectorEventTest, CoordinatesAreOneStepThatUndoTakesBack)
{
    ASSERT_TRUE(hasNoLocation());
    EXPECT_TRUE(m_latitude->isVisibleTo(&m_view));
    EXPECT_EQ(m_note->text(), QStringLiteral("no location"));

    // Moving from the latitude to the longitude commits nothing yet: a location has both.
    m_latitude->setFocus();
    QTest::keyClicks(m_latitude, QStringLiteral("58.54"));
    m_longitude->setFocus();
    settle();
    EXPECT_TRUE(hasNoLocation());
    EXPECT_EQ(m_document.undoStack()->count(), 0);
    EXPECT_EQ(m_note->text(), QStringLiteral("Give the longitude too, or clear the latitude."));
    QTest::keyClicks(m_longitude, QStringLiteral("33.67"));
    QTest::keyClick(m_longitude, Qt::Key_Return);
    settle();
    EXPECT_EQ(event(m_item).latitude, 58.54);
    EXPECT_EQ(event(m_item).longitude, 33.67);
    EXPECT_EQ(m_note->text(), QStringLiteral("58.54° N, 33.67° E"));
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(),
              QStringLiteral("Change coordinates of ") + m_document.quotedName(m_item));

    undoStep();
    EXPECT_TRUE(hasNoLocation());
    EXPECT_TRUE(m_latitude->text().isEmpty());
    EXPECT_TRUE(m_longitude->text().isEmpty());
    EXPECT_FALSE(m_document.isModified());
    redoStep();
    EXPECT_EQ(m_latitude->text(), QStringLiteral("58.54"));
    EXPECT_EQ(m_longitude->text(), QStringLiteral("33.67"));
    EXPECT_EQ(event(m_item).longitude, 33.67);

    // Hemisphere letters as the reading shows them; both emptied is no location again.
    typeCoordinates(QStringLiteral("12.5 S"), QStringLiteral("77.25° W"));
    EXPECT_EQ(event(m_item).latitude, -12.5);
    EXPECT_EQ(event(m_item).longitude, -77.25);
    EXPECT_EQ(m_latitude->text(), QStringLiteral("-12.5")); // as saved
    typeCoordinates({}, {});
    EXPECT_TRUE(hasNoLocation());
    EXPECT_EQ(m_note->text(), QStringLiteral("no location"));
}

TEST_F(InspectorEventTest, BadCoordinatesAreRefusedWithTheReasonAndNeverWritten)
{
    // Each pair is put in and left: nothing is written, and the note under the fields says why,
    // in the problem colour.
    const auto expectRefused
        = [this](const char *latitude, const char *longitude, const char *reason) {
              typeCoordinates(QString::fromUtf8(latitude), QString::fromUtf8(longitude));
              EXPECT_TRUE(hasNoLocation()) << latitude << " " << longitude;
              EXPECT_TRUE(m_note->isVisibleTo(&m_view));
              EXPECT_TRUE(m_note->text().contains(QString::fromUtf8(reason)))
                  << latitude << " " << longitude << ": " << m_note->text().toStdString();
              EXPECT_EQ(m_note->foregroundRole(), QPalette::WindowText);
          };
    expectRefused("91", "33.67", "Not saved: the latitude must lie between -90 and 90.");
    expectRefused("58.54", "-180.5", "Not saved: the longitude must lie between -180 and 180.");
    expectRefused("58,54", "33.67", "the latitude takes a decimal point (58.54), not a comma");
    expectRefused("north", "33.67", "the latitude is not a number such as 58.54 or -33.1");
    const char *both = "Not saved: a location has both a latitude and a longitude, or neither.";
    expectRefused("58.54", "", both);
    expectRefused("", "33.67", both);
    expectRefused("12 E", "nan",
                  "the latitude is north (N) or south (S), not east or west; the longitude is "
                  "not a number");
    EXPECT_EQ(m_document.undoStack()->count(), 0);
    EXPECT_FALSE(m_document.isModified());

    saveShots(QStringLiteral("inspector-event-refused"), 1200);
    // What was refused stays in the fields to be corrected, and then saves.
    typeCoordinates(QStringLiteral("58.54"), QStringLiteral("33.67"));
    EXPECT_EQ(event(m_item).latitude, 58.54);
    EXPECT_EQ(m_note->foregroundRole(), QPalette::PlaceholderText);
    m_view.grab().save(shotPath(QStringLiteral("inspector-event-saved-dark.png")));
}

TEST_F(InspectorEventTest, CoordinatesTypedAndNotLeftGoToTheEventTheyWereTypedFor)
{
    m_latitude->setFocus();
    QTest::keyClicks(m_latitude, QStringLiteral("58.54"));
    m_longitude->setFocus();
    QTest::keyClicks(m_longitude, QStringLiteral("33.67"));
    // Another item is selected before the fields are left.
    m_selection.select(find("ev-mod-video"));
    settle();
    EXPECT_EQ(event(m_item).latitude, 58.54);
    EXPECT_EQ(event(m_item).longitude, 33.67);
    EXPECT_TRUE(std::isnan(event(find("ev-mod-video")).latitude));
    EXPECT_TRUE(m_latitude->text().isEmpty()); // the other event's: none
}

TEST_F(InspectorTest, TagsOfSeveralEventsAreAddedAndRemovedAsOneStepEach)
{
    const Project &project = m_document.project();
    const ItemRef drones = find("ev-residence-drones");
    const ItemRef video = find("ev-mod-video");
    const ItemRef odesa = find("ev-odesa-strikes");
    const std::vector<ItemRef> events {drones, video, odesa};
    std::vector<IndexRange> before;
    for (const ItemRef &item : events)
        before.push_back(event(item).tags);
    m_selection.setItems(events, drones);
    settle();
    EXPECT_TRUE(shows(QStringLiteral("3 events selected: tags and status set here apply to all "
                                     "of them.")));
    auto *tags = child<QLineEdit>("inspectorTags");
    ASSERT_TRUE(tags);
    // The tag all three share; the others are listed as kept.
    EXPECT_EQ(tags->text(), QStringLiteral("drones"));
    auto *note = child<QLabel>("inspectorTagsNote");
    EXPECT_TRUE(note->isVisibleTo(&m_view));
    saveShots(QStringLiteral("inspector-tags-of-three"), 1200);
    EXPECT_TRUE(note->text().contains(QStringLiteral("The tags all 3 selected events have.")));
    EXPECT_TRUE(note->text().contains(QStringLiteral("allegation, residence, deep-strike, "
                                                     "evidence, video, odesa, retaliation")))
        << note->text().toStdString();

    retype(tags, QStringLiteral("drones, uav"));
    EXPECT_EQ(tagsOf(project, event(drones)),
              (Words {"allegation", "drones", "residence", "deep-strike", "uav"}));
    EXPECT_EQ(tagsOf(project, event(video)), (Words {"evidence", "video", "drones", "uav"}));
    EXPECT_EQ(tagsOf(project, event(odesa)), (Words {"drones", "odesa", "retaliation", "uav"}));
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Add tag ‘uav’ to 3 events"));
    EXPECT_EQ(tags->text(), QStringLiteral("drones, uav"));

    retype(tags, QStringLiteral("uav"));
    EXPECT_EQ(tagsOf(project, event(drones)),
              (Words {"allegation", "residence", "deep-strike", "uav"}));
    EXPECT_EQ(tagsOf(project, event(video)), (Words {"evidence", "video", "uav"}));
    EXPECT_EQ(tagsOf(project, event(odesa)), (Words {"odesa", "retaliation", "uav"}));
    ASSERT_EQ(stack->count(), 2);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Remove tag ‘drones’ from 3 events"));

    // Added and removed at once: one step too.
    retype(tags, QStringLiteral("verified-by-us, drones"));
    ASSERT_EQ(stack->count(), 3);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Change tags of 3 events"));
    EXPECT_EQ(tagsOf(project, event(video)),
              (Words {"evidence", "video", "verified-by-us", "drones"}));

    // Undo gives each event back exactly its own tags.
    undoAll();
    for (std::size_t i = 0; i < events.size(); ++i)
        EXPECT_EQ(event(events[i]).tags, before[i]) << i;
    EXPECT_EQ(tags->text(), QStringLiteral("drones"));
    EXPECT_FALSE(m_document.isModified());
    redoAll();
    EXPECT_EQ(tagsOf(project, event(odesa)),
              (Words {"odesa", "retaliation", "verified-by-us", "drones"}));
    EXPECT_EQ(tags->text(), QStringLiteral("verified-by-us, drones"));

    // One event selected again: its own tags, replaced as typed.
    m_selection.select(video);
    settle();
    EXPECT_EQ(tags->text(), QStringLiteral("evidence, video, verified-by-us, drones"));
    EXPECT_FALSE(note->isVisibleTo(&m_view));
    EXPECT_FALSE(shows(QStringLiteral("events selected")));
}

TEST_F(InspectorTest, TagsTypedForSeveralEventsAreCommittedBeforeTheSelectionChanges)
{
    const ItemRef drones = find("ev-residence-drones");
    const ItemRef video = find("ev-mod-video");
    const ItemRef claimItem = find("claim-91-drones");
    m_selection.setItems({drones, video, claimItem}, drones);
    settle();
    EXPECT_TRUE(shows(QStringLiteral("2 events and 1 claim selected: a status set here applies "
                                     "to all of them, tags to the events.")));
    auto *tags = child<QLineEdit>("inspectorTags");
    tags->setFocus();
    tags->end(false);
    QTest::keyClicks(tags, QStringLiteral(", uav"));
    // The selection narrows before the field is left: the typing was for both events.
    m_selection.setItems({drones}, drones);
    settle();
    const Project &project = m_document.project();
    EXPECT_EQ(tagsOf(project, event(video)), (Words {"evidence", "video", "drones", "uav"}));
    EXPECT_EQ(tagsOf(project, event(drones)).back(), "uav");
    EXPECT_EQ(m_document.undoStack()->count(), 1);
    EXPECT_EQ(tags->text(), QStringLiteral("allegation, drones, residence, deep-strike, uav"));
}
