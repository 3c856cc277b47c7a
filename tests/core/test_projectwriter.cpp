// Writing .claimline files in canonical form: a canonical file is written back byte for byte,
// any file reaches the canonical form in one save, text and numbers survive exactly, and a
// failing device is reported rather than leaving a short file behind silently.

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace claimline;
using json = nlohmann::ordered_json;

namespace {

std::string problemsOf(const LoadResult &result)
{
    std::string out;
    for (const Problem &p : result.problems)
        out += "\n  " + p.toStdString();
    return out;
}

// Loads text that must be valid and writes it back.
std::string roundTrip(std::string_view text)
{
    const LoadResult result = readProject(text);
    EXPECT_TRUE(result.ok()) << problemsOf(result);
    return result.ok() ? projectToString(*result.project) : std::string();
}

bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

// A project with one claim whose statement is `statement`.
json withStatement(const std::string &statement)
{
    return json {
        {"format", "claimline"},
        {"version", 1},
        {"parties", {{{"id", "ua"}, {"name", "Ukraine"}}}},
        {"claims",
         {{{"id", "c"}, {"claimant", "ua"}, {"made_at", "2025-12-29"}, {"statement", statement}}}}};
}

} // namespace

TEST(ProjectWriter, SampleIsWrittenBackByteIdentical)
{
    const std::string original = test::readString(test::samplePath());
    ASSERT_FALSE(original.empty());
    const LoadResult result = loadProject(test::samplePath());
    ASSERT_TRUE(result.ok()) << problemsOf(result);
    const std::string written = projectToString(*result.project);
    EXPECT_EQ(written.size(), original.size());
    EXPECT_TRUE(written == original)
        << "first difference at byte "
        << std::mismatch(written.begin(), written.end(), original.begin(), original.end()).first
            - written.begin();
}

TEST(ProjectWriter, NonCanonicalFileReachesAFixedPointInOneSave)
{
    // Keys out of order, odd whitespace, explicit defaults, empty optional fields, a lowercase
    // colour, integer coordinates, a time with a zone offset, escapes where none are needed.
    const std::string text = R"(

 {   "version" : 1 ,"format":"claimline",
  "relations":[{"kind":"denies","to":"c1","from":"c2"}],
  "claims":[
     {"statement":"S1","made_at":"2025-12-28T22:00:00+03:00","claimant":"lavrov","id":"c1",
      "status":"unverified","notes":"","sources":[],"status_history":[],"stance":"affirms"},
     {"id":"c2","claimant":"ua","made_at":"2025-12-29/2025-12-30","statement":"\u0053\u0032",
      "credibility":2,"quote":{"speaker":"lavrov","text":"q","language":""}}],
  "events":[{"when":"2025-12-29","title":"E","id":"ev","summary":"","tags":[],"kind":"strike",
      "location":{"lon":31,"lat":58,"name":""},"parties":[],"status":"unverified"}],
  "actors":[{"party":"ru","name":"Sergei Lavrov","id":"lavrov","anonymous":false,
      "collective":false,"role":""}],
  "parties":[{"kind":"other","color":"#d55e00","name":"Russia","id":"ru","short":""},
             {"id":"ua","name":"Ukraine","kind":"state"}],
  "sources":[{"title":"T","id":"s","reliability":"B","published":"2025-12-29"}],
  "meta":{"authors":[],"description":"","title":"Non-canonical"},
  "questions":[],
  "views":[{"to":"2026-01-01","name":"v"}]
 }
)";
    const std::string first = roundTrip(text);
    ASSERT_FALSE(first.empty());
    EXPECT_NE(first, text);
    const std::string second = roundTrip(first);
    EXPECT_EQ(second, first);
    EXPECT_EQ(roundTrip(second), second);

    // What the canonical form is made of.
    EXPECT_EQ(first.rfind("{\n  \"format\": \"claimline\",\n  \"version\": 1,\n  \"meta\": ", 0),
              0u);
    EXPECT_TRUE(contains(first, R"({"id": "ru", "name": "Russia", "color": "#D55E00"})")) << first;
    EXPECT_TRUE(contains(first, R"({"id": "lavrov", "name": "Sergei Lavrov", "party": "ru"})"));
    EXPECT_TRUE(contains(first, R"("location": {"lat": 58.0, "lon": 31.0})"));
    EXPECT_TRUE(contains(first, R"("made_at": "2025-12-28T19:00:00Z")")) << first;
    EXPECT_TRUE(contains(first, R"("statement": "S2")"));
    EXPECT_TRUE(contains(first, R"("quote": {"text": "q", "speaker": "lavrov"})"));
    EXPECT_TRUE(contains(first, "  \"questions\": [],\n"));
    EXPECT_TRUE(contains(first, R"({"name": "v", "to": "2026-01-01"})"));
    EXPECT_EQ(first.substr(first.size() - 7), "\n  ]\n}\n");
}

// Issue 15: the public description is a field of its own, read, written after the internal
// description and read back unchanged; the two never mix.
TEST(ProjectWriter, PublicDescriptionRoundTrips)
{
    const std::string text = R"({"format": "claimline", "version": 1,
      "meta": {"x-later": 1, "public_description": "Public \"words\"\nsecond line",
               "title": "T", "description": "Internal conventions"}})";
    const LoadResult first = readProject(text);
    ASSERT_TRUE(first.ok()) << problemsOf(first);
    const Project &p = *first.project;
    EXPECT_EQ(p.view(p.meta().publicDescription), "Public \"words\"\nsecond line");
    EXPECT_EQ(p.view(p.meta().description), "Internal conventions");
    // A known field: not kept among the unknown ones as well.
    EXPECT_FALSE(p.metaExtra().contains("public_description"));

    const std::string saved = projectToString(p);
    EXPECT_TRUE(contains(saved,
                         R"("meta": {"title": "T", "description": "Internal conventions", )"
                         R"("public_description": "Public \"words\"\nsecond line", )"
                         R"("x-later": 1},)"))
        << saved;
    const LoadResult second = readProject(saved);
    ASSERT_TRUE(second.ok()) << problemsOf(second);
    EXPECT_EQ(second.project->view(second.project->meta().publicDescription),
              "Public \"words\"\nsecond line");
    EXPECT_EQ(second.project->view(second.project->meta().description), "Internal conventions");
    EXPECT_EQ(projectToString(*second.project), saved);

    // Empty is omitted, as every optional string.
    const std::string empty
        = roundTrip(R"({"format": "claimline", "version": 1, "meta": {"public_description": ""}})");
    EXPECT_FALSE(contains(empty, "public_description")) << empty;
}

TEST(ProjectWriter, StringEscapingRoundTripsExactly)
{
    const std::string tricky = "He said \"no\" \\ C:\\path\x01\x1f end\nline 2\ttab\r\b\f "
                               "Лавров заявил «91» 🇺🇦 😀 \x7f /slash";
    const json doc = withStatement(tricky);
    const LoadResult first = readProject(doc.dump());
    ASSERT_TRUE(first.ok()) << problemsOf(first);
    EXPECT_EQ(first.project->view(first.project->claims()[0].statement), tricky);

    const std::string saved = projectToString(*first.project);
    EXPECT_TRUE(contains(saved,
                         R"("statement": "He said \"no\" \\ C:\\path\u0001\u001f end)"
                         R"(\nline 2\ttab\r\b\f Лавров заявил «91» 🇺🇦 😀 )"
                         "\x7f /slash\"}"))
        << saved;
    const LoadResult second = readProject(saved);
    ASSERT_TRUE(second.ok()) << problemsOf(second);
    EXPECT_EQ(second.project->view(second.project->claims()[0].statement), tricky);
    EXPECT_EQ(projectToString(*second.project), saved);

    // \u escapes in the input, surrogate pairs included, are written as UTF-8.
    const std::string escaped = roundTrip(R"({"format": "claimline", "version": 1,
        "meta": {"title": "\u041b\u0430\u0432\u0440\u043e\u0432 \ud83d\ude00 \u00e9\u0000x"}})");
    EXPECT_TRUE(contains(escaped, "\"title\": \"Лавров 😀 é\\u0000x\"")) << escaped;

    // Keys of unknown fields are escaped the same way.
    json odd = withStatement("s");
    odd["claims"][0]["we\"ird\nkey/~"] = "v\\";
    const std::string oddSaved = roundTrip(odd.dump());
    EXPECT_TRUE(contains(oddSaved, R"("we\"ird\nkey/~": "v\\")")) << oddSaved;
    EXPECT_EQ(nlohmann::json::parse(oddSaved)["claims"][0]["we\"ird\nkey/~"], "v\\");
}

TEST(ProjectWriter, NumbersRoundTrip)
{
    json doc = withStatement("s");
    doc["events"] = {{{"id", "ev"},
                      {"title", "t"},
                      {"when", "2025-12-29"},
                      {"location", {{"lat", 58.5}, {"lon", 31.27}}}},
                     {{"id", "ev2"},
                      {"title", "t"},
                      {"when", "2025-12-29"},
                      {"location", {{"lat", -89.999999999}, {"lon", 1e-7}}}}};
    doc["x-numbers"] = {{"float", 0.1},      {"big", 1e300},     {"tiny", 5e-324},
                        {"one", 1.0},        {"negZero", -0.0},  {"int", -42},
                        {"max", UINT64_MAX}, {"min", INT64_MIN}, {"true", true},
                        {"false", false},    {"null", nullptr},  {"huge", 1.2345678901234568e20}};
    const std::string saved = roundTrip(doc.dump());
    EXPECT_TRUE(contains(saved, R"("location": {"lat": 58.5, "lon": 31.27})")) << saved;
    EXPECT_TRUE(contains(saved, R"("location": {"lat": -89.999999999, "lon": 1e-07})")) << saved;
    EXPECT_TRUE(contains(saved, R"("one": 1.0)"));
    EXPECT_TRUE(contains(saved, R"("max": 18446744073709551615)"));
    EXPECT_TRUE(contains(saved, R"("min": -9223372036854775808)"));
    EXPECT_TRUE(contains(saved, R"("null": null)"));

    const LoadResult again = readProject(saved);
    ASSERT_TRUE(again.ok()) << problemsOf(again);
    const Event &e = again.project->events()[0];
    EXPECT_EQ(e.latitude, 58.5);
    EXPECT_EQ(e.longitude, 31.27);
    EXPECT_EQ(again.project->events()[1].latitude, -89.999999999);
    EXPECT_EQ(again.project->events()[1].longitude, 1e-7);

    const nlohmann::json numbers = nlohmann::json::parse(saved)["x-numbers"];
    const nlohmann::json expected = nlohmann::json::parse(doc["x-numbers"].dump());
    for (const auto &[key, value] : expected.items()) {
        SCOPED_TRACE(key);
        ASSERT_TRUE(numbers.contains(key));
        // Same type (a float stays a float, "1.0" does not become 1) and the same value.
        EXPECT_EQ(numbers[key].type(), value.type());
        EXPECT_EQ(numbers[key].dump(), value.dump());
    }
    EXPECT_TRUE(std::signbit(numbers["negZero"].get<double>()));
    EXPECT_EQ(roundTrip(saved), saved);
}

TEST(ProjectWriter, EmptyOptionalFieldsAreOmitted)
{
    const std::string saved = roundTrip(R"({"format": "claimline", "version": 1,
        "meta": {"title": "", "description": "", "authors": []},
        "parties": [{"id": "p", "name": "P", "short": "", "kind": "other"}],
        "actors": [{"id": "a", "name": "A", "role": "", "anonymous": false, "collective": false}],
        "sources": [{"id": "s", "title": "S", "outlet": "", "url": "", "archive_url": "",
                     "language": "", "notes": ""}],
        "events": [{"id": "e", "title": "E", "when": "2025", "summary": "", "parties": [],
                    "tags": [], "kind": "", "sources": [{"source": "s", "excerpt": ""}],
                    "status": "unverified", "status_history": [], "notes": "",
                    "location": {"name": ""}}],
        "claims": [{"id": "c", "claimant": "a", "made_at": "2025", "statement": "C",
                    "notes": "", "sources": [], "status_history": [{"status": "unverified",
                    "reason": ""}]}],
        "views": []})");
    EXPECT_EQ(saved, R"({
  "format": "claimline",
  "version": 1,
  "meta": {},
  "parties": [
    {"id": "p", "name": "P"}
  ],
  "actors": [
    {"id": "a", "name": "A"}
  ],
  "sources": [
    {"id": "s", "title": "S"}
  ],
  "events": [
    {"id": "e", "title": "E", "when": "2025", "sources": [{"source": "s"}]}
  ],
  "questions": [],
  "claims": [
    {"id": "c", "claimant": "a", "made_at": "2025", "statement": "C", "status_history": [{"status": "unverified"}]}
  ],
  "relations": [],
  "positions": [],
  "views": []
}
)");
}

TEST(ProjectWriter, RequiredFieldsAreWrittenEvenWhenEmpty)
{
    // An empty name is allowed in a file (it is there, just blank), so the saved file must
    // still have it: leaving it out would write a file that cannot be opened again.
    const std::string text = R"({"format": "claimline", "version": 1,
        "parties": [{"id": "p", "name": ""}], "actors": [{"id": "a", "name": ""}],
        "sources": [{"id": "s", "title": ""}],
        "events": [{"id": "e", "title": "", "when": "2025"}],
        "questions": [{"id": "q", "text": ""}],
        "claims": [{"id": "c", "claimant": "p", "made_at": "2025", "statement": ""}]})";
    const std::string saved = roundTrip(text);
    const LoadResult again = readProject(saved);
    EXPECT_TRUE(again.ok()) << problemsOf(again) << "\n" << saved;
    EXPECT_TRUE(contains(saved, R"({"id": "p", "name": ""})")) << saved;
    EXPECT_TRUE(contains(saved, R"({"id": "e", "title": "", "when": "2025"})"));
    EXPECT_TRUE(contains(saved, R"({"id": "q", "text": ""})"));
    EXPECT_TRUE(contains(saved, R"("made_at": "2025", "statement": ""})"));
    EXPECT_EQ(roundTrip(saved), saved);

    // A quote whose text is empty keeps who said it and what else it carries.
    const std::string quote = roundTrip(R"({"format": "claimline", "version": 1,
        "actors": [{"id": "a", "name": "A"}],
        "claims": [{"id": "c", "claimant": "a", "made_at": "2025", "statement": "S",
                    "quote": {"text": "", "translation": "T", "speaker": "a", "x": 1}}]})");
    EXPECT_TRUE(contains(quote,
                         R"("quote": {"text": "", "translation": "T", "speaker": "a", )"
                         R"("x": 1}})"))
        << quote;
    EXPECT_EQ(roundTrip(quote), quote);
}

TEST(ProjectWriter, WriteProjectToBufferEqualsProjectToString)
{
    const LoadResult sample = loadProject(test::samplePath());
    ASSERT_TRUE(sample.ok());
    QBuffer buffer;
    ASSERT_TRUE(buffer.open(QIODevice::WriteOnly));
    QString error;
    ASSERT_TRUE(writeProject(*sample.project, buffer, &error)) << error.toStdString();
    EXPECT_TRUE(error.isEmpty());
    EXPECT_EQ(buffer.data().toStdString(), projectToString(*sample.project));

    // Larger than the writer's 1 MiB chunk, so that it is written in several pieces.
    json doc = withStatement("s");
    doc["events"] = json::array();
    for (int i = 0; i < 4000; ++i) {
        doc["events"].push_back({{"id", "ev-" + std::to_string(i)},
                                 {"title", "Event " + std::to_string(i)},
                                 {"when", "2025-12-29"},
                                 {"summary", std::string(300, char('a' + i % 26))}});
    }
    const LoadResult large = readProject(doc.dump());
    ASSERT_TRUE(large.ok()) << problemsOf(large);
    const std::string expected = projectToString(*large.project);
    ASSERT_GT(expected.size(), std::size_t(1) << 20);
    QBuffer big;
    ASSERT_TRUE(big.open(QIODevice::WriteOnly));
    ASSERT_TRUE(writeProject(*large.project, big, &error)) << error.toStdString();
    EXPECT_TRUE(big.data().toStdString() == expected);
    EXPECT_EQ(std::size_t(big.data().size()), expected.size());
}

TEST(ProjectWriter, FailingDeviceIsReported)
{
    const LoadResult small = readProject(R"({"format": "claimline", "version": 1})");
    const LoadResult sample = loadProject(test::samplePath());
    ASSERT_TRUE(small.ok());
    ASSERT_TRUE(sample.ok());

    // /dev/full accepts writes into QFile's buffer and fails when they reach the device: a
    // small project fits in that buffer, and the failure must still be reported.
    for (const Project *project : {&*small.project, &*sample.project}) {
        QFile full(QStringLiteral("/dev/full"));
        ASSERT_TRUE(full.open(QIODevice::WriteOnly));
        QString error;
        EXPECT_FALSE(writeProject(*project, full, &error));
        EXPECT_TRUE(error.contains(QStringLiteral("No space left on device")))
            << error.toStdString();
    }

    // A device not open for writing.
    QByteArray data("old");
    QBuffer readOnly(&data);
    ASSERT_TRUE(readOnly.open(QIODevice::ReadOnly));
    QString error;
    EXPECT_FALSE(writeProject(*small.project, readOnly, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_NE(error, QStringLiteral("Unknown error"));
    EXPECT_EQ(data, QByteArray("old"));

    QBuffer closed;
    error.clear();
    EXPECT_FALSE(writeProject(*small.project, closed, &error));
    EXPECT_FALSE(error.isEmpty());

    // The error pointer is optional.
    QBuffer alsoClosed;
    EXPECT_FALSE(writeProject(*small.project, alsoClosed, nullptr));
}
