#include "format/reader/originreader.h"

#include "format/reader/problemlist.h"
#include "format/reader/saxscalar.h"
#include "model/project.h"

#include <charconv>

namespace claimline {

namespace {
using Ctx = ProjectSchema::Ctx;
using json = nlohmann::json;
} // namespace

OriginReader::OriginReader(Project &project, ProblemList &problems, const FrameStack &frames)
    : m_project(project)
    , m_problems(problems)
    , m_frames(frames)
{ }

void OriginReader::assign(const Frame &frame, const SaxScalar &value)
{
    if (frame.ctx == Ctx::Origin)
        assignOrigin(frame, value);
    else if (frame.ctx == Ctx::Attributes)
        assignAttribute(frame, value);
}

void OriginReader::attributesClosed(const Frame &frame)
{
    const auto end = static_cast<std::uint32_t>(m_project.attributePool().size());
    m_origin.attributes = {frame.listStart, end - frame.listStart};
}

std::uint32_t OriginReader::finishEvent()
{
    const bool hasOrigin = m_origin.format != NoIndex || !m_origin.id.isEmpty()
        || !m_origin.updated.isEmpty() || m_origin.attributes.count > 0;
    return hasOrigin ? m_project.addOrigin(m_origin) : NoIndex;
}

// Reads a string value, or reports what was expected instead.
std::optional<std::string_view> OriginReader::text(const Frame &frame, const SaxScalar &value)
{
    if (value.type != json::value_t::string) {
        m_problems.add(m_frames.pointer(true),
                       "must be " + ProjectSchema::expectedScalar(frame.ctx, frame.field, false)
                           + ", not " + value.typeName());
        return std::nullopt;
    }
    return value.string;
}

void OriginReader::assignOrigin(const Frame &frame, const SaxScalar &value)
{
    switch (static_cast<keys::Origin>(frame.field)) {
    case keys::Origin::Format:
        if (const auto s = text(frame, value)) {
            if (s->empty())
                m_problems.add(m_frames.pointer(true),
                               "the format cannot be empty (the dataset the event was imported "
                               "from, e.g. \"acled\")");
            else
                m_origin.format = m_project.internWord(*s);
        }
        break;
    case keys::Origin::Id:
        if (const auto s = text(frame, value))
            m_origin.id = m_project.addText(*s);
        break;
    case keys::Origin::Updated:
        if (const auto s = text(frame, value))
            m_origin.updated = m_project.addText(*s);
        break;
    }
}

void OriginReader::assignAttribute(const Frame &frame, const SaxScalar &value)
{
    // A number keeps the text it was read as, so that it is written back the same ("3.10"
    // stays "3.10"); whole numbers have one spelling.
    char digits[32];
    std::string_view spelling;
    switch (value.type) {
    case json::value_t::string:
        spelling = value.string;
        break;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: {
        const auto end = value.type == json::value_t::number_integer
            ? std::to_chars(digits, digits + sizeof digits, value.integer).ptr
            : std::to_chars(digits, digits + sizeof digits, value.unsignedInteger).ptr;
        spelling = std::string_view(digits, std::size_t(end - digits));
        break;
    }
    case json::value_t::number_float:
        if (!value.numberText.empty()) {
            spelling = value.numberText;
        } else {
            const auto end = std::to_chars(digits, digits + sizeof digits, value.number).ptr;
            spelling = std::string_view(digits, std::size_t(end - digits));
        }
        break;
    default:
        m_problems.add(m_frames.pointer(true),
                       ProjectSchema::attributeValueProblem(value.typeName()));
        return;
    }
    const std::uint32_t key = m_project.internWord(frame.keyText());
    // A repeated key is a problem. Imported events share their columns, so the keys of the
    // event before are remembered (m_attributeKeys, all different, the same as this event's
    // so far): a key in the same place is known to be new, and only another one is looked
    // for among this event's (a scan per key of a million events would show in the load).
    std::vector<Attribute> &pool = m_project.attributePool();
    const std::size_t position = pool.size() - frame.listStart;
    if (position >= m_attributeKeys.size() || m_attributeKeys[position] != key) {
        for (std::size_t i = frame.listStart; i < pool.size(); ++i) {
            if (pool[i].key == key) {
                m_problems.add(m_frames.pointer(true),
                               "the attribute appears twice in the same object");
                return;
            }
        }
        m_attributeKeys.resize(position);
        m_attributeKeys.push_back(key);
    }
    pool.push_back({key, m_project.internWord(spelling), value.type != json::value_t::string});
}

} // namespace claimline
