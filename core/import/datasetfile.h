#pragma once

// DatasetFile: one file of a dataset opened for the import or its survey: the streaming CSV
// reader, the format its header shows (or the one asked for), and that format's RowMapper,
// ready for the records after the header.

#include "import/csv/csvreader.h"
#include "import/formats/rowmapper.h"
#include "import/importformat.h"

#include <QFile>
#include <QString>

#include <cstdint>
#include <memory>
#include <string_view>

namespace claimline {

struct ColumnMapping;

class DatasetFile
{
public:
    // Opens the file and reads its header. Returns an empty string, or why the file cannot be
    // imported, in plain words: "not an ACLED or UCDP GED file: no column "event_date"".
    // With Auto, a `mapping` that reads the header makes the format Csv; otherwise the
    // header's columns tell (detectFormat()). ClaimlineCsv is only recognised (format() says
    // so, there is no mapper): its three files are read together by importClaimlineCsv().
    [[nodiscard]] QString open(const QString &path, ImportFormat format,
                               const ColumnMapping *mapping = nullptr);

    ImportFormat format() const { return m_format; }
    CsvReader &reader() { return *m_reader; }
    RowMapper &mapper() { return *m_mapper; }

    // The dataset's own id in a record, trimmed, or empty: a refused row still names the event
    // it is about (so that a re-import does not take it for gone).
    std::string_view idOf(const CsvRecord &record) const;

private:
    QFile m_file;
    std::unique_ptr<CsvReader> m_reader;
    std::unique_ptr<RowMapper> m_mapper;
    ImportFormat m_format = ImportFormat::Auto;
    std::size_t m_idColumn = std::size_t(-1);
};

// The column holding each format's own id: "event_id_cnty", "id".
std::string_view idColumnOf(ImportFormat format);

} // namespace claimline
