// ProjectReader: every problem of a file is reported, each with the JSON Pointer of what is
// wrong and a message that names it.

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

// --- every problem, with its pointer ------------------------------------------------------

TEST(ProjectReader, ReportsEveryProblemNotJustTheFirst)
{
    json doc = base();
    doc["/claims/0/claimant"_json_pointer] = "lavorv";
    doc["/events/0/when"_json_pointer] = "2025-13-01";
    doc["/parties/1/color"_json_pointer] = "blue";
    const LoadResult result = read(doc);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(
        exactlyProblems(result,
                        {{"/claims/0/claimant", "unknown actor or party \"lavorv\""},
                         {"/events/0/when", "month 13 in \"2025-13-01\" is out of range (01-12)"},
                         {"/parties/1/color", "colour \"blue\" is not of the form \"#RRGGBB\""}}));
    ASSERT_EQ(result.problems.size(), 3u);
    const auto claimant
        = std::find_if(result.problems.begin(), result.problems.end(),
                       [](const Problem &p) { return p.pointer == "/claims/0/claimant"; });
    ASSERT_NE(claimant, result.problems.end());
    EXPECT_EQ(claimant->toStdString(), "/claims/0/claimant: unknown actor or party \"lavorv\"");
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
    EXPECT_TRUE(
        exactlyProblems(read(without("/version")), {{"", "missing required field \"version\""}}));

    // Several missing fields of one object are each named.
    json doc = base();
    doc["events"][0] = json::object();
    EXPECT_TRUE(exactlyProblems(read(doc),
                                {{"/events/0", "missing required field \"id\""},
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
    const std::vector<Case> cases {
        // string where a number is expected
        {"/events/0/location/lat", "58.5", "must be a number, not a string"},
        {"/claims/0/credibility", "4",
         "must be a number from 1 to 6 (Admiralty information "
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
        {"/meta/description", 7, "must be a string, not a number"},
        {"/meta/public_description", 7, "must be a string, not a number"},
        {"/meta/public_description", {{"en", "x"}}, "must be a string, not an object"},
        {"/meta/public_description", json::array({"x"}), "must be a string, not an array"},
        {"/claims/0/statement", true, "must be a string, not a boolean"},
        {"/views", "all", "must be an array of saved views"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.pointer + " = " + c.value.dump());
        EXPECT_TRUE(exactlyProblems(read(with(c.pointer, c.value)), {{c.pointer, c.message}}));
    }
}

TEST(ProjectReader, PointersNameTheRightFieldAfterDeeperObjectsClosed)
{
    // The reader reuses the frames of closed objects and spells a known field's key from the
    // schema: a problem after deeper objects closed, or after an unknown field, must still
    // name its own item, list index and key.
    json doc = base();
    json first = doc["events"][0];
    first["location"]["zz-unknown"] = {{"deeper", {{"still", json::array({1, {{"x", 2}}})}}}};
    json second = doc["events"][0];
    second["id"] = "ev-second";
    second["zz-other"] = {{"a", 1}};
    second["location"]["lat"] = "58.5";
    second["sources"].push_back({{"source", "src-1"}, {"excerpt", 7}});
    second["status_history"][0]["at"] = "not a date";
    second["attributes"] = {{"fatalities", {{"x", 1}}}};
    // Known fields right after unknown ones in the same object; a location without its name
    // is reported at the location once it closes.
    const json third = json::parse(R"({"id": "ev-third", "zz-x": {"a": [1]}, "title": 7,
        "zz-y": 1, "when": "2025-13", "location": {"zz-z": 1, "lat": "north"}})");
    doc["events"] = json::array({first, second, third});
    const LoadResult result = read(doc);
    ASSERT_FALSE(result.ok());
    std::vector<std::string> pointers;
    for (const Problem &problem : result.problems)
        pointers.push_back(problem.pointer);
    EXPECT_EQ(pointers,
              (std::vector<std::string> {"/events/1/location/lat", "/events/1/sources/1/excerpt",
                                         "/events/1/status_history/0/at",
                                         "/events/1/attributes/fatalities", "/events/2/title",
                                         "/events/2/when", "/events/2/location/lat",
                                         "/events/2/location"}))
        << describe(result.problems);
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
    doc["questions"] = json::array({"not a question",
                                    json::array({"nor this"}),
                                    {{"id", "q-targeted"}, {"text", "Q"}},
                                    {{"id", "q-targeted"}, {"text", "Q again"}}});
    doc["relations"]
        = json::array({7, {{"from", "claim-lies"}, {"to", "claim-lies"}, {"kind", "denies"}}});
    EXPECT_TRUE(exactlyProblems(read(doc),
                                {{"/questions/0", "must be an object, not a string"},
                                 {"/questions/1", "must be an object, not an array"},
                                 {"/questions/3/id",
                                  "duplicate id \"q-targeted\" (already used at "
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
    for (const std::string bad :
         {"2025-13-01", "29 Dec 2025", "2025-02-29", "2025-12-28T25:00Z", "201x", ""}) {
        SCOPED_TRACE(bad);
        const std::string message = expectedMessage(bad);
        ASSERT_FALSE(message.empty());
        if (!bad.empty()) {
            EXPECT_TRUE(contains(message, "\"" + bad + "\"")) << message;
        }
        EXPECT_TRUE(
            exactlyProblems(read(with("/events/0/when", bad)), {{"/events/0/when", message}}));
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
    EXPECT_TRUE(exactlyProblems(read(with("/claims/0/status", "confirmed")),
                                {{"/claims/0/status",
                                  "unknown status \"confirmed\" (expected one of: unverified, "
                                  "disputed, corroborated, refuted, retracted)"}}));
    EXPECT_TRUE(exactlyProblems(read(with("/events/0/status_history/0/status", "fake")),
                                {{"/events/0/status_history/0/status",
                                  "unknown status \"fake\" (expected one of: "
                                  "unverified, disputed, corroborated, refuted, "
                                  "retracted)"}}));
    EXPECT_TRUE(exactlyProblems(read(with("/claims/0/stance", "supports")),
                                {{"/claims/0/stance",
                                  "unknown stance \"supports\" (expected one of: affirms, denies, "
                                  "disputes, qualifies)"}}));
    // The empty stance is "no stance" internally, never a valid spelling in the file.
    EXPECT_TRUE(onlyProblem(read(with("/claims/0/stance", "")), "/claims/0/stance",
                            {"unknown stance \"\""}));
    EXPECT_TRUE(exactlyProblems(read(with("/relations/0/kind", "refutes")),
                                {{"/relations/0/kind",
                                  "unknown relation kind \"refutes\" (expected one of: denies, "
                                  "disputes, rebuts, qualifies, corroborates)"}}));
    EXPECT_TRUE(exactlyProblems(read(with("/parties/0/kind", "country")),
                                {{"/parties/0/kind",
                                  "unknown party kind \"country\" (expected one of: other, state, "
                                  "bloc, organisation, outlet, armed-group, person)"}}));
    // Enum spellings are exact.
    EXPECT_TRUE(
        onlyProblem(read(with("/parties/0/kind", "State")), "/parties/0/kind", {"\"State\""}));
}

TEST(ProjectReader, BadColour)
{
    for (const std::string bad :
         {"red", "#D55E0", "#D55E000", "D55E00", "#GGGGGG", "#-12345", "#0x1234", "# D55E0"}) {
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
            EXPECT_TRUE(exactlyProblems(result,
                                        {{"/sources/0/reliability",
                                          "reliability " + bad.dump()
                                              + " is not an Admiralty grade (\"A\" "
                                                "to \"F\")"}}));
        } else {
            EXPECT_TRUE(
                onlyProblem(result, "/sources/0/reliability", {"must be a string, not a number"}));
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
    EXPECT_TRUE(exactlyProblems(read(without("/events/0/location/lon")),
                                {{"/events/0/location",
                                  "a location needs both \"lat\" and \"lon\", or "
                                  "neither"}}));
    EXPECT_TRUE(exactlyProblems(read(without("/events/0/location/lat")),
                                {{"/events/0/location",
                                  "a location needs both \"lat\" and \"lon\", or "
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
    EXPECT_TRUE(
        exactlyProblems(read(doc), {{"/relations/3", "the same relation is listed twice"}}));
}

TEST(ProjectReader, UnknownTimeZone)
{
    EXPECT_TRUE(onlyProblem(read(with("/meta/display_time_zone", "Europe/Atlantis")),
                            "/meta/display_time_zone", {"unknown time zone \"Europe/Atlantis\""}));
    EXPECT_TRUE(read(with("/meta/display_time_zone", "Europe/Kyiv")).ok());
}

// Issue 15: the public description is checked like the other meta fields, named by its
// pointer; a wrong value is reported, never quietly dropped (nor taken from `description`).
TEST(ProjectReader, PublicDescriptionOfTheWrongTypeIsNamedByItsPointer)
{
    json doc = base();
    doc["/meta/description"_json_pointer] = "Internal";
    doc["/meta/public_description"_json_pointer] = 15;
    const LoadResult result = read(doc);
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_EQ(result.problems.front().toStdString(),
              "/meta/public_description: must be a string, not a number");

    const std::string repeated = R"({"format": "claimline", "version": 1, "meta": )"
                                 R"({"public_description": "a", "public_description": "b"}})";
    EXPECT_TRUE(exactlyProblems(readProject(repeated),
                                {{"/meta/public_description",
                                  "the field appears twice in the same "
                                  "object"}}));

    doc["/meta/public_description"_json_pointer] = "Public";
    const LoadResult fine = read(doc);
    ASSERT_TRUE(fine.ok());
    EXPECT_EQ(fine.project->view(fine.project->meta().publicDescription), "Public");
    EXPECT_EQ(fine.project->view(fine.project->meta().description), "Internal");
}
