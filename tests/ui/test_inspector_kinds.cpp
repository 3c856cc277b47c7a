// InspectorView: the fields of parties, actors, sources and questions, an event's parties and
// kind, citations and their excerpts, a claim's claimant, question and sources; items removed
// or edited elsewhere while shown.

#include "document/document.h"
#include "document/selection.h"
#include "inspector/colorbutton.h"
#include "inspector/eventpicker.h"
#include "inspector/inspectorview.h"
#include "inspectorfixture.h"
#include "testproject.h"
#include "testsupport.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

TEST_F(InspectorTest, TypingAPartyNameIsOneUndoStep)
{
    const ItemRef item = find("russia");
    const Party before = party(item);
    m_selection.select(item);
    settle();
    auto *name = child<QLineEdit>("inspectorName");
    ASSERT_TRUE(name);
    EXPECT_EQ(name->text(), QStringLiteral("Russia"));
    EXPECT_FALSE(child<QLineEdit>("inspectorRole")->isVisibleTo(&m_view));
    name->setFocus();
    name->end(false);
    QTest::keyClicks(name, QStringLiteral("n Federation"));
    settle();
    EXPECT_EQ(text(party(item).name), QStringLiteral("Russian Federation"));
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->text(0), QStringLiteral("Change name of ‘Russia’"));

    stack->undo();
    settle();
    EXPECT_EQ(party(item).name, before.name); // exactly the value it had
    EXPECT_EQ(name->text(), QStringLiteral("Russia"));
    stack->redo();
    settle();
    EXPECT_EQ(name->text(), QStringLiteral("Russian Federation"));
}

TEST_F(InspectorTest, PartyShortNameColourAndKind)
{
    const ItemRef item = find("russia");
    const Party before = party(item);
    m_selection.select(item);
    settle();
    QColor offered;
    m_view.setChooseColor([&offered](QWidget *, const QColor &initial) {
        offered = initial;
        return std::optional<QColor>(QColor(0x11, 0x22, 0x33));
    });

    auto *shortName = child<QLineEdit>("inspectorShortName");
    shortName->setFocus();
    shortName->selectAll();
    QTest::keyClicks(shortName, QStringLiteral("RUS"));
    settle();
    EXPECT_EQ(text(party(item).shortName), QStringLiteral("RUS"));

    auto *color = child<ColorButton>("inspectorColor");
    EXPECT_EQ(color->color(), QColor(0xD5, 0x5E, 0x00));
    QTest::mouseClick(color, Qt::LeftButton);
    settle();
    EXPECT_EQ(offered, QColor(0xD5, 0x5E, 0x00)); // the dialog starts at the party's colour
    EXPECT_TRUE(party(item).hasColor);
    EXPECT_EQ(party(item).color, 0x112233u);
    EXPECT_EQ(color->color(), QColor(0x11, 0x22, 0x33));
    EXPECT_EQ(color->text(), QStringLiteral("#112233"));

    QTest::mouseClick(child<QPushButton>("inspectorNoColor"), Qt::LeftButton);
    settle();
    EXPECT_FALSE(party(item).hasColor);
    EXPECT_FALSE(color->color().isValid());

    pick(child<QComboBox>("inspectorPartyKind"), int(PartyKind::Bloc));
    EXPECT_EQ(party(item).kind, PartyKind::Bloc);

    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 4);
    EXPECT_EQ(stack->text(0), QStringLiteral("Change short name of ‘Russia’"));
    EXPECT_EQ(stack->text(1), QStringLiteral("Set colour of ‘Russia’ to #112233"));
    EXPECT_EQ(stack->text(2), QStringLiteral("Remove colour of ‘Russia’"));
    EXPECT_EQ(stack->text(3), QStringLiteral("Set kind of ‘Russia’ to bloc"));

    undoAll();
    const Party &restored = party(item);
    // Typing "RUS" over "RU" passes through "RU": that step changed nothing and is dropped,
    // so the text comes back equal, not necessarily the same arena entry.
    EXPECT_EQ(text(restored.shortName), text(before.shortName));
    EXPECT_EQ(restored.color, before.color);
    EXPECT_EQ(restored.hasColor, before.hasColor);
    EXPECT_EQ(restored.kind, before.kind);
    EXPECT_EQ(color->color(), QColor(0xD5, 0x5E, 0x00));
    EXPECT_EQ(child<QComboBox>("inspectorPartyKind")->currentIndex(), int(PartyKind::State));
    redoAll();
    EXPECT_EQ(text(party(item).shortName), QStringLiteral("RUS"));
    EXPECT_FALSE(party(item).hasColor);
    EXPECT_EQ(party(item).kind, PartyKind::Bloc);
}

TEST_F(InspectorTest, ActorNameRolePartyAndFlags)
{
    const ItemRef item = find("lavrov");
    const Actor before = actor(item);
    const ItemRef ukraine = find("ukraine");
    m_selection.select(item);
    settle();
    auto *name = child<QLineEdit>("inspectorName");
    EXPECT_EQ(name->text(), QStringLiteral("Sergei Lavrov"));
    name->setFocus();
    name->end(false);
    QTest::keyClicks(name, QStringLiteral(" (FM)"));
    auto *role = child<QLineEdit>("inspectorRole");
    role->setFocus();
    role->selectAll();
    QTest::keyClicks(role, QStringLiteral("Minister"));
    settle();
    EXPECT_EQ(text(actor(item).name), QStringLiteral("Sergei Lavrov (FM)"));
    EXPECT_EQ(text(actor(item).role), QStringLiteral("Minister"));

    auto *partyCombo = child<QComboBox>("inspectorActorParty");
    EXPECT_EQ(partyCombo->currentText(), QStringLiteral("Russia"));
    pick(partyCombo, int(ukraine.index) + 1);
    EXPECT_EQ(actor(item).party, ukraine.index);
    pick(partyCombo, 0);
    EXPECT_EQ(actor(item).party, NoIndex);

    auto *anonymous = child<QCheckBox>("inspectorAnonymous");
    auto *collective = child<QCheckBox>("inspectorCollective");
    // A click on the box itself, at its left where the indicator is.
    QTest::mouseClick(anonymous, Qt::LeftButton, {}, QPoint(6, anonymous->height() / 2));
    QTest::mouseClick(collective, Qt::LeftButton, {}, QPoint(6, collective->height() / 2));
    settle();
    EXPECT_TRUE(actor(item).anonymous);
    EXPECT_TRUE(actor(item).collective);

    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 6);
    EXPECT_EQ(stack->text(0), QStringLiteral("Change name of ‘Sergei Lavrov’"));
    EXPECT_EQ(stack->text(2), QStringLiteral("Set party of ‘Sergei Lavrov (FM)’ to ‘Ukraine’"));
    EXPECT_EQ(stack->text(4), QStringLiteral("Mark ‘Sergei Lavrov (FM)’ as anonymous"));

    undoAll();
    const Actor &restored = actor(item);
    EXPECT_EQ(restored.name, before.name);
    EXPECT_EQ(restored.role, before.role);
    EXPECT_EQ(restored.party, before.party);
    EXPECT_FALSE(restored.anonymous);
    EXPECT_FALSE(restored.collective);
    EXPECT_FALSE(anonymous->isChecked());
    EXPECT_EQ(partyCombo->currentText(), QStringLiteral("Russia"));
    redoAll();
    EXPECT_EQ(actor(item).party, NoIndex);
    EXPECT_TRUE(actor(item).anonymous);
    EXPECT_TRUE(actor(item).collective);
}

TEST_F(InspectorTest, SourceFieldsAndReliability)
{
    const ItemRef item = find("src-004");
    const Source before = source(item);
    m_selection.select(item);
    settle();
    auto *title = child<QLineEdit>("inspectorSourceTitle");
    EXPECT_EQ(title->text(), text(before.title));
    title->setFocus();
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Drone claim"));
    auto *outlet = child<QLineEdit>("inspectorOutlet");
    EXPECT_EQ(outlet->text(), QStringLiteral("Hungarian Conservative"));
    outlet->setFocus();
    outlet->end(false);
    QTest::keyClicks(outlet, QStringLiteral(" online"));
    settle();
    EXPECT_EQ(text(source(item).title), QStringLiteral("Drone claim"));
    EXPECT_EQ(text(source(item).outlet), QStringLiteral("Hungarian Conservative online"));

    retype(child<QLineEdit>("inspectorUrl"), QStringLiteral("https://example.org/a?b=1"));
    EXPECT_EQ(text(source(item).url), QStringLiteral("https://example.org/a?b=1"));
    retype(child<QLineEdit>("inspectorPublished"), QStringLiteral("2025-12-31"));
    EXPECT_EQ(source(item).published.toEdtf(), "2025-12-31");
    EXPECT_TRUE(shows(QStringLiteral("31 Dec 2025"))) << "the published reading";
    pick(child<QComboBox>("inspectorReliability"), 2);
    EXPECT_EQ(source(item).reliability, 'B');

    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 5);
    EXPECT_TRUE(stack->text(0).startsWith(QStringLiteral("Change title of ‘")));
    EXPECT_TRUE(stack->text(2).startsWith(QStringLiteral("Change URL of ‘Drone claim’")));
    EXPECT_EQ(stack->text(4), QStringLiteral("Set reliability of ‘Drone claim’ to B"));

    // An empty published date is "unknown", and is written.
    retype(child<QLineEdit>("inspectorPublished"), QString());
    EXPECT_TRUE(source(item).published.isNull());
    EXPECT_EQ(stack->count(), 6);

    undoAll();
    const Source &restored = source(item);
    EXPECT_EQ(restored.title, before.title);
    EXPECT_EQ(restored.outlet, before.outlet);
    EXPECT_EQ(restored.url, before.url);
    EXPECT_EQ(restored.published, before.published);
    EXPECT_EQ(restored.reliability, before.reliability);
    EXPECT_EQ(child<QLineEdit>("inspectorUrl")->text(), QString());
    redoAll();
    EXPECT_EQ(source(item).reliability, 'B');
    EXPECT_EQ(text(source(item).url), QStringLiteral("https://example.org/a?b=1"));
}

TEST_F(InspectorTest, AnUnsafeUrlOrBadPublishedDateIsShownAndNeverWritten)
{
    const ItemRef item = find("src-004");
    const Source before = source(item);
    m_selection.select(item);
    settle();
    auto *url = child<QLineEdit>("inspectorUrl");
    for (const QString &bad :
         {QStringLiteral("javascript:alert(1)"), QStringLiteral("file:///etc/passwd"),
          QStringLiteral("example.org/no-scheme"), QStringLiteral("https://")}) {
        retype(url, bad);
        EXPECT_EQ(source(item).url, before.url) << bad.toStdString();
        EXPECT_TRUE(shows(QStringLiteral("Not saved:"))) << bad.toStdString();
    }
    auto *published = child<QLineEdit>("inspectorPublished");
    retype(published, QStringLiteral("2025-12-32"));
    EXPECT_EQ(source(item).published, before.published);
    EXPECT_TRUE(shows(QStringLiteral("Not saved:")));
    EXPECT_EQ(m_document.undoStack()->count(), 0);

    // Fixed, the problem goes and the value is written.
    retype(url, QStringLiteral("http://example.org/"));
    EXPECT_EQ(text(source(item).url), QStringLiteral("http://example.org/"));
    EXPECT_FALSE(child<QLabel>("inspectorUrlNote")->isVisibleTo(&m_view));
}

TEST_F(InspectorTest, QuestionText)
{
    const ItemRef item = find("q-scale");
    const Question before = question(item);
    m_selection.select(item);
    settle();
    auto *edit = child<QPlainTextEdit>("inspectorQuestionText");
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("How large was the operation?"));
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, QStringLiteral(" (drones)"));
    settle();
    EXPECT_EQ(text(question(item).text), QStringLiteral("How large was the operation? (drones)"));
    ASSERT_EQ(m_document.undoStack()->count(), 1);
    EXPECT_EQ(m_document.undoStack()->text(0),
              QStringLiteral("Change text of ‘How large was the operation?’"));
    m_document.undoStack()->undo();
    settle();
    EXPECT_EQ(question(item).text, before.text);
    EXPECT_EQ(edit->toPlainText(), QStringLiteral("How large was the operation?"));
}

TEST_F(InspectorTest, EventPartiesKeepAtLeastOne)
{
    const ItemRef item = find("ev-kremlin-readout"); // Russia only
    const IndexRange before = event(item).parties;
    const ItemRef russia = find("russia");
    const ItemRef ukraine = find("ukraine");
    m_selection.select(item);
    settle();
    auto *list = child<QListWidget>("inspectorParties");
    ASSERT_EQ(list->count(), int(m_document.project().parties().size()));
    EXPECT_EQ(list->item(int(russia.index))->checkState(), Qt::Checked);
    EXPECT_EQ(list->item(int(ukraine.index))->checkState(), Qt::Unchecked);

    // The last party cannot go: the box stays ticked and a note says why.
    list->item(int(russia.index))->setCheckState(Qt::Unchecked);
    settle();
    EXPECT_EQ(list->item(int(russia.index))->checkState(), Qt::Checked);
    EXPECT_TRUE(shows(QStringLiteral("needs at least one party")));
    EXPECT_EQ(event(item).parties, before);
    EXPECT_EQ(m_document.undoStack()->count(), 0);

    list->item(int(ukraine.index))->setCheckState(Qt::Checked);
    settle();
    auto parties = m_document.project().indices(event(item).parties);
    EXPECT_EQ(std::vector<std::uint32_t>(parties.begin(), parties.end()),
              (std::vector<std::uint32_t> {russia.index, ukraine.index}));
    EXPECT_FALSE(shows(QStringLiteral("needs at least one party")));
    list->item(int(russia.index))->setCheckState(Qt::Unchecked);
    settle();
    parties = m_document.project().indices(event(item).parties);
    EXPECT_EQ(std::vector<std::uint32_t>(parties.begin(), parties.end()),
              (std::vector<std::uint32_t> {ukraine.index}));
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 2);
    EXPECT_TRUE(stack->text(0).startsWith(QStringLiteral("Add party ‘Ukraine’ to ‘")));
    EXPECT_TRUE(stack->text(1).startsWith(QStringLiteral("Remove party ‘Russia’ from ‘")));

    undoAll();
    EXPECT_EQ(event(item).parties, before);
    EXPECT_EQ(list->item(int(russia.index))->checkState(), Qt::Checked);
    EXPECT_EQ(list->item(int(ukraine.index))->checkState(), Qt::Unchecked);
    redoAll();
    EXPECT_EQ(m_document.project().indices(event(item).parties).size(), 1u);
}

TEST_F(InspectorTest, EventKindFromTheListOrTyped)
{
    const ItemRef item = find("ev-kremlin-readout");
    const std::uint32_t before = event(item).kind;
    m_selection.select(item);
    settle();
    auto *kind = child<QComboBox>("inspectorKind");
    EXPECT_EQ(kind->currentText(), QStringLiteral("statement"));
    // The project's kinds, each once.
    const int strike = kind->findText(QStringLiteral("strike"));
    ASSERT_GE(strike, 0);
    EXPECT_EQ(kind->count(), 13); // the sample's thirty events have thirteen kinds
    pick(kind, strike);
    EXPECT_EQ(m_document.project().word(event(item).kind), "strike");

    retype(kind->lineEdit(), QStringLiteral("ceasefire"));
    EXPECT_EQ(m_document.project().word(event(item).kind), "ceasefire");
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 2);
    EXPECT_TRUE(stack->text(1).endsWith(QStringLiteral(" to ceasefire")));
    EXPECT_GE(kind->findText(QStringLiteral("ceasefire")), 0); // offered from now on

    undoAll();
    EXPECT_EQ(event(item).kind, before);
    EXPECT_EQ(kind->currentText(), QStringLiteral("statement"));
    redoAll();
    EXPECT_EQ(m_document.project().word(event(item).kind), "ceasefire");
}

TEST_F(InspectorTest, CitationsAddedRemovedAndTheirExcerptsEdited)
{
    const ItemRef item = find("ev-kremlin-readout");
    const IndexRange before = event(item).sources;
    ASSERT_EQ(before.count, 1u);
    const std::uint32_t firstSource = m_document.project().citations(before)[0].source;
    const ItemRef cited = find("src-000");
    m_selection.select(item);
    settle();
    auto *list = child<QListWidget>("inspectorCitations");
    auto *excerpt = child<QPlainTextEdit>("inspectorExcerpt");
    ASSERT_EQ(list->count(), 1);
    EXPECT_EQ(excerpt->toPlainText(), text(m_document.project().citations(before)[0].excerpt));

    pick(child<QComboBox>("inspectorCiteSource"), int(cited.index));
    QTest::mouseClick(child<QPushButton>("inspectorCiteAdd"), Qt::LeftButton);
    settle();
    auto citations = m_document.project().citations(event(item).sources);
    ASSERT_EQ(citations.size(), 2u);
    EXPECT_EQ(citations[1].source, cited.index);
    EXPECT_EQ(list->count(), 2);
    EXPECT_EQ(list->currentRow(), 1); // the new one, ready for its excerpt
    EXPECT_EQ(excerpt->toPlainText(), QString());

    excerpt->setFocus();
    QTest::keyClicks(excerpt, QStringLiteral("Moscow claims proof"));
    settle();
    citations = m_document.project().citations(event(item).sources);
    ASSERT_EQ(citations.size(), 2u);
    EXPECT_EQ(text(citations[1].excerpt), QStringLiteral("Moscow claims proof"));
    EXPECT_TRUE(list->item(1)->text().contains(QStringLiteral("Moscow claims proof")));
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 2); // the add, then the typing as one step
    EXPECT_TRUE(stack->text(0).startsWith(QStringLiteral("Cite ‘Diplomatic Rupture")));
    EXPECT_TRUE(stack->text(1).startsWith(QStringLiteral("Change excerpt of ‘Diplomatic")));

    list->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>("inspectorCiteRemove"), Qt::LeftButton);
    settle();
    citations = m_document.project().citations(event(item).sources);
    ASSERT_EQ(citations.size(), 1u);
    EXPECT_EQ(citations[0].source, cited.index);
    ASSERT_EQ(stack->count(), 3);
    EXPECT_TRUE(stack->text(2).startsWith(QStringLiteral("Remove source ‘")));

    undoAll();
    EXPECT_EQ(event(item).sources, before);
    EXPECT_EQ(list->count(), 1);
    EXPECT_EQ(m_document.project().citations(event(item).sources)[0].source, firstSource);
    redoAll();
    citations = m_document.project().citations(event(item).sources);
    ASSERT_EQ(citations.size(), 1u);
    EXPECT_EQ(text(citations[0].excerpt), QStringLiteral("Moscow claims proof"));
}

TEST_F(InspectorTest, ClaimClaimantAboutQuestionCredibilityAndSources)
{
    const ItemRef item = find("claim-91-drones");
    const Claim before = claim(item);
    const ItemRef zelenskyy = find("zelenskyy");
    const ItemRef ukraine = find("ukraine");
    m_selection.select(item);
    settle();

    auto *claimant = child<QComboBox>("inspectorClaimant");
    EXPECT_EQ(claimant->currentText(), QStringLiteral("Sergei Lavrov"));
    pick(claimant, int(zelenskyy.index)); // actors first
    EXPECT_EQ(claim(item).claimant, (Speaker {zelenskyy.index, false}));
    const int ukraineRow = claimant->findText(QStringLiteral("Ukraine (party)"));
    ASSERT_GE(ukraineRow, 0);
    pick(claimant, ukraineRow);
    EXPECT_EQ(claim(item).claimant, (Speaker {ukraine.index, true}));

    // About: typed to find, picked from the matches.
    auto *about = child<EventPicker>("inspectorAbout");
    EXPECT_EQ(about->text(), text(event(find("ev-residence-drones")).title));
    about->setFocus();
    about->selectAll();
    QTest::keyClicks(about, QStringLiteral("Lavrov"));
    ASSERT_FALSE(about->matches().empty());
    EXPECT_LE(about->matches().size(), std::size_t(EventPicker::MaxMatches));
    const std::uint32_t first = about->matches().front();
    EXPECT_TRUE(text(m_document.project().events()[first].title)
                    .contains(QStringLiteral("Lavrov"), Qt::CaseInsensitive));
    QAbstractItemView *popup = about->matchCompleter()->popup();
    ASSERT_TRUE(popup->isVisible());
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    settle();
    EXPECT_EQ(claim(item).about, first);
    EXPECT_EQ(about->text(), text(m_document.project().events()[first].title));
    // Emptied: about nothing.
    retype(about, QString());
    EXPECT_EQ(claim(item).about, NoIndex);

    auto *questionCombo = child<QComboBox>("inspectorQuestion");
    EXPECT_EQ(questionCombo->currentText(), QStringLiteral("How large was the operation?"));
    pick(questionCombo, 0);
    EXPECT_EQ(claim(item).question, NoIndex);
    pick(child<QComboBox>("inspectorCredibility"), 2);
    EXPECT_EQ(claim(item).credibility, 2);

    // The same sources widget as events.
    auto *list = child<QListWidget>("inspectorCitations");
    ASSERT_EQ(list->count(), 2);
    list->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>("inspectorCiteRemove"), Qt::LeftButton);
    settle();
    EXPECT_EQ(m_document.project().citations(claim(item).sources).size(), 1u);

    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 7);
    EXPECT_TRUE(stack->text(0).endsWith(QStringLiteral(" to ‘Volodymyr Zelenskyy’")));
    EXPECT_TRUE(stack->text(3).startsWith(QStringLiteral("Remove event of ‘")));
    EXPECT_TRUE(stack->text(5).endsWith(QStringLiteral(" to 2")));

    undoAll();
    const Claim &restored = claim(item);
    EXPECT_EQ(restored.claimant, before.claimant);
    EXPECT_EQ(restored.about, before.about);
    EXPECT_EQ(restored.question, before.question);
    EXPECT_EQ(restored.credibility, before.credibility);
    EXPECT_EQ(restored.sources, before.sources);
    EXPECT_EQ(claimant->currentText(), QStringLiteral("Sergei Lavrov"));
    EXPECT_EQ(about->text(), text(event(find("ev-residence-drones")).title));
    EXPECT_EQ(list->count(), 2);
    redoAll();
    EXPECT_EQ(claim(item).claimant, (Speaker {ukraine.index, true}));
    EXPECT_EQ(claim(item).about, NoIndex);
    EXPECT_EQ(claim(item).credibility, 2);
}

// An item added and then removed (undo of the add) while it is shown: the inspector lets go.
TEST_F(InspectorTest, AnItemRemovedWhileShownIsLetGo)
{
    Party added;
    added.id = m_document.addText(std::string_view("new-party"));
    added.name = m_document.addText(std::string_view("New Party"));
    const std::uint32_t index = m_document.addParty(added);
    ASSERT_NE(index, NoIndex);
    m_selection.select({ItemKind::Party, index});
    settle();
    EXPECT_EQ(m_view.item(), (ItemRef {ItemKind::Party, index}));
    EXPECT_EQ(child<QLineEdit>("inspectorName")->text(), QStringLiteral("New Party"));
    m_document.undoStack()->undo();
    settle();
    EXPECT_FALSE(m_view.item().isValid());
    EXPECT_FALSE(child<QLineEdit>("inspectorName")->isVisibleTo(&m_view));
}

// A time typed but not yet committed belongs to the item it was typed for, even when another
// view selects another item before the field is left.
TEST_F(InspectorTest, TypingNotYetCommittedGoesToItsItemWhenTheSelectionMoves)
{
    const ItemRef a = find("ev-residence-drones");
    const ItemRef b = find("ev-kremlin-readout");
    const FuzzyTime beforeB = event(b).when;
    m_selection.select(a);
    settle();
    auto *when = child<QLineEdit>("inspectorWhen");
    when->setFocus();
    when->selectAll();
    QTest::keyClicks(when, QStringLiteral("2025-12-30"));
    m_selection.select(b);
    settle();
    EXPECT_EQ(event(a).when.toEdtf(), "2025-12-30");
    EXPECT_EQ(event(b).when, beforeB);
    EXPECT_EQ(when->text(), QString::fromStdString(beforeB.toEdtf()));
    // Leaving the field now writes nothing into b.
    QTest::keyClick(when, Qt::Key_Return);
    settle();
    EXPECT_EQ(event(b).when, beforeB);
    EXPECT_EQ(m_document.undoStack()->count(), 1);
}

// An undo shows in a field that commits when it is left, even while it has the focus; typing
// not yet committed is kept.
TEST_F(InspectorTest, AnUndoShowsInTheTimeFieldBeingEdited)
{
    const ItemRef item = find("ev-residence-drones");
    const QString before = QString::fromStdString(event(item).when.toEdtf());
    m_selection.select(item);
    settle();
    auto *when = child<QLineEdit>("inspectorWhen");
    retype(when, QStringLiteral("2025-12-30"));
    ASSERT_TRUE(when->hasFocus());
    m_document.undoStack()->undo();
    settle();
    EXPECT_EQ(when->text(), before);

    when->selectAll();
    QTest::keyClicks(when, QStringLiteral("2026-01"));
    m_document.undoStack()->redo(); // an edit elsewhere while typing
    settle();
    EXPECT_EQ(when->text(), QStringLiteral("2026-01"));
}
