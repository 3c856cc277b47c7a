#pragma once

// ImportCommand: an import as one undo step (Document::applyImport()). The importer worked on a
// clone of the open project (Project::clone(): the items copied, the text shared), so the
// command holds whole projects and swaps them: redo puts the imported one in, undo the one it
// replaced. Swapping moves a few vectors, whatever the size of the import, and restores the
// project exactly (ids, indexes of items, text), which replaying the import could not promise.

#include "document/commands/documentcommand.h"
#include "model/project.h"

namespace claimline {

class ImportCommand final : public DocumentCommand
{
public:
    ImportCommand(Document *document, Project after, const QString &text);

    // The first redo (push()) swaps `after` in; each undo or redo swaps again.
    void redo() override { swap(); }
    void undo() override { swap(); }

private:
    void swap();

    Project m_other; // the project not in the document now
};

} // namespace claimline
