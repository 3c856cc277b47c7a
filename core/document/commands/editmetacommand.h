#pragma once

// EditMetaCommand: replaces the project's own fields (title, internal and public description:
// the file's `meta`) with other values and back (Document::setMeta()). Like an item, the meta
// is a small value whose text lives in the append-only arena, so swapping it restores it
// exactly. Typing in one field merges into one step.

#include "document/commands/documentcommand.h"
#include "model/project.h"

namespace claimline {

class EditMetaCommand final : public DocumentCommand
{
public:
    // `mergeId` is the command's id(): -1 never merges, any other value merges a following
    // meta edit with the same id into this one.
    EditMetaCommand(Document *document, const ProjectMeta &after, int mergeId, const QString &text);

    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const ProjectMeta &value);

    ProjectMeta m_before;
    ProjectMeta m_after;
    int m_mergeId;
};

} // namespace claimline
