// FilterPanel: its lists follow the project; each control sets its criterion of the Filter;
// a Filter changed elsewhere shows in the controls without echoing back; typing is debounced;
// Reset clears everything; file text is plain. Saves a picture (light and dark) to look at.

#include "filter/filterpanel.h"

#include "filterpanelfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimline;
using test::indexOf;
using test::wordIndex;

using test::FilterPanelTest;
using test::itemWithData;

TEST_F(FilterPanelTest, ListsFollowTheProject)
{
    auto *parties = child<QListWidget>(QStringLiteral("filterParties"));
    auto *questions = child<QListWidget>(QStringLiteral("filterQuestions"));
    auto *tags = child<QListWidget>(QStringLiteral("filterTags"));
    ASSERT_TRUE(parties && questions && tags);
    EXPECT_EQ(parties->count(), int(p().parties().size()));
    EXPECT_EQ(parties->item(0)->text(), QStringLiteral("Russia"));
    EXPECT_FALSE(parties->item(0)->icon().isNull()) << "a colour swatch";
    EXPECT_EQ(parties->item(0)->checkState(), Qt::Checked);
    EXPECT_EQ(questions->count(), int(p().questions().size()));
    EXPECT_EQ(questions->item(0)->text(), QStringLiteral("Was Putin or his residence targeted?"));
    // Tags: the words events carry as tags, sorted; kinds are not tags.
    ASSERT_GT(tags->count(), 10);
    EXPECT_EQ(tags->item(0)->text(), QStringLiteral("allegation"));
    EXPECT_TRUE(tags->findItems(QStringLiteral("strike"), Qt::MatchExactly).isEmpty());
    EXPECT_EQ(tags->findItems(QStringLiteral("drones"), Qt::MatchExactly).size(), 1);

    // Another project replaces the lists.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("small.claimline"));
    ASSERT_TRUE(test::writeFile(path, R"({"format": "claimline", "version": 1,
        "parties": [{"id": "p", "name": "<b>Party</b>\u202E"}],
        "events": [{"id": "e", "title": "E", "when": "2025", "tags": ["only-tag"]}],
        "questions": [{"id": "q", "text": "<i>Why?</i>"}]})"));
    ASSERT_TRUE(document.load(path).empty());
    ASSERT_EQ(parties->count(), 1);
    // Plain text, hidden characters made visible; tooltips escaped.
    EXPECT_EQ(parties->item(0)->text(), QString::fromUtf8("<b>Party</b>\u27E8U+202E\u27E9"));
    EXPECT_TRUE(parties->item(0)->toolTip().contains(QStringLiteral("&lt;b&gt;")));
    ASSERT_EQ(questions->count(), 1);
    EXPECT_EQ(questions->item(0)->text(), QStringLiteral("<i>Why?</i>"));
    ASSERT_EQ(tags->count(), 1);
    EXPECT_EQ(tags->item(0)->text(), QStringLiteral("only-tag"));
}

TEST_F(FilterPanelTest, EachControlSetsItsCriterion)
{
    QSignalSpy changed(&filter, &Filter::changed);
    auto *parties = child<QListWidget>(QStringLiteral("filterParties"));
    QListWidgetItem *russia = itemWithData(parties, party("russia"));
    ASSERT_TRUE(russia);
    russia->setCheckState(Qt::Unchecked);
    EXPECT_EQ(filter.hiddenParties(), std::set<std::uint32_t> {party("russia")});
    EXPECT_EQ(changed.count(), 1);

    child<QCheckBox>(QStringLiteral("filterStatus_refuted"))->setChecked(false);
    EXPECT_FALSE(filter.isStatusShown(Status::Refuted));
    child<QCheckBox>(QStringLiteral("filterStance_none"))->setChecked(false);
    EXPECT_FALSE(filter.isStanceShown(Stance::None));
    EXPECT_TRUE(filter.isStanceShown(Stance::Denies));
    child<QCheckBox>(QStringLiteral("filterStance_denies"))->setChecked(false);
    EXPECT_FALSE(filter.isStanceShown(Stance::Denies));

    auto *questions = child<QListWidget>(QStringLiteral("filterQuestions"));
    const std::uint32_t scale = indexOf(p(), "q-scale", ItemKind::Question);
    itemWithData(questions, scale)->setCheckState(Qt::Checked);
    EXPECT_EQ(filter.questions(), std::set<std::uint32_t> {scale});

    auto *tags = child<QListWidget>(QStringLiteral("filterTags"));
    tags->findItems(QStringLiteral("drones"), Qt::MatchExactly).front()->setCheckState(Qt::Checked);
    EXPECT_EQ(filter.tags().size(), 1u);

    // Dates: "Any" unchecked sets the limit to the day shown, in UTC; "To" includes its day.
    auto *from = child<QDateEdit>(QStringLiteral("filterFrom"));
    auto *to = child<QDateEdit>(QStringLiteral("filterTo"));
    EXPECT_FALSE(from->isEnabled());
    EXPECT_EQ(from->date(), QDate(2025, 1, 1)) << "the project's first day (2025~)";
    child<QCheckBox>(QStringLiteral("filterFromAny"))->setChecked(false);
    EXPECT_TRUE(from->isEnabled());
    EXPECT_EQ(filter.dateFrom(), test::utcMidnight(2025, 1, 1));
    from->setDate(QDate(2025, 12, 28));
    EXPECT_EQ(filter.dateFrom(), test::utcMidnight(2025, 12, 28));
    EXPECT_FALSE(filter.dateTo());
    child<QCheckBox>(QStringLiteral("filterToAny"))->setChecked(false);
    to->setDate(QDate(2025, 12, 31));
    EXPECT_EQ(filter.dateTo(), test::utcMidnight(2026, 1, 1));

    auto *reliability = child<QComboBox>(QStringLiteral("filterReliability"));
    reliability->setCurrentIndex(reliability->findData(int('B')));
    EXPECT_EQ(filter.minimumReliability(), 'B');
    EXPECT_EQ(reliability->currentText(), QStringLiteral("B or better"));

    // Checking a party again shows it.
    russia->setCheckState(Qt::Checked);
    EXPECT_TRUE(filter.hiddenParties().empty());
}

TEST_F(FilterPanelTest, ClickingARowTogglesIt)
{
    auto *parties = child<QListWidget>(QStringLiteral("filterParties"));
    QListWidgetItem *first = parties->item(0);
    const QRect rect = parties->visualItemRect(first);
    // On the name, right of the box.
    const QPoint onText(rect.left() + rect.width() / 2, rect.center().y());
    QTest::mouseClick(parties->viewport(), Qt::LeftButton, {}, onText);
    EXPECT_EQ(first->checkState(), Qt::Unchecked);
    EXPECT_EQ(filter.hiddenParties().size(), 1u);
    QTest::mouseClick(parties->viewport(), Qt::LeftButton, {}, onText);
    EXPECT_EQ(first->checkState(), Qt::Checked);
    EXPECT_TRUE(filter.hiddenParties().empty());
}

TEST_F(FilterPanelTest, ShowsFilterChangesFromElsewhereWithoutEcho)
{
    QSignalSpy changed(&filter, &Filter::changed);
    filter.beginUpdate();
    filter.setPartyHidden(party("ukraine"), true);
    filter.setStatusShown(Status::Disputed, false);
    filter.setStanceShown(Stance::Qualifies, false);
    filter.setQuestions({indexOf(p(), "q-proof", ItemKind::Question)});
    filter.setDateRange(test::utcMidnight(2025, 12, 29), test::utcMidnight(2025, 12, 31));
    filter.setMinimumReliability('C');
    filter.setTextQuery(QStringLiteral("drone"));
    filter.endUpdate();
    EXPECT_EQ(changed.count(), 1) << "the panel did not set anything back";

    auto *parties = child<QListWidget>(QStringLiteral("filterParties"));
    EXPECT_EQ(itemWithData(parties, party("ukraine"))->checkState(), Qt::Unchecked);
    EXPECT_EQ(itemWithData(parties, party("russia"))->checkState(), Qt::Checked);
    EXPECT_FALSE(child<QCheckBox>(QStringLiteral("filterStatus_disputed"))->isChecked());
    EXPECT_TRUE(child<QCheckBox>(QStringLiteral("filterStatus_refuted"))->isChecked());
    EXPECT_FALSE(child<QCheckBox>(QStringLiteral("filterStance_qualifies"))->isChecked());
    auto *questions = child<QListWidget>(QStringLiteral("filterQuestions"));
    EXPECT_EQ(itemWithData(questions, indexOf(p(), "q-proof", ItemKind::Question))->checkState(),
              Qt::Checked);
    EXPECT_FALSE(child<QCheckBox>(QStringLiteral("filterFromAny"))->isChecked());
    EXPECT_EQ(child<QDateEdit>(QStringLiteral("filterFrom"))->date(), QDate(2025, 12, 29));
    EXPECT_TRUE(child<QDateEdit>(QStringLiteral("filterFrom"))->isEnabled());
    // The end is exclusive; the field shows the last day included.
    EXPECT_EQ(child<QDateEdit>(QStringLiteral("filterTo"))->date(), QDate(2025, 12, 30));
    EXPECT_EQ(child<QComboBox>(QStringLiteral("filterReliability"))->currentData().toInt(),
              int('C'));
    EXPECT_EQ(child<QLineEdit>(QStringLiteral("filterText"))->text(), QStringLiteral("drone"));
    EXPECT_TRUE(child<QPushButton>(QStringLiteral("filterReset"))->isEnabled());

    filter.clear();
    EXPECT_EQ(changed.count(), 2);
    EXPECT_TRUE(child<QCheckBox>(QStringLiteral("filterFromAny"))->isChecked());
    EXPECT_FALSE(child<QDateEdit>(QStringLiteral("filterFrom"))->isEnabled());
    EXPECT_TRUE(child<QLineEdit>(QStringLiteral("filterText"))->text().isEmpty());
    EXPECT_EQ(itemWithData(parties, party("ukraine"))->checkState(), Qt::Checked);
    EXPECT_FALSE(child<QPushButton>(QStringLiteral("filterReset"))->isEnabled());
    EXPECT_FALSE(panel.resetAction()->isEnabled());
}

TEST_F(FilterPanelTest, TypingIsDebounced)
{
    QSignalSpy changed(&filter, &Filter::changed);
    auto *text = child<QLineEdit>(QStringLiteral("filterText"));
    QTest::keyClicks(text, QStringLiteral("drone"));
    EXPECT_EQ(changed.count(), 0) << "nothing before the pause";
    EXPECT_TRUE(filter.textQuery().isEmpty());
    EXPECT_TRUE(changed.wait(2000));
    EXPECT_EQ(changed.count(), 1) << "one change for the whole word";
    EXPECT_EQ(filter.textQuery(), QStringLiteral("drone"));

    // Enter applies at once.
    QTest::keyClicks(text, QStringLiteral("s"));
    QTest::keyClick(text, Qt::Key_Return);
    EXPECT_EQ(filter.textQuery(), QStringLiteral("drones"));
    EXPECT_EQ(changed.count(), 2);
    QTest::qWait(FilterPanel::TextDelayMs * 2);
    EXPECT_EQ(changed.count(), 2) << "the pending edit was applied, not applied twice";

    // Another criterion changing while a word is being typed leaves the field alone.
    QTest::keyClicks(text, QStringLiteral(" x"));
    filter.setStatusShown(Status::Refuted, false);
    EXPECT_EQ(text->text(), QStringLiteral("drones x"));
    EXPECT_TRUE(changed.wait(2000));
    EXPECT_EQ(filter.textQuery(), QStringLiteral("drones x"));
}

TEST_F(FilterPanelTest, ResetClearsEverythingAndThePendingText)
{
    filter.setPartyHidden(party("russia"), true);
    filter.setMinimumReliability('A');
    auto *text = child<QLineEdit>(QStringLiteral("filterText"));
    QTest::keyClicks(text, QStringLiteral("abc")); // still pending
    auto *reset = child<QPushButton>(QStringLiteral("filterReset"));
    ASSERT_TRUE(reset->isEnabled());
    QTest::mouseClick(reset, Qt::LeftButton);
    EXPECT_FALSE(filter.isActive());
    EXPECT_TRUE(text->text().isEmpty());
    QTest::qWait(FilterPanel::TextDelayMs * 2);
    EXPECT_TRUE(filter.textQuery().isEmpty()) << "the pending text was dropped";
    EXPECT_FALSE(reset->isEnabled());
    EXPECT_EQ(panel.resetAction()->objectName(), QStringLiteral("filterResetAction"));
}

TEST_F(FilterPanelTest, LooksRight)
{
    // Saved for a person to open, not compared: light and dark, at a dock's size.
    filter.setPartyHidden(party("india"), true);
    filter.setStatusShown(Status::Retracted, false);
    // Let the layout settle (wrapped rows set the lists' heights after the first resize).
    QTest::qWait(50);
    EXPECT_TRUE(panel.grab().save(QDir::tempPath() + QStringLiteral("/claimline-filterpanel.png")));
    // And scrolled to the end, where the dates and the reliability are.
    auto *scroll = child<QScrollArea>(QStringLiteral("filterScroll"));
    QScrollBar *bar = scroll->verticalScrollBar();
    bar->setValue(bar->maximum());
    EXPECT_TRUE(
        panel.grab().save(QDir::tempPath() + QStringLiteral("/claimline-filterpanel-end.png")));
    bar->setValue(0);
    panel.setPalette(test::darkPalette());
    EXPECT_TRUE(
        panel.grab().save(QDir::tempPath() + QStringLiteral("/claimline-filterpanel-dark.png")));
    // Text follows the palette, and no label reads markup.
    for (const QLabel *label : panel.findChildren<QLabel *>()) {
        EXPECT_EQ(label->palette().color(label->foregroundRole()),
                  test::darkPalette().color(label->foregroundRole()));
        EXPECT_EQ(label->textFormat(), Qt::PlainText) << label->text().toStdString();
    }
    // Nothing wider than the dock: the content scrolls vertically only.
    EXPECT_LE(scroll->widget()->width(), scroll->viewport()->width());
}
