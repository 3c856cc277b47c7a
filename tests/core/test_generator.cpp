#include "model/generator.h"
#include "testsupport.h"

#include "format/projectreader.h"
#include "format/projectwriter.h"

#include <gtest/gtest.h>

#include <QDate>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

using namespace claimline;

namespace {

constexpr std::size_t Events = 5000;

} // namespace

TEST(Generator, SameSeedGivesTheSameProject)
{
    const std::string a = projectToString(generateProject(2000, 42));
    const std::string b = projectToString(generateProject(2000, 42));
    EXPECT_FALSE(a.empty());
    EXPECT_EQ(a, b);
}

TEST(Generator, DifferentSeedGivesADifferentProject)
{
    const Project a = generateProject(2000, 1);
    const Project b = generateProject(2000, 2);
    EXPECT_NE(projectToString(a), projectToString(b));
    // Not just the seed in the description: the events themselves differ.
    int sameTitles = 0;
    for (std::size_t i = 0; i < a.events().size(); ++i)
        sameTitles += a.view(a.events()[i].title) == b.view(b.events()[i].title);
    EXPECT_LT(sameTitles, 10);
}

TEST(Generator, Counts)
{
    const Project p = generateProject(Events, 7);
    EXPECT_EQ(p.events().size(), Events);
    EXPECT_EQ(p.claims().size(), Events / 5);
    EXPECT_EQ(p.relations().size(), Events / 5 / 2);
    EXPECT_EQ(p.parties().size(), 12u);
    EXPECT_FALSE(p.actors().empty());
    EXPECT_FALSE(p.sources().empty());
    EXPECT_FALSE(p.questions().empty());
    // Every item's id is registered, once.
    EXPECT_EQ(p.idCount(),
              p.parties().size() + p.actors().size() + p.sources().size() + p.events().size()
                  + p.questions().size() + p.claims().size());

    const Project odd = generateProject(13, 7);
    EXPECT_EQ(odd.events().size(), 13u);
    EXPECT_EQ(odd.claims().size(), 2u);
    EXPECT_EQ(odd.relations().size(), 1u);

    const Project empty = generateProject(0, 7);
    EXPECT_TRUE(empty.events().empty());
    EXPECT_TRUE(empty.claims().empty());
    EXPECT_TRUE(empty.relations().empty());
    EXPECT_EQ(empty.parties().size(), 12u);
}

TEST(Generator, FieldSizes)
{
    const Project p = generateProject(Events, 7);
    std::size_t shortestTitle = 1000, longestTitle = 0, shortestSummary = 1000, longestSummary = 0;
    std::set<std::size_t> citationCounts;
    for (const Event &e : p.events()) {
        const std::size_t title = p.view(e.title).size();
        const std::size_t summary = p.view(e.summary).size();
        shortestTitle = std::min(shortestTitle, title);
        longestTitle = std::max(longestTitle, title);
        shortestSummary = std::min(shortestSummary, summary);
        longestSummary = std::max(longestSummary, summary);
        ASSERT_GE(title, 30u);
        ASSERT_LE(title, 80u);
        ASSERT_GE(summary, 100u);
        ASSERT_LE(summary, 300u);
        ASSERT_GE(e.sources.count, 1u);
        ASSERT_LE(e.sources.count, 3u);
        citationCounts.insert(e.sources.count);
        for (const Citation &c : p.citations(e.sources))
            ASSERT_LT(c.source, p.sources().size());
        ASSERT_GE(e.parties.count, 1u);
        for (const std::uint32_t party : p.indices(e.parties))
            ASSERT_LT(party, p.parties().size());
        // Sentences: a capital first, no trailing space.
        ASSERT_TRUE(std::isupper(static_cast<unsigned char>(p.view(e.title).front())));
        ASSERT_NE(p.view(e.title).back(), ' ');
        ASSERT_NE(p.view(e.summary).back(), ' ');
    }
    // The whole range is used, not a constant.
    EXPECT_LE(shortestTitle, 32u);
    EXPECT_GE(longestTitle, 78u);
    EXPECT_LE(shortestSummary, 105u);
    EXPECT_GE(longestSummary, 295u);
    EXPECT_EQ(citationCounts, (std::set<std::size_t> {1, 2, 3}));
}

TEST(Generator, ClaimsAndRelationsAreConsistent)
{
    const Project p = generateProject(Events, 7);
    for (std::uint32_t i = 0; i < p.claims().size(); ++i) {
        const Claim &c = p.claims()[i];
        ASSERT_TRUE(c.claimant.isValid());
        ASSERT_LT(c.about, p.events().size());
        ASSERT_LT(c.question, p.questions().size());
        ASSERT_FALSE(c.madeAt.isNull());
        // Said within a few days after the start of what it is about (an answer, up to two
        // days after the claim it answers).
        const FuzzyTime &when = p.events()[c.about].when;
        ASSERT_GE(c.madeAt.start(), when.start()) << i;
        ASSERT_LT(c.madeAt.start(), when.start() + 6 * 86400) << i;
        ASSERT_NE(p.partyOfClaim(i), NoIndex);
    }
    for (const Relation &r : p.relations()) {
        ASSERT_LT(r.from, p.claims().size());
        ASSERT_LT(r.to, p.claims().size());
        ASSERT_NE(r.from, r.to);
        // An answer follows what it answers, about the same event.
        ASSERT_GT(p.claims()[r.from].madeAt.start(), p.claims()[r.to].madeAt.start());
        ASSERT_EQ(p.claims()[r.from].about, p.claims()[r.to].about);
    }
}

TEST(Generator, WrittenProjectReadsBackWithoutProblems)
{
    const Project p = generateProject(Events, 7);
    const std::string text = projectToString(p);
    const LoadResult result = readProject(text);
    ASSERT_TRUE(result.ok()) << (result.problems.empty() ? std::string()
                                                         : result.problems.front().toStdString());
    EXPECT_TRUE(result.problems.empty());
    const Project &q = *result.project;
    EXPECT_EQ(q.events().size(), p.events().size());
    EXPECT_EQ(q.claims().size(), p.claims().size());
    EXPECT_EQ(q.relations().size(), p.relations().size());
    EXPECT_EQ(q.parties().size(), p.parties().size());
    EXPECT_EQ(q.idCount(), p.idCount());
    // And it is canonical: writing what was read gives the same text.
    EXPECT_EQ(projectToString(q), text);
}

TEST(Generator, EventsSpanFourYears)
{
    const Project p = generateProject(Events, 7);
    std::int64_t first = FuzzyTime::OpenEnd, last = FuzzyTime::OpenStart;
    for (const Event &e : p.events()) {
        ASSERT_FALSE(e.when.isNull());
        ASSERT_FALSE(e.when.isOpenStart());
        ASSERT_FALSE(e.when.isOpenEnd());
        ASSERT_LT(e.when.start(), e.when.end());
        first = std::min(first, e.when.start());
        last = std::max(last, e.when.end());
    }
    // From the full-scale invasion, 24 Feb 2022, for four years.
    EXPECT_GE(first, test::utcMidnight(2022, 2, 24));
    EXPECT_LT(first, test::utcMidnight(2022, 3, 3));
    EXPECT_LE(last, test::utcMidnight(2026, 2, 26));
    EXPECT_GT(last, test::utcMidnight(2026, 2, 16));

    // Spread over the whole span: every one of the 48 months holds events.
    std::set<std::int64_t> months;
    for (const Event &e : p.events()) {
        const QDate day = QDate::fromJulianDay(e.when.start() / 86400 + 2440588);
        months.insert(day.year() * 12 + day.month());
    }
    EXPECT_GE(months.size(), 48u);
}
