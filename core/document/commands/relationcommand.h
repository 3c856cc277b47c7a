#pragma once

// RelationCommand: inserts a relation at an index or removes it, and back; a part of the step
// that Document::linkClaims() or unlinkClaims() pushes. Relations are referred to by no other
// item (only the derived indexes, rebuilt on demand), so their positions can shift.

#include "document/commands/documentcommand.h"
#include "model/model.h"

namespace claimline {

class RelationCommand final : public DocumentCommand
{
public:
    // Inserts (or, when `insert` is false, removes) `relation` at `index`, as a part of
    // `parent`.
    RelationCommand(Document *document, std::uint32_t index, const Relation &relation, bool insert,
                    QUndoCommand *parent);

    void redo() override { apply(m_insert); }
    void undo() override { apply(!m_insert); }

private:
    void apply(bool insert);

    std::uint32_t m_index;
    Relation m_relation;
    bool m_insert;
};

} // namespace claimline
