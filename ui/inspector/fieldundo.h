#pragma once

// FieldUndo: what Undo and Redo do in the Inspector's text fields (Ctrl+Z, Ctrl+Shift+Z and the
// Undo and Redo of a field's context menu).
//
// A text widget has an undo history of its own, and Qt gives it the undo keys while it has the
// focus. The Inspector commits most fields as they are typed, so the field's history and the
// Document's describe the same typing twice: the field's undo put back the old text, which was
// then committed as a new edit ("Change title of …" that changed nothing, the file marked
// modified). One history is the Document's, as in applications whose property panels apply as
// you type: wherever the focus is, Undo takes back the last edit, and the field shows it.
//
// The exception is typing not yet committed: a field that commits when it is left (a time, the
// tags, a URL) holds text the Document has never seen while it is modified, and Undo and Redo
// there are the field's own, as in any Qt line edit, until it is back to what was committed.
// A field that commits as typed never holds such text: its keys always go to the Document.

#include <QObject>

#include <vector>

class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QUndoStack;
class QWidget;

namespace claimline {

class FieldUndo final : public QObject
{
    Q_OBJECT

public:
    // How a field's text reaches the Document.
    enum class Commit { AsTyped, WhenLeft };

    FieldUndo(QUndoStack *stack, QObject *parent);

    void addField(QLineEdit *field, Commit commit);
    // A plain-text edit of the Inspector commits as typed; its own undo history is switched off.
    void addField(QPlainTextEdit *field);

    // Whether Undo (or Redo) in `field` is the field's own now: it holds typing not yet
    // committed (or typing it can redo). False for a field not added here.
    bool isFieldsOwn(const QWidget *field, bool redo) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The field's context menu with its Undo and Redo taken over by the Document's.
    QMenu *contextMenu(QWidget *field) const;

    QUndoStack *m_stack = nullptr;
    std::vector<const QLineEdit *> m_whenLeft;
};

} // namespace claimline
