#pragma once

// LineReader: a device read line by line in blocks, for JSON lines. It never holds the whole
// file: a million-line export costs a block and the current line. Lines end at LF or CRLF
// (the CR is not part of the line); a UTF-8 BOM at the start is skipped. A line longer than
// 64 blocks (64 MiB by default) stops the reading with error(): no event is that long, and
// holding the rest of the file to say so is what the reader must not do.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

class QIODevice;

namespace claimline {

class LineReader
{
public:
    static constexpr std::size_t DefaultBlockSize = std::size_t(1) << 20;

    explicit LineReader(QIODevice *device, std::size_t blockSize = DefaultBlockSize);

    // The next line, without its line break, and the line's number (1-based); false at the
    // end of the input or when reading fails (error()). The view is valid until the next call.
    bool next(std::string_view &line, std::int64_t &number);

    QString error() const { return m_error; }
    // Bytes of the device consumed so far (for progress).
    std::int64_t bytesRead() const { return m_consumed; }

private:
    bool fill();

    QIODevice *m_device = nullptr;
    std::size_t m_blockSize = DefaultBlockSize;
    std::string m_buffer;
    std::size_t m_begin = 0; // where the next line starts in m_buffer
    std::int64_t m_consumed = 0;
    std::int64_t m_line = 0;
    bool m_atEnd = false;
    bool m_started = false;
    QString m_error;
};

} // namespace claimline
