#pragma once

// CSV export for spreadsheets and data desks: a folder receiving events.csv, claims.csv and
// relations.csv (README, "Exports").
//
// RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote, a
// CR or an LF, quotes doubled inside. UTF-8 with a byte order mark by default, because Excel
// reads a CSV without one in the legacy code page and garbles Cyrillic names (LibreOffice,
// pandas and R skip the mark). Lists (parties, tags, sources) are joined with ';'. A text cell
// that starts with = + - @ TAB or CR gets a leading apostrophe, so that a spreadsheet shows it
// instead of running it as a formula. Internal notes and annotations are written only when
// asked (withNotes): then events.csv and claims.csv end with the analyst's columns
// (csvcolumns.h: starred, internal_notes, annotations; claims also their tags). Relations are
// no items and carry none.

#include "export/exportpieces.h"

#include <QString>

namespace claimline {

class Filter;
class Project;

struct CsvExportOptions
{
    bool byteOrderMark = true;
    bool withNotes = false;
    ExportPieces pieces;
};

// Writes the three files into `folder` (created when missing), each atomically: a failure
// leaves each earlier file whole. Only the items the filter accepts are written (all of them
// without a filter); a relation is written when both its claims are. Returns an error message
// naming the file and the cause, empty on success.
[[nodiscard]] QString exportCsv(const Project &project, const QString &folder,
                                const Filter *filter = nullptr,
                                const CsvExportOptions &options = {});

// One field, quoted per RFC 4180 when needed (no formula guard).
QString csvQuoted(const QString &field);
// Text from the file: the formula guard, then quoting.
QString csvText(const QString &text);

} // namespace claimline
