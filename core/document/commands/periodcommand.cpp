#include "document/commands/periodcommand.h"

#include "model/project.h"

namespace claimline {

PeriodCommand::PeriodCommand(Document *document, std::uint32_t index, std::optional<Period> before,
                             std::optional<Period> after, const QString &text)
    : DocumentCommand(document, text)
    , m_index(index)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    Q_ASSERT(m_before || m_after);
}

void PeriodCommand::apply(const std::optional<Period> &from, const std::optional<Period> &to)
{
    std::vector<Period> &periods = project().periods();
    const auto at = periods.begin() + m_index;
    if (from && to)
        *at = *to;
    else if (to)
        periods.insert(at, *to);
    else
        periods.erase(at);
    Q_EMIT document()->periodsChanged();
}

} // namespace claimline
