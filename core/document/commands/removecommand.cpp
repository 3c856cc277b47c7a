#include "document/commands/removecommand.h"

namespace claimline {

RemoveCommand::RemoveCommand(Document *document, DeletionPlan plan, const QString &text)
    : DocumentCommand(document, text)
    , m_removal(std::move(plan))
{ }

void RemoveCommand::redo()
{
    m_removal.apply(project());
    announce(false);
}

void RemoveCommand::undo()
{
    m_removal.revert(project());
    announce(true);
}

void RemoveCommand::announce(bool inserted)
{
    Q_EMIT document()->structureChanged(m_removal.change(inserted));
    const DeletionPlan &plan = m_removal.plan();
    if (!plan.relations.empty() || !plan.edits.relations.empty())
        Q_EMIT document()->relationsChanged();
    if (!plan.positions.empty() || !plan.edits.positions.empty())
        Q_EMIT document()->positionsChanged();
}

} // namespace claimline
