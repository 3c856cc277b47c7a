#pragma once

// The competing narratives as a self-contained, accessible HTML page (`claimline export --view
// narratives --format html` and File > Export): one <table> with a caption, column and row
// headers, every file string escaped, inline CSS and no script. Qt Core only, so that the
// command line writes it without the widgets; the pictures of the same table are ui's
// (narratives/narrativesexport.h) and share the title, subtitle and footer below.

#include <QString>
#include <QTimeZone>

namespace claimline {

class NarrativesTable;
class Project;

// The project's title, or "Competing narratives" when it has none.
QString narrativesTitle(const Project &project);
// What the table compares: "Who claimed what, question by question: …" or "A vs B: …".
QString narrativesSubtitle(const Project &project, const NarrativesTable &table);
// The note under the table: when the dates were said, in which time zone, and what the
// statements and grades are.
QString narrativesFooter(const QTimeZone &zone);

// A self-contained HTML page holding the table (UTF-8, lang="en", inline CSS, no script).
// Internal notes and annotations only `withNotes`, then each claim's in a block marked
// "Internal, not for publication" and a line under the heading saying the copy has them.
QString narrativesHtml(const Project &project, const NarrativesTable &table, const QTimeZone &zone,
                       const QString &title = {}, bool withNotes = false);

} // namespace claimline
