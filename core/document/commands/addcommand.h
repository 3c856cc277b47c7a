#pragma once

// AddCommand: appends one item (Document::addEvent() and the other adds) and takes it back.
// An appended item shifts no index, so undo is a pop.

#include "document/commands/documentcommand.h"
#include "model/itemkinds.h"
#include "model/project.h"

namespace claimline {

template<typename Item>
class AddCommand final : public DocumentCommand
{
public:
    AddCommand(Document *document, const Item &item, const QString &text)
        : DocumentCommand(document, text)
        , m_item(item)
        , m_index(std::uint32_t(document->project().items<Item>().size()))
    { }

    // Where the item goes.
    std::uint32_t index() const { return m_index; }

    void redo() override
    {
        Project &p = project();
        p.items<Item>().push_back(m_item);
        p.registerId({Kind, m_index});
        followRenumbering(true);
        announce(true);
    }
    void undo() override
    {
        Project &p = project();
        p.unregisterId({Kind, m_index});
        p.items<Item>().pop_back();
        followRenumbering(false);
        announce(false);
    }

private:
    static constexpr ItemKind Kind = ItemTraits<Item>::kind;

    // The time indexes take the one event or claim in or out instead of sorting again.
    void followRenumbering(bool inserted)
    {
        const std::uint32_t index[] = {m_index};
        const std::span<const std::uint32_t> one(index), none;
        project().followRenumbering(inserted, Kind == ItemKind::Event ? one : none,
                                    Kind == ItemKind::Claim ? one : none, Kind == ItemKind::Event);
    }

    void announce(bool inserted)
    {
        StructureChange change;
        change.inserted = inserted;
        change.items[std::size_t(Kind)].push_back(m_index);
        if constexpr (Kind == ItemKind::Event)
            change.events = {&m_item, 1};
        if constexpr (Kind == ItemKind::Claim)
            change.claims = {&m_item, 1};
        Q_EMIT document()->structureChanged(change);
    }

    Item m_item;
    std::uint32_t m_index;
};

} // namespace claimline
