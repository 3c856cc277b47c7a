// Filter::accepted(): the filter's answer for every item at once, which the views read instead
// of asking item by item. It must give exactly acceptsEvent()/acceptsClaim()'s answers, on two
// threads at scale as on one, and follow every change of the criteria and of the project.

#include "document/document.h"
#include "document/filter.h"
#include "model/generator.h"
#include "model/project.h"

#include <gtest/gtest.h>

#include <QUndoStack>

#include <cstdint>
#include <functional>
#include <string>

using namespace claimline;

namespace {

// Every event and claim whose bit differs from the filter's own answer, by name.
std::string differences(const Project &project, const Filter &filter)
{
    const ItemBits &bits = filter.accepted(project);
    std::string wrong;
    for (std::uint32_t i = 0; i < project.events().size(); ++i) {
        if (bits.hasEvent(i) != filter.acceptsEvent(project, i))
            wrong += " event " + std::to_string(i);
    }
    for (std::uint32_t i = 0; i < project.claims().size(); ++i) {
        if (bits.hasClaim(i) != filter.acceptsClaim(project, i))
            wrong += " claim " + std::to_string(i);
    }
    return wrong.substr(0, 400);
}

std::size_t acceptedEvents(const Project &project, const Filter &filter)
{
    std::size_t n = 0;
    for (std::uint32_t i = 0; i < project.events().size(); ++i)
        n += filter.acceptsEvent(project, i) ? 1 : 0;
    return n;
}

struct Criterion
{
    const char *name;
    std::function<void(Filter &)> apply;
};

// Each criterion on its own, then all of them together.
const std::vector<Criterion> &criteria()
{
    static const std::vector<Criterion> all {
        {"no criterion",
         [](Filter &) {
         }},
        {"a hidden party",
         [](Filter &f) {
             f.setPartyHidden(0, true);
         }},
        {"statuses",
         [](Filter &f) {
             f.setStatusShown(Status::Disputed, false);
         }},
        {"stances",
         [](Filter &f) {
             f.setStanceShown(Stance::None, false);
         }},
        {"a question",
         [](Filter &f) {
             f.setQuestions({1});
         }},
        {"a date range",
         [](Filter &f) {
             f.setDateRange(1'600'000'000, 1'700'000'000);
         }},
        {"reliability",
         [](Filter &f) {
             f.setMinimumReliability('B');
         }},
        {"a text",
         [](Filter &f) {
             f.setTextQuery(QStringLiteral("refin"));
         }},
        {"everything at once",
         [](Filter &f) {
             f.setPartyHidden(2, true);
             f.setStatusShown(Status::Refuted, false);
             f.setDateRange(1'550'000'000, std::nullopt);
             f.setTextQuery(QStringLiteral("e"));
         }},
    };
    return all;
}

class FilterAccepted : public testing::TestWithParam<std::size_t>
{
};

} // namespace

// A small project (one thread) and one past the parallel threshold (two threads, the split
// falling inside both arrays).
TEST_P(FilterAccepted, GivesTheFiltersOwnAnswerForEveryItem)
{
    const Project project = generateProject(GetParam(), 7);
    for (const Criterion &criterion : criteria()) {
        Filter filter;
        criterion.apply(filter);
        EXPECT_EQ(differences(project, filter), "") << criterion.name;
        const ItemBits &bits = filter.accepted(project);
        EXPECT_EQ(bits.eventCount(), acceptedEvents(project, filter)) << criterion.name;
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, FilterAccepted,
                         testing::Values(std::size_t(300), std::size_t(70'000)));

TEST(FilterAcceptedChanges, FollowsEveryChangeOfTheCriteria)
{
    const Project project = generateProject(2'000, 3);
    Filter filter;
    EXPECT_EQ(filter.accepted(project).eventCount(), project.events().size());
    EXPECT_EQ(filter.accepted(project).claimCount(), project.claims().size());
    filter.setPartyHidden(1, true);
    EXPECT_EQ(differences(project, filter), "");
    const std::size_t hidden = filter.accepted(project).claimCount();
    EXPECT_LT(hidden, project.claims().size());
    filter.setPartyHidden(1, false);
    EXPECT_EQ(filter.accepted(project).claimCount(), project.claims().size());
    // Changes inside one update are seen at once, not only when changed() is emitted.
    filter.beginUpdate();
    filter.setTextQuery(QStringLiteral("drone"));
    EXPECT_EQ(differences(project, filter), "");
    filter.endUpdate();
    filter.clear();
    EXPECT_EQ(filter.accepted(project).eventCount(), project.events().size());
}

TEST(FilterAcceptedChanges, FollowsEditsAndDeletionsOfTheProject)
{
    Document document;
    document.setProject(generateProject(500, 5));
    Filter filter;
    filter.setStatusShown(Status::Refuted, false);
    const Project &project = document.project();
    ASSERT_EQ(differences(project, filter), "");
    // An edit that makes an event refuted hides it at once.
    std::uint32_t shown = 0;
    while (project.events()[shown].status == Status::Refuted)
        ++shown;
    ASSERT_TRUE(filter.accepted(project).hasEvent(shown));
    Event edited = project.events()[shown];
    edited.status = Status::Refuted;
    document.edit(shown, edited, QStringLiteral("Refute"));
    EXPECT_FALSE(filter.accepted(project).hasEvent(shown));
    EXPECT_EQ(differences(project, filter), "");
    document.undoStack()->undo();
    EXPECT_TRUE(filter.accepted(project).hasEvent(shown));
    // Deleting moves every later item down one place: the bits follow.
    ASSERT_TRUE(document.deleteItems({{ItemKind::Event, 0}}, DeleteMode::Cascade));
    EXPECT_EQ(differences(project, filter), "");
    EXPECT_EQ(filter.accepted(project).events.size(), ItemBits::wordsFor(project.events().size()));
}
