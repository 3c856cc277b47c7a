#pragma once

// TimelinePasses: the paint passes of one laid-out TimelineFrame, back to front. Made by
// TimelineRenderer::paint() for each paint: the constructor is the layout step of the paint
// (the palette's colours, the axis ticks and the font metrics, computed once), then each pass
// draws one layer: lane backgrounds and grid, density bands, leaders and relation arrows,
// marks, labels, "+N" badges, selection rings, then the axis and the lane labels over the
// plot's edges. The renderer sets up the painter (font, clip) around them.

#include "present/timescale.h"
#include "timeline/timelinerenderer.h"

#include <QColor>
#include <QFontMetricsF>

class QPainter;

namespace claimline {

class Project;

class TimelinePasses
{
public:
    TimelinePasses(QPainter &painter, const TimelineRenderer::Input &input,
                   const TimelineFrame &frame, const TimelineMetrics &metrics);

    // Inside the plot (the renderer clips to it).
    void laneBackgrounds() const; // alternate lanes, nights or weekends, grid, separators
    void periodBands() const; // the periods behind the marks (timelineperiods.cpp)
    void densityBands() const;
    void relations() const; // leaders, then arrows; turns antialiasing on
    void marks() const;
    void labels() const;
    void clusters() const; // "+3 more" chips of items without a row
    void selection() const; // selected, linked and hovered rings (not in exports)
    // Over the plot's edges.
    void axis() const;
    void laneLabels() const;
    void periodHeader() const; // the periods' titles between the axis and the lanes

private:
    double xOf(double t) const { return m_left + m_input.scale.x(t); }
    // An event's parties, a colour chip each, left to right in `area`.
    void partyChips(std::uint32_t event, const QRectF &area) const;
    // A period's band between x0 and x1, from `top` to `bottom`, its ends faded (periodBands()
    // and periodHeader()).
    void fillBand(const TimelineFrame::PeriodBand &band, double top, double bottom,
                  double alpha) const;
    QColor periodTint(int tint) const;
    // A selected item that sits in a cluster: the chip ringed and the item shown above it.
    void clusterCallout(const TimelineFrame::Cluster &cluster, std::uint32_t code) const;

    QPainter &m_painter;
    const TimelineRenderer::Input &m_input;
    const TimelineFrame &m_frame;
    const TimelineMetrics &m_metrics;
    const Project &m_project;
    QColor m_base;
    QColor m_text;
    QColor m_window;
    QColor m_windowText;
    QColor m_highlight;
    bool m_dark = false;
    QFontMetricsF m_fm;
    AxisTicks m_ticks;
    double m_left = 0; // of the plot
};

} // namespace claimline
