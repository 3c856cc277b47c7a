#pragma once

// The Positions table as a publication picture (PNG, SVG, PDF, print), without a window:
// `claimline export --view positions` and File ▸ Export use it. A title and what the table
// is, then the grid (a question column, one column per party headed by its name after a
// swatch of its colour, each cell the party's position, wrapped), then the footer: what the
// cells are and where they come from. Light publication palette unless told otherwise; the
// HTML and CSV of the same table are core's (export/positionsexport.h).

#include "common/picture.h"

#include <QFont>
#include <QPalette>
#include <QString>

namespace claimline {

class PositionsTable;
class Project;

struct PositionsPictureOptions
{
    QString title; // empty: positionsTitle()
    QFont font; // its pixel size is used as is (13 px by default)
    QPalette palette; // default: publicationPalette()

    PositionsPictureOptions();
};

// The width the picture takes when asked for `width` points: more when the party columns
// would be narrower than a short phrase.
double positionsPictureWidth(const PositionsTable &table, double width);

// The whole table as a Picture. Its paint function holds its own copy of every text and
// measure, so the project and table need not outlive it; a page may end between rows.
Picture positionsPicture(const Project &project, const PositionsTable &table, double width,
                         const PositionsPictureOptions &options = {});

} // namespace claimline
