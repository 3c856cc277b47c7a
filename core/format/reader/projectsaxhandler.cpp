#include "format/reader/projectsaxhandler.h"

#include "format/formatkeys.h"
#include "format/reader/pagewarmer.h"
#include "format/reader/saxchannel.h"
#include "format/reader/saxscalar.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <string_view>
#include <type_traits>
#include <utility>

namespace claimline {

namespace {

using Ctx = ProjectSchema::Ctx;
using json = nlohmann::json;

} // namespace

ProjectSaxHandler::ProjectSaxHandler(const LoadLimits &limits, std::uint64_t inputSize)
    : m_limits(limits)
    , m_references(m_project, m_problems, m_frames)
    , m_capture(m_project, m_frames)
    , m_origins(m_project, m_problems, m_frames)
    , m_items(m_project, m_problems, m_frames, m_origins, limits.maxItems)
    , m_assigner(m_project, m_problems, m_frames, m_references)
{
    // Arrays are reserved once from the input size, with ratios that hold for realistic
    // files (an event takes at least ~250 bytes of JSON with its summary; claims are
    // fewer). Reserving beyond what is used costs address space, not memory: pages are
    // only mapped when written. Odd files fall back to vector growth.
    const std::uint64_t events = std::min<std::uint64_t>(inputSize / 256, limits.maxItems);
    m_project.reserve(events, std::min<std::uint64_t>(inputSize / 1024, limits.maxItems));
    // An event names a party or two and a tag, and cites a source or two.
    m_project.reservePools(events * 3, events * 2, 0);
    // The id index's room is memory (Project::reserveIds()), so it is made for what a
    // realistic file holds: an item of ~400 bytes (the synthetic million-event file: 405). A
    // file of smaller items grows the index from there. Growing it from nothing rehashed the
    // million-event file's ids twenty times, the last ones a random write each into 32 MiB
    // faulted in on the model's thread.
    m_project.reserveIds(std::min<std::uint64_t>(inputSize / 400, limits.maxItems));
}

void ProjectSaxHandler::finish()
{
    if (m_problems.isAborted())
        return;
    m_references.resolvePending();
    m_items.checkRelations();
    m_items.checkPositions();
    m_items.checkPeriods();
}

void ProjectSaxHandler::followWrites(PageWarmer &warmer) const
{
    const auto [text, textEnd] = m_project.textFreeSpace();
    warmer.follow(0, text, textEnd);
    const auto followArray = [&warmer](std::size_t region, const auto &array) {
        const auto *data = reinterpret_cast<const char *>(array.data());
        using Item = typename std::decay_t<decltype(array)>::value_type;
        warmer.follow(region, data + array.size() * sizeof(Item),
                      data + array.capacity() * sizeof(Item));
    };
    followArray(1, m_project.events());
    followArray(2, m_project.claims());
}

// --- SaxHandler --------------------------------------------------------------------------------

bool ProjectSaxHandler::null()
{
    return scalar({});
}

bool ProjectSaxHandler::boolean(bool value)
{
    SaxScalar s;
    s.type = json::value_t::boolean;
    s.boolean = value;
    return scalar(s);
}

bool ProjectSaxHandler::integer(std::int64_t value)
{
    SaxScalar s;
    s.type = json::value_t::number_integer;
    s.integer = value;
    return scalar(s);
}

bool ProjectSaxHandler::unsignedInteger(std::uint64_t value)
{
    SaxScalar s;
    s.type = json::value_t::number_unsigned;
    s.unsignedInteger = value;
    return scalar(s);
}

bool ProjectSaxHandler::floating(double value, std::string_view text)
{
    SaxScalar s;
    s.type = json::value_t::number_float;
    s.number = value;
    s.numberText = text;
    return scalar(s);
}

bool ProjectSaxHandler::string(std::string_view value)
{
    if (value.size() > m_limits.maxStringLength) [[unlikely]]
        return tooLong("text of ", value.size(), false);
    SaxScalar s;
    s.type = json::value_t::string;
    s.string = value;
    return scalar(s);
}

bool ProjectSaxHandler::key(std::string_view key)
{
    if (key.size() > m_limits.maxStringLength) [[unlikely]]
        return tooLong("a key of ", key.size(), m_skipDepth == 0);
    if (m_capture.isActive()) {
        m_capture.setKey(key);
        return true;
    }
    // The keys of a value of the wrong type are not fields of the enclosing object: they
    // must not mark its fields as seen (hiding a missing required field) or as repeated.
    if (m_skipDepth > 0)
        return true;
    Frame &frame = m_frames.back();
    // Keys usually come in the writer's order: try the one after the last key first. The
    // context and field are kept in locals: reading them back from the frame right after the
    // store of the field stalled on store forwarding (half of this function's time).
    const Ctx ctx = frame.ctx;
    const int field = ProjectSchema::fieldIndex(ctx, key, frame.field + 1);
    frame.field = field;
    if (field < 0 || ctx == Ctx::Attributes) {
        frame.key = key;
        return true;
    }
    // Every key of an event's attributes is an attribute: a repeated one is found by the
    // FieldAssigner, which knows the attributes read so far.
    const std::uint64_t bit = std::uint64_t(1) << field;
    if (frame.seen & bit) [[unlikely]]
        repeatedField();
    frame.seen |= bit;
    if (ctx == Ctx::Root && field == int(keys::Root::Format))
        m_sawFormat = true;
    return true;
}

bool ProjectSaxHandler::tooLong(const char *what, std::size_t size, bool inContainer)
{
    return m_problems.fail(inContainer ? containerPointer() : currentPointer(),
                           what + std::to_string(size) + " bytes is longer than the limit of "
                               + std::to_string(m_limits.maxStringLength) + " bytes");
}

void ProjectSaxHandler::repeatedField()
{
    m_problems.add(currentPointer(), "the field appears twice in the same object");
}

bool ProjectSaxHandler::parseError(std::uint64_t, const std::string &,
                                   const nlohmann::detail::exception &ex)
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
    return m_problems.fail(currentPointer(),
                           "not valid JSON" + (where.empty() ? std::string() : " " + where) + ": "
                               + message);
}

bool ProjectSaxHandler::replay(const std::string &block)
{
    // Defined here, where the events' handlers are: the replayer's calls inline.
    return SaxReplayer<ProjectSaxHandler>(*this).replay(block);
}

// --- structure ---------------------------------------------------------------------------------

bool ProjectSaxHandler::startContainer(bool isArray)
{
    if (m_frames.size() + m_capture.depth() >= m_limits.maxDepth) [[unlikely]]
        return tooDeep();
    if (m_skipDepth > 0) {
        ++m_skipDepth;
        return true;
    }
    if (m_capture.isActive()) {
        m_capture.open(isArray);
        return true;
    }
    if (m_frames.isEmpty()) [[unlikely]]
        return openRoot(isArray);
    Frame &parent = m_frames.back();
    const bool known = parent.isArray || parent.field >= 0;
    const bool isViews = parent.ctx == Ctx::Root && parent.field == int(keys::Root::Views);
    if (isViews && !isArray) [[unlikely]]
        return skipWrongContainer("must be an array of saved views, not an object");
    if (!known || isViews) [[unlikely]] {
        // Unknown fields and saved views are kept as JSON, exactly.
        m_capture.begin(isArray, known);
        return true;
    }
    if (parent.ctx == Ctx::Attributes) [[unlikely]]
        return skipWrongContainer(
            ProjectSchema::attributeValueProblem(isArray ? "an array" : "an object"));
    const std::optional<ProjectSchema::Expect> expect
        = ProjectSchema::expectedContainer(parent.ctx, parent.field);
    if (!expect || expect->isArray != isArray) [[unlikely]]
        return wrongContainer(parent, expect, isArray);
    if (!m_items.open(m_frames.next(expect->ctx, isArray)))
        return false;
    m_frames.push();
    return true;
}

bool ProjectSaxHandler::tooDeep()
{
    return m_problems.fail(currentPointer(),
                           "nested deeper than the limit of " + std::to_string(m_limits.maxDepth)
                               + " levels");
}

bool ProjectSaxHandler::openRoot(bool isArray)
{
    if (isArray)
        return m_problems.fail("",
                               "the file holds a JSON array, not a Claimline project (a "
                               "JSON object with \"format\": \"claimline\")");
    m_frames.next(Ctx::Root, false);
    m_frames.push();
    return true;
}

bool ProjectSaxHandler::skipWrongContainer(const std::string &problem)
{
    m_problems.add(currentPointer(), problem);
    m_skipDepth = 1;
    return true;
}

bool ProjectSaxHandler::wrongContainer(Frame &parent,
                                       const std::optional<ProjectSchema::Expect> &expect,
                                       bool isArray)
{
    m_problems.add(
        currentPointer(),
        std::string("must be ")
            + (expect ? (expect->isArray ? "an array" : "an object")
                      : ProjectSchema::expectedScalar(parent.ctx, parent.field, parent.isArray))
            + ", not " + (isArray ? "an array" : "an object"));
    if (expect && !m_items.holdPlace(parent, expect->ctx))
        return false;
    m_skipDepth = 1;
    return true;
}

bool ProjectSaxHandler::endContainer()
{
    if (m_skipDepth > 0) {
        if (--m_skipDepth == 0)
            m_frames.elementDone();
        return true;
    }
    if (m_capture.isActive()) {
        if (m_capture.close())
            m_frames.elementDone();
        return true;
    }
    m_references.closing(m_frames.size());
    m_items.close(m_frames.back());
    m_frames.pop();
    if (m_problems.isAborted())
        return false;
    m_frames.elementDone();
    return true;
}

bool ProjectSaxHandler::scalar(const SaxScalar &value)
{
    if (m_skipDepth > 0)
        return true;
    if (m_capture.isActive()) {
        m_capture.add(value);
        return true;
    }
    if (m_frames.isEmpty()) [[unlikely]]
        return notAProject(value);
    Frame &frame = m_frames.back();
    if (!frame.isArray && frame.field < 0) [[unlikely]] {
        storeUnknown(value);
        return true;
    }
    if (frame.ctx == Ctx::Root && frame.field == int(keys::Root::Views)) [[unlikely]] {
        viewsNotAnArray();
        return true;
    }
    if (const std::optional<ProjectSchema::Expect> expect
        = ProjectSchema::expectedContainer(frame.ctx, frame.field)) [[unlikely]] {
        if (!notAContainer(frame, *expect, value))
            return false;
    } else if (frame.ctx == Ctx::Origin || frame.ctx == Ctx::Attributes) {
        m_origins.assign(frame, value);
    } else {
        m_assigner.assign(frame, value);
    }
    m_frames.elementDone();
    return !m_problems.isAborted();
}

bool ProjectSaxHandler::notAProject(const SaxScalar &value)
{
    return m_problems.fail("",
                           std::string("the file holds ") + value.typeName()
                               + ", not a Claimline project (a JSON object)");
}

void ProjectSaxHandler::storeUnknown(const SaxScalar &value)
{
    m_capture.storeUnknown(value.toJson());
}

void ProjectSaxHandler::viewsNotAnArray()
{
    m_problems.add(currentPointer(), "must be an array of saved views");
}

bool ProjectSaxHandler::notAContainer(Frame &frame, const ProjectSchema::Expect &expect,
                                      const SaxScalar &value)
{
    m_problems.add(currentPointer(),
                   std::string("must be ") + (expect.isArray ? "an array" : "an object") + ", not "
                       + value.typeName());
    return m_items.holdPlace(frame, expect.ctx);
}

// --- pointers ----------------------------------------------------------------------------------

std::string ProjectSaxHandler::currentPointer() const
{
    return m_frames.pointer(true) + m_capture.pointerInside(m_capture.depth());
}

std::string ProjectSaxHandler::containerPointer() const
{
    if (!m_capture.isActive())
        return m_frames.pointer(false);
    return m_frames.pointer(true) + m_capture.pointerInside(m_capture.depth() - 1);
}

} // namespace claimline
