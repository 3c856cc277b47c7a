// NarrativesView: clicks select, the selection from elsewhere scrolls, a filter change or an
// edit rebuilds once, rows reorder, double-click drills down, Alt+drag links two claims.

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

namespace {

// Turns the event loop until the canvas has measured every row in its idle slices.
void measureAllRows(Fixture &f)
{
    for (int i = 0; i < 50 && f.view.canvas()->measuredRowCount() < std::size_t(f.view.rowCount());
         ++i)
        settle();
    ASSERT_EQ(f.view.canvas()->measuredRowCount(), std::size_t(f.view.rowCount()));
}

} // namespace

TEST(NarrativesView, AnEditUpdatesOnlyItsRow)
{
    Fixture f;
    measureAllRows(f);
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

// A deletion renumbers every claim after it; the rows it did not change keep their measured
// heights (they are kept by what a row shows, not by index), and none is left stale.
TEST(NarrativesView, ADeletionMeasuresOnlyTheRowsItChanged)
{
    Fixture f;
    // Short enough that every row's height moves the scroll range.
    f.view.resize(900, 320);
    settle();
    measureAllRows(f);
    const std::size_t rows = std::size_t(f.view.rowCount());
    // The first claim of the file: every other claim moves down one.
    ASSERT_TRUE(f.document.deleteItems({{ItemKind::Claim, 0}}, DeleteMode::Cascade));
    EXPECT_EQ(std::size_t(f.view.rowCount()), rows);
    EXPECT_GE(f.view.canvas()->measuredRowCount() + 2, rows);
    EXPECT_LT(f.view.canvas()->measuredRowCount(), rows);
    measureAllRows(f);
    const int kept = f.view.canvas()->verticalScrollBar()->maximum();
    ASSERT_GT(kept, 0);
    // Measured afresh: the same heights.
    f.view.canvas()->setCompact(!f.view.canvas()->isCompact());
    f.view.canvas()->setCompact(!f.view.canvas()->isCompact());
    measureAllRows(f);
    EXPECT_EQ(f.view.canvas()->verticalScrollBar()->maximum(), kept);
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
