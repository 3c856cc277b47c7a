#include "document/selection.h"

#include <algorithm>

namespace claimline {

namespace {

bool lessThan(ItemRef a, ItemRef b)
{
    return a.kind != b.kind ? a.kind < b.kind : a.index < b.index;
}

} // namespace

Selection::Selection(QObject *parent)
    : QObject(parent)
{ }

bool Selection::contains(ItemRef item) const
{
    return std::binary_search(m_sorted.begin(), m_sorted.end(), item, lessThan);
}

void Selection::setItems(std::vector<ItemRef> items, ItemRef current)
{
    if (assign(std::move(items), current))
        Q_EMIT changed();
}

bool Selection::assign(std::vector<ItemRef> items, ItemRef current)
{
    // Keep the list free of duplicates (the first of each stays, in order) so that equality
    // means "same selection". Sorting a copy keeps this O(n log n): a chart bar or a table
    // range can select a hundred thousand items at once.
    std::vector<ItemRef> sorted = items;
    std::sort(sorted.begin(), sorted.end(), lessThan);
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        std::vector<bool> seen(sorted.size());
        std::vector<ItemRef> unique;
        unique.reserve(sorted.size());
        for (const ItemRef &item : items) {
            const auto at = std::lower_bound(sorted.begin(), sorted.end(), item, lessThan);
            const std::size_t position = std::size_t(at - sorted.begin());
            if (!seen[position]) {
                seen[position] = true;
                unique.push_back(item);
            }
        }
        items = std::move(unique);
    }
    if (!current.isValid() && !items.empty())
        current = items.back();
    if (items == m_items && current == m_current)
        return false;
    m_items = std::move(items);
    m_sorted = std::move(sorted);
    m_current = current;
    return true;
}

void Selection::toggle(ItemRef item)
{
    std::vector<ItemRef> items = m_items;
    if (const auto it = std::find(items.begin(), items.end(), item); it != items.end())
        items.erase(it);
    else
        items.push_back(item);
    // Adding makes the item current; removing keeps the current item unless it was removed.
    ItemRef current = item;
    if (contains(item))
        current = item == m_current ? ItemRef {} : m_current;
    setItems(std::move(items), current);
}

void Selection::remap(const StructureChange &change)
{
    std::vector<ItemRef> items;
    items.reserve(m_items.size());
    for (const ItemRef &item : m_items) {
        if (const ItemRef now = change.remapped(item); now.isValid())
            items.push_back(now);
    }
    // Updated at once, so that views rebuilding for the same change read valid indices, and
    // announced at the next turn, once every view has followed the change.
    if (assign(std::move(items), change.remapped(m_current)))
        QMetaObject::invokeMethod(this, &Selection::changed, Qt::QueuedConnection);
}

} // namespace claimline
