#pragma once

// Reading the text of one field the way datasets write it: trimmed values, numbers, dates,
// "a; b" lists, and quoting a bad value in a row's problem. Shared by the row mappers.
//
// Why hand-written and not QString/QDate parsing: a 1M-row import calls these tens of
// millions of times; they work on string_views into the reader's buffer and never allocate
// (only a problem message does, and refused rows are rare).

#include "time/fuzzytime.h"

#include <QString>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace claimline {

// `text` without ASCII white space around it.
std::string_view trimmedField(std::string_view text);

// Whether `text` is a plain decimal number as JSON writes it: an optional minus, no leading
// zeros, no "+", no exponent ("3", "-0.5", "50.4501"; not "007", "1e5", "3,5"). Such a value
// is kept as a number attribute and written back as the same text.
bool isPlainNumber(std::string_view text);

// A finite number: a decimal point or, when there is no point, one decimal comma ("50,45",
// as a spreadsheet in a comma locale saves it). Leading "+" and white space around are
// accepted. nullopt for anything else (including "nan" and "inf").
std::optional<double> parseNumber(std::string_view text);

// A code such as time_precision's "2": the value of one or two digits, or -1.
int smallCode(std::string_view text);

// Reads a place's latitude and longitude columns into `latitude`/`longitude`. Both empty: no
// place (NaN, no problem). Returns why they are refused otherwise, naming the column:
// `latitude "95.2" is out of range (-90 to 90)`, `longitude "east" is not a number`,
// `latitude is empty while longitude is given`.
QString readCoordinates(std::string_view latitudeText, std::string_view longitudeText,
                        double &latitude, double &longitude);

struct CalendarDay
{
    int year = 0;
    int month = 0;
    int day = 0;
};

// A calendar day as the datasets write it: "2023-02-16", "2023-02-16 00:00:00.000",
// "2023-02-16T00:00:00", "16 February 2023", "16 Feb 2023", "16-Feb-2023". nullopt for
// anything else and for a day that does not exist ("2026-02-30").
std::optional<CalendarDay> parseDay(std::string_view text);

// The day itself ("2023-02-16"); the month it is in ("2023-02"); the seven days centred on
// it ("2023-02-13/2023-02-19"). Null when that reaches outside the years 0000-9999.
FuzzyTime dayTime(CalendarDay day);
FuzzyTime monthTime(CalendarDay day);
FuzzyTime weekAroundTime(CalendarDay day);
// The days from `first` to `last`: the day when they are the same, else the interval
// ("2023-02-16/2023-02-18"). Null when `last` comes before `first`.
FuzzyTime daysTime(CalendarDay first, CalendarDay last);

// Splits "Ukrainska Pravda; Kyiv Independent" at `separator` into `out` (appended), each
// part trimmed; empty parts and parts already in `out` are left out.
void appendListItems(std::string_view text, char separator, std::vector<std::string_view> &out);
// Appends `item` unless it is empty or already in `out`.
void appendUnique(std::string_view item, std::vector<std::string_view> &out);

// `"value"` for a problem message: UTF-8 decoded, control characters (line breaks) made
// spaces so that a problem stays one line, and cut with "…" past `maxBytes`.
QString quotedValue(std::string_view value, std::size_t maxBytes = 60);
// "17 fields where the header has 31" ("1 field where the header has 31").
QString fieldCountProblem(std::size_t fields, std::size_t headerColumns);

} // namespace claimline
