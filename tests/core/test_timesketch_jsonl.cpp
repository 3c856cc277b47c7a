// Timesketch JSON lines: the same events as the CSV give the same rows; every messy line is
// refused on its own line with its reason while the rest import; values that are not text
// are kept as text; and the line reader under them streams the file in blocks.

#include "import/timesketch/linereader.h"
#include "import/timesketch/timesketchjsonl.h"

#include "importerfixture.h"
#include "rowmapperfixture.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

QString timesketchData(const char *name)
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/tests/core/data/import/timesketch/")
        + QLatin1String(name);
}

struct ReadFile
{
    std::vector<MappedRow> rows;
    QString error;
    std::int64_t bytesRead = 0;
};

ReadFile readJsonl(const QString &path)
{
    ReadFile result;
    QString error;
    const std::unique_ptr<RowSource> source = openTimesketchJsonl(path, &error);
    EXPECT_TRUE(source) << error.toStdString();
    if (!source)
        return result;
    EXPECT_EQ(source->format(), ImportFormat::Timesketch);
    ImportRow row;
    QString problem;
    while (source->next(row, problem))
        result.rows.push_back(copyOf(row, problem));
    result.error = source->error();
    result.bytesRead = source->bytesRead();
    return result;
}

// "LINE: reason" for a refused row, "LINE: title @ when" for an imported one.
QStringList outcomes(const std::vector<MappedRow> &rows)
{
    QStringList lines;
    for (const MappedRow &row : rows)
        lines << QString::number(row.line) + QStringLiteral(": ")
                + (row.problem.isEmpty() ? QString::fromStdString(row.title + " @ " + row.when)
                                         : row.problem);
    return lines;
}

std::vector<std::pair<std::string, std::int64_t>> allLines(const QByteArray &bytes,
                                                           std::size_t blockSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    LineReader reader(&buffer, blockSize);
    std::vector<std::pair<std::string, std::int64_t>> lines;
    std::string_view line;
    std::int64_t number = 0;
    while (reader.next(line, number))
        lines.emplace_back(std::string(line), number);
    EXPECT_TRUE(reader.error().isEmpty()) << reader.error().toStdString();
    EXPECT_EQ(reader.bytesRead(), bytes.size());
    return lines;
}

} // namespace

TEST(TimesketchJsonl, TheSameEventsAsTheCsvGiveTheSameRows)
{
    const ReadFile jsonl = readJsonl(timesketchData("timesketch-events.jsonl"));
    EXPECT_TRUE(jsonl.error.isEmpty()) << jsonl.error.toStdString();
    EXPECT_EQ(jsonl.bytesRead, QFileInfo(timesketchData("timesketch-events.jsonl")).size());
    const MappedFile csv
        = mapFile(QStringLiteral("timesketch/timesketch-events.csv"), ImportFormat::Timesketch);
    ASSERT_EQ(jsonl.rows.size(), 7u);
    ASSERT_EQ(csv.rows.size(), 7u);
    for (std::size_t i = 0; i < jsonl.rows.size(); ++i) {
        const MappedRow &a = jsonl.rows[i];
        const MappedRow &b = csv.rows[i];
        EXPECT_EQ(a.line, std::int64_t(i) + 1);
        EXPECT_EQ(b.line, std::int64_t(i) + 2); // after the header
        EXPECT_TRUE(a.problem.isEmpty()) << a.line << ": " << a.problem.toStdString();
        EXPECT_EQ(a.id, b.id) << i;
        EXPECT_EQ(a.title, b.title) << i;
        EXPECT_EQ(a.summary, b.summary) << i;
        EXPECT_EQ(a.when, b.when) << i;
        EXPECT_EQ(a.kind, b.kind) << i;
        EXPECT_EQ(a.tags, b.tags) << i;
        EXPECT_EQ(a.attributes, b.attributes) << i;
    }
    // What JSON gives that a CSV cannot: a number is a number attribute, true is "true", a
    // list of plain values "a; b", an object compact JSON, null nothing (line 4's views).
    EXPECT_EQ(jsonl.rows[0].attribute("views"), (std::pair<std::string, bool> {"120000", true}));
    EXPECT_EQ(jsonl.rows[1].attribute("verified"), (std::pair<std::string, bool> {"true", false}));
    EXPECT_EQ(jsonl.rows[4].attribute("reach"), (std::pair<std::string, bool> {"3.5", true}));
    EXPECT_EQ(jsonl.rows[4].attribute("mentions"),
              (std::pair<std::string, bool> {"Putin; Zelensky", false}));
    EXPECT_EQ(jsonl.rows[4].attribute("meta"),
              (std::pair<std::string, bool> {R"({"lang":"ru","edited":false})", false}));
    EXPECT_FALSE(jsonl.rows[3].attribute("views"));
    EXPECT_FALSE(jsonl.rows[0].attribute("_index"));
    EXPECT_FALSE(jsonl.rows[0].attribute("__ts_timeline_id"));
}

TEST(TimesketchJsonl, EachMessyLineIsRefusedOnItsLineAndTheRestImport)
{
    // A BOM, CRLF line ends, empty and blank lines, and a last line without a line break.
    const ReadFile file = readJsonl(timesketchData("timesketch-messy.jsonl"));
    EXPECT_TRUE(file.error.isEmpty()) << file.error.toStdString();
    EXPECT_EQ(file.bytesRead, QFileInfo(timesketchData("timesketch-messy.jsonl")).size());
    const QStringList expected {
        QStringLiteral("1: Good first line @ 2025-12-29T00:00:00Z"),
        QStringLiteral(R"(3: not a JSON object: "{"message": "broken", "datetime":")"),
        QStringLiteral(R"(4: not a JSON object: "[1, 2]")"),
        QStringLiteral(R"(5: not a JSON object: ""just a string"")"),
        QStringLiteral("6: message is missing"),
        QStringLiteral(R"(7: datetime "2025-13-01T00:00:00+00:00" is not a date and time)"),
        QStringLiteral(R"(8: timestamp 1766966400000000 and datetime "2025-12-29T00:00:00+02:00" )"
                       R"(differ by 7200 s)"),
        QStringLiteral("10: Only a timestamp @ 2025-12-29T00:00:00Z"),
        QStringLiteral("11: 12345 @ 2025-12-29T00:00:00Z"),
        QStringLiteral("12: Timestamp as text @ 2025-12-29T00:00:00Z"),
        QStringLiteral(R"(13: timestamp "1.7669664e+15" is not a number of microseconds)"),
        QStringLiteral("14: message is empty"),
        QStringLiteral("15: Last line, no line break @ 2025-12-29T00:00:00Z"),
    };
    EXPECT_EQ(outcomes(file.rows), expected);
    EXPECT_EQ(file.rows[7].id, "42"); // a number as id
    EXPECT_EQ(file.rows[11].id, "evt-14"); // a refused line keeps the id it names
    EXPECT_EQ(file.rows[12].attribute("datetime"),
              (std::pair<std::string, bool> {"2025-12-29T00:00:00.5+00:00", false}));
}

TEST(TimesketchJsonl, AfterTheCsvTheSameEventsAsJsonLinesChangeNothing)
{
    // Both recognised by their content; the JSON lines find the events the CSV made.
    Project project;
    const ImportOptions options; // format auto
    const ImportReport csv
        = importFiles({timesketchData("timesketch-events.csv")}, project, options);
    EXPECT_TRUE(csv.problems.empty()) << problemLines(csv).join(u'\n').toStdString();
    EXPECT_EQ(csv.added, 7);
    const ImportReport jsonl
        = importFiles({timesketchData("timesketch-events.jsonl")}, project, options);
    EXPECT_TRUE(jsonl.problems.empty()) << problemLines(jsonl).join(u'\n').toStdString();
    EXPECT_EQ(jsonl.added, 0);
    EXPECT_EQ(jsonl.unchanged, 7);
    EXPECT_EQ(project.events().size(), 7u);
}

TEST(TimesketchJsonl, ImportingMessyLinesReportsEachOnItsLine)
{
    Project project;
    ImportOptions options;
    options.format = ImportFormat::Timesketch;
    const ImportReport report
        = importFiles({timesketchData("timesketch-messy.jsonl")}, project, options);
    EXPECT_EQ(report.rows, 13);
    EXPECT_EQ(report.added, 5);
    const QStringList expected {
        QStringLiteral(R"(3: not a JSON object: "{"message": "broken", "datetime":")"),
        QStringLiteral(R"(4: not a JSON object: "[1, 2]")"),
        QStringLiteral(R"(5: not a JSON object: ""just a string"")"),
        QStringLiteral("6: message is missing"),
        QStringLiteral(R"(7: datetime "2025-13-01T00:00:00+00:00" is not a date and time)"),
        QStringLiteral(R"(8: timestamp 1766966400000000 and datetime "2025-12-29T00:00:00+02:00" )"
                       R"(differ by 7200 s)"),
        QStringLiteral(R"(13: timestamp "1.7669664e+15" is not a number of microseconds)"),
        QStringLiteral("14: message is empty"),
    };
    EXPECT_EQ(problemLines(report), expected);
    EXPECT_EQ(text(project, eventById(project, "timesketch-42").title), "Only a timestamp");
}

TEST(TimesketchJsonl, IdsAreTheSameOnEveryRead)
{
    const ReadFile first = readJsonl(timesketchData("timesketch-events.jsonl"));
    const ReadFile second = readJsonl(timesketchData("timesketch-events.jsonl"));
    ASSERT_EQ(first.rows.size(), second.rows.size());
    for (std::size_t i = 0; i < first.rows.size(); ++i)
        EXPECT_EQ(first.rows[i].id, second.rows[i].id);
}

TEST(TimesketchJsonl, TagsAsAListOrAsText)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tags.jsonl"));
    ASSERT_TRUE(writeFile(
        path,
        R"({"message": "a", "datetime": "2025-12-29", "timestamp_desc": "d", "tag": ["x", " y ", "x", "", 7]}
{"message": "b", "datetime": "2025-12-29", "timestamp_desc": "d", "tag": "x,y"}
{"message": "c", "datetime": "2025-12-29", "timestamp_desc": "d", "tag": "[\"x\", \"y\"]"}
{"message": "d", "datetime": "2025-12-29", "timestamp_desc": "d", "tag": null}
)"));
    const ReadFile file = readJsonl(path);
    ASSERT_EQ(file.rows.size(), 4u);
    EXPECT_EQ(file.rows[0].tags, (std::vector<std::string> {"x", "y", "7"}));
    EXPECT_EQ(file.rows[1].tags, (std::vector<std::string> {"x", "y"}));
    EXPECT_EQ(file.rows[2].tags, (std::vector<std::string> {"x", "y"}));
    EXPECT_TRUE(file.rows[3].tags.empty());
}

TEST(TimesketchJsonl, NestedValuesAreKeptAsJsonUpToThirtyTwoLevels)
{
    const auto line = [](int levels) {
        std::string nested = std::string(std::size_t(levels), '[') + "\"deep\", \"]\""
            + std::string(std::size_t(levels), ']');
        return R"({"message": "m", "datetime": "2025-12-29", "timestamp_desc": "d", "x": )" + nested
            + "}\n";
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested.jsonl"));
    ASSERT_TRUE(writeFile(path, line(31) + line(32) + line(100000)));
    const ReadFile file = readJsonl(path);
    ASSERT_EQ(file.rows.size(), 3u);
    EXPECT_TRUE(file.rows[0].problem.isEmpty()) << file.rows[0].problem.toStdString();
    EXPECT_EQ(file.rows[0].attribute("x")->first,
              std::string(31, '[') + R"("deep","]")" + std::string(31, ']'));
    EXPECT_EQ(file.rows[1].problem.toStdString(), "nested more than 32 levels deep");
    EXPECT_EQ(file.rows[2].problem.toStdString(), "nested more than 32 levels deep");
}

TEST(TimesketchJsonl, AFileThatCannotBeReadSaysWhy)
{
    QString error;
    EXPECT_FALSE(openTimesketchJsonl(QStringLiteral("/nonexistent/events.jsonl"), &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("cannot be read: "))) << error.toStdString();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("utf16.jsonl"));
    ASSERT_TRUE(writeFile(path, std::string_view("\xFF\xFE{\0\n\0", 6)));
    error.clear();
    EXPECT_FALSE(openTimesketchJsonl(path, &error));
    EXPECT_EQ(error.toStdString(), "cannot be read: it is UTF-16 text, and JSON lines are UTF-8");
}

TEST(LineReader, LinesAcrossBlocksOfAnySize)
{
    const QByteArray bytes("\xEF\xBB\xBF{\"a\": 1}\r\n\n  \nsecond line\nthird, no break");
    const std::vector<std::pair<std::string, std::int64_t>> expected {
        {"{\"a\": 1}", 1}, {"", 2}, {"  ", 3}, {"second line", 4}, {"third, no break", 5}};
    for (const std::size_t blockSize : {1, 2, 3, 5, 7, 64, 1 << 20})
        EXPECT_EQ(allLines(bytes, blockSize), expected) << blockSize;
    // A BOM-like sequence past the start is text.
    EXPECT_EQ(allLines(QByteArray("x\n\xEF\xBB\xBFy\n"), 1),
              (std::vector<std::pair<std::string, std::int64_t>> {{"x", 1}, {"\xEF\xBB\xBFy", 2}}));
    EXPECT_TRUE(allLines(QByteArray(), 4).empty());
    EXPECT_EQ(allLines(QByteArray("\n"), 4),
              (std::vector<std::pair<std::string, std::int64_t>> {{"", 1}}));
}

TEST(LineReader, ALineLongerThanSixtyFourBlocksStopsTheReading)
{
    QByteArray bytes("short\n");
    bytes.append(QByteArray(64 * 4 + 10, 'x'));
    bytes.append("\nafter\n");
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    LineReader reader(&buffer, 4);
    std::string_view line;
    std::int64_t number = 0;
    ASSERT_TRUE(reader.next(line, number));
    EXPECT_EQ(line, "short");
    EXPECT_FALSE(reader.next(line, number));
    EXPECT_EQ(reader.error().toStdString(),
              "line 2 is longer than 256 bytes: is it one JSON object a line?");
}
