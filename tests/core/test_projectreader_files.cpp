// ProjectReader: files that are not projects or not JSON, hostile sizes and nesting, older
// versions migrated, and loadProject reading the file itself.

#include "format/migration.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "projectreaderfixture.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace claimline;
using namespace claimline::test;

// --- files that are not projects, or not JSON ---------------------------------------------

TEST(ProjectReader, EmptyFile)
{
    EXPECT_TRUE(exactlyProblems(readProject(""), {{"", "the file is empty"}}));
    EXPECT_TRUE(
        onlyProblem(readProject("  \n\t "), "", {"not valid JSON at line 2", "end of input"}));
}

TEST(ProjectReader, TruncatedFileIsNotValidJson)
{
    const std::string sample = test::readString(test::samplePath());
    ASSERT_GT(sample.size(), 1000u);
    std::string half = sample.substr(0, sample.size() / 2);
    const auto lines = std::count(half.begin(), half.end(), '\n') + 1;
    const LoadResult result = readProject(half);
    ASSERT_FALSE(result.ok());
    ASSERT_EQ(result.problems.size(), 1u) << describe(result.problems);
    const std::string &message = result.problems[0].message;
    EXPECT_EQ(message.rfind("not valid JSON at line " + std::to_string(lines) + ", column ", 0), 0u)
        << message;
    // The pointer says which item was being read when the text ran out.
    EXPECT_EQ(result.problems[0].pointer.rfind("/events/", 0), 0u) << result.problems[0].pointer;
    EXPECT_TRUE(isValidUtf8(message));

    // A syntax error in the middle names its line too.
    const LoadResult comma = readProject("{\"format\": \"claimline\",\n\"version\": 1,,\n}");
    EXPECT_TRUE(exactlyProblems(comma,
                                {{"/version",
                                  "not valid JSON at line 2, column 14: "
                                  "unexpected ','; expected string literal"}}));
}

TEST(ProjectReader, ParseErrorMessagesStayShortAndValidUtf8)
{
    // A long string cut off by the end of the file: the message must not quote all of it.
    const std::string text = R"({"format": "claimline", "version": 1, "meta": {"title": ")"
        + std::string(100'000, 'x');
    const LoadResult result = readProject(text);
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_TRUE(contains(result.problems[0].message, "not valid JSON at line 1"));
    EXPECT_LT(result.problems[0].message.size(), 400u) << result.problems[0].message.size();
}

TEST(ProjectReader, NonUtf8BytesInAString)
{
    const std::string text = "{\"format\": \"claimline\", \"version\": 1, \"meta\": "
                             "{\"title\": \"Nov\xff"
                             "gorod\"}}";
    const LoadResult result = readProject(text);
    ASSERT_TRUE(onlyProblem(result, "/meta/title", {"not valid JSON at line 1", "UTF-8"}));
    // The message itself is valid UTF-8: it is shown in the UI and written to JSON reports.
    EXPECT_TRUE(isValidUtf8(result.problems[0].message)) << result.problems[0].message;
    EXPECT_NO_THROW((void)json(result.problems[0].message).dump());

    // An overlong encoding and a lone continuation byte are refused as well.
    for (const char *bad : {"\xc0\xaf", "\x80", "\xed\xa0\x80"}) {
        const LoadResult r = readProject(std::string("{\"format\": \"claimline\", \"version\": "
                                                     "1, \"x\": \"")
                                         + bad + "\"}");
        EXPECT_TRUE(onlyProblem(r, "/x", {"UTF-8"}));
        EXPECT_TRUE(isValidUtf8(r.problems.at(0).message)) << r.problems[0].message;
    }
}

TEST(ProjectReader, TopLevelMustBeAnObject)
{
    EXPECT_TRUE(onlyProblem(readProject("[]"), "", {"JSON array", "not a Claimline project"}));
    EXPECT_TRUE(onlyProblem(readProject(std::string(100'000, '[')), "",
                            {"JSON array", "not a Claimline project"}));
    EXPECT_TRUE(exactlyProblems(readProject("42"),
                                {{"",
                                  "the file holds a number, not a Claimline project (a "
                                  "JSON object)"}}));
    EXPECT_TRUE(onlyProblem(readProject("\"claimline\""), "", {"a string", "not a Claimline"}));
    EXPECT_TRUE(onlyProblem(readProject("null"), "", {"null", "not a Claimline"}));
    EXPECT_TRUE(onlyProblem(readProject(R"({"format": "claimline", "version": 1} {})"), "",
                            {"not valid JSON at line 1, column 39", "expected end of input"}));
}

TEST(ProjectReader, DeepNestingIsRefusedQuickly)
{
    const auto start = std::chrono::steady_clock::now();
    constexpr int Levels = 10'000;
    // Inside an unknown field (kept as JSON), inside saved views, and of objects.
    const std::string arrays = std::string(Levels, '[') + std::string(Levels, ']');
    std::string objects;
    for (int i = 0; i < Levels; ++i)
        objects += "{\"a\": ";
    objects += "1" + std::string(Levels, '}');
    const std::string head = R"({"format": "claimline", "version": 1, )";

    const LoadResult unknown = readProject(head + "\"x\": " + arrays + "}");
    // The pointer names the container that went one level too deep: the root object is level
    // 1, so the 256th array (level 257) is at /x followed by 255 indices.
    std::string deepest = "/x";
    for (int i = 0; i < 255; ++i)
        deepest += "/0";
    EXPECT_TRUE(onlyProblem(unknown, deepest, {"nested deeper than the limit of 256 levels"}));

    const LoadResult views = readProject(head + "\"views\": " + arrays + "}");
    ASSERT_EQ(views.problems.size(), 1u) << describe(views.problems);
    EXPECT_EQ(views.problems[0].pointer.rfind("/views/0/0/0/", 0), 0u);
    EXPECT_TRUE(contains(views.problems[0].message, "nested deeper"));

    const LoadResult nested = readProject(head + "\"meta\": {\"x\": " + objects + "}}");
    ASSERT_EQ(nested.problems.size(), 1u) << describe(nested.problems);
    EXPECT_EQ(nested.problems[0].pointer.rfind("/meta/x/a/a/a/", 0), 0u);
    EXPECT_TRUE(contains(nested.problems[0].message, "nested deeper"));

    // A lower limit is honoured exactly.
    LoadLimits limits;
    limits.maxDepth = 4;
    EXPECT_TRUE(readProject(head + R"("x": [[1]]})", limits).ok()); // levels: {, [, [
    EXPECT_TRUE(readProject(head + R"("x": [[[1]]]})", limits).ok());
    EXPECT_TRUE(onlyProblem(readProject(head + R"("x": [[[[1]]]]})", limits), "/x/0/0/0",
                            {"nested deeper than the limit of 4 levels"}));

    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(ProjectReader, OverlongStringIsRefusedWithItsPointer)
{
    // The format's limit, 16 MiB - 1, with a 17 MiB title.
    const std::string big = R"({"format": "claimline", "version": 1, "meta": {"title": ")"
        + std::string(17u << 20, 'a') + "\"}}";
    EXPECT_TRUE(exactlyProblems(readProject(big),
                                {{"/meta/title",
                                  "text of 17825792 bytes is longer than the "
                                  "limit of 16777215 bytes"}}));

    LoadLimits limits;
    limits.maxStringLength = 40; // longer than any string of the base project
    const std::string longest(40, 'z');
    EXPECT_TRUE(read(with("/claims/1/statement", longest), limits).ok());
    EXPECT_TRUE(exactlyProblems(read(with("/claims/1/statement", longest + "z"), limits),
                                {{"/claims/1/statement",
                                  "text of 41 bytes is longer than the "
                                  "limit of 40 bytes"}}));
    // Inside unknown fields as well, with a pointer into them.
    EXPECT_TRUE(exactlyProblems(
        read(with("/events/0/x-extra", {{"deep", {1, longest + "zz"}}}), limits),
        {{"/events/0/x-extra/deep/1", "text of 42 bytes is longer than the limit of 40 bytes"}}));
    EXPECT_TRUE(exactlyProblems(read(with("/views", {{{"name", longest + "zzz"}}}), limits),
                                {{"/views/0/name",
                                  "text of 43 bytes is longer than the limit "
                                  "of 40 bytes"}}));
    // And keys, pointing at the object that has the key.
    EXPECT_TRUE(exactlyProblems(read(with("/events/0/" + longest + "k", 1), limits),
                                {{"/events/0",
                                  "a key of 41 bytes is longer than the limit of "
                                  "40 bytes"}}));
    EXPECT_TRUE(exactlyProblems(read(with("/events/0/x/a/" + longest + "k", 1), limits),
                                {{"/events/0/x/a",
                                  "a key of 41 bytes is longer than the limit "
                                  "of 40 bytes"}}));
}

TEST(ProjectReader, TooManyItems)
{
    LoadLimits limits;
    limits.maxItems = 1;
    EXPECT_TRUE(exactlyProblems(read(base(), limits),
                                {{"/parties/1",
                                  "more than 1 items; the file is larger than this "
                                  "version of Claimline accepts"}}));
    // Every kind of item counts, citations and status changes too: the base project has 12.
    limits.maxItems = 12;
    EXPECT_TRUE(read(base(), limits).ok());
    limits.maxItems = 11;
    EXPECT_TRUE(onlyProblem(read(base(), limits), "/relations/0", {"more than 11 items"}));
}

TEST(ProjectReader, FormatOther)
{
    EXPECT_TRUE(exactlyProblems(read(with("/format", "geojson")),
                                {{"/format",
                                  "this is not a Claimline project (format is "
                                  "\"geojson\", expected \"claimline\")"}}));
}

TEST(ProjectReader, MissingFormat)
{
    // Some other JSON document: one problem that says what it is not, and no list of what it
    // lacks as a project.
    const Problem notAProject {"",
                               "this is not a Claimline project (no \"format\": "
                               "\"claimline\" field)"};
    EXPECT_TRUE(exactlyProblems(read(without("/format")), {notAProject}));
    EXPECT_TRUE(exactlyProblems(readProject("{}"), {notAProject}));
    EXPECT_TRUE(exactlyProblems(readProject(R"({"name": "claimline", "version": "1.2.0", )"
                                            R"("dependencies": {"qt": "6"}})"),
                                {notAProject}));
    // A "format" of the wrong type is there, just wrong.
    EXPECT_TRUE(onlyProblem(read(with("/format", json::object())), "/format",
                            {"must be a string, not an object"}));
}

TEST(ProjectReader, NewerVersionIsRefusedWithoutOtherNoise)
{
    json doc = base();
    doc["version"] = 2;
    // Fields that mean something else in version 2 must not produce complaints.
    doc["/claims/0/stance"_json_pointer] = "endorses";
    doc["/events/0/when"_json_pointer] = "next week";
    doc["claims"][1].erase("statement");
    const LoadResult result = read(doc);
    EXPECT_EQ(result.fileVersion, 2);
    EXPECT_TRUE(exactlyProblems(result,
                                {{"/version",
                                  "this file was written by a newer version of Claimline (format "
                                  "version 2; this version reads up to 1). Update Claimline to "
                                  "open it."}}));
}

TEST(ProjectReader, MigratesVersion0)
{
    json doc = base();
    doc["version"] = 0;
    doc["questions"] = json::array({{{"id", "q-c"}, {"text", "Third"}, {"order", 3}},
                                    {{"id", "q-a"}, {"text", "First"}, {"order", 1}},
                                    {{"id", "q-none"}, {"text", "Unordered"}},
                                    {{"id", "q-targeted"}, {"text", "Second"}, {"order", 2}}});
    const LoadResult result = read(doc);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_TRUE(result.migrated);
    EXPECT_EQ(result.fileVersion, 0);
    const Project &p = *result.project;
    ASSERT_EQ(p.questions().size(), 4u);
    std::vector<std::string> order;
    for (const Question &q : p.questions())
        order.emplace_back(p.view(q.text));
    EXPECT_EQ(order, (std::vector<std::string> {"First", "Second", "Third", "Unordered"}));
    // References follow the question, not its old position.
    EXPECT_EQ(p.view(p.questions()[p.claims()[0].question].id), "q-targeted");

    const std::string saved = projectToString(p);
    EXPECT_TRUE(contains(saved, "\"version\": 1,")) << saved.substr(0, 80);
    EXPECT_FALSE(contains(saved, "\"order\""));
    const LoadResult again = readProject(saved);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again.migrated);
    EXPECT_EQ(projectToString(*again.project), saved);
}

TEST(ProjectReader, MigrationProblemsAreReported)
{
    json doc = base();
    doc["version"] = 0;
    doc["questions"] = json::array({{{"id", "q-targeted"}, {"text", "T"}, {"order", "first"}}});
    const LoadResult result = read(doc);
    EXPECT_TRUE(exactlyProblems(result,
                                {{"/questions/0/order",
                                  "must be a number (format "
                                  "version 0)"}}));
    EXPECT_EQ(result.fileVersion, 0);
}

// A repeated "version" in a version-0 file reached the conversion's DOM, which keeps the last
// of a repeated key, and its type error aborted every command and the app (issue 23). The
// first read names the repeated key where it is; nothing is converted.
TEST(ProjectReader, RepeatedVersionIsAProblemNotACrash)
{
    const Problem twice {"/version", "the field appears twice in the same object"};
    const Problem notWhole {"/version", "must be a whole number (the format version)"};
    const Problem anArray {"/version", "must be a whole number, not an array"};
    const Problem anObject {"/version", "must be a whole number, not an object"};
    const std::vector<std::pair<std::string, Problems>> cases {
        {R"({"format":"claimline","version":0,"version":[1]})", {twice, anArray}},
        {R"({"format":"claimline","version":0,"version":"0"})", {twice, notWhole}},
        {R"({"format":"claimline","version":0,"version":{"a":1}})", {twice, anObject}},
        {R"({"format":"claimline","version":0,"version":null})", {twice, notWhole}},
        {R"({"format":"claimline","version":0,"version":0})", {twice}},
        {R"({"format":"claimline","version":0,"version":1})", {twice}},
        {R"({"format":"claimline","version":1,"version":0})", {twice}},
        {R"({"format":"claimline","version":[1],"version":0})", {anArray, twice}},
    };
    for (const auto &[text, expected] : cases) {
        const LoadResult result = readProject(text);
        EXPECT_TRUE(exactlyProblems(result, expected)) << text;
        EXPECT_FALSE(result.internalError) << text;
        EXPECT_FALSE(result.migrated) << text;
    }
}

// Any problem of the first read stops the conversion: the DOM would hide a repeated key
// anywhere, and the first read's pointers are where the problems are in the file.
TEST(ProjectReader, AVersion0FileWithProblemsIsNotConverted)
{
    json doc = base();
    doc["version"] = 0;
    doc["questions"] = json::array(
        {{{"id", "q-targeted"}, {"text", "B"}, {"order", 2}}, {{"id", "q-a"}, {"order", 1}}});
    const LoadResult result = read(doc);
    EXPECT_TRUE(exactlyProblems(result, {{"/questions/1", "missing required field \"text\""}}));
    EXPECT_FALSE(result.migrated);

    // A repeated key deep inside: the first read sees it, the DOM would not.
    std::string text = doc.dump();
    const std::string marker = R"("text":"B")";
    text.replace(text.find(marker), marker.size(), R"("text":"B","text":"C")");
    const LoadResult repeated = readProject(text);
    EXPECT_TRUE(contains(describe(repeated.problems), "/questions/0/text"))
        << describe(repeated.problems);
    EXPECT_FALSE(repeated.ok());
}

// The conversion reads file data through a DOM: every value it reads is of any type.
TEST(ProjectReader, MigrationChecksTheTypeOfEverythingItReads)
{
    const std::vector<std::string> documents {
        R"([])",
        R"("version")",
        R"({})",
        R"({"version": null})",
        R"({"version": "0"})",
        R"({"version": [0]})",
        R"({"version": {"a": 1}})",
        R"({"version": 0.5})",
        R"({"version": 1e300})",
        R"({"version": -1})",
        R"({"version": 18446744073709551615})",
        R"({"version": 9223372036854775807})",
        R"({"version": 0, "questions": {"order": 1}})",
        R"({"version": 0, "questions": [1, "two", null, [3], {"order": null}]})",
        R"({"version": 0, "questions": [{"order": {"n": 1}}]})",
        R"({"version": 0, "questions": [{"order": [1]}]})",
    };
    for (const std::string &text : documents) {
        nlohmann::json document = nlohmann::json::parse(text);
        Problems problems;
        bool converted = false;
        EXPECT_NO_THROW(converted = migrateToCurrent(document, problems)) << text;
        // Either converted to the current version or refused with a reason, never both.
        EXPECT_EQ(converted, problems.empty()) << text;
        if (converted) {
            EXPECT_EQ(document["version"], Project::FormatVersion) << text;
        }
    }
    nlohmann::json unordered = nlohmann::json::parse(
        R"({"version": 0, "questions": [{"id": "b", "order": 2}, 7, {"id": "a", "order": 1}]})");
    Problems problems;
    ASSERT_TRUE(migrateToCurrent(unordered, problems));
    EXPECT_EQ(unordered["questions"], nlohmann::json::parse(R"([{"id": "a"}, {"id": "b"}, 7])"));
    nlohmann::json textOrder
        = nlohmann::json::parse(R"({"version": 0, "questions": [{"order": "1"}]})");
    ASSERT_FALSE(migrateToCurrent(textOrder, problems));
    EXPECT_EQ(problems.back().pointer, "/questions/0/order");
}

// --- loadProject: the file itself ---------------------------------------------------------

TEST(ProjectReader, LoadProjectFileProblems)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());

    const LoadResult missing = loadProject(dir.filePath(QStringLiteral("nothing.claimline")));
    EXPECT_TRUE(onlyProblem(missing, "", {"cannot open the file", "No such file"}));

    EXPECT_TRUE(exactlyProblems(loadProject(dir.path()), {{"", "is a folder, not a file"}}));

    const QString empty = dir.filePath(QStringLiteral("empty.claimline"));
    ASSERT_TRUE(test::writeFile(empty, ""));
    EXPECT_TRUE(exactlyProblems(loadProject(empty), {{"", "the file is empty"}}));

    const QString sample = dir.filePath(QStringLiteral("sample.claimline"));
    const std::string sampleText = test::readString(test::samplePath());
    ASSERT_TRUE(test::writeFile(sample, sampleText));
    LoadLimits limits;
    limits.maxFileSize = 1000;
    const LoadResult tooBig = loadProject(sample, limits);
    EXPECT_TRUE(exactlyProblems(tooBig,
                                {{"",
                                  "the file is " + std::to_string(sampleText.size())
                                      + " bytes, larger than the limit of 1000 "
                                        "bytes"}}));
    limits.maxFileSize = sampleText.size();
    EXPECT_TRUE(loadProject(sample, limits).ok());
    limits.maxFileSize = 3u << 20;
    const QString large = dir.filePath(QStringLiteral("large.claimline"));
    ASSERT_TRUE(test::writeFile(large,
                                R"({"format": "claimline", "version": 1, "x": ")"
                                    + std::string(5u << 20, ' ') + "\"}"));
    const LoadResult tooLarge = loadProject(large, limits);
    ASSERT_EQ(tooLarge.problems.size(), 1u);
    EXPECT_EQ(tooLarge.problems[0].message, "the file is 5 MiB, larger than the limit of 3 MiB");

    // Unreadable: a file without read permission (root reads it anyway, so only then).
    if (::geteuid() != 0) {
        const QString locked = dir.filePath(QStringLiteral("locked.claimline"));
        ASSERT_TRUE(test::writeFile(locked, sampleText));
        ::chmod(QFile::encodeName(locked).constData(), 0);
        EXPECT_TRUE(onlyProblem(loadProject(locked), "", {"cannot open the file"}));
    }
}

TEST(ProjectReader, LoadProjectMigratesAFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.claimline"));
    json doc = base();
    doc["version"] = 0;
    doc["/questions/0/order"_json_pointer] = 5;
    ASSERT_TRUE(test::writeFile(path, doc.dump(2)));
    const LoadResult result = loadProject(path);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_TRUE(result.migrated);
    EXPECT_EQ(result.fileVersion, 0);
}

TEST(ProjectReader, LoadProjectFromAPipeThatCannotBeReadTwice)
{
    // A version-0 file read from a pipe is gone after the first pass; the converter must
    // report that, never return neither a project nor a problem.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pipe"));
    const QByteArray name = QFile::encodeName(path);
    ASSERT_EQ(::mkfifo(name.constData(), 0600), 0);
    json doc = base();
    doc["version"] = 0;
    const std::string text = doc.dump();
    std::atomic<bool> done = false;
    std::thread writer([&] {
        // The content once; then, like a pipe whose writer has finished, nothing: whenever
        // the reader opens it again, it is opened and closed for writing, so the reader sees
        // the end of the input instead of waiting for ever.
        const int fd = ::open(name.constData(), O_WRONLY);
        if (fd < 0)
            return;
        [[maybe_unused]] const auto written = ::write(fd, text.data(), text.size());
        ::close(fd);
        while (!done) {
            if (const int again = ::open(name.constData(), O_WRONLY | O_NONBLOCK); again >= 0)
                ::close(again);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    const LoadResult result = loadProject(path);
    done = true;
    writer.join();
    if (result.ok()) {
        EXPECT_TRUE(result.migrated);
    } else {
        ASSERT_EQ(result.problems.size(), 1u) << "neither a project nor a problem";
        EXPECT_TRUE(contains(result.problems[0].message, "format version 0"))
            << result.problems[0].message;
    }
}
