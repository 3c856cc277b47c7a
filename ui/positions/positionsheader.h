#pragma once

// PositionsHeader: the Positions table's headers, with their text wrapped instead of cut. The
// vertical one holds the questions (a row header stays in view however far the parties
// scroll) at a fixed width, each section as tall as its wrapped question; the horizontal one
// holds the parties, each after a swatch of its colour (PositionsModel::SwatchRole).

#include <QHeaderView>

namespace claimline {

class PositionsHeader final : public QHeaderView
{
    Q_OBJECT

public:
    explicit PositionsHeader(Qt::Orientation orientation, QWidget *parent = nullptr);

    // Vertical: the width the questions wrap in (the header is that wide plus its margins).
    void setTextWidth(int width);
    int textWidth() const { return m_textWidth; }
    // Horizontal: the height the wrapped party names need at the sections' current widths,
    // and making the header that tall.
    int neededHeight() const;
    void fitHeight();

protected:
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;

private:
    QRect textRect(const QRect &section) const;
    int wrappedHeight(int logicalIndex, int sectionWidth) const;

    int m_textWidth = 240;
};

} // namespace claimline
