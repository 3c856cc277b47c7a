#include "charts/chartbuilder.h"

#include "charts/chartdecor.h"
#include "charts/chartheatmap.h"
#include "common/colors.h"
#include "model/project.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QPercentBarSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <QCursor>
#include <QFontMetricsF>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

namespace claimline {

namespace {

// Status colours (Okabe–Ito based), index = Status: unverified grey, disputed amber,
// corroborated bluish green, refuted vermillion, retracted reddish purple.
constexpr std::array<QRgb, 5> StatusColors {0x9A9A9A, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7};

// Qt Charts shows titles, axis labels and legend entries as rich text: file text (party
// names, questions, a project title in a user's title) must never be markup.
QString plain(const QString &text)
{
    return text.toHtmlEscaped();
}

// Marks need a contrast of 3 on their background (WCAG non-text contrast).
QColor markColor(const QColor &color, const QColor &background, const QColor &text)
{
    return withContrast(color, background, text, 3.0, 0.12);
}

// A step of 1, 2 or 5 × 10^n giving about `ticks` intervals up to `max`; at least 1 for counts.
double niceStep(double max, int ticks, bool integer)
{
    if (max <= 0)
        return 1;
    const double raw = max / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power;
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        step = m * power;
        if (step >= raw)
            break;
    }
    return integer ? std::max(1.0, std::round(step)) : step;
}

void styleAxis(QAbstractAxis *axis, const ChartTheme &theme, const QFont &font, bool grid)
{
    QFont labelFont = font;
    labelFont.setPointSizeF(font.pointSizeF() * 0.9);
    axis->setLabelsFont(labelFont);
    axis->setLabelsBrush(theme.muted);
    QFont titleFont = font;
    titleFont.setPointSizeF(font.pointSizeF() * 0.95);
    axis->setTitleFont(titleFont);
    axis->setTitleBrush(theme.text);
    axis->setLinePenColor(theme.grid);
    axis->setGridLineColor(theme.grid);
    axis->setGridLineVisible(grid);
    axis->setMinorGridLineVisible(false);
    axis->setShadesVisible(false);
}

QValueAxis *valueAxis(double max, bool integer, const QString &format)
{
    auto *axis = new QValueAxis;
    const double step = niceStep(max, 5, integer);
    axis->setRange(0, std::max(step, std::ceil(max / step) * step));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(format);
    return axis;
}

double seriesMax(const ChartData &data, bool stacked)
{
    double max = 0;
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        double sum = 0;
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            sum = stacked ? sum + data.value(s, c) : std::max(sum, data.value(s, c));
        }
        max = std::max(max, sum);
    }
    return max;
}

QStringList categoryList(const ChartData &data, bool reversed)
{
    QStringList list;
    list.reserve(qsizetype(data.categories.size()));
    for (const QString &category : data.categories)
        list.append(plain(category));
    if (reversed)
        std::reverse(list.begin(), list.end());
    return list;
}

// A time axis over bucket indices with as many bucket labels as fit unslanted, in the display
// zone (QDateTimeAxis would show the machine's zone, and slanted category labels get cut).
QCategoryAxis *timeAxis(const ChartData &data, const ChartStyle &style, bool bars)
{
    const std::size_t n = data.categories.size();
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    qsizetype longest = 1;
    for (const QString &label : data.categories)
        longest = std::max(longest, label.size());
    // About 0.62 em per character and two and a half of gap, over the plot (~85 % of the
    // width; the legend is below it).
    const double labelWidth
        = (double(longest) + 2.5) * style.font.pointSizeF() * 0.9 * 0.62 * 96.0 / 72.0;
    const double plot = style.width * 0.85;
    const auto fitting = std::max<std::size_t>(2, std::size_t(plot / labelWidth));
    const std::size_t step = std::max<std::size_t>(1, (n + fitting - 1) / fitting);
    for (std::size_t c = 0; c < n; c += step)
        axis->append(plain(data.categories[c]), double(c));
    // Bars are centred on their index; lines and areas run from the first to the last.
    if (bars)
        axis->setRange(-0.5, double(n) - 0.5);
    else
        axis->setRange(0, double(std::max<std::size_t>(n, 2) - 1));
    return axis;
}

// One QBarSet per series, coloured; clicks report (series, category).
void addBarSets(QChart &chart, QAbstractBarSeries *series, const Project &project,
                const ChartData &data, const ChartTheme &theme, bool reversed,
                const ChartClick &onClick)
{
    const std::size_t n = data.categories.size();
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        auto *set = new QBarSet(plain(data.series[s].name));
        QList<qreal> values;
        values.reserve(qsizetype(n));
        for (std::size_t c = 0; c < n; ++c)
            values.append(data.value(s, reversed ? n - 1 - c : c));
        set->append(values);
        set->setColor(theme.seriesColor(project, data.series[s], data.kind));
        // A hairline of the background separates stacked segments of similar colours.
        set->setBorderColor(theme.background);
        // Hovering tells the exact count (stacked segments are hard to read off the axis).
        QObject::connect(set, &QBarSet::hovered, &chart,
                         [set, n, reversed, name = data.series[s].name,
                          categories = data.categories](bool inside, int index) {
                             if (!inside || index < 0 || std::size_t(index) >= n) {
                                 QToolTip::hideText();
                                 return;
                             }
                             const std::size_t c
                                 = reversed ? n - 1 - std::size_t(index) : std::size_t(index);
                             // Rich text, so that the escaped file text shows as typed.
                             QToolTip::showText(QCursor::pos(),
                                                QStringLiteral("<p style='white-space:pre'>%1</p>")
                                                    .arg(QStringLiteral("%1 · %2: %3")
                                                             .arg(name, categories[c],
                                                                  QString::number(set->at(index)))
                                                             .toHtmlEscaped()));
                         });
        if (onClick) {
            QObject::connect(set, &QBarSet::clicked, &chart, [onClick, s, n, reversed](int index) {
                if (index >= 0 && std::size_t(index) < n)
                    onClick(s, reversed ? n - 1 - std::size_t(index) : std::size_t(index));
            });
        }
        series->append(set);
    }
}

void buildBars(QChart &chart, const Project &project, const ChartData &data,
               const ChartLabels &labels, const ChartStyle &style, const ChartTheme &theme,
               const ChartClick &onClick)
{
    const bool percent = data.kind == ChartKind::StatusByParty;
    const bool stacked = percent || (style.stacked && canStack(data));
    QAbstractBarSeries *series = nullptr;
    if (percent)
        series = new QPercentBarSeries;
    else
        series
            = stacked ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries) : new QBarSeries;
    addBarSets(chart, series, project, data, theme, false, onClick);
    series->setBarWidth(stacked ? 0.7 : 0.85);
    chart.addSeries(series);

    const bool time = !data.buckets.isEmpty();
    QAbstractAxis *categories = nullptr;
    if (time) {
        categories = timeAxis(data, style, true);
    } else {
        auto *axis = new QBarCategoryAxis;
        axis->append(categoryList(data, false));
        categories = axis;
    }
    auto *values = percent ? valueAxis(100, true, QStringLiteral("%.0f%%"))
                           : valueAxis(seriesMax(data, stacked), true, QStringLiteral("%.0f"));
    if (percent)
        values->setTickInterval(25);
    styleAxis(categories, theme, style.font, false);
    styleAxis(values, theme, style.font, true);
    // The vertical axis's title is the decor's (a horizontal line above the plot).
    categories->setTitleText(plain(labels.xTitle));
    chart.addAxis(categories, Qt::AlignBottom);
    chart.addAxis(values, Qt::AlignLeft);
    series->attachAxis(categories);
    series->attachAxis(values);
}

void buildLines(QChart &chart, const Project &project, const ChartData &data,
                const ChartLabels &labels, const ChartStyle &style, const ChartTheme &theme,
                const ChartClick &onClick)
{
    const std::size_t n = data.categories.size();
    // Stacked: each series an area on the sum of those before it (the tempo of all parties
    // and each one's part); grouped: a line per series.
    const bool stacked = style.stacked;
    QCategoryAxis *time = timeAxis(data, style, false);
    auto *values = valueAxis(seriesMax(data, stacked), true, QStringLiteral("%.0f"));
    chart.addAxis(time, Qt::AlignBottom);
    chart.addAxis(values, Qt::AlignLeft);
    std::vector<double> base(n, 0.0);
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        const QColor color = theme.seriesColor(project, data.series[s], data.kind);
        QList<QPointF> upper;
        QList<QPointF> lower;
        upper.reserve(qsizetype(n));
        for (std::size_t c = 0; c < n; ++c) {
            const double top = (stacked ? base[c] : 0.0) + data.value(s, c);
            upper.append(QPointF(double(c), top));
            if (stacked)
                lower.append(QPointF(double(c), base[c]));
            base[c] = top;
        }
        QAbstractSeries *series = nullptr;
        if (stacked) {
            auto *top = new QLineSeries;
            top->append(upper);
            auto *bottom = new QLineSeries;
            bottom->append(lower);
            auto *area = new QAreaSeries(top, bottom);
            top->setParent(area);
            bottom->setParent(area);
            area->setColor(color);
            area->setBorderColor(blend(color, theme.background, 0.3));
            QPen border(area->borderColor());
            border.setWidthF(0.6);
            area->setPen(border);
            if (onClick) {
                QObject::connect(area, &QAreaSeries::clicked, &chart,
                                 [onClick, s, n](const QPointF &point) {
                                     const long c = std::lround(point.x());
                                     if (c >= 0 && std::size_t(c) < n)
                                         onClick(s, std::size_t(c));
                                 });
            }
            series = area;
        } else {
            auto *line = new QLineSeries;
            line->append(upper);
            QPen pen(color);
            pen.setWidthF(1.6);
            line->setPen(pen);
            if (onClick) {
                QObject::connect(line, &QLineSeries::clicked, &chart,
                                 [onClick, s, n](const QPointF &point) {
                                     const long c = std::lround(point.x());
                                     if (c >= 0 && std::size_t(c) < n)
                                         onClick(s, std::size_t(c));
                                 });
            }
            series = line;
        }
        series->setName(plain(data.series[s].name));
        chart.addSeries(series);
        series->attachAxis(time);
        series->attachAxis(values);
    }
    styleAxis(time, theme, style.font, true);
    styleAxis(values, theme, style.font, true);
    time->setTitleText(plain(labels.xTitle));
}

// Floating bars, one row per responding party and lag: an invisible bar up to the earliest
// possible lag, then a bar in the party's colour up to the latest (Qt Charts 6.4 has no range
// bar; a stacked bar with a transparent first segment is one).
void buildLags(QChart &chart, const Project &project, const ChartData &data,
               const ChartLabels &labels, const ChartStyle &style, const ChartTheme &theme,
               const ChartClick &onClick)
{
    const std::size_t n = data.categories.size();
    double max = 0;
    for (const LagRange &range : data.lagRanges)
        max = std::max(max, range.max / data.lagUnit);
    auto *values
        = valueAxis(max, false, max < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    // A range too short to see (two instants a minute apart) still shows as a sliver.
    const double sliver = values->max() * 0.006;
    auto *series = new QHorizontalStackedBarSeries;
    auto *offset = new QBarSet(QString());
    offset->setColor(Qt::transparent);
    offset->setBorderColor(Qt::transparent);
    QList<qreal> offsets;
    // Rows read top to bottom: horizontal bars grow upwards from the first category.
    for (std::size_t row = 0; row < n; ++row)
        offsets.append(data.lagRanges[n - 1 - row].min / data.lagUnit);
    offset->append(offsets);
    series->append(offset);
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        auto *set = new QBarSet(plain(data.series[s].name));
        QList<qreal> spans;
        for (std::size_t row = 0; row < n; ++row) {
            const std::size_t c = n - 1 - row;
            const LagRange &range = data.lagRanges[c];
            spans.append(data.value(s, c) > 0
                             ? std::max(sliver, (range.max - range.min) / data.lagUnit)
                             : 0.0);
        }
        set->append(spans);
        const QColor color = theme.seriesColor(project, data.series[s], data.kind);
        set->setColor(color);
        set->setBorderColor(blend(color, theme.text, theme.dark ? 0.25 : 0.35));
        if (onClick) {
            QObject::connect(set, &QBarSet::clicked, &chart, [onClick, s, n](int index) {
                if (index >= 0 && std::size_t(index) < n)
                    onClick(s, n - 1 - std::size_t(index));
            });
        }
        series->append(set);
    }
    series->setBarWidth(0.6);
    chart.addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(categoryList(data, true));
    styleAxis(categories, theme, style.font, false);
    styleAxis(values, theme, style.font, true);
    categories->setLabelsBrush(theme.text);
    values->setTitleText(plain(labels.xTitle));
    chart.addAxis(values, Qt::AlignBottom);
    chart.addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    series->attachAxis(values);
}

} // namespace

ChartLabels ChartLabels::resolved(const ChartData &data) const
{
    return {title.isEmpty() ? data.title : title, xTitle.isEmpty() ? data.xTitle : xTitle,
            yTitle.isEmpty() ? data.yTitle : yTitle, credit.isEmpty() ? data.credit : credit};
}

ChartTheme ChartTheme::from(const QPalette &palette)
{
    ChartTheme theme;
    // Qt 6.4 has no colour-scheme hint: tell dark mode from the window colour.
    theme.dark = palette.color(QPalette::Window).lightness() < 128;
    theme.background = palette.color(QPalette::Base);
    theme.text = palette.color(QPalette::Text);
    theme.muted = blend(theme.text, theme.background, theme.dark ? 0.25 : 0.3);
    theme.grid = blend(theme.background, theme.text, theme.dark ? 0.2 : 0.14);
    return theme;
}

QColor ChartTheme::partyColor(const Project &project, std::uint32_t party) const
{
    if (party == NoIndex)
        return muted;
    QColor color = claimline::partyColor(project, party, background, text);
    // The fallback colours repeat every seven parties: tell the repeats apart by shade.
    if (party < project.parties().size() && !project.parties()[party].hasColor) {
        const std::uint32_t cycle = party / 7;
        if (cycle % 2 == 1)
            color = blend(color, dark ? Qt::white : Qt::black, 0.35);
        else if (cycle > 0)
            color = blend(color, dark ? Qt::black : Qt::white, 0.35);
    }
    return markColor(color, background, text);
}

QColor ChartTheme::seriesColor(const Project &project, const ChartSeries &series,
                               ChartKind kind) const
{
    if (kind == ChartKind::StanceMatrix && series.key >= 0)
        return stanceColor(Stance(series.key), dark);
    if (kind == ChartKind::StatusByParty && series.key >= 0)
        return markColor(QColor::fromRgb(StatusColors[std::size_t(series.key)]), background, text);
    return partyColor(project, series.party);
}

bool drawsLines(const ChartData &data)
{
    return !data.buckets.isEmpty() && data.categories.size() > MaxBars;
}

bool canStack(const ChartData &data)
{
    return data.kind == ChartKind::ClaimsPerDay || data.kind == ChartKind::EventTempo;
}

std::size_t matrixRowsFitting(double height)
{
    // Title, legend, column headers and footer take about 150 px; a row of two wrapped lines
    // about 40.
    return std::size_t(std::max(4.0, (height - 150) / 40));
}

double chartMinimumHeight(const QChart &chart, const ChartData &data, const ChartStyle &style)
{
    // The plot and its axes: a row of text per lag row or the matrix's table; else a plot of
    // at least 90 px over the time axis and its title (about 50 px).
    double plot = 140;
    if (data.kind == ChartKind::StanceMatrix)
        plot = ChartHeatMap::heightFor(data, style.font, style.width) + 8;
    else if (data.kind == ChartKind::ResponseLag)
        plot = std::max(
            plot, double(data.categories.size()) * QFontMetricsF(style.font).height() * 1.5 + 50);
    const ChartDecor *decor = chartDecor(chart);
    return decor ? decor->heightFor(style.width, plot) : plot + 60;
}

void populateChart(QChart &chart, const Project &project, const ChartData &data,
                   const ChartLabels &labels, const ChartStyle &style, const ChartClick &onClick)
{
    chart.removeAllSeries();
    const auto axes = chart.axes();
    for (QAbstractAxis *axis : axes) {
        chart.removeAxis(axis);
        delete axis;
    }
    delete chartHeatMap(chart);
    const ChartTheme theme = ChartTheme::from(style.palette);
    // The theme seeds what is not set below (it resets series colours, so it comes first).
    const QChart::ChartTheme seed = theme.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart.theme() != seed)
        chart.setTheme(seed);
    chart.setAnimationOptions(QChart::NoAnimation);
    chart.setBackgroundBrush(theme.background);
    chart.setBackgroundPen(Qt::NoPen);
    chart.setBackgroundRoundness(0);
    chart.setPlotAreaBackgroundVisible(false);
    // The title, the vertical axis's title and the legend are the decor's (chartdecor.h).
    chart.setTitle(QString());
    chart.legend()->setVisible(false);
    ChartDecor *decor = chartDecor(chart);
    if (!decor)
        decor = new ChartDecor(&chart);
    decor->setLook(style.font, theme.text, theme.muted);

    const ChartLabels text = labels.resolved(data);
    const bool empty = data.categories.empty() || data.series.empty();
    // The vertical axis's title (values, or the lag rows); the matrix's rows say what they are.
    const bool axisTitle = !empty && data.kind != ChartKind::StanceMatrix;
    decor->setTexts(text.title, axisTitle ? text.yTitle : QString());
    std::vector<std::pair<QString, QColor>> entries;
    if (!empty) {
        // The matrix's squares: where each stance is in a cell (ChartHeatMap::squareRect).
        static const std::array<QString, 4> Places {
            QStringLiteral("top left"), QStringLiteral("top right"), QStringLiteral("bottom left"),
            QStringLiteral("bottom right")};
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            const ChartSeries &series = data.series[s];
            const QString name = data.kind == ChartKind::StanceMatrix && s < Places.size()
                ? QStringLiteral("%1 (%2)").arg(series.name, Places[s])
                : series.name;
            entries.emplace_back(name, theme.seriesColor(project, series, data.kind));
        }
    }
    decor->setEntries(entries);
    if (empty)
        return;
    if (data.kind == ChartKind::ResponseLag) {
        buildLags(chart, project, data, text, style, theme, onClick);
    } else if (data.kind == ChartKind::StanceMatrix) {
        std::vector<QColor> colors;
        for (const ChartSeries &series : data.series)
            colors.push_back(theme.seriesColor(project, series, data.kind));
        new ChartHeatMap(&chart, data, colors, theme, style.font, onClick);
    } else if (drawsLines(data)) {
        buildLines(chart, project, data, text, style, theme, onClick);
    } else {
        buildBars(chart, project, data, text, style, theme, onClick);
    }
}

} // namespace claimline
