#pragma once

// Shared by the annotation tests (issue 22, the analyst's own layer in the app): the
// Inspector's fixture with the analyst's name asked through a recorder instead of a dialog,
// and settings kept in a temporary folder that starts empty.

#include "annotation/analystname.h"
#include "annotation/annotationthread.h"
#include "annotation/starbox.h"
#include "inspectorfixture.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>

namespace claimline::test {

class AnnotationsTest : public InspectorTest
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_settingsDir.isValid());
        keepSettingsIn(m_settingsDir.path());
        QSettings().clear();
        m_view.setAskAnalystName([this](QWidget *, const QString &current, const QString &) {
            m_asked << current;
            return m_name;
        });
        InspectorTest::SetUp();
    }

    AnnotationThread *thread() const { return m_view.annotationThread(); }
    StarBox *star() const { return m_view.starBox(); }
    // The annotations of an item, oldest first, as "author: text".
    QStringList notesOf(ItemRef item) const
    {
        const Project &p = m_document.project();
        QStringList notes;
        for (const Annotation &a : p.annotations(layerOf(p, item).annotations))
            notes << p.text(a.author) + QStringLiteral(": ") + p.text(a.text);
        return notes;
    }
    // The texts the thread shows, in order.
    QStringList shownNotes() const
    {
        QStringList texts;
        for (const QLabel *label :
             thread()->findChildren<QLabel *>(QStringLiteral("annotationText")))
            texts << label->text();
        return texts;
    }
    // Writes in the thread's box and adds with Ctrl+Return, as a user does.
    void writeNote(const QString &text)
    {
        QPlainTextEdit *box = thread()->box();
        box->setFocus();
        // Line by line: Return starts a new line, as in any text box.
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(box, Qt::Key_Return);
            QTest::keyClicks(box, lines[i]);
        }
        QTest::keyClick(box, Qt::Key_Return, Qt::ControlModifier);
        settle();
    }
    // Clicks a widget of the Inspector as a user does, once it is scrolled into view.
    void click(QWidget *widget)
    {
        ASSERT_TRUE(widget);
        m_view.findChild<QScrollArea *>()->ensureWidgetVisible(widget);
        settle();
        // A check box takes clicks on its box and its text, not on the empty rest of its row.
        const QPoint at = qobject_cast<QCheckBox *>(widget) ? QPoint(8, widget->height() / 2)
                                                            : widget->rect().center();
        QTest::mouseClick(widget, Qt::LeftButton, {}, at);
        settle();
    }
    // The n-th note's button (Edit or Delete), by object name.
    QToolButton *noteButton(int note, const char *name) const
    {
        const auto frames = thread()->findChildren<QWidget *>(QStringLiteral("annotationNote"));
        EXPECT_LT(note, frames.size());
        return note < frames.size()
            ? frames[note]->findChild<QToolButton *>(QString::fromLatin1(name))
            : nullptr;
    }

    QTemporaryDir m_settingsDir;
    QStringList m_asked; // what each question about the name offered
    QString m_name = QStringLiteral("Ana Petrova");
};

} // namespace claimline::test
