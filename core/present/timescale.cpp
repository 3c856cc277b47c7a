#include "present/timescale.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace claimline {

namespace {

constexpr std::int64_t Minute = 60;
constexpr std::int64_t Hour = 3600;
constexpr std::int64_t Day = 86400;

enum class Unit { Minute, Hour, Day, Week, Month, Year };

struct Step
{
    Unit unit;
    int count;
    std::int64_t seconds; // approximate for months and years
};

constexpr std::array<Step, 24> Steps {{
    {Unit::Minute, 1, Minute},
    {Unit::Minute, 5, 5 * Minute},
    {Unit::Minute, 10, 10 * Minute},
    {Unit::Minute, 15, 15 * Minute},
    {Unit::Minute, 30, 30 * Minute},
    {Unit::Hour, 1, Hour},
    {Unit::Hour, 3, 3 * Hour},
    {Unit::Hour, 6, 6 * Hour},
    {Unit::Hour, 12, 12 * Hour},
    {Unit::Day, 1, Day},
    {Unit::Day, 2, 2 * Day},
    {Unit::Week, 1, 7 * Day},
    {Unit::Month, 1, 2629746},
    {Unit::Month, 3, 3 * 2629746LL},
    {Unit::Month, 6, 6 * 2629746LL},
    {Unit::Year, 1, 31556952},
    {Unit::Year, 2, 2 * 31556952LL},
    {Unit::Year, 5, 5 * 31556952LL},
    {Unit::Year, 10, 10 * 31556952LL},
    {Unit::Year, 20, 20 * 31556952LL},
    {Unit::Year, 50, 50 * 31556952LL},
    {Unit::Year, 100, 100 * 31556952LL},
    {Unit::Year, 200, 200 * 31556952LL},
    {Unit::Year, 500, 500 * 31556952LL},
}};

const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

QDateTime localMidnight(QDate date, const QTimeZone &zone)
{
    return QDateTime(date, QTime(0, 0), zone);
}

// The first tick at or before `from` for the step, in the zone.
QDateTime floorTo(std::int64_t from, const Step &step, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(from, zone);
    const QDate date = local.date();
    switch (step.unit) {
    case Unit::Minute: {
        const QTime t = local.time();
        return QDateTime(date, QTime(t.hour(), t.minute() - t.minute() % step.count), zone);
    }
    case Unit::Hour: {
        const QTime t = local.time();
        return QDateTime(date, QTime(t.hour() - t.hour() % step.count, 0), zone);
    }
    case Unit::Day:
        return localMidnight(date.addDays(-(date.toJulianDay() % step.count)), zone);
    case Unit::Week:
        return localMidnight(date.addDays(1 - date.dayOfWeek()), zone);
    case Unit::Month:
        return localMidnight(QDate(date.year(), date.month() - (date.month() - 1) % step.count, 1),
                             zone);
    case Unit::Year: {
        int year = date.year();
        year -= ((year % step.count) + step.count) % step.count;
        if (year == 0)
            year = -1; // QDate has no year 0
        return localMidnight(QDate(year, 1, 1), zone);
    }
    }
    return local;
}

QDateTime advance(const QDateTime &at, const Step &step)
{
    switch (step.unit) {
    case Unit::Minute:
    case Unit::Hour:
        return at.addSecs(step.seconds);
    case Unit::Day:
        return QDateTime(at.date().addDays(step.count), QTime(0, 0), at.timeZone());
    case Unit::Week:
        return QDateTime(at.date().addDays(7), QTime(0, 0), at.timeZone());
    case Unit::Month:
        return QDateTime(at.date().addMonths(step.count), QTime(0, 0), at.timeZone());
    case Unit::Year:
        return QDateTime(at.date().addYears(step.count), QTime(0, 0), at.timeZone());
    }
    return at.addSecs(step.seconds);
}

QString minorLabel(const QDateTime &at, const Step &step, double spacing)
{
    switch (step.unit) {
    case Unit::Minute:
    case Unit::Hour:
        return english().toString(at.time(), QStringLiteral("HH:mm"));
    case Unit::Day:
        return english().toString(at.date(),
                                  spacing >= 72 ? QStringLiteral("ddd d") : QStringLiteral("d"));
    case Unit::Week:
        return english().toString(at.date(), QStringLiteral("d MMM"));
    case Unit::Month:
        return english().toString(at.date(), QStringLiteral("MMM"));
    case Unit::Year:
        return QString::number(at.date().year());
    }
    return {};
}

// The coarser unit that gives major ticks and context labels for a minor step.
std::optional<Step> majorStep(const Step &minor)
{
    switch (minor.unit) {
    case Unit::Minute:
    case Unit::Hour:
        return Step {Unit::Day, 1, Day};
    case Unit::Day:
    case Unit::Week:
        return Step {Unit::Month, 1, 2629746};
    case Unit::Month:
        return Step {Unit::Year, 1, 31556952};
    case Unit::Year:
        return std::nullopt;
    }
    return std::nullopt;
}

QString majorLabel(const QDateTime &at, const Step &step)
{
    switch (step.unit) {
    case Unit::Day:
        return english().toString(at.date(), QStringLiteral("ddd d MMM yyyy"));
    case Unit::Month:
        return english().toString(at.date(), QStringLiteral("MMMM yyyy"));
    default:
        return QString::number(at.date().year());
    }
}

template<typename Label>
void collect(const TimeScale &scale, const Step &step, const QTimeZone &zone,
             std::vector<AxisTick> &out, Label &&label)
{
    const double end = scale.end();
    QDateTime at = floorTo(std::int64_t(std::floor(scale.start())), step, zone);
    // Bounded: a window holds at most width / spacing minor ticks, plus one either side.
    for (int guard = 0; guard < 4096 && at.isValid(); ++guard) {
        const std::int64_t t = at.toSecsSinceEpoch();
        if (double(t) >= end)
            break;
        out.push_back({t, label(at)});
        const QDateTime next = advance(at, step);
        if (next.toSecsSinceEpoch() <= t)
            break; // no progress (a zone transition the arithmetic cannot step over)
        at = next;
    }
}

} // namespace

void TimeScale::setWidth(double width)
{
    m_width = std::max(1.0, width);
}

void TimeScale::setRange(double from, double to)
{
    double span = std::clamp(to - from, MinSpan, MaxSpan);
    const double centre = (from + to) / 2.0;
    m_secondsPerPixel = span / m_width;
    m_start = centre - span / 2.0;
}

void TimeScale::zoomAt(double x, double factor)
{
    if (!(factor > 0.0))
        return;
    const double anchor = time(x);
    const double span = std::clamp(this->span() / factor, MinSpan, MaxSpan);
    m_secondsPerPixel = span / m_width;
    m_start = anchor - x * m_secondsPerPixel;
}

void TimeScale::panBy(double dx)
{
    m_start += dx * m_secondsPerPixel;
}

void TimeScale::centerOn(double seconds)
{
    m_start = seconds - span() / 2.0;
}

AxisTicks axisTicks(const TimeScale &scale, const QTimeZone &zone, double minSpacing,
                    std::int64_t finestStep)
{
    AxisTicks ticks;
    const Step *chosen = &Steps.back();
    for (const Step &step : Steps) {
        if (double(step.seconds) / scale.secondsPerPixel() >= minSpacing
            && step.seconds >= finestStep) {
            chosen = &step;
            break;
        }
    }
    const double spacing = double(chosen->seconds) / scale.secondsPerPixel();
    ticks.minorStep = chosen->seconds;
    ticks.subDay = chosen->seconds < Day;
    collect(scale, *chosen, zone, ticks.minor,
            [&](const QDateTime &at) { return minorLabel(at, *chosen, spacing); });
    if (const std::optional<Step> major = majorStep(*chosen)) {
        collect(scale, *major, zone, ticks.major,
                [&](const QDateTime &at) { return majorLabel(at, *major); });
    }
    return ticks;
}

QString zoneAbbreviation(const QTimeZone &zone, std::int64_t atUtcSeconds)
{
    if (zone == QTimeZone::utc() || zone.id() == "UTC")
        return QStringLiteral("UTC");
    const QString abbreviation
        = zone.abbreviation(QDateTime::fromSecsSinceEpoch(atUtcSeconds, QTimeZone::utc()));
    return abbreviation.isEmpty() ? QString::fromLatin1(zone.id()) : abbreviation;
}

QString formatInstant(std::int64_t utcSeconds, const QTimeZone &zone, double secondsPerPixel)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(utcSeconds, zone);
    if (secondsPerPixel < 900.0) {
        return english().toString(local, QStringLiteral("ddd d MMM yyyy, HH:mm "))
            + zoneAbbreviation(zone, utcSeconds);
    }
    return english().toString(local.date(), QStringLiteral("ddd d MMM yyyy"));
}

} // namespace claimline
