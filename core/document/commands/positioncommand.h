#pragma once

// PositionCommand: sets, changes or clears one party's position on one question and back
// (Document::setPosition()). A new position is appended, a changed one keeps its place in the
// file and a cleared one is removed from its place; undo puts the array back as it was, so
// the saved file does not reorder under an undo. Nothing refers to a position by index.

#include "document/commands/documentcommand.h"
#include "model/model.h"

#include <optional>

namespace claimline {

class PositionCommand final : public DocumentCommand
{
public:
    // The position at `index` goes from `before` to `after`; nullopt on one side is no
    // position (`index` is then where it is inserted, or removed from).
    PositionCommand(Document *document, std::uint32_t index, std::optional<Position> before,
                    std::optional<Position> after, const QString &text);

    void redo() override { apply(m_before, m_after); }
    void undo() override { apply(m_after, m_before); }

private:
    void apply(const std::optional<Position> &from, const std::optional<Position> &to);

    std::uint32_t m_index;
    std::optional<Position> m_before;
    std::optional<Position> m_after;
};

} // namespace claimline
