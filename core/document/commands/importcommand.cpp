#include "document/commands/importcommand.h"

#include <utility>

namespace claimline {

ImportCommand::ImportCommand(Document *document, Project after, const QString &text)
    : DocumentCommand(document, text)
    , m_other(std::move(after))
{ }

void ImportCommand::swap()
{
    std::swap(project(), m_other);
    // Every view rebuilds from the new project, as after opening a file; the file path stays,
    // and the undo stack's clean index says whether the project is modified.
    Q_EMIT document()->reset();
}

} // namespace claimline
