// ProjectReader: ids and the references between items. Each reference resolves to its item
// or is reported at its own pointer, whatever the order of the file and however the reader
// looks it up (at once, in a batch, or after the whole file).

#include "format/projectreader.h"
#include "format/reader/problemlist.h"
#include "projectreaderfixture.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace claimline;
using namespace claimline::test;

TEST(ProjectReader, UnknownReferenceOfEachKind)
{
    struct Case
    {
        std::string pointer;
        std::string message;
    };
    const std::vector<Case> cases {
        {"/actors/0/party", "unknown party \"nope\""},
        {"/events/0/parties/1", "unknown party \"nope\""},
        {"/events/0/sources/0/source", "unknown source \"nope\""},
        {"/claims/0/claimant", "unknown actor or party \"nope\""},
        {"/claims/1/via", "unknown actor or party \"nope\""},
        {"/claims/0/about", "unknown event \"nope\""},
        {"/claims/0/question", "unknown question \"nope\""},
        {"/claims/0/quote/speaker", "unknown actor \"nope\""},
        {"/relations/0/from", "unknown claim \"nope\""},
        {"/relations/0/to", "unknown claim \"nope\""},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.pointer);
        EXPECT_TRUE(exactlyProblems(read(with(c.pointer, "nope")), {{c.pointer, c.message}}));
    }
}

TEST(ProjectReader, ReferenceToTheWrongKind)
{
    struct Case
    {
        std::string pointer;
        std::string id;
        std::string message;
    };
    const std::vector<Case> cases {
        {"/actors/0/party", "lavrov", "\"lavrov\" is an actor, not a party"},
        {"/events/0/parties/0", "src-1", "\"src-1\" is a source, not a party"},
        {"/events/0/sources/0/source", "zelenskyy", "\"zelenskyy\" is an actor, not a source"},
        {"/claims/0/claimant", "ev-drones", "\"ev-drones\" is an event, not an actor or party"},
        {"/claims/1/via", "claim-91", "\"claim-91\" is a claim, not an actor or party"},
        {"/claims/0/about", "q-targeted", "\"q-targeted\" is a question, not an event"},
        {"/claims/0/question", "ev-drones", "\"ev-drones\" is an event, not a question"},
        {"/claims/0/quote/speaker", "russia", "\"russia\" is a party, not an actor"},
        {"/relations/0/from", "ev-drones", "\"ev-drones\" is an event, not a claim"},
        {"/relations/0/to", "lavrov", "\"lavrov\" is an actor, not a claim"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.pointer);
        EXPECT_TRUE(exactlyProblems(read(with(c.pointer, c.id)), {{c.pointer, c.message}}));
    }
}

TEST(ProjectReader, DuplicateIdAcrossKindsPointsAtTheSecond)
{
    // All kinds share one namespace: an actor may not reuse a party's id.
    EXPECT_TRUE(exactlyProblems(read(with("/actors/1/id", "russia")),
                                {{"/actors/1/id",
                                  "duplicate id \"russia\" (already used at "
                                  "/parties/0)"},
                                 // The actor's id is gone, so the claim relaying through it
                                 // now names a party, which is allowed; nothing else breaks.
                                 {"/claims/1/via", "unknown actor or party \"zelenskyy\""}}));
    json doc = base();
    doc["questions"].push_back({{"id", "ev-drones"}, {"text", "Same id as the event"}});
    EXPECT_TRUE(exactlyProblems(read(doc),
                                {{"/questions/1/id",
                                  "duplicate id \"ev-drones\" "
                                  "(already used at /events/0)"}}));
    doc = base();
    doc["parties"].push_back({{"id", "russia"}, {"name", "Russia again"}});
    EXPECT_TRUE(exactlyProblems(read(doc),
                                {{"/parties/2/id",
                                  "duplicate id \"russia\" "
                                  "(already used at /parties/0)"}}));
    doc = base();
    doc["claims"].push_back({{"id", "claim-91"},
                             {"claimant", "russia"},
                             {"made_at", "2025-12-30"},
                             {"statement", "Again"}});
    EXPECT_TRUE(exactlyProblems(read(doc),
                                {{"/claims/2/id",
                                  "duplicate id \"claim-91\" "
                                  "(already used at /claims/0)"}}));
}

// An id is registered a little after it is read (its slot of the id index is fetched
// meanwhile); what the reader reports must not show it: problems in the order of the file,
// each at its own pointer, an item naming itself found at once.
TEST(ProjectReader, ADuplicateIdIsReportedInFileOrderWithItsItemsOtherProblems)
{
    std::string text = BaseText;
    const std::string lastClaim = R"({"id": "claim-lies", "claimant": "ukraine")";
    ASSERT_NE(text.find(lastClaim), std::string::npos);
    // The second claim takes the first's id, then names itself, then has a bad date, and
    // lacks its statement; a third claim follows it.
    text.replace(text.find(lastClaim), lastClaim.size(),
                 R"({"id": "claim-91", "claimant": "ukraine", "about": "claim-91")");
    const std::string lastDate = R"("made_at": "2025-12-29",
     "stance": "denies", "statement": "Ukraine denies it."})";
    ASSERT_NE(text.find(lastDate), std::string::npos);
    text.replace(text.find(lastDate), lastDate.size(),
                 R"("made_at": "2025-12-32", "stance": "denies"},
    {"id": "claim-3", "claimant": "russia", "made_at": "2025-12-30", "statement": "Third."})");
    const LoadResult result = readProject(text);
    const Problems expected = {
        {"/claims/1/id", "duplicate id \"claim-91\" (already used at /claims/0)"},
        {"/claims/1/about", "\"claim-91\" is a claim, not an event"},
        {"/claims/1/made_at", "day 32 in \"2025-12-32\" is out of range for December 2025"},
        {"/claims/1", "missing required field \"statement\""},
        // The relation named the claim whose id was taken.
        {"/relations/0/from", "unknown claim \"claim-lies\""},
    };
    EXPECT_EQ(describe(result.problems), describe(expected));
}

// References to ids outside the reference cache (a claim's event, a relation's claims) are
// looked up in batches, a little after they are read; what the reader reports must not show
// it: every reference resolved to its item, each problem at its own pointer, in file order.
TEST(ProjectReader, ReferencesLookedUpInBatchesResolveAndReportAsRead)
{
    constexpr int Count = 40; // several batches, and references of two arrays in one
    const auto addItems = [](json &doc, bool withProblems) {
        for (int i = 0; i < Count; ++i) {
            const std::string n = std::to_string(i);
            doc["events"].push_back(
                {{"id", "ev-n" + n}, {"title", "Event " + n}, {"when", "2025"}});
            std::string about = "ev-n" + n;
            if (withProblems && i % 4 == 1)
                about = "q-targeted";
            else if (withProblems && i % 4 == 2)
                about = "ev-missing-" + n;
            else if (withProblems && i % 4 == 3)
                about = "claim-n" + std::to_string(i - 1);
            json claim = {{"id", "claim-n" + n},
                          {"claimant", "lavrov"},
                          {"made_at", "2025-12-30"},
                          {"about", about},
                          {"statement", "Statement " + n}};
            if (withProblems && i % 3 == 0)
                claim["credibility"] = "high";
            doc["claims"].push_back(claim);
            const std::string to = withProblems && i % 5 == 0
                ? "ev-n" + n
                : "claim-n" + std::to_string((i + 1) % Count);
            doc["relations"].push_back({{"from", "claim-n" + n}, {"to", to}, {"kind", "denies"}});
        }
    };

    json doc = base();
    addItems(doc, false);
    const LoadResult good = read(doc);
    ASSERT_TRUE(good.ok()) << describe(good.problems);
    const Project &project = *good.project;
    for (int i = 0; i < Count; ++i) {
        SCOPED_TRACE(i);
        const Claim &claim = project.claims()[std::size_t(2 + i)];
        ASSERT_NE(claim.about, NoIndex);
        EXPECT_EQ(project.view(project.events()[claim.about].id), "ev-n" + std::to_string(i));
        const Relation &relation = project.relations()[std::size_t(1 + i)];
        EXPECT_EQ(relation.from, std::uint32_t(2 + i));
        EXPECT_EQ(relation.to, std::uint32_t(2 + (i + 1) % Count));
    }

    doc = base();
    addItems(doc, true);
    Problems expected;
    for (int i = 0; i < Count; ++i) {
        const std::string claim = "/claims/" + std::to_string(2 + i);
        if (i % 4 == 1)
            expected.push_back({claim + "/about", "\"q-targeted\" is a question, not an event"});
        if (i % 4 == 3)
            expected.push_back(
                {claim + "/about",
                 "\"claim-n" + std::to_string(i - 1) + "\" is a claim, not an event"});
        if (i % 3 == 0)
            expected.push_back({claim + "/credibility",
                                "must be a number from 1 to 6 (Admiralty information "
                                "credibility)"});
        // Not defined when read: reported once the whole file is.
        if (i % 4 == 2)
            expected.push_back(
                {claim + "/about", "unknown event \"ev-missing-" + std::to_string(i) + "\""});
    }
    for (int i = 0; i < Count; i += 5)
        expected.push_back({"/relations/" + std::to_string(1 + i) + "/to",
                            "\"ev-n" + std::to_string(i) + "\" is an event, not a claim"});
    EXPECT_EQ(describe(read(doc).problems), describe(expected));
}

// A reference to an item defined just after it is a forward reference even when the item is
// registered before the reference's batch is looked up: reported after the whole file, as
// ever. With more than ProblemList::MaxProblems problems after it, that decides whether it
// is listed.
TEST(ProjectReader, AnItemDefinedAfterABatchedReferenceIsStillAForwardReference)
{
    json doc = base();
    doc["claims"][1]["about"] = "claim-next"; // a claim, not an event, defined next
    doc["claims"].push_back({{"id", "claim-next"},
                             {"claimant", "russia"},
                             {"made_at", "2025-12-30"},
                             {"statement", "Next."}});
    const Problem forward {"/claims/1/about", "\"claim-next\" is a claim, not an event"};
    EXPECT_EQ(describe(read(doc).problems), describe({forward}));

    // Then more problems than are listed: found after the whole file, the forward reference's
    // problem is past the list's end.
    for (std::size_t i = 0; i < ProblemList::MaxProblems; ++i)
        doc["relations"].push_back({{"from", "claim-91"}, {"to", "claim-lies"}, {"kind", "x"}});
    const Problems problems = read(doc).problems;
    ASSERT_EQ(problems.size(), ProblemList::MaxProblems + 1);
    EXPECT_EQ(std::count_if(problems.begin(), problems.end(),
                            [](const Problem &p) { return p.pointer == "/relations/1/kind"; }),
              1);
    EXPECT_EQ(std::count(problems.begin(), problems.end(), forward), 0) << describe(problems);
}

// A read that stops at a syntax error still lists the problems of what was read before it,
// references waiting in a batch included.
TEST(ProjectReader, ASyntaxErrorAfterABatchedReferenceKeepsItsProblem)
{
    json doc = base();
    doc["claims"][1]["about"] = "claim-91"; // a claim, looked up for the first time
    std::string text = doc.dump(2);
    const std::size_t relations = text.find("\"relations\"");
    ASSERT_NE(relations, std::string::npos);
    text.resize(relations); // cut after the claims
    const Problems problems = readProject(text).problems;
    ASSERT_EQ(problems.size(), 2u) << describe(problems);
    EXPECT_TRUE(std::count(problems.begin(), problems.end(),
                           Problem {"/claims/1/about", "\"claim-91\" is a claim, not an event"}))
        << describe(problems);
    EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [](const Problem &p) {
        return contains(p.message, "not valid JSON");
    })) << describe(problems);
}
