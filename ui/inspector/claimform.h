#pragma once

// ClaimForm: the Inspector's form for a claim: claimant, who relayed it (via), time said
// (EDTF), the event it is about, question, stance, statement, quote with its speaker, language
// and translation, cited sources with excerpts, credibility, status and its history, and
// internal notes.
//
// Statement, quote, translation and notes commit as they are typed, merged into one undo step
// per field; the time said and the quote's language commit when their field is left; a choice
// commits when it is picked.

#include "inspector/inspectorform.h"

#include <QStringList>

class QComboBox;
class QPlainTextEdit;

namespace claimline {

class EventPicker;
class SpeakerCombo;

class ClaimForm final : public InspectorForm
{
    Q_OBJECT

public:
    explicit ClaimForm(Document *document, QWidget *parent = nullptr);

    QString heading() const override;

protected:
    void fill() override;
    void flushFields() override;

private:
    enum TextField { Statement, Quote, Translation, Notes };
    // The choices of a speaker: who made the claim, who relayed it, who spoke the quote.
    enum SpeakerField { Claimant, Via, QuoteSpeaker };

    void fillQuestions(const Claim &claim);

    void commitText(TextField field);
    void commitMadeAt();
    void commitQuoteLanguage();
    void commitSpeaker(SpeakerField field, int comboIndex);
    void commitAbout(std::uint32_t event);
    void commitQuestion(int comboIndex);
    void commitStance();
    void commitCredibility(int comboIndex);

    // What the question list shows, to refill it only when a question changed.
    QStringList m_questionNames;

    SpeakerCombo *m_claimant = nullptr;
    SpeakerCombo *m_via = nullptr;
    TimeField m_madeAt;
    EventPicker *m_about = nullptr;
    QComboBox *m_question = nullptr;
    QComboBox *m_stance = nullptr;
    QPlainTextEdit *m_statement = nullptr;
    QPlainTextEdit *m_quote = nullptr;
    SpeakerCombo *m_quoteSpeaker = nullptr;
    LanguageField m_quoteLanguage;
    QPlainTextEdit *m_translation = nullptr;
    QComboBox *m_credibility = nullptr;
    QPlainTextEdit *m_notes = nullptr;
};

} // namespace claimline
