// The reference sample, samples/novgorod-residence-allegation.claimline: it loads cleanly, it
// is internally consistent, and it records what the articles say. Each fact is its own test
// so that a regression names the fact it broke.

#include "format/projectreader.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QDate>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace claimline;

namespace {

constexpr std::int64_t Day = 86400;

class Sample : public testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        LoadResult result = loadProject(test::samplePath());
        s_problems = result.problems;
        s_fileVersion = result.fileVersion;
        s_migrated = result.migrated;
        if (result.ok())
            s_project.emplace(std::move(*result.project));
    }
    static void TearDownTestSuite() { s_project.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(s_project.has_value())
            << (s_problems.empty() ? std::string() : s_problems.front().toStdString());
    }

    static const Project &p() { return *s_project; }

    static std::uint32_t index(std::string_view id, ItemKind kind)
    {
        const auto ref = p().find(id);
        EXPECT_TRUE(ref.has_value()) << "no item " << id;
        if (!ref)
            return NoIndex;
        EXPECT_EQ(ref->kind, kind) << id << " is a " << nameOf(ref->kind);
        return ref->index;
    }
    static std::uint32_t party(std::string_view id) { return index(id, ItemKind::Party); }
    static std::uint32_t actor(std::string_view id) { return index(id, ItemKind::Actor); }
    static std::uint32_t event(std::string_view id) { return index(id, ItemKind::Event); }
    static std::uint32_t question(std::string_view id) { return index(id, ItemKind::Question); }
    static const Claim &claim(std::string_view id)
    {
        const std::uint32_t i = index(id, ItemKind::Claim);
        return p().claims().at(i);
    }
    static std::uint32_t claimIndex(std::string_view id) { return index(id, ItemKind::Claim); }
    static const Event &eventNamed(std::string_view id) { return p().events().at(event(id)); }

    static inline std::optional<Project> s_project;
    static inline Problems s_problems;
    static inline int s_fileVersion = 0;
    static inline bool s_migrated = false;
};

} // namespace

// --- loading and integrity ------------------------------------------------------------------

TEST_F(Sample, LoadsWithoutProblems)
{
    EXPECT_TRUE(s_problems.empty());
    EXPECT_EQ(s_fileVersion, 1);
    EXPECT_FALSE(s_migrated);
}

TEST_F(Sample, HasEnoughOfEverything)
{
    EXPECT_GE(p().events().size(), 25u);
    EXPECT_GE(p().parties().size(), 8u);
    EXPECT_GE(p().claims().size(), 20u);
    EXPECT_GE(p().relations().size(), 10u);
    EXPECT_GE(p().questions().size(), 5u);
    EXPECT_GE(p().actors().size(), 10u);
}

TEST_F(Sample, QuestionsInOrder)
{
    const std::vector<std::string_view> expected {"q-targeted", "q-scale", "q-proof",
                                                  "q-evidence-jan1", "q-hardening"};
    ASSERT_GE(p().questions().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(p().view(p().questions()[i].id), expected[i]) << i;
    for (const Question &q : p().questions())
        EXPECT_FALSE(p().view(q.text).empty());
}

TEST_F(Sample, FiveSources)
{
    ASSERT_EQ(p().sources().size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(p().view(p().sources()[i].id), "src-00" + std::to_string(i));
        EXPECT_FALSE(p().view(p().sources()[i].title).empty());
    }
    // Every citation points at one of them.
    for (const Event &e : p().events()) {
        EXPECT_GE(e.sources.count, 1u) << p().view(e.id);
        for (const Citation &c : p().citations(e.sources))
            EXPECT_LT(c.source, 5u);
    }
    for (const Claim &c : p().claims()) {
        EXPECT_GE(c.sources.count, 1u) << p().view(c.id);
        for (const Citation &citation : p().citations(c.sources))
            EXPECT_LT(citation.source, 5u);
    }
}

TEST_F(Sample, EveryAnswerIsMadeOnOrAfterWhatItAnswers)
{
    for (const Relation &r : p().relations()) {
        const Claim &answer = p().claims().at(r.from);
        const Claim &original = p().claims().at(r.to);
        EXPECT_GE(answer.madeAt.start(), original.madeAt.start())
            << p().view(answer.id) << " answers " << p().view(original.id);
        EXPECT_NE(r.from, r.to);
        // So no lag is "before original".
        EXPECT_GE(responseLag(answer.madeAt, original.madeAt).max, 0);
    }
}

TEST_F(Sample, EveryClaimHasASpeakerAndADate)
{
    for (std::uint32_t i = 0; i < p().claims().size(); ++i) {
        const Claim &c = p().claims()[i];
        EXPECT_TRUE(c.claimant.isValid()) << p().view(c.id);
        EXPECT_FALSE(c.madeAt.isNull()) << p().view(c.id);
        EXPECT_FALSE(p().view(c.statement).empty()) << p().view(c.id);
        EXPECT_NE(p().partyOfClaim(i), NoIndex) << p().view(c.id);
    }
}

// --- facts ----------------------------------------------------------------------------------

TEST_F(Sample, Claim91DronesIsByRussia)
{
    const std::uint32_t c = claimIndex("claim-91-drones");
    EXPECT_EQ(p().partyOfClaim(c), party("russia"));
    // Said by Lavrov, for Russia.
    const Claim &claim91 = p().claims()[c];
    EXPECT_FALSE(claim91.claimant.isParty);
    EXPECT_EQ(claim91.claimant.index, actor("lavrov"));
    EXPECT_EQ(claim91.question, question("q-scale"));
    EXPECT_EQ(claim91.stance, Stance::Affirms);
}

TEST_F(Sample, Claim91DronesMadeOn29December)
{
    const FuzzyTime &madeAt = claim("claim-91-drones").madeAt;
    EXPECT_EQ(madeAt.start(), test::utcMidnight(2025, 12, 29));
    EXPECT_EQ(madeAt.end(), test::utcMidnight(2025, 12, 29) + Day);
    EXPECT_EQ(madeAt.toEdtf(), "2025-12-29");
}

TEST_F(Sample, Claim91DronesIsAboutTheNightOf28To29December)
{
    const Claim &c = claim("claim-91-drones");
    EXPECT_EQ(c.about, event("ev-residence-drones"));
    const FuzzyTime &when = eventNamed("ev-residence-drones").when;
    EXPECT_EQ(when.toEdtf(), "2025-12-28/2025-12-29");
    EXPECT_EQ(when.start(), test::utcMidnight(2025, 12, 28));
    EXPECT_EQ(when.end(), test::utcMidnight(2025, 12, 30));
    // The night: 28 Dec 23:00 to 29 Dec 02:00 UTC lies inside.
    EXPECT_TRUE(when.contains(test::utcMidnight(2025, 12, 28) + 23 * 3600));
    EXPECT_TRUE(when.contains(test::utcMidnight(2025, 12, 29) + 2 * 3600));
    EXPECT_FALSE(when.contains(test::utcMidnight(2025, 12, 30)));
}

TEST_F(Sample, Claim91DronesIsCounteredByUkraine)
{
    const std::uint32_t ukraine = party("ukraine");
    const std::vector<Answer> counters = p().counterClaims(claimIndex("claim-91-drones"));
    ASSERT_FALSE(counters.empty());
    bool byUkraine = false;
    for (const Answer &a : counters) {
        EXPECT_NE(a.kind, RelationKind::Corroborates);
        byUkraine = byUkraine || p().partyOfClaim(a.claim) == ukraine;
    }
    EXPECT_TRUE(byUkraine);
    // The senior officer's corroboration is an answer, but no counter-claim.
    const std::uint32_t officer = claimIndex("claim-officer-91-launched");
    bool corroborated = false;
    for (const Answer &a : p().answers(claimIndex("claim-91-drones")))
        corroborated = corroborated || (a.claim == officer && a.kind == RelationKind::Corroborates);
    EXPECT_TRUE(corroborated);
}

TEST_F(Sample, MarALagoMeetingOnSunday28December)
{
    EXPECT_EQ(QDate(2025, 12, 28).dayOfWeek(), int(Qt::Sunday));
    const FuzzyTime &when = eventNamed("ev-mar-a-lago-meeting").when;
    EXPECT_EQ(when.start(), test::utcMidnight(2025, 12, 28));
    EXPECT_EQ(when.end(), test::utcMidnight(2025, 12, 28) + Day);
    EXPECT_TRUE(when.isPrecise());
    const auto parties = p().indices(eventNamed("ev-mar-a-lago-meeting").parties);
    EXPECT_EQ(std::vector<std::uint32_t>(parties.begin(), parties.end()),
              (std::vector<std::uint32_t> {party("united-states"), party("ukraine")}));
}

TEST_F(Sample, PutinToldTrumpIsRelayedByTrump)
{
    const Claim &c = claim("claim-putin-told-trump");
    EXPECT_FALSE(c.claimant.isParty);
    EXPECT_EQ(c.claimant.index, actor("putin"));
    ASSERT_TRUE(c.via.isValid());
    EXPECT_FALSE(c.via.isParty);
    EXPECT_EQ(c.via.index, actor("trump"));
    EXPECT_EQ(c.madeAt.start(), test::utcMidnight(2025, 12, 29));
}

TEST_F(Sample, UsNoTargetingDeniesOnQTargeted)
{
    const std::uint32_t i = claimIndex("claim-us-no-targeting");
    const Claim &c = p().claims()[i];
    EXPECT_EQ(p().partyOfClaim(i), party("united-states"));
    EXPECT_EQ(c.claimant.index, actor("cia"));
    EXPECT_EQ(c.stance, Stance::Denies);
    EXPECT_EQ(c.question, question("q-targeted"));
    // It reached the public through The Wall Street Journal.
    ASSERT_TRUE(c.via.isParty);
    EXPECT_EQ(c.via.index, party("wall-street-journal"));
    EXPECT_EQ(c.madeAt.start(), test::utcMidnight(2025, 12, 31));
}

TEST_F(Sample, FabricationQuoteIsZelenskyys)
{
    const Claim &c = claim("claim-fabrication");
    EXPECT_NE(p().view(c.quote).find("a complete fabrication"), std::string_view::npos)
        << p().view(c.quote);
    EXPECT_EQ(c.quoteSpeaker, actor("zelenskyy"));
    EXPECT_EQ(p().view(c.quoteLanguage), "en");
    EXPECT_EQ(c.stance, Stance::Denies);
    EXPECT_EQ(p().partyOfClaim(claimIndex("claim-fabrication")), party("ukraine"));
}

TEST_F(Sample, KallasDistractionIsFromTheEuropeanUnion)
{
    const std::uint32_t i = claimIndex("claim-kallas-distraction");
    EXPECT_EQ(p().partyOfClaim(i), party("european-union"));
    EXPECT_EQ(p().claims()[i].claimant.index, actor("kallas"));
    EXPECT_EQ(p().view(p().claims()[i].quote), "deliberate distraction");
    EXPECT_EQ(p().claims()[i].stance, Stance::Disputes);
}

TEST_F(Sample, SixKgPayloadClaimMadeOn31December)
{
    const Claim &c = claim("claim-6kg-payload");
    EXPECT_EQ(c.madeAt.start(), test::utcMidnight(2025, 12, 31));
    EXPECT_EQ(c.madeAt.end(), test::utcMidnight(2026, 1, 1));
    EXPECT_EQ(c.claimant.index, actor("russian-defence-ministry"));
    EXPECT_TRUE(p().actors()[c.claimant.index].collective);
}

TEST_F(Sample, FlightDataClaimMadeOn1JanuaryOnItsQuestion)
{
    const Claim &c = claim("claim-flight-data");
    EXPECT_EQ(c.madeAt.start(), test::utcMidnight(2026, 1, 1));
    EXPECT_EQ(c.madeAt.end(), test::utcMidnight(2026, 1, 2));
    EXPECT_EQ(c.question, question("q-evidence-jan1"));
    EXPECT_TRUE(c.claimant.isParty);
    EXPECT_EQ(c.claimant.index, party("russia"));
    const auto onQuestion = p().claimsOn(question("q-evidence-jan1"));
    EXPECT_NE(std::find(onQuestion.begin(), onQuestion.end(), claimIndex("claim-flight-data")),
              onQuestion.end());
}

TEST_F(Sample, WsjSourceIsAnonymous)
{
    const Actor &official = p().actors().at(actor("us-official-wsj"));
    EXPECT_TRUE(official.anonymous);
    EXPECT_FALSE(official.collective);
    EXPECT_EQ(official.party, party("united-states"));
    // Named people are not anonymous.
    EXPECT_FALSE(p().actors().at(actor("kallas")).anonymous);
    EXPECT_FALSE(p().actors().at(actor("cia")).anonymous);
}

TEST_F(Sample, KhorlyStrikeMentions24Deaths)
{
    const Event &e = eventNamed("ev-khorly-strike");
    const std::string_view summary = p().view(e.summary);
    EXPECT_NE(summary.find("24 people were killed"), std::string_view::npos) << summary;
    EXPECT_EQ(e.when.start(), test::utcMidnight(2026, 1, 1));
    EXPECT_TRUE(e.when.isApproximate());
}

TEST_F(Sample, ModiAndSharifReactionsBelongToIndiaAndPakistan)
{
    const auto modiParties = p().indices(eventNamed("ev-modi-reaction").parties);
    const auto sharifParties = p().indices(eventNamed("ev-sharif-reaction").parties);
    EXPECT_EQ(std::vector<std::uint32_t>(modiParties.begin(), modiParties.end()),
              (std::vector<std::uint32_t> {party("india")}));
    EXPECT_EQ(std::vector<std::uint32_t>(sharifParties.begin(), sharifParties.end()),
              (std::vector<std::uint32_t> {party("pakistan")}));
    EXPECT_EQ(p().partyOfClaim(claimIndex("claim-modi-concerned")), party("india"));
    EXPECT_EQ(p().partyOfClaim(claimIndex("claim-sharif-heinous")), party("pakistan"));
    EXPECT_EQ(p().actors().at(actor("modi")).party, party("india"));
    EXPECT_EQ(p().actors().at(actor("sharif")).party, party("pakistan"));
}

TEST_F(Sample, FabricationAnswered91DronesWithinADay)
{
    const std::uint32_t c91 = claimIndex("claim-91-drones");
    const std::uint32_t fabrication = claimIndex("claim-fabrication");
    // Both are dated to the day 29 Dec: the answer came 0 to 24 hours later.
    std::optional<Answer> answer;
    for (const Answer &a : p().counterClaims(c91)) {
        if (a.claim == fabrication)
            answer = a;
    }
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(answer->kind, RelationKind::Denies);
    EXPECT_EQ(answer->lag.min, 0);
    EXPECT_EQ(answer->lag.max, Day - 1);
    EXPECT_EQ(formatLag(answer->lag), QStringLiteral("0\u201324 h"));
}

TEST_F(Sample, DescriptionStatesTheDayConvention)
{
    const std::string_view description = p().view(p().meta().description);
    EXPECT_NE(description.find("'Monday' = 29 Dec 2025 (28 Dec was a Sunday)"),
              std::string_view::npos);
    EXPECT_EQ(QDate(2025, 12, 29).dayOfWeek(), int(Qt::Monday));
}

// Issue 15: what published exports show. Only what the articles say: Russia's allegation with
// its dates, and Ukraine's denial; none of the internal conventions.
TEST_F(Sample, PublicDescriptionStatesTheAllegationAndTheDenial)
{
    const std::string_view text = p().view(p().meta().publicDescription);
    for (const std::string_view fact : {"Russia alleged", "Novgorod region", "91 long-range drones",
                                        "28\u201329 December 2025", "Ukraine denied it"})
        EXPECT_NE(text.find(fact), std::string_view::npos) << fact;
    for (const std::string_view internal : {"STANCE", "src-", "'Monday'", "corroborated"})
        EXPECT_EQ(text.find(internal), std::string_view::npos) << internal;
    EXPECT_NE(text, p().view(p().meta().description));
}
