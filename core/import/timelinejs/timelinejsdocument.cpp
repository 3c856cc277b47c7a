#include "import/timelinejs/timelinejsdocument.h"

#include <QStringBuilder>

#include <algorithm>
#include <iterator>
#include <string>

namespace claimline {

namespace {

using Json = nlohmann::json;

constexpr std::size_t MaxDepth = 256;

// An input iterator over the bytes that counts the lines it has passed: nlohmann's lexer
// reads through it, so when the SAX handler hears of a "{", the count is that "{"'s line.
class CountingIterator
{
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    CountingIterator() = default;
    CountingIterator(const char *at, JsonPlace *place)
        : m_at(at)
        , m_place(place)
    { }

    reference operator*() const { return *m_at; }
    CountingIterator &operator++()
    {
        if (m_place) {
            if (*m_at == '\n')
                ++m_place->line;
            ++m_place->byte;
        }
        ++m_at;
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    friend bool operator==(const CountingIterator &a, const CountingIterator &b)
    {
        return a.m_at == b.m_at;
    }

private:
    const char *m_at = nullptr;
    JsonPlace *m_place = nullptr;
};

// nlohmann's json_sax_dom_parser, plus the places of the slides.
class DocumentBuilder
{
public:
    DocumentBuilder(TimelineJsDocument &document, const JsonPlace &read)
        : m_document(document)
        , m_read(read)
    { }

    QString problem() const { return m_problem; }

    bool null() { return add(nullptr) != nullptr; }
    bool boolean(bool value) { return add(value) != nullptr; }
    bool number_integer(Json::number_integer_t value) { return add(value) != nullptr; }
    bool number_unsigned(Json::number_unsigned_t value) { return add(value) != nullptr; }
    bool number_float(Json::number_float_t value, const Json::string_t &)
    {
        return add(value) != nullptr;
    }
    bool string(Json::string_t &value) { return add(std::move(value)) != nullptr; }
    bool binary(Json::binary_t &value) { return add(std::move(value)) != nullptr; }

    bool start_object(std::size_t)
    {
        if (!deepEnough())
            return false;
        m_stack.push_back(add(Json::value_t::object));
        return true;
    }
    bool key(Json::string_t &name)
    {
        Json &object = *m_stack.back();
        if (m_stack.size() == 1) {
            // A second "events" replaces the first, as in nlohmann's value: so do its places.
            m_slides = name == "events" ? &m_document.events
                : name == "eras"        ? &m_document.eras
                                        : nullptr;
            if (m_slides)
                m_slides->clear();
        }
        m_member = &object[name];
        return true;
    }
    bool end_object()
    {
        m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t)
    {
        if (!deepEnough())
            return false;
        const bool slideList = m_stack.size() == 1 && m_slides;
        m_stack.push_back(add(Json::value_t::array));
        m_slideList = slideList ? m_stack.back() : m_slideList;
        m_slideListPlaces = slideList ? m_slides : m_slideListPlaces;
        return true;
    }
    bool end_array()
    {
        if (m_stack.back() == m_slideList)
            m_slideList = nullptr;
        m_stack.pop_back();
        return true;
    }

    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &ex)
    {
        m_problem = placedMessage(ex.what());
        return false;
    }

private:
    // Adds a value where the parse is: the whole document, an element of the array being
    // read, or the value of the member whose key came last.
    template<typename Value>
    Json *add(Value &&value)
    {
        if (m_stack.empty()) {
            m_document.root = Json(std::forward<Value>(value));
            return &m_document.root;
        }
        Json &container = *m_stack.back();
        if (container.is_array()) {
            if (&container == m_slideList) // a slide starts: the lexer has just read its "{"
                m_slideListPlaces->push_back(
                    {m_read.line, std::max<std::int64_t>(0, m_read.byte - 1)});
            container.emplace_back(std::forward<Value>(value));
            return &container.back();
        }
        *m_member = Json(std::forward<Value>(value));
        return m_member;
    }

    bool deepEnough()
    {
        if (m_stack.size() < MaxDepth)
            return true;
        m_problem
            = QStringLiteral("line %1: nested more than %2 deep").arg(m_read.line).arg(MaxDepth);
        return false;
    }

    // nlohmann's "[json.exception.parse_error.101] parse error at line 6, column 13: syntax
    // error while parsing object - unexpected string literal; expected '}'" as
    // "line 6, column 13: unexpected string literal; expected '}'" (the column where reading
    // stopped: the end of the unexpected token).
    static QString placedMessage(std::string message)
    {
        if (const auto bracket = message.find("] "); bracket != std::string::npos)
            message.erase(0, bracket + 2);
        std::string where;
        if (const auto at = message.find("at line "); at != std::string::npos) {
            const auto colon = message.find(": ", at);
            where = message.substr(at + 3, colon - at - 3);
            message.erase(0, colon == std::string::npos ? message.size() : colon + 2);
        }
        if (const auto dash = message.find(" - "); dash != std::string::npos)
            message.erase(0, dash + 3);
        // nlohmann quotes what it read since the last string or number, raw: a long string
        // cut off by the end of the file, or invalid UTF-8. Keep its end, as text.
        constexpr std::string_view LastRead = "; last read: '";
        if (const auto at = message.find(LastRead); at != std::string::npos) {
            std::string_view token = std::string_view(message).substr(at + LastRead.size());
            if (token.ends_with('\''))
                token.remove_suffix(1);
            constexpr std::size_t MaxQuoted = 40;
            const std::string_view tail
                = token.substr(token.size() - std::min(token.size(), MaxQuoted));
            QString shown = token.size() > MaxQuoted ? QString(QChar(0x2026)) : QString();
            shown += QString::fromUtf8(tail.data(), qsizetype(tail.size()));
            message.erase(at);
            message += "; last read: '" + shown.toStdString() + "'";
        }
        return where.empty() ? QString::fromStdString(message)
                             : QString::fromStdString(where + ": " + message);
    }

    TimelineJsDocument &m_document;
    const JsonPlace &m_read;
    std::vector<Json *> m_stack;
    Json *m_member = nullptr;
    // The places list of the top-level key read last ("events", "eras"), or null.
    std::vector<JsonPlace> *m_slides = nullptr;
    // The slide list being read, and the list its places go to.
    const Json *m_slideList = nullptr;
    std::vector<JsonPlace> *m_slideListPlaces = nullptr;
    QString m_problem;
};

} // namespace

QString parseTimelineJsDocument(std::string_view bytes, TimelineJsDocument &document)
{
    document = {};
    JsonPlace read {1, 0};
    DocumentBuilder builder(document, read);
    const CountingIterator first(bytes.data(), &read);
    const CountingIterator last(bytes.data() + bytes.size(), nullptr);
    if (Json::sax_parse(first, last, &builder))
        return {};
    QString problem = builder.problem();
    document = {};
    return problem.isEmpty() ? QStringLiteral("not JSON") : problem;
}

} // namespace claimline
