// FilterPanel, narrowing to one: "Only" on a row (context menu, from the mouse and from the
// keyboard; Alt+click; Ctrl+click; the hovered row's "only" button) and each section's "All"
// and "None" buttons. What the Filter lets through is counted against the sample file, and
// every such action is one Filter change, so the views recompute once, not once per row.

#include "filter/checkgroup.h"
#include "filter/checklist.h"
#include "filterpanelfixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <memory>

using namespace claimline;
using test::FilterPanelTest;
using test::indexOf;
using test::itemWithData;
using test::wordIndex;

namespace {

// Every party of the sample but these.
std::set<std::uint32_t> allBut(const Project &project, std::set<std::uint32_t> shown)
{
    std::set<std::uint32_t> hidden;
    for (std::uint32_t i = 0; i < project.parties().size(); ++i) {
        if (shown.count(i) == 0)
            hidden.insert(i);
    }
    return hidden;
}

// The context menu that is open now (the one a right-click or the Menu key opened).
QMenu *openMenu()
{
    (void)QTest::qWaitFor(
        [] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()) != nullptr; }, 2000);
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    EXPECT_TRUE(menu) << "no context menu open";
    return menu;
}

void trigger(QMenu *menu, const char *name)
{
    ASSERT_TRUE(menu);
    auto *action = menu->findChild<QAction *>(QString::fromLatin1(name));
    ASSERT_TRUE(action) << name;
    action->trigger();
    menu->close();
}

} // namespace

TEST_F(FilterPanelTest, OnlyUkraineFromTheContextMenuShowsExactlyUkrainesItems)
{
    auto *parties = child<CheckList>(QStringLiteral("filterParties"));
    ASSERT_TRUE(parties);
    QSignalSpy changed(&filter, &Filter::changed);
    QListWidgetItem *ukraine = itemWithData(parties, party("ukraine"));
    ASSERT_TRUE(ukraine);
    parties->scrollToItem(ukraine);
    const QPoint at = parties->visualItemRect(ukraine).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, parties->viewport()->mapToGlobal(at));
    QApplication::sendEvent(parties->viewport(), &event);
    QMenu *menu = openMenu();
    ASSERT_TRUE(menu);
    const auto *only = menu->findChild<QAction *>(QStringLiteral("checkOnlyAction"));
    ASSERT_TRUE(only);
    EXPECT_TRUE(only->text().startsWith(QString::fromUtf8("Only \u201CUkraine\u201D")))
        << only->text().toStdString();
    trigger(menu, "checkOnlyAction");

    EXPECT_EQ(changed.count(), 1) << "ten parties hidden in one change";
    EXPECT_EQ(filter.hiddenParties(), allBut(p(), {party("ukraine")}));
    for (int row = 0; row < parties->count(); ++row) {
        EXPECT_EQ(parties->item(row)->checkState() == Qt::Checked, parties->item(row) == ukraine)
            << parties->item(row)->text().toStdString();
    }
    // Exactly Ukraine's items, counted in the file: 16 events, 9 claims.
    const std::set<QString> ukraineOnly {QStringLiteral("ukraine")};
    EXPECT_EQ(eventsShown(), eventsOfFile(ukraineOnly));
    EXPECT_EQ(claimsShown(), claimsOfFile(ukraineOnly));
    EXPECT_EQ(eventsShown(), 16);
    EXPECT_EQ(claimsShown(), 9);
    EXPECT_EQ(filter.summary(p()), QStringLiteral("Filter: only Ukraine"));

    // "All" brings every item back, in one change.
    auto *all = child<QToolButton>(QStringLiteral("filterPartiesAll"));
    ASSERT_TRUE(all);
    QTest::mouseClick(all, Qt::LeftButton);
    EXPECT_EQ(changed.count(), 2);
    EXPECT_TRUE(filter.hiddenParties().empty());
    EXPECT_EQ(eventsShown(), int(p().events().size()));
    EXPECT_EQ(claimsShown(), int(p().claims().size()));
    EXPECT_TRUE(filter.summary(p()).isEmpty());

    // "None" hides every party: every event of the sample has a party, every claim speaks
    // for one, so nothing is left.
    QTest::mouseClick(child<QToolButton>(QStringLiteral("filterPartiesNone")), Qt::LeftButton);
    EXPECT_EQ(changed.count(), 3);
    EXPECT_EQ(filter.hiddenParties(), allBut(p(), {}));
    EXPECT_EQ(eventsShown(), 0);
    EXPECT_EQ(claimsShown(), 0);
    EXPECT_EQ(filter.summary(p()), QStringLiteral("Filter: no parties"));
    // Pressed again, nothing changes and the views are not told.
    QTest::mouseClick(child<QToolButton>(QStringLiteral("filterPartiesNone")), Qt::LeftButton);
    EXPECT_EQ(changed.count(), 3);
}

TEST_F(FilterPanelTest, AltClickCtrlClickAndTheOnlyButtonShowOnePartyAlone)
{
    auto *parties = child<CheckList>(QStringLiteral("filterParties"));
    ASSERT_TRUE(parties);
    QSignalSpy changed(&filter, &Filter::changed);
    const auto rectOf = [parties](std::uint32_t index) {
        return parties->visualItemRect(itemWithData(parties, index));
    };

    // Alt+click on the name.
    QTest::mouseClick(parties->viewport(), Qt::LeftButton, Qt::AltModifier,
                      rectOf(party("russia")).center());
    EXPECT_EQ(filter.hiddenParties(), allBut(p(), {party("russia")}));
    EXPECT_EQ(changed.count(), 1);
    const std::set<QString> russiaOnly {QStringLiteral("russia")};
    EXPECT_EQ(eventsShown(), eventsOfFile(russiaOnly));
    EXPECT_EQ(claimsShown(), claimsOfFile(russiaOnly));

    // Ctrl+click, for desktops whose window manager takes Alt+click.
    QTest::mouseClick(parties->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      rectOf(party("india")).center());
    EXPECT_EQ(filter.hiddenParties(), allBut(p(), {party("india")}));
    EXPECT_EQ(changed.count(), 2);

    // The "only" button at the right end of a row.
    const QRect button = parties->onlyButtonRect(rectOf(party("pakistan")));
    EXPECT_TRUE(rectOf(party("pakistan")).contains(button));
    QTest::mouseMove(parties->viewport(), button.center());
    QTest::mouseClick(parties->viewport(), Qt::LeftButton, {}, button.center());
    EXPECT_EQ(filter.hiddenParties(), allBut(p(), {party("pakistan")}));
    EXPECT_EQ(changed.count(), 3);

    // A plain click elsewhere on the row still toggles that row alone.
    QTest::mouseClick(parties->viewport(), Qt::LeftButton, {}, rectOf(party("india")).center());
    EXPECT_EQ(filter.hiddenParties(), allBut(p(), {party("pakistan"), party("india")}));
    EXPECT_EQ(changed.count(), 4);
    EXPECT_EQ(filter.summary(p()), QStringLiteral("Filter: only India, Pakistan"));

    // Look at the hovered row's button, light and dark.
    const QString pictures = QDir::tempPath();
    QTest::mouseMove(parties->viewport(), rectOf(party("russia")).center());
    QTest::qWait(20);
    EXPECT_TRUE(panel.grab().save(pictures + QStringLiteral("/claimline-filter-only-hover.png")));
    panel.setPalette(test::darkPalette());
    QTest::qWait(20);
    EXPECT_TRUE(
        panel.grab().save(pictures + QStringLiteral("/claimline-filter-only-hover-dark.png")));
}

TEST_F(FilterPanelTest, TheMenuKeyAndShiftF10OfferOnlyForTheCurrentRow)
{
    auto *parties = child<CheckList>(QStringLiteral("filterParties"));
    ASSERT_TRUE(parties);
    parties->setFocus();
    parties->setCurrentItem(itemWithData(parties, party("ukraine")));
    // The Menu key: the platform sends the focused widget a keyboard context menu event.
    QContextMenuEvent menuKey(QContextMenuEvent::Keyboard, QPoint(2, 2),
                              parties->mapToGlobal(QPoint(2, 2)));
    QApplication::sendEvent(parties, &menuKey);
    QMenu *menu = openMenu();
    ASSERT_TRUE(menu);
    const auto *only = menu->findChild<QAction *>(QStringLiteral("checkOnlyAction"));
    ASSERT_TRUE(only);
    EXPECT_TRUE(only->text().contains(QStringLiteral("Ukraine"))) << only->text().toStdString();
    // Down to the first entry, Enter: as a keyboard user does.
    QTest::keyClick(menu, Qt::Key_Down);
    EXPECT_EQ(menu->activeAction(), only);
    QTest::keyClick(menu, Qt::Key_Return);
    EXPECT_EQ(filter.hiddenParties(), allBut(p(), {party("ukraine")}));
    QTest::qWait(10);

    // Shift+F10 on the current row, then "Check All".
    parties->setCurrentItem(itemWithData(parties, party("india")));
    QTest::keyClick(parties, Qt::Key_F10, Qt::ShiftModifier);
    menu = openMenu();
    ASSERT_TRUE(menu);
    only = menu->findChild<QAction *>(QStringLiteral("checkOnlyAction"));
    ASSERT_TRUE(only);
    EXPECT_TRUE(only->text().contains(QStringLiteral("India"))) << only->text().toStdString();
    trigger(menu, "checkAllAction");
    EXPECT_TRUE(filter.hiddenParties().empty());
    QTest::qWait(10);

    // Shift+F10 on a focused status box.
    auto *refuted = child<QCheckBox>(QStringLiteral("filterStatus_refuted"));
    refuted->setFocus();
    QTest::keyClick(refuted, Qt::Key_F10, Qt::ShiftModifier);
    trigger(openMenu(), "checkOnlyAction");
    EXPECT_EQ(filter.statuses(), 1u << unsigned(Status::Refuted));
    QTest::qWait(10);
    filter.clear();

    // The section's buttons take Tab focus and say what they do.
    for (const char *name : {"filterPartiesAll", "filterPartiesNone", "filterStatusesAll",
                             "filterStancesNone", "filterQuestionsAll", "filterTagsNone"}) {
        auto *button = child<QToolButton>(QString::fromLatin1(name));
        ASSERT_TRUE(button) << name;
        EXPECT_TRUE(button->focusPolicy() & Qt::TabFocus) << name;
        EXPECT_FALSE(button->accessibleName().isEmpty()) << name;
        EXPECT_FALSE(button->toolTip().isEmpty()) << name;
    }
    // Space on the "All" button shows every party again.
    auto *all = child<QToolButton>(QStringLiteral("filterPartiesAll"));
    all->setFocus();
    QTest::keyClick(all, Qt::Key_Space);
    EXPECT_TRUE(filter.hiddenParties().empty());
}

TEST_F(FilterPanelTest, StatusesAndStancesNarrowToOneAndBack)
{
    QSignalSpy changed(&filter, &Filter::changed);
    auto *disputed = child<QCheckBox>(QStringLiteral("filterStatus_disputed"));
    ASSERT_TRUE(disputed);
    QTest::mouseClick(disputed, Qt::LeftButton, Qt::AltModifier);
    EXPECT_EQ(changed.count(), 1);
    for (std::size_t s = 0; s < StatusNames.size(); ++s)
        EXPECT_EQ(filter.isStatusShown(Status(s)), Status(s) == Status::Disputed) << s;
    EXPECT_TRUE(disputed->isChecked());
    EXPECT_FALSE(child<QCheckBox>(QStringLiteral("filterStatus_refuted"))->isChecked());
    EXPECT_EQ(filter.summary(p()), QStringLiteral("Filter: statuses: disputed"));
    // Shown items are exactly the disputed ones of the file.
    const test::FileFacts facts;
    int disputedItems = 0;
    for (const char *key : {"events", "claims"}) {
        for (const QJsonObject &item : facts.items(key))
            disputedItems += test::FileFacts::status(item) == QStringLiteral("disputed") ? 1 : 0;
    }
    EXPECT_EQ(eventsShown() + claimsShown(), disputedItems);

    QTest::mouseClick(child<QToolButton>(QStringLiteral("filterStatusesNone")), Qt::LeftButton);
    EXPECT_EQ(changed.count(), 2);
    EXPECT_EQ(filter.statuses(), 0u);
    EXPECT_EQ(eventsShown() + claimsShown(), 0);
    QTest::mouseClick(child<QToolButton>(QStringLiteral("filterStatusesAll")), Qt::LeftButton);
    EXPECT_EQ(changed.count(), 3);
    EXPECT_EQ(filter.statuses(), Filter::AllStatuses);

    // A stance's context menu, and the Ctrl+click.
    auto *denies = child<QCheckBox>(QStringLiteral("filterStance_denies"));
    ASSERT_TRUE(denies);
    QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(4, 4),
                            denies->mapToGlobal(QPoint(4, 4)));
    QApplication::sendEvent(denies, &event);
    trigger(openMenu(), "checkOnlyAction");
    EXPECT_EQ(changed.count(), 4);
    for (std::size_t s = 0; s < StanceNames.size(); ++s)
        EXPECT_EQ(filter.isStanceShown(Stance(s)), Stance(s) == Stance::Denies) << s;
    EXPECT_EQ(eventsShown(), int(p().events().size())) << "stances apply to claims only";
    QTest::mouseClick(child<QCheckBox>(QStringLiteral("filterStance_none")), Qt::LeftButton,
                      Qt::ControlModifier);
    EXPECT_EQ(filter.stances(), 1u << unsigned(Stance::None));
    QTest::mouseClick(child<QToolButton>(QStringLiteral("filterStancesNone")), Qt::LeftButton);
    EXPECT_EQ(filter.stances(), 0u);
    EXPECT_EQ(claimsShown(), 0);
    QTest::mouseClick(child<QToolButton>(QStringLiteral("filterStancesAll")), Qt::LeftButton);
    EXPECT_EQ(filter.stances(), Filter::AllStances);
    EXPECT_EQ(changed.count(), 7);
}

TEST_F(FilterPanelTest, QuestionsAndTagsNarrowToOneAndClear)
{
    QSignalSpy changed(&filter, &Filter::changed);
    auto *questions = child<CheckList>(QStringLiteral("filterQuestions"));
    ASSERT_TRUE(questions);
    const std::uint32_t scale = indexOf(p(), "q-scale", ItemKind::Question);
    QListWidgetItem *scaleRow = itemWithData(questions, scale);
    std::unique_ptr<QMenu> menu(questions->createContextMenu(questions->row(scaleRow)));
    trigger(menu.get(), "checkOnlyAction");
    EXPECT_EQ(filter.questions(), std::set<std::uint32_t> {scale});
    EXPECT_EQ(changed.count(), 1);
    QTest::mouseClick(child<QToolButton>(QStringLiteral("filterQuestionsAll")), Qt::LeftButton);
    EXPECT_EQ(filter.questions().size(), p().questions().size());
    EXPECT_EQ(changed.count(), 2);
    QTest::mouseClick(child<QToolButton>(QStringLiteral("filterQuestionsNone")), Qt::LeftButton);
    EXPECT_TRUE(filter.questions().empty());
    EXPECT_EQ(changed.count(), 3);

    // Tags: every checked tag is required, so there is no "All" (it would hide everything).
    auto *tags = child<CheckList>(QStringLiteral("filterTags"));
    ASSERT_TRUE(tags);
    EXPECT_EQ(panel.findChild<QToolButton *>(QStringLiteral("filterTagsAll")), nullptr);
    menu.reset(tags->createContextMenu(0));
    EXPECT_EQ(menu->findChild<QAction *>(QStringLiteral("checkAllAction")), nullptr);
    tags->item(0)->setCheckState(Qt::Checked);
    tags->item(1)->setCheckState(Qt::Checked);
    EXPECT_EQ(filter.tags().size(), 2u);
    const std::uint32_t drones = wordIndex(p(), "drones");
    QTest::mouseClick(tags->viewport(), Qt::LeftButton, Qt::AltModifier,
                      tags->visualItemRect(itemWithData(tags, drones)).center());
    EXPECT_EQ(filter.tags(), std::set<std::uint32_t> {drones});
    EXPECT_EQ(changed.count(), 6);
    QTest::mouseClick(child<QToolButton>(QStringLiteral("filterTagsNone")), Qt::LeftButton);
    EXPECT_TRUE(filter.tags().empty());
    EXPECT_EQ(changed.count(), 7);
    EXPECT_FALSE(filter.isActive());
}
