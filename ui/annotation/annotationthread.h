#pragma once

// AnnotationThread: the Inspector's thread of the analyst's annotations on one item
// (model.h: Annotation), oldest first as a conversation reads, with a box under it to write
// the next one.
//
// Each annotation shows its author, its time in UTC (as FuzzyTime shows times elsewhere) and
// its text, with Edit and Delete. Adding (the button, or Ctrl+Return in the box), saving an
// edit (Save, or Ctrl+Return; Escape cancels) and deleting are one undo step each, through the
// Document. The author is the analyst's name (analystname.h), asked the first time; without a
// name nothing is added and the text stays in the box.
//
// A thread is a handful of notes on one item: a widget per note, laid out in the Inspector's
// own scroll area, reads and wraps as the form does (a list view inside that scroll area
// would scroll on its own). Notes are rebuilt only when the item's thread changed. What is
// typed in the box is kept per item while the app runs, so moving to another item and back
// loses no draft.

#include "annotation/analystname.h"
#include "model/model.h"

#include <QHash>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace claimline {

class Document;
struct StructureChange;

class AnnotationThread final : public QWidget
{
    Q_OBJECT

public:
    explicit AnnotationThread(Document *document, QWidget *parent = nullptr);
    ~AnnotationThread() override;

    // The item whose thread is shown (an invalid ref: none).
    void setItem(ItemRef item);
    ItemRef item() const { return m_item; }
    // Shows the item's thread as it is now (after an edit, an undo).
    void refresh();

    // How the analyst's name is asked when none is saved (the default shows the dialog).
    void setAskName(AnalystNameDialog::Ask ask) { m_askName = std::move(ask); }

    // Adds what the box holds as an annotation; returns whether one was added.
    bool addFromBox();
    // Starts editing annotation `position` (its text in an edit box in place of it).
    void startEditing(std::uint32_t position);
    // Saves the edit being made; returns whether the text changed.
    bool saveEdit();
    void cancelEdit();
    bool deleteNote(std::uint32_t position);

    // How many annotations are shown (for tests).
    int noteCount() const { return int(m_notes.size()); }
    QPlainTextEdit *box() const { return m_box; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Note
    {
        QWidget *frame = nullptr;
        QLabel *text = nullptr;
    };
    void rebuild();
    void showEditor(std::uint32_t position, const QString &text);
    void followStructure(const StructureChange &change);
    void updateAddButton();
    Note makeNote(std::uint32_t position, const Annotation &annotation);

    Document *m_document = nullptr;
    ItemRef m_item;
    // What the notes show: rebuilt when either differs.
    ItemRef m_shownItem;
    IndexRange m_shownRange;
    bool m_shown = false;
    AnalystNameDialog::Ask m_askName;
    QHash<quint64, QString> m_drafts; // by item, while the app runs

    QLabel *m_title = nullptr;
    QLabel *m_empty = nullptr;
    QVBoxLayout *m_notesLayout = nullptr;
    std::vector<Note> m_notes;
    QPlainTextEdit *m_box = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_problem = nullptr;

    // The annotation being edited, its box and buttons (inside its note's frame).
    std::optional<std::uint32_t> m_editing;
    QPlainTextEdit *m_editBox = nullptr;
};

} // namespace claimline
