#include "document.h"
#include "testproject.h"
#include "testsupport.h"
#include "filter.h"
#include "projectreader.h"
#include "selection.h"

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
using test::wordIndex;

namespace {

// Records every emission of one signal with its arguments. (QSignalSpy lives in Qt Test,
// which the core tests do not link.)
template<typename Object, typename... Args>
class SignalSpy
{
public:
    SignalSpy(Object *sender, void (Object::*signal)(Args...))
    {
        m_connection = QObject::connect(sender, signal, [this](Args... args) {
            m_calls.emplace_back(std::decay_t<Args>(args)...);
        });
    }
    ~SignalSpy() { QObject::disconnect(m_connection); }
    SignalSpy(const SignalSpy &) = delete;
    SignalSpy &operator=(const SignalSpy &) = delete;

    std::size_t count() const { return m_calls.size(); }
    const std::tuple<std::decay_t<Args>...> &at(std::size_t i) const { return m_calls.at(i); }
    const std::tuple<std::decay_t<Args>...> &last() const { return m_calls.back(); }
    void clear() { m_calls.clear(); }

private:
    QMetaObject::Connection m_connection;
    std::vector<std::tuple<std::decay_t<Args>...>> m_calls;
};

class DocumentTest : public testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_temp.isValid());
        const Problems problems = doc.load(test::samplePath());
        ASSERT_TRUE(problems.empty()) << problems.front().toStdString();
        drones = indexOf(doc.project(), "ev-residence-drones", ItemKind::Event);
        meeting = indexOf(doc.project(), "ev-mar-a-lago-meeting", ItemKind::Event);
        c91 = indexOf(doc.project(), "claim-91-drones", ItemKind::Claim);
    }

    QString tempPath(const QString &name) const { return m_temp.filePath(name); }
    QString eventTitle(std::uint32_t e) const
    {
        return doc.project().text(doc.project().events()[e].title);
    }

    Document doc;
    std::uint32_t drones = NoIndex, meeting = NoIndex, c91 = NoIndex;

private:
    QTemporaryDir m_temp;
};

} // namespace

// --- Document: loading -------------------------------------------------------------------

TEST(Document, NewDocumentIsUntitledAndClean)
{
    Document doc;
    EXPECT_TRUE(doc.filePath().isEmpty());
    EXPECT_EQ(doc.displayName(), QStringLiteral("Untitled"));
    EXPECT_FALSE(doc.isModified());
    EXPECT_TRUE(doc.project().events().empty());
    // Nowhere to save yet.
    EXPECT_FALSE(doc.save().isEmpty());
}

TEST(Document, LoadSampleEmitsResetOnce)
{
    Document doc;
    SignalSpy reset(&doc, &Document::reset);
    SignalSpy path(&doc, &Document::filePathChanged);
    SignalSpy modified(&doc, &Document::modifiedChanged);
    const Problems problems = doc.load(test::samplePath());
    ASSERT_TRUE(problems.empty()) << problems.front().toStdString();
    EXPECT_EQ(reset.count(), 1u);
    EXPECT_EQ(path.count(), 1u);
    EXPECT_EQ(modified.count(), 0u);
    EXPECT_EQ(doc.filePath(), QFileInfo(test::samplePath()).absoluteFilePath());
    EXPECT_EQ(std::get<0>(path.last()), doc.filePath());
    EXPECT_EQ(doc.displayName(), QStringLiteral("novgorod-residence-allegation.claimline"));
    EXPECT_FALSE(doc.isModified());
    EXPECT_GE(doc.project().events().size(), 25u);
    EXPECT_TRUE(doc.project().find("claim-91-drones").has_value());
    EXPECT_EQ(doc.undoStack()->count(), 0);
}

TEST_F(DocumentTest, LoadOfABadFileChangesNothing)
{
    const QString bad = tempPath(QStringLiteral("bad.claimline"));
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "claimline", "version": 1,
                  "claims": [{"id": "c", "claimant": "nobody", "made_at": "2025",
                              "statement": "s"}]})");
    file.close();

    const QString pathBefore = doc.filePath();
    const std::size_t eventsBefore = doc.project().events().size();
    SignalSpy reset(&doc, &Document::reset);
    SignalSpy path(&doc, &Document::filePathChanged);
    const Problems problems = doc.load(bad);
    EXPECT_FALSE(problems.empty());
    EXPECT_EQ(reset.count(), 0u);
    EXPECT_EQ(path.count(), 0u);
    EXPECT_EQ(doc.filePath(), pathBefore);
    EXPECT_EQ(doc.project().events().size(), eventsBefore);
    EXPECT_TRUE(doc.project().find("ev-residence-drones").has_value());
    EXPECT_FALSE(doc.project().find("c").has_value());

    // A file that is not there at all, and one that is not JSON.
    EXPECT_FALSE(doc.load(tempPath(QStringLiteral("missing.claimline"))).empty());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("this is not json");
    file.close();
    EXPECT_FALSE(doc.load(bad).empty());
    EXPECT_EQ(reset.count(), 0u);
    EXPECT_EQ(doc.filePath(), pathBefore);
}

TEST_F(DocumentTest, LoadFailureKeepsUnsavedEdits)
{
    doc.setEventTitle(meeting, QStringLiteral("Edited"));
    ASSERT_TRUE(doc.isModified());
    EXPECT_FALSE(doc.load(tempPath(QStringLiteral("missing.claimline"))).empty());
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(eventTitle(meeting), QStringLiteral("Edited"));
    EXPECT_EQ(doc.undoStack()->count(), 1);
}

TEST_F(DocumentTest, ReplacingAModifiedProjectReportsCleanOnce)
{
    doc.setEventTitle(meeting, QStringLiteral("Edited"));
    ASSERT_TRUE(doc.isModified());
    SignalSpy modified(&doc, &Document::modifiedChanged);
    SignalSpy reset(&doc, &Document::reset);
    ASSERT_TRUE(doc.load(test::samplePath()).empty());
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(reset.count(), 1u);
    ASSERT_EQ(modified.count(), 1u);
    EXPECT_FALSE(std::get<0>(modified.last()));
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_EQ(eventTitle(meeting), QStringLiteral("Trump hosts Zelenskyy at Mar-a-Lago"));
}

// --- Document: editing and undo ----------------------------------------------------------

TEST_F(DocumentTest, SetEventTitleUndoRedo)
{
    const Event before = doc.project().events()[drones];
    const QString original = eventTitle(drones);
    ASSERT_EQ(original, QStringLiteral("Alleged drone attack on Putin's Novgorod residence"));

    SignalSpy changed(&doc, &Document::eventChanged);
    SignalSpy modified(&doc, &Document::modifiedChanged);
    SignalSpy claims(&doc, &Document::claimChanged);
    SignalSpy reset(&doc, &Document::reset);
    doc.setEventTitle(drones, QStringLiteral("Drones over Valdai \u2013 alleged"));

    EXPECT_EQ(eventTitle(drones), QStringLiteral("Drones over Valdai \u2013 alleged"));
    ASSERT_EQ(changed.count(), 1u);
    EXPECT_EQ(std::get<0>(changed.last()), drones);
    ASSERT_EQ(modified.count(), 1u);
    EXPECT_TRUE(std::get<0>(modified.last()));
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(claims.count(), 0u);
    EXPECT_EQ(reset.count(), 0u);
    EXPECT_EQ(doc.undoStack()->count(), 1);

    doc.undoStack()->undo();
    EXPECT_EQ(eventTitle(drones), original);
    EXPECT_EQ(doc.project().events()[drones].title, before.title); // exactly, not a copy
    EXPECT_EQ(changed.count(), 2u);
    EXPECT_EQ(std::get<0>(changed.last()), drones);
    ASSERT_EQ(modified.count(), 2u);
    EXPECT_FALSE(std::get<0>(modified.last()));
    EXPECT_FALSE(doc.isModified());

    doc.undoStack()->redo();
    EXPECT_EQ(eventTitle(drones), QStringLiteral("Drones over Valdai \u2013 alleged"));
    EXPECT_EQ(changed.count(), 3u);
    EXPECT_TRUE(doc.isModified());
    ASSERT_EQ(modified.count(), 3u);
    EXPECT_TRUE(std::get<0>(modified.last()));
}

TEST_F(DocumentTest, UndoTextNamesTheItem)
{
    doc.setEventTitle(meeting, QStringLiteral("Meeting"));
    EXPECT_EQ(doc.undoStack()->undoText(),
              QStringLiteral("Change title of \u2018Trump hosts Zelenskyy at Mar-a-Lago\u2019"));
    doc.setEventTitle(drones, QStringLiteral("Drones"));
    // Long titles are shortened with an ellipsis.
    EXPECT_EQ(doc.undoStack()->undoText(),
              QStringLiteral("Change title of "
                             "\u2018Alleged drone attack on Putin's Novgoro\u2026\u2019"));
}

TEST_F(DocumentTest, TypingInOneTitleIsOneUndoStep)
{
    const QString original = eventTitle(drones);
    doc.setEventTitle(drones, QStringLiteral("D"));
    doc.setEventTitle(drones, QStringLiteral("Dr"));
    doc.setEventTitle(drones, QStringLiteral("Dro"));
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(eventTitle(drones), QStringLiteral("Dro"));
    // The step is named after the title before the typing began.
    EXPECT_EQ(doc.undoStack()->undoText(),
              QStringLiteral("Change title of "
                             "\u2018Alleged drone attack on Putin's Novgoro\u2026\u2019"));
    doc.undoStack()->undo();
    EXPECT_EQ(eventTitle(drones), original);
    EXPECT_FALSE(doc.isModified());
    doc.undoStack()->redo();
    EXPECT_EQ(eventTitle(drones), QStringLiteral("Dro"));
}

TEST_F(DocumentTest, TitlesOfDifferentEventsAreSeparateSteps)
{
    const QString originalDrones = eventTitle(drones);
    const QString originalMeeting = eventTitle(meeting);
    doc.setEventTitle(drones, QStringLiteral("One"));
    doc.setEventTitle(meeting, QStringLiteral("Two"));
    doc.setEventTitle(drones, QStringLiteral("Three"));
    EXPECT_EQ(doc.undoStack()->count(), 3);
    doc.undoStack()->undo();
    EXPECT_EQ(eventTitle(drones), QStringLiteral("One"));
    EXPECT_EQ(eventTitle(meeting), QStringLiteral("Two"));
    doc.undoStack()->undo();
    EXPECT_EQ(eventTitle(meeting), originalMeeting);
    doc.undoStack()->undo();
    EXPECT_EQ(eventTitle(drones), originalDrones);
    EXPECT_FALSE(doc.isModified());
}

TEST_F(DocumentTest, SettingTheSameTitleIsNotAnEdit)
{
    SignalSpy changed(&doc, &Document::eventChanged);
    SignalSpy modified(&doc, &Document::modifiedChanged);
    doc.setEventTitle(meeting, eventTitle(meeting));
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(changed.count(), 0u);
    EXPECT_EQ(modified.count(), 0u);
}

TEST_F(DocumentTest, SetClaimStatement)
{
    const QString original = doc.project().text(doc.project().claims()[c91].statement);
    SignalSpy changed(&doc, &Document::claimChanged);
    doc.setClaimStatement(c91, original);
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_EQ(changed.count(), 0u);
    doc.setClaimStatement(c91, QStringLiteral("Lavrov alleged 91 drones."));
    doc.setClaimStatement(c91, QStringLiteral("Lavrov alleged 91 drones overnight."));
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(changed.count(), 2u);
    EXPECT_EQ(doc.undoStack()->undoText(),
              QStringLiteral("Change statement of \u2018Lavrov said Ukraine had sent 91 long-ra"
                             "\u2026\u2019"));
    doc.undoStack()->undo();
    EXPECT_EQ(doc.project().text(doc.project().claims()[c91].statement), original);
    EXPECT_FALSE(doc.isModified());
}

TEST_F(DocumentTest, SetEventStatus)
{
    ASSERT_EQ(doc.project().events()[drones].status, Status::Disputed);
    SignalSpy changed(&doc, &Document::eventChanged);
    doc.setEventStatus(drones, Status::Disputed); // unchanged: no step
    EXPECT_EQ(doc.undoStack()->count(), 0);
    doc.setEventStatus(drones, Status::Refuted);
    EXPECT_EQ(doc.project().events()[drones].status, Status::Refuted);
    ASSERT_EQ(changed.count(), 1u);
    EXPECT_EQ(std::get<0>(changed.last()), drones);
    EXPECT_EQ(doc.undoStack()->undoText(),
              QStringLiteral("Set status of \u2018Alleged drone attack on Putin's Novgoro"
                             "\u2026\u2019 to refuted"));
    doc.undoStack()->undo();
    EXPECT_EQ(doc.project().events()[drones].status, Status::Disputed);
    // The title was not touched by the status change.
    EXPECT_EQ(eventTitle(drones),
              QStringLiteral("Alleged drone attack on Putin's Novgorod residence"));
}

TEST_F(DocumentTest, SetClaimStatus)
{
    ASSERT_EQ(doc.project().claims()[c91].status, Status::Disputed);
    SignalSpy changed(&doc, &Document::claimChanged);
    SignalSpy events(&doc, &Document::eventChanged);
    doc.setClaimStatus(c91, Status::Refuted);
    EXPECT_EQ(doc.project().claims()[c91].status, Status::Refuted);
    ASSERT_EQ(changed.count(), 1u);
    EXPECT_EQ(std::get<0>(changed.last()), c91);
    EXPECT_EQ(events.count(), 0u);
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(doc.undoStack()->undoText(),
              QStringLiteral("Set status of \u2018Lavrov said Ukraine had sent 91 long-ra"
                             "\u2026\u2019 to refuted"));
    // Status changes are separate steps, and setting the status it has is no step at all.
    doc.setClaimStatus(c91, Status::Retracted);
    doc.setClaimStatus(c91, Status::Retracted);
    EXPECT_EQ(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    EXPECT_EQ(doc.project().claims()[c91].status, Status::Refuted);
    doc.undoStack()->undo();
    EXPECT_EQ(doc.project().claims()[c91].status, Status::Disputed);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(changed.count(), 4u);
}

TEST_F(DocumentTest, EditsReachTheProjectIndexes)
{
    const std::uint32_t q = indexOf(doc.project(), "q-targeted", ItemKind::Question);
    const std::uint32_t fabrication = indexOf(doc.project(), "claim-fabrication", ItemKind::Claim);
    const auto counters = doc.project().counterClaims(c91);
    ASSERT_FALSE(counters.empty());
    doc.setClaimStatus(fabrication, Status::Retracted);
    // Queries after an edit see the edited item.
    bool seen = false;
    for (const std::uint32_t claim : doc.project().claimsOn(q)) {
        if (claim == fabrication) {
            EXPECT_EQ(doc.project().claims()[claim].status, Status::Retracted);
            seen = true;
        }
    }
    EXPECT_TRUE(seen);
}

// --- Document: saving ---------------------------------------------------------------------

TEST_F(DocumentTest, SaveWritesTheEditAndMarksClean)
{
    doc.setEventTitle(drones, QStringLiteral("Saved title"));
    const QString target = tempPath(QStringLiteral("saved.claimline"));
    SignalSpy path(&doc, &Document::filePathChanged);
    SignalSpy modified(&doc, &Document::modifiedChanged);
    const QString error = doc.save(target);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_FALSE(doc.isModified());
    ASSERT_EQ(modified.count(), 1u);
    EXPECT_FALSE(std::get<0>(modified.last()));
    EXPECT_EQ(doc.filePath(), QFileInfo(target).absoluteFilePath());
    EXPECT_EQ(path.count(), 1u);
    EXPECT_EQ(doc.displayName(), QStringLiteral("saved.claimline"));

    const LoadResult reloaded = loadProject(target);
    ASSERT_TRUE(reloaded.ok()) << reloaded.problems.front().toStdString();
    const Project &p = *reloaded.project;
    const auto ref = p.find("ev-residence-drones");
    ASSERT_TRUE(ref.has_value());
    EXPECT_EQ(p.text(p.events()[ref->index].title), QStringLiteral("Saved title"));
    EXPECT_EQ(p.events().size(), doc.project().events().size());
    EXPECT_EQ(p.claims().size(), doc.project().claims().size());

    // Saving again to the same path (no argument) works and changes no path.
    doc.setClaimStatus(c91, Status::Corroborated);
    EXPECT_TRUE(doc.save().isEmpty());
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(path.count(), 1u);
    const LoadResult again = loadProject(target);
    ASSERT_TRUE(again.ok());
    const auto claim = again.project->find("claim-91-drones");
    ASSERT_TRUE(claim.has_value());
    EXPECT_EQ(again.project->claims()[claim->index].status, Status::Corroborated);

    // Undo after a save makes the document modified again.
    doc.undoStack()->undo();
    EXPECT_TRUE(doc.isModified());
}

TEST_F(DocumentTest, SaveFailureKeepsTheDocumentModified)
{
    doc.setEventTitle(drones, QStringLiteral("Unsaved"));
    const QString pathBefore = doc.filePath();
    SignalSpy path(&doc, &Document::filePathChanged);
    SignalSpy modified(&doc, &Document::modifiedChanged);
    const QString error = doc.save(tempPath(QStringLiteral("no-such-folder/out.claimline")));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(doc.filePath(), pathBefore);
    EXPECT_EQ(path.count(), 0u);
    EXPECT_EQ(modified.count(), 0u);
    EXPECT_FALSE(QFileInfo::exists(tempPath(QStringLiteral("no-such-folder"))));
}

// --- Selection ------------------------------------------------------------------------------

namespace {
const ItemRef EventA{ItemKind::Event, 1};
const ItemRef EventB{ItemKind::Event, 2};
const ItemRef ClaimC{ItemKind::Claim, 1}; // same index as EventA, another kind
} // namespace

TEST(Selection, SetItemsEmitsOnce)
{
    Selection selection;
    SignalSpy changed(&selection, &Selection::changed);
    EXPECT_TRUE(selection.isEmpty());
    selection.setItems({EventA, EventB});
    EXPECT_EQ(changed.count(), 1u);
    EXPECT_EQ(selection.items(), (std::vector<ItemRef>{EventA, EventB}));
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
    EXPECT_EQ(selection.items().front(), (ItemRef{ItemKind::Event, 199999}));
    EXPECT_EQ(selection.items()[1], (ItemRef{ItemKind::Claim, 199998}));
    EXPECT_EQ(selection.items().back(), (ItemRef{ItemKind::Claim, 7}));
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
    EXPECT_EQ(selection.items(), (std::vector<ItemRef>{EventA, EventB}));
    EXPECT_EQ(selection.current(), EventB);
    selection.toggle(ClaimC);
    EXPECT_EQ(selection.items().size(), 3u);
    EXPECT_EQ(selection.current(), ClaimC);
    selection.toggle(ClaimC);
    EXPECT_EQ(selection.items(), (std::vector<ItemRef>{EventA, EventB}));
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

TEST(Selection, FocusRange)
{
    Selection selection;
    SignalSpy focus(&selection, &Selection::focusRangeChanged);
    SignalSpy changed(&selection, &Selection::changed);
    EXPECT_EQ(selection.focusFrom(), selection.focusTo());
    selection.setFocusRange(1766880000, 1767052800);
    selection.setFocusRange(1766880000, 1767052800);
    ASSERT_EQ(focus.count(), 1u);
    EXPECT_EQ(focus.last(), std::make_tuple(std::int64_t(1766880000), std::int64_t(1767052800)));
    EXPECT_EQ(selection.focusFrom(), 1766880000);
    EXPECT_EQ(selection.focusTo(), 1767052800);
    selection.setFocusRange(1766880000, 1766966400);
    EXPECT_EQ(focus.count(), 2u);
    EXPECT_EQ(changed.count(), 0u); // the focus is not the selection
}

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
    const std::uint32_t modi = event("ev-modi-reaction");      // India only
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
    const std::uint32_t c91 = claim("claim-91-drones");           // Lavrov: Russia
    const std::uint32_t fabrication = claim("claim-fabrication"); // Zelenskyy: Ukraine
    const std::uint32_t flightData = claim("claim-flight-data");  // Russia itself
    filter.setPartyHidden(party("russia"), true);
    EXPECT_FALSE(filter.acceptsClaim(p(), c91));
    EXPECT_FALSE(filter.acceptsClaim(p(), flightData));
    EXPECT_TRUE(filter.acceptsClaim(p(), fabrication));
}

TEST_F(FilterTest, Statuses)
{
    const std::uint32_t drones = event("ev-residence-drones"); // disputed
    const std::uint32_t meeting = event("ev-mar-a-lago-meeting"); // corroborated
    const std::uint32_t c91 = claim("claim-91-drones");          // disputed
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
    const std::uint32_t drones91 = claim("claim-91-drones");      // about ev-residence-drones
    const std::uint32_t talks = claim("claim-90-percent");      // about the press conference
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
