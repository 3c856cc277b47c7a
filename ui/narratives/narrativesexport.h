#pragma once

// Pictures of the competing narratives without a window: `claimline export --view
// narratives` and the view's own export use these. A picture holds the whole table (every
// row, not only what a window would show) under a title, a subtitle and a legend, in the
// light publication palette unless told otherwise. The HTML page of the same table is core's
// (export/narrativeshtml.h).

#include "common/picture.h"
#include "present/narrativestable.h"

#include <QFont>
#include <QImage>
#include <QPalette>
#include <QString>
#include <QTimeZone>

class QPainter;

namespace claimline {

class Project;

struct NarrativesPictureOptions
{
    QString title; // empty: the project's title
    QString subtitle; // empty: says what the table compares
    QTimeZone zone = QTimeZone::utc();
    QFont font; // its size is used as is; exports pass a pixel-sized font
    QPalette palette; // default: publicationPalette()
    int statementLines = 6; // statements longer than this end in "…"

    NarrativesPictureOptions();
};

// The width a picture needs when asked for `width` points: more when the columns would be
// narrower than they can be read.
double narrativesPictureWidth(const Project &project, const NarrativesTable &table, double width,
                              const NarrativesPictureOptions &options);
// Paints the picture with its top-left corner at the painter's origin, `width` wide (see
// narrativesPictureWidth()); returns the height it needs. A null painter only measures.
// `rowBottoms`, when given, receives the bottom of the header and of each row (where a page
// may end).
double paintNarratives(QPainter *painter, const Project &project, const NarrativesTable &table,
                       double width, const NarrativesPictureOptions &options,
                       std::vector<double> *rowBottoms = nullptr);
// The whole table as a Picture for writePicture() (PNG, SVG, PDF) or printing. It refers to
// the project and the table, which must outlive it.
Picture narrativesPicture(const Project &project, const NarrativesTable &table, double width,
                          const NarrativesPictureOptions &options);
QImage renderNarrativesImage(const Project &project, const NarrativesTable &table, double width,
                             const NarrativesPictureOptions &options, qreal devicePixelRatio = 2.0);

} // namespace claimline
