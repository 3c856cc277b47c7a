// ItemTableView, ItemTableModel and ItemTableProxy on the sample: every item is a row, columns
// sort by what they mean, the search field and the Filter hide rows, the table and the
// shared Selection follow each other without looping, and file text is shown literally.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "itemtablefixture.h"
#include "model/generator.h"
#include "model/project.h"
#include "search/searchtext.h"
#include "table/itemtablemodel.h"
#include "table/itemtableproxy.h"
#include "table/itemtableview.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHeaderView>
#include <QHelpEvent>
#include <QImage>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPalette>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QToolTip>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

using namespace claimline;
using namespace claimline::test;
using Fixture = ItemTableFixture;

namespace {

// The searchable texts of an item, as searchindex.h documents them.
bool mentions(const Project &p, ItemRef item, const QString &needle)
{
    QStringList texts;
    const auto addSources = [&](IndexRange range) {
        for (const Citation &c : p.citations(range))
            texts << p.text(p.sources()[c.source].outlet) << p.text(p.sources()[c.source].title);
    };
    if (item.kind == ItemKind::Event) {
        const Event &e = p.events()[item.index];
        texts << p.text(e.title) << p.text(e.summary) << p.text(e.locationName);
        for (const std::uint32_t party : p.indices(e.parties))
            texts << p.text(p.parties()[party].name);
        addSources(e.sources);
    } else {
        const Claim &c = p.claims()[item.index];
        texts << p.text(c.statement) << p.text(c.quote) << p.text(c.quoteTranslation);
        if (c.claimant.isValid() && !c.claimant.isParty)
            texts << p.text(p.actors()[c.claimant.index].name);
        if (const std::uint32_t party = p.partyOfClaim(item.index); party != NoIndex)
            texts << p.text(p.parties()[party].name);
        addSources(c.sources);
    }
    const QString folded = foldForSearch(needle);
    return std::any_of(texts.begin(), texts.end(),
                       [&](const QString &t) { return containsFolded(t, folded); });
}

// The rows shown are exactly the items that mention the needle.
void expectShowsMatchesOf(Fixture &f, const QString &needle)
{
    const ItemKind kind = f.view.model()->itemKind();
    const std::size_t items
        = kind == ItemKind::Event ? f.project().events().size() : f.project().claims().size();
    std::size_t expected = 0;
    for (std::uint32_t i = 0; i < items; ++i)
        expected += mentions(f.project(), {kind, i}, needle);
    EXPECT_EQ(std::size_t(f.proxy().rowCount()), expected) << needle.toStdString();
    for (int row = 0; row < f.proxy().rowCount(); ++row)
        EXPECT_TRUE(mentions(f.project(), {kind, f.sourceRow(row)}, needle)) << row;
}

// A small project with Russian text.
constexpr const char *CyrillicJson = R"({"format": "claimline", "version": 1,
 "parties": [{"id": "ua", "name": "Украина"}, {"id": "ru", "name": "Россия"}],
 "actors": [{"id": "zel", "name": "Владимир Зеленский", "party": "ua"}],
 "events": [
  {"id": "e1", "title": "Зеленский ответил", "when": "2025-12-29", "parties": ["ua"]},
  {"id": "e2", "title": "Ёлка в Кремле", "when": "2025-12-30", "parties": ["ru"]},
  {"id": "e3", "title": "Talks in Berlin", "when": "2025-12-31"}],
 "claims": [
  {"id": "c1", "claimant": "zel", "made_at": "2025-12-29", "statement": "Это ложь"}]})";

} // namespace

TEST(ItemTable, EveryItemIsARow)
{
    Fixture f;
    EXPECT_EQ(f.view.mode(), Mode::Events);
    EXPECT_EQ(std::size_t(f.proxy().rowCount()), f.project().events().size());
    EXPECT_EQ(f.proxy().columnCount(), int(ItemTableModel::EventColumnCount));
    EXPECT_EQ(f.view.countText(), QStringLiteral("30 of 30 events"));
    EXPECT_EQ(f.table().objectName(), QStringLiteral("itemTable"));

    auto *claims = f.view.findChild<QToolButton *>(QStringLiteral("tableModeClaims"));
    ASSERT_NE(claims, nullptr);
    QTest::mouseClick(claims, Qt::LeftButton);
    EXPECT_EQ(f.view.mode(), Mode::Claims);
    EXPECT_EQ(std::size_t(f.proxy().rowCount()), f.project().claims().size());
    EXPECT_EQ(f.proxy().columnCount(), int(ItemTableModel::ClaimColumnCount));
    EXPECT_EQ(f.view.countText(), QStringLiteral("40 of 40 claims"));
    QTest::mouseClick(f.view.findChild<QToolButton *>(QStringLiteral("tableModeEvents")),
                      Qt::LeftButton);
    EXPECT_EQ(f.view.mode(), Mode::Events);
}

TEST(ItemTable, CellsShowWhatTheProjectSays)
{
    Fixture f;
    const ItemRef drones = f.find("ev-residence-drones");
    const int row = f.proxy().proxyRowOf(int(drones.index));
    ASSERT_GE(row, 0);
    const Event &e = f.project().events()[drones.index];
    EXPECT_EQ(f.cell(row, ItemTableModel::EventDate), e.when.toDisplayString());
    EXPECT_EQ(f.cell(row, ItemTableModel::EventTitle), f.project().text(e.title));
    EXPECT_EQ(f.cell(row, ItemTableModel::EventParties), QStringLiteral("Russia, Ukraine"));
    EXPECT_EQ(f.cell(row, ItemTableModel::EventSources), QString::number(e.sources.count));
    EXPECT_EQ(f.cell(row, ItemTableModel::EventTags),
              QStringLiteral("allegation, drones, residence, deep-strike"));

    f.view.setMode(Mode::Claims);
    const ItemRef c91 = f.find("claim-91-drones");
    const int claimRow = f.proxy().proxyRowOf(int(c91.index));
    EXPECT_EQ(f.cell(claimRow, ItemTableModel::ClaimClaimant), QStringLiteral("Sergei Lavrov"));
    EXPECT_EQ(f.cell(claimRow, ItemTableModel::ClaimParty), QStringLiteral("Russia"));
    EXPECT_EQ(f.cell(claimRow, ItemTableModel::ClaimAbout), f.project().text(e.title));
    EXPECT_EQ(f.cell(claimRow, ItemTableModel::ClaimStance), QStringLiteral("Affirms"));
    EXPECT_EQ(f.cell(claimRow, ItemTableModel::ClaimStatus), QStringLiteral("Disputed"));
    EXPECT_EQ(f.cell(claimRow, ItemTableModel::ClaimAnswers).toUInt(),
              f.project().relationsAnswering(c91.index).size());
}

TEST(ItemTable, DateSortsByStartThenEnd)
{
    Fixture f;
    f.view.show();
    // In time order from the start.
    EXPECT_EQ(f.proxy().sortColumn(), 0);
    const auto expectTimeOrder = [&f](bool ascending) {
        for (int row = 1; row < f.proxy().rowCount(); ++row) {
            const FuzzyTime &a = f.project().events()[f.sourceRow(row - 1)].when;
            const FuzzyTime &b = f.project().events()[f.sourceRow(row)].when;
            const auto ka = std::pair(a.start(), a.end());
            const auto kb = std::pair(b.start(), b.end());
            EXPECT_TRUE(ascending ? ka <= kb : ka >= kb) << row;
        }
    };
    expectTimeOrder(true);
    // A click on the header reverses it.
    QHeaderView *header = f.table().horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(0) + 10, header->height() / 2));
    EXPECT_EQ(f.proxy().sortOrder(), Qt::DescendingOrder);
    expectTimeOrder(false);

    // Claims sort by when they were said.
    f.view.setMode(Mode::Claims);
    EXPECT_EQ(f.proxy().sortColumn(), 0);
    for (int row = 1; row < f.proxy().rowCount(); ++row) {
        const FuzzyTime &a = f.project().claims()[f.sourceRow(row - 1)].madeAt;
        const FuzzyTime &b = f.project().claims()[f.sourceRow(row)].madeAt;
        EXPECT_GE(std::pair(a.start(), a.end()), std::pair(b.start(), b.end())) << row;
    }
}

TEST(ItemTable, TitleSortsAlphabetically)
{
    Fixture f;
    f.table().sortByColumn(ItemTableModel::EventTitle, Qt::AscendingOrder);
    EXPECT_EQ(f.proxy().sortColumn(), int(ItemTableModel::EventTitle));
    for (int row = 1; row < f.proxy().rowCount(); ++row) {
        const QString a = f.cell(row - 1, ItemTableModel::EventTitle);
        const QString b = f.cell(row, ItemTableModel::EventTitle);
        EXPECT_LE(QString::compare(a, b, Qt::CaseInsensitive), 0)
            << a.toStdString() << " / " << b.toStdString();
    }
}

TEST(ItemTable, EveryColumnSortsConsistentlyWithCompare)
{
    Fixture f;
    for (const Mode mode : {Mode::Events, Mode::Claims}) {
        f.view.setMode(mode);
        ItemTableModel &model = *f.view.model();
        for (int column = 0; column < model.columnCount(); ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                f.table().sortByColumn(column, order);
                ASSERT_EQ(f.proxy().rowCount(), model.rowCount());
                for (int row = 1; row < f.proxy().rowCount(); ++row) {
                    const int a = int(f.sourceRow(row - 1));
                    const int b = int(f.sourceRow(row));
                    int c = model.compare(column, a, b);
                    if (c == 0)
                        c = a < b ? -1 : 1; // ties keep item order
                    EXPECT_TRUE(order == Qt::AscendingOrder ? c < 0 : c > 0)
                        << "column " << column << " row " << row;
                }
            }
        }
    }
}

// After a deletion the table sorted a million rows again; it now follows the renumbering. The
// order must still be the one a fresh sort gives, for every column and direction, after the
// deletion (a claim's answers go with it) and after its undo.
TEST(ItemTable, DeletingAndUndoingKeepTheSortedOrder)
{
    Fixture f;
    const auto expectSorted = [&](int column, Qt::SortOrder order, const char *when) {
        const std::vector<std::uint32_t> fresh = f.view.model()->sortedRows(column, order);
        ASSERT_EQ(std::size_t(f.proxy().rowCount()), fresh.size()) << when;
        for (int row = 0; row < f.proxy().rowCount(); ++row) {
            ASSERT_EQ(f.sourceRow(row), fresh[std::size_t(row)])
                << when << ": column " << column << " row " << row;
        }
    };
    for (const Mode mode : {Mode::Events, Mode::Claims}) {
        f.view.setMode(mode);
        const ItemKind kind = mode == Mode::Events ? ItemKind::Event : ItemKind::Claim;
        for (int column = 0; column < f.view.model()->columnCount(); ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                f.table().sortByColumn(column, order);
                const auto middle = std::uint32_t(f.view.model()->rowCount() / 2);
                ASSERT_TRUE(f.document.deleteItems({{kind, middle}}, DeleteMode::Cascade));
                settle();
                expectSorted(column, order, "deleted");
                f.document.undoStack()->undo();
                settle();
                expectSorted(column, order, "undone");
                // A party: its claims go, and the events it shares lose it from their list.
                ASSERT_TRUE(f.document.deleteItems({{ItemKind::Party, 0}}, DeleteMode::Cascade));
                settle();
                expectSorted(column, order, "party deleted");
                f.document.undoStack()->undo();
                settle();
                expectSorted(column, order, "party undone");
            }
        }
    }
}

TEST(ItemTable, SearchFieldFiltersWhateverTheCaseAndAccents)
{
    Fixture f;
    QSignalSpy resets(&f.proxy(), &QAbstractItemModel::modelReset);
    f.type(QStringLiteral("Kallas"));
    EXPECT_EQ(f.filter.textQuery(), QStringLiteral("Kallas"));
    EXPECT_GT(f.proxy().rowCount(), 0);
    EXPECT_LT(f.proxy().rowCount(), 30);
    expectShowsMatchesOf(f, QStringLiteral("Kallas"));
    EXPECT_EQ(f.view.countText(), QStringLiteral("%1 of 30 events").arg(f.proxy().rowCount()));
    // Debounced: six keystrokes, at most one filter pass per query change.
    EXPECT_LE(resets.count(), 2);
    const int kallas = f.proxy().rowCount();

    f.type(QString::fromUtf8("KÁLLAS"));
    EXPECT_EQ(f.proxy().rowCount(), kallas);
    f.type(QStringLiteral("CAFE")); // "café" in a title
    expectShowsMatchesOf(f, QStringLiteral("cafe"));
    EXPECT_GE(f.proxy().rowCount(), 1);

    f.view.setMode(Mode::Claims);
    f.type(QStringLiteral("kallas"));
    expectShowsMatchesOf(f, QStringLiteral("kallas"));
    EXPECT_GT(f.proxy().rowCount(), 0);

    // Enter applies at once.
    QLineEdit *search = f.view.searchField();
    search->clear();
    QTest::keyClicks(search, QStringLiteral("fabrication"));
    QTest::keyClick(search, Qt::Key_Return);
    EXPECT_EQ(f.filter.textQuery(), QStringLiteral("fabrication"));
}

TEST(ItemTable, SearchFindsCyrillicWithYoAsYe)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cyrillic.claimline"));
    ASSERT_TRUE(test::writeFile(path, CyrillicJson));
    Fixture f(path);
    ASSERT_EQ(f.proxy().rowCount(), 3);
    f.type(QString::fromUtf8("зеленск"));
    ASSERT_EQ(f.proxy().rowCount(), 1);
    EXPECT_EQ(f.cell(0, ItemTableModel::EventTitle), QString::fromUtf8("Зеленский ответил"));
    f.type(QString::fromUtf8("ЗЕЛЁНСК"));
    EXPECT_EQ(f.proxy().rowCount(), 1);
    f.type(QString::fromUtf8("елка")); // ё is е
    ASSERT_EQ(f.proxy().rowCount(), 1);
    EXPECT_EQ(f.cell(0, ItemTableModel::EventTitle), QString::fromUtf8("Ёлка в Кремле"));
    f.type(QString::fromUtf8("зеленскии")); // й is not и
    EXPECT_EQ(f.proxy().rowCount(), 0);
    f.view.setMode(Mode::Claims);
    f.type(QString::fromUtf8("владимир"));
    EXPECT_EQ(f.proxy().rowCount(), 1);
}

TEST(ItemTable, SearchFieldFollowsTheFilterWithoutLooping)
{
    Fixture f;
    QSignalSpy changed(&f.filter, &Filter::changed);
    f.filter.setTextQuery(QStringLiteral("drone"));
    settle();
    EXPECT_EQ(f.view.searchField()->text(), QStringLiteral("drone"));
    EXPECT_EQ(changed.count(), 1); // the field's new text was not sent back
    expectShowsMatchesOf(f, QStringLiteral("drone"));
    f.filter.clear();
    settle();
    EXPECT_TRUE(f.view.searchField()->text().isEmpty());
    EXPECT_EQ(f.proxy().rowCount(), 30);
    EXPECT_EQ(changed.count(), 2);
}

TEST(ItemTable, FilterHidesRows)
{
    Fixture f;
    f.filter.setStatusShown(Status::Unverified, false);
    settle();
    EXPECT_LT(f.proxy().rowCount(), 30);
    EXPECT_GT(f.proxy().rowCount(), 0);
    for (int row = 0; row < f.proxy().rowCount(); ++row)
        EXPECT_NE(f.project().events()[f.sourceRow(row)].status, Status::Unverified);

    f.filter.setStatusShown(Status::Unverified, true);
    const std::uint32_t russia = f.find("russia").index;
    f.filter.setPartyHidden(russia, true);
    settle();
    std::size_t expected = 0;
    for (std::uint32_t i = 0; i < f.project().events().size(); ++i)
        expected += f.filter.acceptsEvent(f.project(), i);
    EXPECT_EQ(std::size_t(f.proxy().rowCount()), expected);
    EXPECT_LT(expected, 30u);
    for (int row = 0; row < f.proxy().rowCount(); ++row)
        EXPECT_TRUE(f.filter.acceptsEvent(f.project(), f.sourceRow(row)));
    EXPECT_EQ(f.view.countText(), QStringLiteral("%1 of 30 events").arg(expected));
}

TEST(ItemTable, ClickingARowSelectsItsItem)
{
    Fixture f;
    f.view.show();
    QSignalSpy changed(&f.selection, &Selection::changed);
    const QRect rect = f.table().visualRect(f.proxy().index(3, 1));
    QTest::mouseClick(f.table().viewport(), Qt::LeftButton, {}, rect.center());
    const ItemRef expected {ItemKind::Event, f.sourceRow(3)};
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {expected});
    EXPECT_EQ(f.selection.current(), expected);
    EXPECT_GE(changed.count(), 1);
    // Ctrl+click adds.
    const QRect other = f.table().visualRect(f.proxy().index(5, 1));
    QTest::mouseClick(f.table().viewport(), Qt::LeftButton, Qt::ControlModifier, other.center());
    EXPECT_EQ(f.selection.items().size(), 2u);
    EXPECT_TRUE(f.selection.contains({ItemKind::Event, f.sourceRow(5)}));
    EXPECT_EQ(f.selection.current(), (ItemRef {ItemKind::Event, f.sourceRow(5)}));
}

TEST(ItemTable, SelectAllSelectsEveryRow)
{
    // More rows than the table once passed on to the other views (10,000): every one of them
    // is selected everywhere.
    Document document;
    document.setProject(generateProject(20000, 3));
    Selection selection;
    Filter filter;
    ItemTableView view {&document, &selection, &filter};
    view.resize(1000, 600);
    view.show();
    QCoreApplication::processEvents();
    view.table()->selectAll();
    QCoreApplication::processEvents();
    EXPECT_EQ(selection.items().size(), 20000u);
    EXPECT_TRUE(selection.contains({ItemKind::Event, 0}));
    EXPECT_TRUE(selection.contains({ItemKind::Event, 19999}));
}

TEST(ItemTable, SelectionElsewhereSelectsAndScrollsToTheRow)
{
    Fixture f;
    f.view.resize(900, 200); // a few rows visible: selecting the last must scroll
    f.view.show();
    const ItemRef last {ItemKind::Event, f.sourceRow(f.proxy().rowCount() - 1)};
    QSignalSpy changed(&f.selection, &Selection::changed);
    f.selection.select(last);
    EXPECT_EQ(changed.count(), 1); // the table's echo of the selection sets nothing
    QItemSelectionModel *model = f.table().selectionModel();
    const int row = f.proxy().proxyRowOf(int(last.index));
    EXPECT_TRUE(model->isRowSelected(row, {}));
    EXPECT_EQ(model->selectedRows().size(), 1);
    EXPECT_EQ(model->currentIndex().row(), row);
    EXPECT_TRUE(
        f.table().viewport()->rect().intersects(f.table().visualRect(f.proxy().index(row, 0))));

    // A claim: the table switches to claims.
    const ItemRef claim = f.find("claim-91-drones");
    f.selection.select(claim);
    EXPECT_EQ(f.view.mode(), Mode::Claims);
    EXPECT_TRUE(model->isRowSelected(f.proxy().proxyRowOf(int(claim.index)), {}));
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {claim});
    EXPECT_EQ(changed.count(), 2);

    // Filtering keeps the selection when the row stays, and the table keeps following.
    f.filter.setTextQuery(QStringLiteral("drones"));
    settle();
    EXPECT_TRUE(model->isRowSelected(f.proxy().proxyRowOf(int(claim.index)), {}));
    EXPECT_EQ(f.selection.items(), std::vector<ItemRef> {claim});
    f.selection.clear();
    EXPECT_TRUE(model->selectedRows().isEmpty());
}

TEST(ItemTable, FileTextIsShownLiterally)
{
    Fixture f;
    QSignalSpy resets(&f.proxy(), &QAbstractItemModel::modelReset);
    QSignalSpy changes(&f.proxy(), &QAbstractItemModel::dataChanged);
    const QString markup = QStringLiteral("<img src=x><b>b</b>");
    f.document.setEventTitle(0, markup);
    EXPECT_EQ(resets.count(), 0); // one row changed: no reset
    EXPECT_GE(changes.count(), 1);
    const int row = f.proxy().proxyRowOf(0);
    EXPECT_EQ(f.cell(row, ItemTableModel::EventTitle), markup);
    const QString tip
        = f.proxy().index(row, ItemTableModel::EventTitle).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.startsWith(markup));

    f.document.setEventTitle(1, QStringLiteral("abc") + QChar(0x202E) + QStringLiteral("def"));
    const QString shown = f.cell(f.proxy().proxyRowOf(1), ItemTableModel::EventTitle);
    EXPECT_EQ(shown,
              QStringLiteral("abc") + QChar(0x27E8) + QStringLiteral("U+202E") + QChar(0x27E9)
                  + QStringLiteral("def"));
    EXPECT_FALSE(shown.contains(QChar(0x202E)));

    // The tooltip shows the markup as text, escaped.
    f.view.show();
    const QRect rect = f.table().visualRect(f.proxy().index(row, ItemTableModel::EventTitle));
    QHelpEvent help(QEvent::ToolTip, rect.center(),
                    f.table().viewport()->mapToGlobal(rect.center()));
    QCoreApplication::sendEvent(f.table().viewport(), &help);
    EXPECT_TRUE(QToolTip::isVisible());
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("&lt;img src=x&gt;&lt;b&gt;")))
        << QToolTip::text().toStdString();
    QToolTip::hideText();
}

TEST(ItemTable, AnEditedRowMovesToItsSortedPlace)
{
    Fixture f;
    f.table().sortByColumn(ItemTableModel::EventTitle, Qt::AscendingOrder);
    QSignalSpy resets(&f.proxy(), &QAbstractItemModel::modelReset);
    QSignalSpy moves(&f.proxy(), &QAbstractItemModel::rowsMoved);
    const std::uint32_t item = f.sourceRow(f.proxy().rowCount() - 1);
    f.document.setEventTitle(item, QStringLiteral("AAA first of all"));
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(moves.count(), 1);
    EXPECT_EQ(f.sourceRow(0), item);

    // An edit that makes the row fail the text query removes just that row.
    f.filter.setTextQuery(QStringLiteral("first of all"));
    settle();
    ASSERT_EQ(f.proxy().rowCount(), 1);
    QSignalSpy removed(&f.proxy(), &QAbstractItemModel::rowsRemoved);
    f.document.setEventTitle(item, QStringLiteral("Renamed"));
    EXPECT_EQ(removed.count(), 1);
    EXPECT_EQ(f.proxy().rowCount(), 0);
    EXPECT_EQ(resets.count(), 1); // only the filter change
}

TEST(ItemTable, TimeZoneChangesTimesOfDayOnly)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("zones.claimline"));
    ASSERT_TRUE(test::writeFile(path, R"({"format": "claimline", "version": 1,
     "events": [{"id": "e1", "title": "Instant", "when": "2025-12-28T22:00Z"},
                {"id": "e2", "title": "Day", "when": "2025-12-29"}]})"));
    Fixture f(path);
    QSignalSpy resets(&f.proxy(), &QAbstractItemModel::modelReset);
    const int instant = f.proxy().proxyRowOf(0);
    const int day = f.proxy().proxyRowOf(1);
    const QString dayText = f.cell(day, 0);
    f.view.setTimeZone(QTimeZone("Europe/Moscow"));
    settle();
    EXPECT_EQ(f.cell(instant, 0),
              f.project().events()[0].when.toDisplayString(QTimeZone("Europe/Moscow")));
    EXPECT_TRUE(f.cell(instant, 0).contains(QStringLiteral("01:00")))
        << f.cell(instant, 0).toStdString();
    EXPECT_EQ(f.cell(day, 0), dayText);
    EXPECT_EQ(resets.count(), 0);
}

TEST(ItemTable, RendersInLightAndDarkPalettes)
{
    Fixture f;
    f.view.resize(1280, 420);
    f.view.show();
    const ItemRef drones = f.find("ev-residence-drones");
    f.selection.select(drones);
    settle();
    const QImage light = f.view.grab().toImage();
    EXPECT_FALSE(light.isNull());
    light.save(QDir::tempPath() + QStringLiteral("/helperD-table.png"));
    f.view.setPalette(test::darkPalette());
    f.view.setMode(Mode::Claims);
    f.selection.select(f.find("claim-91-drones"));
    settle();
    const QImage darkImage = f.view.grab().toImage();
    darkImage.save(QDir::tempPath() + QStringLiteral("/helperD-table-dark.png"));
    EXPECT_FALSE(darkImage.isNull());
}

TEST(ItemTableModel, LargeTablesSortLikeCompare)
{
    // Above the size at which keys are made and sorted on two threads; generated titles
    // often share their first 24 bytes, and party lists tie by the thousand.
    Document document;
    document.setProject(generateProject(70000, 2));
    ItemTableModel model(&document);
    for (const int column : {int(ItemTableModel::EventTitle), int(ItemTableModel::EventParties),
                             int(ItemTableModel::EventDate), int(ItemTableModel::EventSources),
                             int(ItemTableModel::EventTags)}) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const std::vector<std::uint32_t> rows = model.sortedRows(column, order);
            ASSERT_EQ(rows.size(), 70000u);
            std::vector<std::uint32_t> sorted = rows;
            std::sort(sorted.begin(), sorted.end());
            for (std::uint32_t i = 0; i < sorted.size(); ++i)
                ASSERT_EQ(sorted[i], i);
            for (std::size_t i = 1; i < rows.size(); ++i) {
                int c = model.compare(column, int(rows[i - 1]), int(rows[i]));
                if (c == 0)
                    c = rows[i - 1] < rows[i] ? -1 : 1;
                ASSERT_TRUE(order == Qt::AscendingOrder ? c < 0 : c > 0)
                    << "column " << column << " at " << i;
            }
        }
    }
}

TEST(ItemTableModel, LongCommonPrefixesSortByTheWholeFoldedText)
{
    const std::vector<const char *> titles {
        "A very long common prefix shared by every title, then 3",
        "A very long common prefix shared by every title, then 10",
        "A very long common prefix shared by every title, then 2",
        "A very long common prefix shared by every title",
        "a VERY long common prefix shared by every title, then 1",
        "\xc3\x80 very long common prefix shared by every title, then 0", // À
        "A very long common prefix shared by every title, then 1",
        "\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0", // Ёлка
        "\xd0\x95\xd0\xbb\xd0\xba\xd0\xb0 2", // Елка 2
        "\xd0\xaf\xd0\xb1\xd0\xbb\xd0\xbe\xd0\xba\xd0\xbe", // Яблоко
        "\xd0\x90\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8c", // Апрель
        "Stra\xc3\x9f"
        "e",
        "Strasse",
        "strasse!",
        ""};
    Project project;
    for (const char *title : titles) {
        Event event;
        event.title = project.addText(std::string_view(title));
        project.events().push_back(event);
    }
    Document document;
    document.setProject(std::move(project));
    ItemTableModel model(&document);
    std::vector<std::uint32_t> expected(titles.size());
    std::iota(expected.begin(), expected.end(), 0u);
    const auto folded = [&titles](std::uint32_t i) {
        return foldForSearch(QString::fromUtf8(titles[i])).toStdString();
    };
    std::stable_sort(expected.begin(), expected.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return folded(a) < folded(b); });
    EXPECT_EQ(model.sortedRows(ItemTableModel::EventTitle, Qt::AscendingOrder), expected);
    std::reverse(expected.begin(), expected.end());
    EXPECT_EQ(model.sortedRows(ItemTableModel::EventTitle, Qt::DescendingOrder), expected);
}
