#include "import/timesketch/timesketchjsonl.h"

#include "import/formats/fieldtext.h"
#include "import/timesketch/linereader.h"
#include "import/timesketch/timesketchevent.h"

#include <QFile>
#include <QStringBuilder>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <string>

namespace claimline {

namespace {

// ordered_json: attributes are kept in the order the line has them, as a CSV's columns are.
using Json = nlohmann::ordered_json;

class TimesketchJsonlSource final : public RowSource
{
public:
    explicit TimesketchJsonlSource(std::unique_ptr<QFile> file)
        : m_file(std::move(file))
        , m_lines(m_file.get())
    { }

    ImportFormat format() const override { return ImportFormat::Timesketch; }
    bool next(ImportRow &row, QString &problem) override;
    std::int64_t bytesRead() const override { return m_lines.bytesRead(); }
    QString error() const override { return m_lines.error(); }

private:
    void mapValue(std::string_view key, const Json &value, TimesketchValues &values,
                  ImportRow &row);
    // The value as text (trimmed); empty for null, "", [] and {}. The view is valid until the
    // next line.
    std::string_view text(const Json &value);
    std::string &newText();

    std::unique_ptr<QFile> m_file;
    LineReader m_lines;
    Json m_event;
    // Texts made for this line's values. A deque: adding one never moves the others, which
    // views point into; the strings keep their capacity from line to line.
    std::deque<std::string> m_texts;
    std::size_t m_textsUsed = 0;
};

// Deeper than this, a line is refused: writing a nested value back as text recurses once a
// level, and no event nests so deep.
constexpr int MaxNesting = 32;

// How deep the brackets of a line nest, outside strings (the line's object is level 1).
int nestingDepth(std::string_view line)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : line) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

bool isScalar(const Json &value)
{
    return value.is_string() || value.is_number() || value.is_boolean();
}

// A number or true/false as JSON writes it, appended.
void appendScalar(const Json &value, std::string &out)
{
    std::array<char, 24> digits {};
    char *end = digits.data();
    switch (value.type()) {
    case Json::value_t::string:
        out.append(trimmedField(value.get_ref<const std::string &>()));
        return;
    case Json::value_t::boolean:
        out.append(value.get<bool>() ? "true" : "false");
        return;
    case Json::value_t::number_integer:
        end = std::to_chars(digits.begin(), digits.end(), value.get<std::int64_t>()).ptr;
        break;
    case Json::value_t::number_unsigned:
        end = std::to_chars(digits.begin(), digits.end(), value.get<std::uint64_t>()).ptr;
        break;
    default:
        out.append(value.dump()); // a float: JSON's shortest form that reads back the same
        return;
    }
    out.append(digits.data(), std::size_t(end - digits.data()));
}

} // namespace

std::string &TimesketchJsonlSource::newText()
{
    if (m_textsUsed == m_texts.size())
        m_texts.emplace_back();
    std::string &text = m_texts[m_textsUsed++];
    text.clear();
    return text;
}

std::string_view TimesketchJsonlSource::text(const Json &value)
{
    if (value.is_string())
        return trimmedField(value.get_ref<const std::string &>());
    if (value.is_null() || value.empty())
        return {};
    std::string &out = newText();
    if (isScalar(value)) {
        appendScalar(value, out);
    } else if (value.is_array() && std::all_of(value.begin(), value.end(), isScalar)) {
        for (const Json &item : value) {
            if (!out.empty())
                out.append("; ");
            appendScalar(item, out);
        }
    } else {
        out = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    return out;
}

void TimesketchJsonlSource::mapValue(std::string_view key, const Json &value,
                                     TimesketchValues &values, ImportRow &row)
{
    switch (timesketchField(key)) {
    case TimesketchField::Message:
        values.hasMessage = true;
        values.message = text(value);
        return;
    case TimesketchField::Datetime:
        values.datetime = text(value);
        return;
    case TimesketchField::Timestamp:
        values.timestamp = text(value);
        return;
    case TimesketchField::TimestampDesc:
        values.timestampDesc = text(value);
        return;
    case TimesketchField::Id:
        values.id = text(value);
        return;
    case TimesketchField::Tag:
        if (value.is_array()) {
            for (const Json &tag : value)
                appendUnique(text(tag), row.tags);
        } else {
            appendTimesketchTags(text(value), row.tags);
        }
        return;
    case TimesketchField::Dropped:
        return;
    case TimesketchField::Attribute:
        if (const std::string_view kept = text(value); !kept.empty())
            row.attributes.push_back({key, kept, isPlainNumber(kept)});
        return;
    }
}

bool TimesketchJsonlSource::next(ImportRow &row, QString &problem)
{
    std::string_view line;
    std::int64_t number = 0;
    do {
        if (!m_lines.next(line, number))
            return false;
        line = trimmedField(line);
    } while (line.empty());

    row.clear();
    row.line = number;
    problem.clear();
    m_textsUsed = 0;
    if (nestingDepth(line) > MaxNesting) {
        problem = QStringLiteral("nested more than %1 levels deep").arg(MaxNesting);
        return true;
    }
    m_event = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!m_event.is_object()) { // a discarded value too: not JSON at all
        problem = QStringLiteral("not a JSON object: ") % quotedValue(line);
        return true;
    }
    TimesketchValues values;
    for (auto it = m_event.begin(); it != m_event.end(); ++it) {
        const std::string_view key = trimmedField(it.key());
        if (!key.empty())
            mapValue(key, it.value(), values, row);
    }
    problem = mapTimesketchEvent(values, row);
    return true;
}

std::unique_ptr<RowSource> openTimesketchJsonl(const QString &path, QString *error)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot be read: %1").arg(file->errorString());
        return nullptr;
    }
    const QByteArray start = file->peek(2);
    if (start == "\xFF\xFE" || start == "\xFE\xFF") {
        *error = QStringLiteral("cannot be read: it is UTF-16 text, and JSON lines are UTF-8");
        return nullptr;
    }
    return std::make_unique<TimesketchJsonlSource>(std::move(file));
}

} // namespace claimline
