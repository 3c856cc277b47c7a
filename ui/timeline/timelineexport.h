#pragma once

// Timeline pictures without a window: the command line's `claimline export --view timeline`
// and File > Export use these, as does the view for its own starting range.

#include "common/picture.h"
#include "common/publicationpalette.h"
#include "timeline/timelinerenderer.h"

#include <QImage>
#include <QPalette>

#include <optional>
#include <utility>

namespace claimline {

class Project;
class TimelineLanes;

// The range a project opens on: its first saved view's from/to when it has one, else every
// item with a small margin; nullopt for a project without dated items or views.
std::optional<std::pair<double, double>> defaultTimelineRange(const Project &project,
                                                              const TimelineLanes &lanes);

struct TimelineImageRequest
{
    double from = 0;
    double to = 0;
    int width = 1600;
    int height = 0; // 0: as tall as the lanes need
    qreal devicePixelRatio = 2.0;
    TimelineOptions options;
    std::vector<std::size_t> order; // empty: the file's order
    std::vector<char> collapsed; // per lane; may be empty
    // Exports for publication: a title (the project's) and the range above the lanes, a key
    // to the marks and arrows below; width and height then include them.
    bool caption = false;
};

// [from, to) of every shown lane as a Picture (no scrolling, no selection chrome), laid out
// once; PNG, SVG, PDF and printing all paint it. It refers to the project and the lanes,
// which must outlive it.
Picture timelinePicture(const Project &project, const TimelineLanes &lanes,
                        const TimelineImageRequest &request, const QFont &font,
                        const QPalette &palette = publicationPalette());
// The picture as an image at the request's pixel ratio.
QImage renderTimelineImage(const Project &project, const TimelineLanes &lanes,
                           const TimelineImageRequest &request, const QFont &font,
                           const QPalette &palette = publicationPalette());

} // namespace claimline
