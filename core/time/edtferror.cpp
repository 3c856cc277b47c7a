#include "time/edtferror.h"

#include "text/quotedtext.h"
#include "time/fuzzytimepacking.h"

#include <array>

namespace claimline {

namespace {

bool isSpace(std::string_view s, std::size_t i)
{
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        return true;
    // U+00A0 NO-BREAK SPACE, which sneaks in when text is copied from web pages.
    return c == '\xc2' && i + 1 < s.size() && s[i + 1] == '\xa0';
}

const char *monthName(int month)
{
    static constexpr std::array<const char *, 12> names {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return names[static_cast<std::size_t>(month - 1)];
}

} // namespace

std::string EdtfError::describe(std::string_view text) const
{
    const std::string all = quoted(text);
    const std::string_view piece = text.substr(at, len);
    // `"piece" in "text"`, or just `"text"` when the piece is all of it.
    const auto pieceIn = [&]() {
        return piece.size() == text.size() ? all : quoted(piece) + " in " + all;
    };

    // Checked first because they make any text fail and are easy to miss when reading.
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isSpace(text, i))
            return "whitespace is not allowed in " + all;
    }
    const auto lowercase = [&](char c, const char *advice) {
        return "lowercase \"" + std::string(1, c) + "\" in " + all + "; " + advice;
    };
    // The character the parser stopped at ("201x" ends the year at the x).
    const char stoppedAt = at + len < text.size() ? text[at + len] : '\0';
    const char first = piece.empty() ? '\0' : piece.front();
    const bool lowercaseX = (problem == Problem::YearDigits && stoppedAt == 'x')
        || ((problem == Problem::MonthChars || problem == Problem::DayChars)
            && piece.find('x') != std::string_view::npos)
        || (problem == Problem::Unexpected && first == 'x');
    if (lowercaseX)
        return lowercase('x', "write \"X\" for an unspecified digit");
    if (problem == Problem::Unexpected && first == 't')
        return lowercase('t', "write \"T\" between the date and the time");
    if (problem == Problem::Unexpected && first == 'z')
        return lowercase('z', "write \"Z\" for UTC");

    switch (problem) {
    case Problem::None:
        break;
    case Problem::Empty:
        return "\"\" is empty; expected a date such as \"2025-12-29\"";
    case Problem::LoneOpen:
        return all
            + " alone is not a date; \"..\" marks the open end of an interval, as in "
              "\"2025-12-28/..\"";
    case Problem::BothOpen:
        return "interval " + all + " is open at both ends";
    case Problem::EmptyStart:
        return "interval " + all
            + " has no start; unknown ends are not supported, write \"..\" for an open start";
    case Problem::EmptyEnd:
        return "interval " + all
            + " has no end; unknown ends are not supported, write \"..\" for an open end";
    case Problem::TooManySlashes:
        return all + " has more than one \"/\"; an interval has exactly two sides";
    case Problem::BadOpen:
        return quoted(piece) + " in " + all
            + " is not a date; write exactly \"..\" for an open end of an interval";
    case Problem::NegativeYear:
        return "negative years are not supported in " + all + " (years 0000-9999)";
    case Problem::YearDigits:
        if (piece.empty()) {
            return "expected a 4-digit year "
                + std::string(at == 0 ? "at the start" : "after \"/\"") + " of " + all;
        }
        return "year " + pieceIn() + " must have exactly 4 digits (0000-9999)";
    case Problem::XNotTrailing:
        return "X in year " + pieceIn()
            + " may only replace trailing digits (as in \"201X\" or \"20XX\")";
    case Problem::XThenDigits:
        return quoted(piece) + " in " + all
            + " follows an unspecified (X) part; after an X, every later part must be XX";
    case Problem::MonthChars:
        if (piece.empty())
            return "month missing after \"-\" in " + all + " (expected two digits or XX)";
        return "month " + quoted(piece) + " in " + all + " must be two digits or XX";
    case Problem::MonthRange:
        return "month " + std::string(piece) + " in " + all + " is out of range (01-12)";
    case Problem::DayChars:
        if (piece.empty())
            return "day missing after \"-\" in " + all + " (expected two digits or XX)";
        return "day " + quoted(piece) + " in " + all + " must be two digits or XX";
    case Problem::DayRange: {
        std::string message = "day " + std::string(piece) + " in " + all + " is out of range for "
            + monthName(month) + ' ' + std::string(text.substr(from, 4));
        if (month == 2 && piece == "29" && !isLeapYear(year))
            message += " (" + std::string(text.substr(from, 4)) + " is not a leap year)";
        return message;
    }
    case Problem::TimeNeedsDate:
        return "a time of day in " + all + " needs a full date (YYYY-MM-DD) before the \"T\"";
    case Problem::TimeFormat:
        return "time " + quoted(piece) + " in " + all
            + " must be hh:mm or hh:mm:ss followed by a zone (Z or ±hh:mm)";
    case Problem::HourRange:
        return "hour " + std::string(piece) + " in " + all + " is out of range (00-23)";
    case Problem::MinuteRange:
        return "minute " + std::string(piece) + " in " + all + " is out of range (00-59)";
    case Problem::SecondRange:
        return "second " + std::string(piece) + " in " + all + " is out of range (00-59)";
    case Problem::NoZone:
        return "time in " + all + " needs a zone (Z or ±hh:mm)";
    case Problem::BadOffset:
        return "zone offset " + quoted(piece) + " in " + all + " must be written ±hh:mm";
    case Problem::OffsetRange:
        return "zone offset " + quoted(piece) + " in " + all
            + " is out of range (hours 00-23, minutes 00-59)";
    case Problem::QualifierAfterTime:
        return "qualifier " + quoted(piece) + " in " + all
            + " is not allowed after a time of day, only after a date";
    case Problem::Unexpected:
        return "unexpected " + quoted(piece) + " after " + quoted(text.substr(from, at - from))
            + " in " + all;
    case Problem::OutOfRange:
        return pieceIn() + " is outside the years 0000-9999 once converted to UTC";
    case Problem::EndBeforeStart:
        return "interval " + all + " ends before it starts";
    }
    return all + " is not a valid date";
}

} // namespace claimline
