#include "positions/positionsdelegate.h"

#include <QAbstractItemModel>
#include <QLineEdit>

namespace claimline {

QWidget *PositionsDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                         const QModelIndex &index) const
{
    auto *editor = new QLineEdit(parent);
    editor->setObjectName(QStringLiteral("positionEditor"));
    const QString party
        = index.model()->headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString();
    editor->setPlaceholderText(tr("%1's position, in a few words").arg(party));
    editor->setToolTip(tr("Enter keeps the text, Esc leaves the cell as it was; an empty text "
                          "clears the position."));
    return editor;
}

QSize PositionsDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    return QStyledItemDelegate::sizeHint(option, index) + QSize(0, VerticalPadding);
}

} // namespace claimline
