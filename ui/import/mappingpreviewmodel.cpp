#include "import/mappingpreviewmodel.h"

#include "text/visibletext.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

#include <algorithm>

namespace claimline {

MappingPreviewModel::MappingPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void MappingPreviewModel::setRows(std::vector<ImportPreviewRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int MappingPreviewModel::refusedRows() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const ImportPreviewRow &row) { return !row.problem.isEmpty(); }));
}

int MappingPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MappingPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MappingPreviewModel::text(const ImportPreviewRow &row, int column) const
{
    switch (Column(column)) {
    case LineColumn:
        return QString::number(row.line);
    case WhenColumn:
        return row.when;
    case TitleColumn:
        return visibleText(row.title);
    case PartiesColumn:
        return visibleText(row.parties.join(QStringLiteral(" · ")));
    case PlaceColumn:
        return visibleText(row.place);
    case ProblemColumn:
        return visibleText(row.problem);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MappingPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportPreviewRow &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == LineColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant();
    case Qt::DecorationRole:
        // A refused row is told at a glance, before its reason is read.
        if (index.column() == ProblemColumn && !row.problem.isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    default:
        return {};
    }
}

QVariant MappingPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case LineColumn:
        return tr("Line");
    case WhenColumn:
        return tr("When");
    case TitleColumn:
        return tr("Title");
    case PartiesColumn:
        return tr("Parties");
    case PlaceColumn:
        return tr("Place");
    case ProblemColumn:
        return tr("Problem");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace claimline
