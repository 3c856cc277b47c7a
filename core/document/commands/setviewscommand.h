#pragma once

// SetViewsCommand: swaps the saved views (the file's `views` array, kept as JSON) with another
// value and back (Document::setViews()).

#include "document/commands/documentcommand.h"

#include <nlohmann/json.hpp>

namespace claimline {

class SetViewsCommand final : public DocumentCommand
{
public:
    SetViewsCommand(Document *document, nlohmann::json views, const QString &text);

    void redo() override { swap(); }
    void undo() override { swap(); }

private:
    void swap();

    nlohmann::json m_other; // the views not in the project now
};

} // namespace claimline
