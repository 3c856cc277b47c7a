#include "inspector/colorbutton.h"

#include <QColorDialog>
#include <QEvent>
#include <QPainter>
#include <QPixmap>

namespace claimline {

ColorButton::ColorButton(QWidget *parent)
    : QPushButton(parent)
{
    m_choose = [](QWidget *dialogParent, const QColor &initial) -> std::optional<QColor> {
        const QColor color = QColorDialog::getColor(initial.isValid() ? initial : Qt::gray,
                                                    dialogParent, tr("Choose Colour"));
        return color.isValid() ? std::optional<QColor>(color) : std::nullopt;
    };
    connect(this, &QPushButton::clicked, this, &ColorButton::choose);
    setColor({});
}

void ColorButton::setColor(const QColor &color)
{
    m_color = color;
    // The swatch has a frame in the text colour, so a colour close to the button's own
    // (light or dark) still shows where it is.
    const int side = fontMetrics().height();
    QPixmap swatch(side * 2, side);
    swatch.fill(Qt::transparent);
    QPainter painter(&swatch);
    painter.setPen(palette().color(QPalette::ButtonText));
    painter.setBrush(color.isValid() ? QBrush(color) : QBrush(Qt::NoBrush));
    painter.drawRect(QRectF(swatch.rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    if (!color.isValid())
        painter.drawLine(QPointF(0.5, side - 0.5), QPointF(side * 2 - 0.5, 0.5));
    painter.end();
    setIcon(QIcon(swatch));
    setIconSize(swatch.size());
    setText(color.isValid() ? color.name().toUpper() : tr("no colour"));
}

void ColorButton::changeEvent(QEvent *event)
{
    QPushButton::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setColor(m_color); // the swatch's frame follows the text colour
}

void ColorButton::choose()
{
    if (const std::optional<QColor> color = m_choose(this, m_color); color && color->isValid())
        Q_EMIT colorChosen(*color);
}

} // namespace claimline
