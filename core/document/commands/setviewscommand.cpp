#include "document/commands/setviewscommand.h"

#include <utility>

namespace claimline {

SetViewsCommand::SetViewsCommand(Document *document, nlohmann::json views, const QString &text)
    : DocumentCommand(document, text)
    , m_other(std::move(views))
{ }

void SetViewsCommand::swap()
{
    std::swap(project().views(), m_other);
    Q_EMIT document()->viewsChanged();
}

} // namespace claimline
