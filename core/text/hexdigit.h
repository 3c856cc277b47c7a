#pragma once

// The value of one hexadecimal digit, either case: what a JSON \u escape (the fast tokenizer)
// and a SHA-256 in a project file (evidence/evidencepath.h) are read with. Inline: the
// tokenizer reads it per escape.

namespace claimline {

// 0-15, or -1 when `c` is not a hex digit.
constexpr int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace claimline
