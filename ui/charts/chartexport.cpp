#include "charts/chartexport.h"

#include "export/exportformats.h"

#include "document/filter.h"
#include "model/project.h"

#include <QtCharts/QChart>

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>

#include <array>
#include <memory>

namespace claimline {

namespace {

// What the paint function keeps alive: the scene owns the chart.
struct OffscreenChart
{
    QGraphicsScene scene;
    QChart *chart = nullptr;
};

} // namespace

QString chartName(ChartKind kind)
{
    // The names the command line knows (core: --view chart:NAME), in ChartKind's order.
    return chartNames().at(qsizetype(kind));
}

QString chartTitle(ChartKind kind)
{
    static constexpr std::array<const char *, ChartKindCount> Titles {
        QT_TRANSLATE_NOOP("claimline::Charts", "Claims per party over time"),
        QT_TRANSLATE_NOOP("claimline::Charts", "Stance matrix"),
        QT_TRANSLATE_NOOP("claimline::Charts", "Response lag"),
        QT_TRANSLATE_NOOP("claimline::Charts", "Status by party"),
        QT_TRANSLATE_NOOP("claimline::Charts", "Event tempo")};
    return QCoreApplication::translate("claimline::Charts", Titles[std::size_t(kind)]);
}

std::optional<ChartKind> chartKindFromName(const QString &name)
{
    const qsizetype index = chartNames().indexOf(name);
    return index < 0 ? std::nullopt : std::optional(ChartKind(index));
}

Picture chartPicture(const Project &project, const Filter &filter, ChartKind kind, QSizeF size,
                     const QTimeZone &zone,
                     std::optional<std::pair<std::int64_t, std::int64_t>> range,
                     const QPalette &palette, const ChartLabels &labels, bool stacked)
{
    ChartRequest request;
    request.kind = kind;
    request.zone = zone;
    request.range = range;
    request.maxRows = matrixRowsFitting(size.height());
    return chartPicture(project, computeChart(project, filter, request), size, palette, labels,
                        stacked);
}

Picture chartPicture(const Project &project, const ChartData &data, QSizeF size,
                     const QPalette &palette, const ChartLabels &labels, bool stacked)
{
    const ChartLabels text = labels.resolved(data);
    const ChartTheme theme = ChartTheme::from(palette);
    ChartStyle style;
    style.palette = palette;
    style.stacked = stacked;
    style.width = size.width();
    // Exports do not follow the desktop's font size: a fixed, publication-sized font.
    style.font = QApplication::font();
    style.font.setPointSizeF(9.5);

    // The footer: the note (what is left out, if anything) and the credit line.
    QFont footerFont = style.font;
    footerFont.setPointSizeF(8.5);
    const QFontMetricsF metrics(footerFont);
    const double lineHeight = metrics.lineSpacing();
    // The note wraps: it names what is not shown, and must be read whole.
    const QRectF noteRect = data.note.isEmpty()
        ? QRectF()
        : metrics.boundingRect(QRectF(12, 0, size.width() - 24, 1e6),
                               Qt::AlignLeft | Qt::TextWordWrap, data.note);
    const double footer = noteRect.height() + lineHeight + 10;

    auto offscreen = std::make_shared<OffscreenChart>();
    offscreen->chart = new QChart;
    offscreen->scene.addItem(offscreen->chart);
    populateChart(*offscreen->chart, project, data, text, style);
    const QRectF chartRect(0, 0, size.width(), std::max(1.0, size.height() - footer));
    offscreen->chart->setGeometry(chartRect);
    // No window, no event loop turn: lay the chart out now.
    if (QGraphicsLayout *layout = offscreen->chart->layout())
        layout->activate();
    offscreen->scene.setSceneRect(chartRect);

    Picture picture;
    picture.title = text.title;
    picture.size = size;
    picture.paint = [offscreen, chartRect, size, text, note = data.note, noteRect, theme,
                     footerFont, lineHeight](QPainter &painter) {
        painter.save();
        painter.fillRect(QRectF(QPointF(0, 0), size), theme.background);
        offscreen->scene.render(&painter, chartRect, chartRect);
        painter.setFont(footerFont);
        double y = chartRect.bottom() + 4;
        if (!note.isEmpty()) {
            painter.setPen(theme.muted);
            painter.drawText(noteRect.translated(0, y), Qt::AlignLeft | Qt::TextWordWrap, note);
            y += noteRect.height();
        }
        painter.setPen(theme.text);
        const QRectF creditLine(12, y, size.width() - 24, lineHeight);
        painter.drawText(
            creditLine, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(footerFont).elidedText(text.credit, Qt::ElideRight, creditLine.width()));
        painter.restore();
    };
    return picture;
}

} // namespace claimline
