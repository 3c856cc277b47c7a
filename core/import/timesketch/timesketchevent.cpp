#include "import/timesketch/timesketchevent.h"

#include "import/formats/fieldtext.h"
#include "import/importrow.h"
#include "time/isodatetime.h"

#include <QStringBuilder>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace claimline {

namespace {

constexpr std::int64_t MicrosecondsPerSecond = 1000000;
// Characters (code points) of a message that still make a title.
constexpr std::size_t TitleCharacters = 200;
constexpr std::string_view Ellipsis = "\xE2\x80\xA6"; // …
constexpr std::string_view DatetimeKey = "datetime";
constexpr std::string_view TimestampKey = "timestamp";

std::int64_t floorDiv(std::int64_t value, std::int64_t divisor)
{
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

// Whole microseconds: "-12", "1331698658276340", and "1331698658276340.0" as pandas writes
// an integer column that has gaps. nullopt for anything else or past 64 bits.
std::optional<std::int64_t> parseMicroseconds(std::string_view text)
{
    const std::size_t point = text.find('.');
    if (point != std::string_view::npos) {
        const std::string_view fraction = text.substr(point + 1);
        if (fraction.empty() || fraction.find_first_not_of('0') != std::string_view::npos)
            return std::nullopt;
        text = text.substr(0, point);
    }
    const std::size_t digits = !text.empty() && text.front() == '-' ? 1 : 0;
    if (text.size() == digits)
        return std::nullopt;
    std::int64_t value = 0;
    const char *end = text.data() + text.size();
    const auto [last, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || last != end)
        return std::nullopt;
    return value;
}

// FNV-1a, 64 bits: stable on every platform and build, unlike std::hash.
class Fnv1a
{
public:
    void add(std::string_view bytes)
    {
        for (const char c : bytes) {
            m_hash ^= static_cast<unsigned char>(c);
            m_hash *= 0x100000001b3ULL;
        }
    }
    void add(std::int64_t value)
    {
        std::array<char, 8> bytes {};
        for (std::size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = char(std::uint64_t(value) >> (8 * i) & 0xFF);
        add(std::string_view(bytes.data(), bytes.size()));
    }
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

void appendHex(std::uint64_t value, std::string &out)
{
    constexpr std::string_view Digits = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4)
        out.push_back(Digits[(value >> shift) & 0xF]);
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The part of `message` that makes its title, when the title is not the whole message: up to
// the first line break, and no more than TitleCharacters characters, cut after a word. The
// whole message when it is short and one line.
std::string_view titlePart(std::string_view message)
{
    std::size_t end = message.find_first_of("\r\n");
    if (end == std::string_view::npos)
        end = message.size();
    std::size_t characters = 0;
    std::size_t pos = 0;
    for (; pos < end; ++pos) {
        if (!isContinuationByte(message[pos]) && ++characters > TitleCharacters)
            break;
    }
    if (pos == message.size())
        return message;
    std::string_view part = message.substr(0, pos);
    if (pos < end) {
        // Cut inside a line: after the last word that fits, unless that loses more than half.
        const std::size_t space = part.find_last_of(" \t");
        if (space != std::string_view::npos && space > part.size() / 2)
            part = part.substr(0, space);
    }
    const std::string_view whole = trimmedField(part);
    part = whole;
    while (!part.empty() && std::string_view(",;:").find(part.back()) != std::string_view::npos)
        part.remove_suffix(1);
    part = trimmedField(part);
    return part.empty() ? whole : part;
}

QString notADateTime(std::string_view text)
{
    return QStringLiteral("datetime ") % quotedValue(text)
        % QStringLiteral(" is not a date and time");
}

QString outsideYears(std::string_view field, std::string_view text)
{
    return QString::fromLatin1(field.data(), qsizetype(field.size())) % QLatin1Char(' ')
        % quotedValue(text) % QStringLiteral(" is outside the years 0000 to 9999");
}

struct EventTime
{
    FuzzyTime when;
    std::int64_t micros = 0; // the instant the id is hashed from
    bool keepDatetime = false;
    bool keepTimestamp = false;
};

// The time of the event from its datetime and timestamp, or why there is none.
QString readTime(const TimesketchValues &values, EventTime &time)
{
    std::optional<IsoDateTime> datetime;
    if (!values.datetime.empty()) {
        datetime = parseIsoDateTime(values.datetime);
        if (!datetime)
            return notADateTime(values.datetime);
        time.when = datetime->toFuzzyTime();
        if (time.when.isNull())
            return outsideYears(DatetimeKey, values.datetime);
        time.micros = datetime->utcMicroseconds();
        time.keepDatetime
            = datetime->hasFraction || (datetime->hasOffset && datetime->offsetMinutes != 0);
    }
    if (values.timestamp.empty()) {
        if (!datetime)
            return notADateTime(values.datetime);
        return {};
    }
    const std::optional<std::int64_t> timestamp = parseMicroseconds(values.timestamp);
    if (!timestamp) {
        return QStringLiteral("timestamp ") % quotedValue(values.timestamp)
            % QStringLiteral(" is not a number of microseconds");
    }
    const std::int64_t second = floorDiv(*timestamp, MicrosecondsPerSecond);
    const FuzzyTime timestampTime = FuzzyTime::fromInstant(second, Precision::Second);
    if (timestampTime.isNull())
        return outsideYears(TimestampKey, values.timestamp);
    if (!datetime) {
        time.when = timestampTime;
        time.micros = *timestamp;
        time.keepTimestamp = *timestamp % MicrosecondsPerSecond != 0;
        return {};
    }
    // Both: they must say the same time. An instant to within a second (one of them may have
    // the fraction the other lacks); a day or a minute must hold the timestamp.
    std::int64_t apart = 0;
    if (datetime->precision == Precision::Second) {
        const std::int64_t difference = *timestamp - time.micros;
        apart = difference < 0 ? -difference : difference;
        if (apart < MicrosecondsPerSecond)
            apart = 0;
    } else if (second < time.when.start()) {
        apart = time.when.start() * MicrosecondsPerSecond - *timestamp;
    } else if (second >= time.when.end()) {
        apart = *timestamp - (time.when.end() * MicrosecondsPerSecond - 1);
    }
    if (apart != 0) {
        const std::int64_t seconds = std::max<std::int64_t>(
            1, (apart + MicrosecondsPerSecond / 2) / MicrosecondsPerSecond);
        return QStringLiteral("timestamp ")
            % QString::fromLatin1(values.timestamp.data(), qsizetype(values.timestamp.size()))
            % QStringLiteral(" and datetime ") % quotedValue(values.datetime)
            % QStringLiteral(" differ by ") % QString::number(seconds) % QStringLiteral(" s");
    }
    time.keepTimestamp = *timestamp != time.when.start() * MicrosecondsPerSecond;
    return {};
}

} // namespace

TimesketchField timesketchField(std::string_view name)
{
    if (name == TimesketchMessage)
        return TimesketchField::Message;
    if (name == TimesketchDatetime)
        return TimesketchField::Datetime;
    if (name == TimestampKey)
        return TimesketchField::Timestamp;
    if (name == TimesketchTimestampDesc)
        return TimesketchField::TimestampDesc;
    if (name == "_id")
        return TimesketchField::Id;
    if (name == "tag")
        return TimesketchField::Tag;
    if (name == "_index" || name == "_type" || name == "_source" || name == "__ts_timeline_id")
        return TimesketchField::Dropped;
    return TimesketchField::Attribute;
}

QString mapTimesketchEvent(const TimesketchValues &values, ImportRow &row)
{
    row.id = values.id;
    if (!values.hasMessage)
        return QStringLiteral("message is missing");
    if (values.message.empty())
        return QStringLiteral("message is empty");
    EventTime time;
    if (QString problem = readTime(values, time); !problem.isEmpty())
        return problem;
    row.when = time.when;
    row.kind = values.timestampDesc;
    if (time.keepDatetime)
        row.attributes.push_back({DatetimeKey, values.datetime, false});
    if (time.keepTimestamp)
        row.attributes.push_back({TimestampKey, values.timestamp, isPlainNumber(values.timestamp)});

    // The composed texts go to scratch first; views into it are taken once it is complete
    // (appending may move it).
    row.scratch.clear();
    const std::string_view title = titlePart(values.message);
    const bool cut = title.size() != values.message.size();
    if (cut)
        row.scratch.append(title).append(Ellipsis);
    const std::size_t titleSize = row.scratch.size();
    if (row.id.empty()) {
        Fnv1a hash;
        hash.add(time.micros);
        hash.add(values.timestampDesc);
        hash.add(std::string_view("\x1F", 1)); // so that "ab"+"c" and "a"+"bc" differ
        hash.add(values.message);
        appendHex(hash.value(), row.scratch);
        row.id = std::string_view(row.scratch).substr(titleSize);
    }
    if (cut) {
        row.title = std::string_view(row.scratch).substr(0, titleSize);
        row.summary = values.message;
    } else {
        row.title = values.message;
    }
    return {};
}

void appendTimesketchTags(std::string_view text, std::vector<std::string_view> &tags)
{
    text = trimmedField(text);
    if (text == "-")
        return;
    const bool list = text.size() >= 2 && text.front() == '[' && text.back() == ']';
    if (!list && text.find(',') == std::string_view::npos) {
        appendUnique(text, tags);
        return;
    }
    if (list)
        text = text.substr(1, text.size() - 2);
    while (!text.empty()) {
        const std::size_t at = text.find(',');
        std::string_view item = trimmedField(text.substr(0, at));
        if (list && item.size() >= 2 && (item.front() == '"' || item.front() == '\'')
            && item.back() == item.front())
            item = trimmedField(item.substr(1, item.size() - 2));
        appendUnique(item, tags);
        if (at == std::string_view::npos)
            break;
        text.remove_prefix(at + 1);
    }
}

} // namespace claimline
