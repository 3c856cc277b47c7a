#include "import/importformat.h"

#include "import/formats/headercolumns.h"

#include <algorithm>
#include <initializer_list>

namespace claimline {

namespace {

bool hasColumns(std::span<const std::string_view> header,
                std::initializer_list<std::string_view> required)
{
    return std::all_of(required.begin(), required.end(), [header](std::string_view name) {
        return std::any_of(header.begin(), header.end(),
                           [name](std::string_view column) { return headerName(column) == name; });
    });
}

} // namespace

std::optional<ImportFormat> importFormatFromName(std::string_view name)
{
    for (std::size_t i = 0; i < ImportFormatNames.size(); ++i) {
        if (ImportFormatNames[i] == name)
            return ImportFormat(i);
    }
    return std::nullopt;
}

std::string_view nameOf(ImportFormat format)
{
    return ImportFormatNames[std::size_t(format)];
}

QString displayName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Auto:
        return QStringLiteral("Automatic");
    case ImportFormat::Acled:
        return QStringLiteral("ACLED");
    case ImportFormat::Ucdp:
        return QStringLiteral("UCDP GED");
    }
    return {};
}

std::optional<ImportFormat> detectFormat(std::span<const std::string_view> header)
{
    // The columns no other dataset names so: ACLED's event_id_cnty, UCDP's date_start/side_a.
    if (hasColumns(header, {"event_id_cnty", "event_date", "actor1"}))
        return ImportFormat::Acled;
    if (hasColumns(header, {"id", "date_start", "date_end", "side_a"}))
        return ImportFormat::Ucdp;
    return std::nullopt;
}

} // namespace claimline
