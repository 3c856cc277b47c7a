#include "time/fuzzytime.h"

#include "time/fuzzytimepacking.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace claimline {

FuzzyTime FuzzyTime::fromDate(int year, int month, int day)
{
    if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1
        || day > daysInMonth(year, month)) {
        return {};
    }
    FuzzyTimeSide side;
    side.precision = Precision::Day;
    const std::int64_t start = daysFromCivil(year, month, day) * SecondsPerDay;
    return FuzzyTime(start, start + SecondsPerDay, ValidBit | packSide(side) << StartShift);
}

FuzzyTime FuzzyTime::fromDays(int year, int month, int firstDay, int lastDay)
{
    const FuzzyTime first = fromDate(year, month, firstDay);
    const FuzzyTime last = fromDate(year, month, lastDay);
    if (first.isNull() || last.isNull())
        return {};
    return interval(first, last).value_or(FuzzyTime());
}

FuzzyTime FuzzyTime::fromInstant(std::int64_t utcSeconds, Precision precision)
{
    if (utcSeconds < MinSeconds || utcSeconds >= MaxSeconds)
        return {};
    FuzzyTimeSide side;
    side.precision = precision;
    const std::int64_t days = floorDiv(utcSeconds, SecondsPerDay);
    const CivilDate date = civilFromDays(days);
    std::int64_t start = 0;
    std::int64_t end = 0;
    switch (precision) {
    case Precision::Year:
        start = daysFromCivil(date.year, 1, 1) * SecondsPerDay;
        end = daysFromCivil(date.year + 1, 1, 1) * SecondsPerDay;
        break;
    case Precision::Month:
        start = daysFromCivil(date.year, date.month, 1) * SecondsPerDay;
        end = start + daysInMonth(date.year, date.month) * SecondsPerDay;
        break;
    case Precision::Day:
        start = days * SecondsPerDay;
        end = start + SecondsPerDay;
        break;
    case Precision::Minute:
    case Precision::Second: {
        const std::int64_t unit = precisionSeconds(precision);
        start = floorDiv(utcSeconds, unit) * unit;
        end = start + unit;
        break;
    }
    }
    return FuzzyTime(start, end, ValidBit | packSide(side) << StartShift);
}

std::optional<FuzzyTime> FuzzyTime::interval(const FuzzyTime &from, const FuzzyTime &to)
{
    if (from.isNull() || to.isNull() || from.isInterval() || to.isInterval())
        return std::nullopt;
    if (to.m_end <= from.m_start)
        return std::nullopt;
    const std::uint32_t fromSide = (from.m_flags >> StartShift) & SideMask;
    const std::uint32_t toSide = (to.m_flags >> StartShift) & SideMask;
    return FuzzyTime(from.m_start, to.m_end,
                     ValidBit | IntervalBit | fromSide << StartShift | toSide << EndShift);
}

bool FuzzyTime::isInterval() const
{
    return (m_flags & IntervalBit) != 0;
}

std::int64_t FuzzyTime::midpoint() const
{
    if (isOpenStart())
        return isOpenEnd() ? 0 : m_end;
    if (isOpenEnd())
        return m_start;
    return std::midpoint(m_start, m_end); // overflow-safe
}

Precision FuzzyTime::startPrecision() const
{
    return unpackSide((m_flags >> StartShift) & SideMask).precision;
}

Precision FuzzyTime::endPrecision() const
{
    if (!isInterval())
        return startPrecision();
    return unpackSide((m_flags >> EndShift) & SideMask).precision;
}

bool FuzzyTime::isApproximate() const
{
    return (m_flags & (ApproximateBit << StartShift | ApproximateBit << EndShift)) != 0;
}

bool FuzzyTime::isUncertain() const
{
    return (m_flags & (UncertainBit << StartShift | UncertainBit << EndShift)) != 0;
}

bool FuzzyTime::isPrecise() const
{
    if (isNull() || isInterval())
        return false;
    const FuzzyTimeSide side = unpackSide((m_flags >> StartShift) & SideMask);
    return side.precision >= Precision::Day && side.isPlain();
}

namespace {

// a / b rounded to the nearest integer, halves away from zero (b > 0).
std::int64_t roundDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

// The start of the unit of `precision` that holds the instant.
std::int64_t unitStart(std::int64_t t, Precision precision)
{
    const std::int64_t days = floorDiv(t, SecondsPerDay);
    const CivilDate date = civilFromDays(days);
    switch (precision) {
    case Precision::Year:
        return daysFromCivil(date.year, 1, 1) * SecondsPerDay;
    case Precision::Month:
        return daysFromCivil(date.year, date.month, 1) * SecondsPerDay;
    case Precision::Day:
        return days * SecondsPerDay;
    case Precision::Minute:
    case Precision::Second:
        return floorDiv(t, precisionSeconds(precision)) * precisionSeconds(precision);
    }
    return t;
}

// The length of the unit of `precision` that starts at `start`.
std::int64_t unitLength(std::int64_t start, Precision precision)
{
    const CivilDate date = civilFromDays(floorDiv(start, SecondsPerDay));
    switch (precision) {
    case Precision::Year:
        return (isLeapYear(date.year) ? 366 : 365) * SecondsPerDay;
    case Precision::Month:
        return daysInMonth(date.year, date.month) * SecondsPerDay;
    case Precision::Day:
        return SecondsPerDay;
    case Precision::Minute:
    case Precision::Second:
        return precisionSeconds(precision);
    }
    return 0;
}

// The instant `months` calendar months later, at the same day (clamped to the month's length)
// and time of day; nullopt outside the years 0000-9999.
std::optional<std::int64_t> addMonths(std::int64_t t, std::int64_t months)
{
    const std::int64_t days = floorDiv(t, SecondsPerDay);
    const std::int64_t secondOfDay = t - days * SecondsPerDay;
    const CivilDate date = civilFromDays(days);
    const std::int64_t total = std::int64_t(date.year) * 12 + (date.month - 1) + months;
    const std::int64_t year = floorDiv(total, 12);
    if (year < 0 || year > 9999)
        return std::nullopt;
    const int month = int(total - year * 12) + 1;
    const int day = std::min(date.day, daysInMonth(int(year), month));
    return daysFromCivil(int(year), month, day) * SecondsPerDay + secondOfDay;
}

} // namespace

std::optional<FuzzyTime> FuzzyTime::shifted(std::int64_t seconds) const
{
    if (isNull() || isOpenStart() || isOpenEnd())
        return std::nullopt;
    const FuzzyTimeSide first = unpackSide((m_flags >> StartShift) & SideMask);
    const FuzzyTimeSide last = isInterval() ? unpackSide((m_flags >> EndShift) & SideMask) : first;
    // "202X", "2025-XX": moving a time whose digits are unknown would invent a value for them.
    if (first.xDigits != 0 || last.xDigits != 0)
        return std::nullopt;
    // Precision is ordered from coarse to fine: the coarser end decides the step.
    const Precision coarsest = std::min(first.precision, last.precision);
    std::int64_t start = 0;
    std::int64_t end = 0;
    if (coarsest >= Precision::Day) {
        const std::int64_t unit
            = coarsest == Precision::Day ? SecondsPerDay : precisionSeconds(coarsest);
        // Bounded first: any larger shift leaves the years 0000-9999 anyway.
        const std::int64_t delta
            = roundDiv(std::clamp(seconds, MinSeconds - MaxSeconds, MaxSeconds - MinSeconds), unit)
            * unit;
        start = m_start + delta;
        end = m_end + delta;
    } else {
        // Months and years differ in length: move each end by whole calendar months, the last
        // end from the start of its own unit so that it keeps covering a whole month or year.
        constexpr std::int64_t AverageMonth = 2629746; // 365.2425 days / 12
        const std::int64_t bounded = std::clamp(seconds, std::int64_t(-400000) * AverageMonth,
                                                std::int64_t(400000) * AverageMonth);
        const std::int64_t months = coarsest == Precision::Year
            ? roundDiv(bounded, 12 * AverageMonth) * 12
            : roundDiv(bounded, AverageMonth);
        const std::optional<std::int64_t> movedStart = addMonths(m_start, months);
        const std::optional<std::int64_t> movedLast
            = addMonths(unitStart(m_end - 1, last.precision), months);
        if (!movedStart || !movedLast)
            return std::nullopt;
        start = *movedStart;
        end = *movedLast + unitLength(*movedLast, last.precision);
    }
    if (start < MinSeconds || end > MaxSeconds)
        return std::nullopt;
    return FuzzyTime(start, end, m_flags);
}

bool FuzzyTime::overlaps(const FuzzyTime &other) const
{
    return std::max(m_start, other.m_start) < std::min(m_end, other.m_end);
}

std::strong_ordering operator<=>(const FuzzyTime &a, const FuzzyTime &b)
{
    if (const auto order = a.m_start <=> b.m_start; order != 0)
        return order;
    if (const auto order = a.m_end <=> b.m_end; order != 0)
        return order;
    if (const auto order = a.m_flags <=> b.m_flags; order != 0)
        return order;
    return a.m_extra <=> b.m_extra;
}

Lag responseLag(const FuzzyTime &answer, const FuzzyTime &original)
{
    if (answer.isNull() || original.isNull())
        return {0, FuzzyTime::OpenEnd};
    Lag lag;
    if (!answer.isOpenStart() && !original.isOpenEnd())
        lag.min = std::max<std::int64_t>(0, answer.start() - (original.end() - 1));
    if (answer.isOpenEnd() || original.isOpenStart())
        lag.max = FuzzyTime::OpenEnd;
    else
        lag.max = (answer.end() - 1) - original.start();
    return lag;
}

} // namespace claimline
