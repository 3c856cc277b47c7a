#pragma once

// Shared by the InspectorView tests: the sample in a document, an Inspector on it, and typing
// and picking as a user does.

#include "document/document.h"
#include "document/selection.h"
#include "inspector/colorbutton.h"
#include "inspector/eventpicker.h"
#include "inspector/inspectorview.h"
#include "testproject.h"
#include "testsupport.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace claimline::test {

inline void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

// Where the pictures for a person to look at go: $CLAIMLINE_SHOTS_DIR, else the temporary folder.
inline QString shotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("CLAIMLINE_SHOTS_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
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
    // Selects the item with this id, and the Inspector shows it.
    ItemRef selectItem(std::string_view id)
    {
        const ItemRef item = find(id);
        m_selection.select(item);
        settle();
        return item;
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
    // Types at the end of a plain-text field, as a user adding to it does.
    static void typeAtEnd(QPlainTextEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->moveCursor(QTextCursor::End);
        QTest::keyClicks(edit, text);
        settle();
    }
    // Pictures of the Inspector for a person to look at, light and dark (`name`-light.png,
    // `name`-dark.png); the view is left dark.
    void saveShots(const QString &name, int height)
    {
        m_view.resize(460, height);
        settle();
        m_view.grab().save(shotPath(name + QStringLiteral("-light.png")));
        m_view.setPalette(test::darkPalette());
        settle();
        m_view.grab().save(shotPath(name + QStringLiteral("-dark.png")));
    }
    // One step back or forward, and the Inspector shows it.
    void undoStep()
    {
        m_document.undoStack()->undo();
        settle();
    }
    void redoStep()
    {
        m_document.undoStack()->redo();
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

} // namespace claimline::test
