// InspectorView: editing the selected item of any kind through undoable Document commands;
// typing merges into one step; an invalid fuzzy time or URL is shown and never written; an
// event keeps at least one party; citations are added, removed and their excerpts edited; a
// status change asks why, records it, and applies to every selected item as one step.
//
// This file: an event's title and time, a claim's statement, the status and its reason, the
// forms in both palettes and the rows of each kind. Parties, actors, sources, questions, event
// parties and kinds, citations and a claim's other fields are in test_inspector_kinds.cpp.

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

TEST_F(InspectorTest, TypingATitleIsOneUndoStep)
{
    const ItemRef item = find("ev-residence-drones");
    const QString before = text(event(item).title);
    m_selection.select(item);
    settle();
    EXPECT_EQ(m_view.item(), item);
    auto *title = child<QLineEdit>("inspectorTitle");
    ASSERT_TRUE(title);
    EXPECT_EQ(title->text(), before);
    EXPECT_TRUE(title->isVisibleTo(&m_view));
    EXPECT_FALSE(child<QPlainTextEdit>("inspectorStatement")->isVisibleTo(&m_view));

    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, QStringLiteral(" (alleged)"));
    settle();
    EXPECT_EQ(text(event(item).title), before + QStringLiteral(" (alleged)"));
    // Ten keystrokes, one step, named after the field and the item.
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_TRUE(stack->text(0).startsWith(QStringLiteral("Change title of ‘")))
        << stack->text(0).toStdString();
    EXPECT_TRUE(m_document.isModified());

    stack->undo();
    settle();
    EXPECT_EQ(text(event(item).title), before);
    EXPECT_EQ(title->text(), before); // an undo shows in the field
    stack->redo();
    settle();
    EXPECT_EQ(title->text(), before + QStringLiteral(" (alleged)"));

    // Another field is another step.
    auto *summary = child<QPlainTextEdit>("inspectorSummary");
    summary->setFocus();
    QTest::keyClicks(summary, QStringLiteral("x"));
    settle();
    EXPECT_EQ(stack->count(), 2);
}

TEST_F(InspectorTest, AnInvalidTimeIsShownAndNeverWritten)
{
    const ItemRef item = find("ev-residence-drones");
    const FuzzyTime before = event(item).when;
    m_selection.select(item);
    settle();
    auto *when = child<QLineEdit>("inspectorWhen");
    ASSERT_TRUE(when);
    EXPECT_EQ(when->text(), QString::fromStdString(before.toEdtf()));

    when->setFocus();
    when->selectAll();
    QTest::keyClicks(when, QStringLiteral("2025-13-01"));
    QTest::keyClick(when, Qt::Key_Return);
    settle();
    EXPECT_EQ(event(item).when, before);
    EXPECT_EQ(m_document.undoStack()->count(), 0);
    bool shown = false;
    for (const QLabel *label : m_view.findChildren<QLabel *>())
        shown = shown
            || (label->isVisibleTo(&m_view)
                && label->text().startsWith(QStringLiteral("Not saved:"))
                && label->text().contains(QStringLiteral("13")));
    EXPECT_TRUE(shown);

    when->selectAll();
    QTest::keyClicks(when, QStringLiteral("2025-12-28/2025-12-29?"));
    QTest::keyClick(when, Qt::Key_Return);
    settle();
    EXPECT_EQ(event(item).when.toEdtf(), "2025-12-28/2025-12-29?");
    ASSERT_EQ(m_document.undoStack()->count(), 1);
    m_document.undoStack()->undo();
    EXPECT_EQ(event(item).when, before);
}

TEST_F(InspectorTest, ClaimStatementStanceAndMadeAt)
{
    const ItemRef item = find("claim-91-drones");
    m_selection.select(item);
    settle();
    auto *statement = child<QPlainTextEdit>("inspectorStatement");
    ASSERT_TRUE(statement);
    EXPECT_TRUE(statement->isVisibleTo(&m_view));
    EXPECT_FALSE(child<QLineEdit>("inspectorTitle")->isVisibleTo(&m_view));
    EXPECT_EQ(statement->toPlainText(), text(claim(item).statement));

    statement->setFocus();
    statement->moveCursor(QTextCursor::End);
    QTest::keyClicks(statement, QStringLiteral(" Unverified."));
    settle();
    EXPECT_TRUE(text(claim(item).statement).endsWith(QStringLiteral(" Unverified.")));
    EXPECT_EQ(m_document.undoStack()->count(), 1);

    auto *stance = child<QComboBox>("inspectorStance");
    stance->setCurrentIndex(int(Stance::Qualifies));
    Q_EMIT stance->activated(int(Stance::Qualifies));
    settle();
    EXPECT_EQ(claim(item).stance, Stance::Qualifies);
    EXPECT_EQ(m_document.undoStack()->count(), 2);

    auto *madeAt = child<QLineEdit>("inspectorMadeAt");
    madeAt->setFocus();
    madeAt->selectAll();
    QTest::keyClicks(madeAt, QStringLiteral("2025-12-29T14:30Z"));
    QTest::keyClick(madeAt, Qt::Key_Return);
    settle();
    EXPECT_EQ(claim(item).madeAt.toEdtf(), "2025-12-29T14:30Z");

    // Undo everything: the claim is as it was.
    while (m_document.undoStack()->canUndo())
        m_document.undoStack()->undo();
    EXPECT_EQ(claim(item).stance, Stance::Affirms);
    EXPECT_FALSE(text(claim(item).statement).endsWith(QStringLiteral(" Unverified.")));
    EXPECT_FALSE(m_document.isModified());
}

TEST_F(InspectorTest, StatusOfSeveralItemsIsOneStepWithItsReasonInTheHistory)
{
    const ItemRef a = find("claim-91-drones");
    const ItemRef b = find("claim-fabrication");
    const ItemRef e = find("ev-residence-drones");
    const Status beforeA = claim(a).status;
    const Status beforeE = event(e).status;
    const std::size_t historyA = m_document.project().statusChanges(claim(a).history).size();
    m_selection.setItems({a, b, e}, a);
    settle();

    auto *status = child<QComboBox>("inspectorStatus");
    ASSERT_TRUE(status);
    m_reason = QStringLiteral("No physical evidence after a week");
    status->setCurrentIndex(int(Status::Refuted));
    Q_EMIT status->activated(int(Status::Refuted));
    settle();
    ASSERT_EQ(m_questions.size(), 1);
    EXPECT_TRUE(m_questions[0].contains(QStringLiteral("3 items"))) << m_questions[0].toStdString();
    EXPECT_EQ(claim(a).status, Status::Refuted);
    EXPECT_EQ(claim(b).status, Status::Refuted);
    EXPECT_EQ(event(e).status, Status::Refuted);
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->text(0), QStringLiteral("Set status of 3 items to refuted"));

    // The history records when, to what and why; the inspector lists it.
    const auto history = m_document.project().statusChanges(claim(a).history);
    ASSERT_EQ(history.size(), historyA + 1);
    EXPECT_EQ(history.back().status, Status::Refuted);
    EXPECT_EQ(text(history.back().reason), m_reason);
    EXPECT_FALSE(history.back().at.isNull());
    EXPECT_TRUE(child<QLabel>("inspectorHistory")->text().contains(m_reason));
    EXPECT_TRUE(child<QLabel>("inspectorHistory")->text().contains(QStringLiteral("refuted")));

    stack->undo();
    EXPECT_EQ(claim(a).status, beforeA);
    EXPECT_EQ(event(e).status, beforeE);
    EXPECT_EQ(m_document.project().statusChanges(claim(a).history).size(), historyA);
}

TEST_F(InspectorTest, CancellingTheReasonChangesNothing)
{
    const ItemRef a = find("claim-91-drones");
    const Status before = claim(a).status;
    m_selection.select(a);
    settle();
    m_agree = false;
    auto *status = child<QComboBox>("inspectorStatus");
    status->setCurrentIndex(int(Status::Retracted));
    Q_EMIT status->activated(int(Status::Retracted));
    settle();
    EXPECT_EQ(claim(a).status, before);
    EXPECT_EQ(m_document.undoStack()->count(), 0);
    EXPECT_EQ(status->currentIndex(), int(before)); // the combo shows the real status again
}

TEST_F(InspectorTest, NothingToEditWithoutASelection)
{
    m_selection.clear();
    settle();
    EXPECT_FALSE(m_view.item().isValid());
    for (const char *name : {"inspectorTitle", "inspectorName", "inspectorSourceTitle"})
        EXPECT_FALSE(child<QLineEdit>(name)->isVisibleTo(&m_view)) << name;
    EXPECT_FALSE(child<QComboBox>("inspectorStatus")->isVisibleTo(&m_view));
    EXPECT_FALSE(child<QPlainTextEdit>("inspectorQuestionText")->isVisibleTo(&m_view));
}

// Every kind's form in the light and the dark palette: every label and field laid out with
// room, problems shown under their fields (CLAIMLINE_INSPECTOR_PNG=DIR saves the pictures to
// look at). The view is as tall as the form, so that the whole of it is in the picture.
TEST_F(InspectorTest, FormsInLightAndDarkPalettes)
{
    auto *scroll = m_view.findChild<QScrollArea *>();
    ASSERT_TRUE(scroll);
    for (const bool dark : {false, true}) {
        m_view.setPalette(dark ? test::darkPalette() : QPalette());
        for (const char *id :
             {"claim-91-drones", "ev-residence-drones", "russia", "lavrov", "src-004", "q-scale"}) {
            m_selection.select(find(id));
            settle();
            // Invalid input shows its problem under the field.
            const auto invalid = [this](const char *name, const QString &value) {
                auto *edit = child<QLineEdit>(name);
                edit->setText(value);
                Q_EMIT edit->textEdited(edit->text());
            };
            const ItemKind kind = find(id).kind;
            if (kind == ItemKind::Claim)
                invalid("inspectorMadeAt", QStringLiteral("2025-12-32"));
            if (kind == ItemKind::Event)
                invalid("inspectorWhen", QStringLiteral("2025-12-32"));
            if (kind == ItemKind::Source) {
                invalid("inspectorUrl", QStringLiteral("javascript:alert(document.cookie)"));
                invalid("inspectorPublished", QStringLiteral("2025-13"));
            }
            if (kind == ItemKind::Event) {
                auto *parties = child<QListWidget>("inspectorParties");
                parties->item(int(find("russia").index))->setCheckState(Qt::Unchecked);
                parties->item(int(find("ukraine").index))->setCheckState(Qt::Unchecked);
            }
            settle(); // the layout makes room for the problems
            m_view.resize(440, 640);
            settle();
            const int height
                = std::max(scroll->widget()->heightForWidth(scroll->viewport()->width()),
                           scroll->widget()->sizeHint().height());
            m_view.resize(440, std::max(640, height + 4));
            settle();
            const QImage image = m_view.grab().toImage();
            EXPECT_EQ(image.size(), m_view.size() * image.devicePixelRatio());
            if (const QByteArray dir = qgetenv("CLAIMLINE_INSPECTOR_PNG"); !dir.isEmpty()) {
                image.save(QString::fromLocal8Bit(dir)
                           + QStringLiteral("/inspector-%1-%2.png")
                                 .arg(QLatin1String(id),
                                      dark ? QStringLiteral("dark") : QStringLiteral("light")));
            }
            undoAll();
        }
    }
}

// Each kind shows its own rows and hides the others'.
TEST_F(InspectorTest, RowsFollowTheKindOfTheSelectedItem)
{
    const struct
    {
        const char *id;
        const char *shown;
        std::vector<const char *> hidden;
    } cases[] = {
        {"russia", "inspectorShortName", {"inspectorTitle", "inspectorRole", "inspectorUrl"}},
        {"lavrov", "inspectorRole", {"inspectorShortName", "inspectorTitle", "inspectorUrl"}},
        {"src-004", "inspectorUrl", {"inspectorName", "inspectorTitle", "inspectorWhen"}},
        {"q-scale", "inspectorQuestionText", {"inspectorName", "inspectorStatus"}},
        {"ev-residence-drones", "inspectorParties", {"inspectorClaimant", "inspectorName"}},
        {"claim-91-drones", "inspectorClaimant", {"inspectorParties", "inspectorName"}},
    };
    for (const auto &c : cases) {
        m_selection.select(find(c.id));
        settle();
        EXPECT_EQ(m_view.item(), find(c.id));
        QWidget *shown = m_view.findChild<QWidget *>(QLatin1String(c.shown));
        ASSERT_TRUE(shown) << c.shown;
        EXPECT_TRUE(shown->isVisibleTo(&m_view)) << c.id << " " << c.shown;
        for (const char *name : c.hidden) {
            QWidget *hidden = m_view.findChild<QWidget *>(QLatin1String(name));
            ASSERT_TRUE(hidden) << name;
            EXPECT_FALSE(hidden->isVisibleTo(&m_view)) << c.id << " " << name;
        }
    }
    // Every label, the form's row labels too, shows plain text.
    for (const QLabel *label : m_view.findChildren<QLabel *>())
        EXPECT_EQ(label->textFormat(), Qt::PlainText) << label->text().toStdString();
}

// Issue 15: with no item selected the Inspector edits the project itself, its public
// description (what published exports show) among its fields, with undo like any field.
TEST_F(InspectorTest, PublicDescriptionIsEditedWithUndoWhenNothingIsSelected)
{
    const Project &project = m_document.project();
    const QString before = text(project.meta().publicDescription);
    const QString internal = text(project.meta().description);
    m_selection.clear();
    settle();
    EXPECT_FALSE(m_view.item().isValid());
    auto *field = child<QPlainTextEdit>("projectPublicDescription");
    ASSERT_TRUE(field);
    EXPECT_TRUE(field->isVisibleTo(&m_view));
    EXPECT_EQ(field->toPlainText(), before);
    EXPECT_TRUE(field->toolTip().contains(QStringLiteral("published exports")));
    EXPECT_TRUE(field->placeholderText().contains(QStringLiteral("published exports")));
    EXPECT_EQ(child<QPlainTextEdit>("projectDescription")->toPlainText(), internal);

    field->setFocus();
    field->moveCursor(QTextCursor::End);
    QTest::keyClicks(field, QStringLiteral(" More."));
    settle();
    EXPECT_EQ(text(project.meta().publicDescription), before + QStringLiteral(" More."));
    EXPECT_EQ(text(project.meta().description), internal);
    QUndoStack *stack = m_document.undoStack();
    ASSERT_EQ(stack->count(), 1); // six keystrokes, one step
    EXPECT_EQ(stack->text(0), QStringLiteral("Change public description"));

    stack->undo();
    settle();
    EXPECT_EQ(text(project.meta().publicDescription), before);
    EXPECT_EQ(field->toPlainText(), before); // an undo shows in the field
    EXPECT_FALSE(m_document.isModified());
    stack->redo();
    settle();
    EXPECT_EQ(field->toPlainText(), before + QStringLiteral(" More."));

    // The title is another field, another step.
    auto *title = child<QLineEdit>("projectTitle");
    title->setFocus();
    title->end(false);
    QTest::keyClicks(title, QStringLiteral("!"));
    settle();
    EXPECT_EQ(stack->count(), 2);
    EXPECT_TRUE(text(project.meta().title).endsWith(QLatin1Char('!')));

    // An item selected: its form, not the project's.
    m_selection.select(find("ev-residence-drones"));
    settle();
    EXPECT_FALSE(field->isVisibleTo(&m_view));
    EXPECT_TRUE(child<QLineEdit>("inspectorTitle")->isVisibleTo(&m_view));
}
