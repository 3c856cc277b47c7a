#pragma once

// TimeWindow: the stretch of time the views show, and the time zone they show it in.
//
// One TimeWindow is shared, like Selection and Filter: the timeline sets the range as the user
// zooms and pans; its overview strip, the charts (and the map to come) follow it; the window
// sets the display time zone from the project's and the user's choice. No view talks to
// another about time. Setting the value it already has emits nothing, so views that react to
// each other's changes never loop.

#include <QObject>
#include <QTimeZone>

namespace claimline {

class TimeWindow final : public QObject
{
    Q_OBJECT

public:
    explicit TimeWindow(QObject *parent = nullptr);

    // The visible range, [from, to) in seconds UTC (fractional: a view may be zoomed in
    // below a second). Empty (from == to) until a view has laid itself out.
    double from() const { return m_from; }
    double to() const { return m_to; }
    bool hasRange() const { return m_to > m_from; }
    // Sets the range; a range that is empty or backwards is ignored.
    void setRange(double from, double to);
    // Forgets the range (a new project: the views fit themselves to it again).
    void clearRange();

    // The zone times of day are shown in (default UTC).
    const QTimeZone &zone() const { return m_zone; }
    void setZone(const QTimeZone &zone);

Q_SIGNALS:
    void rangeChanged(double from, double to);
    void zoneChanged(const QTimeZone &zone);

private:
    double m_from = 0;
    double m_to = 0;
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace claimline
