#pragma once

// Shared by the export tests: a project full of traps, the sample, a test picture, and the
// parsers that check what an export wrote (XML, PDF pages, RFC 4180 CSV).

#include "common/picture.h"
#include "document/filter.h"
#include "export/csvexport.h"
#include "export/narrativeshtml.h"
#include "export/timelinejsexport.h"
#include "format/projectreader.h"
#include "model/project.h"
#include "narratives/narrativesexport.h"
#include "present/timelinelanes.h"
#include "publish/exportdialog.h"
#include "publish/exportformats.h"
#include "testprocess.h"
#include "testsupport.h"
#include "timeline/timelineexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace claimline::test {

// File text full of traps: markup, quotes, commas, line breaks, spreadsheet formulas, a
// javascript: link, a ';' inside a list item, and internal notes that must never leave.
inline const QByteArray TrapProject = R"json({"format": "claimline", "version": 1,
  "meta": {"title": "Trap <b>title</b>", "description": "A & B"},
  "parties": [{"id": "russia", "name": "Russia <i>RU</i>"}, {"id": "ukraine", "name": "Ukraine"}],
  "sources": [{"id": "s1", "title": "Src, \"quoted\"", "url": "https://example.org/a?b=1&c=2",
               "notes": "SECRET-NOTE"},
              {"id": "s2", "title": "Bad link", "url": "javascript:alert(1)"}],
  "events": [{"id": "e1", "title": "=HYPERLINK(\"http://evil\")", "when": "2025-12-28/2025-12-29",
              "summary": "line1\nline2, with comma", "parties": ["russia", "ukraine"],
              "tags": ["a", "b"], "sources": [{"source": "s1"}, {"source": "s2"}],
              "notes": "SECRET-NOTE"},
             {"id": "e2", "title": "<script>alert(1)</script>", "when": "2025-12~",
              "notes": "SECRET-NOTE"}],
  "questions": [{"id": "q1", "text": "Did it happen?"}],
  "claims": [{"id": "c1", "claimant": "russia", "made_at": "2025-12-29T10:00Z", "about": "e1",
              "question": "q1", "stance": "affirms", "statement": "+7 drones \"said\"",
              "notes": "SECRET-NOTE"},
             {"id": "c2", "claimant": "ukraine", "made_at": "2025-12-29T12:00Z", "question": "q1",
              "stance": "denies", "statement": "@no <img src=x onerror=alert(1)>"}],
  "relations": [{"from": "c2", "to": "c1", "kind": "denies"}]})json";

inline Project trapProject()
{
    LoadResult result
        = readProject(std::string_view(TrapProject.constData(), std::size_t(TrapProject.size())));
    EXPECT_TRUE(result.ok()) << (result.problems.empty()
                                     ? std::string()
                                     : result.problems.front().toString().toStdString());
    return std::move(*result.project);
}

inline Project sampleProject()
{
    LoadResult result = loadProject(test::samplePath());
    EXPECT_TRUE(result.ok());
    return std::move(*result.project);
}

inline Picture testPicture(QSizeF size)
{
    Picture picture;
    picture.title = QStringLiteral("Test & <picture>");
    picture.size = size;
    picture.paint = [size](QPainter &painter) {
        painter.fillRect(QRectF(QPointF(), size), Qt::white);
        painter.setPen(Qt::black);
        painter.drawRect(QRectF(10, 10, size.width() - 20, size.height() - 20));
        painter.drawText(QPointF(20, 40), QStringLiteral("Hello <world> & \"you\""));
    };
    return picture;
}

// Parses XML fully; returns the first error, empty when well-formed.
inline QString xmlError(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    return reader.hasError() ? reader.errorString() : QString();
}

// Pages of a PDF: its page objects (/Type /Page, not /Pages).
inline int pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)"));
    return int(QString::fromLatin1(pdf).count(page));
}

// A small RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside.
inline std::vector<std::vector<QString>> parseCsv(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    std::vector<std::vector<QString>> rows;
    std::vector<QString> row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row.push_back(field);
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r') && i + 1 < text.size()
                   && text[i + 1] == QLatin1Char('\n')) {
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            fieldStarted = false;
            ++i;
        } else {
            EXPECT_NE(c, QLatin1Char('"')) << "a quote inside an unquoted field";
            field += c;
            fieldStarted = true;
        }
    }
    EXPECT_FALSE(quoted) << "unterminated quoted field";
    EXPECT_TRUE(field.isEmpty() && row.empty()) << "last row without CRLF";
    return rows;
}

// Rows as maps from the header's column names.
inline std::vector<std::map<QString, QString>> csvRecords(const QString &path,
                                                          bool expectBom = true)
{
    QByteArray bytes = test::readBytes(path);
    EXPECT_EQ(bytes.startsWith("\xEF\xBB\xBF"), expectBom) << path.toStdString();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.mid(3);
    const auto rows = parseCsv(bytes);
    std::vector<std::map<QString, QString>> records;
    if (rows.empty())
        return records;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        EXPECT_EQ(rows[r].size(), rows[0].size()) << "row " << r << " of " << path.toStdString();
        std::map<QString, QString> record;
        for (std::size_t c = 0; c < rows[r].size() && c < rows[0].size(); ++c)
            record[rows[0][c]] = rows[r][c];
        records.push_back(record);
    }
    return records;
}

} // namespace claimline::test
