#pragma once

// Shared by the first-day test: what each item is made of, typing and picking as a user does,
// and the fixture that drives a main window through the first day of the sample.

#include "document/document.h"
#include "document/selection.h"
#include "edit/catalogview.h"
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

namespace claimline::test {

using nlohmann::json;

struct PartySpec
{
    const char *name;
    const char *shortName;
    QRgb color;
};

struct ActorSpec
{
    const char *name;
    const char *role;
    const char *party;
};

struct SourceSpec
{
    const char *title;
    const char *outlet; // nullptr: none
    const char *published;
    char reliability;
};

struct CitationSpec
{
    int source; // in the order the sources were added
    const char *excerpt;
};

struct EventSpec
{
    const char *title;
    const char *summary;
    const char *when;
    const char *location;
    std::vector<const char *> parties; // in the event's order
    const char *kind;
    const char *tags;
    std::vector<CitationSpec> sources;
    Status status;
    const char *reason;
    const char *picture;
};

struct ClaimSpec
{
    int selectEvent; // the event selected before New Claim (its defaults), or -1
    const char *selectActor; // else the actor selected in the catalog
    const char *claimant;
    const char *madeAt;
    const char *aboutSearch; // typed into About to find the event; nullptr keeps the default
    const char *question;
    Stance stance;
    const char *statement;
    const char *quote; // nullptr: none
    std::vector<CitationSpec> sources;
    int credibility;
    Status status;
    const char *reason;
    const char *picture;
};

inline QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

inline void settleEvents()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

// Types text as a user would. QTest::keyClicks sends Latin-1 only, so a character outside
// ASCII (’ – “ …) goes as a key event that carries it, as an input method delivers it.
inline void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128)
            QTest::keyClick(widget, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

// Replaces a line edit's text by typing, then leaves it with Return.
inline void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    type(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    settleEvents();
}

inline void retype(QPlainTextEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    type(edit, text);
    settleEvents();
}

// Picks a combo entry as a user's click does: the index, then activated().
inline void pick(QComboBox *combo, int index)
{
    ASSERT_GE(index, 0) << combo->objectName().toStdString();
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
    settleEvents();
}

inline void pick(QComboBox *combo, const QString &text)
{
    const int index = combo->findText(text);
    ASSERT_GE(index, 0) << combo->objectName().toStdString() << ": no " << text.toStdString();
    pick(combo, index);
}

inline json loadJson(const QString &path)
{
    const std::string text = test::readString(path);
    return json::parse(text, nullptr, false);
}

class FirstDayTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        test::keepSettingsIn(m_dir.path());
        qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("r"))));
        m_started = QDateTime::currentSecsSinceEpoch();
        window = std::make_unique<MainWindow>();
        // No question is expected; one that comes is recorded and cancelled.
        window->setAskFunction([this](QMessageBox &box) {
            m_unexpected << box.text();
            return QMessageBox::Cancel;
        });
        window->inspector()->setAskReason([this](const QString &question, QString *reason) {
            m_reasonQuestions << question;
            *reason = m_reason;
            return true;
        });
        window->inspector()->setChooseColor(
            [this](QWidget *, const QColor &) { return std::optional<QColor>(m_color); });
        window->resize(1600, 1000);
        window->show();
        settle();
        m_pictures = QString::fromLocal8Bit(qgetenv("CLAIMLINE_FIRSTDAY_PNG_DIR"));
    }
    void TearDown() override
    {
        window.reset();
        qunsetenv("CLAIMLINE_RECOVERY_DIR");
    }

    // Lets every view run its deferred rebuilds and paint.
    void settle()
    {
        for (int i = 0; i < 3; ++i) {
            QApplication::processEvents();
            window->grab();
        }
    }
    Document *document() const { return window->document(); }
    Selection *selection() const { return window->selection(); }
    const Project &project() const { return document()->project(); }
    QUndoStack *undoStack() const { return document()->undoStack(); }

    template<typename T>
    T *field(const char *name) const
    {
        T *widget = window->inspector()->findChild<T *>(QLatin1String(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }
    void trigger(const char *actionName)
    {
        QAction *action = window->findChild<QAction *>(QLatin1String(actionName));
        ASSERT_NE(action, nullptr) << actionName;
        ASSERT_TRUE(action->isEnabled()) << actionName;
        action->trigger();
        settle();
    }
    // What a user sees at each step: the Inspector's form fits its dock (no horizontal
    // scroll bar cutting off its fields), the catalog's names are not cut to a few letters.
    void expectFormFits(const char *step)
    {
        settle();
        auto *scroll = window->inspector()->findChild<QScrollArea *>();
        ASSERT_NE(scroll, nullptr);
        EXPECT_FALSE(scroll->horizontalScrollBar()->isVisible()) << step;
        EXPECT_GE(window->catalog()->width(), 150) << step;
    }
    void picture(const char *name)
    {
        expectFormFits(name);
        if (m_pictures.isEmpty())
            return;
        settle();
        const QString path = m_pictures
            + QStringLiteral("/firstday-%1-%2.png")
                  .arg(++m_pictureCount, 2, 10, QLatin1Char('0'))
                  .arg(QLatin1String(name));
        EXPECT_TRUE(window->grab().save(path)) << path.toStdString();
    }
    // The inspector shows the item just added.
    void expectEditing(ItemKind kind)
    {
        EXPECT_EQ(window->inspector()->item().kind, kind);
        EXPECT_EQ(selection()->current(), window->inspector()->item());
    }
    void addCitations(const std::vector<CitationSpec> &citations)
    {
        auto *list = field<QListWidget>("inspectorCitations");
        for (const CitationSpec &citation : citations) {
            pick(field<QComboBox>("inspectorCiteSource"), citation.source);
            QTest::mouseClick(field<QPushButton>("inspectorCiteAdd"), Qt::LeftButton);
            settle();
            EXPECT_EQ(list->currentRow(), list->count() - 1); // the new one, for its excerpt
            retype(field<QPlainTextEdit>("inspectorExcerpt"), utf8(citation.excerpt));
        }
    }
    void setStatus(Status status, const char *reason)
    {
        if (status == Status::Unverified)
            return; // where every item starts
        m_reason = utf8(reason);
        const qsizetype asked = m_reasonQuestions.size();
        pick(field<QComboBox>("inspectorStatus"), int(status));
        EXPECT_EQ(m_reasonQuestions.size(), asked + 1);
        settle();
    }

    void buildTheFirstDay();
    // The saved file and the fixture, status-history times normalised.
    void expectSavedEqualsFixture(const QString &saved);

    std::unique_ptr<MainWindow> window;
    QStringList m_unexpected;
    QStringList m_reasonQuestions;
    QString m_reason;
    QColor m_color;
    QString m_pictures;
    int m_pictureCount = 0;
    qint64 m_started = 0;
    QTemporaryDir m_dir;
};

} // namespace claimline::test
