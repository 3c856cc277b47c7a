#include "charts/chartdecor.h"

#include <QtCharts/QChart>

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace claimline {

namespace {

constexpr double Margin = 6;
constexpr double Marker = 10;
constexpr double MarkerGap = 5;
constexpr double EntryGap = 18;
constexpr double Gap = 4;

} // namespace

ChartDecor::ChartDecor(QChart *chart)
    : QGraphicsObject(chart)
    , m_chart(chart)
{
    setObjectName(QStringLiteral("chartDecor"));
    setZValue(10);
    setAcceptedMouseButtons(Qt::NoButton);
    connect(chart, &QChart::geometryChanged, this, &ChartDecor::relayout);
}

void ChartDecor::setTexts(const QString &title, const QString &axisTitle)
{
    m_title = title;
    m_axisTitle = axisTitle;
    relayout();
}

void ChartDecor::setEntries(const std::vector<std::pair<QString, QColor>> &entries)
{
    m_entries.clear();
    for (const auto &[name, color] : entries)
        m_entries.push_back({name, color, {}});
    relayout();
}

void ChartDecor::setLook(const QFont &font, const QColor &text, const QColor &muted)
{
    m_font = font;
    m_text = text;
    m_muted = muted;
    relayout();
}

QFont ChartDecor::titleFont() const
{
    QFont font = m_font;
    font.setPointSizeF(m_font.pointSizeF() * 1.25);
    font.setBold(true);
    return font;
}

QFont ChartDecor::axisFont() const
{
    QFont font = m_font;
    font.setPointSizeF(m_font.pointSizeF() * 0.95);
    return font;
}

std::vector<QRectF> ChartDecor::legendLayout(double width, double *height) const
{
    const QFontMetricsF metrics(m_font);
    const double line = std::max(metrics.height(), Marker) + Gap;
    std::vector<QRectF> rects;
    std::vector<std::size_t> rowStarts {0};
    double x = 0;
    double y = 0;
    for (const Entry &entry : m_entries) {
        // A name wider than the chart still gets a row of its own, whole.
        const double w = Marker + MarkerGap + metrics.horizontalAdvance(entry.name);
        if (x > 0 && x + w > width) {
            x = 0;
            y += line;
            rowStarts.push_back(rects.size());
        }
        rects.emplace_back(x, y, w, line - Gap);
        x += w + EntryGap;
    }
    // Centre each row.
    rowStarts.push_back(rects.size());
    for (std::size_t r = 0; r + 1 < rowStarts.size(); ++r) {
        if (rowStarts[r] == rowStarts[r + 1])
            continue;
        const double used = rects[rowStarts[r + 1] - 1].right();
        const double shift = std::max(0.0, (width - used) / 2);
        for (std::size_t i = rowStarts[r]; i < rowStarts[r + 1]; ++i)
            rects[i].translate(shift, 0);
    }
    *height = m_entries.empty() ? 0 : y + line;
    return rects;
}

std::vector<QRectF> ChartDecor::columnLayout(double height, double *width) const
{
    const QFontMetricsF metrics(m_font);
    const double line = std::max(metrics.height(), Marker) + Gap;
    const auto perColumn = std::max<std::size_t>(1, std::size_t(std::max(1.0, height / line)));
    std::vector<QRectF> rects;
    double x = 0;
    double columnWidth = 0;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (i > 0 && i % perColumn == 0) {
            x += columnWidth + EntryGap;
            columnWidth = 0;
        }
        const double w = Marker + MarkerGap + metrics.horizontalAdvance(m_entries[i].name);
        rects.emplace_back(x, double(i % perColumn) * line, w, line - Gap);
        columnWidth = std::max(columnWidth, w);
    }
    *width = m_entries.empty() ? 0 : x + columnWidth;
    return rects;
}

double ChartDecor::headerHeight(double width) const
{
    const double inner = std::max(1.0, width - 2 * Margin);
    const QRectF title
        = QFontMetricsF(titleFont())
              .boundingRect(QRectF(0, 0, inner, 1e6), Qt::AlignHCenter | Qt::TextWordWrap, m_title);
    const double axis = m_axisTitle.isEmpty() ? 0 : QFontMetricsF(axisFont()).height() + Gap;
    return Margin + title.height() + Gap + axis;
}

double ChartDecor::heightFor(double width, double plot) const
{
    const double header = headerHeight(width);
    double legend = 0;
    legendLayout(std::max(1.0, width - 2 * Margin), &legend);
    const double below = header + plot + legend + Gap + Margin;
    // At the right: as tall as the plot or the legend's columns (at most two fifths of the
    // width), whichever is taller; only where relayout() puts it there (a wide chart).
    const double line = std::max(QFontMetricsF(m_font).height(), Marker) + Gap;
    for (std::size_t rows = 1; rows <= m_entries.size(); ++rows) {
        double block = 0;
        columnLayout(double(rows) * line, &block);
        if (block > width * 0.4)
            continue;
        const double beside = header + std::max(plot, double(rows) * line) + Margin;
        if (width >= 2.5 * beside)
            return std::min(below, beside);
        break;
    }
    return below;
}

void ChartDecor::relayout()
{
    if (!m_chart)
        return;
    prepareGeometryChange();
    const QRectF area = QRectF(QPointF(0, 0), m_chart->size());
    const double inner = std::max(1.0, area.width() - 2 * Margin);
    m_titleRect = m_title.isEmpty()
        ? QRectF(Margin, Margin, inner, 0)
        : QFontMetricsF(titleFont())
              .boundingRect(QRectF(Margin, Margin, inner, 1e6), Qt::AlignHCenter | Qt::TextWordWrap,
                            m_title);
    m_titleRect.setLeft(Margin);
    m_titleRect.setWidth(inner);
    double top = m_titleRect.bottom() + Gap;
    if (!m_axisTitle.isEmpty()) {
        const QFontMetricsF metrics(axisFont());
        m_axisTitleRect
            = QRectF(Margin, top, metrics.horizontalAdvance(m_axisTitle) + 1, metrics.height());
        top = m_axisTitleRect.bottom() + Gap;
    } else {
        m_axisTitleRect = QRectF();
    }
    // A wide, short chart (the dock) keeps its height for the plot: the legend goes to the
    // right in columns, when they take at most two fifths of the width.
    const double available = area.height() - top - Margin;
    double blockWidth = 0;
    const std::vector<QRectF> columns = columnLayout(available, &blockWidth);
    const bool right = !m_entries.empty() && area.width() >= 2.5 * area.height()
        && blockWidth <= area.width() * 0.4;
    QMargins margins;
    if (right) {
        const double left = area.width() - Margin - blockWidth;
        for (std::size_t i = 0; i < m_entries.size(); ++i)
            m_entries[i].rect = columns[i].translated(left, top);
        margins = QMargins(int(Margin), int(std::ceil(top)),
                           int(std::ceil(Margin + blockWidth + EntryGap)), int(Margin));
    } else {
        double legendHeight = 0;
        const std::vector<QRectF> rects = legendLayout(inner, &legendHeight);
        const double legendTop = area.height() - Margin - legendHeight;
        for (std::size_t i = 0; i < m_entries.size(); ++i)
            m_entries[i].rect = rects[i].translated(Margin, legendTop);
        margins = QMargins(int(Margin), int(std::ceil(top)), int(Margin),
                           int(std::ceil(Margin + legendHeight + (legendHeight > 0 ? Gap : 0))));
    }
    if (m_chart->margins() != margins)
        m_chart->setMargins(margins);
    update();
}

QRectF ChartDecor::boundingRect() const
{
    return m_chart ? QRectF(QPointF(0, 0), m_chart->size()) : QRectF();
}

void ChartDecor::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->save();
    painter->setFont(titleFont());
    painter->setPen(m_text);
    painter->drawText(m_titleRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_title);
    if (!m_axisTitle.isEmpty()) {
        painter->setFont(axisFont());
        painter->drawText(m_axisTitleRect, Qt::AlignLeft | Qt::AlignVCenter, m_axisTitle);
    }
    painter->setFont(m_font);
    for (const Entry &entry : m_entries) {
        const QRectF marker(entry.rect.left(), entry.rect.center().y() - Marker / 2, Marker,
                            Marker);
        painter->fillRect(marker, entry.color);
        painter->setPen(m_text);
        painter->drawText(QRectF(marker.right() + MarkerGap, entry.rect.top(),
                                 entry.rect.right() - marker.right() - MarkerGap + 2,
                                 entry.rect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, entry.name);
    }
    painter->restore();
}

ChartDecor *chartDecor(const QChart &chart)
{
    // A graphics child, not a QObject child: found among the chart's items.
    const auto items = chart.childItems();
    for (QGraphicsItem *item : items) {
        if (auto *decor = qobject_cast<ChartDecor *>(item->toGraphicsObject()))
            return decor;
    }
    return nullptr;
}

} // namespace claimline
