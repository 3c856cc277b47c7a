#include "timelinerenderer.h"

#include "project.h"
#include "visibletext.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>

namespace claimline {

namespace {

constexpr double MarkSize = 10.0;
constexpr double StripHeight = 4.0;
constexpr double StripSpace = 6.0; // below the text line of a row, for span strips
constexpr double MinBarWidth = 8.0;
constexpr double LabelGap = 4.0;
constexpr double RowGap = 8.0;
constexpr double BadgeSpan = 24.0; // items closer than this share a "+N" badge
// Calendar days are drawn in the display zone: look this far either side of the window so
// that a shifted day is not missed.
constexpr std::int64_t ZoneMargin = std::int64_t(15) * 3600;

// Okabe–Ito: distinguishable for colour-blind readers; for parties without a colour.
constexpr std::array<QRgb, 8> Fallback {0xE69F00, 0x56B4E9, 0x009E73, 0xD55E00,
                                        0x0072B2, 0xCC79A7, 0xF0E442, 0x999999};

std::uint32_t keyOf(std::uint32_t code)
{
    return code & ~LaneCode::Rejected;
}

const FuzzyTime &timeOf(const Project &project, std::uint32_t code)
{
    const ItemRef item = LaneCode::item(code);
    return item.kind == ItemKind::Claim ? project.claims()[item.index].madeAt
                                        : project.events()[item.index].when;
}

Status statusOf(const Project &project, std::uint32_t code)
{
    const ItemRef item = LaneCode::item(code);
    return item.kind == ItemKind::Claim ? project.claims()[item.index].status
                                        : project.events()[item.index].status;
}

double luminance(const QColor &c)
{
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(alpha));
    return c;
}

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

QString labelText(const Project &project, std::uint32_t code)
{
    const ItemRef item = LaneCode::item(code);
    if (item.kind == ItemKind::Event)
        return visibleText(project.text(project.events()[item.index].title));
    const Claim &claim = project.claims()[item.index];
    QString speaker;
    if (claim.claimant.isValid()) {
        speaker = claim.claimant.isParty
            ? project.text(project.parties()[claim.claimant.index].name)
            : project.text(project.actors()[claim.claimant.index].name);
    }
    const QString statement = project.text(claim.statement);
    return visibleText(speaker.isEmpty() ? statement : speaker + QStringLiteral(": ") + statement);
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

} // namespace

const TimelineFrame::Mark *TimelineFrame::markOf(std::uint32_t code) const
{
    const std::uint32_t key = keyOf(code);
    const auto it = std::lower_bound(
        marksByCode.begin(), marksByCode.end(), key,
        [this](std::uint32_t m, std::uint32_t k) { return keyOf(marks[m].code) < k; });
    if (it == marksByCode.end() || keyOf(marks[*it].code) != key)
        return nullptr;
    return &marks[*it];
}

QRectF TimelineFrame::badgeRect(const Badge &badge, const QFontMetricsF &fm) const
{
    const double w = fm.horizontalAdvance(QStringLiteral("+%1").arg(badge.count)) + 12;
    const double h = fm.height() + 2;
    return {badge.x - w / 2, badge.y + 2, w, h};
}

void TimelineFrame::clear()
{
    lanes.clear();
    marks.clear();
    marksByCode.clear();
    arrows.clear();
    leaders.clear();
    badges.clear();
    columns.clear();
    columnCount = 0;
    maxColumn = 0;
    contentHeight = 0;
    itemsInView = 0;
}

QColor TimelineRenderer::partyColor(const Project &project, std::uint32_t party,
                                    const QPalette &palette)
{
    QColor color = QColor::fromRgb(Fallback[Fallback.size() - 1]);
    if (party < project.parties().size()) {
        const Party &p = project.parties()[party];
        color = p.hasColor ? QColor::fromRgb(QRgb(p.color)) : QColor::fromRgb(Fallback[party % 7]);
    }
    // Keep marks visible on the background: black on a dark theme becomes light grey, white
    // on a light theme dark grey.
    const QColor base = palette.color(QPalette::Base);
    const double contrast = std::abs(luminance(color) - luminance(base));
    if (contrast < 0.22)
        color = luminance(base) < 0.5 ? blend(color, Qt::white, 0.6) : blend(color, Qt::black, 0.5);
    return color;
}

TimelineMetrics TimelineRenderer::metricsFor(const QFont &font, const Project &project)
{
    TimelineMetrics m;
    const QFontMetricsF fm(font);
    m.rowHeight = std::ceil(fm.height()) + 4 + StripSpace;
    m.axisHeight = std::ceil(fm.height()) * 2 + 14;
    double widest = fm.horizontalAdvance(QStringLiteral("No party"));
    for (const Party &party : project.parties())
        widest = std::max(widest, fm.horizontalAdvance(visibleText(project.text(party.name))));
    m.labelWidth = std::clamp(std::ceil(widest) + 40, 120.0, 220.0);
    return m;
}

double TimelineRenderer::floatingShift(const Input &input) const
{
    const double centre = (input.scale.start() + input.scale.end()) / 2;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(std::int64_t(centre), QTimeZone::utc());
    return -double(input.options.zone.offsetFromUtc(at)) / input.scale.secondsPerPixel();
}

void TimelineRenderer::layout(const Input &input)
{
    m_frame.clear();
    m_frame.scrollY = input.scrollY;
    m_frame.plot = QRectF(m_metrics.labelWidth, m_metrics.axisHeight,
                          std::max(1.0, input.size.width() - m_metrics.labelWidth),
                          std::max(1.0, input.size.height() - m_metrics.axisHeight));
    m_frame.columnCount = std::size_t(std::ceil(m_frame.plot.width() / m_metrics.columnWidth));
    m_shift = floatingShift(input);
    double top = 0;
    for (const std::size_t lane : input.order) {
        if (lane >= input.lanes->lanes().size() || input.lanes->lanes()[lane].hidden)
            continue;
        // The lane of items without a party shows only when it has some.
        if (input.lanes->lanes()[lane].party == NoIndex && input.lanes->lanes()[lane].size == 0)
            continue;
        layoutLane(input, lane, top);
        top += m_frame.lanes.back().height;
    }
    m_frame.contentHeight = top;
    m_frame.marksByCode.resize(m_frame.marks.size());
    for (std::uint32_t i = 0; i < m_frame.marks.size(); ++i)
        m_frame.marksByCode[i] = i;
    std::sort(m_frame.marksByCode.begin(), m_frame.marksByCode.end(),
              [this](std::uint32_t a, std::uint32_t b) {
                  return keyOf(m_frame.marks[a].code) < keyOf(m_frame.marks[b].code);
              });
    layoutRelations(input);
}

void TimelineRenderer::layoutLane(const Input &input, std::size_t laneIndex, double top)
{
    const TimelineLanes::Lane &lane = input.lanes->lanes()[laneIndex];
    const TimeScale &scale = input.scale;
    TimelineFrame::LaneBox box;
    box.lane = laneIndex;
    box.top = top;
    box.collapsed = laneIndex < input.collapsed.size() && input.collapsed[laneIndex];

    const std::int64_t from = std::int64_t(std::floor(scale.start())) - ZoneMargin;
    const std::int64_t to = std::int64_t(std::ceil(scale.end())) + ZoneMargin;
    const double width = m_frame.plot.width();
    const std::size_t limit = std::size_t(std::clamp(width / 4.0, 60.0, 600.0));
    // Candidates include items that end before the window (each class looks back by its
    // longest duration): count exactly when that may decide between marks and a band.
    std::size_t candidates = TimelineLanes::countCandidates(lane, from, to);
    if (candidates <= 4 * limit)
        candidates = TimelineLanes::countOverlapping(lane, from, to);
    m_frame.itemsInView += candidates;

    if (box.collapsed || candidates > limit) {
        box.density = true;
        box.height = box.collapsed ? m_metrics.rowHeight
                                   : 2 * m_metrics.rowHeight + 2 * m_metrics.lanePadding;
        box.columnOffset = m_frame.columns.size();
        m_frame.columns.resize(box.columnOffset + m_frame.columnCount, 0);
        const std::span<std::uint32_t> cols(m_frame.columns.data() + box.columnOffset,
                                            m_frame.columnCount);
        TimelineLanes::countStarts(lane, scale.start(),
                                   scale.start()
                                       + double(m_frame.columnCount) * m_metrics.columnWidth
                                           * scale.secondsPerPixel(),
                                   cols);
        for (const std::uint32_t c : cols)
            m_frame.maxColumn = std::max(m_frame.maxColumn, c);
        m_frame.lanes.push_back(box);
        return;
    }

    // Individual marks: extent in pixels, then rows so that labels never overlap.
    const Project &project = *input.project;
    const QFontMetricsF fm(input.font);
    m_candidates.clear();
    TimelineLanes::forEachOverlapping(
        lane, from, to, [&](std::int64_t start, std::int64_t end, std::uint32_t code) {
            const FuzzyTime &time = timeOf(project, code);
            const double shiftStart = time.startPrecision() <= Precision::Day ? m_shift : 0.0;
            const double shiftEnd = time.endPrecision() <= Precision::Day ? m_shift : 0.0;
            double x0 = start == FuzzyTime::OpenStart ? -1e6 : scale.x(double(start)) + shiftStart;
            double x1 = end == FuzzyTime::OpenEnd ? width + 1e6 : scale.x(double(end)) + shiftEnd;
            if (x1 < -MarkSize || x0 > width + MarkSize)
                return;
            Candidate c {};
            c.code = code;
            c.bar = x1 - x0 >= MinBarWidth;
            if (c.bar) {
                // A span: its extent as a strip along the row, the glyph where it enters view.
                c.x0 = std::max(x0, -2 * MarkSize);
                c.x1 = std::min(x1, width + 2 * MarkSize);
                c.glyph = std::max(c.x0, 0.0);
            } else {
                const double centre = (x0 + x1) / 2;
                c.x0 = centre - MarkSize / 2;
                c.x1 = centre + MarkSize / 2;
                c.glyph = c.x0;
            }
            m_candidates.push_back(c);
        });
    // Items that fit in the window are placed first, left to right; spans wider than half the
    // window (background: "2025", "December") take what room is left, so they never crowd
    // out the events of the moment. Selected items go first of all: what the user picked is
    // always drawn.
    const auto rank = [&](const Candidate &c) {
        if (std::binary_search(input.selected.begin(), input.selected.end(), keyOf(c.code)))
            return 0;
        return c.x1 - c.x0 > width / 2 ? 2 : 1;
    };
    std::sort(m_candidates.begin(), m_candidates.end(),
              [&rank](const Candidate &a, const Candidate &b) {
                  const int ra = rank(a);
                  const int rb = rank(b);
                  if (ra != rb)
                      return ra < rb;
                  return a.glyph != b.glyph ? a.glyph < b.glyph : a.code < b.code;
              });

    // What each row holds so far, as [left, right) extents in placement order.
    m_rowSpans.resize(std::size_t(m_metrics.maxRows));
    for (auto &spans : m_rowSpans)
        spans.clear();
    const auto fits = [this](int row, double l, double r) {
        for (const auto &[a, b] : m_rowSpans[std::size_t(row)]) {
            if (l < b + RowGap && a < r + RowGap)
                return false;
        }
        return true;
    };
    int rowsUsed = 1;
    const std::size_t firstBadge = m_frame.badges.size();
    for (const Candidate &c : m_candidates) {
        const double left = std::min(c.x0, c.glyph);
        const double labelStart = c.glyph + MarkSize + LabelGap;
        // The first row with room for the item and its label. Text shaping is the costly part
        // of a crowded frame, so the label is measured once, and only for items that may fit.
        int row = -1;
        double textWidth = 0;
        for (int r = 0; r < m_metrics.maxRows && row < 0; ++r) {
            if (!fits(r, left, std::max(c.x1, labelStart)))
                continue;
            if (textWidth == 0)
                textWidth = std::min(m_metrics.maxLabelWidth,
                                     fm.horizontalAdvance(labelText(project, c.code)));
            if (fits(r, left, std::max(c.x1, labelStart + textWidth)))
                row = r;
        }
        if (row < 0) {
            // Every row is taken here: rather than pile marks on each other, count the item
            // in a "+N" badge under the lane (hover tells, double-click zooms in).
            const double x = m_frame.plot.left() + c.glyph + MarkSize / 2;
            auto badge = std::find_if(
                m_frame.badges.begin() + std::ptrdiff_t(firstBadge), m_frame.badges.end(),
                [x](const TimelineFrame::Badge &b) { return std::abs(b.x - x) < BadgeSpan; });
            if (badge == m_frame.badges.end()) {
                m_frame.badges.push_back({x, 0, std::uint32_t(m_frame.lanes.size())});
                badge = m_frame.badges.end() - 1;
            }
            ++badge->count;
            continue;
        }
        const double labelEnd = labelStart + textWidth;
        m_rowSpans[std::size_t(row)].emplace_back(left, std::max(c.x1, labelEnd));
        rowsUsed = std::max(rowsUsed, row + 1);

        TimelineFrame::Mark mark;
        const double rowTop = m_frame.plot.top() + top - input.scrollY + m_metrics.lanePadding
            + row * m_metrics.rowHeight;
        const double textHeight = m_metrics.rowHeight - StripSpace;
        const double cy = rowTop + textHeight / 2;
        const double plotLeft = m_frame.plot.left();
        mark.rect = QRectF(plotLeft + c.glyph, cy - MarkSize / 2, MarkSize, MarkSize);
        if (c.bar)
            mark.strip = QRectF(plotLeft + c.x0, rowTop + textHeight + 1, c.x1 - c.x0, StripHeight);
        mark.bar = c.bar;
        mark.code = c.code;
        mark.laneBox = std::uint32_t(m_frame.lanes.size());
        mark.anchor = mark.rect.center();
        mark.label = QRectF(plotLeft + labelStart, rowTop, textWidth, textHeight);
        m_frame.marks.push_back(mark);
    }
    // Badges get a row of their own under the marks.
    if (m_frame.badges.size() > firstBadge) {
        const double badgeTop = m_frame.plot.top() + top - input.scrollY + m_metrics.lanePadding
            + rowsUsed * m_metrics.rowHeight;
        for (std::size_t i = firstBadge; i < m_frame.badges.size(); ++i)
            m_frame.badges[i].y = badgeTop;
        ++rowsUsed;
    }
    box.rows = rowsUsed;
    box.height = 2 * m_metrics.lanePadding + rowsUsed * m_metrics.rowHeight;
    m_frame.lanes.push_back(box);
}

void TimelineRenderer::layoutRelations(const Input &input)
{
    const Project &project = *input.project;
    constexpr std::size_t MaxLinked = 4000;
    if (m_frame.marks.size() > MaxLinked)
        return;
    for (const TimelineFrame::Mark &mark : m_frame.marks) {
        if (!LaneCode::isClaim(mark.code))
            continue;
        const std::uint32_t claim = mark.code & LaneCode::IndexMask;
        if (input.options.showLeaders) {
            const std::uint32_t about = project.claims()[claim].about;
            if (about != NoIndex) {
                // The event may sit on several lanes: lead to the nearest of its marks.
                const std::uint32_t key = LaneCode::make({ItemKind::Event, about}, false);
                const TimelineFrame::Mark *best = nullptr;
                auto it = std::lower_bound(m_frame.marksByCode.begin(), m_frame.marksByCode.end(),
                                           key, [this](std::uint32_t m, std::uint32_t k) {
                                               return keyOf(m_frame.marks[m].code) < k;
                                           });
                for (; it != m_frame.marksByCode.end() && keyOf(m_frame.marks[*it].code) == key;
                     ++it) {
                    const TimelineFrame::Mark &candidate = m_frame.marks[*it];
                    if (!best
                        || std::abs(candidate.anchor.y() - mark.anchor.y())
                            < std::abs(best->anchor.y() - mark.anchor.y()))
                        best = &candidate;
                }
                if (best)
                    m_frame.leaders.emplace_back(mark.anchor, best->anchor);
            }
        }
        if (!input.options.showRelations)
            continue;
        for (const std::uint32_t r : project.relationsAnswering(claim)) {
            const Relation &relation = project.relations()[r];
            const TimelineFrame::Mark *answer
                = m_frame.markOf(LaneCode::make({ItemKind::Claim, relation.from}, false));
            if (!answer)
                continue;
            const QPointF a = mark.anchor;
            const QPointF b = answer->anchor;
            const double dx = b.x() - a.x();
            const double lift
                = std::clamp(std::abs(dx) / 3 + std::abs(b.y() - a.y()) / 6, 14.0, 70.0);
            QPainterPath path(a);
            path.cubicTo(QPointF(a.x() + dx / 3, a.y() - lift),
                         QPointF(b.x() - dx / 3, b.y() - lift), b);
            m_frame.arrows.push_back({path, r});
        }
    }
}

void TimelineRenderer::paint(QPainter &painter, const Input &input) const
{
    const Project &project = *input.project;
    const QPalette &pal = input.palette;
    const TimelineFrame &f = m_frame;
    const QRectF all(QPointF(0, 0), input.size);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor window = pal.color(QPalette::Window);
    const QColor windowText = pal.color(QPalette::WindowText);
    const QColor highlight = pal.color(QPalette::Highlight);
    const bool dark = luminance(base) < 0.5;
    const QFontMetricsF fm(input.font);

    painter.save();
    painter.setFont(input.font);
    // Fills and grid lines are axis-aligned: no antialiasing (crisp and several times
    // cheaper). Curves and glyphs turn it on below.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(all, base);

    const AxisTicks ticks = axisTicks(input.scale, input.options.zone, m_metrics.tickSpacing);
    const double left = f.plot.left();
    const auto xOf = [&](double t) {
        return left + input.scale.x(t);
    };

    // --- lane backgrounds, shading, grid -------------------------------------------------
    painter.save();
    painter.setClipRect(f.plot);
    const QColor stripe = blend(base, text, dark ? 0.05 : 0.035);
    for (std::size_t i = 0; i < f.lanes.size(); ++i) {
        const auto &box = f.lanes[i];
        const double y = f.plot.top() + box.top - f.scrollY;
        if (i % 2 == 1)
            painter.fillRect(QRectF(left, y, f.plot.width(), box.height), stripe);
    }
    if (input.options.shadeOffHours) {
        const QColor shade = withAlpha(text, dark ? 0.07 : 0.05);
        const double daySeconds = 86400;
        if (ticks.subDay && ticks.minorStep <= std::int64_t(3) * 3600) {
            // Nights, 18:00 to 06:00 local, around each local midnight.
            for (const AxisTick &midnight : ticks.major)
                painter.fillRect(QRectF(xOf(double(midnight.time) - 6 * 3600), f.plot.top(),
                                        12 * 3600 / input.scale.secondsPerPixel(), f.plot.height()),
                                 shade);
            if (!ticks.major.empty()) {
                const double next = double(ticks.major.back().time) + daySeconds;
                painter.fillRect(QRectF(xOf(next - 6 * 3600), f.plot.top(),
                                        12 * 3600 / input.scale.secondsPerPixel(), f.plot.height()),
                                 shade);
                const double prev = double(ticks.major.front().time) - daySeconds;
                painter.fillRect(QRectF(xOf(prev - 6 * 3600), f.plot.top(),
                                        12 * 3600 / input.scale.secondsPerPixel(), f.plot.height()),
                                 shade);
            }
        } else if (input.scale.span() <= 120 * daySeconds) {
            // Weekends, at day zoom.
            QDate day = QDateTime::fromSecsSinceEpoch(std::int64_t(input.scale.start()),
                                                      input.options.zone)
                            .date();
            for (int i = 0; i < 125; ++i, day = day.addDays(1)) {
                const QDateTime start(day, QTime(0, 0), input.options.zone);
                if (double(start.toSecsSinceEpoch()) > input.scale.end())
                    break;
                if (day.dayOfWeek() < 6)
                    continue;
                const double x0 = xOf(double(start.toSecsSinceEpoch()));
                const double x1 = xOf(double(
                    QDateTime(day.addDays(1), QTime(0, 0), input.options.zone).toSecsSinceEpoch()));
                painter.fillRect(QRectF(x0, f.plot.top(), x1 - x0, f.plot.height()), shade);
            }
        }
    }
    const QColor minorGrid = withAlpha(text, dark ? 0.10 : 0.08);
    const QColor majorGrid = withAlpha(text, dark ? 0.28 : 0.22);
    for (const AxisTick &tick : ticks.minor) {
        const double x = std::round(xOf(double(tick.time))) + 0.5;
        painter.setPen(QPen(minorGrid, 1));
        painter.drawLine(QPointF(x, f.plot.top()), QPointF(x, f.plot.bottom()));
    }
    for (const AxisTick &tick : ticks.major) {
        const double x = std::round(xOf(double(tick.time))) + 0.5;
        painter.setPen(QPen(majorGrid, 1));
        painter.drawLine(QPointF(x, f.plot.top()), QPointF(x, f.plot.bottom()));
    }
    // Lane separators.
    painter.setPen(QPen(withAlpha(text, 0.12), 1));
    for (const auto &box : f.lanes) {
        const double y = std::round(f.plot.top() + box.top + box.height - f.scrollY) - 0.5;
        painter.drawLine(QPointF(left, y), QPointF(f.plot.right(), y));
    }

    // --- density bands ------------------------------------------------------------------
    const double logMax = std::log1p(double(std::max<std::uint32_t>(f.maxColumn, 1)));
    for (const auto &box : f.lanes) {
        if (!box.density)
            continue;
        const double y = f.plot.top() + box.top - f.scrollY;
        if (y > f.plot.bottom() || y + box.height < f.plot.top())
            continue;
        const std::uint32_t party = input.lanes->lanes()[box.lane].party;
        const QColor color = partyColor(project, party, pal);
        const double pad = box.collapsed ? 3 : m_metrics.lanePadding;
        const double bottom = y + box.height - pad;
        const double maxHeight = box.height - 2 * pad;
        // Runs of equal height are one rectangle.
        const QColor fill = withAlpha(color, 0.55);
        std::size_t c = 0;
        while (c < f.columnCount) {
            const std::uint32_t count = f.columns[box.columnOffset + c];
            const int h = count
                ? int(std::lround(std::max(1.5, std::log1p(double(count)) / logMax * maxHeight)))
                : 0;
            std::size_t end = c + 1;
            while (end < f.columnCount) {
                const std::uint32_t next = f.columns[box.columnOffset + end];
                const int nh = next
                    ? int(std::lround(std::max(1.5, std::log1p(double(next)) / logMax * maxHeight)))
                    : 0;
                if (nh != h)
                    break;
                ++end;
            }
            if (h > 0) {
                const double x = left + double(c) * m_metrics.columnWidth;
                painter.fillRect(QRectF(x, bottom - h, double(end - c) * m_metrics.columnWidth, h),
                                 fill);
            }
            c = end;
        }
    }

    // --- leaders and relation arrows, under the marks ------------------------------------
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (!f.leaders.empty()) {
        painter.setPen(QPen(withAlpha(text, dark ? 0.30 : 0.22), 1, Qt::DotLine));
        painter.drawLines(f.leaders.data(), qsizetype(f.leaders.size()));
    }
    for (const TimelineFrame::Arrow &arrow : f.arrows) {
        const Relation &relation = project.relations()[arrow.relation];
        QPen pen = relationPen(relation.kind, dark);
        const bool lit = std::binary_search(input.selected.begin(), input.selected.end(),
                                            LaneCode::make({ItemKind::Claim, relation.from}, false))
            || std::binary_search(input.selected.begin(), input.selected.end(),
                                  LaneCode::make({ItemKind::Claim, relation.to}, false));
        if (lit)
            pen.setWidthF(pen.widthF() + 1.2);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(arrow.path);
        // Head at the answering claim, along the curve's last tangent.
        const QPointF tip = arrow.path.pointAtPercent(1.0);
        const QPointF back = arrow.path.pointAtPercent(0.9);
        const double angle = std::atan2(tip.y() - back.y(), tip.x() - back.x());
        const double size = 7;
        const QPointF t = tip - QPointF(std::cos(angle), std::sin(angle)) * (MarkSize / 2);
        QPolygonF head;
        head << t << t - QPointF(std::cos(angle - 0.45), std::sin(angle - 0.45)) * size
             << t - QPointF(std::cos(angle + 0.45), std::sin(angle + 0.45)) * size;
        painter.setPen(Qt::NoPen);
        painter.setBrush(pen.color());
        if (relation.kind == RelationKind::Corroborates)
            painter.drawEllipse(t, 3.0, 3.0); // support ends in a dot, counters in a head
        else
            painter.drawPolygon(head);
    }

    // --- marks --------------------------------------------------------------------------
    for (const TimelineFrame::Mark &mark : f.marks) {
        if (mark.rect.bottom() < f.plot.top() || mark.rect.top() > f.plot.bottom())
            continue;
        const auto &box = f.lanes[mark.laneBox];
        const QColor color = partyColor(project, input.lanes->lanes()[box.lane].party, pal);
        painter.setOpacity(LaneCode::isRejected(mark.code) ? 0.25 : 1.0);
        const ItemRef item = LaneCode::item(mark.code);
        const Status status = statusOf(project, mark.code);
        if (mark.bar)
            paintBar(painter, timeOf(project, mark.code), mark.strip, color, base,
                     input.scale.secondsPerPixel(), f.plot);
        paintGlyph(painter, item.kind, status, mark.rect, color, base, text);
    }
    painter.setOpacity(1.0);

    // --- labels -------------------------------------------------------------------------
    painter.setPen(text);
    for (const TimelineFrame::Mark &mark : f.marks) {
        if (mark.label.isEmpty() || mark.label.bottom() < f.plot.top()
            || mark.label.top() > f.plot.bottom())
            continue;
        painter.setOpacity(LaneCode::isRejected(mark.code) ? 0.35 : 1.0);
        const QString label = fm.elidedText(labelText(project, mark.code), Qt::ElideRight,
                                            mark.label.width() + 0.5);
        painter.drawText(mark.label, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, label);
    }
    painter.setOpacity(1.0);

    // --- "+N" badges for items without room -------------------------------------------
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const TimelineFrame::Badge &badge : f.badges) {
        const QRectF r = f.badgeRect(badge, fm);
        if (r.bottom() < f.plot.top() || r.top() > f.plot.bottom())
            continue;
        painter.setPen(QPen(withAlpha(text, 0.45), 1));
        painter.setBrush(blend(base, text, 0.08));
        painter.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        painter.setPen(text);
        painter.drawText(r, Qt::AlignCenter, QStringLiteral("+%1").arg(badge.count));
    }

    // --- selection, links and hover -----------------------------------------------------
    if (!input.exporting) {
        painter.setBrush(Qt::NoBrush);
        for (const TimelineFrame::Mark &mark : f.marks) {
            const std::uint32_t key = keyOf(mark.code);
            const bool selected
                = std::binary_search(input.selected.begin(), input.selected.end(), key);
            const bool linked
                = !selected && std::binary_search(input.linked.begin(), input.linked.end(), key);
            const bool hovered = key == input.hover;
            if (!selected && !linked && !hovered)
                continue;
            const QRectF ring = mark.rect.adjusted(-3.5, -3.5, 3.5, 3.5);
            if (selected)
                painter.setPen(QPen(highlight, 2.5));
            else if (linked)
                painter.setPen(QPen(highlight, 1.5, Qt::DashLine));
            else
                painter.setPen(QPen(withAlpha(text, 0.6), 1));
            drawShape(painter, LaneCode::item(mark.code).kind, ring);
            if (mark.bar && selected)
                painter.drawRoundedRect(mark.strip.adjusted(-1.5, -1.5, 1.5, 1.5), 2, 2);
        }
    }
    painter.restore(); // clip
    painter.setRenderHint(QPainter::Antialiasing, false);

    // --- axis ---------------------------------------------------------------------------
    const QRectF axis(0, 0, all.width(), m_metrics.axisHeight);
    painter.fillRect(axis, window);
    const double row = m_metrics.axisHeight / 2;
    painter.save();
    painter.setClipRect(QRectF(left, 0, f.plot.width(), m_metrics.axisHeight));
    painter.setPen(windowText);
    double nextMajorX = f.plot.right() + 1;
    for (std::size_t i = 0; i < ticks.major.size(); ++i) {
        const double x = xOf(double(ticks.major[i].time));
        if (x >= left) {
            nextMajorX = std::min(nextMajorX, x);
            painter.drawLine(QPointF(std::round(x) + 0.5, 2), QPointF(std::round(x) + 0.5, row));
            painter.drawText(QRectF(x + 4, 0, 400, row), Qt::AlignLeft | Qt::AlignVCenter,
                             ticks.major[i].label);
        }
    }
    // The period the window starts in, pinned at the left so the context is always shown.
    for (std::size_t i = ticks.major.size(); i-- > 0;) {
        const double x = xOf(double(ticks.major[i].time));
        if (x < left) {
            const QString label = ticks.major[i].label;
            if (left + 4 + fm.horizontalAdvance(label) + 8 < nextMajorX)
                painter.drawText(QRectF(left + 4, 0, 400, row), Qt::AlignLeft | Qt::AlignVCenter,
                                 label);
            break;
        }
    }
    painter.setPen(withAlpha(windowText, 0.85));
    for (const AxisTick &tick : ticks.minor) {
        const double x = xOf(double(tick.time));
        painter.drawLine(QPointF(std::round(x) + 0.5, row + 2),
                         QPointF(std::round(x) + 0.5, m_metrics.axisHeight));
        painter.drawText(QRectF(x + 3, row, 200, row), Qt::AlignLeft | Qt::AlignVCenter,
                         tick.label);
    }
    painter.restore();
    painter.setPen(withAlpha(windowText, 0.3));
    painter.drawLine(QPointF(0, m_metrics.axisHeight - 0.5),
                     QPointF(all.width(), m_metrics.axisHeight - 0.5));

    // --- lane labels --------------------------------------------------------------------
    const QRectF labels(0, m_metrics.axisHeight, left, f.plot.height());
    painter.fillRect(labels, window);
    painter.setPen(windowText);
    painter.drawText(QRectF(8, 0, left - 12, m_metrics.axisHeight),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     zoneAbbreviation(input.options.zone, std::int64_t(input.scale.start())));
    painter.save();
    painter.setClipRect(labels);
    for (const auto &box : f.lanes) {
        const double y = f.plot.top() + box.top - f.scrollY;
        if (y > f.plot.bottom() || y + box.height < f.plot.top())
            continue;
        const std::uint32_t party = input.lanes->lanes()[box.lane].party;
        const QColor color = partyColor(project, party, pal);
        painter.fillRect(QRectF(0, y + 2, 4, box.height - 4), color);
        const QRectF line(8, y + m_metrics.lanePadding, left - 14, m_metrics.rowHeight);
        // A triangle shows whether the lane is collapsed (click it to toggle).
        QPolygonF triangle;
        const QPointF c(line.left() + 5, line.center().y());
        if (box.collapsed)
            triangle << c + QPointF(-3, -4) << c + QPointF(3, 0) << c + QPointF(-3, 4);
        else
            triangle << c + QPointF(-4, -2.5) << c + QPointF(4, -2.5) << c + QPointF(0, 3);
        painter.setPen(Qt::NoPen);
        painter.setBrush(withAlpha(windowText, 0.6));
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.drawPolygon(triangle);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(windowText);
        const QString name = party == NoIndex
            ? QStringLiteral("No party")
            : visibleText(project.text(project.parties()[party].name));
        const QRectF nameRect = line.adjusted(14, 0, 0, 0);
        painter.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(name, Qt::ElideRight, nameRect.width()));
        if (!box.collapsed && box.height >= 2 * m_metrics.rowHeight) {
            painter.setPen(withAlpha(windowText, 0.65));
            const QString count = QString::number(input.lanes->lanes()[box.lane].size);
            painter.drawText(
                nameRect.translated(0, m_metrics.rowHeight - 2), Qt::AlignLeft | Qt::AlignVCenter,
                count
                    + (input.lanes->lanes()[box.lane].size == 1 ? QStringLiteral(" item")
                                                                : QStringLiteral(" items")));
        }
        painter.setPen(withAlpha(windowText, 0.12));
        painter.drawLine(QPointF(0, std::round(y + box.height) - 0.5),
                         QPointF(left, std::round(y + box.height) - 0.5));
    }
    painter.restore();
    painter.setPen(withAlpha(windowText, 0.3));
    painter.drawLine(QPointF(left - 0.5, 0), QPointF(left - 0.5, all.height()));
    painter.restore();
}

void TimelineRenderer::paintMoveGhost(QPainter &painter, const Input &input, std::uint32_t code,
                                      double dx) const
{
    const TimelineFrame &f = m_frame;
    const QColor highlight = input.palette.color(QPalette::Highlight);
    const QColor base = input.palette.color(QPalette::Base);
    painter.save();
    painter.setClipRect(f.plot.adjusted(0, -m_metrics.axisHeight, 0, 0));
    painter.setRenderHint(QPainter::Antialiasing, true);
    // The same walk as hover: a frame holds at most a few thousand marks, and an event on
    // several lanes has a mark on each, all of which move.
    bool guide = false;
    for (const TimelineFrame::Mark &mark : f.marks) {
        if (keyOf(mark.code) != keyOf(code))
            continue;
        const QRectF rect = mark.rect.translated(dx, 0);
        if (!guide) {
            // Down from the axis, so the new time can be read against the ticks.
            guide = true;
            painter.setPen(QPen(withAlpha(highlight, 0.8), 1, Qt::DashLine));
            const double x = std::round(rect.center().x()) + 0.5;
            painter.drawLine(QPointF(x, f.plot.top() - m_metrics.axisHeight / 2),
                             QPointF(x, rect.top() - 2));
        }
        if (mark.bar) {
            painter.setPen(QPen(highlight, 1.5, Qt::DashLine));
            painter.setBrush(withAlpha(highlight, 0.18));
            painter.drawRoundedRect(mark.strip.translated(dx, 0), 2, 2);
        }
        // From where it was to where it goes, along the bottom of its row (under the labels).
        if (std::abs(dx) > rect.width()) {
            painter.setPen(QPen(withAlpha(highlight, 0.7), 1.5, Qt::DotLine));
            const double y = rect.bottom() + 4;
            painter.drawLine(QPointF(mark.rect.center().x(), y), QPointF(rect.center().x(), y));
        }
        // Opaque, so it reads over other marks, and a size larger than a mark.
        painter.setPen(QPen(highlight, 2));
        painter.setBrush(blend(base, highlight, 0.6));
        drawShape(painter, LaneCode::item(mark.code).kind, rect.adjusted(-2, -2, 2, 2));
    }
    painter.restore();
}

void TimelineRenderer::paintLinkBand(QPainter &painter, const Input &input, QPointF from,
                                     QPointF to, std::uint32_t target) const
{
    const QColor highlight = input.palette.color(QPalette::Highlight);
    painter.save();
    painter.setClipRect(m_frame.plot);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(highlight, 2, Qt::DashLine, Qt::RoundCap));
    painter.drawLine(from, to);
    const QLineF line(to, from);
    if (line.length() > 1) {
        // The head points at the claim being answered.
        const double angle = std::atan2(from.y() - to.y(), from.x() - to.x());
        const double size = 9;
        QPolygonF head;
        head << to << to + QPointF(std::cos(angle - 0.45), std::sin(angle - 0.45)) * size
             << to + QPointF(std::cos(angle + 0.45), std::sin(angle + 0.45)) * size;
        painter.setPen(Qt::NoPen);
        painter.setBrush(highlight);
        painter.drawPolygon(head);
    }
    if (const TimelineFrame::Mark *mark = target != NoIndex ? m_frame.markOf(target) : nullptr) {
        painter.setPen(QPen(highlight, 2.5));
        painter.setBrush(Qt::NoBrush);
        drawShape(painter, ItemKind::Claim, mark->rect.adjusted(-5, -5, 5, 5));
    }
    painter.restore();
}

} // namespace claimline
