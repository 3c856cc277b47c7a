#include "narratives/narrativesexport.h"

#include "common/publicationpalette.h"
#include "export/narrativeshtml.h"
#include "narratives/narrativesrenderer.h"
#include "text/visibletext.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace claimline {

namespace {

constexpr double Margin = 32;

// Wrapped plain text; returns its height. A null painter only measures.
double drawWrapped(QPainter *painter, const QString &text, const QFont &font, const QColor &color,
                   const QPointF &at, double width)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    double y = 0;
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    if (painter) {
        painter->setPen(color);
        layout.draw(painter, at);
    }
    return std::ceil(y);
}

struct Fonts
{
    QFont title;
    QFont subtitle;
    QFont footer;
};

Fonts fontsFor(const QFont &base)
{
    Fonts fonts;
    fonts.title = base;
    fonts.title.setBold(true);
    fonts.subtitle = base;
    fonts.footer = base;
    if (base.pixelSize() > 0) {
        fonts.title.setPixelSize(int(std::round(base.pixelSize() * 1.55)));
        fonts.subtitle.setPixelSize(int(std::round(base.pixelSize() * 1.08)));
        fonts.footer.setPixelSize(std::max(8, int(std::round(base.pixelSize() * 0.85))));
    } else {
        fonts.title.setPointSizeF(base.pointSizeF() * 1.55);
        fonts.subtitle.setPointSizeF(base.pointSizeF() * 1.08);
        fonts.footer.setPointSizeF(base.pointSizeF() * 0.85);
    }
    return fonts;
}

void prepare(NarrativesRenderer &renderer, const Project &project, const NarrativesTable &table,
             const NarrativesPictureOptions &options, double tableWidth)
{
    renderer.setFont(options.font);
    renderer.setPalette(options.palette);
    renderer.setTimeZone(options.zone);
    renderer.setStatementLines(options.statementLines);
    renderer.setContent(&project, &table);
    renderer.setWidth(tableWidth);
}

} // namespace

NarrativesPictureOptions::NarrativesPictureOptions()
    : palette(publicationPalette())
{
    font.setPixelSize(13);
}

double narrativesPictureWidth(const Project &project, const NarrativesTable &table, double width,
                              const NarrativesPictureOptions &options)
{
    NarrativesRenderer renderer;
    prepare(renderer, project, table, options, width - 2 * Margin);
    return std::ceil(renderer.contentWidth() + 2 * Margin);
}

double paintNarratives(QPainter *painter, const Project &project, const NarrativesTable &table,
                       double width, const NarrativesPictureOptions &options,
                       std::vector<double> *rowBottoms)
{
    NarrativesRenderer renderer;
    const double tableWidth = width - 2 * Margin;
    prepare(renderer, project, table, options, tableWidth);
    const NarrativesTheme &theme = renderer.theme();
    const Fonts fonts = fontsFor(options.font);
    const QString title
        = options.title.isEmpty() ? narrativesTitle(project) : visibleText(options.title);
    const QString subtitle = options.subtitle.isEmpty() ? narrativesSubtitle(project, table)
                                                        : visibleText(options.subtitle);
    double y = Margin;
    y += drawWrapped(painter, title, fonts.title, theme.text, QPointF(Margin, y), tableWidth);
    y += 4;
    y += drawWrapped(painter, subtitle, fonts.subtitle, theme.muted, QPointF(Margin, y),
                     tableWidth);
    y += 14;
    y += renderer.paintLegend(painter, QPointF(Margin, y), tableWidth);
    y += 16;

    const double tableTop = y;
    if (painter) {
        painter->save();
        painter->translate(Margin, y);
        renderer.paintHeader(*painter, 0, renderer.contentWidth());
        painter->restore();
    }
    y += renderer.headerHeight();
    if (rowBottoms)
        rowBottoms->push_back(y);
    const NarrativesRenderer::Highlight none;
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        const double h = renderer.rowHeight(row);
        if (painter) {
            painter->save();
            painter->translate(Margin, 0);
            renderer.paintRow(*painter, row, y, 0, renderer.contentWidth(), none);
            painter->restore();
        }
        y += h;
        if (rowBottoms)
            rowBottoms->push_back(y);
    }
    if (painter) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(QPen(theme.grid, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(
            QRectF(Margin - 0.5, tableTop - 0.5, renderer.contentWidth() + 1, y - tableTop + 1));
        painter->restore();
    }
    y += 14;
    y += drawWrapped(painter, narrativesFooter(options.zone), fonts.footer, theme.muted,
                     QPointF(Margin, y), tableWidth);
    return std::ceil(y + Margin);
}

Picture narrativesPicture(const Project &project, const NarrativesTable &table, double width,
                          const NarrativesPictureOptions &options)
{
    width = narrativesPictureWidth(project, table, width, options);
    Picture picture;
    const double height
        = paintNarratives(nullptr, project, table, width, options, &picture.pageBreaks);
    picture.title = options.title.isEmpty() ? narrativesTitle(project) : visibleText(options.title);
    picture.size = QSizeF(width, height);
    const QColor background = NarrativesTheme::from(options.palette).background;
    picture.paint = [&project, &table, width, height, options, background](QPainter &painter) {
        painter.fillRect(QRectF(0, 0, width, height), background);
        paintNarratives(&painter, project, table, width, options);
    };
    return picture;
}

QImage renderNarrativesImage(const Project &project, const NarrativesTable &table, double width,
                             const NarrativesPictureOptions &options, qreal devicePixelRatio)
{
    return pictureImage(narrativesPicture(project, table, width, options), devicePixelRatio);
}

} // namespace claimline
