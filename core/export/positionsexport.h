#pragma once

// The Positions table (positionstable.h) as data and as a page, for `claimline export --view
// positions` and File ▸ Export. Qt Core only; the pictures of the same table are ui's
// (positions/positionspicture.h) and share its title, subtitle and footer.
//
// CSV: one file, unlike the data export's folder: a header row of "Question" and the party
// names, then one row per question with its text and each party's position (empty for none).
// RFC 4180 and the formula guard as in csvexport.h (csvText), CRLF, UTF-8 with a byte order
// mark unless the options leave it out.
//
// HTML: one self-contained page (UTF-8, lang="en", inline CSS, no script, every file string
// escaped): the title, the project's public description (never the internal one), the table
// with a caption, column and row headers, and the footer. Wide screens read it as a table; on
// a phone (under 40 rem) each question becomes a card listing the parties' positions under
// their names, and empty cells are left out.

#include "export/csvexport.h"
#include "export/exportformats.h"

#include <QByteArray>
#include <QString>

namespace claimline {

class PositionsTable;
class Project;

QByteArray positionsCsv(const Project &project, const PositionsTable &table,
                        const CsvExportOptions &options = {});
QString positionsHtml(const Project &project, const PositionsTable &table);

// Write the file atomically (a failure leaves the previous file whole); return an error
// message naming the file and the cause, empty on success.
[[nodiscard]] QString exportPositionsCsv(const Project &project, const PositionsTable &table,
                                         const QString &path, const CsvExportOptions &options = {});
[[nodiscard]] QString exportPositionsHtml(const Project &project, const PositionsTable &table,
                                          const QString &path);
// One of the two by `format` (Csv or Html; the options apply to the CSV).
[[nodiscard]] QString exportPositionsData(const Project &project, const PositionsTable &table,
                                          ExportFormat format, const QString &path,
                                          const CsvExportOptions &options = {});

} // namespace claimline
