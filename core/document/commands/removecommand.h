#pragma once

// RemoveCommand: deletes items as a plan says and puts them back (Document::deleteItems(),
// deletion.h).

#include "document/commands/documentcommand.h"
#include "document/deletion.h"

namespace claimline {

class RemoveCommand final : public DocumentCommand
{
public:
    RemoveCommand(Document *document, DeletionPlan plan, const QString &text);

    void redo() override;
    void undo() override;

private:
    void announce(bool inserted);

    Removal m_removal;
};

} // namespace claimline
