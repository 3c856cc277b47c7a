// The mapping file: a ColumnMapping as JSON (columnmapping.h), written by the wizard's Save
// Mapping… and read by `claimline import --mapping FILE`.
//
// Version 1 is strict: a key it does not know is refused, naming it, rather than ignored, as
// an ignored column role would import the file differently from what the mapping says. A
// later version that adds keys raises "version", and this one names that version.

#include "import/mapping/columnmapping.h"

#include "import/formats/headercolumns.h"
#include "import/mapping/mappedcsv.h"
#include "session/safewrite.h"

#include <QFile>
#include <QIODevice>
#include <QStringBuilder>
#include <QStringList>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>

namespace claimline {

namespace {

using Json = nlohmann::json;

constexpr std::string_view FormatName = "claimline-column-mapping";
constexpr int Version = 1;
// A mapping is a few hundred bytes; a file much larger is something else.
constexpr qint64 MaxFileSize = qint64(1) << 20;

// The keys of "columns", in the order of MappedCsvMapper::Role.
constexpr std::array<std::string_view, MappedCsvMapper::RoleCount> RoleKeys {
    "date",  "end_date", "title",     "party",       "summary", "source_url",
    "place", "latitude", "longitude", "coordinates", "id"};

constexpr std::array<std::string_view, 6> TopKeys {"format",      "version", "columns",
                                                   "date_format", "header",  "party_separator"};

QString qText(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString quotedKey(std::string_view text)
{
    return u'"' % qText(text) % u'"';
}

QString keyList(std::span<const std::string_view> keys)
{
    QStringList names;
    for (const std::string_view key : keys)
        names << qText(key);
    return names.join(QStringLiteral(", "));
}

// Keys in the order a person reads them (nlohmann's plain object would sort them).
nlohmann::ordered_json toJson(const ColumnMapping &mapping)
{
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (std::size_t role = 0; role < RoleKeys.size(); ++role) {
        const std::string &column = mapping.*MappedCsvMapper::RoleColumns[role];
        if (!column.empty())
            columns[std::string(RoleKeys[role])] = column;
    }
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    json["format"] = std::string(FormatName);
    json["version"] = Version;
    json["columns"] = std::move(columns);
    json["date_format"] = std::string(nameOf(mapping.dateOrder));
    json["party_separator"] = std::string(1, mapping.partySeparator);
    json["header"] = mapping.header;
    return json;
}

QString readColumns(const Json &columns, ColumnMapping &mapping)
{
    if (!columns.is_object())
        return QStringLiteral("\"columns\": expected an object from roles to column names");
    for (const auto &[key, value] : columns.items()) {
        const auto role = std::find(RoleKeys.begin(), RoleKeys.end(), key);
        const QString place = QStringLiteral("\"columns\".") % quotedKey(key);
        if (role == RoleKeys.end())
            return place % QStringLiteral(" is not a column role of a version 1 mapping (roles: ")
                % keyList(RoleKeys) % u')';
        if (!value.is_string())
            return place % QStringLiteral(": expected a string");
        mapping.*MappedCsvMapper::RoleColumns[std::size_t(role - RoleKeys.begin())]
            = std::string(headerName(value.get_ref<const std::string &>()));
    }
    if (mapping.date.empty())
        return QStringLiteral("\"columns\".\"date\" is missing: a mapping needs a date column");
    if (mapping.title.empty())
        return QStringLiteral("\"columns\".\"title\" is missing: a mapping needs a title column");
    return {};
}

QString fromJson(const Json &value, ColumnMapping &mapping)
{
    if (!value.is_object())
        return QStringLiteral("a column mapping is a JSON object");
    const auto format = value.find("format");
    if (format == value.end() || !format->is_string() || *format != FormatName)
        return QStringLiteral("not a column mapping: \"format\" is not \"%1\"")
            .arg(qText(FormatName));
    const auto version = value.find("version");
    if (version == value.end())
        return QStringLiteral("\"version\" is missing");
    if (!version->is_number_integer())
        return QStringLiteral("\"version\": expected a whole number");
    if (version->get<std::int64_t>() > Version)
        return QStringLiteral("\"version\" %1 is newer than this Claimline reads (version %2): "
                              "update Claimline")
            .arg(version->get<std::int64_t>())
            .arg(Version);
    if (version->get<std::int64_t>() < 1)
        return QStringLiteral("\"version\" %1 is not a version").arg(version->get<std::int64_t>());
    for (const auto &[key, item] : value.items()) {
        if (std::find(TopKeys.begin(), TopKeys.end(), key) == TopKeys.end())
            return quotedKey(key)
                % QStringLiteral(" is not a key of a version 1 column mapping (keys: ")
                % keyList(TopKeys) % u')';
    }

    ColumnMapping read;
    const auto columns = value.find("columns");
    if (columns == value.end())
        return QStringLiteral("\"columns\" is missing");
    if (QString problem = readColumns(*columns, read); !problem.isEmpty())
        return problem;

    if (const auto order = value.find("date_format"); order != value.end()) {
        const std::optional<DateOrder> known = order->is_string()
            ? dateOrderFromName(order->get_ref<const std::string &>())
            : std::nullopt;
        if (!known)
            return QStringLiteral("\"date_format\" %1 is not \"iso\", \"dd/mm/yyyy\", "
                                  "\"mm/dd/yyyy\" or \"written\"")
                .arg(qText(order->dump(-1, ' ', false, Json::error_handler_t::replace)));
        read.dateOrder = *known;
    }
    if (const auto separator = value.find("party_separator"); separator != value.end()) {
        const bool one
            = separator->is_string() && separator->get_ref<const std::string &>().size() == 1;
        const char c = one ? separator->get_ref<const std::string &>().front() : '\0';
        if (!one || c < ' ' || c > '~' || c == '"')
            return QStringLiteral("\"party_separator\": expected one character such as \";\"");
        read.partySeparator = c;
    }
    if (const auto header = value.find("header"); header != value.end()) {
        if (!header->is_array())
            return QStringLiteral("\"header\": expected an array of column names");
        for (std::size_t i = 0; i < header->size(); ++i) {
            if (!(*header)[i].is_string())
                return QStringLiteral("\"header\"[%1]: expected a string").arg(i);
            read.header.emplace_back(headerName((*header)[i].get_ref<const std::string &>()));
        }
    }

    // The roles must go together (checked on a header of the mapping's own columns), and the
    // mapping must read the header it was made for.
    std::vector<std::string_view> names;
    for (const auto member : MappedCsvMapper::RoleColumns) {
        const std::string &column = read.*member;
        if (!column.empty() && std::find(names.begin(), names.end(), column) == names.end())
            names.push_back(column);
    }
    if (QString problem = checkMapping(read, names); !problem.isEmpty())
        return problem;
    if (!read.header.empty()) {
        const std::vector<std::string_view> header(read.header.begin(), read.header.end());
        if (QString problem = checkMapping(read, header); !problem.isEmpty())
            return QStringLiteral("it does not read its own \"header\": ") % problem;
    }
    mapping = std::move(read);
    return {};
}

} // namespace

std::string mappingToJson(const ColumnMapping &mapping)
{
    return toJson(mapping).dump(2, ' ', false, Json::error_handler_t::replace);
}

QString mappingFromJson(std::string_view json, ColumnMapping *mapping)
{
    Json value;
    try {
        value = Json::parse(json.begin(), json.end());
    } catch (const Json::parse_error &e) {
        return QStringLiteral("not JSON (at byte %1)").arg(e.byte);
    }
    ColumnMapping read;
    if (QString problem = fromJson(value, read); !problem.isEmpty())
        return problem;
    if (mapping)
        *mapping = std::move(read);
    return {};
}

QString readMappingFile(const QString &path, ColumnMapping *mapping)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot be read: %1").arg(file.errorString());
    if (file.size() > MaxFileSize)
        return QStringLiteral("is too large to be a column mapping (%1 bytes)").arg(file.size());
    const QByteArray bytes = file.read(MaxFileSize + 1);
    if (bytes.size() > MaxFileSize)
        return QStringLiteral("is too large to be a column mapping");
    const QString problem
        = mappingFromJson(std::string_view(bytes.constData(), std::size_t(bytes.size())), mapping);
    if (problem.isEmpty())
        spdlog::info("read a column mapping file");
    return problem;
}

QString writeMappingFile(const QString &path, const ColumnMapping &mapping)
{
    const std::string text = mappingToJson(mapping) + '\n';
    const QString error = safeWrite(
        path,
        [&text](QIODevice &device, QString *why) {
            if (device.write(text.data(), qint64(text.size())) != qint64(text.size())) {
                *why = device.errorString();
                return false;
            }
            return true;
        },
        SafeWriteOptions {.keepBackup = false});
    if (error.isEmpty())
        spdlog::info("saved a column mapping file");
    return error;
}

} // namespace claimline
