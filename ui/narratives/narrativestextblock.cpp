#include "narratives/narrativestextblock.h"

#include <QColor>
#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace claimline {

NarrativesTextBlock NarrativesTextBlock::make(const QString &text, const QFont &font, double width,
                                              int maxLines, QPointF pos)
{
    NarrativesTextBlock block;
    block.pos = pos;
    if (text.isEmpty())
        return block;
    width = std::max(width, 8.0);
    block.layout = std::make_shared<QTextLayout>(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    block.layout->setTextOption(option);
    block.layout->setCacheEnabled(true);
    block.layout->beginLayout();
    double y = 0;
    while (true) {
        QTextLine line = block.layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        ++block.lines;
        block.naturalWidth = std::max(block.naturalWidth, line.naturalTextWidth());
        if (maxLines > 0 && block.lines == maxLines) {
            if (line.textStart() + line.textLength() < text.size()) {
                block.elidedLine = block.lines - 1;
                block.elided = QFontMetricsF(font).elidedText(text.mid(line.textStart()),
                                                              Qt::ElideRight, width);
                block.naturalWidth = width;
            }
            break;
        }
    }
    block.layout->endLayout();
    block.height = std::ceil(y);
    return block;
}

void NarrativesTextBlock::draw(QPainter &painter, const QColor &color, QPointF offset) const
{
    if (!layout)
        return;
    painter.setPen(color);
    const QPointF origin = pos + offset;
    for (int i = 0; i < lines; ++i) {
        const QTextLine line = layout->lineAt(i);
        if (i == elidedLine) {
            painter.setFont(layout->font());
            painter.drawText(origin + QPointF(line.x(), line.y() + line.ascent()), elided);
        } else {
            line.draw(&painter, origin);
        }
    }
}

} // namespace claimline
