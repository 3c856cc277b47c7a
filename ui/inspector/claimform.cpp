#include "inspector/claimform.h"

#include "document/document.h"
#include "inspector/eventpicker.h"
#include "inspector/inspectorfields.h"
#include "inspector/speakercombo.h"
#include "text/visibletext.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace claimline {

using namespace inspector;

ClaimForm::ClaimForm(Document *document, QWidget *parent)
    : InspectorForm(document, ItemKind::Claim, parent)
{
    m_claimant = named(new SpeakerCombo(SpeakerCombo::Who::ActorsAndParties, {}, this),
                       "inspectorClaimant");
    addRow(tr("&Claimant:"), m_claimant);
    m_via = named(new SpeakerCombo(SpeakerCombo::Who::ActorsAndParties, tr("none"), this),
                  "inspectorVia");
    m_via->setToolTip(tr("Who relayed the claim, if it came through someone else (Trump "
                         "relaying what Putin told him)"));
    addRow(tr("&Via:"), m_via);
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
    m_quote->setPlaceholderText(tr("The speaker's own words, verbatim"));
    addRow(tr("Quo&te:"), m_quote);
    m_quoteSpeaker = named(new SpeakerCombo(SpeakerCombo::Who::Actors, tr("none"), this),
                           "inspectorQuoteSpeaker");
    m_quoteSpeaker->setToolTip(tr("The actor whose words the quote is"));
    addRow(tr("Quote spea&ker:"), m_quoteSpeaker);
    m_quoteLanguage = addLanguageRow(tr("Quote lan&guage:"), "inspectorQuoteLanguage");
    m_translation = plainEdit("inspectorQuoteTranslation", 2);
    m_translation->setPlaceholderText(tr("A translation, if the quote is in another language"));
    addRow(tr("Trans&lation:"), m_translation);
    addSourcesRow();
    m_credibility = combo("inspectorCredibility");
    for (int grade = 0; grade <= MaxCredibility; ++grade)
        m_credibility->addItem(credibilityLabel(grade));
    addRow(tr("Cre&dibility:"), m_credibility);
    addTagsRow(tr("T&ags:"));
    addStatusRows();
    m_notes = plainEdit("inspectorClaimNotes", 3);
    m_notes->setPlaceholderText(tr("Internal: never exported"));
    addRow(tr("N&otes:"), m_notes);

    connect(m_claimant, &QComboBox::activated, this,
            [this](int row) { commitSpeaker(Claimant, row); });
    connect(m_via, &QComboBox::activated, this, [this](int row) { commitSpeaker(Via, row); });
    connect(m_quoteSpeaker, &QComboBox::activated, this,
            [this](int row) { commitSpeaker(QuoteSpeaker, row); });
    connect(m_about, &EventPicker::eventPicked, this, &ClaimForm::commitAbout);
    connect(m_question, &QComboBox::activated, this, &ClaimForm::commitQuestion);
    connect(m_statement, &QPlainTextEdit::textChanged, this, [this] { commitText(Statement); });
    connect(m_quote, &QPlainTextEdit::textChanged, this, [this] { commitText(Quote); });
    connect(m_translation, &QPlainTextEdit::textChanged, this, [this] { commitText(Translation); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { commitText(Notes); });
    connect(m_madeAt.edit, &QLineEdit::editingFinished, this, &ClaimForm::commitMadeAt);
    connect(m_quoteLanguage.edit, &QLineEdit::editingFinished, this,
            &ClaimForm::commitQuoteLanguage);
    connect(m_stance, &QComboBox::activated, this, &ClaimForm::commitStance);
    connect(m_credibility, &QComboBox::activated, this, &ClaimForm::commitCredibility);
}

QString ClaimForm::heading() const
{
    return tr("Claim %1").arg(visibleText(project().text(project().claims()[index()].id)));
}

void ClaimForm::flushFields()
{
    if (index() == NoIndex)
        return;
    if (m_madeAt.edit->isModified())
        commitMadeAt();
    if (m_quoteLanguage.edit->isModified())
        commitQuoteLanguage();
}

void ClaimForm::fill()
{
    const Project &project = this->project();
    const Claim &claim = project.claims()[index()];
    m_claimant->fill(project, claim.claimant);
    m_via->fill(project, claim.via);
    fillTime(m_madeAt, claim.madeAt);
    if (mayOverwrite(m_about))
        m_about->setEvent(claim.about);
    fillQuestions(claim);
    m_stance->setCurrentIndex(int(claim.stance));
    setFieldText(m_statement, project.text(claim.statement));
    setFieldText(m_quote, project.text(claim.quote));
    m_quoteSpeaker->fill(project, {claim.quoteSpeaker, false});
    fillLanguage(m_quoteLanguage, claim.quoteLanguage);
    setFieldText(m_translation, project.text(claim.quoteTranslation));
    fillSources(claim.sources);
    m_credibility->setCurrentIndex(claim.credibility <= MaxCredibility ? claim.credibility : 0);
    fillStatus(claim.status, claim.history);
    setFieldText(m_notes, project.text(claim.notes));
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
    switch (field) {
    case Statement:
        commitTextField(&Claim::statement, m_statement->toPlainText(), tr("Change statement of %1"),
                        Document::Field::Statement, Naming::IdFollows);
        break;
    case Quote:
        commitTextField(&Claim::quote, m_quote->toPlainText(), tr("Change quote of %1"),
                        Document::Field::Quote);
        break;
    case Translation:
        commitTextField(&Claim::quoteTranslation, m_translation->toPlainText(),
                        tr("Change quote translation of %1"), Document::Field::QuoteTranslation);
        break;
    case Notes:
        commitTextField(&Claim::notes, m_notes->toPlainText(), tr("Change notes of %1"),
                        Document::Field::Notes);
        break;
    }
}

void ClaimForm::commitMadeAt()
{
    commitTime(m_madeAt, &Claim::madeAt, tr("Change time said of %1"), Document::Field::MadeAt);
}

void ClaimForm::commitQuoteLanguage()
{
    commitLanguage(m_quoteLanguage, &Claim::quoteLanguage, tr("Change quote language of %1"),
                   Document::Field::QuoteLanguage);
}

void ClaimForm::commitSpeaker(SpeakerField field, int comboIndex)
{
    const SpeakerCombo *combo = field == Claimant ? m_claimant
        : field == Via                            ? m_via
                                                  : m_quoteSpeaker;
    const std::optional<Speaker> speaker = combo->speakerAt(comboIndex);
    // A claim always has a claimant: the claimant's combo has no none row.
    if (!isEditing() || !speaker)
        return;
    Claim after = project().claims()[index()];
    const QString name = document()->quotedName(item());
    const QString who = speaker->isValid() ? document()->quotedName(
                            {speaker->isParty ? ItemKind::Party : ItemKind::Actor, speaker->index})
                                           : QString();
    QString action;
    switch (field) {
    case Claimant:
        after.claimant = *speaker;
        action = tr("Set claimant of %1 to %2").arg(name, who);
        break;
    case Via:
        after.via = *speaker;
        action = speaker->isValid() ? tr("Set via of %1 to %2").arg(name, who)
                                    : tr("Remove via of %1").arg(name);
        break;
    case QuoteSpeaker:
        after.quoteSpeaker = speaker->index;
        action = speaker->isValid() ? tr("Set quote speaker of %1 to %2").arg(name, who)
                                    : tr("Remove quote speaker of %1").arg(name);
        break;
    }
    document()->edit(index(), after, action);
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
