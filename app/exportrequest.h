#pragma once

// What `claimline export` was asked for, checked before the project is loaded: shared by the
// command's data paths (commandline.cpp, core only) and its picture paths (pictureexport.cpp,
// the only part of the command line that needs ui).

#include "export/exportformats.h"
#include "time/fuzzytime.h"

#include <QString>

#include <optional>

namespace claimline {

struct ExportRequest
{
    ExportView view = ExportView::Timeline;
    QString chart; // chart:NAME
    ExportFormat format = ExportFormat::Png;
    QString out;
    int width = 0; // 0: the view's default
    int height = 0; // 0: as tall as the view needs
    double pixelRatio = 2.0;
    bool pdfPaged = false;
    bool withNotes = false; // internal notes and annotations, marked (data and HTML only)
    std::optional<FuzzyTime> from;
    std::optional<FuzzyTime> to;
};

} // namespace claimline
