#pragma once

// Helpers for the tests of the Claimline CSV import: the fixtures, a project loaded and
// exported, and a spreadsheet: the export's files read as a table of cells, edited cell by
// cell and saved again the way a spreadsheet saves them (its delimiter, line ends, byte
// order mark and quoting), so that an edit in a test is an edit a person makes.

#include "export/csvexport.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "import/claimlinecsv/claimlinecsv.h"
#include "import/csv/csvreader.h"
#include "importerfixture.h"
#include "model/itemkinds.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace claimline::test {

inline QString claimlineCsvData(const QString &name)
{
    return importData("claimline-csv/") + name;
}

inline Project loadedProject(const QString &path)
{
    LoadResult result = loadProject(path);
    EXPECT_TRUE(result.ok()) << path.toStdString();
    return result.ok() ? std::move(*result.project) : Project();
}

inline Project baseProject()
{
    return loadedProject(claimlineCsvData(QStringLiteral("base.claimline")));
}

inline void exportTo(const Project &project, const QString &folder)
{
    const QString error = exportCsv(project, folder);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
}

// The item with this id, which must exist and be of this kind (a default item, and a failure,
// otherwise: a test goes on to its next check rather than crash).
template<typename Item>
const Item &itemById(const Project &p, std::string_view id)
{
    static const Item none;
    const std::uint32_t index = indexOf(p, id, ItemTraits<Item>::kind);
    return index < p.items<Item>().size() ? p.items<Item>()[index] : none;
}

inline nlohmann::json projectJson(const Project &project)
{
    return nlohmann::json::parse(projectToString(project));
}

// "events.csv:3: reason": each problem with the file's name.
inline QStringList problemsWithFiles(const ImportReport &report)
{
    QStringList lines;
    for (const ImportProblem &problem : report.problems)
        lines << QFileInfo(problem.file).fileName() + u':' + QString::number(problem.line)
                + QStringLiteral(": ") + problem.reason;
    return lines;
}

inline std::string problemText(const ImportReport &report)
{
    return problemsWithFiles(report).join(u'\n').toStdString();
}

struct SaveStyle
{
    char delimiter = ',';
    bool crlf = true;
    bool byteOrderMark = true;
};

// One of the export's files as a spreadsheet holds it: rows of cells, the header first.
class Spreadsheet
{
public:
    explicit Spreadsheet(const QString &path)
        : m_path(path)
    {
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
        CsvReader reader(&file);
        CsvRecord record;
        while (reader.next(record)) {
            // The header's names as a person reads them; the cells as they are.
            std::vector<std::string> row;
            for (const std::string_view field : record.fields)
                row.emplace_back(m_rows.empty() ? trimmedColumnName(field) : field);
            m_rows.push_back(std::move(row));
        }
    }

    // The cell in `column` of the row whose first cell is `id`.
    std::string &cell(std::string_view id, std::string_view column)
    {
        const auto &header = m_rows.front();
        const auto at
            = std::size_t(std::find(header.begin(), header.end(), column) - header.begin());
        EXPECT_LT(at, header.size()) << column;
        for (auto &row : m_rows) {
            if (!row.empty() && row.front() == id && at < row.size())
                return row[at];
        }
        ADD_FAILURE() << "no row " << id;
        static std::string none;
        return none;
    }

    std::vector<std::vector<std::string>> &rows() { return m_rows; }

    // Writes the table back to where it was read, as a spreadsheet saves it: a cell is quoted
    // when it holds the delimiter, a quote or a line break.
    void save(const SaveStyle &style = {}) const { saveAs(m_path, style); }
    void saveAs(const QString &path, const SaveStyle &style) const
    {
        std::string out = style.byteOrderMark ? "\xEF\xBB\xBF" : "";
        for (const auto &row : m_rows) {
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (i > 0)
                    out += style.delimiter;
                const std::string &cell = row[i];
                if (cell.find_first_of(std::string("\"\r\n") + style.delimiter)
                    == std::string::npos) {
                    out += cell;
                    continue;
                }
                out += '"';
                for (const char c : cell) {
                    if (c == '"')
                        out += '"';
                    out += c;
                }
                out += '"';
            }
            out += style.crlf ? "\r\n" : "\n";
        }
        EXPECT_TRUE(writeFile(path, out)) << path.toStdString();
    }

private:
    QString m_path;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace claimline::test
