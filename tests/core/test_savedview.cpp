// SavedView: reading the sample's view, writing views back in the file's shape (unknown keys,
// wrong types and unknown ids kept; the canonical writer's key order), applying a view to a
// Filter and capturing one from it, and Document::setViews with undo.

#include "document/savedview.h"

#include "document/document.h"
#include "document/filter.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "testproject.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <QUndoStack>

#include <optional>
#include <ostream>
#include <string>

using namespace claimline;
using test::indexOf;
using test::wordIndex;
using json = nlohmann::json;

namespace {

// The line of the canonical text that holds the views array's entries.
std::string viewsText(const Project &project)
{
    const std::string text = projectToString(project);
    const std::size_t start = text.find("\n  \"views\": [\n");
    if (start == std::string::npos)
        return {};
    const std::size_t from = start + std::string_view("\n  \"views\": [\n").size();
    const std::size_t end = text.find("\n  ]", from);
    return text.substr(from, end - from);
}

class SavedViewTest : public testing::Test
{
protected:
    void SetUp() override
    {
        const Problems problems = doc.load(test::samplePath());
        ASSERT_TRUE(problems.empty());
    }

    const Project &p() const { return doc.project(); }
    std::uint32_t party(std::string_view id) const { return indexOf(p(), id, ItemKind::Party); }
    std::uint32_t question(std::string_view id) const
    {
        return indexOf(p(), id, ItemKind::Question);
    }

    // A view with every field set.
    SavedView fullView() const
    {
        SavedView view;
        view.name = QStringLiteral("Everything");
        view.from = test::utcMidnight(2025, 12, 28);
        view.to = test::utcMidnight(2026, 1, 1);
        view.hiddenParties = {party("india"), party("pakistan")};
        view.statuses = (1u << unsigned(Status::Disputed)) | (1u << unsigned(Status::Refuted));
        view.stances = (1u << unsigned(Stance::Denies)) | (1u << unsigned(Stance::None));
        view.tags = {wordIndex(p(), "drones")};
        view.questions = {question("q-scale"), question("q-targeted")};
        view.dateFrom = test::utcMidnight(2025, 12, 29);
        view.dateTo = test::utcMidnight(2025, 12, 31) + 12 * 3600;
        view.reliability = 'C';
        view.text = QStringLiteral("drone");
        view.lanes = {party("ukraine"), party("russia")};
        view.a = {party("russia")};
        view.b = {party("ukraine"), party("european-union")};
        return view;
    }

    Document doc;
};

} // namespace

TEST_F(SavedViewTest, ReadsTheSamplesView)
{
    const std::vector<SavedView> views = savedViews(p());
    ASSERT_EQ(views.size(), 1u);
    const SavedView &view = views[0];
    EXPECT_EQ(view.name, QStringLiteral("Russia vs Ukraine"));
    EXPECT_EQ(view.from, test::utcMidnight(2025, 12, 28));
    // "to": "2026-01-01" includes the whole of 1 January.
    EXPECT_EQ(view.to, test::utcMidnight(2026, 1, 2));
    EXPECT_EQ(view.fromText, "2025-12-28");
    EXPECT_EQ(view.toText, "2026-01-01");
    EXPECT_EQ(view.a, std::vector<std::uint32_t> {party("russia")});
    EXPECT_EQ(view.b, std::vector<std::uint32_t> {party("ukraine")});
    EXPECT_TRUE(view.lanes.empty());
    EXPECT_FALSE(view.hasFilter());
    EXPECT_TRUE(view.extra.empty());
    EXPECT_TRUE(view.unresolved.empty());
    // Written back exactly as read.
    EXPECT_EQ(view.toJson(p()), p().views()[0]);
}

TEST_F(SavedViewTest, FullViewInTheFilesShape)
{
    const json written = fullView().toJson(p());
    const json expected = json::parse(R"({
        "name": "Everything", "from": "2025-12-28", "to": "2025-12-31",
        "a": ["russia"], "b": ["ukraine", "european-union"], "lanes": ["ukraine", "russia"],
        "filter": {"hidden_parties": ["india", "pakistan"], "statuses": ["disputed", "refuted"],
                   "stances": ["none", "denies"], "tags": ["drones"],
                   "questions": ["q-targeted", "q-scale"], "text": "drone", "reliability": "C",
                   "from": "2025-12-29", "to": "2025-12-31T11:59Z"}})");
    EXPECT_EQ(written, expected) << written.dump();
    // And read back to the same view.
    EXPECT_EQ(SavedView::fromJson(written, p()).toJson(p()), written);
    const SavedView back = SavedView::fromJson(written, p());
    EXPECT_EQ(back.dateTo, test::utcMidnight(2025, 12, 31) + 12 * 3600);
    EXPECT_EQ(back.to, test::utcMidnight(2026, 1, 1));
    EXPECT_EQ(back.lanes, fullView().lanes);
    EXPECT_EQ(back.stances, fullView().stances);
}

TEST_F(SavedViewTest, UnknownKeysSurviveLoadApplySave)
{
    const json original = json::parse(R"({
        "name": "Odd", "zoom": 3, "lanes": 5, "a": ["russia", "nobody", 7],
        "from": "soon", "to": "2026-01",
        "filter": {"colour_mode": "dark", "hidden_parties": ["russia", "gone"],
                   "statuses": ["disputed", "bogus"], "tags": ["drones", "no-such-tag"],
                   "reliability": "Z", "from": "2025-12", "questions": ["q-scale", "russia"]}})");
    const SavedView view = SavedView::fromJson(original, p());
    EXPECT_EQ(view.name, QStringLiteral("Odd"));
    EXPECT_FALSE(view.from) << "not a date";
    EXPECT_EQ(view.to, test::utcMidnight(2026, 2, 1));
    EXPECT_EQ(view.a, std::vector<std::uint32_t> {party("russia")});
    EXPECT_EQ(view.hiddenParties, std::set<std::uint32_t> {party("russia")});
    EXPECT_EQ(view.statuses, 1u << unsigned(Status::Disputed));
    EXPECT_EQ(view.tags, std::set<std::uint32_t> {wordIndex(p(), "drones")});
    // "russia" is an id, but not of a question.
    EXPECT_EQ(view.questions, std::set<std::uint32_t> {question("q-scale")});
    EXPECT_EQ(view.dateFrom, test::utcMidnight(2025, 12, 1));
    EXPECT_EQ(view.reliability, 0);
    EXPECT_EQ(view.extra, json::parse(R"({"zoom": 3, "lanes": 5})"));
    EXPECT_EQ(view.filterExtra, json::parse(R"({"colour_mode": "dark", "reliability": "Z"})"));

    // Through a Filter and back: nothing lost.
    Filter filter;
    applySavedView(view, filter);
    SavedView again = view;
    captureFilter(filter, again);
    EXPECT_EQ(again.toJson(p()), original) << again.toJson(p()).dump();

    // Saved with the canonical writer (keys sorted, unknown ones kept) and loaded again.
    doc.setViews(json::array({original}), QStringLiteral("Save view"));
    const std::string line = viewsText(p());
    EXPECT_EQ(
        line,
        R"(    {"a": ["russia", "nobody", 7], "filter": {"colour_mode": "dark", "from": "2025-12", )"
        R"("hidden_parties": ["russia", "gone"], "questions": ["q-scale", "russia"], )"
        R"("reliability": "Z", "statuses": ["disputed", "bogus"], )"
        R"("tags": ["drones", "no-such-tag"]}, "from": "soon", "lanes": 5, "name": "Odd", )"
        R"("to": "2026-01", "zoom": 3})");
    LoadResult reloaded = readProject(projectToString(p()));
    ASSERT_TRUE(reloaded.ok());
    ASSERT_EQ(savedViews(*reloaded.project).size(), 1u);
    EXPECT_EQ(savedViews(*reloaded.project)[0].toJson(*reloaded.project), original);
}

TEST_F(SavedViewTest, ChangedLimitsGetNewTextsAndClearedOnesGo)
{
    SavedView view = SavedView::fromJson(
        json::parse(R"({"name": "V", "from": "2025-12-28T10:00Z", "to": "2026-01-01",
                        "filter": {"from": "2025-12", "to": "2025-12-31"}})"),
        p());
    view.from = test::utcMidnight(2025, 12, 27);
    view.to.reset();
    view.dateTo = test::utcMidnight(2025, 12, 30) + 90; // not on a minute
    const json written = view.toJson(p());
    EXPECT_EQ(written, json::parse(R"({"name": "V", "from": "2025-12-27",
                                       "filter": {"from": "2025-12",
                                                  "to": "2025-12-30T00:01:29Z"}})"))
        << written.dump();
}

TEST_F(SavedViewTest, SampleSurvivesSavingAndLoading)
{
    const std::string before = projectToString(p());
    saveView(doc, fullView());
    ASSERT_EQ(p().views().size(), 2u);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("views.claimline"));
    ASSERT_TRUE(doc.save(path).isEmpty());

    Document reloaded;
    ASSERT_TRUE(reloaded.load(path).empty());
    const std::vector<SavedView> views = savedViews(reloaded.project());
    ASSERT_EQ(views.size(), 2u);
    EXPECT_EQ(views[0].name, QStringLiteral("Russia vs Ukraine"));
    EXPECT_EQ(views[1].toJson(reloaded.project()), fullView().toJson(p()));
    EXPECT_EQ(views[1].hiddenParties, fullView().hiddenParties);
    EXPECT_EQ(views[1].questions, fullView().questions);
    EXPECT_EQ(views[1].dateFrom, fullView().dateFrom);
    EXPECT_EQ(views[1].dateTo, fullView().dateTo);
    EXPECT_EQ(views[1].text, fullView().text);
    // Saving the reloaded project gives the same bytes (canonical and stable).
    EXPECT_EQ(projectToString(reloaded.project()), projectToString(p()));
    EXPECT_NE(projectToString(p()), before);
}

TEST_F(SavedViewTest, ApplySetsExactlyTheViewsCriteria)
{
    Filter filter;
    // Criteria the view does not have are cleared.
    filter.setPartyHidden(party("russia"), true);
    filter.setTags({wordIndex(p(), "peace-talks")});
    filter.setMinimumReliability('A');
    int changes = 0;
    QObject::connect(&filter, &Filter::changed, [&changes] { ++changes; });

    const SavedView view = fullView();
    applySavedView(view, filter);
    EXPECT_EQ(changes, 1) << "one change for the whole view";
    EXPECT_EQ(filter.hiddenParties(), view.hiddenParties);
    EXPECT_EQ(filter.statuses(), view.statuses);
    EXPECT_EQ(filter.stances(), view.stances);
    EXPECT_EQ(filter.tags(), view.tags);
    EXPECT_EQ(filter.questions(), view.questions);
    EXPECT_EQ(filter.dateFrom(), view.dateFrom);
    EXPECT_EQ(filter.dateTo(), view.dateTo);
    EXPECT_EQ(filter.minimumReliability(), 'C');
    EXPECT_EQ(filter.textQuery(), QStringLiteral("drone"));

    // Applying it again changes nothing.
    applySavedView(view, filter);
    EXPECT_EQ(changes, 1);

    // A view without criteria (the sample's) clears the filter.
    applySavedView(savedViews(p())[0], filter);
    EXPECT_EQ(changes, 2);
    EXPECT_FALSE(filter.isActive());

    // Captured back, the filter gives the same criteria.
    applySavedView(view, filter);
    SavedView captured;
    captureFilter(filter, captured);
    captured.name = view.name;
    captured.from = view.from;
    captured.to = view.to;
    captured.lanes = view.lanes;
    captured.a = view.a;
    captured.b = view.b;
    EXPECT_EQ(captured.toJson(p()), view.toJson(p()));
}

TEST_F(SavedViewTest, SetViewsIsUndoableAndMarksModified)
{
    int changes = 0;
    QObject::connect(&doc, &Document::viewsChanged, [&changes] { ++changes; });
    const json original = p().views();
    ASSERT_FALSE(doc.isModified());

    SavedView view = savedViews(p())[0];
    view.hiddenParties = {party("india")};
    saveView(doc, view); // same name: replaces it
    EXPECT_EQ(changes, 1);
    EXPECT_TRUE(doc.isModified());
    ASSERT_EQ(p().views().size(), 1u);
    EXPECT_EQ(p().views()[0]["filter"], json::parse(R"({"hidden_parties": ["india"]})"));
    EXPECT_EQ(doc.undoStack()->undoText(),
              QString::fromUtf8("Save view \u201CRussia vs Ukraine\u201D"));

    doc.undoStack()->undo();
    EXPECT_EQ(changes, 2);
    EXPECT_EQ(p().views(), original);
    EXPECT_FALSE(doc.isModified());
    doc.undoStack()->redo();
    EXPECT_EQ(changes, 3);
    EXPECT_EQ(p().views()[0]["filter"]["hidden_parties"], json::array({"india"}));

    // Another name is appended.
    view.name = QStringLiteral("India hidden");
    saveView(doc, view);
    ASSERT_EQ(p().views().size(), 2u);
    EXPECT_EQ(p().views()[1]["name"], "India hidden");

    // Deleting.
    EXPECT_FALSE(deleteView(doc, QStringLiteral("No such view")));
    EXPECT_TRUE(deleteView(doc, QStringLiteral("Russia vs Ukraine")));
    EXPECT_EQ(doc.undoStack()->undoText(),
              QString::fromUtf8("Delete view \u201CRussia vs Ukraine\u201D"));
    ASSERT_EQ(p().views().size(), 1u);
    EXPECT_EQ(p().views()[0]["name"], "India hidden");
    EXPECT_EQ(changes, 5);
    doc.undoStack()->undo();
    EXPECT_EQ(p().views().size(), 2u);

    // Setting the views they already are is not an edit.
    const int steps = doc.undoStack()->count();
    doc.setViews(p().views(), QStringLiteral("Nothing"));
    EXPECT_EQ(doc.undoStack()->count(), steps);

    // Back to the start: clean again.
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    EXPECT_EQ(p().views(), original);
    EXPECT_FALSE(doc.isModified());
}
