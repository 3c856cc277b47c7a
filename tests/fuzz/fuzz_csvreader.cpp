// Fuzz target: bytes -> CSV records. Any input is read to its end (or stopped with a reason)
// without a crash, a hang or undefined behaviour, and:
// - records start on strictly increasing lines, each with at least one field;
// - a record without a problem is UTF-8 (checked with Qt's decoder, not the reader's own);
// - the records do not depend on the block size (records cut at every place read the same);
// - the fields, written back quoted, read back as the same fields.

#include "import/csv/csvreader.h"

#include <QBuffer>
#include <QStringDecoder>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Record
{
    std::vector<std::string> fields;
    std::int64_t line = 0;
    QString problem;

    bool operator==(const Record &) const = default;
};

struct Reading
{
    std::vector<Record> records;
    QString error;
    char delimiter = 0;
    claimline::TextEncoding encoding = claimline::TextEncoding::Utf8;
};

bool isUtf8(std::string_view text)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)decoder.decode(QByteArrayView(text.data(), qsizetype(text.size())));
    return !decoder.hasError();
}

Reading read(const QByteArray &bytes, char delimiter, std::size_t blockSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    claimline::CsvReader reader(&buffer, delimiter, blockSize);
    Reading reading;
    claimline::CsvRecord record;
    std::int64_t previousLine = 0;
    std::int64_t previousBytes = 0;
    while (reader.next(record)) {
        if (record.line <= previousLine || record.fields.empty())
            std::abort();
        if (reader.bytesRead() < previousBytes || reader.bytesRead() > reader.size())
            std::abort();
        previousLine = record.line;
        previousBytes = reader.bytesRead();
        Record copy {{}, record.line, record.problem};
        for (const std::string_view field : record.fields) {
            if (record.problem.isEmpty() && !isUtf8(field))
                std::abort();
            copy.fields.emplace_back(field);
        }
        reading.records.push_back(std::move(copy));
    }
    reading.error = reader.error();
    reading.delimiter = reader.delimiter();
    reading.encoding = reader.encoding();
    if (reading.delimiter != ',' && reading.delimiter != ';' && reading.delimiter != '\t'
        && !(reading.delimiter == 0 && !reading.error.isEmpty())) // UTF-32: read nothing
        std::abort();
    const bool utf8 = reading.encoding == claimline::TextEncoding::Utf8
        || reading.encoding == claimline::TextEncoding::Utf8Bom;
    if (reading.error.isEmpty() && utf8 && reader.bytesRead() != reader.size())
        std::abort(); // the whole input read, and said so for the progress
    return reading;
}

QByteArray quoted(const std::vector<Record> &records, char delimiter)
{
    QByteArray text;
    for (const Record &record : records) {
        for (std::size_t i = 0; i < record.fields.size(); ++i) {
            if (i > 0)
                text += delimiter;
            text += '"';
            for (const char c : record.fields[i]) {
                if (c == '"')
                    text += '"';
                text += c;
            }
            text += '"';
        }
        text += '\n';
    }
    return text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Reading whole = read(bytes, 0, claimline::CsvReader::DefaultBlockSize);
    // A block size from the input, so that every cut is tried somewhere. (Small blocks lower
    // the longest record read to 64 KiB: UTF-16 input past 32 KiB could reach it.)
    if (size <= 32 * 1024) {
        const std::size_t blockSize = size == 0 ? 1 : 1 + data[size - 1] % 17;
        const Reading cut = read(bytes, 0, blockSize);
        if (cut.records != whole.records || cut.error != whole.error
            || cut.delimiter != whole.delimiter || cut.encoding != whole.encoding)
            std::abort();
    }
    if (whole.error.isEmpty()) {
        // UTF-8 without a BOM; the record that held invalid UTF-8 still has it.
        const Reading again = read(quoted(whole.records, whole.delimiter), whole.delimiter,
                                   claimline::CsvReader::DefaultBlockSize);
        if (again.records.size() != whole.records.size() || !again.error.isEmpty())
            std::abort();
        for (std::size_t i = 0; i < whole.records.size(); ++i) {
            if (again.records[i].fields != whole.records[i].fields)
                std::abort();
        }
    }
    return 0;
}
