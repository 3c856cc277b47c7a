// Periods beyond the file: the TimelineJS export writes them as `eras` (start_date and end_date
// objects as precise as the period, text.headline escaped), and the timeline's layout rules
// (core/present/periodlayout.h) give concurrent periods rows of their own, stagger consecutive
// ones, and fade only the ends that are fuzzy.

#include "document/filter.h"
#include "export/timelinejsexport.h"
#include "model/project.h"
#include "present/periodlayout.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace claimline;
using json = nlohmann::json;

namespace {

FuzzyTime edtf(std::string_view text)
{
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text);
    EXPECT_TRUE(time.has_value()) << text;
    return time.value_or(FuzzyTime());
}

json exported(const Project &project, const Filter *filter = nullptr)
{
    const QByteArray bytes = timelineJsJson(project, filter);
    return json::parse(bytes.toStdString());
}

constexpr std::int64_t Day = 86400;

} // namespace

TEST(PeriodsExport, ErasAsPreciseAsEachPeriod)
{
    Project p;
    p.addPeriod({}, "Peace talks <b>at</b> Mar-a-Lago", edtf("2025-12-28"));
    p.addPeriod({}, "Allegation and denials", edtf("2025-12-29/2025-12-31"));
    p.addPeriod({}, "Winter offensive", edtf("2025-12~/2026-02"));
    p.addPeriod({}, "Evening", edtf("2025-12-29T18:00Z/2025-12-29T23:30Z"));
    p.addPeriod({}, "Open-ended talks", edtf("2026-01-01/.."));
    const json doc = exported(p);
    ASSERT_TRUE(doc.contains("eras"));
    const json &eras = doc["eras"];
    // The open-ended period has no end to give TimelineJS, which needs both dates: left out.
    ASSERT_EQ(eras.size(), 4u) << doc.dump(1);
    EXPECT_EQ(eras[0], json::parse(R"({"start_date": {"year": "2025", "month": "12", "day": "28"},
                              "end_date": {"year": "2025", "month": "12", "day": "28"},
                              "text": {"headline": "Peace talks &lt;b&gt;at&lt;/b&gt; Mar-a-Lago"}})"));
    EXPECT_EQ(eras[1]["start_date"],
              json::parse(R"({"year": "2025", "month": "12", "day": "29"})"));
    EXPECT_EQ(eras[1]["end_date"], json::parse(R"({"year": "2025", "month": "12", "day": "31"})"));
    EXPECT_EQ(eras[1]["text"]["headline"], "Allegation and denials");
    // A month is a month: no day made up.
    EXPECT_EQ(eras[2]["start_date"], json::parse(R"({"year": "2025", "month": "12"})"));
    EXPECT_EQ(eras[2]["end_date"], json::parse(R"({"year": "2026", "month": "2"})"));
    EXPECT_EQ(eras[3]["start_date"],
              json::parse(R"({"year": "2025", "month": "12", "day": "29", "hour": "18",
                              "minute": "0"})"));
    EXPECT_EQ(eras[3]["end_date"]["minute"], "30"); // the last minute it covers
    // Date parts are strings, as in TimelineJS's own files.
    EXPECT_TRUE(eras[0]["start_date"]["year"].is_string());
}

TEST(PeriodsExport, NoPeriodsNoErasAndTheDateRangeApplies)
{
    Project p;
    EXPECT_FALSE(exported(p).contains("eras"));
    p.addPeriod({}, "Before", edtf("2025-11-01/2025-11-30"));
    p.addPeriod({}, "During", edtf("2025-12-20/2026-01-10"));
    p.addPeriod({}, "After", edtf("2026-02"));
    // --from/--to keep the periods that overlap the range; the filter's other criteria are
    // about items and leave periods alone.
    Filter filter;
    filter.setDateRange(edtf("2025-12-28").start(), edtf("2026-01-01").end());
    filter.setTextQuery(QStringLiteral("nothing matches this"));
    const json doc = exported(p, &filter);
    ASSERT_EQ(doc["eras"].size(), 1u) << doc.dump(1);
    EXPECT_EQ(doc["eras"][0]["text"]["headline"], "During");
}

TEST(PeriodLayout, ConcurrentPeriodsTakeRowsOfTheirOwnAndConsecutiveOnesStagger)
{
    Project p;
    p.addPeriod({}, "Talks", edtf("2025-12-28"));
    p.addPeriod({}, "Denials", edtf("2025-12-29/2025-12-31")); // starts as Talks ends
    p.addPeriod({}, "Winter", edtf("2025-12/2026-02")); // over all of them
    p.addPeriod({}, "New year", edtf("2026-01-01")); // starts as Denials ends
    p.addPeriod({}, "Later", edtf("2026-01-05")); // days after New year
    const std::vector<PeriodPlace> places = periodPlaces(p);
    ASSERT_EQ(places.size(), 5u);
    // In order of start: Winter (1 Dec), Talks, Denials, New year, Later.
    EXPECT_EQ(places[2].row, 0);
    EXPECT_EQ(places[0].row, 1);
    EXPECT_EQ(places[1].row, 2); // not beside Talks: its title would leave Talks no room
    EXPECT_EQ(places[3].row, 1);
    EXPECT_EQ(places[4].row, 1); // a gap: the row is free again
    EXPECT_EQ(places[2].order, 0);
    EXPECT_EQ(places[0].order, 1);
    EXPECT_EQ(places[1].order, 2);
    EXPECT_EQ(places[3].order, 3);
    EXPECT_EQ(places[4].order, 4);
    EXPECT_EQ(periodRowCount(places), 3);
}

TEST(PeriodLayout, AtMostFourRows)
{
    Project p;
    for (int i = 0; i < 6; ++i)
        p.addPeriod({}, "Year " + std::to_string(i), edtf("2025/2026"));
    const std::vector<PeriodPlace> places = periodPlaces(p);
    EXPECT_EQ(periodRowCount(places), MaxPeriodRows);
    for (const PeriodPlace &place : places) {
        EXPECT_GE(place.row, 0);
        EXPECT_LT(place.row, MaxPeriodRows);
    }
    EXPECT_EQ(periodRowCount(periodPlaces(Project())), 0);
}

TEST(PeriodLayout, OnlyFuzzyEndsFade)
{
    // Days and minutes are exact edges: a band of "29-31 Dec" covers the three days fully.
    EXPECT_EQ(periodFades(edtf("2025-12-29/2025-12-31")).start, 0);
    EXPECT_EQ(periodFades(edtf("2025-12-29/2025-12-31")).end, 0);
    EXPECT_EQ(periodFades(edtf("2025-12-29T18:00Z/2025-12-29T23:30Z")).end, 0);
    // A month may start on any of its days; approximate doubles the unit.
    EXPECT_EQ(periodFades(edtf("2025-12/2026-02")).start, 30 * Day);
    EXPECT_EQ(periodFades(edtf("2025-12-28~")).start, 2 * Day);
    EXPECT_EQ(periodFades(edtf("2025-12-28~")).end, 2 * Day);
    EXPECT_EQ(periodFades(edtf("2025")).end, 365 * Day);
    // An open end runs on past the window.
    EXPECT_EQ(periodFades(edtf("2025-12/..")).end, 0);
    EXPECT_EQ(periodFades(edtf("2025-12/..")).start, 30 * Day);
}
