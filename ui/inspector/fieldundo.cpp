#include "inspector/fieldundo.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QUndoStack>

#include <algorithm>

namespace claimline {

namespace {

// The field an event filtered here is for: a plain-text edit's mouse events (its context menu)
// go to its viewport.
QWidget *fieldOf(QObject *watched)
{
    if (auto *plain = qobject_cast<QPlainTextEdit *>(watched ? watched->parent() : nullptr)) {
        if (plain->viewport() == watched)
            return plain;
    }
    return qobject_cast<QWidget *>(watched);
}

// The standard menu's Undo and Redo: a plain-text edit names them after their freedesktop
// icons, Qt 6.4's line edit leaves them unnamed, under its own translated texts.
const QString UndoName = QStringLiteral("edit-undo");
const QString RedoName = QStringLiteral("edit-redo");

enum class Standard { Undo, Redo, Other };

Standard standardAction(const QAction *action)
{
    const QString text = action->text().section(QLatin1Char('\t'), 0, 0);
    if (action->objectName() == UndoName || text == QLineEdit::tr("&Undo"))
        return Standard::Undo;
    if (action->objectName() == RedoName || text == QLineEdit::tr("&Redo"))
        return Standard::Redo;
    return Standard::Other;
}

} // namespace

FieldUndo::FieldUndo(QUndoStack *stack, QObject *parent)
    : QObject(parent)
    , m_stack(stack)
{
    Q_ASSERT(stack);
}

void FieldUndo::addField(QLineEdit *field, Commit commit)
{
    if (commit == Commit::WhenLeft)
        m_whenLeft.push_back(field);
    field->installEventFilter(this);
}

void FieldUndo::addField(QPlainTextEdit *field)
{
    // Its history would only ever be the Document's typing again.
    field->setUndoRedoEnabled(false);
    field->installEventFilter(this);
    field->viewport()->installEventFilter(this);
}

bool FieldUndo::isFieldsOwn(const QWidget *field, bool redo) const
{
    const auto *edit = qobject_cast<const QLineEdit *>(field);
    if (!edit || std::find(m_whenLeft.begin(), m_whenLeft.end(), edit) == m_whenLeft.end())
        return false;
    // A line edit is modified while its text differs from the state it was last set to or
    // committed at, and undoing back to that state clears the flag.
    return redo ? edit->isRedoAvailable() : edit->isModified();
}

bool FieldUndo::eventFilter(QObject *watched, QEvent *event)
{
    QWidget *field = fieldOf(watched);
    switch (event->type()) {
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        if (field != watched)
            break;
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        const bool redo = !undo && key->matches(QKeySequence::Redo);
        if ((!undo && !redo) || isFieldsOwn(field, redo))
            break;
        if (event->type() == QEvent::ShortcutOverride) {
            // The key comes to the field as a key press (below), not to a window's shortcut:
            // the Inspector undoes the same way in the window and on its own.
            event->accept();
            return true;
        }
        if (undo)
            m_stack->undo();
        else
            m_stack->redo();
        return true;
    }
    case QEvent::ContextMenu: {
        if (isFieldsOwn(field, false) || isFieldsOwn(field, true))
            break;
        QMenu *menu = contextMenu(field);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(static_cast<QContextMenuEvent *>(event)->globalPos());
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

QMenu *FieldUndo::contextMenu(QWidget *field) const
{
    QMenu *menu = nullptr;
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        menu = edit->createStandardContextMenu();
    else
        menu = static_cast<QPlainTextEdit *>(field)->createStandardContextMenu();
    for (QAction *action : menu->actions()) {
        const Standard which = standardAction(action);
        if (which == Standard::Other)
            continue;
        const bool undo = which == Standard::Undo;
        disconnect(action, &QAction::triggered, nullptr, nullptr);
        action->setObjectName(undo ? UndoName : RedoName);
        action->setEnabled(undo ? m_stack->canUndo() : m_stack->canRedo());
        if (undo)
            connect(action, &QAction::triggered, m_stack, &QUndoStack::undo);
        else
            connect(action, &QAction::triggered, m_stack, &QUndoStack::redo);
    }
    return menu;
}

} // namespace claimline
