#include "import/mapping/mappeddate.h"

#include "import/formats/fieldtext.h"

#include <QStringBuilder>

#include <algorithm>
#include <optional>
#include <string>

namespace claimline {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A run of digits at `pos`: its value (up to 9 digits) and how many there were.
struct Digits
{
    int value = 0;
    std::size_t count = 0;
};

Digits readDigits(std::string_view text, std::size_t &pos)
{
    Digits digits;
    while (pos < text.size() && isDigit(text[pos])) {
        if (digits.count < 9)
            digits.value = digits.value * 10 + (text[pos] - '0');
        ++digits.count;
        ++pos;
    }
    return digits;
}

bool isDaySeparator(char c)
{
    return c == '/' || c == '.' || c == '-';
}

// What may follow a day: nothing, or a time of day ("14:30", "14:30:00", "T14:30:00Z"),
// which is left out: the mapping reads days.
bool isTimeOfDayOrEnd(std::string_view rest)
{
    if (rest.empty())
        return true;
    if (rest.front() != ' ' && rest.front() != 'T')
        return false;
    rest.remove_prefix(1);
    if (rest.empty() || !isDigit(rest.front()) || rest.find(':') == std::string_view::npos)
        return false;
    return std::all_of(rest.begin(), rest.end(), [](char c) {
        return isDigit(c) || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-';
    });
}

bool isDay(int year, int month, int day)
{
    return !FuzzyTime::fromDate(year, month, day).isNull();
}

// "2023" and "2023-02": a year or a month, as EDTF writes them.
std::optional<FuzzyTime> isoYearOrMonth(std::string_view text)
{
    const bool year = text.size() == 4 && std::all_of(text.begin(), text.end(), isDigit);
    const bool month = text.size() == 7 && std::all_of(text.begin(), text.begin() + 4, isDigit)
        && text[4] == '-' && isDigit(text[5]) && isDigit(text[6])
        && (text[5] - '0') * 10 + (text[6] - '0') >= 1
        && (text[5] - '0') * 10 + (text[6] - '0') <= 12;
    if (!year && !month)
        return std::nullopt;
    return FuzzyTime::parse(text);
}

// "February 2023", "Feb 2023" (a month); "February 16, 2023", "Feb 16 2023" (a day). The
// month names are parseDay()'s: the text is rewritten into the shape it reads.
std::optional<FuzzyTime> writtenMonthFirst(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size() && isAsciiLetter(text[pos]))
        ++pos;
    const std::string_view monthName = text.substr(0, pos);
    if (monthName.size() < 3 || pos >= text.size() || text[pos] != ' ')
        return std::nullopt;
    ++pos;
    const Digits first = readDigits(text, pos);
    if (first.count == 4 && pos == text.size()) {
        std::string day = "1 ";
        day.append(monthName).append(" ").append(text.substr(pos - 4, 4));
        const std::optional<CalendarDay> parsed = parseDay(day);
        if (!parsed)
            return std::nullopt;
        const FuzzyTime month = monthTime(*parsed);
        return month.isNull() ? std::nullopt : std::optional(month);
    }
    if (first.count < 1 || first.count > 2)
        return std::nullopt;
    if (pos < text.size() && text[pos] == ',')
        ++pos;
    if (pos >= text.size() || text[pos] != ' ')
        return std::nullopt;
    ++pos;
    const std::size_t yearBegin = pos;
    const Digits year = readDigits(text, pos);
    if (year.count != 4 || pos != text.size())
        return std::nullopt;
    std::string day = std::to_string(first.value);
    day.append(" ").append(monthName).append(" ").append(text.substr(yearBegin, 4));
    const std::optional<CalendarDay> parsed = parseDay(day);
    if (!parsed)
        return std::nullopt;
    return dayTime(*parsed);
}

DateCell problem(DateProblem why, int first = 0, int second = 0)
{
    DateCell cell;
    cell.problem = why;
    cell.first = first;
    cell.second = second;
    return cell;
}

DateCell read(FuzzyTime when)
{
    DateCell cell;
    cell.when = when;
    if (when.isNull())
        cell.problem = DateProblem::NotADay;
    return cell;
}

// Numbers separated by `/`, `.` or `-`: "2023/02/16" and "2023/02" (year first, read under
// any order), "02/2023" (a month), "03/04/2023" (by the order).
DateCell readNumeric(std::string_view text, DateOrder order)
{
    std::size_t pos = 0;
    const Digits a = readDigits(text, pos);
    if (a.count == 0 || pos >= text.size() || !isDaySeparator(text[pos]))
        return problem(DateProblem::NotADate);
    const char separator = text[pos++];
    const Digits b = readDigits(text, pos);
    if (b.count == 0)
        return problem(DateProblem::NotADate);
    if (a.count == 4) { // year first: "2023/02/16", "2023.02"
        if (b.count > 2)
            return problem(DateProblem::NotADate);
        if (pos == text.size())
            return b.value >= 1 && b.value <= 12 ? read(monthTime({a.value, b.value, 1}))
                                                 : problem(DateProblem::NotADay);
        if (text[pos++] != separator)
            return problem(DateProblem::NotADate);
        const Digits c = readDigits(text, pos);
        if (c.count == 0 || c.count > 2 || !isTimeOfDayOrEnd(text.substr(pos)))
            return problem(DateProblem::NotADate);
        return read(FuzzyTime::fromDate(a.value, b.value, c.value));
    }
    if (a.count > 2)
        return problem(DateProblem::NotADate);
    if (pos == text.size()) { // "02/2023": a month
        if (b.count != 4)
            return problem(b.count == 2 ? DateProblem::TwoDigitYear : DateProblem::NotADate);
        return a.value >= 1 && a.value <= 12 ? read(monthTime({b.value, a.value, 1}))
                                             : problem(DateProblem::NotADay);
    }
    if (b.count > 2 || text[pos++] != separator)
        return problem(DateProblem::NotADate);
    const Digits year = readDigits(text, pos);
    if (year.count == 0 || !isTimeOfDayOrEnd(text.substr(pos)))
        return problem(DateProblem::NotADate);
    if (year.count == 2)
        return problem(DateProblem::TwoDigitYear, a.value, b.value);
    if (year.count != 4)
        return problem(DateProblem::NotADate);
    if (a.value == 0 || b.value == 0)
        return problem(DateProblem::NotADay);
    const bool dayFirst = isDay(year.value, b.value, a.value);
    const bool monthFirst = isDay(year.value, a.value, b.value);
    DateCell cell;
    cell.first = a.value;
    cell.second = b.value;
    switch (order) {
    case DateOrder::DayFirst:
        if (dayFirst)
            cell.when = FuzzyTime::fromDate(year.value, b.value, a.value);
        else
            cell.problem = monthFirst ? DateProblem::NotADayInOrder : DateProblem::NotADay;
        break;
    case DateOrder::MonthFirst:
        if (monthFirst)
            cell.when = FuzzyTime::fromDate(year.value, a.value, b.value);
        else
            cell.problem = dayFirst ? DateProblem::NotADayInOrder : DateProblem::NotADay;
        break;
    case DateOrder::Iso:
    case DateOrder::Written:
        cell.problem = dayFirst || monthFirst ? DateProblem::NeedsOrder : DateProblem::NotADay;
        break;
    }
    return cell;
}

} // namespace

DateCell readDateCell(std::string_view text, DateOrder order)
{
    text = trimmedField(text);
    if (text.empty())
        return problem(DateProblem::Empty);
    if (const std::optional<CalendarDay> day = parseDay(text))
        return read(dayTime(*day));
    if (const std::optional<FuzzyTime> yearOrMonth = isoYearOrMonth(text))
        return read(*yearOrMonth);
    if (isAsciiLetter(text.front())) {
        if (const std::optional<FuzzyTime> written = writtenMonthFirst(text))
            return read(*written);
        return problem(DateProblem::NotADate);
    }
    if (!isDigit(text.front()))
        return problem(DateProblem::NotADate);
    // Numbers, including an ISO day parseDay() refused ("2023-02-30" is not a day).
    return readNumeric(text, order);
}

QString describe(DateOrder order)
{
    switch (order) {
    case DateOrder::Iso:
        return QStringLiteral("ISO (YYYY-MM-DD)");
    case DateOrder::DayFirst:
        return QStringLiteral("day first (DD/MM/YYYY)");
    case DateOrder::MonthFirst:
        return QStringLiteral("month first (MM/DD/YYYY)");
    case DateOrder::Written:
        return QStringLiteral("written out (16 February 2023)");
    }
    return {};
}

QString dateProblemText(std::string_view field, std::string_view text, DateOrder order,
                        DateProblem problem)
{
    const QString name = QString::fromUtf8(field.data(), qsizetype(field.size()));
    const QString value = quotedValue(trimmedField(text));
    switch (problem) {
    case DateProblem::None:
        return {};
    case DateProblem::Empty:
        return name % QStringLiteral(" is empty");
    case DateProblem::NotADate:
        return name % u' ' % value % QStringLiteral(" is not a date");
    case DateProblem::TwoDigitYear:
        return name % u' ' % value % QStringLiteral(" has a two-digit year");
    case DateProblem::NotADay:
        return name % u' ' % value % QStringLiteral(" is not a day");
    case DateProblem::NotADayInOrder:
        return name % u' ' % value % QStringLiteral(" is not a day when read ") % describe(order);
    case DateProblem::NeedsOrder:
        return name % u' ' % value
            % QStringLiteral(" has day and month in numbers, which the date format ")
            % describe(order) % QStringLiteral(" does not read: choose DD/MM/YYYY or MM/DD/YYYY");
    }
    return {};
}

} // namespace claimline
