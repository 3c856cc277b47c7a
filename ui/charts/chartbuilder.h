#pragma once

// Chart building: turns ChartData into a QChart's series and axes, coloured from a palette,
// for the ChartsView and for exported pictures alike (one look for both).
//
// Why the palette and not QChart::setTheme: Qt's chart themes ignore the desktop palette, so
// a dark desktop got white charts and the light export a dark one. The theme only seeds the
// defaults; background, text, grid and legend colours are then set from the palette, and the
// series from the project's party colours (with the narratives' contrast rule), stance
// accents and status colours.

#include "present/chartdata.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

#include <functional>

class QChart;

namespace claimline {

class Project;

// Titles and credit a user may override; an empty field keeps the automatic text.
struct ChartLabels
{
    QString title;
    QString xTitle;
    QString yTitle;
    QString credit;

    // These labels with each empty field taken from the data.
    ChartLabels resolved(const ChartData &data) const;
};

struct ChartTheme
{
    bool dark = false;
    QColor background;
    QColor text;
    QColor muted;
    QColor grid;

    static ChartTheme from(const QPalette &palette);
    QColor seriesColor(const Project &project, const ChartSeries &series, ChartKind kind) const;
    QColor partyColor(const Project &project, std::uint32_t party) const;
};

struct ChartStyle
{
    QPalette palette;
    bool stacked = true; // claims per day and event tempo; else grouped
    QFont font;
    double width = 800; // of the chart, to choose how many time labels fit
};

// Time charts with more buckets than this draw one line per series instead of bars.
inline constexpr std::size_t MaxBars = 60;
bool drawsLines(const ChartData &data);
// Whether the chart offers a stacked/grouped choice (stacked areas or lines for long spans).
bool canStack(const ChartData &data);
// How many stance-matrix rows (questions) or response-lag rows fit whole in a chart this tall.
std::size_t matrixRowsFitting(double height);
// The height a populated chart needs so that nothing in it is cut: its title, axis title and
// legend at the style's width, and a plot tall enough for its rows (the matrix's questions,
// the lag rows) or at least readable.
double chartMinimumHeight(const QChart &chart, const ChartData &data, const ChartStyle &style);

// Called with the cell the user clicked.
using ChartClick = std::function<void(std::size_t series, std::size_t category)>;

// Replaces the chart's series and axes with the data's, styled from `style`; the title, the
// vertical axis's title and the legend are a ChartDecor (chartdecor.h), the stance matrix a
// ChartHeatMap (chartheatmap.h). The chart keeps no reference to the data or the project.
void populateChart(QChart &chart, const Project &project, const ChartData &data,
                   const ChartLabels &labels, const ChartStyle &style,
                   const ChartClick &onClick = {});

} // namespace claimline
