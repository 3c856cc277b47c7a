#pragma once

// A TimelineJS JSON file (TimelineJS 3: `title`, `events`, `eras`) as a RowSource.
//
// Each slide of `events` is a row (timelinejsslide.h says what becomes of its headline, text,
// media, group and type): its start_date and end_date objects give its time
// (timelinejsdate.h), its `location` {lat, lon, name} its place, its `unique_id` its id; the
// row's line is the line its "{" is on. A slide without a start_date, or whose date cannot be
// read, is refused with the reason (`no start_date`, `start_date.year "-44" is before year 0:
// BCE dates are not supported`). The `title` slide's headline and text become the dataset's
// title and description, and each era (`eras`) a period from its start to its end; an era
// whose date cannot be read comes back as a refused row after the slides.
//
// The file is read and parsed whole: TimelineJS files are written for a browser to load,
// rarely past a few megabytes. (A huge one would be read slide by slide: the SAX handler
// would hand each finished slide over instead of keeping the document, on a second thread as
// the project reader's SaxPipeline does, so that only one slide is held at a time.)

#include "import/rowsource.h"

#include <QString>

#include <memory>
#include <string_view>

namespace claimline {

// Opens and parses the file. nullptr, and `error` set, when it cannot be read or is not a
// TimelineJS file: `not a TimelineJS file: line 3, column 5: unexpected end of input`,
// `not a TimelineJS file: it has no "events" list`.
std::unique_ptr<RowSource> openTimelineJsJson(const QString &path, QString *error);

// The same over bytes already in memory (tests, the fuzzer).
std::unique_ptr<RowSource> readTimelineJsJson(std::string_view bytes, QString *error);

} // namespace claimline
