// InspectorView: a claim's via, quote speaker, quote language, translation and notes, and the
// notes of events and sources (issue 21): each edit one undo step with its text, undo restores
// the old value and redo applies it again; what is set reads back from the saved file.

#include "format/projectreader.h"
#include "inspector/speakercombo.h"
#include "inspectorfixture.h"

#include <QTemporaryDir>

using namespace claimline;
using namespace claimline::test;

TEST_F(InspectorTest, ViaIsAnActorAPartyOrNoneAsOneStepEach)
{
    const ItemRef trump = find("trump");
    const ItemRef wsj = find("wall-street-journal");
    const ItemRef item = selectItem("claim-putin-told-trump");
    ASSERT_EQ(claim(item).via, (Speaker {trump.index, false}));
    auto *via = child<SpeakerCombo>("inspectorVia");
    ASSERT_TRUE(via);
    EXPECT_TRUE(via->isVisibleTo(&m_view));
    const qsizetype actors = qsizetype(m_document.project().actors().size());
    const qsizetype parties = qsizetype(m_document.project().parties().size());
    ASSERT_EQ(via->count(), 1 + actors + parties);
    EXPECT_EQ(via->itemText(0), QStringLiteral("none"));
    EXPECT_EQ(via->currentText(), QStringLiteral("Donald Trump"));

    const QString name = m_document.quotedName(item);
    pick(via, 0);
    EXPECT_FALSE(claim(item).via.isValid());
    pick(via, int(1 + actors + wsj.index));
    EXPECT_EQ(claim(item).via, (Speaker {wsj.index, true}));
    EXPECT_EQ(via->currentText(), QStringLiteral("The Wall Street Journal (party)"));
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 2);
    EXPECT_EQ(stack->text(0), QStringLiteral("Remove via of ") + name);
    EXPECT_EQ(stack->text(1),
              QStringLiteral("Set via of ") + name
                  + QStringLiteral(" to ‘The Wall Street Journal’"));

    undoStep();
    EXPECT_FALSE(claim(item).via.isValid());
    EXPECT_EQ(via->currentIndex(), 0);
    undoStep();
    EXPECT_EQ(claim(item).via, (Speaker {trump.index, false}));
    EXPECT_EQ(via->currentText(), QStringLiteral("Donald Trump"));
    EXPECT_FALSE(m_document.isModified());
    redoAll();
    EXPECT_EQ(claim(item).via, (Speaker {wsj.index, true}));
}

TEST_F(InspectorTest, QuoteSpeakerIsAnActorOrNone)
{
    const ItemRef lavrov = find("lavrov");
    const ItemRef putin = find("putin");
    const ItemRef item = selectItem("claim-state-terrorism");
    auto *speaker = child<SpeakerCombo>("inspectorQuoteSpeaker");
    ASSERT_TRUE(speaker);
    // Actors only: a quote is someone's words.
    ASSERT_EQ(speaker->count(), 1 + qsizetype(m_document.project().actors().size()));
    EXPECT_EQ(speaker->currentText(), QStringLiteral("Sergei Lavrov"));

    pick(speaker, int(putin.index) + 1);
    EXPECT_EQ(claim(item).quoteSpeaker, putin.index);
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(),
              QStringLiteral("Set quote speaker of ") + m_document.quotedName(item)
                  + QStringLiteral(" to ‘Vladimir Putin’"));
    pick(speaker, 0);
    EXPECT_EQ(claim(item).quoteSpeaker, NoIndex);
    EXPECT_EQ(stack->undoText(),
              QStringLiteral("Remove quote speaker of ") + m_document.quotedName(item));
    undoAll();
    EXPECT_EQ(claim(item).quoteSpeaker, lavrov.index);
    EXPECT_EQ(speaker->currentText(), QStringLiteral("Sergei Lavrov"));
    redoAll();
    EXPECT_EQ(claim(item).quoteSpeaker, NoIndex);
    EXPECT_EQ(speaker->currentIndex(), 0);
}

TEST_F(InspectorTest, QuoteLanguageAndTranslation)
{
    const ItemRef item = selectItem("claim-state-terrorism");
    const Claim before = claim(item);
    auto *language = child<QLineEdit>("inspectorQuoteLanguage");
    auto *translation = child<QPlainTextEdit>("inspectorQuoteTranslation");
    ASSERT_TRUE(language && translation);
    EXPECT_EQ(language->text(), QStringLiteral("en"));

    retype(language, QStringLiteral("ru"));
    EXPECT_EQ(text(claim(item).quoteLanguage), QStringLiteral("ru"));
    retype(language, QStringLiteral("ru_RU"));
    EXPECT_EQ(text(claim(item).quoteLanguage), QStringLiteral("ru")); // refused, never written
    EXPECT_TRUE(
        shows(QStringLiteral("Not saved: parts of a language code are joined by a hyphen")));

    translation->setFocus();
    QTest::keyClicks(translation, QStringLiteral("state terrorism"));
    settle();
    EXPECT_EQ(text(claim(item).quoteTranslation), QStringLiteral("state terrorism"));
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 2); // the typing is one step
    const QString name = m_document.quotedName(item);
    EXPECT_EQ(stack->text(0), QStringLiteral("Change quote language of ") + name);
    EXPECT_EQ(stack->text(1), QStringLiteral("Change quote translation of ") + name);

    undoStep();
    EXPECT_TRUE(claim(item).quoteTranslation.isEmpty());
    EXPECT_TRUE(translation->toPlainText().isEmpty());
    undoStep();
    EXPECT_EQ(claim(item).quoteLanguage, before.quoteLanguage);
    // What was refused stays in the field to be corrected, as a refused time does.
    EXPECT_EQ(language->text(), QStringLiteral("ru_RU"));
    redoAll();
    retype(language, QStringLiteral("ru"));
    EXPECT_EQ(text(claim(item).quoteLanguage), QStringLiteral("ru"));
    EXPECT_EQ(translation->toPlainText(), QStringLiteral("state terrorism"));
}

// Internal notes, on events, claims and sources alike: typing is one step per item, and undo
// gives back exactly the text the item had.
TEST_F(InspectorTest, NotesOfEventsClaimsAndSourcesAreTypedAsOneStepEach)
{
    // An item's id, and the name of its notes field.
    const std::pair<const char *, const char *> cases[] = {
        {"ev-residence-drones", "inspectorEventNotes"},
        {"claim-91-drones", "inspectorClaimNotes"},
        {"src-001", "inspectorSourceNotes"},
    };
    const auto notesOf = [this](ItemRef item) {
        if (item.kind == ItemKind::Event)
            return event(item).notes;
        return item.kind == ItemKind::Claim ? claim(item).notes : source(item).notes;
    };
    QUndoStack *stack = m_document.undoStack();
    for (const auto &[id, field] : cases) {
        const ItemRef item = selectItem(id);
        const TextRef before = notesOf(item);
        auto *notes = child<QPlainTextEdit>(field);
        ASSERT_TRUE(notes && notes->isVisibleTo(&m_view)) << field;
        EXPECT_EQ(notes->toPlainText(), text(before)) << field;
        const int steps = stack->count();
        typeAtEnd(notes, QStringLiteral(" Checked again."));
        EXPECT_EQ(text(notesOf(item)), text(before) + QStringLiteral(" Checked again."));
        ASSERT_EQ(stack->count(), steps + 1) << field;
        EXPECT_EQ(stack->undoText(),
                  QStringLiteral("Change notes of ") + m_document.quotedName(item));
        undoStep();
        EXPECT_EQ(notesOf(item), before) << field; // exactly the text it had
        EXPECT_EQ(notes->toPlainText(), text(before)) << field;
        redoStep();
        EXPECT_TRUE(notes->toPlainText().endsWith(QStringLiteral(" Checked again."))) << field;
    }
}

// A quote's speaker, language and translation without words of its own yet, and a via: the
// file keeps them and reads back as it was written.
TEST_F(InspectorTest, NewClaimFieldsReadBackFromTheSavedFile)
{
    selectItem("claim-91-drones");
    pick(child<SpeakerCombo>("inspectorVia"), int(find("kremlin").index) + 1);
    pick(child<SpeakerCombo>("inspectorQuoteSpeaker"), int(find("lavrov").index) + 1);
    retype(child<QLineEdit>("inspectorQuoteLanguage"), QStringLiteral("ru"));
    auto *translation = child<QPlainTextEdit>("inspectorQuoteTranslation");
    translation->setFocus();
    QTest::keyClicks(translation, QStringLiteral("ninety-one"));
    settle();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.claimline"));
    ASSERT_TRUE(m_document.save(path).isEmpty());
    const LoadResult loaded = loadProject(path);
    ASSERT_TRUE(loaded.ok()) << loaded.problems.front().toString().toStdString();
    const Project &project = *loaded.project;
    const Claim &back = project.claims()[project.find("claim-91-drones")->index];
    EXPECT_EQ(back.via, (Speaker {find("kremlin").index, false}));
    EXPECT_EQ(back.quoteSpeaker, find("lavrov").index);
    EXPECT_EQ(project.text(back.quoteLanguage), QStringLiteral("ru"));
    EXPECT_EQ(project.text(back.quoteTranslation), QStringLiteral("ninety-one"));
    EXPECT_TRUE(back.quote.isEmpty());

    saveShots(QStringLiteral("inspector-claim"), 1300);
}
