// The ACLED row mapper: what each codebook column becomes (time, place, parties, sources, kind,
// attributes), and why a messy row is refused, quoting what is wrong.

#include "import/formats/acled.h"

#include "rowmapperfixture.h"
#include "testsupport.h"

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

// A row as ACLED writes it: the Novgorod residence claim of 29 December 2025.
HandRecord novgorodRow()
{
    HandRecord row(acledColumns());
    row.set("event_id_cnty", "RUS9001")
        .set("event_date", "2025-12-29")
        .set("year", "2025")
        .set("time_precision", "1")
        .set("disorder_type", "Political violence")
        .set("event_type", "Explosions/Remote violence")
        .set("sub_event_type", "Air/drone strike")
        .set("actor1", "Military Forces of Ukraine (2019-)")
        .set("inter1", "1")
        .set("inter2", "0")
        .set("interaction", "10")
        .set("iso", "643")
        .set("region", "Europe")
        .set("country", "Russia")
        .set("admin1", "Novgorod")
        .set("location", "Novgorod")
        .set("latitude", "58.5215")
        .set("longitude", "31.2755")
        .set("geo_precision", "1")
        .set("source", "Ukrainska Pravda; Kyiv Independent")
        .set("source_scale", "National-International")
        .set("notes", "Russian officials said drones targeted a residence.")
        .set("fatalities", "0")
        .set("timestamp", "1767225600");
    return row;
}

MappedRow mapAcled(const HandRecord &row)
{
    return mapOne(ImportFormat::Acled, row);
}

std::string acledRefusal(const HandRecord &row)
{
    return refusal(ImportFormat::Acled, row);
}

} // namespace

TEST(Acled, FixtureFileMapsEveryColumn)
{
    const MappedFile file
        = mapFile(QStringLiteral("acled-ukraine-2025-12.csv"), ImportFormat::Acled);
    ASSERT_TRUE(file.headerProblem.isEmpty()) << file.headerProblem.toStdString();
    ASSERT_EQ(file.rows.size(), 4u);
    for (const MappedRow &row : file.rows)
        EXPECT_TRUE(row.problem.isEmpty()) << row.line << ": " << row.problem.toStdString();

    const MappedRow &novgorod = file.rows[0];
    EXPECT_EQ(novgorod.line, 2);
    EXPECT_EQ(novgorod.id, "RUS9001");
    EXPECT_EQ(novgorod.updated, "1767225600");
    EXPECT_EQ(novgorod.title, "Air/drone strike in Novgorod");
    EXPECT_EQ(novgorod.summary,
              "On 29 December 2025, Russian officials said Ukrainian drones targeted a state "
              "residence in Novgorod region; Ukraine called the claim \"a lie\". No casualties "
              "reported.");
    EXPECT_EQ(novgorod.when, "2025-12-29");
    EXPECT_EQ(novgorod.parties, std::vector<std::string> {"Military Forces of Ukraine (2019-)"});
    EXPECT_EQ(novgorod.sources,
              (std::vector<std::string> {"Ukrainska Pravda", "Kyiv Independent"}));
    EXPECT_EQ(novgorod.locationName, "Novgorod");
    EXPECT_DOUBLE_EQ(novgorod.latitude, 58.5215);
    EXPECT_DOUBLE_EQ(novgorod.longitude, 31.2755);
    EXPECT_EQ(novgorod.locationPrecision, LocationPrecision::Town);
    EXPECT_EQ(novgorod.kind, "Explosions/Remote violence");
    EXPECT_EQ(novgorod.tags, std::vector<std::string> {"Air/drone strike"});
    // Everything else, in the header's order; empty columns are left out; numbers as numbers.
    EXPECT_EQ(novgorod.attributes,
              (std::vector<std::string> {
                  "year#2025", "time_precision#1", "disorder_type=Political violence", "inter1#1",
                  "inter2#0", "interaction#10", "iso#643", "region=Europe", "country=Russia",
                  "admin1=Novgorod", "admin2=Valdayskiy", "geo_precision#1",
                  "source_scale=National-International", "fatalities#0"}));

    // Two actors; a source named twice is one source.
    const MappedRow &kyiv = file.rows[1];
    EXPECT_EQ(kyiv.title, "Shelling/artillery/missile attack in Kyiv");
    EXPECT_EQ(kyiv.when, "2025-12-25/2025-12-31");
    EXPECT_EQ(
        kyiv.parties,
        (std::vector<std::string> {"Military Forces of Russia (2000-)", "Civilians (Ukraine)"}));
    EXPECT_EQ(kyiv.sources, (std::vector<std::string> {"Kyiv Independent", "Ukrainska Pravda"}));
    EXPECT_EQ(kyiv.attribute("civilian_targeting"),
              (std::pair<std::string, bool> {"Civilian targeting", false}));
    EXPECT_EQ(kyiv.attribute("fatalities"), (std::pair<std::string, bool> {"2", true}));

    // A note with a line break: the next row starts two lines further down.
    const MappedRow &kharkiv = file.rows[2];
    EXPECT_EQ(kharkiv.line, 4);
    EXPECT_EQ(kharkiv.when, "2025-12");
    EXPECT_EQ(kharkiv.locationPrecision, LocationPrecision::Region);
    EXPECT_NE(kharkiv.summary.find("strikes.\nThe exact day"), std::string::npos);
    EXPECT_EQ(file.rows[3].line, 6);
    EXPECT_EQ(file.rows[3].title, "Armed clash in Pokrovsk");
    EXPECT_EQ(file.rows[3].locationPrecision, LocationPrecision::Area);
}

TEST(Acled, HeaderInAnotherOrderWithExtraColumns)
{
    // Columns reversed, two columns ACLED does not have, ';' and decimal commas (a spreadsheet
    // saved it), the date written out.
    const MappedFile file
        = mapFile(QStringLiteral("acled-reordered-extra.csv"), ImportFormat::Acled);
    ASSERT_TRUE(file.headerProblem.isEmpty()) << file.headerProblem.toStdString();
    ASSERT_EQ(file.rows.size(), 1u);
    const MappedRow &row = file.rows[0];
    ASSERT_TRUE(row.problem.isEmpty()) << row.problem.toStdString();
    EXPECT_EQ(row.id, "RUS9001");
    EXPECT_EQ(row.when, "2025-12-29");
    EXPECT_EQ(row.title, "Air/drone strike in Novgorod");
    EXPECT_DOUBLE_EQ(row.latitude, 58.5215);
    EXPECT_DOUBLE_EQ(row.longitude, 31.2755);
    EXPECT_EQ(row.sources, (std::vector<std::string> {"Ukrainska Pravda", "Kyiv Independent"}));
    EXPECT_EQ(row.attribute("story_url"),
              (std::pair<std::string, bool> {"https://example.org/novgorod", false}));
    EXPECT_EQ(row.attribute("confidence"), (std::pair<std::string, bool> {"0.7", true}));
    // Attributes follow the file's column order.
    EXPECT_EQ(row.attributes.front(), "fatalities#0");
    EXPECT_EQ(row.attributes.back(), "confidence#0.7");
}

TEST(Acled, EveryTimePrecisionIsExactlyWhatItSays)
{
    struct Case
    {
        const char *date;
        const char *precision;
        const char *edtf;
        std::int64_t start;
        std::int64_t end;
    };
    const Case cases[] = {
        // 1: the day.
        {"2025-12-29", "1", "2025-12-29", utcMidnight(2025, 12, 29), utcMidnight(2025, 12, 30)},
        // 2: the seven days centred on the date, across the year's end.
        {"2025-12-29", "2", "2025-12-26/2026-01-01", utcMidnight(2025, 12, 26),
         utcMidnight(2026, 1, 2)},
        // 3: the month only.
        {"2025-12-29", "3", "2025-12", utcMidnight(2025, 12, 1), utcMidnight(2026, 1, 1)},
        {"2026-01-01", "2", "2025-12-29/2026-01-04", utcMidnight(2025, 12, 29),
         utcMidnight(2026, 1, 5)},
        // ACLED's written-out form.
        {"16 February 2023", "1", "2023-02-16", utcMidnight(2023, 2, 16), utcMidnight(2023, 2, 17)},
        {"16 February 2023", "2", "2023-02-13/2023-02-19", utcMidnight(2023, 2, 13),
         utcMidnight(2023, 2, 20)},
        {"16 February 2023", "3", "2023-02", utcMidnight(2023, 2, 1), utcMidnight(2023, 3, 1)},
        {"16 Feb 2023", "1", "2023-02-16", utcMidnight(2023, 2, 16), utcMidnight(2023, 2, 17)},
        {"29-February-2024", "1", "2024-02-29", utcMidnight(2024, 2, 29), utcMidnight(2024, 3, 1)},
    };
    for (const Case &c : cases) {
        HandRecord record = novgorodRow();
        record.set("event_date", c.date).set("time_precision", c.precision);
        const ImportRow row = [&] {
            const std::unique_ptr<RowMapper> mapper = makeRowMapper(ImportFormat::Acled);
            EXPECT_TRUE(mapper->setHeader(record.header()).isEmpty());
            ImportRow mapped;
            const QString problem = mapper->map(record.record(), mapped);
            EXPECT_TRUE(problem.isEmpty()) << c.date << ": " << problem.toStdString();
            return mapped;
        }();
        SCOPED_TRACE(std::string(c.date) + " precision " + c.precision);
        EXPECT_EQ(row.when.toEdtf(), c.edtf);
        EXPECT_EQ(row.when.start(), c.start);
        EXPECT_EQ(row.when.end(), c.end);
        EXPECT_FALSE(row.when.isApproximate());
        EXPECT_FALSE(row.when.isUncertain());
    }
}

TEST(Acled, EachBadValueIsRefusedWithItsOwnReason)
{
    struct Case
    {
        const char *column;
        const char *value;
        const char *reason;
    };
    const Case cases[] = {
        {"event_date", "not a date", R"(event_date "not a date" is not a date)"},
        {"event_date", "2026-02-30", R"(event_date "2026-02-30" is not a date)"},
        {"event_date", "30 February 2026", R"(event_date "30 February 2026" is not a date)"},
        {"event_date", "2025-13-01", R"(event_date "2025-13-01" is not a date)"},
        {"event_date", "", R"(event_date "" is not a date)"},
        {"event_date", "29\n12\n2025", R"(event_date "29 12 2025" is not a date)"},
        {"event_id_cnty", "  ", "event_id_cnty is empty"},
        {"time_precision", "4", R"(time_precision "4" is not 1, 2 or 3)"},
        {"time_precision", "", R"(time_precision "" is not 1, 2 or 3)"},
        {"time_precision", "day", R"(time_precision "day" is not 1, 2 or 3)"},
        {"latitude", "north", R"(latitude "north" is not a number)"},
        {"latitude", "nan", R"(latitude "nan" is not a number)"},
        {"latitude", "95.2", R"(latitude "95.2" is out of range (-90 to 90))"},
        {"longitude", "190", R"(longitude "190" is out of range (-180 to 180))"},
        {"longitude", "31.2755E", R"(longitude "31.2755E" is not a number)"},
        {"latitude", "", "latitude is empty while longitude is given"},
        {"longitude", "", "longitude is empty while latitude is given"},
        {"geo_precision", "4", R"(geo_precision "4" is not 1, 2 or 3)"},
    };
    for (const Case &c : cases) {
        HandRecord record = novgorodRow();
        record.set(c.column, c.value);
        EXPECT_EQ(acledRefusal(record), c.reason) << c.column << " = " << c.value;
    }
}

TEST(Acled, AVeryLongBadValueIsQuotedShort)
{
    HandRecord record = novgorodRow();
    record.set("event_date", std::string(200, 'x'));
    EXPECT_EQ(acledRefusal(record),
              "event_date \"" + std::string(60, 'x') + "\xE2\x80\xA6\" is not a date");
}

TEST(Acled, WrongFieldCountsAndUnreadableRecordsAreRefused)
{
    const HandRecord hand = novgorodRow();
    const std::unique_ptr<RowMapper> mapper = makeRowMapper(ImportFormat::Acled);
    ASSERT_TRUE(mapper->setHeader(hand.header()).isEmpty());
    ImportRow row;

    CsvRecord record = hand.record(7);
    record.fields.resize(17);
    EXPECT_EQ(mapper->map(record, row).toStdString(), "17 fields where the header has 31");
    record.fields.resize(1);
    EXPECT_EQ(mapper->map(record, row).toStdString(), "1 field where the header has 31");
    record = hand.record(7);
    record.fields.push_back("surplus");
    EXPECT_EQ(mapper->map(record, row).toStdString(), "32 fields where the header has 31");

    record = hand.record(9);
    record.problem = QStringLiteral("a quoted field is not closed before the end of the file");
    EXPECT_EQ(mapper->map(record, row), record.problem);
    EXPECT_EQ(row.line, 9);

    // The mapper goes on with the next good row.
    EXPECT_TRUE(mapper->map(hand.record(10), row).isEmpty());
    EXPECT_EQ(row.line, 10);
    EXPECT_EQ(row.id, "RUS9001");
}

TEST(Acled, NoCoordinatesIsNoPlaceButTheNameStays)
{
    HandRecord record = novgorodRow();
    record.set("latitude", "").set("longitude", " ").set("geo_precision", "");
    const MappedRow row = mapAcled(record);
    ASSERT_TRUE(row.problem.isEmpty()) << row.problem.toStdString();
    EXPECT_TRUE(std::isnan(row.latitude));
    EXPECT_TRUE(std::isnan(row.longitude));
    EXPECT_EQ(row.locationPrecision, LocationPrecision::Unknown);
    EXPECT_EQ(row.locationName, "Novgorod");
    EXPECT_FALSE(row.attribute("geo_precision"));
}

TEST(Acled, EveryGeoPrecision)
{
    const std::pair<const char *, LocationPrecision> cases[] = {
        {"1", LocationPrecision::Town},
        {"2", LocationPrecision::Area},
        {"3", LocationPrecision::Region},
        {"", LocationPrecision::Unknown},
    };
    for (const auto &[code, precision] : cases) {
        HandRecord record = novgorodRow();
        record.set("geo_precision", code);
        const MappedRow row = mapAcled(record);
        EXPECT_TRUE(row.problem.isEmpty()) << row.problem.toStdString();
        EXPECT_EQ(row.locationPrecision, precision) << code;
    }
}

TEST(Acled, EveryRowGetsATitle)
{
    struct Case
    {
        const char *eventType;
        const char *subEventType;
        const char *location;
        const char *title;
    };
    const Case cases[] = {
        {"Battles", "Armed clash", "Pokrovsk", "Armed clash in Pokrovsk"},
        {"Battles", "", "Pokrovsk", "Battles in Pokrovsk"},
        {"Battles", "Armed clash", "", "Armed clash"},
        {"Battles", "", "", "Battles"},
        {"", "", "", "Event"},
    };
    for (const Case &c : cases) {
        HandRecord record = novgorodRow();
        record.set("event_type", c.eventType)
            .set("sub_event_type", c.subEventType)
            .set("location", c.location);
        const MappedRow row = mapAcled(record);
        EXPECT_EQ(row.title, c.title);
        EXPECT_EQ(row.kind, c.eventType);
        EXPECT_EQ(row.tags.size(), std::string_view(c.subEventType).empty() ? 0u : 1u);
    }
}

TEST(Acled, PartiesAndSourcesHaveNoEmptyOrRepeatedNames)
{
    HandRecord record = novgorodRow();
    record.set("actor1", " Military Forces of Russia (2000-) ")
        .set("actor2", "Military Forces of Russia (2000-)")
        .set("source", " ; Kyiv Independent;;Kyiv Independent ;  TASS ; ");
    MappedRow row = mapAcled(record);
    EXPECT_EQ(row.parties, std::vector<std::string> {"Military Forces of Russia (2000-)"});
    EXPECT_EQ(row.sources, (std::vector<std::string> {"Kyiv Independent", "TASS"}));

    record.set("actor2", "   ").set("source", "");
    row = mapAcled(record);
    EXPECT_EQ(row.parties, std::vector<std::string> {"Military Forces of Russia (2000-)"});
    EXPECT_TRUE(row.sources.empty());
}

TEST(Acled, NumbersAreNumbersAndTheRestIsText)
{
    HandRecord record = novgorodRow();
    record.set("fatalities", "12")
        .set("admin3", "007") // a leading zero: JSON would not read it back as that number
        .set("tags", "crowd size=no report")
        .set("assoc_actor_1", "-3.5")
        .set("admin2", "1e5")
        .set("civilian_targeting", "3,5");
    const MappedRow row = mapAcled(record);
    EXPECT_EQ(row.attribute("fatalities"), (std::pair<std::string, bool> {"12", true}));
    EXPECT_EQ(row.attribute("admin3"), (std::pair<std::string, bool> {"007", false}));
    EXPECT_EQ(row.attribute("tags"),
              (std::pair<std::string, bool> {"crowd size=no report", false}));
    EXPECT_EQ(row.attribute("assoc_actor_1"), (std::pair<std::string, bool> {"-3.5", true}));
    EXPECT_EQ(row.attribute("admin2"), (std::pair<std::string, bool> {"1e5", false}));
    EXPECT_EQ(row.attribute("civilian_targeting"), (std::pair<std::string, bool> {"3,5", false}));
    // Mapped columns are not attributes too; event_date and timestamp are the time and origin.
    for (const char *mapped :
         {"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
          "location", "latitude", "longitude", "source", "notes", "timestamp"}) {
        EXPECT_FALSE(row.attribute(mapped)) << mapped;
    }
}

TEST(Acled, AReusedRowKeepsNothingOfTheRowBefore)
{
    const HandRecord first = novgorodRow();
    HandRecord second(acledColumns());
    second.set("event_id_cnty", "UKR9004")
        .set("event_date", "2026-01-01")
        .set("time_precision", "1")
        .set("actor1", "Military Forces of Russia (2000-)")
        .set("sub_event_type", "Armed clash")
        .set("location", "Pokrovsk");
    const std::unique_ptr<RowMapper> mapper = makeRowMapper(ImportFormat::Acled);
    ASSERT_TRUE(mapper->setHeader(first.header()).isEmpty());
    ImportRow row;
    ASSERT_TRUE(mapper->map(first.record(2), row).isEmpty());
    ASSERT_TRUE(mapper->map(second.record(3), row).isEmpty());
    const MappedRow copy = copyOf(row);
    EXPECT_EQ(copy.title, "Armed clash in Pokrovsk");
    EXPECT_EQ(copy.updated, "");
    EXPECT_EQ(copy.summary, "");
    EXPECT_TRUE(copy.sources.empty());
    EXPECT_EQ(copy.parties.size(), 1u);
    EXPECT_TRUE(std::isnan(copy.latitude));
    EXPECT_EQ(copy.locationPrecision, LocationPrecision::Unknown);
    EXPECT_EQ(copy.attributes, std::vector<std::string> {"time_precision#1"});
}

TEST(Acled, HeaderWithoutWhatTheMapperNeedsIsRefused)
{
    AcledMapper mapper;
    std::vector<std::string> columns = acledColumns();
    std::erase(columns, "event_date");
    std::erase(columns, "actor1");
    EXPECT_EQ(mapper.setHeader(viewsOf(columns)).toStdString(),
              R"(no columns "event_date" and "actor1")");

    columns = acledColumns();
    std::erase(columns, "time_precision");
    EXPECT_EQ(mapper.setHeader(viewsOf(columns)).toStdString(), R"(no column "time_precision")");

    columns = acledColumns();
    columns.push_back("notes");
    EXPECT_EQ(mapper.setHeader(viewsOf(columns)).toStdString(), R"(column "notes" appears twice)");

    // The four it needs are enough: the rest are optional.
    const std::vector<std::string> minimal {"actor1", "time_precision", "event_date",
                                            "event_id_cnty"};
    ASSERT_TRUE(mapper.setHeader(viewsOf(minimal)).isEmpty());
    const std::vector<std::string> values {"Military Forces of Russia (2000-)", "1", "2025-12-30",
                                           "UKR1"};
    CsvRecord record;
    record.fields = viewsOf(values);
    record.line = 2;
    ImportRow row;
    ASSERT_TRUE(mapper.map(record, row).isEmpty());
    EXPECT_EQ(row.title, "Event");
    EXPECT_EQ(row.when.toEdtf(), "2025-12-30");
    EXPECT_EQ(row.attributes.size(), 1u);
}
