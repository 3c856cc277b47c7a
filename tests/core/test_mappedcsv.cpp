// The mapped-CSV row mapper: a spreadsheet of any columns read through the person's mapping.
// What each mapped column becomes (time, title, parties, sources with their addresses, place,
// id), that every other column is kept, and why each messy row is refused, quoting it.

#include "import/mapping/mappedcsv.h"

#include "mappedcsvfixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>

using namespace claimline;
using namespace claimline::test;

namespace {

// A record of kyiv-strikes.csv's columns, with a date and a title.
HandRecord kyivRow(std::string date = "17.10.2022",
                   std::string title = "Атака дронов-камикадзе на Киев")
{
    HandRecord row(kyivColumns());
    row.set("Дата", std::move(date)).set("Событие", std::move(title));
    return row;
}

// The sources of a mapped row with their addresses: "name <url>", or the name alone.
std::vector<std::string> sourcesWithUrls(const ColumnMapping &mapping, const HandRecord &hand)
{
    MappedCsvMapper mapper(mapping);
    const std::vector<std::string_view> header = hand.header();
    EXPECT_TRUE(mapper.setHeader(header).isEmpty());
    ImportRow row;
    const CsvRecord record = hand.record();
    const QString problem = mapper.map(record, row);
    EXPECT_TRUE(problem.isEmpty()) << problem.toStdString();
    EXPECT_TRUE(row.sourceUrls.empty() || row.sourceUrls.size() == row.sources.size());
    std::vector<std::string> sources;
    for (std::size_t i = 0; i < row.sources.size(); ++i) {
        std::string text(row.sources[i]);
        if (i < row.sourceUrls.size() && !row.sourceUrls[i].empty())
            text.append(" <").append(row.sourceUrls[i]).append(">");
        sources.push_back(text);
    }
    return sources;
}

} // namespace

TEST(MappedCsv, FixtureRowsReadAsTheSpreadsheetMeantThem)
{
    const MappedFile file = mapFileWith(csvFixture("kyiv-strikes.csv"), kyivMapping());
    ASSERT_TRUE(file.headerProblem.isEmpty()) << file.headerProblem.toStdString();
    ASSERT_EQ(file.rows.size(), 20u);
    for (const MappedRow &row : file.rows)
        EXPECT_TRUE(row.problem.isEmpty()) << row.line << ": " << row.problem.toStdString();

    const MappedRow &first = file.rows[0];
    EXPECT_EQ(first.line, 2);
    EXPECT_EQ(first.when, "2022-10-10"); // 10.10.2022, day first
    EXPECT_EQ(first.title, "Ракетный удар по центру Киева");
    EXPECT_EQ(first.parties, std::vector<std::string> {"Вооружённые силы России"});
    EXPECT_EQ(first.summary,
              "Утром ракеты попали в перекрёсток у Шевченковского парка и в "
              "стеклянный мост, в час пик.");
    EXPECT_EQ(first.sources, std::vector<std::string> {"pravda.com.ua"});
    EXPECT_DOUBLE_EQ(first.latitude, 50.4417);
    EXPECT_DOUBLE_EQ(first.longitude, 30.5117);
    // The columns the mapping does not name are kept: text as text, numbers as numbers.
    EXPECT_EQ(first.attributes, (std::vector<std::string> {"Район=Шевченковский", "Погибшие#8"}));

    // An ISO date in the same column reads too, and a row naming two parties and two sources.
    const MappedRow &fifth = file.rows[4];
    EXPECT_EQ(fifth.when, "2022-11-23");
    EXPECT_EQ(fifth.parties, (std::vector<std::string> {"Вооружённые силы России", "ПВО Украины"}));
    EXPECT_EQ(fifth.sources, (std::vector<std::string> {"kyivindependent.com", "suspilne.media"}));
    EXPECT_EQ(file.rows[3].when, "2022-11-15");
    EXPECT_EQ(file.rows[19].when, "2024-01-02");
}

TEST(MappedCsv, EachMessyRowIsRefusedWithItsLineAndReason)
{
    const MappedFile file = mapFileWith(csvFixture("kyiv-strikes-messy.csv"), kyivMapping());
    ASSERT_TRUE(file.headerProblem.isEmpty()) << file.headerProblem.toStdString();
    std::vector<std::pair<std::int64_t, std::string>> read;
    for (const MappedRow &row : file.rows)
        read.emplace_back(row.line, row.problem.toStdString());
    const std::vector<std::pair<std::int64_t, std::string>> expected {
        {2, ""},
        {3, "date \"03/13/2023\" is not a day when read day first (DD/MM/YYYY)"},
        {4, "date \"31.02.2023\" is not a day"},
        {5, "date \"03.04.23\" has a two-digit year"},
        {6, "title is empty"},
        {7, "latitude \"95.2\" is out of range (-90 to 90)"},
        {8, "longitude is empty while latitude is given"},
        {9, "source URL \"https://\" is not a web address"},
        {10, "date \"вчера\" is not a date"},
        {11, "3 fields where the header has 9"},
        {12, ""}, // its description runs over two lines
        {14, ""}, // "February 2023": a month
        {15, "date is empty"},
        {16, ""}, // "2023": a year
    };
    EXPECT_EQ(read, expected);
    EXPECT_EQ(file.rows[10].summary, "Первая строка описания;\nвторая строка.");
    // Never more precise than the spreadsheet: a month stays a month, a year a year.
    EXPECT_EQ(file.rows[11].when, "2023-02");
    EXPECT_EQ(file.rows[13].when, "2023");
}

TEST(MappedCsv, DateOrderDecidesNumericDaysOnly)
{
    ColumnMapping mapping = kyivMapping();
    EXPECT_EQ(mapWith(mapping, kyivRow("03/04/2023")).when, "2023-04-03");
    EXPECT_EQ(mapWith(mapping, kyivRow("3.4.2023")).when, "2023-04-03");
    EXPECT_EQ(mapWith(mapping, kyivRow("03-04-2023")).when, "2023-04-03");
    EXPECT_EQ(mapWith(mapping, kyivRow("03.04.2023 14:30")).when, "2023-04-03");
    mapping.dateOrder = DateOrder::MonthFirst;
    EXPECT_EQ(mapWith(mapping, kyivRow("03/04/2023")).when, "2023-03-04");
    EXPECT_EQ(mapWith(mapping, kyivRow("13/03/2023")).problem.toStdString(),
              "date \"13/03/2023\" is not a day when read month first (MM/DD/YYYY)");
    // ISO and written days read whatever the order.
    for (const DateOrder order :
         {DateOrder::Iso, DateOrder::DayFirst, DateOrder::MonthFirst, DateOrder::Written}) {
        mapping.dateOrder = order;
        EXPECT_EQ(mapWith(mapping, kyivRow("2023-02-16")).when, "2023-02-16");
        EXPECT_EQ(mapWith(mapping, kyivRow("2023-02-16T06:10:00")).when, "2023-02-16");
        EXPECT_EQ(mapWith(mapping, kyivRow("16 February 2023")).when, "2023-02-16");
        EXPECT_EQ(mapWith(mapping, kyivRow("16 Feb 2023")).when, "2023-02-16");
        EXPECT_EQ(mapWith(mapping, kyivRow("February 16, 2023")).when, "2023-02-16");
        EXPECT_EQ(mapWith(mapping, kyivRow("2023-02")).when, "2023-02");
        EXPECT_EQ(mapWith(mapping, kyivRow("February 2023")).when, "2023-02");
        EXPECT_EQ(mapWith(mapping, kyivRow("2023")).when, "2023");
        EXPECT_EQ(mapWith(mapping, kyivRow("2023-02-30")).problem.toStdString(),
                  "date \"2023-02-30\" is not a day");
    }
    // Under the ISO order a numeric day cannot be told: the person must choose.
    mapping.dateOrder = DateOrder::Iso;
    EXPECT_EQ(mapWith(mapping, kyivRow("03/04/2023")).problem.toStdString(),
              "date \"03/04/2023\" has day and month in numbers, which the date format ISO "
              "(YYYY-MM-DD) does not read: choose DD/MM/YYYY or MM/DD/YYYY");
}

TEST(MappedCsv, EndDateMakesASpanOfDays)
{
    std::vector<std::string> columns {"Date", "End", "Title"};
    ColumnMapping mapping;
    mapping.date = "Date";
    mapping.endDate = "End";
    mapping.title = "Title";
    mapping.dateOrder = DateOrder::DayFirst;
    HandRecord hand(columns);
    hand.set("Title", "Blackouts in Kyiv").set("Date", "16.02.2023").set("End", "18.02.2023");
    EXPECT_EQ(mapWith(mapping, hand).when, "2023-02-16/2023-02-18");
    hand.set("End", "16.02.2023");
    EXPECT_EQ(mapWith(mapping, hand).when, "2023-02-16");
    hand.set("End", "");
    EXPECT_EQ(mapWith(mapping, hand).when, "2023-02-16");
    hand.set("End", "2023-03");
    EXPECT_EQ(mapWith(mapping, hand).when, "2023-02-16/2023-03");
    hand.set("End", "10.02.2023");
    EXPECT_EQ(mapWith(mapping, hand).problem.toStdString(),
              "end date \"10.02.2023\" is before date \"16.02.2023\"");
    hand.set("End", "soon");
    EXPECT_EQ(mapWith(mapping, hand).problem.toStdString(), "end date \"soon\" is not a date");
}

TEST(MappedCsv, SourceAddressesAreNamedByTheirHostAndKept)
{
    HandRecord hand = kyivRow();
    hand.set("Источник",
             "Reuters; https://www.bbc.com/news/world-europe-1; https://suspilne.media/kyiv/1 ;"
             "https://www.bbc.com/news/world-europe-1");
    EXPECT_EQ(
        sourcesWithUrls(kyivMapping(), hand),
        (std::vector<std::string> {"Reuters", "bbc.com <https://www.bbc.com/news/world-europe-1>",
                                   "suspilne.media <https://suspilne.media/kyiv/1>"}));
    // Names only: no addresses at all.
    hand.set("Источник", "Reuters; Суспільне");
    EXPECT_EQ(sourcesWithUrls(kyivMapping(), hand),
              (std::vector<std::string> {"Reuters", "Суспільне"}));
    hand.set("Источник", "https:// suspilne");
    EXPECT_EQ(mapWith(kyivMapping(), hand).problem.toStdString(),
              "source URL \"https:// suspilne\" is not a web address");
}

TEST(MappedCsv, OneCoordinatesColumnReadsEitherWay)
{
    ColumnMapping mapping;
    mapping.date = "date";
    mapping.title = "title";
    mapping.coordinates = "coordinates";
    mapping.place = "place";
    HandRecord hand({"date", "title", "place", "coordinates"});
    hand.set("date", "2023-02-16").set("title", "Strike").set("place", "Kyiv");
    for (const char *text : {"50.45, 30.52", "50.45 30.52", "50.45;30.52", "50.45,30.52",
                             "50,45 30,52", " 50.45 ,  30.52 "}) {
        hand.set("coordinates", text);
        const MappedRow row = mapWith(mapping, hand);
        EXPECT_TRUE(row.problem.isEmpty()) << text << ": " << row.problem.toStdString();
        EXPECT_DOUBLE_EQ(row.latitude, 50.45) << text;
        EXPECT_DOUBLE_EQ(row.longitude, 30.52) << text;
        EXPECT_EQ(row.locationName, "Kyiv");
    }
    hand.set("coordinates", "");
    EXPECT_TRUE(std::isnan(mapWith(mapping, hand).latitude));
    hand.set("coordinates", "50.45");
    EXPECT_EQ(mapWith(mapping, hand).problem.toStdString(),
              "coordinates \"50.45\" are not a latitude and a longitude (\"50.45, 30.52\")");
    hand.set("coordinates", "30.52, 200");
    EXPECT_EQ(mapWith(mapping, hand).problem.toStdString(),
              "longitude \"200\" is out of range (-180 to 180)");
}

TEST(MappedCsv, AnIdColumnIsTheRowsId)
{
    ColumnMapping mapping = kyivMapping();
    mapping.id = "Район"; // any column the person picks
    HandRecord hand = kyivRow();
    hand.set("Район", "KYIV-17");
    const MappedRow row = mapWith(mapping, hand);
    EXPECT_EQ(row.id, "KYIV-17");
    EXPECT_FALSE(row.attribute("Район")); // mapped, so not kept twice
    hand.set("Район", " ");
    EXPECT_EQ(mapWith(mapping, hand).problem.toStdString(), "id is empty");
}

TEST(MappedCsv, WithoutAnIdColumnTheIdComesFromTheRowsDateAndTitle)
{
    const MappedRow first = mapWith(kyivMapping(), kyivRow());
    ASSERT_TRUE(first.problem.isEmpty());
    EXPECT_EQ(first.id.size(), 12u);
    // Another mapper (a re-import) makes the same id from the same row; the summary or the
    // parties may change without changing it, a title does.
    HandRecord edited = kyivRow();
    edited.set("Описание", "Новое описание").set("Сторона", "ПВО Украины");
    EXPECT_EQ(mapWith(kyivMapping(), edited).id, first.id);
    EXPECT_NE(mapWith(kyivMapping(), kyivRow("17.10.2022", "Другой заголовок")).id, first.id);
    EXPECT_NE(mapWith(kyivMapping(), kyivRow("18.10.2022")).id, first.id);

    // The same date and title twice in a file are two rows: "-2" for the second.
    MappedCsvMapper mapper(kyivMapping());
    const HandRecord hand = kyivRow();
    const std::vector<std::string_view> header = hand.header();
    ASSERT_TRUE(mapper.setHeader(header).isEmpty());
    ImportRow row;
    ASSERT_TRUE(mapper.map(hand.record(2), row).isEmpty());
    EXPECT_EQ(row.id, first.id);
    ASSERT_TRUE(mapper.map(hand.record(3), row).isEmpty());
    EXPECT_EQ(row.id, first.id + "-2");
    // A refused repeat still counts and still names its event: fixing it later changes no
    // other row's id, and a re-import does not take its event for gone.
    HandRecord broken = kyivRow();
    broken.set("lat", "95");
    broken.set("lon", "30");
    EXPECT_FALSE(mapper.map(broken.record(4), row).isEmpty());
    EXPECT_EQ(row.id, first.id + "-3");
    ASSERT_TRUE(mapper.map(hand.record(5), row).isEmpty());
    EXPECT_EQ(row.id, first.id + "-4");
}

TEST(MappedCsv, PartiesSplitAtTheMappingsSeparator)
{
    ColumnMapping mapping = kyivMapping();
    HandRecord hand = kyivRow();
    hand.set("Сторона", "Вооружённые силы России; ПВО Украины;");
    EXPECT_EQ(mapWith(mapping, hand).parties,
              (std::vector<std::string> {"Вооружённые силы России", "ПВО Украины"}));
    mapping.partySeparator = '|';
    hand.set("Сторона", "Russia | Ukraine; Kyiv city");
    EXPECT_EQ(mapWith(mapping, hand).parties,
              (std::vector<std::string> {"Russia", "Ukraine; Kyiv city"}));
}

TEST(MappedCsv, HeaderWithoutAMappedColumnIsRefusedNamingIt)
{
    MappedCsvMapper mapper(kyivMapping());
    const std::vector<std::string_view> german {"Datum", "Titel", "Partei", "lat", "lon"};
    EXPECT_EQ(mapper.setHeader(german).toStdString(),
              "no columns \"Дата\", \"Событие\", \"Сторона\", \"Описание\" and \"Источник\" in "
              "the file (the mapping was made for \"Дата\", \"Событие\", \"Сторона\", "
              "\"Описание\", \"Источник\", \"Район\", …)");
    ColumnMapping small;
    small.date = "Datum";
    small.title = "Titel";
    MappedCsvMapper smallMapper(small);
    const std::vector<std::string_view> english {"Date", "Titel"};
    EXPECT_EQ(smallMapper.setHeader(english).toStdString(), "no column \"Datum\" in the file");
    // Extra columns and another order are fine.
    const std::vector<std::string_view> reordered {"Notes", "Titel", " Datum "};
    EXPECT_TRUE(smallMapper.setHeader(reordered).isEmpty());
}
