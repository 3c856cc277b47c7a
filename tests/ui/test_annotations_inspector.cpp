// The analyst's layer in the Inspector (issue 22): the annotation thread of any item (add,
// edit, delete, each one undo step), the analyst's name asked once and kept, the star of
// several selected items of different kinds as one step, and the tags of kinds that had none.

#include "annotation/itemlayer.h"
#include "annotationsfixture.h"

#include <QDialogButtonBox>

namespace claimline::test {
namespace {

TEST_F(AnnotationsTest, AddingEditingAndDeletingANoteAreUndoableSteps)
{
    const ItemRef claimItem = selectItem("claim-91-drones");
    ASSERT_TRUE(thread()->isVisibleTo(&m_view));
    EXPECT_EQ(thread()->noteCount(), 0);
    EXPECT_TRUE(shows(QStringLiteral("None yet.")));
    QUndoStack *stack = m_document.undoStack();

    writeNote(QStringLiteral("Check the video's\nmetadata"));
    EXPECT_EQ(notesOf(claimItem),
              QStringList {QStringLiteral("Ana Petrova: Check the video's\nmetadata")});
    EXPECT_EQ(shownNotes(), QStringList {QStringLiteral("Check the video's\nmetadata")});
    EXPECT_TRUE(thread()->box()->toPlainText().isEmpty());
    ASSERT_EQ(stack->count(), 1);
    EXPECT_TRUE(stack->undoText().startsWith(QStringLiteral("Annotate")));
    // The note says who and when, in UTC.
    const auto *author = thread()->findChild<QLabel *>(QStringLiteral("annotationAuthor"));
    const auto *time = thread()->findChild<QLabel *>(QStringLiteral("annotationTime"));
    ASSERT_TRUE(author && time);
    EXPECT_EQ(author->text(), QStringLiteral("Ana Petrova"));
    EXPECT_TRUE(time->text().endsWith(QStringLiteral("UTC"))) << time->text().toStdString();

    // A second one goes below the first.
    thread()->box()->setPlainText(QStringLiteral("Second look"));
    click(thread()->findChild<QPushButton *>(QStringLiteral("annotationAdd")));
    EXPECT_EQ(shownNotes(),
              (QStringList {QStringLiteral("Check the video's\nmetadata"),
                            QStringLiteral("Second look")}));

    // Edit the first: its text changes, its author stays.
    click(noteButton(0, "annotationEdit"));
    auto *editBox = thread()->findChild<QPlainTextEdit *>(QStringLiteral("annotationEditBox"));
    ASSERT_TRUE(editBox);
    editBox->selectAll();
    QTest::keyClicks(editBox, QStringLiteral("Metadata checked: 29 Dec"));
    QTest::keyClick(editBox, Qt::Key_Return, Qt::ControlModifier);
    settle();
    EXPECT_EQ(notesOf(claimItem),
              (QStringList {QStringLiteral("Ana Petrova: Metadata checked: 29 Dec"),
                            QStringLiteral("Ana Petrova: Second look")}));
    EXPECT_EQ(stack->count(), 3);
    EXPECT_TRUE(stack->undoText().startsWith(QStringLiteral("Edit annotation")));

    // Pictures for a person to look at: the thread, then a note being edited.
    saveShots(QStringLiteral("inspector-annotations"), 1500);
    m_view.setPalette(QPalette());
    // Delete the second.
    click(noteButton(1, "annotationDelete"));
    settle();
    EXPECT_EQ(shownNotes(), QStringList {QStringLiteral("Metadata checked: 29 Dec")});
    EXPECT_EQ(stack->count(), 4);

    // Each step undoes on its own, and the thread shows it.
    undoStep();
    EXPECT_EQ(
        shownNotes(),
        (QStringList {QStringLiteral("Metadata checked: 29 Dec"), QStringLiteral("Second look")}));
    undoStep();
    EXPECT_EQ(shownNotes(),
              (QStringList {QStringLiteral("Check the video's\nmetadata"),
                            QStringLiteral("Second look")}));
    undoAll();
    EXPECT_EQ(thread()->noteCount(), 0);
    EXPECT_TRUE(notesOf(claimItem).isEmpty());
    EXPECT_FALSE(m_document.isModified());
    redoAll();
    EXPECT_EQ(shownNotes(), QStringList {QStringLiteral("Metadata checked: 29 Dec")});
}

TEST_F(AnnotationsTest, EscapeCancelsAnEditAndAnEmptyEditIsRefused)
{
    const ItemRef source = selectItem("src-001");
    writeNote(QStringLiteral("Archived copy differs"));
    click(noteButton(0, "annotationEdit"));
    auto *editBox = thread()->findChild<QPlainTextEdit *>(QStringLiteral("annotationEditBox"));
    ASSERT_TRUE(editBox);
    editBox->clear();
    QTest::keyClick(editBox, Qt::Key_Return, Qt::ControlModifier);
    settle();
    EXPECT_TRUE(shows(QStringLiteral("cannot be empty")));
    EXPECT_EQ(m_document.undoStack()->count(), 1);
    QTest::keyClick(editBox, Qt::Key_Escape);
    settle();
    EXPECT_EQ(notesOf(source), QStringList {QStringLiteral("Ana Petrova: Archived copy differs")});
    EXPECT_EQ(shownNotes(), QStringList {QStringLiteral("Archived copy differs")});
    EXPECT_EQ(thread()->findChild<QPlainTextEdit *>(QStringLiteral("annotationEditBox")), nullptr);
}

TEST_F(AnnotationsTest, TheAnalystIsAskedOnceAndTheNameIsKept)
{
    const ItemRef party = selectItem("russia");
    EXPECT_TRUE(AnalystNameDialog::saved().isEmpty());
    // Cancelled: nothing is added, the text stays for later, and the user is told why.
    m_name.clear();
    writeNote(QStringLiteral("Official line"));
    EXPECT_EQ(m_asked.size(), 1);
    EXPECT_TRUE(notesOf(party).isEmpty());
    EXPECT_EQ(thread()->box()->toPlainText(), QStringLiteral("Official line"));
    EXPECT_TRUE(shows(QStringLiteral("needs your name")));
    EXPECT_EQ(m_document.undoStack()->count(), 0);

    // Answered: kept in the settings, and never asked again.
    m_name = QStringLiteral("  Ana   Petrova ");
    QTest::keyClick(thread()->box(), Qt::Key_Return, Qt::ControlModifier);
    settle();
    EXPECT_EQ(m_asked.size(), 2);
    EXPECT_EQ(QSettings().value(QStringLiteral("analyst/name")).toString(),
              QStringLiteral("Ana Petrova"));
    writeNote(QStringLiteral("Second"));
    selectItem("ukraine");
    writeNote(QStringLiteral("Third"));
    EXPECT_EQ(m_asked.size(), 2);
    EXPECT_EQ(notesOf(party),
              (QStringList {QStringLiteral("Ana Petrova: Official line"),
                            QStringLiteral("Ana Petrova: Second")}));
}

TEST_F(AnnotationsTest, TheNameDialogWaitsForANonBlankName)
{
    AnalystNameDialog dialog(QString(), QStringLiteral("Why"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("   "));
    EXPECT_FALSE(ok->isEnabled());
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Ana "));
    EXPECT_TRUE(ok->isEnabled());
    EXPECT_EQ(dialog.name(), QStringLiteral("Ana"));
}

TEST_F(AnnotationsTest, ADraftIsKeptPerItem)
{
    selectItem("russia");
    thread()->box()->setPlainText(QStringLiteral("half a thought"));
    selectItem("ukraine");
    EXPECT_TRUE(thread()->box()->toPlainText().isEmpty());
    selectItem("russia");
    EXPECT_EQ(thread()->box()->toPlainText(), QStringLiteral("half a thought"));
}

TEST_F(AnnotationsTest, StarringSeveralItemsOfDifferentKindsIsOneStep)
{
    const ItemRef event = find("ev-residence-drones");
    const ItemRef claimItem = find("claim-91-drones");
    const ItemRef source = find("src-002");
    const ItemRef party = find("ukraine");
    const std::vector<ItemRef> items {event, claimItem, source, party};
    const Project &p = m_document.project();
    // One already starred: the box shows the mix as it is.
    m_document.setStarred({source}, true);
    m_document.undoStack()->clear();
    m_selection.setItems(items, claimItem);
    settle();
    EXPECT_EQ(star()->checkState(), Qt::PartiallyChecked);
    EXPECT_TRUE(star()->text().contains(QStringLiteral("1 of 4"))) << star()->text().toStdString();

    // A click stars them all, as one step.
    click(star());
    for (const ItemRef &item : items)
        EXPECT_TRUE(layerOf(p, item).starred) << int(item.kind);
    EXPECT_EQ(star()->checkState(), Qt::Checked);
    ASSERT_EQ(m_document.undoStack()->count(), 1);
    EXPECT_EQ(m_document.undoStack()->undoText(), QStringLiteral("Star 3 items"));

    // All starred: a click unstars them all.
    click(star());
    for (const ItemRef &item : items)
        EXPECT_FALSE(layerOf(p, item).starred);
    EXPECT_EQ(m_document.undoStack()->count(), 2);

    undoStep();
    EXPECT_EQ(star()->checkState(), Qt::Checked);
    undoStep();
    EXPECT_EQ(star()->checkState(), Qt::PartiallyChecked);
    EXPECT_FALSE(layerOf(p, event).starred);
    EXPECT_TRUE(layerOf(p, source).starred);
}

TEST_F(AnnotationsTest, TagsOfAClaimAndOfSeveralSources)
{
    const Project &p = m_document.project();
    const ItemRef claimItem = selectItem("claim-91-drones");
    auto *tags = child<QLineEdit>("inspectorTags");
    ASSERT_TRUE(tags && tags->isVisibleTo(&m_view));
    EXPECT_TRUE(tags->text().isEmpty());
    retype(tags, QStringLiteral("drones, to-verify"));
    ASSERT_EQ(claim(claimItem).tags.count, 2u);
    EXPECT_EQ(QString::fromUtf8(p.word(p.indices(claim(claimItem).tags)[1])),
              QStringLiteral("to-verify"));
    EXPECT_EQ(m_document.undoStack()->undoText(),
              QStringLiteral("Change tags of ") + m_document.quotedName(claimItem));
    undoStep();
    EXPECT_EQ(claim(claimItem).tags.count, 0u);
    EXPECT_TRUE(tags->text().isEmpty());

    // Two sources: the tag goes on both, as one step, and the note says so.
    const ItemRef a = find("src-001");
    const ItemRef b = find("src-002");
    m_selection.setItems({a, b}, a);
    settle();
    EXPECT_TRUE(shows(QStringLiteral("2 sources selected: tags set here apply to all of them.")));
    tags = child<QLineEdit>("inspectorTags");
    retype(tags, QStringLiteral("primary"));
    EXPECT_EQ(source(a).tags.count, 1u);
    EXPECT_EQ(source(b).tags.count, 1u);
    EXPECT_EQ(m_document.undoStack()->undoText(), QStringLiteral("Add tag ‘primary’ to 2 sources"));
}

} // namespace
} // namespace claimline::test
