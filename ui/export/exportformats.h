#pragma once

// Which view exports to which format: one table for the command line and File ▸ Export, and
// the one place where chart kinds plug in (exportformats.cpp, "Charts").
//
//   view          png svg pdf html csv timelinejs
//   timeline       ×   ×   ×        ×      ×        (csv and timelinejs: the project's data)
//   narratives     ×   ×   ×   ×
//   chart:NAME     ×   ×   ×

#include "export/picture.h"

#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>

class QTimeZone;

namespace claimline {

class Filter;
class Project;

enum class ExportView { Timeline, Narratives, Chart };
enum class ExportFormat { Png, Svg, Pdf, Html, Csv, TimelineJs };

QString exportFormatName(ExportFormat format);
QString exportViewName(ExportView view);
// "png", "svg", "pdf", "html", "csv", "timelinejs" (also "json" and "htm").
std::optional<ExportFormat> exportFormatFromName(const QString &name);
// From the path: its extension (.png .svg .pdf .html .htm .json .csv), or a folder (an
// existing one, or a path ending in "/") for CSV.
std::optional<ExportFormat> exportFormatFromPath(const QString &path);
bool isExportAllowed(ExportView view, ExportFormat format);
// The formats a view makes, for messages: "png, svg, pdf, csv or timelinejs".
QString exportFormatsText(ExportView view);
std::optional<PictureFormat> pictureFormatOf(ExportFormat format);

// --- Charts ----------------------------------------------------------------------------------
// The chart names of `--view chart:NAME`, and the chart of that name as a Picture.
QStringList chartNames();
std::optional<Picture> chartPictureByName(const Project &project, const Filter &filter,
                                          const QString &name, const QSizeF &size,
                                          const QTimeZone &zone, QString *error);

} // namespace claimline
