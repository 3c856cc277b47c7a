// TimelineLanes: every class of every lane is sorted by start, each event is on the events
// lane once and each claim on its party's lane, and the window queries find exactly the items
// that overlap.

#include "document/document.h"
#include "document/filter.h"
#include "document/structurechange.h"
#include "model/generator.h"
#include "model/project.h"
#include "present/timelinelanes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

#include <QUndoStack>

using namespace claimline;

namespace {

// Every class sorted; each event once on the events lane, each claim once on its party's lane;
// the count and the extent those of the project.
void expectEachItemOnItsLane(const Project &project)
{
    TimelineLanes lanes;
    lanes.rebuild(project, nullptr, false);
    std::size_t claims = 0;
    std::size_t entries = 0;
    for (std::size_t l = 0; l < lanes.lanes().size(); ++l) {
        const TimelineLanes::Lane &lane = lanes.lanes()[l];
        for (const TimelineLanes::Class &cls : lane.classes) {
            EXPECT_TRUE(std::is_sorted(cls.starts.begin(), cls.starts.end()));
            entries += cls.codes.size();
            for (const std::uint32_t code : cls.codes) {
                if (!LaneCode::isClaim(code))
                    continue;
                ++claims;
                ASSERT_EQ(lanes.laneOf(project, LaneCode::item(code)), l);
            }
        }
    }
    EXPECT_EQ(claims, project.claims().size());
    // Each event once, however many parties it involves, and all on the events lane.
    EXPECT_EQ(entries, project.events().size() + claims);
    EXPECT_EQ(lanes.itemCount(), entries);
    const TimelineLanes::Lane &events = lanes.lanes()[lanes.eventsLane()];
    EXPECT_EQ(events.party, TimelineLanes::EventsParty);
    EXPECT_EQ(events.size, project.events().size());
    for (const TimelineLanes::Class &cls : events.classes)
        EXPECT_TRUE(std::none_of(cls.codes.begin(), cls.codes.end(), LaneCode::isClaim));
    std::int64_t from = 0;
    std::int64_t to = 0;
    ASSERT_TRUE(lanes.extent(&from, &to));
    EXPECT_EQ(from,
              std::min(project.eventTimeIndex().starts().front(),
                       project.claimTimeIndex().starts().front()));
}

} // namespace

TEST(TimelineLanes, ClassesAreSortedAndEachItemIsOnOneLane)
{
    expectEachItemOnItsLane(generateProject(3000, 7));
}

// Large enough that the claims are laid out on a second thread beside the events.
TEST(TimelineLanes, TwoThreadsLayOutTheSameLanes)
{
    expectEachItemOnItsLane(generateProject(200'000, 7));
}

TEST(TimelineLanes, WindowQueriesMatchABruteForceScan)
{
    const Project project = generateProject(3000, 11);
    TimelineLanes lanes;
    lanes.rebuild(project, nullptr, false);
    std::int64_t first = 0;
    std::int64_t last = 0;
    ASSERT_TRUE(lanes.extent(&first, &last));
    for (const std::int64_t span :
         {std::int64_t(3600), std::int64_t(86400), std::int64_t(40 * 86400)}) {
        const std::int64_t from = (first + last) / 2;
        const std::int64_t to = from + span;
        const TimelineLanes::Lane &lane = lanes.lanes()[3];
        std::set<std::uint32_t> found;
        TimelineLanes::forEachOverlapping(lane, from, to,
                                          [&](std::int64_t s, std::int64_t e, std::uint32_t code) {
                                              EXPECT_TRUE(s < to && e > from);
                                              found.insert(code);
                                          });
        std::set<std::uint32_t> expected;
        for (const TimelineLanes::Class &cls : lane.classes) {
            for (std::size_t i = 0; i < cls.codes.size(); ++i) {
                if (cls.starts[i] < to && cls.ends[i] > from)
                    expected.insert(cls.codes[i]);
            }
        }
        EXPECT_EQ(found, expected) << "span " << span;
        EXPECT_EQ(TimelineLanes::countOverlapping(lane, from, to), expected.size());
        EXPECT_GE(TimelineLanes::countCandidates(lane, from, to), expected.size());
        // Per-column counts of starts add up to the starts in the range.
        std::vector<std::uint32_t> columns(100, 0);
        TimelineLanes::countStarts(lane, double(from), double(to), columns);
        std::size_t starts = 0;
        for (const TimelineLanes::Class &cls : lane.classes)
            starts += std::count_if(cls.starts.begin(), cls.starts.end(),
                                    [&](std::int64_t s) { return s >= from && s < to; });
        EXPECT_EQ(std::accumulate(columns.begin(), columns.end(), std::size_t(0)), starts);
    }
}

TEST(TimelineLanes, FilterDropsOrFlagsRejectedItemsAndHidesLanes)
{
    const Project project = generateProject(2000, 3);
    Filter filter;
    filter.setStatusShown(Status::Disputed, false);
    filter.setPartyHidden(0, true);
    TimelineLanes lanes;
    lanes.rebuild(project, &filter, false);
    EXPECT_TRUE(lanes.lanes()[0].hidden);
    EXPECT_EQ(lanes.lanes()[0].size, 0u);
    for (const TimelineLanes::Lane &lane : lanes.lanes()) {
        for (const TimelineLanes::Class &cls : lane.classes) {
            for (const std::uint32_t code : cls.codes) {
                const ItemRef item = LaneCode::item(code);
                const Status status = item.kind == ItemKind::Claim
                    ? project.claims()[item.index].status
                    : project.events()[item.index].status;
                EXPECT_NE(status, Status::Disputed);
            }
        }
    }
    const std::size_t kept = lanes.itemCount();
    lanes.rebuild(project, &filter, true);
    std::size_t rejected = 0;
    for (const TimelineLanes::Lane &lane : lanes.lanes()) {
        for (const TimelineLanes::Class &cls : lane.classes)
            rejected += std::count_if(cls.codes.begin(), cls.codes.end(), LaneCode::isRejected);
    }
    EXPECT_GT(rejected, 0u);
    EXPECT_EQ(lanes.itemCount(), kept + rejected);
}

namespace {

void expectSameLanes(const TimelineLanes &kept, const TimelineLanes &fresh, const char *when)
{
    ASSERT_EQ(kept.lanes().size(), fresh.lanes().size()) << when;
    for (std::size_t l = 0; l < kept.lanes().size(); ++l) {
        const TimelineLanes::Lane &a = kept.lanes()[l];
        const TimelineLanes::Lane &b = fresh.lanes()[l];
        EXPECT_EQ(a.party, b.party) << when;
        EXPECT_EQ(a.hidden, b.hidden) << when;
        EXPECT_EQ(a.size, b.size) << when << ", lane " << l;
        for (std::size_t c = 0; c < TimelineLanes::ClassCount; ++c) {
            EXPECT_EQ(a.classes[c].starts, b.classes[c].starts) << when << ", lane " << l;
            EXPECT_EQ(a.classes[c].ends, b.classes[c].ends) << when << ", lane " << l;
            EXPECT_EQ(a.classes[c].codes, b.classes[c].codes) << when << ", lane " << l;
        }
    }
    EXPECT_EQ(kept.itemCount(), fresh.itemCount()) << when;
    std::int64_t keptFrom = 0, keptTo = 0, freshFrom = 0, freshTo = 0;
    EXPECT_EQ(kept.extent(&keptFrom, &keptTo), fresh.extent(&freshFrom, &freshTo)) << when;
    EXPECT_EQ(keptFrom, freshFrom) << when;
    EXPECT_EQ(keptTo, freshTo) << when;
}

} // namespace

// The timeline follows a deletion, its undo and redo without laying its lanes out again: what
// it then shows must be what a fresh layout shows, filtered or not, rejected items dropped or
// dimmed.
TEST(TimelineLanes, FollowingDeletionsAndUndoMatchesAFreshLayout)
{
    for (const bool filtered : {false, true}) {
        for (const bool keepRejected : {false, true}) {
            Document doc;
            doc.setProject(generateProject(1500, 11));
            Filter filter;
            if (filtered) {
                filter.setStatusShown(Status::Disputed, false);
                filter.setPartyHidden(1, true);
            }
            TimelineLanes lanes;
            lanes.rebuild(doc.project(), &filter, keepRejected);
            int followed = 0;
            QObject::connect(&doc, &Document::structureChanged, [&](const StructureChange &change) {
                if (lanes.follow(doc.project(), &filter, keepRejected, change))
                    ++followed;
                else
                    lanes.rebuild(doc.project(), &filter, keepRejected);
                TimelineLanes fresh;
                fresh.rebuild(doc.project(), &filter, keepRejected);
                expectSameLanes(lanes, fresh, change.inserted ? "put back" : "removed");
            });
            std::mt19937 random(5);
            const auto pick = [&](std::size_t count) {
                return std::uint32_t(random() % count);
            };
            int deletions = 0;
            for (int step = 0; step < 8; ++step) {
                deletions += doc.deleteItems(
                    {{ItemKind::Event, pick(doc.project().events().size())}}, DeleteMode::Cascade);
                deletions += doc.deleteItems(
                    {{ItemKind::Claim, pick(doc.project().claims().size())}}, DeleteMode::Cascade);
            }
            // Several at once, the first and the last among them.
            deletions += doc.deleteItems(
                {{ItemKind::Event, 0},
                 {ItemKind::Claim, pick(doc.project().claims().size())},
                 {ItemKind::Claim, std::uint32_t(doc.project().claims().size() - 1)}},
                DeleteMode::Cascade);
            ASSERT_EQ(deletions, 17);
            while (doc.undoStack()->canUndo())
                doc.undoStack()->undo();
            while (doc.undoStack()->canRedo())
                doc.undoStack()->redo();
            // Most of those were followed, not laid out again: the test is of follow().
            EXPECT_GE(followed, 40) << "filtered " << filtered << ", kept " << keepRejected;
        }
    }
}
