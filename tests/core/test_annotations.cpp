// The analyst's own layer (issue 22): annotations, stars and tags on every kind of item. In
// the file (round trip, bad values with their pointers), as Document edits with undo, in the
// Filter and saved views, and as the one list the Annotations dock shows.

#include "annotation/annotationlist.h"
#include "annotation/itemlayer.h"
#include "document/document.h"
#include "document/filter.h"
#include "document/savedview.h"
#include "present/detailstext.h"
#include "present/filterfacts.h"
#include "projectreaderfixture.h"
#include "search/searchtext.h"
#include "testproject.h"

#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

// The base project with the layer on one item of every kind, and an unknown field inside an
// annotation (kept like any other).
json annotated()
{
    json doc = base();
    const auto note = [](const char *author, const char *at, const char *text) {
        return json {{"author", author}, {"at", at}, {"text", text}};
    };
    doc["/parties/0/tags"_json_pointer] = {"state-media"};
    doc["/parties/0/starred"_json_pointer] = true;
    doc["/parties/0/annotations"_json_pointer]
        = json::array({note("Ana", "2026-01-02T09:30:00Z", "Check TASS wording.")});
    doc["/actors/0/annotations"_json_pointer]
        = json::array({note("Bo", "2026-01-03T10:00:00Z", "Minister, not spokesman.")});
    doc["/actors/0/starred"_json_pointer] = true;
    doc["/sources/0/tags"_json_pointer] = {"needs-archive", "ru"};
    doc["/sources/0/annotations"_json_pointer]
        = json::array({note("Ana", "2026-01-01T08:00:00Z", "Archive this\nbefore it moves.")});
    doc["/events/0/starred"_json_pointer] = true;
    doc["/events/0/annotations"_json_pointer]
        = json::array({note("Ana", "2026-01-04T12:00:00Z", "Satellite images?"),
                       note("Bo", "2026-01-05T12:00:01Z", "None yet.")});
    doc["/events/0/annotations/1/mood"_json_pointer] = "doubtful";
    doc["/questions/0/tags"_json_pointer] = {"core"};
    doc["/questions/0/annotations"_json_pointer]
        = json::array({note("Čeněk", "2026-01-06T07:00:00Z", "The question of the week.")});
    doc["/claims/1/tags"_json_pointer] = {"denial", "follow-up"};
    doc["/claims/1/starred"_json_pointer] = true;
    doc["/claims/1/annotations"_json_pointer]
        = json::array({note("Bo", "2026-01-07T18:45:00Z", "Zelenskyy said it on video too.")});
    return doc;
}

std::vector<std::string> words(const Project &p, IndexRange range)
{
    std::vector<std::string> out;
    for (const std::uint32_t w : p.indices(range))
        out.emplace_back(p.word(w));
    return out;
}

std::string noteText(const Project &p, ItemRef item, std::uint32_t position)
{
    return std::string(p.view(p.annotations(layerOf(p, item).annotations)[position].text));
}

} // namespace

// --- the file ------------------------------------------------------------------------------

TEST(Annotations, EveryKindRoundTripsWithAuthorsTimesStarsAndTags)
{
    const LoadResult result = read(annotated());
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Project &p = *result.project;
    EXPECT_TRUE(p.parties()[0].starred);
    EXPECT_FALSE(p.parties()[1].starred);
    EXPECT_EQ(words(p, p.parties()[0].tags), (std::vector<std::string> {"state-media"}));
    EXPECT_EQ(words(p, p.sources()[0].tags), (std::vector<std::string> {"needs-archive", "ru"}));
    EXPECT_EQ(words(p, p.claims()[1].tags), (std::vector<std::string> {"denial", "follow-up"}));
    EXPECT_EQ(words(p, p.questions()[0].tags), (std::vector<std::string> {"core"}));
    const auto event = p.annotations(p.events()[0].annotations);
    ASSERT_EQ(event.size(), 2u);
    EXPECT_EQ(p.view(event[1].author), "Bo");
    EXPECT_EQ(event[1].at.toEdtf(), "2026-01-05T12:00:01Z");
    EXPECT_EQ(p.view(event[1].text), "None yet.");
    EXPECT_EQ(noteText(p, {ItemKind::Source, 0}, 0), "Archive this\nbefore it moves.");
    EXPECT_EQ(p.view(p.annotations(p.questions()[0].annotations)[0].author), "Čeněk");

    // Written back: the same values, the unknown field inside an annotation included, and the
    // text is stable (writing what was read gives the same bytes).
    const std::string written = projectToString(p);
    json expected = annotated();
    expected["positions"] = json::array(); // the writer's empty arrays
    expected["views"] = json::array();
    EXPECT_TRUE(sameJson(json::parse(written), expected)) << written;
    const LoadResult again = readProject(written);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(projectToString(*again.project), written);
    // Nothing is written for an item without the layer: no "starred": false, no empty lists.
    EXPECT_EQ(json::parse(written)["parties"][1].count("starred"), 0u);
    EXPECT_EQ(json::parse(written)["parties"][1].count("annotations"), 0u);
    EXPECT_EQ(json::parse(written)["parties"][1].count("tags"), 0u);
}

TEST(Annotations, BadValuesAreProblemsWithTheirPointers)
{
    EXPECT_TRUE(onlyProblem(read(with("/claims/0/starred", "yes")), "/claims/0/starred",
                            {"must be true or false", "string"}));
    EXPECT_TRUE(
        onlyProblem(read(with("/sources/0/tags", "ru")), "/sources/0/tags", {"must be an array"}));
    EXPECT_TRUE(onlyProblem(
        read(with("/questions/0/annotations", json::array({{{"author", "Ana"}, {"text", "x"}}}))),
        "/questions/0/annotations/0", {"missing required field \"at\""}));
    EXPECT_TRUE(onlyProblem(
        read(with("/events/0/annotations",
                  json::array({{{"author", "Ana"}, {"at", "2026-01"}, {"text", "x"}}}))),
        "/events/0/annotations/0/at", {"instant in UTC", "\"2026-01\""}));
    EXPECT_TRUE(onlyProblem(
        read(with("/parties/0/annotations",
                  json::array({{{"author", 3}, {"at", "2026-01-02T09:30:00Z"}, {"text", "x"}}}))),
        "/parties/0/annotations/0/author", {"must be a string"}));
}

// --- the Document ----------------------------------------------------------------------------

class AnnotationDocument : public testing::Test
{
protected:
    void SetUp() override
    {
        LoadResult result = read(annotated());
        ASSERT_TRUE(result.ok());
        doc.setProject(std::move(*result.project));
    }
    const Project &p() const { return doc.project(); }

    Document doc;
};

TEST_F(AnnotationDocument, AddEditAndDeleteAreEachOneUndoStep)
{
    const ItemRef claim {ItemKind::Claim, 0};
    const FuzzyTime at = *FuzzyTime::parse("2026-02-01T11:22:33Z");
    EXPECT_FALSE(
        doc.addAnnotation(claim, QStringLiteral("Ana"), QStringLiteral("   "), at)); // blank text
    EXPECT_FALSE(
        doc.addAnnotation(claim, QStringLiteral(" "), QStringLiteral("Text"), at)); // no author
    EXPECT_FALSE(doc.addAnnotation({ItemKind::Claim, 99}, QStringLiteral("Ana"),
                                   QStringLiteral("Text"), at));
    EXPECT_EQ(doc.undoStack()->count(), 0);

    ASSERT_TRUE(doc.addAnnotation(claim, QStringLiteral("  Ana  "),
                                  QStringLiteral("  Ninety-one? Check MoD video.\n"), at));
    ASSERT_EQ(p().claims()[0].annotations.count, 1u);
    const Annotation &added = p().annotations(p().claims()[0].annotations)[0];
    EXPECT_EQ(p().view(added.author), "Ana");
    EXPECT_EQ(p().view(added.text), "Ninety-one? Check MoD video.");
    EXPECT_EQ(added.at.toEdtf(), "2026-02-01T11:22:33Z");
    EXPECT_EQ(doc.undoStack()->undoText(), QStringLiteral("Annotate ‘91 drones were launched.’"));

    ASSERT_TRUE(doc.editAnnotation(claim, 0, QStringLiteral("Ninety-one: the MoD's own count.")));
    EXPECT_EQ(noteText(p(), claim, 0), "Ninety-one: the MoD's own count.");
    EXPECT_EQ(p().view(p().annotations(p().claims()[0].annotations)[0].author), "Ana");
    EXPECT_FALSE(
        doc.editAnnotation(claim, 0, QStringLiteral("Ninety-one: the MoD's own count."))); // same
    EXPECT_FALSE(doc.editAnnotation(claim, 1, QStringLiteral("No such note")));

    ASSERT_TRUE(doc.removeAnnotation(claim, 0));
    EXPECT_EQ(p().claims()[0].annotations.count, 0u);
    EXPECT_EQ(doc.undoStack()->count(), 3);

    doc.undoStack()->undo();
    EXPECT_EQ(noteText(p(), claim, 0), "Ninety-one: the MoD's own count.");
    doc.undoStack()->undo();
    EXPECT_EQ(noteText(p(), claim, 0), "Ninety-one? Check MoD video.");
    doc.undoStack()->undo();
    EXPECT_EQ(p().claims()[0].annotations.count, 0u);
    EXPECT_FALSE(doc.isModified());
    doc.undoStack()->redo();
    EXPECT_EQ(noteText(p(), claim, 0), "Ninety-one? Check MoD video.");
}

TEST_F(AnnotationDocument, AnAnnotationWithoutATimeIsStampedNowInUtcToTheSecond)
{
    const std::int64_t before = QDateTime::currentSecsSinceEpoch();
    ASSERT_TRUE(doc.addAnnotation({ItemKind::Party, 1}, QStringLiteral("Ana"),
                                  QStringLiteral("Kyiv's line.")));
    const Annotation &a = p().annotations(p().parties()[1].annotations)[0];
    EXPECT_EQ(a.at.startPrecision(), Precision::Second);
    EXPECT_GE(a.at.start(), before);
    EXPECT_LE(a.at.start(), QDateTime::currentSecsSinceEpoch());
    EXPECT_TRUE(QString::fromStdString(a.at.toEdtf()).endsWith(u'Z'));
}

TEST_F(AnnotationDocument, StarsOnManyItemsOfEveryKindAreOneStep)
{
    const std::vector<ItemRef> items {{ItemKind::Party, 1},    {ItemKind::Actor, 1},
                                      {ItemKind::Source, 0},   {ItemKind::Event, 0},
                                      {ItemKind::Question, 0}, {ItemKind::Claim, 0}};
    // The event is starred already: five change.
    EXPECT_EQ(doc.setStarred(items, true), 5);
    for (const ItemRef &item : items)
        EXPECT_TRUE(layerOf(p(), item).starred) << int(item.kind);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(doc.undoStack()->undoText(), QStringLiteral("Star 5 items"));
    EXPECT_EQ(doc.setStarred(items, true), 0);

    doc.undoStack()->undo();
    EXPECT_FALSE(p().parties()[1].starred);
    EXPECT_FALSE(p().claims()[0].starred);
    EXPECT_TRUE(p().events()[0].starred); // as it was

    EXPECT_EQ(doc.setStarred({{ItemKind::Claim, 0}, {ItemKind::Claim, 1}}, false), 1);
    EXPECT_EQ(doc.undoStack()->undoText(), QStringLiteral("Unstar ‘Ukraine denies it.’"));
}

TEST_F(AnnotationDocument, TagsOnClaimsSourcesAndQuestionsAtOnce)
{
    const std::vector<ItemRef> items {
        {ItemKind::Claim, 0}, {ItemKind::Claim, 1}, {ItemKind::Source, 0}, {ItemKind::Question, 0}};
    EXPECT_EQ(doc.setTags(items, {"verify"}, {"ru"}), 4);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(doc.undoStack()->undoText(), QStringLiteral("Change tags of 4 items"));
    EXPECT_EQ(words(p(), p().claims()[0].tags), (std::vector<std::string> {"verify"}));
    EXPECT_EQ(words(p(), p().claims()[1].tags),
              (std::vector<std::string> {"denial", "follow-up", "verify"}));
    EXPECT_EQ(words(p(), p().sources()[0].tags),
              (std::vector<std::string> {"needs-archive", "verify"}));
    doc.undoStack()->undo();
    EXPECT_EQ(words(p(), p().sources()[0].tags),
              (std::vector<std::string> {"needs-archive", "ru"}));
    EXPECT_EQ(p().claims()[0].tags.count, 0u);

    EXPECT_EQ(doc.setTags({{ItemKind::Claim, 0}, {ItemKind::Claim, 1}}, {"x"}, {}), 2);
    EXPECT_EQ(doc.undoStack()->undoText(), QStringLiteral("Add tag ‘x’ to 2 claims"));
}

// --- the Filter --------------------------------------------------------------------------------

TEST_F(AnnotationDocument, TheFilterKeepsStarredAnnotatedOrOneAuthorsItems)
{
    Filter filter;
    const auto shown = [&] {
        std::vector<std::string> ids;
        for (std::uint32_t i = 0; i < p().events().size(); ++i)
            if (filter.acceptsEvent(p(), i))
                ids.emplace_back(p().view(p().events()[i].id));
        for (std::uint32_t i = 0; i < p().claims().size(); ++i)
            if (filter.acceptsClaim(p(), i))
                ids.emplace_back(p().view(p().claims()[i].id));
        return ids;
    };
    using Ids = std::vector<std::string>;
    ASSERT_EQ(shown(), (Ids {"ev-drones", "claim-91", "claim-lies"}));
    filter.setStarredOnly(true);
    EXPECT_EQ(shown(), (Ids {"ev-drones", "claim-lies"}));
    EXPECT_EQ(filter.summary(p()), QStringLiteral("Filter: starred"));
    filter.setStarredOnly(false);
    filter.setAnnotatedOnly(true);
    EXPECT_EQ(shown(), (Ids {"ev-drones", "claim-lies"}));
    ASSERT_TRUE(
        doc.addAnnotation({ItemKind::Claim, 0}, QStringLiteral("Čeněk"), QStringLiteral("Seen.")));
    EXPECT_EQ(shown(), (Ids {"ev-drones", "claim-91", "claim-lies"}));
    filter.setAnnotatedOnly(false);
    filter.setAnnotationAuthor(QStringLiteral("Bo"));
    EXPECT_EQ(shown(), (Ids {"ev-drones", "claim-lies"}));
    filter.setAnnotationAuthor(QStringLiteral("Čeněk"));
    EXPECT_EQ(shown(), (Ids {"claim-91"}));
    EXPECT_EQ(filter.summary(p()), QStringLiteral("Filter: annotated by Čeněk"));
    EXPECT_TRUE(filter.isActive());
    filter.clear();
    EXPECT_FALSE(filter.isActive());

    // A claim has its own tags and its event's.
    filter.setTags({wordIndex(p(), "follow-up")});
    EXPECT_EQ(shown(), (Ids {"claim-lies"}));
}

TEST_F(AnnotationDocument, SavedViewsKeepTheLayersCriteria)
{
    Filter filter;
    filter.setStarredOnly(true);
    filter.setAnnotationAuthor(QStringLiteral("Ana"));
    SavedView view;
    view.name = QStringLiteral("Mine");
    captureFilter(filter, view);
    const nlohmann::json written = view.toJson(p());
    EXPECT_EQ(written["filter"]["starred"], true);
    EXPECT_EQ(written["filter"]["annotated_by"], "Ana");
    EXPECT_EQ(written["filter"].count("annotated"), 0u);
    Filter restored;
    applySavedView(SavedView::fromJson(written, p()), restored);
    EXPECT_TRUE(restored.starredOnly());
    EXPECT_FALSE(restored.annotatedOnly());
    EXPECT_EQ(restored.annotationAuthor(), QStringLiteral("Ana"));
}

// --- the list the dock shows -------------------------------------------------------------------

TEST_F(AnnotationDocument, EveryAnnotationNewestFirstSearchedAsTheSearchBoxDoes)
{
    const std::vector<AnnotationEntry> all = listAnnotations(p());
    ASSERT_EQ(all.size(), 7u);
    std::vector<std::string> texts;
    for (const AnnotationEntry &e : all)
        texts.emplace_back(p().view(annotationAt(p(), e).text));
    EXPECT_EQ(
        texts,
        (std::vector<std::string> {"Zelenskyy said it on video too.", "The question of the week.",
                                   "None yet.", "Satellite images?", "Minister, not spokesman.",
                                   "Check TASS wording.", "Archive this\nbefore it moves."}));
    EXPECT_EQ(all.front().item, (ItemRef {ItemKind::Claim, 1}));

    const auto matching = [&](const char *query) {
        std::size_t n = 0;
        for (const AnnotationEntry &e : all)
            n += annotationMatches(p(), e, foldForSearch(QString::fromUtf8(query)));
        return n;
    };
    EXPECT_EQ(matching(""), 7u);
    EXPECT_EQ(matching("cenek"), 1u); // the author, accents folded
    EXPECT_EQ(matching("SATELLITE"), 1u); // case folded
    EXPECT_EQ(matching("drone attack"), 2u); // the item's title
    EXPECT_EQ(matching("nothing like it"), 0u);
    EXPECT_EQ(annotationAuthors(p()),
              (QStringList {QStringLiteral("Ana"), QStringLiteral("Bo"), QStringLiteral("Čeněk")}));
}

TEST_F(AnnotationDocument, OnlyAnInstantToTheMinuteOrSecondIsRecorded)
{
    // What the reader would refuse is never recorded: the file would not open again.
    for (const char *at : {"2026-02", "2026-02-01", "2026-02-01T10:00:00Z/2026-02-02", "2026-02~"})
        EXPECT_FALSE(doc.addAnnotation({ItemKind::Event, 0}, QStringLiteral("Ana"),
                                       QStringLiteral("x"), *FuzzyTime::parse(at)))
            << at;
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_TRUE(doc.addAnnotation({ItemKind::Event, 0}, QStringLiteral("Ana"), QStringLiteral("x"),
                                  *FuzzyTime::parse("2026-02-01T10:00Z")));
}

TEST_F(AnnotationDocument, DeletingAnAnnotationTakesItsUnknownFieldsWithIt)
{
    // The event's second annotation has "mood": deleting the first must not move it.
    const ItemRef event {ItemKind::Event, 0};
    ASSERT_TRUE(doc.removeAnnotation(event, 0));
    json written = json::parse(projectToString(p()));
    EXPECT_EQ(written["events"][0]["annotations"][0]["text"], "None yet.");
    EXPECT_EQ(written["events"][0]["annotations"][0]["mood"], "doubtful");
    ASSERT_TRUE(doc.removeAnnotation(event, 0));
    written = json::parse(projectToString(p()));
    EXPECT_EQ(written["events"][0].count("annotations"), 0u);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    EXPECT_TRUE(sameJson(json::parse(projectToString(p()))["events"][0], annotated()["events"][0]));
}

TEST_F(AnnotationDocument, AnEntryKeptAcrossAnUndoReadsAsEmptyNotOutOfRange)
{
    const std::vector<AnnotationEntry> before = listAnnotations(p());
    ASSERT_TRUE(doc.removeAnnotation({ItemKind::Event, 0}, 1));
    const AnnotationEntry gone {{ItemKind::Event, 0}, 1};
    EXPECT_NE(std::find(before.begin(), before.end(), gone), before.end());
    EXPECT_TRUE(annotationAt(p(), gone).text.isEmpty());
    EXPECT_FALSE(annotationMatches(p(), gone, foldForSearch(QStringLiteral("none yet"))));
}

TEST_F(AnnotationDocument, TheFilterPanelCountsTheTagsOfClaimsToo)
{
    FilterFacts facts;
    facts.count(p());
    EXPECT_EQ(facts.tagCounts()[wordIndex(p(), "follow-up")], 1);
    // Tags only other kinds carry cannot filter the timeline: not counted.
    EXPECT_EQ(facts.tagCounts()[wordIndex(p(), "needs-archive")], 0);
}

TEST_F(AnnotationDocument, DetailsShowTheLayerInASectionOfItsOwn)
{
    const QString text = DetailsText::toPlainText(
        DetailsText(p(), QTimeZone::utc()).describe({{ItemKind::Claim, 1}}, {ItemKind::Claim, 1}));
    EXPECT_TRUE(text.contains(QStringLiteral("\nAnalyst: 1 annotation\nStarred: ★\nTags: denial, "
                                             "follow-up\n")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Bo · 7 Jan 2026")));
    EXPECT_TRUE(text.endsWith(QStringLiteral("Zelenskyy said it on video too.")));
}
