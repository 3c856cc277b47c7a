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

#include "present/periodlayout.h"
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
        QRectF label; // the label's box (one or more lines); empty when it has no room
        QString text; // the label as drawn (elided on screen, whole and wrapped in a picture)
        QRectF chips; // an event's parties, a colour chip each, between glyph and label
        std::uint32_t code = 0;
        std::uint32_t laneBox = 0;
        QPointF anchor; // where leaders and arrows attach
        bool bar = false;
        bool wrapped = false; // the label runs over several lines (pictures only)
    };
    struct Arrow
    {
        QPainterPath path;
        std::uint32_t relation = 0;
    };
    // Items of a lane that found no free row at this zoom: a chip under the lane says how
    // many are there; hovering lists them, clicking offers them, double-clicking zooms in
    // until they are laid out.
    struct Cluster
    {
        QRectF rect; // the chip, widget coordinates
        std::uint32_t laneBox = 0;
        std::uint32_t first = 0; // into clusterCodes
        std::uint32_t count = 0;
        double from = 0; // the items' extent in time (UTC seconds), to zoom into
        double to = 0;
    };

    std::vector<LaneBox> lanes;
    std::vector<Mark> marks;
    std::vector<std::uint32_t> marksByCode; // indexes into marks, sorted by code
    std::vector<Cluster> clusters;
    std::vector<std::uint32_t> clusterCodes; // the lane codes of each cluster, in time order
    std::vector<Arrow> arrows;
    // From a claim to the event it is about: drawn for the selected or hovered claim or event
    // only (a fan of them from every claim would hide the lanes).
    struct Leader
    {
        QLineF line;
        std::uint32_t claim = 0; // lane codes without flags
        std::uint32_t event = 0;
    };
    std::vector<Leader> leaders;
    // A period of the project (model.h: Period) in the window: a band behind the lanes and
    // its title in the header between the axis and the lanes (timelineperiods.cpp).
    struct PeriodBand
    {
        std::uint32_t period = 0; // index into Project::periods()
        double x0 = 0, x1 = 0; // its extent in widget coordinates (an open end runs far out)
        double fadeStart = 0, fadeEnd = 0; // pixels each end fades over inwards; 0: hard edge
        QRectF header; // its extent in its header row, within the plot's width
        QRectF title; // the title as drawn; empty when there is no room for it
        QString text; // the title, shortened to its room
        int row = 0;
        int tint = 0; // neighbours in time alternate between two tints
    };
    std::vector<PeriodBand> periods;
    QRectF periodHeader; // the rows of period titles, across the plot's width; empty without
    std::vector<std::uint32_t> columns; // density counts, columnCount per density lane
    std::size_t columnCount = 0;
    std::uint32_t maxColumn = 0;
    QRectF plot; // where time is drawn: right of the lane labels, below the axis
    double contentHeight = 0; // all lanes
    double scrollY = 0;
    std::size_t itemsInView = 0; // items overlapping the window, on shown lanes
    // The shortest axis step the drawn items can support (seconds): a day when every item
    // drawn is dated to the day or less precisely, so the axis never shows hours the data
    // does not have. 0: no limit (a crowded band's items are not inspected one by one).
    std::int64_t finestStep = 0;

    // "+3 more": a cluster's chip.
    static QString clusterLabel(std::size_t count);
    // The mark of an item, or nullptr when it is not drawn individually.
    const Mark *markOf(std::uint32_t code) const;
    // The cluster holding an item, or nullptr.
    const Cluster *clusterOf(std::uint32_t code) const;
    std::span<const std::uint32_t> codesOf(const Cluster &cluster) const
    {
        return {clusterCodes.data() + cluster.first, cluster.count};
    }
    void clear();
};

struct TimelineMetrics
{
    double labelWidth = 160;
    double axisHeight = 44;
    double rowHeight = 20;
    double lanePadding = 5;
    int maxRows = 10; // per lane on screen; a picture grows instead (PictureMaxRows)
    double maxLabelWidth = 260; // on screen (elided beyond); a picture wraps instead
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
        double glyph; // left of the glyph: the earliest place for it
        double glyphMax; // a span's glyph may sit anywhere in it up to here
        std::uint32_t code;
        std::uint32_t turn; // its place among the items of its moment (placement order)
        bool bar;
    };

    void layoutLane(const Input &input, std::size_t laneIndex, double top);
    void layoutDensity(const Input &input, const TimelineLanes::Lane &lane,
                       TimelineFrame::LaneBox box);
    void collectCandidates(const Input &input, const TimelineLanes::Lane &lane, std::int64_t from,
                           std::int64_t to);
    void placeCandidates(const Input &input, TimelineFrame::LaneBox box);
    // Gathers m_overflow into cluster chips in a row at `top`; false when there were none.
    bool placeClusters(const Input &input, double top);
    void layoutRelations(const Input &input);
    // The header's height for the project's periods (0 without), and their bands once the
    // plot is known (timelineperiods.cpp).
    double periodHeaderHeight(const Input &input);
    void layoutPeriods(const Input &input);
    double floatingShift(const Input &input) const;

    TimelineMetrics m_metrics;
    TimelineFrame m_frame;
    std::vector<Candidate> m_candidates; // scratch, kept between frames
    // What a row of a lane holds so far (kept between frames).
    struct RowEntry
    {
        double textLeft, textRight; // glyph, chips and label
        double left, right; // all of it, the strip included
        double stripLeft, stripRight;
        bool strip;
    };
    std::vector<std::vector<RowEntry>> m_rows;
    std::vector<std::pair<double, std::uint32_t>> m_overflow; // x and code of items without a row
    Precision m_finest = Precision::Year; // of the items drawn so far
    bool m_anyDensity = false;
    bool m_anyItem = false;
    std::vector<std::size_t> m_laneScratch;
    std::vector<PeriodPlace> m_periodPlaces; // for this frame's project
    double m_shift = 0;
};

} // namespace claimline
