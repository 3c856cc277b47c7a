// Opening .claimline files: what a user relies on when a file is good, and above all when it
// is not. Every problem must carry the exact JSON Pointer of what is wrong and a message in
// plain English that names the problem; a bad file must never crash, hang or allocate without
// bound.

#include "migration.h"
#include "projectreader.h"
#include "testsupport.h"
#include "projectwriter.h"

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
// Documents keep their key order, so that the text a test reads is in the canonical order.
using json = nlohmann::ordered_json;

// Equal as JSON values, whatever the key order.
bool sameJson(const json &a, const json &b)
{
    return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump());
}

namespace {

// A small valid project with one or more items of every kind, every reference kind used once.
// Tests break one thing in it at a time (by JSON Pointer) so that each problem is isolated.
constexpr const char *BaseText = R"({
  "format": "claimline",
  "version": 1,
  "meta": {"title": "Novgorod", "authors": ["A. Analyst"]},
  "parties": [
    {"id": "russia", "name": "Russia", "short": "RU", "color": "#D55E00", "kind": "state"},
    {"id": "ukraine", "name": "Ukraine", "short": "UA", "color": "#0072B2", "kind": "state"}
  ],
  "actors": [
    {"id": "lavrov", "name": "Sergei Lavrov", "party": "russia"},
    {"id": "zelenskyy", "name": "Volodymyr Zelenskyy", "party": "ukraine"}
  ],
  "sources": [
    {"id": "src-1", "title": "Moscow claims strike", "reliability": "C"}
  ],
  "events": [
    {"id": "ev-drones", "title": "Alleged drone attack", "when": "2025-12-28/2025-12-29",
     "location": {"name": "Valdai", "lat": 58.5, "lon": 33.27}, "parties": ["russia", "ukraine"],
     "sources": [{"source": "src-1", "excerpt": "91 drones"}],
     "status_history": [{"status": "disputed", "at": "2025-12-30"}], "status": "disputed"}
  ],
  "questions": [
    {"id": "q-targeted", "text": "Did Ukraine target the residence?"}
  ],
  "claims": [
    {"id": "claim-91", "claimant": "lavrov", "made_at": "2025-12-29", "about": "ev-drones",
     "question": "q-targeted", "stance": "affirms", "statement": "91 drones were launched.",
     "quote": {"text": "91 drones", "speaker": "lavrov"}, "credibility": 4},
    {"id": "claim-lies", "claimant": "ukraine", "via": "zelenskyy", "made_at": "2025-12-29",
     "stance": "denies", "statement": "Ukraine denies it."}
  ],
  "relations": [
    {"from": "claim-lies", "to": "claim-91", "kind": "denies"}
  ]
})";

json base()
{
    return json::parse(BaseText);
}

// The base project with the value at `pointer` replaced.
json with(const std::string &pointer, json value)
{
    json doc = base();
    doc[json::json_pointer(pointer)] = std::move(value);
    return doc;
}

// The base project without the value at `pointer`.
json without(const std::string &pointer)
{
    json doc = base();
    const json::json_pointer p(pointer);
    doc[p.parent_pointer()].erase(p.back());
    return doc;
}

LoadResult read(const json &doc, const LoadLimits &limits = {})
{
    return readProject(doc.dump(), limits);
}

std::string describe(const Problems &problems)
{
    std::string out;
    for (const Problem &p : problems)
        out += "\n  [" + p.pointer + "] " + p.message;
    return out.empty() ? "\n  (no problems)" : out;
}

bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

bool isValidUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size())).toUtf8()
        == QByteArray(text.data(), qsizetype(text.size()));
}

// The file failed with exactly one problem, at `pointer`, whose message contains every part.
::testing::AssertionResult onlyProblem(const LoadResult &result, std::string_view pointer,
                                       std::initializer_list<std::string_view> parts)
{
    if (result.ok())
        return ::testing::AssertionFailure() << "the file was accepted";
    if (result.problems.size() != 1)
        return ::testing::AssertionFailure()
            << "expected one problem at \"" << pointer << "\", got"
            << describe(result.problems);
    const Problem &p = result.problems.front();
    if (p.pointer != pointer)
        return ::testing::AssertionFailure()
            << "expected the pointer \"" << pointer << "\", got" << describe(result.problems);
    for (const std::string_view part : parts) {
        if (!contains(p.message, part))
            return ::testing::AssertionFailure() << "the message does not mention \"" << part
                                                 << "\":" << describe(result.problems);
    }
    return ::testing::AssertionSuccess();
}

// Exactly these problems (pointer, exact message), in any order.
::testing::AssertionResult exactlyProblems(const LoadResult &result, Problems expected)
{
    Problems actual = result.problems;
    const auto order = [](const Problem &a, const Problem &b) {
        return std::tie(a.pointer, a.message) < std::tie(b.pointer, b.message);
    };
    std::sort(actual.begin(), actual.end(), order);
    std::sort(expected.begin(), expected.end(), order);
    if (result.ok() || actual != expected)
        return ::testing::AssertionFailure() << "expected" << describe(expected) << "\ngot"
                                             << describe(result.problems);
    return ::testing::AssertionSuccess();
}

// The line of `text` that contains `marker` (items are written one per line).
std::string lineWith(const std::string &text, std::string_view marker)
{
    const auto at = text.find(marker);
    if (at == std::string::npos)
        return {};
    const auto begin = text.rfind('\n', at) + 1;
    const auto end = text.find('\n', at);
    return text.substr(begin, end - begin);
}

} // namespace

// --- files that load ----------------------------------------------------------------------

TEST(ProjectReader, MinimalProjectLoads)
{
    const LoadResult result = readProject(R"({"format": "claimline", "version": 1})");
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_TRUE(result.problems.empty());
    EXPECT_EQ(result.fileVersion, 1);
    EXPECT_FALSE(result.migrated);
    EXPECT_TRUE(result.project->events().empty());
    EXPECT_TRUE(result.project->claims().empty());
    EXPECT_EQ(result.project->idCount(), 0u);
}

TEST(ProjectReader, BaseProjectLoadsWithReferencesResolved)
{
    const LoadResult result = readProject(BaseText);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Project &p = *result.project;
    ASSERT_EQ(p.parties().size(), 2u);
    ASSERT_EQ(p.actors().size(), 2u);
    ASSERT_EQ(p.events().size(), 1u);
    ASSERT_EQ(p.claims().size(), 2u);
    ASSERT_EQ(p.relations().size(), 1u);
    EXPECT_EQ(p.view(p.meta().title), "Novgorod");
    EXPECT_EQ(p.parties()[0].color, 0xD55E00u);
    EXPECT_EQ(p.parties()[1].kind, PartyKind::State);
    EXPECT_EQ(p.actors()[1].party, 1u);
    EXPECT_EQ(p.sources()[0].reliability, 'C');

    const Event &e = p.events()[0];
    EXPECT_EQ(p.view(e.locationName), "Valdai");
    EXPECT_DOUBLE_EQ(e.latitude, 58.5);
    EXPECT_DOUBLE_EQ(e.longitude, 33.27);
    EXPECT_EQ(std::vector<std::uint32_t>(p.indices(e.parties).begin(), p.indices(e.parties).end()),
              (std::vector<std::uint32_t>{0, 1}));
    ASSERT_EQ(p.citations(e.sources).size(), 1u);
    EXPECT_EQ(p.citations(e.sources)[0].source, 0u);
    EXPECT_EQ(p.view(p.citations(e.sources)[0].excerpt), "91 drones");
    EXPECT_EQ(e.status, Status::Disputed);
    ASSERT_EQ(p.statusChanges(e.history).size(), 1u);
    EXPECT_EQ(p.statusChanges(e.history)[0].status, Status::Disputed);
    EXPECT_EQ(e.when, *FuzzyTime::parse("2025-12-28/2025-12-29"));

    const Claim &c = p.claims()[0];
    EXPECT_EQ(c.claimant, (Speaker{0, false}));
    EXPECT_EQ(c.about, 0u);
    EXPECT_EQ(c.question, 0u);
    EXPECT_EQ(c.stance, Stance::Affirms);
    EXPECT_EQ(c.quoteSpeaker, 0u);
    EXPECT_EQ(c.credibility, 4);
    EXPECT_EQ(p.claims()[1].claimant, (Speaker{1, true}));
    EXPECT_EQ(p.claims()[1].via, (Speaker{1, false}));
    EXPECT_EQ(p.relations()[0], (Relation{1, 0, RelationKind::Denies, NoIndex}));
}

TEST(ProjectReader, ForwardReferencesResolve)
{
    // Relations first, then claims, then everything they refer to; actors before parties.
    const std::string text = R"({"relations": [{"from": "c2", "to": "c1", "kind": "rebuts"}],
        "claims": [
          {"id": "c1", "claimant": "lavrov", "made_at": "2025-12-29", "about": "ev",
           "question": "q", "statement": "S1", "quote": {"text": "T", "speaker": "lavrov"},
           "sources": [{"source": "src"}]},
          {"id": "c2", "claimant": "ukraine", "via": "lavrov", "made_at": "2025-12-30",
           "statement": "S2"}],
        "events": [{"id": "ev", "title": "E", "when": "2025-12-29", "parties": ["ukraine"]}],
        "questions": [{"id": "q", "text": "Q"}],
        "actors": [{"id": "lavrov", "name": "L", "party": "russia"}],
        "sources": [{"id": "src", "title": "S"}],
        "parties": [{"id": "russia", "name": "R"}, {"id": "ukraine", "name": "U"}],
        "version": 1, "format": "claimline"})";
    const LoadResult result = readProject(text);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Project &p = *result.project;
    EXPECT_EQ(p.relations()[0], (Relation{1, 0, RelationKind::Rebuts, NoIndex}));
    EXPECT_EQ(p.claims()[0].claimant, (Speaker{0, false}));
    EXPECT_EQ(p.claims()[0].about, 0u);
    EXPECT_EQ(p.claims()[0].question, 0u);
    EXPECT_EQ(p.claims()[0].quoteSpeaker, 0u);
    EXPECT_EQ(p.citations(p.claims()[0].sources)[0].source, 0u);
    EXPECT_EQ(p.claims()[1].claimant, (Speaker{1, true}));
    EXPECT_EQ(p.claims()[1].via, (Speaker{0, false}));
    EXPECT_EQ(p.indices(p.events()[0].parties)[0], 1u);
    EXPECT_EQ(p.actors()[0].party, 0u);
}

TEST(ProjectReader, KeysInAnyOrder)
{
    // The same project with the keys of every object in reverse order (the top level, items,
    // locations, quotes, citations) reads as the same project.
    std::function<std::string(const json &)> write = [&](const json &value) -> std::string {
        if (value.is_object()) {
            std::vector<std::string> parts;
            for (const auto &[k, v] : value.items())
                parts.push_back(json(k).dump() + ": " + write(v));
            std::reverse(parts.begin(), parts.end());
            std::string out = "{";
            for (std::size_t i = 0; i < parts.size(); ++i)
                out += (i ? ", " : "") + parts[i];
            return out + "}";
        }
        if (value.is_array()) {
            std::string out = "[";
            for (std::size_t i = 0; i < value.size(); ++i)
                out += (i ? ", " : "") + write(value[i]);
            return out + "]";
        }
        return value.dump();
    };
    const std::string text = write(base());
    ASSERT_LT(text.find("\"version\""), text.find("\"format\"")); // really reordered
    const LoadResult inOrder = readProject(BaseText);
    const LoadResult outOfOrder = readProject(text);
    ASSERT_TRUE(inOrder.ok()) << describe(inOrder.problems);
    ASSERT_TRUE(outOfOrder.ok()) << describe(outOfOrder.problems);
    EXPECT_EQ(projectToString(*outOfOrder.project), projectToString(*inOrder.project));
}

TEST(ProjectReader, SampleLoads)
{
    const LoadResult result = loadProject(test::samplePath());
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_EQ(result.fileVersion, 1);
    EXPECT_FALSE(result.migrated);
    EXPECT_GT(result.project->claims().size(), 10u);
    EXPECT_GT(result.project->relations().size(), 10u);
    // The same bytes from memory give the same project.
    const LoadResult fromMemory = readProject(test::readString(test::samplePath()));
    ASSERT_TRUE(fromMemory.ok());
    EXPECT_EQ(projectToString(*fromMemory.project), projectToString(*result.project));
}

// --- every problem, with its pointer ------------------------------------------------------

TEST(ProjectReader, ReportsEveryProblemNotJustTheFirst)
{
    json doc = base();
    doc["/claims/0/claimant"_json_pointer] = "lavorv";
    doc["/events/0/when"_json_pointer] = "2025-13-01";
    doc["/parties/1/color"_json_pointer] = "blue";
    const LoadResult result = read(doc);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(exactlyProblems(
        result, {{"/claims/0/claimant", "unknown actor or party \"lavorv\""},
                 {"/events/0/when", "month 13 in \"2025-13-01\" is out of range (01-12)"},
                 {"/parties/1/color", "colour \"blue\" is not of the form \"#RRGGBB\""}}));
    ASSERT_EQ(result.problems.size(), 3u);
    const auto claimant = std::find_if(
        result.problems.begin(), result.problems.end(),
        [](const Problem &p) { return p.pointer == "/claims/0/claimant"; });
    ASSERT_NE(claimant, result.problems.end());
    EXPECT_EQ(claimant->toStdString(), "/claims/0/claimant: unknown actor or party \"lavorv\"");
}

TEST(ProjectReader, UnknownReferenceOfEachKind)
{
    struct Case
    {
        std::string pointer;
        std::string message;
    };
    const std::vector<Case> cases{
        {"/actors/0/party", "unknown party \"nope\""},
        {"/events/0/parties/1", "unknown party \"nope\""},
        {"/events/0/sources/0/source", "unknown source \"nope\""},
        {"/claims/0/claimant", "unknown actor or party \"nope\""},
        {"/claims/1/via", "unknown actor or party \"nope\""},
        {"/claims/0/about", "unknown event \"nope\""},
        {"/claims/0/question", "unknown question \"nope\""},
        {"/claims/0/quote/speaker", "unknown actor \"nope\""},
        {"/relations/0/from", "unknown claim \"nope\""},
        {"/relations/0/to", "unknown claim \"nope\""},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.pointer);
        EXPECT_TRUE(exactlyProblems(read(with(c.pointer, "nope")), {{c.pointer, c.message}}));
    }
}

TEST(ProjectReader, ReferenceToTheWrongKind)
{
    struct Case
    {
        std::string pointer;
        std::string id;
        std::string message;
    };
    const std::vector<Case> cases{
        {"/actors/0/party", "lavrov", "\"lavrov\" is an actor, not a party"},
        {"/events/0/parties/0", "src-1", "\"src-1\" is a source, not a party"},
        {"/events/0/sources/0/source", "zelenskyy", "\"zelenskyy\" is an actor, not a source"},
        {"/claims/0/claimant", "ev-drones", "\"ev-drones\" is an event, not an actor or party"},
        {"/claims/1/via", "claim-91", "\"claim-91\" is a claim, not an actor or party"},
        {"/claims/0/about", "q-targeted", "\"q-targeted\" is a question, not an event"},
        {"/claims/0/question", "ev-drones", "\"ev-drones\" is an event, not a question"},
        {"/claims/0/quote/speaker", "russia", "\"russia\" is a party, not an actor"},
        {"/relations/0/from", "ev-drones", "\"ev-drones\" is an event, not a claim"},
        {"/relations/0/to", "lavrov", "\"lavrov\" is an actor, not a claim"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.pointer);
        EXPECT_TRUE(exactlyProblems(read(with(c.pointer, c.id)), {{c.pointer, c.message}}));
    }
}

TEST(ProjectReader, DuplicateIdAcrossKindsPointsAtTheSecond)
{
    // All kinds share one namespace: an actor may not reuse a party's id.
    EXPECT_TRUE(exactlyProblems(read(with("/actors/1/id", "russia")),
                                {{"/actors/1/id", "duplicate id \"russia\" (already used at "
                                                  "/parties/0)"},
                                 // The actor's id is gone, so the claim relaying through it
                                 // now names a party, which is allowed; nothing else breaks.
                                 {"/claims/1/via", "unknown actor or party \"zelenskyy\""}}));
    json doc = base();
    doc["questions"].push_back({{"id", "ev-drones"}, {"text", "Same id as the event"}});
    EXPECT_TRUE(exactlyProblems(read(doc), {{"/questions/1/id", "duplicate id \"ev-drones\" "
                                                                "(already used at /events/0)"}}));
    doc = base();
    doc["parties"].push_back({{"id", "russia"}, {"name", "Russia again"}});
    EXPECT_TRUE(exactlyProblems(read(doc), {{"/parties/2/id", "duplicate id \"russia\" "
                                                              "(already used at /parties/0)"}}));
    doc = base();
    doc["claims"].push_back({{"id", "claim-91"}, {"claimant", "russia"},
                             {"made_at", "2025-12-30"}, {"statement", "Again"}});
    EXPECT_TRUE(exactlyProblems(read(doc), {{"/claims/2/id", "duplicate id \"claim-91\" "
                                                             "(already used at /claims/0)"}}));
}

TEST(ProjectReader, EmptyIdIsRefused)
{
    json doc = base();
    doc["questions"].push_back({{"id", ""}, {"text", "No id"}});
    EXPECT_TRUE(exactlyProblems(read(doc), {{"/questions/1/id", "an id cannot be empty"}}));
}

TEST(ProjectReader, MissingRequiredFieldsPointAtTheObject)
{
    EXPECT_TRUE(exactlyProblems(read(without("/parties/0/name")),
                                {{"/parties/0", "missing required field \"name\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/actors/1/name")),
                                {{"/actors/1", "missing required field \"name\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/sources/0/title")),
                                {{"/sources/0", "missing required field \"title\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/events/0/when")),
                                {{"/events/0", "missing required field \"when\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/questions/0/text")),
                                {{"/questions/0", "missing required field \"text\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/claims/1/statement")),
                                {{"/claims/1", "missing required field \"statement\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/claims/0/made_at")),
                                {{"/claims/0", "missing required field \"made_at\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/relations/0/kind")),
                                {{"/relations/0", "missing required field \"kind\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/events/0/sources/0/source")),
                                {{"/events/0/sources/0", "missing required field \"source\""}}));
    EXPECT_TRUE(
        exactlyProblems(read(without("/events/0/status_history/0/status")),
                        {{"/events/0/status_history/0", "missing required field \"status\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/claims/0/quote/text")),
                                {{"/claims/0/quote", "missing required field \"text\""}}));
    EXPECT_TRUE(exactlyProblems(read(without("/version")),
                                {{"", "missing required field \"version\""}}));

    // Several missing fields of one object are each named.
    json doc = base();
    doc["events"][0] = json::object();
    EXPECT_TRUE(exactlyProblems(read(doc), {{"/events/0", "missing required field \"id\""},
                                            {"/events/0", "missing required field \"title\""},
                                            {"/events/0", "missing required field \"when\""},
                                            // the claim about the event cannot find it
                                            {"/claims/0/about", "unknown event \"ev-drones\""}}));
}

TEST(ProjectReader, WrongTypes)
{
    struct Case
    {
        std::string pointer;
        json value;
        std::string message;
    };
    const std::vector<Case> cases{
        // string where a number is expected
        {"/events/0/location/lat", "58.5", "must be a number, not a string"},
        {"/claims/0/credibility", "4", "must be a number from 1 to 6 (Admiralty information "
                                       "credibility)"},
        {"/version", "1", "must be a whole number (the format version)"},
        // object where a string is expected
        {"/parties/0/name", {{"en", "Russia"}}, "must be a string, not an object"},
        {"/events/0/when", {{"start", "2025"}}, "must be a string, not an object"},
        {"/claims/0/claimant", {{"id", "lavrov"}}, "must be a string, not an object"},
        // array where an object is expected
        {"/meta", json::array(), "must be an object, not an array"},
        {"/events/0/location", json::array({58.5, 33.27}), "must be an object, not an array"},
        {"/claims/0/quote", json::array({"91 drones"}), "must be an object, not an array"},
        {"/events/0/sources/0", json::array({"src-1"}), "must be an object, not an array"},
        // object where an array is expected, and scalars where containers are expected
        {"/events/0/status_history", json::object(), "must be an array, not an object"},
        {"/events/0/tags", "background", "must be an array, not a string"},
        {"/meta", "title", "must be an object, not a string"},
        // wrong scalars
        {"/actors/0/anonymous", "yes", "must be true or false, not a string"},
        {"/events/0/parties/0", 7, "must be a party id (a string), not a number"},
        {"/meta/authors/0", nullptr, "must be a string, not null"},
        {"/claims/0/statement", true, "must be a string, not a boolean"},
        {"/views", "all", "must be an array of saved views"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.pointer + " = " + c.value.dump());
        EXPECT_TRUE(exactlyProblems(read(with(c.pointer, c.value)), {{c.pointer, c.message}}));
    }
}

TEST(ProjectReader, WrongTypeKeysDoNotLeakIntoTheEnclosingObject)
{
    // The keys inside a value of the wrong type belong to that value, not to the item: they
    // must neither count as the item's fields nor be reported as duplicates of them.
    EXPECT_TRUE(exactlyProblems(read(with("/events/0/title", {{"when", "2025"}, {"id", "x"}})),
                                {{"/events/0/title", "must be a string, not an object"}}));
    json doc = without("/events/0/when");
    doc["/events/0/title"_json_pointer] = {{"when", "2025"}};
    EXPECT_TRUE(exactlyProblems(read(doc),
                                {{"/events/0/title", "must be a string, not an object"},
                                 {"/events/0", "missing required field \"when\""}}));
}

TEST(ProjectReader, ItemOfTheWrongTypeKeepsTheIndexesOfTheItemsAfterIt)
{
    json doc = base();
    doc["questions"] = json::array({"not a question", json::array({"nor this"}),
                                    {{"id", "q-targeted"}, {"text", "Q"}},
                                    {{"id", "q-targeted"}, {"text", "Q again"}}});
    doc["relations"] = json::array({7, {{"from", "claim-lies"}, {"to", "claim-lies"},
                                        {"kind", "denies"}}});
    EXPECT_TRUE(exactlyProblems(
        read(doc), {{"/questions/0", "must be an object, not a string"},
                    {"/questions/1", "must be an object, not an array"},
                    {"/questions/3/id", "duplicate id \"q-targeted\" (already used at "
                                        "/questions/2)"},
                    {"/relations/0", "must be an object, not a number"},
                    {"/relations/1", "a claim cannot answer itself"}}));
}

TEST(ProjectReader, FieldGivenTwice)
{
    const std::string text = R"({"format": "claimline", "version": 1, "parties": [
        {"id": "a", "name": "A", "name": "B"}]})";
    EXPECT_TRUE(onlyProblem(readProject(text), "/parties/0/name", {"appears twice"}));
}

TEST(ProjectReader, BadEdtfDateQuotesTheText)
{
    const auto expectedMessage = [](std::string_view text) {
        std::string error;
        EXPECT_FALSE(FuzzyTime::parse(text, &error));
        return error;
    };
    for (const std::string bad : {"2025-13-01", "29 Dec 2025", "2025-02-29", "2025-12-28T25:00Z",
                                  "201x", ""}) {
        SCOPED_TRACE(bad);
        const std::string message = expectedMessage(bad);
        ASSERT_FALSE(message.empty());
        if (!bad.empty()) {
            EXPECT_TRUE(contains(message, "\"" + bad + "\"")) << message;
        }
        EXPECT_TRUE(exactlyProblems(read(with("/events/0/when", bad)),
                                    {{"/events/0/when", message}}));
    }
    EXPECT_TRUE(onlyProblem(read(with("/claims/1/made_at", "yesterday")), "/claims/1/made_at",
                            {"\"yesterday\""}));
    EXPECT_TRUE(onlyProblem(read(with("/sources/0/published", "2025-12-32")),
                            "/sources/0/published", {"day 32", "\"2025-12-32\""}));
    EXPECT_TRUE(onlyProblem(read(with("/events/0/status_history/0/at", "2025-00")),
                            "/events/0/status_history/0/at", {"month 00", "\"2025-00\""}));
}

TEST(ProjectReader, IntervalEndingBeforeItStarts)
{
    EXPECT_TRUE(exactlyProblems(
        read(with("/events/0/when", "2025-12-29/2025-12-28")),
        {{"/events/0/when", "interval \"2025-12-29/2025-12-28\" ends before it starts"}}));
}

TEST(ProjectReader, UnknownEnumValuesListTheAllowedOnes)
{
    EXPECT_TRUE(exactlyProblems(
        read(with("/claims/0/status", "confirmed")),
        {{"/claims/0/status", "unknown status \"confirmed\" (expected one of: unverified, "
                              "disputed, corroborated, refuted, retracted)"}}));
    EXPECT_TRUE(exactlyProblems(
        read(with("/events/0/status_history/0/status", "fake")),
        {{"/events/0/status_history/0/status", "unknown status \"fake\" (expected one of: "
                                               "unverified, disputed, corroborated, refuted, "
                                               "retracted)"}}));
    EXPECT_TRUE(exactlyProblems(
        read(with("/claims/0/stance", "supports")),
        {{"/claims/0/stance", "unknown stance \"supports\" (expected one of: affirms, denies, "
                              "disputes, qualifies)"}}));
    // The empty stance is "no stance" internally, never a valid spelling in the file.
    EXPECT_TRUE(onlyProblem(read(with("/claims/0/stance", "")), "/claims/0/stance",
                            {"unknown stance \"\""}));
    EXPECT_TRUE(exactlyProblems(
        read(with("/relations/0/kind", "refutes")),
        {{"/relations/0/kind", "unknown relation kind \"refutes\" (expected one of: denies, "
                               "disputes, rebuts, qualifies, corroborates)"}}));
    EXPECT_TRUE(exactlyProblems(
        read(with("/parties/0/kind", "country")),
        {{"/parties/0/kind", "unknown party kind \"country\" (expected one of: other, state, "
                             "bloc, organisation, outlet, armed-group, person)"}}));
    // Enum spellings are exact.
    EXPECT_TRUE(onlyProblem(read(with("/parties/0/kind", "State")), "/parties/0/kind",
                            {"\"State\""}));
}

TEST(ProjectReader, BadColour)
{
    for (const std::string bad : {"red", "#D55E0", "#D55E000", "D55E00", "#GGGGGG", "#-12345",
                                  "#0x1234", "# D55E0"}) {
        SCOPED_TRACE(bad);
        EXPECT_TRUE(exactlyProblems(
            read(with("/parties/0/color", bad)),
            {{"/parties/0/color", "colour \"" + bad + "\" is not of the form \"#RRGGBB\""}}));
    }
    const LoadResult lower = read(with("/parties/0/color", "#d55e0f"));
    ASSERT_TRUE(lower.ok()) << describe(lower.problems);
    EXPECT_EQ(lower.project->parties()[0].color, 0xD55E0Fu);
}

TEST(ProjectReader, ReliabilityMustBeAdmiraltyGrade)
{
    for (const json &bad : {json("G"), json("a"), json("AB"), json(""), json(1)}) {
        SCOPED_TRACE(bad.dump());
        const LoadResult result = read(with("/sources/0/reliability", bad));
        if (bad.is_string()) {
            EXPECT_TRUE(exactlyProblems(
                result, {{"/sources/0/reliability", "reliability " + bad.dump()
                                                        + " is not an Admiralty grade (\"A\" "
                                                          "to \"F\")"}}));
        } else {
            EXPECT_TRUE(onlyProblem(result, "/sources/0/reliability",
                                    {"must be a string, not a number"}));
        }
    }
    for (const char *good : {"A", "F"})
        EXPECT_TRUE(read(with("/sources/0/reliability", good)).ok()) << good;
}

TEST(ProjectReader, CredibilityMustBeOneToSix)
{
    for (const json &bad : {json(0), json(7), json(-1), json(3.5), json(1e10)}) {
        SCOPED_TRACE(bad.dump());
        EXPECT_TRUE(exactlyProblems(read(with("/claims/0/credibility", bad)),
                                    {{"/claims/0/credibility",
                                      "must be a number from 1 to 6 (Admiralty information "
                                      "credibility)"}}));
    }
    for (const int good : {1, 6}) {
        const LoadResult result = read(with("/claims/0/credibility", good));
        ASSERT_TRUE(result.ok()) << good;
        EXPECT_EQ(result.project->claims()[0].credibility, good);
    }
}

TEST(ProjectReader, Coordinates)
{
    EXPECT_TRUE(exactlyProblems(read(with("/events/0/location/lat", 90.5)),
                                {{"/events/0/location/lat", "must be between -90 and 90"}}));
    EXPECT_TRUE(exactlyProblems(read(with("/events/0/location/lon", -180.01)),
                                {{"/events/0/location/lon", "must be between -180 and 180"}}));
    EXPECT_TRUE(exactlyProblems(read(with("/events/0/location/lat", nullptr)),
                                {{"/events/0/location/lat", "must be a number, not null"}}));
    EXPECT_TRUE(
        exactlyProblems(read(without("/events/0/location/lon")),
                        {{"/events/0/location", "a location needs both \"lat\" and \"lon\", or "
                                                "neither"}}));
    EXPECT_TRUE(
        exactlyProblems(read(without("/events/0/location/lat")),
                        {{"/events/0/location", "a location needs both \"lat\" and \"lon\", or "
                                                "neither"}}));
    // The extremes are valid, and a location may be a name alone.
    json edges = base();
    edges["/events/0/location"_json_pointer] = {{"lat", -90}, {"lon", 180}};
    EXPECT_TRUE(read(edges).ok());
    EXPECT_TRUE(read(with("/events/0/location", {{"name", "Valdai"}})).ok());
}

TEST(ProjectReader, RelationToItselfAndDuplicateRelation)
{
    EXPECT_TRUE(exactlyProblems(read(with("/relations/0/to", "claim-lies")),
                                {{"/relations/0", "a claim cannot answer itself"}}));
    json doc = base();
    doc["relations"].push_back({{"from", "claim-91"}, {"to", "claim-lies"}, {"kind", "denies"}});
    doc["relations"].push_back({{"from", "claim-lies"}, {"to", "claim-91"}, {"kind", "rebuts"}});
    EXPECT_TRUE(read(doc).ok()); // other direction and other kinds are other relations
    doc["relations"].push_back({{"from", "claim-lies"}, {"to", "claim-91"}, {"kind", "denies"}});
    EXPECT_TRUE(exactlyProblems(read(doc),
                                {{"/relations/3", "the same relation is listed twice"}}));
}

TEST(ProjectReader, UnknownTimeZone)
{
    EXPECT_TRUE(onlyProblem(read(with("/meta/display_time_zone", "Europe/Atlantis")),
                            "/meta/display_time_zone", {"unknown time zone \"Europe/Atlantis\""}));
    EXPECT_TRUE(read(with("/meta/display_time_zone", "Europe/Kyiv")).ok());
}

// --- files that are not projects, or not JSON ---------------------------------------------

TEST(ProjectReader, EmptyFile)
{
    EXPECT_TRUE(exactlyProblems(readProject(""), {{"", "the file is empty"}}));
    EXPECT_TRUE(onlyProblem(readProject("  \n\t "), "",
                            {"not valid JSON at line 2", "end of input"}));
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
    EXPECT_TRUE(exactlyProblems(comma, {{"/version", "not valid JSON at line 2, column 14: "
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
                             "{\"title\": \"Nov\xff" "gorod\"}}";
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
                                {{"", "the file holds a number, not a Claimline project (a "
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
                                {{"/meta/title", "text of 17825792 bytes is longer than the "
                                                 "limit of 16777215 bytes"}}));

    LoadLimits limits;
    limits.maxStringLength = 40; // longer than any string of the base project
    const std::string longest(40, 'z');
    EXPECT_TRUE(read(with("/claims/1/statement", longest), limits).ok());
    EXPECT_TRUE(exactlyProblems(read(with("/claims/1/statement", longest + "z"), limits),
                                {{"/claims/1/statement", "text of 41 bytes is longer than the "
                                                         "limit of 40 bytes"}}));
    // Inside unknown fields as well, with a pointer into them.
    EXPECT_TRUE(exactlyProblems(
        read(with("/events/0/x-extra", {{"deep", {1, longest + "zz"}}}), limits),
        {{"/events/0/x-extra/deep/1", "text of 42 bytes is longer than the limit of 40 bytes"}}));
    EXPECT_TRUE(exactlyProblems(read(with("/views", {{{"name", longest + "zzz"}}}), limits),
                                {{"/views/0/name", "text of 43 bytes is longer than the limit "
                                                   "of 40 bytes"}}));
    // And keys, pointing at the object that has the key.
    EXPECT_TRUE(exactlyProblems(read(with("/events/0/" + longest + "k", 1), limits),
                                {{"/events/0", "a key of 41 bytes is longer than the limit of "
                                               "40 bytes"}}));
    EXPECT_TRUE(exactlyProblems(read(with("/events/0/x/a/" + longest + "k", 1), limits),
                                {{"/events/0/x/a", "a key of 41 bytes is longer than the limit "
                                                   "of 40 bytes"}}));
}

TEST(ProjectReader, TooManyItems)
{
    LoadLimits limits;
    limits.maxItems = 1;
    EXPECT_TRUE(exactlyProblems(read(base(), limits),
                                {{"/parties/1", "more than 1 items; the file is larger than this "
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
                                {{"/format", "this is not a Claimline project (format is "
                                             "\"geojson\", expected \"claimline\")"}}));
}

TEST(ProjectReader, MissingFormat)
{
    // Some other JSON document: one problem that says what it is not, and no list of what it
    // lacks as a project.
    const Problem notAProject{"", "this is not a Claimline project (no \"format\": "
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
    EXPECT_TRUE(exactlyProblems(
        result, {{"/version", "this file was written by a newer version of Claimline (format "
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
    EXPECT_EQ(order, (std::vector<std::string>{"First", "Second", "Third", "Unordered"}));
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
    EXPECT_TRUE(exactlyProblems(result, {{"/questions/0/order", "must be a number (format "
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
    doc["questions"] = json::array({{{"id", "q-targeted"}, {"text", "B"}, {"order", 2}},
                                    {{"id", "q-a"}, {"order", 1}}});
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
    EXPECT_EQ(unordered["questions"],
              nlohmann::json::parse(R"([{"id": "a"}, {"id": "b"}, 7])"));
    nlohmann::json textOrder = nlohmann::json::parse(R"({"version": 0, "questions": [{"order": "1"}]})");
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
    EXPECT_TRUE(exactlyProblems(tooBig, {{"", "the file is " + std::to_string(sampleText.size())
                                                  + " bytes, larger than the limit of 1000 "
                                                    "bytes"}}));
    limits.maxFileSize = sampleText.size();
    EXPECT_TRUE(loadProject(sample, limits).ok());
    limits.maxFileSize = 3u << 20;
    const QString large = dir.filePath(QStringLiteral("large.claimline"));
    ASSERT_TRUE(test::writeFile(large, R"({"format": "claimline", "version": 1, "x": ")"
                                     + std::string(5u << 20, ' ') + "\"}"));
    const LoadResult tooLarge = loadProject(large, limits);
    ASSERT_EQ(tooLarge.problems.size(), 1u);
    EXPECT_EQ(tooLarge.problems[0].message,
              "the file is 5 MiB, larger than the limit of 3 MiB");

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

// --- what is kept -------------------------------------------------------------------------

TEST(ProjectReader, UnknownFieldsSurviveLoadAndSaveInPlace)
{
    json doc = base();
    doc["x-top"] = {{"nested", {1, 2.5, "three"}}};
    doc["/meta/x-meta"_json_pointer] = "m";
    doc["/parties/1/x-party"_json_pointer] = 7;
    doc["/actors/0/x-actor"_json_pointer] = true;
    doc["/sources/0/x-source"_json_pointer] = nullptr;
    doc["/events/0/x-event"_json_pointer] = json::array({"e", {{"k", "v"}}});
    doc["/events/0/location/x-location"_json_pointer] = "loc";
    doc["/events/0/sources"_json_pointer].push_back({{"source", "src-1"}, {"x-citation", 2}});
    doc["/events/0/status_history/0/x-history"_json_pointer] = "h";
    doc["/questions/0/x-question"_json_pointer] = -3;
    doc["/claims/0/x-claim"_json_pointer] = {{"a", 1}};
    doc["/claims/0/quote/x-quote"_json_pointer] = "q";
    doc["/relations/0/x-relation"_json_pointer] = "r";
    const LoadResult result = read(doc);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const std::string saved = projectToString(*result.project);

    EXPECT_TRUE(contains(saved, "\n  \"x-top\": {\"nested\": [1, 2.5, \"three\"]}\n}")) << saved;
    EXPECT_TRUE(contains(lineWith(saved, "\"meta\""), ", \"x-meta\": \"m\"}"));
    EXPECT_EQ(lineWith(saved, "\"id\": \"ukraine\""),
              R"(    {"id": "ukraine", "name": "Ukraine", "short": "UA", "color": "#0072B2", )"
              R"("kind": "state", "x-party": 7})");
    EXPECT_EQ(lineWith(saved, "\"id\": \"lavrov\""),
              R"(    {"id": "lavrov", "name": "Sergei Lavrov", "party": "russia", )"
              R"("x-actor": true},)");
    EXPECT_EQ(lineWith(saved, "\"id\": \"src-1\""),
              R"(    {"id": "src-1", "title": "Moscow claims strike", "reliability": "C", )"
              R"("x-source": null})");
    EXPECT_EQ(lineWith(saved, "\"id\": \"ev-drones\""),
              R"(    {"id": "ev-drones", "title": "Alleged drone attack", )"
              R"("when": "2025-12-28/2025-12-29", "location": {"name": "Valdai", "lat": 58.5, )"
              R"("lon": 33.27, "x-location": "loc"}, "parties": ["russia", "ukraine"], )"
              R"("sources": [{"source": "src-1", "excerpt": "91 drones"}, )"
              R"({"source": "src-1", "x-citation": 2}], "status": "disputed", )"
              R"("status_history": [{"status": "disputed", "at": "2025-12-30", )"
              R"("x-history": "h"}], "x-event": ["e", {"k": "v"}]})");
    EXPECT_EQ(lineWith(saved, "\"id\": \"q-targeted\""),
              R"(    {"id": "q-targeted", "text": "Did Ukraine target the residence?", )"
              R"("x-question": -3})");
    EXPECT_TRUE(contains(lineWith(saved, "\"id\": \"claim-91\""),
                         R"("quote": {"text": "91 drones", "speaker": "lavrov", "x-quote": "q"}, )"
                         R"("credibility": 4, "x-claim": {"a": 1}})"));
    EXPECT_EQ(lineWith(saved, "\"from\": \"claim-lies\""),
              R"(    {"from": "claim-lies", "to": "claim-91", "kind": "denies", )"
              R"("x-relation": "r"})");

    // And again: the saved text is stable.
    const LoadResult again = readProject(saved);
    ASSERT_TRUE(again.ok()) << describe(again.problems);
    EXPECT_EQ(projectToString(*again.project), saved);
    doc["views"] = json::array();
    EXPECT_TRUE(sameJson(json::parse(saved), doc)) << saved;
}

TEST(ProjectReader, UnknownFieldsOfEveryCitationAndHistoryEntryStayWithTheirEntry)
{
    json doc = base();
    json &claim = doc["claims"][0];
    claim["sources"] = json::array({{{"source", "src-1"}},
                                    {{"source", "src-1"}, {"excerpt", "b"}, {"x", 1}},
                                    {{"source", "src-1"}, {"x", 2}}});
    claim["status_history"] = json::array({{{"status", "unverified"}, {"y", "first"}},
                                           {{"status", "disputed"}}});
    const LoadResult result = read(doc);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    doc["views"] = json::array();
    EXPECT_TRUE(sameJson(json::parse(projectToString(*result.project)), doc));
}

TEST(ProjectReader, SavedViewsSurvive)
{
    json doc = base();
    doc["views"] = json::array(
        {{{"name", "Russia vs Ukraine"}, {"from", "2025-12-28"}, {"to", "2026-01-01"},
          {"a", {"russia"}}, {"b", {"ukraine"}}, {"zoom", 1.5}, {"filters", {{"x", nullptr}}}},
         {{"name", "Empty"}}});
    const LoadResult result = read(doc);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_TRUE(sameJson(json::parse(result.project->views().dump()), doc["views"]));
    const std::string saved = projectToString(*result.project);
    EXPECT_TRUE(sameJson(json::parse(saved)["views"], doc["views"]));
    EXPECT_TRUE(contains(saved, R"({"a": ["russia"], "b": ["ukraine"], "filters": {"x": null}, )"
                                R"("from": "2025-12-28", "name": "Russia vs Ukraine", )"
                                R"("to": "2026-01-01", "zoom": 1.5})"));
    EXPECT_TRUE(onlyProblem(read(with("/views", {{"name", "x"}})), "/views",
                            {"must be an array of saved views, not an object"}));
}
