#include "format/reader/unknownfieldcapture.h"

#include "format/reader/saxscalar.h"
#include "model/project.h"

#include <QtGlobal>

#include <utility>

namespace claimline {

namespace {
using Ctx = ProjectSchema::Ctx;
} // namespace

UnknownFieldCapture::UnknownFieldCapture(Project &project, const FrameStack &frames)
    : m_project(project)
    , m_frames(frames)
{ }

void UnknownFieldCapture::begin(bool isArray, bool isViews)
{
    m_isViews = isViews;
    m_root = isArray ? json::array() : json::object();
    m_stack.push_back(&m_root);
}

void UnknownFieldCapture::open(bool isArray)
{
    json value = isArray ? json::array() : json::object();
    json *parent = m_stack.back();
    json *child = parent->is_array() ? &parent->emplace_back(std::move(value))
                                     : &((*parent)[m_key] = std::move(value));
    m_keys.push_back(parent->is_array() ? std::string() : m_key);
    m_stack.push_back(child);
}

void UnknownFieldCapture::add(const SaxScalar &value)
{
    json *parent = m_stack.back();
    if (parent->is_array())
        parent->push_back(value.toJson());
    else
        (*parent)[m_key] = value.toJson();
}

bool UnknownFieldCapture::close()
{
    m_stack.pop_back();
    if (!m_stack.empty()) {
        m_keys.pop_back();
        return false;
    }
    json value = std::move(m_root);
    m_root = nullptr;
    if (m_isViews)
        m_project.views() = std::move(value);
    else
        storeUnknown(std::move(value));
    m_isViews = false;
    return true;
}

void UnknownFieldCapture::storeUnknown(json value)
{
    std::size_t owner = m_frames.size() - 1;
    while (!ProjectSchema::isEntity(m_frames[owner].ctx))
        --owner;
    json *target = nullptr;
    const FrameStack::Frame &ownerFrame = m_frames[owner];
    if (ownerFrame.ctx == Ctx::Root)
        target = &m_project.topLevelExtra();
    else if (ownerFrame.ctx == Ctx::Meta)
        target = &m_project.metaExtra();
    else
        target = &extraOf(ownerFrame);
    for (std::size_t i = owner; i < m_frames.size(); ++i) {
        const FrameStack::Frame &f = m_frames[i];
        if (f.isArray) {
            if (!target->is_array())
                *target = json::array();
            while (target->size() <= f.index)
                target->push_back(nullptr);
            target = &(*target)[f.index];
        } else {
            if (!target->is_object())
                *target = json::object();
            target = &(*target)[std::string(f.keyText())];
        }
    }
    *target = std::move(value);
}

std::string UnknownFieldCapture::pointerInside(std::size_t levels) const
{
    std::string out;
    for (std::size_t i = 0; i < levels; ++i) {
        // An open child container is already in its parent; the next value is not yet.
        const bool innermost = i + 1 == m_stack.size();
        const json &level = *m_stack[i];
        out += '/';
        if (level.is_array())
            out += std::to_string(level.size() - (innermost || level.empty() ? 0 : 1));
        else
            out += pointerEscape(innermost ? m_key : m_keys[i]);
    }
    return out;
}

UnknownFieldCapture::json &UnknownFieldCapture::extraOf(const FrameStack::Frame &entityFrame)
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
    case Ctx::Position:
        slot = &m_project.positions()[i].extra;
        break;
    case Ctx::Period:
        slot = &m_project.periods()[i].extra;
        break;
    default:
        Q_ASSERT(false);
        return m_project.topLevelExtra();
    }
    if (*slot == NoIndex)
        *slot = m_project.addExtra(json::object());
    return m_project.extraAt(*slot);
}

} // namespace claimline
