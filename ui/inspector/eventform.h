#pragma once

// EventForm: the Inspector's form for an event: title, summary, time (EDTF), location with its
// precision and coordinates, parties, kind, tags, cited sources with excerpts, status and its
// history, and internal notes.
//
// Title, summary, location and notes commit as they are typed, merged into one undo step per
// field; the time, the coordinates, the tags and the kind commit when their field is left,
// since their half-typed states are not what the user means. An event keeps at least one
// party: unticking the last one is refused with a note under the list.
//
// With several events selected (setSelectedItems()), the tags field edits all of them, as
// every form's does (tagseditor.h).

#include "inspector/inspectorform.h"

#include <QStringList>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;

namespace claimline {

class CoordinatesRow;
struct StructureChange;

class EventForm final : public InspectorForm
{
    Q_OBJECT

public:
    explicit EventForm(Document *document, QWidget *parent = nullptr);

    QString heading() const override;

protected:
    void fill() override;
    void flushFields() override;

private:
    enum TextField { Title, Summary, Location, Notes };

    void fillParties(const Event &event);
    void fillKinds(std::uint32_t current);
    void followStructure(const StructureChange &change);

    void commitText(TextField field);
    void commitWhen();
    void commitCoordinates();
    void commitParty(QListWidgetItem *row);
    void commitKind();
    void commitPrecision(int row);

    // The event kinds in use (word indices, by spelling), gathered once per project shape.
    std::vector<std::uint32_t> m_kinds;
    bool m_kindsValid = false;
    // What the choice lists show, to refill them only when a name changed.
    QStringList m_partyNames, m_kindNames;

    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    TimeField m_when;
    QLineEdit *m_location = nullptr;
    QComboBox *m_precision = nullptr;
    CoordinatesRow *m_coordinates = nullptr;
    QListWidget *m_parties = nullptr;
    QLabel *m_partiesNote = nullptr;
    QComboBox *m_kind = nullptr;
    QPlainTextEdit *m_notes = nullptr;
};

} // namespace claimline
