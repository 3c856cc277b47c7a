#pragma once

// QuestionForm: the Inspector's form for a question: its text, committed as it is typed and
// merged into one undo step.

#include "inspector/inspectorform.h"

class QPlainTextEdit;

namespace claimline {

class QuestionForm final : public InspectorForm
{
    Q_OBJECT

public:
    explicit QuestionForm(Document *document, QWidget *parent = nullptr);

    QString heading() const override;

protected:
    void fill() override;

private:
    void commitText();

    QPlainTextEdit *m_text = nullptr;
};

} // namespace claimline
