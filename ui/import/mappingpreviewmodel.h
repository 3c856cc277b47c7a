#pragma once

// MappingPreviewModel: the column step's preview, the first rows of the file as the chosen
// mapping reads them (previewMapping()): the line, when, title, parties, place, and for a row
// that would be refused the reason. A new mapping is a new set of rows: a model reset. Text
// from the file is shown on one line, its controls and bidi overrides visible, never obeyed.

#include "import/importer.h"

#include <QAbstractTableModel>

#include <vector>

namespace claimline {

class MappingPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        LineColumn,
        WhenColumn,
        TitleColumn,
        PartiesColumn,
        PlaceColumn,
        ProblemColumn,
        ColumnCount
    };

    explicit MappingPreviewModel(QObject *parent = nullptr);

    void setRows(std::vector<ImportPreviewRow> rows);
    const std::vector<ImportPreviewRow> &rows() const { return m_rows; }
    // Rows that would be refused.
    int refusedRows() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString text(const ImportPreviewRow &row, int column) const;

    std::vector<ImportPreviewRow> m_rows;
};

} // namespace claimline
