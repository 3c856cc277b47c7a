// The Timesketch CSV mapper: what each Timesketch field becomes (title, time, kind, tags, id,
// attributes), every messy row refused with its own line and reason, and ids that stay the
// same from one read (and one import) of a file to the next.

#include "import/timesketch/timesketchmapper.h"

#include "importerfixture.h"
#include "rowmapperfixture.h"

#include <gtest/gtest.h>

#include <set>

using namespace claimline;
using namespace claimline::test;

namespace {

const std::vector<std::string> &timesketchColumns()
{
    static const std::vector<std::string> columns {
        "message", "datetime", "timestamp", "timestamp_desc", "_id", "tag", "data_type"};
    return columns;
}

HandRecord postRow()
{
    HandRecord row(timesketchColumns());
    row.set("message", "Russian MoD post: drones targeted a state residence in Novgorod region")
        .set("datetime", "2025-12-29T01:00:00+02:00")
        .set("timestamp_desc", "Post Time")
        .set("data_type", "telegram:post");
    return row;
}

MappedRow mapTimesketch(const HandRecord &row)
{
    return mapOne(ImportFormat::Timesketch, row);
}

std::string timesketchRefusal(const HandRecord &row)
{
    return refusal(ImportFormat::Timesketch, row);
}

using Strings = std::vector<std::string>;

} // namespace

TEST(TimesketchCsv, FixtureFileMapsEveryField)
{
    const MappedFile file
        = mapFile(QStringLiteral("timesketch/timesketch-events.csv"), ImportFormat::Timesketch);
    ASSERT_TRUE(file.headerProblem.isEmpty()) << file.headerProblem.toStdString();
    ASSERT_EQ(file.rows.size(), 7u);
    for (const MappedRow &row : file.rows)
        EXPECT_TRUE(row.problem.isEmpty()) << row.line << ": " << row.problem.toStdString();

    // An offset east of UTC: the instant in UTC, the text as written kept beside it. The
    // timestamp agrees, and says nothing more: it is not kept. _index and __ts_timeline_id
    // are Timesketch's own and dropped; the tag column as Timesketch's JSON list.
    const MappedRow &post = file.rows[0];
    EXPECT_EQ(post.line, 2);
    EXPECT_EQ(post.title, "Russian MoD post: drones targeted a state residence in Novgorod region");
    EXPECT_EQ(post.summary, "");
    EXPECT_EQ(post.when, "2025-12-28T23:00:00Z");
    EXPECT_EQ(post.kind, "Post Time");
    EXPECT_EQ(post.tags, (Strings {"claim", "novgorod"}));
    EXPECT_EQ(post.id.size(), 16u) << post.id; // hashed from its content: it has no _id
    EXPECT_EQ(post.attributes,
              (Strings {"data_type=telegram:post", "source_short=WEBHIST",
                        "url=https://t.me/mod_russia/61234", "views#120000",
                        "datetime=2025-12-29T01:00:00+02:00"}));

    // _id is the row's id; a fraction of a second is kept as the text and the timestamp.
    const MappedRow &visit = file.rows[1];
    EXPECT_EQ(visit.id, "AZQx3kF2nYc");
    EXPECT_EQ(visit.when, "2025-12-29T09:15:42Z");
    EXPECT_EQ(visit.kind, "Last Visited Time");
    EXPECT_EQ(visit.tags, (Strings {"fact-check", "browser"}));
    EXPECT_EQ(visit.attributes,
              (Strings {"data_type=chrome:history:page_visited", "source_short=WEBHIST",
                        "url=https://kyivindependent.com/novgorod-residence-claim", "verified=true",
                        "datetime=2025-12-29T09:15:42.123456Z", "timestamp#1766999742123456"}));

    // No offset: UTC, as Timesketch reads it; nothing lost, nothing kept.
    const MappedRow &photo = file.rows[2];
    EXPECT_EQ(photo.when, "2025-12-29T12:30:00Z");
    EXPECT_EQ(photo.kind, "Creation Time");
    EXPECT_EQ(photo.attributes,
              (Strings {"data_type=fs:stat", "source_short=FILE",
                        "filename=/evidence/novgorod-gate.jpg"}));

    // Only a timestamp: the time, to the second; its half second kept.
    const MappedRow &download = file.rows[3];
    EXPECT_EQ(download.when, "2025-12-29T11:40:00Z");
    EXPECT_EQ(download.attributes.back(), "timestamp#1767008400500000");

    // A message past 200 characters: cut after a word for the title, whole as the summary.
    const MappedRow &statement = file.rows[4];
    EXPECT_EQ(statement.title,
              "Заявление Министерства обороны России: украинские беспилотники атаковали "
              "государственную резиденцию в Новгородской области в ночь на 29 декабря; Киев "
              "назвал это ложью, а независимые источники не…");
    EXPECT_EQ(statement.summary,
              "Заявление Министерства обороны России: украинские беспилотники атаковали "
              "государственную резиденцию в Новгородской области в ночь на 29 декабря; Киев "
              "назвал это ложью, а независимые источники не нашли следов удара на спутниковых "
              "снимках, опубликованных позже в тот же день.");
    EXPECT_EQ(statement.when, "2025-12-30T05:00:00Z");
    EXPECT_EQ(
        statement.attributes,
        (Strings {"data_type=telegram:post", "reach#3.5", "mentions=Putin; Zelensky",
                  R"(meta={"lang":"ru","edited":false})", "datetime=2025-12-30T08:00:00+0300"}));

    // A day alone is a day; its timestamp (midnight) agrees. Tag "-" is no tag.
    const MappedRow &note = file.rows[5];
    EXPECT_EQ(note.when, "2025-12-31");
    EXPECT_TRUE(note.tags.empty());
    EXPECT_EQ(note.attributes, (Strings {"data_type=note"}));

    // To the minute, never finer.
    const MappedRow &call = file.rows[6];
    EXPECT_EQ(call.when, "2025-12-31T09:05Z");
    EXPECT_EQ(call.tags, (Strings {"press"}));
    EXPECT_EQ(call.attributes.back(), "datetime=2025-12-31T10:05+01:00");
}

TEST(TimesketchCsv, EachMessyRowIsRefusedOnItsLineWithItsReason)
{
    // The file starts with a BOM and ends its lines with CRLF.
    const MappedFile file
        = mapFile(QStringLiteral("timesketch/timesketch-messy.csv"), ImportFormat::Timesketch);
    ASSERT_TRUE(file.headerProblem.isEmpty()) << file.headerProblem.toStdString();
    QStringList lines;
    for (const MappedRow &row : file.rows)
        lines << QString::number(row.line) + QStringLiteral(": ")
                + (row.problem.isEmpty() ? QString::fromStdString(row.title + " @ " + row.when)
                                         : row.problem);
    const QStringList expected {
        QStringLiteral("2: Good row after a BOM @ 2025-12-29T00:00:00Z"),
        QStringLiteral(R"(3: datetime "2025-13-01T00:00:00+00:00" is not a date and time)"),
        QStringLiteral(R"(4: timestamp 1766966400000000 and datetime "2025-12-29T00:00:00+02:00" )"
                       R"(differ by 7200 s)"),
        QStringLiteral("5: message is empty"),
        QStringLiteral(R"(6: datetime "yesterday" is not a date and time)"),
        QStringLiteral(R"(7: datetime "" is not a date and time)"),
        QStringLiteral(R"(8: timestamp "soon" is not a number of microseconds)"),
        QStringLiteral(R"(9: datetime "2025-02-30T10:00:00Z" is not a date and time)"),
        QStringLiteral(R"(10: datetime "2025-12-29T24:00:00Z" is not a date and time)"),
        QStringLiteral(R"(11: datetime "2025-12-29T10:00:00+25:00" is not a date and time)"),
        QStringLiteral("12: 2 fields where the header has 6"),
        QStringLiteral("13: Two lines… @ 2025-12-29T06:00:00Z"),
        QStringLiteral(R"(15: timestamp "253402300800000000" is outside the years 0000 to 9999)"),
        QStringLiteral(R"(16: datetime "29/12/2025 10:00" is not a date and time)"),
        QStringLiteral("17: Timestamp as pandas writes it @ 2025-12-29T00:00:00Z"),
    };
    EXPECT_EQ(lines, expected);
    // A message of two lines: its first line is the title, the whole the summary.
    EXPECT_EQ(file.rows[11].summary, "Two lines\nin one message");
    // A refused row keeps the id it names: a re-import does not take its event for gone.
    EXPECT_EQ(file.rows[13].id, "evt-16");
}

TEST(TimesketchCsv, TimestampAndDatetimeMustAgreeToTheSecond)
{
    struct Case
    {
        const char *datetime;
        const char *timestamp;
        const char *problem; // empty: accepted
    };
    const Case cases[] = {
        // 2025-12-29T00:00:00Z is 1766966400 s.
        {"2025-12-29T00:00:00Z", "1766966400000000", ""},
        {"2025-12-29T00:00:00Z", "1766966400999999", ""}, // the timestamp's fraction
        {"2025-12-29T00:00:00.9Z", "1766966401100000", ""}, // 0.2 s apart, across a second
        {"2025-12-29T00:00:00Z", "1766966401000000",
         R"(timestamp 1766966401000000 and datetime "2025-12-29T00:00:00Z" differ by 1 s)"},
        {"2025-12-29T00:00:00Z", "1766966399000000",
         R"(timestamp 1766966399000000 and datetime "2025-12-29T00:00:00Z" differ by 1 s)"},
        // Timesketch's own example pairs a 1970 timestamp with a 2015 datetime: refused.
        {"2015-07-24T19:01:01+00:00", "123456789",
         R"(timestamp 123456789 and datetime "2015-07-24T19:01:01+00:00" differ by 1437764338 s)"},
        // A minute or a day holds its timestamp anywhere inside it.
        {"2025-12-29T00:00Z", "1766966459999999", ""},
        {"2025-12-29T00:00Z", "1766966460000000",
         R"(timestamp 1766966460000000 and datetime "2025-12-29T00:00Z" differ by 1 s)"},
        {"2025-12-29", "1767052799000000", ""},
        {"2025-12-29", "1767052800000000",
         R"(timestamp 1767052800000000 and datetime "2025-12-29" differ by 1 s)"},
        {"2025-12-29", "1766962800000000",
         R"(timestamp 1766962800000000 and datetime "2025-12-29" differ by 3600 s)"},
        // Before 1970, and not a whole number.
        {"1969-12-31T23:59:59Z", "-1000000", ""},
        {"1969-12-31T23:59:59Z", "-500000", ""},
        {"2025-12-29T00:00:00Z", "1766966400000000.5",
         R"(timestamp "1766966400000000.5" is not a number of microseconds)"},
        {"2025-12-29T00:00:00Z", "1.7669664e15",
         R"(timestamp "1.7669664e15" is not a number of microseconds)"},
        {"2025-12-29T00:00:00Z", "99999999999999999999",
         R"(timestamp "99999999999999999999" is not a number of microseconds)"},
        {"2025-12-29T00:00:00Z", "-", R"(timestamp "-" is not a number of microseconds)"},
    };
    for (const Case &c : cases) {
        HandRecord record = postRow();
        record.set("datetime", c.datetime).set("timestamp", c.timestamp);
        EXPECT_EQ(timesketchRefusal(record), c.problem) << c.datetime << " / " << c.timestamp;
    }
}

TEST(TimesketchCsv, LongMessagesAreCutOnAWordForTheTitle)
{
    HandRecord record = postRow();
    // 200 characters exactly: the title.
    const std::string twoHundred = std::string(39, 'a').append(" ").append(160, 'b');
    ASSERT_EQ(twoHundred.size(), 200u);
    record.set("message", twoHundred);
    MappedRow row = mapTimesketch(record);
    EXPECT_EQ(row.title, twoHundred);
    EXPECT_EQ(row.summary, "");

    // 201: cut after the last word that fits, its comma dropped.
    const std::string words = std::string(150, 'a').append(", ").append(49, 'b');
    record.set("message", words);
    row = mapTimesketch(record);
    EXPECT_EQ(row.title, std::string(150, 'a') + "…");
    EXPECT_EQ(row.summary, words);

    // One word of 250 letters: cut inside it rather than lose the title.
    record.set("message", std::string(250, 'x'));
    row = mapTimesketch(record);
    EXPECT_EQ(row.title, std::string(200, 'x') + "…");

    // Characters, not bytes: 150 Cyrillic letters (300 bytes) are a title.
    std::string cyrillic;
    for (int i = 0; i < 150; ++i)
        cyrillic.append("ж");
    record.set("message", cyrillic);
    row = mapTimesketch(record);
    EXPECT_EQ(row.title, cyrillic);
    EXPECT_EQ(row.summary, "");
}

TEST(TimesketchCsv, TagsAsTimesketchReadsThem)
{
    const struct
    {
        const char *tag;
        Strings tags;
    } cases[] = {
        {"", {}},
        {"-", {}},
        {"claim", {"claim"}},
        {"claim,novgorod", {"claim", "novgorod"}},
        {"claim, novgorod ,claim", {"claim", "novgorod"}},
        {R"(["claim", "novgorod"])", {"claim", "novgorod"}},
        {"['claim', 'novgorod']", {"claim", "novgorod"}}, // a Python list, as pandas writes it
        {"['claim', 'a, b']", {"claim", "'a", "b'"}}, // a comma inside an item splits it
        {"[]", {}},
        {"[claim]", {"claim"}},
    };
    for (const auto &c : cases) {
        HandRecord record = postRow();
        record.set("tag", c.tag);
        EXPECT_EQ(mapTimesketch(record).tags, c.tags) << c.tag;
    }
}

TEST(TimesketchCsv, IdsAreStableAndFollowTheContent)
{
    // Two reads of the same file: the same ids.
    const MappedFile first
        = mapFile(QStringLiteral("timesketch/timesketch-events.csv"), ImportFormat::Timesketch);
    const MappedFile second
        = mapFile(QStringLiteral("timesketch/timesketch-events.csv"), ImportFormat::Timesketch);
    ASSERT_EQ(first.rows.size(), second.rows.size());
    std::set<std::string> ids;
    for (std::size_t i = 0; i < first.rows.size(); ++i) {
        EXPECT_EQ(first.rows[i].id, second.rows[i].id);
        ids.insert(first.rows[i].id);
    }
    EXPECT_EQ(ids.size(), first.rows.size()); // each event its own

    // The same instant written otherwise, or a column that is not hashed: the same id.
    const std::string id = mapTimesketch(postRow()).id;
    EXPECT_EQ(id.size(), 16u);
    HandRecord record = postRow();
    record.set("datetime", "2025-12-28T23:00:00Z").set("data_type", "other");
    EXPECT_EQ(mapTimesketch(record).id, id);
    // Another message, kind or instant: another id.
    record = postRow();
    record.set("message", "Russian MoD post");
    EXPECT_NE(mapTimesketch(record).id, id);
    record = postRow();
    record.set("timestamp_desc", "Edit Time");
    EXPECT_NE(mapTimesketch(record).id, id);
    record = postRow();
    record.set("datetime", "2025-12-29T01:00:00.000001+02:00");
    EXPECT_NE(mapTimesketch(record).id, id);
    // An _id wins.
    record = postRow();
    record.set("_id", "AZQx3kF2nYc");
    EXPECT_EQ(mapTimesketch(record).id, "AZQx3kF2nYc");
}

TEST(TimesketchCsv, ImportingTheFileAgainUpdatesTheSameEvents)
{
    Project project;
    ImportOptions options;
    options.format = ImportFormat::Timesketch;
    const QStringList files {importData("timesketch/timesketch-events.csv")};
    const ImportReport first = importFiles(files, project, options);
    EXPECT_TRUE(first.problems.empty()) << problemLines(first).join(u'\n').toStdString();
    EXPECT_EQ(first.added, 7);
    const ImportReport again = importFiles(files, project, options);
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.unchanged, 7);
    EXPECT_EQ(project.events().size(), 7u);
    const Event &visit = eventById(project, "timesketch-AZQx3kF2nYc");
    EXPECT_EQ(text(project, visit.title),
              "Visited Kyiv Independent article on the residence claim");
    EXPECT_EQ(kindOf(project, visit), "Last Visited Time");
    EXPECT_EQ(attribute(project, visit, "timestamp"), "#1766999742123456");
}

TEST(TimesketchCsv, HeaderNeedsMessageDatetimeAndTimestampDesc)
{
    TimesketchMapper mapper;
    const std::vector<std::string_view> ok {"timestamp_desc", "extra", "datetime", "message"};
    EXPECT_EQ(mapper.setHeader(ok).toStdString(), "");
    const std::vector<std::string_view> noDesc {"message", "datetime", "timestamp"};
    EXPECT_EQ(mapper.setHeader(noDesc).toStdString(), R"(no column "timestamp_desc")");
    const std::vector<std::string_view> onlyTimestamp {"message", "timestamp"};
    EXPECT_EQ(mapper.setHeader(onlyTimestamp).toStdString(),
              R"(no columns "datetime" and "timestamp_desc")");
    const std::vector<std::string_view> twice {"message", "datetime", "timestamp_desc", "message"};
    EXPECT_EQ(mapper.setHeader(twice).toStdString(), R"(column "message" appears twice)");
}
