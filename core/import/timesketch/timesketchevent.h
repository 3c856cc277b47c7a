#pragma once

// What a Timesketch event's fields become, whatever shape the event came in: a row of a
// Timesketch CSV (TimesketchMapper) or a line of Timesketch JSON lines (timesketchjsonl.h).
// Both collect the named values into TimesketchValues and call mapTimesketchEvent(), so the
// same event reads the same from either file.
//
// The fields (Timesketch's "Create timeline from JSONL or CSV file"; its importer,
// timesketch/lib/utils.py):
//   message         → title; past 200 characters (or past a line break) the title is cut on a
//                     word with "…" and the whole message is the summary.
//   datetime        → when: an instant to the second (never finer), ISO 8601 with offset;
//                     without offset UTC, as Timesketch reads it (isodatetime.h). The exact
//                     text is kept as the attribute "datetime" when the time cannot give it
//                     back: a fraction of a second or an offset other than UTC.
//   timestamp       → microseconds since 1970 UTC. With a datetime the two must agree to
//                     within a second (a day or minute datetime: the timestamp inside it), or
//                     the row is refused; alone it is the time. Kept as the attribute
//                     "timestamp" when finer than the time.
//   timestamp_desc  → kind. It says what the time is ("Last Visited Time", "Creation Time"):
//                     in a forensic timeline that is what sets one event apart from another
//                     at the same moment, and the kind is what the app shows on each event and
//                     filters on (a journalist keeps only "Last Visited Time").
//   _id             → the row's id (Timesketch's export writes the event's document id);
//                     without one, a stable id hashed from the instant (to the microsecond),
//                     timestamp_desc and message, so that importing the file again updates
//                     the same events.
//   tag             → tags: a list, or text as Timesketch reads it ("a,b", "[\"a\", \"b\"]",
//                     "-" for none).
//   _index, _type, _source, __ts_timeline_id: Timesketch's own bookkeeping, which its importer
//                     drops too. Every other field (data_type, source_short, parser, ...) is
//                     kept as an attribute.

#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace claimline {

struct ImportRow;

// What a field of a Timesketch event is read as.
enum class TimesketchField : std::uint8_t {
    Message,
    Datetime,
    Timestamp,
    TimestampDesc,
    Id,
    Tag,
    Dropped, // Timesketch's bookkeeping
    Attribute // everything else
};

TimesketchField timesketchField(std::string_view name);

// The names a Timesketch CSV header must have (detectFormat: these three identify it).
inline constexpr std::string_view TimesketchMessage = "message";
inline constexpr std::string_view TimesketchDatetime = "datetime";
inline constexpr std::string_view TimesketchTimestampDesc = "timestamp_desc";

// The event's named values, trimmed; an empty view for a field that is empty or absent.
struct TimesketchValues
{
    bool hasMessage = false; // the event has a message field (a JSON line may have none)
    std::string_view message;
    std::string_view datetime;
    std::string_view timestamp; // as text: "1331698658276340" (a JSON number's digits)
    std::string_view timestampDesc;
    std::string_view id;
};

// Maps the values into `row`: id, title, summary, when, kind, and the datetime/timestamp
// attributes (appended after those the caller added). The caller clears the row, sets its
// line, adds its tags and other attributes, and leaves `row.scratch` to this function.
// Returns an empty string, or why the event is refused, quoting the value:
// `datetime "2025-13-01T00:00:00+00:00" is not a date and time`,
// `timestamp 1766966400000000 and datetime "2025-12-29T00:00:00+02:00" differ by 7200 s`.
// A refused row keeps its id when it names one.
QString mapTimesketchEvent(const TimesketchValues &values, ImportRow &row);

// Appends the tags of a tag field given as text, as Timesketch reads it: "[...]" a list of
// quoted (' or ") or bare items separated by commas, "-" none, "a,b" two, else one tag.
void appendTimesketchTags(std::string_view text, std::vector<std::string_view> &tags);

} // namespace claimline
