// MainWindow: the rough edges a new user hit (issue 16). File ▸ Save As and the other standard
// actions have their keys whatever the platform's keyboard scheme; docks move and stack but
// never come loose; opening another project starts every view at its start, not where the
// previous one was scrolled to; Ctrl+Z in an Inspector field takes back one step, once.

#include "document/document.h"
#include "document/selection.h"
#include "inspector/inspectorview.h"
#include "narratives/narrativescanvas.h"
#include "narratives/narrativesview.h"
#include "table/itemtableview.h"
#include "testsupport.h"
#include "timeline/timelinetooltip.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <optional>

using namespace claimline;

namespace {

void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

class MainWindowUsabilityTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_settingsDir.isValid());
        test::keepSettingsIn(m_settingsDir.path());
    }

    // The window, shown and active, so that its shortcuts and docks work as for a user.
    void show(MainWindow &window)
    {
        window.resize(1100, 700);
        window.show();
        QApplication::setActiveWindow(&window);
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        settle();
    }

    QTemporaryDir m_settingsDir;
};

QAction *menuAction(const MainWindow &window, const QString &menu, const QString &text)
{
    for (const QAction *top : window.menuBar()->actions()) {
        if (!top->menu() || top->text().remove(QLatin1Char('&')) != menu)
            continue;
        for (QAction *action : top->menu()->actions()) {
            if (action->text().remove(QLatin1Char('&')) == text)
                return action;
        }
    }
    ADD_FAILURE() << "no " << menu.toStdString() << " ▸ " << text.toStdString();
    return nullptr;
}

} // namespace

TEST_F(MainWindowUsabilityTest, SaveAsIsCtrlShiftSAndEveryStandardActionHasItsKeys)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    show(window);

    QAction *saveAs = menuAction(window, QStringLiteral("File"), QStringLiteral("Save As…"));
    ASSERT_TRUE(saveAs);
    EXPECT_TRUE(saveAs->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)))
        << saveAs->shortcut().toString().toStdString();
    for (const auto &[menu, text] : {std::pair {"File", "New"},
                                     {"File", "Open…"},
                                     {"File", "Save"},
                                     {"File", "Close"},
                                     {"File", "Print…"},
                                     {"File", "Quit"},
                                     {"Edit", "Undo"},
                                     {"Edit", "Redo"},
                                     {"Edit", "Delete…"}}) {
        const QAction *action
            = menuAction(window, QString::fromUtf8(menu), QString::fromUtf8(text));
        if (action) {
            EXPECT_FALSE(action->shortcut().isEmpty()) << menu << " ▸ " << text;
        }
    }

    // The key does what the menu says: asks where, and saves there.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("copy.claimline"));
    int asked = 0;
    window.setSavePathFunction([&](const QString &) {
        ++asked;
        return path;
    });
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    settle();
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(QFile::exists(path));
    EXPECT_EQ(window.document()->filePath(), path);
}

TEST_F(MainWindowUsabilityTest, DocksMoveAndStackButNeverComeLoose)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    show(window);
    const QList<QDockWidget *> docks = window.findChildren<QDockWidget *>();
    ASSERT_GE(docks.size(), 7);
    for (const QDockWidget *dock : docks) {
        EXPECT_FALSE(dock->features() & QDockWidget::DockWidgetFloatable)
            << dock->objectName().toStdString();
        EXPECT_TRUE(dock->features() & QDockWidget::DockWidgetMovable)
            << dock->objectName().toStdString();
        EXPECT_TRUE(dock->features() & QDockWidget::DockWidgetClosable)
            << dock->objectName().toStdString();
    }

    // A double-click on a title and a short drag from it, as a user does by accident.
    auto *catalog = window.findChild<QDockWidget *>(QStringLiteral("catalogDock"));
    ASSERT_TRUE(catalog && catalog->isVisible());
    const QPoint title(catalog->width() / 2, 6);
    QTest::mouseDClick(catalog, Qt::LeftButton, {}, title);
    settle();
    EXPECT_FALSE(catalog->isFloating());
    QTest::mousePress(catalog, Qt::LeftButton, {}, title);
    for (int step = 1; step <= 4; ++step) {
        const QPoint to = title + QPoint(12 * step, 8 * step);
        QMouseEvent move(QEvent::MouseMove, to, catalog->mapToGlobal(to), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(catalog, &move);
    }
    // Sent to the dock as the moves are: while dragged it may be a window of its own for a
    // moment, which the offscreen platform does not route QTest's events to.
    const QPoint end = title + QPoint(48, 32);
    QMouseEvent release(QEvent::MouseButtonRelease, end, catalog->mapToGlobal(end), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(catalog, &release);
    QTest::qWait(500); // the window animates a dock back into its place
    settle();
    EXPECT_FALSE(catalog->isFloating());
    EXPECT_FALSE(catalog->isWindow());

    // A layout saved while a dock floated puts it back.
    catalog->setFloating(true);
    window.close();
    MainWindow again;
    EXPECT_FALSE(again.findChild<QDockWidget *>(QStringLiteral("catalogDock"))->isFloating());
}

TEST_F(MainWindowUsabilityTest, OpeningAnotherProjectStartsEveryViewAtItsStart)
{
    QTemporaryDir dir;
    const QString other = dir.filePath(QStringLiteral("other.claimline"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), other));

    // Where a fresh window starts on that project.
    double fitStart = 0;
    double fitEnd = 0;
    {
        MainWindow fresh;
        ASSERT_TRUE(fresh.openFile(other));
        show(fresh);
        fitStart = fresh.timeline()->scale().start();
        fitEnd = fresh.timeline()->scale().end();
    }

    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    show(window);
    // Scroll and zoom everything away from its start.
    TimelineView *timeline = window.timeline();
    timeline->zoomIn();
    timeline->zoomIn();
    timeline->centerOn(timeline->scale().start() + 3600 * 24);
    QScrollBar *lanes = timeline->verticalScrollBar();
    ASSERT_GT(lanes->maximum(), 0) << "the lanes should not all fit";
    lanes->setValue(lanes->maximum());
    QTableView *table = window.table()->table();
    window.table()->setMode(ItemTableModel::Mode::Claims);
    settle();
    table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
    ASSERT_GT(table->verticalScrollBar()->value(), 0);
    auto *narratives = window.narratives()->findChild<NarrativesCanvas *>();
    ASSERT_TRUE(narratives);
    settle();
    narratives->verticalScrollBar()->setValue(narratives->verticalScrollBar()->maximum());
    ASSERT_GT(narratives->verticalScrollBar()->value(), 0);

    ASSERT_TRUE(window.openFile(other));
    settle();
    EXPECT_EQ(lanes->value(), 0);
    EXPECT_DOUBLE_EQ(timeline->scale().start(), fitStart);
    EXPECT_DOUBLE_EQ(timeline->scale().end(), fitEnd);
    EXPECT_EQ(table->verticalScrollBar()->value(), 0);
    EXPECT_EQ(table->horizontalScrollBar()->value(), 0);
    EXPECT_EQ(narratives->verticalScrollBar()->value(), 0);
    EXPECT_EQ(narratives->horizontalScrollBar()->value(), 0);
}

TEST_F(MainWindowUsabilityTest, CtrlZInAnInspectorFieldTakesBackOneStep)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    show(window);
    const std::optional<ItemRef> item = window.document()->project().find("ev-residence-drones");
    ASSERT_TRUE(item);
    window.selection()->select(*item);
    settle();
    auto *title = window.inspector()->findChild<QLineEdit *>(QStringLiteral("inspectorTitle"));
    auto *summary
        = window.inspector()->findChild<QPlainTextEdit *>(QStringLiteral("inspectorSummary"));
    ASSERT_TRUE(title && summary);
    // Two steps: the title, then the summary.
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, QStringLiteral("!"));
    summary->setFocus();
    QTest::keyClicks(summary, QStringLiteral("x"));
    settle();
    QUndoStack *stack = window.document()->undoStack();
    ASSERT_EQ(stack->index(), 2);

    // The window's Edit ▸ Undo has the same key: one step back, not two.
    QTest::keyClick(summary, Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_EQ(stack->index(), 1);
    EXPECT_TRUE(window.document()->isModified());
    title->setFocus();
    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_EQ(stack->index(), 0);
    EXPECT_FALSE(window.document()->isModified());
    EXPECT_FALSE(window.isWindowModified());
}

// A tooltip is about what it was shown over: moving off that item (here to where there is
// nothing to tell) takes it away, and so does leaving the view. Qt alone keeps it until the
// mouse next rests, showing one item's details over another or over nothing.
TEST_F(MainWindowUsabilityTest, ATimelineTooltipGoesWhenTheMouseMovesOffItsItem)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    show(window);
    TimelineView *timeline = window.timeline();
    QWidget *viewport = timeline->viewport();
    std::optional<QPoint> onEvent;
    std::optional<QPoint> onNothing;
    for (int y = 2; y < viewport->height() && !(onEvent && onNothing); y += 3) {
        for (int x = 2; x < viewport->width() && !(onEvent && onNothing); x += 3) {
            const QPoint p(x, y);
            const ItemRef item = timeline->itemAt(p);
            // Inside the mark, not at its edge: a move of a pixel stays on it.
            if (!onEvent && item.kind == ItemKind::Event && item.isValid()
                && timeline->itemAt(p + QPoint(2, 0)) == item)
                onEvent = p;
            if (!onNothing && !item.isValid() && TimelineToolTip(*timeline).textAt(p).isEmpty())
                onNothing = p;
        }
    }
    ASSERT_TRUE(onEvent && onNothing);
    const auto move = [viewport](QPoint to) {
        QMouseEvent event(QEvent::MouseMove, to, viewport->mapToGlobal(to), Qt::NoButton,
                          Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &event);
        // Long enough for a hidden tooltip to fade (300 ms), shorter than Qt's wait before it
        // asks the view again where the mouse rests (700 ms).
        QTest::qWait(400);
    };
    const auto hover = [&] {
        QHelpEvent help(QEvent::ToolTip, *onEvent, viewport->mapToGlobal(*onEvent));
        QCoreApplication::sendEvent(viewport, &help);
        ASSERT_TRUE(QToolTip::isVisible());
    };

    hover();
    const ItemRef item = timeline->itemAt(*onEvent);
    const Project &project = window.document()->project();
    EXPECT_TRUE(QToolTip::text().contains(
        project.text(project.events()[item.index].title).toHtmlEscaped().left(20)))
        << QToolTip::text().toStdString();
    move(*onEvent + QPoint(1, 0)); // still on the item: the tooltip stays
    EXPECT_TRUE(QToolTip::isVisible());
    move(*onNothing);
    EXPECT_FALSE(QToolTip::isVisible());

    hover();
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(viewport, &leave);
    QTest::qWait(400);
    EXPECT_FALSE(QToolTip::isVisible());
}

// The same in the narratives: a claim's tooltip goes when the mouse moves off its card.
TEST_F(MainWindowUsabilityTest, ANarrativesTooltipGoesWhenTheMouseMovesOffItsCard)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    show(window);
    auto *canvas = window.narratives()->findChild<NarrativesCanvas *>();
    ASSERT_TRUE(canvas);
    QWidget *viewport = canvas->viewport();
    std::optional<QPoint> onCard;
    std::optional<QPoint> onNothing;
    const int top = canvas->renderer().headerHeight() + 2;
    const int left = canvas->renderer().rowHeaderWidth() + 2;
    for (int y = top; y < viewport->height() && !(onCard && onNothing); y += 3) {
        for (int x = left; x < viewport->width() && !(onCard && onNothing); x += 3) {
            const QPoint p(x, y);
            const std::uint32_t claim = canvas->claimAt(p);
            if (!onCard && claim != NoIndex && canvas->claimAt(p + QPoint(2, 0)) == claim)
                onCard = p;
            if (!onNothing && claim == NoIndex && canvas->moreAt(p).first < 0)
                onNothing = p;
        }
    }
    ASSERT_TRUE(onCard && onNothing);
    const auto move = [viewport](QPoint to) {
        QMouseEvent event(QEvent::MouseMove, to, viewport->mapToGlobal(to), Qt::NoButton,
                          Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &event);
        QTest::qWait(400); // as in the timeline's test
    };
    QHelpEvent help(QEvent::ToolTip, *onCard, viewport->mapToGlobal(*onCard));
    QCoreApplication::sendEvent(viewport, &help);
    ASSERT_TRUE(QToolTip::isVisible());
    move(*onCard + QPoint(1, 0));
    EXPECT_TRUE(QToolTip::isVisible());
    move(*onNothing);
    EXPECT_FALSE(QToolTip::isVisible());
}
