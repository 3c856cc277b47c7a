#pragma once

// ItemTableProxy: the rows of an ItemTableModel that the shared Filter accepts, in the order
// of one column.
//
// Its API follows QSortFilterProxyModel (sort(), sortColumn(), sortOrder(),
// invalidateFilter(), filterAcceptsRow()), but it keeps its own mapping, because
// QSortFilterProxyModel cannot keep up with a million rows (claimline-bench --suite table
// measures both): it sorts through lessThan(QModelIndex, QModelIndex), an index pair per
// comparison, ~20M comparisons for 1M rows; and it applies a new filter row by row, removing
// and inserting every changed interval with its own signals. Measured at 1M events on the
// 2-core development VM: QSortFilterProxyModel took 2.1 s to sort by date, 15.9 s by title
// and 181 ms per search keystroke without a view; this proxy 0.13 s, 0.54 s and 65-90 ms
// (search included). Here:
//
// - sort() asks the model for the sorted rows (ItemTableModel::sortedRows(): precomputed keys,
//   no QVariant) and announces a layout change: the rows stay, persistent indexes (the
//   selection, the current row) follow their items.
// - invalidateFilter() tests every row once, in project order (sequential memory), against
//   the Filter, whose text query is one search of the project's SearchIndex; when the rows
//   shown change, that is one model reset (a new result set), not thousands of removals.
// - An edited row (dataChanged for one row) is re-tested and, if its sort position changed,
//   moved: dataChanged, or one row removed, inserted or moved.
//
// Mapping: the sorted order of every source row, the shown rows in that order, each source
// row's proxy row (32 bits each) and whether the Filter accepts it (a byte): 13 bytes per
// item, 13 MB at a million.

#include "model/model.h"

#include <QAbstractProxyModel>

#include <vector>

namespace claimline {

class Filter;
class ItemTableModel;
struct StructureChange;

class ItemTableProxy final : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit ItemTableProxy(Filter *filter, QObject *parent = nullptr);

    // Must be an ItemTableModel.
    void setSourceModel(QAbstractItemModel *model) override;
    ItemTableModel *itemModel() const { return m_model; }

    // --- the QSortFilterProxyModel-like API -------------------------------------------------
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // Re-tests every row against the Filter.
    void invalidateFilter();
    // Re-sorts and re-tests every row.
    void invalidate();
    bool filterAcceptsRow(int sourceRow) const;

    // The proxy row showing a source row (an item index), or -1 when it is filtered out.
    int proxyRowOf(int sourceRow) const;
    int sourceRowOf(int proxyRow) const { return int(m_rows[std::size_t(proxyRow)]); }

    // --- QAbstractProxyModel ----------------------------------------------------------------
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void sourceAboutToBeReset();
    void sourceReset();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles);
    void updateRow(std::uint32_t sourceRow);
    // m_order after rows were added or removed, none of the others changing its value.
    void followRenumbering(const StructureChange &change);
    // Acceptance of every source row, in project order.
    std::vector<char> acceptedRows() const;
    // m_rows and m_proxyRow from m_order and m_accepted.
    void rebuildRows();
    bool inOrder(std::uint32_t a, std::uint32_t b) const;

    Filter *m_filter = nullptr;
    ItemTableModel *m_model = nullptr;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<std::uint32_t> m_order; // every source row, sorted
    std::vector<char> m_accepted; // per source row
    std::vector<std::uint32_t> m_rows; // proxy row -> source row
    std::vector<std::int32_t> m_proxyRow; // source row -> proxy row, or -1
    bool m_refreshQueued = false;
};

} // namespace claimline
