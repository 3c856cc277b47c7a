// A million-row import maps every row into one reused ImportRow: once its vectors and scratch
// text have grown, mapping a good row must not touch the heap. This binary counts every
// operator new to prove it.

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

namespace {

// Allocations made while mapping `records` in turn, `rounds` times, after one warm-up round.
long allocationsWhileMapping(ImportFormat format, const std::vector<HandRecord> &records,
                             int rounds = 50)
{
    const std::unique_ptr<RowMapper> mapper = makeRowMapper(format);
    EXPECT_TRUE(mapper->setHeader(records.front().header()).isEmpty());
    std::vector<CsvRecord> csv;
    for (std::size_t i = 0; i < records.size(); ++i)
        csv.push_back(records[i].record(std::int64_t(i) + 2));
    ImportRow row;
    for (const CsvRecord &record : csv)
        EXPECT_TRUE(mapper->map(record, row).isEmpty());
    const long before = g_allocations.load();
    for (int round = 0; round < rounds; ++round) {
        for (const CsvRecord &record : csv) {
            if (!mapper->map(record, row).isEmpty())
                return -1;
        }
    }
    return g_allocations.load() - before;
}

} // namespace

TEST(RowMapperAllocations, AcledRowsAllocateNothingOnceTheRowIsSized)
{
    HandRecord strike(acledColumns());
    strike.set("event_id_cnty", "RUS9001")
        .set("event_date", "29 December 2025")
        .set("time_precision", "2")
        .set("event_type", "Explosions/Remote violence")
        .set("sub_event_type", "Air/drone strike")
        .set("actor1", "Military Forces of Ukraine (2019-)")
        .set("actor2", "Civilians (Russia)")
        .set("location", "Novgorod")
        .set("latitude", "58,5215")
        .set("longitude", "31.2755")
        .set("geo_precision", "1")
        .set("source", "Ukrainska Pravda; Kyiv Independent; TASS")
        .set("notes", "Russian officials said drones targeted a residence.")
        .set("fatalities", "0")
        .set("admin1", "Novgorod")
        .set("timestamp", "1767225600");
    HandRecord clash = strike;
    clash.set("event_id_cnty", "UKR9004")
        .set("event_date", "2026-01-01")
        .set("time_precision", "3")
        .set("sub_event_type", "Armed clash")
        .set("location", "Pokrovsk")
        .set("source", "Kyiv Independent");
    EXPECT_EQ(allocationsWhileMapping(ImportFormat::Acled, {strike, clash}), 0);
}

TEST(RowMapperAllocations, UcdpRowsAllocateNothingOnceTheRowIsSized)
{
    HandRecord kharkiv(ucdpColumns());
    kharkiv.set("id", "560001")
        .set("type_of_violence", "1")
        .set("side_a", "Government of Russia (Soviet Union)")
        .set("side_b", "Government of Ukraine")
        .set("source_office", "Ukrainska Pravda;Kyiv Independent")
        .set("where_prec", "1")
        .set("where_description", "Kharkiv city")
        .set("latitude", "49.988")
        .set("longitude", "36.2311")
        .set("date_start", "2025-12-28 00:00:00.000")
        .set("date_end", "2025-12-29 00:00:00.000")
        .set("best", "3");
    HandRecord sea = kharkiv;
    sea.set("id", "560003").set("where_description", "Black Sea").set("where_prec", "7");
    EXPECT_EQ(allocationsWhileMapping(ImportFormat::Ucdp, {kharkiv, sea}), 0);
}

TEST(RowMapperAllocations, TheCounterCounts)
{
    // Proves the replacement above is the one in use, so a zero above means something.
    const long before = g_allocations.load();
    auto *text = new std::string(100, 'x');
    EXPECT_GT(g_allocations.load(), before);
    delete text;
}
