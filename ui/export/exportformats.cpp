#include "exportformats.h"

#include <QDir>
#include <QFileInfo>
#include <QTimeZone>

#include "charts/chartexport.h"

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
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString lower = name.toLower();
    for (const ExportFormat format :
         {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::Html,
          ExportFormat::Csv, ExportFormat::TimelineJs}) {
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
        return view == ExportView::Narratives;
    case ExportFormat::Csv:
    case ExportFormat::TimelineJs:
        return view == ExportView::Timeline;
    }
    return false;
}

QString exportFormatsText(ExportView view)
{
    QStringList names;
    for (const ExportFormat format :
         {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::Html,
          ExportFormat::Csv, ExportFormat::TimelineJs}) {
        if (isExportAllowed(view, format))
            names << exportFormatName(format);
    }
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

std::optional<PictureFormat> pictureFormatOf(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return PictureFormat::Png;
    case ExportFormat::Svg:
        return PictureFormat::Svg;
    case ExportFormat::Pdf:
        return PictureFormat::Pdf;
    default:
        return std::nullopt;
    }
}

QStringList chartNames()
{
    QStringList names;
    for (int kind = 0; kind < ChartKindCount; ++kind)
        names << chartName(ChartKind(kind));
    return names;
}

std::optional<Picture> chartPictureByName(const Project &project, const Filter &filter,
                                          const QString &name, const QSizeF &size,
                                          const QTimeZone &zone, QString *error)
{
    const auto kind = chartKindFromName(name);
    if (!kind) {
        *error = QStringLiteral("unknown chart \"%1\" (charts: %2)")
                     .arg(name, chartNames().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return chartPicture(project, filter, *kind, size, zone);
}

} // namespace claimline
