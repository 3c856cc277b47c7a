#pragma once

// AnnotationsView: the Annotations dock. Every annotation of the project, newest first, with
// when, who, on which item and what (AnnotationListModel), and a search field that matches
// the text, the author and the item as the search box does (case and accents ignored:
// "kyiv" finds "Kyïv"). Clicking a row, or moving to it with the keyboard, selects its item in
// the shared Selection, so every view, the Inspector and the Details show it; activating a row
// (Enter, double-click) also asks for the Inspector (itemActivated()). A line says how many
// annotations there are and match; with none, or no match, it says so in words instead of an
// empty list.
//
// It follows every change of the Document (its own edits, undo and redo, other projects) once
// per turn of the event loop, and only while it is shown: a hidden dock reads the list again
// when it is shown. It never talks to another view.

#include "model/model.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace claimline {

class AnnotationListModel;
class Document;
class Selection;

class AnnotationsView final : public QWidget
{
    Q_OBJECT

public:
    AnnotationsView(Document *document, Selection *selection, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTreeView *list() const { return m_list; }
    AnnotationListModel *model() const { return m_model; }
    // The rows shown (after the search), and the item of one of them.
    int rowCount() const;
    ItemRef itemAt(int row) const;
    // What the dock says instead of a list ("No annotations yet…"), or empty while rows show.
    QString emptyText() const;
    // The count line: "12 annotations", "3 of 12 annotations".
    QString countText() const;

    QSize sizeHint() const override;

Q_SIGNALS:
    // A row was activated (Enter, double-click): its item is selected, and the user wants it.
    void itemActivated(claimline::ItemRef item);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRebuild();
    void rebuild();
    void applySearch();
    void updateState();
    void selectRow(const QModelIndex &index);

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    AnnotationListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTimer *m_rebuildTimer = nullptr;
    bool m_stale = false; // changed while hidden
    bool m_restoring = false; // the current row is being put back after a reset: no user act

    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_list = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace claimline
