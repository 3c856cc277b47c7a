// InspectorView: editing the selected item of any kind through undoable Document commands;
// typing merges into one step; an invalid fuzzy time or URL is shown and never written; an
// event keeps at least one party; citations are added, removed and their excerpts edited; a
// status change asks why, records it, and applies to every selected item as one step.

#include "document.h"
#include "inspector/colorbutton.h"
#include "inspector/eventpicker.h"
#include "inspector/inspectorview.h"
#include "selection.h"
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

namespace {

void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

class InspectorTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_document.load(test::samplePath()).empty());
        m_view.setAskReason([this](const QString &question, QString *reason) {
            m_questions << question;
            *reason = m_reason;
            return m_agree;
        });
        m_view.show();
    }

    ItemRef find(std::string_view id) const
    {
        const std::optional<ItemRef> item = m_document.project().find(id);
        EXPECT_TRUE(item.has_value()) << id;
        return item.value_or(ItemRef {});
    }
    template<typename T>
    T *child(const char *name) const
    {
        T *widget = m_view.findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }
    QString text(TextRef ref) const { return m_document.project().text(ref); }
    const Event &event(ItemRef item) const { return m_document.project().events()[item.index]; }
    const Claim &claim(ItemRef item) const { return m_document.project().claims()[item.index]; }
    const Party &party(ItemRef item) const { return m_document.project().parties()[item.index]; }
    const Actor &actor(ItemRef item) const { return m_document.project().actors()[item.index]; }
    const Source &source(ItemRef item) const { return m_document.project().sources()[item.index]; }
    const Question &question(ItemRef item) const
    {
        return m_document.project().questions()[item.index];
    }
    // Whether a label under the form shows `text` (an inline problem or note).
    bool shows(const QString &text) const
    {
        for (const QLabel *label : m_view.findChildren<QLabel *>()) {
            if (label->isVisibleTo(&m_view) && label->text().contains(text))
                return true;
        }
        return false;
    }
    // Picks a combo entry the way a user's click does: the index, then activated().
    static void pick(QComboBox *combo, int index)
    {
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);
        settle();
    }
    // Replaces a line edit's text by typing, then leaves it with Return.
    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        else
            QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
        settle();
    }
    void undoAll()
    {
        while (m_document.undoStack()->canUndo())
            m_document.undoStack()->undo();
        settle();
    }
    void redoAll()
    {
        while (m_document.undoStack()->canRedo())
            m_document.undoStack()->redo();
        settle();
    }

    Document m_document;
    Selection m_selection;
    InspectorView m_view {&m_document, &m_selection};
    QStringList m_questions;
    QString m_reason;
    bool m_agree = true;
};

} // namespace

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
    EXPECT_EQ(restored.shortName, before.shortName);
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
    Project &project = m_document.mutableProject();
    Party added;
    added.id = project.addText(std::string_view("new-party"));
    added.name = project.addText(std::string_view("New Party"));
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
