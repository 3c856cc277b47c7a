// The UCDP GED row mapper: days from date_start/date_end, the kind from type_of_violence, the
// place and its where_prec, sides, sources, deaths kept as numbers; messy rows refused with
// their own reason.

#include "import/formats/ucdp.h"

#include "rowmapperfixture.h"
#include "testsupport.h"

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

// A GED row: missiles on Kharkiv, 29 December 2025.
HandRecord kharkivRow()
{
    HandRecord row(ucdpColumns());
    row.set("id", "560001")
        .set("relid", "UKR-2025-1-560001-1")
        .set("year", "2025")
        .set("type_of_violence", "1")
        .set("conflict_name", "Russia - Ukraine")
        .set("side_a", "Government of Russia (Soviet Union)")
        .set("side_b", "Government of Ukraine")
        .set("source_office", "Ukrainska Pravda;Kyiv Independent")
        .set("source_headline", "Russian missiles hit Kharkiv")
        .set("where_prec", "1")
        .set("where_description", "Kharkiv city")
        .set("adm_1", "Kharkiv oblast")
        .set("latitude", "49.988")
        .set("longitude", "36.2311")
        .set("country", "Ukraine")
        .set("date_start", "2025-12-29 00:00:00.000")
        .set("date_end", "2025-12-29 00:00:00.000")
        .set("best", "3")
        .set("high", "5")
        .set("low", "3");
    return row;
}

MappedRow mapUcdp(const HandRecord &row)
{
    return mapOne(ImportFormat::Ucdp, row);
}

} // namespace

TEST(Ucdp, FixtureFileMapsEveryColumn)
{
    const MappedFile file
        = mapFile(QStringLiteral("ucdp-ged-ukraine-2025-12.csv"), ImportFormat::Ucdp);
    ASSERT_TRUE(file.headerProblem.isEmpty()) << file.headerProblem.toStdString();
    ASSERT_EQ(file.rows.size(), 3u);
    for (const MappedRow &row : file.rows)
        EXPECT_TRUE(row.problem.isEmpty()) << row.line << ": " << row.problem.toStdString();

    const MappedRow &kharkiv = file.rows[0];
    EXPECT_EQ(kharkiv.line, 2);
    EXPECT_EQ(kharkiv.id, "560001");
    EXPECT_EQ(kharkiv.updated, ""); // GED rows carry no version
    EXPECT_EQ(kharkiv.title, "State-based conflict in Kharkiv city");
    EXPECT_EQ(kharkiv.summary, "Russian missiles hit Kharkiv");
    EXPECT_EQ(kharkiv.when, "2025-12-29");
    EXPECT_EQ(kharkiv.parties,
              (std::vector<std::string> {"Government of Russia (Soviet Union)",
                                         "Government of Ukraine"}));
    EXPECT_EQ(kharkiv.sources, (std::vector<std::string> {"Ukrainska Pravda", "Kyiv Independent"}));
    EXPECT_EQ(kharkiv.locationName, "Kharkiv city");
    EXPECT_DOUBLE_EQ(kharkiv.latitude, 49.988);
    EXPECT_DOUBLE_EQ(kharkiv.longitude, 36.2311);
    EXPECT_EQ(kharkiv.locationPrecision, LocationPrecision::Point);
    EXPECT_EQ(kharkiv.kind, "state-based conflict");
    EXPECT_TRUE(kharkiv.tags.empty());
    EXPECT_EQ(
        kharkiv.attributes,
        (std::vector<std::string> {
            "relid=UKR-2025-1-560001-1",
            "year#2025",
            "active_year#1",
            "code_status=Clear",
            "conflict_dset_id#13243",
            "conflict_new_id#13243",
            "conflict_name=Russia - Ukraine",
            "dyad_dset_id#15012",
            "dyad_new_id#15012",
            "dyad_name=Government of Russia (Soviet Union) - Government of Ukraine",
            "side_a_dset_id#57",
            "side_a_new_id#57",
            "side_b_dset_id#59",
            "side_b_new_id#59",
            "number_of_sources#2",
            "source_article=\"Russian missiles hit Kharkiv,\" Ukrainska Pravda, 29 December 2025; "
            "Kyiv Independent, 29 December 2025",
            "source_date=2025-12-29;2025-12-29",
            "source_original=Ukrainian officials",
            "where_prec#1",
            "where_coordinates=Kharkiv city",
            "adm_1=Kharkiv oblast",
            "adm_2=Kharkivskyi raion",
            "geom_wkt=POINT (36.2311 49.988)",
            "priogrid_gid#179113",
            "country=Ukraine",
            "country_id#369",
            "region=Europe",
            "event_clarity#1",
            "date_prec#1",
            "deaths_a#0",
            "deaths_b#0",
            "deaths_civilians#3",
            "deaths_unknown#0",
            "best#3",
            "high#5",
            "low#3",
            "gwnoa#365",
            "gwnob#369",
        }));

    // One-sided violence over four days, placed only by its province.
    const MappedRow &zaporizhzhia = file.rows[1];
    EXPECT_EQ(zaporizhzhia.title, "One-sided violence in Zaporizhzhia oblast");
    EXPECT_EQ(zaporizhzhia.kind, "one-sided violence");
    EXPECT_EQ(zaporizhzhia.when, "2025-12-28/2025-12-31");
    EXPECT_EQ(zaporizhzhia.locationName, "Zaporizhzhia oblast");
    EXPECT_EQ(zaporizhzhia.locationPrecision, LocationPrecision::Region);
    EXPECT_EQ(zaporizhzhia.summary, ""); // neither a headline nor a place description
    EXPECT_EQ(zaporizhzhia.parties.back(), "Civilians");

    const MappedRow &blackSea = file.rows[2];
    EXPECT_EQ(blackSea.title, "State-based conflict in Black Sea");
    EXPECT_EQ(blackSea.locationPrecision, LocationPrecision::Area);
    EXPECT_EQ(blackSea.attribute("where_prec"), (std::pair<std::string, bool> {"7", true}));
}

TEST(Ucdp, EveryWherePrecision)
{
    const std::pair<const char *, LocationPrecision> cases[] = {
        {"1", LocationPrecision::Point}, {"2", LocationPrecision::Town},
        {"3", LocationPrecision::Area},  {"4", LocationPrecision::Region},
        {"5", LocationPrecision::Area},  {"6", LocationPrecision::Country},
        {"7", LocationPrecision::Area},  {"", LocationPrecision::Unknown},
    };
    for (const auto &[code, precision] : cases) {
        HandRecord record = kharkivRow();
        record.set("where_prec", code);
        const MappedRow row = mapUcdp(record);
        EXPECT_TRUE(row.problem.isEmpty()) << code << ": " << row.problem.toStdString();
        EXPECT_EQ(row.locationPrecision, precision) << code;
        EXPECT_EQ(row.attribute("where_prec").has_value(), *code != 0) << code;
    }
}

TEST(Ucdp, EveryTypeOfViolenceIsAKind)
{
    const std::array<std::array<const char *, 3>, 3> cases {{
        {"1", "state-based conflict", "State-based conflict in Kharkiv city"},
        {"2", "non-state conflict", "Non-state conflict in Kharkiv city"},
        {"3", "one-sided violence", "One-sided violence in Kharkiv city"},
    }};
    for (const auto &[code, kind, title] : cases) {
        HandRecord record = kharkivRow();
        record.set("type_of_violence", code);
        const MappedRow row = mapUcdp(record);
        EXPECT_EQ(row.kind, kind);
        EXPECT_EQ(row.title, title);
        EXPECT_FALSE(row.attribute("type_of_violence")); // the kind says it
    }
}

TEST(Ucdp, DaysFromStartToEnd)
{
    struct Case
    {
        const char *start;
        const char *end;
        const char *edtf;
        std::int64_t from;
        std::int64_t to;
    };
    const Case cases[] = {
        {"2025-12-29 00:00:00.000", "2025-12-29 00:00:00.000", "2025-12-29",
         utcMidnight(2025, 12, 29), utcMidnight(2025, 12, 30)},
        {"2025-12-29", "2025-12-29", "2025-12-29", utcMidnight(2025, 12, 29),
         utcMidnight(2025, 12, 30)},
        {"2025-12-28", "2026-01-01 00:00:00.000", "2025-12-28/2026-01-01",
         utcMidnight(2025, 12, 28), utcMidnight(2026, 1, 2)},
        {"16 February 2023", "2023-02-18", "2023-02-16/2023-02-18", utcMidnight(2023, 2, 16),
         utcMidnight(2023, 2, 19)},
    };
    for (const Case &c : cases) {
        HandRecord record = kharkivRow();
        record.set("date_start", c.start).set("date_end", c.end);
        const std::unique_ptr<RowMapper> mapper = makeRowMapper(ImportFormat::Ucdp);
        ASSERT_TRUE(mapper->setHeader(record.header()).isEmpty());
        ImportRow row;
        const CsvRecord csv = record.record();
        ASSERT_TRUE(mapper->map(csv, row).isEmpty()) << c.start;
        EXPECT_EQ(row.when.toEdtf(), c.edtf);
        EXPECT_EQ(row.when.start(), c.from);
        EXPECT_EQ(row.when.end(), c.to);
    }
}

TEST(Ucdp, EachBadValueIsRefusedWithItsOwnReason)
{
    struct Case
    {
        const char *column;
        const char *value;
        const char *reason;
    };
    const Case cases[] = {
        {"id", "", "id is empty"},
        {"date_start", "not a date", R"(date_start "not a date" is not a date)"},
        {"date_start", "2026-02-30 00:00:00.000",
         R"(date_start "2026-02-30 00:00:00.000" is not a date)"},
        {"date_end", "", R"(date_end "" is not a date)"},
        {"date_end", "2025-12-28 00:00:00.000",
         R"(date_end "2025-12-28 00:00:00.000" is before date_start "2025-12-29 00:00:00.000")"},
        {"date_end", "2025-12-29 noon", R"(date_end "2025-12-29 noon" is not a date)"},
        {"type_of_violence", "4", R"(type_of_violence "4" is not 1, 2 or 3)"},
        {"type_of_violence", "", R"(type_of_violence "" is not 1, 2 or 3)"},
        {"where_prec", "8", R"(where_prec "8" is not a number from 1 to 7)"},
        {"where_prec", "0", R"(where_prec "0" is not a number from 1 to 7)"},
        {"latitude", "49.988N", R"(latitude "49.988N" is not a number)"},
        {"longitude", "-181", R"(longitude "-181" is out of range (-180 to 180))"},
        {"longitude", "", "longitude is empty while latitude is given"},
    };
    for (const Case &c : cases) {
        HandRecord record = kharkivRow();
        record.set(c.column, c.value);
        EXPECT_EQ(refusal(ImportFormat::Ucdp, record), c.reason) << c.column << " = " << c.value;
    }

    const HandRecord hand = kharkivRow();
    UcdpMapper mapper;
    ASSERT_TRUE(mapper.setHeader(hand.header()).isEmpty());
    ImportRow row;
    CsvRecord record = hand.record(12);
    record.fields.resize(31);
    EXPECT_EQ(mapper.map(record, row).toStdString(), "31 fields where the header has 49");
    record = hand.record(13);
    record.problem = QStringLiteral("not UTF-8 text");
    EXPECT_EQ(mapper.map(record, row).toStdString(), "not UTF-8 text");
}

TEST(Ucdp, ThePlaceNameFallsBackToTheProvinceThenTheCountry)
{
    HandRecord record = kharkivRow();
    record.set("where_description", "").set("source_headline", "");
    MappedRow row = mapUcdp(record);
    EXPECT_EQ(row.title, "State-based conflict in Kharkiv oblast");
    EXPECT_EQ(row.locationName, "Kharkiv oblast");
    EXPECT_EQ(row.summary, "");

    record.set("adm_1", "");
    row = mapUcdp(record);
    EXPECT_EQ(row.title, "State-based conflict in Ukraine");
    EXPECT_EQ(row.locationName, "Ukraine");

    record.set("country", "").set("type_of_violence", "2");
    row = mapUcdp(record);
    EXPECT_EQ(row.title, "Non-state conflict");
    EXPECT_EQ(row.locationName, "");
}

TEST(Ucdp, WithoutAHeadlineTheSummaryIsThePlaceDescription)
{
    HandRecord record = kharkivRow();
    record.set("source_headline", "");
    EXPECT_EQ(mapUcdp(record).summary, "Kharkiv city");
    EXPECT_EQ(mapUcdp(kharkivRow()).summary, "Russian missiles hit Kharkiv");
}

TEST(Ucdp, OneSideAndRepeatedSources)
{
    HandRecord record = kharkivRow();
    record.set("side_b", "").set("source_office", "Reuters; Reuters;BBC Monitoring;");
    const MappedRow row = mapUcdp(record);
    EXPECT_EQ(row.parties, std::vector<std::string> {"Government of Russia (Soviet Union)"});
    EXPECT_EQ(row.sources, (std::vector<std::string> {"Reuters", "BBC Monitoring"}));
}

TEST(Ucdp, HeaderWithoutWhatTheMapperNeedsIsRefused)
{
    UcdpMapper mapper;
    std::vector<std::string> columns = ucdpColumns();
    std::erase(columns, "date_start");
    std::erase(columns, "date_end");
    std::erase(columns, "side_a");
    EXPECT_EQ(mapper.setHeader(viewsOf(columns)).toStdString(),
              R"(no columns "date_start", "date_end" and "side_a")");

    // Columns in another order, one extra.
    columns = ucdpColumns();
    std::reverse(columns.begin(), columns.end());
    columns.push_back("analyst_comment");
    ASSERT_TRUE(mapper.setHeader(viewsOf(columns)).isEmpty());
    HandRecord record(columns);
    record.set("id", "77")
        .set("date_start", "2025-12-30")
        .set("date_end", "2025-12-31")
        .set("type_of_violence", "3")
        .set("side_a", "Wagner Group")
        .set("where_description", "Bakhmut")
        .set("analyst_comment", "check against ACLED");
    ImportRow row;
    const CsvRecord csv = record.record();
    ASSERT_TRUE(mapper.map(csv, row).isEmpty());
    const MappedRow copy = copyOf(row);
    EXPECT_EQ(copy.title, "One-sided violence in Bakhmut");
    EXPECT_EQ(copy.when, "2025-12-30/2025-12-31");
    EXPECT_EQ(copy.attributes, std::vector<std::string> {"analyst_comment=check against ACLED"});
}
