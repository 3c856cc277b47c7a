#pragma once

// ItemTableView: the events or the claims as a sortable table, with a search field; the
// accessible alternative to the timeline.
//
// A toggle (Events / Claims), a search field, the table and a count ("12 of 30 events").
// The view observes the shared Document, Selection and Filter and talks to nothing else:
// - the search field sets the Filter's text query 150 ms after the last keystroke (Enter at
//   once), and shows a query set elsewhere unless the user is typing in it;
// - a Filter change re-tests every row once per turn of the event loop;
// - selecting rows sets the Selection; a Selection made elsewhere selects its rows and
//   scrolls to the current one, switching to events or claims to match the current item;
//   a guard flag and Selection's "no signal for an equal value" keep the two from looping.
//
// Costs at a million rows (claimline-bench --suite table, 2-core VM): a search keystroke is
// one search of the SearchIndex plus one pass over the rows, 65-90 ms; a click on a column
// header sorts every row once on the GUI thread, 0.13 s by date and 0.54 s by title: the one
// operation allowed to take that long, once per click. Column widths come from the font,
// never from measuring every row.
//
// File text is shown as plain text: the cells are Qt's default delegate, which never
// interprets markup, fed visibleText(); tooltips are shown escaped.

#include "table/itemtablemodel.h"

#include <QTimeZone>
#include <QWidget>

class QItemSelection;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace claimline {

class Document;
class Filter;
class ItemTableProxy;
class Selection;

class ItemTableView final : public QWidget
{
    Q_OBJECT

public:
    ItemTableView(Document *document, Selection *selection, Filter *filter,
                  QWidget *parent = nullptr);
    ~ItemTableView() override;

    ItemTableModel::Mode mode() const;
    void setMode(ItemTableModel::Mode mode);

    QTimeZone timeZone() const;
    void setTimeZone(const QTimeZone &zone);

    ItemTableModel *model() const { return m_model; }
    ItemTableProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    // "12 of 30 events".
    QString countText() const;

    // How long the search waits after the last keystroke.
    static constexpr int SearchDelayMs = 150;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applySearch();
    void filterChanged();
    void refilter();
    void tableSelectionChanged();
    void selectionChanged();
    void showSelection(bool scroll);
    void modeChanged();
    void updateCount();
    void setInitialColumnWidths();
    int baseColumnWidth(int column) const;
    void fitColumns();

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    Filter *m_filter = nullptr;
    ItemTableModel *m_model = nullptr;
    ItemTableProxy *m_proxy = nullptr;
    QToolButton *m_eventsButton = nullptr;
    QToolButton *m_claimsButton = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_filterTimer = nullptr;
    bool m_syncing = false; // setting the table's selection from the Selection
    bool m_userResized = false; // the user has resized a column: keep their widths
    bool m_resizingColumns = false;
};

} // namespace claimline
