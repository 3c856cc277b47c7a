#include "document/commands/editmetacommand.h"

#include "document/sameitem.h"

namespace claimline {

EditMetaCommand::EditMetaCommand(Document *document, const ProjectMeta &after, int mergeId,
                                 const QString &text)
    : DocumentCommand(document, text)
    , m_before(document->project().meta())
    , m_after(after)
    , m_mergeId(mergeId)
{ }

bool EditMetaCommand::mergeWith(const QUndoCommand *other)
{
    // QUndoStack asks only for a command with the same id(); ids of item edits never equal a
    // meta field's (Document's merge ids), so this is typing in the same field.
    const auto *next = dynamic_cast<const EditMetaCommand *>(other);
    if (!next)
        return false;
    m_after = next->m_after;
    setObsolete(sameMeta(project(), m_before, m_after));
    return true;
}

void EditMetaCommand::apply(const ProjectMeta &value)
{
    project().meta() = value;
    Q_EMIT document()->metaChanged();
}

} // namespace claimline
