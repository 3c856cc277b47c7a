// The project's periods on the timeline (model.h: Period): a quiet band of colour behind the
// lanes over the time each one covers, and its title in a header of its own between the axis
// and the lanes, so that a title never lies over a mark or a lane label at any zoom. Which row
// a title takes and how far an end fades are core/present/periodlayout.h's; here they become
// pixels (TimelineRenderer's layout) and paint (TimelinePasses).

#include "model/project.h"
#include "text/visibletext.h"
#include "timeline/timelinepaint.h"
#include "timeline/timelinepasses.h"
#include "timeline/timelinerenderer.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace claimline {

using namespace timelinepaint;

namespace {

// Room around a title in its header row.
constexpr double TitleInset = 6.0;
constexpr double RowSpace = 6.0; // above and below the text of a row, together
// A band narrower than this still shows (a day at a zoom of years).
constexpr double MinBandWidth = 2.0;

double rowHeight(const QFont &font)
{
    return std::ceil(QFontMetricsF(font).height()) + RowSpace;
}

} // namespace

double TimelineRenderer::periodHeaderHeight(const Input &input)
{
    m_periodPlaces.clear();
    if (input.project->periods().empty())
        return 0;
    m_periodPlaces = periodPlaces(*input.project);
    const int rows = periodRowCount(m_periodPlaces);
    return rows > 0 ? rows * rowHeight(input.font) + 2 : 0;
}

void TimelineRenderer::layoutPeriods(const Input &input)
{
    const int rows = periodRowCount(m_periodPlaces);
    if (rows == 0)
        return;
    const QRectF &plot = m_frame.plot;
    const double rowH = rowHeight(input.font);
    m_frame.periodHeader = QRectF(plot.left(), m_metrics.axisHeight, plot.width(), rows * rowH + 2);
    const TimeScale &scale = input.scale;
    const std::vector<Period> &periods = input.project->periods();
    for (std::uint32_t i = 0; i < periods.size(); ++i) {
        const PeriodPlace &place = m_periodPlaces[i];
        if (place.row < 0)
            continue;
        const FuzzyTime &when = periods[i].when;
        // Calendar days stay on their day in every display zone, as the items' do.
        const double shiftStart = when.startPrecision() <= Precision::Day ? m_shift : 0.0;
        const double shiftEnd = when.endPrecision() <= Precision::Day ? m_shift : 0.0;
        TimelineFrame::PeriodBand band;
        band.period = i;
        band.row = place.row;
        band.tint = place.order % 2;
        band.x0 = when.isOpenStart() ? plot.left() - 1e6
                                     : plot.left() + scale.x(double(when.start())) + shiftStart;
        band.x1 = when.isOpenEnd() ? plot.right() + 1e6
                                   : plot.left() + scale.x(double(when.end())) + shiftEnd;
        if (band.x1 - band.x0 < MinBandWidth) {
            const double centre = (band.x0 + band.x1) / 2;
            band.x0 = centre - MinBandWidth / 2;
            band.x1 = centre + MinBandWidth / 2;
        }
        if (band.x1 < plot.left() || band.x0 > plot.right())
            continue;
        const PeriodFades fades = periodFades(when);
        const double half = (band.x1 - band.x0) / 2;
        band.fadeStart = std::min(half, double(fades.start) / scale.secondsPerPixel());
        band.fadeEnd = std::min(half, double(fades.end) / scale.secondsPerPixel());
        const double rowTop = m_metrics.axisHeight + 1 + band.row * rowH;
        band.header = QRectF(QPointF(std::max(band.x0, plot.left()), rowTop + 1),
                             QPointF(std::min(band.x1, plot.right()), rowTop + rowH - 1));
        m_frame.periods.push_back(band);
    }
    // Titles left to right in each row; each may run past its band (a day at a zoom of months
    // is a sliver) up to the next title of its row, and is shortened to the room it has. The
    // last of a row, near the plot's right edge, moves left to be whole when there is room
    // there (as an item's label near the edge goes left of its mark).
    std::sort(m_frame.periods.begin(), m_frame.periods.end(),
              [](const TimelineFrame::PeriodBand &a, const TimelineFrame::PeriodBand &b) {
                  return a.row != b.row ? a.row < b.row : a.header.left() < b.header.left();
              });
    const QFontMetricsF fm(input.font);
    const double least = fm.horizontalAdvance(QStringLiteral("Mm…"));
    double rowEnd = plot.left(); // right of the previous title in the row
    for (std::size_t i = 0; i < m_frame.periods.size(); ++i) {
        TimelineFrame::PeriodBand &band = m_frame.periods[i];
        if (i == 0 || m_frame.periods[i - 1].row != band.row)
            rowEnd = plot.left();
        const bool lastInRow
            = i + 1 == m_frame.periods.size() || m_frame.periods[i + 1].row != band.row;
        const double right = lastInRow ? plot.right() : m_frame.periods[i + 1].header.left();
        const QString title = visibleText(input.project->text(periods[band.period].title));
        const double whole = fm.horizontalAdvance(title);
        double left = band.header.left() + TitleInset;
        if (lastInRow && left + whole > right - TitleInset)
            left = std::max(
                {rowEnd + TitleInset, right - TitleInset - whole, plot.left() + TitleInset});
        left = std::min(left, band.header.left() + TitleInset);
        const double room = right - TitleInset - left;
        if (room < least)
            continue;
        band.text = fm.elidedText(title, Qt::ElideRight, room);
        band.title = QRectF(left, band.header.top(), fm.horizontalAdvance(band.text),
                            band.header.height());
        rowEnd = band.title.right();
    }
}

// Two tints of the theme's highlight, so that neighbouring periods tell apart; the bands are
// translucent over the lanes' own stripes and grid, which stay visible through them.
QColor TimelinePasses::periodTint(int tint) const
{
    if (tint == 0)
        return m_highlight;
    float hue = 0;
    float saturation = 0;
    float lightness = 0;
    m_highlight.getHslF(&hue, &saturation, &lightness);
    return QColor::fromHslF(std::fmod(std::max(hue, 0.0f) + 0.12f, 1.0f), saturation * 0.8f,
                            lightness);
}

// The band's solid middle as one rectangle and each faded end as steps of falling opacity:
// constant opacities, which PDF and SVG render as the screen does (a gradient with
// translucent stops becomes a soft mask that viewers and printers render unevenly).
void TimelinePasses::fillBand(const TimelineFrame::PeriodBand &band, double top, double bottom,
                              double alpha) const
{
    const QColor color = periodTint(band.tint);
    const double height = bottom - top;
    const double solidLeft = band.x0 + band.fadeStart;
    const double solidRight = band.x1 - band.fadeEnd;
    const double visibleLeft = std::max(solidLeft, m_left - 1);
    const double visibleRight = std::min(solidRight, m_frame.plot.right() + 1);
    if (visibleRight > visibleLeft)
        m_painter.fillRect(QRectF(visibleLeft, top, visibleRight - visibleLeft, height),
                           withAlpha(color, alpha));
    const auto fade = [&](double from, double width, bool rising) {
        if (width <= 0)
            return;
        const int steps = std::clamp(int(width / 3), 1, 24);
        const double step = width / steps;
        for (int s = 0; s < steps; ++s) {
            const double x = from + s * step;
            if (x + step < m_left || x > m_frame.plot.right())
                continue;
            const double share = (rising ? s + 0.5 : steps - s - 0.5) / steps;
            m_painter.fillRect(QRectF(x, top, step, height), withAlpha(color, alpha * share));
        }
    };
    fade(band.x0, band.fadeStart, true);
    fade(solidRight, band.fadeEnd, false);
}

void TimelinePasses::periodBands() const
{
    if (m_frame.periods.empty())
        return;
    // Quiet: the lanes' stripes, grid and labels stay what the eye reads first.
    const double fill = m_dark ? 0.09 : 0.075;
    const double edge = m_dark ? 0.55 : 0.4;
    const double top = m_frame.plot.top();
    const double bottom = m_frame.plot.bottom();
    for (const TimelineFrame::PeriodBand &band : m_frame.periods) {
        fillBand(band, top, bottom, fill);
        // An exact end is a line; a fuzzy one has only its fade, so it never looks exact.
        m_painter.setPen(QPen(withAlpha(periodTint(band.tint), edge), 1));
        if (band.fadeStart == 0 && band.x0 >= m_left)
            m_painter.drawLine(QPointF(std::round(band.x0) + 0.5, top),
                               QPointF(std::round(band.x0) + 0.5, bottom));
        if (band.fadeEnd == 0 && band.x1 <= m_frame.plot.right())
            m_painter.drawLine(QPointF(std::round(band.x1) - 0.5, top),
                               QPointF(std::round(band.x1) - 0.5, bottom));
    }
}

void TimelinePasses::periodHeader() const
{
    const QRectF &header = m_frame.periodHeader;
    if (header.isEmpty())
        return;
    m_painter.save();
    // Opaque: lanes scrolled up pass under it, as under the axis.
    m_painter.fillRect(QRectF(0, header.top(), m_left, header.height()), m_window);
    m_painter.fillRect(header, m_base);
    m_painter.setPen(withAlpha(m_windowText, 0.65));
    m_painter.drawText(QRectF(8, header.top(), m_left - 14, m_fm.height() + 6),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       QCoreApplication::translate("claimline::TimelinePasses", "Periods"));
    m_painter.setClipRect(header);
    const double fill = m_dark ? 0.26 : 0.2;
    for (const TimelineFrame::PeriodBand &band : m_frame.periods)
        fillBand(band, band.header.top(), band.header.bottom(), fill);
    m_painter.setPen(m_text);
    for (const TimelineFrame::PeriodBand &band : m_frame.periods) {
        if (!band.title.isEmpty())
            m_painter.drawText(band.title.adjusted(0, 0, 2, 0),
                               Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, band.text);
    }
    m_painter.restore();
    m_painter.setPen(withAlpha(m_windowText, 0.3));
    m_painter.drawLine(QPointF(0, header.bottom() - 0.5),
                       QPointF(m_input.size.width(), header.bottom() - 0.5));
}

} // namespace claimline
