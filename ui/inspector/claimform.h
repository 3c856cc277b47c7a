#pragma once

// ClaimForm: the Inspector's form for a claim: claimant, time said (EDTF), the event it is
// about, question, stance, statement, quote, cited sources with excerpts, credibility, status
// and its history.
//
// Statement and quote commit as they are typed, merged into one undo step per field; the time
// said commits when its field is left; a choice commits when it is picked.

#include "inspector/inspectorform.h"

#include <QStringList>

#include <vector>

class QComboBox;
class QPlainTextEdit;

namespace claimline {

class EventPicker;

class ClaimForm final : public InspectorForm
{
    Q_OBJECT

public:
    explicit ClaimForm(Document *document, QWidget *parent = nullptr);

    QString heading() const override;
    void flushPending() override;

protected:
    void fill() override;

private:
    enum TextField { Statement, Quote };

    void fillClaimants(const Claim &claim);
    void fillQuestions(const Claim &claim);

    void commitText(TextField field);
    void commitMadeAt();
    void commitClaimant(int comboIndex);
    void commitAbout(std::uint32_t event);
    void commitQuestion(int comboIndex);
    void commitStance();
    void commitCredibility(int comboIndex);

    // What the choice lists show, to refill them only when a name changed.
    QStringList m_claimantNames, m_questionNames;
    std::vector<Speaker> m_claimants; // the claimant combo's rows

    QComboBox *m_claimant = nullptr;
    TimeField m_madeAt;
    EventPicker *m_about = nullptr;
    QComboBox *m_question = nullptr;
    QComboBox *m_stance = nullptr;
    QPlainTextEdit *m_statement = nullptr;
    QPlainTextEdit *m_quote = nullptr;
    QComboBox *m_credibility = nullptr;
};

} // namespace claimline
