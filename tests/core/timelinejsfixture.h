#pragma once

// Helpers for the TimelineJS tests: a JSON file read to the end through its RowSource, a
// sheet CSV read through the CsvReader and the sheet's mapper as the importer does (consume()
// first, then map()), every row copied with its sources' addresses.

#include "import/csv/csvreader.h"
#include "import/timelinejs/timelinejsjson.h"
#include "import/timelinejs/timelinejssheet.h"

#include "rowmapperfixture.h"

#include <QFile>
#include <QString>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace claimline::test {

inline QString timelineJsPath(const QString &name)
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/tests/core/data/import/timelinejs/") + name;
}

struct TimelineJsRow : MappedRow
{
    std::vector<std::string> sourceUrls;
};

inline TimelineJsRow copyWithUrls(const ImportRow &row, const QString &problem)
{
    TimelineJsRow copy;
    static_cast<MappedRow &>(copy) = copyOf(row, problem);
    copy.sourceUrls = copied(row.sourceUrls);
    return copy;
}

struct TimelineJsFile
{
    QString error; // why the file could not be opened
    std::vector<TimelineJsRow> rows;
    DatasetExtras extras;

    std::size_t refusedCount() const
    {
        std::size_t count = 0;
        for (const TimelineJsRow &row : rows)
            count += row.problem.isEmpty() ? 0 : 1;
        return count;
    }
    // "line: reason" of each refused row, in order.
    std::vector<std::string> refusals() const
    {
        std::vector<std::string> result;
        for (const TimelineJsRow &row : rows) {
            if (!row.problem.isEmpty())
                result.push_back(std::to_string(row.line) + ": " + row.problem.toStdString());
        }
        return result;
    }
};

inline TimelineJsFile readRows(RowSource &source)
{
    TimelineJsFile result;
    ImportRow row;
    QString problem;
    while (source.next(row, problem)) {
        result.rows.push_back(copyWithUrls(row, problem));
        problem.clear();
    }
    EXPECT_TRUE(source.error().isEmpty()) << source.error().toStdString();
    result.extras = source.extras();
    return result;
}

// A TimelineJS JSON file through openTimelineJsJson(), from its path.
inline TimelineJsFile readJsonFile(const QString &path)
{
    TimelineJsFile result;
    const std::unique_ptr<RowSource> source = openTimelineJsJson(path, &result.error);
    if (!source)
        return result;
    EXPECT_EQ(source->format(), ImportFormat::TimelineJs);
    return readRows(*source);
}

inline TimelineJsFile readJson(const QString &name)
{
    return readJsonFile(timelineJsPath(name));
}

// JSON text through readTimelineJsJson().
inline TimelineJsFile readJsonText(std::string_view json)
{
    TimelineJsFile result;
    const std::unique_ptr<RowSource> source = readTimelineJsJson(json, &result.error);
    return source ? readRows(*source) : result;
}

// A sheet CSV as CsvRowSource reads it: a record the mapper consumes is no row.
inline TimelineJsFile readSheet(const QString &name)
{
    TimelineJsFile result;
    QFile file(timelineJsPath(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.next(record)) {
        result.error = QStringLiteral("no header");
        return result;
    }
    std::vector<std::string_view> header;
    for (const std::string_view field : record.fields)
        header.push_back(trimmedColumnName(field));
    TimelineJsSheetMapper mapper;
    result.error = mapper.setHeader(header);
    if (!result.error.isEmpty())
        return result;
    ImportRow row;
    while (reader.next(record)) {
        if (record.problem.isEmpty() && mapper.consume(record))
            continue;
        QString problem = record.problem;
        if (problem.isEmpty())
            problem = mapper.map(record, row);
        result.rows.push_back(copyWithUrls(row, problem));
        result.rows.back().line = record.line;
    }
    EXPECT_TRUE(reader.error().isEmpty()) << reader.error().toStdString();
    result.extras = mapper.extras();
    return result;
}

} // namespace claimline::test
