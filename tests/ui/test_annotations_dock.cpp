// The Annotations dock and the Filter's stars and annotations (issue 22): every annotation
// newest first, searched as the search box does (case and accents folded), a click selects the
// annotated item; the list follows edits and undo. The filter's "Starred only", "Annotated
// only" and "By author" hide the right rows of the table (the timeline reads the same
// Filter::accepted()).

#include "annotation/annotationlistmodel.h"
#include "annotation/annotationsview.h"
#include "annotation/itemlayer.h"
#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "filter/filterpanel.h"
#include "table/itemtableproxy.h"
#include "table/itemtableview.h"
#include "testproject.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QLineEdit>
#include <QScrollArea>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace claimline::test {
namespace {

void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

FuzzyTime at(int day, int hour)
{
    return FuzzyTime::fromInstant(utcMidnight(2026, 1, day) + hour * 3600, Precision::Second);
}

class AnnotationsDockTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(document.load(samplePath()).empty());
        view.resize(800, 300);
        view.show();
        settle();
    }
    ItemRef find(std::string_view id) const
    {
        const std::optional<ItemRef> item = document.project().find(id);
        EXPECT_TRUE(item.has_value()) << id;
        return item.value_or(ItemRef {});
    }
    // Annotates three items at known times (the middle one oldest).
    void annotate()
    {
        ASSERT_TRUE(document.addAnnotation(find("ev-residence-drones"), QStringLiteral("Ana"),
                                           QStringLiteral("Geolocated near Kyïv"), at(2, 9)));
        ASSERT_TRUE(document.addAnnotation(find("russia"), QStringLiteral("Bob"),
                                           QStringLiteral("Official line only"), at(1, 9)));
        ASSERT_TRUE(document.addAnnotation(find("claim-91-drones"), QStringLiteral("Ana"),
                                           QStringLiteral("Count does not match the MoD"),
                                           at(3, 9)));
        settle();
    }
    void search(const QString &text)
    {
        view.searchField()->clear();
        QTest::keyClicks(view.searchField(), text);
        settle();
    }

    Document document;
    Selection selection;
    AnnotationsView view {&document, &selection};
    QAbstractItemModelTester tester {view.model(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(AnnotationsDockTest, ListsEveryAnnotationNewestFirst)
{
    EXPECT_EQ(view.rowCount(), 0);
    EXPECT_TRUE(view.emptyText().startsWith(QStringLiteral("No annotations yet")));
    annotate();
    ASSERT_EQ(view.rowCount(), 3);
    EXPECT_TRUE(view.emptyText().isEmpty());
    EXPECT_EQ(view.itemAt(0), find("claim-91-drones"));
    EXPECT_EQ(view.itemAt(1), find("ev-residence-drones"));
    EXPECT_EQ(view.itemAt(2), find("russia"));
    EXPECT_EQ(view.countText(), QStringLiteral("3 annotations"));
    const QAbstractItemModel *rows = view.list()->model();
    EXPECT_EQ(rows->index(2, AnnotationListModel::Author).data().toString(), QStringLiteral("Bob"));
    EXPECT_EQ(rows->index(2, AnnotationListModel::Item).data().toString(),
              QStringLiteral("Party: Russia"));
    EXPECT_EQ(rows->index(2, AnnotationListModel::When).data().toString(),
              at(1, 9).toDisplayString());
    EXPECT_EQ(rows->index(1, AnnotationListModel::Text).data().toString(),
              QStringLiteral("Geolocated near Kyïv"));
}

TEST_F(AnnotationsDockTest, SearchFoldsCaseAndAccents)
{
    annotate();
    search(QStringLiteral("kyiv"));
    ASSERT_EQ(view.rowCount(), 1);
    EXPECT_EQ(view.itemAt(0), find("ev-residence-drones"));
    EXPECT_EQ(view.countText(), QStringLiteral("1 of 3"));
    search(QStringLiteral("KYÏV"));
    EXPECT_EQ(view.rowCount(), 1);
    // The author and the item's label are searched too.
    search(QStringLiteral("bob"));
    ASSERT_EQ(view.rowCount(), 1);
    EXPECT_EQ(view.itemAt(0), find("russia"));
    search(QStringLiteral("russia"));
    EXPECT_EQ(view.rowCount(), 1);
    search(QStringLiteral("nothing like this"));
    EXPECT_EQ(view.rowCount(), 0);
    EXPECT_EQ(view.emptyText(), QStringLiteral("No annotation matches “nothing like this”."));
    view.searchField()->clear();
    settle();
    EXPECT_EQ(view.rowCount(), 3);
}

TEST_F(AnnotationsDockTest, ClickingAnAnnotationSelectsItsItem)
{
    annotate();
    QTreeView *list = view.list();
    const QModelIndex second = list->model()->index(1, AnnotationListModel::Text);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(second).center());
    settle();
    EXPECT_EQ(selection.current(), find("ev-residence-drones"));
    EXPECT_EQ(selection.items().size(), 1u);
    // Arrowing down selects the next one's item; Enter asks for it to be shown.
    std::vector<ItemRef> activated;
    QObject::connect(&view, &AnnotationsView::itemActivated, &view,
                     [&activated](ItemRef item) { activated.push_back(item); });
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    settle();
    EXPECT_EQ(selection.current(), find("russia"));
    QTest::keyClick(list, Qt::Key_Return);
    EXPECT_EQ(activated, std::vector<ItemRef> {find("russia")});
    // Another selection made elsewhere; a click on the same row selects its item again.
    selection.select(find("ukraine"));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(list->model()->index(2, 0)).center());
    EXPECT_EQ(selection.current(), find("russia"));
}

TEST_F(AnnotationsDockTest, FollowsEditsAndUndo)
{
    annotate();
    QUndoStack *stack = document.undoStack();
    const ItemRef party = find("ukraine");
    ASSERT_TRUE(document.addAnnotation(party, QStringLiteral("Cy"), QStringLiteral("Newest")));
    settle();
    ASSERT_EQ(view.rowCount(), 4);
    EXPECT_EQ(view.itemAt(0), party);
    ASSERT_TRUE(document.editAnnotation(party, 0, QStringLiteral("Newest, edited")));
    settle();
    EXPECT_EQ(view.list()->model()->index(0, AnnotationListModel::Text).data().toString(),
              QStringLiteral("Newest, edited"));
    stack->undo();
    settle();
    EXPECT_EQ(view.list()->model()->index(0, AnnotationListModel::Text).data().toString(),
              QStringLiteral("Newest"));
    while (stack->canUndo())
        stack->undo();
    settle();
    EXPECT_EQ(view.rowCount(), 0);
    EXPECT_TRUE(view.emptyText().startsWith(QStringLiteral("No annotations yet")));
    stack->redo();
    settle();
    EXPECT_EQ(view.rowCount(), 1);
}

class LayerFilterTest : public AnnotationsDockTest
{
protected:
    void SetUp() override
    {
        AnnotationsDockTest::SetUp();
        panel.resize(300, 900);
        panel.show();
        table.resize(900, 400);
        table.show();
        settle();
    }
    // The events the table shows (it is in events mode).
    std::vector<std::uint32_t> tableEvents()
    {
        std::vector<std::uint32_t> rows;
        ItemTableProxy *proxy = table.proxy();
        for (int row = 0; row < proxy->rowCount(); ++row)
            rows.push_back(std::uint32_t(proxy->sourceRowOf(row)));
        std::sort(rows.begin(), rows.end());
        return rows;
    }
    // Clicks a control of the panel as a user does, once it is scrolled into view.
    void click(QWidget *widget)
    {
        panel.findChild<QScrollArea *>(QStringLiteral("filterScroll"))->ensureWidgetVisible(widget);
        settle();
        // A check box takes clicks on its box and its text, not on the empty rest of its row.
        const QPoint at = qobject_cast<QCheckBox *>(widget) ? QPoint(8, widget->height() / 2)
                                                            : widget->rect().center();
        QTest::mouseClick(widget, Qt::LeftButton, {}, at);
        settle();
    }
    template<typename T>
    T *child(const char *name) const
    {
        T *widget = panel.findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    Filter filter;
    FilterPanel panel {&document, &filter};
    ItemTableView table {&document, &selection, &filter};
};

TEST_F(LayerFilterTest, StarredAnnotatedAndByAuthorHideTheRightItems)
{
    const ItemRef drones = find("ev-residence-drones");
    const ItemRef call = find("ev-putin-trump-call");
    const ItemRef readout = find("ev-kremlin-readout");
    document.setStarred({drones, call}, true);
    annotate(); // drones by Ana (and a claim, and a party)
    ASSERT_TRUE(document.addAnnotation(readout, QStringLiteral("Bob"), QStringLiteral("Compare")));
    settle();
    const std::size_t all = document.project().events().size();
    ASSERT_EQ(tableEvents().size(), all);

    auto *starred = child<QCheckBox>("filterStarredOnly");
    auto *annotated = child<QCheckBox>("filterAnnotatedOnly");
    auto *author = child<QComboBox>("filterAnnotationAuthor");
    ASSERT_TRUE(starred && annotated && author);
    // The authors, sorted, after Anyone.
    ASSERT_EQ(author->count(), 3);
    EXPECT_EQ(author->itemText(1), QStringLiteral("Ana"));
    EXPECT_EQ(author->itemText(2), QStringLiteral("Bob"));

    click(starred);
    settle();
    EXPECT_TRUE(filter.starredOnly());
    EXPECT_EQ(tableEvents(),
              (std::vector<std::uint32_t> {std::min(drones.index, call.index),
                                           std::max(drones.index, call.index)}));
    click(starred);
    click(annotated);
    settle();
    EXPECT_EQ(tableEvents(),
              (std::vector<std::uint32_t> {std::min(drones.index, readout.index),
                                           std::max(drones.index, readout.index)}));
    click(annotated);
    author->setCurrentIndex(2); // Bob
    settle();
    EXPECT_EQ(filter.annotationAuthor(), QStringLiteral("Bob"));
    // A picture of the section for a person to look at, light and dark.
    click(annotated);
    panel.findChild<QScrollArea *>(QStringLiteral("filterScroll"))->ensureWidgetVisible(author);
    settle();
    const QString dir = qEnvironmentVariable("CLAIMLINE_SHOTS_DIR", QDir::tempPath());
    panel.grab().save(QDir(dir).filePath(QStringLiteral("filter-layer-light.png")));
    panel.setPalette(darkPalette());
    settle();
    panel.grab().save(QDir(dir).filePath(QStringLiteral("filter-layer-dark.png")));
    click(annotated);
    EXPECT_EQ(tableEvents(), std::vector<std::uint32_t> {readout.index});
    EXPECT_EQ(filter.accepted(document.project()).eventCount(), 1u);

    // A new author shows in the list; Reset shows everything again, in the controls too.
    ASSERT_TRUE(document.addAnnotation(call, QStringLiteral("Cy"), QStringLiteral("Later")));
    settle();
    EXPECT_EQ(author->findText(QStringLiteral("Cy")), 3);
    EXPECT_EQ(author->currentText(), QStringLiteral("Bob"));
    filter.clear();
    settle();
    EXPECT_EQ(author->currentIndex(), 0);
    EXPECT_FALSE(starred->isChecked());
    EXPECT_EQ(tableEvents().size(), all);
}

} // namespace
} // namespace claimline::test
