#pragma once

// The text encodings CsvReader reads, at the speed of a 400 MB file: a UTF-8 check, and
// UTF-16 turned into UTF-8 block by block (a character or surrogate pair may be cut between
// two blocks).

#include <cstddef>
#include <cstdint>

namespace claimline {

// Whether [begin, end) is well-formed UTF-8 (no overlong forms, surrogates or code points
// past U+10FFFF). Runs of ASCII are checked eight bytes at a time.
bool isValidUtf8(const char *begin, const char *end);

class Utf16Decoder
{
public:
    explicit Utf16Decoder(bool bigEndian = false)
        : m_bigEndian(bigEndian)
    { }

    // The most UTF-8 bytes decode() writes for `size` bytes of input.
    static std::size_t maximumOutput(std::size_t size) { return (size / 2 + 2) * 3 + 4; }

    // Decodes `size` bytes of UTF-16 to `out` (room for maximumOutput(size)); returns the
    // bytes written. A half character at the end is kept for the next call. An unpaired
    // surrogate becomes U+FFFD.
    std::size_t decode(const char *data, std::size_t size, char *out);

    // No half character is waiting: the input so far ends on a character boundary.
    bool isComplete() const { return m_pendingByte < 0 && m_pendingHighSurrogate == 0; }

private:
    bool m_bigEndian = false;
    int m_pendingByte = -1;
    char16_t m_pendingHighSurrogate = 0;
};

} // namespace claimline
