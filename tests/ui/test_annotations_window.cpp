// The analyst's layer in the window (issue 22): Edit ▸ Star with a key no other action has,
// the Annotations dock in the View menu, Tools ▸ Analyst Name…, and stars marked with ★ in the
// table and the Catalog.

#include "annotation/annotationactions.h"
#include "annotation/itemlayer.h"
#include "document/document.h"
#include "document/selection.h"
#include "edit/catalogview.h"
#include "table/itemtablemodel.h"
#include "table/itemtableproxy.h"
#include "table/itemtableview.h"
#include "testproject.h"
#include "testsupport.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <map>

namespace claimline::test {
namespace {

void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

class AnnotationsWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_settingsDir.isValid());
        keepSettingsIn(m_settingsDir.path());
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        ASSERT_TRUE(m_window->openFile(samplePath()));
        m_window->resize(1300, 800);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
        settle();
    }
    ItemRef find(std::string_view id) const
    {
        return m_window->document()->project().find(id).value_or(ItemRef {});
    }
    // Every action of the window's menus, its submenus' too.
    std::vector<QAction *> menuActions() const
    {
        std::vector<QAction *> actions;
        std::vector<QMenu *> menus;
        for (QAction *top : m_window->menuBar()->actions()) {
            if (top->menu())
                menus.push_back(top->menu());
        }
        while (!menus.empty()) {
            QMenu *menu = menus.back();
            menus.pop_back();
            for (QAction *action : menu->actions()) {
                if (action->menu())
                    menus.push_back(action->menu());
                else
                    actions.push_back(action);
            }
        }
        return actions;
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(AnnotationsWindowTest, StarIsCtrlDAndNoOtherActionHasIt)
{
    QAction *star = m_window->annotationActions()->starAction();
    EXPECT_EQ(star->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    // No two actions of the window, its menus' or its views', share a key.
    std::map<QString, QString> seen;
    std::vector<QAction *> actions = menuActions();
    for (QAction *action : m_window->findChildren<QAction *>())
        actions.push_back(action);
    for (const QAction *action : actions) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString text = key.toString();
            const auto [it, inserted] = seen.emplace(text, action->text());
            EXPECT_TRUE(inserted || it->second == action->text())
                << text.toStdString() << ": " << it->second.toStdString() << " and "
                << action->text().toStdString();
        }
    }
    // In the Edit menu, disabled without a selection.
    const auto menu = menuActions();
    EXPECT_NE(std::find(menu.begin(), menu.end(), star), menu.end());
    m_window->selection()->clear();
    settle();
    EXPECT_FALSE(star->isEnabled());

    // The key stars the selection (an event and a source), as one step; again, unstars.
    const ItemRef event = find("ev-residence-drones");
    const ItemRef source = find("src-001");
    m_window->selection()->setItems({event, source}, event);
    settle();
    EXPECT_TRUE(star->isEnabled());
    EXPECT_EQ(star->text(), QStringLiteral("&Star"));
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier);
    settle();
    const Project &p = m_window->document()->project();
    EXPECT_TRUE(layerOf(p, event).starred);
    EXPECT_TRUE(layerOf(p, source).starred);
    EXPECT_EQ(m_window->document()->undoStack()->count(), 1);
    EXPECT_EQ(star->text(), QStringLiteral("Un&star"));
    star->trigger();
    settle();
    EXPECT_FALSE(layerOf(p, event).starred);
}

TEST_F(AnnotationsWindowTest, StarsAreMarkedInTheTableAndTheCatalog)
{
    const ItemRef event = find("ev-residence-drones");
    const ItemRef party = find("russia");
    m_window->document()->setStarred({event, party}, true);
    settle();
    ItemTableProxy *proxy = m_window->table()->proxy();
    const int star = ItemTableModel::EventStarred;
    int starredRows = 0;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QString mark = proxy->index(row, star).data().toString();
        const bool isEvent = std::uint32_t(proxy->sourceRowOf(row)) == event.index;
        EXPECT_EQ(mark, isEvent ? QStringLiteral("★") : QString()) << row;
        starredRows += mark.isEmpty() ? 0 : 1;
    }
    EXPECT_EQ(starredRows, 1);
    // The star column comes first.
    EXPECT_EQ(m_window->table()->table()->horizontalHeader()->visualIndex(star), 0);

    const QTreeWidgetItem *row = m_window->catalog()->itemFor(party);
    ASSERT_TRUE(row);
    EXPECT_TRUE(row->text(0).startsWith(QStringLiteral("★ "))) << row->text(0).toStdString();
    EXPECT_TRUE(row->data(0, CatalogView::StarredRole).toBool());
    m_window->document()->undoStack()->undo();
    settle();
    EXPECT_FALSE(m_window->catalog()->itemFor(party)->text(0).startsWith(QStringLiteral("★")));
}

TEST_F(AnnotationsWindowTest, TheDockIsInTheViewMenuAndTheNameInTools)
{
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("annotationsDock"));
    ASSERT_TRUE(dock);
    const auto actions = menuActions();
    EXPECT_NE(std::find(actions.begin(), actions.end(), dock->toggleViewAction()), actions.end());
    QAction *name = m_window->annotationActions()->analystNameAction();
    EXPECT_NE(std::find(actions.begin(), actions.end(), name), actions.end());
    QStringList offered;
    m_window->annotationActions()->setAskName(
        [&offered](QWidget *, const QString &current, const QString &) {
            offered << current;
            return QStringLiteral("Ana");
        });
    name->trigger();
    name->trigger();
    EXPECT_EQ(offered, (QStringList {QString(), QStringLiteral("Ana")}));
    EXPECT_EQ(QSettings().value(QStringLiteral("analyst/name")).toString(), QStringLiteral("Ana"));
}

} // namespace
} // namespace claimline::test
