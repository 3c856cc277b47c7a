#pragma once

// PositionsView: the compact chart of what each side is arguing: one row per question, one
// column per party, each cell the party's position on the question in a few words, edited in
// place (double-click, F2 or typing; Enter keeps, Esc cancels, an empty text clears), one
// undo step per changed cell.
//
// Columns follow the project's party order and the shared Filter (a party it hides has no
// column, as in the narratives). By default they are the parties that have a position, so
// that the table reads like the published chart; "All parties" shows every party, to write a
// first position for one. A party that gets its first position gets its column at once, and
// a column never disappears under the user's hands while they edit: only a new project, the
// switch or the filter change the columns. A project without positions shows every party.

#include <QWidget>

#include <cstdint>
#include <vector>

class QCheckBox;
class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace claimline {

class Document;
class Filter;
class PositionsHeader;
class PositionsModel;
struct StructureChange;

class PositionsView final : public QWidget
{
    Q_OBJECT

public:
    PositionsView(Document *document, Filter *filter, QWidget *parent = nullptr);
    ~PositionsView() override;

    QTableView *tableView() const { return m_table; }
    PositionsModel *model() const { return m_model; }
    bool showsAllParties() const;
    void setShowsAllParties(bool all);
    // The parties the view offers as columns, before the filter (for tests).
    const std::vector<std::uint32_t> &partyColumns() const { return m_parties; }
    // Lays the table out now instead of at the next turn of the event loop (tests, grabs).
    void flushLayout();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void documentReset();
    void positionsChanged();
    bool followPositions();
    void structureChanged(const StructureChange &change);
    void rebuild();
    void scheduleLayout();
    void layoutTable();
    void updatePalette();
    void updateEmptyState();
    std::vector<std::uint32_t> defaultParties() const;

    Document *m_document = nullptr;
    Filter *m_filter = nullptr;
    PositionsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    PositionsHeader *m_rowHeader = nullptr;
    PositionsHeader *m_columnHeader = nullptr;
    QCheckBox *m_allParties = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_empty = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTimer *m_layoutTimer = nullptr;
    std::vector<std::uint32_t> m_parties;
};

} // namespace claimline
