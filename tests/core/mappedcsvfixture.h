#pragma once

// Helpers for the column mapping's tests: the spreadsheet fixtures under
// tests/core/data/import/csv/, the mapping a person would choose for them, and rows mapped
// through MappedCsvMapper (hand-built ones and whole files), copied so a test can look at them.

#include "import/csv/csvreader.h"
#include "import/mapping/columnmapping.h"
#include "import/mapping/mappedcsv.h"
#include "rowmapperfixture.h"

#include <QFile>
#include <QString>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace claimline::test {

inline QString csvFixture(const char *name)
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/tests/core/data/import/csv/")
        + QLatin1String(name);
}

// The columns of kyiv-strikes.csv (a newsroom's spreadsheet, in Russian).
inline const std::vector<std::string> &kyivColumns()
{
    static const std::vector<std::string> columns {
        "Дата", "Событие", "Сторона", "Описание", "Источник", "Район", "Погибшие", "lat", "lon"};
    return columns;
}

// What the person chooses for kyiv-strikes.csv: dates day first, no id column.
inline ColumnMapping kyivMapping()
{
    ColumnMapping mapping;
    mapping.date = "Дата";
    mapping.dateOrder = DateOrder::DayFirst;
    mapping.title = "Событие";
    mapping.party = "Сторона";
    mapping.summary = "Описание";
    mapping.sourceUrl = "Источник";
    mapping.latitude = "lat";
    mapping.longitude = "lon";
    mapping.header = kyivColumns();
    return mapping;
}

// One hand-built record through a fresh mapper; the header must be accepted.
inline MappedRow mapWith(const ColumnMapping &mapping, const HandRecord &hand,
                         std::int64_t line = 2)
{
    MappedCsvMapper mapper(mapping);
    const std::vector<std::string_view> header = hand.header();
    const QString headerProblem = mapper.setHeader(header);
    EXPECT_TRUE(headerProblem.isEmpty()) << headerProblem.toStdString();
    ImportRow row;
    const CsvRecord record = hand.record(line);
    const QString problem = mapper.map(record, row);
    return copyOf(row, problem);
}

// A fixture file through the CsvReader and one mapper, as the import reads it.
inline MappedFile mapFileWith(const QString &path, const ColumnMapping &mapping)
{
    MappedFile result;
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.next(record)) {
        ADD_FAILURE() << "no header in " << path.toStdString();
        return result;
    }
    std::vector<std::string_view> header;
    for (const std::string_view field : record.fields)
        header.push_back(trimmedColumnName(field));
    MappedCsvMapper mapper(mapping);
    result.headerProblem = mapper.setHeader(header);
    if (!result.headerProblem.isEmpty())
        return result;
    ImportRow row;
    while (reader.next(record)) {
        const QString problem = mapper.map(record, row);
        result.rows.push_back(copyOf(row, problem));
        result.rows.back().line = record.line;
    }
    EXPECT_TRUE(reader.error().isEmpty()) << reader.error().toStdString();
    return result;
}

} // namespace claimline::test
