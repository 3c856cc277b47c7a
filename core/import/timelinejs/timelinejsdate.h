#pragma once

// TimelineJS dates: one end of a slide's time as its parts, in the JSON's start_date/end_date
// objects ("year", "month", "day", "hour", "minute", "second") or a sheet's Year, Month, Day
// and Time ("HH:MM" or "HH:MM:SS") columns, read at exactly the precision given: a year alone
// is that year, with a month that month, with a day that day, with an hour (or a Time) an
// instant to the minute, with a second to the second. Milliseconds are not kept.
//
// TimelineJS times have no zone (the browser shows them in its own): they are read as UTC.
// Years 0 to 9999 are read; a negative year is refused (BCE dates are not supported), as are
// a month 13, a 30 February, a minute without an hour.

#include "time/fuzzytime.h"

#include <QString>

#include <string_view>

namespace claimline {

// The texts of one end, trimmed or not; an empty text is a part not given.
struct DateParts
{
    std::string_view year, month, day, hour, minute, second;
    std::string_view time; // a sheet's "HH:MM[:SS]", instead of hour, minute and second
};

// What each part is called in a problem: "start_date.year", or the sheet's "Year".
struct DatePartNames
{
    std::string_view year, month, day, hour, minute, second;
    std::string_view time;
};

// Whether no part is given.
bool isEmpty(const DateParts &parts);

// Reads one end into `time` (null when no part is given). Returns an empty string, or why it
// cannot be read, naming the part and quoting its value: `start_date.year "-44" is before
// year 0: BCE dates are not supported`, `Month "13" is not a month`, `Day "31" is not a day
// of month 2`, `start_date.minute "45" is given without start_date.hour`.
[[nodiscard]] QString readDate(const DateParts &parts, const DatePartNames &names, FuzzyTime &time);

// A slide's time: its start, or the interval from its start to its end when it has one.
// Returns why it cannot be read: a problem of either end, `start_date.year is empty`, or
// `the end 1800 comes before the start 1815-12-10`.
[[nodiscard]] QString readSpan(const DateParts &start, const DatePartNames &startNames,
                               const DateParts &end, const DatePartNames &endNames,
                               FuzzyTime &when);

} // namespace claimline
