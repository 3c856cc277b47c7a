// NarrativesView: the matrix of questions × parties and the side-by-side comparison read as
// seed 001's table does; clicks, selection, filter and edits behave; file text is shown
// literally; exports work from the real executable.
//
// Expected texts are taken from the sample file through the Project (ids, statements), not
// from the view's own helpers, and lags are computed here with responseLag/formatLag.
//
// This file: the matrix, side by side, untrusted text, scale and pictures. Clicks, selection,
// filter, edits and Alt+drag linking are in test_narratives_interaction.cpp; exports in
// test_narratives_export.cpp.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "export/narrativeshtml.h"
#include "model/generator.h"
#include "model/project.h"
#include "narratives/claimdialog.h"
#include "narratives/narrativescanvas.h"
#include "narratives/narrativesexport.h"
#include "narratives/narrativesview.h"
#include "narrativesfixture.h"
#include "testprocess.h"
#include "testsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QMouseEvent>
#include <QPalette>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>

using namespace claimline;
using namespace claimline::test;

// --- matrix ----------------------------------------------------------------------------------

TEST(NarrativesView, MatrixReproducesSeed001)
{
    Fixture f;
    ASSERT_EQ(f.view.mode(), NarrativesMode::Matrix);
    for (const char *q : {"q-targeted", "q-scale", "q-proof"})
        ASSERT_GE(f.rowOf(q), 0) << q;
    for (const char *p : {"russia", "ukraine", "united-states"})
        ASSERT_GE(f.columnOf(p), 0) << p;
    EXPECT_EQ(f.view.columnTitle(f.columnOf("russia")), QStringLiteral("Russia"));
    EXPECT_EQ(f.view.rowTitle(f.rowOf("q-targeted")),
              QStringLiteral("Was Putin or his residence targeted?"));

    // Was Putin or a residence targeted? Russia: yes. Ukraine: no. U.S.: did not target.
    const QString ruTargeted = f.cell("q-targeted", "russia");
    EXPECT_TRUE(ruTargeted.contains(QStringLiteral("affirms · Vladimir Putin (via Donald Trump)")))
        << str(ruTargeted);
    EXPECT_TRUE(ruTargeted.contains(f.statement("claim-putin-told-trump")));
    EXPECT_TRUE(ruTargeted.contains(QStringLiteral("affirms · Sergei Lavrov")));
    EXPECT_TRUE(ruTargeted.contains(QStringLiteral("“state terrorism”")));
    EXPECT_FALSE(ruTargeted.contains(QStringLiteral("denies ·")));
    const QString uaTargeted = f.cell("q-targeted", "ukraine");
    EXPECT_TRUE(uaTargeted.startsWith(QStringLiteral("denies · Volodymyr Zelenskyy · 29 Dec 2025")))
        << str(uaTargeted);
    EXPECT_TRUE(uaTargeted.contains(f.statement("claim-fabrication")));
    EXPECT_TRUE(uaTargeted.contains(QStringLiteral("“a complete fabrication”")));
    EXPECT_TRUE(uaTargeted.contains(QStringLiteral("2 sources · best C · disputed")));
    const QString usTargeted = f.cell("q-targeted", "united-states");
    EXPECT_TRUE(usTargeted.contains(
        QStringLiteral("denies · Central Intelligence Agency (via The Wall Street Journal)")))
        << str(usTargeted);
    EXPECT_TRUE(usTargeted.contains(f.statement("claim-us-no-targeting")));

    // How large was it? Russia: 91 drones. Ukraine denies the operation (answering it from
    // another question). U.S.: not confirmed (qualifies).
    const QString ruScale = f.cell("q-scale", "russia");
    EXPECT_TRUE(ruScale.startsWith(QStringLiteral("affirms · Sergei Lavrov · 29 Dec 2025")))
        << str(ruScale);
    EXPECT_TRUE(ruScale.contains(f.statement("claim-91-drones")));
    EXPECT_TRUE(ruScale.contains(QStringLiteral("91 long-range drones")));
    const QString uaScale = f.cell("q-scale", "ukraine");
    EXPECT_TRUE(uaScale.startsWith(QStringLiteral("denies · Volodymyr Zelenskyy"))) << str(uaScale);
    EXPECT_TRUE(uaScale.contains(QStringLiteral("in answer to Sergei Lavrov")));
    EXPECT_TRUE(uaScale.contains(f.statement("claim-footage-unconvincing")));
    const QString usScale = f.cell("q-scale", "united-states");
    EXPECT_TRUE(usScale.startsWith(QStringLiteral("qualifies · A US official familiar")))
        << str(usScale);

    // What proof? Russia: debris footage. Ukraine: unconvincing. U.S.: disputed/unproven.
    const QString ruProof = f.cell("q-proof", "russia");
    EXPECT_TRUE(ruProof.startsWith(QStringLiteral("affirms · Russian Defence Ministry")))
        << str(ruProof);
    EXPECT_TRUE(ruProof.contains(f.statement("claim-6kg-payload")));
    const QString uaProof = f.cell("q-proof", "ukraine");
    EXPECT_TRUE(uaProof.startsWith(QStringLiteral("disputes · Ukrainian officials · 31 Dec 2025")))
        << str(uaProof);
    EXPECT_TRUE(uaProof.contains(f.statement("claim-footage-unconvincing")));
    const QString usProof = f.cell("q-proof", "united-states");
    EXPECT_TRUE(usProof.startsWith(QStringLiteral("qualifies · Donald Trump"))) << str(usProof);
    EXPECT_TRUE(usProof.contains(f.statement("claim-trump-well-find-out")));
}

TEST(NarrativesView, MatrixHasEveryQuestionAndTheDefaultColumns)
{
    Fixture f;
    ASSERT_EQ(f.view.rowCount(), int(f.project().questions().size()));
    for (std::uint32_t q = 0; q < f.project().questions().size(); ++q)
        EXPECT_EQ(f.view.rowTitle(int(q)), f.project().text(f.project().questions()[q].text));
    for (const char *q : {"q-evidence-jan1", "q-hardening", "q-peace-talks", "q-retaliation"})
        EXPECT_GE(f.rowOf(q), 0) << q;
    // Default columns: the parties that made a claim on a question, in file order.
    const std::vector<std::uint32_t> expected {
        f.party("russia"),         f.party("ukraine"),       f.party("united-states"),
        f.party("european-union"), f.party("india"),         f.party("pakistan"),
        f.party("reuters"),        f.party("new-york-post"), f.party("hungarian-conservative")};
    EXPECT_EQ(f.view.parties(), expected);
    EXPECT_EQ(f.view.findChild<QComboBox *>(QStringLiteral("narrativesMode"))->currentIndex(), 0);
}

TEST(NarrativesView, EmptyCellSaysNoPublicPosition)
{
    Fixture f;
    // Nobody but Russia spoke to the 1 January evidence.
    EXPECT_EQ(f.cell("q-evidence-jan1", "ukraine"), QStringLiteral("no public position"));
    EXPECT_EQ(f.cell("q-evidence-jan1", "united-states"), QStringLiteral("no public position"));
    for (int r = 0; r < f.view.rowCount(); ++r) {
        for (int c = 0; c < f.view.columnCount(); ++c)
            EXPECT_FALSE(f.view.cellText(r, c).isEmpty()) << r << "," << c;
    }
}

TEST(NarrativesView, ColumnsCanBeChosenAndOrdered)
{
    Fixture f;
    f.view.setParties({f.party("ukraine"), f.party("russia")});
    EXPECT_EQ(f.view.columnCount(), 2);
    EXPECT_EQ(f.view.columnTitle(0), QStringLiteral("Ukraine"));
    EXPECT_TRUE(f.view.cellText(f.rowOf("q-targeted"), 1).contains(QStringLiteral("Lavrov")));
}

// --- side by side ----------------------------------------------------------------------------

TEST(NarrativesView, SideBySideShowsZelenskyyOppositeTheNinetyOneDrones)
{
    Fixture f;
    f.view.setNarratives({f.party("russia")}, {f.party("ukraine")});
    EXPECT_EQ(f.view.mode(), NarrativesMode::SideBySide);
    EXPECT_EQ(f.view.columnTitle(NarrativesTable::ColumnA), QStringLiteral("Russia"));
    EXPECT_EQ(f.view.columnTitle(NarrativesTable::ColumnB), QStringLiteral("Ukraine"));

    // The relation answering claim-91-drones from Ukraine.
    const Project &p = f.project();
    const std::uint32_t drones = f.claim("claim-91-drones");
    std::uint32_t answer = NoIndex;
    RelationKind kind = RelationKind::Corroborates;
    for (const std::uint32_t r : p.relationsAnswering(drones)) {
        if (p.partyOfClaim(p.relations()[r].from) == f.party("ukraine")) {
            answer = p.relations()[r].from;
            kind = p.relations()[r].kind;
        }
    }
    ASSERT_EQ(answer, f.claim("claim-fabrication"));
    const int row = f.pairRowOf(drones);
    ASSERT_GE(row, 0);
    const NarrativesRow &pair = f.view.table().rows()[std::size_t(row)];
    ASSERT_NE(std::find(pair.cells[1].begin(), pair.cells[1].end(), answer), pair.cells[1].end());
    const QString lag
        = formatLag(responseLag(p.claims()[answer].madeAt, p.claims()[drones].madeAt));
    const QString link = f.view.cellText(row, NarrativesTable::ColumnLink);
    EXPECT_TRUE(
        link.contains(QString::fromLatin1(nameOf(kind).data()) + QStringLiteral(" · ") + lag))
        << str(link);
    EXPECT_TRUE(
        f.view.cellText(row, NarrativesTable::ColumnA).contains(f.statement("claim-91-drones")));
    EXPECT_TRUE(
        f.view.cellText(row, NarrativesTable::ColumnB).contains(f.statement("claim-fabrication")));

    // Grouped by question: a header row precedes the pair.
    bool headed = false;
    for (int r = row - 1; r >= 0 && !headed; --r)
        headed = f.view.table().rows()[std::size_t(r)].kind == NarrativesRow::Kind::Heading;
    EXPECT_TRUE(headed);
    f.view.setOrder(NarrativesOrder::ByTime);
    for (const NarrativesRow &r : f.view.table().rows())
        EXPECT_EQ(r.kind, NarrativesRow::Kind::Pair);
    EXPECT_GE(f.pairRowOf(drones), 0);
}

TEST(NarrativesView, SideBySideFlagsUnansweredClaimsOnEitherSide)
{
    Fixture f;
    f.view.setNarratives({f.party("russia")}, {f.party("ukraine")});
    const Project &p = f.project();
    const NarrativesTable &table = f.view.table();
    // Computed here: a shown claim is unanswered when no relation comes from the other side.
    for (const std::uint32_t c : table.shownClaims()) {
        const std::uint32_t side = p.partyOfClaim(c);
        bool answered = false;
        for (const std::uint32_t r : p.relationsAnswering(c)) {
            const std::uint32_t other = p.partyOfClaim(p.relations()[r].from);
            answered = answered
                || ((other == f.party("russia") || other == f.party("ukraine")) && other != side);
        }
        EXPECT_EQ(table.isUnanswered(c), !answered) << p.view(p.claims()[c].id);
    }
    EXPECT_TRUE(table.isUnanswered(f.claim("claim-khorly")));
    EXPECT_FALSE(table.isUnanswered(f.claim("claim-91-drones")));
    EXPECT_TRUE(table.isUnanswered(f.claim("claim-no-undermining"))); // B side
    const int khorly = f.pairRowOf(f.claim("claim-khorly"));
    ASSERT_GE(khorly, 0);
    EXPECT_TRUE(
        f.view.cellText(khorly, NarrativesTable::ColumnA).endsWith(QStringLiteral("\nunanswered")));
    const auto [row, column] = table.locate(f.claim("claim-no-undermining"));
    ASSERT_GE(row, 0);
    EXPECT_EQ(column, NarrativesTable::ColumnB);
    EXPECT_TRUE(f.view.cellText(row, column).contains(QStringLiteral("unanswered")));
}

TEST(NarrativesView, SideBySideWithAGroup)
{
    Fixture f;
    f.view.setNarratives({f.party("russia")},
                         {f.party("united-states"), f.party("european-union")});
    EXPECT_EQ(f.view.columnTitle(NarrativesTable::ColumnB), QStringLiteral("U.S./EU"));
    const int row = f.pairRowOf(f.claim("claim-state-terrorism"));
    ASSERT_GE(row, 0);
    const QString b = f.view.cellText(row, NarrativesTable::ColumnB);
    EXPECT_TRUE(b.contains(f.statement("claim-us-no-targeting"))) << str(b);
    EXPECT_TRUE(b.contains(f.statement("claim-kallas-distraction"))) << str(b);
    // The Kremlin answers the US assessment: A answers B, shown with its own arrow.
    const int coordinates = f.pairRowOf(f.claim("claim-coordinates-confirm"));
    ASSERT_GE(coordinates, 0);
    EXPECT_TRUE(f.view.cellText(coordinates, NarrativesTable::ColumnLink)
                    .startsWith(QStringLiteral("disputes ") + QChar(0x25b6)));
}

// --- untrusted text --------------------------------------------------------------------------

TEST(NarrativesView, MarkupIsShownLiterallyAndEscapedInHtml)
{
    QTemporaryDir dir;
    Fixture f(markupProject(QDir(dir.path())));
    const QString markup = QStringLiteral("<img src=x><b>b</b>");
    EXPECT_TRUE(f.cell("q-scale", "russia").contains(markup)) << str(f.cell("q-scale", "russia"));
    EXPECT_TRUE(f.view.rowTitle(f.rowOf("q-scale")).startsWith(markup));
    auto *dialog = static_cast<ClaimDialog *>(f.view.openClaimDialog(f.claim("claim-91-drones")));
    EXPECT_TRUE(dialog->text().contains(markup + QStringLiteral(" event")));
    dialog->close();

    const QString html = narrativesHtml(f.project(), f.view.table(), QTimeZone::utc());
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;img src=x&gt;&lt;b&gt;b&lt;/b&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("&amp; &quot;quoted&quot; &#39;single&#39;")));
    EXPECT_FALSE(html.contains(markup));
    EXPECT_FALSE(html.contains(QStringLiteral("<script")));
    // The picture paints without trouble.
    f.view.setNarratives({f.party("russia")}, {f.party("ukraine")});
    EXPECT_FALSE(f.view.grab().isNull());
}

// --- scale -----------------------------------------------------------------------------------

TEST(NarrativesView, ManyClaimsAreMeasuredLazily)
{
    Document document;
    Selection selection;
    Filter filter;
    document.setProject(generateProject(20000, 7));
    NarrativesView view(&document, &selection, &filter);
    view.resize(1200, 800);
    view.show();
    const Project &p = document.project();
    ASSERT_GE(p.parties().size(), 2u);
    view.setNarratives({0}, {1});
    const std::size_t rows = view.table().rowCount();
    ASSERT_GT(rows, 200u);
    // Only what is in sight is laid out at once; the rest follows while idle.
    EXPECT_LT(view.canvas()->measuredRowCount(), rows / 2);
    EXPECT_FALSE(view.grab().isNull());
    for (int i = 0; i < 2000 && view.canvas()->measuredRowCount() < rows; ++i)
        QCoreApplication::processEvents();
    EXPECT_EQ(view.canvas()->measuredRowCount(), rows);
    // Jumping to the last claim works and hits.
    const std::uint32_t lastClaim = view.table().shownClaims().back();
    view.scrollToClaim(lastClaim);
    EXPECT_EQ(view.canvas()->claimAt(view.claimRect(lastClaim).center()), lastClaim);
    view.setMode(NarrativesMode::Matrix);
    EXPECT_EQ(view.rowCount(), int(p.questions().size()));
}

// --- look (pictures to open, not to compare) ---------------------------------------------------

TEST(NarrativesView, PicturesInLightAndDarkPalettes)
{
    Fixture f(test::samplePath(), {1500, 1000});
    const QString dir = QDir::tempPath();
    f.selection.select({ItemKind::Claim, f.claim("claim-91-drones")});
    settle();
    f.view.canvas()->verticalScrollBar()->setValue(0);
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/helperE-matrix-light.png")));
    f.view.setNarratives({f.party("russia")}, {f.party("ukraine")});
    settle();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/helperE-side-light.png")));
    f.view.setPalette(test::darkPalette());
    settle();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/helperE-side-dark.png")));
    f.view.setMode(NarrativesMode::Matrix);
    settle();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/helperE-matrix-dark.png")));
}
