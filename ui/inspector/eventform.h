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
// With several events selected (setSelectedEvents()), the tags field edits all of them: it
// shows the tags they all share, and a tag added there is added to each, a tag removed is
// removed from each, and each keeps its other tags (Document::setTags(), one undo step).

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
    void flushPending() override;

    // The events the tags field edits together, the one shown among them; empty (or one) for
    // the one shown alone. Set before the form shows its item.
    void setSelectedEvents(std::vector<std::uint32_t> events) { m_group = std::move(events); }
    const std::vector<std::uint32_t> &selectedEvents() const { return m_group; }

protected:
    void fill() override;

private:
    enum TextField { Title, Summary, Location, Notes };

    void fillParties(const Event &event);
    void fillKinds(std::uint32_t current);
    void fillTags(const Event &event);
    // The tags of the event shown that every selected event has (word indices, in its order).
    std::vector<std::uint32_t> sharedTags() const;
    void followStructure(const StructureChange &change);

    void commitText(TextField field);
    void commitWhen();
    void commitCoordinates();
    void commitTags();
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
    QLineEdit *m_tags = nullptr;
    QLabel *m_tagsNote = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    std::vector<std::uint32_t> m_group; // setSelectedEvents()
};

} // namespace claimline
