#pragma once

// EditCommand: replaces one item's value with another and back (Document::edit() and the
// other edits, status changes). Items are small values whose text lives in the append-only
// arena, so swapping the whole item restores it exactly. A new id (a provisional id following
// the name) moves the item in the id index.

#include "document/commands/documentcommand.h"
#include "document/sameitem.h"
#include "model/itemkinds.h"
#include "model/project.h"

#include <array>

namespace claimline {

// The signal that announces a change to one item, per ItemKind (in ItemKind order).
inline constexpr std::array<void (Document::*)(std::uint32_t), ItemKindCount> ItemChangedSignals {
    &Document::partyChanged, &Document::actorChanged,    &Document::sourceChanged,
    &Document::eventChanged, &Document::questionChanged, &Document::claimChanged};

template<typename Item>
class EditCommand final : public DocumentCommand
{
public:
    // `mergeId` is the command's id(): -1 never merges, any other value merges a following
    // edit of the same item with the same id into this one.
    EditCommand(Document *document, std::uint32_t index, const Item &after, int mergeId,
                const QString &text)
        : DocumentCommand(document, text)
        , m_index(index)
        , m_before(document->project().items<Item>()[index])
        , m_after(after)
        , m_mergeId(mergeId)
    { }

    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }
    int id() const override { return m_mergeId; }

    // Consecutive typing in one field of one item is one undo step. Merge ids are unique per
    // kind and field, except that setEventTitle's and setClaimStatement's (1 and 2) equal a
    // party's Title and Statement edits: an edit of another kind is never merged. Typing that
    // ends where it began (a letter, then Backspace) leaves no step: QUndoStack drops an
    // obsolete command, so a file saved before it is unmodified again.
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const EditCommand *>(other);
        if (!next || next->m_index != m_index)
            return false;
        m_after = next->m_after;
        setObsolete(sameItem(project(), m_before, m_after));
        return true;
    }

private:
    void apply(const Item &value)
    {
        constexpr ItemKind Kind = ItemTraits<Item>::kind;
        Project &p = project();
        Item &item = p.items<Item>()[m_index];
        const bool newId = p.view(item.id) != p.view(value.id);
        if (newId)
            p.unregisterId({Kind, m_index});
        item = value;
        if (newId)
            (void)p.registerId({Kind, m_index});
        p.invalidateIndexes();
        Q_EMIT(document()->*ItemChangedSignals[std::size_t(Kind)])(m_index);
    }

    std::uint32_t m_index;
    Item m_before;
    Item m_after;
    int m_mergeId;
};

} // namespace claimline
