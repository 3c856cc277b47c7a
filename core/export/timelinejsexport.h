#pragma once

// TimelineJS 3 JSON export (https://timeline.knightlab.com/docs/json-format.html), so that a
// project's timeline can be published on the web with TimelineJS. The keys are those of the
// real files in ../shared/interop/timelinejs/: a title slide, then one slide per event (and,
// when asked, per claim) with start_date (and end_date for a span) as objects of year, month,
// day, hour, minute, second given as strings, text.headline and text.text, group = the party,
// display_date = the fuzzy date as Claimline shows it ("~29 Dec 2025", "Dec 2025?"), and
// unique_id = the item's id. The project's periods follow as `eras` (start_date, end_date,
// text.headline), the bands TimelineJS draws behind the slides.
//
// TimelineJS renders headlines, texts, groups and display dates as HTML, so every string from
// the file is escaped (htmltext.h) and links are made only for http(s) source URLs. Internal
// notes and annotations are written only when asked (withNotes), then in a block marked
// "Internal, not for publication" (class "claimline-internal") at the end of the slide's text.

#include "export/exportpieces.h"

#include <QString>
#include <QTimeZone>

namespace claimline {

class Filter;
class Project;

struct TimelineJsOptions
{
    bool includeClaims = false; // one slide per claim too, at the time it was made
    bool withNotes = false; // the internal notes and annotations, marked
    // Instants are given in this zone's wall-clock time (TimelineJS has no zones); calendar
    // days stay on their day.
    QTimeZone zone = QTimeZone::utc();
    ExportPieces pieces;
};

// Writes the JSON atomically; only items the filter accepts (everything without one). Items
// without a time cannot be placed and are left out. Returns an error message naming the path
// and the cause, empty on success.
[[nodiscard]] QString exportTimelineJs(const Project &project, const QString &path,
                                       const Filter *filter = nullptr,
                                       const TimelineJsOptions &options = {});

// The same document in memory (for tests and small projects).
QByteArray timelineJsJson(const Project &project, const Filter *filter = nullptr,
                          const TimelineJsOptions &options = {});

} // namespace claimline
