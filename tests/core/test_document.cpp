// Document: loading, editing with undo and redo, saving. Selection and Filter are in
// test_document_selection.cpp and test_document_filter.cpp.

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

namespace {

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

// Typing a letter and deleting it again changes nothing: no step is left and the file is not
// modified (issue 16: the title bar said modified with nothing changed). The same for the
// project's own fields.
TEST_F(DocumentTest, TypingThatEndsWhereItBeganLeavesNoStep)
{
    const QString original = eventTitle(drones);
    SignalSpy modified(&doc, &Document::modifiedChanged);
    doc.setEventTitle(drones, original + QStringLiteral("x"));
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(doc.undoStack()->count(), 1);
    doc.setEventTitle(drones, original);
    EXPECT_EQ(eventTitle(drones), original);
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_FALSE(doc.undoStack()->canUndo());
    EXPECT_FALSE(doc.isModified());
    ASSERT_EQ(modified.count(), 2u);
    EXPECT_FALSE(std::get<0>(modified.last()));

    // A change that stays is still one step.
    doc.setEventTitle(drones, original + QStringLiteral("!"));
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_TRUE(doc.isModified());
    doc.undoStack()->undo();
    EXPECT_FALSE(doc.isModified());

    const ProjectMeta before = doc.project().meta();
    ProjectMeta typed = before;
    typed.title = doc.addText(doc.project().text(before.title) + QStringLiteral("x"));
    doc.setMeta(typed, QStringLiteral("Change project title"), Document::Field::Title);
    EXPECT_TRUE(doc.isModified());
    ProjectMeta back = before;
    back.title = doc.addText(doc.project().text(before.title));
    doc.setMeta(back, QStringLiteral("Change project title"), Document::Field::Title);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(doc.undoStack()->index(), 0);
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

// --- Document: the project's own fields (issue 15) ----------------------------------------

TEST_F(DocumentTest, PublicDescriptionEditUndoRedo)
{
    const auto meta = [this] {
        return doc.project().meta();
    };
    const auto text = [this](TextRef ref) {
        return doc.project().text(ref);
    };
    const QString original = text(meta().publicDescription);
    const QString internal = text(meta().description);
    ASSERT_FALSE(internal.isEmpty());

    SignalSpy changed(&doc, &Document::metaChanged);
    SignalSpy events(&doc, &Document::eventChanged);
    // Typing: one step per field, merged.
    for (const char *typed : {"R", "Ru", "Russia alleged."}) {
        ProjectMeta after = meta();
        after.publicDescription = doc.addText(QString::fromLatin1(typed));
        doc.setMeta(after, QStringLiteral("Change public description"),
                    Document::Field::PublicDescription);
    }
    EXPECT_EQ(text(meta().publicDescription), QStringLiteral("Russia alleged."));
    EXPECT_EQ(text(meta().description), internal); // the internal one is left alone
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(doc.undoStack()->undoText(), QStringLiteral("Change public description"));
    EXPECT_EQ(changed.count(), 3u);
    EXPECT_EQ(events.count(), 0u);
    EXPECT_TRUE(doc.isModified());

    doc.undoStack()->undo();
    EXPECT_EQ(text(meta().publicDescription), original);
    EXPECT_EQ(changed.count(), 4u);
    EXPECT_FALSE(doc.isModified());
    doc.undoStack()->redo();
    EXPECT_EQ(text(meta().publicDescription), QStringLiteral("Russia alleged."));
    EXPECT_TRUE(doc.isModified());

    // Another field is another step; the same value is no edit.
    ProjectMeta title = meta();
    title.title = doc.addText(QStringLiteral("New title"));
    doc.setMeta(title, QStringLiteral("Change project title"), Document::Field::Title);
    EXPECT_EQ(doc.undoStack()->count(), 2);
    ProjectMeta same = meta();
    same.publicDescription = doc.addText(QStringLiteral("Russia alleged."));
    doc.setMeta(same, QStringLiteral("Change public description"),
                Document::Field::PublicDescription);
    EXPECT_EQ(doc.undoStack()->count(), 2);

    // Saved and read back.
    const QString target = tempPath(QStringLiteral("meta.claimline"));
    ASSERT_TRUE(doc.save(target).isEmpty());
    const LoadResult reloaded = loadProject(target);
    ASSERT_TRUE(reloaded.ok());
    EXPECT_EQ(reloaded.project->text(reloaded.project->meta().publicDescription),
              QStringLiteral("Russia alleged."));
    EXPECT_EQ(reloaded.project->text(reloaded.project->meta().description), internal);
}
