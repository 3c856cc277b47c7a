// What an import keeps with an event (issue 17): its location's precision, its `origin` (the
// dataset, the row's id there, when the row changed) and its `attributes` (the columns the
// import did not map). They are read and written back byte for byte (numbers as the file
// spells them, attributes in their order), every bad value is a problem at its pointer, an
// edit that changes them is a change (sameItem), and Details shows them as plain text.

#include "document/sameitem.h"
#include "format/jsonoutput.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "present/detailstext.h"
#include "projectreaderfixture.h"
#include "testsupport.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace claimline;
using namespace claimline::test;

namespace {

// A canonical file (the writer's exact bytes): one imported event with all three, and one
// event of the user's own with a location but no precision.
constexpr const char *Imported = R"({
  "format": "claimline",
  "version": 1,
  "meta": {},
  "parties": [
    {"id": "russia", "name": "Russia"}
  ],
  "actors": [],
  "sources": [],
  "events": [
    {"id": "acled-UKR12345", "title": "Air/drone strike in Novgorod", "when": "2025-12-29", "location": {"name": "Novgorod", "lat": 58.521, "lon": 31.275, "precision": "town"}, "parties": ["russia"], "kind": "Explosions/Remote violence", "origin": {"format": "acled", "id": "UKR12345", "updated": "1718050000", "batch": [1, "b"]}, "attributes": {"iso": 643, "admin1": "Novgorod", "fatalities": 3, "ratio": 3.10, "big": 123456789012345678901234567890, "tiny": -2.5e-7, "zero": 0, "assoc_actor_1": "", "<b>x</b>": "a)"
                                 "\u202E"
                                 R"(b"}},
    {"id": "ev-own", "title": "Our own event", "when": "2025-12-30", "location": {"name": "Valdai", "lat": 58.5, "lon": 33.27}, "parties": ["russia"]}
  ],
  "questions": [],
  "claims": [],
  "relations": [],
  "positions": [],
  "views": []
}
)";

std::string problemsOf(const LoadResult &result)
{
    return describe(result.problems);
}

// The file with `from` replaced by `to` (which must occur once).
std::string edited(std::string_view from, std::string_view to)
{
    std::string text = Imported;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from;
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

Project loaded(std::string_view text = Imported)
{
    LoadResult result = readProject(text);
    EXPECT_TRUE(result.ok()) << problemsOf(result);
    return result.ok() ? std::move(*result.project) : Project();
}

std::string attributeKeys(const Project &p, const Origin &origin)
{
    std::string out;
    for (const Attribute &a : p.attributes(origin.attributes))
        out += std::string(out.empty() ? "" : ",") + std::string(p.word(a.key));
    return out;
}

DetailsLines describeEvent(const Project &project, std::uint32_t event,
                           const QTimeZone &zone = QTimeZone::utc())
{
    DetailsText text(project, zone);
    return text.describe({{ItemKind::Event, event}}, {ItemKind::Event, event});
}

std::optional<QString> field(const DetailsLines &lines, const QString &label)
{
    for (const DetailsLine &line : lines) {
        if (line.role == DetailsLine::Role::Field && line.label == label)
            return line.text;
    }
    return std::nullopt;
}

} // namespace

// --- reading and writing ---------------------------------------------------------------------

TEST(Origin, EventWithAllThreeIsReadIntoTheModel)
{
    const Project p = loaded();
    ASSERT_EQ(p.events().size(), 2u);
    const Event &e = p.events()[0];
    EXPECT_EQ(e.locationPrecision, LocationPrecision::Town);
    const Origin *origin = p.originOf(e);
    ASSERT_NE(origin, nullptr);
    EXPECT_EQ(p.word(origin->format), "acled");
    EXPECT_EQ(p.view(origin->id), "UKR12345");
    EXPECT_EQ(p.view(origin->updated), "1718050000");
    // In the file's order, not sorted; numbers keep the text they were written as.
    EXPECT_EQ(attributeKeys(p, *origin),
              "iso,admin1,fatalities,ratio,big,tiny,zero,assoc_actor_1,<b>x</b>");
    const auto attributes = p.attributes(origin->attributes);
    ASSERT_EQ(attributes.size(), 9u);
    EXPECT_TRUE(attributes[0].isNumber);
    EXPECT_EQ(p.word(attributes[0].value), "643");
    EXPECT_FALSE(attributes[1].isNumber);
    EXPECT_EQ(p.word(attributes[1].value), "Novgorod");
    EXPECT_EQ(p.word(attributes[3].value), "3.10");
    EXPECT_EQ(p.word(attributes[4].value), "123456789012345678901234567890");
    EXPECT_EQ(p.word(attributes[5].value), "-2.5e-7");
    EXPECT_FALSE(attributes[7].isNumber);
    EXPECT_EQ(p.word(attributes[7].value), "");

    // The user's own event has none of it.
    const Event &own = p.events()[1];
    EXPECT_EQ(own.locationPrecision, LocationPrecision::Unknown);
    EXPECT_EQ(p.originOf(own), nullptr);
}

TEST(Origin, CanonicalFileIsWrittenBackByteIdenticalFromMemoryAndFromAFile)
{
    EXPECT_EQ(projectToString(loaded()), Imported);

    // A file is read by the parser thread (SaxPipeline), which must hand over a number's
    // text too ("3.10", not "3.1").
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("imported.claimline"));
    ASSERT_TRUE(writeFile(path, Imported));
    const LoadResult result = loadProject(path);
    ASSERT_TRUE(result.ok()) << problemsOf(result);
    EXPECT_EQ(projectToString(*result.project), Imported);
}

TEST(Origin, AnyOrderReachesTheCanonicalFormInOneSaveAndKeepsTheAttributesOrder)
{
    // Keys of the location and the origin shuffled, attributes before origin, before the
    // location even.
    const std::string text = R"({"version": 1, "format": "claimline",
      "parties": [{"id": "russia", "name": "Russia"}],
      "events": [{"attributes": {"z": 1, "a": "x", "m": 2.50}, "id": "e", "title": "T",
                  "origin": {"updated": "u", "batch": 7, "id": "i", "format": "ucdp"},
                  "location": {"precision": "region", "lon": 30, "name": "N", "lat": 50},
                  "when": "2025-12-29", "parties": ["russia"]}]})";
    const Project p = loaded(text);
    const std::string once = projectToString(p);
    EXPECT_EQ(
        lineWith(once, "\"id\": \"e\""),
        R"(    {"id": "e", "title": "T", "when": "2025-12-29", "location": {"name": "N", "lat": 50.0, "lon": 30.0, "precision": "region"}, "parties": ["russia"], "origin": {"format": "ucdp", "id": "i", "updated": "u", "batch": 7}, "attributes": {"z": 1, "a": "x", "m": 2.50}})");
    EXPECT_EQ(projectToString(loaded(once)), once);
}

TEST(Origin, APrecisionAloneMakesALocation)
{
    const Project p = loaded(edited(R"("location": {"name": "Valdai", "lat": 58.5, "lon": 33.27})",
                                    R"("location": {"precision": "country"})"));
    EXPECT_EQ(p.events()[1].locationPrecision, LocationPrecision::Country);
    const std::string written = projectToString(p);
    EXPECT_TRUE(contains(written, R"("location": {"precision": "country"})")) << written;
    EXPECT_EQ(projectToString(loaded(written)), written);
}

TEST(Origin, EmptyAttributesAreLeftOutAndAnOriginWithoutAttributesHasNone)
{
    const Project p = loaded(edited(
        R"(, "attributes": {"iso": 643, "admin1": "Novgorod", "fatalities": 3, "ratio": 3.10, "big": 123456789012345678901234567890, "tiny": -2.5e-7, "zero": 0, "assoc_actor_1": "", "<b>x</b>": "a)"
        "\u202E"
        R"(b"})",
        R"(, "attributes": {})"));
    const Origin *origin = p.originOf(p.events()[0]);
    ASSERT_NE(origin, nullptr);
    EXPECT_EQ(origin->attributes.count, 0u);
    const std::string written = projectToString(p);
    EXPECT_FALSE(contains(written, "\"attributes\"")) << written;
    EXPECT_TRUE(contains(written, R"("updated": "1718050000", "batch": [1, "b"]}})")) << written;
}

// --- problems, each at its pointer -----------------------------------------------------------

TEST(Origin, UnknownPrecisionNamesTheAllowedValues)
{
    EXPECT_TRUE(onlyProblem(read(with("/events/0/location/precision", "village")),
                            "/events/0/location/precision",
                            {"unknown location precision \"village\"",
                             "(expected one of: point, town, area, region, country)"}));
    // "" is no precision: leave the key out.
    EXPECT_TRUE(onlyProblem(read(with("/events/0/location/precision", "")),
                            "/events/0/location/precision", {"unknown location precision \"\""}));
    EXPECT_TRUE(onlyProblem(read(with("/events/0/location/precision", 2)),
                            "/events/0/location/precision", {"must be a string, not a number"}));
}

TEST(Origin, AttributesHoldStringsAndNumbersOnly)
{
    const json doc = with("/events/0/attributes",
                          json::parse(R"({"ok": "x", "o": {"a": 1}, "arr": [1], "t": true,
                                          "n": null, "a/b~c": false, "fine": 2})"));
    const std::string message = "attributes hold strings and numbers only, not ";
    EXPECT_TRUE(exactlyProblems(read(doc),
                                {{"/events/0/attributes/o", message + "an object"},
                                 {"/events/0/attributes/arr", message + "an array"},
                                 {"/events/0/attributes/t", message + "a boolean"},
                                 {"/events/0/attributes/n", message + "null"},
                                 {"/events/0/attributes/a~1b~0c", message + "a boolean"}}));
    EXPECT_TRUE(onlyProblem(read(with("/events/0/attributes", json::array({1}))),
                            "/events/0/attributes", {"must be an object, not an array"}));
}

TEST(Origin, ARepeatedAttributeIsAProblem)
{
    // A DOM keeps the last of a repeated key: the file is written by hand.
    const LoadResult result = readProject(edited(R"("zero": 0,)", R"("zero": 0, "iso": 1,)"));
    EXPECT_TRUE(onlyProblem(result, "/events/0/attributes/iso",
                            {"the attribute appears twice in the same object"}));
    // The same keys in another event are no repeat.
    EXPECT_TRUE(readProject(edited(R"("parties": ["russia"]}
  ],)",
                                   R"("parties": ["russia"], "attributes": {"iso": 1, "zero": 2}}
  ],)"))
                    .ok());
}

TEST(Origin, OriginNeedsItsFormatAndStrings)
{
    EXPECT_TRUE(onlyProblem(read(with("/events/0/origin", json::parse(R"({"id": "UKR1"})"))),
                            "/events/0/origin", {"missing required field \"format\""}));
    EXPECT_TRUE(onlyProblem(read(with("/events/0/origin", json::parse(R"({"format": ""})"))),
                            "/events/0/origin/format", {"the format cannot be empty"}));
    EXPECT_TRUE(onlyProblem(
        read(with("/events/0/origin", json::parse(R"({"format": "acled", "id": 12345})"))),
        "/events/0/origin/id", {"must be a string, not a number"}));
    EXPECT_TRUE(onlyProblem(read(with("/events/0/origin", "acled")), "/events/0/origin",
                            {"must be an object, not a string"}));
    // A repeated origin key is a repeated field as anywhere else.
    EXPECT_TRUE(onlyProblem(
        readProject(edited(R"("id": "UKR12345",)", R"("id": "UKR12345", "id": "UKR2",)")),
        "/events/0/origin/id", {"the field appears twice"}));
}

// --- what the writer refuses to write --------------------------------------------------------

// An import decides what a number is; a file the reader refuses must never be the result.
TEST(Origin, WriterKeepsTheFileReadableWhateverTheImportGaveIt)
{
    Project p = loaded();
    const std::vector<Attribute> attributes {
        {p.internWord("iso"), p.internWord("007"), true}, // no JSON number: a string
        {p.internWord("depth"), p.internWord("-0.5"), true},
        {p.internWord("iso"), p.internWord("8"), true}, // repeated: the first is kept
        {p.internWord("note"), p.internWord("say \"hi\""), false}};
    Origin origin; // attributes only: no origin object
    origin.attributes = p.addAttributes(attributes);
    p.events()[1].origin = p.addOrigin(origin);
    const std::string written = projectToString(p);
    EXPECT_EQ(
        lineWith(written, "\"id\": \"ev-own\""),
        R"(    {"id": "ev-own", "title": "Our own event", "when": "2025-12-30", "location": {"name": "Valdai", "lat": 58.5, "lon": 33.27}, "parties": ["russia"], "attributes": {"iso": "007", "depth": -0.5, "note": "say \"hi\""}})");
    EXPECT_EQ(projectToString(loaded(written)), written);
}

TEST(Origin, JsonNumberSpellings)
{
    for (const char *yes : {"0", "-0", "7", "-12", "3.10", "1e5", "1E+5", "-2.5e-7", "0.0"})
        EXPECT_TRUE(isJsonNumber(yes)) << yes;
    for (const char *no : {"", "-", "007", "+1", ".5", "1.", "1e", "1e+", "NaN", "inf", "1 ", " 1",
                           "0x1F", "1,5", "--1"})
        EXPECT_FALSE(isJsonNumber(no)) << no;
}

// --- sameItem --------------------------------------------------------------------------------

TEST(Origin, SameItemComparesOriginByContentAndThePrecision)
{
    Project p = loaded();
    const Event a = p.events()[0];
    const Origin copy = *p.originOf(a);

    // An equal origin in another entry (an update that changed nothing) is the same.
    Event b = a;
    Origin same = copy;
    same.id = p.addText(std::string_view("UKR12345"));
    same.attributes = p.addAttributes(std::vector<Attribute>(p.attributes(copy.attributes).begin(),
                                                             p.attributes(copy.attributes).end()));
    b.origin = p.addOrigin(same);
    EXPECT_TRUE(sameItem(p, a, b));

    Origin newer = copy;
    newer.updated = p.addText(std::string_view("1718059999"));
    b.origin = p.addOrigin(newer);
    EXPECT_FALSE(sameItem(p, a, b));

    std::vector<Attribute> changed(p.attributes(copy.attributes).begin(),
                                   p.attributes(copy.attributes).end());
    changed[2].value = p.internWord("4"); // fatalities
    Origin recounted = copy;
    recounted.attributes = p.addAttributes(changed);
    b.origin = p.addOrigin(recounted);
    EXPECT_FALSE(sameItem(p, a, b));

    b.origin = NoIndex;
    EXPECT_FALSE(sameItem(p, a, b));

    b = a;
    b.locationPrecision = LocationPrecision::Point;
    EXPECT_FALSE(sameItem(p, a, b));
}

// --- Details ---------------------------------------------------------------------------------

TEST(Origin, DetailsSayWhereTheEventCameFromAndShowItsPrecisionAndAttributes)
{
    const Project p = loaded();
    const DetailsLines lines = describeEvent(p, 0);
    EXPECT_EQ(field(lines, QStringLiteral("Location")),
              QStringLiteral("Novgorod (town), 58.52100, 31.27500"));
    EXPECT_EQ(field(lines, QStringLiteral("Origin")),
              QStringLiteral("Imported from ACLED, id UKR12345, row updated 10 Jun 2024"));
    // The day the row changed in the display zone: 20:06 UTC is the next morning in Tokyo.
    EXPECT_EQ(field(describeEvent(p, 0, QTimeZone("Asia/Tokyo")), QStringLiteral("Origin")),
              QStringLiteral("Imported from ACLED, id UKR12345, row updated 11 Jun 2024"));

    // The attributes last, in their order, as given: numbers as written, markup as text,
    // hidden characters made visible, empty values left out.
    const QString text = DetailsText::toPlainText(lines);
    const QString expected = QStringLiteral("\n\nImported data (8)\n"
                                            "iso: 643\n"
                                            "admin1: Novgorod\n"
                                            "fatalities: 3\n"
                                            "ratio: 3.10\n"
                                            "big: 123456789012345678901234567890\n"
                                            "tiny: -2.5e-7\n"
                                            "zero: 0\n"
                                            "<b>x</b>: a");
    EXPECT_TRUE(text.contains(expected)) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("assoc_actor_1"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QChar(0x202E))) << "a bidi override is shown, never obeyed";

    // An event of the user's own says none of it.
    const DetailsLines own = describeEvent(p, 1);
    EXPECT_EQ(field(own, QStringLiteral("Location")),
              QStringLiteral("Valdai (58.50000, 33.27000)"));
    EXPECT_FALSE(field(own, QStringLiteral("Origin")).has_value());
    EXPECT_FALSE(DetailsText::toPlainText(own).contains(QStringLiteral("Imported")));
}

TEST(Origin, DetailsOfOtherOriginsAndPartialLocations)
{
    const Project ucdp = loaded(edited(
        R"("origin": {"format": "acled", "id": "UKR12345", "updated": "1718050000", "batch": [1, "b"]})",
        R"("origin": {"format": "ucdp", "id": "412345"})"));
    EXPECT_EQ(field(describeEvent(ucdp, 0), QStringLiteral("Origin")),
              QStringLiteral("Imported from UCDP GED, id 412345"));

    // Any other format as written; an "updated" that is no Unix timestamp as given (eight
    // digits are a date written without dashes, not 1970).
    const Project other
        = loaded(edited(R"("format": "acled", "id": "UKR12345", "updated": "1718050000")",
                        R"("format": "timesketch", "updated": "20240610")"));
    EXPECT_EQ(field(describeEvent(other, 0), QStringLiteral("Origin")),
              QStringLiteral("Imported from timesketch, row updated 20240610"));

    const Project noCoordinates = loaded(edited(R"(, "lat": 58.521, "lon": 31.275)", ""));
    EXPECT_EQ(field(describeEvent(noCoordinates, 0), QStringLiteral("Location")),
              QStringLiteral("Novgorod (town)"));
    const Project noName = loaded(edited(R"("name": "Novgorod", )", ""));
    EXPECT_EQ(field(describeEvent(noName, 0), QStringLiteral("Location")),
              QStringLiteral("58.52100, 31.27500 (town)"));
}

// A dataset names its sources by outlet, and the import makes the name both the title and the
// outlet: Details says "Ukrinform" once, and a source with an outlet of its own keeps it.
TEST(Origin, DetailsNameAnImportedSourceOnce)
{
    std::string text = Imported;
    const auto replace = [&text](std::string_view from, std::string_view to) {
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
    };
    replace(R"("sources": [])",
            R"("sources": [{"id": "src-ukrinform", "title": "Ukrinform", "outlet": "Ukrinform"},)"
            R"( {"id": "src-tass", "title": "Drone attack report", "outlet": "TASS"}])");
    replace(R"("kind": "Explosions/Remote violence")",
            R"("kind": "Explosions/Remote violence", "sources": [{"source": "src-ukrinform"},)"
            R"( {"source": "src-tass"}])");
    const QString details = DetailsText::toPlainText(describeEvent(loaded(text), 0));
    EXPECT_TRUE(details.contains(
        QStringLiteral("Sources (2)\n• Ukrinform\n• Drone attack report\n   TASS\n")))
        << details.toStdString();
}
