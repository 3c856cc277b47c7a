#include "document/commands/relationcommand.h"

#include "model/project.h"

namespace claimline {

RelationCommand::RelationCommand(Document *document, std::uint32_t index, const Relation &relation,
                                 bool insert, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_index(index)
    , m_relation(relation)
    , m_insert(insert)
{ }

void RelationCommand::apply(bool insert)
{
    Project &p = project();
    std::vector<Relation> &relations = p.relations();
    if (insert)
        relations.insert(relations.begin() + m_index, m_relation);
    else
        relations.erase(relations.begin() + m_index);
    p.invalidateIndexes();
    // Both claims show their answers (the table's Answers column, the details).
    Q_EMIT document()->claimChanged(m_relation.to);
    Q_EMIT document()->claimChanged(m_relation.from);
    Q_EMIT document()->relationsChanged();
}

} // namespace claimline
