#pragma once

// InspectorView: edits the selected item, whatever its kind, for the Inspector dock.
//
// It shows the form of the selected item's kind (EventForm, ClaimForm, PartyForm, ActorForm,
// SourceForm, QuestionForm: each owns its fields, fills them and commits their edits) with a
// heading above it, and hides the others. Every change goes through the Document's undo
// commands: typing in a field is committed as you type and consecutive keystrokes in one field
// merge into one undo step ("Change name of ‘Russia’"); picking from a combo or ticking a box
// is one step. A fuzzy time is typed as EDTF; the field shows its human reading live ("29 Dec
// 2025, 03:00 UTC") or what is wrong with it, and an invalid time, an unsafe URL, a language
// that is no language code, coordinates out of range (or one without the other) or an event
// without parties is shown inline and never written into the model. A source's addresses
// open through the view's LinkOpener (common/linkopener.h), as Details' do.
//
// Undo and Redo in a field (Ctrl+Z, Ctrl+Shift+Z, its context menu) are the Document's, as
// Edit ▸ Undo is, except over typing a field has not committed yet (fieldundo.h).
//
// Changing the status (events and claims) asks for an optional reason and adds to the item's
// status history, which is listed below it. With several items selected the status applies to
// all of them as one undo step: that edit is the view's, since it is about the selection.
// With several items of the shown item's kind selected, the tags field edits all of them too
// (tagseditor.h), and the note under the heading says so.
//
// The analyst's own layer: under the heading, the star of every selected item (StarBox); under
// the form, the item's annotations (AnnotationThread); the tags are a row of every form.
//
// With no item selected it shows the project's own fields instead (ProjectForm): its title,
// its internal description and the public description that published exports show.
//
// It observes the shared Selection and the Document, and never talks to another view. File
// text is shown as plain text (line edits and plain-text edits), and an edit made elsewhere
// (an undo) updates the fields without moving the cursor in the one being typed in.

#include "annotation/analystname.h"
#include "inspector/colorbutton.h"
#include "model/model.h"

#include <QTimeZone>
#include <QWidget>

#include <array>
#include <functional>
#include <memory>

class QLabel;
class QTimer;

namespace claimline {

class AnnotationThread;
class Document;
class InspectorForm;
class LinkOpener;
class PartyForm;
class ProjectForm;
class Selection;
class StarBox;
struct StructureChange;

class InspectorView final : public QWidget
{
    Q_OBJECT

public:
    InspectorView(Document *document, Selection *selection, QWidget *parent = nullptr);
    ~InspectorView() override;

    void setTimeZone(const QTimeZone &zone);

    // The item being edited (the selection's current item), or an invalid ref.
    ItemRef item() const { return m_item; }

    // Asks for the reason of a status change; returns false when the user cancels. Tests
    // replace it (the default shows an input dialog).
    using AskReason = std::function<bool(const QString &question, QString *reason)>;
    void setAskReason(AskReason ask) { m_askReason = std::move(ask); }
    // Asks for a party's colour (the default shows a QColorDialog).
    void setChooseColor(ColorButton::ChooseColor choose);
    // What checks, confirms and opens a source's addresses (tests replace its handlers).
    LinkOpener &linkOpener() const { return *m_linkOpener; }
    // Asks for the analyst's name the first time they annotate (the default shows a dialog).
    void setAskAnalystName(AnalystNameDialog::Ask ask);
    // The star of the selected items, and the annotations of the item shown.
    StarBox *starBox() const { return m_star; }
    AnnotationThread *annotationThread() const { return m_thread; }

    QSize sizeHint() const override;

private:
    void scheduleRefresh();
    void refresh();
    void followStructure(const StructureChange &change);
    void showForm(InspectorForm *form);
    void commitStatus(Status status);
    QString selectionNote(ItemRef item, std::size_t group, std::size_t statusItems) const;

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimeZone m_zone = QTimeZone::utc();
    ItemRef m_item;
    AskReason m_askReason;
    std::unique_ptr<LinkOpener> m_linkOpener;

    QLabel *m_heading = nullptr;
    // The form of each kind of item (by ItemKind), and the one shown (or none).
    std::array<InspectorForm *, ItemKindNames.size()> m_forms {};
    InspectorForm *m_shown = nullptr;
    PartyForm *m_partyForm = nullptr;
    ProjectForm *m_projectForm = nullptr; // shown when no item is
    StarBox *m_star = nullptr;
    QWidget *m_layer = nullptr; // the annotations, with a rule above them
    AnnotationThread *m_thread = nullptr;
};

} // namespace claimline
