#pragma once

// ISO 8601 date-times as datasets write them, read into an instant: Timesketch's `datetime`
// ("2025-12-29T01:00:00+02:00", "2015-07-24T19:01:01.123456Z", "2015-07-24 19:01:01+0000"),
// and any other format's ISO column.
//
// Why not QDateTime::fromString(Qt::ISODateWithMs): it allocates, stops at milliseconds,
// reads a date-time without offset as local time (Timesketch, like pandas, means UTC) and
// accepts "24:00". This reads a string_view in a few dozen integer operations and never
// allocates: a million-row import calls it a million times.
//
// Lives in core/time with FuzzyTime because it is the same calendar (proleptic Gregorian,
// UTC seconds) and shares its arithmetic (fuzzytimepacking.h); it knows nothing of a format.

#include "time/fuzzytime.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace claimline {

struct IsoDateTime
{
    // The instant in UTC, whole seconds (the fraction is in `microseconds`). A date alone is
    // its day's UTC midnight.
    std::int64_t utcSeconds = 0;
    std::int32_t microseconds = 0; // 0-999999: the fraction, cut (not rounded) to microseconds
    // Second ("…T01:00:00"), Minute ("…T01:00") or Day ("2025-12-29", no time of day).
    Precision precision = Precision::Second;
    bool hasFraction = false; // the text has fractional seconds (".123", even ".000")
    bool hasOffset = false; // the text names its offset ("Z", "+02:00"); else read as UTC
    std::int16_t offsetMinutes = 0; // the offset as written, east of UTC positive

    std::int64_t utcMicroseconds() const { return utcSeconds * 1000000 + microseconds; }
    // The time at the text's own precision, never finer than a second: the day, the minute
    // or the second. Null when the instant falls outside the years 0000-9999 (an offset can
    // move "0000-01-01T00:30+01:00" into year -1).
    FuzzyTime toFuzzyTime() const;
};

// Reads, with nothing around it (trim first):
//   YYYY-MM-DD                       a day (no offset: a day is the same day everywhere)
//   YYYY-MM-DD?hh:mm[:ss[.f]][offset] with ? one of T, t or a space
// where the fraction has 1 to 9 digits after "." or ",", and offset is Z, z, or +/- hh,
// hhmm or hh:mm (up to 23:59). Without an offset the time is UTC (Timesketch's rule). The
// date must exist (no 2025-02-30), hours 00-23, minutes and seconds 00-59 (no leap second).
// nullopt for anything else.
std::optional<IsoDateTime> parseIsoDateTime(std::string_view text);

} // namespace claimline
