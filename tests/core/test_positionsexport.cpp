// The Positions table and its data exports: the sample's table is seed 001's "What each side
// is arguing" (only the rows and columns that have a position), the CSV is exactly that table
// in RFC 4180, and the HTML page holds it escaped, with the public description and a layout
// that stacks on a phone.

#include "document/filter.h"
#include "export/positionsexport.h"
#include "export/positionstable.h"
#include "format/projectreader.h"
#include "testproject.h"
#include "testsupport.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;
using test::indexOf;

namespace {

Project sample()
{
    LoadResult result = loadProject(test::samplePath());
    EXPECT_TRUE(result.ok());
    return result.ok() ? std::move(*result.project) : Project();
}

// A small project whose names and positions need quoting and escaping.
Project awkward()
{
    LoadResult result = readProject(R"({"format": "claimline", "version": 1,
      "meta": {"title": "A <b>bold</b> title", "description": "internal only",
               "public_description": "First line & more\nSecond line"},
      "parties": [{"id": "a", "name": "Side \"A\", Inc."}, {"id": "b", "name": "B", "color": "#0072B2"},
                  {"id": "c", "name": "C"}],
      "questions": [{"id": "q1", "text": "Is it <script>?"}, {"id": "q2", "text": "Unanswered"},
                    {"id": "q3", "text": "Multi"}],
      "positions": [{"question": "q1", "party": "a", "text": "Yes, \"twice\""},
                    {"question": "q3", "party": "b", "text": "=1+1"},
                    {"question": "q1", "party": "b", "text": "<img src=x onerror=alert(1)>"}]})");
    EXPECT_TRUE(result.ok()) << (result.problems.empty() ? std::string()
                                                         : result.problems.front().toStdString());
    return result.ok() ? std::move(*result.project) : Project();
}

// What every export of a project shows.
PositionsTable exported(const Project &project)
{
    PositionsTable table;
    table.buildForExport(project, nullptr);
    return table;
}

QString utf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

TEST(PositionsTable, TheSampleExportsSeed001sTable)
{
    const Project p = sample();
    const PositionsTable table = exported(p);
    // Three questions of seven, four parties of eleven: the ones that have a position.
    ASSERT_EQ(table.rowCount(), 3);
    ASSERT_EQ(table.columnCount(), 4);
    EXPECT_EQ(table.questionText(p, 0), QStringLiteral("Was Putin or his residence targeted?"));
    EXPECT_EQ(table.questionText(p, 1), QStringLiteral("How large was the operation?"));
    EXPECT_EQ(table.questionText(p, 2), QStringLiteral("What proof has been offered?"));
    EXPECT_EQ(table.partyName(p, 0), QStringLiteral("Russia"));
    EXPECT_EQ(table.partyName(p, 1), QStringLiteral("Ukraine"));
    EXPECT_EQ(table.partyName(p, 2), QStringLiteral("United States"));
    EXPECT_EQ(table.partyName(p, 3), QStringLiteral("European Union"));
    EXPECT_EQ(table.text(p, 0, 0), QStringLiteral("Yes"));
    EXPECT_EQ(table.text(p, 0, 1), QStringLiteral("No"));
    EXPECT_EQ(table.text(p, 0, 3), QString());
    EXPECT_EQ(table.position(0, 3), NoIndex);
    EXPECT_EQ(table.text(p, 1, 0), QStringLiteral("91 drones"));
    EXPECT_EQ(table.text(p, 2, 1), QStringLiteral("Calls the footage unconvincing"));
    EXPECT_EQ(table.filledCount(), 11);
}

TEST(PositionsTable, TheViewShowsEveryQuestionAndFollowsTheFilter)
{
    const Project p = sample();
    Filter filter;
    filter.setPartyHidden(indexOf(p, "ukraine", ItemKind::Party), true);
    PositionsTable table;
    table.build(p, &filter, PositionsTable::allParties(p), false);
    EXPECT_EQ(table.rowCount(), int(p.questions().size()));
    EXPECT_EQ(table.columnCount(), int(p.parties().size()) - 1);
    for (int c = 0; c < table.columnCount(); ++c)
        EXPECT_NE(table.partyName(p, c), QStringLiteral("Ukraine"));

    // An export leaves the hidden party out too.
    table.buildForExport(p, &filter);
    EXPECT_EQ(table.columnCount(), 3);
    EXPECT_EQ(table.partyName(p, 1), QStringLiteral("United States"));
}

// The CSV, cell by cell: seed 001's table (as the sample records it) and nothing else.
TEST(PositionsCsv, TheSampleIsSeed001sTable)
{
    const Project p = sample();
    const PositionsTable table = exported(p);
    const QByteArray csv = positionsCsv(p, table);
    ASSERT_TRUE(csv.startsWith("\xEF\xBB\xBF"));
    EXPECT_EQ(utf8(csv.mid(3)),
              QStringLiteral("Question,Russia,Ukraine,United States,European Union\r\n"
                             "Was Putin or his residence targeted?,Yes,No,U.S. says Ukraine did "
                             "not target Putin/residences,\r\n"
                             "How large was the operation?,91 drones,Denies the alleged "
                             "operation,Scale not independently confirmed publicly,Scale not "
                             "independently confirmed publicly\r\n"
                             "What proof has been offered?,Drone-debris footage and technical "
                             "claims,Calls the footage unconvincing,Public proof remains "
                             "disputed,Public proof remains disputed\r\n"));
    CsvExportOptions noBom;
    noBom.byteOrderMark = false;
    EXPECT_TRUE(positionsCsv(p, table, noBom).startsWith("Question,Russia,"));
}

TEST(PositionsCsv, QuotesAndGuardsFields)
{
    const Project p = awkward();
    const PositionsTable table = exported(p);
    CsvExportOptions options;
    options.byteOrderMark = false;
    EXPECT_EQ(
        utf8(positionsCsv(p, table, options)),
        QStringLiteral("Question,\"Side \"\"A\"\", Inc.\",B\r\n"
                       "Is it <script>?,\"Yes, \"\"twice\"\"\",<img src=x onerror=alert(1)>\r\n"
                       "Multi,,'=1+1\r\n"));
}

TEST(PositionsCsv, WrittenToOneFileAtomically)
{
    const Project p = sample();
    const PositionsTable table = exported(p);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("positions.csv"));
    EXPECT_EQ(exportPositionsCsv(p, table, path), QString());
    EXPECT_EQ(test::readBytes(path), positionsCsv(p, table));
    // A folder that does not exist: an error naming the file, nothing written.
    const QString missing = dir.filePath(QStringLiteral("no/such/positions.csv"));
    const QString error = exportPositionsCsv(p, table, missing);
    EXPECT_TRUE(error.contains(QStringLiteral("positions.csv"))) << error.toStdString();
    EXPECT_FALSE(QFile::exists(missing));
}

TEST(PositionsHtml, HoldsTheTableTitleAndPublicDescription)
{
    const Project p = sample();
    const PositionsTable table = exported(p);
    const QString html = positionsHtml(p, table);
    EXPECT_TRUE(html.startsWith(QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">")));
    EXPECT_TRUE(html.contains(QStringLiteral("<meta name=\"viewport\"")));
    EXPECT_TRUE(html.contains(QStringLiteral("<h1>Alleged drone attack on Putin&#39;s Novgorod "
                                             "residence (28 Dec 2025 – 1 Jan 2026)</h1>")))
        << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("<p class=\"lead\">Russia alleged that Ukraine")));
    EXPECT_FALSE(html.contains(QStringLiteral("STANCE CONVENTION"))); // the internal description
    EXPECT_TRUE(html.contains(QStringLiteral("<th scope=\"col\">Question</th>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<th scope=\"row\">Was Putin or his residence "
                                             "targeted?</th><td data-label=\"Russia\" "
                                             "style=\"--party:#d55e00\">Yes</td><td "
                                             "data-label=\"Ukraine\" "
                                             "style=\"--party:#0072b2\">No</td>")))
        << html.toStdString();
    // The European Union said nothing on targeting: an empty cell, which a phone leaves out.
    EXPECT_TRUE(html.contains(QStringLiteral("style=\"--party:#56b4e9\"></td></tr>")));
    EXPECT_TRUE(html.contains(QStringLiteral("td:empty{display:none}")));
    EXPECT_TRUE(html.contains(QStringLiteral("@media (max-width:40rem)")));
    EXPECT_EQ(html.count(QStringLiteral("<tr>")), 4); // the header and three questions
    EXPECT_FALSE(html.contains(QStringLiteral("<script")));
    EXPECT_TRUE(html.contains(QStringLiteral("<footer><p>Positions are short summaries")));
    EXPECT_TRUE(html.contains(QStringLiteral("<p>Source: Alleged drone attack on Putin&#39;s "
                                             "Novgorod residence (28 Dec 2025 – 1 Jan 2026), "
                                             "compiled from 5 sources</p></footer>")))
        << html.toStdString();
}

TEST(PositionsHtml, EscapesEveryFileString)
{
    const Project p = awkward();
    const PositionsTable table = exported(p);
    const QString html = positionsHtml(p, table);
    EXPECT_TRUE(html.contains(QStringLiteral("<title>A &lt;b&gt;bold&lt;/b&gt; title</title>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<th scope=\"row\">Is it &lt;script&gt;?</th>")));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("data-label=\"Side &quot;A&quot;, Inc.\"")));
    EXPECT_TRUE(html.contains(QStringLiteral("<p class=\"lead\">First line &amp; more</p>\n"
                                             "<p class=\"lead\">Second line</p>")));
    EXPECT_FALSE(html.contains(QStringLiteral("<script")));
    EXPECT_FALSE(html.contains(QStringLiteral("<img")));
    EXPECT_FALSE(html.contains(QStringLiteral("internal only")));
    // A party without a colour gets no invented one.
    EXPECT_TRUE(html.contains(QStringLiteral("<th scope=\"col\">Side &quot;A&quot;, Inc.</th>")));
}

TEST(PositionsHtml, AProjectWithoutPositionsSaysSo)
{
    Project p;
    const PositionsTable table = exported(p);
    EXPECT_TRUE(table.isEmpty());
    const QString html = positionsHtml(p, table);
    EXPECT_TRUE(html.contains(QStringLiteral("<h1>What each side is arguing</h1>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<p class=\"empty\">No positions recorded.</p>")));
    EXPECT_FALSE(html.contains(QStringLiteral("<table>")));
}
