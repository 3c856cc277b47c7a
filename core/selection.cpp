#include "selection.h"

#include <algorithm>

namespace claimline {

Selection::Selection(QObject *parent)
    : QObject(parent)
{}

bool Selection::contains(ItemRef item) const
{
    return std::find(m_items.begin(), m_items.end(), item) != m_items.end();
}

void Selection::setItems(std::vector<ItemRef> items, ItemRef current)
{
    // Keep the list free of duplicates so that equality means "same selection".
    std::vector<ItemRef> unique;
    unique.reserve(items.size());
    for (const ItemRef &item : items) {
        if (std::find(unique.begin(), unique.end(), item) == unique.end())
            unique.push_back(item);
    }
    if (!current.isValid() && !unique.empty())
        current = unique.back();
    if (unique == m_items && current == m_current)
        return;
    m_items = std::move(unique);
    m_current = current;
    Q_EMIT changed();
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
        current = item == m_current ? ItemRef{} : m_current;
    setItems(std::move(items), current);
}

void Selection::setFocusRange(std::int64_t from, std::int64_t to)
{
    if (from == m_focusFrom && to == m_focusTo)
        return;
    m_focusFrom = from;
    m_focusTo = to;
    Q_EMIT focusRangeChanged(from, to);
}

} // namespace claimline
