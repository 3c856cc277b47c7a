#pragma once

// The pictures' side of the export table (export/exportformats.h, core): which PictureFormat
// an ExportFormat writes, and a chart by its command-line name as a Picture. Here rather than
// in core because both need the widgets' Picture.

#include "common/picture.h"
#include "export/exportformats.h"

#include <QSizeF>
#include <QString>

#include <optional>

class QTimeZone;

namespace claimline {

class Filter;
class Project;

std::optional<PictureFormat> pictureFormatOf(ExportFormat format);

// The chart of that name (one of chartNames()) as a Picture; nullopt with the message in
// *error for an unknown name.
std::optional<Picture> chartPictureByName(const Project &project, const Filter &filter,
                                          const QString &name, const QSizeF &size,
                                          const QTimeZone &zone, QString *error);

} // namespace claimline
