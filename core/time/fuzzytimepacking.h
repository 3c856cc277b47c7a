#pragma once

// The representation of a FuzzyTime, shared by the files that implement it (fuzzytime.cpp:
// values; edtfparser.cpp: parsing; fuzzytimeformat.cpp: EDTF text and display): calendar
// arithmetic on the UTC seconds of m_start/m_end, and the packing of m_flags. Internal to
// claimline_core; nothing outside FuzzyTime's implementation includes it.

#include "time/fuzzytime.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace claimline {

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, UTC). Done by hand rather than with QDate because
// parse() runs millions of times while a file loads; these are a handful of integer operations.
// Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".

constexpr std::int64_t SecondsPerDay = 86400;

constexpr bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int daysInMonth(int year, int month)
{
    constexpr std::array<int, 12> lengths {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : lengths[static_cast<std::size_t>(month - 1)];
}

// Days since 1970-01-01 of a civil date.
constexpr std::int64_t daysFromCivil(int year, int month, int day)
{
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yearOfEra = y - era * 400;
    const std::int64_t dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

struct CivilDate
{
    int year = 1970;
    int month = 1;
    int day = 1;
};

constexpr CivilDate civilFromDays(std::int64_t days)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t dayOfEra = days - era * 146097;
    const std::int64_t yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t mp = (5 * dayOfYear + 2) / 153;
    const int day = static_cast<int>(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

// Division rounding towards minus infinity: instants before 1970 still belong to the day
// (minute, ...) that starts before them.
constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// The representable span: 0000-01-01T00:00Z up to (excluding) 10000-01-01T00:00Z. "XXXX" ends
// exactly at MaxSeconds.
constexpr std::int64_t MinSeconds = daysFromCivil(0, 1, 1) * SecondsPerDay;
constexpr std::int64_t MaxSeconds = daysFromCivil(10000, 1, 1) * SecondsPerDay;

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11017);
static_assert(civilFromDays(-1).year == 1969 && civilFromDays(-1).day == 31);
static_assert(civilFromDays(daysFromCivil(0, 2, 29)).day == 29); // year 0 is a leap year
static_assert(MinSeconds == -62167219200);

constexpr std::array<int, 5> PowersOfTen {1, 10, 100, 1000, 10000};

// ---------------------------------------------------------------------------------------------
// Packing of m_flags. Each end ("side") takes 9 bits:
//   bits 0-2  Precision
//   bit  3    approximate (~ or %)
//   bit  4    uncertain (? or %)
//   bits 5-8  number of digits written as X (0-8): trailing year digits, plus 2 for an "XX"
//             month and 2 for an "XX" day; which parts they cover follows from the precision.
// m_flags = start side << 0 | end side << 9 | Interval (bit 18) | Valid (bit 31).
// A single time keeps its side in the start slot and zeros in the end slot; an open end of an
// interval has a zero side. Everything else (dates, times) is recovered from m_start/m_end.

constexpr unsigned SideWidth = 9;
constexpr std::uint32_t SideMask = (1u << SideWidth) - 1;
constexpr unsigned StartShift = 0;
constexpr unsigned EndShift = SideWidth;
constexpr std::uint32_t PrecisionMask = 0x7;
constexpr std::uint32_t ApproximateBit = 1u << 3;
constexpr std::uint32_t UncertainBit = 1u << 4;
constexpr unsigned XDigitsShift = 5;
constexpr std::uint32_t XDigitsMask = 0xf;
constexpr std::uint32_t IntervalBit = 1u << 18;
constexpr std::uint32_t ValidBit = 1u << 31;

struct FuzzyTimeSide
{
    std::int64_t start = 0;
    std::int64_t end = 0;
    Precision precision = Precision::Year;
    bool approximate = false;
    bool uncertain = false;
    int xDigits = 0;

    int yearX() const
    {
        switch (precision) {
        case Precision::Year:
            return xDigits;
        case Precision::Month:
            return std::max(0, xDigits - 2);
        case Precision::Day:
            return std::max(0, xDigits - 4);
        default:
            return 0;
        }
    }
    bool monthX() const
    {
        return (precision == Precision::Month && xDigits >= 2)
            || (precision == Precision::Day && xDigits >= 4);
    }
    bool dayX() const { return precision == Precision::Day && xDigits >= 2; }
    bool hasTime() const { return precision >= Precision::Minute; }
    bool isPlain() const { return !approximate && !uncertain && xDigits == 0; }
};

constexpr std::uint32_t packSide(const FuzzyTimeSide &side)
{
    return static_cast<std::uint32_t>(side.precision) | (side.approximate ? ApproximateBit : 0u)
        | (side.uncertain ? UncertainBit : 0u)
        | (static_cast<std::uint32_t>(side.xDigits) << XDigitsShift);
}

constexpr FuzzyTimeSide unpackSide(std::uint32_t bits)
{
    FuzzyTimeSide side;
    side.precision = static_cast<Precision>(bits & PrecisionMask);
    side.approximate = (bits & ApproximateBit) != 0;
    side.uncertain = (bits & UncertainBit) != 0;
    side.xDigits = static_cast<int>((bits >> XDigitsShift) & XDigitsMask);
    return side;
}

constexpr std::int64_t precisionSeconds(Precision precision)
{
    return precision == Precision::Second ? 1 : 60;
}

} // namespace claimline
