// The first day of the sample, built step by step through the window: the parties, actors,
// sources, questions, events and claims of that day, as a user would add them.

#include "document/document.h"
#include "document/selection.h"
#include "edit/catalogview.h"
#include "firstdayfixture.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "inspector/colorbutton.h"
#include "inspector/eventpicker.h"
#include "inspector/inspectorfields.h"
#include "inspector/inspectorview.h"
#include "testsupport.h"
#include "time/fuzzytime.h"
#include "window/mainwindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <vector>

using namespace claimline;
using namespace claimline::test;
using nlohmann::json;

namespace {

const PartySpec Parties[] = {
    {"Russia", "RU", 0xD55E00},
    {"Ukraine", "UA", 0x0072B2},
    {"United States", "US", 0x009E73},
};

const ActorSpec Actors[] = {
    {"Sergei Lavrov", "Foreign Minister of Russia", "Russia"},
    {"Volodymyr Zelenskyy", "President of Ukraine", "Ukraine"},
};

const SourceSpec Sources[] = {
    {"In a significant development, United States national security officials have concluded "
     "that Ukraine did not attempt to assassinate Russian President Vladimir Putin or strike his "
     "residences…",
     nullptr, "2025-12-31/2026-01-01?", 'C'},
    {"At a moment when back-channel diplomacy is struggling to stay afloat, a dramatic Russian "
     "allegation has added fresh volatility to the Ukraine war…",
     nullptr, "2025-12-29/2025-12-30?", 'C'},
    {"Russia Claims Ukraine Attacked Putin’s Residence — Can Peace Talks Survive",
     "Hungarian Conservative", "2025-12-29/2025-12-31?", 'C'},
};

const char *const Questions[] = {
    "Was Putin or his residence targeted?",
    "How large was the operation?",
    "Do the peace talks survive?",
};

const EventSpec Events[] = {
    {"Trump hosts Zelenskyy at Mar-a-Lago",
     "Trump and Zelenskyy held nearly three hours of talks at Trump's Florida estate, which Trump "
     "called excellent. The meeting ended only hours before the night in which, according to "
     "Moscow, the drones were launched.",
     "2025-12-28",
     "Mar-a-Lago, Florida, United States",
     {"United States", "Ukraine"},
     "meeting",
     "peace-talks",
     {{0,
       "Trump held a nearly three-hour meeting with Ukrainian President Volodymyr Zelenskyy, "
       "which he described as \"excellent.\""},
      {2,
       "Just hours before the alleged Ukrainian drone attack, Trump hosted Zelenskyy at "
       "Mar-a-Lago"}},
     Status::Corroborated,
     "Reported by two articles without contradiction.",
     "event-mar-a-lago"},
    {"Peace plan declared 90% agreed",
     "After the talks Trump and Zelenskyy told the press a deal was very close. Zelenskyy put the "
     "plan at about 90 per cent agreed and the security guarantees at fully agreed, with "
     "territory and nuclear facilities still open.",
     "2025-12-28",
     "Florida, United States",
     {"United States", "Ukraine"},
     "press-conference",
     "peace-talks, peace-plan",
     {{2, "Zelensky said the peace plan is 90% agreed, with security guarantees 100% agreed"},
      {2, "both sides stated that they were ‘very close’ to finalizing an agreement"}},
     Status::Unverified,
     nullptr,
     "event-press-conference"},
    {"Alleged drone attack on Putin's Novgorod residence",
     "Moscow says Ukraine sent 91 long-range drones against a presidential residence in the "
     "Novgorod region overnight and that air defences downed them all, with no casualties or "
     "damage. Kyiv denies any such attack, and US intelligence reportedly found that neither "
     "Putin nor his residences were the target.",
     "2025-12-28/2025-12-29",
     "Dolgiye Borody presidential residence, Novgorod region, Russia",
     {"Russia", "Ukraine"},
     "strike",
     "allegation, drones, residence, deep-strike",
     {{1,
       "Ukraine attempted to strike Putin’s residence in the Novgorod region, west of Moscow, on "
       "December 28–29 using 91 long-range drones"},
      {0, "alleging the attempt was carried out on the night of December 28-29"},
      {2, "alleging that 91 long-range drones were intercepted by Russian air defences"}},
     Status::Disputed,
     "Zelenskyy calls the story a complete fabrication.",
     "event-residence-drones"},
};

const ClaimSpec Claims[] = {
    {1,
     nullptr,
     "Volodymyr Zelenskyy",
     "2025-12-28",
     nullptr,
     "Do the peace talks survive?",
     Stance::Affirms,
     "Zelenskyy said roughly nine-tenths of the plan was settled, Western security guarantees "
     "for Ukraine included.",
     nullptr,
     {{2,
       "The Ukrainian leader even said that as much as 90 per cent of the peace plan had already "
       "been agreed, including Kyiv’s long-sought Western security guarantees."}},
     3,
     Status::Unverified,
     nullptr,
     "claim-90-percent"},
    {2,
     nullptr,
     "Sergei Lavrov",
     "2025-12-29",
     nullptr,
     "How large was the operation?",
     Stance::Affirms,
     "Lavrov said Ukraine had sent 91 long-range drones against Putin's Novgorod residence "
     "overnight on 28–29 December, and that air defences downed them all without casualties or "
     "damage.",
     nullptr,
     {{1,
       "According to Russian Foreign Minister Sergei Lavrov, Ukraine attempted to strike Putin’s "
       "residence in the Novgorod region, west of Moscow, on December 28–29 using 91 long-range "
       "drones."},
      {2, "alleging that 91 long-range drones were intercepted by Russian air defences"}},
     4,
     Status::Disputed,
     "Zelenskyy calls it a complete fabrication.",
     "claim-91-drones"},
    {-1,
     "Volodymyr Zelenskyy",
     "Volodymyr Zelenskyy",
     "2025-12-29",
     "Novgorod",
     "Was Putin or his residence targeted?",
     Stance::Denies,
     "Zelenskyy flatly denied the story, saying no such attack on the residence took place and "
     "that it was made up.",
     "a complete fabrication",
     {{1,
       "Ukrainian President Volodymyr Zelensky dismissed the accusation as “a complete "
       "fabrication,”"},
      {2, "Ukrainian President Volodymyr Zelenskyy dismissed the allegations"}},
     3,
     Status::Disputed,
     "", // OK on the reason dialog without typing a reason
     "claim-fabrication"},
};

} // namespace

namespace claimline::test {

void FirstDayTest::buildTheFirstDay()
{
    // --- parties: Insert ▸ New Party, then name, short name, colour and kind ---
    for (const PartySpec &party : Parties) {
        trigger("newPartyAction");
        expectEditing(ItemKind::Party);
        retype(field<QLineEdit>("inspectorName"), utf8(party.name));
        retype(field<QLineEdit>("inspectorShortName"), utf8(party.shortName));
        m_color = QColor::fromRgb(party.color);
        QTest::mouseClick(field<ColorButton>("inspectorColor"), Qt::LeftButton);
        settle();
        pick(field<QComboBox>("inspectorPartyKind"), int(PartyKind::State));
        if (&party == &Parties[0])
            picture("party-russia");
    }
    ASSERT_EQ(project().parties().size(), std::size(Parties));
    picture("parties");

    // --- actors: a new actor starts in the selected item's party; pick the right one ---
    for (const ActorSpec &actor : Actors) {
        trigger("newActorAction");
        expectEditing(ItemKind::Actor);
        retype(field<QLineEdit>("inspectorName"), utf8(actor.name));
        retype(field<QLineEdit>("inspectorRole"), utf8(actor.role));
        pick(field<QComboBox>("inspectorActorParty"), utf8(actor.party));
    }
    picture("actors");

    // --- sources ---
    for (const SourceSpec &source : Sources) {
        trigger("newSourceAction");
        expectEditing(ItemKind::Source);
        retype(field<QLineEdit>("inspectorSourceTitle"), utf8(source.title));
        if (source.outlet)
            retype(field<QLineEdit>("inspectorOutlet"), utf8(source.outlet));
        retype(field<QLineEdit>("inspectorPublished"), utf8(source.published));
        const QString grade = inspector::reliabilityLabel(source.reliability);
        pick(field<QComboBox>("inspectorReliability"), grade);
    }
    picture("sources");

    // --- questions ---
    for (const char *question : Questions) {
        trigger("newQuestionAction");
        expectEditing(ItemKind::Question);
        retype(field<QPlainTextEdit>("inspectorQuestionText"), utf8(question));
    }
    picture("questions");

    // --- events: a new event starts on the selected event's party and day ---
    std::vector<std::uint32_t> events;
    for (const EventSpec &spec : Events) {
        trigger("newEventAction");
        expectEditing(ItemKind::Event);
        events.push_back(window->inspector()->item().index);
        retype(field<QLineEdit>("inspectorTitle"), utf8(spec.title));
        retype(field<QPlainTextEdit>("inspectorSummary"), utf8(spec.summary));
        retype(field<QLineEdit>("inspectorWhen"), utf8(spec.when));
        retype(field<QLineEdit>("inspectorLocation"), utf8(spec.location));
        // Tick the event's parties in order, then untick the one it started with if it is
        // not one of them (the last party cannot be unticked first).
        auto *parties = field<QListWidget>("inspectorParties");
        ASSERT_EQ(parties->count(), int(std::size(Parties)));
        for (const char *name : spec.parties) {
            const auto rows = parties->findItems(utf8(name), Qt::MatchExactly);
            ASSERT_EQ(rows.size(), 1) << name;
            if (rows[0]->checkState() != Qt::Checked)
                rows[0]->setCheckState(Qt::Checked);
            settle();
        }
        for (int row = 0; row < parties->count(); ++row) {
            QListWidgetItem *item = parties->item(row);
            const bool wanted
                = std::any_of(spec.parties.begin(), spec.parties.end(),
                              [item](const char *name) { return item->text() == utf8(name); });
            if (!wanted && item->checkState() == Qt::Checked) {
                item->setCheckState(Qt::Unchecked);
                settle();
            }
        }
        retype(field<QComboBox>("inspectorKind")->lineEdit(), utf8(spec.kind));
        retype(field<QLineEdit>("inspectorTags"), utf8(spec.tags));
        addCitations(spec.sources);
        setStatus(spec.status, spec.reason);
        picture(spec.picture);
    }

    // --- claims: from the selected event (as a click on the timeline selects it) or actor ---
    std::vector<std::uint32_t> claims;
    for (const ClaimSpec &spec : Claims) {
        if (spec.selectEvent >= 0) {
            selection()->select({ItemKind::Event, events[std::size_t(spec.selectEvent)]});
        } else {
            const auto actor
                = std::find_if(std::begin(Actors), std::end(Actors), [&](const ActorSpec &a) {
                      return qstrcmp(a.name, spec.selectActor) == 0;
                  });
            ASSERT_NE(actor, std::end(Actors));
            QTreeWidgetItem *row = window->catalog()->itemFor(
                {ItemKind::Actor, std::uint32_t(actor - std::begin(Actors))});
            ASSERT_NE(row, nullptr);
            // A click on the actor's row in the Catalog dock.
            CatalogView *catalog = window->catalog();
            catalog->scrollToItem(row);
            QTest::mouseClick(catalog->viewport(), Qt::LeftButton, {},
                              catalog->visualItemRect(row).center());
        }
        settle();
        if (spec.selectActor) {
            ASSERT_EQ(selection()->current().kind, ItemKind::Actor);
        }
        trigger("newClaimAction");
        expectEditing(ItemKind::Claim);
        claims.push_back(window->inspector()->item().index);
        pick(field<QComboBox>("inspectorClaimant"), utf8(spec.claimant));
        retype(field<QLineEdit>("inspectorMadeAt"), utf8(spec.madeAt));
        if (spec.aboutSearch) {
            // Typed to find, picked from the matches with the keyboard.
            auto *about = field<EventPicker>("inspectorAbout");
            about->setFocus();
            about->selectAll();
            type(about, utf8(spec.aboutSearch));
            EXPECT_EQ(about->matches().size(), 1u);
            QAbstractItemView *popup = about->matchCompleter()->popup();
            EXPECT_TRUE(popup->isVisible());
            QTest::keyClick(popup, Qt::Key_Down);
            QTest::keyClick(popup, Qt::Key_Return);
            settle();
        }
        pick(field<QComboBox>("inspectorQuestion"), utf8(spec.question));
        pick(field<QComboBox>("inspectorStance"), int(spec.stance));
        retype(field<QPlainTextEdit>("inspectorStatement"), utf8(spec.statement));
        if (spec.quote)
            retype(field<QPlainTextEdit>("inspectorQuote"), utf8(spec.quote));
        addCitations(spec.sources);
        pick(field<QComboBox>("inspectorCredibility"), spec.credibility);
        setStatus(spec.status, spec.reason);
        picture(spec.picture);
    }

    // --- Edit ▸ Link as Counter-Claim: the fabrication answers the 91 drones, selected last.
    // The action asks how in a QInputDialog; the test answers the real dialog.
    selection()->setItems({{ItemKind::Claim, claims[1]}, {ItemKind::Claim, claims[2]}},
                          {ItemKind::Claim, claims[2]});
    settle();
    QString asked;
    QTimer answer;
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, &answer, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        answer.stop();
        asked = dialog->labelText();
        if (m_pictures.size()) {
            dialog->grab().save(m_pictures + QStringLiteral("/firstday-link-dialog.png"));
        }
        dialog->setTextValue(QStringLiteral("denies"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    answer.start();
    trigger("linkClaimsAction");
    answer.stop();
    EXPECT_TRUE(asked.startsWith(QStringLiteral("‘Zelenskyy flatly denied")))
        << asked.toStdString();
    ASSERT_EQ(project().relations().size(), 1u);
    EXPECT_TRUE(window->statusText().endsWith(
        QStringLiteral("3 of 3 events, 3 of 3 claims, 3 parties, 1 relation")))
        << window->statusText().toStdString();
    picture("link");
    selection()->clear();
    settle();
    picture("final");
    // The same day in the Table tab, events then claims (the table shows the selected kind).
    auto *tableDock = window->findChild<QDockWidget *>(QStringLiteral("tableDock"));
    ASSERT_NE(tableDock, nullptr);
    tableDock->raise();
    selection()->select({ItemKind::Event, events[0]});
    picture("table-events");
    selection()->select({ItemKind::Claim, claims[0]});
    picture("table-claims");
    selection()->clear();
    window->findChild<QDockWidget *>(QStringLiteral("narrativesDock"))->raise();
    settle();
}

} // namespace claimline::test
