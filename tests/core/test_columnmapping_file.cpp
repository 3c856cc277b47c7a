// The mapping file (`claimline import --mapping FILE`, the wizard's Save Mapping…): what is
// written reads back the same, and a file a person edited by hand is refused with the key
// that is wrong.

#include "import/mapping/columnmapping.h"

#include "mappedcsvfixture.h"
#include "testsupport.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace claimline;
using namespace claimline::test;

namespace {

// Every field set, none at its default.
ColumnMapping fullMapping()
{
    ColumnMapping mapping;
    mapping.date = "Дата начала";
    mapping.endDate = "Дата окончания";
    mapping.dateOrder = DateOrder::MonthFirst;
    mapping.title = "Событие";
    mapping.party = "Сторона";
    mapping.partySeparator = '|';
    mapping.summary = "Описание";
    mapping.sourceUrl = "Источник";
    mapping.place = "Место";
    mapping.coordinates = "Координаты";
    mapping.id = "№";
    mapping.header = {"№",        "Дата начала", "Дата окончания", "Событие",    "Сторона",
                      "Описание", "Источник",    "Место",          "Координаты", "Примечание"};
    return mapping;
}

// The problem reading this JSON (empty when it reads).
std::string problemOf(const nlohmann::json &json)
{
    ColumnMapping mapping;
    return mappingFromJson(json.dump(), &mapping).toStdString();
}

nlohmann::json validJson()
{
    return nlohmann::json::parse(mappingToJson(kyivMapping()));
}

} // namespace

TEST(ColumnMappingFile, WrittenMappingReadsBackEqual)
{
    QTemporaryDir dir;
    for (const ColumnMapping &mapping : {fullMapping(), kyivMapping()}) {
        const QString path = dir.filePath(QStringLiteral("mapping.json"));
        ASSERT_TRUE(writeMappingFile(path, mapping).isEmpty());
        ColumnMapping read;
        const QString problem = readMappingFile(path, &read);
        EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
        EXPECT_EQ(read, mapping);
    }
    // Every date order by its name.
    for (const DateOrder order :
         {DateOrder::Iso, DateOrder::DayFirst, DateOrder::MonthFirst, DateOrder::Written}) {
        ColumnMapping mapping = kyivMapping();
        mapping.dateOrder = order;
        ColumnMapping read;
        EXPECT_TRUE(mappingFromJson(mappingToJson(mapping), &read).isEmpty());
        EXPECT_EQ(read.dateOrder, order);
        EXPECT_EQ(dateOrderFromName(nameOf(order)), order);
    }
}

TEST(ColumnMappingFile, AMappingMadeFromASampleReadsBackEqual)
{
    // Found by fuzz_mappedcsv: a form feed before a column name. The sample kept it, the
    // mapping file's reader trimmed it, and the saved mapping no longer equalled the one made.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("feed.csv"));
    ASSERT_TRUE(writeFile(csv, "Datum,Titel,\fL\xC3\xA4nge\v\n16.02.2023,Luftalarm,30.52\n"));
    const CsvSample sample = readCsvSample(csv);
    EXPECT_EQ(sample.header, (std::vector<std::string> {"Datum", "Titel", "L\xC3\xA4nge"}));
    const ColumnMapping guessed = guessMapping(sample);
    ColumnMapping read;
    EXPECT_TRUE(mappingFromJson(mappingToJson(guessed), &read).isEmpty());
    EXPECT_EQ(read, guessed);
}

TEST(ColumnMappingFile, FileIsReadableJsonAPersonCanEdit)
{
    const nlohmann::json json = nlohmann::json::parse(mappingToJson(kyivMapping()));
    EXPECT_EQ(json["format"], "claimline-column-mapping");
    EXPECT_EQ(json["version"], 1);
    EXPECT_EQ(json["columns"]["date"], "Дата");
    EXPECT_EQ(json["columns"]["source_url"], "Источник");
    EXPECT_FALSE(json["columns"].contains("place")); // not chosen: not written
    EXPECT_EQ(json["date_format"], "dd/mm/yyyy");
    EXPECT_EQ(json["party_separator"], ";");
    EXPECT_EQ(json["header"].size(), 9u);
    // Without the optional keys a hand-written file reads, with the defaults.
    ColumnMapping read;
    EXPECT_TRUE(mappingFromJson(R"({"format": "claimline-column-mapping", "version": 1,
                                   "columns": {"date": "Date", "title": "What"}})",
                                &read)
                    .isEmpty());
    EXPECT_EQ(read.date, "Date");
    EXPECT_EQ(read.dateOrder, DateOrder::Iso);
    EXPECT_EQ(read.partySeparator, ';');
    EXPECT_TRUE(read.header.empty());
}

TEST(ColumnMappingFile, EachMistakeIsNamedWithItsKey)
{
    const auto with = [](const char *key, nlohmann::json value) {
        nlohmann::json json = validJson();
        json[key] = std::move(value);
        return json;
    };
    const auto withColumn = [](const char *key, nlohmann::json value) {
        nlohmann::json json = validJson();
        json["columns"][key] = std::move(value);
        return json;
    };
    const auto without = [](const char *key) {
        nlohmann::json json = validJson();
        json.erase(key);
        return json;
    };
    EXPECT_EQ(problemOf(validJson()), "");
    EXPECT_EQ(problemOf(nlohmann::json::array()), "a column mapping is a JSON object");
    EXPECT_EQ(problemOf(with("format", "claimline")),
              "not a column mapping: \"format\" is not \"claimline-column-mapping\"");
    EXPECT_EQ(problemOf(without("version")), "\"version\" is missing");
    EXPECT_EQ(problemOf(with("version", "1")), "\"version\": expected a whole number");
    EXPECT_EQ(problemOf(with("version", 2)),
              "\"version\" 2 is newer than this Claimline reads (version 1): update Claimline");
    EXPECT_EQ(problemOf(with("tags", "x")),
              "\"tags\" is not a key of a version 1 column mapping (keys: format, version, "
              "columns, date_format, header, party_separator)");
    EXPECT_EQ(problemOf(without("columns")), "\"columns\" is missing");
    EXPECT_EQ(problemOf(with("columns", "Дата")),
              "\"columns\": expected an object from roles to column names");
    EXPECT_EQ(problemOf(withColumn("kind", "Тип")),
              "\"columns\".\"kind\" is not a column role of a version 1 mapping (roles: date, "
              "end_date, title, party, summary, source_url, place, latitude, longitude, "
              "coordinates, id)");
    EXPECT_EQ(problemOf(withColumn("title", 3)), "\"columns\".\"title\": expected a string");
    EXPECT_EQ(problemOf(withColumn("date", "")),
              "\"columns\".\"date\" is missing: a mapping needs a date column");
    EXPECT_EQ(problemOf(with("date_format", "yyyy-dd-mm")),
              "\"date_format\" \"yyyy-dd-mm\" is not \"iso\", \"dd/mm/yyyy\", \"mm/dd/yyyy\" or "
              "\"written\"");
    EXPECT_EQ(problemOf(with("party_separator", ";;")),
              "\"party_separator\": expected one character such as \";\"");
    EXPECT_EQ(problemOf(with("header", nlohmann::json::array({"Дата", 5}))),
              "\"header\"[1]: expected a string");
    EXPECT_EQ(problemOf(with("header", nlohmann::json::array({"Дата", "Событие"}))),
              "it does not read its own \"header\": no columns \"Сторона\", \"Описание\", "
              "\"Источник\", \"lat\" and \"lon\" in the file (the mapping was made for \"Дата\", "
              "\"Событие\")");
    EXPECT_EQ(problemOf(withColumn("coordinates", "Район")),
              "both a coordinates column and latitude and longitude columns are chosen: choose "
              "one or the other");
    ColumnMapping untouched = kyivMapping();
    EXPECT_EQ(mappingFromJson("{\"format\": ", &untouched).toStdString(), "not JSON (at byte 12)");
    EXPECT_EQ(untouched, kyivMapping()); // a mapping that does not read changes nothing
}

TEST(ColumnMappingFile, UnreadableFilesSayWhy)
{
    QTemporaryDir dir;
    ColumnMapping mapping;
    EXPECT_EQ(readMappingFile(dir.filePath(QStringLiteral("none.json")), &mapping)
                  .toStdString()
                  .substr(0, 16),
              "cannot be read: ");
    const QString big = dir.filePath(QStringLiteral("big.json"));
    ASSERT_TRUE(writeFile(big, std::string(2 << 20, ' ')));
    EXPECT_EQ(readMappingFile(big, &mapping).toStdString(),
              "is too large to be a column mapping (2097152 bytes)");
    EXPECT_FALSE(
        writeMappingFile(dir.filePath(QStringLiteral("no/such/folder/m.json")), kyivMapping())
            .isEmpty());
}
