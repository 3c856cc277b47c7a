// The timeline draws the project's periods: a quiet band across every lane over the period's
// time, and its title in a row of its own between the axis and the lanes, never over a mark.
// Checked on the pixels a reader sees (the band's tint where the period is and nowhere else,
// the title's ink in its box), light and dark, on screen and in an exported picture.

#include "timeline/timelineexport.h"
#include "timelineviewfixture.h"

#include <QPainter>

using namespace claimline;
using namespace claimline::test;

namespace {

FuzzyTime edtf(std::string_view text)
{
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text);
    EXPECT_TRUE(time.has_value()) << text;
    return time.value_or(FuzzyTime());
}

// The sample with the two periods of the brief, shown from 27 Dec to 2 Jan.
struct PeriodFixture : Fixture
{
    PeriodFixture()
    {
        document.addPeriod(QStringLiteral("Peace talks at Mar-a-Lago"), edtf("2025-12-28"));
        document.addPeriod(QStringLiteral("Allegation and denials"), edtf("2025-12-29/2025-12-31"));
        view.setVisibleRange(double(utcMidnight(2025, 12, 27)), double(utcMidnight(2026, 1, 2)));
        settle();
    }
    double xOf(std::int64_t t) const { return plotLeft() + view.scale().x(double(t)); }
    const TimelineFrame::PeriodBand *band(const QString &title) const
    {
        for (const TimelineFrame::PeriodBand &b : view.frame().periods) {
            if (project().text(project().periods()[b.period].title) == title)
                return &b;
        }
        return nullptr;
    }
};

// How much bluer than red a pixel is: the bands are tints of the theme's highlight (a blue).
int blueness(QRgb pixel)
{
    return qBlue(pixel) - qRed(pixel);
}

// Whether anything drawn for an item (glyph, strip, label, chips) or a cluster chip covers x, y.
bool covered(const TimelineFrame &f, double x, double y)
{
    const QRectF around(x - 3, y - 3, 6, 6);
    for (const TimelineFrame::Mark &mark : f.marks) {
        if (mark.rect.intersects(around) || mark.strip.intersects(around)
            || mark.label.intersects(around) || mark.chips.intersects(around))
            return true;
    }
    for (const TimelineFrame::Cluster &cluster : f.clusters) {
        if (cluster.rect.intersects(around))
            return true;
    }
    return false;
}

// Rows of the plot (one per lane, near its bottom) where none of the xs is covered by a mark:
// places to read the background at.
std::vector<double> clearRows(const TimelineFrame &f, const std::vector<double> &xs)
{
    std::vector<double> rows;
    for (const TimelineFrame::LaneBox &box : f.lanes) {
        const double y = f.plot.top() + box.top - f.scrollY + box.height - 3;
        if (y >= f.plot.bottom())
            continue;
        if (std::none_of(xs.begin(), xs.end(), [&](double x) { return covered(f, x, y); }))
            rows.push_back(y);
    }
    return rows;
}

// Dark pixels (text) in a box of the image.
int inkIn(const QImage &image, const QRectF &box, bool darkText)
{
    int ink = 0;
    const QRect r = box.toAlignedRect().intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const int grey = qGray(image.pixel(x, y));
            if (darkText ? grey < 110 : grey > 170)
                ++ink;
        }
    }
    return ink;
}

void checkBandsAndTitles(PeriodFixture &fx, bool dark)
{
    const TimelineFrame &f = fx.view.frame();
    ASSERT_EQ(f.periods.size(), 2u);
    const auto *talks = fx.band(QStringLiteral("Peace talks at Mar-a-Lago"));
    const auto *denials = fx.band(QStringLiteral("Allegation and denials"));
    ASSERT_TRUE(talks && denials);
    // Each band covers its days exactly (the sample's zone is UTC): 28 Dec; 29 to 31 Dec.
    EXPECT_NEAR(talks->x0, fx.xOf(utcMidnight(2025, 12, 28)), 1.0);
    EXPECT_NEAR(talks->x1, fx.xOf(utcMidnight(2025, 12, 29)), 1.0);
    EXPECT_NEAR(denials->x0, fx.xOf(utcMidnight(2025, 12, 29)), 1.0);
    EXPECT_NEAR(denials->x1, fx.xOf(utcMidnight(2026, 1, 1)), 1.0);

    // The titles are whole, in a header between the axis and the lanes, right of the lane
    // labels, each at its band's left: no mark, label or lane label can lie under them.
    EXPECT_EQ(talks->text, QStringLiteral("Peace talks at Mar-a-Lago"));
    EXPECT_EQ(denials->text, QStringLiteral("Allegation and denials"));
    EXPECT_FALSE(f.periodHeader.isEmpty());
    EXPECT_LE(f.periodHeader.bottom(), f.plot.top());
    for (const auto *b : {talks, denials}) {
        EXPECT_TRUE(f.periodHeader.contains(b->title)) << b->text.toStdString();
        EXPECT_GE(b->title.left(), f.plot.left());
        EXPECT_NEAR(b->title.left(), b->x0 + 6, 1.0);
        for (const TimelineFrame::Mark &mark : f.marks) {
            EXPECT_FALSE(mark.label.intersects(b->title));
            EXPECT_FALSE(mark.rect.intersects(b->title));
        }
    }
    EXPECT_FALSE(talks->title.intersects(denials->title));

    const QImage image = fx.view.viewport()->grab().toImage();
    // The titles' text is drawn in their boxes, in the theme's text colour.
    EXPECT_GT(inkIn(image, talks->title, !dark), 40);
    EXPECT_GT(inkIn(image, denials->title, !dark), 40);

    // The band's tint over the lanes: inside each band, and not just outside it, on a row where
    // nothing is drawn at those places.
    const double before = talks->x0 - 12;
    const double in28 = (talks->x0 + talks->x1) / 2 + 9;
    const double in30 = (denials->x0 + denials->x1) / 2 + 9;
    const double after = denials->x1 + 12;
    const std::vector<double> rows = clearRows(f, {before, in28, in30, after});
    ASSERT_FALSE(rows.empty());
    for (const double y : rows) {
        const int outside = std::max(blueness(image.pixel(int(before), int(y))),
                                     blueness(image.pixel(int(after), int(y))));
        EXPECT_GE(blueness(image.pixel(int(in28), int(y))), outside + 4) << "y " << y;
        EXPECT_GE(blueness(image.pixel(int(in30), int(y))), outside + 4) << "y " << y;
        // Quiet: the lane's own background shows through, far from the highlight itself.
        EXPECT_LE(blueness(image.pixel(int(in30), int(y))), outside + 40) << "y " << y;
    }
}

} // namespace

TEST(PeriodsTimeline, BandsBehindTheLanesAndTitlesAboveThem)
{
    PeriodFixture fx;
    checkBandsAndTitles(fx, false);
}

TEST(PeriodsTimeline, BandsAndTitlesOnTheDarkTheme)
{
    PeriodFixture fx;
    fx.view.setPalette(darkPalette());
    settle();
    checkBandsAndTitles(fx, true);
}

TEST(PeriodsTimeline, NoPeriodsNoHeaderAndNothingMoves)
{
    Fixture plain;
    plain.view.setVisibleRange(double(utcMidnight(2025, 12, 27)), double(utcMidnight(2026, 1, 2)));
    settle();
    EXPECT_TRUE(plain.view.frame().periodHeader.isEmpty());
    EXPECT_TRUE(plain.view.frame().periods.empty());
    const double top = plain.view.frame().plot.top();
    const std::size_t marks = plain.view.frame().marks.size();
    // With periods the lanes move down by the header, and every mark is still drawn.
    PeriodFixture fx;
    EXPECT_NEAR(fx.view.frame().plot.top(), top + fx.view.frame().periodHeader.height(), 0.5);
    EXPECT_EQ(fx.view.frame().marks.size(), marks);
}

TEST(PeriodsTimeline, FollowsEditsAndUndo)
{
    PeriodFixture fx;
    fx.document.addPeriod(QStringLiteral("New year"), edtf("2026-01-01"));
    EXPECT_EQ(fx.view.frame().periods.size(), 3u);
    fx.document.undoStack()->undo();
    EXPECT_EQ(fx.view.frame().periods.size(), 2u);
    fx.document.editPeriod(1, QStringLiteral("Denials"), edtf("2025-12-30"));
    const auto *denials = fx.band(QStringLiteral("Denials"));
    ASSERT_NE(denials, nullptr);
    EXPECT_NEAR(denials->x0, fx.xOf(utcMidnight(2025, 12, 30)), 1.0);
}

TEST(PeriodsTimeline, ConcurrentTitlesTakeTwoRowsAndTheTooltipNamesThePeriod)
{
    PeriodFixture fx;
    fx.document.addPeriod(QStringLiteral("Winter"), edtf("2025-12/2026-02"));
    const TimelineFrame &f = fx.view.frame();
    ASSERT_EQ(f.periods.size(), 3u);
    const auto *winter = fx.band(QStringLiteral("Winter"));
    const auto *talks = fx.band(QStringLiteral("Peace talks at Mar-a-Lago"));
    ASSERT_TRUE(winter && talks);
    EXPECT_NE(winter->row, talks->row);
    EXPECT_FALSE(winter->title.intersects(talks->title));
    // Winter began before the window: its title stays in view at the plot's left.
    EXPECT_NEAR(winter->title.left(), f.plot.left() + 6, 1.0);
    // Winter's end is a month: it fades rather than ending on a line.
    EXPECT_GT(winter->fadeEnd, 0.0);
    EXPECT_EQ(talks->fadeStart, 0.0);
    const QString tip = fx.view.toolTipTextAt(talks->title.center().toPoint());
    EXPECT_EQ(tip, QStringLiteral("Period: Peace talks at Mar-a-Lago\n28 Dec 2025"));
}

TEST(PeriodsTimeline, EveryZoomKeepsBandsVisibleAndTitlesApart)
{
    PeriodFixture fx;
    for (const double days : {1.0, 6.0, 60.0, 3650.0}) {
        const double centre = double(utcMidnight(2025, 12, 30));
        fx.view.setVisibleRange(centre - days * 43200, centre + days * 43200);
        settle();
        const TimelineFrame &f = fx.view.frame();
        for (const TimelineFrame::PeriodBand &band : f.periods) {
            EXPECT_GE(band.x1 - band.x0, 2.0) << days;
            EXPECT_TRUE(band.title.isEmpty() || f.periodHeader.contains(band.title)) << days;
            for (const TimelineFrame::PeriodBand &other : f.periods) {
                if (&other != &band) {
                    EXPECT_FALSE(band.title.intersects(other.title)) << days;
                }
            }
        }
    }
}

TEST(PeriodsTimeline, TitlesAtTheRightEdgeMoveLeftToBeWhole)
{
    // A year up to 2 Jan: the periods are slivers at the plot's right edge. Their titles end at
    // the edge instead of being cut to "…", each in its own row.
    PeriodFixture fx;
    fx.view.setVisibleRange(double(utcMidnight(2025, 1, 1)), double(utcMidnight(2026, 1, 2)));
    settle();
    const TimelineFrame &f = fx.view.frame();
    ASSERT_EQ(f.periods.size(), 2u);
    for (const TimelineFrame::PeriodBand &band : f.periods) {
        EXPECT_EQ(band.text, fx.project().text(fx.project().periods()[band.period].title));
        EXPECT_LE(band.title.right(), f.plot.right());
        EXPECT_LT(band.title.left(), band.x0); // left of its band, which has no room
    }
    EXPECT_NE(f.periods[0].row, f.periods[1].row);
}

TEST(PeriodsTimeline, TheExportedPictureHasTheBandsAndTheTitles)
{
    PeriodFixture fx;
    TimelineImageRequest request;
    request.from = double(utcMidnight(2025, 12, 27));
    request.to = double(utcMidnight(2026, 1, 2));
    request.devicePixelRatio = 1.0;
    const QImage withPeriods
        = renderTimelineImage(fx.project(), fx.view.lanes(), request, fx.view.font());
    fx.document.undoStack()->undo();
    fx.document.undoStack()->undo();
    const QImage without
        = renderTimelineImage(fx.project(), fx.view.lanes(), request, fx.view.font());
    // As tall as its lanes need plus the header: nothing is cut off at the bottom.
    EXPECT_GT(withPeriods.height(), without.height());
    EXPECT_LT(withPeriods.height(), without.height() + 60);
    // The header, under the axis: tinted over 29 to 31 Dec (in one of its rows), nowhere over
    // 27 Dec.
    TimelineRenderer renderer;
    renderer.setMetrics(TimelineRenderer::metricsFor(fx.view.font(), fx.project()));
    const double axis = renderer.metrics().axisHeight;
    const double left = renderer.metrics().labelWidth;
    const double perDay = (withPeriods.width() - left) / 6.0;
    int tinted = -255;
    for (int y = int(axis) + 2; y < int(axis) + 40; ++y) {
        tinted = std::max(tinted,
                          blueness(withPeriods.pixel(int(left + perDay * 3.5), y))
                              - blueness(withPeriods.pixel(int(left + perDay * 0.5), y)));
    }
    EXPECT_GE(tinted, 10);
}
