#include "import/formats/fieldtext.h"

#include <QStringBuilder>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace claimline {

namespace {

constexpr std::int64_t SecondsPerDay = 24 * 60 * 60;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// Reads 1 to `maxDigits` digits at `pos`; -1 when there are none or too many.
int readNumber(std::string_view text, std::size_t &pos, std::size_t minDigits,
               std::size_t maxDigits)
{
    const std::size_t begin = pos;
    int value = 0;
    while (pos < text.size() && isDigit(text[pos]) && pos - begin < maxDigits) {
        value = value * 10 + (text[pos] - '0');
        ++pos;
    }
    const std::size_t digits = pos - begin;
    if (digits < minDigits || (pos < text.size() && isDigit(text[pos])))
        return -1;
    return value;
}

constexpr std::array<std::string_view, 12> MonthNames {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// 1-12 for an English month name, whole or its first three letters ("Feb", "Sept"), any case.
int monthFromName(std::string_view name)
{
    if (name.size() < 3)
        return -1;
    for (std::size_t m = 0; m < MonthNames.size(); ++m) {
        const std::string_view full = MonthNames[m];
        const bool abbreviated = name.size() == 3 || (m == 8 && name.size() == 4);
        if (!abbreviated && name.size() != full.size())
            continue;
        if (name.size() > full.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i)
            same = lowerAscii(name[i]) == full[i];
        if (same)
            return int(m) + 1;
    }
    return -1;
}

// "2023-02-16", optionally followed by a time of day that is ignored ("00:00:00.000").
std::optional<CalendarDay> validDay(int year, int month, int day)
{
    if (FuzzyTime::fromDate(year, month, day).isNull())
        return std::nullopt;
    return CalendarDay {year, month, day};
}

std::optional<CalendarDay> parseIsoDay(std::string_view text)
{
    std::size_t pos = 0;
    const int year = readNumber(text, pos, 4, 4);
    if (year < 0 || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    const int month = readNumber(text, pos, 1, 2);
    if (month < 0 || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    const int day = readNumber(text, pos, 1, 2);
    if (day < 0)
        return std::nullopt;
    if (pos < text.size()) {
        if (text[pos] != ' ' && text[pos] != 'T')
            return std::nullopt;
        const std::string_view time = text.substr(pos + 1);
        if (time.empty() || !isDigit(time.front()))
            return std::nullopt;
        const bool timeLike = std::all_of(time.begin(), time.end(), [](char c) {
            return isDigit(c) || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-';
        });
        if (!timeLike)
            return std::nullopt;
    }
    return validDay(year, month, day);
}

// "16 February 2023", "16 Feb 2023", "16-Feb-2023".
std::optional<CalendarDay> parseNamedMonthDay(std::string_view text)
{
    std::size_t pos = 0;
    const int day = readNumber(text, pos, 1, 2);
    if (day < 0 || pos >= text.size())
        return std::nullopt;
    const char separator = text[pos++];
    if (separator != ' ' && separator != '-')
        return std::nullopt;
    const std::size_t nameBegin = pos;
    while (pos < text.size() && isAsciiLetter(text[pos]))
        ++pos;
    const int month = monthFromName(text.substr(nameBegin, pos - nameBegin));
    if (month < 0 || pos >= text.size() || text[pos++] != separator)
        return std::nullopt;
    const int year = readNumber(text, pos, 4, 4);
    if (year < 0 || pos != text.size())
        return std::nullopt;
    return validDay(year, month, day);
}

} // namespace

std::string_view trimmedField(std::string_view text)
{
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool isPlainNumber(std::string_view text)
{
    std::size_t pos = 0;
    if (pos < text.size() && text[pos] == '-')
        ++pos;
    const std::size_t intBegin = pos;
    while (pos < text.size() && isDigit(text[pos]))
        ++pos;
    const std::size_t intDigits = pos - intBegin;
    if (intDigits == 0 || (intDigits > 1 && text[intBegin] == '0'))
        return false;
    if (pos == text.size())
        return true;
    if (text[pos] != '.')
        return false;
    const std::size_t fractionBegin = ++pos;
    while (pos < text.size() && isDigit(text[pos]))
        ++pos;
    return pos > fractionBegin && pos == text.size();
}

std::optional<double> parseNumber(std::string_view text)
{
    text = trimmedField(text);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && text.front() == '-')
            return std::nullopt;
    }
    // A decimal comma: only when there is exactly one comma and no point.
    std::array<char, 64> buffer {};
    const std::size_t comma = text.find(',');
    if (comma != std::string_view::npos && text.find('.') == std::string_view::npos
        && text.find(',', comma + 1) == std::string_view::npos) {
        if (text.size() > buffer.size())
            return std::nullopt;
        std::copy(text.begin(), text.end(), buffer.begin());
        buffer[comma] = '.';
        text = std::string_view(buffer.data(), text.size());
    }
    double value = 0;
    const char *end = text.data() + text.size();
    const auto [last, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || last != end || text.empty() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

int smallCode(std::string_view text)
{
    text = trimmedField(text);
    if (text.empty() || text.size() > 2 || !std::all_of(text.begin(), text.end(), isDigit))
        return -1;
    return text.size() == 1 ? text[0] - '0' : (text[0] - '0') * 10 + (text[1] - '0');
}

QString readCoordinates(std::string_view latitudeText, std::string_view longitudeText,
                        double &latitude, double &longitude)
{
    latitudeText = trimmedField(latitudeText);
    longitudeText = trimmedField(longitudeText);
    latitude = longitude = std::numeric_limits<double>::quiet_NaN();
    if (latitudeText.empty() && longitudeText.empty())
        return {};
    if (latitudeText.empty())
        return QStringLiteral("latitude is empty while longitude is given");
    if (longitudeText.empty())
        return QStringLiteral("longitude is empty while latitude is given");
    const std::optional<double> lat = parseNumber(latitudeText);
    if (!lat)
        return QStringLiteral("latitude ") % quotedValue(latitudeText)
            % QStringLiteral(" is not a number");
    if (*lat < -90 || *lat > 90)
        return QStringLiteral("latitude ") % quotedValue(latitudeText)
            % QStringLiteral(" is out of range (-90 to 90)");
    const std::optional<double> lon = parseNumber(longitudeText);
    if (!lon)
        return QStringLiteral("longitude ") % quotedValue(longitudeText)
            % QStringLiteral(" is not a number");
    if (*lon < -180 || *lon > 180)
        return QStringLiteral("longitude ") % quotedValue(longitudeText)
            % QStringLiteral(" is out of range (-180 to 180)");
    latitude = *lat;
    longitude = *lon;
    return {};
}

std::optional<CalendarDay> parseDay(std::string_view text)
{
    text = trimmedField(text);
    if (text.size() >= 5 && isDigit(text[0]) && isDigit(text[1]) && isDigit(text[2])
        && isDigit(text[3]) && text[4] == '-') {
        return parseIsoDay(text);
    }
    return parseNamedMonthDay(text);
}

FuzzyTime dayTime(CalendarDay day)
{
    return FuzzyTime::fromDate(day.year, day.month, day.day);
}

FuzzyTime monthTime(CalendarDay day)
{
    // "YYYY-MM" through the EDTF parser, which makes the month exactly as a typed one.
    if (day.year < 0 || day.year > 9999 || day.month < 1 || day.month > 12)
        return {};
    std::array<char, 7> text {};
    text[0] = char('0' + day.year / 1000);
    text[1] = char('0' + day.year / 100 % 10);
    text[2] = char('0' + day.year / 10 % 10);
    text[3] = char('0' + day.year % 10);
    text[4] = '-';
    text[5] = char('0' + day.month / 10);
    text[6] = char('0' + day.month % 10);
    return FuzzyTime::parse(std::string_view(text.data(), text.size())).value_or(FuzzyTime());
}

FuzzyTime weekAroundTime(CalendarDay day)
{
    const FuzzyTime middle = dayTime(day);
    if (middle.isNull())
        return {};
    const FuzzyTime first
        = FuzzyTime::fromInstant(middle.start() - 3 * SecondsPerDay, Precision::Day);
    const FuzzyTime last
        = FuzzyTime::fromInstant(middle.start() + 3 * SecondsPerDay, Precision::Day);
    if (first.isNull() || last.isNull())
        return {};
    return FuzzyTime::interval(first, last).value_or(FuzzyTime());
}

FuzzyTime daysTime(CalendarDay first, CalendarDay last)
{
    const FuzzyTime from = dayTime(first);
    const FuzzyTime to = dayTime(last);
    if (from.isNull() || to.isNull())
        return {};
    if (from == to)
        return from;
    return FuzzyTime::interval(from, to).value_or(FuzzyTime());
}

void appendUnique(std::string_view item, std::vector<std::string_view> &out)
{
    if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end())
        out.push_back(item);
}

void appendListItems(std::string_view text, char separator, std::vector<std::string_view> &out)
{
    while (!text.empty()) {
        const std::size_t at = text.find(separator);
        appendUnique(trimmedField(text.substr(0, at)), out);
        if (at == std::string_view::npos)
            break;
        text.remove_prefix(at + 1);
    }
}

QString quotedValue(std::string_view value, std::size_t maxBytes)
{
    bool cut = false;
    if (value.size() > maxBytes) {
        std::size_t end = maxBytes;
        // Never cut inside a UTF-8 sequence: back up over continuation bytes.
        while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80)
            --end;
        value = value.substr(0, end);
        cut = true;
    }
    QString text = QString::fromUtf8(value.data(), qsizetype(value.size()));
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = QLatin1Char(' ');
    }
    if (cut)
        text += QChar(0x2026);
    return QLatin1Char('"') % text % QLatin1Char('"');
}

QString fieldCountProblem(std::size_t fields, std::size_t headerColumns)
{
    const QString count = QString::number(fields);
    return (fields == 1 ? count + QStringLiteral(" field") : count + QStringLiteral(" fields"))
        % QStringLiteral(" where the header has ") % QString::number(headerColumns);
}

} // namespace claimline
