// A million-row Timesketch CSV calls the ISO date-time parser and the mapper once a row: the
// parser never touches the heap, and the mapper, once its reused ImportRow is sized, does not
// either, even when it composes a title and hashes an id into the row's scratch text. This
// binary counts every operator new to prove it.

#include "time/isodatetime.h"

#include "rowmapperfixture.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<long> g_allocations {0};

} // namespace

void *operator new(std::size_t size)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}

void operator delete(void *p) noexcept
{
    std::free(p);
}

void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

using namespace claimline;
using namespace claimline::test;

TEST(TimesketchAllocations, TheIsoParserAllocatesNothing)
{
    const std::string_view texts[] = {"2025-12-29T01:00:00+02:00", "2025-12-29T09:15:42.123456Z",
                                      "2025-12-29 12:30:00", "2025-12-31", "not a date"};
    const long before = g_allocations.load();
    std::int64_t sum = 0;
    for (int round = 0; round < 1000; ++round) {
        for (const std::string_view text : texts) {
            if (const std::optional<IsoDateTime> time = parseIsoDateTime(text))
                sum += time->toFuzzyTime().start();
        }
    }
    EXPECT_EQ(g_allocations.load() - before, 0);
    EXPECT_NE(sum, 0);
}

TEST(TimesketchAllocations, MappingRowsAllocatesNothingOnceTheRowIsSized)
{
    const std::vector<std::string> columns {"message",        "datetime", "timestamp",
                                            "timestamp_desc", "_id",      "tag",
                                            "data_type",      "url",      "_index"};
    HandRecord hashed(columns);
    hashed.set("message", "Russian MoD post: drones targeted a state residence in Novgorod region")
        .set("datetime", "2025-12-29T01:00:00.5+02:00")
        .set("timestamp", "1766962800500000")
        .set("timestamp_desc", "Post Time")
        .set("tag", R"(["claim", "novgorod"])")
        .set("data_type", "telegram:post")
        .set("url", "https://t.me/mod_russia/61234")
        .set("_index", "case");
    HandRecord named(columns);
    named.set("message", std::string(120, 'a') + " " + std::string(120, 'b'))
        .set("timestamp", "1766999742123456")
        .set("timestamp_desc", "Last Visited Time")
        .set("_id", "AZQx3kF2nYc")
        .set("tag", "fact-check,browser");
    const std::vector<HandRecord> records {hashed, named};

    const std::unique_ptr<RowMapper> mapper = makeRowMapper(ImportFormat::Timesketch);
    ASSERT_TRUE(mapper->setHeader(hashed.header()).isEmpty());
    std::vector<CsvRecord> csv;
    for (std::size_t i = 0; i < records.size(); ++i)
        csv.push_back(records[i].record(std::int64_t(i) + 2));
    ImportRow row;
    for (const CsvRecord &record : csv) // the warm-up round sizes the row
        ASSERT_TRUE(mapper->map(record, row).isEmpty());
    EXPECT_EQ(row.title, std::string(120, 'a') + "…"); // composed in the scratch text

    const long before = g_allocations.load();
    for (int round = 0; round < 200; ++round) {
        for (const CsvRecord &record : csv) {
            if (!mapper->map(record, row).isEmpty())
                FAIL() << "refused";
        }
    }
    EXPECT_EQ(g_allocations.load() - before, 0);
}
