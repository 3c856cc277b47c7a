// InspectorView, part two: the field signals turned into Document edits, one undo step each
// (typing in one field merges through its Document::Field). The form is built in
// inspectorview.cpp and filled in inspectorfill.cpp.
//
// Each commit builds the item's new value from the current one. New text, words, index lists
// and citation lists are appended to the project's pools first (append-only: nothing in them
// is ever overwritten, so an undo that restores the old value finds its data intact); the item
// itself changes only through the Document.

#include "inspectorview.h"

#include "citationeditor.h"
#include "document.h"
#include "eventpicker.h"
#include "inspectorfields.h"
#include "linkpolicy.h"
#include "selection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>

#include <algorithm>

namespace claimline {

using namespace inspector;

void InspectorView::commitEventText(int field)
{
    if (m_updating || m_item.kind != ItemKind::Event)
        return;
    Project &project = m_document->mutableProject();
    const std::uint32_t index = m_item.index;
    Event after = project.events()[index];
    const QString name = m_document->quotedName(m_item);
    QString action;
    Document::Field merge = Document::Field::None;
    switch (field) {
    case Title:
        after.title = project.addText(m_title->text());
        after.id = m_document->idFollowingName(m_item, m_title->text());
        action = tr("Change title of %1").arg(name);
        merge = Document::Field::Title;
        break;
    case Summary:
        after.summary = project.addText(m_summary->toPlainText());
        action = tr("Change summary of %1").arg(name);
        merge = Document::Field::Summary;
        break;
    case Location:
        after.locationName = project.addText(m_location->text());
        action = tr("Change location of %1").arg(name);
        merge = Document::Field::Location;
        break;
    case Tags: {
        std::vector<std::uint32_t> words;
        for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QByteArray word = tag.trimmed().toUtf8();
            if (!word.isEmpty())
                words.push_back(project.internWord({word.constData(), std::size_t(word.size())}));
        }
        after.tags = project.addIndices(words);
        m_tags->setModified(false);
        action = tr("Change tags of %1").arg(name);
        merge = Document::Field::Tags;
        break;
    }
    default:
        return;
    }
    m_document->editEvent(index, after, action, merge);
}

void InspectorView::commitEventWhen()
{
    if (m_updating || m_item.kind != ItemKind::Event)
        return;
    const std::optional<FuzzyTime> time = checkTime(m_when, m_whenReading, false);
    if (!time)
        return; // shown inline, never written
    Event after = m_document->project().events()[m_item.index];
    after.when = *time;
    m_when->setModified(false);
    m_document->editEvent(m_item.index, after,
                          tr("Change time of %1").arg(m_document->quotedName(m_item)),
                          Document::Field::When);
}

void InspectorView::commitEventParty(QListWidgetItem *row)
{
    if (m_updating || m_item.kind != ItemKind::Event || !row)
        return;
    Project &project = m_document->mutableProject();
    const auto party = std::uint32_t(m_parties->row(row));
    if (party >= project.parties().size())
        return;
    const bool on = row->checkState() == Qt::Checked;
    Event after = project.events()[m_item.index];
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
            m_updating = true;
            row->setCheckState(Qt::Checked);
            m_updating = false;
            showProblem(m_partiesNote,
                        tr("An event needs at least one party: tick another before "
                           "unticking %1.")
                            .arg(m_document->quotedName({ItemKind::Party, party})));
            return;
        }
    }
    m_partiesNote->hide();
    after.parties = project.addIndices(parties);
    const QString partyName = m_document->quotedName({ItemKind::Party, party});
    const QString eventName = m_document->quotedName(m_item);
    m_document->editEvent(m_item.index, after,
                          on ? tr("Add party %1 to %2").arg(partyName, eventName)
                             : tr("Remove party %1 from %2").arg(partyName, eventName));
}

void InspectorView::commitEventKind()
{
    if (m_updating || m_item.kind != ItemKind::Event)
        return;
    Project &project = m_document->mutableProject();
    const QByteArray text = m_kind->currentText().trimmed().toUtf8();
    m_kind->lineEdit()->setModified(false);
    Event after = project.events()[m_item.index];
    after.kind = text.isEmpty() ? NoIndex
                                : project.internWord({text.constData(), std::size_t(text.size())});
    if (after.kind == project.events()[m_item.index].kind)
        return;
    const QString name = m_document->quotedName(m_item);
    m_document->editEvent(m_item.index, after,
                          text.isEmpty()
                              ? tr("Remove kind of %1").arg(name)
                              : tr("Set kind of %1 to %2").arg(name, QString::fromUtf8(text)));
}

void InspectorView::commitCitations(const std::vector<Citation> &citations, int change,
                                    std::uint32_t source)
{
    if (m_updating || (m_item.kind != ItemKind::Event && m_item.kind != ItemKind::Claim))
        return;
    Project &project = m_document->mutableProject();
    const IndexRange range = project.addCitations(citations);
    const QString sourceName = m_document->quotedName({ItemKind::Source, source});
    const QString itemName = m_document->quotedName(m_item);
    QString action;
    Document::Field merge = Document::Field::None;
    switch (CitationEditor::Change(change)) {
    case CitationEditor::Change::Add:
        action = tr("Cite %1 in %2").arg(sourceName, itemName);
        break;
    case CitationEditor::Change::Remove:
        action = tr("Remove source %1 from %2").arg(sourceName, itemName);
        break;
    case CitationEditor::Change::Excerpt:
        action = tr("Change excerpt of %1 in %2").arg(sourceName, itemName);
        merge = Document::Field::Excerpt;
        break;
    }
    if (m_item.kind == ItemKind::Event) {
        Event after = project.events()[m_item.index];
        after.sources = range;
        m_document->editEvent(m_item.index, after, action, merge);
    } else {
        Claim after = project.claims()[m_item.index];
        after.sources = range;
        m_document->editClaim(m_item.index, after, action, merge);
    }
}

void InspectorView::commitClaimText(int field)
{
    if (m_updating || m_item.kind != ItemKind::Claim)
        return;
    Project &project = m_document->mutableProject();
    const std::uint32_t index = m_item.index;
    Claim after = project.claims()[index];
    const QString name = m_document->quotedName(m_item);
    if (field == Statement) {
        after.statement = project.addText(m_statement->toPlainText());
        after.id = m_document->idFollowingName(m_item, m_statement->toPlainText());
        m_document->editClaim(index, after, tr("Change statement of %1").arg(name),
                              Document::Field::Statement);
    } else if (field == Quote) {
        after.quote = project.addText(m_quote->toPlainText());
        m_document->editClaim(index, after, tr("Change quote of %1").arg(name),
                              Document::Field::Quote);
    }
}

void InspectorView::commitClaimMadeAt()
{
    if (m_updating || m_item.kind != ItemKind::Claim)
        return;
    const std::optional<FuzzyTime> time = checkTime(m_madeAt, m_madeAtReading, false);
    if (!time)
        return;
    Claim after = m_document->project().claims()[m_item.index];
    after.madeAt = *time;
    m_madeAt->setModified(false);
    m_document->editClaim(m_item.index, after,
                          tr("Change time said of %1").arg(m_document->quotedName(m_item)),
                          Document::Field::MadeAt);
}

void InspectorView::commitClaimant(int comboIndex)
{
    if (m_updating || m_item.kind != ItemKind::Claim || comboIndex < 0
        || std::size_t(comboIndex) >= m_claimants.size())
        return;
    const Speaker speaker = m_claimants[std::size_t(comboIndex)];
    Claim after = m_document->project().claims()[m_item.index];
    after.claimant = speaker;
    const ItemRef who {speaker.isParty ? ItemKind::Party : ItemKind::Actor, speaker.index};
    m_document->editClaim(m_item.index, after,
                          tr("Set claimant of %1 to %2")
                              .arg(m_document->quotedName(m_item), m_document->quotedName(who)));
}

void InspectorView::commitAbout(std::uint32_t event)
{
    if (m_updating || m_item.kind != ItemKind::Claim)
        return;
    Claim after = m_document->project().claims()[m_item.index];
    after.about = event;
    const QString name = m_document->quotedName(m_item);
    m_document->editClaim(m_item.index, after,
                          event == NoIndex
                              ? tr("Remove event of %1").arg(name)
                              : tr("Set event of %1 to %2")
                                    .arg(name, m_document->quotedName({ItemKind::Event, event})));
}

void InspectorView::commitQuestion(int comboIndex)
{
    if (m_updating || m_item.kind != ItemKind::Claim || comboIndex < 0)
        return;
    const std::uint32_t question = comboIndex == 0 ? NoIndex : std::uint32_t(comboIndex - 1);
    if (question != NoIndex && question >= m_document->project().questions().size())
        return;
    Claim after = m_document->project().claims()[m_item.index];
    after.question = question;
    const QString name = m_document->quotedName(m_item);
    m_document->editClaim(
        m_item.index, after,
        question == NoIndex
            ? tr("Remove question of %1").arg(name)
            : tr("Set question of %1 to %2")
                  .arg(name, m_document->quotedName({ItemKind::Question, question})));
}

void InspectorView::commitStance()
{
    if (m_updating || m_item.kind != ItemKind::Claim)
        return;
    const int index = m_stance->currentIndex();
    if (index < 0 || index >= int(Stances.size()))
        return;
    Claim after = m_document->project().claims()[m_item.index];
    after.stance = Stances[std::size_t(index)];
    m_document->editClaim(
        m_item.index, after,
        tr("Set stance of %1 to %2").arg(m_document->quotedName(m_item), m_stance->currentText()));
}

void InspectorView::commitCredibility(int comboIndex)
{
    if (m_updating || m_item.kind != ItemKind::Claim || comboIndex < 0
        || comboIndex > MaxCredibility)
        return;
    Claim after = m_document->project().claims()[m_item.index];
    after.credibility = std::uint8_t(comboIndex);
    const QString name = m_document->quotedName(m_item);
    m_document->editClaim(m_item.index, after,
                          comboIndex == 0
                              ? tr("Remove credibility of %1").arg(name)
                              : tr("Set credibility of %1 to %2").arg(name).arg(comboIndex));
}

void InspectorView::commitStatus(int comboIndex)
{
    if (m_updating || !m_item.isValid() || comboIndex < 0 || comboIndex >= int(Statuses.size()))
        return;
    const Status status = Statuses[std::size_t(comboIndex)];
    // Every selected event and claim, or the one shown.
    std::vector<ItemRef> items;
    for (const ItemRef &item : m_selection->items()) {
        if (item.kind == ItemKind::Event || item.kind == ItemKind::Claim)
            items.push_back(item);
    }
    if (items.empty())
        items.push_back(m_item);
    const QString question = items.size() == 1
        ? tr("Why is %1 now %2? (optional)")
              .arg(m_document->quotedName(items.front()), latin1(nameOf(status)))
        : tr("Why are these %1 items now %2? (optional)")
              .arg(items.size())
              .arg(latin1(nameOf(status)));
    QString reason;
    if (!m_askReason(question, &reason)) {
        scheduleRefresh(); // cancelled: show the status the item still has
        return;
    }
    m_document->setStatus(items, status, reason);
    scheduleRefresh();
}

void InspectorView::commitName()
{
    if (m_updating || (m_item.kind != ItemKind::Party && m_item.kind != ItemKind::Actor))
        return;
    Project &project = m_document->mutableProject();
    const QString action = tr("Change name of %1").arg(m_document->quotedName(m_item));
    if (m_item.kind == ItemKind::Party) {
        Party after = project.parties()[m_item.index];
        after.name = project.addText(m_name->text());
        after.id = m_document->idFollowingName(m_item, m_name->text());
        m_document->editParty(m_item.index, after, action, Document::Field::Name);
    } else if (m_item.kind == ItemKind::Actor) {
        Actor after = project.actors()[m_item.index];
        after.name = project.addText(m_name->text());
        after.id = m_document->idFollowingName(m_item, m_name->text());
        m_document->editActor(m_item.index, after, action, Document::Field::Name);
    }
}

void InspectorView::commitPartyText(int field)
{
    if (m_updating || m_item.kind != ItemKind::Party || field != ShortName)
        return;
    Project &project = m_document->mutableProject();
    Party after = project.parties()[m_item.index];
    after.shortName = project.addText(m_shortName->text());
    m_document->editParty(m_item.index, after,
                          tr("Change short name of %1").arg(m_document->quotedName(m_item)),
                          Document::Field::ShortName);
}

void InspectorView::commitPartyColor(const QColor &color)
{
    if (m_updating || m_item.kind != ItemKind::Party)
        return;
    Party after = m_document->project().parties()[m_item.index];
    after.hasColor = color.isValid();
    after.color = color.isValid() ? (color.rgb() & 0xffffffu) : 0;
    const QString name = m_document->quotedName(m_item);
    m_document->editParty(m_item.index, after,
                          color.isValid()
                              ? tr("Set colour of %1 to %2").arg(name, color.name().toUpper())
                              : tr("Remove colour of %1").arg(name));
}

void InspectorView::commitPartyKind(int comboIndex)
{
    if (m_updating || m_item.kind != ItemKind::Party || comboIndex < 0
        || comboIndex >= int(PartyKinds.size()))
        return;
    Party after = m_document->project().parties()[m_item.index];
    after.kind = PartyKinds[std::size_t(comboIndex)];
    m_document->editParty(
        m_item.index, after,
        tr("Set kind of %1 to %2").arg(m_document->quotedName(m_item), partyKindLabel(after.kind)));
}

void InspectorView::commitActorText()
{
    if (m_updating || m_item.kind != ItemKind::Actor)
        return;
    Project &project = m_document->mutableProject();
    Actor after = project.actors()[m_item.index];
    after.role = project.addText(m_role->text());
    m_document->editActor(m_item.index, after,
                          tr("Change role of %1").arg(m_document->quotedName(m_item)),
                          Document::Field::Role);
}

void InspectorView::commitActorParty(int comboIndex)
{
    if (m_updating || m_item.kind != ItemKind::Actor || comboIndex < 0)
        return;
    const std::uint32_t party = comboIndex == 0 ? NoIndex : std::uint32_t(comboIndex - 1);
    if (party != NoIndex && party >= m_document->project().parties().size())
        return;
    Actor after = m_document->project().actors()[m_item.index];
    after.party = party;
    const QString name = m_document->quotedName(m_item);
    m_document->editActor(m_item.index, after,
                          party == NoIndex
                              ? tr("Remove party of %1").arg(name)
                              : tr("Set party of %1 to %2")
                                    .arg(name, m_document->quotedName({ItemKind::Party, party})));
}

void InspectorView::commitActorFlag(int flag)
{
    if (m_updating || m_item.kind != ItemKind::Actor)
        return;
    Actor after = m_document->project().actors()[m_item.index];
    const QString name = m_document->quotedName(m_item);
    QString action;
    if (flag == Anonymous) {
        after.anonymous = m_anonymous->isChecked();
        action = after.anonymous ? tr("Mark %1 as anonymous").arg(name)
                                 : tr("Mark %1 as named").arg(name);
    } else {
        after.collective = m_collective->isChecked();
        action = after.collective ? tr("Mark %1 as collective").arg(name)
                                  : tr("Mark %1 as a person").arg(name);
    }
    m_document->editActor(m_item.index, after, action);
}

void InspectorView::commitSourceText(int field)
{
    if (m_updating || m_item.kind != ItemKind::Source)
        return;
    Project &project = m_document->mutableProject();
    Source after = project.sources()[m_item.index];
    const QString name = m_document->quotedName(m_item);
    if (field == SourceTitle) {
        after.title = project.addText(m_sourceTitle->text());
        after.id = m_document->idFollowingName(m_item, m_sourceTitle->text());
        m_document->editSource(m_item.index, after, tr("Change title of %1").arg(name),
                               Document::Field::Title);
    } else if (field == Outlet) {
        after.outlet = project.addText(m_outlet->text());
        m_document->editSource(m_item.index, after, tr("Change outlet of %1").arg(name),
                               Document::Field::Outlet);
    }
}

bool InspectorView::checkUrl()
{
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        m_urlNote->hide();
        return true;
    }
    const LinkCheck check = checkLink(text);
    if (!check.allowed) {
        showProblem(m_urlNote, tr("Not saved: %1").arg(check.reason));
        return false;
    }
    // What opens is what the user must see: an address with look-alike letters or hidden
    // characters is shown as it will be opened.
    if (check.shown != text)
        showNote(m_urlNote, tr("Opens as %1").arg(check.shown));
    else
        m_urlNote->hide();
    return true;
}

void InspectorView::commitSourceUrl()
{
    if (m_updating || m_item.kind != ItemKind::Source)
        return;
    if (!checkUrl())
        return; // shown inline, never written
    Project &project = m_document->mutableProject();
    Source after = project.sources()[m_item.index];
    after.url = project.addText(m_url->text().trimmed());
    m_url->setModified(false);
    m_document->editSource(m_item.index, after,
                           tr("Change URL of %1").arg(m_document->quotedName(m_item)),
                           Document::Field::Url);
}

void InspectorView::commitSourcePublished()
{
    if (m_updating || m_item.kind != ItemKind::Source)
        return;
    const std::optional<FuzzyTime> time = checkTime(m_published, m_publishedReading, true);
    if (!time)
        return; // shown inline, never written
    Source after = m_document->project().sources()[m_item.index];
    after.published = *time;
    m_published->setModified(false);
    m_document->editSource(m_item.index, after,
                           tr("Change publication date of %1").arg(m_document->quotedName(m_item)),
                           Document::Field::Published);
}

void InspectorView::commitReliability(int comboIndex)
{
    if (m_updating || m_item.kind != ItemKind::Source || comboIndex < 0
        || comboIndex > int(Reliabilities.size()))
        return;
    Source after = m_document->project().sources()[m_item.index];
    after.reliability = comboIndex == 0 ? char(0) : Reliabilities[std::size_t(comboIndex - 1)];
    const QString name = m_document->quotedName(m_item);
    m_document->editSource(
        m_item.index, after,
        comboIndex == 0
            ? tr("Remove reliability of %1").arg(name)
            : tr("Set reliability of %1 to %2").arg(name, QChar::fromLatin1(after.reliability)));
}

void InspectorView::commitQuestionText()
{
    if (m_updating || m_item.kind != ItemKind::Question)
        return;
    Project &project = m_document->mutableProject();
    Question after = project.questions()[m_item.index];
    after.text = project.addText(m_questionText->toPlainText());
    after.id = m_document->idFollowingName(m_item, m_questionText->toPlainText());
    m_document->editQuestion(m_item.index, after,
                             tr("Change text of %1").arg(m_document->quotedName(m_item)),
                             Document::Field::Text);
}

} // namespace claimline
