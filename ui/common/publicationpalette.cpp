#include "common/publicationpalette.h"

#include <QColor>

namespace claimline {

QPalette publicationPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xf3, 0xf3, 0xf3));
    palette.setColor(QPalette::WindowText, QColor(0x1a, 0x1a, 0x1a));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7));
    palette.setColor(QPalette::Text, QColor(0x1a, 0x1a, 0x1a));
    palette.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xd1));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

} // namespace claimline
