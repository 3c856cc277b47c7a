// Periods (TimelineJS eras): named spans of time drawn behind the timeline. The file's top-level
// `periods` list is read with a problem for each mistake (pointer and plain words) and written
// back byte for byte; Project::addPeriod() makes ids unique among periods; clone() copies them;
// Document::addPeriod(), editPeriod() and removePeriod() are one undo step each.

#include "document/document.h"
#include "projectreaderfixture.h"
#include "signalspy.h"
#include "testproject.h"

#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

// The base project with three periods: a day, an interval, a month with an unknown key.
json withPeriods()
{
    json doc = base();
    doc["periods"] = json::array(
        {{{"id", "period-talks"}, {"title", "Peace talks at Mar-a-Lago"}, {"when", "2025-12-28"}},
         {{"id", "period-denials"},
          {"title", "Allegation and denials"},
          {"when", "2025-12-29/2025-12-31"}},
         {{"id", "period-winter"},
          {"title", "Winter"},
          {"when", "2025-12~"},
          {"x-colour", "blue"}}});
    return doc;
}

using Periods = std::vector<std::tuple<std::string, std::string, std::string>>;

// The periods as (id, title, EDTF), in file order.
Periods periodsOf(const Project &p)
{
    Periods out;
    for (const Period &period : p.periods())
        out.emplace_back(std::string(p.view(period.id)), std::string(p.view(period.title)),
                         period.when.toEdtf());
    return out;
}

FuzzyTime edtf(std::string_view text)
{
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text);
    EXPECT_TRUE(time.has_value()) << text;
    return time.value_or(FuzzyTime());
}

} // namespace

// --- the file ---------------------------------------------------------------------------------

TEST(Periods, ReadWrittenBackByteForByteAfterThePositions)
{
    const LoadResult first = read(withPeriods());
    ASSERT_TRUE(first.ok()) << describe(first.problems);
    EXPECT_EQ(periodsOf(*first.project),
              (Periods {{"period-talks", "Peace talks at Mar-a-Lago", "2025-12-28"},
                        {"period-denials", "Allegation and denials", "2025-12-29/2025-12-31"},
                        {"period-winter", "Winter", "2025-12~"}}));
    const std::string saved = projectToString(*first.project);
    // After the positions, before the saved views; one per line, unknown keys kept after.
    EXPECT_TRUE(contains(saved,
                         "  \"positions\": [],\n"
                         "  \"periods\": [\n"
                         "    {\"id\": \"period-talks\", \"title\": \"Peace talks at Mar-a-Lago\", "
                         "\"when\": \"2025-12-28\"},\n"
                         "    {\"id\": \"period-denials\", \"title\": \"Allegation and denials\", "
                         "\"when\": \"2025-12-29/2025-12-31\"},\n"
                         "    {\"id\": \"period-winter\", \"title\": \"Winter\", \"when\": "
                         "\"2025-12~\", \"x-colour\": \"blue\"}\n"
                         "  ],\n"
                         "  \"views\": []"))
        << saved;
    const LoadResult second = readProject(saved);
    ASSERT_TRUE(second.ok()) << describe(second.problems);
    EXPECT_EQ(projectToString(*second.project), saved);
}

TEST(Periods, AFileWithoutThemIsWrittenWithoutTheKey)
{
    // Files from before periods (the sample among them) save exactly as they did.
    const LoadResult result = read(base());
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_TRUE(result.project->periods().empty());
    EXPECT_FALSE(contains(projectToString(*result.project), "periods"));
    const LoadResult empty = read(with("/periods", json::array()));
    ASSERT_TRUE(empty.ok()) << describe(empty.problems);
    EXPECT_FALSE(contains(projectToString(*empty.project), "periods"));
}

TEST(Periods, IdsAreTheirOwnNamespace)
{
    // Nothing refers to a period: its id may be an item's too, and is never found as an item.
    json doc = withPeriods();
    doc["/periods/0/id"_json_pointer] = "russia";
    const LoadResult result = read(doc);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    EXPECT_EQ(result.project->find("russia")->kind, ItemKind::Party);
    EXPECT_FALSE(result.project->find("period-denials").has_value());
    EXPECT_EQ(result.project->findPeriod("period-denials"), 1u);
}

TEST(Periods, MissingFieldsAndWrongTypes)
{
    json doc = withPeriods();
    doc["/periods/0"_json_pointer] = {{"title", "No id"}, {"when", "2025-12-28"}};
    doc["/periods/1"_json_pointer] = {{"id", "p-1"}, {"when", "2025-12-28"}};
    doc["/periods/2"_json_pointer] = {{"id", "p-2"}, {"title", "No time"}};
    doc["periods"].push_back({{"id", "p-3"}, {"title", 7}, {"when", "2025-12-28"}});
    doc["periods"].push_back({{"id", "p-4"}, {"title", "List"}, {"when", {"2025-12-28"}}});
    EXPECT_TRUE(exactlyProblems(read(doc),
                                {{"/periods/0", "missing required field \"id\""},
                                 {"/periods/1", "missing required field \"title\""},
                                 {"/periods/2", "missing required field \"when\""},
                                 {"/periods/3/title", "must be a string, not a number"},
                                 {"/periods/4/when", "must be a string, not an array"}}));

    EXPECT_TRUE(onlyProblem(read(with("/periods", json::object())), "/periods",
                            {"must be an array, not an object"}));
    EXPECT_TRUE(onlyProblem(read(with("/periods", "Winter")), "/periods",
                            {"must be an array, not a string"}));
    json notObject = withPeriods();
    notObject["/periods/1"_json_pointer] = "Allegation and denials";
    EXPECT_TRUE(onlyProblem(read(notObject), "/periods/1", {"must be an object, not a string"}));
}

TEST(Periods, EmptyTextBadTimesAndRepeatedIds)
{
    json doc = withPeriods();
    doc["/periods/0/id"_json_pointer] = "";
    doc["/periods/1/title"_json_pointer] = "";
    doc["/periods/2/when"_json_pointer] = "2025-13";
    doc["periods"].push_back(
        {{"id", "p-backwards"}, {"title", "Backwards"}, {"when", "2025-12-31/2025-12-29"}});
    doc["periods"].push_back({{"id", "period-denials"}, {"title", "Again"}, {"when", "2026"}});
    const LoadResult result = read(doc);
    ASSERT_FALSE(result.ok());
    ASSERT_EQ(result.problems.size(), 5u) << describe(result.problems);
    EXPECT_TRUE(exactlyProblems(result,
                                {{"/periods/0/id", "an id cannot be empty"},
                                 {"/periods/1/title", "a period's title cannot be empty"},
                                 result.problems[2],
                                 result.problems[3],
                                 {"/periods/4/id",
                                  "duplicate period id \"period-denials\" (already used at "
                                  "/periods/1)"}}));
    // The time's own words come from the EDTF parser, as for an event's `when`.
    EXPECT_EQ(result.problems[2].pointer, "/periods/2/when");
    EXPECT_TRUE(contains(result.problems[2].message, "\"2025-13\"")) << describe(result.problems);
    EXPECT_EQ(result.problems[3].pointer, "/periods/3/when");
    EXPECT_TRUE(contains(result.problems[3].message, "2025-12-31/2025-12-29"))
        << describe(result.problems);
}

// --- the model --------------------------------------------------------------------------------

TEST(Periods, AddedWithIdsFromTheirTitlesMadeUnique)
{
    Project p;
    EXPECT_EQ(p.addPeriod({}, "Peace talks at Mar-a-Lago", edtf("2025-12-28")), 0u);
    EXPECT_EQ(p.addPeriod({}, "Peace talks at Mar-a-Lago", edtf("2025-12-30")), 1u);
    EXPECT_EQ(p.addPeriod({}, "Перемирие", edtf("2026")), 2u); // no ASCII letter
    EXPECT_EQ(p.addPeriod({}, "Перемирие", edtf("2027")), 3u);
    EXPECT_EQ(p.addPeriod("era-1", "Winter", edtf("2025-12/2026-02")), 4u);
    EXPECT_EQ(p.addPeriod("era-1", "Spring", edtf("2026-03/2026-05")), 5u);
    EXPECT_EQ(p.addPeriod("era-2", "Nothing", FuzzyTime()), NoIndex);
    EXPECT_EQ(
        periodsOf(p),
        (Periods {{"period-peace-talks-at-mar-a-lago", "Peace talks at Mar-a-Lago", "2025-12-28"},
                  {"period-peace-talks-at-mar-a-lago-2", "Peace talks at Mar-a-Lago", "2025-12-30"},
                  {"period-1", "Перемирие", "2026"},
                  {"period-2", "Перемирие", "2027"},
                  {"era-1", "Winter", "2025-12/2026-02"},
                  {"era-1-2", "Spring", "2026-03/2026-05"}}));
    // What was added saves and loads back as it is.
    const LoadResult back = readProject(projectToString(p));
    ASSERT_TRUE(back.ok()) << describe(back.problems);
    EXPECT_EQ(periodsOf(*back.project), periodsOf(p));
}

TEST(Periods, CopiedByCloneAndCountedInTheShape)
{
    const LoadResult result = read(withPeriods());
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Project copy = result.project->clone();
    EXPECT_EQ(periodsOf(copy), periodsOf(*result.project));
    EXPECT_EQ(projectToString(copy), projectToString(*result.project));
    EXPECT_EQ(result.project->shape().periods, 3u);
    // The autosave's path: a target prepared from the shape, then copied into.
    Project target;
    target.preallocate(result.project->shape());
    result.project->copyTo(target);
    EXPECT_EQ(projectToString(target), projectToString(*result.project));
}

// --- editing ----------------------------------------------------------------------------------

namespace {

class PeriodEditing : public testing::Test
{
protected:
    void SetUp() override
    {
        LoadResult result = read(withPeriods());
        ASSERT_TRUE(result.ok()) << describe(result.problems);
        doc.setProject(std::move(*result.project));
        original = saved();
    }
    std::string saved() const { return projectToString(doc.project()); }

    Document doc;
    std::string original;
};

} // namespace

TEST_F(PeriodEditing, AddEditAndRemoveAreOneUndoStepEach)
{
    SignalSpy changed(&doc, &Document::periodsChanged);
    QUndoStack *stack = doc.undoStack();

    ASSERT_EQ(doc.addPeriod(QStringLiteral("  Strikes\n on Kyiv "), edtf("2026-01-01")), 3u);
    EXPECT_EQ(std::get<0>(periodsOf(doc.project())[3]), "period-strikes-on-kyiv");
    EXPECT_EQ(std::get<1>(periodsOf(doc.project())[3]), "Strikes on Kyiv"); // one line
    EXPECT_EQ(stack->undoText(), QStringLiteral("Add period ‘Strikes on Kyiv’"));
    EXPECT_TRUE(doc.isModified());

    ASSERT_TRUE(doc.editPeriod(1, QStringLiteral("Denials"), edtf("2025-12-29/2025-12-31")));
    EXPECT_EQ(stack->undoText(),
              QStringLiteral("Rename period ‘Allegation and denials’ to "
                             "‘Denials’"));
    ASSERT_TRUE(doc.editPeriod(1, QStringLiteral("Denials"), edtf("2025-12-29/2026-01-01")));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Change time of period ‘Denials’"));
    ASSERT_TRUE(doc.removePeriod(0));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Remove period ‘Peace talks at Mar-a-Lago’"));
    EXPECT_EQ(periodsOf(doc.project()),
              (Periods {{"period-denials", "Denials", "2025-12-29/2026-01-01"},
                        {"period-winter", "Winter", "2025-12~"},
                        {"period-strikes-on-kyiv", "Strikes on Kyiv", "2026-01-01"}}));
    EXPECT_EQ(stack->count(), 4);
    EXPECT_EQ(changed.count(), 4u);

    // Undo puts the file back as it was, byte for byte (the removed period at its place, the
    // id of an edited one kept); redo does it all again.
    const std::string edited = saved();
    while (stack->canUndo())
        stack->undo();
    EXPECT_EQ(saved(), original);
    EXPECT_FALSE(doc.isModified());
    while (stack->canRedo())
        stack->redo();
    EXPECT_EQ(saved(), edited);
    EXPECT_EQ(changed.count(), 12u);
}

TEST_F(PeriodEditing, NothingChangingOrInvalidPushesNothing)
{
    SignalSpy changed(&doc, &Document::periodsChanged);
    EXPECT_EQ(doc.addPeriod(QStringLiteral("   "), edtf("2026")), NoIndex);
    EXPECT_EQ(doc.addPeriod(QStringLiteral("No time"), FuzzyTime()), NoIndex);
    EXPECT_FALSE(
        doc.editPeriod(0, QStringLiteral("Peace talks at Mar-a-Lago"), edtf("2025-12-28")));
    EXPECT_FALSE(doc.editPeriod(0, QString(), edtf("2025-12-28")));
    EXPECT_FALSE(doc.editPeriod(0, QStringLiteral("Talks"), FuzzyTime()));
    EXPECT_FALSE(doc.editPeriod(3, QStringLiteral("Talks"), edtf("2025-12-28")));
    EXPECT_FALSE(doc.removePeriod(3));
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_EQ(changed.count(), 0u);
    EXPECT_EQ(saved(), original);
}

TEST_F(PeriodEditing, AnAddedPeriodTakesAFreeId)
{
    ASSERT_EQ(doc.addPeriod(QStringLiteral("Winter"), edtf("2026-12/2027-02")), 3u);
    ASSERT_EQ(doc.addPeriod(QStringLiteral("Winter"), edtf("2027-12/2028-02")), 4u);
    EXPECT_EQ(std::get<0>(periodsOf(doc.project())[3]), "period-winter-2");
    EXPECT_EQ(std::get<0>(periodsOf(doc.project())[4]), "period-winter-3");
    const LoadResult back = readProject(saved());
    EXPECT_TRUE(back.ok()) << describe(back.problems);
}
