#include "fuzzytime.h"

#include "fuzzytimepacking.h"

#include <algorithm>
#include <numeric>

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
