#pragma once

// NarrativesTextBlock: plain text laid out in a width with QTextLayout, at most a number of
// lines, the last one shortened with "…" when the text goes on. File text is never markup:
// it is laid out as the characters it is. Copies share the layout (it is immutable once
// made), so cards can be kept in caches cheaply.

#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>

class QColor;
class QFont;
class QPainter;
class QTextLayout;

namespace claimline {

struct NarrativesTextBlock
{
    std::shared_ptr<QTextLayout> layout; // null for empty text
    QString elided; // the last line, shortened
    int elidedLine = -1;
    int lines = 0;
    QPointF pos; // where the first line's top-left goes
    double height = 0;
    double naturalWidth = 0;

    // maxLines 0: as many lines as the text needs.
    static NarrativesTextBlock make(const QString &text, const QFont &font, double width,
                                    int maxLines, QPointF pos = {});
    void draw(QPainter &painter, const QColor &color, QPointF offset = {}) const;
    // What the text covers: its widest line by its lines.
    QRectF rect() const { return QRectF(pos, QSizeF(naturalWidth, height)); }
};

} // namespace claimline
