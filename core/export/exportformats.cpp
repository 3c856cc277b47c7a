#include "export/exportformats.h"

#include "present/chartdata.h"

#include <QFileInfo>

#include <array>

namespace claimline {

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::TimelineJs:
        return QStringLiteral("timelinejs");
    case ExportFormat::EvidenceCsv:
        return QStringLiteral("evidence-csv");
    case ExportFormat::EvidenceJson:
        return QStringLiteral("evidence-json");
    }
    return {};
}

QString exportViewName(ExportView view)
{
    switch (view) {
    case ExportView::Timeline:
        return QStringLiteral("timeline");
    case ExportView::Narratives:
        return QStringLiteral("narratives");
    case ExportView::Chart:
        return QStringLiteral("chart");
    case ExportView::Positions:
        return QStringLiteral("positions");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString lower = name.toLower();
    for (const ExportFormat format : AllExportFormats) {
        if (lower == exportFormatName(format))
            return format;
    }
    if (lower == QLatin1String("htm"))
        return ExportFormat::Html;
    if (lower == QLatin1String("json"))
        return ExportFormat::TimelineJs;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatFromPath(const QString &path)
{
    if (path.endsWith(QLatin1Char('/')) || QFileInfo(path).isDir())
        return ExportFormat::Csv;
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.isEmpty() || suffix.compare(QLatin1String("timelinejs"), Qt::CaseInsensitive) == 0)
        return std::nullopt;
    return exportFormatFromName(suffix);
}

bool isExportAllowed(ExportView view, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
    case ExportFormat::Svg:
    case ExportFormat::Pdf:
        return true;
    case ExportFormat::Html:
        return view == ExportView::Narratives || view == ExportView::Positions;
    case ExportFormat::Csv:
        return view == ExportView::Timeline || view == ExportView::Positions;
    case ExportFormat::TimelineJs:
    case ExportFormat::EvidenceCsv:
    case ExportFormat::EvidenceJson:
        return view == ExportView::Timeline;
    }
    return false;
}

bool canCarryNotes(ExportView view, ExportFormat format)
{
    return (view == ExportView::Timeline
            && (format == ExportFormat::Csv || format == ExportFormat::TimelineJs))
        || (view == ExportView::Narratives && format == ExportFormat::Html);
}

QString exportFormatsText(ExportView view)
{
    QStringList names;
    for (const ExportFormat format : AllExportFormats) {
        if (isExportAllowed(view, format))
            names << exportFormatName(format);
    }
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

QStringList chartNames()
{
    // In ChartKind's order: ui's chartName() and chartKindFromName() read them from here.
    static constexpr std::array<const char *, ChartKindCount> Names {
        "claims-per-day", "stance-matrix", "response-lag", "status-by-party", "event-tempo"};
    QStringList names;
    for (const char *name : Names)
        names << QString::fromLatin1(name);
    return names;
}

} // namespace claimline
