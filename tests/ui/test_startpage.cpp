// The start page: with no project open, the centre of the window offers the sample, Open…,
// the recent files and New Project instead of an empty timeline at an arbitrary month; New
// Project shows the empty timeline with a hint how to add the first event; an open project
// never shows the start page.

#include "document/document.h"
#include "document/selection.h"
#include "model/project.h"
#include "start/startpage.h"
#include "start/startstack.h"
#include "testsupport.h"
#include "theme/thememanager.h"
#include "timeline/timelinerenderer.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"
#include "window/projectsession.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMouseEvent>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

class StartPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_settingsDir.isValid());
        test::keepSettingsIn(m_settingsDir.path());
    }
    void TearDown() override { ThemeManager::apply(ThemeManager::Theme::System); }

    static QAbstractButton *button(const MainWindow &window, const char *name)
    {
        return window.startStack()->startPage()->findChild<QAbstractButton *>(QLatin1String(name));
    }

    // The start page's buttons a user can see, by text.
    static QStringList visibleButtons(const MainWindow &window)
    {
        QStringList texts;
        for (const auto *b : window.startStack()->startPage()->findChildren<QAbstractButton *>()) {
            if (b->isVisibleTo(&window))
                texts << b->text();
        }
        return texts;
    }

    QString copySample(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        EXPECT_TRUE(QFile::copy(test::samplePath(), path));
        return path;
    }

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(StartPageTest, NoProjectShowsTheStartPageWithItsButtons)
{
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();
    EXPECT_TRUE(window.startStack()->isShowingStartPage());
    EXPECT_FALSE(window.timeline()->isVisible());
    EXPECT_TRUE(window.startStack()->startPage()->isVisible());
    const QStringList buttons = visibleButtons(window);
    EXPECT_TRUE(buttons.contains(QStringLiteral("Open the Sample")))
        << buttons.join(u'|').toStdString();
    EXPECT_TRUE(buttons.contains(QStringLiteral("Open…")));
    EXPECT_TRUE(buttons.contains(QStringLiteral("New Project")));
    // Import a dataset into a new project (the wizard: test_importwizard.cpp).
    EXPECT_TRUE(buttons.contains(QStringLiteral("Import a Dataset…")));
    // No recent file yet: the list says where they will be.
    const auto *none = window.startStack()->startPage()->findChild<QLabel *>(
        QStringLiteral("noRecentFilesLabel"));
    ASSERT_NE(none, nullptr);
    EXPECT_TRUE(none->isVisibleTo(&window));
    // The sample the button opens is the one the app ships.
    EXPECT_EQ(QFileInfo(window.startStack()->startPage()->samplePath()).canonicalFilePath(),
              QFileInfo(test::samplePath()).canonicalFilePath());
}

TEST_F(StartPageTest, OpenTheSampleShowsItOnTheTimeline)
{
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();
    QAbstractButton *sample = button(window, "openSampleButton");
    ASSERT_NE(sample, nullptr);
    QTest::mouseClick(sample, Qt::LeftButton);
    EXPECT_EQ(QFileInfo(window.document()->filePath()).canonicalFilePath(),
              QFileInfo(test::samplePath()).canonicalFilePath());
    EXPECT_FALSE(window.startStack()->isShowingStartPage());
    EXPECT_FALSE(window.startStack()->isShowingHint());
    QCoreApplication::processEvents();
    EXPECT_TRUE(window.timeline()->isVisible());
    EXPECT_GT(window.timeline()->width(), 600);
    // The timeline shows the sample's items, not an empty month.
    EXPECT_GT(window.timeline()->frame().marks.size(), 10U);
    EXPECT_GT(window.timeline()->frame().itemsInView, 10U);

    // The second click of a double click on the button must not reach the timeline that
    // replaced it: a double click on empty lane space adds an event, one on a mark selects it
    // and zooms. Both kinds of point are tried.
    TimelineView *timeline = window.timeline();
    const TimelineFrame &frame = timeline->frame();
    QPoint empty(-1, -1);
    QPoint onItem(-1, -1);
    for (int y = int(frame.plot.top()) + 4; y < int(frame.plot.bottom()); y += 7) {
        for (int x = int(frame.plot.left()) + 4; x < int(frame.plot.right()); x += 9) {
            const QPoint p(x, y);
            if (timeline->laneBoxAt(y) < 0 || timeline->clusterAt(p) >= 0)
                continue;
            if (timeline->itemAt(p).isValid())
                onItem = onItem.x() < 0 ? p : onItem;
            else
                empty = empty.x() < 0 ? p : empty;
        }
    }
    ASSERT_GE(empty.x(), 0);
    ASSERT_GE(onItem.x(), 0);
    const std::size_t events = window.document()->project().events().size();
    const double span = timeline->scale().end() - timeline->scale().start();
    for (const QPoint &p : {empty, onItem}) {
        QMouseEvent doubleClick(QEvent::MouseButtonDblClick, p,
                                timeline->viewport()->mapToGlobal(p), Qt::LeftButton,
                                Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(timeline->viewport(), &doubleClick);
    }
    EXPECT_EQ(window.document()->project().events().size(), events);
    EXPECT_FALSE(window.document()->isModified());
    EXPECT_TRUE(window.selection()->isEmpty());
    EXPECT_DOUBLE_EQ(timeline->scale().end() - timeline->scale().start(), span);
}

TEST_F(StartPageTest, AnOpenProjectNeverShowsIt)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    EXPECT_FALSE(window.startStack()->isShowingStartPage());
    // Closing leaves nothing open: the start page again, with the file among the recent ones.
    ASSERT_TRUE(window.closeProject());
    EXPECT_TRUE(window.startStack()->isShowingStartPage());
    QStringList recent;
    for (const auto *b : window.startStack()->startPage()->findChildren<QCommandLinkButton *>(
             QStringLiteral("recentFileButton"))) {
        if (!b->isHidden())
            recent << b->property("path").toString();
    }
    EXPECT_EQ(recent, QStringList {QFileInfo(test::samplePath()).absoluteFilePath()});
    // An empty file on disk is a project that is open: the timeline, with the hint.
    const QString empty = m_dir.filePath(QStringLiteral("empty.claimline"));
    ASSERT_TRUE(test::writeFile(empty, R"({"format": "claimline", "version": 1})"));
    ASSERT_TRUE(window.openFile(empty));
    EXPECT_FALSE(window.startStack()->isShowingStartPage());
    EXPECT_TRUE(window.startStack()->isShowingHint());
}

TEST_F(StartPageTest, NewProjectShowsTheEmptyTimelineWithAHint)
{
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();
    QAbstractButton *blank = button(window, "newProjectButton");
    ASSERT_NE(blank, nullptr);
    QTest::mouseClick(blank, Qt::LeftButton);
    QCoreApplication::processEvents();
    EXPECT_FALSE(window.startStack()->isShowingStartPage());
    EXPECT_TRUE(window.timeline()->isVisible());
    ASSERT_TRUE(window.startStack()->isShowingHint());
    const QLabel *hint = window.startStack()->hint();
    EXPECT_TRUE(hint->isVisible());
    EXPECT_TRUE(hint->text().contains(QStringLiteral("Double-click the Events lane")));
    // It names the shortcut the Insert menu really has.
    auto *newEvent = window.findChild<QAction *>(QStringLiteral("newEventAction"));
    ASSERT_NE(newEvent, nullptr);
    EXPECT_TRUE(hint->text().contains(newEvent->shortcut().toString(QKeySequence::NativeText)));
    // It lies over the timeline, and does not take the clicks it suggests.
    EXPECT_TRUE(window.timeline()->geometry().contains(hint->geometry()));
    EXPECT_TRUE(hint->testAttribute(Qt::WA_TransparentForMouseEvents));

    // The first event: the hint goes; undoing it brings the hint back, not the start page.
    newEvent->trigger();
    ASSERT_EQ(window.document()->project().events().size(), 1U);
    EXPECT_FALSE(window.startStack()->isShowingHint());
    window.document()->undoStack()->undo();
    EXPECT_TRUE(window.document()->project().events().empty());
    EXPECT_FALSE(window.startStack()->isShowingStartPage());
    EXPECT_TRUE(window.startStack()->isShowingHint());
}

TEST_F(StartPageTest, RecentFilesOpenWithOneClick)
{
    const QString first = copySample(QStringLiteral("first.claimline"));
    const QString second = copySample(QStringLiteral("second & more.claimline"));
    MainWindow window;
    ASSERT_TRUE(window.openFile(first));
    ASSERT_TRUE(window.openFile(second));
    ASSERT_TRUE(window.closeProject());
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();
    QList<QCommandLinkButton *> buttons;
    for (QCommandLinkButton *b :
         window.startStack()->startPage()->findChildren<QCommandLinkButton *>(
             QStringLiteral("recentFileButton"))) {
        if (b->isVisibleTo(&window))
            buttons << b;
    }
    ASSERT_EQ(buttons.size(), 2);
    // Most recent first, names shown as they are ("&" is no mnemonic).
    QCommandLinkButton *top = nullptr;
    for (QCommandLinkButton *b : buttons) {
        if (b->property("path").toString() == QFileInfo(second).absoluteFilePath())
            top = b;
    }
    ASSERT_NE(top, nullptr);
    EXPECT_EQ(top->text(), QStringLiteral("second && more.claimline"));
    EXPECT_EQ(
        window.startStack()->startPage()->recentFiles(),
        (QStringList {QFileInfo(second).absoluteFilePath(), QFileInfo(first).absoluteFilePath()}));
    QTest::mouseClick(top, Qt::LeftButton);
    EXPECT_EQ(window.document()->filePath(), second);
    EXPECT_FALSE(window.startStack()->isShowingStartPage());
}

// Screenshots to look at (not compared): the start page and New Project's hint, light and dark.
TEST_F(StartPageTest, LooksRightInLightAndDark)
{
    QDir().mkpath(QStringLiteral("/tmp/shots/theme-start"));
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    for (const auto theme : {ThemeManager::Theme::Light, ThemeManager::Theme::Dark}) {
        window.themeManager()->setTheme(theme);
        QCoreApplication::processEvents();
        const QString suffix
            = theme == ThemeManager::Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
        ASSERT_TRUE(window.startStack()->isShowingStartPage());
        // Everything on the page fits: no button is cut by the page's width.
        for (const auto *b : window.startStack()->startPage()->findChildren<QAbstractButton *>()) {
            if (b->isVisibleTo(&window)) {
                EXPECT_GE(b->width(), b->minimumSizeHint().width()) << b->text().toStdString();
            }
        }
        window.grab().save(QStringLiteral("/tmp/shots/theme-start/test-start-%1.png").arg(suffix));
        ASSERT_TRUE(window.newProject());
        QCoreApplication::processEvents();
        window.grab().save(QStringLiteral("/tmp/shots/theme-start/test-new-%1.png").arg(suffix));
        ASSERT_TRUE(window.closeProject());
    }
}
