#include "projectreader.h"

#include "formatkeys.h"
#include "migration.h"
#include "saxpipeline.h"

#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <tuple>

namespace claimline {

namespace {

using json = nlohmann::json;

// What a JSON container in the file is, by its position.
enum class Ctx : std::uint8_t {
    Root, Meta, Authors,
    PartyList, Party, ActorList, Actor, SourceList, Source, EventList, Event, QuestionList,
    Question, ClaimList, Claim, RelationList, Relation,
    Location, PartyRefs, Tags, CitationList, Citation, HistoryList, History, Quote
};

bool isEntity(Ctx ctx)
{
    switch (ctx) {
    case Ctx::Root:
    case Ctx::Meta:
    case Ctx::Party:
    case Ctx::Actor:
    case Ctx::Source:
    case Ctx::Event:
    case Ctx::Question:
    case Ctx::Claim:
    case Ctx::Relation:
        return true;
    default:
        return false;
    }
}

// Where a resolved reference is written.
enum class RefTarget : std::uint8_t {
    ActorParty, EventParty, CitationSource, ClaimClaimant, ClaimVia, ClaimAbout, ClaimQuestion,
    QuoteSpeaker, RelationFrom, RelationTo
};

struct Pending
{
    TextRef id;
    RefTarget target;
    std::uint32_t slot;
    std::string pointer;
};

struct Frame
{
    Ctx ctx = Ctx::Root;
    bool isArray = false;
    int field = -1;          // objects: index of the current key in the context's key table
    std::string key;         // objects: the current key
    std::uint32_t index = 0; // arrays: index of the current element
    std::uint64_t seen = 0;  // objects: bit per known field seen
    std::uint32_t entity = NoIndex; // entity objects: index in the project's array
    std::uint32_t listStart = 0;    // lists: pool size when the list started
};

const char *typeName(json::value_t type)
{
    switch (type) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number";
    case json::value_t::string:
        return "a string";
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    default:
        return "a value";
    }
}

std::string quoted(std::string_view text)
{
    // Quote user text in messages, shortened: a message must stay readable even when the
    // offending value is a megabyte of junk.
    std::string out = "\"";
    std::size_t n = std::min<std::size_t>(text.size(), 60);
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xc0) == 0x80)
        --n;
    out.append(text.substr(0, n));
    if (n < text.size())
        out += "…";
    out += '"';
    return out;
}

std::string pointerEscape(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string withArticle(std::string_view noun)
{
    const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(noun);
}

template<std::size_t N>
std::string joinNames(const std::array<std::string_view, N> &names)
{
    std::string out;
    for (const std::string_view name : names) {
        if (name.empty())
            continue;
        if (!out.empty())
            out += ", ";
        out += name;
    }
    return out;
}

std::optional<std::uint32_t> parseColor(std::string_view text)
{
    if (text.size() != 7 || text[0] != '#')
        return std::nullopt;
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(text.data() + 1, text.data() + 7, value, 16);
    if (ec != std::errc() || end != text.data() + 7)
        return std::nullopt;
    return value;
}

// A scalar JSON value as the SAX parser hands it over.
struct Scalar
{
    json::value_t type = json::value_t::null;
    bool boolean = false;
    std::int64_t integer = 0;
    std::uint64_t unsignedInteger = 0;
    double number = 0;
    std::string *string = nullptr;

    json toJson() const
    {
        switch (type) {
        case json::value_t::boolean:
            return boolean;
        case json::value_t::number_integer:
            return integer;
        case json::value_t::number_unsigned:
            return unsignedInteger;
        case json::value_t::number_float:
            return number;
        case json::value_t::string:
            return *string;
        default:
            return nullptr;
        }
    }
    std::optional<double> asDouble() const
    {
        switch (type) {
        case json::value_t::number_integer:
            return double(integer);
        case json::value_t::number_unsigned:
            return double(unsignedInteger);
        case json::value_t::number_float:
            return number;
        default:
            return std::nullopt;
        }
    }
    std::optional<std::int64_t> asInteger() const
    {
        if (type == json::value_t::number_integer)
            return integer;
        if (type == json::value_t::number_unsigned && unsignedInteger <= INT64_MAX)
            return static_cast<std::int64_t>(unsignedInteger);
        return std::nullopt;
    }
};

// The SAX handler: builds the Project as the parser walks the file.
class Reader final : public nlohmann::json_sax<json>
{
public:
    Reader(const LoadLimits &limits, std::uint64_t inputSize)
        : m_limits(limits)
    {
        // Arrays are reserved once from the input size, with ratios that hold for realistic
        // files (an event takes at least ~250 bytes of JSON with its summary; claims are
        // fewer). Reserving beyond what is used costs address space, not memory: pages are
        // only mapped when written. Odd files fall back to vector growth.
        m_project.reserve(std::min<std::uint64_t>(inputSize / 256, limits.maxItems),
                          std::min<std::uint64_t>(inputSize / 1024, limits.maxItems));
        m_frames.reserve(32);
    }

    Project &project() { return m_project; }
    Problems &problems() { return m_problems; }
    int version() const { return m_version; }
    bool sawVersion() const { return m_sawVersion; }
    bool sawFormat() const { return m_sawFormat; }
    // Set when "format" names another format.
    const std::optional<Problem> &foreignFormat() const { return m_foreignFormat; }
    bool aborted() const { return m_aborted; }

    // --- nlohmann::json_sax ----------------------------------------------------------------
    bool null() override { return scalar({}); }
    bool boolean(bool value) override
    {
        Scalar s;
        s.type = json::value_t::boolean;
        s.boolean = value;
        return scalar(s);
    }
    bool number_integer(number_integer_t value) override
    {
        Scalar s;
        s.type = json::value_t::number_integer;
        s.integer = value;
        return scalar(s);
    }
    bool number_unsigned(number_unsigned_t value) override
    {
        Scalar s;
        s.type = json::value_t::number_unsigned;
        s.unsignedInteger = value;
        return scalar(s);
    }
    bool number_float(number_float_t value, const string_t &) override
    {
        Scalar s;
        s.type = json::value_t::number_float;
        s.number = value;
        return scalar(s);
    }
    bool string(string_t &value) override
    {
        if (value.size() > m_limits.maxStringLength)
            return fail(currentPointer(), "text of " + std::to_string(value.size())
                            + " bytes is longer than the limit of "
                            + std::to_string(m_limits.maxStringLength) + " bytes");
        Scalar s;
        s.type = json::value_t::string;
        s.string = &value;
        return scalar(s);
    }
    bool binary(binary_t &) override { return scalar({}); }

    bool start_object(std::size_t) override { return startContainer(false); }
    bool start_array(std::size_t) override { return startContainer(true); }
    bool end_object() override { return endContainer(); }
    bool end_array() override { return endContainer(); }

    bool key(string_t &key) override
    {
        if (key.size() > m_limits.maxStringLength)
            return fail(m_skipDepth > 0 ? currentPointer() : containerPointer(),
                        "a key of " + std::to_string(key.size())
                            + " bytes is longer than the limit of "
                            + std::to_string(m_limits.maxStringLength) + " bytes");
        if (!m_capture.empty()) {
            m_captureKey = key;
            return true;
        }
        // The keys of a value of the wrong type are not fields of the enclosing object: they
        // must not mark its fields as seen (hiding a missing required field) or as repeated.
        if (m_skipDepth > 0)
            return true;
        Frame &frame = m_frames.back();
        frame.key = key;
        // Keys usually come in the writer's order: try the one after the last key first.
        frame.field = fieldIndex(frame.ctx, key, frame.field + 1);
        if (frame.field >= 0) {
            const std::uint64_t bit = std::uint64_t(1) << frame.field;
            if (frame.seen & bit)
                problem(currentPointer(), "the field appears twice in the same object");
            frame.seen |= bit;
            if (frame.ctx == Ctx::Root && frame.field == int(keys::Root::Format))
                m_sawFormat = true;
        }
        return true;
    }

    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &ex) override
    {
        // nlohmann's message: "[json.exception.parse_error.101] parse error at line 3,
        // column 1: syntax error while parsing value - unexpected end of input; ...".
        std::string message = ex.what();
        if (const auto bracket = message.find("] "); bracket != std::string::npos)
            message.erase(0, bracket + 2);
        std::string where;
        if (const auto at = message.find("at line "); at != std::string::npos) {
            const auto colon = message.find(": ", at);
            where = message.substr(at, colon - at);
            message.erase(0, colon == std::string::npos ? message.size() : colon + 2);
        }
        if (const auto dash = message.find(" - "); dash != std::string::npos)
            message.erase(0, dash + 3);
        // nlohmann quotes the whole token it was reading, raw: a megabyte for a long string
        // cut off by the end of the file, and invalid UTF-8 when the bytes were the problem.
        // The message is shown and written to reports, so quote only the end of it, as text.
        constexpr std::string_view lastRead = "; last read: '";
        if (const auto at = message.find(lastRead); at != std::string::npos) {
            std::string_view token = std::string_view(message).substr(at + lastRead.size());
            if (!token.empty() && token.back() == '\'')
                token.remove_suffix(1);
            constexpr std::size_t MaxQuoted = 40;
            std::string shown = token.size() > MaxQuoted ? "…" : "";
            const QByteArray tail(token.data() + token.size() - std::min(token.size(), MaxQuoted),
                                  qsizetype(std::min(token.size(), MaxQuoted)));
            shown += QString::fromUtf8(tail).toStdString(); // invalid bytes become U+FFFD
            message = message.substr(0, at) + std::string(lastRead) + shown + "'";
        }
        m_problems.push_back({currentPointer(), "not valid JSON" + (where.empty() ? std::string()
                                                                            : " " + where)
                                                     + ": " + message});
        m_aborted = true;
        return false;
    }

    // After the parse: resolve forward references and check what needs the whole file.
    void finish()
    {
        if (m_aborted)
            return;
        for (const Pending &pending : m_pending) {
            const std::string_view id = m_project.view(pending.id);
            if (const auto item = m_project.find(id))
                resolve(pending.target, pending.slot, *item, id, [&] { return pending.pointer; });
            else
                problem(pending.pointer, "unknown " + expectedKinds(pending.target) + " "
                            + quoted(id));
        }
        m_pending = {};
        checkRelations();
    }

private:
    // --- problems -----------------------------------------------------------------------------
    void problem(std::string pointer, std::string message)
    {
        // A file with a systematic error (a million events without a title) would otherwise
        // make a list no one can read, and cost memory.
        constexpr std::size_t MaxProblems = 1000;
        if (m_problems.size() < MaxProblems)
            m_problems.push_back({std::move(pointer), std::move(message)});
        else if (m_problems.size() == MaxProblems)
            m_problems.push_back({"", "too many problems; only the first 1000 are listed"});
    }
    bool fail(std::string pointer, std::string message)
    {
        m_problems.push_back({std::move(pointer), std::move(message)});
        m_aborted = true;
        return false;
    }

    // The JSON Pointer of the value being read (the object itself when depth points at it).
    std::string pointerOf(std::size_t depth, bool withKey) const
    {
        std::string out;
        for (std::size_t i = 0; i < depth; ++i) {
            const Frame &f = m_frames[i];
            if (f.isArray) {
                out += '/';
                out += std::to_string(f.index);
            } else if (i + 1 < depth || withKey) {
                out += '/';
                out += pointerEscape(f.key);
            }
        }
        return out;
    }
    std::string currentPointer() const { return capturePointer(m_capture.size()); }
    std::string objectPointer() const { return pointerOf(m_frames.size(), false); }
    // The object or array being read (for a problem with a key, which has no pointer).
    std::string containerPointer() const
    {
        return m_capture.empty() ? objectPointer() : capturePointer(m_capture.size() - 1);
    }
    // The pointer down to the value being read inside the captured JSON (an unknown field or
    // the saved views), through `levels` of its open containers.
    std::string capturePointer(std::size_t levels) const
    {
        std::string out = pointerOf(m_frames.size(), true);
        for (std::size_t i = 0; i < levels; ++i) {
            // An open child container is already in its parent; the next value is not yet.
            const bool innermost = i + 1 == m_capture.size();
            const json &level = *m_capture[i];
            out += '/';
            if (level.is_array())
                out += std::to_string(level.size() - (innermost || level.empty() ? 0 : 1));
            else
                out += pointerEscape(innermost ? m_captureKey : m_captureKeys[i]);
        }
        return out;
    }

    // --- structure -------------------------------------------------------------------------
    static int fieldIndex(Ctx ctx, std::string_view key, int hint)
    {
        switch (ctx) {
        case Ctx::Root:
            return keys::indexOf(keys::RootKeys, key, hint);
        case Ctx::Meta:
            return keys::indexOf(keys::MetaKeys, key, hint);
        case Ctx::Party:
            return keys::indexOf(keys::PartyKeys, key, hint);
        case Ctx::Actor:
            return keys::indexOf(keys::ActorKeys, key, hint);
        case Ctx::Source:
            return keys::indexOf(keys::SourceKeys, key, hint);
        case Ctx::Event:
            return keys::indexOf(keys::EventKeys, key, hint);
        case Ctx::Location:
            return keys::indexOf(keys::LocationKeys, key, hint);
        case Ctx::Citation:
            return keys::indexOf(keys::CitationKeys, key, hint);
        case Ctx::History:
            return keys::indexOf(keys::HistoryKeys, key, hint);
        case Ctx::Question:
            return keys::indexOf(keys::QuestionKeys, key, hint);
        case Ctx::Claim:
            return keys::indexOf(keys::ClaimKeys, key, hint);
        case Ctx::Quote:
            return keys::indexOf(keys::QuoteKeys, key, hint);
        case Ctx::Relation:
            return keys::indexOf(keys::RelationKeys, key, hint);
        default:
            return -1;
        }
    }

    // The container a known field or list element opens, or nullopt when it must be a scalar.
    struct Expect
    {
        Ctx ctx;
        bool isArray;
    };
    std::optional<Expect> expectedContainer(const Frame &frame) const
    {
        const int f = frame.field;
        switch (frame.ctx) {
        case Ctx::Root:
            switch (static_cast<keys::Root>(f)) {
            case keys::Root::Meta:
                return Expect{Ctx::Meta, false};
            case keys::Root::Parties:
                return Expect{Ctx::PartyList, true};
            case keys::Root::Actors:
                return Expect{Ctx::ActorList, true};
            case keys::Root::Sources:
                return Expect{Ctx::SourceList, true};
            case keys::Root::Events:
                return Expect{Ctx::EventList, true};
            case keys::Root::Questions:
                return Expect{Ctx::QuestionList, true};
            case keys::Root::Claims:
                return Expect{Ctx::ClaimList, true};
            case keys::Root::Relations:
                return Expect{Ctx::RelationList, true};
            default:
                return std::nullopt;
            }
        case Ctx::Meta:
            if (f == int(keys::Meta::Authors))
                return Expect{Ctx::Authors, true};
            return std::nullopt;
        case Ctx::PartyList:
            return Expect{Ctx::Party, false};
        case Ctx::ActorList:
            return Expect{Ctx::Actor, false};
        case Ctx::SourceList:
            return Expect{Ctx::Source, false};
        case Ctx::EventList:
            return Expect{Ctx::Event, false};
        case Ctx::QuestionList:
            return Expect{Ctx::Question, false};
        case Ctx::ClaimList:
            return Expect{Ctx::Claim, false};
        case Ctx::RelationList:
            return Expect{Ctx::Relation, false};
        case Ctx::CitationList:
            return Expect{Ctx::Citation, false};
        case Ctx::HistoryList:
            return Expect{Ctx::History, false};
        case Ctx::Event:
            switch (static_cast<keys::Event>(f)) {
            case keys::Event::Location:
                return Expect{Ctx::Location, false};
            case keys::Event::Parties:
                return Expect{Ctx::PartyRefs, true};
            case keys::Event::Tags:
                return Expect{Ctx::Tags, true};
            case keys::Event::Sources:
                return Expect{Ctx::CitationList, true};
            case keys::Event::StatusHistory:
                return Expect{Ctx::HistoryList, true};
            default:
                return std::nullopt;
            }
        case Ctx::Claim:
            switch (static_cast<keys::Claim>(f)) {
            case keys::Claim::Quote:
                return Expect{Ctx::Quote, false};
            case keys::Claim::Sources:
                return Expect{Ctx::CitationList, true};
            case keys::Claim::StatusHistory:
                return Expect{Ctx::HistoryList, true};
            default:
                return std::nullopt;
            }
        default:
            return std::nullopt;
        }
    }

    bool startContainer(bool isArray)
    {
        if (m_frames.size() + m_capture.size() >= m_limits.maxDepth)
            return fail(currentPointer(), "nested deeper than the limit of "
                            + std::to_string(m_limits.maxDepth) + " levels");
        if (!m_capture.empty() || m_skipDepth > 0)
            return startCaptured(isArray);
        if (m_frames.empty()) {
            if (isArray)
                return fail("", "the file holds a JSON array, not a Claimline project (a JSON "
                                "object with \"format\": \"claimline\")");
            m_frames.push_back({});
            return true;
        }
        Frame &parent = m_frames.back();
        const bool known = parent.isArray || parent.field >= 0;
        const bool isViews = parent.ctx == Ctx::Root && parent.field == int(keys::Root::Views);
        if (isViews && !isArray) {
            problem(currentPointer(), "must be an array of saved views, not an object");
            m_skipDepth = 1;
            return true;
        }
        if (!known || isViews) {
            // Unknown fields and saved views are kept as JSON, exactly.
            m_captureIsViews = known;
            return startCaptured(isArray);
        }
        const std::optional<Expect> expect = expectedContainer(parent);
        if (!expect || expect->isArray != isArray) {
            problem(currentPointer(),
                    std::string("must be ")
                        + (expect ? (expect->isArray ? "an array" : "an object")
                                  : expectedScalar(parent))
                        + ", not " + (isArray ? "an array" : "an object"));
            if (expect && !holdPlace(parent, expect->ctx))
                return false;
            m_skipDepth = 1;
            return true;
        }
        Frame frame;
        frame.ctx = expect->ctx;
        frame.isArray = isArray;
        if (!openContainer(frame))
            return false;
        m_frames.push_back(std::move(frame));
        return true;
    }

    bool startCaptured(bool isArray)
    {
        if (m_skipDepth > 0) {
            ++m_skipDepth;
            return true;
        }
        json value = isArray ? json::array() : json::object();
        if (m_capture.empty()) {
            m_captureRoot = std::move(value);
            m_capture.push_back(&m_captureRoot);
            return true;
        }
        json *parent = m_capture.back();
        json *child = parent->is_array() ? &parent->emplace_back(std::move(value))
                                         : &((*parent)[m_captureKey] = std::move(value));
        m_captureKeys.push_back(parent->is_array() ? std::string() : m_captureKey);
        m_capture.push_back(child);
        return true;
    }

    bool endContainer()
    {
        if (m_skipDepth > 0) {
            if (--m_skipDepth == 0)
                elementDone();
            return true;
        }
        if (!m_capture.empty()) {
            m_capture.pop_back();
            if (!m_capture.empty())
                m_captureKeys.pop_back();
            if (m_capture.empty()) {
                json value = std::move(m_captureRoot);
                m_captureRoot = nullptr;
                if (m_captureIsViews)
                    m_project.views() = std::move(value);
                else
                    storeUnknown(std::move(value));
                m_captureIsViews = false;
                elementDone();
            }
            return true;
        }
        Frame &frame = m_frames.back();
        closeContainer(frame);
        m_frames.pop_back();
        if (m_aborted)
            return false;
        elementDone();
        return true;
    }

    // After a value (scalar or container) is complete: move an enclosing array on.
    void elementDone()
    {
        if (!m_frames.empty() && m_frames.back().isArray)
            ++m_frames.back().index;
    }

    // --- unknown fields ----------------------------------------------------------------------
    // Stores an unknown field's value in the nearest item's unknown-field store, at the path
    // from that item (e.g. {"quote": {"x": 1}} for /claims/3/quote/x), so the writer can put it
    // back where it was.
    void storeUnknown(json value)
    {
        std::size_t owner = m_frames.size() - 1;
        while (!isEntity(m_frames[owner].ctx))
            --owner;
        json *target = nullptr;
        const Frame &ownerFrame = m_frames[owner];
        if (ownerFrame.ctx == Ctx::Root)
            target = &m_project.topLevelExtra();
        else if (ownerFrame.ctx == Ctx::Meta)
            target = &m_project.metaExtra();
        else
            target = &extraOf(ownerFrame);
        for (std::size_t i = owner; i < m_frames.size(); ++i) {
            const Frame &f = m_frames[i];
            if (f.isArray) {
                if (!target->is_array())
                    *target = json::array();
                while (target->size() <= f.index)
                    target->push_back(nullptr);
                target = &(*target)[f.index];
            } else {
                if (!target->is_object())
                    *target = json::object();
                target = &(*target)[f.key];
            }
        }
        *target = std::move(value);
    }

    json &extraOf(const Frame &entityFrame)
    {
        std::uint32_t *slot = nullptr;
        const std::uint32_t i = entityFrame.entity;
        switch (entityFrame.ctx) {
        case Ctx::Party:
            slot = &m_project.parties()[i].extra;
            break;
        case Ctx::Actor:
            slot = &m_project.actors()[i].extra;
            break;
        case Ctx::Source:
            slot = &m_project.sources()[i].extra;
            break;
        case Ctx::Event:
            slot = &m_project.events()[i].extra;
            break;
        case Ctx::Question:
            slot = &m_project.questions()[i].extra;
            break;
        case Ctx::Claim:
            slot = &m_project.claims()[i].extra;
            break;
        case Ctx::Relation:
            slot = &m_project.relations()[i].extra;
            break;
        default:
            Q_ASSERT(false);
            return m_project.topLevelExtra();
        }
        if (*slot == NoIndex)
            *slot = m_project.addExtra(json::object());
        return m_project.extraAt(*slot);
    }

    // --- containers opening and closing ------------------------------------------------------
    bool countItem()
    {
        if (++m_items > m_limits.maxItems)
            return fail(currentPointer(), "more than " + std::to_string(m_limits.maxItems)
                            + " items; the file is larger than this version of Claimline "
                              "accepts");
        return true;
    }

    bool openContainer(Frame &frame)
    {
        const auto index = [](const auto &v) { return static_cast<std::uint32_t>(v.size()); };
        switch (frame.ctx) {
        case Ctx::Party:
            frame.entity = index(m_project.parties());
            m_project.parties().emplace_back();
            return countItem();
        case Ctx::Actor:
            frame.entity = index(m_project.actors());
            m_project.actors().emplace_back();
            return countItem();
        case Ctx::Source:
            frame.entity = index(m_project.sources());
            m_project.sources().emplace_back();
            return countItem();
        case Ctx::Event:
            frame.entity = index(m_project.events());
            m_project.events().emplace_back();
            return countItem();
        case Ctx::Question:
            frame.entity = index(m_project.questions());
            m_project.questions().emplace_back();
            return countItem();
        case Ctx::Claim:
            frame.entity = index(m_project.claims());
            m_project.claims().emplace_back();
            return countItem();
        case Ctx::Relation:
            frame.entity = index(m_project.relations());
            m_project.relations().emplace_back();
            return countItem();
        case Ctx::PartyRefs:
        case Ctx::Tags:
            frame.listStart = index(m_project.indexPool());
            return true;
        case Ctx::CitationList:
            frame.listStart = index(m_project.citationPool());
            return true;
        case Ctx::HistoryList:
            frame.listStart = index(m_project.statusChangePool());
            return true;
        case Ctx::Citation:
            m_project.citationPool().emplace_back();
            return countItem();
        case Ctx::History:
            m_project.statusChangePool().emplace_back();
            return countItem();
        default:
            return true;
        }
    }

    // A list element of the wrong type still takes its place in the item array, so that the
    // items after it keep their index in the file: problems found later point at items by
    // that index ("already used at /parties/2", "/relations/3"). The file has a problem, so
    // the placeholder never reaches a Project.
    bool holdPlace(const Frame &list, Ctx element)
    {
        if (!list.isArray)
            return true;
        Frame placeholder;
        placeholder.ctx = element;
        return openContainer(placeholder);
    }

    void requireFields(const Frame &frame, std::initializer_list<int> required,
                       const auto &names)
    {
        for (const int f : required) {
            if (!(frame.seen & (std::uint64_t(1) << f)))
                problem(objectPointer(), "missing required field \"" + std::string(names[f])
                            + "\"");
        }
    }

    // The entity frame enclosing the current nested container (location, quote, lists).
    Frame &owner(std::size_t up)
    {
        return m_frames[m_frames.size() - 1 - up];
    }

    void closeContainer(Frame &frame)
    {
        const auto pool = [](const auto &v) { return static_cast<std::uint32_t>(v.size()); };
        switch (frame.ctx) {
        case Ctx::Root:
            // A missing "format" is reported on its own once the file is read (runReader).
            requireFields(frame, {int(keys::Root::Version)}, keys::RootKeys);
            break;
        case Ctx::Party:
            requireFields(frame, {int(keys::Party::Id), int(keys::Party::Name)}, keys::PartyKeys);
            break;
        case Ctx::Actor:
            requireFields(frame, {int(keys::Actor::Id), int(keys::Actor::Name)}, keys::ActorKeys);
            break;
        case Ctx::Source:
            requireFields(frame, {int(keys::Source::Id), int(keys::Source::Title)}, keys::SourceKeys);
            break;
        case Ctx::Event:
            requireFields(frame, {int(keys::Event::Id), int(keys::Event::Title), int(keys::Event::When)},
                          keys::EventKeys);
            break;
        case Ctx::Question:
            requireFields(frame, {int(keys::Question::Id), int(keys::Question::Text)}, keys::QuestionKeys);
            break;
        case Ctx::Claim:
            requireFields(frame,
                          {int(keys::Claim::Id), int(keys::Claim::Claimant), int(keys::Claim::MadeAt),
                           int(keys::Claim::Statement)},
                          keys::ClaimKeys);
            break;
        case Ctx::Relation:
            requireFields(frame, {int(keys::Relation::From), int(keys::Relation::To), int(keys::Relation::Kind)},
                          keys::RelationKeys);
            break;
        case Ctx::Citation:
            requireFields(frame, {int(keys::Citation::Source)}, keys::CitationKeys);
            break;
        case Ctx::History:
            requireFields(frame, {int(keys::History::Status)}, keys::HistoryKeys);
            break;
        case Ctx::Quote:
            requireFields(frame, {int(keys::Quote::Text)}, keys::QuoteKeys);
            break;
        case Ctx::PartyRefs:
            event(owner(1)).parties = {frame.listStart, pool(m_project.indexPool()) - frame.listStart};
            break;
        case Ctx::Tags:
            event(owner(1)).tags = {frame.listStart, pool(m_project.indexPool()) - frame.listStart};
            break;
        case Ctx::CitationList: {
            const IndexRange range{frame.listStart,
                                   pool(m_project.citationPool()) - frame.listStart};
            Frame &o = owner(1);
            if (o.ctx == Ctx::Event)
                event(o).sources = range;
            else
                claim(o).sources = range;
            break;
        }
        case Ctx::HistoryList: {
            const IndexRange range{frame.listStart,
                                   pool(m_project.statusChangePool()) - frame.listStart};
            Frame &o = owner(1);
            if (o.ctx == Ctx::Event)
                event(o).history = range;
            else
                claim(o).history = range;
            break;
        }
        case Ctx::Location: {
            // Which fields were given, not which were valid: a latitude out of range has its
            // own problem and does not make the location lack one.
            const bool lat = frame.seen & (std::uint64_t(1) << int(keys::Location::Lat));
            const bool lon = frame.seen & (std::uint64_t(1) << int(keys::Location::Lon));
            if (lat != lon)
                problem(objectPointer(), "a location needs both \"lat\" and \"lon\", or neither");
            break;
        }
        default:
            break;
        }
    }

    Event &event(const Frame &f) { return m_project.events()[f.entity]; }
    Claim &claim(const Frame &f) { return m_project.claims()[f.entity]; }

    // --- scalar values -------------------------------------------------------------------------
    std::string expectedScalar(const Frame &frame) const
    {
        if (frame.isArray) {
            return frame.ctx == Ctx::PartyRefs ? "a party id (a string)" : "a string";
        }
        switch (frame.ctx) {
        case Ctx::Actor:
            if (frame.field == int(keys::Actor::Anonymous)
                || frame.field == int(keys::Actor::Collective))
                return "true or false";
            break;
        case Ctx::Location:
            if (frame.field != int(keys::Location::Name))
                return "a number";
            break;
        case Ctx::Claim:
            if (frame.field == int(keys::Claim::Credibility))
                return "a number from 1 to 6";
            break;
        case Ctx::Root:
            if (frame.field == int(keys::Root::Version))
                return "a whole number";
            break;
        default:
            break;
        }
        return "a string";
    }

    bool scalar(const Scalar &value)
    {
        if (m_skipDepth > 0)
            return true;
        if (!m_capture.empty()) {
            json *parent = m_capture.back();
            if (parent->is_array())
                parent->push_back(value.toJson());
            else
                (*parent)[m_captureKey] = value.toJson();
            return true;
        }
        if (m_frames.empty())
            return fail("", std::string("the file holds ") + typeName(value.type)
                            + ", not a Claimline project (a JSON object)");
        Frame &frame = m_frames.back();
        if (!frame.isArray && frame.field < 0) {
            storeUnknown(value.toJson());
            return true;
        }
        if (frame.ctx == Ctx::Root && frame.field == int(keys::Root::Views)) {
            problem(currentPointer(), "must be an array of saved views");
            return true;
        }
        if (const std::optional<Expect> expect = expectedContainer(frame)) {
            problem(currentPointer(), std::string("must be ")
                        + (expect->isArray ? "an array" : "an object") + ", not "
                        + typeName(value.type));
            if (!holdPlace(frame, expect->ctx))
                return false;
        } else {
            assign(frame, value);
        }
        elementDone();
        return !m_aborted;
    }

    // Reads a string value, or reports what was expected instead.
    std::optional<std::string_view> text(const Frame &frame, const Scalar &value)
    {
        if (value.type != json::value_t::string) {
            problem(currentPointer(), "must be " + expectedScalar(frame) + ", not "
                        + typeName(value.type));
            return std::nullopt;
        }
        return std::string_view(*value.string);
    }
    TextRef store(const Frame &frame, const Scalar &value)
    {
        if (const auto s = text(frame, value))
            return m_project.addText(*s);
        return {};
    }
    void storeId(const Frame &frame, const Scalar &value, ItemKind kind, TextRef &id)
    {
        const auto s = text(frame, value);
        if (!s)
            return;
        if (s->empty()) {
            problem(currentPointer(), "an id cannot be empty");
            return;
        }
        id = m_project.addText(*s);
        if (const auto existing = m_project.registerId({kind, frame.entity})) {
            problem(currentPointer(), "duplicate id " + quoted(*s) + " (already used at "
                        + itemPointer(*existing) + ")");
        }
    }
    static std::string itemPointer(ItemRef ref)
    {
        static constexpr std::array<std::string_view, 6> arrays{
            "parties", "actors", "sources", "events", "questions", "claims"};
        return "/" + std::string(arrays[std::size_t(ref.kind)]) + "/" + std::to_string(ref.index);
    }
    FuzzyTime time(const Frame &frame, const Scalar &value)
    {
        const auto s = text(frame, value);
        if (!s)
            return {};
        std::string error;
        if (const auto t = FuzzyTime::parse(*s, &error))
            return *t;
        problem(currentPointer(), error);
        return {};
    }
    template<typename Enum, std::size_t N>
    void enumValue(const Frame &frame, const Scalar &value,
                   const std::array<std::string_view, N> &names, const char *what, Enum &out)
    {
        const auto s = text(frame, value);
        if (!s)
            return;
        if (const auto e = enumFromName<Enum>(names, *s))
            out = *e;
        else
            problem(currentPointer(), std::string("unknown ") + what + " " + quoted(*s)
                        + " (expected one of: " + joinNames(names) + ")");
    }
    void flag(const Frame &frame, const Scalar &value, bool &out)
    {
        if (value.type == json::value_t::boolean)
            out = value.boolean;
        else
            problem(currentPointer(), "must be " + expectedScalar(frame) + ", not "
                        + typeName(value.type));
    }
    void coordinate(const Frame &frame, const Scalar &value, double limit, double &out)
    {
        const auto d = value.asDouble();
        if (!d) {
            problem(currentPointer(), "must be " + expectedScalar(frame) + ", not "
                        + typeName(value.type));
        } else if (!(std::abs(*d) <= limit)) {
            problem(currentPointer(), "must be between -" + std::to_string(int(limit)) + " and "
                        + std::to_string(int(limit)));
        } else {
            out = *d;
        }
    }

    void reference(const Frame &frame, const Scalar &value, RefTarget target, std::uint32_t slot)
    {
        const auto s = text(frame, value);
        if (!s)
            return;
        if (const auto item = findCached(*s)) {
            resolve(target, slot, *item, *s, [this] { return currentPointer(); });
            return;
        }
        // Not defined (yet): keys may come in any order, so resolve after the whole file.
        m_pending.push_back({m_project.addText(*s), target, slot, currentPointer()});
    }

    // Most references name one of a few parties, actors, sources or questions, millions of
    // times. A small direct-mapped cache in front of the id index answers those from a few
    // cache lines instead of a random probe into a table of every id. Ids are never removed
    // while loading, so an entry never goes stale.
    std::optional<ItemRef> findCached(std::string_view id)
    {
        const std::uint32_t hash = IdIndex::hashOf(id);
        CachedRef &entry = m_refCache[hash % m_refCache.size()];
        if (entry.valid && entry.hash == hash && m_project.view(m_project.idOf(entry.item)) == id)
            return entry.item;
        const std::optional<ItemRef> item = m_project.find(id);
        if (item)
            entry = {hash, *item, true};
        return item;
    }

    static std::string expectedKinds(RefTarget target)
    {
        switch (target) {
        case RefTarget::ActorParty:
        case RefTarget::EventParty:
            return "party";
        case RefTarget::CitationSource:
            return "source";
        case RefTarget::ClaimClaimant:
        case RefTarget::ClaimVia:
            return "actor or party";
        case RefTarget::ClaimAbout:
            return "event";
        case RefTarget::ClaimQuestion:
            return "question";
        case RefTarget::QuoteSpeaker:
            return "actor";
        case RefTarget::RelationFrom:
        case RefTarget::RelationTo:
            return "claim";
        }
        return "item";
    }

    // pointer() gives the reference's JSON Pointer; only called for a problem, since building
    // it for each of millions of good references would cost more than resolving them.
    template<typename PointerOf>
    void resolve(RefTarget target, std::uint32_t slot, ItemRef item, std::string_view id,
                 const PointerOf &pointer)
    {
        const auto wrongKind = [&] {
            problem(pointer(), quoted(id) + " is " + withArticle(nameOf(item.kind)) + ", not "
                        + withArticle(expectedKinds(target)));
        };
        const auto need = [&](ItemKind kind) {
            if (item.kind == kind)
                return true;
            wrongKind();
            return false;
        };
        Project &p = m_project;
        switch (target) {
        case RefTarget::ActorParty:
            if (need(ItemKind::Party))
                p.actors()[slot].party = item.index;
            break;
        case RefTarget::EventParty:
            if (need(ItemKind::Party))
                p.indexPool()[slot] = item.index;
            break;
        case RefTarget::CitationSource:
            if (need(ItemKind::Source))
                p.citationPool()[slot].source = item.index;
            break;
        case RefTarget::ClaimClaimant:
        case RefTarget::ClaimVia:
            if (item.kind != ItemKind::Actor && item.kind != ItemKind::Party) {
                wrongKind();
                break;
            }
            (target == RefTarget::ClaimClaimant ? p.claims()[slot].claimant : p.claims()[slot].via)
                = Speaker{item.index, item.kind == ItemKind::Party};
            break;
        case RefTarget::ClaimAbout:
            if (need(ItemKind::Event))
                p.claims()[slot].about = item.index;
            break;
        case RefTarget::ClaimQuestion:
            if (need(ItemKind::Question))
                p.claims()[slot].question = item.index;
            break;
        case RefTarget::QuoteSpeaker:
            if (need(ItemKind::Actor))
                p.claims()[slot].quoteSpeaker = item.index;
            break;
        case RefTarget::RelationFrom:
            if (need(ItemKind::Claim))
                p.relations()[slot].from = item.index;
            break;
        case RefTarget::RelationTo:
            if (need(ItemKind::Claim))
                p.relations()[slot].to = item.index;
            break;
        }
    }

    void assign(Frame &frame, const Scalar &value)
    {
        Project &p = m_project;
        const int f = frame.field;
        switch (frame.ctx) {
        case Ctx::Root:
            if (f == int(keys::Root::Format)) {
                const auto s = text(frame, value);
                if (s && *s != "claimline") {
                    m_foreignFormat = Problem{currentPointer(),
                                              "this is not a Claimline project (format is "
                                                  + quoted(*s) + ", expected \"claimline\")"};
                }
            } else if (f == int(keys::Root::Version)) {
                const auto v = value.asInteger();
                if (!v || *v < 0 || *v > 1'000'000) {
                    problem(currentPointer(), "must be a whole number (the format version)");
                } else {
                    m_version = static_cast<int>(*v);
                    m_sawVersion = true;
                }
            }
            break;
        case Ctx::Meta:
            switch (static_cast<keys::Meta>(f)) {
            case keys::Meta::Title:
                p.meta().title = store(frame, value);
                break;
            case keys::Meta::Description:
                p.meta().description = store(frame, value);
                break;
            case keys::Meta::DisplayTimeZone:
                if (const auto s = text(frame, value)) {
                    if (!QTimeZone(QByteArray(s->data(), qsizetype(s->size()))).isValid())
                        problem(currentPointer(), "unknown time zone " + quoted(*s)
                                    + " (expected an IANA name such as \"Europe/Kyiv\" or \"UTC\")");
                    else
                        p.meta().displayTimeZone = p.addText(*s);
                }
                break;
            default:
                break;
            }
            break;
        case Ctx::Authors:
            if (const TextRef t = store(frame, value); !t.isEmpty())
                p.meta().authors.push_back(t);
            break;
        case Ctx::Party: {
            ::claimline::Party &party = p.parties()[frame.entity];
            switch (static_cast<keys::Party>(f)) {
            case keys::Party::Id:
                storeId(frame, value, ItemKind::Party, party.id);
                break;
            case keys::Party::Name:
                party.name = store(frame, value);
                break;
            case keys::Party::Short:
                party.shortName = store(frame, value);
                break;
            case keys::Party::Color:
                if (const auto s = text(frame, value)) {
                    if (const auto c = parseColor(*s)) {
                        party.color = *c;
                        party.hasColor = true;
                    } else {
                        problem(currentPointer(), "colour " + quoted(*s)
                                    + " is not of the form \"#RRGGBB\"");
                    }
                }
                break;
            case keys::Party::Kind:
                enumValue(frame, value, PartyKindNames, "party kind", party.kind);
                break;
            }
            break;
        }
        case Ctx::Actor: {
            ::claimline::Actor &actor = p.actors()[frame.entity];
            switch (static_cast<keys::Actor>(f)) {
            case keys::Actor::Id:
                storeId(frame, value, ItemKind::Actor, actor.id);
                break;
            case keys::Actor::Name:
                actor.name = store(frame, value);
                break;
            case keys::Actor::Role:
                actor.role = store(frame, value);
                break;
            case keys::Actor::Party:
                reference(frame, value, RefTarget::ActorParty, frame.entity);
                break;
            case keys::Actor::Anonymous:
                flag(frame, value, actor.anonymous);
                break;
            case keys::Actor::Collective:
                flag(frame, value, actor.collective);
                break;
            }
            break;
        }
        case Ctx::Source: {
            ::claimline::Source &source = p.sources()[frame.entity];
            switch (static_cast<keys::Source>(f)) {
            case keys::Source::Id:
                storeId(frame, value, ItemKind::Source, source.id);
                break;
            case keys::Source::Title:
                source.title = store(frame, value);
                break;
            case keys::Source::Outlet:
                source.outlet = store(frame, value);
                break;
            case keys::Source::Url:
                source.url = store(frame, value);
                break;
            case keys::Source::ArchiveUrl:
                source.archiveUrl = store(frame, value);
                break;
            case keys::Source::Published:
                source.published = time(frame, value);
                break;
            case keys::Source::Accessed:
                source.accessed = time(frame, value);
                break;
            case keys::Source::Language:
                source.language = store(frame, value);
                break;
            case keys::Source::Reliability:
                if (const auto s = text(frame, value)) {
                    if (s->size() == 1 && (*s)[0] >= 'A' && (*s)[0] <= 'F')
                        source.reliability = (*s)[0];
                    else
                        problem(currentPointer(), "reliability " + quoted(*s)
                                    + " is not an Admiralty grade (\"A\" to \"F\")");
                }
                break;
            case keys::Source::Notes:
                source.notes = store(frame, value);
                break;
            }
            break;
        }
        case Ctx::Event: {
            ::claimline::Event &e = p.events()[frame.entity];
            switch (static_cast<keys::Event>(f)) {
            case keys::Event::Id:
                storeId(frame, value, ItemKind::Event, e.id);
                break;
            case keys::Event::Title:
                e.title = store(frame, value);
                break;
            case keys::Event::Summary:
                e.summary = store(frame, value);
                break;
            case keys::Event::When:
                e.when = time(frame, value);
                break;
            case keys::Event::Kind:
                if (const auto s = text(frame, value); s && !s->empty())
                    e.kind = p.internWord(*s);
                break;
            case keys::Event::Status:
                enumValue(frame, value, StatusNames, "status", e.status);
                break;
            case keys::Event::Notes:
                e.notes = store(frame, value);
                break;
            default:
                break;
            }
            break;
        }
        case Ctx::Location: {
            ::claimline::Event &e = event(owner(1));
            switch (static_cast<keys::Location>(f)) {
            case keys::Location::Name:
                e.locationName = store(frame, value);
                break;
            case keys::Location::Lat:
                coordinate(frame, value, 90, e.latitude);
                break;
            case keys::Location::Lon:
                coordinate(frame, value, 180, e.longitude);
                break;
            }
            break;
        }
        case Ctx::PartyRefs: {
            const auto slot = static_cast<std::uint32_t>(p.indexPool().size());
            p.indexPool().push_back(NoIndex);
            reference(frame, value, RefTarget::EventParty, slot);
            break;
        }
        case Ctx::Tags:
            if (const auto s = text(frame, value); s && !s->empty())
                p.indexPool().push_back(p.internWord(*s));
            break;
        case Ctx::Citation: {
            const auto slot = static_cast<std::uint32_t>(p.citationPool().size() - 1);
            if (f == int(keys::Citation::Source))
                reference(frame, value, RefTarget::CitationSource, slot);
            else
                p.citationPool()[slot].excerpt = store(frame, value);
            break;
        }
        case Ctx::History: {
            StatusChange &change = p.statusChangePool().back();
            switch (static_cast<keys::History>(f)) {
            case keys::History::Status:
                enumValue(frame, value, StatusNames, "status", change.status);
                break;
            case keys::History::At:
                change.at = time(frame, value);
                break;
            case keys::History::Reason:
                change.reason = store(frame, value);
                break;
            }
            break;
        }
        case Ctx::Question: {
            ::claimline::Question &q = p.questions()[frame.entity];
            if (f == int(keys::Question::Id))
                storeId(frame, value, ItemKind::Question, q.id);
            else
                q.text = store(frame, value);
            break;
        }
        case Ctx::Claim: {
            ::claimline::Claim &c = p.claims()[frame.entity];
            switch (static_cast<keys::Claim>(f)) {
            case keys::Claim::Id:
                storeId(frame, value, ItemKind::Claim, c.id);
                break;
            case keys::Claim::Claimant:
                reference(frame, value, RefTarget::ClaimClaimant, frame.entity);
                break;
            case keys::Claim::Via:
                reference(frame, value, RefTarget::ClaimVia, frame.entity);
                break;
            case keys::Claim::MadeAt:
                c.madeAt = time(frame, value);
                break;
            case keys::Claim::About:
                reference(frame, value, RefTarget::ClaimAbout, frame.entity);
                break;
            case keys::Claim::Question:
                reference(frame, value, RefTarget::ClaimQuestion, frame.entity);
                break;
            case keys::Claim::Stance:
                enumValue(frame, value, StanceNames, "stance", c.stance);
                break;
            case keys::Claim::Statement:
                c.statement = store(frame, value);
                break;
            case keys::Claim::Credibility: {
                const auto v = value.asInteger();
                if (!v || *v < 1 || *v > 6)
                    problem(currentPointer(), "must be a number from 1 to 6 (Admiralty "
                                              "information credibility)");
                else
                    c.credibility = static_cast<std::uint8_t>(*v);
                break;
            }
            case keys::Claim::Status:
                enumValue(frame, value, StatusNames, "status", c.status);
                break;
            case keys::Claim::Notes:
                c.notes = store(frame, value);
                break;
            default:
                break;
            }
            break;
        }
        case Ctx::Quote: {
            const std::uint32_t ci = owner(1).entity;
            ::claimline::Claim &c = p.claims()[ci];
            switch (static_cast<keys::Quote>(f)) {
            case keys::Quote::Text:
                c.quote = store(frame, value);
                break;
            case keys::Quote::Language:
                c.quoteLanguage = store(frame, value);
                break;
            case keys::Quote::Translation:
                c.quoteTranslation = store(frame, value);
                break;
            case keys::Quote::Speaker:
                reference(frame, value, RefTarget::QuoteSpeaker, ci);
                break;
            }
            break;
        }
        case Ctx::Relation: {
            ::claimline::Relation &r = p.relations()[frame.entity];
            switch (static_cast<keys::Relation>(f)) {
            case keys::Relation::From:
                reference(frame, value, RefTarget::RelationFrom, frame.entity);
                break;
            case keys::Relation::To:
                reference(frame, value, RefTarget::RelationTo, frame.entity);
                break;
            case keys::Relation::Kind:
                enumValue(frame, value, RelationKindNames, "relation kind", r.kind);
                break;
            }
            break;
        }
        default:
            break;
        }
    }

    void checkRelations()
    {
        std::set<std::tuple<std::uint32_t, std::uint32_t, RelationKind>> seen;
        const auto &relations = m_project.relations();
        for (std::size_t i = 0; i < relations.size(); ++i) {
            const Relation &r = relations[i];
            if (r.from == NoIndex || r.to == NoIndex)
                continue;
            const std::string where = "/relations/" + std::to_string(i);
            if (r.from == r.to)
                problem(where, "a claim cannot answer itself");
            else if (!seen.insert({r.from, r.to, r.kind}).second)
                problem(where, "the same relation is listed twice");
        }
    }

    const LoadLimits m_limits;
    Project m_project;
    Problems m_problems;
    std::vector<Frame> m_frames;
    std::vector<Pending> m_pending;
    struct CachedRef
    {
        std::uint32_t hash = 0;
        ItemRef item;
        bool valid = false;
    };
    std::array<CachedRef, 256> m_refCache{};
    // Unknown fields and views being captured as JSON.
    json m_captureRoot;
    std::vector<json *> m_capture;
    std::vector<std::string> m_captureKeys; // m_captureKeys[i]: key of m_capture[i + 1]
    std::string m_captureKey;
    bool m_captureIsViews = false;
    std::uint32_t m_skipDepth = 0; // inside a container of the wrong type
    std::uint64_t m_items = 0;
    int m_version = 0;
    bool m_sawVersion = false;
    bool m_sawFormat = false;
    std::optional<Problem> m_foreignFormat;
    bool m_aborted = false;
};

// Orders problems as a canonical file is laid out (whole-file problems, then by top-level
// key in the writer's order, then by item), so the list reads top to bottom with the file.
// References are resolved after the whole file is read; without this their problems would
// come after everything else. Problems of one item keep the order they were found in.
void sortInFileOrder(Problems &problems)
{
    const auto position = [](const Problem &p) {
        if (p.pointer.empty())
            return std::pair<int, std::uint64_t>(-1, 0);
        const std::string_view pointer(p.pointer);
        const std::size_t second = pointer.find('/', 1);
        const std::string_view top = pointer.substr(1, second == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : second - 1);
        const int rank = keys::indexOf(keys::RootKeys, top);
        std::uint64_t index = 0;
        if (second != std::string_view::npos) {
            const std::string_view rest = pointer.substr(second + 1);
            std::from_chars(rest.data(), rest.data() + rest.size(), index);
        }
        return std::pair<int, std::uint64_t>(rank < 0 ? int(keys::RootKeys.size()) : rank,
                                             index);
    };
    std::stable_sort(problems.begin(), problems.end(), [&](const Problem &a, const Problem &b) {
        return position(a) < position(b);
    });
}

// Runs the SAX parse over an input and turns the handler's state into a LoadResult.
template<typename Parse>
LoadResult runReader(Parse &&parse, std::uint64_t inputSize, const LoadLimits &limits,
                     bool allowMigration, const std::function<std::string()> &wholeInput)
{
    LoadResult result;
    Reader reader(limits, inputSize);
    const bool parsed = parse(reader);
    if (!parsed && reader.problems().empty()) {
        // The parser stopped without saying why (it ran out of memory): never hand out the
        // part that was read.
        result.problems = {{"", "the file could not be read to its end"}};
        return result;
    }
    reader.finish();
    result.fileVersion = reader.version();

    if (!reader.aborted()) {
        if (!reader.sawFormat()) {
            // Some other JSON document: what it lacks as a project is not worth listing.
            result.problems = {{"", "this is not a Claimline project (no \"format\": "
                                    "\"claimline\" field)"}};
            return result;
        }
        if (reader.foreignFormat()) {
            // Another format's document: its fields mean something else; listing them as
            // problems of a project would only bury the one that matters.
            result.problems = {*reader.foreignFormat()};
            return result;
        }
        if (reader.sawVersion() && reader.version() > Project::FormatVersion) {
            // Nothing else is worth saying about a file from the future: its fields may mean
            // something else.
            result.problems = {{"/version",
                                "this file needs Claimline file format version "
                                    + std::to_string(reader.version())
                                    + "; this version of Claimline reads format versions up to "
                                    + std::to_string(Project::FormatVersion)
                                    + ". Update Claimline to open it."}};
            return result;
        }
        if (reader.sawVersion() && reader.version() < Project::FormatVersion && allowMigration) {
            // Older files are converted one version step at a time on a DOM, then read as the
            // current version. Old files predate large imports, so the DOM is affordable; the
            // limits above have already been checked by this first pass.
            json document = json::parse(wholeInput(), nullptr, false);
            if (!document.is_object()) {
                // The second read did not give the bytes of the first: a pipe cannot be read
                // twice, and a file may change in between. Say so rather than fail silently.
                result.problems = {{"", "the file could not be read a second time to convert "
                                        "it from format version "
                                        + std::to_string(reader.version())
                                        + " (it is a pipe, or it changed while it was read)"}};
                return result;
            }
            Problems migrationProblems;
            if (migrateToCurrent(document, migrationProblems)) {
                const std::string migrated = document.dump();
                LoadResult again = readProject(migrated, limits);
                again.fileVersion = reader.version();
                again.migrated = true;
                return again;
            }
            result.problems = std::move(migrationProblems);
            return result;
        }
    }
    result.problems = std::move(reader.problems());
    sortInFileOrder(result.problems);
    if (result.problems.empty())
        result.project = std::move(reader.project());
    return result;
}

} // namespace

LoadResult readProject(std::string_view bytes, const LoadLimits &limits)
{
    if (bytes.empty())
        return {std::nullopt, {{"", "the file is empty"}}, 0, false};
    return runReader(
        [bytes](Reader &reader) { return json::sax_parse(bytes.begin(), bytes.end(), &reader); },
        bytes.size(), limits, true, [bytes] { return std::string(bytes); });
}

LoadResult loadProject(const QString &path, const LoadLimits &limits)
{
    LoadResult result;
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir()) {
        result.problems.push_back({"", "is a folder, not a file"});
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.problems.push_back({"", "cannot open the file: " + file.errorString().toStdString()});
        return result;
    }
    const qint64 size = file.size();
    if (info.isFile() && std::uint64_t(size) > limits.maxFileSize) {
        // In MiB when that tells the two apart, else in bytes ("1 MiB, larger than 1 MiB").
        const bool inMiB = (std::uint64_t(size) >> 20) > (limits.maxFileSize >> 20);
        const auto amount = [inMiB](std::uint64_t bytes) {
            return inMiB ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
        };
        result.problems.push_back({"", "the file is " + amount(std::uint64_t(size))
                                           + ", larger than the limit of "
                                           + amount(limits.maxFileSize)});
        return result;
    }
    if (info.isFile() && size == 0) {
        result.problems.push_back({"", "the file is empty"});
        return result;
    }
    spdlog::debug("reading {} bytes", size);
    // Read in chunks by the parser thread (SaxPipeline): the file is never held in memory
    // whole, and a file truncated under us reads as a short file, not a crash.
    bool readError = false;
    result = runReader(
        [&](Reader &reader) {
            return SaxPipeline::run(
                [&](char *buffer, std::int64_t capacity) {
                    const qint64 n = file.read(buffer, capacity);
                    readError = readError || n < 0;
                    return std::int64_t(n);
                },
                reader);
        },
        std::uint64_t(std::max<qint64>(size, 0)), limits, true, [&path] {
            QFile again(path);
            if (!again.open(QIODevice::ReadOnly))
                return std::string();
            const QByteArray all = again.readAll();
            return std::string(all.constData(), std::size_t(all.size()));
        });
    if (readError) {
        result.project.reset();
        result.problems.insert(result.problems.begin(),
                               {"", "reading the file failed: " + file.errorString().toStdString()});
    }
    return result;
}

} // namespace claimline
