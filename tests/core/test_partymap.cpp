// The party map: which party each dataset name becomes. As JSON (a file given to the command
// line, the project's remembered `party_map`), its errors naming the file and the entry, and
// in an import: two ACLED actors merged into the project's "Russia", remembered for the next.

#include "importerfixture.h"

#include "format/projectwriter.h"
#include "import/importer.h"
#include "import/partymap.h"
#include "model/project.h"
#include "testsupport.h"

#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

QString refusal(const nlohmann::json &value)
{
    QString error;
    EXPECT_EQ(PartyMap::fromJson(value, &error), std::nullopt) << value.dump();
    return error;
}

const char *const WithRussia = R"({"format": "claimline", "version": 1,
    "parties": [{"id": "russia", "name": "Russia", "short": "RU"},
                {"id": "ukraine", "name": "Ukraine"}]})";

} // namespace

TEST(PartyMap, TargetsSetMergeAndJson)
{
    PartyMap map;
    EXPECT_TRUE(map.isEmpty());
    map.set("Military Forces of Russia (2000-)", "Russia");
    map.set("Government of Russia (2000-)", "russia");
    EXPECT_EQ(map.target("Military Forces of Russia (2000-)"), "Russia");
    EXPECT_EQ(map.target("Civilians (Ukraine)"), std::nullopt);

    PartyMap other;
    other.set("Government of Russia (2000-)", "Kremlin");
    other.set("Civilians (Ukraine)", "Civilians");
    map.merge(other);
    EXPECT_EQ(map.target("Government of Russia (2000-)"), "Kremlin");
    EXPECT_EQ(map.target("Civilians (Ukraine)"), "Civilians");
    EXPECT_EQ(map.target("Military Forces of Russia (2000-)"), "Russia");
    map.remove("Civilians (Ukraine)");
    EXPECT_EQ(map.target("Civilians (Ukraine)"), std::nullopt);

    const nlohmann::json json = map.toJson();
    EXPECT_EQ(json, nlohmann::json::parse(R"json({"Government of Russia (2000-)": "Kremlin",
                                              "Military Forces of Russia (2000-)": "Russia"})json"));
    EXPECT_EQ(PartyMap::fromJson(json, nullptr), map);
}

TEST(PartyMap, RefusesWhatIsNotAnObjectOfNames)
{
    EXPECT_EQ(refusal(nlohmann::json::parse(R"(["Russia"])")),
              QStringLiteral("a party map is a JSON object from dataset names to parties, not "
                             "[\"Russia\"]"));
    EXPECT_EQ(refusal(nlohmann::json::parse(R"({"Government of Russia": 5})")),
              QStringLiteral("5 at \"Government of Russia\" is not a string"));
    EXPECT_EQ(refusal(nlohmann::json::parse(R"({"Government of Russia": ""})")),
              QStringLiteral("the party for \"Government of Russia\" is empty"));
    EXPECT_EQ(refusal(nlohmann::json::parse(R"({"Government of Russia": "  "})")),
              QStringLiteral("the party for \"Government of Russia\" is empty"));
    EXPECT_EQ(refusal(nlohmann::json::parse(R"({"": "Russia"})")),
              QStringLiteral("a dataset name is empty"));
}

TEST(PartyMap, LoadsAndSavesFilesAndNamesTheFileInErrors)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.json"));
    PartyMap map;
    map.set("Military Forces of Russia (2000-)", "Russia");
    map.set("Силы Украины", "Ukraine");
    EXPECT_EQ(map.save(path), QString());
    QString error;
    EXPECT_EQ(PartyMap::load(path, &error), map);
    EXPECT_TRUE(error.isEmpty());

    const QString gone = dir.filePath(QStringLiteral("gone.json"));
    EXPECT_EQ(PartyMap::load(gone, &error), std::nullopt);
    EXPECT_TRUE(error.startsWith(gone + QStringLiteral(": cannot be read: ")))
        << error.toStdString();

    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    ASSERT_TRUE(writeFile(broken, R"({"a": "b",)"));
    EXPECT_EQ(PartyMap::load(broken, &error), std::nullopt);
    EXPECT_TRUE(error.startsWith(broken + QStringLiteral(": not JSON (at byte ")))
        << error.toStdString();

    const QString wrong = dir.filePath(QStringLiteral("wrong.json"));
    ASSERT_TRUE(writeFile(wrong, R"({"a": ["b"]})"));
    EXPECT_EQ(PartyMap::load(wrong, &error), std::nullopt);
    EXPECT_EQ(error, wrong + QStringLiteral(": [\"b\"] at \"a\" is not a string"));
}

TEST(PartyMap, IsRememberedInTheProjectFile)
{
    Project p = projectFromJson(WithRussia);
    EXPECT_TRUE(PartyMap::ofProject(p).isEmpty());
    PartyMap map;
    map.set("Government of Russia (2000-)", "russia");
    map.storeIn(p);
    EXPECT_EQ(p.topLevelExtra()["party_map"],
              nlohmann::json::parse(R"json({"Government of Russia (2000-)": "russia"})json"));

    // Saved and read back as the project's own field.
    Project reread = projectFromJson(projectToString(p));
    EXPECT_EQ(PartyMap::ofProject(reread), map);

    // A malformed one is ignored (and not lost), an empty one leaves no field.
    p.topLevelExtra()["party_map"] = 5;
    EXPECT_TRUE(PartyMap::ofProject(p).isEmpty());
    PartyMap().storeIn(p);
    EXPECT_FALSE(p.topLevelExtra().contains("party_map"));
}

TEST(PartyMap, MergesTwoActorsIntoTheProjectsRussia)
{
    Project p = projectFromJson(WithRussia);
    ImportOptions options;
    options.partyMap.set("Military Forces of Russia (2000-)", "Russia");
    options.partyMap.set("Government of Russia (2000-)", "russia");
    const ImportReport report = importFiles({importData("importer-acled.csv")}, p, options);
    EXPECT_EQ(report.added, 3);

    EXPECT_EQ(partyNames(p, eventById(p, "acled-UKR100")),
              strings({"Russia", "Civilians (Ukraine)"}));
    EXPECT_EQ(partyNames(p, eventById(p, "acled-UKR101")),
              strings({"Russia", "Military Forces of Ukraine (2019-)"}));
    EXPECT_EQ(partyNames(p, eventById(p, "acled-UKR102")),
              strings({"Russia", "Government of Ukraine (2019-)"}));
    // Russia and Ukraine, and the three unmapped actors: no party for the Russian names.
    EXPECT_EQ(p.parties().size(), 5u);
    EXPECT_EQ(
        report.newParties,
        (std::vector<std::string> {"Civilians (Ukraine)", "Military Forces of Ukraine (2019-)",
                                   "Government of Ukraine (2019-)"}));
    // Remembered: the next import uses it without being told.
    EXPECT_EQ(PartyMap::ofProject(p), options.partyMap);
    Project clone = p.clone();
    const ImportReport again = importFiles({importData("importer-acled-newer.csv")}, clone, {});
    EXPECT_EQ(again.updated, 1);
    EXPECT_EQ(partyNames(clone, eventById(clone, "acled-UKR100")),
              strings({"Russia", "Civilians (Ukraine)"}));
}

TEST(PartyMap, AProjectsMapIsMergedWithTheImportsAndAnUnknownTargetCreatesAParty)
{
    Project p = projectFromJson(WithRussia);
    PartyMap remembered;
    remembered.set("Military Forces of Russia (2000-)", "Russia");
    remembered.set("Government of Ukraine (2019-)", "ukraine");
    remembered.storeIn(p);
    ImportOptions options;
    options.partyMap.set("Military Forces of Russia (2000-)", "Russian Armed Forces");
    options.partyMap.set("Government of Russia (2000-)", "RU");
    const ImportReport report = importFiles({importData("importer-acled.csv")}, p, options);
    EXPECT_EQ(report.added, 3);
    // The import's entry wins over the remembered one; a target no party answers to is made.
    EXPECT_EQ(partyNames(p, eventById(p, "acled-UKR100")),
              strings({"Russian Armed Forces", "Civilians (Ukraine)"}));
    EXPECT_EQ(indexOf(p, "russian-armed-forces", ItemKind::Party),
              p.indices(eventById(p, "acled-UKR100").parties)[0]);
    // A short name is a target too; the remembered entry still applies.
    EXPECT_EQ(partyNames(p, eventById(p, "acled-UKR102")), strings({"Russia", "Ukraine"}));

    PartyMap stored = remembered;
    stored.merge(options.partyMap);
    EXPECT_EQ(PartyMap::ofProject(p), stored);
}
