// ItemTableView: switching between events and claims opens the other list at its top, or at
// its selected item, never at the scroll position the previous list was left at.

#include "itemtablefixture.h"

#include <QScrollBar>
#include <QToolButton>

using namespace claimline;
using namespace claimline::test;

namespace {

bool rowIsInView(ItemTableFixture &f, int row)
{
    return f.table().viewport()->rect().contains(
        f.table().visualRect(f.proxy().index(row, 0)).center());
}

} // namespace

TEST(ItemTable, SwitchingKindsStartsAtTheTopOrAtTheSelectedItem)
{
    ItemTableFixture f;
    f.view.resize(500, 220); // a few rows and columns visible: both scroll bars move
    f.view.show();
    settle();
    auto *events = f.view.findChild<QToolButton *>(QStringLiteral("tableModeEvents"));
    auto *claims = f.view.findChild<QToolButton *>(QStringLiteral("tableModeClaims"));
    ASSERT_TRUE(events && claims);
    QScrollBar *vertical = f.table().verticalScrollBar();
    QScrollBar *horizontal = f.table().horizontalScrollBar();

    // Claims scrolled to the end, right and down; then Events: its top-left.
    QTest::mouseClick(claims, Qt::LeftButton);
    settle();
    ASSERT_EQ(f.view.mode(), Mode::Claims);
    vertical->setValue(vertical->maximum());
    horizontal->setValue(horizontal->maximum());
    ASSERT_GT(vertical->value(), 0);
    ASSERT_GT(horizontal->value(), 0);
    QTest::mouseClick(events, Qt::LeftButton);
    settle();
    ASSERT_EQ(f.view.mode(), Mode::Events);
    EXPECT_EQ(vertical->value(), 0);
    EXPECT_EQ(horizontal->value(), 0);
    EXPECT_TRUE(rowIsInView(f, 0));

    // With an event selected far down, coming back to Events shows it.
    const int last = f.proxy().rowCount() - 1;
    f.selection.select({ItemKind::Event, f.sourceRow(last)});
    settle();
    ASSERT_TRUE(rowIsInView(f, last));
    QTest::mouseClick(claims, Qt::LeftButton);
    settle();
    EXPECT_EQ(vertical->value(), 0); // no claim selected: the top
    vertical->setValue(vertical->maximum() / 2);
    QTest::mouseClick(events, Qt::LeftButton);
    settle();
    EXPECT_TRUE(f.table().selectionModel()->isRowSelected(last, {}));
    EXPECT_TRUE(rowIsInView(f, last));
    EXPECT_EQ(horizontal->value(), 0);
}
