#pragma once

// Helpers for the row mappers' tests: records built by hand (a header's columns and one row
// of values, every value empty until set), fixture files read through the CsvReader, and
// ImportRows copied out of the reader's buffer so that a test can look at every row at once.

#include "import/csv/csvreader.h"
#include "import/formats/rowmapper.h"
#include "import/importrow.h"

#include <QFile>
#include <QString>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace claimline::test {

inline const std::vector<std::string> &acledColumns()
{
    static const std::vector<std::string> columns {
        "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
        "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
        "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
        "iso",           "region",         "country",  "admin1",         "admin2",
        "admin3",        "location",       "latitude", "longitude",      "geo_precision",
        "source",        "source_scale",   "notes",    "fatalities",     "tags",
        "timestamp"};
    return columns;
}

inline const std::vector<std::string> &ucdpColumns()
{
    static const std::vector<std::string> columns {"id",
                                                   "relid",
                                                   "year",
                                                   "active_year",
                                                   "code_status",
                                                   "type_of_violence",
                                                   "conflict_dset_id",
                                                   "conflict_new_id",
                                                   "conflict_name",
                                                   "dyad_dset_id",
                                                   "dyad_new_id",
                                                   "dyad_name",
                                                   "side_a_dset_id",
                                                   "side_a_new_id",
                                                   "side_a",
                                                   "side_b_dset_id",
                                                   "side_b_new_id",
                                                   "side_b",
                                                   "number_of_sources",
                                                   "source_article",
                                                   "source_office",
                                                   "source_date",
                                                   "source_headline",
                                                   "source_original",
                                                   "where_prec",
                                                   "where_coordinates",
                                                   "where_description",
                                                   "adm_1",
                                                   "adm_2",
                                                   "latitude",
                                                   "longitude",
                                                   "geom_wkt",
                                                   "priogrid_gid",
                                                   "country",
                                                   "country_id",
                                                   "region",
                                                   "event_clarity",
                                                   "date_prec",
                                                   "date_start",
                                                   "date_end",
                                                   "deaths_a",
                                                   "deaths_b",
                                                   "deaths_civilians",
                                                   "deaths_unknown",
                                                   "best",
                                                   "high",
                                                   "low",
                                                   "gwnoa",
                                                   "gwnob"};
    return columns;
}

inline std::vector<std::string_view> viewsOf(const std::vector<std::string> &texts)
{
    return {texts.begin(), texts.end()};
}

// A header and one row of values, as a CsvReader would give them.
class HandRecord
{
public:
    explicit HandRecord(std::vector<std::string> columns)
        : m_columns(std::move(columns))
        , m_values(m_columns.size())
    { }

    HandRecord &set(std::string_view column, std::string value)
    {
        const auto found = std::find(m_columns.begin(), m_columns.end(), column);
        EXPECT_NE(found, m_columns.end()) << "no column " << column;
        if (found != m_columns.end())
            m_values[std::size_t(found - m_columns.begin())] = std::move(value);
        return *this;
    }

    std::vector<std::string_view> header() const { return viewsOf(m_columns); }

    // The record; its views point into this object.
    CsvRecord record(std::int64_t line = 2) const
    {
        CsvRecord record;
        record.fields = viewsOf(m_values);
        record.line = line;
        return record;
    }

private:
    std::vector<std::string> m_columns;
    std::vector<std::string> m_values;
};

// An ImportRow's content, copied.
struct MappedRow
{
    std::int64_t line = 0;
    QString problem; // why it was refused; empty when mapped
    std::string id, updated, title, summary, when, locationName, kind;
    std::vector<std::string> parties, sources, tags;
    double latitude = NAN;
    double longitude = NAN;
    LocationPrecision locationPrecision = LocationPrecision::Unknown;
    // "key=value" for a string, "key#value" for a number, in the row's order.
    std::vector<std::string> attributes;

    // The attribute's value and whether it is a number; nullopt when the row has none so named.
    std::optional<std::pair<std::string, bool>> attribute(std::string_view key) const
    {
        for (const std::string &text : attributes) {
            const std::size_t at = text.find_first_of("=#");
            if (text.substr(0, at) == key)
                return std::pair {text.substr(at + 1), text[at] == '#'};
        }
        return std::nullopt;
    }
};

inline std::vector<std::string> copied(const std::vector<std::string_view> &views)
{
    return {views.begin(), views.end()};
}

inline MappedRow copyOf(const ImportRow &row, const QString &problem = {})
{
    MappedRow copy;
    copy.line = row.line;
    copy.problem = problem;
    copy.id = std::string(row.id);
    copy.updated = std::string(row.updated);
    copy.title = std::string(row.title);
    copy.summary = std::string(row.summary);
    copy.when = row.when.isNull() ? std::string() : row.when.toEdtf();
    copy.locationName = std::string(row.locationName);
    copy.kind = std::string(row.kind);
    copy.parties = copied(row.parties);
    copy.sources = copied(row.sources);
    copy.tags = copied(row.tags);
    copy.latitude = row.latitude;
    copy.longitude = row.longitude;
    copy.locationPrecision = row.locationPrecision;
    for (const ImportAttribute &a : row.attributes)
        copy.attributes.push_back(std::string(a.key) + (a.isNumber ? "#" : "=")
                                  + std::string(a.value));
    return copy;
}

// Maps one hand-built record with a fresh mapper; the header must be accepted.
inline MappedRow mapOne(ImportFormat format, const HandRecord &hand, std::int64_t line = 2)
{
    const std::unique_ptr<RowMapper> mapper = makeRowMapper(format);
    const std::vector<std::string_view> header = hand.header();
    const QString headerProblem = mapper->setHeader(header);
    EXPECT_TRUE(headerProblem.isEmpty()) << headerProblem.toStdString();
    ImportRow row;
    const CsvRecord record = hand.record(line);
    const QString problem = mapper->map(record, row);
    return copyOf(row, problem);
}

// The reason a hand-built record is refused (empty when it is not).
inline std::string refusal(ImportFormat format, const HandRecord &hand)
{
    return mapOne(format, hand).problem.toStdString();
}

struct MappedFile
{
    QString headerProblem;
    std::vector<MappedRow> rows;
};

// A fixture under tests/core/data/import/ through the CsvReader and a mapper for `format`.
inline MappedFile mapFile(const QString &name, ImportFormat format)
{
    MappedFile result;
    QFile file(QStringLiteral(CLAIMLINE_SOURCE_DIR "/tests/core/data/import/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.next(record)) {
        ADD_FAILURE() << "no header in " << name.toStdString();
        return result;
    }
    std::vector<std::string_view> header;
    for (const std::string_view field : record.fields)
        header.push_back(trimmedColumnName(field));
    const std::unique_ptr<RowMapper> mapper = makeRowMapper(format);
    result.headerProblem = mapper->setHeader(header);
    if (!result.headerProblem.isEmpty())
        return result;
    ImportRow row;
    while (reader.next(record)) {
        const QString problem = mapper->map(record, row);
        result.rows.push_back(copyOf(row, problem));
        result.rows.back().line = record.line;
    }
    EXPECT_TRUE(reader.error().isEmpty()) << reader.error().toStdString();
    return result;
}

} // namespace claimline::test
