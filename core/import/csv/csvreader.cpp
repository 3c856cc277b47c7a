#include "import/csv/csvreader.h"

#include "import/csv/csvtext.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

namespace claimline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("claimline::CsvReader", text);
}

// Whatever the block size, a record may grow to this before the reader gives up on it.
constexpr std::size_t MinimumRecordLimit = std::size_t(64) << 10;
constexpr std::size_t RecordLimitInBlocks = 64;

// Line breaks in [begin, end): LF, CRLF and a lone CR each count once. `end` is a closing
// quote or the end of the input, so a CR just before it is a lone CR.
std::int64_t lineBreaks(const char *begin, const char *end)
{
    const auto length = std::size_t(end - begin);
    const bool hasLf = std::memchr(begin, '\n', length) != nullptr;
    const char *cr = static_cast<const char *>(std::memchr(begin, '\r', length));
    if (cr == nullptr) {
        return hasLf ? std::count(begin, end, '\n') : 0;
    }
    std::int64_t count = 0;
    for (const char *p = begin; p < end; ++p) {
        if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) {
            ++count;
        }
    }
    return count;
}

// Removes the quoting of a field in place: `first` is just after the opening quote, `last`
// the end of the field (after the closing quote and any text after it). Returns the new end.
char *unquote(char *first, const char *last)
{
    char *out = first;
    bool quoted = true;
    for (const char *p = first; p < last; ++p) {
        if (quoted && *p == '"') {
            if (p + 1 < last && p[1] == '"') {
                *out++ = '"';
                ++p;
            } else {
                quoted = false;
            }
        } else {
            *out++ = *p;
        }
    }
    return out;
}

// A growable byte buffer that, unlike std::vector<char>, does not zero what it adds.
class Bytes
{
public:
    char *data() { return m_data.get(); }
    const char *data() const { return m_data.get(); }
    std::size_t size() const { return m_size; }
    char operator[](std::size_t i) const { return m_data[i]; }

    // At least `size` bytes, the first `keep` kept.
    void reserve(std::size_t size, std::size_t keep)
    {
        if (size <= m_size) {
            return;
        }
        size = std::max(size, m_size * 2);
        auto bigger = std::make_unique_for_overwrite<char[]>(size);
        if (keep > 0) {
            std::memcpy(bigger.get(), m_data.get(), keep);
        }
        m_data = std::move(bigger);
        m_size = size;
    }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_size = 0;
};

} // namespace

struct CsvReader::Private
{
    struct Span
    {
        char *begin;
        char *end;
        bool quoting; // "" or text after the closing quote: unquote() in place
    };

    QIODevice *device = nullptr;
    std::size_t blockSize = DefaultBlockSize;
    std::size_t recordLimit = 0;
    char delimiter = 0;
    TextEncoding encoding = TextEncoding::Utf8;
    bool started = false;
    bool deviceAtEnd = false; // everything the device holds is in the buffer

    // The text, as UTF-8: [pos, end) is not read yet and starts at a record (or empty lines).
    Bytes buffer;
    std::size_t pos = 0;
    std::size_t end = 0;
    std::int64_t line = 1; // the physical line `pos` is on

    std::int64_t deviceBytes = 0;
    std::int64_t deviceSize = 0;
    QString error;
    QString errorAtEnd; // found while reading ahead; told once the records before it are given

    std::array<bool, 256> stops {}; // ends an unquoted field: the delimiter, LF, CR
    std::vector<Span> spans;

    Bytes raw; // UTF-16 as read
    Utf16Decoder decoder;

    bool isUtf16() const
    {
        return encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE;
    }

    void start();
    void detectDelimiter();
    bool fill();
    void append(const char *data, std::size_t size);
    void finishInput();
    bool parseRecord(CsvRecord &record);
};

void CsvReader::Private::start()
{
    started = true;
    recordLimit = std::max(MinimumRecordLimit, blockSize * RecordLimitInBlocks);
    // The byte order mark decides how the rest is read: get its four bytes first.
    char head[4];
    std::size_t have = 0;
    while (have < sizeof head) {
        const qint64 got = device->read(head + have, qint64(sizeof head - have));
        if (got < 0) {
            error = tr("The file could not be read: %1").arg(device->errorString());
            return;
        }
        if (got == 0) {
            deviceAtEnd = true;
            break;
        }
        have += std::size_t(got);
    }
    deviceBytes = qint64(have);
    const auto byte = [&](std::size_t i) {
        return i < have ? static_cast<unsigned char>(head[i]) : -1;
    };
    std::size_t bom = 0;
    if (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
        encoding = TextEncoding::Utf8Bom;
        bom = 3;
    } else if ((byte(0) == 0xFF && byte(1) == 0xFE && byte(2) == 0 && byte(3) == 0)
               || (byte(0) == 0 && byte(1) == 0 && byte(2) == 0xFE && byte(3) == 0xFF)) {
        error = tr("The file is in UTF-32, which cannot be read: save it as UTF-8.");
        return;
    } else if (byte(0) == 0xFF && byte(1) == 0xFE) {
        encoding = TextEncoding::Utf16LE;
        bom = 2;
    } else if (byte(0) == 0xFE && byte(1) == 0xFF) {
        encoding = TextEncoding::Utf16BE;
        bom = 2;
    }
    decoder = Utf16Decoder(encoding == TextEncoding::Utf16BE);
    append(head + bom, have - bom);
    if (deviceAtEnd) {
        finishInput();
    }
    if (delimiter == 0) {
        detectDelimiter();
    }
    stops[static_cast<unsigned char>(delimiter)] = true;
    stops['\n'] = true;
    stops['\r'] = true;
}

// The most frequent of `,` `;` and tab outside quotes on the first line that is not empty;
// `,` when none is more frequent.
void CsvReader::Private::detectDelimiter()
{
    delimiter = ',';
    for (;;) {
        const char *p = buffer.data() + pos;
        const char *const last = buffer.data() + end;
        while (p < last && (*p == '\n' || *p == '\r')) {
            ++p;
        }
        bool quoted = false;
        bool complete = false;
        std::size_t commas = 0;
        std::size_t semicolons = 0;
        std::size_t tabs = 0;
        for (; p < last; ++p) {
            const char c = *p;
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    complete = true;
                    break;
                }
                commas += c == ',';
                semicolons += c == ';';
                tabs += c == '\t';
            }
        }
        if (complete || deviceAtEnd) {
            if (semicolons > commas && semicolons >= tabs) {
                delimiter = ';';
            } else if (tabs > commas && tabs > semicolons) {
                delimiter = '\t';
            }
            return;
        }
        if (!fill()) {
            return;
        }
    }
}

// Reads the next block behind what is left, moving that to the front first. False when the
// device failed or the record being read grew past the limit (error).
bool CsvReader::Private::fill()
{
    const std::size_t kept = end - pos;
    if (kept > recordLimit) {
        error = tr("The record that starts on line %1 is longer than %2: is a quotation mark "
                   "never closed?")
                    .arg(line)
                    .arg(QLocale::c().formattedDataSize(qint64(recordLimit), 0));
        return false;
    }
    if (pos > 0) {
        std::memmove(buffer.data(), buffer.data() + pos, kept);
        pos = 0;
        end = kept;
    }
    // A record that spans blocks is read again from its start once more is there; reading as
    // much as is held keeps that linear however long the record is.
    std::size_t want = std::max(blockSize, kept);
    if (deviceSize > 0) {
        // Not much more than the device holds: a small file costs a small buffer.
        const std::int64_t left = std::max<std::int64_t>(deviceSize - deviceBytes, 0);
        want = std::min(want, std::size_t(left) + 4096);
    }
    if (isUtf16()) {
        raw.reserve(want, 0);
    } else {
        buffer.reserve(end + want, end);
    }
    char *const target = isUtf16() ? raw.data() : nullptr;
    const qint64 got = device->read(target != nullptr ? target : buffer.data() + end, qint64(want));
    if (got < 0) {
        error = tr("The file could not be read: %1").arg(device->errorString());
        return false;
    }
    if (got == 0) {
        deviceAtEnd = true;
        finishInput();
        return error.isEmpty();
    }
    deviceBytes += got;
    if (isUtf16()) {
        append(raw.data(), std::size_t(got));
    } else {
        end += std::size_t(got);
    }
    return true;
}

// Puts bytes read from the device behind the text, as UTF-8.
void CsvReader::Private::append(const char *data, std::size_t size)
{
    if (size == 0) {
        return;
    }
    const std::size_t room = isUtf16() ? Utf16Decoder::maximumOutput(size) : size;
    buffer.reserve(end + room, end);
    if (isUtf16()) {
        end += decoder.decode(data, size, buffer.data() + end);
    } else {
        std::memcpy(buffer.data() + end, data, size);
        end += size;
    }
}

void CsvReader::Private::finishInput()
{
    if (isUtf16() && !decoder.isComplete()) {
        errorAtEnd = tr("The UTF-16 text ends in the middle of a character: the file is cut "
                        "short or not UTF-16.");
    }
}

// Reads the record at `pos` (not an empty line). False when the buffer ends before the record
// does and the device holds more: fill() and call again (it starts over; nothing is changed
// until the record is complete).
bool CsvReader::Private::parseRecord(CsvRecord &record)
{
    char *const first = buffer.data() + pos;
    char *const last = buffer.data() + end;
    const bool atEnd = deviceAtEnd;
    const char quote = '"';
    spans.clear();
    std::int64_t breaks = 0; // line breaks before p
    std::int64_t unclosedQuoteLine = 0;
    char *p = first;
    for (;;) {
        if (p < last && *p == quote) {
            char *const opening = p;
            const std::int64_t openingLine = line + breaks;
            bool quoting = false;
            ++p;
            for (;;) {
                char *const closing
                    = static_cast<char *>(std::memchr(p, quote, std::size_t(last - p)));
                if (closing == nullptr) {
                    if (!atEnd) {
                        return false;
                    }
                    breaks += lineBreaks(p, last);
                    p = last;
                    unclosedQuoteLine = openingLine;
                    break;
                }
                breaks += lineBreaks(p, closing);
                p = closing + 1; // at the end of the buffer: the next block tells
                                 // whether it is "" or the end of the field
                if (p < last && *p == quote) {
                    quoting = true;
                    ++p;
                    continue;
                }
                break;
            }
            char *fieldEnd = unclosedQuoteLine != 0 ? last : p - 1;
            if (p < last && !stops[static_cast<unsigned char>(*p)]) {
                quoting = true; // text after the closing quote: kept
                while (p < last && !stops[static_cast<unsigned char>(*p)]) {
                    ++p;
                }
            }
            if (quoting) {
                fieldEnd = p;
            }
            spans.push_back({opening + 1, fieldEnd, quoting});
        } else {
            char *const begin = p;
            while (p < last && !stops[static_cast<unsigned char>(*p)]) {
                ++p;
            }
            spans.push_back({begin, p, false});
        }
        if (p == last) {
            if (!atEnd) {
                return false;
            }
            break;
        }
        if (*p == delimiter) {
            ++p;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == last && !atEnd) {
                return false; // CRLF or a lone CR: the next block tells
            }
            p += p + 1 < last && p[1] == '\n' ? 2 : 1;
        } else {
            ++p;
        }
        ++breaks;
        break;
    }

    record.line = line;
    if (unclosedQuoteLine != 0) {
        record.problem = tr("a quoted field opened on line %1 is not closed before the end of "
                            "the file")
                             .arg(unclosedQuoteLine);
    } else if (!isUtf16() && !isValidUtf8(first, p)) {
        record.problem = tr("not UTF-8 text");
    }
    record.fields.reserve(spans.size());
    for (const Span &span : spans) {
        const char *const fieldEnd = span.quoting ? unquote(span.begin, span.end) : span.end;
        record.fields.emplace_back(span.begin, std::size_t(fieldEnd - span.begin));
    }
    line += breaks;
    pos = std::size_t(p - buffer.data());
    return true;
}

CsvReader::CsvReader(QIODevice *device, char delimiter, std::size_t blockSize)
    : d(std::make_unique<Private>())
{
    d->device = device;
    d->delimiter = delimiter;
    d->blockSize = std::max<std::size_t>(blockSize, 1);
    d->deviceSize = device->isSequential() ? 0 : device->size();
}

CsvReader::~CsvReader() = default;

bool CsvReader::next(CsvRecord &record)
{
    record.fields.clear();
    record.problem.clear();
    record.line = 0;
    if (!d->started) {
        d->start();
    }
    if (!d->error.isEmpty()) {
        return false;
    }
    // Empty lines count, but are no records.
    for (;;) {
        if (d->pos == d->end) {
            if (d->deviceAtEnd) {
                d->error = d->errorAtEnd;
                return false;
            }
            if (!d->fill()) {
                return false;
            }
            continue;
        }
        const char c = d->buffer[d->pos];
        if (c == '\n') {
            ++d->pos;
            ++d->line;
        } else if (c == '\r') {
            if (d->pos + 1 == d->end && !d->deviceAtEnd) {
                if (!d->fill()) {
                    return false;
                }
                continue;
            }
            d->pos += d->pos + 1 < d->end && d->buffer[d->pos + 1] == '\n' ? 2 : 1;
            ++d->line;
        } else {
            break;
        }
    }
    while (!d->parseRecord(record)) {
        if (!d->fill()) {
            return false;
        }
    }
    return true;
}

QString CsvReader::error() const
{
    return d->error;
}

char CsvReader::delimiter() const
{
    return d->delimiter;
}

TextEncoding CsvReader::encoding() const
{
    return d->encoding;
}

std::int64_t CsvReader::bytesRead() const
{
    // UTF-8 is in the buffer as read: what is not parsed yet is not consumed. (UTF-16 is
    // counted as read from the device; a block ahead at most.)
    if (d->isUtf16()) {
        return d->deviceBytes;
    }
    return std::max<std::int64_t>(0, d->deviceBytes - std::int64_t(d->end - d->pos));
}

std::int64_t CsvReader::size() const
{
    return d->deviceSize;
}

std::string_view trimmedColumnName(std::string_view name)
{
    static constexpr std::string_view Bom = "\xEF\xBB\xBF";
    for (;;) {
        if (!name.empty() && (name.front() == ' ' || name.front() == '\t')) {
            name.remove_prefix(1);
        } else if (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
            name.remove_suffix(1);
        } else if (name.substr(0, Bom.size()) == Bom) {
            name.remove_prefix(Bom.size());
        } else if (name.size() >= Bom.size() && name.substr(name.size() - Bom.size()) == Bom) {
            name.remove_suffix(Bom.size());
        } else {
            return name;
        }
    }
}

} // namespace claimline
