#include "format/reader/framestack.h"

namespace claimline {

namespace {

// The pointer of the first `depth` frames (FrameStack's or a Mark's steps); the last one's
// key only `withKey`.
template<typename Frames>
void appendPrefix(std::string &out, const Frames &frames, std::size_t depth, bool withKey)
{
    for (std::size_t i = 0; i < depth; ++i) {
        const auto &f = frames[i];
        if (f.isArray) {
            out += '/';
            out += std::to_string(f.index);
        } else if (i + 1 < depth || withKey) {
            out += '/';
            out += pointerEscape(f.keyText());
        }
    }
}

} // namespace

std::optional<FrameStack::Mark> FrameStack::mark() const
{
    if (m_size > Mark::MaxDepth)
        return std::nullopt;
    Mark mark;
    for (std::size_t i = 0; i < m_size; ++i) {
        const Frame &f = m_frames[i];
        // Frame::keyText() spells such a key from the schema, as a Mark's step does.
        if (!f.isArray && (f.field < 0 || f.ctx == ProjectSchema::Ctx::Attributes))
            return std::nullopt;
        mark.m_steps[i] = {f.ctx, f.isArray, f.field, f.index};
    }
    mark.m_size = m_size;
    return mark;
}

std::string FrameStack::pointerAt(const Mark &mark)
{
    std::string out;
    appendPrefix(out, mark.m_steps, mark.m_size, true);
    return out;
}

std::string FrameStack::pointer(bool withKey) const
{
    std::string out;
    appendPrefix(out, m_frames, m_size, withKey);
    return out;
}

std::string FrameStack::pointerTo(std::size_t depth, std::string_view key) const
{
    std::string out;
    appendPrefix(out, m_frames, depth, false);
    out += '/';
    out += pointerEscape(key);
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

} // namespace claimline
