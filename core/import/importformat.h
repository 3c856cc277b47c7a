#pragma once

// The formats Claimline imports, their names on the command line and in the file's `origin`,
// and how `auto` recognises them.

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace claimline {

// Csv is any CSV/TSV read through a ColumnMapping (mapping/columnmapping.h); ClaimlineCsv is
// Claimline's own CSV export (events.csv, claims.csv, relations.csv), matched by item id.
enum class ImportFormat : std::uint8_t {
    Auto,
    Acled,
    Ucdp,
    TimelineJs,
    Timesketch,
    ClaimlineCsv,
    Csv
};

// The command line's --format and the `origin`'s "format".
inline constexpr std::array<std::string_view, 7> ImportFormatNames {
    "auto", "acled", "ucdp", "timelinejs", "timesketch", "claimline-csv", "csv"};

std::optional<ImportFormat> importFormatFromName(std::string_view name);
std::string_view nameOf(ImportFormat format);
// For people: "ACLED", "UCDP GED".
QString displayName(ImportFormat format);

// The format a CSV header belongs to, or nullopt when it is none the importer knows. ACLED
// needs event_id_cnty, event_date and actor1; UCDP GED id, date_start, date_end and side_a;
// Claimline's CSV the leading columns of its events.csv, claims.csv or relations.csv;
// Timesketch message, datetime and timestamp_desc; a TimelineJS sheet Year, Month, Day and
// Headline. Csv is never detected: it needs a mapping.
std::optional<ImportFormat> detectFormat(std::span<const std::string_view> header);

} // namespace claimline
