// Opening .claimline files: what a user relies on when a file is good, and above all when it
// is not. Every problem must carry the exact JSON Pointer of what is wrong and a message in
// plain English that names the problem; a bad file must never crash, hang or allocate without
// bound.
//
// This file: files that load and what is kept. Every problem with its pointer is in
// test_projectreader_problems.cpp; files that are not projects, migration and loadProject in
// test_projectreader_files.cpp.

#include "format/migration.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "projectreaderfixture.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace claimline;
using namespace claimline::test;

// --- files that load ----------------------------------------------------------------------

TEST(ProjectReader, MinimalProjectLoads)
{
    const LoadResult result = readProject(R"({"format": "claimline", "version": 1})");
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_TRUE(result.problems.empty());
    EXPECT_EQ(result.fileVersion, 1);
    EXPECT_FALSE(result.migrated);
    EXPECT_TRUE(result.project->events().empty());
    EXPECT_TRUE(result.project->claims().empty());
    EXPECT_EQ(result.project->idCount(), 0u);
}

TEST(ProjectReader, BaseProjectLoadsWithReferencesResolved)
{
    const LoadResult result = readProject(BaseText);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Project &p = *result.project;
    ASSERT_EQ(p.parties().size(), 2u);
    ASSERT_EQ(p.actors().size(), 2u);
    ASSERT_EQ(p.events().size(), 1u);
    ASSERT_EQ(p.claims().size(), 2u);
    ASSERT_EQ(p.relations().size(), 1u);
    EXPECT_EQ(p.view(p.meta().title), "Novgorod");
    EXPECT_EQ(p.parties()[0].color, 0xD55E00u);
    EXPECT_EQ(p.parties()[1].kind, PartyKind::State);
    EXPECT_EQ(p.actors()[1].party, 1u);
    EXPECT_EQ(p.sources()[0].reliability, 'C');

    const Event &e = p.events()[0];
    EXPECT_EQ(p.view(e.locationName), "Valdai");
    EXPECT_DOUBLE_EQ(e.latitude, 58.5);
    EXPECT_DOUBLE_EQ(e.longitude, 33.27);
    EXPECT_EQ(std::vector<std::uint32_t>(p.indices(e.parties).begin(), p.indices(e.parties).end()),
              (std::vector<std::uint32_t> {0, 1}));
    ASSERT_EQ(p.citations(e.sources).size(), 1u);
    EXPECT_EQ(p.citations(e.sources)[0].source, 0u);
    EXPECT_EQ(p.view(p.citations(e.sources)[0].excerpt), "91 drones");
    EXPECT_EQ(e.status, Status::Disputed);
    ASSERT_EQ(p.statusChanges(e.history).size(), 1u);
    EXPECT_EQ(p.statusChanges(e.history)[0].status, Status::Disputed);
    EXPECT_EQ(e.when, *FuzzyTime::parse("2025-12-28/2025-12-29"));

    const Claim &c = p.claims()[0];
    EXPECT_EQ(c.claimant, (Speaker {0, false}));
    EXPECT_EQ(c.about, 0u);
    EXPECT_EQ(c.question, 0u);
    EXPECT_EQ(c.stance, Stance::Affirms);
    EXPECT_EQ(c.quoteSpeaker, 0u);
    EXPECT_EQ(c.credibility, 4);
    EXPECT_EQ(p.claims()[1].claimant, (Speaker {1, true}));
    EXPECT_EQ(p.claims()[1].via, (Speaker {1, false}));
    EXPECT_EQ(p.relations()[0], (Relation {1, 0, RelationKind::Denies, NoIndex}));
}

TEST(ProjectReader, ForwardReferencesResolve)
{
    // Relations first, then claims, then everything they refer to; actors before parties.
    const std::string text = R"({"relations": [{"from": "c2", "to": "c1", "kind": "rebuts"}],
        "claims": [
          {"id": "c1", "claimant": "lavrov", "made_at": "2025-12-29", "about": "ev",
           "question": "q", "statement": "S1", "quote": {"text": "T", "speaker": "lavrov"},
           "sources": [{"source": "src"}]},
          {"id": "c2", "claimant": "ukraine", "via": "lavrov", "made_at": "2025-12-30",
           "statement": "S2"}],
        "events": [{"id": "ev", "title": "E", "when": "2025-12-29", "parties": ["ukraine"]}],
        "questions": [{"id": "q", "text": "Q"}],
        "actors": [{"id": "lavrov", "name": "L", "party": "russia"}],
        "sources": [{"id": "src", "title": "S"}],
        "parties": [{"id": "russia", "name": "R"}, {"id": "ukraine", "name": "U"}],
        "version": 1, "format": "claimline"})";
    const LoadResult result = readProject(text);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Project &p = *result.project;
    EXPECT_EQ(p.relations()[0], (Relation {1, 0, RelationKind::Rebuts, NoIndex}));
    EXPECT_EQ(p.claims()[0].claimant, (Speaker {0, false}));
    EXPECT_EQ(p.claims()[0].about, 0u);
    EXPECT_EQ(p.claims()[0].question, 0u);
    EXPECT_EQ(p.claims()[0].quoteSpeaker, 0u);
    EXPECT_EQ(p.citations(p.claims()[0].sources)[0].source, 0u);
    EXPECT_EQ(p.claims()[1].claimant, (Speaker {1, true}));
    EXPECT_EQ(p.claims()[1].via, (Speaker {0, false}));
    EXPECT_EQ(p.indices(p.events()[0].parties)[0], 1u);
    EXPECT_EQ(p.actors()[0].party, 0u);
}

TEST(ProjectReader, KeysInAnyOrder)
{
    // The same project with the keys of every object in reverse order (the top level, items,
    // locations, quotes, citations) reads as the same project.
    std::function<std::string(const json &)> write = [&](const json &value) -> std::string {
        if (value.is_object()) {
            std::vector<std::string> parts;
            for (const auto &[k, v] : value.items())
                parts.push_back(json(k).dump() + ": " + write(v));
            std::reverse(parts.begin(), parts.end());
            std::string out = "{";
            for (std::size_t i = 0; i < parts.size(); ++i)
                out += (i ? ", " : "") + parts[i];
            return out + "}";
        }
        if (value.is_array()) {
            std::string out = "[";
            for (std::size_t i = 0; i < value.size(); ++i)
                out += (i ? ", " : "") + write(value[i]);
            return out + "]";
        }
        return value.dump();
    };
    const std::string text = write(base());
    ASSERT_LT(text.find("\"version\""), text.find("\"format\"")); // really reordered
    const LoadResult inOrder = readProject(BaseText);
    const LoadResult outOfOrder = readProject(text);
    ASSERT_TRUE(inOrder.ok()) << describe(inOrder.problems);
    ASSERT_TRUE(outOfOrder.ok()) << describe(outOfOrder.problems);
    EXPECT_EQ(projectToString(*outOfOrder.project), projectToString(*inOrder.project));
}

TEST(ProjectReader, SampleLoads)
{
    const LoadResult result = loadProject(test::samplePath());
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_EQ(result.fileVersion, 1);
    EXPECT_FALSE(result.migrated);
    EXPECT_GT(result.project->claims().size(), 10u);
    EXPECT_GT(result.project->relations().size(), 10u);
    // The same bytes from memory give the same project.
    const LoadResult fromMemory = readProject(test::readString(test::samplePath()));
    ASSERT_TRUE(fromMemory.ok());
    EXPECT_EQ(projectToString(*fromMemory.project), projectToString(*result.project));
}

// --- what is kept -------------------------------------------------------------------------

TEST(ProjectReader, UnknownFieldsSurviveLoadAndSaveInPlace)
{
    json doc = base();
    doc["x-top"] = {{"nested", {1, 2.5, "three"}}};
    doc["/meta/x-meta"_json_pointer] = "m";
    doc["/parties/1/x-party"_json_pointer] = 7;
    doc["/actors/0/x-actor"_json_pointer] = true;
    doc["/sources/0/x-source"_json_pointer] = nullptr;
    doc["/events/0/x-event"_json_pointer] = json::array({"e", {{"k", "v"}}});
    doc["/events/0/location/x-location"_json_pointer] = "loc";
    doc["/events/0/sources"_json_pointer].push_back({{"source", "src-1"}, {"x-citation", 2}});
    doc["/events/0/status_history/0/x-history"_json_pointer] = "h";
    doc["/questions/0/x-question"_json_pointer] = -3;
    doc["/claims/0/x-claim"_json_pointer] = {{"a", 1}};
    doc["/claims/0/quote/x-quote"_json_pointer] = "q";
    doc["/relations/0/x-relation"_json_pointer] = "r";
    const LoadResult result = read(doc);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const std::string saved = projectToString(*result.project);

    EXPECT_TRUE(contains(saved, "\n  \"x-top\": {\"nested\": [1, 2.5, \"three\"]}\n}")) << saved;
    EXPECT_TRUE(contains(lineWith(saved, "\"meta\""), ", \"x-meta\": \"m\"}"));
    EXPECT_EQ(lineWith(saved, "\"id\": \"ukraine\""),
              R"(    {"id": "ukraine", "name": "Ukraine", "short": "UA", "color": "#0072B2", )"
              R"("kind": "state", "x-party": 7})");
    EXPECT_EQ(lineWith(saved, "\"id\": \"lavrov\""),
              R"(    {"id": "lavrov", "name": "Sergei Lavrov", "party": "russia", )"
              R"("x-actor": true},)");
    EXPECT_EQ(lineWith(saved, "\"id\": \"src-1\""),
              R"(    {"id": "src-1", "title": "Moscow claims strike", "reliability": "C", )"
              R"("x-source": null})");
    EXPECT_EQ(lineWith(saved, "\"id\": \"ev-drones\""),
              R"(    {"id": "ev-drones", "title": "Alleged drone attack", )"
              R"("when": "2025-12-28/2025-12-29", "location": {"name": "Valdai", "lat": 58.5, )"
              R"("lon": 33.27, "x-location": "loc"}, "parties": ["russia", "ukraine"], )"
              R"("sources": [{"source": "src-1", "excerpt": "91 drones"}, )"
              R"({"source": "src-1", "x-citation": 2}], "status": "disputed", )"
              R"("status_history": [{"status": "disputed", "at": "2025-12-30", )"
              R"("x-history": "h"}], "x-event": ["e", {"k": "v"}]})");
    EXPECT_EQ(lineWith(saved, "\"id\": \"q-targeted\""),
              R"(    {"id": "q-targeted", "text": "Did Ukraine target the residence?", )"
              R"("x-question": -3})");
    EXPECT_TRUE(contains(lineWith(saved, "\"id\": \"claim-91\""),
                         R"("quote": {"text": "91 drones", "speaker": "lavrov", "x-quote": "q"}, )"
                         R"("credibility": 4, "x-claim": {"a": 1}})"));
    EXPECT_EQ(lineWith(saved, "\"from\": \"claim-lies\""),
              R"(    {"from": "claim-lies", "to": "claim-91", "kind": "denies", )"
              R"("x-relation": "r"})");

    // And again: the saved text is stable.
    const LoadResult again = readProject(saved);
    ASSERT_TRUE(again.ok()) << describe(again.problems);
    EXPECT_EQ(projectToString(*again.project), saved);
    doc["positions"] = json::array();
    doc["views"] = json::array();
    EXPECT_TRUE(sameJson(json::parse(saved), doc)) << saved;
}

TEST(ProjectReader, UnknownFieldsOfEveryCitationAndHistoryEntryStayWithTheirEntry)
{
    json doc = base();
    json &claim = doc["claims"][0];
    claim["sources"] = json::array({{{"source", "src-1"}},
                                    {{"source", "src-1"}, {"excerpt", "b"}, {"x", 1}},
                                    {{"source", "src-1"}, {"x", 2}}});
    claim["status_history"]
        = json::array({{{"status", "unverified"}, {"y", "first"}}, {{"status", "disputed"}}});
    const LoadResult result = read(doc);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    doc["positions"] = json::array();
    doc["views"] = json::array();
    EXPECT_TRUE(sameJson(json::parse(projectToString(*result.project)), doc));
}

TEST(ProjectReader, SavedViewsSurvive)
{
    json doc = base();
    doc["views"] = json::array({{{"name", "Russia vs Ukraine"},
                                 {"from", "2025-12-28"},
                                 {"to", "2026-01-01"},
                                 {"a", {"russia"}},
                                 {"b", {"ukraine"}},
                                 {"zoom", 1.5},
                                 {"filters", {{"x", nullptr}}}},
                                {{"name", "Empty"}}});
    const LoadResult result = read(doc);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_TRUE(sameJson(json::parse(result.project->views().dump()), doc["views"]));
    const std::string saved = projectToString(*result.project);
    EXPECT_TRUE(sameJson(json::parse(saved)["views"], doc["views"]));
    EXPECT_TRUE(contains(saved,
                         R"({"a": ["russia"], "b": ["ukraine"], "filters": {"x": null}, )"
                         R"("from": "2025-12-28", "name": "Russia vs Ukraine", )"
                         R"("to": "2026-01-01", "zoom": 1.5})"));
    EXPECT_TRUE(onlyProblem(read(with("/views", {{"name", "x"}})), "/views",
                            {"must be an array of saved views, not an object"}));
}
