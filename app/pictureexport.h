#pragma once

// The picture paths of `claimline export` (png, svg, pdf of the timeline, a chart, the
// narratives or the positions). They paint with the widgets, so they live apart from the rest of
// the command line: this header names core types only, so that commandline.cpp (claimline_cli)
// links claimline_core alone; pictureexport.cpp, built with claimline_ui, defines them.
//
// Each writes request.out in request.format and returns 0, or the exit code with *error set to
// the message the command prints after "export: ".

#include "exportrequest.h"

class QTimeZone;

namespace claimline {

class NarrativesTable;
class PositionsTable;
class Project;

[[nodiscard]] int exportTimelinePicture(const Project &project, const QTimeZone &zone,
                                        const ExportRequest &request, QString *error);
[[nodiscard]] int exportChartPicture(const Project &project, const QTimeZone &zone,
                                     const ExportRequest &request, QString *error);
// The table as the command built it (the matrix, or A against B, of the claims in range).
[[nodiscard]] int exportNarrativesPicture(const Project &project, const NarrativesTable &table,
                                          const QTimeZone &zone, const ExportRequest &request,
                                          QString *error);
// The positions table as the command built it (the questions and parties with a position).
[[nodiscard]] int exportPositionsPicture(const Project &project, const PositionsTable &table,
                                         const ExportRequest &request, QString *error);

} // namespace claimline
