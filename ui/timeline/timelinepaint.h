#pragma once

// The drawing pieces the TimelineRenderer's layout (timelinerenderer.cpp) and its paint passes
// (TimelinePasses) share: the size of a mark, what an item's lane code stands for, colour
// mixing, and the glyphs, bars and pens every pass draws with. Internal to ui/timeline; in a
// namespace of its own because the names are short and generic.

#include "model/project.h"
#include "present/timelinelanes.h"

#include <QColor>
#include <QPen>
#include <QRectF>
#include <QString>

#include <cstdint>

class QPainter;

namespace claimline::timelinepaint {

constexpr double MarkSize = 10.0;

// The layout's measures (TimelineRenderer, in timelinerenderer.cpp and timelinerows.cpp).
constexpr double StripHeight = 4.0;
constexpr double StripSpace = 6.0; // below the text line of a row, for span strips
constexpr double MinBarWidth = 8.0;
constexpr double LabelGap = 4.0;
constexpr double RowGap = 8.0;
constexpr double ChipSize = 7.0; // an event's party chip
constexpr double ChipGap = 2.0;
constexpr double ClusterGap = 6.0; // least room between two cluster chips
// A picture has no scroll bar and no chip to click: it grows to this many rows per lane, and
// wraps a label over lines rather than cut it.
constexpr int PictureMaxRows = 80;
constexpr double PictureLabelWidth = 380.0;
constexpr int PictureMaxLines = 4;
constexpr std::size_t MaxChips = 6;
// Calendar days are drawn in the display zone: look this far either side of the window so
// that a shifted day is not missed.
constexpr std::int64_t ZoneMargin = std::int64_t(15) * 3600;

// A lane code without its drawing flags: the same for every mark of an item.
inline std::uint32_t keyOf(std::uint32_t code)
{
    return code & ~LaneCode::Rejected;
}

inline const FuzzyTime &timeOf(const Project &project, std::uint32_t code)
{
    const ItemRef item = LaneCode::item(code);
    return item.kind == ItemKind::Claim ? project.claims()[item.index].madeAt
                                        : project.events()[item.index].when;
}

inline Status statusOf(const Project &project, std::uint32_t code)
{
    const ItemRef item = LaneCode::item(code);
    return item.kind == ItemKind::Claim ? project.claims()[item.index].status
                                        : project.events()[item.index].status;
}

inline double luminance(const QColor &c)
{
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

inline QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

inline QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(alpha));
    return c;
}

// The label of a mark: an event's title, a claim's claimLabel() (present/labels.h). On screen
// (`starMark`) a starred item's label starts with "★ "; a picture, which may be published,
// never carries the analyst's stars.
QString labelText(const Project &project, std::uint32_t code, bool starMark = false);

// Draws the mark of an event (diamond) or a claim (circle) with the current pen and brush.
void drawShape(QPainter &painter, ItemKind kind, const QRectF &r);

// The pen of a relation arrow: colour and dash pattern both tell the kind.
QPen relationPen(RelationKind kind, bool dark);

// A span as a bar along its row, faded over its uncertain ends.
void paintBar(QPainter &painter, const FuzzyTime &time, const QRectF &rect, const QColor &color,
              const QColor &base, double secondsPerPixel, const QRectF &plot);

// The mark of an event or claim, its status shown by shape as well as colour.
void paintGlyph(QPainter &painter, ItemKind kind, Status status, const QRectF &rect,
                const QColor &color, const QColor &base, const QColor &text);

} // namespace claimline::timelinepaint
