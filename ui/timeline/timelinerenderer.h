#pragma once

// TimelineRenderer: lays out and paints one frame of the timeline onto any QPainter (the
// widget, an image for export or the benchmark, later SVG and PDF).
//
// Layout walks the lanes in the view's order. For each lane it counts the items in the
// window with binary searches; a lane with few enough items draws each one (a point, or a
// bar for a span, with its uncertain ends faded) and stacks them in rows so that no label
// overlaps another; a crowded lane draws a density band from per-column counts instead. The
// same code serves 20 and 2,000,000 events, and a frame allocates nothing per event: the
// buffers are kept between frames.
//
// The resulting Frame says where everything went, for hit testing, tooltips and tests.
//
// Painting is a series of passes over the frame, back to front (TimelinePasses); the drawing
// pieces the layout and the passes share are in timelinepaint.h.

#include "present/timelinelanes.h"
#include "present/timescale.h"

#include <QFont>
#include <QLineF>
#include <QPainterPath>
#include <QPalette>
#include <QRectF>
#include <QTimeZone>

#include <cstdint>
#include <span>
#include <vector>

class QFontMetricsF;
class QPainter;

namespace claimline {

class Project;

struct TimelineOptions
{
    QTimeZone zone = QTimeZone::utc();
    bool shadeOffHours = true; // weekends (day zoom) and nights (hour zoom)
    bool showRelations = true; // curved arrows from a claim to the claims answering it
    bool showLeaders = true; // a claim's leader to the event it is about
};

struct TimelineFrame
{
    struct LaneBox
    {
        std::size_t lane = 0; // index into TimelineLanes::lanes()
        double top = 0; // in content coordinates (before scrolling)
        double height = 0;
        int rows = 1;
        bool collapsed = false;
        bool density = false;
        std::size_t columnOffset = 0; // into columns, when density
    };
    struct Mark
    {
        QRectF rect; // the glyph (diamond: event, circle: claim), in widget coordinates
        QRectF strip; // for a span: its extent in time, under the label
        QRectF label; // empty when the label did not fit
        std::uint32_t code = 0;
        std::uint32_t laneBox = 0;
        QPointF anchor; // where leaders and arrows attach
        bool bar = false;
    };
    struct Arrow
    {
        QPainterPath path;
        std::uint32_t relation = 0;
    };

    std::vector<LaneBox> lanes;
    std::vector<Mark> marks;
    std::vector<std::uint32_t> marksByCode; // indexes into marks, sorted by code
    // Items of an individually drawn lane that found no free row, counted where they are.
    struct Badge
    {
        double x = 0; // centre, widget coordinates
        std::uint32_t count = 0;
        std::uint32_t laneBox = 0;
        double y = 0; // top of the badge row
    };

    std::vector<Arrow> arrows;
    std::vector<QLineF> leaders;
    std::vector<Badge> badges;
    std::vector<std::uint32_t> columns; // density counts, columnCount per density lane
    std::size_t columnCount = 0;
    std::uint32_t maxColumn = 0;
    QRectF plot; // where time is drawn: right of the lane labels, below the axis
    double contentHeight = 0; // all lanes
    double scrollY = 0;
    std::size_t itemsInView = 0; // items overlapping the window, on shown lanes

    // The mark of an item, or nullptr when it is not drawn individually.
    const Mark *markOf(std::uint32_t code) const;
    QRectF badgeRect(const Badge &badge, const QFontMetricsF &fm) const;
    void clear();
};

struct TimelineMetrics
{
    double labelWidth = 160;
    double axisHeight = 44;
    double rowHeight = 20;
    double lanePadding = 5;
    int maxRows = 10;
    double maxLabelWidth = 260;
    double columnWidth = 2;
    double tickSpacing = 64; // least room between minor tick labels: sets the tick step
};

class TimelineRenderer
{
public:
    struct Input
    {
        const Project *project = nullptr;
        const TimelineLanes *lanes = nullptr;
        TimeScale scale; // its width must be size.width() - labelWidth
        std::span<const std::size_t> order; // lane indexes, top to bottom
        std::span<const char> collapsed; // per lane (may be empty)
        TimelineOptions options;
        std::span<const std::uint32_t> selected; // lane codes (without flags), sorted
        std::span<const std::uint32_t> linked; // counter-claims etc. of the selection, sorted
        std::uint32_t hover = NoIndex; // code under the mouse
        QPalette palette;
        QFont font;
        QSizeF size;
        double scrollY = 0;
        bool exporting = false; // no hover, no selection chrome
    };

    // Metrics for a font (lane label width from the party names).
    static TimelineMetrics metricsFor(const QFont &font, const Project &project);

    void setMetrics(const TimelineMetrics &metrics) { m_metrics = metrics; }
    const TimelineMetrics &metrics() const { return m_metrics; }

    void layout(const Input &input);
    void paint(QPainter &painter, const Input &input) const;
    // Feedback while the user drags, painted over a frame (the view only, never exports).
    // A mark moved in time: the item's marks outlined `dx` pixels from where they are, with a
    // guide down from the axis to the new place.
    void paintMoveGhost(QPainter &painter, const Input &input, std::uint32_t code, double dx) const;
    // An Alt+drag from a claim: a line with a head from `from` to `to`, and a ring around the
    // claim it would link to (`target`, a lane code, or NoIndex).
    void paintLinkBand(QPainter &painter, const Input &input, QPointF from, QPointF to,
                       std::uint32_t target) const;
    const TimelineFrame &frame() const { return m_frame; }

    // The lane content height the input needs (for exports sized to the content).
    double contentHeight() const { return m_frame.contentHeight; }

    // Colours shared with the overview strip and legend.
    static QColor partyColor(const Project &project, std::uint32_t party, const QPalette &palette);

private:
    struct Candidate
    {
        double x0, x1; // extent in time (a span) or of the glyph (a point)
        double glyph; // left of the glyph
        std::uint32_t code;
        bool bar;
    };

    void layoutLane(const Input &input, std::size_t laneIndex, double top);
    void layoutDensity(const Input &input, const TimelineLanes::Lane &lane,
                       TimelineFrame::LaneBox box);
    void collectCandidates(const Input &input, const TimelineLanes::Lane &lane, std::int64_t from,
                           std::int64_t to);
    void placeCandidates(const Input &input, TimelineFrame::LaneBox box);
    void layoutRelations(const Input &input);
    double floatingShift(const Input &input) const;

    TimelineMetrics m_metrics;
    TimelineFrame m_frame;
    std::vector<Candidate> m_candidates; // scratch, kept between frames
    std::vector<std::vector<std::pair<double, double>>> m_rowSpans; // per row, kept between frames
    std::vector<std::size_t> m_laneScratch;
    double m_shift = 0;
};

} // namespace claimline
