#include "format/projectwriter.h"

#include "evidence/evidencepath.h"
#include "format/formatkeys.h"
#include "format/jsonoutput.h"
#include "format/layerwriter.h"
#include "format/parallelwrite.h"
#include "format/writerparts.h"
#include "model/project.h"

#include <QFileDevice>
#include <QIODevice>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <memory>
#include <span>
#include <thread>
#include <vector>

namespace claimline {

namespace {

using json = nlohmann::json;

using writer::nested;
using writer::writeObjects;
using writer::writeUnknown;

class ProjectWriter
{
public:
    ProjectWriter(const Project &project, JsonOutput &out, const ProjectWriteOptions &options)
        : m_p(project)
        , m_out(out)
        , m_options(options)
    { }

    void write()
    {
        m_out.raw("{\n  ");
        m_out.string("format");
        m_out.raw(": \"claimline\",\n  \"version\": ");
        m_out.integer(Project::FormatVersion);
        m_out.raw(",\n  \"meta\": ");
        writeMeta();
        writeArray("parties", m_p.parties(), &ProjectWriter::writeParty);
        writeArray("actors", m_p.actors(), &ProjectWriter::writeActor);
        writeArray("sources", m_p.sources(), &ProjectWriter::writeSource);
        writeArray("events", m_p.events(), &ProjectWriter::writeEvent);
        writeArray("questions", m_p.questions(), &ProjectWriter::writeQuestion);
        writeArray("claims", m_p.claims(), &ProjectWriter::writeClaim);
        writeArray("relations", m_p.relations(), &ProjectWriter::writeRelation);
        writeArray("positions", m_p.positions(), &ProjectWriter::writePosition);
        // Only when there are some: files without periods stay as they were before periods.
        if (!m_p.periods().empty())
            writeArray("periods", m_p.periods(), &ProjectWriter::writePeriod);
        writeViews();
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

    template<typename Item>
    using WriteItem = void (ProjectWriter::*)(const Item &);

    template<typename Item>
    void writeArray(std::string_view name, const std::vector<Item> &items,
                    WriteItem<Item> writeItem)
    {
        if (!openArray(name, items.size()))
            return;
        const int threads = threadCount();
        if (threads > 1 && items.size() >= m_options.parallelFrom) {
            writeInPieces(items, writeItem, threads);
        } else {
            for (std::size_t i = 0; i < items.size(); ++i)
                writeItemAt(items, i, writeItem);
        }
        m_out.raw("\n  ]");
    }

    // The array's items on `threads` threads, each with a writer of its own (a writer keeps
    // state between items: hasUniqueKeys()); the project is only read.
    template<typename Item>
    void writeInPieces(const std::vector<Item> &items, WriteItem<Item> writeItem, int threads)
    {
        struct Helper
        {
            Helper(const Project &project, const ProjectWriteOptions &options)
                : writer(project, out, options)
            { }
            JsonOutput out;
            ProjectWriter writer;
        };
        std::vector<std::unique_ptr<Helper>> helpers;
        for (int i = 0; i < threads; ++i)
            helpers.push_back(std::make_unique<Helper>(m_p, m_options));
        const std::size_t perPiece = std::max<std::size_t>(m_options.pieceItems, 1);
        const std::size_t pieces = (items.size() + perPiece - 1) / perPiece;
        writeInOrder(m_out, pieces, threads, [&](int thread, std::size_t piece, std::string &text) {
            Helper &helper = *helpers[std::size_t(thread)];
            std::swap(helper.out.text(), text);
            const std::size_t end = std::min(items.size(), (piece + 1) * perPiece);
            for (std::size_t i = piece * perPiece; i < end; ++i)
                helper.writer.writeItemAt(items, i, writeItem);
            std::swap(helper.out.text(), text);
        });
    }

    template<typename Item>
    void writeItemAt(const std::vector<Item> &items, std::size_t i, WriteItem<Item> writeItem)
    {
        if (i > 0)
            m_out.raw(",\n    ");
        (this->*writeItem)(items[i]);
    }

    void writeViews()
    {
        const json &views = m_p.views();
        if (!openArray("views", views.size()))
            return;
        bool first = true;
        for (const json &view : views) {
            if (!first)
                m_out.raw(",\n    ");
            first = false;
            writeJson(m_out, view);
        }
        m_out.raw("\n  ]");
    }

    // Writes the array's key and opening bracket; an empty array whole (and returns false).
    bool openArray(std::string_view name, std::size_t size)
    {
        m_out.raw(",\n  ");
        m_out.string(name);
        if (size == 0) {
            m_out.raw(": []");
            return false;
        }
        m_out.raw(": [\n    ");
        return true;
    }

    int threadCount() const { return pieceThreads(m_options.threads); }

    void writeMeta()
    {
        JsonObjectWriter o(m_out);
        const ProjectMeta &meta = m_p.meta();
        o.text("title", text(meta.title));
        o.text("description", text(meta.description));
        o.text("public_description", text(meta.publicDescription));
        o.text("display_time_zone", text(meta.displayTimeZone));
        if (!meta.authors.empty()) {
            JsonOutput &out = o.key("authors");
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
        JsonObjectWriter o(m_out);
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
        writeLayer(o, m_p, x, extraOf(x.extra));
        writeUnknown(o, extraOf(x.extra), keys::PartyKeys);
    }

    void writeActor(const Actor &x)
    {
        JsonObjectWriter o(m_out);
        o.text("id", text(x.id));
        o.required("name", text(x.name));
        o.text("role", text(x.role));
        if (x.party != NoIndex)
            o.key("party").string(idOf(ItemKind::Party, x.party));
        if (x.anonymous)
            o.key("anonymous").raw("true");
        if (x.collective)
            o.key("collective").raw("true");
        writeLayer(o, m_p, x, extraOf(x.extra));
        writeUnknown(o, extraOf(x.extra), keys::ActorKeys);
    }

    void time(JsonObjectWriter &o, std::string_view name, const FuzzyTime &t)
    {
        if (!t.isNull())
            o.key(name).string(t.toEdtf());
    }

    void writeSource(const Source &x)
    {
        JsonObjectWriter o(m_out);
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
        writeAttachments(o, x.attachments, nested(extraOf(x.extra), "attachments"));
        writeLayer(o, m_p, x, extraOf(x.extra));
        writeUnknown(o, extraOf(x.extra), keys::SourceKeys);
    }

    void writeAttachments(JsonObjectWriter &o, IndexRange range, const json *extras)
    {
        writeObjects(o, "attachments", m_p.attachments(range), extras, keys::AttachmentKeys,
                     [this](JsonObjectWriter &w, const Attachment &a) {
                         w.key("path").string(text(a.path));
                         w.key("sha256").string(sha256Hex(a.sha256));
                         w.key("size").integer(a.size);
                         w.text("name", text(a.name));
                         w.text("media_type", text(a.mediaType));
                         time(w, "added", a.added);
                     });
    }

    void writeCitations(JsonObjectWriter &o, IndexRange range, const json *extras)
    {
        writeObjects(o, "sources", m_p.citations(range), extras, keys::CitationKeys,
                     [this](JsonObjectWriter &c, const Citation &x) {
                         c.key("source").string(idOf(ItemKind::Source, x.source));
                         c.text("excerpt", text(x.excerpt));
                     });
    }

    void writeStatus(JsonObjectWriter &o, Status status, IndexRange history, const json *extras)
    {
        if (status != Status::Unverified)
            o.key("status").string(nameOf(status));
        writeObjects(o, "status_history", m_p.statusChanges(history), extras, keys::HistoryKeys,
                     [this](JsonObjectWriter &h, const StatusChange &x) {
                         h.key("status").string(nameOf(x.status));
                         time(h, "at", x.at);
                         h.text("reason", text(x.reason));
                     });
    }

    void writeEvent(const Event &x)
    {
        const json *extras = extraOf(x.extra);
        JsonObjectWriter o(m_out);
        o.text("id", text(x.id));
        o.required("title", text(x.title));
        o.text("summary", text(x.summary));
        time(o, "when", x.when);
        const json *locationExtras = nested(extras, "location");
        if (!x.locationName.isEmpty() || x.hasLocation()
            || x.locationPrecision != LocationPrecision::Unknown || locationExtras) {
            JsonObjectWriter l(o.key("location"));
            l.text("name", text(x.locationName));
            if (x.hasLocation()) {
                l.key("lat").number(x.latitude);
                l.key("lon").number(x.longitude);
            }
            if (x.locationPrecision != LocationPrecision::Unknown)
                l.key("precision").string(nameOf(x.locationPrecision));
            writeUnknown(l, locationExtras, keys::LocationKeys);
        }
        if (x.parties.count > 0) {
            JsonOutput &out = o.key("parties");
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
        writeWords(o, m_p, "tags", x.tags);
        writeCitations(o, x.sources, nested(extras, "sources"));
        writeStatus(o, x.status, x.history, nested(extras, "status_history"));
        o.text("notes", text(x.notes));
        writeStarAndAnnotations(o, m_p, x.starred, x.annotations, extras);
        writeOrigin(o, m_p.originOf(x), nested(extras, "origin"));
        writeUnknown(o, extras, keys::EventKeys);
    }

    // The event's `origin` and `attributes` (model.h: Origin); attributes in the order they
    // were read or imported.
    void writeOrigin(JsonObjectWriter &o, const Origin *origin, const json *originExtras)
    {
        // Without a format an origin could never be matched again, and the reader refuses
        // one: an entry that has only attributes writes only those.
        if (origin && origin->format != NoIndex && !m_p.word(origin->format).empty()) {
            JsonObjectWriter g(o.key("origin"));
            g.key("format").string(m_p.word(origin->format));
            g.text("id", text(origin->id));
            g.text("updated", text(origin->updated));
            writeUnknown(g, originExtras, keys::OriginKeys);
        }
        if (!origin || origin->attributes.count == 0)
            return;
        JsonObjectWriter a(o.key("attributes"));
        const std::span<const Attribute> attributes = m_p.attributes(origin->attributes);
        const bool unique = hasUniqueKeys(attributes);
        for (std::size_t i = 0; i < attributes.size(); ++i) {
            const Attribute &attribute = attributes[i];
            // A key the reader would refuse as repeated (an import of a file with two columns
            // of one name) is written once, with its first value.
            const auto repeated = [&](const Attribute &earlier) {
                return earlier.key == attribute.key;
            };
            if (!unique
                && std::any_of(attributes.begin(), attributes.begin() + std::ptrdiff_t(i),
                               repeated))
                continue;
            const std::string_view value = m_p.word(attribute.value);
            JsonOutput &out = a.key(m_p.word(attribute.key));
            // A number is written as it was read; text that is no JSON number (an import's
            // "007") is written as a string rather than as a file that cannot be read.
            if (attribute.isNumber && isJsonNumber(value))
                out.raw(value);
            else
                out.string(value);
        }
    }

    void writeQuestion(const Question &x)
    {
        JsonObjectWriter o(m_out);
        o.text("id", text(x.id));
        o.required("text", text(x.text));
        writeLayer(o, m_p, x, extraOf(x.extra));
        writeUnknown(o, extraOf(x.extra), keys::QuestionKeys);
    }

    std::string_view speakerId(const Speaker &s) const
    {
        return idOf(s.isParty ? ItemKind::Party : ItemKind::Actor, s.index);
    }

    void writeClaim(const Claim &x)
    {
        const json *extras = extraOf(x.extra);
        JsonObjectWriter o(m_out);
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
            JsonObjectWriter q(o.key("quote"));
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
        writeLayer(o, m_p, x, extras);
        writeUnknown(o, extras, keys::ClaimKeys);
    }

    void writeRelation(const Relation &x)
    {
        JsonObjectWriter o(m_out);
        o.key("from").string(idOf(ItemKind::Claim, x.from));
        o.key("to").string(idOf(ItemKind::Claim, x.to));
        o.key("kind").string(nameOf(x.kind));
        writeUnknown(o, extraOf(x.extra), keys::RelationKeys);
    }

    void writePosition(const Position &x)
    {
        JsonObjectWriter o(m_out);
        o.key("question").string(idOf(ItemKind::Question, x.question));
        o.key("party").string(idOf(ItemKind::Party, x.party));
        o.required("text", text(x.text));
        writeUnknown(o, extraOf(x.extra), keys::PositionKeys);
    }

    void writePeriod(const Period &x)
    {
        JsonObjectWriter o(m_out);
        o.required("id", text(x.id));
        o.required("title", text(x.title));
        o.key("when").string(x.when.toEdtf());
        writeUnknown(o, extraOf(x.extra), keys::PeriodKeys);
    }

    // Whether no key repeats. Imported events share their columns: the keys of the last
    // list found unique are kept, so that a million events with the same keys cost one
    // comparison per key instead of a scan per key.
    bool hasUniqueKeys(std::span<const Attribute> attributes)
    {
        const auto sameKey = [](const Attribute &a, std::uint32_t key) {
            return a.key == key;
        };
        if (std::ranges::equal(attributes, m_uniqueKeys, sameKey))
            return true;
        for (std::size_t i = 1; i < attributes.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                if (attributes[j].key == attributes[i].key)
                    return false;
            }
        }
        m_uniqueKeys.clear();
        for (const Attribute &a : attributes)
            m_uniqueKeys.push_back(a.key);
        return true;
    }

    const Project &m_p;
    JsonOutput &m_out;
    const ProjectWriteOptions &m_options;
    std::vector<std::uint32_t> m_uniqueKeys;
};

} // namespace

bool writeProject(const Project &project, QIODevice &device, QString *error,
                  const ProjectWriteOptions &options)
{
    // QIODevice::write() on such a device only warns and leaves errorString() "Unknown error".
    if (!device.isWritable()) {
        if (error)
            *error = QStringLiteral("the device is not open for writing");
        return false;
    }
    JsonOutput out([&device](std::string_view chunk) {
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
    ProjectWriter(project, out, options).write();
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

QString saveProject(const Project &project, const QString &path, const SafeWriteOptions &options,
                    const ProjectWriteOptions &writeOptions)
{
    return safeWrite(
        path,
        [&project, &writeOptions](QIODevice &device, QString *error) {
            return writeProject(project, device, error, writeOptions);
        },
        options);
}

std::string projectToString(const Project &project, const ProjectWriteOptions &options)
{
    std::string result;
    JsonOutput out([&result](std::string_view chunk) {
        result.append(chunk);
        return true;
    });
    ProjectWriter(project, out, options).write();
    out.flush();
    return result;
}

} // namespace claimline
