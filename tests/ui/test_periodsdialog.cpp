// Edit ▸ Periods…: the table lists the project's periods and edits a title or a time in place,
// the fields under it add one, Remove removes the selected ones; every change is one undo step
// of the document, and a time that is not EDTF is refused with the parser's words, in red.

#include "document/document.h"
#include "format/projectwriter.h"
#include "periods/periodsdialog.h"
#include "periods/periodsmodel.h"
#include "testproject.h"
#include "testsupport.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

FuzzyTime edtf(std::string_view text)
{
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text);
    EXPECT_TRUE(time.has_value()) << text;
    return time.value_or(FuzzyTime());
}

class PeriodsDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(document.load(test::samplePath()).empty());
        document.addPeriod(QStringLiteral("Peace talks at Mar-a-Lago"), edtf("2025-12-28"));
        document.undoStack()->clear();
        original = projectToString(document.project());
        dialog = std::make_unique<PeriodsDialog>(&document);
        tester = std::make_unique<QAbstractItemModelTester>(
            dialog->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        dialog->show();
        QApplication::processEvents();
    }

    template<typename Widget>
    Widget *child(const char *name) const
    {
        auto *widget = dialog->findChild<Widget *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }
    QString cell(int row, int column) const
    {
        return dialog->model()->index(row, column).data().toString();
    }
    QString status() const { return child<QLabel>("periodStatus")->text(); }
    bool statusIsRed() const
    {
        const QColor c = child<QLabel>("periodStatus")->palette().color(QPalette::WindowText);
        return c.red() > 150 && c.green() < 100;
    }
    // Types into the table's editor of a cell and presses Enter, as a user does.
    void typeInto(int row, int column, const QString &text)
    {
        QTableView *table = dialog->table();
        const QModelIndex index = dialog->model()->index(row, column);
        table->setCurrentIndex(index);
        table->edit(index);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        ASSERT_NE(editor, nullptr);
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QApplication::processEvents();
    }

    Document document;
    std::string original;
    std::unique_ptr<PeriodsDialog> dialog;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

TEST_F(PeriodsDialogTest, ListsThePeriodsWithTheirReading)
{
    ASSERT_EQ(dialog->model()->rowCount(), 1);
    EXPECT_EQ(cell(0, PeriodsModel::TitleColumn), QStringLiteral("Peace talks at Mar-a-Lago"));
    EXPECT_EQ(cell(0, PeriodsModel::WhenColumn), QStringLiteral("2025-12-28"));
    EXPECT_EQ(cell(0, PeriodsModel::ReadsColumn), QStringLiteral("28 Dec 2025"));
    EXPECT_FALSE(dialog->model()->flags(dialog->model()->index(0, PeriodsModel::ReadsColumn))
                 & Qt::ItemIsEditable);
}

TEST_F(PeriodsDialogTest, MarkupInATitleIsShownAsText)
{
    document.addPeriod(QStringLiteral("<img src=\"file:///etc/passwd\"><b>Talks</b>"),
                       edtf("2025-12-30"));
    const QModelIndex title = dialog->model()->index(1, PeriodsModel::TitleColumn);
    EXPECT_EQ(title.data().toString(),
              QStringLiteral("<img src=\"file:///etc/passwd\"><b>Talks</b>"));
    const QString tip = title.data(Qt::ToolTipRole).toString();
    EXPECT_FALSE(tip.contains(QStringLiteral("<b>"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("&lt;b&gt;Talks&lt;/b&gt;"))) << tip.toStdString();
}

TEST_F(PeriodsDialogTest, AddsWhatIsTypedAsOneUndoStep)
{
    auto *title = child<QLineEdit>("periodTitle");
    auto *when = child<QLineEdit>("periodWhen");
    auto *add = child<QPushButton>("addPeriodButton");
    EXPECT_FALSE(add->isEnabled());
    QTest::keyClicks(title, QStringLiteral("Allegation and denials"));
    QTest::keyClicks(when, QStringLiteral("2025-12-29/2025-12-31"));
    // The time is read as it is typed.
    EXPECT_EQ(status(), QStringLiteral("Reads 29–31 Dec 2025."));
    EXPECT_FALSE(statusIsRed());
    ASSERT_TRUE(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    ASSERT_EQ(dialog->model()->rowCount(), 2);
    EXPECT_EQ(cell(1, PeriodsModel::TitleColumn), QStringLiteral("Allegation and denials"));
    EXPECT_EQ(document.project().view(document.project().periods()[1].id),
              "period-allegation-and-denials");
    EXPECT_TRUE(title->text().isEmpty());
    EXPECT_EQ(document.undoStack()->count(), 1);
    // Ctrl+Z in the dialog is the document's undo.
    dialog->activateWindow();
    dialog->table()->setFocus();
    QTest::keySequence(dialog.get(), QKeySequence::Undo);
    QApplication::processEvents();
    EXPECT_EQ(dialog->model()->rowCount(), 1);
    EXPECT_EQ(projectToString(document.project()), original);
}

TEST_F(PeriodsDialogTest, ATimeThatIsNotEdtfIsRefusedWithTheParsersWords)
{
    auto *when = child<QLineEdit>("periodWhen");
    QTest::keyClicks(child<QLineEdit>("periodTitle"), QStringLiteral("Winter"));
    QTest::keyClicks(when, QStringLiteral("2025-13"));
    EXPECT_TRUE(status().startsWith(QStringLiteral("Not a time: "))) << status().toStdString();
    EXPECT_TRUE(status().contains(QStringLiteral("13"))) << status().toStdString();
    EXPECT_TRUE(statusIsRed());
    EXPECT_FALSE(dialog->addTyped());
    EXPECT_EQ(dialog->model()->rowCount(), 1);
    EXPECT_EQ(document.undoStack()->count(), 0);

    // In the table the same: the cell keeps its time and says why.
    typeInto(0, PeriodsModel::WhenColumn, QStringLiteral("28 December"));
    EXPECT_EQ(cell(0, PeriodsModel::WhenColumn), QStringLiteral("2025-12-28"));
    EXPECT_TRUE(status().startsWith(QStringLiteral("Not a time: "))) << status().toStdString();
    EXPECT_TRUE(status().endsWith(QStringLiteral("The time was left as it was.")));
    EXPECT_TRUE(statusIsRed());
    EXPECT_EQ(document.undoStack()->count(), 0);
    EXPECT_EQ(projectToString(document.project()), original);
}

TEST_F(PeriodsDialogTest, EditsInTheTableAreOneUndoStepEach)
{
    typeInto(0, PeriodsModel::TitleColumn, QStringLiteral("Talks in Florida"));
    typeInto(0, PeriodsModel::WhenColumn, QStringLiteral("2025-12-28/2025-12-29"));
    EXPECT_EQ(cell(0, PeriodsModel::TitleColumn), QStringLiteral("Talks in Florida"));
    EXPECT_EQ(cell(0, PeriodsModel::ReadsColumn), QStringLiteral("28–29 Dec 2025"));
    QUndoStack *stack = document.undoStack();
    ASSERT_EQ(stack->count(), 2);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Change time of period ‘Talks in Florida’"));
    // An empty title is refused; the period keeps its own.
    typeInto(0, PeriodsModel::TitleColumn, QStringLiteral("   "));
    EXPECT_EQ(cell(0, PeriodsModel::TitleColumn), QStringLiteral("Talks in Florida"));
    EXPECT_TRUE(statusIsRed());
    EXPECT_EQ(stack->count(), 2);
    stack->undo();
    EXPECT_EQ(cell(0, PeriodsModel::WhenColumn), QStringLiteral("2025-12-28"));
    stack->undo();
    EXPECT_EQ(cell(0, PeriodsModel::TitleColumn), QStringLiteral("Peace talks at Mar-a-Lago"));
    EXPECT_EQ(projectToString(document.project()), original);
}

TEST_F(PeriodsDialogTest, RemoveTakesTheSelectedOnesAndUndoBringsThemBack)
{
    document.addPeriod(QStringLiteral("Allegation and denials"), edtf("2025-12-29/2025-12-31"));
    document.addPeriod(QStringLiteral("New year"), edtf("2026-01-01"));
    const std::string three = projectToString(document.project());
    auto *remove = child<QPushButton>("removePeriodButton");
    EXPECT_FALSE(remove->isEnabled());
    dialog->table()->selectRow(0);
    dialog->table()->selectionModel()->select(
        dialog->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    ASSERT_TRUE(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    ASSERT_EQ(dialog->model()->rowCount(), 1);
    EXPECT_EQ(cell(0, PeriodsModel::TitleColumn), QStringLiteral("Allegation and denials"));
    // Two at once are one step.
    EXPECT_EQ(document.undoStack()->undoText(), QStringLiteral("Remove 2 periods"));
    document.undoStack()->undo();
    EXPECT_EQ(dialog->model()->rowCount(), 3);
    EXPECT_EQ(projectToString(document.project()), three);
}

TEST(PeriodsMenu, EditPeriodsOpensOneDialogOverTheWindow)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    test::keepSettingsIn(dir.path());
    qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(dir.filePath(QStringLiteral("r"))));
    {
        MainWindow window;
        ASSERT_TRUE(window.openFile(test::samplePath()));
        window.show();
        auto *action = window.findChild<QAction *>(QStringLiteral("periodsAction"));
        ASSERT_NE(action, nullptr);
        EXPECT_EQ(action->text(), QStringLiteral("&Periods…"));
        // It is on the Edit menu.
        const QList<QAction *> menus = window.menuBar()->actions();
        const auto edit = std::find_if(menus.begin(), menus.end(), [](QAction *a) {
            return a->text() == QStringLiteral("&Edit");
        });
        ASSERT_NE(edit, menus.end());
        EXPECT_TRUE((*edit)->menu()->actions().contains(action));
        action->trigger();
        action->trigger();
        const QList<PeriodsDialog *> dialogs = window.findChildren<PeriodsDialog *>();
        ASSERT_EQ(dialogs.size(), 1);
        EXPECT_TRUE(dialogs.front()->isVisible());
    }
    qunsetenv("CLAIMLINE_RECOVERY_DIR");
}
