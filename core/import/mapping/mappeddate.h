#pragma once

// Reading one date cell of a mapped CSV under the date order the mapping chose.
//
// ISO ("2023-02-16", with a time of day too), written days ("16 February 2023", "16 Feb 2023",
// "February 16, 2023"), ISO months and years ("2023-02", "2023") and written months
// ("February 2023") read under any order, at the precision they are written: a month stays a
// month. Numbers with `/`, `.` or `-` between them ("03/04/2023", "3.4.2023", "03-04-2023")
// read by the order: day first or month first; the ISO and written orders refuse them, as
// nobody can tell 3 April from 4 March. Years have four digits: "03/04/23" is refused.

#include "import/mapping/columnmapping.h"
#include "time/fuzzytime.h"

#include <QString>

#include <cstdint>
#include <string_view>

namespace claimline {

enum class DateProblem : std::uint8_t {
    None,
    Empty,
    NotADate, // no known shape
    TwoDigitYear, // "03/04/23"
    NotADay, // "31/02/2023": no order reads it as a day
    NotADayInOrder, // "03/13/2023" read day first: it is one month first
    NeedsOrder // numbers ("03/04/2023") under the ISO or written order
};

struct DateCell
{
    FuzzyTime when; // null unless problem is None
    DateProblem problem = DateProblem::None;
    // Day and month written as numbers ("03/04/2023"): the two numbers as written, the first
    // and the second. 0 for every other shape.
    int first = 0;
    int second = 0;

    bool isNumeric() const { return first != 0; }
};

// Reads the cell's text (trimmed here) under `order`.
DateCell readDateCell(std::string_view text, DateOrder order);

// The problem in plain words, naming the field ("date", "end date") and quoting the text:
// `date "03/04/23" has a two-digit year`. Empty for DateProblem::None.
QString dateProblemText(std::string_view field, std::string_view text, DateOrder order,
                        DateProblem problem);

// "day first (DD/MM/YYYY)", "month first (MM/DD/YYYY)", "ISO (YYYY-MM-DD)",
// "written out (16 February 2023)": how an order reads, for messages.
QString describe(DateOrder order);

} // namespace claimline
