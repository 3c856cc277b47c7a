#include "model/project.h"

#include "model/generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace claimline;

namespace {

FuzzyTime at(std::string_view edtf)
{
    const auto time = FuzzyTime::parse(edtf);
    EXPECT_TRUE(time.has_value()) << edtf;
    return time.value_or(FuzzyTime());
}

std::vector<std::uint32_t> toVector(std::span<const std::uint32_t> span)
{
    return {span.begin(), span.end()};
}

// Builds a project item by item, the way the loader does: push into the array, then register
// the id.
class Builder
{
public:
    Project p;

    std::uint32_t party(std::string_view id, std::string_view name)
    {
        Party party;
        party.id = p.addText(id);
        party.name = p.addText(name);
        p.parties().push_back(party);
        return registered(ItemKind::Party, p.parties().size());
    }
    std::uint32_t actor(std::string_view id, std::string_view name, std::uint32_t partyIndex)
    {
        Actor actor;
        actor.id = p.addText(id);
        actor.name = p.addText(name);
        actor.party = partyIndex;
        p.actors().push_back(actor);
        return registered(ItemKind::Actor, p.actors().size());
    }
    std::uint32_t source(std::string_view id)
    {
        Source source;
        source.id = p.addText(id);
        source.title = p.addText(std::string_view("A report"));
        p.sources().push_back(source);
        return registered(ItemKind::Source, p.sources().size());
    }
    std::uint32_t question(std::string_view id, std::string_view text)
    {
        Question question;
        question.id = p.addText(id);
        question.text = p.addText(text);
        p.questions().push_back(question);
        return registered(ItemKind::Question, p.questions().size());
    }
    std::uint32_t event(std::string_view id, std::string_view title, FuzzyTime when,
                        std::vector<std::uint32_t> parties)
    {
        Event event;
        event.id = p.addText(id);
        event.title = p.addText(title);
        event.when = when;
        event.parties = p.addIndices(parties);
        p.events().push_back(event);
        return registered(ItemKind::Event, p.events().size());
    }
    std::uint32_t claim(std::string_view id, Speaker claimant, FuzzyTime madeAt,
                        std::uint32_t question, std::uint32_t about = NoIndex)
    {
        Claim claim;
        claim.id = p.addText(id);
        claim.claimant = claimant;
        claim.madeAt = madeAt;
        claim.question = question;
        claim.about = about;
        claim.statement = p.addText(std::string("Statement of ") + std::string(id));
        p.claims().push_back(claim);
        return registered(ItemKind::Claim, p.claims().size());
    }
    std::uint32_t relation(std::uint32_t from, std::uint32_t to, RelationKind kind)
    {
        p.relations().push_back({from, to, kind});
        return std::uint32_t(p.relations().size() - 1);
    }

private:
    std::uint32_t registered(ItemKind kind, std::size_t size)
    {
        const auto index = std::uint32_t(size - 1);
        const auto clash = p.registerId({kind, index});
        EXPECT_FALSE(clash.has_value());
        return index;
    }
};

// A small hand-made project modelled on the sample.
class ProjectTest : public testing::Test
{
protected:
    void SetUp() override
    {
        russia = b.party("russia", "Russia");
        ukraine = b.party("ukraine", "Ukraine");
        us = b.party("united-states", "United States");
        lavrov = b.actor("lavrov", "Sergei Lavrov", russia);
        zelenskyy = b.actor("zelenskyy", "Volodymyr Zelenskyy", ukraine);
        trump = b.actor("trump", "Donald Trump", us);
        freelancer = b.actor("freelancer", "A freelance blogger", NoIndex);
        source = b.source("src-000");
        targeted = b.question("q-targeted", "Was Putin or his residence targeted?");
        scale = b.question("q-scale", "How large was the operation?");
        drones = b.event("ev-residence-drones", "Alleged drone attack", at("2025-12-28/2025-12-29"),
                         {russia, ukraine});
        meeting = b.event("ev-mar-a-lago-meeting", "Mar-a-Lago meeting", at("2025-12-28"),
                          {us, ukraine});

        c91 = b.claim("claim-91-drones", {lavrov, false}, at("2025-12-29T08:00Z"), scale, drones);
        cFabrication = b.claim("claim-fabrication", {zelenskyy, false}, at("2025-12-29T10:35Z"),
                               targeted, drones);
        cTerror = b.claim("claim-state-terrorism", {russia, true}, at("2025-12-29T09:00Z"),
                          targeted, drones);
        cCorroborate = b.claim("claim-officer", {trump, false}, at("2025-12-31"), scale, drones);
        cEarly = b.claim("claim-early-answer", {ukraine, true}, at("2025-12-29T08:30Z"), targeted);
        cLoner = b.claim("claim-loner", {freelancer, false}, at("2025-12-30"), targeted);

        // In file order the answers to claim-91-drones are not in time order.
        rCorroborates = b.relation(cCorroborate, c91, RelationKind::Corroborates);
        rDenies = b.relation(cFabrication, c91, RelationKind::Denies);
        rDisputes = b.relation(cEarly, c91, RelationKind::Disputes);
        rRebuts = b.relation(cFabrication, cTerror, RelationKind::Rebuts);
    }

    Builder b;
    Project &p = b.p;
    std::uint32_t russia, ukraine, us, lavrov, zelenskyy, trump, freelancer, source;
    std::uint32_t targeted, scale, drones, meeting;
    std::uint32_t c91, cFabrication, cTerror, cCorroborate, cEarly, cLoner;
    std::uint32_t rCorroborates, rDenies, rDisputes, rRebuts;
};

} // namespace

TEST_F(ProjectTest, FindEveryKindById)
{
    EXPECT_EQ(p.find("russia"), (ItemRef {ItemKind::Party, russia}));
    EXPECT_EQ(p.find("united-states"), (ItemRef {ItemKind::Party, us}));
    EXPECT_EQ(p.find("zelenskyy"), (ItemRef {ItemKind::Actor, zelenskyy}));
    EXPECT_EQ(p.find("freelancer"), (ItemRef {ItemKind::Actor, freelancer}));
    EXPECT_EQ(p.find("src-000"), (ItemRef {ItemKind::Source, source}));
    EXPECT_EQ(p.find("ev-mar-a-lago-meeting"), (ItemRef {ItemKind::Event, meeting}));
    EXPECT_EQ(p.find("q-scale"), (ItemRef {ItemKind::Question, scale}));
    EXPECT_EQ(p.find("claim-early-answer"), (ItemRef {ItemKind::Claim, cEarly}));
    EXPECT_EQ(p.find("claim-loner"), (ItemRef {ItemKind::Claim, cLoner}));
    EXPECT_FALSE(p.find("nobody").has_value());
    EXPECT_FALSE(p.find("").has_value());
    EXPECT_FALSE(p.find("Russia").has_value()); // ids are case-sensitive
    EXPECT_EQ(p.idCount(), 3u + 4u + 1u + 2u + 2u + 6u);
    EXPECT_EQ(p.view(p.idOf({ItemKind::Question, targeted})), "q-targeted");
    EXPECT_EQ(p.view(p.idOf({ItemKind::Claim, c91})), "claim-91-drones");
}

TEST_F(ProjectTest, FindScalesToManyIds)
{
    Project big = generateProject(20'000, 3);
    // 20k events, 4k claims, 12 parties, 36 actors, 200 sources, 20 questions.
    EXPECT_EQ(big.idCount(), 20'000u + 4'000u + 12u + 36u + 200u + 20u);
    for (std::uint32_t i = 0; i < big.events().size(); ++i)
        ASSERT_EQ(big.find(big.view(big.events()[i].id)), (ItemRef {ItemKind::Event, i}));
    for (std::uint32_t i = 0; i < big.claims().size(); ++i)
        ASSERT_EQ(big.find(big.view(big.claims()[i].id)), (ItemRef {ItemKind::Claim, i}));
    EXPECT_EQ(big.find("united-nations"), (ItemRef {ItemKind::Party, 11}));
}

TEST_F(ProjectTest, RegisterIdDetectsDuplicatesAcrossKinds)
{
    // One namespace: a party may not take an actor's id.
    Party impostor;
    impostor.id = p.addText(std::string_view("lavrov"));
    impostor.name = p.addText(std::string_view("Lavrov party"));
    p.parties().push_back(impostor);
    const ItemRef impostorRef {ItemKind::Party, std::uint32_t(p.parties().size() - 1)};
    const std::size_t before = p.idCount();
    EXPECT_EQ(p.registerId(impostorRef), (ItemRef {ItemKind::Actor, lavrov}));
    EXPECT_EQ(p.idCount(), before);
    EXPECT_EQ(p.find("lavrov"), (ItemRef {ItemKind::Actor, lavrov}));

    // Registering an item again reports no clash and adds nothing.
    EXPECT_FALSE(p.registerId({ItemKind::Actor, lavrov}).has_value());
    EXPECT_EQ(p.idCount(), before);
}

TEST_F(ProjectTest, UnregisterId)
{
    const std::size_t before = p.idCount();
    p.unregisterId({ItemKind::Claim, cLoner});
    EXPECT_FALSE(p.find("claim-loner").has_value());
    EXPECT_EQ(p.idCount(), before - 1);
    // Others stay findable.
    EXPECT_EQ(p.find("claim-early-answer"), (ItemRef {ItemKind::Claim, cEarly}));
    EXPECT_EQ(p.find("russia"), (ItemRef {ItemKind::Party, russia}));

    // The id is free again: another item may take it.
    Source source;
    source.id = p.addText(std::string_view("claim-loner"));
    p.sources().push_back(source);
    const ItemRef sourceRef {ItemKind::Source, std::uint32_t(p.sources().size() - 1)};
    EXPECT_FALSE(p.registerId(sourceRef).has_value());
    EXPECT_EQ(p.find("claim-loner"), sourceRef);
}

TEST_F(ProjectTest, UnregisteringARejectedDuplicateKeepsTheOriginal)
{
    Party impostor;
    impostor.id = p.addText(std::string_view("zelenskyy"));
    p.parties().push_back(impostor);
    const ItemRef impostorRef {ItemKind::Party, std::uint32_t(p.parties().size() - 1)};
    ASSERT_TRUE(p.registerId(impostorRef).has_value());
    // Undoing the addition of the duplicate must not take the id from its real owner.
    p.unregisterId(impostorRef);
    EXPECT_EQ(p.find("zelenskyy"), (ItemRef {ItemKind::Actor, zelenskyy}));
}

TEST_F(ProjectTest, PartyOfClaim)
{
    EXPECT_EQ(p.partyOfClaim(c91), russia); // via the actor
    EXPECT_EQ(p.partyOfClaim(cTerror), russia); // the party itself
    EXPECT_EQ(p.partyOfClaim(cFabrication), ukraine);
    EXPECT_EQ(p.partyOfClaim(cEarly), ukraine);
    EXPECT_EQ(p.partyOfClaim(cCorroborate), us);
    EXPECT_EQ(p.partyOfClaim(cLoner), NoIndex); // an actor of no party
}

TEST_F(ProjectTest, RelationsAnsweringInAnswerTimeOrder)
{
    // 08:30 (disputes), 10:35 (denies), 31 Dec (corroborates), whatever the file order.
    EXPECT_EQ(toVector(p.relationsAnswering(c91)),
              (std::vector<std::uint32_t> {rDisputes, rDenies, rCorroborates}));
    EXPECT_EQ(toVector(p.relationsAnswering(cTerror)), (std::vector<std::uint32_t> {rRebuts}));
    EXPECT_TRUE(p.relationsAnswering(cLoner).empty());
    EXPECT_TRUE(p.relationsAnswering(cFabrication).empty());
    EXPECT_EQ(toVector(p.relationsFrom(cFabrication)),
              (std::vector<std::uint32_t> {rDenies, rRebuts}));
    EXPECT_TRUE(p.relationsFrom(c91).empty());
}

TEST_F(ProjectTest, CounterClaimsExcludeCorroborationsAndCarryLags)
{
    const std::vector<Answer> counters = p.counterClaims(c91);
    ASSERT_EQ(counters.size(), 2u);
    EXPECT_EQ(counters[0].claim, cEarly);
    EXPECT_EQ(counters[0].relation, rDisputes);
    EXPECT_EQ(counters[0].kind, RelationKind::Disputes);
    // Two minute-precision instants 30 minutes apart: 30 min, give or take 59 s.
    EXPECT_EQ(counters[0].lag, (Lag {30 * 60 - 59, 30 * 60 + 59}));
    EXPECT_EQ(formatLag(counters[0].lag), QStringLiteral("+30 min"));
    EXPECT_EQ(counters[1].claim, cFabrication);
    EXPECT_EQ(counters[1].kind, RelationKind::Denies);
    EXPECT_EQ(counters[1].lag, (Lag {155 * 60 - 59, 155 * 60 + 59}));
    EXPECT_EQ(counters[1].lag,
              responseLag(p.claims()[cFabrication].madeAt, p.claims()[c91].madeAt));
    for (const Answer &a : counters)
        EXPECT_NE(a.kind, RelationKind::Corroborates);

    const std::vector<Answer> rebuttals = p.counterClaims(cTerror);
    ASSERT_EQ(rebuttals.size(), 1u);
    EXPECT_EQ(rebuttals[0].kind, RelationKind::Rebuts);
    EXPECT_TRUE(p.counterClaims(cLoner).empty());
}

TEST_F(ProjectTest, AnswersIncludeCorroborations)
{
    const std::vector<Answer> all = p.answers(c91);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[2].claim, cCorroborate);
    EXPECT_EQ(all[2].relation, rCorroborates);
    EXPECT_EQ(all[2].kind, RelationKind::Corroborates);
    // From 08:00 on 29 Dec to some time on 31 Dec.
    EXPECT_EQ(all[2].lag, responseLag(p.claims()[cCorroborate].madeAt, p.claims()[c91].madeAt));
    EXPECT_EQ(all[2].lag.min, 2 * 86400 - 8 * 3600 - 59);
    EXPECT_EQ(all[2].lag.max, 3 * 86400 - 1 - 8 * 3600);
}

TEST_F(ProjectTest, ClaimsOnQuestion)
{
    EXPECT_EQ(toVector(p.claimsOn(targeted)),
              (std::vector<std::uint32_t> {cFabrication, cTerror, cEarly, cLoner}));
    EXPECT_EQ(toVector(p.claimsOn(scale)), (std::vector<std::uint32_t> {c91, cCorroborate}));
}

TEST_F(ProjectTest, ClaimsOnQuestionForParty)
{
    // Zelenskyy's claim counts for Ukraine through his party; the Ukraine claim directly.
    EXPECT_EQ(p.claimsOn(targeted, ukraine), (std::vector<std::uint32_t> {cFabrication, cEarly}));
    EXPECT_EQ(p.claimsOn(targeted, russia), (std::vector<std::uint32_t> {cTerror}));
    EXPECT_EQ(p.claimsOn(scale, russia), (std::vector<std::uint32_t> {c91}));
    EXPECT_EQ(p.claimsOn(scale, us), (std::vector<std::uint32_t> {cCorroborate}));
    EXPECT_TRUE(p.claimsOn(targeted, us).empty());
}

TEST_F(ProjectTest, InvalidateIndexesAfterAMutation)
{
    // Build the indexes, then change the project.
    const std::int64_t feb1 = at("2026-02-01").start();
    EXPECT_TRUE(p.claimsInRange(feb1, feb1 + 86400).empty());
    EXPECT_TRUE(p.relationsAnswering(cLoner).empty());
    EXPECT_EQ(p.claimsOn(scale).size(), 2u);

    p.claims()[cLoner].madeAt = at("2026-02-01");
    p.claims()[cLoner].question = scale;
    const std::uint32_t reply = b.claim("claim-reply", {russia, true}, at("2026-02-02"), scale);
    const std::uint32_t r = b.relation(reply, cLoner, RelationKind::Qualifies);
    p.events()[meeting].when = at("2026-02-01");
    p.invalidateIndexes();

    EXPECT_EQ(p.claimsInRange(feb1, feb1 + 86400), (std::vector<std::uint32_t> {cLoner}));
    EXPECT_EQ(p.claimsInRange(feb1, feb1 + 2 * 86400),
              (std::vector<std::uint32_t> {cLoner, reply}));
    EXPECT_EQ(p.eventsInRange(feb1, feb1 + 86400), (std::vector<std::uint32_t> {meeting}));
    EXPECT_EQ(toVector(p.relationsAnswering(cLoner)), (std::vector<std::uint32_t> {r}));
    EXPECT_EQ(toVector(p.claimsOn(scale)),
              (std::vector<std::uint32_t> {c91, cCorroborate, cLoner, reply}));
    EXPECT_TRUE(p.claimsOn(targeted, us).empty());
    EXPECT_EQ(p.claimsOn(scale, russia), (std::vector<std::uint32_t> {c91, reply}));
    EXPECT_EQ(p.find("claim-reply"), (ItemRef {ItemKind::Claim, reply}));
}

TEST_F(ProjectTest, InternWordDeduplicates)
{
    const std::uint32_t strike = p.internWord("strike");
    const std::uint32_t meetingWord = p.internWord("meeting");
    EXPECT_NE(strike, meetingWord);
    {
        // The index must not keep a view of the caller's string.
        std::string temporary = "strike";
        EXPECT_EQ(p.internWord(temporary), strike);
        temporary = "xxxxxx";
    }
    EXPECT_EQ(p.internWord(std::string("strike")), strike);
    EXPECT_EQ(p.internWord("meeting"), meetingWord);
    EXPECT_NE(p.internWord("Strike"), strike);
    EXPECT_EQ(p.wordCount(), 3u);
    EXPECT_EQ(p.word(strike), "strike");
    EXPECT_EQ(p.word(meetingWord), "meeting");

    // Still deduplicated after the project is moved.
    Project moved = std::move(p);
    EXPECT_EQ(moved.internWord("strike"), strike);
    EXPECT_EQ(moved.wordCount(), 3u);
    EXPECT_EQ(moved.find("claim-91-drones"), (ItemRef {ItemKind::Claim, c91}));
}

TEST_F(ProjectTest, PoolsReturnWhatWasAdded)
{
    const auto parties = p.indices(p.events()[drones].parties);
    EXPECT_EQ(toVector(parties), (std::vector<std::uint32_t> {russia, ukraine}));
    const Citation citations[] = {{source, p.addText(std::string_view("excerpt"))}};
    const IndexRange range = p.addCitations(citations);
    ASSERT_EQ(p.citations(range).size(), 1u);
    EXPECT_EQ(p.view(p.citations(range)[0].excerpt), "excerpt");
    EXPECT_TRUE(p.indices(IndexRange {}).empty());
}

namespace {

std::vector<std::uint32_t> bruteForceInRange(const std::vector<FuzzyTime> &times, std::int64_t from,
                                             std::int64_t to)
{
    std::vector<std::uint32_t> ids;
    for (std::uint32_t i = 0; i < times.size(); ++i) {
        if (times[i].end() > times[i].start() && times[i].start() < to && times[i].end() > from)
            ids.push_back(i);
    }
    std::stable_sort(ids.begin(), ids.end(), [&times](std::uint32_t a, std::uint32_t b) {
        return times[a].start() < times[b].start();
    });
    return ids;
}

} // namespace

TEST(ProjectRanges, EventsAndClaimsInRangeMatchBruteForce)
{
    const Project p = generateProject(5000, 7);
    std::vector<FuzzyTime> eventTimes, claimTimes;
    for (const Event &e : p.events())
        eventTimes.push_back(e.when);
    for (const Claim &c : p.claims())
        claimTimes.push_back(c.madeAt);
    ASSERT_EQ(eventTimes.size(), 5000u);
    ASSERT_EQ(claimTimes.size(), 1000u);

    const std::int64_t first = at("2022-02-24").start();
    const std::int64_t last = at("2026-02-28").start();
    std::mt19937_64 random(5000);
    std::size_t nonEmpty = 0;
    for (int q = 0; q < 500; ++q) {
        const std::int64_t from = first - 86400 + std::int64_t(random() % (last - first));
        // From a minute to two months.
        const std::int64_t to = from + 60 + std::int64_t(random() % (60 * 86400));
        const auto events = p.eventsInRange(from, to);
        ASSERT_EQ(events, bruteForceInRange(eventTimes, from, to)) << from << " " << to;
        ASSERT_EQ(p.claimsInRange(from, to), bruteForceInRange(claimTimes, from, to));
        nonEmpty += !events.empty();
    }
    EXPECT_GT(nonEmpty, 400u);
    // The whole of time.
    EXPECT_EQ(p.eventsInRange(FuzzyTime::OpenStart, FuzzyTime::OpenEnd).size(), 5000u);
    EXPECT_EQ(p.claimsInRange(FuzzyTime::OpenStart, FuzzyTime::OpenEnd).size(), 1000u);
    EXPECT_EQ(p.eventTimeIndex().size(), 5000u);
    EXPECT_EQ(p.claimTimeIndex().size(), 1000u);
}
