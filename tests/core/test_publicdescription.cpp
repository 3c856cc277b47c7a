// The public description (issue 15): publication exports show the project's public
// description, a field of its own, and never its internal description. The TimelineJS title
// slide and the narratives HTML page, for the sample and for a project full of traps; with no
// public description they show none rather than falling back to the internal one.

#include "export/narrativeshtml.h"
#include "export/timelinejsexport.h"
#include "format/projectreader.h"
#include "model/project.h"
#include "present/narrativestable.h"
#include "samplefacts.h"
#include "testsupport.h"

#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace claimline;

namespace {

// Internal and public descriptions that cannot be mistaken for each other or for any other
// text of the project, with markup and a line break in the public one.
constexpr const char *Project2 = R"({"format": "claimline", "version": 1,
  "meta": {"title": "Two descriptions",
           "description": "INTERNAL-ONLY stance convention: affirms = yes",
           "public_description": "Published <b>words</b> & more.\nSecond paragraph."},
  "parties": [{"id": "north", "name": "North"}, {"id": "south", "name": "South"}],
  "questions": [{"id": "q", "text": "Did it happen?"}],
  "events": [{"id": "e", "title": "Talks", "when": "2025-03-03"}],
  "claims": [{"id": "c1", "claimant": "north", "made_at": "2025-03-03", "question": "q",
              "stance": "affirms", "statement": "It happened."},
             {"id": "c2", "claimant": "south", "made_at": "2025-03-04", "question": "q",
              "stance": "denies", "statement": "It did not."}]})";

nlohmann::json titleSlide(const Project &project)
{
    const QByteArray bytes = timelineJsJson(project);
    return nlohmann::json::parse(bytes.toStdString())["title"];
}

QString html(const Project &project)
{
    NarrativesSpec spec;
    spec.parties = NarrativesTable::defaultParties(project);
    NarrativesTable table;
    table.build(project, nullptr, spec);
    return narrativesHtml(project, table, QTimeZone::utc());
}

Project withoutPublicDescription()
{
    std::string text = Project2;
    const std::string key = R"(,
           "public_description": "Published <b>words</b> & more.\nSecond paragraph.")";
    const std::size_t at = text.find(key);
    EXPECT_NE(at, std::string::npos);
    text.erase(at, key.size());
    return test::parseProject(text.c_str());
}

} // namespace

TEST(PublicDescription, TimelineJsTitleSlideShowsThePublicDescriptionOnly)
{
    const Project project = test::parseProject(Project2);
    const nlohmann::json title = titleSlide(project);
    EXPECT_EQ(title["text"]["headline"], "Two descriptions");
    // One paragraph per line, escaped: TimelineJS renders the text as HTML.
    EXPECT_EQ(title["text"]["text"],
              "<p>Published &lt;b&gt;words&lt;/b&gt; &amp; more.</p><p>Second paragraph.</p>");
    const QByteArray bytes = timelineJsJson(project);
    EXPECT_FALSE(bytes.contains("INTERNAL-ONLY"));
    EXPECT_FALSE(bytes.contains("stance convention"));
}

TEST(PublicDescription, TimelineJsShowsNoDescriptionRatherThanTheInternalOne)
{
    const Project project = withoutPublicDescription();
    ASSERT_FALSE(project.text(project.meta().description).isEmpty());
    EXPECT_EQ(titleSlide(project)["text"]["text"], "");
    EXPECT_FALSE(timelineJsJson(project).contains("INTERNAL-ONLY"));
}

TEST(PublicDescription, HtmlPageShowsThePublicDescriptionOnly)
{
    const Project project = test::parseProject(Project2);
    const QString page = html(project);
    EXPECT_TRUE(page.contains(
        QStringLiteral("<p class=\"lead\">Published &lt;b&gt;words&lt;/b&gt; &amp; more.</p>\n"
                       "<p class=\"lead\">Second paragraph.</p>\n</header>")))
        << page.toStdString();
    EXPECT_TRUE(page.contains(QStringLiteral(
        "<meta name=\"description\" content=\"Published &lt;b&gt;words&lt;/b&gt; &amp; more. "
        "Second paragraph.\">")))
        << page.left(600).toStdString();
    EXPECT_FALSE(page.contains(QStringLiteral("INTERNAL-ONLY")));
    EXPECT_FALSE(page.contains(QStringLiteral("<b>")));

    const QString none = html(withoutPublicDescription());
    EXPECT_FALSE(none.contains(QStringLiteral("INTERNAL-ONLY")));
    EXPECT_FALSE(none.contains(QStringLiteral("class=\"lead\"")));
    EXPECT_FALSE(none.contains(QStringLiteral("name=\"description\"")));
}

// The sample: its internal description (stance conventions) never reaches a published page;
// its public description does.
TEST(PublicDescription, SampleExportsShowThePublicNotTheInternalDescription)
{
    const Project project = test::loadSample();
    const QString publicText = project.text(project.meta().publicDescription);
    const QString internal = project.text(project.meta().description);
    ASSERT_FALSE(publicText.isEmpty());
    ASSERT_TRUE(internal.contains(QStringLiteral("STANCE CONVENTION")));
    const QString internalPhrase
        = QStringLiteral("built from five undated English-language articles");
    ASSERT_TRUE(internal.contains(internalPhrase));
    ASSERT_FALSE(publicText.contains(internalPhrase));

    const nlohmann::json title = titleSlide(project);
    EXPECT_EQ(title["text"]["text"], "<p>" + publicText.toStdString() + "</p>");
    TimelineJsOptions withClaims;
    withClaims.includeClaims = true;
    const QByteArray json = timelineJsJson(project, nullptr, withClaims);
    EXPECT_FALSE(json.contains("STANCE CONVENTION"));
    EXPECT_FALSE(json.contains(internalPhrase.toUtf8()));

    const QString page = html(project);
    EXPECT_TRUE(
        page.contains(QStringLiteral("<p class=\"lead\">") + publicText + QStringLiteral("</p>")));
    EXPECT_FALSE(page.contains(QStringLiteral("STANCE CONVENTION")));
    EXPECT_FALSE(page.contains(internalPhrase));
}
