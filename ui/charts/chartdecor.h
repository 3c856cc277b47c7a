#pragma once

// ChartDecor: what Qt Charts would cut, drawn by us around a QChart: the title, the vertical
// axis's title and the legend. A child item of the chart, so that the view and the exported
// pictures show the same thing.
//
// Why not QChart's own: its legend is one row (or column) that drops or elides the entries
// that do not fit ("Hungarian Conservative" went missing), and a rotated axis title is
// elided to the plot's height ("Share of the par…"). Here the title wraps, the axis title is a
// horizontal line above the plot, and the legend wraps into as many rows as its entries need;
// the chart's margins make room for them, so every name is whole and none is missing.

#include <QColor>
#include <QFont>
#include <QGraphicsObject>
#include <QRectF>
#include <QString>

#include <vector>

class QChart;

namespace claimline {

class ChartDecor final : public QGraphicsObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QString name; // plain text, drawn as typed
        QColor color;
        QRectF rect; // where it is drawn (marker and name), in chart coordinates
    };

    // Becomes a child of `chart` and lays itself out whenever the chart's size changes.
    explicit ChartDecor(QChart *chart);

    void setTexts(const QString &title, const QString &axisTitle);
    void setEntries(const std::vector<std::pair<QString, QColor>> &entries);
    void setLook(const QFont &font, const QColor &text, const QColor &muted);

    QString title() const { return m_title; }
    QString axisTitle() const { return m_axisTitle; }
    const std::vector<Entry> &entries() const { return m_entries; }
    QRectF titleRect() const { return m_titleRect; }
    QRectF axisTitleRect() const { return m_axisTitleRect; }
    // The least chart height at this width that leaves `plot` pixels (the plot and its axes)
    // beside or above the legend with nothing cut: the legend at the right in columns when
    // that fits (a wide, short dock), else below in rows.
    double heightFor(double width, double plot) const;

    // Lays out for the chart's current size and sets its margins.
    void relayout();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QFont titleFont() const;
    QFont axisFont() const;
    // The legend's rows at this width: per entry its rect relative to the legend's top-left.
    std::vector<QRectF> legendLayout(double width, double *height) const;
    // The legend in columns at most `height` tall: per entry its rect, and the block's width.
    std::vector<QRectF> columnLayout(double height, double *width) const;
    // The header's height (title and axis title) at this width.
    double headerHeight(double width) const;

    QChart *m_chart = nullptr;
    QString m_title;
    QString m_axisTitle;
    std::vector<Entry> m_entries;
    QFont m_font;
    QColor m_text;
    QColor m_muted;
    QRectF m_titleRect;
    QRectF m_axisTitleRect;
};

// The decor of a chart populateChart() built, or nullptr.
ChartDecor *chartDecor(const QChart &chart);

} // namespace claimline
