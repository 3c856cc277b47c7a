#pragma once

// PositionsDelegate: edits a Positions cell in place with a one-line field that says whose
// position it holds ("Russia's position, in a few words"). Enter commits, Esc cancels (the
// item delegate's own key handling); the model turns the text into one undo step.

#include <QStyledItemDelegate>

namespace claimline {

class PositionsDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    // Room above and below the wrapped text, so that a cell of two lines does not touch its
    // rules.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr int VerticalPadding = 10;
};

} // namespace claimline
