#pragma once

// AnnotationActions: the window's actions for the analyst's own layer. Edit ▸ Star / Unstar
// (Ctrl+D, the bookmark key of browsers; no other action of the window has it) stars every
// selected item, whatever its kind, or unstars them when all are starred: one undo step
// (Document::setStarred()). Tools ▸ Analyst Name… sets the name annotations are signed with
// (analystname.h).

#include "annotation/analystname.h"

#include <QObject>

class QAction;
class QWidget;

namespace claimline {

class Document;
class Selection;

class AnnotationActions final : public QObject
{
    Q_OBJECT

public:
    // `window` is the parent of the dialog.
    AnnotationActions(Document *document, Selection *selection, QWidget *window);

    QAction *starAction() const { return m_star; }
    QAction *analystNameAction() const { return m_analystName; }
    // How the name is asked (the default shows the dialog); tests replace it.
    void setAskName(AnalystNameDialog::Ask ask) { m_askName = std::move(ask); }

    // Stars the selected items, or unstars them when all are starred; returns how many
    // changed.
    int toggleStar();
    // Asks for the analyst's name, offering the one saved, and saves what is given.
    void changeAnalystName();

private:
    void updateStar();

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    QWidget *m_window = nullptr;
    AnalystNameDialog::Ask m_askName;
    QAction *m_star = nullptr;
    QAction *m_analystName = nullptr;
};

} // namespace claimline
