#include "format/projectwriter.h"

#include "format/formatkeys.h"
#include "model/project.h"

#include <QFileDevice>
#include <QIODevice>

#include <nlohmann/json.hpp>

#include <charconv>
#include <functional>

namespace claimline {

namespace {

using json = nlohmann::json;

// Appends JSON text to a buffer and hands it to a sink whenever it grows past a megabyte.
class Output
{
public:
    using Sink = std::function<bool(std::string_view)>;
    explicit Output(Sink sink)
        : m_sink(std::move(sink))
    {
        m_buffer.reserve(FlushSize + 64 * 1024);
    }

    void raw(std::string_view text)
    {
        m_buffer.append(text);
        if (m_buffer.size() >= FlushSize)
            flush();
    }
    void raw(char c) { m_buffer.push_back(c); }

    void string(std::string_view text)
    {
        m_buffer.push_back('"');
        std::size_t clean = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            m_buffer.append(text.substr(clean, i - clean));
            clean = i + 1;
            switch (c) {
            case '"':
                m_buffer.append("\\\"");
                break;
            case '\\':
                m_buffer.append("\\\\");
                break;
            case '\n':
                m_buffer.append("\\n");
                break;
            case '\r':
                m_buffer.append("\\r");
                break;
            case '\t':
                m_buffer.append("\\t");
                break;
            case '\b':
                m_buffer.append("\\b");
                break;
            case '\f':
                m_buffer.append("\\f");
                break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                m_buffer.append(escaped, sizeof escaped);
            }
            }
        }
        m_buffer.append(text.substr(clean));
        m_buffer.push_back('"');
        if (m_buffer.size() >= FlushSize)
            flush();
    }

    void number(double value)
    {
        char text[32];
        const auto result = std::to_chars(text, text + sizeof text, value);
        std::string_view s(text, std::size_t(result.ptr - text));
        m_buffer.append(s);
        // Keep a float a float through a round trip ("1.0", not "1").
        if (s.find_first_of(".eE") == std::string_view::npos)
            m_buffer.append(".0");
    }
    template<typename Int>
    void integer(Int value)
    {
        char text[24];
        const auto result = std::to_chars(text, text + sizeof text, value);
        m_buffer.append(text, std::size_t(result.ptr - text));
    }

    bool flush()
    {
        if (!m_failed && !m_buffer.empty())
            m_failed = !m_sink(m_buffer);
        m_buffer.clear();
        return !m_failed;
    }
    bool failed() const { return m_failed; }

private:
    static constexpr std::size_t FlushSize = std::size_t(1) << 20;
    Sink m_sink;
    std::string m_buffer;
    bool m_failed = false;
};

// Writes one JSON object: `{"a": 1, "b": 2}`; fields in call order.
class ObjectWriter
{
public:
    explicit ObjectWriter(Output &out)
        : m_out(out)
    {
        m_out.raw('{');
    }
    ~ObjectWriter() { m_out.raw('}'); }
    ObjectWriter(const ObjectWriter &) = delete;
    ObjectWriter &operator=(const ObjectWriter &) = delete;

    Output &key(std::string_view name)
    {
        if (!m_first)
            m_out.raw(", ");
        m_first = false;
        m_out.string(name);
        m_out.raw(": ");
        return m_out;
    }
    void text(std::string_view name, std::string_view value)
    {
        if (!value.empty())
            key(name).string(value);
    }
    // A required field is written even when empty: the reader accepts "", and leaving the
    // field out would save a file that cannot be opened again.
    void required(std::string_view name, std::string_view value) { key(name).string(value); }

private:
    Output &m_out;
    bool m_first = true;
};

void writeJson(Output &out, const json &value)
{
    switch (value.type()) {
    case json::value_t::object: {
        ObjectWriter object(out);
        for (const auto &[k, v] : value.items())
            writeJson(object.key(k), v);
        break;
    }
    case json::value_t::array: {
        out.raw('[');
        bool first = true;
        for (const json &element : value) {
            if (!first)
                out.raw(", ");
            first = false;
            writeJson(out, element);
        }
        out.raw(']');
        break;
    }
    case json::value_t::string:
        out.string(value.get_ref<const std::string &>());
        break;
    case json::value_t::boolean:
        out.raw(value.get<bool>() ? "true" : "false");
        break;
    case json::value_t::number_integer:
        out.integer(value.get<std::int64_t>());
        break;
    case json::value_t::number_unsigned:
        out.integer(value.get<std::uint64_t>());
        break;
    case json::value_t::number_float:
        out.number(value.get<double>());
        break;
    default:
        out.raw("null");
        break;
    }
}

// Unknown fields of an object at this level: entries whose key is not a known field here
// (known keys in the store hold unknown fields nested inside that known field instead).
template<std::size_t N>
void writeUnknown(ObjectWriter &object, const json *extras,
                  const std::array<std::string_view, N> &known)
{
    if (!extras || !extras->is_object())
        return;
    for (const auto &[k, v] : extras->items()) {
        if (!keys::contains(known, k))
            writeJson(object.key(k), v);
    }
}

// The nested unknown-field store under a known key (an object), or under an index of it.
const json *nested(const json *extras, std::string_view key)
{
    if (!extras || !extras->is_object())
        return nullptr;
    const auto it = extras->find(key);
    return it == extras->end() ? nullptr : &*it;
}
const json *nested(const json *extras, std::size_t index)
{
    if (!extras || !extras->is_array() || index >= extras->size())
        return nullptr;
    return &(*extras)[index];
}

class ProjectWriter
{
public:
    ProjectWriter(const Project &project, Output &out)
        : m_p(project)
        , m_out(out)
    { }

    void write()
    {
        m_out.raw("{\n  ");
        m_out.string("format");
        m_out.raw(": \"claimline\",\n  \"version\": ");
        m_out.integer(Project::FormatVersion);
        m_out.raw(",\n  \"meta\": ");
        writeMeta();
        writeArray("parties", m_p.parties(), [this](const Party &x) { writeParty(x); });
        writeArray("actors", m_p.actors(), [this](const Actor &x) { writeActor(x); });
        writeArray("sources", m_p.sources(), [this](const Source &x) { writeSource(x); });
        writeArray("events", m_p.events(), [this](const Event &x) { writeEvent(x); });
        writeArray("questions", m_p.questions(), [this](const Question &x) { writeQuestion(x); });
        writeArray("claims", m_p.claims(), [this](const Claim &x) { writeClaim(x); });
        writeArray("relations", m_p.relations(), [this](const Relation &x) { writeRelation(x); });
        writeArray("positions", m_p.positions(), [this](const Position &x) { writePosition(x); });
        writeArray("views", m_p.views(), [this](const json &x) { writeJson(m_out, x); });
        for (const auto &[k, v] : m_p.topLevelExtra().items()) {
            if (keys::contains(keys::RootKeys, k))
                continue;
            m_out.raw(",\n  ");
            m_out.string(k);
            m_out.raw(": ");
            writeJson(m_out, v);
        }
        m_out.raw("\n}\n");
    }

private:
    std::string_view text(TextRef ref) const { return m_p.view(ref); }
    std::string_view idOf(ItemKind kind, std::uint32_t index) const
    {
        return m_p.view(m_p.idOf({kind, index}));
    }
    const json *extraOf(std::uint32_t index) const
    {
        return index == NoIndex ? nullptr : &m_p.extra(index);
    }

    template<typename Items, typename WriteItem>
    void writeArray(std::string_view name, const Items &items, WriteItem writeItem)
    {
        m_out.raw(",\n  ");
        m_out.string(name);
        if (items.empty()) {
            m_out.raw(": []");
            return;
        }
        m_out.raw(": [\n    ");
        bool first = true;
        for (const auto &item : items) {
            if (!first)
                m_out.raw(",\n    ");
            first = false;
            writeItem(item);
        }
        m_out.raw("\n  ]");
    }

    void writeMeta()
    {
        ObjectWriter o(m_out);
        const ProjectMeta &meta = m_p.meta();
        o.text("title", text(meta.title));
        o.text("description", text(meta.description));
        o.text("public_description", text(meta.publicDescription));
        o.text("display_time_zone", text(meta.displayTimeZone));
        if (!meta.authors.empty()) {
            Output &out = o.key("authors");
            out.raw('[');
            for (std::size_t i = 0; i < meta.authors.size(); ++i) {
                if (i > 0)
                    out.raw(", ");
                out.string(text(meta.authors[i]));
            }
            out.raw(']');
        }
        writeUnknown(o, &m_p.metaExtra(), keys::MetaKeys);
    }

    void writeParty(const Party &x)
    {
        ObjectWriter o(m_out);
        o.text("id", text(x.id));
        o.required("name", text(x.name));
        o.text("short", text(x.shortName));
        if (x.hasColor) {
            char color[8];
            static constexpr char hex[] = "0123456789ABCDEF";
            color[0] = '#';
            for (int i = 0; i < 6; ++i)
                color[1 + i] = hex[(x.color >> (20 - 4 * i)) & 15];
            o.key("color").string(std::string_view(color, 7));
        }
        if (x.kind != PartyKind::Other)
            o.key("kind").string(nameOf(x.kind));
        writeUnknown(o, extraOf(x.extra), keys::PartyKeys);
    }

    void writeActor(const Actor &x)
    {
        ObjectWriter o(m_out);
        o.text("id", text(x.id));
        o.required("name", text(x.name));
        o.text("role", text(x.role));
        if (x.party != NoIndex)
            o.key("party").string(idOf(ItemKind::Party, x.party));
        if (x.anonymous)
            o.key("anonymous").raw("true");
        if (x.collective)
            o.key("collective").raw("true");
        writeUnknown(o, extraOf(x.extra), keys::ActorKeys);
    }

    void time(ObjectWriter &o, std::string_view name, const FuzzyTime &t)
    {
        if (!t.isNull())
            o.key(name).string(t.toEdtf());
    }

    void writeSource(const Source &x)
    {
        ObjectWriter o(m_out);
        o.text("id", text(x.id));
        o.required("title", text(x.title));
        o.text("outlet", text(x.outlet));
        o.text("url", text(x.url));
        o.text("archive_url", text(x.archiveUrl));
        time(o, "published", x.published);
        time(o, "accessed", x.accessed);
        o.text("language", text(x.language));
        if (x.reliability)
            o.key("reliability").string(std::string_view(&x.reliability, 1));
        o.text("notes", text(x.notes));
        writeUnknown(o, extraOf(x.extra), keys::SourceKeys);
    }

    void writeCitations(ObjectWriter &o, IndexRange range, const json *extras)
    {
        if (range.count == 0)
            return;
        Output &out = o.key("sources");
        out.raw('[');
        const auto citations = m_p.citations(range);
        for (std::size_t i = 0; i < citations.size(); ++i) {
            if (i > 0)
                out.raw(", ");
            ObjectWriter c(out);
            c.key("source").string(idOf(ItemKind::Source, citations[i].source));
            c.text("excerpt", text(citations[i].excerpt));
            writeUnknown(c, nested(extras, i), keys::CitationKeys);
        }
        out.raw(']');
    }

    void writeStatus(ObjectWriter &o, Status status, IndexRange history, const json *extras)
    {
        if (status != Status::Unverified)
            o.key("status").string(nameOf(status));
        if (history.count == 0)
            return;
        Output &out = o.key("status_history");
        out.raw('[');
        const auto changes = m_p.statusChanges(history);
        for (std::size_t i = 0; i < changes.size(); ++i) {
            if (i > 0)
                out.raw(", ");
            ObjectWriter h(out);
            h.key("status").string(nameOf(changes[i].status));
            time(h, "at", changes[i].at);
            h.text("reason", text(changes[i].reason));
            writeUnknown(h, nested(extras, i), keys::HistoryKeys);
        }
        out.raw(']');
    }

    void writeEvent(const Event &x)
    {
        const json *extras = extraOf(x.extra);
        ObjectWriter o(m_out);
        o.text("id", text(x.id));
        o.required("title", text(x.title));
        o.text("summary", text(x.summary));
        time(o, "when", x.when);
        const json *locationExtras = nested(extras, "location");
        if (!x.locationName.isEmpty() || x.hasLocation() || locationExtras) {
            ObjectWriter l(o.key("location"));
            l.text("name", text(x.locationName));
            if (x.hasLocation()) {
                l.key("lat").number(x.latitude);
                l.key("lon").number(x.longitude);
            }
            writeUnknown(l, locationExtras, keys::LocationKeys);
        }
        if (x.parties.count > 0) {
            Output &out = o.key("parties");
            out.raw('[');
            bool first = true;
            for (const std::uint32_t party : m_p.indices(x.parties)) {
                if (!first)
                    out.raw(", ");
                first = false;
                out.string(idOf(ItemKind::Party, party));
            }
            out.raw(']');
        }
        if (x.kind != NoIndex)
            o.key("kind").string(m_p.word(x.kind));
        if (x.tags.count > 0) {
            Output &out = o.key("tags");
            out.raw('[');
            bool first = true;
            for (const std::uint32_t tag : m_p.indices(x.tags)) {
                if (!first)
                    out.raw(", ");
                first = false;
                out.string(m_p.word(tag));
            }
            out.raw(']');
        }
        writeCitations(o, x.sources, nested(extras, "sources"));
        writeStatus(o, x.status, x.history, nested(extras, "status_history"));
        o.text("notes", text(x.notes));
        writeUnknown(o, extras, keys::EventKeys);
    }

    void writeQuestion(const Question &x)
    {
        ObjectWriter o(m_out);
        o.text("id", text(x.id));
        o.required("text", text(x.text));
        writeUnknown(o, extraOf(x.extra), keys::QuestionKeys);
    }

    std::string_view speakerId(const Speaker &s) const
    {
        return idOf(s.isParty ? ItemKind::Party : ItemKind::Actor, s.index);
    }

    void writeClaim(const Claim &x)
    {
        const json *extras = extraOf(x.extra);
        ObjectWriter o(m_out);
        o.text("id", text(x.id));
        if (x.claimant.isValid())
            o.key("claimant").string(speakerId(x.claimant));
        if (x.via.isValid())
            o.key("via").string(speakerId(x.via));
        time(o, "made_at", x.madeAt);
        if (x.about != NoIndex)
            o.key("about").string(idOf(ItemKind::Event, x.about));
        if (x.question != NoIndex)
            o.key("question").string(idOf(ItemKind::Question, x.question));
        if (x.stance != Stance::None)
            o.key("stance").string(nameOf(x.stance));
        o.required("statement", text(x.statement));
        const json *quoteExtras = nested(extras, "quote");
        if (!x.quote.isEmpty() || !x.quoteLanguage.isEmpty() || !x.quoteTranslation.isEmpty()
            || x.quoteSpeaker != NoIndex || quoteExtras) {
            ObjectWriter q(o.key("quote"));
            q.required("text", text(x.quote));
            q.text("language", text(x.quoteLanguage));
            q.text("translation", text(x.quoteTranslation));
            if (x.quoteSpeaker != NoIndex)
                q.key("speaker").string(idOf(ItemKind::Actor, x.quoteSpeaker));
            writeUnknown(q, quoteExtras, keys::QuoteKeys);
        }
        writeCitations(o, x.sources, nested(extras, "sources"));
        if (x.credibility)
            o.key("credibility").integer(int(x.credibility));
        writeStatus(o, x.status, x.history, nested(extras, "status_history"));
        o.text("notes", text(x.notes));
        writeUnknown(o, extras, keys::ClaimKeys);
    }

    void writeRelation(const Relation &x)
    {
        ObjectWriter o(m_out);
        o.key("from").string(idOf(ItemKind::Claim, x.from));
        o.key("to").string(idOf(ItemKind::Claim, x.to));
        o.key("kind").string(nameOf(x.kind));
        writeUnknown(o, extraOf(x.extra), keys::RelationKeys);
    }

    void writePosition(const Position &x)
    {
        ObjectWriter o(m_out);
        o.key("question").string(idOf(ItemKind::Question, x.question));
        o.key("party").string(idOf(ItemKind::Party, x.party));
        o.required("text", text(x.text));
        writeUnknown(o, extraOf(x.extra), keys::PositionKeys);
    }

    const Project &m_p;
    Output &m_out;
};

} // namespace

bool writeProject(const Project &project, QIODevice &device, QString *error)
{
    // QIODevice::write() on such a device only warns and leaves errorString() "Unknown error".
    if (!device.isWritable()) {
        if (error)
            *error = QStringLiteral("the device is not open for writing");
        return false;
    }
    Output out([&device](std::string_view chunk) {
        // A short write is not an error yet: write the rest, and the device says why it
        // cannot (a full disk shows as a short write first, with the reason only on the next).
        while (!chunk.empty()) {
            const qint64 written = device.write(chunk.data(), qint64(chunk.size()));
            if (written <= 0)
                return false;
            chunk.remove_prefix(std::size_t(written));
        }
        return true;
    });
    ProjectWriter(project, out).write();
    // A file device keeps the last writes in its buffer, and a full disk only shows when that
    // buffer is flushed: flush here, so that success means the bytes reached the device.
    auto *file = qobject_cast<QFileDevice *>(&device);
    if (!out.flush() || (file && !file->flush())) {
        if (error)
            *error = device.errorString();
        return false;
    }
    return true;
}

QString saveProject(const Project &project, const QString &path, const SafeWriteOptions &options)
{
    return safeWrite(
        path,
        [&project](QIODevice &device, QString *error) {
            return writeProject(project, device, error);
        },
        options);
}

std::string projectToString(const Project &project)
{
    std::string result;
    Output out([&result](std::string_view chunk) {
        result.append(chunk);
        return true;
    });
    ProjectWriter(project, out).write();
    out.flush();
    return result;
}

} // namespace claimline
