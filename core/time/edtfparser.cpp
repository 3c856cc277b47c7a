#include "time/fuzzytime.h"

#include "time/edtferror.h"
#include "time/fuzzytimepacking.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace claimline {

namespace {

// ---------------------------------------------------------------------------------------------
// Parsing. The parser only records *what* went wrong and where (no allocation); the message is
// written by EdtfError::describe() and only when the caller asked for it.

using Problem = EdtfError::Problem;

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
bool parseSide(std::string_view s, std::size_t from, std::size_t stop, FuzzyTimeSide &side,
               EdtfError &f)
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

bool parseText(std::string_view s, Parsed &out, EdtfError &f)
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
        FuzzyTimeSide side;
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

    FuzzyTimeSide from;
    FuzzyTimeSide to;
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

} // namespace

std::optional<FuzzyTime> FuzzyTime::parse(std::string_view text, std::string *error)
{
    Parsed parsed;
    EdtfError failure;
    if (parseText(text, parsed, failure))
        return FuzzyTime(parsed.start, parsed.end, parsed.flags);
    if (error)
        *error = failure.describe(text);
    return std::nullopt;
}

} // namespace claimline
