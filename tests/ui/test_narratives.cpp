// NarrativesView: the matrix of questions × parties and the side-by-side comparison read as
// seed 001's table does; clicks, selection, filter and edits behave; file text is shown
// literally; exports work from the real executable.
//
// Expected texts are taken from the sample file through the Project (ids, statements), not
// from the view's own helpers, and lags are computed here with responseLag/formatLag.

#include "document.h"
#include "filter.h"
#include "generator.h"
#include "narratives/claimdialog.h"
#include "narratives/narrativescanvas.h"
#include "narratives/narrativesexport.h"
#include "narratives/narrativesview.h"
#include "project.h"
#include "selection.h"
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

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

struct Fixture
{
    Document document;
    Selection selection;
    Filter filter;
    NarrativesView view {&document, &selection, &filter};

    explicit Fixture(const QString &path = test::samplePath(), QSize size = {1400, 900})
    {
        EXPECT_TRUE(document.load(path).empty());
        view.resize(size);
        view.show();
        QCoreApplication::processEvents();
    }

    const Project &project() const { return document.project(); }

    std::uint32_t id(const char *text, ItemKind kind) const
    {
        const auto item = project().find(text);
        EXPECT_TRUE(item && item->kind == kind) << text;
        return item ? item->index : NoIndex;
    }
    std::uint32_t claim(const char *text) const { return id(text, ItemKind::Claim); }
    std::uint32_t party(const char *text) const { return id(text, ItemKind::Party); }
    std::uint32_t question(const char *text) const { return id(text, ItemKind::Question); }

    QString statement(const char *claimId) const
    {
        return project().text(project().claims()[claim(claimId)].statement);
    }

    int rowOf(const char *questionId) const
    {
        const std::uint32_t q = question(questionId);
        for (std::size_t r = 0; r < view.table().rowCount(); ++r) {
            if (view.table().rows()[r].question == q
                && view.table().rows()[r].kind != NarrativesRow::Kind::Pair)
                return int(r);
        }
        return -1;
    }
    int columnOf(const char *partyId) const
    {
        const auto &parties = view.table().spec().parties; // the columns shown
        const auto it = std::find(parties.begin(), parties.end(), party(partyId));
        return it == parties.end() ? -1 : int(it - parties.begin());
    }
    QString cell(const char *questionId, const char *partyId) const
    {
        return view.cellText(rowOf(questionId), columnOf(partyId));
    }
    // The side-by-side row whose A cell holds the claim.
    int pairRowOf(std::uint32_t aClaim) const
    {
        for (std::size_t r = 0; r < view.table().rowCount(); ++r) {
            const NarrativesRow &row = view.table().rows()[r];
            if (row.kind == NarrativesRow::Kind::Pair && !row.cells[0].empty()
                && row.cells[0][0] == aClaim)
                return int(r);
        }
        return -1;
    }
};

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

// The sample with one claim's statement, its question and its event's title replaced.
QString markupProject(const QDir &dir)
{
    nlohmann::json json = nlohmann::json::parse(test::readString(test::samplePath()));
    const std::string markup = "<img src=x><b>b</b>";
    for (auto &claim : json["claims"]) {
        if (claim["id"] == "claim-91-drones")
            claim["statement"] = markup + " & \"quoted\" 'single'";
    }
    for (auto &question : json["questions"]) {
        if (question["id"] == "q-scale")
            question["text"] = markup + " question?";
    }
    for (auto &event : json["events"]) {
        if (event["id"] == "ev-residence-drones")
            event["title"] = markup + " event";
    }
    const QString path = dir.filePath(QStringLiteral("markup.claimline"));
    EXPECT_TRUE(test::writeFile(path, json.dump()));
    return path;
}

} // namespace

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

// --- interaction -----------------------------------------------------------------------------

TEST(NarrativesView, ClickingAClaimSelectsItAndCtrlToggles)
{
    Fixture f;
    const std::uint32_t a = f.claim("claim-fabrication");
    const std::uint32_t b = f.claim("claim-91-drones");
    f.view.scrollToClaim(a);
    QRect rect = f.view.claimRect(a);
    ASSERT_TRUE(f.view.viewport()->rect().contains(rect.center())) << rect.x() << "," << rect.y();
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, rect.center());
    EXPECT_EQ(f.selection.items(), (std::vector<ItemRef> {{ItemKind::Claim, a}}));

    f.view.scrollToClaim(b);
    rect = f.view.claimRect(b);
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, Qt::ControlModifier, rect.center());
    EXPECT_EQ(f.selection.items(),
              (std::vector<ItemRef> {{ItemKind::Claim, a}, {ItemKind::Claim, b}}));
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, Qt::ControlModifier, rect.center());
    EXPECT_EQ(f.selection.items(), (std::vector<ItemRef> {{ItemKind::Claim, a}}));

    // What is drawn can be hit: every shown claim's rect hits that claim.
    for (const std::uint32_t c : f.view.table().shownClaims()) {
        f.view.scrollToClaim(c);
        const QRect r = f.view.claimRect(c);
        EXPECT_EQ(f.view.canvas()->claimAt(r.center()), c)
            << f.project().view(f.project().claims()[c].id);
    }
}

TEST(NarrativesView, SelectionFromElsewhereScrollsAndHighlights)
{
    Fixture f(test::samplePath(), {900, 420});
    const std::uint32_t last = f.claim("claim-preparing-ground"); // q-retaliation, the last row
    f.view.canvas()->verticalScrollBar()->setValue(0);
    settle();
    const QRect body(0, int(f.view.canvas()->renderer().headerHeight()), f.view.viewport()->width(),
                     f.view.viewport()->height() - int(f.view.canvas()->renderer().headerHeight()));
    EXPECT_FALSE(body.contains(f.view.claimRect(last)));
    f.selection.select({ItemKind::Claim, last});
    settle();
    const QRect rect = f.view.claimRect(last);
    EXPECT_TRUE(body.intersects(rect) && body.contains(rect.topLeft()))
        << rect.y() << " in " << body.y() << "+" << body.height();
    EXPECT_GT(f.view.canvas()->verticalScrollBar()->value(), 0);
    const auto &highlight = f.view.canvas()->highlight();
    EXPECT_EQ(highlight.selected, std::vector<std::uint32_t> {last});
    // Its counter-claim (Zelenskyy disputes Lavrov's retaliation threat) is lightly marked.
    EXPECT_TRUE(std::binary_search(highlight.linked.begin(), highlight.linked.end(),
                                   f.claim("claim-retaliation-targets")));
}

TEST(NarrativesView, FilterChangesHideClaimsInOneRebuild)
{
    Fixture f;
    const int before = f.view.rebuildCount();
    f.filter.setStatusShown(Status::Disputed, false);
    f.filter.setStatusShown(Status::Refuted, false);
    f.filter.setStatusShown(Status::Retracted, false);
    settle();
    EXPECT_EQ(f.view.rebuildCount(), before + 1);
    // Every Russian claim on targeting is disputed: hidden, which is not "no position".
    EXPECT_EQ(f.cell("q-targeted", "russia"),
              QStringLiteral("no claim shown (3 hidden by the filter)"));
    EXPECT_FALSE(f.cell("q-scale", "russia").contains(f.statement("claim-91-drones")));
    EXPECT_TRUE(f.cell("q-peace-talks", "russia").contains(f.statement("claim-no-withdrawal")));
    f.filter.setStatusShown(Status::Disputed, true);
    settle();
    EXPECT_TRUE(f.cell("q-scale", "russia").contains(f.statement("claim-91-drones")));
    // A hidden party has no column.
    const int columns = f.view.columnCount();
    f.filter.setPartyHidden(f.party("ukraine"), true);
    settle();
    EXPECT_EQ(f.view.columnCount(), columns - 1);
    EXPECT_EQ(f.columnOf("ukraine"), -1);
    EXPECT_EQ(f.view.parties().size(), std::size_t(columns)); // the view keeps its choice
    EXPECT_EQ(f.view.columnTitle(1), QStringLiteral("United States"));
}

TEST(NarrativesView, AnEditUpdatesOnlyItsRow)
{
    Fixture f;
    for (int i = 0; i < 50 && f.view.canvas()->measuredRowCount() < std::size_t(f.view.rowCount());
         ++i)
        settle();
    ASSERT_EQ(f.view.canvas()->measuredRowCount(), std::size_t(f.view.rowCount()));
    const int before = f.view.rebuildCount();
    const std::uint32_t c = f.claim("claim-6kg-payload");
    f.document.setClaimStatement(c, QStringLiteral("A new statement"));
    f.document.setClaimStatement(c, QStringLiteral("A newer statement"));
    QCoreApplication::processEvents();
    EXPECT_EQ(f.view.rebuildCount(), before + 1);
    EXPECT_TRUE(f.cell("q-proof", "russia").contains(QStringLiteral("A newer statement")));
    // Only the rows showing the claim are measured again.
    EXPECT_EQ(f.view.canvas()->measuredRowCount() + 1, std::size_t(f.view.rowCount()));
}

TEST(NarrativesView, RowsReorderByDragAndMoveUpDown)
{
    Fixture f;
    const QString first = f.view.rowTitle(0);
    const QString second = f.view.rowTitle(1);
    f.view.moveRow(0, 2);
    EXPECT_EQ(f.view.rowTitle(2), first);
    EXPECT_EQ(f.view.rowTitle(0), second);
    f.view.resetRowOrder();
    EXPECT_EQ(f.view.rowTitle(0), first);

    // Move Down on the selected question.
    f.selection.select({ItemKind::Question, f.question("q-targeted")});
    f.view.moveCurrentRow(1);
    EXPECT_EQ(f.view.rowTitle(1), first);
    f.view.moveCurrentRow(-1);
    EXPECT_EQ(f.view.rowTitle(0), first);

    // Drag the first question's header below the second row.
    QWidget *viewport = f.view.viewport();
    f.view.canvas()->verticalScrollBar()->setValue(0);
    const int header = int(f.view.canvas()->renderer().headerHeight());
    const QPoint press(40, header + 10);
    // Just above the third row's first card: the bottom of the second row.
    const QRect third = f.view.claimRect(f.view.table().rows()[2].cells[0].front());
    ASSERT_FALSE(third.isNull());
    const QPoint drop(40, third.top() - 14);
    QTest::mousePress(viewport, Qt::LeftButton, {}, press);
    QMouseEvent move(QEvent::MouseMove, QPointF(drop), viewport->mapToGlobal(QPointF(drop)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, drop);
    EXPECT_EQ(f.view.rowTitle(1), first);
    EXPECT_EQ(f.view.rowTitle(0), second);
}

TEST(NarrativesView, DoubleClickOpensThePlainTextDrillDown)
{
    Fixture f;
    const std::uint32_t c = f.claim("claim-91-drones");
    f.view.scrollToClaim(c);
    QTest::mouseDClick(f.view.viewport(), Qt::LeftButton, {}, f.view.claimRect(c).center());
    auto *dialog = f.view.findChild<ClaimDialog *>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->claim(), c);
    const QString text = dialog->text();
    const Project &p = f.project();
    // Sources and excerpts.
    EXPECT_TRUE(text.contains(QStringLiteral("Sources (2)"))) << str(text);
    EXPECT_TRUE(
        text.contains(QStringLiteral("alleging that 91 long-range drones were intercepted")));
    // Relations either way, with the other claimant, statement and lag.
    const std::uint32_t zelenskyy = f.claim("claim-fabrication");
    EXPECT_TRUE(
        text.contains(QStringLiteral("Volodymyr Zelenskyy denies this claim · ")
                      + formatLag(responseLag(p.claims()[zelenskyy].madeAt, p.claims()[c].madeAt))))
        << str(text);
    EXPECT_TRUE(text.contains(f.statement("claim-fabrication")));
    // The event.
    const Event &event = p.events()[p.claims()[c].about];
    EXPECT_TRUE(text.contains(p.text(event.title)));
    EXPECT_TRUE(text.contains(event.when.toDisplayString()));
    dialog->close();
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

// --- linking by Alt+drag ---------------------------------------------------------------------

namespace {

void sendMouse(QWidget *widget, QEvent::Type type, QPoint pos, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(pos), QPointF(widget->mapToGlobal(pos)), button, buttons,
                      modifiers);
    QCoreApplication::sendEvent(widget, &event);
}

// An Alt+drag from one point to another, released there.
void altDrag(QWidget *widget, QPoint from, QPoint to)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::AltModifier);
    for (int step = 1; step <= 4; ++step)
        sendMouse(widget, QEvent::MouseMove, from + (to - from) * step / 4, Qt::LeftButton,
                  Qt::AltModifier);
    sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::NoButton, Qt::AltModifier);
}

bool related(const Project &project, std::uint32_t a, std::uint32_t b)
{
    return std::any_of(project.relations().begin(), project.relations().end(),
                       [&](const Relation &r) {
                           return (r.from == a && r.to == b) || (r.from == b && r.to == a);
                       });
}

} // namespace

TEST(NarrativesView, AltDragLinksOneClaimToAnother)
{
    Fixture f;
    // Two claims in sight, not yet related either way.
    std::uint32_t a = NoIndex;
    std::uint32_t b = NoIndex;
    const QRect body = f.view.viewport()->rect().adjusted(0, 60, 0, 0);
    std::vector<std::uint32_t> inSight;
    for (const std::uint32_t c : f.view.table().shownClaims()) {
        if (body.contains(f.view.claimRect(c).center()))
            inSight.push_back(c);
    }
    for (std::size_t i = 0; i < inSight.size() && a == NoIndex; ++i) {
        for (std::size_t j = i + 1; j < inSight.size(); ++j) {
            if (!related(f.project(), inSight[i], inSight[j])) {
                a = inSight[i];
                b = inSight[j];
                break;
            }
        }
    }
    ASSERT_NE(a, NoIndex) << "two unrelated claims in sight";
    int asked = 0;
    f.view.setAskRelationKind([&](const QPoint &) -> std::optional<RelationKind> {
        ++asked;
        return RelationKind::Qualifies;
    });
    const std::size_t relations = f.project().relations().size();
    QWidget *viewport = f.view.viewport();

    // Dropped on empty space (the header, here): nothing asked, nothing linked.
    altDrag(viewport, f.view.claimRect(a).center(), QPoint(viewport->width() / 2, 5));
    EXPECT_EQ(asked, 0);
    EXPECT_EQ(f.project().relations().size(), relations);

    altDrag(viewport, f.view.claimRect(a).center(), f.view.claimRect(b).center());
    EXPECT_EQ(asked, 1);
    ASSERT_EQ(f.project().relations().size(), relations + 1);
    const Relation made = f.project().relations().back();
    EXPECT_EQ(made.from, a) << "the dragged claim answers";
    EXPECT_EQ(made.to, b);
    EXPECT_EQ(made.kind, RelationKind::Qualifies);
    ASSERT_EQ(f.document.undoStack()->count(), 1);
    f.document.undoStack()->undo();
    EXPECT_EQ(f.project().relations().size(), relations);
    EXPECT_FALSE(related(f.project(), a, b));
    f.document.undoStack()->redo();
    ASSERT_EQ(f.project().relations().size(), relations + 1);
    EXPECT_EQ(f.project().relations().back(), made);
    settle();

    // Onto itself: nothing. Esc during the drag cancels it.
    const QPoint onA = f.view.claimRect(a).center();
    altDrag(viewport, onA, onA + QPoint(8, 0));
    EXPECT_EQ(asked, 1);
    const QPoint onB = f.view.claimRect(b).center();
    sendMouse(viewport, QEvent::MouseButtonPress, onB, Qt::LeftButton, Qt::AltModifier);
    sendMouse(viewport, QEvent::MouseMove, (onA + onB) / 2, Qt::LeftButton, Qt::AltModifier);
    sendMouse(viewport, QEvent::MouseMove, onA, Qt::LeftButton, Qt::AltModifier);
    // To look at: the arrow from B's card to A's, A ringed, in both palettes.
    f.view.grab().save(QDir::tempPath() + QStringLiteral("/narratives-link.png"));
    f.view.setPalette(test::darkPalette());
    f.view.grab().save(QDir::tempPath() + QStringLiteral("/narratives-link-dark.png"));
    f.view.setPalette(QPalette());
    QTest::keyClick(f.view.canvas(), Qt::Key_Escape);
    sendMouse(viewport, QEvent::MouseButtonRelease, onA, Qt::NoButton, Qt::AltModifier);
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(f.project().relations().size(), relations + 1);
    EXPECT_EQ(f.document.undoStack()->count(), 1);

    // An Alt+click (no drag) is a click: it selects.
    sendMouse(viewport, QEvent::MouseButtonPress, onB, Qt::LeftButton, Qt::AltModifier);
    sendMouse(viewport, QEvent::MouseButtonRelease, onB, Qt::NoButton, Qt::AltModifier);
    EXPECT_EQ(f.selection.items(), (std::vector<ItemRef> {{ItemKind::Claim, b}}));
    EXPECT_EQ(asked, 1);
}

// --- export through the real executable ----------------------------------------------------------

using test::Outcome;
using test::runClaimline;

TEST(NarrativesExport, PngSvgAndHtmlFromTheCommandLine)
{
    QTemporaryDir dir;
    const QString sample = test::samplePath();
    for (const bool sideBySide : {false, true}) {
        QStringList extra;
        if (sideBySide)
            extra << QStringLiteral("--a") << QStringLiteral("russia") << QStringLiteral("--b")
                  << QStringLiteral("united-states,european-union");
        const QString stem
            = dir.filePath(sideBySide ? QStringLiteral("side") : QStringLiteral("matrix"));
        for (const char *suffix : {".png", ".svg", ".html"}) {
            const QString out = stem + QString::fromLatin1(suffix);
            const Outcome run = runClaimline(
                QStringList {QStringLiteral("export"), QStringLiteral("--view"),
                             QStringLiteral("narratives"), QStringLiteral("--out"), out}
                + extra + QStringList {sample});
            EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
            EXPECT_GT(QFileInfo(out).size(), 1000) << out.toStdString();
        }
        const QImage png(stem + QStringLiteral(".png"));
        ASSERT_FALSE(png.isNull());
        EXPECT_GE(png.width(), 3200); // 1600 points at twice the density
        const QByteArray svg = test::readBytes(stem + QStringLiteral(".svg"));
        EXPECT_TRUE(svg.contains("<svg"));
        const QByteArray html = test::readBytes(stem + QStringLiteral(".html"));
        for (const char *part :
             {"<!DOCTYPE html>", "<html lang=\"en\">", "<meta charset=\"utf-8\">", "<table>",
              "<caption>", "<th scope=\"col\">"})
            EXPECT_TRUE(html.contains(part)) << part;
        EXPECT_EQ(html.contains("<th scope=\"row\">"), !sideBySide);
        EXPECT_FALSE(html.contains("<script"));
        // Party names and statements from the sample.
        EXPECT_TRUE(html.contains("Russia"));
        EXPECT_TRUE(html.contains("Lavrov said Ukraine had sent 91 long-range drones"));
    }
    // The picture shows `html` text escaped only in HTML.
    const QByteArray matrixHtml = test::readBytes(dir.filePath(QStringLiteral("matrix.html")));
    EXPECT_TRUE(matrixHtml.contains("no public position"));
}

TEST(NarrativesExport, BadPartiesAndFormatsAreRefused)
{
    QTemporaryDir dir;
    const QString sample = test::samplePath();
    const QString out = dir.filePath(QStringLiteral("x.png"));
    const auto exportWith = [&](QStringList arguments) {
        return runClaimline(QStringList {QStringLiteral("export"), QStringLiteral("--view"),
                                         QStringLiteral("narratives")}
                            + arguments + QStringList {sample});
    };
    Outcome run = exportWith({QStringLiteral("--out"), out, QStringLiteral("--a"),
                              QStringLiteral("nosuchparty"), QStringLiteral("--b"),
                              QStringLiteral("ukraine")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("nosuchparty")) << run.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));
    // An actor is not a party.
    run = exportWith({QStringLiteral("--out"), out, QStringLiteral("--a"), QStringLiteral("lavrov"),
                      QStringLiteral("--b"), QStringLiteral("ukraine")});
    EXPECT_EQ(run.exitCode, 2);
    // --a without --b.
    run = exportWith(
        {QStringLiteral("--out"), out, QStringLiteral("--a"), QStringLiteral("russia")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("--b")) << run.err.toStdString();
    // A format the view cannot make.
    run = exportWith({QStringLiteral("--out"), dir.filePath(QStringLiteral("x.csv"))});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("png, svg, pdf or html")) << run.err.toStdString();
    // The timeline makes no HTML, and knows nothing of --a.
    run = runClaimline({QStringLiteral("export"), QStringLiteral("--out"),
                        dir.filePath(QStringLiteral("t.html")), sample});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("png")) << run.err.toStdString();
    run = runClaimline({QStringLiteral("export"), QStringLiteral("--out"), out,
                        QStringLiteral("--a"), QStringLiteral("russia"), QStringLiteral("--b"),
                        QStringLiteral("ukraine"), sample});
    EXPECT_EQ(run.exitCode, 2);
    run = runClaimline({QStringLiteral("export"), QStringLiteral("--view"), QStringLiteral("nope"),
                        QStringLiteral("--out"), out, sample});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("narratives")) << run.err.toStdString();
}

// --- the picture function --------------------------------------------------------------------

TEST(NarrativesExport, PaintingMeasuresTheWholeTable)
{
    Document document;
    ASSERT_TRUE(document.load(test::samplePath()).empty());
    const Project &p = document.project();
    NarrativesTable table;
    NarrativesSpec spec;
    spec.parties = NarrativesTable::defaultParties(p);
    table.build(p, nullptr, spec);
    NarrativesPictureOptions options;
    const double width = narrativesPictureWidth(p, table, 1600, options);
    EXPECT_GE(width, 1600);
    const double height = paintNarratives(nullptr, p, table, width, options);
    EXPECT_GT(height, 600);
    const QImage image = renderNarrativesImage(p, table, 1600, options, 2.0);
    EXPECT_EQ(image.height(), int(std::ceil(height * 2)));
    EXPECT_TRUE(image.save(QDir::tempPath() + QStringLiteral("/helperE-export-matrix.png")));
    spec.mode = NarrativesMode::SideBySide;
    spec.a = {p.find("russia")->index};
    spec.b = {p.find("ukraine")->index};
    table.build(p, nullptr, spec);
    EXPECT_TRUE(renderNarrativesImage(p, table, 1600, options, 2.0)
                    .save(QDir::tempPath() + QStringLiteral("/helperE-export-side.png")));
}

TEST(NarrativesView, TimesOfDayFollowTheZoneAndTheViewExports)
{
    QTemporaryDir dir;
    nlohmann::json json = nlohmann::json::parse(test::readString(test::samplePath()));
    for (auto &claim : json["claims"]) {
        if (claim["id"] == "claim-91-drones")
            claim["made_at"] = "2025-12-29T22:30Z";
    }
    const QString path = dir.filePath(QStringLiteral("instant.claimline"));
    ASSERT_TRUE(test::writeFile(path, json.dump()));
    Fixture f(path);
    const FuzzyTime &made = f.project().claims()[f.claim("claim-91-drones")].madeAt;
    EXPECT_TRUE(f.cell("q-scale", "russia").contains(made.toDisplayString(QTimeZone::utc())));
    const QTimeZone moscow(QByteArrayLiteral("Europe/Moscow"));
    f.view.setTimeZone(moscow);
    EXPECT_TRUE(f.cell("q-scale", "russia").contains(made.toDisplayString(moscow)))
        << str(f.cell("q-scale", "russia"));
    EXPECT_NE(made.toDisplayString(moscow), made.toDisplayString(QTimeZone::utc()));

    for (const char *name : {"view.png", "view.svg", "view.pdf", "view.html"}) {
        const QString out = dir.filePath(QString::fromLatin1(name));
        EXPECT_EQ(f.view.exportFile(out), QString());
        EXPECT_GT(QFileInfo(out).size(), 1000) << name;
    }
    EXPECT_FALSE(f.view.exportFile(dir.filePath(QStringLiteral("view.txt"))).isEmpty());
}
