#pragma once

// Which view exports to which format: one table for the command line and File ▸ Export, and
// the one place where chart kinds plug in ("Charts" below). Qt Core only, so that the command
// line's data exports (CSV, TimelineJS, HTML) check their arguments without the widgets; the
// pictures' side of the table (PictureFormat, the chart pictures) is ui's
// publish/exportformats.h.
//
//   view          png svg pdf html csv timelinejs
//   timeline       ×   ×   ×        ×      ×        (csv and timelinejs: the project's data)
//   narratives     ×   ×   ×   ×
//   chart:NAME     ×   ×   ×
//   positions      ×   ×   ×   ×    ×               (csv: one file, the table)
//
// The evidence manifest (evidence-csv, evidence-json: export/evidencemanifest.h) is the
// project's data too, so it goes with the timeline, like its CSV and TimelineJS.

#include <QString>
#include <QStringList>

#include <optional>

namespace claimline {

enum class ExportView { Timeline, Narratives, Chart, Positions };
enum class ExportFormat { Png, Svg, Pdf, Html, Csv, TimelineJs, EvidenceCsv, EvidenceJson };
inline constexpr ExportFormat AllExportFormats[]
    = {ExportFormat::Png,         ExportFormat::Svg,         ExportFormat::Pdf,
       ExportFormat::Html,        ExportFormat::Csv,         ExportFormat::TimelineJs,
       ExportFormat::EvidenceCsv, ExportFormat::EvidenceJson};

QString exportFormatName(ExportFormat format);
QString exportViewName(ExportView view);
// "png", "svg", "pdf", "html", "csv", "timelinejs", "evidence-csv", "evidence-json" (also
// "json" and "htm").
std::optional<ExportFormat> exportFormatFromName(const QString &name);
// From the path: its extension (.png .svg .pdf .html .htm .json .csv), or a folder (an
// existing one, or a path ending in "/") for CSV.
std::optional<ExportFormat> exportFormatFromPath(const QString &path);
bool isExportAllowed(ExportView view, ExportFormat format);
// Whether the export can carry the internal notes and annotations when asked (`--with-notes`),
// marked as internal: the timeline's CSV and TimelineJS, and the narratives' HTML. Pictures,
// the positions table and the evidence manifest never carry them.
bool canCarryNotes(ExportView view, ExportFormat format);
// The formats a view makes, for messages: "png, svg, pdf, csv or timelinejs".
QString exportFormatsText(ExportView view);

// --- Charts ----------------------------------------------------------------------------------
// The chart names of `--view chart:NAME`, in ChartKind order (present/chartdata.h).
QStringList chartNames();

} // namespace claimline
