// The status line's filter summary in the main window: after "Only Ukraine" it says so in a few
// words instead of listing the ten hidden parties, fits the line, and its tooltip names every
// shown and hidden party. Saves pictures of the window (light and dark) to look at.

#include "document/document.h"
#include "document/filter.h"
#include "filter/checklist.h"
#include "filter/filterpanel.h"
#include "model/project.h"
#include "samplefacts.h"
#include "testproject.h"
#include "testsupport.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolTip>

#include <gtest/gtest.h>

#include <memory>

using namespace claimline;
using test::indexOf;

namespace {

class FilterStatusTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_settingsDir.isValid());
        test::keepSettingsIn(m_settingsDir.path());
        m_window = std::make_unique<MainWindow>();
        ASSERT_TRUE(m_window->openFile(test::samplePath()));
        // The window a 1600 × 1000 screen opens with (nine tenths of it).
        m_window->resize(1440, 900);
        m_window->show();
        m_label = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("statusLabel"));
        ASSERT_TRUE(m_label);
        m_parties
            = m_window->filterPanel()->findChild<CheckList *>(QStringLiteral("filterParties"));
        ASSERT_TRUE(m_parties);
    }

    const Project &p() const { return m_window->document()->project(); }
    std::uint32_t party(std::string_view id) const { return indexOf(p(), id, ItemKind::Party); }
    int rowOf(std::string_view id) const
    {
        for (int row = 0; row < m_parties->count(); ++row) {
            if (m_parties->item(row)->data(Qt::UserRole).toUInt() == party(id))
                return row;
        }
        return -1;
    }
    // The tooltip as the reader sees it (it is HTML, escaped).
    QString toolTipText() const
    {
        return QTextDocumentFragment::fromHtml(m_label->toolTip()).toPlainText();
    }
    void onlyThis(std::string_view id)
    {
        const std::unique_ptr<QMenu> menu(m_parties->createContextMenu(rowOf(id)));
        auto *only = menu->findChild<QAction *>(QStringLiteral("checkOnlyAction"));
        ASSERT_TRUE(only);
        only->trigger();
    }
    void picture(const QString &name)
    {
        // The Filter dock in front of the Details one it shares a tab bar with.
        for (QWidget *w = m_window->filterPanel(); w; w = w->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(w)) {
                dock->raise();
                break;
            }
        }
        QTest::qWait(50);
        const QString base = QDir::tempPath() + QStringLiteral("/claimline-filterstatus-") + name;
        EXPECT_TRUE(m_window->grab().save(base + QStringLiteral(".png")));
        QStatusBar *bar = m_window->statusBar();
        EXPECT_TRUE(bar->grab().save(base + QStringLiteral("-statusbar.png")));
        // The status line's tooltip, as hovering shows it.
        QToolTip::showText(m_label->mapToGlobal(QPoint(m_label->width() / 2, 0)),
                           m_label->toolTip(), m_label);
        const auto tipLabel = [] {
            for (QWidget *top : QApplication::topLevelWidgets()) {
                if (top->inherits("QTipLabel") && top->isVisible())
                    return top;
            }
            return static_cast<QWidget *>(nullptr);
        };
        if (QTest::qWaitFor([&tipLabel] { return tipLabel() != nullptr; }, 1000)) {
            EXPECT_TRUE(tipLabel()->grab().save(base + QStringLiteral("-tooltip.png")));
        }
        QToolTip::hideText();
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
    QLabel *m_label = nullptr;
    CheckList *m_parties = nullptr;
};

} // namespace

TEST_F(FilterStatusTest, OnlyUkraineIsSaidInAFewWordsAndTheTooltipNamesEveryParty)
{
    ASSERT_EQ(p().parties().size(), 11u);
    onlyThis("ukraine");
    const QString status = m_window->statusText();
    // The counts of what is shown (16 events and 9 claims are Ukraine's in the file), then the
    // filter in three words instead of ten hidden names.
    EXPECT_TRUE(status.contains(QStringLiteral("16 of 30 events, 9 of 40 claims")))
        << status.toStdString();
    EXPECT_TRUE(status.endsWith(QString::fromUtf8(" — Filter: only Ukraine")))
        << status.toStdString();
    for (const char *hidden : {"Fox News", "Hungarian Conservative", "Reuters", "India"})
        EXPECT_FALSE(status.contains(QLatin1String(hidden))) << hidden;
    // It fits: the label needs no more room than the status bar gives it.
    EXPECT_LE(m_label->sizeHint().width(), m_label->width()) << status.toStdString();

    // The tooltip names them all.
    const QString tip = toolTipText();
    EXPECT_TRUE(tip.contains(QStringLiteral("Parties shown (1 of 11): Ukraine")))
        << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral(
        "Parties hidden (10): Russia, United States, European Union, India, Pakistan, The Wall "
        "Street Journal, Reuters, New York Post, Hungarian Conservative, Fox News")))
        << tip.toStdString();
    picture(QStringLiteral("only-ukraine"));
    QApplication::setPalette(test::darkPalette());
    picture(QStringLiteral("only-ukraine-dark"));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

TEST_F(FilterStatusTest, NineOfElevenHiddenStaysShort)
{
    Filter *filter = m_window->filter();
    filter->beginUpdate();
    for (std::uint32_t i = 0; i < p().parties().size(); ++i)
        filter->setPartyHidden(i, true);
    filter->setPartyHidden(party("russia"), false);
    filter->setPartyHidden(party("ukraine"), false);
    filter->endUpdate();
    QString status = m_window->statusText();
    EXPECT_TRUE(status.endsWith(QString::fromUtf8(" — Filter: only Russia, Ukraine")))
        << status.toStdString();
    const QString filterPart = status.mid(status.lastIndexOf(QString::fromUtf8(" — ")));
    EXPECT_LE(filterPart.size(), 40) << filterPart.toStdString();
    EXPECT_LE(m_label->sizeHint().width(), m_label->width()) << status.toStdString();
    EXPECT_TRUE(toolTipText().contains(QStringLiteral("Parties hidden (9): United States,")))
        << toolTipText().toStdString();

    // One more shown: counted, not listed.
    filter->setPartyHidden(party("united-states"), false);
    status = m_window->statusText();
    EXPECT_TRUE(status.endsWith(QString::fromUtf8(" — Filter: 3 of 11 parties")))
        << status.toStdString();
    EXPECT_TRUE(toolTipText().contains(
        QStringLiteral("Parties shown (3 of 11): Russia, Ukraine, United States")));

    // No filter, no summary and no tooltip.
    filter->clear();
    EXPECT_FALSE(m_window->statusText().contains(QStringLiteral("Filter")));
    EXPECT_TRUE(m_label->toolTip().isEmpty());
}
