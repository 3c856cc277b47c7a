#pragma once

// CsvReader: a streaming reader of delimited text as people and datasets really write it.
//
// Reads the device in blocks and never holds the whole file: a 400 MB export costs a block
// and the current record. Understands UTF-8 with or without BOM and UTF-16 (LE or BE) with
// BOM, which it turns into UTF-8 as it goes; `,` `;` or tab as the delimiter, chosen from the
// first non-empty line (the header) unless given; RFC 4180 quoting, with delimiters, quotes
// ("") and line breaks (LF, CRLF or CR) inside quoted fields. Empty lines are skipped.
//
// Lenient where spreadsheets are (and Python's csv module, which datasets are checked with):
// text after a closing quote is kept (`"ab"c` reads as `abc`, its quotes literal), and a quote
// inside an unquoted field is an ordinary character (`ab"c`). A record longer than 64 blocks
// (64 MiB by default) stops the reading with error(): it is a quote that is never closed, and
// holding the rest of the file to say so is what the reader must not do.
//
// Every record says the physical line it starts on (1-based, as an editor numbers lines:
// a line break inside a quoted field starts a new line too), so that a problem can be
// reported where a person will find it.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace claimline {

enum class TextEncoding : std::uint8_t { Utf8, Utf8Bom, Utf16LE, Utf16BE };

// One record. The views point into the reader's buffer: valid until the next call of next().
struct CsvRecord
{
    std::vector<std::string_view> fields; // UTF-8, quotes removed and "" made "
    std::int64_t line = 0; // the physical line the record starts on, 1-based
    // Empty when the record is well formed; otherwise why not, in plain words: "a quoted field
    // opened on line 7 is not closed before the end of the file", "not UTF-8 text". The
    // fields are still given (as far as they could be read).
    QString problem;
};

class CsvReader
{
public:
    static constexpr std::size_t DefaultBlockSize = std::size_t(1) << 20;

    // Reads from an open device (a file, or a buffer in tests). `delimiter` 0 detects it.
    // `blockSize` is how much is read at a time (tests make it small to cut records).
    explicit CsvReader(QIODevice *device, char delimiter = 0,
                       std::size_t blockSize = DefaultBlockSize);
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // The next record; false at the end of the input or when the device fails (error()).
    bool next(CsvRecord &record);

    // Set when reading stopped for a reason other than the end of the input: the device could
    // not be read, or the text is in an encoding it cannot read (a UTF-16 file cut in the
    // middle of a character, UTF-32).
    QString error() const;

    // Known once the first record was read.
    char delimiter() const;
    TextEncoding encoding() const;

    // Bytes of the device consumed so far (for progress), and its size (0 when unknown).
    std::int64_t bytesRead() const;
    std::int64_t size() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The header's column names as they are used to find columns: trimmed of white space, with a
// BOM the encoder left inside removed. (Column matching is exact otherwise.)
std::string_view trimmedColumnName(std::string_view name);

} // namespace claimline
