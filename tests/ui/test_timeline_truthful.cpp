// The timeline shows exactly what the record says (issue 15): every item of the contested days
// drawn or listed one click away, each event once, no axis finer than the dates, labels whole
// and inside the plot, and a selection that moves nothing. Each test is written from what a
// reader sees: marks with their labels, the chips that list the rest, the axis's step.

#include "common/picture.h"
#include "present/labels.h"
#include "timeline/timelinecontextmenu.h"
#include "timeline/timelineexport.h"
#include "timelineviewfixture.h"

#include <QFontDatabase>
#include <QMenu>
#include <QXmlStreamReader>

namespace claimline::test {
namespace {

std::int64_t utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

// 28 Dec 2025 00:00 to 2 Jan 2026 00:00 UTC: the five contested days.
const std::int64_t Days0 = utc(2025, 12, 28);
const std::int64_t Days1 = utc(2026, 1, 2);

// Every event and claim of the sample whose time overlaps the five days, however imprecise.
std::vector<ItemRef> itemsOfTheFiveDays(const Project &project)
{
    std::vector<ItemRef> items;
    for (std::uint32_t e = 0; e < project.events().size(); ++e) {
        const FuzzyTime &t = project.events()[e].when;
        if (t.start() < Days1 && t.end() > Days0)
            items.push_back({ItemKind::Event, e});
    }
    for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
        const FuzzyTime &t = project.claims()[c].madeAt;
        if (t.start() < Days1 && t.end() > Days0)
            items.push_back({ItemKind::Claim, c});
    }
    return items;
}

std::string titleOf(const Project &project, ItemRef item)
{
    return (item.kind == ItemKind::Event ? project.text(project.events()[item.index].title)
                                         : claimLabel(project, item.index))
        .toStdString();
}

// What a reader can reach: every item is drawn once with a whole label inside the plot, or
// listed in a chip that is inside the plot; nothing is both.
void expectEveryItemShownOrListed(const TimelineView &view, const Project &project)
{
    const TimelineFrame &f = view.frame();
    std::map<std::uint32_t, int> marks;
    for (const TimelineFrame::Mark &mark : f.marks)
        ++marks[mark.code & ~LaneCode::Rejected];
    std::set<std::uint32_t> listed;
    for (const TimelineFrame::Cluster &cluster : f.clusters) {
        EXPECT_GE(cluster.rect.left(), f.plot.left() - 0.5);
        EXPECT_LE(cluster.rect.right(), f.plot.right() + 0.5);
        for (const std::uint32_t code : f.codesOf(cluster))
            EXPECT_TRUE(listed.insert(code & ~LaneCode::Rejected).second) << "listed twice";
    }
    const std::vector<ItemRef> items = itemsOfTheFiveDays(project);
    ASSERT_GT(items.size(), 60u); // 30 events and 40 claims, less the early ones
    for (const ItemRef item : items) {
        const std::uint32_t code = codeOf(item);
        const bool drawn = marks.count(code) > 0;
        EXPECT_TRUE(drawn != (listed.count(code) > 0))
            << titleOf(project, item) << (drawn ? " is drawn and listed" : " is nowhere");
        if (!drawn)
            continue;
        EXPECT_EQ(marks[code], 1) << titleOf(project, item) << " is drawn more than once";
        const TimelineFrame::Mark &mark = *f.markOf(code);
        EXPECT_FALSE(mark.label.isEmpty()) << titleOf(project, item) << " has no label";
        EXPECT_GE(mark.label.left(), f.plot.left() - 0.5) << titleOf(project, item);
        EXPECT_LE(mark.label.right(), f.plot.right() + 0.5)
            << titleOf(project, item) << " runs off the right edge";
        EXPECT_GE(mark.rect.left(), f.plot.left() - 0.5) << titleOf(project, item);
    }
}

TEST(TimelineTruth, EveryItemOfTheFiveDaysIsDrawnOrListedAtTheDefaultWindow)
{
    // The timeline's part of the default window (1600x1000 screen), and a larger one.
    for (const QSize size : {QSize(780, 480), QSize(1280, 800)}) {
        Fixture f(samplePath(), size);
        settle();
        SCOPED_TRACE(size.width());
        expectEveryItemShownOrListed(f.view, f.project());
        f.view.fitAll();
        expectEveryItemShownOrListed(f.view, f.project());
    }
}

TEST(TimelineTruth, EachEventIsDrawnOnceOnTheEventsLaneWithItsPartiesAsChips)
{
    Fixture f;
    settle();
    const Project &project = f.project();
    const TimelineFrame &frame = f.view.frame();
    ASSERT_FALSE(frame.lanes.empty());
    EXPECT_EQ(frame.lanes.front().lane, f.view.lanes().eventsLane()) << "events on top";
    const ItemRef lavrov = find(project, "ev-lavrov-allegation");
    std::size_t count = 0;
    for (const TimelineFrame::Mark &mark : frame.marks) {
        if ((mark.code & ~LaneCode::Rejected) != codeOf(lavrov))
            continue;
        ++count;
        EXPECT_EQ(frame.lanes[mark.laneBox].lane, f.view.lanes().eventsLane());
        // Russia and Ukraine: two chips of 7 px.
        EXPECT_GE(mark.chips.width(), 2 * 7.0);
        EXPECT_LT(mark.chips.width(), 3 * 7.0);
    }
    EXPECT_EQ(count, 1u) << "Lavrov publicly accuses Ukraine is drawn once";
    // No party lane holds an event.
    for (const TimelineFrame::Mark &mark : frame.marks) {
        if (LaneCode::item(mark.code).kind == ItemKind::Event) {
            EXPECT_EQ(frame.lanes[mark.laneBox].lane, f.view.lanes().eventsLane());
        }
    }
}

TEST(TimelineTruth, DayDatesNeverGetHourTicks)
{
    Fixture f;
    settle();
    // Five days of day-precision items, then one day, then six hours of it.
    for (const auto &[from, to] :
         {std::pair {Days0, Days1}, std::pair {utc(2025, 12, 29), utc(2025, 12, 30)},
          std::pair {utc(2025, 12, 29) + 6 * 3600, utc(2025, 12, 29) + 12 * 3600}}) {
        f.view.setVisibleRange(double(from), double(to));
        EXPECT_EQ(f.view.frame().finestStep, 86400) << "every date drawn is a day or coarser";
        EXPECT_GE(f.view.tickStep(), 86400) << "no hours the data does not have";
    }
    // An instant (a time of day) lets the axis show hours again.
    Document &document = f.document;
    const std::uint32_t claim = find(f.project(), "claim-91-drones").index;
    Claim edited = f.project().claims()[claim];
    edited.madeAt = FuzzyTime::fromInstant(utc(2025, 12, 29) + 14 * 3600);
    document.edit(claim, edited, QStringLiteral("Move claim"));
    settle();
    f.view.setVisibleRange(double(utc(2025, 12, 29) + 12 * 3600),
                           double(utc(2025, 12, 29) + 18 * 3600));
    EXPECT_LT(f.view.tickStep(), 86400);
}

TEST(TimelineTruth, ZoomingIntoADayLaysOutItsItemsWithinTheDay)
{
    Fixture f;
    settle();
    const std::int64_t day = utc(2025, 12, 29);
    f.view.setVisibleRange(double(day), double(day + 86400));
    const TimelineFrame &frame = f.view.frame();
    const Project &project = f.project();
    std::set<long> glyphs;
    std::size_t sameDay = 0;
    for (const ItemRef item : itemsOfTheFiveDays(project)) {
        const FuzzyTime &t = timeOf(project, item);
        if (t.start() != day || t.end() != day + 86400)
            continue; // only the items dated exactly 29 Dec
        ++sameDay;
        const TimelineFrame::Mark *mark = frame.markOf(codeOf(item));
        ASSERT_NE(mark, nullptr) << titleOf(project, item) << " is not laid out at one day";
        const double dayLeft = frame.plot.left() + f.view.scale().x(double(day));
        const double dayRight = frame.plot.left() + f.view.scale().x(double(day + 86400));
        EXPECT_GE(mark->rect.left(), dayLeft - 0.5);
        EXPECT_LE(mark->rect.right(), dayRight + 0.5);
        glyphs.insert(std::lround(mark->rect.left()));
    }
    EXPECT_GT(sameDay, 20u);
    EXPECT_TRUE(frame.clusters.empty()) << "nothing of 29 Dec is left in a chip";
    // Spread along the day, not piled at midnight.
    EXPECT_GT(glyphs.size(), 3u);
}

TEST(TimelineTruth, SelectingMovesNothingOnScreen)
{
    Fixture f(samplePath(), QSize(780, 480));
    settle();
    const auto snapshot = [&f] {
        std::vector<std::tuple<std::uint32_t, double, double>> marks;
        for (const TimelineFrame::Mark &mark : f.view.frame().marks)
            marks.emplace_back(mark.code, mark.rect.x(), mark.rect.y());
        std::sort(marks.begin(), marks.end());
        return std::pair {marks, f.view.verticalScrollBar()->value()};
    };
    const auto before = snapshot();
    const double start = f.view.scale().start();
    for (const std::string_view id : {"ev-kallas-rejection", "claim-91-drones", "ev-mod-video"}) {
        const ItemRef item = find(f.project(), id);
        if (!f.view.frame().markOf(codeOf(item)))
            continue; // listed in a chip: selecting it may scroll to the chip
        f.selection.select(item);
        settle();
        EXPECT_EQ(snapshot(), before) << id << " moved something on screen";
        EXPECT_EQ(f.view.scale().start(), start);
    }
}

TEST(TimelineTruth, AChipListsItsItemsAndSelectsOne)
{
    Fixture f(samplePath(), QSize(780, 480));
    settle();
    const TimelineFrame &frame = f.view.frame();
    ASSERT_FALSE(frame.clusters.empty()) << "a small window has more than fits";
    const TimelineFrame::Cluster cluster = frame.clusters.front();
    const std::vector<std::uint32_t> codes(frame.codesOf(cluster).begin(),
                                           frame.codesOf(cluster).end());
    ASSERT_GT(codes.size(), 0u);
    const Project &project = f.project();
    const ItemRef first = LaneCode::item(codes.front());

    // Hover tells which items are there.
    const QString tip = f.view.toolTipTextAt(centreOf(cluster.rect));
    EXPECT_TRUE(tip.contains(QString::fromStdString(titleOf(project, first)).left(30)))
        << tip.toStdString();

    // A click offers them; choosing one selects it.
    int asked = -1;
    f.view.setExecClusterMenu([&asked](int index) { asked = index; });
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, centreOf(cluster.rect));
    EXPECT_EQ(asked, 0);
    QMenu menu;
    TimelineContextMenu::fillClusterMenu(menu, &f.view, 0);
    std::vector<QAction *> entries;
    for (QAction *action : menu.actions()) {
        if (action->isEnabled() && !action->isSeparator())
            entries.push_back(action);
    }
    // One per item, then Select All and Zoom In.
    ASSERT_EQ(entries.size(), codes.size() + 2);
    const ItemRef last = LaneCode::item(codes.back());
    entries[codes.size() - 1]->trigger();
    EXPECT_EQ(f.selection.current(), last);
    settle();
    // The chip still holds it (the layout did not change) and says it holds the selection.
    EXPECT_NE(f.view.frame().clusterOf(codeOf(last)), nullptr);
    entries[codes.size()]->trigger();
    EXPECT_EQ(f.selection.items().size(), codes.size());
    // Zoom In lays them out: all but the background spans (wider than half the window, as
    // "2025~" is), which take what room is left.
    const double span = f.view.scale().span();
    entries[codes.size() + 1]->trigger();
    settle();
    for (const std::uint32_t code : codes) {
        const FuzzyTime &t = timeOf(project, LaneCode::item(code));
        if (double(t.end() - t.start()) <= span / 2) {
            EXPECT_NE(f.view.frame().markOf(code), nullptr)
                << titleOf(project, LaneCode::item(code)) << " is still not drawn";
        }
    }
}

TEST(TimelineTruth, ClaimLabelsDoNotRepeatTheirClaimant)
{
    Fixture f;
    const Project &project = f.project();
    const auto statement = [&project](std::string_view id) {
        return project.text(project.claims()[find(project, id).index].statement);
    };
    // "Sergei Lavrov: Lavrov said …" reads twice: the statement alone.
    EXPECT_EQ(claimLabel(project, find(project, "claim-91-drones").index),
              statement("claim-91-drones"));
    // A party is named by its lane.
    EXPECT_EQ(claimLabel(project, find(project, "claim-flight-data").index),
              statement("claim-flight-data"));
    // Every label names its speaker once at most.
    for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
        const QString label = claimLabel(project, c);
        EXPECT_TRUE(label.endsWith(project.text(project.claims()[c].statement)));
        EXPECT_FALSE(label.startsWith(QStringLiteral("Russia: ")));
    }
}

TEST(TimelineTruth, ThePictureOfTheFiveDaysHoldsEveryEventTitleOnceAndNoChip)
{
    Document document;
    ASSERT_TRUE(document.load(samplePath()).empty());
    const Project &project = document.project();
    TimelineLanes lanes;
    lanes.rebuild(project, nullptr, false);
    TimelineImageRequest request;
    request.from = double(Days0);
    request.to = double(Days1);
    request.width = 1280;
    request.caption = true;
    const Picture picture = timelinePicture(project, lanes, request,
                                            QFontDatabase::systemFont(QFontDatabase::GeneralFont));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.svg"));
    ASSERT_EQ(writePicture(picture, path, PictureFormat::Svg), QString());
    // The texts of the SVG, as a designer or a search would find them.
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    const QString all = texts.join(QLatin1Char('\n'));
    const auto flatten = [](QString text) {
        return text.remove(QRegularExpression(QStringLiteral("\\s")));
    };
    // The picture's title line aside (it names the alleged attack too), each event title once.
    QString flat = flatten(all);
    const QString title = flatten(project.text(project.meta().title));
    ASSERT_TRUE(flat.contains(title)) << "the title, whole";
    flat.remove(flat.indexOf(title), title.size());
    for (const ItemRef item : itemsOfTheFiveDays(project)) {
        if (item.kind != ItemKind::Event)
            continue;
        const QString event = project.text(project.events()[item.index].title);
        // Drawn once as a label: the words may wrap over lines, so compare without spaces.
        EXPECT_EQ(flat.count(flatten(event)), 1) << event.toStdString();
    }
    EXPECT_FALSE(all.contains(QRegularExpression(QStringLiteral("\\+\\d+ more"))))
        << "no chip in a picture";
    EXPECT_FALSE(all.contains(QChar(0x2026))) << "no label cut with an ellipsis";
    EXPECT_FALSE(all.contains(QRegularExpression(QStringLiteral("\\b\\d\\d:00\\b"))))
        << "no hour ticks for dates";
}

} // namespace
} // namespace claimline::test
