#pragma once

// ChartHeatMap: the stance matrix as a heat-map table in a QChart's plot area: a row per
// question (its text wrapped, never cut), a column per party, and in each cell four squares,
// one per stance (affirms, denies / disputes, qualifies), filled in the stance's colour as
// strongly as the count is high and showing the count. Clicking a square reports its
// (stance, cell), as a click on a bar does.
//
// Why not a Qt Charts series: Qt Charts 6.4 has no heat map, and bars with a label per
// question-party pair cut the questions short.

#include "charts/chartbuilder.h"

#include <QColor>
#include <QFont>
#include <QGraphicsObject>
#include <QRectF>

#include <vector>

class QChart;

namespace claimline {

class ChartHeatMap final : public QGraphicsObject
{
    Q_OBJECT

public:
    // Becomes a child of `chart` and lays itself out in its plot area.
    ChartHeatMap(QChart *chart, const ChartData &data, std::vector<QColor> stanceColors,
                 const ChartTheme &theme, const QFont &font, ChartClick onClick);

    // The square of a stance (series) in a cell (category), in chart coordinates.
    QRectF squareRect(std::size_t series, std::size_t category) const;
    // Where row r's question and column c's party are written.
    QRectF rowHeaderRect(std::size_t row) const;
    QRectF columnHeaderRect(std::size_t column) const;
    // The height the table needs at a width (its rows never shrink below their text).
    static double heightFor(const ChartData &data, const QFont &font, double width);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void relayout();
    static double rowHeaderWidth(const ChartData &data, const QFont &font, double width);

    QChart *m_chart = nullptr;
    std::size_t m_rowCount = 0;
    std::size_t m_columnCount = 0;
    std::vector<QString> m_rows;
    std::vector<QString> m_columns;
    std::vector<double> m_values; // as ChartData: series-major
    std::vector<QColor> m_colors; // per stance
    double m_max = 1;
    ChartTheme m_theme;
    QFont m_font;
    ChartClick m_onClick;
    QRectF m_area;
    double m_headerWidth = 0;
    double m_headerHeight = 0;
    std::vector<double> m_rowTops; // m_rowCount + 1
};

// The heat map populateChart() built for a stance matrix, or nullptr.
ChartHeatMap *chartHeatMap(const QChart &chart);

} // namespace claimline
