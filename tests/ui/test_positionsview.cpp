// The Positions view as a user meets it: seed 001's table on the sample, cells edited in place
// (double-click, F2, typing; Enter keeps, Esc cancels, an empty text clears) with one undo
// step per changed cell and none otherwise, columns that follow the filter, the "All parties"
// switch and deletions, and party swatches that stay visible on a dark palette.

#include "common/colors.h"
#include "document/document.h"
#include "document/filter.h"
#include "model/project.h"
#include "positions/positionsmodel.h"
#include "positions/positionsview.h"
#include "testproject.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimline;
using test::indexOf;

namespace {

class PositionsViewTest : public testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(document.load(test::samplePath()).empty());
        view.resize(1400, 420);
        view.show();
        view.flushLayout();
    }

    const Project &project() const { return document.project(); }
    QTableView *table() const { return view.tableView(); }
    PositionsModel *model() const { return view.model(); }
    std::uint32_t party(const char *id) const { return indexOf(project(), id, ItemKind::Party); }
    std::uint32_t question(const char *id) const
    {
        return indexOf(project(), id, ItemKind::Question);
    }
    QModelIndex cell(const char *questionId, const char *partyId) const
    {
        return model()->indexOf(question(questionId), party(partyId));
    }
    QString stored(const char *questionId, const char *partyId) const
    {
        const std::uint32_t i = project().positionOf(question(questionId), party(partyId));
        return i == NoIndex ? QString() : project().text(project().positions()[i].text);
    }
    QStringList columnNames() const
    {
        QStringList names;
        for (int c = 0; c < model()->columnCount(); ++c)
            names << model()->headerData(c, Qt::Horizontal).toString();
        return names;
    }
    QLineEdit *editor() const
    {
        return table()->viewport()->findChild<QLineEdit *>(QStringLiteral("positionEditor"));
    }
    void doubleClick(const QModelIndex &index)
    {
        table()->scrollTo(index);
        const QPoint at = table()->visualRect(index).center();
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, at);
    }
    int steps() const { return document.undoStack()->count(); }
    // Enter and Esc in an editor: the delegate commits and closes it at the next turn of the
    // event loop, as in the app.
    static void press(QWidget *editor, Qt::Key key)
    {
        QTest::keyClick(editor, key);
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    Document document;
    Filter filter;
    PositionsView view {&document, &filter};
};

} // namespace

TEST_F(PositionsViewTest, ShowsSeed001sTableOnTheSample)
{
    QAbstractItemModelTester tester(model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Every question is a row to write in; the columns are the parties with a position.
    EXPECT_EQ(model()->rowCount(), int(project().questions().size()));
    EXPECT_EQ(columnNames(),
              (QStringList {QStringLiteral("Russia"), QStringLiteral("Ukraine"),
                            QStringLiteral("United States"), QStringLiteral("European Union")}));
    EXPECT_EQ(model()->headerData(0, Qt::Vertical).toString(),
              QStringLiteral("Was Putin or his residence targeted?"));
    EXPECT_EQ(cell("q-targeted", "russia").data().toString(), QStringLiteral("Yes"));
    EXPECT_EQ(cell("q-targeted", "ukraine").data().toString(), QStringLiteral("No"));
    EXPECT_EQ(cell("q-scale", "russia").data().toString(), QStringLiteral("91 drones"));
    EXPECT_EQ(cell("q-proof", "ukraine").data().toString(),
              QStringLiteral("Calls the footage unconvincing"));
    // An empty cell shows nothing.
    EXPECT_EQ(cell("q-targeted", "european-union").data().toString(), QString());
    EXPECT_EQ(cell("q-peace-talks", "russia").data().toString(), QString());

    // Wrapped cells: the row of the longest US position is taller than one line.
    const int line = table()->fontMetrics().height();
    EXPECT_GT(table()->rowHeight(cell("q-targeted", "united-states").row()), line * 3 / 2);
    // The questions are row headers: they stay in view when the parties scroll.
    EXPECT_TRUE(table()->verticalHeader()->isVisible());
    EXPECT_GE(table()->verticalHeader()->width(), table()->fontMetrics().averageCharWidth() * 14);
}

TEST_F(PositionsViewTest, DoubleClickTypeEnterIsOneUndoStep)
{
    const QModelIndex eu = cell("q-targeted", "european-union");
    doubleClick(eu);
    QLineEdit *field = editor();
    ASSERT_NE(field, nullptr);
    EXPECT_EQ(field->text(), QString());
    EXPECT_EQ(field->placeholderText(),
              QStringLiteral("European Union's position, in a few words"));
    QTest::keyClicks(field, QStringLiteral("A distraction"));
    press(field, Qt::Key_Return);
    EXPECT_EQ(stored("q-targeted", "european-union"), QStringLiteral("A distraction"));
    EXPECT_EQ(eu.data().toString(), QStringLiteral("A distraction"));
    EXPECT_EQ(steps(), 1);
    EXPECT_TRUE(document.isModified());
    document.undoStack()->undo();
    EXPECT_EQ(stored("q-targeted", "european-union"), QString());
    EXPECT_EQ(eu.data().toString(), QString());
    EXPECT_FALSE(document.isModified());
}

TEST_F(PositionsViewTest, EscLeavesTheCellAndTheHistoryAlone)
{
    const QModelIndex russia = cell("q-scale", "russia");
    doubleClick(russia);
    QLineEdit *field = editor();
    ASSERT_NE(field, nullptr);
    EXPECT_EQ(field->text(), QStringLiteral("91 drones"));
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("90 drones"));
    press(field, Qt::Key_Escape);
    EXPECT_EQ(stored("q-scale", "russia"), QStringLiteral("91 drones"));
    EXPECT_EQ(steps(), 0);
    EXPECT_FALSE(document.isModified());
    EXPECT_EQ(editor(), nullptr);
}

TEST_F(PositionsViewTest, TypingOnACellReplacesItsPosition)
{
    const QModelIndex ukraine = cell("q-targeted", "ukraine");
    table()->setFocus();
    table()->setCurrentIndex(ukraine);
    // The first key opens the editor in place of the old text, as in a spreadsheet; the
    // editor has the focus for the rest.
    QTest::keyClicks(table(), QStringLiteral("F"));
    QLineEdit *field = editor();
    ASSERT_NE(field, nullptr);
    EXPECT_EQ(field->text(), QStringLiteral("F"));
    QTest::keyClicks(field, QStringLiteral("latly no"));
    press(field, Qt::Key_Return);
    EXPECT_EQ(stored("q-targeted", "ukraine"), QStringLiteral("Flatly no"));
    EXPECT_EQ(steps(), 1);
}

TEST_F(PositionsViewTest, F2EnterUnchangedIsNoStepAndEmptyClears)
{
    const QModelIndex us = cell("q-proof", "united-states");
    table()->setFocus();
    table()->setCurrentIndex(us);
    QTest::keyClick(table(), Qt::Key_F2);
    ASSERT_NE(editor(), nullptr);
    press(editor(), Qt::Key_Return);
    EXPECT_EQ(steps(), 0);
    EXPECT_FALSE(document.isModified());

    QTest::keyClick(table(), Qt::Key_F2);
    QLineEdit *field = editor();
    ASSERT_NE(field, nullptr);
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Delete);
    press(field, Qt::Key_Return);
    EXPECT_EQ(stored("q-proof", "united-states"), QString());
    EXPECT_EQ(steps(), 1);
    EXPECT_EQ(
        document.undoStack()->undoText(),
        QStringLiteral("Clear position of ‘United States’ on ‘What proof has been offered?’"));
    // The column stays while the user works in it, though the US has fewer positions now.
    EXPECT_TRUE(columnNames().contains(QStringLiteral("United States")));
}

TEST_F(PositionsViewTest, ColumnsFollowTheFilterAndTheSwitch)
{
    filter.setPartyHidden(party("ukraine"), true);
    QCoreApplication::processEvents();
    EXPECT_EQ(columnNames(),
              (QStringList {QStringLiteral("Russia"), QStringLiteral("United States"),
                            QStringLiteral("European Union")}));
    filter.setPartyHidden(party("ukraine"), false);

    view.setShowsAllParties(true);
    EXPECT_TRUE(view.findChild<QCheckBox *>(QStringLiteral("positionsAllParties"))->isChecked());
    EXPECT_EQ(model()->columnCount(), int(project().parties().size()));
    // A first position for India, written in the view, keeps India's column when the switch
    // goes back.
    ASSERT_TRUE(model()->setData(cell("q-targeted", "india"), QStringLiteral("Deeply concerned")));
    QCoreApplication::processEvents();
    view.setShowsAllParties(false);
    EXPECT_EQ(columnNames(),
              (QStringList {QStringLiteral("Russia"), QStringLiteral("Ukraine"),
                            QStringLiteral("United States"), QStringLiteral("European Union"),
                            QStringLiteral("India")}));
}

TEST_F(PositionsViewTest, APartysFirstPositionGetsItsColumn)
{
    // From another view (or a script), not through a cell of this one.
    ASSERT_TRUE(document.setPosition(question("q-scale"), party("reuters"),
                                     QStringLiteral("Could not verify")));
    QCoreApplication::processEvents();
    EXPECT_TRUE(columnNames().contains(QStringLiteral("Reuters")));
    EXPECT_EQ(cell("q-scale", "reuters").data().toString(), QStringLiteral("Could not verify"));
}

TEST_F(PositionsViewTest, DeletingAPartyOrQuestionAndUndo)
{
    const int rows = model()->rowCount();
    ASSERT_TRUE(
        document.deleteItems({{ItemKind::Party, party("european-union")}}, DeleteMode::Cascade));
    EXPECT_FALSE(columnNames().contains(QStringLiteral("European Union")));
    EXPECT_EQ(cell("q-proof", "ukraine").data().toString(),
              QStringLiteral("Calls the footage unconvincing"));
    document.undoStack()->undo();
    EXPECT_TRUE(columnNames().contains(QStringLiteral("European Union")));
    EXPECT_EQ(cell("q-proof", "european-union").data().toString(),
              QStringLiteral("Public proof remains disputed"));

    ASSERT_TRUE(
        document.deleteItems({{ItemKind::Question, question("q-targeted")}}, DeleteMode::Detach));
    EXPECT_EQ(model()->rowCount(), rows - 1);
    EXPECT_EQ(model()->headerData(0, Qt::Vertical).toString(),
              QStringLiteral("How large was the operation?"));
    EXPECT_EQ(model()->index(0, 0).data().toString(), QStringLiteral("91 drones"));
    document.undoStack()->undo();
    EXPECT_EQ(cell("q-targeted", "russia").data().toString(), QStringLiteral("Yes"));
}

TEST_F(PositionsViewTest, AnEmptyProjectSaysWhereToStart)
{
    document.setProject(Project());
    const auto *empty = view.findChild<QWidget *>(QStringLiteral("positionsEmpty"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    EXPECT_FALSE(table()->isVisible());
}

TEST_F(PositionsViewTest, SwatchesStandOutOnDarkAndLight)
{
    for (const QPalette &palette : {QPalette(QColor(0xf0, 0xf0, 0xf0)), test::darkPalette()}) {
        view.setPalette(palette);
        const QColor base = table()->palette().color(QPalette::Base);
        for (int c = 0; c < model()->columnCount(); ++c) {
            const auto swatch = model()
                                    ->headerData(c, Qt::Horizontal, PositionsModel::SwatchRole)
                                    .value<QColor>();
            EXPECT_GE(contrastRatio(swatch, base), 1.5)
                << model()->headerData(c, Qt::Horizontal).toString().toStdString();
        }
    }
    // Ukraine's dark blue, on the dark palette, is lightened to be seen.
    const auto ukraine = model()
                             ->headerData(model()->indexOf(0, party("ukraine")).column(),
                                          Qt::Horizontal, PositionsModel::SwatchRole)
                             .value<QColor>();
    EXPECT_GE(contrastRatio(ukraine, test::darkPalette().color(QPalette::Base)), 3.0);

    // Screenshots to look at (not compared): CLAIMLINE_POSITIONS_PNG_DIR=/tmp/shots/positions.
    const QString pngDir = qEnvironmentVariable("CLAIMLINE_POSITIONS_PNG_DIR");
    if (!pngDir.isEmpty()) {
        QDir().mkpath(pngDir);
        for (const auto &[name, palette] :
             {std::pair {QStringLiteral("light"), QPalette(QColor(0xef, 0xef, 0xef))},
              std::pair {QStringLiteral("dark"), test::darkPalette()}}) {
            view.setPalette(palette);
            view.flushLayout();
            view.grab().save(QDir(pngDir).filePath(QStringLiteral("view-%1.png").arg(name)));
        }
        view.setPalette(QPalette(QColor(0xef, 0xef, 0xef)));
        view.setShowsAllParties(true);
        view.resize(1000, 420);
        QCoreApplication::processEvents();
        view.flushLayout();
        view.grab().save(QDir(pngDir).filePath(QStringLiteral("view-all-parties.png")));
    }
}
