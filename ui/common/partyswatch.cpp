#include "common/partyswatch.h"

#include "common/colors.h"

#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace claimline {

QIcon partySwatch(const Project &project, std::uint32_t party, const QPalette &palette)
{
    const QColor fill
        = partyColor(project, party, palette.color(QPalette::Base), palette.color(QPalette::Text));
    QColor border = palette.color(QPalette::Text);
    border.setAlphaF(0.45F);
    const qreal ratio = 2.0; // sharp on high-density screens; scaled down elsewhere
    QPixmap pixmap(QSize(12, 12) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(border, 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 11, 11), 2.5, 2.5);
    return QIcon(pixmap);
}

} // namespace claimline
