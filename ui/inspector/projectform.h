#pragma once

// ProjectForm: the Inspector's form for the project itself, shown while no item is selected:
// its title, its description, which is internal (conventions and caveats for whoever edits the
// project; never exported), and its public description, which is what published exports show
// (the TimelineJS title slide, the narratives HTML page). Each field is committed as it is
// typed, through Document::setMeta(), and typing in one field merges into one undo step, as in
// the items' forms. It is not an InspectorForm: the project is no item of a kind.

#include "document/document.h"

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;

namespace claimline {

class ProjectForm final : public QWidget
{
    Q_OBJECT

public:
    explicit ProjectForm(Document *document, QWidget *parent = nullptr);
    ~ProjectForm() override;

    // What the view shows above the form.
    QString heading() const;
    // Fills the fields from the project; a field already holding its value is left alone, so
    // that an edit made elsewhere (an undo) never moves the cursor in the one being typed in.
    void fill();

private:
    void commit(TextRef ProjectMeta::*member, const QString &text, const QString &action,
                Document::Field field);

    Document *m_document = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QPlainTextEdit *m_publicDescription = nullptr;
    bool m_updating = false; // filling the fields: their signals are not edits
};

} // namespace claimline
