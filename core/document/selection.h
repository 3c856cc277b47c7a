#pragma once

// Selection: the items selected in every view. (The time range the views show is the
// TimeWindow's.)
//
// One Selection object is shared by all views. A view sets it in response to the user and
// repaints when it changes; setting the value it already has emits nothing, so two views
// reacting to each other's changes never loop.

#include "document/structurechange.h"
#include "model/itembits.h"
#include "model/itemkinds.h"
#include "model/model.h"

#include <QObject>

#include <array>
#include <cstdint>
#include <vector>

namespace claimline {

class Selection final : public QObject
{
    Q_OBJECT

public:
    explicit Selection(QObject *parent = nullptr);

    const std::vector<ItemRef> &items() const { return m_items; }
    bool isEmpty() const { return m_items.empty(); }
    bool contains(ItemRef item) const;
    // The item the user acted on last (keyboard focus, inspector), if any.
    ItemRef current() const { return m_current; }

    void setItems(std::vector<ItemRef> items, ItemRef current = {});
    void select(ItemRef item) { setItems({item}, item); }
    void toggle(ItemRef item);
    void clear() { setItems({}); }
    // Follows items added or removed (Document::structureChanged): removed items leave the
    // selection, the rest keep being selected at their new indices. The new value holds at
    // once; changed() follows at the next event-loop turn (views are still following the
    // same change when this runs).
    void remap(const StructureChange &change);

Q_SIGNALS:
    void changed();

private:
    // Sets the value (duplicates dropped; no current means the last item); returns whether
    // it changed. Announcing it is the caller's.
    bool assign(std::vector<ItemRef> items, ItemRef current);

    std::vector<ItemRef> m_items; // unique, in the order they were selected
    // The same as a bit per index of each kind: contains().
    using Members = std::array<std::vector<std::uint64_t>, ItemKindCount>;
    Members m_members;
    ItemRef m_current;
};

} // namespace claimline
