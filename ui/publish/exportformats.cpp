#include "publish/exportformats.h"

#include "charts/chartexport.h"

#include <QTimeZone>

namespace claimline {

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
