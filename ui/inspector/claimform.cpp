#include "inspector/claimform.h"

#include "document/document.h"
#include "inspector/eventpicker.h"
#include "inspector/inspectorfields.h"
#include "text/visibletext.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <algorithm>

namespace claimline {

using namespace inspector;

ClaimForm::ClaimForm(Document *document, QWidget *parent)
    : InspectorForm(document, ItemKind::Claim, parent)
{
    m_claimant = combo("inspectorClaimant");
    m_claimant->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    addRow(tr("&Claimant:"), m_claimant);
    m_madeAt
        = addTimeRow(tr("&Made at:"), "inspectorMadeAt", tr("EDTF, e.g. 2025-12-29T14:30Z"), false);
    m_about = named(new EventPicker(document, this), "inspectorAbout");
    addDeferredField(m_about);
    addRow(tr("A&bout:"), m_about);
    m_question = combo("inspectorQuestion");
    m_question->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    addRow(tr("&Question:"), m_question);
    m_stance = combo("inspectorStance");
    for (const Stance stance : Stances)
        m_stance->addItem(stance == Stance::None ? tr("no position") : latin1(nameOf(stance)));
    addRow(tr("Sta&nce:"), m_stance);
    m_statement = plainEdit("inspectorStatement", 4);
    addRow(tr("&Statement:"), m_statement);
    m_quote = plainEdit("inspectorQuote", 2);
    addRow(tr("Quo&te:"), m_quote);
    addSourcesRow();
    m_credibility = combo("inspectorCredibility");
    for (int grade = 0; grade <= MaxCredibility; ++grade)
        m_credibility->addItem(credibilityLabel(grade));
    addRow(tr("Cre&dibility:"), m_credibility);
    addStatusRows();

    connect(m_claimant, &QComboBox::activated, this, &ClaimForm::commitClaimant);
    connect(m_about, &EventPicker::eventPicked, this, &ClaimForm::commitAbout);
    connect(m_question, &QComboBox::activated, this, &ClaimForm::commitQuestion);
    connect(m_statement, &QPlainTextEdit::textChanged, this, [this] { commitText(Statement); });
    connect(m_quote, &QPlainTextEdit::textChanged, this, [this] { commitText(Quote); });
    connect(m_madeAt.edit, &QLineEdit::editingFinished, this, &ClaimForm::commitMadeAt);
    connect(m_stance, &QComboBox::activated, this, &ClaimForm::commitStance);
    connect(m_credibility, &QComboBox::activated, this, &ClaimForm::commitCredibility);
}

QString ClaimForm::heading() const
{
    return tr("Claim %1").arg(visibleText(project().text(project().claims()[index()].id)));
}

void ClaimForm::flushPending()
{
    if (index() != NoIndex && m_madeAt.edit->isModified())
        commitMadeAt();
}

void ClaimForm::fill()
{
    const Project &project = this->project();
    const Claim &claim = project.claims()[index()];
    fillClaimants(claim);
    fillTime(m_madeAt, claim.madeAt);
    if (mayOverwrite(m_about))
        m_about->setEvent(claim.about);
    fillQuestions(claim);
    m_stance->setCurrentIndex(int(claim.stance));
    setFieldText(m_statement, project.text(claim.statement));
    setFieldText(m_quote, project.text(claim.quote));
    fillSources(claim.sources);
    m_credibility->setCurrentIndex(claim.credibility <= MaxCredibility ? claim.credibility : 0);
    fillStatus(claim.status, claim.history);
}

void ClaimForm::fillClaimants(const Claim &claim)
{
    const Project &project = this->project();
    // Actors and parties are few (tens to hundreds): a combo of all of them, refilled only
    // when a name changed, so an open popup is not disturbed.
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
}

void ClaimForm::fillQuestions(const Claim &claim)
{
    const Project &project = this->project();
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
}

// Editing: each commit builds the claim's new value from the current one (new text through
// the Document's append-only pool); the claim changes only through Document::edit().

void ClaimForm::commitText(TextField field)
{
    if (!isEditing())
        return;
    Document *document = this->document();
    const ItemRef item = this->item();
    Claim after = project().claims()[item.index];
    const QString name = document->quotedName(item);
    if (field == Statement) {
        after.statement = document->addText(m_statement->toPlainText());
        after.id = document->idFollowingName(item, m_statement->toPlainText());
        document->edit(item.index, after, tr("Change statement of %1").arg(name),
                       Document::Field::Statement);
    } else if (field == Quote) {
        after.quote = document->addText(m_quote->toPlainText());
        document->edit(item.index, after, tr("Change quote of %1").arg(name),
                       Document::Field::Quote);
    }
}

void ClaimForm::commitMadeAt()
{
    if (!isEditing())
        return;
    const std::optional<FuzzyTime> time = checkTime(m_madeAt);
    if (!time)
        return; // shown inline, never written
    Claim after = project().claims()[index()];
    after.madeAt = *time;
    m_madeAt.edit->setModified(false);
    document()->edit(index(), after,
                     tr("Change time said of %1").arg(document()->quotedName(item())),
                     Document::Field::MadeAt);
}

void ClaimForm::commitClaimant(int comboIndex)
{
    if (!isEditing() || comboIndex < 0 || std::size_t(comboIndex) >= m_claimants.size())
        return;
    const Speaker speaker = m_claimants[std::size_t(comboIndex)];
    Claim after = project().claims()[index()];
    after.claimant = speaker;
    const ItemRef who {speaker.isParty ? ItemKind::Party : ItemKind::Actor, speaker.index};
    document()->edit(index(), after,
                     tr("Set claimant of %1 to %2")
                         .arg(document()->quotedName(item()), document()->quotedName(who)));
}

void ClaimForm::commitAbout(std::uint32_t event)
{
    if (!isEditing())
        return;
    Claim after = project().claims()[index()];
    after.about = event;
    const QString name = document()->quotedName(item());
    document()->edit(index(), after,
                     event == NoIndex
                         ? tr("Remove event of %1").arg(name)
                         : tr("Set event of %1 to %2")
                               .arg(name, document()->quotedName({ItemKind::Event, event})));
}

void ClaimForm::commitQuestion(int comboIndex)
{
    if (!isEditing() || comboIndex < 0)
        return;
    const std::uint32_t question = comboIndex == 0 ? NoIndex : std::uint32_t(comboIndex - 1);
    if (question != NoIndex && question >= project().questions().size())
        return;
    Claim after = project().claims()[index()];
    after.question = question;
    const QString name = document()->quotedName(item());
    document()->edit(index(), after,
                     question == NoIndex
                         ? tr("Remove question of %1").arg(name)
                         : tr("Set question of %1 to %2")
                               .arg(name, document()->quotedName({ItemKind::Question, question})));
}

void ClaimForm::commitStance()
{
    if (!isEditing())
        return;
    const int row = m_stance->currentIndex();
    if (row < 0 || row >= int(Stances.size()))
        return;
    Claim after = project().claims()[index()];
    after.stance = Stances[std::size_t(row)];
    document()->edit(
        index(), after,
        tr("Set stance of %1 to %2").arg(document()->quotedName(item()), m_stance->currentText()));
}

void ClaimForm::commitCredibility(int comboIndex)
{
    if (!isEditing() || comboIndex < 0 || comboIndex > MaxCredibility)
        return;
    Claim after = project().claims()[index()];
    after.credibility = std::uint8_t(comboIndex);
    const QString name = document()->quotedName(item());
    document()->edit(index(), after,
                     comboIndex == 0 ? tr("Remove credibility of %1").arg(name)
                                     : tr("Set credibility of %1 to %2").arg(name).arg(comboIndex));
}

} // namespace claimline
