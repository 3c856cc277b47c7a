#pragma once

// PeriodCommand: adds, changes or removes one background period and back (Document::addPeriod(),
// editPeriod(), removePeriod()). An added period is appended, a changed one keeps its place
// and a removed one leaves its place; undo puts the array back as it was, so the saved file
// does not reorder under an undo. Nothing refers to a period by index.

#include "document/commands/documentcommand.h"
#include "model/model.h"

#include <optional>

namespace claimline {

class PeriodCommand final : public DocumentCommand
{
public:
    // The period at `index` goes from `before` to `after`; nullopt on one side is no period
    // (`index` is then where it is inserted, or removed from).
    PeriodCommand(Document *document, std::uint32_t index, std::optional<Period> before,
                  std::optional<Period> after, const QString &text);

    void redo() override { apply(m_before, m_after); }
    void undo() override { apply(m_after, m_before); }

private:
    void apply(const std::optional<Period> &from, const std::optional<Period> &to);

    std::uint32_t m_index;
    std::optional<Period> m_before;
    std::optional<Period> m_after;
};

} // namespace claimline
