#include "inspector/questionform.h"

#include "document/document.h"
#include "text/visibletext.h"

#include <QPlainTextEdit>

namespace claimline {

QuestionForm::QuestionForm(Document *document, QWidget *parent)
    : InspectorForm(document, ItemKind::Question, parent)
{
    m_text = plainEdit("inspectorQuestionText", 3);
    addRow(tr("&Text:"), m_text);
    addTagsRow(tr("T&ags:"));
    connect(m_text, &QPlainTextEdit::textChanged, this, &QuestionForm::commitText);
}

QString QuestionForm::heading() const
{
    return tr("Question %1").arg(visibleText(project().text(project().questions()[index()].id)));
}

void QuestionForm::fill()
{
    setFieldText(m_text, project().text(project().questions()[index()].text));
}

void QuestionForm::commitText()
{
    commitTextField(&Question::text, m_text->toPlainText(), tr("Change text of %1"),
                    Document::Field::Text, Naming::IdFollows);
}

} // namespace claimline
