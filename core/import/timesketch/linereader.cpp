#include "import/timesketch/linereader.h"

#include <QIODevice>

#include <algorithm>

namespace claimline {

namespace {

constexpr std::size_t MaxBlocksPerLine = 64;

} // namespace

LineReader::LineReader(QIODevice *device, std::size_t blockSize)
    : m_device(device)
    , m_blockSize(blockSize == 0 ? 1 : blockSize)
{ }

// Appends one block to the buffer, first dropping the lines already given. False at the end
// of the device or on an error.
bool LineReader::fill()
{
    if (m_atEnd)
        return false;
    m_buffer.erase(0, m_begin);
    m_begin = 0;
    if (m_buffer.size() >= MaxBlocksPerLine * m_blockSize) {
        const std::size_t limit = MaxBlocksPerLine * m_blockSize;
        const QString size = limit >= (std::size_t(1) << 20)
            ? QString::number(limit >> 20) + QStringLiteral(" MiB")
            : QString::number(limit) + QStringLiteral(" bytes");
        m_error = QStringLiteral("line %1 is longer than %2: is it one JSON object a line?")
                      .arg(m_line + 1)
                      .arg(size);
        m_atEnd = true;
        return false;
    }
    // No more than the file has left (at least one byte, to see its end): a small file costs
    // its size, not a block.
    std::size_t want = m_blockSize;
    if (!m_device->isSequential()) {
        const qint64 left = m_device->size() - m_device->pos();
        if (left >= 0 && quint64(left) < want)
            want = std::max<std::size_t>(std::size_t(left), 1);
    }
    const std::size_t size = m_buffer.size();
    m_buffer.resize(size + want);
    const qint64 read = m_device->read(m_buffer.data() + size, qint64(want));
    if (read < 0) {
        m_buffer.resize(size);
        m_error = QStringLiteral("the file could not be read on: %1").arg(m_device->errorString());
        m_atEnd = true;
        return false;
    }
    m_buffer.resize(size + std::size_t(read));
    if (read == 0) {
        m_atEnd = true;
        return false;
    }
    return true;
}

bool LineReader::next(std::string_view &line, std::int64_t &number)
{
    std::size_t searchFrom = m_begin;
    for (;;) {
        if (!m_started && m_buffer.size() - m_begin >= 3) {
            m_started = true;
            if (std::string_view(m_buffer).substr(m_begin, 3) == "\xEF\xBB\xBF") {
                m_begin += 3;
                m_consumed += 3;
                searchFrom = m_begin;
            }
        }
        const std::size_t end = m_buffer.find('\n', searchFrom);
        if (end != std::string::npos) {
            m_started = true;
            line = std::string_view(m_buffer).substr(m_begin, end - m_begin);
            m_consumed += std::int64_t(end + 1 - m_begin);
            m_begin = end + 1;
            break;
        }
        // Keep looking after what was searched: the buffer moves, offsets from m_begin stay.
        const std::size_t searched = m_buffer.size() - m_begin;
        if (!fill()) {
            if (!m_error.isEmpty() || m_begin == m_buffer.size())
                return false;
            // The last line, without a line break.
            m_started = true;
            line = std::string_view(m_buffer).substr(m_begin);
            m_consumed += std::int64_t(line.size());
            m_begin = m_buffer.size();
            break;
        }
        searchFrom = m_begin + searched;
    }
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    number = ++m_line;
    return true;
}

} // namespace claimline
