// Evidence in the app (issue 21): the background check flags a source when a file goes
// missing or changes, Tools ▸ Verify Evidence reports it, the Inspector's evidence list and the
// Details say so with a visible mark, and files are attached and removed as undo steps.

#include "common/linkopener.h"
#include "details/detailsview.h"
#include "document/document.h"
#include "document/selection.h"
#include "edit/catalogview.h"
#include "evidence/evidenceactions.h"
#include "evidence/evidencechecker.h"
#include "evidence/evidencereportdialog.h"
#include "evidence/evidencestore.h"
#include "inspector/attachmenteditor.h"
#include "inspector/citationeditor.h"
#include "testproject.h"
#include "testsupport.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace claimline {
namespace {

using test::writeFile;

const char *const ProjectText = R"({
  "format": "claimline", "version": 1,
  "parties": [{"id": "russia", "name": "Russia"}],
  "sources": [{"id": "src-video", "title": "Drone footage"}, {"id": "src-post", "title": "Post"}],
  "events": [{"id": "ev", "title": "Alleged strike", "when": "2025-12-29", "parties": ["russia"],
              "sources": [{"source": "src-video"}]}],
  "claims": []
})";

// Runs the event loop until `done` or five seconds.
template<typename Done>
bool waitFor(Done done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

class EvidenceUi : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.filePath(QStringLiteral("case.claimline"));
        ASSERT_TRUE(writeFile(path, ProjectText));
        clip = outside.filePath(QStringLiteral("clip.mp4"));
        ASSERT_TRUE(writeFile(clip, "frames"));
        ASSERT_TRUE(document.load(path).empty());
        QStringList errors;
        ASSERT_EQ(document.attachFiles(0, {clip}, &errors), 1);
        ASSERT_TRUE(document.save().isEmpty());
        const claimline::Project &p = document.project();
        recorded = p.text(p.attachments(p.sources()[0].attachments)[0].path);
        copy = EvidenceStore::forProjectFile(path).absolutePath(recorded.toStdString());
    }

    QTemporaryDir dir, outside;
    QString path, clip, recorded, copy;
    Document document;
    Selection selection;
};

TEST_F(EvidenceUi, VerifyReportsAMissingFileAndTheSourceIsFlaggedEverywhere)
{
    QWidget window;
    EvidenceChecker checker(&document);
    EvidenceActions actions(&document, &selection, &checker, &window);
    std::optional<EvidenceReport> shown;
    actions.setShowReport([&](const EvidenceReport &report) { shown = report; });

    actions.verify();
    ASSERT_TRUE(shown);
    EXPECT_TRUE(shown->isClean());
    EXPECT_EQ(EvidenceReportDialog::summaryText(*shown),
              QStringLiteral("The one evidence file is present and unchanged."));
    EXPECT_FALSE(document.evidenceFails(0));

    ASSERT_TRUE(QFile::remove(copy));
    shown.reset();
    actions.verify();
    ASSERT_TRUE(shown);
    ASSERT_EQ(shown->problems.size(), 1u);
    EXPECT_TRUE(document.evidenceFails(0));
    const QString report = EvidenceReportDialog::text(document.project(), *shown);
    EXPECT_TRUE(report.contains(recorded + QStringLiteral(": missing"))) << report.toStdString();
    EXPECT_TRUE(report.contains(QStringLiteral("pinned by src-video “Drone footage”")));

    // The Details of the source and of the event citing it carry the warning.
    DetailsView details(&document, &selection);
    selection.select({ItemKind::Source, 0});
    QCoreApplication::processEvents();
    EXPECT_TRUE(details.text().contains(QStringLiteral("⚠ Evidence failed verification")))
        << details.text().toStdString();
    EXPECT_TRUE(details.text().contains(recorded + QStringLiteral("\n   ⚠ missing")))
        << details.text().toStdString();
    selection.select({ItemKind::Event, 0});
    QCoreApplication::processEvents();
    EXPECT_TRUE(details.text().contains(QStringLiteral("⚠ evidence failed verification")));

    // An event's form marks the citation of that source.
    CitationEditor citations(&document);
    citations.setCitations(document.project().citations(document.project().events()[0].sources),
                           true);
    const QListWidget *cited = citations.findChild<QListWidget *>();
    ASSERT_NE(cited, nullptr);
    ASSERT_EQ(cited->count(), 1);
    EXPECT_EQ(cited->item(0)->text(), QStringLiteral("⚠ Drone footage"));

    // The Catalog marks the source, and says why.
    CatalogView catalog(&document, &selection);
    QCoreApplication::processEvents();
    QTreeWidgetItem *row = catalog.itemFor({ItemKind::Source, 0});
    ASSERT_NE(row, nullptr);
    EXPECT_TRUE(row->text(0).startsWith(QStringLiteral("⚠ Drone footage")));
    EXPECT_TRUE(row->data(0, CatalogView::EvidenceFailsRole).toBool());
    EXPECT_TRUE(row->toolTip(0).contains(recorded + QStringLiteral(": missing")));
    EXPECT_FALSE(catalog.itemFor({ItemKind::Source, 1})->text(0).startsWith(QStringLiteral("⚠")));

    // The Inspector's list marks the row.
    LinkOpener opener;
    AttachmentEditor editor(&document, &opener);
    editor.setSource(0);
    ASSERT_EQ(editor.rows().size(), 1);
    EXPECT_EQ(editor.rows()[0], QStringLiteral("⚠ clip.mp4 · 6 bytes · missing"));
    editor.setSource(1);
    EXPECT_TRUE(editor.rows().isEmpty());
}

TEST_F(EvidenceUi, OpeningAProjectChecksItsEvidenceInTheBackground)
{
    EvidenceChecker checker(&document);
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    ASSERT_TRUE(writeFile(copy, "frames, cut"));
    ASSERT_TRUE(document.load(path).empty()); // reset(): a check starts by itself
    ASSERT_TRUE(waitFor([&] { return !document.evidenceReport().problems.empty(); }));
    EXPECT_EQ(document.evidenceReport().problems[0].kind, EvidenceProblem::Kind::Changed);
    EXPECT_TRUE(document.evidenceFails(0));
}

TEST_F(EvidenceUi, TheInspectorListAttachesOpensAndRemoves)
{
    LinkOpener opener;
    QString asked, opened;
    opener.setHandlers(
        [&](QWidget *, const QString &address) {
            asked = address;
            return true;
        },
        [](QWidget *, const QString &, const QString &) {},
        [&](const QUrl &url) {
            opened = url.toLocalFile();
            return true;
        });
    AttachmentEditor editor(&document, &opener);
    editor.setSource(1);
    const QString shot = outside.filePath(QStringLiteral("shot.png"));
    ASSERT_TRUE(writeFile(shot, "pixels"));
    editor.setChooseFiles([&] { return QStringList {shot}; });
    editor.attach();
    EXPECT_EQ(document.undoStack()->undoText(), QStringLiteral("Attach shot.png to ‘Post’"));
    editor.setSource(1); // what the form does when the source changes
    ASSERT_EQ(editor.rows().size(), 1);
    EXPECT_EQ(editor.rows()[0], QStringLiteral("shot.png · 6 bytes"));

    EXPECT_TRUE(editor.openCurrent());
    EXPECT_TRUE(opened.startsWith(dir.filePath(QStringLiteral("evidence/"))))
        << opened.toStdString();
    EXPECT_EQ(asked, QDir::toNativeSeparators(opened)) << "the user saw the whole path first";

    editor.removeCurrent();
    EXPECT_EQ(document.undoStack()->undoText(), QStringLiteral("Remove shot.png from ‘Post’"));
    editor.setSource(1);
    EXPECT_TRUE(editor.rows().isEmpty());

    // A file that cannot be pinned: the reason under the list, nothing attached.
    editor.setChooseFiles([&] { return QStringList {outside.filePath(QStringLiteral("no.png"))}; });
    editor.attach();
    const QLabel *note = editor.findChild<QLabel *>(QStringLiteral("inspectorAttachmentsNote"));
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->text().contains(QStringLiteral("no.png: no such file")));
}

TEST_F(EvidenceUi, AttachIsOfferedForASourceOfASavedProjectOnly)
{
    QWidget window;
    EvidenceChecker checker(&document);
    EvidenceActions actions(&document, &selection, &checker, &window);
    EXPECT_FALSE(actions.attachAction()->isEnabled());
    selection.select({ItemKind::Source, 1});
    EXPECT_TRUE(actions.attachAction()->isEnabled());
    const QString shot = outside.filePath(QStringLiteral("shot.png"));
    ASSERT_TRUE(writeFile(shot, "pixels"));
    actions.setChooseFiles([&] { return QStringList {shot}; });
    actions.attachToSelectedSource();
    const claimline::Project &p = document.project();
    EXPECT_EQ(p.attachments(p.sources()[1].attachments).size(), 1u);
    selection.select({ItemKind::Event, 0});
    EXPECT_FALSE(actions.attachAction()->isEnabled());
}

TEST_F(EvidenceUi, FilesDroppedOnASourceInTheCatalogArePinnedToIt)
{
    CatalogView catalog(&document, &selection);
    catalog.resize(300, 400);
    catalog.show();
    catalog.expandAll();
    QCoreApplication::processEvents();
    QTreeWidgetItem *post = catalog.itemFor({ItemKind::Source, 1});
    ASSERT_NE(post, nullptr);
    const QPoint onPost = catalog.visualItemRect(post).center();
    const QString shot = outside.filePath(QStringLiteral("shot.png"));
    ASSERT_TRUE(writeFile(shot, "pixels"));
    QMimeData files;
    files.setUrls({QUrl::fromLocalFile(shot)});
    EXPECT_EQ(catalog.dropTarget(&files, onPost), 1u);
    QMimeData text;
    text.setText(QStringLiteral("not a file"));
    EXPECT_EQ(catalog.dropTarget(&text, onPost), NoIndex);
    const QTreeWidgetItem *party = catalog.heading(ItemKind::Party);
    EXPECT_EQ(catalog.dropTarget(&files, catalog.visualItemRect(party).center()), NoIndex);

    // As a drag from a file manager arrives: enter, move over the row, drop.
    QDragEnterEvent enter(onPost, Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(catalog.viewport(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDragMoveEvent move(onPost, Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(catalog.viewport(), &move);
    EXPECT_TRUE(move.isAccepted());
    QDropEvent drop(QPointF(onPost), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    const bool delivered = QCoreApplication::sendEvent(catalog.viewport(), &drop);
    EXPECT_TRUE(delivered);
    EXPECT_TRUE(drop.isAccepted());
    const claimline::Project &p = document.project();
    ASSERT_EQ(p.attachments(p.sources()[1].attachments).size(), 1u);
    EXPECT_EQ(p.view(p.attachments(p.sources()[1].attachments)[0].name), "shot.png");
    EXPECT_EQ(document.undoStack()->undoText(), QStringLiteral("Attach shot.png to ‘Post’"));
}

} // namespace
} // namespace claimline
