#pragma once

// Utf8Writer: the bytes of a data export (CSV, TimelineJS), written as UTF-8 straight from the
// project's text arena into one buffer that goes to the device a megabyte at a time.
//
// Why not QString: a million events hold half a gigabyte of text, and taking every field from
// the arena's UTF-8 into a QString and back cost 10-30 s per export. Here a field is copied
// (escaped where its format asks) once, and numbers and times are formatted without
// allocating. The bytes are exactly those the Qt conversions gave (the exports' tests compare
// them): normalizedUtf8() is QString::fromUtf8().toUtf8(), appendNumber() is
// QString::number(x, 'g', 10), appendIsoUtc() is QDateTime's Qt::ISODate in UTC.

#include "export/exportpieces.h"
#include "format/parallelwrite.h"
#include "text/bytescan.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

class QIODevice;

namespace claimline {

// The fields of a UTC instant in the proleptic Gregorian calendar, as QDate has them for years
// 1 and later (QDate has no year 0: see isQtYear()).
struct UtcFields
{
    int year = 1970, month = 1, day = 1;
    int hour = 0, minute = 0, second = 0;
};
UtcFields utcFields(std::int64_t seconds);
// Whether QDate's year of the date is the same number (from 0001-01-01 on; QDate calls the
// year before 1 year -1, where the proleptic calendar has year 0).
inline bool isQtYear(const UtcFields &fields)
{
    return fields.year >= 1;
}

// `text` as QString::fromUtf8(text).toUtf8() gives it back: `text` itself when it is valid
// UTF-8 that does not start with a byte order mark (nearly always: the reader accepts nothing
// else), else that round trip, kept in `scratch`. Invalid sequences become U+FFFD and a
// leading byte order mark is dropped, as they did when every field went through a QString.
std::string_view normalizedUtf8Checked(std::string_view text, std::string &scratch);
inline std::string_view normalizedUtf8(std::string_view text, std::string &scratch)
{
    // All ASCII (so no byte order mark either) is the common case: one inline scan.
    if (ByteScan<false, true>::isPlain(text))
        return text;
    return normalizedUtf8Checked(text, scratch);
}

class Utf8Writer
{
public:
    // With `byteOrderMark`, the bytes start with the UTF-8 byte order mark.
    explicit Utf8Writer(QIODevice &device, bool byteOrderMark = false);
    // A writer of pieces made on another thread (writeInPieces()): its bytes stay in buffer(),
    // for the document's writer to take (swap it out); with no device, endRecord() keeps
    // them and flush(), writeThrough() and finish() drop them.
    Utf8Writer();
    Utf8Writer(const Utf8Writer &) = delete;
    Utf8Writer &operator=(const Utf8Writer &) = delete;

    void append(std::string_view bytes) { m_buffer.append(bytes); }
    void append(char c) { m_buffer.push_back(c); }
    // QString::number(value): decimal digits, a '-' when negative.
    void appendInteger(std::int64_t value);
    // QString::number(value, 'g', 10): ten significant digits, no trailing zeros, an exponent
    // below 1e-4 or from 1e10 on ("1e-05"); zero is "0", never "-0".
    void appendNumber(double value);
    // QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate):
    // "2025-12-28T10:00:00Z", nothing outside the years 0001-9999 (as Qt).
    void appendIsoUtc(std::int64_t seconds);
    // The text quoted and escaped as JSON, as nlohmann::json's dump() does (format/jsonoutput.h).
    void appendJsonString(std::string_view utf8);
    // The buffer itself, for escapers that append to it (appendHtmlEscaped()).
    std::string &buffer() { return m_buffer; }

    // Hands the buffer to the device once it holds a megabyte: called between records, so that
    // a record is never split between two writes.
    void endRecord()
    {
        if (m_device && m_buffer.size() >= BlockSize)
            flush();
    }
    // Writes what is buffered, then `bytes` as they are: a piece made elsewhere.
    void writeThrough(std::string_view bytes);
    // Writes what is left; false (and the device's error in `error`) if any write failed.
    bool finish(QString *error);
    bool failed() const { return !m_ok; }

private:
    static constexpr std::size_t BlockSize = std::size_t(1) << 20;

    void flush();
    void write(std::string_view bytes);

    QIODevice *m_device = nullptr;
    std::string m_buffer;
    bool m_ok = true;
};

// Items [0, count) of a document on `threads` threads: piece(thread, first, last, text)
// appends the bytes of items [first, last) to `text`, with what is thread `thread`'s own (0 is
// the calling thread). The pieces go to out.writeThrough() in order, through `adjust` first
// when given (it may drop bytes from the piece's front). Once a write has failed, no new piece
// is started (those being made finish and are dropped): out.finish() reports it.
void writeInPieces(Utf8Writer &out, std::size_t count, const ExportPieces &how, int threads,
                   const std::function<void(int thread, std::size_t first, std::size_t last,
                                            std::string &text)> &piece,
                   const std::function<std::string_view(std::string_view)> &adjust = {});

// Items [0, count) of a document, item(writer, i) each, after what `out` already holds: at
// scale (`how`) in pieces on several threads, each with a Writer of its own from makeWriter()
// (a writer of pieces: its bytes in buffer()); the same bytes as one thread. `adjust` as for
// writeInPieces().
template<typename Writer, typename MakeWriter, typename Item>
void writeItemsInPieces(Utf8Writer &out, std::size_t count, const ExportPieces &how,
                        const MakeWriter &makeWriter, const Item &item,
                        const std::function<std::string_view(std::string_view)> &adjust = {})
{
    // Asked once: the cores can change, and there is a writer per thread.
    const int threads = count >= how.parallelFrom ? pieceThreads(how.threads) : 1;
    std::vector<std::unique_ptr<Writer>> writers(static_cast<std::size_t>(threads));
    writeInPieces(
        out, count, how, threads,
        [&](int thread, std::size_t first, std::size_t last, std::string &text) {
            // Each thread makes and uses its own.
            std::unique_ptr<Writer> &writer = writers[std::size_t(thread)];
            if (!writer)
                writer = makeWriter();
            std::swap(writer->buffer(), text);
            for (std::size_t i = first; i < last; ++i)
                item(*writer, std::uint32_t(i));
            std::swap(writer->buffer(), text);
        },
        adjust);
}

} // namespace claimline
