#include "document/timewindow.h"

namespace claimline {

TimeWindow::TimeWindow(QObject *parent)
    : QObject(parent)
{ }

void TimeWindow::setRange(double from, double to)
{
    // NaN compares false both ways: refused here too.
    if (!(to > from) || (from == m_from && to == m_to))
        return;
    m_from = from;
    m_to = to;
    Q_EMIT rangeChanged(from, to);
}

void TimeWindow::clearRange()
{
    if (!hasRange())
        return;
    m_from = m_to = 0;
    Q_EMIT rangeChanged(0, 0);
}

void TimeWindow::setZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    Q_EMIT zoneChanged(m_zone);
}

} // namespace claimline
