#include "time/isodatetime.h"

#include "time/fuzzytimepacking.h"

namespace claimline {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Exactly `digits` digits at `pos`, moving past them; -1 when they are not there.
int fixedNumber(std::string_view text, std::size_t &pos, std::size_t digits)
{
    if (text.size() - pos < digits)
        return -1;
    int value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        const char c = text[pos + i];
        if (!isDigit(c))
            return -1;
        value = value * 10 + (c - '0');
    }
    pos += digits;
    return value;
}

bool skip(std::string_view text, std::size_t &pos, char c)
{
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

// ".123456" or ",5": 1 to 9 digits, cut to microseconds. False when the separator is there
// without digits, or with more than nine.
bool readFraction(std::string_view text, std::size_t &pos, IsoDateTime &time)
{
    if (pos >= text.size() || (text[pos] != '.' && text[pos] != ','))
        return true;
    ++pos;
    const std::size_t begin = pos;
    std::int32_t micro = 0;
    while (pos < text.size() && isDigit(text[pos])) {
        if (pos - begin < 6)
            micro = micro * 10 + (text[pos] - '0');
        ++pos;
    }
    const std::size_t digits = pos - begin;
    if (digits == 0 || digits > 9)
        return false;
    for (std::size_t d = digits; d < 6; ++d)
        micro *= 10;
    time.microseconds = micro;
    time.hasFraction = true;
    return true;
}

// "Z", "+02", "+0200", "+02:00" to the end of the text.
bool readOffset(std::string_view text, std::size_t &pos, IsoDateTime &time)
{
    if (pos == text.size())
        return true;
    if (text[pos] == 'Z' || text[pos] == 'z') {
        time.hasOffset = true;
        return ++pos == text.size();
    }
    if (text[pos] != '+' && text[pos] != '-')
        return false;
    const int sign = text[pos++] == '-' ? -1 : 1;
    const int hours = fixedNumber(text, pos, 2);
    if (hours < 0 || hours > 23)
        return false;
    int minutes = 0;
    if (pos < text.size()) {
        skip(text, pos, ':');
        minutes = fixedNumber(text, pos, 2);
        if (minutes < 0 || minutes > 59)
            return false;
    }
    time.hasOffset = true;
    time.offsetMinutes = std::int16_t(sign * (hours * 60 + minutes));
    return pos == text.size();
}

} // namespace

FuzzyTime IsoDateTime::toFuzzyTime() const
{
    return FuzzyTime::fromInstant(utcSeconds, precision);
}

std::optional<IsoDateTime> parseIsoDateTime(std::string_view text)
{
    std::size_t pos = 0;
    const int year = fixedNumber(text, pos, 4);
    if (year < 0 || !skip(text, pos, '-'))
        return std::nullopt;
    const int month = fixedNumber(text, pos, 2);
    if (month < 1 || month > 12 || !skip(text, pos, '-'))
        return std::nullopt;
    const int day = fixedNumber(text, pos, 2);
    if (day < 1 || day > daysInMonth(year, month))
        return std::nullopt;
    IsoDateTime time;
    const std::int64_t days = daysFromCivil(year, month, day);
    if (pos == text.size()) {
        time.precision = Precision::Day;
        time.utcSeconds = days * SecondsPerDay;
        return time;
    }
    if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')
        return std::nullopt;
    ++pos;
    const int hour = fixedNumber(text, pos, 2);
    if (hour < 0 || hour > 23 || !skip(text, pos, ':'))
        return std::nullopt;
    const int minute = fixedNumber(text, pos, 2);
    if (minute < 0 || minute > 59)
        return std::nullopt;
    int second = 0;
    time.precision = Precision::Minute;
    if (skip(text, pos, ':')) {
        second = fixedNumber(text, pos, 2);
        if (second < 0 || second > 59)
            return std::nullopt;
        time.precision = Precision::Second;
        if (!readFraction(text, pos, time))
            return std::nullopt;
    }
    if (!readOffset(text, pos, time))
        return std::nullopt;
    time.utcSeconds = days * SecondsPerDay + hour * 3600 + minute * 60 + second
        - std::int64_t(time.offsetMinutes) * 60;
    return time;
}

} // namespace claimline
