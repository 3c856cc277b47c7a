#include "document/commands/positioncommand.h"

#include "model/project.h"

namespace claimline {

PositionCommand::PositionCommand(Document *document, std::uint32_t index,
                                 std::optional<Position> before, std::optional<Position> after,
                                 const QString &text)
    : DocumentCommand(document, text)
    , m_index(index)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    Q_ASSERT(m_before || m_after);
}

void PositionCommand::apply(const std::optional<Position> &from, const std::optional<Position> &to)
{
    std::vector<Position> &positions = project().positions();
    const auto at = positions.begin() + m_index;
    if (from && to)
        *at = *to;
    else if (to)
        positions.insert(at, *to);
    else
        positions.erase(at);
    Q_EMIT document()->positionsChanged();
}

} // namespace claimline
