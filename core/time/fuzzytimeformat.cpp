#include "time/fuzzytime.h"

#include "time/fuzzytimepacking.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <numeric>
#include <string_view>

namespace claimline {

namespace {

// ---------------------------------------------------------------------------------------------
// Canonical text.

// Writes a number from 0 to 99 as two digits.
char *twoDigits(char *out, int value)
{
    *out++ = static_cast<char>('0' + value / 10);
    *out++ = static_cast<char>('0' + value % 10);
    return out;
}

// Writes one side, taking the calendar fields from `reference` (an instant inside the side's
// span: its start for the first side, its last second for the second side).
char *writeSide(char *out, std::int64_t reference, const FuzzyTimeSide &side)
{
    const std::int64_t days = floorDiv(reference, SecondsPerDay);
    const CivilDate date = civilFromDays(days);
    const int yearX = side.yearX();
    int divisor = 1000;
    for (int digit = 0; digit < 4; ++digit, divisor /= 10)
        *out++ = digit >= 4 - yearX ? 'X' : static_cast<char>('0' + date.year / divisor % 10);
    if (side.precision >= Precision::Month) {
        *out++ = '-';
        if (side.monthX()) {
            *out++ = 'X';
            *out++ = 'X';
        } else {
            out = twoDigits(out, date.month);
        }
    }
    if (side.precision >= Precision::Day) {
        *out++ = '-';
        if (side.dayX()) {
            *out++ = 'X';
            *out++ = 'X';
        } else {
            out = twoDigits(out, date.day);
        }
    }
    if (side.hasTime()) {
        const auto secondOfDay = static_cast<int>(reference - days * SecondsPerDay);
        *out++ = 'T';
        out = twoDigits(out, secondOfDay / 3600);
        *out++ = ':';
        out = twoDigits(out, secondOfDay / 60 % 60);
        if (side.precision == Precision::Second) {
            *out++ = ':';
            out = twoDigits(out, secondOfDay % 60);
        }
        *out++ = 'Z';
    }
    if (side.approximate || side.uncertain)
        *out++ = side.approximate && side.uncertain ? '%' : (side.approximate ? '~' : '?');
    return out;
}

// ---------------------------------------------------------------------------------------------
// Display.

constexpr QChar EnDash(0x2013);

// Fixed English names: QLocale would follow the system locale, and the display must not.
constexpr std::array<std::string_view, 12> MonthAbbreviations {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

QString monthAbbreviation(int month)
{
    const std::string_view name = MonthAbbreviations[static_cast<std::size_t>(month - 1)];
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

// The display's dates, written into a buffer and made a QString once: QString::number() and
// the concatenations cost a TimelineJS export of a million slides a second (callgrind).
class DateWriter
{
public:
    DateWriter &number(int value)
    {
        m_out = std::to_chars(m_out, m_text.data() + m_text.size(), value).ptr;
        return *this;
    }
    DateWriter &month(int month)
    {
        const std::string_view name = MonthAbbreviations[static_cast<std::size_t>(month - 1)];
        m_out = std::copy(name.begin(), name.end(), m_out);
        return *this;
    }
    DateWriter &space()
    {
        *m_out++ = ' ';
        return *this;
    }
    QString text() const { return QString::fromLatin1(m_text.data(), m_out - m_text.data()); }

private:
    std::array<char, 40> m_text {}; // two 11-character numbers, a month and spaces
    char *m_out = m_text.data();
};

QString monthYearText(int year, int month)
{
    return DateWriter().month(month).space().number(year).text();
}

QString dayMonthText(int day, int month)
{
    return DateWriter().number(day).space().month(month).text();
}

QString dateText(const CivilDate &date)
{
    return DateWriter().number(date.day).space().month(date.month).space().number(date.year).text();
}

QString yearText(int year, int yearX)
{
    const int span = PowersOfTen[static_cast<std::size_t>(yearX)];
    const int first = year / span * span;
    switch (yearX) {
    case 0:
        return QString::number(year);
    case 1:
        return QString::number(first) + QLatin1Char('s');
    case 4:
        return QStringLiteral("unknown date");
    default:
        return QString::number(first) + EnDash + QString::number(first + span - 1);
    }
}

// An instant as seen in `zone`: its wall-clock date and time and the zone's label.
struct ZonedTime
{
    CivilDate date;
    int secondOfDay = 0;
    QString label;
};

QString offsetLabel(int offsetSeconds)
{
    if (offsetSeconds == 0)
        return QStringLiteral("UTC");
    const int magnitude = std::abs(offsetSeconds);
    QString label = QStringLiteral("UTC") + QLatin1Char(offsetSeconds < 0 ? '-' : '+')
        + QString::number(magnitude / 3600);
    if (magnitude % 3600 != 0)
        label += QLatin1Char(':')
            + QStringLiteral("%1").arg(magnitude / 60 % 60, 2, 10, QLatin1Char('0'));
    return label;
}

ZonedTime inZone(std::int64_t utc, const QTimeZone &zone)
{
    ZonedTime result;
    int offset = 0;
    // UTC itself, the zone exports use unless asked, needs no look-up: its offset is 0 and its
    // abbreviation "UTC". Asking QTimeZone was most of the TimelineJS export's time (callgrind).
    static const QTimeZone Utc = QTimeZone::utc();
    if (zone == Utc) {
        result.label = QStringLiteral("UTC");
    } else if (zone.isValid()) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(utc, Utc);
        offset = zone.offsetFromUtc(at);
        const QString abbreviation = zone.abbreviation(at);
        // tzdata spells zones without a customary abbreviation numerically ("+04"); "UTC+4"
        // is what a reader expects.
        if (!abbreviation.isEmpty() && abbreviation.front().isLetter())
            result.label = abbreviation;
    }
    if (result.label.isEmpty())
        result.label = offsetLabel(offset);
    const std::int64_t local = utc + offset;
    const std::int64_t days = floorDiv(local, SecondsPerDay);
    result.date = civilFromDays(days);
    result.secondOfDay = static_cast<int>(local - days * SecondsPerDay);
    return result;
}

QString clockText(int secondOfDay, Precision precision)
{
    // "HH:MM" or "HH:MM:SS", written out: QString::arg() parsed its pattern for every time.
    char text[8];
    char *out = twoDigits(text, secondOfDay / 3600);
    *out++ = ':';
    out = twoDigits(out, secondOfDay / 60 % 60);
    if (precision == Precision::Second) {
        *out++ = ':';
        out = twoDigits(out, secondOfDay % 60);
    }
    return QString::fromLatin1(text, out - text);
}

QString instantText(const ZonedTime &time, Precision precision)
{
    return dateText(time.date) + QStringLiteral(", ") + clockText(time.secondOfDay, precision)
        + QLatin1Char(' ') + time.label;
}

// One side: `reference` is an instant inside its span (see writeSide()).
QString sideText(std::int64_t reference, const FuzzyTimeSide &side, const QTimeZone &zone)
{
    if (side.hasTime())
        return instantText(inZone(reference, zone), side.precision);

    const CivilDate date = civilFromDays(floorDiv(reference, SecondsPerDay));
    QString base;
    const char *unknown = nullptr;
    if (side.yearX() == 4) {
        base = yearText(date.year, 4);
    } else if (side.precision == Precision::Year) {
        base = yearText(date.year, side.yearX());
    } else if (side.monthX()) {
        base = yearText(date.year, side.yearX());
        unknown = side.precision == Precision::Day ? "month and day unknown" : "month unknown";
    } else if (side.precision == Precision::Month) {
        base = monthYearText(date.year, date.month);
    } else if (side.dayX()) {
        base = monthYearText(date.year, date.month);
        unknown = "day unknown";
    } else {
        base = dateText(date);
    }

    QString text = (side.approximate ? QStringLiteral("~") : QString()) + base
        + (side.uncertain ? QStringLiteral("?") : QString());
    if (unknown)
        text += QStringLiteral(" (") + QLatin1String(unknown) + QLatin1Char(')');
    return text;
}

// Both sides plain dates of the same precision: share what they have in common, as people
// write it ("28–29 Dec 2025", "28 Nov – 2 Dec 2025", "Nov–Dec 2025", "2024–2025").
QString compactDateRange(const CivilDate &a, const CivilDate &b, Precision precision)
{
    const QString spacedDash = QLatin1Char(' ') + EnDash + QLatin1Char(' ');
    const QString year = QString::number(b.year);
    switch (precision) {
    case Precision::Year:
        if (a.year == b.year)
            return year;
        return QString::number(a.year) + EnDash + year;
    case Precision::Month:
        if (a.year != b.year)
            return monthYearText(a.year, a.month) + spacedDash + monthYearText(b.year, b.month);
        if (a.month == b.month)
            return monthYearText(b.year, b.month);
        return monthAbbreviation(a.month) + EnDash + monthYearText(b.year, b.month);
    default:
        if (a.year != b.year)
            return dateText(a) + spacedDash + dateText(b);
        if (a.month != b.month)
            return dayMonthText(a.day, a.month) + spacedDash + dayMonthText(b.day, b.month)
                + QLatin1Char(' ') + year;
        if (a.day == b.day)
            return dateText(b);
        return QString::number(a.day) + EnDash + dayMonthText(b.day, b.month) + QLatin1Char(' ')
            + year;
    }
}

// Rounds a non-negative number of seconds to the nearest multiple of `unit`.
std::int64_t roundTo(std::int64_t seconds, std::int64_t unit)
{
    return (seconds + unit / 2) / unit;
}

QString exactLagText(std::int64_t seconds)
{
    const std::int64_t minutes = roundTo(seconds, 60);
    if (minutes < 60)
        return QStringLiteral("+%1 min").arg(minutes);
    if (minutes < 24 * 60) {
        if (minutes % 60 == 0)
            return QStringLiteral("+%1 h").arg(minutes / 60);
        return QStringLiteral("+%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    }
    // Beyond a day the minutes are noise next to the days.
    const std::int64_t hours = roundTo(seconds, 3600);
    if (hours % 24 == 0)
        return QStringLiteral("+%1 d").arg(hours / 24);
    return QStringLiteral("+%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

} // namespace

// ---------------------------------------------------------------------------------------------

std::string FuzzyTime::toEdtf() const
{
    if (isNull())
        return {};
    // Longest: two second-precision instants and the slash (41 characters).
    std::array<char, 48> buffer {};
    char *out = buffer.data();
    const FuzzyTimeSide first = unpackSide((m_flags >> StartShift) & SideMask);
    if (!isInterval()) {
        out = writeSide(out, m_start, first);
    } else {
        if (isOpenStart()) {
            *out++ = '.';
            *out++ = '.';
        } else {
            out = writeSide(out, m_start, first);
        }
        *out++ = '/';
        if (isOpenEnd()) {
            *out++ = '.';
            *out++ = '.';
        } else {
            out = writeSide(out, m_end - 1, unpackSide((m_flags >> EndShift) & SideMask));
        }
    }
    return std::string(buffer.data(), out);
}

QString FuzzyTime::toDisplayString(const QTimeZone &zone) const
{
    if (isNull())
        return {};
    const FuzzyTimeSide first = unpackSide((m_flags >> StartShift) & SideMask);
    if (!isInterval())
        return sideText(m_start, first, zone);

    const FuzzyTimeSide last = unpackSide((m_flags >> EndShift) & SideMask);
    if (isOpenStart())
        return QStringLiteral("until ") + sideText(m_end - 1, last, zone);
    if (isOpenEnd())
        return QStringLiteral("from ") + sideText(m_start, first, zone);

    if (first.isPlain() && last.isPlain() && first.precision == last.precision) {
        if (!first.hasTime()) {
            return compactDateRange(civilFromDays(floorDiv(m_start, SecondsPerDay)),
                                    civilFromDays(floorDiv(m_end - 1, SecondsPerDay)),
                                    first.precision);
        }
        // Two instants on the same local day: "28 Dec 2025, 22:00–23:30 MSK".
        const ZonedTime a = inZone(m_start, zone);
        const ZonedTime b = inZone(m_end - precisionSeconds(last.precision), zone);
        if (a.date.year == b.date.year && a.date.month == b.date.month && a.date.day == b.date.day
            && a.label == b.label) {
            return dateText(a.date) + QStringLiteral(", ")
                + clockText(a.secondOfDay, first.precision) + EnDash
                + clockText(b.secondOfDay, last.precision) + QLatin1Char(' ') + b.label;
        }
    }
    // Mixed precisions, qualifiers or X digits: each end shown whole, with its own marks.
    return sideText(m_start, first, zone) + QLatin1Char(' ') + EnDash + QLatin1Char(' ')
        + sideText(m_end - 1, last, zone);
}

QString FuzzyTime::toDisplayString() const
{
    return toDisplayString(QTimeZone::utc());
}

QString formatLag(const Lag &lag)
{
    if (lag.min == FuzzyTime::OpenStart || lag.max == FuzzyTime::OpenEnd)
        return QStringLiteral("unknown");
    if (lag.max < 0)
        return QStringLiteral("before original");
    const std::int64_t low = std::clamp<std::int64_t>(lag.min, 0, lag.max);
    const std::int64_t high = lag.max;

    // Below two minutes the spread is only the blur of minute-precision instants.
    if (high - low < 120)
        return exactLagText(std::midpoint(low, high));

    std::int64_t unit = SecondsPerDay;
    QLatin1String unitName("d");
    if (roundTo(high, 60) < 60) {
        unit = 60;
        unitName = QLatin1String("min");
    } else if (roundTo(high, 3600) < 48) {
        unit = 3600;
        unitName = QLatin1String("h");
    }
    const std::int64_t from = roundTo(low, unit);
    const std::int64_t to = roundTo(high, unit);
    if (from == to)
        return QLatin1Char('+') + QString::number(to) + QLatin1Char(' ') + unitName;
    return (from > 0 ? QStringLiteral("+") : QString()) + QString::number(from) + EnDash
        + QString::number(to) + QLatin1Char(' ') + unitName;
}

} // namespace claimline
