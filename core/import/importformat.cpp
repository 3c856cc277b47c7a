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

// As hasColumns(), the names compared regardless of ASCII case.
bool hasColumnsAnyCase(std::span<const std::string_view> header,
                       std::initializer_list<std::string_view> required)
{
    const auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size()
            && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return QChar::toLower(char16_t(uchar(x))) == QChar::toLower(char16_t(uchar(y)));
               });
    };
    return std::all_of(required.begin(), required.end(), [&](std::string_view name) {
        return std::any_of(header.begin(), header.end(),
                           [&](std::string_view column) { return same(headerName(column), name); });
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
    case ImportFormat::TimelineJs:
        return QStringLiteral("TimelineJS");
    case ImportFormat::Timesketch:
        return QStringLiteral("Timesketch");
    case ImportFormat::ClaimlineCsv:
        return QStringLiteral("Claimline CSV");
    case ImportFormat::Csv:
        return QStringLiteral("CSV with a column mapping");
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
    // Claimline's own export: events.csv, claims.csv or relations.csv (export/csvexport.cpp).
    // Not the derived columns (earliest, latest): a person may delete those.
    if (hasColumns(header, {"id", "title", "when", "parties"})
        || hasColumns(header, {"id", "made_at", "claimant", "statement"})
        || hasColumns(header, {"from", "from_party", "to", "to_party", "kind"}))
        return ImportFormat::ClaimlineCsv;
    // Timesketch's three required fields.
    if (hasColumns(header, {"message", "datetime", "timestamp_desc"}))
        return ImportFormat::Timesketch;
    // The TimelineJS Google-Sheets template; its mapper takes the names in any case.
    if (hasColumnsAnyCase(header, {"year", "month", "day", "headline"}))
        return ImportFormat::TimelineJs;
    return std::nullopt;
}

} // namespace claimline
