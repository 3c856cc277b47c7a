#include "inspector/eventform.h"

#include "document/document.h"
#include "document/structurechange.h"
#include "inspector/coordinatesrow.h"
#include "inspector/inspectorfields.h"
#include "text/visibletext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>

#include <algorithm>

namespace claimline {

using namespace inspector;

EventForm::EventForm(Document *document, QWidget *parent)
    : InspectorForm(document, ItemKind::Event, parent)
{
    m_title = lineEdit("inspectorTitle");
    addRow(tr("&Title:"), m_title);
    m_summary = plainEdit("inspectorSummary", 4);
    addRow(tr("Su&mmary:"), m_summary);
    m_when = addTimeRow(tr("&When:"), "inspectorWhen",
                        tr("EDTF, e.g. 2025-12-29 or 2025-12-28/2025-12-29?"), false);
    m_location = lineEdit("inspectorLocation");
    // How precisely the coordinates place the event, beside its name ("—": not said).
    m_precision = combo("inspectorLocationPrecision");
    m_precision->addItem(tr("—"));
    for (std::size_t p = 1; p < LocationPrecisionNames.size(); ++p)
        m_precision->addItem(latin1(LocationPrecisionNames[p]));
    m_precision->setToolTip(tr("How precisely the coordinates place the event: at the point, "
                               "somewhere in the town, area, region or country"));
    m_precision->setAccessibleName(tr("Location precision"));
    auto *location = new QWidget(this);
    auto *locationLayout = new QHBoxLayout(location);
    locationLayout->setContentsMargins(0, 0, 0, 0);
    locationLayout->addWidget(m_location, 1);
    locationLayout->addWidget(m_precision);
    addRow(tr("&Location:"), location, m_location);
    m_coordinates = new CoordinatesRow(this);
    addDeferredField(m_coordinates->latitudeEdit());
    addDeferredField(m_coordinates->longitudeEdit());
    addRow(tr("Coor&dinates:"), m_coordinates, m_coordinates->latitudeEdit());
    m_parties = named(new QListWidget(this), "inspectorParties");
    m_parties->setUniformItemSizes(true);
    // The window colour behind the check boxes, as behind the actor's: on the base colour
    // a dark palette's unticked box has no visible edge.
    m_parties->viewport()->setBackgroundRole(QPalette::Window);
    m_parties->setFixedHeight(QFontMetrics(m_parties->font()).lineSpacing() * 5 + 8);
    m_partiesNote = noteLabel("inspectorPartiesNote");
    m_partiesNote->hide();
    addRow(tr("&Parties:"), fieldBox(m_parties, m_partiesNote), m_parties);
    m_kind = combo("inspectorKind");
    m_kind->setEditable(true);
    m_kind->setInsertPolicy(QComboBox::NoInsert);
    m_kind->lineEdit()->setPlaceholderText(tr("none"));
    addDeferredField(m_kind->lineEdit());
    addRow(tr("&Kind:"), m_kind);
    addTagsRow(tr("T&ags:"));
    addSourcesRow();
    addStatusRows();
    m_notes = plainEdit("inspectorEventNotes", 3);
    m_notes->setPlaceholderText(tr("Internal: never exported"));
    addRow(tr("N&otes:"), m_notes);

    connect(m_title, &QLineEdit::textEdited, this, [this] { commitText(Title); });
    connect(m_summary, &QPlainTextEdit::textChanged, this, [this] { commitText(Summary); });
    connect(m_location, &QLineEdit::textEdited, this, [this] { commitText(Location); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { commitText(Notes); });
    connect(m_coordinates, &CoordinatesRow::finished, this, &EventForm::commitCoordinates);
    connect(m_when.edit, &QLineEdit::editingFinished, this, &EventForm::commitWhen);
    connect(m_parties, &QListWidget::itemChanged, this, &EventForm::commitParty);
    connect(m_kind, &QComboBox::activated, this, &EventForm::commitKind);
    connect(m_precision, &QComboBox::activated, this, &EventForm::commitPrecision);
    connect(m_kind->lineEdit(), &QLineEdit::editingFinished, this, &EventForm::commitKind);

    // Another project, or events come or go: the kinds in use are gathered again.
    connect(document, &Document::reset, this, [this] { m_kindsValid = false; });
    connect(document, &Document::structureChanged, this, &EventForm::followStructure);
}

QString EventForm::heading() const
{
    return tr("Event %1").arg(visibleText(project().text(project().events()[index()].id)));
}

void EventForm::followStructure(const StructureChange &change)
{
    if (!change.of(ItemKind::Event).empty())
        m_kindsValid = false;
}

void EventForm::flushFields()
{
    if (index() == NoIndex)
        return;
    if (m_when.edit->isModified())
        commitWhen();
    if (m_coordinates->isModified())
        commitCoordinates();
    if (m_kind->lineEdit()->isModified())
        commitKind();
}

// Filling: fields being typed in keep their text (mayOverwrite()); the choice lists are
// refilled only when the names in them changed, so an open popup is not disturbed.

void EventForm::fill()
{
    const Project &project = this->project();
    const Event &event = project.events()[index()];
    setFieldText(m_title, project.text(event.title));
    setFieldText(m_summary, project.text(event.summary));
    fillTime(m_when, event.when);
    setFieldText(m_location, project.text(event.locationName));
    m_precision->setCurrentIndex(int(event.locationPrecision));
    if (mayOverwrite(m_coordinates->latitudeEdit()) && mayOverwrite(m_coordinates->longitudeEdit()))
        m_coordinates->setCoordinates(event.latitude, event.longitude);
    fillParties(event);
    if (isNewItem())
        m_partiesNote->hide();
    fillKinds(event.kind);
    fillSources(event.sources);
    fillStatus(event.status, event.history);
    setFieldText(m_notes, project.text(event.notes));
}

void EventForm::fillParties(const Event &event)
{
    const Project &project = this->project();
    QStringList names;
    for (const Party &party : project.parties())
        names << visibleText(project.text(party.name));
    // Parties are few (tens): one checkable row each, rebuilt only when a name changed.
    if (names != m_partyNames) {
        m_partyNames = names;
        m_parties->clear();
        for (const QString &name : std::as_const(names)) {
            auto *row = new QListWidgetItem(name, m_parties);
            row->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            row->setCheckState(Qt::Unchecked);
        }
    }
    const std::span<const std::uint32_t> on = project.indices(event.parties);
    for (int row = 0; row < m_parties->count(); ++row) {
        const bool checked = std::find(on.begin(), on.end(), std::uint32_t(row)) != on.end();
        QListWidgetItem *item = m_parties->item(row);
        if ((item->checkState() == Qt::Checked) != checked)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void EventForm::fillKinds(std::uint32_t current)
{
    const Project &project = this->project();
    if (!m_kindsValid) {
        // One pass over the events (a few ms at a million), again only when events come or go
        // or the project is replaced; a kind typed here is added when it is set.
        std::vector<bool> seen(project.wordCount());
        for (const Event &event : project.events()) {
            if (event.kind < seen.size())
                seen[event.kind] = true;
        }
        m_kinds.clear();
        for (std::uint32_t word = 0; word < seen.size(); ++word) {
            if (seen[word])
                m_kinds.push_back(word);
        }
        m_kindsValid = true;
    }
    if (current < project.wordCount()
        && std::find(m_kinds.begin(), m_kinds.end(), current) == m_kinds.end())
        m_kinds.push_back(current);
    QStringList names;
    for (const std::uint32_t word : m_kinds)
        names << utf8(project.word(word));
    names.sort(Qt::CaseInsensitive);
    if (names != m_kindNames) {
        const QString typed = m_kind->currentText();
        const bool modified = m_kind->lineEdit()->isModified();
        m_kindNames = names;
        m_kind->clear();
        m_kind->addItems(names);
        m_kind->setEditText(typed);
        m_kind->lineEdit()->setModified(modified);
    }
    if (mayOverwrite(m_kind->lineEdit())) {
        const QString kind
            = current < project.wordCount() ? utf8(project.word(current)) : QString();
        const int row = kind.isEmpty() ? -1 : m_kind->findText(kind);
        m_kind->setCurrentIndex(row);
        if (m_kind->currentText() != kind)
            m_kind->setEditText(kind);
        m_kind->lineEdit()->setModified(false);
    }
}

// Editing: each commit builds the event's new value from the current one. New text, words and
// index lists go into the Document's append-only pools first (nothing in them is ever
// overwritten, so an undo that restores the old value finds its data intact); the event
// itself changes only through Document::edit().

void EventForm::commitText(TextField field)
{
    if (!isEditing())
        return;
    Document *document = this->document();
    const ItemRef item = this->item();
    Event after = project().events()[item.index];
    const QString name = document->quotedName(item);
    QString action;
    Document::Field merge = Document::Field::None;
    switch (field) {
    case Title:
        after.title = document->addText(m_title->text());
        after.id = document->idFollowingName(item, m_title->text());
        action = tr("Change title of %1").arg(name);
        merge = Document::Field::Title;
        break;
    case Summary:
        after.summary = document->addText(m_summary->toPlainText());
        action = tr("Change summary of %1").arg(name);
        merge = Document::Field::Summary;
        break;
    case Location:
        after.locationName = document->addText(m_location->text());
        action = tr("Change location of %1").arg(name);
        merge = Document::Field::Location;
        break;
    case Notes:
        after.notes = document->addText(m_notes->toPlainText());
        action = tr("Change notes of %1").arg(name);
        merge = Document::Field::Notes;
        break;
    }
    document->edit(item.index, after, action, merge);
}

void EventForm::commitWhen()
{
    commitTime(m_when, &Event::when, tr("Change time of %1"), Document::Field::When);
}

void EventForm::commitCoordinates()
{
    if (!isEditing())
        return;
    const std::optional<CoordinatesRow::Coordinates> coordinates = m_coordinates->take();
    if (!coordinates)
        return; // shown inline, never written
    Event after = project().events()[index()];
    after.latitude = coordinates->latitude;
    after.longitude = coordinates->longitude;
    commitItem(after, tr("Change coordinates of %1"), Document::Field::Coordinates);
}

void EventForm::commitParty(QListWidgetItem *row)
{
    if (!isEditing() || !row)
        return;
    const Project &project = this->project();
    const auto party = std::uint32_t(m_parties->row(row));
    if (party >= project.parties().size())
        return;
    const bool on = row->checkState() == Qt::Checked;
    Event after = project.events()[index()];
    const std::span<const std::uint32_t> before = project.indices(after.parties);
    // The event's order is kept: a party added goes last.
    std::vector<std::uint32_t> parties(before.begin(), before.end());
    const bool had = std::find(parties.begin(), parties.end(), party) != parties.end();
    if (on == had)
        return;
    if (on) {
        parties.push_back(party);
    } else {
        std::erase(parties, party);
        if (parties.empty()) {
            // Every event involves a party: the last one stays, and the user is told why.
            setUpdating(true);
            row->setCheckState(Qt::Checked);
            setUpdating(false);
            showProblem(m_partiesNote,
                        tr("An event needs at least one party: tick another before "
                           "unticking %1.")
                            .arg(document()->quotedName({ItemKind::Party, party})));
            return;
        }
    }
    m_partiesNote->hide();
    after.parties = document()->addIndices(parties);
    const QString partyName = document()->quotedName({ItemKind::Party, party});
    const QString eventName = document()->quotedName(item());
    document()->edit(index(), after,
                     on ? tr("Add party %1 to %2").arg(partyName, eventName)
                        : tr("Remove party %1 from %2").arg(partyName, eventName));
}

void EventForm::commitPrecision(int row)
{
    if (!isEditing() || row < 0 || std::size_t(row) >= LocationPrecisionNames.size())
        return;
    Event after = project().events()[index()];
    after.locationPrecision = static_cast<LocationPrecision>(row);
    if (after.locationPrecision == project().events()[index()].locationPrecision)
        return;
    // One step with the location's name typed just before: both say where the event was.
    document()->edit(index(), after,
                     tr("Change location precision of %1").arg(document()->quotedName(item())),
                     Document::Field::Location);
}

void EventForm::commitKind()
{
    if (!isEditing())
        return;
    const QByteArray text = m_kind->currentText().trimmed().toUtf8();
    m_kind->lineEdit()->setModified(false);
    Event after = project().events()[index()];
    after.kind = text.isEmpty()
        ? NoIndex
        : document()->internWord({text.constData(), std::size_t(text.size())});
    if (after.kind == project().events()[index()].kind)
        return;
    const QString name = document()->quotedName(item());
    document()->edit(index(), after,
                     text.isEmpty()
                         ? tr("Remove kind of %1").arg(name)
                         : tr("Set kind of %1 to %2").arg(name, QString::fromUtf8(text)));
}

} // namespace claimline
