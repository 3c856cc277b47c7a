#include "pictureexport.h"

#include "common/picture.h"
#include "document/filter.h"
#include "narratives/narrativesexport.h"
#include "positions/positionspicture.h"
#include "present/timelinelanes.h"
#include "publish/exportformats.h"
#include "timeline/timelineexport.h"

#include <QFontDatabase>
#include <QTimeZone>

#include <spdlog/spdlog.h>

namespace claimline {

namespace {

// Writes the picture as the request says; 0, or 1 with the write error in *error.
int writeRequested(const Picture &picture, const ExportRequest &request, QString *error)
{
    *error = writePicture(picture, request.out, *pictureFormatOf(request.format),
                          PictureOptions {request.pixelRatio, request.pdfPaged});
    return error->isEmpty() ? 0 : 1;
}

} // namespace

int exportTimelinePicture(const Project &project, const QTimeZone &zone,
                          const ExportRequest &request, QString *error)
{
    TimelineImageRequest image;
    if (request.width > 0) {
        image.width = request.width;
        image.height = request.height;
    }
    TimelineLanes lanes;
    lanes.rebuild(project, nullptr, false);
    const auto range = defaultTimelineRange(project, lanes);
    image.from = request.from ? double(request.from->start()) : range ? range->first : 0.0;
    image.to = request.to ? double(request.to->end()) : range ? range->second : 86400.0;
    if (request.from && !request.to && range && range->second <= image.from)
        image.to = image.from + 7 * 86400.0;
    if (request.to && !request.from && range && range->first >= image.to)
        image.from = image.to - 7 * 86400.0;
    if (image.to <= image.from) {
        *error = QStringLiteral("--to must be after --from");
        return 2;
    }
    image.options.zone = zone;
    image.caption = true;
    // 12 px labels: the size of a desktop's default font, whatever this machine's is.
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPixelSize(12);
    const Picture picture = timelinePicture(project, lanes, image, font);
    if (const int code = writeRequested(picture, request, error))
        return code;
    spdlog::info("exported the timeline ({}x{} points, {})", picture.size.width(),
                 picture.size.height(), exportFormatName(request.format).toStdString());
    return 0;
}

int exportChartPicture(const Project &project, const QTimeZone &zone, const ExportRequest &request,
                       QString *error)
{
    const QSizeF size(request.width > 0 ? request.width : 1200,
                      request.height > 0 ? request.height : 750);
    const Filter filter;
    const auto picture = chartPictureByName(project, filter, request.chart, size, zone, error);
    if (!picture)
        return 2;
    return writeRequested(*picture, request, error);
}

int exportNarrativesPicture(const Project &project, const NarrativesTable &table,
                            const QTimeZone &zone, const ExportRequest &request, QString *error)
{
    NarrativesPictureOptions options;
    options.zone = zone;
    const Picture picture
        = narrativesPicture(project, table, request.width > 0 ? request.width : 1600, options);
    return writeRequested(picture, request, error);
}

int exportPositionsPicture(const Project &project, const PositionsTable &table,
                           const ExportRequest &request, QString *error)
{
    const Picture picture
        = positionsPicture(project, table, request.width > 0 ? request.width : 1600);
    return writeRequested(picture, request, error);
}

} // namespace claimline
