#include "document/selection.h"

#include <algorithm>

namespace claimline {

Selection::Selection(QObject *parent)
    : QObject(parent)
{ }

bool Selection::contains(ItemRef item) const
{
    if (!item.isValid() || std::size_t(item.kind) >= m_members.size())
        return false;
    return ItemBits::test(m_members[std::size_t(item.kind)], item.index);
}

void Selection::setItems(std::vector<ItemRef> items, ItemRef current)
{
    if (assign(std::move(items), current))
        Q_EMIT changed();
}

bool Selection::assign(std::vector<ItemRef> items, ItemRef current)
{
    // A bit per item of each kind: duplicates are dropped (the first of each stays, in order)
    // in one pass, so that equality means "same selection", and contains() is a bit test. A
    // chart bar or a select-all can select a million items at once: nothing is sorted.
    // Items that name nothing are dropped with the duplicates.
    Members members;
    for (const ItemRef &item : items) {
        if (item.isValid() && std::size_t(item.kind) < members.size()) {
            std::vector<std::uint64_t> &bits = members[std::size_t(item.kind)];
            bits.resize(std::max(bits.size(), ItemBits::wordsFor(std::size_t(item.index) + 1)));
        }
    }
    std::size_t kept = 0;
    for (const ItemRef &item : items) {
        if (!item.isValid() || std::size_t(item.kind) >= members.size())
            continue;
        std::uint64_t &word = members[std::size_t(item.kind)][item.index >> 6];
        const std::uint64_t bit = std::uint64_t(1) << (item.index & 63);
        if (word & bit)
            continue; // a duplicate
        word |= bit;
        items[kept++] = item;
    }
    items.resize(kept);
    if (!current.isValid() && !items.empty())
        current = items.back();
    if (items == m_items && current == m_current)
        return false;
    m_items = std::move(items);
    m_members = std::move(members);
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
