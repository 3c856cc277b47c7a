#pragma once

// Importing Claimline's own CSV export (export/csvexport.h) back into a project: the round
// trip through a spreadsheet. The export is a folder of events.csv, claims.csv and
// relations.csv; a person edits them (a status, a title, a new row) and imports them into the
// same project, where every row finds its item by id:
//
// - an existing event or claim is updated field by field from its row, and a cell that reads
//   as the project's value changes nothing (an item whose every cell does is `unchanged`); a
//   new id adds the item. A status the import changes goes into the item's status history.
// - parties, actors, sources and questions are found by id; an unknown one is created when
//   the CSVs name it (party_names, claimant_name, source_titles, question_text...), never
//   guessed: a new claimant is an actor of the claim's party, a new relay (via) an actor of
//   none. The name columns only name what is created; they never rename. Relations are
//   matched by (from, to): a missing one is added, another kind updates it.
// - what the CSVs do not carry (party colours, actor roles, source reliability, excerpts,
//   notes, views, origins, attributes, location precision) stays as the project has it; in a
//   new project it is left at its default.
// - `when` and `made_at` (EDTF) are the times; `earliest` and `latest` are derived from them,
//   and a row where a person changed those alone is refused, saying which column to edit.
// - rows missing from a file are never deleted unless asked: listed in missingIds.
// - every refused row is reported with its file, physical line and reason, and changes
//   nothing; the good rows are imported.
//
// A text cell the export defused with a leading apostrophe (a text starting with = + - @, a
// tab or a CR) reads without it again. The files may have lost their byte order mark, been
// re-saved with `;` as the delimiter or with CRLF line ends.

#include "import/importer.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace claimline {

class Project;

// Which of the export's files a list of paths names. A folder stands for the three files in
// it; a file is taken for what its header says it is (a re-saved "events (2).csv" is still
// events), and brings the other two files of the export from beside it when they are there
// under their own names.
struct ClaimlineCsvFiles
{
    QStringList events, claims, relations;
    // Paths that are none of the three, or cannot be read (line 0).
    std::vector<ImportProblem> problems;

    // Every file, in the order they are read: events, claims, relations.
    QStringList all() const { return events + claims + relations; }
};

ClaimlineCsvFiles findClaimlineCsvFiles(const QStringList &paths);

// Imports the export at `paths` (a folder, or any of its files) into `project`, usually a
// clone of the open one. With `removeMissing`, the events and claims the files no longer
// hold, and the relations between two claims of claims.csv that relations.csv no longer
// holds, are removed; otherwise they are only listed in missingIds ("ev-1", "claim-a denies
// claim-b"). Counts: every row of the three files is added, updated, unchanged or refused.
ImportReport importClaimlineCsv(const QStringList &paths, Project &project,
                                ImportProgress *progress = nullptr, bool removeMissing = false);

// What the wizard shows before importing: the first rows of events.csv as they read, every
// row of the three files counted (and those refused whatever the project holds), and the
// party names of party_names and party_name with how many rows name each.
ImportSurvey surveyClaimlineCsv(const QString &path, int previewRows = 20,
                                ImportProgress *progress = nullptr);

} // namespace claimline
