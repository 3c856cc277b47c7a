#include "import/pagewidgets.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace claimline {

QLabel *plainLabel(QWidget *parent, LabelText text)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    if (text == LabelText::Selectable)
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QTableView *rowTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

} // namespace claimline
