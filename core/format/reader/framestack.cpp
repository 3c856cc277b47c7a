#include "format/reader/framestack.h"

namespace claimline {

std::string FrameStack::pointer(bool withKey) const
{
    std::string out;
    const std::size_t depth = m_size;
    appendPrefix(out, depth, withKey);
    return out;
}

std::string FrameStack::pointerTo(std::size_t depth, std::string_view key) const
{
    std::string out;
    appendPrefix(out, depth, false);
    out += '/';
    out += pointerEscape(key);
    return out;
}

void FrameStack::appendPrefix(std::string &out, std::size_t depth, bool withKey) const
{
    for (std::size_t i = 0; i < depth; ++i) {
        const Frame &f = m_frames[i];
        if (f.isArray) {
            out += '/';
            out += std::to_string(f.index);
        } else if (i + 1 < depth || withKey) {
            out += '/';
            out += pointerEscape(f.keyText());
        }
    }
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
