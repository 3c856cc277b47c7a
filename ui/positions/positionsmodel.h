#pragma once

// PositionsModel: the Positions table (export/positionstable.h) as a Qt table model. Rows are
// questions, columns parties; a cell's display and edit text is the party's position on the
// question (nothing for none). Editing a cell hands the text to Document::setPosition(), one
// undo step per changed text; the model itself never writes the project. Horizontal header
// cells carry the party's colour for the swatch (SwatchRole), painted by PositionsHeader.

#include "export/positionstable.h"

#include <QAbstractTableModel>
#include <QColor>

#include <cstdint>
#include <vector>

namespace claimline {

class Document;
class Filter;

class PositionsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        QuestionRole = Qt::UserRole + 1, // a cell's or row header's question index
        PartyRole, // a cell's or column header's party index
        SwatchRole, // a column header's party colour (QColor) on the current background
    };

    PositionsModel(Document *document, const Filter *filter, QObject *parent = nullptr);

    // Rebuilds the table for these party columns (the filter's hidden ones left out): a model
    // reset.
    void setParties(std::vector<std::uint32_t> parties);
    // The positions changed but not the rows and columns: every cell is announced changed.
    void refreshCells();
    // The background and text the swatches must stand out on (the view's palette).
    void setSwatchBackground(const QColor &background, const QColor &text);

    const PositionsTable &table() const { return m_table; }
    // The cell of a question and a party; invalid when either is not shown.
    QModelIndex indexOf(std::uint32_t question, std::uint32_t party) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    Document *m_document = nullptr;
    const Filter *m_filter = nullptr;
    PositionsTable m_table;
    std::vector<std::uint32_t> m_parties;
    QColor m_background = Qt::white;
    QColor m_text = Qt::black;
};

} // namespace claimline
