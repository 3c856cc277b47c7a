#pragma once

// InspectorForm: what the Inspector's forms have in common. There is one form per kind of item
// (EventForm, ClaimForm, PartyForm, ActorForm, SourceForm, QuestionForm); each owns its fields,
// fills them from the item it shows (fill()) and turns their signals into Document edits, one
// undo step each. InspectorView shows the form of the selected item's kind and hides the others.
//
// A form lays out only its own rows. One form for every kind with the other kinds' rows hidden
// (QFormLayout::setRowVisible()) is what Qt 6.4 gets wrong: a hidden row keeps its index into
// the form's height-for-width arrays, which are sized for the visible rows, and the form writes
// past their end (valgrind) once several rows with word-wrapped notes are hidden.
//
// While a form fills its fields, their signals are not edits (isEditing()); a form that shows no
// item (hidden, or its item removed) edits nothing. Here too are the rows and helpers that
// several forms share: the EDTF time field with its live reading, problems and notes under a
// field, the sources and status rows of events and claims.

#include "document/document.h"
#include "inspector/fieldundo.h"
#include "model/model.h"
#include "model/project.h"

#include <QTimeZone>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace claimline {

class CitationEditor;
class TagsEditor;

class InspectorForm : public QWidget
{
    Q_OBJECT

public:
    InspectorForm(Document *document, ItemKind kind, QWidget *parent = nullptr);
    ~InspectorForm() override;

    ItemKind kind() const { return m_kind; }
    // The item shown, or an invalid ref.
    ItemRef item() const { return {m_kind, m_index}; }
    // Fills the fields from item `index` of the form's kind. `newItem`: another item than the
    // one shown before, so typing not yet committed is not kept.
    void showItem(std::uint32_t index, bool newItem);
    // The item moved to another index (items before it were removed), or is gone (NoIndex):
    // edits until the next fill go to where it is now, or nowhere.
    void followItem(std::uint32_t index) { m_index = index; }
    // What the view shows above the form: "Event ‘…’".
    virtual QString heading() const = 0;
    // Commits what is typed in a field that commits when it is left, before the item changes.
    void flushPending();
    // The items of the form's kind selected together with the one shown (its index among
    // them), whose tags the Tags field edits together (tagseditor.h); empty or one: the item
    // shown alone. Set before the form shows its item.
    void setSelectedItems(std::vector<std::uint32_t> items) { m_group = std::move(items); }
    const std::vector<std::uint32_t> &selectedItems() const { return m_group; }

    // The zone times are read in (the reading under a time field, the status history).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // The widest row label and the widest field (minimum size), for the view's size hint.
    int labelWidth() const;
    int fieldWidth() const;
    int horizontalSpacing() const;

Q_SIGNALS:
    // The user picked a status in the status row; the view applies it to the selection.
    void statusPicked(claimline::Status status);

protected:
    // Fills the fields from the item shown (item().index is valid).
    virtual void fill() = 0;
    // Commits what is typed in the form's own fields that commit when they are left.
    virtual void flushFields() { }

    Document *document() const { return m_document; }
    const Project &project() const;
    std::uint32_t index() const { return m_index; }
    const QTimeZone &zone() const { return m_zone; }
    bool isNewItem() const { return m_newItem; }
    // Whether a field's signal is the user's edit of the item shown: not while filling the
    // fields, and not without an item.
    bool isEditing() const { return !m_updating && m_index != NoIndex; }
    // Marks a change the form makes to its own field (not an edit).
    void setUpdating(bool updating) { m_updating = updating; }

    // Replaces the item shown by `after` as one undo step; `action` is the undo text with %1
    // for the item's quoted name ("Change coordinates of %1"). Edits of the same `field` in a
    // row merge into one step (typing).
    template<typename Item>
    void commitItem(const Item &after, const QString &action,
                    Document::Field field = Document::Field::None)
    {
        document()->edit(index(), after, action.arg(document()->quotedName(item())), field);
    }

    // Whether the item's provisional id follows the text (names, titles, question texts).
    enum class Naming { Plain, IdFollows };
    // Sets one text field of the item shown as one undo step; `action` is the undo text
    // with %1 for the item's quoted name ("Change name of %1"). Typing in the same field
    // merges into one step (`field`).
    template<typename Item>
    void commitTextField(TextRef Item::*member, const QString &text, const QString &action,
                         Document::Field field, Naming naming = Naming::Plain)
    {
        if (!isEditing())
            return;
        Item after = project().template items<Item>()[index()];
        after.*member = document()->addText(text);
        if (naming == Naming::IdFollows)
            after.id = document()->idFollowingName(item(), text);
        commitItem(after, action, field);
    }

    // Building the form: fields named for tests and scripts, and rows of the form in order.
    template<typename Widget>
    static Widget *named(Widget *widget, const char *name)
    {
        widget->setObjectName(QLatin1String(name));
        return widget;
    }
    // A line edit commits as it is typed unless told otherwise; either way Undo in it is the
    // Document's, except over typing not yet committed (fieldundo.h).
    using Commit = FieldUndo::Commit;
    QLineEdit *lineEdit(const char *name, Commit commit = Commit::AsTyped);
    // A line edit made elsewhere (an editable combo's, a picker) that commits when it is left.
    void addDeferredField(QLineEdit *field) { m_fieldUndo->addField(field, Commit::WhenLeft); }
    QComboBox *combo(const char *name);
    QPlainTextEdit *plainEdit(const char *name, int lines);
    // A word-wrapped plain-text label for a note or a problem under a field.
    QLabel *noteLabel(const char *name);
    // A field with its note or problem under it, in one box: a word-wrapped label in a form
    // row of its own is laid out one line high by QFormLayout, which clips a long error.
    QWidget *fieldBox(QWidget *field, QLabel *note);
    // A row; `buddy` gets the label's mnemonic when the field is a box.
    void addRow(const QString &text, QWidget *field, QWidget *buddy = nullptr);
    // The Tags row (tagseditor.h), filled and committed by the form whatever its kind. Each
    // form labels it with a mnemonic its other rows leave free.
    void addTagsRow(const QString &text);

    // Writes `text` into the field unless it already holds it (keeps the cursor while typing).
    static void setFieldText(QLineEdit *edit, const QString &text);
    static void setFieldText(QPlainTextEdit *edit, const QString &text);
    // Whether a fill may overwrite a field that commits when it is left: not while it holds
    // typing not yet committed (or refused), unless the item changed.
    bool mayOverwrite(const QLineEdit *field) const;
    // Shows the item's text in a field that commits when it is left, if it may (above);
    // returns whether it did.
    bool fillField(QLineEdit *field, TextRef text);
    // Shows a problem under a field (in a red that reads on the palette), or a plain note.
    void showProblem(QLabel *label, const QString &text);
    void showNote(QLabel *label, const QString &text);
    // What a check of a field found, under it: "Not saved: <problem>" when there is one, else
    // the note, or nothing. Returns whether the field may be saved.
    bool showCheck(QLabel *label, const QString &problem, const QString &note = {});

    // A fuzzy time typed as EDTF, its human reading ("29 Dec 2025, 03:00 UTC") or what is
    // wrong with it shown live under it. It commits when it is left.
    struct TimeField
    {
        QLineEdit *edit = nullptr;
        QLabel *reading = nullptr;
        bool allowEmpty = false; // empty is "no time" (else a problem)
    };
    TimeField addTimeRow(const QString &text, const char *name, const QString &placeholder,
                         bool allowEmpty);
    // Shows the item's time, unless typing not yet committed is there (mayOverwrite()).
    void fillTime(const TimeField &field, const FuzzyTime &time);
    // The reading or the error of the field, shown under it; returns the parsed time.
    std::optional<FuzzyTime> checkTime(const TimeField &field);
    // Sets a time of the item shown to what its field holds, as one undo step (typing merges
    // by `field`); an invalid time is shown under the field and never written.
    template<typename Item>
    void commitTime(const TimeField &time, FuzzyTime Item::*member, const QString &action,
                    Document::Field field)
    {
        const std::optional<FuzzyTime> parsed = isEditing() ? takeTime(time) : std::nullopt;
        if (!parsed)
            return; // not an edit, or refused: shown inline, never written
        Item after = project().template items<Item>()[index()];
        after.*member = *parsed;
        commitItem(after, action, field);
    }

    // A language (a BCP 47 code, text/languagetag.h; empty: none said) that commits when it is
    // left; what is wrong with it shows under it, and it is never written.
    struct LanguageField
    {
        QLineEdit *edit = nullptr;
        QLabel *problem = nullptr;
    };
    LanguageField addLanguageRow(const QString &text, const char *name);
    void fillLanguage(const LanguageField &field, TextRef language);
    // Whether the field holds a language that may be saved (or nothing); shows why not.
    bool checkLanguage(const LanguageField &field);
    // What a field holds, to be committed: the time or language (the field then counts as
    // committed, mayOverwrite()), or nothing with the problem shown under it.
    std::optional<FuzzyTime> takeTime(const TimeField &field);
    std::optional<QString> takeLanguage(const LanguageField &field);
    template<typename Item>
    void commitLanguage(const LanguageField &language, TextRef Item::*member, const QString &action,
                        Document::Field field)
    {
        if (isEditing()) {
            if (const std::optional<QString> text = takeLanguage(language))
                commitTextField(member, *text, action, field);
        }
    }

    // The rows events and claims share: their sources (each change of the citations one undo
    // step, typing an excerpt merged), and their status with its history.
    void addSourcesRow();
    void addStatusRows();
    void fillSources(IndexRange sources);
    void fillStatus(Status status, IndexRange history);

private:
    void commitTags();
    void commitCitations(const std::vector<Citation> &citations, int change, std::uint32_t source);
    void commitStatus(int comboIndex);

    Document *m_document = nullptr;
    ItemKind m_kind;
    std::uint32_t m_index = NoIndex;
    QTimeZone m_zone = QTimeZone::utc();
    bool m_updating = false; // filling the fields: their signals are not edits
    bool m_newItem = false; // filling the fields of another item than before

    struct Row
    {
        QLabel *label = nullptr;
        QWidget *field = nullptr;
    };
    std::vector<Row> m_rows;
    QFormLayout *m_form = nullptr;
    FieldUndo *m_fieldUndo = nullptr;
    CitationEditor *m_citations = nullptr;
    TagsEditor *m_tags = nullptr;
    std::vector<std::uint32_t> m_group; // setSelectedItems()
    QComboBox *m_status = nullptr;
    QLabel *m_history = nullptr;
};

} // namespace claimline
