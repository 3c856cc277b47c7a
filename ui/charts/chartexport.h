#pragma once

// Chart pictures without a window: File > Export and the command line hand these to
// writePicture() (export/picture.h) like every other view's picture.

#include "charts/chartbuilder.h"
#include "common/picture.h"
#include "common/publicationpalette.h"
#include "present/chartdata.h"

#include <QPalette>
#include <QSizeF>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <utility>

namespace claimline {

class Filter;
class Project;

// The chart names of the command line and saved settings: claims-per-day, stance-matrix,
// response-lag, status-by-party, event-tempo.
QString chartName(ChartKind kind);
// What a person calls it: "Claims per party over time" (menus, the export dialog).
QString chartTitle(ChartKind kind);
std::optional<ChartKind> chartKindFromName(const QString &name);

// The chart of what the filter accepts, `size` logical pixels, in the palette (the light
// publication palette by default), with the credit line under it. The picture owns its chart
// (an offscreen QChart in a QGraphicsScene) and may outlive the project and the filter.
Picture chartPicture(const Project &project, const Filter &filter, ChartKind kind, QSizeF size,
                     const QTimeZone &zone = QTimeZone::utc(),
                     std::optional<std::pair<std::int64_t, std::int64_t>> range = std::nullopt,
                     const QPalette &palette = publicationPalette(), const ChartLabels &labels = {},
                     bool stacked = true);

// The same, for data already computed (the view exports what it shows).
Picture chartPicture(const Project &project, const ChartData &data, QSizeF size,
                     const QPalette &palette, const ChartLabels &labels, bool stacked);

} // namespace claimline
