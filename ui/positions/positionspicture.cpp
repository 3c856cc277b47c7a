#include "positions/positionspicture.h"

#include "common/colors.h"
#include "common/publicationpalette.h"
#include "export/positionstable.h"
#include "model/project.h"
#include "present/chartdata.h"
#include "text/visibletext.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

namespace claimline {

namespace {

constexpr double Margin = 32;
constexpr double Pad = 10; // inside a cell
constexpr double MinPartyWidth = 150; // a short phrase per line
constexpr double SwatchSide = 11;
constexpr double SwatchGap = 6;
constexpr int Wrap = Qt::TextWordWrap;

// The question column: about a quarter of the table, within what a question needs to read.
double questionWidthFor(double inner)
{
    return std::clamp(inner * 0.28, 180.0, 360.0);
}

double textHeight(const QFont &font, const QString &text, double width)
{
    return std::ceil(QFontMetricsF(font)
                         .boundingRect(QRectF(0, 0, std::max(1.0, width), 1e6), Wrap, text)
                         .height());
}

QFont scaled(const QFont &base, double factor)
{
    QFont font = base;
    if (base.pixelSize() > 0)
        font.setPixelSize(std::max(8, int(std::round(base.pixelSize() * factor))));
    else
        font.setPointSizeF(base.pointSizeF() * factor);
    return font;
}

// Everything the picture shows, measured once: the paint function draws from a copy.
struct Layout
{
    double width = 0;
    double height = 0;
    QFont titleFont, subtitleFont, headerFont, questionFont, cellFont, footerFont;
    QString title, subtitle, footer, empty;
    double subtitleTop = 0, gridTop = 0, footerTop = 0;
    double questionWidth = 0, partyWidth = 0, headerHeight = 0;
    std::vector<QString> parties, questions, cells; // cells: row-major
    std::vector<QColor> swatches;
    std::vector<double> rowBottoms; // the header's, then each row's
    QColor background, text, muted, grid, headerFill, questionFill;

    double tableWidth() const { return questionWidth + partyWidth * double(parties.size()); }
    double columnLeft(std::size_t column) const
    {
        return Margin + questionWidth + partyWidth * double(column);
    }
};

Layout measure(const Project &project, const PositionsTable &table, double width,
               const PositionsPictureOptions &options)
{
    Layout l;
    l.width = positionsPictureWidth(table, width);
    const double inner = l.width - 2 * Margin;
    const QFont &base = options.font;
    l.titleFont = scaled(base, 1.55);
    l.titleFont.setBold(true);
    l.subtitleFont = scaled(base, 1.08);
    l.headerFont = base;
    l.headerFont.setBold(true);
    l.questionFont = base;
    l.questionFont.setWeight(QFont::DemiBold);
    l.cellFont = base;
    l.footerFont = scaled(base, 0.85);

    const QPalette &palette = options.palette;
    l.background = palette.color(QPalette::Base);
    l.text = palette.color(QPalette::Text);
    l.muted = blend(l.text, l.background, 0.38);
    l.grid = blend(l.background, l.text, 0.2);
    l.headerFill = blend(l.background, l.text, 0.07);
    l.questionFill = blend(l.background, l.text, 0.03);

    l.title = options.title.isEmpty() ? positionsTitle(project) : visibleText(options.title);
    l.subtitle = positionsSubtitle();
    l.footer = positionsFooter() + QLatin1Char('\n') + visibleText(chartCredit(project));
    l.empty = positionsEmptyText();

    double y = Margin + textHeight(l.titleFont, l.title, inner) + 4;
    l.subtitleTop = y;
    y += textHeight(l.subtitleFont, l.subtitle, inner) + 16;
    l.gridTop = y;
    if (table.isEmpty()) {
        y += textHeight(l.cellFont, l.empty, inner);
    } else {
        // The question column as wide as the width asked for gives it; a picture widened for
        // its parties gives the room to them.
        l.questionWidth = questionWidthFor(width - 2 * Margin);
        l.partyWidth = (inner - l.questionWidth) / double(table.columnCount());
        const double nameWidth = l.partyWidth - 2 * Pad - SwatchSide - SwatchGap;
        l.headerHeight = textHeight(l.headerFont, QStringLiteral("Question"), l.questionWidth);
        for (int c = 0; c < table.columnCount(); ++c) {
            l.parties.push_back(table.partyName(project, c));
            l.swatches.push_back(partyColor(project, table.party(c), l.background, l.text));
            l.headerHeight
                = std::max(l.headerHeight, textHeight(l.headerFont, l.parties.back(), nameWidth));
        }
        y += l.headerHeight + 2 * Pad;
        l.rowBottoms.push_back(y);
        for (int r = 0; r < table.rowCount(); ++r) {
            l.questions.push_back(table.questionText(project, r));
            double height
                = textHeight(l.questionFont, l.questions.back(), l.questionWidth - 2 * Pad);
            for (int c = 0; c < table.columnCount(); ++c) {
                l.cells.push_back(table.text(project, r, c));
                height = std::max(height,
                                  textHeight(l.cellFont, l.cells.back(), l.partyWidth - 2 * Pad));
            }
            y += height + 2 * Pad;
            l.rowBottoms.push_back(y);
        }
    }
    l.footerTop = y + 14;
    l.height = std::ceil(l.footerTop + textHeight(l.footerFont, l.footer, inner) + Margin);
    return l;
}

void paintGrid(QPainter &painter, const Layout &l)
{
    const double left = Margin;
    const double right = Margin + l.tableWidth();
    const double top = l.gridTop;
    const double bottom = l.rowBottoms.back();
    painter.fillRect(QRectF(left, top, l.tableWidth(), l.rowBottoms.front() - top), l.headerFill);
    painter.fillRect(
        QRectF(left, l.rowBottoms.front(), l.questionWidth, bottom - l.rowBottoms.front()),
        l.questionFill);

    painter.setPen(l.text);
    painter.setFont(l.headerFont);
    painter.drawText(QRectF(left + Pad, top + Pad, l.questionWidth - 2 * Pad, l.headerHeight), Wrap,
                     QStringLiteral("Question"));
    const double swatchTop = top + Pad + (QFontMetricsF(l.headerFont).height() - SwatchSide) / 2;
    for (std::size_t c = 0; c < l.parties.size(); ++c) {
        const double x = l.columnLeft(c) + Pad;
        painter.setPen(QPen(blend(l.swatches[c], l.text, 0.3), 0.75));
        painter.setBrush(l.swatches[c]);
        painter.drawRect(QRectF(x, swatchTop, SwatchSide, SwatchSide));
        painter.setPen(l.text);
        painter.drawText(QRectF(x + SwatchSide + SwatchGap, top + Pad,
                                l.partyWidth - 2 * Pad - SwatchSide - SwatchGap, l.headerHeight),
                         Wrap, l.parties[c]);
    }

    for (std::size_t r = 0; r + 1 < l.rowBottoms.size(); ++r) {
        const double y = l.rowBottoms[r] + Pad;
        const double height = l.rowBottoms[r + 1] - l.rowBottoms[r] - 2 * Pad;
        painter.setFont(l.questionFont);
        painter.drawText(QRectF(left + Pad, y, l.questionWidth - 2 * Pad, height), Wrap,
                         l.questions[r]);
        painter.setFont(l.cellFont);
        for (std::size_t c = 0; c < l.parties.size(); ++c)
            painter.drawText(QRectF(l.columnLeft(c) + Pad, y, l.partyWidth - 2 * Pad, height), Wrap,
                             l.cells[r * l.parties.size() + c]);
    }

    // The rules: round to whole points so that they stay sharp in a PNG.
    painter.setPen(QPen(l.grid, 1));
    painter.setBrush(Qt::NoBrush);
    const auto line = [&painter](double x1, double y1, double x2, double y2) {
        painter.drawLine(QPointF(std::round(x1) + 0.5, std::round(y1) + 0.5),
                         QPointF(std::round(x2) + 0.5, std::round(y2) + 0.5));
    };
    line(left, top, right, top);
    for (const double y : l.rowBottoms)
        line(left, y, right, y);
    line(left, top, left, bottom);
    for (std::size_t c = 0; c < l.parties.size(); ++c)
        line(l.columnLeft(c), top, l.columnLeft(c), bottom);
    line(right, top, right, bottom);
}

void paintLayout(QPainter &painter, const Layout &l)
{
    const double inner = l.width - 2 * Margin;
    painter.fillRect(QRectF(0, 0, l.width, l.height), l.background);
    painter.setPen(l.text);
    painter.setFont(l.titleFont);
    painter.drawText(QRectF(Margin, Margin, inner, l.subtitleTop - Margin), Wrap, l.title);
    painter.setPen(l.muted);
    painter.setFont(l.subtitleFont);
    painter.drawText(QRectF(Margin, l.subtitleTop, inner, l.gridTop - l.subtitleTop), Wrap,
                     l.subtitle);
    if (l.parties.empty()) {
        painter.setFont(l.cellFont);
        painter.drawText(QRectF(Margin, l.gridTop, inner, l.footerTop - l.gridTop), Wrap, l.empty);
    } else {
        paintGrid(painter, l);
    }
    painter.setPen(l.muted);
    painter.setFont(l.footerFont);
    painter.drawText(QRectF(Margin, l.footerTop, inner, l.height - l.footerTop), Wrap, l.footer);
}

} // namespace

PositionsPictureOptions::PositionsPictureOptions()
    : palette(publicationPalette())
{
    font.setPixelSize(13);
}

double positionsPictureWidth(const PositionsTable &table, double width)
{
    const double inner = width - 2 * Margin;
    if (table.isEmpty())
        return std::ceil(width);
    const double questions = questionWidthFor(inner);
    const double needed = questions + MinPartyWidth * table.columnCount();
    return std::ceil(std::max(inner, needed) + 2 * Margin);
}

Picture positionsPicture(const Project &project, const PositionsTable &table, double width,
                         const PositionsPictureOptions &options)
{
    const Layout layout = measure(project, table, width, options);
    Picture picture;
    picture.title = layout.title;
    picture.size = QSizeF(layout.width, layout.height);
    if (!layout.rowBottoms.empty())
        picture.pageBreaks = layout.rowBottoms;
    picture.paint = [layout](QPainter &painter) {
        painter.save();
        paintLayout(painter, layout);
        painter.restore();
    };
    return picture;
}

} // namespace claimline
