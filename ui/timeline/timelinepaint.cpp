#include "timeline/timelinepaint.h"

#include "annotation/itemlayer.h"
#include "present/labels.h"
#include "text/visibletext.h"

#include <QLinearGradient>
#include <QPainter>

#include <algorithm>

namespace claimline::timelinepaint {

namespace {

// Uncertainty of one end: the length of its unit, wider when approximate or uncertain.
double endBlur(Precision precision, bool fuzzy)
{
    double seconds = 0;
    switch (precision) {
    case Precision::Year:
        seconds = 365.0 * 86400;
        break;
    case Precision::Month:
        seconds = 30.0 * 86400;
        break;
    case Precision::Day:
        seconds = 86400;
        break;
    case Precision::Minute:
        seconds = 60;
        break;
    case Precision::Second:
        seconds = 1;
        break;
    }
    return fuzzy ? seconds * 2 : seconds;
}

} // namespace

QString labelText(const Project &project, std::uint32_t code, bool starMark)
{
    const ItemRef item = LaneCode::item(code);
    const bool starred = layerOf(project, item).starred;
    QString label = item.kind == ItemKind::Event
        ? visibleText(project.text(project.events()[item.index].title))
        : claimLabel(project, item.index);
    return starMark && starred ? QStringLiteral("\u2605 ") + label : label;
}

// Draws the mark of an event (diamond) or a claim (circle) with the current pen and brush.
// No allocation: a frame may hold thousands of marks.
void drawShape(QPainter &painter, ItemKind kind, const QRectF &r)
{
    if (kind == ItemKind::Claim) {
        painter.drawEllipse(r);
        return;
    }
    const QPointF c = r.center();
    const QPointF points[4]
        = {{c.x(), r.top()}, {r.right(), c.y()}, {c.x(), r.bottom()}, {r.left(), c.y()}};
    painter.drawConvexPolygon(points, 4);
}

QPen relationPen(RelationKind kind, bool dark)
{
    // Colour and dash pattern both tell the kind: readable in greyscale and for colour-blind
    // readers.
    switch (kind) {
    case RelationKind::Denies:
        return QPen(QColor(0xD5, 0x5E, 0x00), 1.6, Qt::SolidLine, Qt::RoundCap);
    case RelationKind::Disputes:
        return QPen(QColor(0xE6, 0x9F, 0x00), 1.6, Qt::DashLine, Qt::RoundCap);
    case RelationKind::Rebuts:
        return QPen(QColor(0xCC, 0x79, 0xA7), 2.6, Qt::SolidLine, Qt::RoundCap);
    case RelationKind::Qualifies:
        return QPen(dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2), 1.6, Qt::DotLine,
                    Qt::RoundCap);
    case RelationKind::Corroborates:
        return QPen(QColor(0x00, 0x9E, 0x73), 1.6, Qt::DashDotLine, Qt::RoundCap);
    }
    return QPen();
}

// A span: solid where the time is known, fading over each uncertain end. A single imprecise
// time ("Dec 2025", "2025-12-29?") is uncertain over its whole width: a pale strip, dotted
// when approximate or uncertain, so that it never looks exact.
// The fades are opaque colours mixed with the background rather than translucent ones: PDF
// has no per-stop opacity (Qt emulates it with a soft mask that viewers and printers render
// unevenly, often as a solid bar), and on the lane background they look the same.
void paintBar(QPainter &painter, const FuzzyTime &time, const QRectF &rect, const QColor &color,
              const QColor &base, double secondsPerPixel, const QRectF &plot)
{
    const auto tint = [&](double alpha) {
        return blend(base, color, alpha);
    };
    const bool fuzzy = time.isApproximate() || time.isUncertain();
    if (rect.left() < plot.left() && rect.right() > plot.right()) {
        // Both ends out of view: no fade to show, a plain fill is the same picture.
        painter.setPen(Qt::NoPen);
        painter.setBrush(tint(fuzzy || !time.isInterval() ? 0.35 : 0.8));
        painter.drawRect(rect);
        return;
    }
    const double width = std::max(rect.width(), 1.0);
    QLinearGradient gradient(rect.topLeft(), rect.topRight());
    if (!time.isInterval()) {
        gradient.setColorAt(0, tint(0.10));
        gradient.setColorAt(0.5, tint(time.isPrecise() ? 0.55 : 0.38));
        gradient.setColorAt(1, tint(0.10));
    } else {
        const double startBlur = time.isOpenStart()
            ? width / 2
            : std::min(width / 2, endBlur(time.startPrecision(), fuzzy) / secondsPerPixel);
        const double endBlurPx = time.isOpenEnd()
            ? width / 2
            : std::min(width / 2, endBlur(time.endPrecision(), fuzzy) / secondsPerPixel);
        gradient.setColorAt(0, tint(0.12));
        gradient.setColorAt(std::clamp(startBlur / width, 0.0, 0.5), tint(0.8));
        gradient.setColorAt(std::clamp(1 - endBlurPx / width, 0.5, 1.0), tint(0.8));
        gradient.setColorAt(1, tint(0.12));
    }
    painter.setPen(fuzzy ? QPen(withAlpha(color, 0.8), 1, Qt::DotLine) : QPen(Qt::NoPen));
    painter.setBrush(gradient);
    painter.drawRoundedRect(rect, 2, 2);
}

// The mark of an event (diamond) or claim (circle). Status shows by shape as well as colour:
// unverified is hollow, corroborated solid, disputed half-filled, refuted crossed out,
// retracted struck through and grey.
void paintGlyph(QPainter &painter, ItemKind kind, Status status, const QRectF &rect,
                const QColor &color, const QColor &base, const QColor &text)
{
    const auto shape = [&] {
        drawShape(painter, kind, rect);
    };
    switch (status) {
    case Status::Corroborated:
        painter.setPen(QPen(color.darker(150), 1));
        painter.setBrush(color);
        shape();
        return;
    case Status::Disputed: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(base);
        shape();
        painter.save();
        painter.setClipRect(QRectF(rect.left(), rect.top(), rect.width() / 2, rect.height()),
                            Qt::IntersectClip);
        painter.setBrush(color);
        shape();
        painter.restore();
        painter.setPen(QPen(color, 1.6));
        painter.setBrush(Qt::NoBrush);
        shape();
        return;
    }
    case Status::Refuted: {
        painter.setPen(QPen(color, 1.6));
        painter.setBrush(base);
        shape();
        const QRectF r = rect.adjusted(2.5, 2.5, -2.5, -2.5);
        painter.setPen(QPen(text, 1.6, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(r.topLeft(), r.bottomRight());
        painter.drawLine(r.topRight(), r.bottomLeft());
        return;
    }
    case Status::Retracted: {
        const QColor grey = blend(color, base, 0.5);
        painter.setPen(QPen(grey, 1.4, Qt::DotLine));
        painter.setBrush(base);
        shape();
        painter.setPen(QPen(text, 1.4, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(rect.bottomLeft(), rect.topRight());
        return;
    }
    case Status::Unverified:
        break;
    }
    painter.setPen(QPen(color, 1.8));
    painter.setBrush(base);
    shape();
}

} // namespace claimline::timelinepaint
