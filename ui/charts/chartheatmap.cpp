#include "charts/chartheatmap.h"

#include "common/colors.h"

#include <QtCharts/QChart>

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

#include <algorithm>

namespace claimline {

namespace {

constexpr double Pad = 4;
constexpr double MinSquare = 16;

double rowHeight(const QString &question, const QFont &font, double headerWidth)
{
    const QRectF text
        = QFontMetricsF(font).boundingRect(QRectF(0, 0, std::max(10.0, headerWidth - 2 * Pad), 1e6),
                                           Qt::AlignLeft | Qt::TextWordWrap, question);
    return std::max(text.height(), 2 * MinSquare + 2) + 2 * Pad;
}

} // namespace

ChartHeatMap::ChartHeatMap(QChart *chart, const ChartData &data, std::vector<QColor> stanceColors,
                           const ChartTheme &theme, const QFont &font, ChartClick onClick)
    : QGraphicsObject(chart)
    , m_chart(chart)
    , m_rowCount(data.rows.size())
    , m_columnCount(data.columns.size())
    , m_rows(data.rows)
    , m_columns(data.columns)
    , m_values(data.values)
    , m_colors(std::move(stanceColors))
    , m_theme(theme)
    , m_font(font)
    , m_onClick(std::move(onClick))
{
    setObjectName(QStringLiteral("chartHeatMap"));
    setAcceptedMouseButtons(Qt::LeftButton);
    for (const double value : m_values)
        m_max = std::max(m_max, value);
    connect(chart, &QChart::plotAreaChanged, this, &ChartHeatMap::relayout);
    relayout();
}

double ChartHeatMap::rowHeaderWidth(const ChartData &data, const QFont &font, double width)
{
    const QFontMetricsF metrics(font);
    double widest = 0;
    for (const QString &row : data.rows)
        widest = std::max(widest, metrics.horizontalAdvance(row));
    // Each column needs its party's name and two squares side by side; the questions wrap in
    // what is left (at least 120 px).
    double column = 2 * MinSquare + 3 * Pad;
    for (const QString &name : data.columns)
        column = std::max(column, metrics.horizontalAdvance(name) + 2 * Pad);
    const double left = width - column * double(data.columns.size());
    return std::min(widest + 2 * Pad + 2, std::max(120.0, left));
}

double ChartHeatMap::heightFor(const ChartData &data, const QFont &font, double width)
{
    const double header = rowHeaderWidth(data, font, width);
    double height = QFontMetricsF(font).height() + 2 * Pad;
    for (const QString &row : data.rows)
        height += rowHeight(row, font, header);
    return height;
}

void ChartHeatMap::relayout()
{
    prepareGeometryChange();
    m_area = m_chart->plotArea();
    ChartData rowsOnly;
    rowsOnly.rows = m_rows;
    rowsOnly.columns = m_columns;
    m_headerWidth = rowHeaderWidth(rowsOnly, m_font, m_area.width());
    m_headerHeight = QFontMetricsF(m_font).height() + 2 * Pad;
    m_rowTops.assign(1, m_area.top() + m_headerHeight);
    for (const QString &row : m_rows)
        m_rowTops.push_back(m_rowTops.back() + rowHeight(row, m_font, m_headerWidth));
    update();
}

QRectF ChartHeatMap::rowHeaderRect(std::size_t row) const
{
    return QRectF(m_area.left(), m_rowTops[row], m_headerWidth,
                  m_rowTops[row + 1] - m_rowTops[row]);
}

QRectF ChartHeatMap::columnHeaderRect(std::size_t column) const
{
    const double width
        = (m_area.width() - m_headerWidth) / double(std::max<std::size_t>(1, m_columnCount));
    return QRectF(m_area.left() + m_headerWidth + double(column) * width, m_area.top(), width,
                  m_headerHeight);
}

QRectF ChartHeatMap::squareRect(std::size_t series, std::size_t category) const
{
    if (m_columnCount == 0 || category >= m_rowCount * m_columnCount || series > 3)
        return {};
    const std::size_t row = category / m_columnCount;
    const std::size_t column = category % m_columnCount;
    const QRectF cell(columnHeaderRect(column).left(), m_rowTops[row],
                      columnHeaderRect(column).width(), m_rowTops[row + 1] - m_rowTops[row]);
    // Two by two: affirms, denies on top; disputes, qualifies below.
    const double w = (cell.width() - 2 * Pad) / 2;
    const double h = (cell.height() - 2 * Pad) / 2;
    return QRectF(cell.left() + Pad + double(series % 2) * w,
                  cell.top() + Pad + double(series / 2) * h, w, h)
        .adjusted(0.5, 0.5, -0.5, -0.5);
}

QRectF ChartHeatMap::boundingRect() const
{
    return m_rowTops.empty()
        ? QRectF()
        : QRectF(m_area.left(), m_area.top(), m_area.width(), m_rowTops.back() - m_area.top());
}

void ChartHeatMap::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->save();
    painter->setFont(m_font);
    const QFontMetricsF metrics(m_font);
    // Column headers: the parties; row headers: the questions, wrapped.
    painter->setPen(m_theme.text);
    for (std::size_t c = 0; c < m_columnCount; ++c) {
        const QRectF rect = columnHeaderRect(c);
        painter->drawText(rect, Qt::AlignHCenter | Qt::AlignBottom, m_columns[c]);
    }
    QFont countFont = m_font;
    countFont.setPointSizeF(m_font.pointSizeF() * 0.9);
    for (std::size_t r = 0; r < m_rowCount; ++r) {
        const QRectF header = rowHeaderRect(r);
        painter->setPen(m_theme.grid);
        painter->drawLine(QPointF(m_area.left(), header.top()),
                          QPointF(m_area.right(), header.top()));
        painter->setPen(m_theme.text);
        painter->setFont(m_font);
        painter->drawText(header.adjusted(Pad, Pad, -Pad, -Pad),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, m_rows[r]);
        painter->setFont(countFont);
        for (std::size_t c = 0; c < m_columnCount; ++c) {
            const std::size_t category = r * m_columnCount + c;
            for (std::size_t s = 0; s < 4 && s < m_colors.size(); ++s) {
                const double value = m_values[s * m_rowCount * m_columnCount + category];
                const QRectF square = squareRect(s, category);
                if (value <= 0) {
                    painter->fillRect(square, blend(m_theme.background, m_theme.text, 0.04));
                    continue;
                }
                // Intensity: from a fifth of the colour (one claim of many) to all of it.
                const double strength = 0.25 + 0.75 * value / m_max;
                const QColor fill = blend(m_theme.background, m_colors[s], strength);
                painter->fillRect(square, fill);
                painter->setPen(fill.lightnessF() < 0.55 ? QColor(Qt::white) : QColor(Qt::black));
                painter->drawText(square, Qt::AlignCenter, QString::number(value));
            }
        }
    }
    painter->restore();
}

void ChartHeatMap::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    const QPointF at = mapToParent(event->pos());
    for (std::size_t category = 0; category < m_rowCount * m_columnCount; ++category) {
        for (std::size_t s = 0; s < 4; ++s) {
            if (squareRect(s, category).contains(at)) {
                event->accept();
                if (m_onClick)
                    m_onClick(s, category);
                return;
            }
        }
    }
    event->ignore();
}

ChartHeatMap *chartHeatMap(const QChart &chart)
{
    const auto items = chart.childItems();
    for (QGraphicsItem *item : items) {
        if (auto *map = qobject_cast<ChartHeatMap *>(item->toGraphicsObject()))
            return map;
    }
    return nullptr;
}

} // namespace claimline
