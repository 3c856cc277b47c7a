// InspectorView, part three: filling the form from the item shown (after a selection, an
// edit, an undo). Fields being typed in keep their text (mayOverwrite()); choice lists are
// refilled only when the names in them changed, so an open popup is not disturbed. Building
// the form is in inspectorview.cpp, the edits in inspectoredits.cpp.

#include "inspectorview.h"

#include "citationeditor.h"
#include "document.h"
#include "eventpicker.h"
#include "inspectorfields.h"
#include "visibletext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>

#include <algorithm>

namespace claimline {

using namespace inspector;

void InspectorView::fillEvent(std::uint32_t index)
{
    const Project &project = m_document->project();
    const Event &event = project.events()[index];
    m_heading->setText(tr("Event %1").arg(visibleText(project.text(event.id))));
    setFieldText(m_title, project.text(event.title));
    setFieldText(m_summary, project.text(event.summary));
    if (mayOverwrite(m_when)) {
        setFieldText(m_when, QString::fromStdString(event.when.toEdtf()));
        checkTime(m_when, m_whenReading, false);
    }
    setFieldText(m_location, project.text(event.locationName));
    fillEventParties(event);
    if (m_newItem)
        m_partiesNote->hide();
    fillKinds(event.kind);
    if (mayOverwrite(m_tags)) {
        QStringList tags;
        for (const std::uint32_t word : project.indices(event.tags))
            tags << utf8(project.word(word));
        setFieldText(m_tags, tags.join(QStringLiteral(", ")));
    }
    m_citations->setCitations(project.citations(event.sources), m_newItem);
    m_status->setCurrentIndex(int(event.status));
    showHistory(event.history);
}

void InspectorView::fillEventParties(const Event &event)
{
    const Project &project = m_document->project();
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

void InspectorView::fillKinds(std::uint32_t current)
{
    const Project &project = m_document->project();
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

void InspectorView::fillPartyChoices(QComboBox *combo, QStringList *shown, const QString &none)
{
    const Project &project = m_document->project();
    QStringList names {none};
    for (const Party &party : project.parties())
        names << visibleText(project.text(party.name));
    if (names != *shown) {
        *shown = names;
        combo->clear();
        combo->addItems(names);
    }
}

void InspectorView::fillClaim(std::uint32_t index)
{
    const Project &project = m_document->project();
    const Claim &claim = project.claims()[index];
    m_heading->setText(tr("Claim %1").arg(visibleText(project.text(claim.id))));

    // Actors and parties are few (tens to hundreds): a combo of all of them.
    QStringList claimants;
    m_claimants.clear();
    for (std::uint32_t i = 0; i < project.actors().size(); ++i) {
        claimants << visibleText(project.text(project.actors()[i].name));
        m_claimants.push_back({i, false});
    }
    for (std::uint32_t i = 0; i < project.parties().size(); ++i) {
        claimants << tr("%1 (party)").arg(visibleText(project.text(project.parties()[i].name)));
        m_claimants.push_back({i, true});
    }
    if (claimants != m_claimantNames) {
        m_claimantNames = claimants;
        m_claimant->clear();
        m_claimant->addItems(claimants);
    }
    const auto speaker = std::find(m_claimants.begin(), m_claimants.end(), claim.claimant);
    m_claimant->setCurrentIndex(
        speaker == m_claimants.end() ? -1 : int(std::distance(m_claimants.begin(), speaker)));

    if (mayOverwrite(m_madeAt)) {
        setFieldText(m_madeAt, QString::fromStdString(claim.madeAt.toEdtf()));
        checkTime(m_madeAt, m_madeAtReading, false);
    }
    if (mayOverwrite(m_about))
        m_about->setEvent(claim.about);

    QStringList questions {tr("none")};
    for (const Question &question : project.questions())
        questions << visibleText(project.text(question.text));
    if (questions != m_questionNames) {
        m_questionNames = questions;
        m_question->clear();
        m_question->addItems(questions);
    }
    m_question->setCurrentIndex(
        claim.question < project.questions().size() ? int(claim.question) + 1 : 0);
    m_stance->setCurrentIndex(int(claim.stance));
    setFieldText(m_statement, project.text(claim.statement));
    setFieldText(m_quote, project.text(claim.quote));
    m_citations->setCitations(project.citations(claim.sources), m_newItem);
    m_credibility->setCurrentIndex(claim.credibility <= MaxCredibility ? claim.credibility : 0);
    m_status->setCurrentIndex(int(claim.status));
    showHistory(claim.history);
}

void InspectorView::fillParty(std::uint32_t index)
{
    const Project &project = m_document->project();
    const Party &party = project.parties()[index];
    m_heading->setText(tr("Party %1").arg(visibleText(project.text(party.id))));
    setFieldText(m_name, project.text(party.name));
    setFieldText(m_shortName, project.text(party.shortName));
    m_color->setColor(party.hasColor ? QColor::fromRgb(party.color) : QColor());
    m_partyKind->setCurrentIndex(int(party.kind));
}

void InspectorView::fillActor(std::uint32_t index)
{
    const Project &project = m_document->project();
    const Actor &actor = project.actors()[index];
    m_heading->setText(tr("Actor %1").arg(visibleText(project.text(actor.id))));
    setFieldText(m_name, project.text(actor.name));
    setFieldText(m_role, project.text(actor.role));
    fillPartyChoices(m_actorParty, &m_actorPartyNames, tr("none"));
    m_actorParty->setCurrentIndex(actor.party < project.parties().size() ? int(actor.party) + 1
                                                                         : 0);
    m_anonymous->setChecked(actor.anonymous);
    m_collective->setChecked(actor.collective);
}

void InspectorView::fillSource(std::uint32_t index)
{
    const Project &project = m_document->project();
    const Source &source = project.sources()[index];
    m_heading->setText(tr("Source %1").arg(visibleText(project.text(source.id))));
    setFieldText(m_sourceTitle, project.text(source.title));
    setFieldText(m_outlet, project.text(source.outlet));
    if (mayOverwrite(m_url)) {
        setFieldText(m_url, project.text(source.url));
        checkUrl();
    }
    if (mayOverwrite(m_published)) {
        setFieldText(m_published,
                     source.published.isNull() ? QString()
                                               : QString::fromStdString(source.published.toEdtf()));
        checkTime(m_published, m_publishedReading, true);
    }
    const auto grade = std::find(Reliabilities.begin(), Reliabilities.end(), source.reliability);
    m_reliability->setCurrentIndex(
        grade == Reliabilities.end() ? 0 : int(std::distance(Reliabilities.begin(), grade)) + 1);
}

void InspectorView::fillQuestion(std::uint32_t index)
{
    const Project &project = m_document->project();
    const Question &question = project.questions()[index];
    m_heading->setText(tr("Question %1").arg(visibleText(project.text(question.id))));
    setFieldText(m_questionText, project.text(question.text));
}

void InspectorView::showHistory(IndexRange history)
{
    const Project &project = m_document->project();
    QStringList lines;
    QString previous;
    for (const StatusChange &change : project.statusChanges(history)) {
        const QString status = latin1(nameOf(change.status));
        QString line = change.at.isNull() ? tr("undated") : change.at.toDisplayString(m_zone);
        line += QStringLiteral(": ")
            + (previous.isEmpty() ? tr("set to %1").arg(status)
                                  : tr("%1 → %2").arg(previous, status));
        const QString reason = project.text(change.reason);
        if (!reason.isEmpty())
            line += QStringLiteral(" — ") + visibleText(reason);
        lines << line;
        previous = status;
    }
    m_history->setText(lines.isEmpty() ? tr("no changes recorded") : lines.join(QLatin1Char('\n')));
}

} // namespace claimline
