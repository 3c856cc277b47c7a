#pragma once

// DocumentCommand: the base of the Document's undo commands, and the only way to the
// Project's mutable side. The Document befriends this class alone; each command changes the
// project through project() and then emits the Document signal that announces the change,
// so no code outside the commands can change a project without an undo step or a signal.

#include "document/document.h"

#include <QUndoCommand>

namespace claimline {

class DocumentCommand : public QUndoCommand
{
public:
    // A command with its text in the undo stack ("Change title of ‘Strike on Kyiv’").
    DocumentCommand(Document *document, const QString &text)
        : QUndoCommand(text)
        , m_document(document)
    { }
    // A part of `parent`, a command that holds several (it names the step).
    DocumentCommand(Document *document, QUndoCommand *parent)
        : QUndoCommand(parent)
        , m_document(document)
    { }

protected:
    Document *document() const { return m_document; }
    Project &project() const { return m_document->mutableProject(); }

private:
    Document *m_document;
};

} // namespace claimline
