#pragma once

// The one table of well-formed UTF-8 (RFC 3629, as nlohmann's parser checks it too): no
// overlong forms, no surrogates, nothing past U+10FFFF.

#include <cstddef>
#include <string_view>

namespace claimline {

// The length (2 to 4) of the well-formed multi-byte sequence that starts at p; 0 when the bytes
// there are not one (ASCII included); -1 when `end` comes inside a sequence well formed so far.
int utf8SequenceLength(const char *p, const char *end);

// The same for text[i], with a sequence cut by the end of the text counted as not one (0).
inline std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const int length = utf8SequenceLength(text.data() + i, text.data() + text.size());
    return length > 0 ? std::size_t(length) : 0;
}

} // namespace claimline
