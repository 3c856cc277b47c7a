#include "import/datasetfile.h"

#include "import/mapping/columnmapping.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <vector>

namespace claimline {

namespace {

QString quoted(std::string_view text)
{
    return u'"' + QString::fromUtf8(text.data(), qsizetype(text.size())) + u'"';
}

bool hasColumn(std::span<const std::string_view> names, std::string_view column)
{
    return std::find(names.begin(), names.end(), column) != names.end();
}

// Why a header is neither format: the columns missing from the format it comes closest to.
QString unknownFormatReason(std::span<const std::string_view> names)
{
    // What detectFormat() requires of each (importformat.h).
    constexpr std::array<std::string_view, 3> Acled {"event_id_cnty", "event_date", "actor1"};
    constexpr std::array<std::string_view, 4> Ucdp {"id", "date_start", "date_end", "side_a"};
    const auto missing = [names](std::span<const std::string_view> required) {
        std::vector<std::string_view> absent;
        for (const std::string_view column : required) {
            if (!hasColumn(names, column))
                absent.push_back(column);
        }
        return absent;
    };
    const std::vector<std::string_view> acled = missing(Acled);
    const std::vector<std::string_view> ucdp = missing(Ucdp);
    const QString prefix = QStringLiteral("not an ACLED or UCDP GED file: ");
    const std::size_t acledFound = Acled.size() - acled.size();
    const std::size_t ucdpFound = Ucdp.size() - ucdp.size();
    // One column in common ("id") says nothing about which format was meant.
    if (std::max(acledFound, ucdpFound) < 2)
        return QStringLiteral("not a format recognised by its columns (ACLED, UCDP GED, "
                              "TimelineJS, Timesketch or Claimline CSV): import it with a "
                              "column mapping (format \"csv\")");
    const std::vector<std::string_view> &absent = acledFound >= ucdpFound ? acled : ucdp;
    QStringList columns;
    for (const std::string_view column : absent)
        columns << quoted(column);
    return prefix
        + (columns.size() == 1 ? QStringLiteral("no column ") : QStringLiteral("no columns "))
        + columns.join(QStringLiteral(", "));
}

} // namespace

std::string_view idColumnOf(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Acled:
        return "event_id_cnty";
    case ImportFormat::Ucdp:
        return "id";
    default:
        break;
    }
    return {};
}

QString DatasetFile::open(const QString &path, ImportFormat format, const ColumnMapping *mapping)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot be read: %1").arg(m_file.errorString());
    m_reader = std::make_unique<CsvReader>(&m_file);

    CsvRecord header;
    if (!m_reader->next(header)) {
        const QString error = m_reader->error();
        return error.isEmpty() ? QStringLiteral("the file is empty") : error;
    }
    // Columns found in a header read wrongly would put values in the wrong fields.
    if (!header.problem.isEmpty())
        return QStringLiteral("the header line cannot be read: %1").arg(header.problem);
    std::vector<std::string_view> names;
    names.reserve(header.fields.size());
    for (const std::string_view field : header.fields)
        names.push_back(trimmedColumnName(field));

    if (format == ImportFormat::Auto) {
        // A mapping given for the file's columns says how to read it.
        if (mapping && checkMapping(*mapping, names).isEmpty()) {
            format = ImportFormat::Csv;
        } else {
            const std::optional<ImportFormat> detected = detectFormat(names);
            if (!detected)
                return unknownFormatReason(names);
            format = *detected;
        }
    }
    m_format = format;
    // Recognised only: its three files are read together (claimlinecsv/).
    if (format == ImportFormat::ClaimlineCsv) {
        if (detectFormat(names) != ImportFormat::ClaimlineCsv)
            return QStringLiteral("not a Claimline CSV file: the header is not that of "
                                  "events.csv, claims.csv or relations.csv");
        return {};
    }
    if (format == ImportFormat::Csv && !mapping)
        return QStringLiteral("a CSV read by a column mapping needs the mapping");
    m_mapper = makeRowMapper(format, mapping);
    if (const QString error = m_mapper->setHeader(names); !error.isEmpty())
        return QStringLiteral("not %1 %2: %3")
            .arg(format == ImportFormat::Acled ? QStringLiteral("an") : QStringLiteral("a"),
                 format == ImportFormat::Csv ? QStringLiteral("CSV file the mapping reads")
                                             : displayName(format) + QStringLiteral(" file"),
                 error);
    const std::string_view idName = idColumnOf(format);
    const auto idColumn
        = idName.empty() ? names.end() : std::find(names.begin(), names.end(), idName);
    m_idColumn = idColumn == names.end() ? std::size_t(-1) : std::size_t(idColumn - names.begin());
    return {};
}

std::string_view DatasetFile::idOf(const CsvRecord &record) const
{
    if (m_idColumn >= record.fields.size())
        return {};
    std::string_view id = record.fields[m_idColumn];
    while (!id.empty() && (id.front() == ' ' || id.front() == '\t'))
        id.remove_prefix(1);
    while (!id.empty() && (id.back() == ' ' || id.back() == '\t'))
        id.remove_suffix(1);
    return id;
}

} // namespace claimline
