// The narratives matrix made readable (issue 16): compact cards fit the sample's nine parties
// in the app's default window (full cards fitted four and a half), no row is a screen tall,
// every claim is reachable ("+N more" opens its row, a selection made elsewhere too), the
// question stays in sight while its row scrolls, the column headers say what they count, and
// a card's date never runs into its claimant.
//
// Counts are read from the sample with Qt's JSON parser (samplefacts.h), not from the view.

#include "narratives/narrativesrendererparts.h"
#include "narrativesfixture.h"
#include "present/narrativestext.h"
#include "samplefacts.h"

#include <QComboBox>
#include <QDir>
#include <QHelpEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTest>
#include <QToolTip>

#include <gtest/gtest.h>

#include <set>

using namespace claimline;
using namespace claimline::test;

namespace {

// The narratives dock of the app's default window (1440 × 900, as MainWindow opens on a
// 1600 × 1000 screen): as wide as the window, as tall as the dock's default.
constexpr QSize DockSize {1436, 300};

// A cell's claims and answers, in the order the table gives them.
std::vector<std::uint32_t> cellItems(const NarrativesRow &row, std::size_t column)
{
    std::vector<std::uint32_t> items = row.cells[column];
    for (const NarrativesAnswer &answer : row.answers[column])
        items.push_back(answer.claim);
    return items;
}

// Claims whose cards are drawn in a row, per column, and those behind its chips.
struct Drawn
{
    std::vector<std::vector<std::uint32_t>> cards;
    std::vector<std::vector<std::uint32_t>> behindChips;
};

Drawn drawn(const NarrativesRenderer &renderer, std::size_t row, std::size_t columns)
{
    Drawn d {std::vector<std::vector<std::uint32_t>>(columns),
             std::vector<std::vector<std::uint32_t>>(columns)};
    for (const auto &box : renderer.claimBoxes(row))
        d.cards[std::size_t(box.column)].push_back(box.claim);
    for (const auto &box : renderer.moreBoxes(row)) {
        for (const std::uint32_t claim : box.hidden)
            d.behindChips[std::size_t(box.column)].push_back(claim);
    }
    return d;
}

} // namespace

TEST(NarrativesCompact, NineColumnsFitTheDefaultWindowAndNoRowIsAScreenTall)
{
    Fixture f(test::samplePath(), DockSize);
    // The parties with a claim on a question, from the file.
    std::set<QString> speaking;
    const FileFacts facts;
    for (const QJsonObject &c : facts.items("claims")) {
        if (!FileFacts::text(c, "question").isEmpty())
            speaking.insert(facts.partyOfClaim(c));
    }
    ASSERT_EQ(f.view.columnCount(), int(speaking.size()));
    ASSERT_GE(speaking.size(), 9u);
    EXPECT_TRUE(f.view.isCompact());
    EXPECT_EQ(f.view.findChild<QComboBox *>(QStringLiteral("narrativesDensity"))->currentIndex(),
              0);
    const NarrativesRenderer &renderer = f.view.canvas()->renderer();
    const int width = f.view.viewport()->width();
    // Every column in sight: nothing to scroll sideways.
    EXPECT_EQ(f.view.canvas()->horizontalScrollBar()->maximum(), 0);
    EXPECT_LE(renderer.columns().back().x + renderer.columns().back().width, width);
    double tallest = 0;
    for (int r = 0; r < f.view.rowCount(); ++r)
        tallest = std::max(tallest, renderer.rowHeight(std::size_t(r)));
    EXPECT_LT(tallest, 450); // half the default window

    // Full cards: what the issue saw. Fewer than six columns in sight, rows a screen tall.
    f.view.findChild<QComboBox *>(QStringLiteral("narrativesDensity"))->activated(1);
    settle();
    EXPECT_FALSE(f.view.isCompact());
    const NarrativesRenderer &full = f.view.canvas()->renderer();
    int inSight = 0;
    for (const auto &column : full.columns())
        inSight += column.x + column.width <= width ? 1 : 0;
    EXPECT_LT(inSight, 6);
    EXPECT_GT(f.view.canvas()->horizontalScrollBar()->maximum(), 0);
    double fullTallest = 0;
    for (int r = 0; r < f.view.rowCount(); ++r)
        fullTallest = std::max(fullTallest, full.rowHeight(std::size_t(r)));
    EXPECT_GT(fullTallest, 2 * tallest) << fullTallest << " vs " << tallest;
}

TEST(NarrativesCompact, EveryClaimIsACardOrBehindAChipThatOpensItsRow)
{
    Fixture f(test::samplePath(), {1436, 700});
    const NarrativesRenderer &renderer = f.view.canvas()->renderer();
    const NarrativesTable &table = f.view.table();
    int capped = -1;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const NarrativesRow &row = table.rows()[r];
        const Drawn d = drawn(renderer, r, row.cells.size());
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            // Nothing left out silently: the cards and the chip's claims are the cell's.
            std::vector<std::uint32_t> all = d.cards[c];
            all.insert(all.end(), d.behindChips[c].begin(), d.behindChips[c].end());
            EXPECT_EQ(all, cellItems(row, c)) << r << "," << c;
            EXPECT_LE(d.cards[c].size(), 3u);
            if (!d.behindChips[c].empty() && capped < 0)
                capped = int(r);
        }
    }
    ASSERT_GE(capped, 0) << "the sample has a cell of more than three claims";

    // Its chip opens the row: every claim a card, and the chip now closes it.
    f.view.canvas()->ensureRowVisible(capped);
    std::vector<QRect> chips = f.view.canvas()->moreRects(capped);
    ASSERT_FALSE(chips.empty());
    EXPECT_FALSE(f.view.canvas()->isRowExpanded(capped));
    // Its tooltip lists what it stands for.
    const auto firstChip = renderer.moreBoxes(std::size_t(capped)).front();
    QHelpEvent help(QEvent::ToolTip, chips.front().center(),
                    f.view.viewport()->mapToGlobal(chips.front().center()));
    QCoreApplication::sendEvent(f.view.viewport(), &help);
    for (const std::uint32_t claim : firstChip.hidden) {
        EXPECT_TRUE(
            QToolTip::text().contains(NarrativesText::claimant(f.project(), claim).toHtmlEscaped()))
            << str(QToolTip::text());
    }
    QToolTip::hideText();
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, chips.front().center());
    EXPECT_TRUE(f.view.canvas()->isRowExpanded(capped));
    const NarrativesRow &row = table.rows()[std::size_t(capped)];
    const Drawn open = drawn(renderer, std::size_t(capped), row.cells.size());
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
        EXPECT_EQ(open.cards[c], cellItems(row, c));
        EXPECT_TRUE(open.behindChips[c].empty());
    }
    for (const auto &box : renderer.moreBoxes(std::size_t(capped)))
        EXPECT_TRUE(box.collapse);
    chips = f.view.canvas()->moreRects(capped);
    ASSERT_FALSE(chips.empty());
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, chips.front().center());
    EXPECT_FALSE(f.view.canvas()->isRowExpanded(capped));

    // A claim behind a chip, selected elsewhere: its row opens and the card is in sight.
    const std::uint32_t hidden = renderer.moreBoxes(std::size_t(capped)).front().hidden.back();
    EXPECT_TRUE(f.view.claimRect(hidden).isNull());
    f.selection.select({ItemKind::Claim, hidden});
    settle();
    EXPECT_TRUE(f.view.canvas()->isRowExpanded(capped));
    const QRect card = f.view.claimRect(hidden);
    ASSERT_FALSE(card.isNull());
    EXPECT_TRUE(f.view.viewport()->rect().contains(card.center()));
    EXPECT_EQ(f.view.canvas()->claimAt(card.center()), hidden);
}

TEST(NarrativesCompact, TheQuestionStaysInSightWhileItsRowScrolls)
{
    Fixture f(test::samplePath(), {900, 420});
    f.view.setCompact(false); // taller rows than the view
    settle();
    NarrativesCanvas *canvas = f.view.canvas();
    const int header = int(canvas->renderer().headerHeight());
    const double height = canvas->renderer().rowHeight(0);
    ASSERT_GT(height, 2 * canvas->viewport()->height());
    // Half the first row scrolled up under the headers: its question is still at the top.
    canvas->verticalScrollBar()->setValue(int(height / 2));
    QRect title = canvas->rowTitleRect(0);
    EXPECT_GE(title.top(), header);
    EXPECT_LT(title.top(), header + 30);
    EXPECT_EQ(canvas->rowAt(title.center().y()), 0);
    // Scrolled sideways too: it stays at the left, over the cells.
    canvas->horizontalScrollBar()->setValue(canvas->horizontalScrollBar()->maximum());
    ASSERT_GT(canvas->horizontalScrollBar()->value(), 0);
    title = canvas->rowTitleRect(0);
    EXPECT_LT(title.left(), int(canvas->renderer().rowHeaderWidth()));
    EXPECT_EQ(canvas->claimAt(title.center()), NoIndex);
    // Near the row's end it stays inside its row rather than run into the next question.
    canvas->verticalScrollBar()->setValue(int(height) - 20);
    title = canvas->rowTitleRect(0);
    EXPECT_LE(title.bottom(), header + 20);
    EXPECT_GE(canvas->rowTitleRect(1).top(), title.bottom());
    // Looked at: the question over its row, scrolled.
    canvas->verticalScrollBar()->setValue(int(height / 2));
    EXPECT_TRUE(f.view.grab().save(QDir::tempPath() + QStringLiteral("/narratives-sticky.png")));
}

TEST(NarrativesCompact, HeadersSayWhatTheyCount)
{
    const FileFacts facts;
    int onQuestions = 0;
    int all = 0;
    for (const QJsonObject &c : facts.items("claims")) {
        if (facts.partyOfClaim(c) != QStringLiteral("russia"))
            continue;
        ++all;
        onQuestions += FileFacts::text(c, "question").isEmpty() ? 0 : 1;
    }
    ASSERT_LT(onQuestions, all); // the 11 and 16
    for (const QSize size : {DockSize, QSize(3000, 600)}) {
        Fixture f(test::samplePath(), size);
        const QString count = f.view.canvas()->renderer().columnCountText(f.columnOf("russia"));
        // In a narrow column on two lines, in a wide one on one: both counts, each named.
        const QString expected = size.width() > 2000
            ? QStringLiteral("%1 on these questions · %2 in all").arg(onQuestions).arg(all)
            : QStringLiteral("%1 on questions\n%2 in all").arg(onQuestions).arg(all);
        EXPECT_EQ(count, expected);
        // The header's tooltip says it in full.
        const auto &column
            = f.view.canvas()->renderer().columns()[std::size_t(f.columnOf("russia"))];
        const QPoint onHeader(int(column.x + column.width / 2), 20);
        QHelpEvent help(QEvent::ToolTip, onHeader, f.view.viewport()->mapToGlobal(onHeader));
        QCoreApplication::sendEvent(f.view.viewport(), &help);
        EXPECT_TRUE(QToolTip::text().contains(
            QStringLiteral("%1 claims on the questions of the rows").arg(onQuestions)))
            << str(QToolTip::text());
        EXPECT_TRUE(QToolTip::text().contains(
            QStringLiteral("%1 claims in all, on any question or none").arg(all)));
        QToolTip::hideText();
        f.view.setNarratives({f.party("russia")}, {f.party("ukraine")});
        settle();
        EXPECT_EQ(f.view.canvas()->renderer().columnCountText(NarrativesTable::ColumnA),
                  QStringLiteral("%1 claims").arg(all));
    }
}

TEST(NarrativesCompact, DatesNeverTouchTheClaimant)
{
    // Compact and full cards, matrix and side by side: the date and the claimant are apart.
    Fixture f(test::samplePath(), DockSize);
    for (const bool compact : {true, false}) {
        f.view.setCompact(compact);
        for (const NarrativesMode mode : {NarrativesMode::Matrix, NarrativesMode::SideBySide}) {
            if (mode == NarrativesMode::SideBySide)
                f.view.setNarratives({f.party("russia")},
                                     {f.party("united-states"), f.party("european-union")});
            else
                f.view.setMode(mode);
            settle();
            const NarrativesRenderer &renderer = f.view.canvas()->renderer();
            int cards = 0;
            for (int r = 0; r < f.view.rowCount(); ++r) {
                for (const auto &box : renderer.claimBoxes(std::size_t(r))) {
                    ++cards;
                    EXPECT_FALSE(box.date.intersects(box.claimant.adjusted(-2, -2, 2, 2)))
                        << r << " " << compact;
                    EXPECT_TRUE(box.rect.contains(box.date) && box.rect.contains(box.claimant));
                }
            }
            EXPECT_GT(cards, 10);
        }
    }
}

// Not a check: the matrix at the app's default window, light and dark, to look at.
TEST(NarrativesCompact, PicturesOfTheMatrixLightAndDark)
{
    Fixture f(test::samplePath(), DockSize);
    const QString dir = QDir::tempPath();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/narratives-matrix-dock-light.png")));
    f.view.resize(1436, 640);
    settle();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/narratives-matrix-tall-light.png")));
    f.view.setPalette(test::darkPalette());
    settle();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/narratives-matrix-tall-dark.png")));
    f.view.resize(DockSize);
    settle();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/narratives-matrix-dock-dark.png")));
    f.view.setNarratives({f.party("russia")}, {f.party("ukraine")});
    f.view.resize(1436, 640);
    settle();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/narratives-side-tall-dark.png")));
    f.view.setPalette(QPalette());
    settle();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/narratives-side-tall-light.png")));
}

// A row's count says what its cards are: its claims on the question and the answers to them
// made on other questions, adding up to what is drawn (issue 16: "2 claims" over nine cards).
TEST(NarrativesCompact, ARowCountsTheCardsItShows)
{
    Fixture f(test::samplePath(), {1436, 700});
    const NarrativesRenderer &renderer = f.view.canvas()->renderer();
    const NarrativesTable &table = f.view.table();
    static const QRegularExpression number(QStringLiteral("(\\d+)"));
    bool sawAnswers = false;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const NarrativesRow &row = table.rows()[r];
        const Drawn d = drawn(renderer, r, row.cells.size());
        std::size_t shown = 0, claims = 0;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            shown += d.cards[c].size() + d.behindChips[c].size();
            claims += row.cells[c].size();
        }
        const QString text = renderer.rowCountText(r);
        std::vector<std::size_t> numbers;
        for (auto it = number.globalMatch(text); it.hasNext();)
            numbers.push_back(it.next().captured(1).toULongLong());
        ASSERT_FALSE(numbers.empty()) << str(text);
        EXPECT_EQ(numbers[0], claims) << str(text);
        std::size_t sum = 0;
        for (const std::size_t n : numbers)
            sum += n;
        EXPECT_EQ(sum, shown) << "row " << r << ": " << str(text);
        if (numbers.size() > 1) {
            sawAnswers = true;
            EXPECT_TRUE(text.contains(QStringLiteral(" from another question"))
                        || text.contains(QStringLiteral(" from other questions")))
                << str(text);
        }
    }
    EXPECT_TRUE(sawAnswers) << "the sample answers claims across questions";
}

// At a million claims a question holds tens of thousands: an opened row (or full cards) laid
// every one out as a card, seconds and gigabytes, and a wall no one reads. A cell shows at
// most MaxShownCards cards, open or not, compact or not; the rest are behind a chip that says
// how many are not shown, and nothing is left out silently.
TEST(NarrativesCompact, AHugeCellShowsAtMostItsLimitAndSaysWhatIsLeft)
{
    Fixture f(test::samplePath(), {1436, 700});
    Project project = generateProject(20000, 5);
    for (Claim &claim : project.claims())
        claim.question = 0; // one question: thousands of claims per party
    project.invalidateIndexes();
    f.document.setProject(std::move(project));
    settle();
    const NarrativesRenderer &renderer = f.view.canvas()->renderer();
    const NarrativesTable &table = f.view.table();
    const std::size_t limit = narrativeslayout::MaxShownCards;
    std::size_t huge = table.rowCount();
    for (std::size_t r = 0; r < table.rowCount() && huge == table.rowCount(); ++r) {
        for (std::size_t c = 0; c < table.rows()[r].cells.size(); ++c) {
            if (cellItems(table.rows()[r], c).size() > limit + 10)
                huge = r;
        }
    }
    ASSERT_LT(huge, table.rowCount()) << "the generated project has a cell of many claims";
    const NarrativesRow &row = table.rows()[huge];
    for (const bool compact : {true, false}) {
        f.view.setCompact(compact);
        f.view.canvas()->setRowExpanded(int(huge), true);
        settle();
        const Drawn d = drawn(renderer, huge, row.cells.size());
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const std::vector<std::uint32_t> items = cellItems(row, c);
            std::vector<std::uint32_t> all = d.cards[c];
            all.insert(all.end(), d.behindChips[c].begin(), d.behindChips[c].end());
            EXPECT_EQ(all, items) << "compact " << compact << ", column " << c;
            EXPECT_EQ(d.cards[c].size(), std::min(items.size(), limit));
        }
        bool said = false;
        for (const auto &box : renderer.moreBoxes(huge)) {
            if (box.hidden.empty())
                continue;
            const QString expected
                = QStringLiteral("%L1 more not shown").arg(qulonglong(box.hidden.size()));
            EXPECT_TRUE(box.label.contains(expected)) << str(box.label);
            said = true;
        }
        EXPECT_TRUE(said) << "compact " << compact;
    }
    // A picture of the chip under the 200th card, light and dark (looked at, not compared).
    f.view.resize(1436, 640);
    settle();
    const std::vector<QRect> chips = f.view.canvas()->moreRects(int(huge));
    ASSERT_FALSE(chips.empty());
    QScrollBar *scroll = f.view.canvas()->verticalScrollBar();
    scroll->setValue(scroll->value() + chips.front().top() - 400);
    settle();
    const QString dir = QDir::tempPath();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/narratives-huge-cell-light.png")));
    f.view.setPalette(test::darkPalette());
    settle();
    EXPECT_TRUE(f.view.grab().save(dir + QStringLiteral("/narratives-huge-cell-dark.png")));
}
