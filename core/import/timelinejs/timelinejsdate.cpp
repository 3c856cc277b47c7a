#include "import/timelinejs/timelinejsdate.h"

#include "import/formats/fieldtext.h"

#include <QStringBuilder>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace claimline {

namespace {

constexpr int SecondsPerHour = 3600;
constexpr int SecondsPerMinute = 60;

// A whole number as a cell or a JSON string writes it: digits, a sign, white space around.
std::optional<int> wholeNumber(std::string_view text)
{
    text = trimmedField(text);
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

QString nameText(std::string_view name)
{
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

// `Month "13" is not a month`
QString partProblem(std::string_view name, std::string_view value, const QString &what)
{
    return nameText(name) % QLatin1Char(' ') % quotedValue(trimmedField(value)) % QLatin1Char(' ')
        % what;
}

// The number a part says, within [min, max]; nullopt when it says none or one outside.
std::optional<int> partNumber(std::string_view text, int min, int max)
{
    const std::optional<int> value = wholeNumber(text);
    if (!value || *value < min || *value > max)
        return std::nullopt;
    return value;
}

struct TimeOfDay
{
    int hour = 0;
    int minute = 0;
    int second = -1; // not given
};

// "6:45", "06:45:56", "6:45 PM", "06:45:56 am".
std::optional<TimeOfDay> parseTimeOfDay(std::string_view text)
{
    text = trimmedField(text);
    int twelveHour = 0; // 1: AM, 2: PM
    if (text.size() > 2) {
        const std::string_view suffix = text.substr(text.size() - 2);
        const auto is = [suffix](char first) {
            return (suffix[0] == first || suffix[0] == char(first + 'a' - 'A'))
                && (suffix[1] == 'M' || suffix[1] == 'm');
        };
        if (is('A') || is('P')) {
            twelveHour = is('A') ? 1 : 2;
            text = trimmedField(text.substr(0, text.size() - 2));
        }
    }
    std::array<std::string_view, 3> parts;
    std::size_t count = 0;
    while (count < parts.size()) {
        const std::size_t colon = text.find(':');
        parts[count++] = text.substr(0, colon);
        if (colon == std::string_view::npos)
            break;
        text.remove_prefix(colon + 1);
        if (count == parts.size())
            return std::nullopt; // a fourth part
    }
    if (count < 2)
        return std::nullopt;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view part = parts[i];
        const bool digits = !part.empty() && part.size() <= 2
            && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || (i > 0 && part.size() != 2))
            return std::nullopt;
    }
    TimeOfDay time;
    time.hour = *wholeNumber(parts[0]);
    time.minute = *wholeNumber(parts[1]);
    if (count == 3)
        time.second = *wholeNumber(parts[2]);
    if (twelveHour != 0) {
        if (time.hour < 1 || time.hour > 12)
            return std::nullopt;
        time.hour = time.hour % 12 + (twelveHour == 2 ? 12 : 0);
    }
    if (time.hour > 23 || time.minute > 59 || time.second > 59)
        return std::nullopt;
    return time;
}

bool given(std::string_view text)
{
    return !trimmedField(text).empty();
}

} // namespace

bool isEmpty(const DateParts &parts)
{
    return !given(parts.year) && !given(parts.month) && !given(parts.day) && !given(parts.hour)
        && !given(parts.minute) && !given(parts.second) && !given(parts.time);
}

QString readDate(const DateParts &parts, const DatePartNames &names, FuzzyTime &time)
{
    time = {};
    if (isEmpty(parts))
        return {};

    // Each part needs the one above it: a day without a month says no day.
    struct Link
    {
        std::string_view value, name, parentValue, parentName;
    };
    const std::array<Link, 6> links {{
        {parts.month, names.month, parts.year, names.year},
        {parts.day, names.day, parts.month, names.month},
        {parts.hour, names.hour, parts.day, names.day},
        {parts.time, names.time, parts.day, names.day},
        {parts.minute, names.minute, parts.hour, names.hour},
        {parts.second, names.second, parts.minute, names.minute},
    }};
    for (const Link &link : links) {
        if (given(link.value) && !given(link.parentValue)) {
            return partProblem(link.name, link.value,
                               QStringLiteral("is given without ") % nameText(link.parentName));
        }
    }
    Q_ASSERT(given(parts.year)); // any other part needs it

    const std::optional<int> year = wholeNumber(parts.year);
    if (!year)
        return partProblem(names.year, parts.year, QStringLiteral("is not a year"));
    if (*year < 0) {
        return partProblem(names.year, parts.year,
                           QStringLiteral("is before year 0: BCE dates are not supported"));
    }
    if (*year > 9999)
        return partProblem(names.year, parts.year, QStringLiteral("is after year 9999"));

    Precision precision = Precision::Year;
    int month = 1;
    if (given(parts.month)) {
        const std::optional<int> value = partNumber(parts.month, 1, 12);
        if (!value)
            return partProblem(names.month, parts.month, QStringLiteral("is not a month"));
        month = *value;
        precision = Precision::Month;
    }
    int day = 1;
    if (given(parts.day)) {
        const std::optional<int> value = partNumber(parts.day, 1, 31);
        if (!value || FuzzyTime::fromDate(*year, month, *value).isNull()) {
            // 29 February is a day of month 2, only not in every year.
            const QString inYear = value == 29 && month == 2
                ? QStringLiteral(" in ") % QString::number(*year)
                : QString();
            return partProblem(names.day, parts.day,
                               QStringLiteral("is not a day of month ") % QString::number(month)
                                   % inYear);
        }
        day = *value;
        precision = Precision::Day;
    }

    std::int64_t seconds = 0;
    if (given(parts.time)) {
        const std::optional<TimeOfDay> value = parseTimeOfDay(parts.time);
        if (!value) {
            return partProblem(names.time, parts.time,
                               QStringLiteral("is not a time of day (HH:MM or HH:MM:SS)"));
        }
        seconds = value->hour * SecondsPerHour + value->minute * SecondsPerMinute
            + std::max(value->second, 0);
        precision = value->second < 0 ? Precision::Minute : Precision::Second;
    } else if (given(parts.hour)) {
        const std::optional<int> hour = partNumber(parts.hour, 0, 23);
        if (!hour)
            return partProblem(names.hour, parts.hour, QStringLiteral("is not an hour"));
        seconds = *hour * SecondsPerHour;
        precision = Precision::Minute;
        if (given(parts.minute)) {
            const std::optional<int> minute = partNumber(parts.minute, 0, 59);
            if (!minute)
                return partProblem(names.minute, parts.minute, QStringLiteral("is not a minute"));
            seconds += *minute * SecondsPerMinute;
        }
        if (given(parts.second)) {
            const std::optional<int> second = partNumber(parts.second, 0, 59);
            if (!second)
                return partProblem(names.second, parts.second, QStringLiteral("is not a second"));
            seconds += *second;
            precision = Precision::Second;
        }
    }

    const FuzzyTime dayTime = FuzzyTime::fromDate(*year, month, day);
    time = FuzzyTime::fromInstant(dayTime.start() + seconds, precision);
    if (dayTime.isNull() || time.isNull()) // not expected for the years 0 to 9999
        return partProblem(names.year, parts.year, QStringLiteral("is out of range"));
    return {};
}

QString readSpan(const DateParts &start, const DatePartNames &startNames, const DateParts &end,
                 const DatePartNames &endNames, FuzzyTime &when)
{
    when = {};
    if (isEmpty(start))
        return nameText(startNames.year) % QStringLiteral(" is empty");
    FuzzyTime first;
    if (QString problem = readDate(start, startNames, first); !problem.isEmpty())
        return problem;
    FuzzyTime last;
    if (QString problem = readDate(end, endNames, last); !problem.isEmpty())
        return problem;
    if (last.isNull()) {
        when = first;
        return {};
    }
    const std::optional<FuzzyTime> span = FuzzyTime::interval(first, last);
    if (!span) {
        return QStringLiteral("the end ") % QString::fromStdString(last.toEdtf())
            % QStringLiteral(" comes before the start ") % QString::fromStdString(first.toEdtf());
    }
    when = *span;
    return {};
}

} // namespace claimline
