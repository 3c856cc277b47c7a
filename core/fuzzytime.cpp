#include "fuzzytime.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <numeric>

namespace claimline {

namespace {

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

struct Civil
{
    int year = 1970;
    int month = 1;
    int day = 1;
};

constexpr Civil civilFromDays(std::int64_t days)
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

struct Side
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

std::uint32_t packSide(const Side &side)
{
    return static_cast<std::uint32_t>(side.precision) | (side.approximate ? ApproximateBit : 0u)
        | (side.uncertain ? UncertainBit : 0u)
        | (static_cast<std::uint32_t>(side.xDigits) << XDigitsShift);
}

Side unpackSide(std::uint32_t bits)
{
    Side side;
    side.precision = static_cast<Precision>(bits & PrecisionMask);
    side.approximate = (bits & ApproximateBit) != 0;
    side.uncertain = (bits & UncertainBit) != 0;
    side.xDigits = static_cast<int>((bits >> XDigitsShift) & XDigitsMask);
    return side;
}

std::int64_t precisionSeconds(Precision precision)
{
    return precision == Precision::Second ? 1 : 60;
}

// ---------------------------------------------------------------------------------------------
// Parsing. The parser only records *what* went wrong and where (no allocation); the message is
// written by describe() and only when the caller asked for it.

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

struct Failure
{
    Problem problem = Problem::None;
    std::size_t from = 0; // start of the side being parsed
    std::size_t at = 0; // start of the offending piece
    std::size_t len = 0; // length of the offending piece
    int year = 0; // for DayRange
    int month = 0; // for DayRange
};

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

constexpr bool isQualifier(char c)
{
    return c == '~' || c == '?' || c == '%';
}

bool readTwoDigits(std::string_view s, std::size_t i, std::size_t stop, int &value)
{
    if (i > stop || stop - i < 2 || !isDigit(s[i]) || !isDigit(s[i + 1]))
        return false;
    value = (s[i] - '0') * 10 + (s[i + 1] - '0');
    return true;
}

enum class Field : std::uint8_t { Digits, Unspecified, Bad };

// A month or day: exactly two digits or "XX".
Field readField(std::string_view s, std::size_t i, std::size_t stop, int &value)
{
    if (stop - i >= 2 && s[i] == 'X' && s[i + 1] == 'X')
        return Field::Unspecified;
    return readTwoDigits(s, i, stop, value) ? Field::Digits : Field::Bad;
}

// Parses one non-open side, text[from, stop), into `side`.
bool parseSide(std::string_view s, std::size_t from, std::size_t stop, Side &side, Failure &f)
{
    const auto fail = [&](Problem problem, std::size_t at, std::size_t len) {
        f.problem = problem;
        f.from = from;
        f.at = at;
        f.len = len;
        return false;
    };

    std::size_t i = from;
    if (i < stop && s[i] == '-')
        return fail(Problem::NegativeYear, i, stop - i);
    if (i < stop && s[i] == '.')
        return fail(Problem::BadOpen, i, stop - i);

    // Year: exactly four characters, digits followed by a (possibly empty) run of X.
    int year = 0;
    int yearX = 0;
    for (; i < stop && (isDigit(s[i]) || s[i] == 'X'); ++i) {
        if (i - from == 4) {
            std::size_t runEnd = i;
            while (runEnd < stop && (isDigit(s[runEnd]) || s[runEnd] == 'X'))
                ++runEnd;
            return fail(Problem::YearDigits, from, runEnd - from);
        }
        if (s[i] == 'X') {
            ++yearX;
            year *= 10;
        } else if (yearX > 0) {
            return fail(Problem::XNotTrailing, from, 4);
        } else {
            year = year * 10 + (s[i] - '0');
        }
    }
    if (i - from != 4)
        return fail(Problem::YearDigits, from, i - from);

    Precision precision = Precision::Year;
    int month = 1;
    int day = 1;
    bool monthX = false;
    bool dayX = false;
    if (i < stop && s[i] == '-') {
        ++i;
        switch (readField(s, i, stop, month)) {
        case Field::Bad:
            return fail(Problem::MonthChars, i, std::min<std::size_t>(2, stop - i));
        case Field::Unspecified:
            monthX = true;
            month = 1;
            break;
        case Field::Digits:
            // "201X-05" would name May of some unknown year: not a trailing run of X.
            if (yearX > 0)
                return fail(Problem::XThenDigits, i, 2);
            monthX = false;
            if (month < 1 || month > 12)
                return fail(Problem::MonthRange, i, 2);
            break;
        }
        i += 2;
        precision = Precision::Month;

        if (i < stop && s[i] == '-') {
            ++i;
            switch (readField(s, i, stop, day)) {
            case Field::Bad:
                return fail(Problem::DayChars, i, std::min<std::size_t>(2, stop - i));
            case Field::Unspecified:
                dayX = true;
                day = 1;
                break;
            case Field::Digits:
                if (monthX)
                    return fail(Problem::XThenDigits, i, 2);
                if (day < 1 || day > daysInMonth(year, month)) {
                    f.year = year;
                    f.month = month;
                    return fail(Problem::DayRange, i, 2);
                }
                break;
            }
            i += 2;
            precision = Precision::Day;
        }
    }

    const std::int64_t days = daysFromCivil(year, month, day);

    if (i < stop && s[i] == 'T') {
        if (precision != Precision::Day || dayX)
            return fail(Problem::TimeNeedsDate, i, stop - i);
        const std::size_t timeAt = ++i;
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (!readTwoDigits(s, i, stop, hour))
            return fail(Problem::TimeFormat, timeAt, stop - timeAt);
        if (hour > 23)
            return fail(Problem::HourRange, i, 2);
        i += 2;
        if (i >= stop || s[i] != ':' || !readTwoDigits(s, i + 1, stop, minute))
            return fail(Problem::TimeFormat, timeAt, stop - timeAt);
        ++i;
        if (minute > 59)
            return fail(Problem::MinuteRange, i, 2);
        i += 2;
        precision = Precision::Minute;
        if (i < stop && s[i] == ':') {
            if (!readTwoDigits(s, i + 1, stop, second))
                return fail(Problem::TimeFormat, timeAt, stop - timeAt);
            ++i;
            if (second > 59)
                return fail(Problem::SecondRange, i, 2);
            i += 2;
            precision = Precision::Second;
        }

        int offset = 0;
        if (i == stop || isQualifier(s[i]))
            return fail(Problem::NoZone, timeAt, i - timeAt);
        if (s[i] == 'Z') {
            ++i;
        } else if (s[i] == '+' || s[i] == '-') {
            int offsetHours = 0;
            int offsetMinutes = 0;
            std::size_t zoneEnd = i + 1;
            while (zoneEnd < stop && !isQualifier(s[zoneEnd]))
                ++zoneEnd;
            if (!readTwoDigits(s, i + 1, stop, offsetHours) || stop - i < 6 || s[i + 3] != ':'
                || !readTwoDigits(s, i + 4, stop, offsetMinutes)) {
                return fail(Problem::BadOffset, i, zoneEnd - i);
            }
            if (offsetHours > 23 || offsetMinutes > 59)
                return fail(Problem::OffsetRange, i, 6);
            offset = (s[i] == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
            i += 6;
        } else {
            return fail(Problem::Unexpected, i, stop - i);
        }
        if (i < stop && isQualifier(s[i]))
            return fail(Problem::QualifierAfterTime, i, 1);
        if (i != stop)
            return fail(Problem::Unexpected, i, stop - i);

        const std::int64_t t = days * SecondsPerDay + hour * 3600 + minute * 60 + second - offset;
        const std::int64_t unit = precisionSeconds(precision);
        if (t < MinSeconds || t + unit > MaxSeconds)
            return fail(Problem::OutOfRange, from, stop - from);
        side.start = t;
        side.end = t + unit;
        side.precision = precision;
        side.approximate = false;
        side.uncertain = false;
        side.xDigits = 0;
        return true;
    }

    bool approximate = false;
    bool uncertain = false;
    if (i < stop && isQualifier(s[i])) {
        approximate = s[i] != '?';
        uncertain = s[i] != '~';
        ++i;
    }
    if (i != stop)
        return fail(Problem::Unexpected, i, stop - i);

    std::int64_t startDay = days;
    std::int64_t endDay = days + 1;
    if (precision == Precision::Year || monthX) {
        startDay = daysFromCivil(year, 1, 1);
        endDay = daysFromCivil(year + PowersOfTen[static_cast<std::size_t>(yearX)], 1, 1);
    } else if (precision == Precision::Month || dayX) {
        startDay = daysFromCivil(year, month, 1);
        endDay = startDay + daysInMonth(year, month);
    }
    side.start = startDay * SecondsPerDay;
    side.end = endDay * SecondsPerDay;
    side.precision = precision;
    side.approximate = approximate;
    side.uncertain = uncertain;
    side.xDigits = yearX + (precision != Precision::Year && monthX ? 2 : 0) + (dayX ? 2 : 0);
    return true;
}

struct Parsed
{
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::uint32_t flags = 0;
};

bool parseText(std::string_view s, Parsed &out, Failure &f)
{
    const auto fail = [&](Problem problem) {
        f.problem = problem;
        f.from = 0;
        f.at = 0;
        f.len = s.size();
        return false;
    };
    constexpr std::string_view Open = "..";

    if (s.empty())
        return fail(Problem::Empty);
    const std::size_t slash = s.find('/');
    if (slash == std::string_view::npos) {
        if (s == Open)
            return fail(Problem::LoneOpen);
        Side side;
        if (!parseSide(s, 0, s.size(), side, f))
            return false;
        out = {side.start, side.end, ValidBit | (packSide(side) << StartShift)};
        return true;
    }
    if (s.find('/', slash + 1) != std::string_view::npos)
        return fail(Problem::TooManySlashes);

    const bool openStart = s.substr(0, slash) == Open;
    const bool openEnd = s.substr(slash + 1) == Open;
    if (openStart && openEnd)
        return fail(Problem::BothOpen);
    if (slash == 0)
        return fail(Problem::EmptyStart);
    if (slash + 1 == s.size())
        return fail(Problem::EmptyEnd);

    Side from;
    Side to;
    if (!openStart && !parseSide(s, 0, slash, from, f))
        return false;
    if (!openEnd && !parseSide(s, slash + 1, s.size(), to, f))
        return false;
    if (!openStart && !openEnd && to.end <= from.start)
        return fail(Problem::EndBeforeStart);

    out.start = openStart ? FuzzyTime::OpenStart : from.start;
    out.end = openEnd ? FuzzyTime::OpenEnd : to.end;
    out.flags = ValidBit | IntervalBit | (openStart ? 0u : packSide(from) << StartShift)
        | (openEnd ? 0u : packSide(to) << EndShift);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Error messages.

// Length of a well-formed UTF-8 sequence at s[i], or 0. Valid non-ASCII text (say an en dash
// typed instead of "-") is quoted as is so the user recognises it; anything else is escaped.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) {
        return static_cast<unsigned char>(s[k]);
    };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        low = lead == 0xe0 ? 0xa0 : 0x80; // no overlong forms
        high = lead == 0xed ? 0x9f : 0xbf; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        low = lead == 0xf0 ? 0x90 : 0x80;
        high = lead == 0xf4 ? 0x8f : 0xbf;
    } else {
        return 0;
    }
    if (s.size() - i < length || byte(i + 1) < low || byte(i + 1) > high)
        return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xbf)
            return 0;
    }
    return length;
}

// Appends `text` in double quotes, escaping quotes, backslashes, control characters and
// invalid UTF-8, and cutting it after MaxQuoted characters: a line of binary junk or a
// megabyte pasted by mistake must not turn into an unreadable (or huge) message.
void appendQuoted(std::string &out, std::string_view text)
{
    constexpr int MaxQuoted = 60;
    constexpr char hex[] = "0123456789ABCDEF";
    out += '"';
    int characters = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (characters == MaxQuoted) {
            out += "…";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
            ++i;
        } else if (c == '\t') {
            out += "\\t";
            ++i;
        } else if (c == '\n') {
            out += "\\n";
            ++i;
        } else if (c == '\r') {
            out += "\\r";
            ++i;
        } else if (const std::size_t length = utf8SequenceLength(text, i)) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
            ++i;
        }
        ++characters;
    }
    out += '"';
}

std::string quoted(std::string_view text)
{
    std::string out;
    appendQuoted(out, text);
    return out;
}

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

std::string describe(std::string_view text, const Failure &f)
{
    const std::string all = quoted(text);
    const std::string_view piece = text.substr(f.at, f.len);
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
    const char stoppedAt = f.at + f.len < text.size() ? text[f.at + f.len] : '\0';
    const char first = piece.empty() ? '\0' : piece.front();
    const bool lowercaseX = (f.problem == Problem::YearDigits && stoppedAt == 'x')
        || ((f.problem == Problem::MonthChars || f.problem == Problem::DayChars)
            && piece.find('x') != std::string_view::npos)
        || (f.problem == Problem::Unexpected && first == 'x');
    if (lowercaseX)
        return lowercase('x', "write \"X\" for an unspecified digit");
    if (f.problem == Problem::Unexpected && first == 't')
        return lowercase('t', "write \"T\" between the date and the time");
    if (f.problem == Problem::Unexpected && first == 'z')
        return lowercase('z', "write \"Z\" for UTC");

    switch (f.problem) {
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
                + std::string(f.at == 0 ? "at the start" : "after \"/\"") + " of " + all;
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
            + monthName(f.month) + ' ' + std::string(text.substr(f.from, 4));
        if (f.month == 2 && piece == "29" && !isLeapYear(f.year))
            message += " (" + std::string(text.substr(f.from, 4)) + " is not a leap year)";
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
        return "unexpected " + quoted(piece) + " after "
            + quoted(text.substr(f.from, f.at - f.from)) + " in " + all;
    case Problem::OutOfRange:
        return pieceIn() + " is outside the years 0000-9999 once converted to UTC";
    case Problem::EndBeforeStart:
        return "interval " + all + " ends before it starts";
    }
    return all + " is not a valid date";
}

// ---------------------------------------------------------------------------------------------
// Canonical text.

// Writes one side, taking the calendar fields from `reference` (an instant inside the side's
// span: its start for the first side, its last second for the second side).
char *writeSide(char *out, std::int64_t reference, const Side &side)
{
    const std::int64_t days = floorDiv(reference, SecondsPerDay);
    const Civil date = civilFromDays(days);
    const auto two = [&](int value) {
        *out++ = static_cast<char>('0' + value / 10);
        *out++ = static_cast<char>('0' + value % 10);
    };

    const int yearX = side.yearX();
    int divisor = 1000;
    for (int digit = 0; digit < 4; ++digit, divisor /= 10)
        *out++ = digit >= 4 - yearX ? 'X' : static_cast<char>('0' + date.year / divisor % 10);
    if (side.precision >= Precision::Month) {
        *out++ = '-';
        if (side.monthX()) {
            *out++ = 'X';
            *out++ = 'X';
        } else {
            two(date.month);
        }
    }
    if (side.precision >= Precision::Day) {
        *out++ = '-';
        if (side.dayX()) {
            *out++ = 'X';
            *out++ = 'X';
        } else {
            two(date.day);
        }
    }
    if (side.hasTime()) {
        const auto secondOfDay = static_cast<int>(reference - days * SecondsPerDay);
        *out++ = 'T';
        two(secondOfDay / 3600);
        *out++ = ':';
        two(secondOfDay / 60 % 60);
        if (side.precision == Precision::Second) {
            *out++ = ':';
            two(secondOfDay % 60);
        }
        *out++ = 'Z';
    }
    if (side.approximate || side.uncertain)
        *out++ = side.approximate && side.uncertain ? '%' : (side.approximate ? '~' : '?');
    return out;
}

// ---------------------------------------------------------------------------------------------
// Display.

constexpr QChar EnDash(0x2013);

QString monthAbbreviation(int month)
{
    // Fixed English names: QLocale would follow the system locale, and the display must not.
    static constexpr std::array<const char *, 12> names {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QLatin1String(names[static_cast<std::size_t>(month - 1)]);
}

QString monthYearText(int year, int month)
{
    return monthAbbreviation(month) + QLatin1Char(' ') + QString::number(year);
}

QString dayMonthText(int day, int month)
{
    return QString::number(day) + QLatin1Char(' ') + monthAbbreviation(month);
}

QString dateText(const Civil &date)
{
    return dayMonthText(date.day, date.month) + QLatin1Char(' ') + QString::number(date.year);
}

QString yearText(int year, int yearX)
{
    const int span = PowersOfTen[static_cast<std::size_t>(yearX)];
    const int first = year / span * span;
    switch (yearX) {
    case 0:
        return QString::number(year);
    case 1:
        return QString::number(first) + QLatin1Char('s');
    case 4:
        return QStringLiteral("unknown date");
    default:
        return QString::number(first) + EnDash + QString::number(first + span - 1);
    }
}

// An instant as seen in `zone`: its wall-clock date and time and the zone's label.
struct ZonedTime
{
    Civil date;
    int secondOfDay = 0;
    QString label;
};

QString offsetLabel(int offsetSeconds)
{
    if (offsetSeconds == 0)
        return QStringLiteral("UTC");
    const int magnitude = std::abs(offsetSeconds);
    QString label = QStringLiteral("UTC") + QLatin1Char(offsetSeconds < 0 ? '-' : '+')
        + QString::number(magnitude / 3600);
    if (magnitude % 3600 != 0)
        label += QLatin1Char(':')
            + QStringLiteral("%1").arg(magnitude / 60 % 60, 2, 10, QLatin1Char('0'));
    return label;
}

ZonedTime inZone(std::int64_t utc, const QTimeZone &zone)
{
    ZonedTime result;
    int offset = 0;
    if (zone.isValid()) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc());
        offset = zone.offsetFromUtc(at);
        const QString abbreviation = zone.abbreviation(at);
        // tzdata spells zones without a customary abbreviation numerically ("+04"); "UTC+4"
        // is what a reader expects.
        if (!abbreviation.isEmpty() && abbreviation.front().isLetter())
            result.label = abbreviation;
    }
    if (result.label.isEmpty())
        result.label = offsetLabel(offset);
    const std::int64_t local = utc + offset;
    const std::int64_t days = floorDiv(local, SecondsPerDay);
    result.date = civilFromDays(days);
    result.secondOfDay = static_cast<int>(local - days * SecondsPerDay);
    return result;
}

QString clockText(int secondOfDay, Precision precision)
{
    const QLatin1Char zero('0');
    QString text = QStringLiteral("%1:%2")
                       .arg(secondOfDay / 3600, 2, 10, zero)
                       .arg(secondOfDay / 60 % 60, 2, 10, zero);
    if (precision == Precision::Second)
        text += QLatin1Char(':') + QStringLiteral("%1").arg(secondOfDay % 60, 2, 10, zero);
    return text;
}

QString instantText(const ZonedTime &time, Precision precision)
{
    return dateText(time.date) + QStringLiteral(", ") + clockText(time.secondOfDay, precision)
        + QLatin1Char(' ') + time.label;
}

// One side: `reference` is an instant inside its span (see writeSide()).
QString sideText(std::int64_t reference, const Side &side, const QTimeZone &zone)
{
    if (side.hasTime())
        return instantText(inZone(reference, zone), side.precision);

    const Civil date = civilFromDays(floorDiv(reference, SecondsPerDay));
    QString base;
    const char *unknown = nullptr;
    if (side.yearX() == 4) {
        base = yearText(date.year, 4);
    } else if (side.precision == Precision::Year) {
        base = yearText(date.year, side.yearX());
    } else if (side.monthX()) {
        base = yearText(date.year, side.yearX());
        unknown = side.precision == Precision::Day ? "month and day unknown" : "month unknown";
    } else if (side.precision == Precision::Month) {
        base = monthYearText(date.year, date.month);
    } else if (side.dayX()) {
        base = monthYearText(date.year, date.month);
        unknown = "day unknown";
    } else {
        base = dateText(date);
    }

    QString text = (side.approximate ? QStringLiteral("~") : QString()) + base
        + (side.uncertain ? QStringLiteral("?") : QString());
    if (unknown)
        text += QStringLiteral(" (") + QLatin1String(unknown) + QLatin1Char(')');
    return text;
}

// Both sides plain dates of the same precision: share what they have in common, as people
// write it ("28–29 Dec 2025", "28 Nov – 2 Dec 2025", "Nov–Dec 2025", "2024–2025").
QString compactDateRange(const Civil &a, const Civil &b, Precision precision)
{
    const QString spacedDash = QLatin1Char(' ') + EnDash + QLatin1Char(' ');
    const QString year = QString::number(b.year);
    switch (precision) {
    case Precision::Year:
        if (a.year == b.year)
            return year;
        return QString::number(a.year) + EnDash + year;
    case Precision::Month:
        if (a.year != b.year)
            return monthYearText(a.year, a.month) + spacedDash + monthYearText(b.year, b.month);
        if (a.month == b.month)
            return monthYearText(b.year, b.month);
        return monthAbbreviation(a.month) + EnDash + monthYearText(b.year, b.month);
    default:
        if (a.year != b.year)
            return dateText(a) + spacedDash + dateText(b);
        if (a.month != b.month)
            return dayMonthText(a.day, a.month) + spacedDash + dayMonthText(b.day, b.month)
                + QLatin1Char(' ') + year;
        if (a.day == b.day)
            return dateText(b);
        return QString::number(a.day) + EnDash + dayMonthText(b.day, b.month) + QLatin1Char(' ')
            + year;
    }
}

// Rounds a non-negative number of seconds to the nearest multiple of `unit`.
std::int64_t roundTo(std::int64_t seconds, std::int64_t unit)
{
    return (seconds + unit / 2) / unit;
}

QString exactLagText(std::int64_t seconds)
{
    const std::int64_t minutes = roundTo(seconds, 60);
    if (minutes < 60)
        return QStringLiteral("+%1 min").arg(minutes);
    if (minutes < 24 * 60) {
        if (minutes % 60 == 0)
            return QStringLiteral("+%1 h").arg(minutes / 60);
        return QStringLiteral("+%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    }
    // Beyond a day the minutes are noise next to the days.
    const std::int64_t hours = roundTo(seconds, 3600);
    if (hours % 24 == 0)
        return QStringLiteral("+%1 d").arg(hours / 24);
    return QStringLiteral("+%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

} // namespace

// ---------------------------------------------------------------------------------------------

std::optional<FuzzyTime> FuzzyTime::parse(std::string_view text, std::string *error)
{
    Parsed parsed;
    Failure failure;
    if (parseText(text, parsed, failure))
        return FuzzyTime(parsed.start, parsed.end, parsed.flags);
    if (error)
        *error = describe(text, failure);
    return std::nullopt;
}

FuzzyTime FuzzyTime::fromDate(int year, int month, int day)
{
    if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1
        || day > daysInMonth(year, month)) {
        return {};
    }
    Side side;
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
    Side side;
    side.precision = precision;
    const std::int64_t days = floorDiv(utcSeconds, SecondsPerDay);
    const Civil date = civilFromDays(days);
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
    const Side side = unpackSide((m_flags >> StartShift) & SideMask);
    return side.precision >= Precision::Day && side.isPlain();
}

bool FuzzyTime::overlaps(const FuzzyTime &other) const
{
    return std::max(m_start, other.m_start) < std::min(m_end, other.m_end);
}

std::string FuzzyTime::toEdtf() const
{
    if (isNull())
        return {};
    // Longest: two second-precision instants and the slash (41 characters).
    std::array<char, 48> buffer {};
    char *out = buffer.data();
    const Side first = unpackSide((m_flags >> StartShift) & SideMask);
    if (!isInterval()) {
        out = writeSide(out, m_start, first);
    } else {
        if (isOpenStart()) {
            *out++ = '.';
            *out++ = '.';
        } else {
            out = writeSide(out, m_start, first);
        }
        *out++ = '/';
        if (isOpenEnd()) {
            *out++ = '.';
            *out++ = '.';
        } else {
            out = writeSide(out, m_end - 1, unpackSide((m_flags >> EndShift) & SideMask));
        }
    }
    return std::string(buffer.data(), out);
}

QString FuzzyTime::toDisplayString(const QTimeZone &zone) const
{
    if (isNull())
        return {};
    const Side first = unpackSide((m_flags >> StartShift) & SideMask);
    if (!isInterval())
        return sideText(m_start, first, zone);

    const Side last = unpackSide((m_flags >> EndShift) & SideMask);
    if (isOpenStart())
        return QStringLiteral("until ") + sideText(m_end - 1, last, zone);
    if (isOpenEnd())
        return QStringLiteral("from ") + sideText(m_start, first, zone);

    if (first.isPlain() && last.isPlain() && first.precision == last.precision) {
        if (!first.hasTime()) {
            return compactDateRange(civilFromDays(floorDiv(m_start, SecondsPerDay)),
                                    civilFromDays(floorDiv(m_end - 1, SecondsPerDay)),
                                    first.precision);
        }
        // Two instants on the same local day: "28 Dec 2025, 22:00–23:30 MSK".
        const ZonedTime a = inZone(m_start, zone);
        const ZonedTime b = inZone(m_end - precisionSeconds(last.precision), zone);
        if (a.date.year == b.date.year && a.date.month == b.date.month && a.date.day == b.date.day
            && a.label == b.label) {
            return dateText(a.date) + QStringLiteral(", ")
                + clockText(a.secondOfDay, first.precision) + EnDash
                + clockText(b.secondOfDay, last.precision) + QLatin1Char(' ') + b.label;
        }
    }
    // Mixed precisions, qualifiers or X digits: each end shown whole, with its own marks.
    return sideText(m_start, first, zone) + QLatin1Char(' ') + EnDash + QLatin1Char(' ')
        + sideText(m_end - 1, last, zone);
}

QString FuzzyTime::toDisplayString() const
{
    return toDisplayString(QTimeZone::utc());
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

QString formatLag(const Lag &lag)
{
    if (lag.min == FuzzyTime::OpenStart || lag.max == FuzzyTime::OpenEnd)
        return QStringLiteral("unknown");
    if (lag.max < 0)
        return QStringLiteral("before original");
    const std::int64_t low = std::clamp<std::int64_t>(lag.min, 0, lag.max);
    const std::int64_t high = lag.max;

    // Below two minutes the spread is only the blur of minute-precision instants.
    if (high - low < 120)
        return exactLagText(std::midpoint(low, high));

    std::int64_t unit = SecondsPerDay;
    QLatin1String unitName("d");
    if (roundTo(high, 60) < 60) {
        unit = 60;
        unitName = QLatin1String("min");
    } else if (roundTo(high, 3600) < 48) {
        unit = 3600;
        unitName = QLatin1String("h");
    }
    const std::int64_t from = roundTo(low, unit);
    const std::int64_t to = roundTo(high, unit);
    if (from == to)
        return QLatin1Char('+') + QString::number(to) + QLatin1Char(' ') + unitName;
    return (from > 0 ? QStringLiteral("+") : QString()) + QString::number(from) + EnDash
        + QString::number(to) + QLatin1Char(' ') + unitName;
}

} // namespace claimline
