#pragma once

// EdtfError: why a text is not a valid fuzzy time, and where. The EDTF parser only records
// *what* went wrong and where (no allocation); the message is written by describe() and only
// when the caller asked for it. Internal to claimline_core (FuzzyTime's implementation).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimline {

struct EdtfError
{
    enum class Problem : std::uint8_t {
        None,
        Empty,
        LoneOpen,
        BothOpen,
        EmptyStart,
        EmptyEnd,
        TooManySlashes,
        BadOpen,
        NegativeYear,
        YearDigits,
        XNotTrailing,
        XThenDigits,
        MonthChars,
        MonthRange,
        DayChars,
        DayRange,
        TimeNeedsDate,
        TimeFormat,
        HourRange,
        MinuteRange,
        SecondRange,
        NoZone,
        BadOffset,
        OffsetRange,
        QualifierAfterTime,
        Unexpected,
        OutOfRange,
        EndBeforeStart,
    };

    Problem problem = Problem::None;
    std::size_t from = 0; // start of the side being parsed
    std::size_t at = 0; // start of the offending piece
    std::size_t len = 0; // length of the offending piece
    int year = 0; // for DayRange
    int month = 0; // for DayRange

    // A plain-English message that quotes the offending text, e.g.
    // `month 13 in "2025-13-01" is out of range (01-12)`.
    std::string describe(std::string_view text) const;
};

} // namespace claimline
