#include "positions/positionsheader.h"

#include "positions/positionsdelegate.h"
#include "positions/positionsmodel.h"

#include <QPainter>
#include <QStyleOptionHeader>

#include <algorithm>

namespace claimline {

namespace {

constexpr int Margin = 6; // around the text, as the style's header margin is
constexpr int VerticalPadding = PositionsDelegate::VerticalPadding; // as the cells have
constexpr int SwatchGap = 6;
constexpr Qt::Alignment TextFlags = Qt::AlignLeft | Qt::AlignVCenter;

} // namespace

PositionsHeader::PositionsHeader(Qt::Orientation orientation, QWidget *parent)
    : QHeaderView(orientation, parent)
{
    setDefaultAlignment(TextFlags);
    setTextElideMode(Qt::ElideNone);
}

void PositionsHeader::setTextWidth(int width)
{
    const int headerWidth = width + 2 * Margin;
    if (width == m_textWidth && minimumWidth() == headerWidth)
        return;
    m_textWidth = width;
    // The table view sizes its headers from their minimum and maximum: a fixed width holds
    // whatever the cached size hint says. geometriesChanged() makes the view lay out again.
    setFixedWidth(headerWidth);
    Q_EMIT geometriesChanged();
    viewport()->update();
}

void PositionsHeader::fitHeight()
{
    const int height = neededHeight();
    if (minimumHeight() == height && maximumHeight() == height)
        return;
    setFixedHeight(height);
    Q_EMIT geometriesChanged();
}

QRect PositionsHeader::textRect(const QRect &section) const
{
    QRect rect = section.adjusted(Margin, VerticalPadding / 2, -Margin, -VerticalPadding / 2);
    if (orientation() == Qt::Horizontal)
        rect.setLeft(rect.left() + fontMetrics().height() * 3 / 4 + SwatchGap);
    return rect;
}

int PositionsHeader::wrappedHeight(int logicalIndex, int sectionWidth) const
{
    if (!model())
        return 0;
    const QString text = model()->headerData(logicalIndex, orientation()).toString();
    const QRect room = textRect(QRect(0, 0, sectionWidth, 100000));
    const QRect used = fontMetrics().boundingRect(room, int(TextFlags | Qt::TextWordWrap), text);
    return used.height() + VerticalPadding + 2;
}

int PositionsHeader::neededHeight() const
{
    int height = fontMetrics().height() + VerticalPadding + 2;
    for (int i = 0; i < count(); ++i)
        height = std::max(height, wrappedHeight(i, sectionSize(i)));
    return height;
}

void PositionsHeader::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    // The text (and the swatch) are painted in paintSection(), wrapped: the style would cut
    // a long question or party name.
    option->text.clear();
    option->icon = QIcon();
}

void PositionsHeader::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    QHeaderView::paintSection(painter, rect, logicalIndex);
    if (!model() || !rect.isValid())
        return;
    painter->save();
    // The style leaves the clip as it found it, which may be "nothing" (an empty region)
    // when the header painted without one: paint in the section.
    painter->setClipRect(rect);
    const QRect text = textRect(rect);
    if (orientation() == Qt::Horizontal) {
        const QColor swatch
            = model()
                  ->headerData(logicalIndex, Qt::Horizontal, PositionsModel::SwatchRole)
                  .value<QColor>();
        const int side = fontMetrics().height() * 3 / 4;
        const QRect box(text.left() - SwatchGap - side, rect.center().y() - side / 2, side, side);
        painter->setPen(QPen(palette().color(QPalette::ButtonText), 0.5));
        painter->setBrush(swatch);
        painter->drawRect(box);
    }
    painter->setPen(palette().color(QPalette::ButtonText));
    painter->drawText(text, int(TextFlags | Qt::TextWordWrap),
                      model()->headerData(logicalIndex, orientation()).toString());
    painter->restore();
}

QSize PositionsHeader::sectionSizeFromContents(int logicalIndex) const
{
    if (orientation() == Qt::Vertical) {
        const int width = m_textWidth + 2 * Margin;
        return {width, wrappedHeight(logicalIndex, width)};
    }
    QSize size = QHeaderView::sectionSizeFromContents(logicalIndex);
    size.setHeight(std::max(size.height(), wrappedHeight(logicalIndex, sectionSize(logicalIndex))));
    return size;
}

} // namespace claimline
