// InspectorView: Undo and Redo in its text fields (FieldUndo). Ctrl+Z in a field that commits
// as typed takes back the Document's last step, as Edit ▸ Undo does, instead of undoing the
// field's own copy of the typing and committing that as a new "Change title" step (which left
// the file modified with nothing changed). A field that commits when it is left undoes its own
// typing while that is not committed, then the Document's steps. The context menu's Undo and
// Redo agree with the keys.

#include "inspectorfixture.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QWheelEvent>

using namespace claimline;
using namespace claimline::test;

namespace {

// Leaves the focused field the way a user does, by giving another one the focus (its
// editingFinished commits a field that commits when it is left).
void focusOut(QWidget *next)
{
    next->setFocus();
    settle();
}

} // namespace

TEST_F(InspectorTest, CtrlZInATitleTakesBackTheTypingAndLeavesTheFileUnmodified)
{
    const ItemRef item = find("ev-residence-drones");
    const QString before = text(event(item).title);
    m_selection.select(item);
    settle();
    auto *title = child<QLineEdit>("inspectorTitle");
    ASSERT_TRUE(title);
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, QStringLiteral(" (alleged)"));
    settle();
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    ASSERT_TRUE(m_document.isModified());

    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_EQ(text(event(item).title), before);
    EXPECT_EQ(title->text(), before);
    // The step is undone, not answered by another one: nothing to save.
    EXPECT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->index(), 0);
    EXPECT_FALSE(m_document.isModified());

    focusOut(child<QPlainTextEdit>("inspectorSummary"));
    EXPECT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->index(), 0);
    EXPECT_FALSE(m_document.isModified());

    // Redo in the field brings the typing back.
    title->setFocus();
    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    settle();
    EXPECT_EQ(text(event(item).title), before + QStringLiteral(" (alleged)"));
    EXPECT_EQ(title->text(), before + QStringLiteral(" (alleged)"));
    EXPECT_EQ(stack->index(), 1);
    EXPECT_TRUE(m_document.isModified());
}

TEST_F(InspectorTest, CtrlZInASummaryTakesBackTheDocumentsLastStep)
{
    const ItemRef item = find("ev-residence-drones");
    const QString title = text(event(item).title);
    const QString summary = text(event(item).summary);
    m_selection.select(item);
    settle();
    auto *titleEdit = child<QLineEdit>("inspectorTitle");
    titleEdit->setFocus();
    titleEdit->end(false);
    QTest::keyClicks(titleEdit, QStringLiteral("!"));
    auto *summaryEdit = child<QPlainTextEdit>("inspectorSummary");
    summaryEdit->setFocus();
    summaryEdit->moveCursor(QTextCursor::End);
    QTest::keyClicks(summaryEdit, QStringLiteral(" More."));
    settle();
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 2);

    // In the summary, the summary's step goes first, then the title's: one history.
    QTest::keyClick(summaryEdit, Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_EQ(text(event(item).summary), summary);
    EXPECT_EQ(summaryEdit->toPlainText(), summary);
    EXPECT_EQ(text(event(item).title), title + QStringLiteral("!"));
    QTest::keyClick(summaryEdit, Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_EQ(text(event(item).title), title);
    EXPECT_EQ(titleEdit->text(), title);
    EXPECT_EQ(stack->count(), 2);
    EXPECT_EQ(stack->index(), 0);
    EXPECT_FALSE(m_document.isModified());
}

TEST_F(InspectorTest, ATimeUndoesItsOwnTypingUntilCommittedThenTheDocuments)
{
    const ItemRef item = find("ev-residence-drones");
    const FuzzyTime before = event(item).when;
    const QString shown = QString::fromStdString(before.toEdtf());
    m_selection.select(item);
    settle();
    auto *when = child<QLineEdit>("inspectorWhen");
    ASSERT_TRUE(when);
    QUndoStack *stack = m_document.undoStack();

    // Typing not yet committed is the field's: Ctrl+Z takes it back there, and nothing is
    // recorded when the field is left holding the value it had.
    when->setFocus();
    when->end(false);
    QTest::keyClicks(when, QStringLiteral("?"));
    QTest::keyClick(when, Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_EQ(when->text(), shown);
    EXPECT_EQ(event(item).when, before);
    focusOut(child<QLineEdit>("inspectorLocation"));
    EXPECT_EQ(stack->count(), 0);
    EXPECT_FALSE(m_document.isModified());

    // Type, commit, Ctrl+Z: the commit is taken back, and leaving the field adds nothing.
    when->setFocus();
    when->selectAll();
    QTest::keyClicks(when, QStringLiteral("2025-12-30"));
    QTest::keyClick(when, Qt::Key_Return);
    settle();
    EXPECT_EQ(event(item).when.toEdtf(), "2025-12-30");
    ASSERT_EQ(stack->count(), 1);
    QTest::keyClick(when, Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_EQ(event(item).when, before);
    EXPECT_EQ(when->text(), shown);
    focusOut(child<QLineEdit>("inspectorLocation"));
    EXPECT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->index(), 0);
    EXPECT_FALSE(m_document.isModified());
}

TEST_F(InspectorTest, AFieldsContextMenuUndoesTheDocumentsStep)
{
    const ItemRef item = find("ev-residence-drones");
    const QString before = text(event(item).title);
    m_selection.select(item);
    settle();
    auto *title = child<QLineEdit>("inspectorTitle");
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, QStringLiteral(" x"));
    settle();
    ASSERT_EQ(m_document.undoStack()->index(), 1);

    QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(5, 5),
                            title->mapToGlobal(QPoint(5, 5)));
    QCoreApplication::sendEvent(title, &event);
    settle();
    // The standard menu is the field's child, as QLineEdit makes it.
    auto *menu = title->findChild<QMenu *>();
    ASSERT_TRUE(menu);
    EXPECT_TRUE(menu->isVisible());
    QAction *undo = menu->findChild<QAction *>(QStringLiteral("edit-undo"));
    QAction *redo = menu->findChild<QAction *>(QStringLiteral("edit-redo"));
    ASSERT_TRUE(undo && redo);
    EXPECT_TRUE(undo->isEnabled());
    EXPECT_FALSE(redo->isEnabled());
    undo->trigger();
    menu->close();
    settle();
    EXPECT_EQ(text(this->event(item).title), before);
    EXPECT_EQ(title->text(), before);
    EXPECT_EQ(m_document.undoStack()->index(), 0);
    EXPECT_FALSE(m_document.isModified());

    // A plain-text field's menu opens from its viewport, and agrees too: Redo brings the
    // title back.
    auto *summary = child<QPlainTextEdit>("inspectorSummary");
    QContextMenuEvent onSummary(QContextMenuEvent::Mouse, QPoint(5, 5),
                                summary->viewport()->mapToGlobal(QPoint(5, 5)));
    QCoreApplication::sendEvent(summary->viewport(), &onSummary);
    settle();
    menu = summary->findChild<QMenu *>();
    ASSERT_TRUE(menu);
    redo = menu->findChild<QAction *>(QStringLiteral("edit-redo"));
    ASSERT_TRUE(redo);
    EXPECT_TRUE(redo->isEnabled());
    redo->trigger();
    menu->close();
    settle();
    EXPECT_EQ(title->text(), before + QStringLiteral(" x"));
    EXPECT_EQ(m_document.undoStack()->index(), 1);
}

TEST_F(InspectorTest, CtrlZInTheProjectsTitleTakesBackTheTyping)
{
    m_selection.clear();
    settle();
    auto *title = child<QLineEdit>("projectTitle");
    ASSERT_TRUE(title);
    ASSERT_TRUE(title->isVisibleTo(&m_view));
    const QString before = title->text();
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, QStringLiteral(" draft"));
    settle();
    ASSERT_TRUE(m_document.isModified());
    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_EQ(title->text(), before);
    EXPECT_EQ(text(m_document.project().meta().title), before);
    EXPECT_FALSE(m_document.isModified());
}

// Scrolling the form with the wheel over a field never changes it (it changed an event's status
// and asked why, in a screenshot session): the wheel goes to the field once it has focus.
TEST_F(InspectorTest, TheWheelOverAnUnfocusedFieldScrollsTheFormInsteadOfChangingIt)
{
    const ItemRef item = selectItem("ev-residence-drones");
    auto *status = child<QComboBox>("inspectorStatus");
    ASSERT_NE(status, nullptr);
    const Status before = event(item).status;
    const int index = status->currentIndex();
    const auto wheel = [status] {
        const QPointF at(status->width() / 2.0, status->height() / 2.0);
        QWheelEvent event(at, status->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(status, &event);
        settle();
    };
    wheel();
    EXPECT_EQ(status->currentIndex(), index);
    EXPECT_EQ(event(item).status, before);
    EXPECT_TRUE(m_questions.isEmpty());
    EXPECT_EQ(m_document.undoStack()->count(), 0);
    // Focused (a click, Tab), the field takes the wheel as any combo box does.
    status->setFocus(Qt::TabFocusReason);
    settle();
    if (status->hasFocus()) {
        wheel();
        EXPECT_NE(status->currentIndex(), index);
    }
}
