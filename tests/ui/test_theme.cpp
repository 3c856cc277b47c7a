// View ▸ Theme: Dark is a palette of our own (it used to need a platform theme with a dark
// palette), every view follows it, party colours keep a contrast of 3:1 on it (Ukraine's dark
// blue and the outlets' greys vanished), System gives back the platform's look, and the choice
// survives a restart.
//
// Contrast is computed here from WCAG 2's definition, not with the app's own helper, so that
// the test does not check the code against itself.

#include "charts/chartbuilder.h"
#include "charts/chartsview.h"
#include "details/detailsview.h"
#include "document/document.h"
#include "model/project.h"
#include "narratives/narrativescanvas.h"
#include "narratives/narrativestheme.h"
#include "narratives/narrativesview.h"
#include "table/itemtableview.h"
#include "testsupport.h"
#include "theme/thememanager.h"
#include "timeline/timelinerenderer.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QListWidget>
#include <QMenu>
#include <QProxyStyle>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace claimline;

namespace {

// WCAG 2.x relative luminance and contrast ratio (sRGB, IEC 61966-2-1 threshold).
double wcagLuminance(const QColor &color)
{
    const auto linear = [](int channel) {
        const double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const QColor c = color.toRgb();
    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
}

double wcagContrast(const QColor &a, const QColor &b)
{
    const double la = wcagLuminance(a);
    const double lb = wcagLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The mean luminance of what a widget shows: a dark view is mostly dark pixels.
double meanLuminance(QWidget *widget)
{
    const QImage image = widget->grab().toImage();
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            sum += wcagLuminance(image.pixelColor(x, y));
            ++n;
        }
    }
    return n ? sum / n : 0;
}

class ThemeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_settingsDir.isValid());
        test::keepSettingsIn(m_settingsDir.path());
        m_systemStyle = QApplication::style()->name();
        m_systemWindow = QApplication::palette().color(QPalette::Window);
    }
    void TearDown() override { ThemeManager::apply(ThemeManager::Theme::System); }

    static void choose(MainWindow &window, ThemeManager::Theme theme)
    {
        QAction *action = window.themeManager()->action(theme);
        ASSERT_NE(action, nullptr);
        // Through the menu, as a user does.
        const auto *menu = window.findChild<QMenu *>(QStringLiteral("themeMenu"));
        ASSERT_NE(menu, nullptr);
        ASSERT_TRUE(menu->actions().contains(action));
        action->trigger();
        QCoreApplication::processEvents();
    }

    QTemporaryDir m_settingsDir;
    QString m_systemStyle;
    QColor m_systemWindow;
};

} // namespace

TEST_F(ThemeTest, DarkIsAPaletteOfOurOwnAndEveryViewFollowsIt)
{
    // The offscreen platform has no dark palette to offer: this is the case of the report.
    ASSERT_GE(m_systemWindow.lightness(), 128);
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();
    EXPECT_GT(meanLuminance(window.timeline()->viewport()), 0.6);

    choose(window, ThemeManager::Theme::Dark);
    EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 128);
    // Fusion under our proxy (indicators that show on dark): the same on every desktop.
    const auto *style = qobject_cast<QProxyStyle *>(QApplication::style());
    ASSERT_NE(style, nullptr);
    EXPECT_EQ(style->baseStyle()->name().toLower(), QStringLiteral("fusion"));
    EXPECT_TRUE(window.themeManager()->action(ThemeManager::Theme::Dark)->isChecked());
    EXPECT_FALSE(window.themeManager()->action(ThemeManager::Theme::System)->isChecked());

    // What the user sees: every view drawn dark, with light text (mean luminance of a dark
    // view is far below that of the light one above).
    const QList<QWidget *> views {
        window.timeline()->viewport(), window.narratives()->canvas()->viewport(), window.charts(),
        window.table()->findChild<QAbstractItemView *>()->viewport(), window.detailsView()};
    for (QWidget *view : views) {
        EXPECT_LT(view->palette().color(QPalette::Base).lightness(), 128)
            << view->metaObject()->className();
    }
    // Only the views in front are painted; the docks' other tabs are checked on their own.
    EXPECT_LT(meanLuminance(window.timeline()->viewport()), 0.12);
    EXPECT_LT(meanLuminance(window.narratives()->canvas()->viewport()), 0.12);
    EXPECT_LT(meanLuminance(&window), 0.12);
    window.charts()->resize(900, 400);
    EXPECT_LT(meanLuminance(window.charts()), 0.12);
    QDir().mkpath(QStringLiteral("/tmp/shots/theme-start"));
    window.grab().save(QStringLiteral("/tmp/shots/theme-start/test-mainwindow-dark.png"));

    choose(window, ThemeManager::Theme::Light);
    EXPECT_GE(QApplication::palette().color(QPalette::Window).lightness(), 128);
    EXPECT_GT(meanLuminance(window.timeline()->viewport()), 0.6);
    window.grab().save(QStringLiteral("/tmp/shots/theme-start/test-mainwindow-light.png"));
}

// Every party of the sample, as the timeline paints its lane stripe (read back from the
// pixels) and as the narratives and the charts colour it, stands out from the background by
// 3:1. Before, the outlets' greys (#4D4D4D, #666666) were drawn as they are, under 2:1.
TEST_F(ThemeTest, PartyColoursKeepAContrastOfThreeToOneOnDark)
{
    MainWindow window;
    ASSERT_TRUE(window.openFile(test::samplePath()));
    window.resize(1440, 900);
    window.show();
    choose(window, ThemeManager::Theme::Dark);
    const Project &project = window.document()->project();
    ASSERT_EQ(project.parties().size(), 11U);

    TimelineView *timeline = window.timeline();
    // Every lane collapsed, so that all of them are in view at once.
    for (std::size_t lane = 0; lane < timeline->lanes().lanes().size(); ++lane)
        timeline->setLaneCollapsed(lane, true);
    const QImage pixels = timeline->viewport()->grab().toImage();
    const QColor labelsBackground = timeline->viewport()->palette().color(QPalette::Window);
    const TimelineFrame &frame = timeline->frame();
    int stripes = 0;
    for (const auto &box : frame.lanes) {
        const std::uint32_t party = timeline->lanes().lanes()[box.lane].party;
        if (party >= project.parties().size())
            continue; // the Events lane is drawn in ink
        const int y = int(frame.plot.top() + box.top - frame.scrollY + box.height / 2);
        if (y < 0 || y >= pixels.height())
            continue;
        const QColor drawn = pixels.pixelColor(1, y);
        EXPECT_GE(wcagContrast(drawn, labelsBackground), 3.0)
            << project.text(project.parties()[party].name).toStdString() << " "
            << drawn.name().toStdString();
        // The plot behind the marks, too.
        EXPECT_GE(wcagContrast(drawn, timeline->viewport()->palette().color(QPalette::Base)), 3.0);
        ++stripes;
    }
    EXPECT_EQ(stripes, 11);

    const NarrativesTheme narratives
        = NarrativesTheme::from(window.narratives()->canvas()->palette());
    const ChartTheme charts = ChartTheme::from(window.charts()->palette());
    for (std::uint32_t party = 0; party < project.parties().size(); ++party) {
        const std::string name = project.text(project.parties()[party].name).toStdString();
        EXPECT_GE(wcagContrast(narratives.partyColor(project, party), narratives.background), 3.0)
            << name;
        EXPECT_GE(wcagContrast(charts.partyColor(project, party), charts.background), 3.0) << name;
    }
    // Lightened, not replaced: Ukraine stays blue.
    const QColor ukraine = narratives.partyColor(project, 1);
    EXPECT_EQ(project.text(project.parties()[1].name), QStringLiteral("Ukraine"));
    EXPECT_NEAR(ukraine.hslHue(), QColor(0x00, 0x72, 0xb2).hslHue(), 3);
}

TEST_F(ThemeTest, SystemGivesBackThePlatformsStyleAndPalette)
{
    MainWindow window;
    choose(window, ThemeManager::Theme::Dark);
    ASSERT_LT(QApplication::palette().color(QPalette::Window).lightness(), 128);
    choose(window, ThemeManager::Theme::System);
    EXPECT_EQ(QApplication::style()->name(), m_systemStyle);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), m_systemWindow);
    EXPECT_EQ(window.palette().color(QPalette::Window), m_systemWindow);
    EXPECT_TRUE(window.themeManager()->action(ThemeManager::Theme::System)->isChecked());
}

TEST_F(ThemeTest, TheChoiceIsKeptForTheNextStart)
{
    EXPECT_EQ(ThemeManager::savedTheme(), ThemeManager::Theme::System);
    {
        MainWindow window;
        EXPECT_TRUE(window.themeManager()->action(ThemeManager::Theme::System)->isChecked());
        choose(window, ThemeManager::Theme::Dark);
    }
    EXPECT_EQ(QSettings().value(ThemeManager::settingsKey()).toString(), QStringLiteral("dark"));

    // The next start: the platform's look, then what main() applies before the window.
    ThemeManager::apply(ThemeManager::Theme::System);
    ASSERT_GE(QApplication::palette().color(QPalette::Window).lightness(), 128);
    ThemeManager::applySaved();
    EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 128);
    MainWindow window;
    EXPECT_TRUE(window.themeManager()->action(ThemeManager::Theme::Dark)->isChecked());
    EXPECT_LT(window.palette().color(QPalette::Window).lightness(), 128);

    // An unknown value (a later version's theme) is System, not an error.
    QSettings().setValue(ThemeManager::settingsKey(), QStringLiteral("sepia"));
    EXPECT_EQ(ThemeManager::savedTheme(), ThemeManager::Theme::System);
}

// Fusion outlines check boxes with the window colour made darker, which vanished on dark: an
// unchecked box in a list (the Inspector's parties) did not show at all. Its outline must
// stand out from the list's background.
TEST_F(ThemeTest, UncheckedBoxesShowOnDark)
{
    MainWindow window;
    choose(window, ThemeManager::Theme::Dark);
    QListWidget list;
    auto *item = new QListWidgetItem(QStringLiteral("United States"), &list);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
    list.resize(240, 80);
    list.show();
    QCoreApplication::processEvents();
    const QRect row = list.visualItemRect(item);
    const QImage pixels = list.viewport()->grab().toImage();
    const QColor base = list.viewport()->palette().color(QPalette::Base);
    double strongest = 1;
    // The indicator is left of the text: the row's first 22 pixels hold only the box.
    for (int y = row.top(); y <= row.bottom(); ++y) {
        for (int x = row.left(); x < row.left() + 22; ++x)
            strongest = std::max(strongest, wcagContrast(pixels.pixelColor(x, y), base));
    }
    EXPECT_GE(strongest, 2.0);
}
