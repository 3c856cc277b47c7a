#pragma once

// TimeScale: the mapping between time (seconds since the epoch, UTC) and horizontal pixels
// of the timeline, and the axis ticks for it in a display time zone.
//
// The visible window is [start, start + width * secondsPerPixel). Zooming keeps the time
// under a given x fixed; zoom is bounded so that the window spans between ten minutes and
// four hundred years.

#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <vector>

namespace claimline {

class TimeScale
{
public:
    static constexpr double MinSpan = 10.0 * 60.0; // ten minutes
    static constexpr double MaxSpan = 400.0 * 365.2425 * 86400.0; // four centuries

    void setWidth(double width);
    double width() const { return m_width; }

    double start() const { return m_start; }
    double end() const { return m_start + m_width * m_secondsPerPixel; }
    double span() const { return m_width * m_secondsPerPixel; }
    double secondsPerPixel() const { return m_secondsPerPixel; }

    double x(double seconds) const { return (seconds - m_start) / m_secondsPerPixel; }
    double time(double x) const { return m_start + x * m_secondsPerPixel; }

    // Shows [from, to) across the width (bounded as above, centred on the range).
    void setRange(double from, double to);
    // Multiplies the span by 1/factor, keeping the time at x where it is.
    void zoomAt(double x, double factor);
    // Moves the window by dx pixels (positive: later times come into view).
    void panBy(double dx);
    void centerOn(double seconds);

    friend bool operator==(const TimeScale &, const TimeScale &) = default;

private:
    double m_width = 1000.0;
    double m_start = 0.0;
    double m_secondsPerPixel = 86400.0;
};

// One tick of the time axis.
struct AxisTick
{
    std::int64_t time = 0; // UTC seconds
    QString label;
};

// Axis ticks for the window: minor ticks at a step chosen so that labels are at least
// `minSpacing` pixels apart (minutes to centuries), and major ticks at the next coarser unit
// with a context label ("Mon 29 Dec 2025", "Dec 2025", "2025"). Ticks fall on round times in
// the zone (midnight, the hour, the first of the month).
struct AxisTicks
{
    std::vector<AxisTick> minor;
    std::vector<AxisTick> major;
    // The length of one minor step in seconds (approximate for months and years): the
    // precision to which the zoom resolves time.
    std::int64_t minorStep = 0;
    // True when the minor step is shorter than a day (hours or minutes).
    bool subDay = false;
};

//
// `finestStep` (seconds) is the shortest step the data supports: with every item dated to the
// day, 86400, and the axis shows days however far it is zoomed in, never hours the data does
// not have. 0: no limit.
AxisTicks axisTicks(const TimeScale &scale, const QTimeZone &zone, double minSpacing,
                    std::int64_t finestStep = 0);

// "29 Dec 2025, 14:05 MSK" style text for an instant in the zone, at a precision that suits
// the zoom (seconds per pixel).
QString formatInstant(std::int64_t utcSeconds, const QTimeZone &zone, double secondsPerPixel);

// Short name of a zone for labels: "UTC", "MSK", "EET", or the IANA id.
QString zoneAbbreviation(const QTimeZone &zone, std::int64_t atUtcSeconds);

} // namespace claimline
