#pragma once

// FuzzyTime: an imprecise point or span in time, read and written as a subset of the
// Library of Congress Extended Date/Time Format (EDTF).
//
// Why a span and not a QDateTime: the sources say "the weekend of Dec 28-29", "Monday",
// "late December". A time is therefore the range of instants it could mean, [start, end),
// in seconds since the Unix epoch (UTC), plus how precisely each end was given and whether
// it is approximate (~) or uncertain (?). Ordering, overlap, time-range queries and
// response lags all work on the two integers; the rest is only needed to write the text
// back exactly and to display it.
//
// A date without a time of day is a calendar day: it is stored as that day's UTC midnight
// to the next UTC midnight and displayed as that day in every display zone ("Monday" is
// 29 Dec wherever you read it). A time of day is an instant, stored in UTC and displayed in
// the display zone.
//
// Kept at 24 bytes: a million events each hold one.

#include <QString>

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

class QTimeZone;

namespace claimline {

enum class Precision : std::uint8_t { Year, Month, Day, Minute, Second };

// The response lag between two fuzzy times, a range [min, max] in seconds.
struct Lag
{
    std::int64_t min = 0;
    std::int64_t max = 0;
    bool isExact() const { return min == max; }
    friend bool operator==(const Lag &, const Lag &) = default;
};

class FuzzyTime
{
public:
    static constexpr std::int64_t OpenStart = std::numeric_limits<std::int64_t>::min();
    static constexpr std::int64_t OpenEnd = std::numeric_limits<std::int64_t>::max();

    FuzzyTime() = default; // null: no time given

    // Parses the EDTF subset (see README, "Fuzzy time"). On failure returns nullopt and, if
    // error is given, sets it to a plain-English message that quotes the offending text,
    // e.g. `month 13 in "2025-13-01" is out of range (01-12)`. Never allocates on success.
    [[nodiscard]] static std::optional<FuzzyTime> parse(std::string_view text,
                                                        std::string *error = nullptr);

    // Convenience constructors (no qualifiers). They return a null FuzzyTime for an invalid
    // date or an instant outside the years 0000-9999. fromInstant() truncates the instant to
    // the start of the minute/second/day/month/year (UTC) that `precision` asks for, so that
    // toEdtf() writes it back exactly.
    static FuzzyTime fromDate(int year, int month, int day); // one calendar day
    static FuzzyTime fromDays(int year, int month, int firstDay, int lastDay); // day interval
    static FuzzyTime fromInstant(std::int64_t utcSeconds, Precision precision = Precision::Minute);
    // A closed interval from two single (non-null, non-interval) times, spanning
    // [from.start(), to.end()); nullopt if `to` ends at or before the start of `from`
    // (the same rule as parse() applies to "A/B").
    static std::optional<FuzzyTime> interval(const FuzzyTime &from, const FuzzyTime &to);

    bool isNull() const { return m_flags == 0 && m_start == 0 && m_end == 0; }
    bool isInterval() const;
    bool isOpenStart() const { return m_start == OpenStart; }
    bool isOpenEnd() const { return m_end == OpenEnd; }

    // Earliest instant it may mean (inclusive) and the first instant after it (exclusive).
    std::int64_t start() const { return m_start; }
    std::int64_t end() const { return m_end; }
    // The middle of the span (for charts and sorting of imprecise items); for open spans the
    // known end.
    std::int64_t midpoint() const;

    // Precision of the first / last end (the same for a single time). An open end reports
    // Precision::Year: nothing finer is known about it.
    Precision startPrecision() const;
    Precision endPrecision() const;
    // Whether either end is approximate (~ or %) / uncertain (? or %).
    bool isApproximate() const;
    bool isUncertain() const;
    // True when nothing about it is fuzzy: a single instant at minute/second precision or a
    // single day, without qualifiers or unspecified digits.
    bool isPrecise() const;

    // The same time moved by about `seconds` (a drag on the timeline), keeping its shape: its
    // precisions, qualifiers, and whether it is an interval. The shift is rounded to the
    // coarsest precision of its ends: minutes for a minute, whole days for a day, whole
    // calendar months (or years) for a month (or year), each end moved by that many; a day
    // past the end of its month is clamped to the month's last day. nullopt for a null time,
    // an open end, unspecified digits (X) or a result outside the years 0000-9999.
    [[nodiscard]] std::optional<FuzzyTime> shifted(std::int64_t seconds) const;

    bool overlaps(const FuzzyTime &other) const;
    bool contains(std::int64_t utcSeconds) const
    {
        return utcSeconds >= m_start && utcSeconds < m_end;
    }

    // Canonical EDTF text; parse(toEdtf()) == *this and toEdtf() is stable.
    std::string toEdtf() const;
    // Human display in English: "29 Dec 2025", "28–29 Dec 2025", "~29 Dec 2025", "Dec 2025?",
    // "31 Dec 2025 – 1 Jan 2026", "29 Dec 2025, 22:00 UTC" (times in zone), "2010s",
    // "from 28 Dec 2025", "until 29 Dec 2025". Days are never shifted by the zone.
    QString toDisplayString(const QTimeZone &zone) const;
    QString toDisplayString() const; // in UTC

    // Orders by start, then end, then the remaining representation (a total order consistent
    // with ==).
    friend std::strong_ordering operator<=>(const FuzzyTime &a, const FuzzyTime &b);
    friend bool operator==(const FuzzyTime &a, const FuzzyTime &b) = default;

private:
    constexpr FuzzyTime(std::int64_t start, std::int64_t end, std::uint32_t flags)
        : m_start(start)
        , m_end(end)
        , m_flags(flags)
    { }

    std::int64_t m_start = 0;
    std::int64_t m_end = 0;
    // Packed representation: per end its precision, its qualifiers and how many of its
    // written digits were X; the interval flag; and a "valid" bit that every non-null value
    // has, so that no parsed time equals the null one. Open ends are m_start == OpenStart /
    // m_end == OpenEnd. The original UTC offset is not kept: instants are normalised to Z.
    // Layout is private to the implementation (fuzzytimepacking.h).
    std::uint32_t m_flags = 0;
    // Always zero: spells out what would otherwise be padding, so the 24 bytes are fully
    // defined (hashing or memcmp of a FuzzyTime is deterministic).
    std::uint32_t m_extra = 0;
};

static_assert(sizeof(FuzzyTime) == 24);

// The response lag of `answer` to `original`, in seconds, as the range of every possible
// (answer instant - original instant):
//   min = max(0, answer.start() - (original.end() - 1))  earliest answer - latest original
//   max = (answer.end() - 1) - original.start()           latest answer - earliest original
// The lower bound is clamped at zero, because an answer cannot precede what it answers; the
// upper bound is not clamped, so max < 0 tells that the answer lies wholly before the
// original. An open start of `answer` or open end of `original` makes min 0; an open end of
// `answer` or open start of `original` makes max FuzzyTime::OpenEnd (unbounded). A null
// argument gives {0, OpenEnd}. Two minute-precision instants 35 minutes apart give
// [35 min - 59 s, 35 min + 59 s]; formatLag() shows that as "+35 min".
Lag responseLag(const FuzzyTime &answer, const FuzzyTime &original);

// Human text for a lag. A range narrower than two minutes (the blur of two minute-precision
// instants) is shown as its middle: "+2 d 4 h", "+3 h 20 min", "+35 min", "+0 min". A wider
// range is shown in one unit chosen from the upper bound (minutes below an hour, hours below
// two days, else days), both ends rounded to the nearest unit: "+1–3 d", "+2–26 h", "0–2 d"
// (no "+" when the lower end rounds to 0). Unbounded: "unknown". max < 0: "before original".
QString formatLag(const Lag &lag);

} // namespace claimline
