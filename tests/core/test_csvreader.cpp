// The CSV reader on the files people and datasets really write: each messy case with the
// fields and the physical line a person would find the record on, whatever the block size.

#include "import/csv/csvreader.h"

#include <QBuffer>
#include <QStringEncoder>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace claimline;

namespace {

struct Row
{
    std::vector<std::string> fields;
    std::int64_t line = 0;
    QString problem;

    bool operator==(const Row &) const = default;
};

void PrintTo(const Row &row, std::ostream *out)
{
    *out << "line " << row.line << " [";
    for (const std::string &field : row.fields) {
        *out << '<' << field << '>';
    }
    *out << "] " << row.problem.toStdString();
}

struct Result
{
    std::vector<Row> rows;
    QString error;
    char delimiter = 0;
    TextEncoding encoding = TextEncoding::Utf8;
};

Result readAll(const QByteArray &bytes, char delimiter = 0,
               std::size_t blockSize = CsvReader::DefaultBlockSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, delimiter, blockSize);
    Result result;
    CsvRecord record;
    while (reader.next(record)) {
        result.rows.push_back({std::vector<std::string>(record.fields.begin(), record.fields.end()),
                               record.line, record.problem});
    }
    result.error = reader.error();
    result.delimiter = reader.delimiter();
    result.encoding = reader.encoding();
    return result;
}

Row row(std::int64_t line, std::vector<std::string> fields, QString problem = {})
{
    return {std::move(fields), line, std::move(problem)};
}

QByteArray utf16(const QString &text, QStringConverter::Encoding encoding)
{
    QStringEncoder encoder(encoding, QStringConverter::Flag::WriteBom);
    return encoder.encode(text);
}

// Every messy thing at once; the expected rows below.
const QByteArray Messy = "\xEF\xBB\xBF"
                         "id,name,notes\r\n"
                         "1,Novgorod,\"said \"\"no\"\", then\r\nleft, quickly\"\r\n"
                         "\r\n"
                         "2,\"a\rb\",plain\n"
                         "\n"
                         "3,x\"y,\"ab\"c\r"
                         "4,\"\",\n"
                         "5,\"open,\n"
                         "never closed";

const std::vector<Row> MessyRows = {
    row(1, {"id", "name", "notes"}),
    row(2, {"1", "Novgorod", "said \"no\", then\r\nleft, quickly"}),
    row(5, {"2", "a\rb", "plain"}),
    row(8, {"3", "x\"y", "abc"}),
    row(9, {"4", "", ""}),
    row(10, {"5", "open,\nnever closed"},
        QStringLiteral(
            "a quoted field opened on line 10 is not closed before the end of the file")),
};

} // namespace

TEST(CsvReader, ReadsPlainUtf8WithoutBom)
{
    const Result result = readAll("event_id_cnty,location,fatalities\n"
                                  "UKR1,Kharkiv,3\n"
                                  "UKR2,Великий Новгород,0\n");
    EXPECT_EQ(result.encoding, TextEncoding::Utf8);
    EXPECT_EQ(result.delimiter, ',');
    EXPECT_TRUE(result.error.isEmpty());
    EXPECT_EQ(result.rows,
              (std::vector<Row> {row(1, {"event_id_cnty", "location", "fatalities"}),
                                 row(2, {"UKR1", "Kharkiv", "3"}),
                                 row(3, {"UKR2", "Великий Новгород", "0"})}));
}

TEST(CsvReader, SkipsTheUtf8Bom)
{
    const Result result = readAll("\xEF\xBB\xBFid;name\n7;Новгород\n");
    EXPECT_EQ(result.encoding, TextEncoding::Utf8Bom);
    EXPECT_EQ(result.delimiter, ';');
    EXPECT_EQ(result.rows, (std::vector<Row> {row(1, {"id", "name"}), row(2, {"7", "Новгород"})}));
}

TEST(CsvReader, TurnsUtf16WithBomIntoUtf8)
{
    // Cyrillic, and a character outside the BMP (a surrogate pair), in both byte orders and
    // with blocks that cut characters and pairs in half.
    const QString text = QStringLiteral("id\tplace\r\n1\t\"Новгород, \U0001F6F0\"\r\n2\tКиїв\r\n");
    const std::vector<Row> expected
        = {row(1, {"id", "place"}), row(2, {"1", "Новгород, \U0001F6F0"}), row(3, {"2", "Київ"})};
    for (const auto encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
        for (const std::size_t blockSize :
             {std::size_t(1), std::size_t(3), std::size_t(5), CsvReader::DefaultBlockSize}) {
            SCOPED_TRACE(blockSize);
            const Result result = readAll(utf16(text, encoding), 0, blockSize);
            EXPECT_EQ(result.encoding,
                      encoding == QStringConverter::Utf16LE ? TextEncoding::Utf16LE
                                                            : TextEncoding::Utf16BE);
            EXPECT_EQ(result.delimiter, '\t');
            EXPECT_TRUE(result.error.isEmpty()) << result.error.toStdString();
            EXPECT_EQ(result.rows, expected);
        }
    }
}

TEST(CsvReader, SaysWhenUtf16IsCutInTheMiddleOfACharacter)
{
    QByteArray bytes = utf16(QStringLiteral("a,b\n1,2\n"), QStringConverter::Utf16LE);
    bytes.append('x'); // half a UTF-16 code unit
    const Result result = readAll(bytes);
    // The records before it are given, then the reading stops with the reason.
    EXPECT_EQ(result.rows, (std::vector<Row> {row(1, {"a", "b"}), row(2, {"1", "2"})}));
    EXPECT_TRUE(result.error.contains(QStringLiteral("middle of a character")))
        << result.error.toStdString();
}

TEST(CsvReader, RefusesUtf32)
{
    const Result result = readAll(QByteArray("\xFF\xFE\x00\x00"
                                             "a\x00\x00\x00",
                                             8));
    EXPECT_TRUE(result.rows.empty());
    EXPECT_TRUE(result.error.contains(QStringLiteral("UTF-32"))) << result.error.toStdString();
}

TEST(CsvReader, DetectsTheDelimiterFromTheFirstLine)
{
    // The most frequent outside quotes, on the first line that is not empty.
    EXPECT_EQ(readAll("a;b;c\n1,5;2;3\n").delimiter, ';');
    EXPECT_EQ(readAll("\n\na\tb\tc\n").delimiter, '\t');
    EXPECT_EQ(readAll("\"x;y;z\",b\n").delimiter, ',');
    EXPECT_EQ(readAll("\"x,y,z\";b\n").delimiter, ';');
    // Ties and none: the comma.
    EXPECT_EQ(readAll("a,b;c\n").delimiter, ',');
    EXPECT_EQ(readAll("a,b\tc\n").delimiter, ',');
    EXPECT_EQ(readAll("single column\n").delimiter, ',');
    EXPECT_EQ(readAll("").delimiter, ',');

    const Result semicolons = readAll("a;b\n\"1;5\";2,5\n");
    EXPECT_EQ(semicolons.rows, (std::vector<Row> {row(1, {"a", "b"}), row(2, {"1;5", "2,5"})}));
}

TEST(CsvReader, UsesAGivenDelimiter)
{
    const Result result = readAll("a;b,c\n1;2,3\n", ',');
    EXPECT_EQ(result.delimiter, ',');
    EXPECT_EQ(result.rows, (std::vector<Row> {row(1, {"a;b", "c"}), row(2, {"1;2", "3"})}));
}

TEST(CsvReader, ReadsQuotedFieldsWithDelimitersQuotesAndLineBreaks)
{
    const Result result = readAll("a,b,c\n"
                                  "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
                                  "\"crlf\r\ninside\",\"cr\rinside\",\"\"\"\"\n"
                                  "last,\"\",\n");
    EXPECT_EQ(result.rows,
              (std::vector<Row> {
                  row(1, {"a", "b", "c"}), row(2, {"x, y", "say \"hi\"", "two\nlines"}),
                  row(4, {"crlf\r\ninside", "cr\rinside", "\""}), row(7, {"last", "", ""})}));
}

TEST(CsvReader, CountsLinesInsideQuotedFieldsForTheRowsAfterThem)
{
    // A bad row after records whose quoted fields span lines: its line is where an editor
    // shows it.
    const Result result = readAll("id,notes\n"
                                  "1,\"first\nsecond\nthird\"\n"
                                  "2,\"one\r\ntwo\"\r\n"
                                  "\n"
                                  "3,\xC3\x28 broken\n"
                                  "4,fine\n");
    ASSERT_EQ(result.rows.size(), 5U);
    EXPECT_EQ(result.rows[1].line, 2);
    EXPECT_EQ(result.rows[2].line, 5);
    EXPECT_EQ(result.rows[3], row(8, {"3", "\xC3\x28 broken"}, QStringLiteral("not UTF-8 text")));
    EXPECT_EQ(result.rows[4], row(9, {"4", "fine"}));
}

TEST(CsvReader, ReadsCrlfLfAndLoneCrLineEndsAndSkipsEmptyLines)
{
    const Result result = readAll("a,b\r\n\r\n1,2\n\n\n3,4\r5,6\r\r7,8");
    EXPECT_EQ(result.rows,
              (std::vector<Row> {row(1, {"a", "b"}), row(3, {"1", "2"}), row(6, {"3", "4"}),
                                 row(7, {"5", "6"}), row(9, {"7", "8"})}));
}

TEST(CsvReader, ReadsALastLineWithoutLineBreakAndEmptyFields)
{
    const Result result = readAll("a,b,c\n,,\n1,,3");
    EXPECT_EQ(
        result.rows,
        (std::vector<Row> {row(1, {"a", "b", "c"}), row(2, {"", "", ""}), row(3, {"1", "", "3"})}));
    EXPECT_TRUE(readAll("").rows.empty());
    EXPECT_TRUE(readAll("\n\r\n\r").rows.empty());
    EXPECT_TRUE(readAll("\n\r\n\r").error.isEmpty());
}

TEST(CsvReader, SaysWhereAnUnclosedQuoteOpened)
{
    const Result result = readAll("a,b\n1,2\n3,\"never\nclosed, \"\"at all\n\n");
    ASSERT_EQ(result.rows.size(), 3U);
    EXPECT_EQ(result.rows[2],
              row(3, {"3", "never\nclosed, \"at all\n\n"},
                  QStringLiteral("a quoted field opened on line 3 is not closed before the end of "
                                 "the file")));
    EXPECT_TRUE(result.error.isEmpty());
}

TEST(CsvReader, IsLenientWithQuotesWhereSpreadsheetsAre)
{
    // Text after a closing quote is kept; a quote inside an unquoted field is a character.
    const Result result = readAll("\"ab\"c,x\"y\"z,\"He said \"hi\" twice\",\" \"\n");
    EXPECT_EQ(result.rows,
              (std::vector<Row> {row(1, {"abc", "x\"y\"z", "He said hi\" twice\"", " "})}));
}

TEST(CsvReader, ReportsInvalidUtf8OnTheRecordOnly)
{
    // Overlong, a lone continuation byte, a surrogate, a cut sequence, past U+10FFFF.
    for (const char *bad : {"\xC0\xAF", "\x80", "\xED\xA0\x80", "\xE2\x82", "\xF4\x90\x80\x80"}) {
        SCOPED_TRACE(bad);
        const Result result = readAll(QByteArray("a,b\n1,") + bad + "\n2,ok €𝄞\n");
        ASSERT_EQ(result.rows.size(), 3U);
        EXPECT_EQ(result.rows[1].problem, QStringLiteral("not UTF-8 text"));
        EXPECT_EQ(result.rows[1].line, 2);
        EXPECT_EQ(result.rows[2], row(3, {"2", "ok €𝄞"}));
    }
}

TEST(CsvReader, GivesTheSameRecordsWhateverTheBlockSize)
{
    // Records, quotes, "" pairs, CRLFs and UTF-8 sequences cut at every possible place.
    for (std::size_t blockSize = 1; blockSize <= std::size_t(Messy.size()) + 1; ++blockSize) {
        SCOPED_TRACE(blockSize);
        const Result result = readAll(Messy, 0, blockSize);
        EXPECT_EQ(result.encoding, TextEncoding::Utf8Bom);
        EXPECT_EQ(result.rows, MessyRows);
        EXPECT_TRUE(result.error.isEmpty());
    }
}

TEST(CsvReader, ReadsARecordLongerThanABlock)
{
    const std::string longField(5000, 'x');
    const QByteArray bytes = QByteArray("a,b\n\"") + longField.c_str() + "\n\"\"\",2\n3,4\n";
    const Result result = readAll(bytes, 0, 64);
    EXPECT_EQ(result.rows,
              (std::vector<Row> {row(1, {"a", "b"}), row(2, {longField + "\n\"", "2"}),
                                 row(4, {"3", "4"})}));
}

TEST(CsvReader, StopsWhenARecordGrowsPastTheLimit)
{
    // A quote that is never closed in a big file: the reader does not hold the rest of the
    // file to say so. (The limit is 64 blocks, at least 64 KiB.)
    const QByteArray bytes = "a,b\n1,2\n3,\"open\n" + QByteArray(200 * 1024, 'x');
    const Result result = readAll(bytes, 0, 1024);
    EXPECT_EQ(result.rows.size(), 2U);
    EXPECT_EQ(result.error,
              QStringLiteral("The record that starts on line 3 is longer than 64 "
                             "KiB: is a quotation mark never closed?"));
}

TEST(CsvReader, SaysWhenTheDeviceCannotBeRead)
{
    QBuffer closed;
    CsvReader reader(&closed);
    CsvRecord record;
    EXPECT_FALSE(reader.next(record));
    EXPECT_TRUE(reader.error().contains(QStringLiteral("could not be read")))
        << reader.error().toStdString();
}

TEST(CsvReader, ReadsAHundredThousandRecordsAndTellsProgress)
{
    QByteArray bytes = "event_id_cnty,event_date,notes\n";
    for (int i = 0; i < 100000; ++i) {
        bytes += "UKR" + QByteArray::number(i) + ",2023-02-16,\"On 16 February, \"\"shelling\"\"\n"
            + "near the village " + QByteArray::number(i) + "\"\n";
    }
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, 0, 4096);
    EXPECT_EQ(reader.size(), bytes.size());
    CsvRecord record;
    std::int64_t records = 0;
    std::int64_t previousBytes = 0;
    bool fieldsRight = true;
    while (reader.next(record)) {
        EXPECT_GE(reader.bytesRead(), previousBytes);
        EXPECT_LE(reader.bytesRead(), reader.size());
        previousBytes = reader.bytesRead();
        if (records > 0) {
            const std::int64_t i = records - 1;
            fieldsRight = fieldsRight && record.line == 2 + 2 * i && record.fields.size() == 3
                && record.fields[0] == "UKR" + std::to_string(i)
                && record.fields[2]
                    == "On 16 February, \"shelling\"\nnear the village " + std::to_string(i)
                && record.problem.isEmpty();
        }
        ++records;
    }
    EXPECT_TRUE(reader.error().isEmpty());
    EXPECT_EQ(records, 100001);
    EXPECT_TRUE(fieldsRight);
    EXPECT_EQ(reader.bytesRead(), reader.size());
}

TEST(CsvReader, TrimsColumnNames)
{
    EXPECT_EQ(trimmedColumnName("  event_date\t"), "event_date");
    EXPECT_EQ(trimmedColumnName("\xEF\xBB\xBF"
                                "id"),
              "id");
    EXPECT_EQ(trimmedColumnName(" \xEF\xBB\xBF id "), "id");
    EXPECT_EQ(trimmedColumnName("admin 1"), "admin 1");
    EXPECT_EQ(trimmedColumnName(" \t "), "");
}
