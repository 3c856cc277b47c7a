#include "table/itemtableproxy.h"

#include "document/filter.h"
#include "document/structurechange.h"
#include "model/project.h"
#include "model/renumbering.h"
#include "table/itemtablemodel.h"

#include <algorithm>
#include <numeric>

namespace claimline {

ItemTableProxy::ItemTableProxy(Filter *filter, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_filter(filter)
{ }

void ItemTableProxy::setSourceModel(QAbstractItemModel *model)
{
    auto *itemModel = qobject_cast<ItemTableModel *>(model);
    Q_ASSERT(itemModel || !model);
    if (itemModel == m_model)
        return;
    beginResetModel();
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(itemModel);
    m_model = itemModel;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
                &ItemTableProxy::sourceAboutToBeReset);
        connect(m_model, &QAbstractItemModel::modelReset, this, &ItemTableProxy::sourceReset);
        connect(m_model, &QAbstractItemModel::dataChanged, this,
                &ItemTableProxy::sourceDataChanged);
        connect(m_model, &QAbstractItemModel::headerDataChanged, this,
                &QAbstractItemModel::headerDataChanged);
    }
    if (m_sortColumn >= columnCount())
        m_sortColumn = -1;
    m_order
        = m_model ? m_model->sortedRows(m_sortColumn, m_sortOrder) : std::vector<std::uint32_t>();
    m_accepted = acceptedRows();
    rebuildRows();
    endResetModel();
}

bool ItemTableProxy::filterAcceptsRow(int sourceRow) const
{
    if (!m_filter || !m_model)
        return true;
    const Project &project = m_model->project();
    return m_model->mode() == ItemTableModel::Mode::Events
        ? m_filter->acceptsEvent(project, std::uint32_t(sourceRow))
        : m_filter->acceptsClaim(project, std::uint32_t(sourceRow));
}

std::vector<char> ItemTableProxy::acceptedRows() const
{
    // In project order: the Filter reads each item, and items are laid out in that order.
    const int rows = m_model ? m_model->rowCount() : 0;
    std::vector<char> accepted(std::size_t(rows), 1);
    if (m_model && m_filter && m_filter->isActive()) {
        const ItemBits &shown = m_filter->accepted(m_model->project());
        const std::vector<std::uint64_t> &bits
            = m_model->mode() == ItemTableModel::Mode::Events ? shown.events : shown.claims;
        for (int row = 0; row < rows; ++row)
            accepted[std::size_t(row)] = ItemBits::test(bits, std::uint32_t(row));
    }
    return accepted;
}

void ItemTableProxy::rebuildRows()
{
    m_rows.clear();
    m_proxyRow.assign(m_order.size(), -1);
    for (const std::uint32_t source : m_order) {
        if (m_accepted[source]) {
            m_proxyRow[source] = std::int32_t(m_rows.size());
            m_rows.push_back(source);
        }
    }
}

int ItemTableProxy::proxyRowOf(int sourceRow) const
{
    if (sourceRow < 0 || std::size_t(sourceRow) >= m_proxyRow.size())
        return -1;
    return m_proxyRow[std::size_t(sourceRow)];
}

void ItemTableProxy::sort(int column, Qt::SortOrder order)
{
    if (!m_model)
        return;
    if (column >= columnCount())
        column = -1;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    std::vector<std::uint32_t> sorted = m_model->sortedRows(column, order);

    // Same rows, new order: a layout change, with the persistent indexes (selection,
    // current row) following their items.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::uint32_t> sources;
    sources.reserve(std::size_t(before.size()));
    for (const QModelIndex &index : before)
        sources.push_back(m_rows[std::size_t(index.row())]);
    m_order = std::move(sorted);
    rebuildRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.push_back(createIndex(m_proxyRow[sources[std::size_t(i)]], before[i].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ItemTableProxy::invalidateFilter()
{
    std::vector<char> accepted = acceptedRows();
    if (accepted == m_accepted)
        return; // the same rows: nothing to tell
    beginResetModel();
    m_accepted = std::move(accepted);
    rebuildRows();
    endResetModel();
}

void ItemTableProxy::invalidate()
{
    if (!m_model)
        return;
    beginResetModel();
    m_order = m_model->sortedRows(m_sortColumn, m_sortOrder);
    m_accepted = acceptedRows();
    rebuildRows();
    endResetModel();
}

void ItemTableProxy::sourceAboutToBeReset()
{
    beginResetModel();
}

void ItemTableProxy::sourceReset()
{
    if (m_sortColumn >= columnCount())
        m_sortColumn = -1;
    // A queued re-sort means m_order may be out of order already: sort again instead.
    const StructureChange *change = m_model->restructuring();
    if (change && !m_refreshQueued && m_model->keepsValues(*change, m_sortColumn))
        followRenumbering(*change);
    else
        m_order = m_model->sortedRows(m_sortColumn, m_sortOrder);
    m_accepted = acceptedRows();
    rebuildRows();
    endResetModel();
}

void ItemTableProxy::followRenumbering(const StructureChange &change)
{
    // At a million rows, sorting again after one row went was most of a deletion's time. The
    // rows that stay keep their values, so their order: only the numbering moves.
    const ItemKind kind = m_model->itemKind();
    const auto rows = std::uint32_t(m_model->rowCount());
    if (!change.touches(kind) && m_order.size() == rows)
        return;
    const std::vector<std::uint32_t> &changed = change.of(kind);
    // Placing a row back costs a search of compare() calls (a key each); sorting every row
    // makes each key once. Past a row in 128 coming back, the sort is quicker.
    if (change.inserted && m_sortColumn >= 0
        && changed.size() > std::max<std::size_t>(rows / 128, 64)) {
        m_order = m_model->sortedRows(m_sortColumn, m_sortOrder);
        return;
    }
    if (m_sortColumn < 0) {
        m_order.resize(rows); // unsorted: the rows in project order
        std::iota(m_order.begin(), m_order.end(), 0u);
    } else if (!change.inserted) {
        const Renumbering renumbered(false, changed, m_order.size());
        std::size_t kept = 0;
        for (const std::uint32_t row : m_order) {
            if (const std::uint32_t now = renumbered(row); now != Renumbering::Gone)
                m_order[kept++] = now;
        }
        m_order.resize(kept);
    } else {
        // The rows there were move past the inserted ones; each inserted row goes where the
        // order puts it (a search each), then one pass merges them in.
        const Renumbering renumbered(true, changed, m_order.size());
        for (std::uint32_t &row : m_order)
            row = renumbered(row);
        std::vector<std::pair<std::size_t, std::uint32_t>> places;
        places.reserve(changed.size());
        for (const std::uint32_t row : changed) {
            const auto at = std::partition_point(m_order.begin(), m_order.end(),
                                                 [&](std::uint32_t r) { return inOrder(r, row); });
            places.emplace_back(std::size_t(at - m_order.begin()), row);
        }
        // Inserted rows that land between the same two rows, in the order among themselves.
        std::stable_sort(places.begin(), places.end(), [&](const auto &a, const auto &b) {
            if (a.first != b.first)
                return a.first < b.first;
            return a.second != b.second && inOrder(a.second, b.second);
        });
        std::vector<std::uint32_t> merged;
        merged.reserve(m_order.size() + places.size());
        std::size_t p = 0;
        for (std::size_t i = 0; i <= m_order.size(); ++i) {
            while (p < places.size() && places[p].first == i)
                merged.push_back(places[p++].second);
            if (i < m_order.size())
                merged.push_back(m_order[i]);
        }
        m_order = std::move(merged);
    }
    if (m_order.size() != rows) // not the change these rows went through: sort again
        m_order = m_model->sortedRows(m_sortColumn, m_sortOrder);
}

void ItemTableProxy::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                       const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    if (topLeft.row() == bottomRight.row()) {
        updateRow(std::uint32_t(topLeft.row()));
        return;
    }
    // Many rows: the view repaints them all. Only a change of what is displayed (the time
    // zone) leaves the order and the filter's answers alone; anything else is re-sorted and
    // re-filtered once, on the next turn of the event loop.
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, topLeft.column()), index(rowCount() - 1, bottomRight.column()),
                           roles);
    }
    if (roles == QList<int> {Qt::DisplayRole} || m_refreshQueued)
        return;
    m_refreshQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_refreshQueued = false;
            invalidate();
        },
        Qt::QueuedConnection);
}

bool ItemTableProxy::inOrder(std::uint32_t a, std::uint32_t b) const
{
    // The order sortedRows() gives: ascending by value, ties by row; descending is the exact
    // reverse.
    int c = m_model->compare(m_sortColumn, int(a), int(b));
    if (c == 0)
        c = a < b ? -1 : a > b ? 1 : 0;
    return m_sortOrder == Qt::AscendingOrder ? c <= 0 : c >= 0;
}

void ItemTableProxy::updateRow(std::uint32_t source)
{
    if (source >= m_accepted.size())
        return;
    const bool accepted = filterAcceptsRow(int(source));
    const bool wasAccepted = m_accepted[source];
    const int oldProxy = m_proxyRow[source];
    bool moved = false;
    if (m_sortColumn >= 0) {
        const auto at = std::find(m_order.begin(), m_order.end(), source);
        const bool afterPrevious = at == m_order.begin() || inOrder(*(at - 1), source);
        const bool beforeNext = at + 1 == m_order.end() || inOrder(source, *(at + 1));
        if (!afterPrevious || !beforeNext) {
            m_order.erase(at);
            const auto to
                = std::partition_point(m_order.begin(), m_order.end(),
                                       [&](std::uint32_t r) { return inOrder(r, source); });
            m_order.insert(to, source);
            moved = true;
        }
    }
    if (!moved && accepted == wasAccepted) {
        if (oldProxy >= 0)
            Q_EMIT dataChanged(index(oldProxy, 0), index(oldProxy, columnCount() - 1));
        return;
    }
    m_accepted[source] = accepted;
    int newProxy = -1;
    if (accepted) {
        newProxy = 0;
        for (const std::uint32_t r : m_order) {
            if (r == source)
                break;
            newProxy += m_accepted[r];
        }
    }
    if (oldProxy >= 0 && newProxy >= 0) {
        if (newProxy != oldProxy) {
            beginMoveRows({}, oldProxy, oldProxy, {},
                          newProxy > oldProxy ? newProxy + 1 : newProxy);
            rebuildRows();
            endMoveRows();
        } else {
            rebuildRows();
        }
        Q_EMIT dataChanged(index(newProxy, 0), index(newProxy, columnCount() - 1));
    } else if (oldProxy >= 0) {
        beginRemoveRows({}, oldProxy, oldProxy);
        rebuildRows();
        endRemoveRows();
    } else if (newProxy >= 0) {
        beginInsertRows({}, newProxy, newProxy);
        rebuildRows();
        endInsertRows();
    } else {
        rebuildRows();
    }
}

QModelIndex ItemTableProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.row() >= rowCount())
        return {};
    return m_model->index(int(m_rows[std::size_t(proxyIndex.row())]), proxyIndex.column());
}

QModelIndex ItemTableProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid())
        return {};
    const int row = proxyRowOf(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex ItemTableProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ItemTableProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex ItemTableProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int ItemTableProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ItemTableProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

bool ItemTableProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QVariant ItemTableProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && m_model)
        return m_model->headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}

} // namespace claimline
