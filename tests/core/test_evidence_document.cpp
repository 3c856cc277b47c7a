// Evidence through the Document (issue 21): attaching and removing are undo steps that leave
// the copies on disk, an unsaved project refuses with the reason, a failing file is tied to its
// source through renumbering, and Save As into another folder carries the evidence.

#include "document/document.h"
#include "evidence/evidencestore.h"
#include "evidence/evidenceverifier.h"
#include "signalspy.h"
#include "testproject.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace claimline {
namespace {

using test::writeFile;

const char *const TwoSources = R"({
  "format": "claimline", "version": 1,
  "sources": [{"id": "src-a", "title": "Video"}, {"id": "src-b", "title": "Post"}],
  "events": [], "claims": []
})";

class EvidenceDocument : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.filePath(QStringLiteral("case.claimline"));
        ASSERT_TRUE(writeFile(path, TwoSources));
        ASSERT_TRUE(document.load(path).empty());
        clip = outside.filePath(QStringLiteral("clip.mp4"));
        shot = outside.filePath(QStringLiteral("shot.png"));
        ASSERT_TRUE(writeFile(clip, "frames"));
        ASSERT_TRUE(writeFile(shot, "pixels"));
    }

    std::size_t attachmentCount(std::uint32_t source) const
    {
        const Project &p = document.project();
        return p.attachments(p.sources()[source].attachments).size();
    }

    QTemporaryDir dir, outside;
    QString path, clip, shot;
    Document document;
};

TEST_F(EvidenceDocument, AttachingIsOneUndoStepAndUndoKeepsTheCopies)
{
    QStringList errors;
    EXPECT_EQ(document.attachFiles(0, {clip, shot}, &errors), 2);
    EXPECT_TRUE(errors.isEmpty());
    EXPECT_EQ(attachmentCount(0), 2u);
    ASSERT_EQ(document.undoStack()->count(), 1);
    EXPECT_EQ(document.undoStack()->undoText(), QStringLiteral("Attach 2 files to ‘Video’"));
    EXPECT_TRUE(document.isModified());

    document.undoStack()->undo();
    EXPECT_EQ(attachmentCount(0), 0u);
    EXPECT_EQ(QDir(dir.filePath(QStringLiteral("evidence"))).entryList(QDir::Files).size(), 2)
        << "evidence is never deleted by an undo";
    document.undoStack()->redo();
    EXPECT_EQ(attachmentCount(0), 2u);

    // The same file again lists nothing new and pushes nothing.
    EXPECT_EQ(document.attachFiles(0, {clip}, &errors), 0);
    EXPECT_EQ(document.undoStack()->count(), 1);
}

TEST_F(EvidenceDocument, RemovingIsOneUndoStep)
{
    QStringList errors;
    ASSERT_EQ(document.attachFiles(1, {clip, shot}, &errors), 2);
    ASSERT_TRUE(document.removeAttachment(1, 0));
    EXPECT_EQ(document.undoStack()->undoText(), QStringLiteral("Remove clip.mp4 from ‘Post’"));
    ASSERT_EQ(attachmentCount(1), 1u);
    const Project &p = document.project();
    EXPECT_EQ(p.view(p.attachments(p.sources()[1].attachments)[0].name), "shot.png");
    document.undoStack()->undo();
    EXPECT_EQ(attachmentCount(1), 2u);
    EXPECT_FALSE(document.removeAttachment(1, 5));
}

TEST_F(EvidenceDocument, AFileThatCannotBePinnedListsNothing)
{
    QStringList errors;
    EXPECT_EQ(
        document.attachFiles(0, {clip, outside.filePath(QStringLiteral("gone.mov"))}, &errors), 0);
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors[0].endsWith(QStringLiteral("gone.mov: no such file")));
    EXPECT_EQ(attachmentCount(0), 0u);
    EXPECT_EQ(document.undoStack()->count(), 0);
}

TEST(EvidenceDocumentUnsaved, AnUnsavedProjectSaysWhyItCannotAttach)
{
    Document document;
    Project project;
    Source source;
    source.id = project.addText(std::string_view("s"));
    source.title = project.addText(std::string_view("t"));
    project.sources().push_back(source);
    ASSERT_FALSE(project.registerId({ItemKind::Source, 0}).has_value());
    document.setProject(std::move(project));
    QTemporaryDir outside;
    const QString file = outside.filePath(QStringLiteral("a.png"));
    ASSERT_TRUE(writeFile(file, "x"));
    QStringList errors;
    EXPECT_FALSE(document.hasEvidenceFolder());
    EXPECT_EQ(document.attachFiles(0, {file}, &errors), 0);
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors[0].startsWith(QStringLiteral("Save the project first")));
}

TEST_F(EvidenceDocument, AFailingFileFollowsItsSource)
{
    QStringList errors;
    ASSERT_EQ(document.attachFiles(1, {clip}, &errors), 1);
    ASSERT_TRUE(document.save().isEmpty());
    const Project &p = document.project();
    const std::string recorded(p.view(p.attachments(p.sources()[1].attachments)[0].path));
    ASSERT_TRUE(QFile::remove(EvidenceStore::forProjectFile(path).absolutePath(recorded)));
    test::SignalSpy changed(&document, &Document::evidenceChanged);
    document.setEvidenceReport(
        verifyEvidence(evidenceCheckList(p), EvidenceStore::forProjectFile(path)));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_FALSE(document.evidenceFails(0));
    EXPECT_TRUE(document.evidenceFails(1));
    // The first source goes: the failing one is now at index 0, and still fails.
    ASSERT_TRUE(document.deleteItems({{ItemKind::Source, 0}}, DeleteMode::Detach));
    EXPECT_TRUE(document.evidenceFails(0));
    // Taken off the list, it fails no more.
    ASSERT_TRUE(document.removeAttachment(0, 0));
    EXPECT_FALSE(document.evidenceFails(0));
}

TEST_F(EvidenceDocument, SaveAsIntoAnotherFolderCarriesTheEvidence)
{
    QStringList errors;
    ASSERT_EQ(document.attachFiles(0, {clip, shot}, &errors), 2);
    ASSERT_TRUE(document.save().isEmpty());
    QTemporaryDir elsewhere;
    const QString moved = elsewhere.filePath(QStringLiteral("renamed.claimline"));
    ASSERT_TRUE(document.save(moved).isEmpty());
    EXPECT_TRUE(document.evidenceNotCarried().isEmpty());
    EXPECT_EQ(document.filePath(), moved);
    const EvidenceReport report = verifyEvidence(evidenceCheckList(document.project()),
                                                 EvidenceStore::forProjectFile(moved));
    EXPECT_TRUE(report.isClean());
    EXPECT_EQ(report.files, 2);
}

TEST_F(EvidenceDocument, SaveAsCarriesWhatUndoCanBringBack)
{
    QStringList errors;
    ASSERT_EQ(document.attachFiles(0, {clip}, &errors), 1);
    ASSERT_TRUE(document.removeAttachment(0, 0));
    ASSERT_TRUE(document.save().isEmpty());
    QTemporaryDir elsewhere;
    const QString moved = elsewhere.filePath(QStringLiteral("case.claimline"));
    ASSERT_TRUE(document.save(moved).isEmpty());
    document.undoStack()->undo(); // the removal: the clip is listed again
    ASSERT_EQ(attachmentCount(0), 1u);
    EXPECT_TRUE(
        verifyEvidence(evidenceCheckList(document.project()), EvidenceStore::forProjectFile(moved))
            .isClean());
}

TEST_F(EvidenceDocument, AttachingAgainClearsTheProblemOfTheSameFile)
{
    QStringList errors;
    ASSERT_EQ(document.attachFiles(0, {clip}, &errors), 1);
    const Project &p = document.project();
    const std::string recorded(p.view(p.attachments(p.sources()[0].attachments)[0].path));
    const QString copy = EvidenceStore::forProjectFile(path).absolutePath(recorded);
    ASSERT_TRUE(QFile::remove(copy));
    document.setEvidenceReport(
        verifyEvidence(evidenceCheckList(p), EvidenceStore::forProjectFile(path)));
    ASSERT_TRUE(document.evidenceFails(0));
    // Pinned to the other source, the same content is copied back: no longer missing.
    ASSERT_EQ(document.attachFiles(1, {clip}, &errors), 1);
    EXPECT_TRUE(QFileInfo::exists(copy));
    EXPECT_FALSE(document.evidenceFails(0));
}

} // namespace
} // namespace claimline
