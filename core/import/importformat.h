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

enum class ImportFormat : std::uint8_t { Auto, Acled, Ucdp };

// "auto", "acled", "ucdp": the command line's --format and the `origin`'s "format".
inline constexpr std::array<std::string_view, 3> ImportFormatNames {"auto", "acled", "ucdp"};

std::optional<ImportFormat> importFormatFromName(std::string_view name);
std::string_view nameOf(ImportFormat format);
// For people: "ACLED", "UCDP GED".
QString displayName(ImportFormat format);

// The format a header belongs to, or nullopt when it is none the importer knows. ACLED needs
// event_id_cnty, event_date and actor1; UCDP GED needs id, date_start, date_end and side_a.
std::optional<ImportFormat> detectFormat(std::span<const std::string_view> header);

} // namespace claimline
