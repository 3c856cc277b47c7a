// Every export format, checked for validity: PNG decodes at the asked size, SVG parses as XML,
// PDF has the asked page count, HTML escapes markup, CSV round-trips through an RFC 4180
// parser, TimelineJS JSON has the keys of the real TimelineJS files and escapes markup. Also
// the command line's export grammar: refused view/format pairs, --a/--b, write failures.

#include "csvexport.h"
#include "export/exportdialog.h"
#include "export/exportformats.h"
#include "export/picture.h"
#include "filter.h"
#include "narratives/narrativesexport.h"
#include "project.h"
#include "projectreader.h"
#include "testprocess.h"
#include "testsupport.h"
#include "timeline/timelineexport.h"
#include "timeline/timelinelanes.h"
#include "timelinejsexport.h"

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

namespace {

namespace test = claimline::test;
using namespace claimline;

// File text full of traps: markup, quotes, commas, line breaks, spreadsheet formulas, a
// javascript: link, a ';' inside a list item, and internal notes that must never leave.
const QByteArray TrapProject = R"json({"format": "claimline", "version": 1,
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

Project trapProject()
{
    LoadResult result
        = readProject(std::string_view(TrapProject.constData(), std::size_t(TrapProject.size())));
    EXPECT_TRUE(result.ok()) << (result.problems.empty()
                                     ? std::string()
                                     : result.problems.front().toString().toStdString());
    return std::move(*result.project);
}

Project sampleProject()
{
    LoadResult result = loadProject(test::samplePath());
    EXPECT_TRUE(result.ok());
    return std::move(*result.project);
}

Picture testPicture(QSizeF size)
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
QString xmlError(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    return reader.hasError() ? reader.errorString() : QString();
}

// Pages of a PDF: its page objects (/Type /Page, not /Pages).
int pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)"));
    return int(QString::fromLatin1(pdf).count(page));
}

// A small RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside.
std::vector<std::vector<QString>> parseCsv(const QByteArray &bytes)
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
std::vector<std::map<QString, QString>> csvRecords(const QString &path, bool expectBom = true)
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

// --- writePicture ----------------------------------------------------------------------------

TEST(Picture, PngDecodesAtTheAskedSizeTimesTheRatio)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.png"));
    PictureOptions options;
    options.pixelRatio = 3;
    ASSERT_EQ(writePicture(testPicture(QSizeF(400, 250)), path, PictureFormat::Png, options),
              QString());
    QImageReader reader(path);
    EXPECT_EQ(reader.format(), "png");
    const QImage image = reader.read();
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1200, 750));
    // Tagged with the DPI that matches: 3 × 96 = 288 dpi.
    EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 288, 1);
    EXPECT_EQ(image.pixelColor(600, 375), QColor(Qt::white));
}

TEST(Picture, SvgParsesAsXmlWithTheTitleAndTheLogicalViewBox)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.svg"));
    ASSERT_EQ(writePicture(testPicture(QSizeF(400, 250)), path, PictureFormat::Svg), QString());
    const QByteArray svg = test::readBytes(path);
    EXPECT_EQ(xmlError(svg), QString());
    EXPECT_TRUE(svg.contains("<title>Test &amp; &lt;picture&gt;</title>")) << svg.left(600).data();
    EXPECT_TRUE(svg.contains("viewBox=\"0 0 400 250\"")) << svg.left(600).data();
    EXPECT_FALSE(svg.contains("<world>"));
}

TEST(Picture, PdfIsOnePageOrA4PagesAsAsked)
{
    QTemporaryDir dir;
    const QString single = dir.filePath(QStringLiteral("one.pdf"));
    ASSERT_EQ(writePicture(testPicture(QSizeF(800, 3000)), single, PictureFormat::Pdf), QString());
    QByteArray pdf = test::readBytes(single);
    EXPECT_TRUE(pdf.startsWith("%PDF"));
    EXPECT_EQ(pdfPageCount(pdf), 1);
    // A4 portrait (the picture is taller than wide) at its width: 3000 / 800 × (210 / 297)…
    const QString paged = dir.filePath(QStringLiteral("paged.pdf"));
    PictureOptions options;
    options.pdfPaged = true;
    ASSERT_EQ(writePicture(testPicture(QSizeF(800, 3000)), paged, PictureFormat::Pdf, options),
              QString());
    pdf = test::readBytes(paged);
    EXPECT_TRUE(pdf.startsWith("%PDF"));
    // The paintable area of A4 with 10 mm margins is 190 × 277 mm.
    const int expected = pagedPageCount(QSizeF(800, 3000), QSizeF(190, 277));
    EXPECT_EQ(expected, 3);
    EXPECT_EQ(pdfPageCount(pdf), expected);
    EXPECT_TRUE(pdf.contains("/Count 3")) << "the page tree counts three pages";
}

TEST(Picture, AFailedWriteNamesThePathAndKeepsThePreviousFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keep.png"));
    ASSERT_TRUE(test::writeFile(path, "previous"));
    // Too large for an image: nothing is written.
    QString error = writePicture(testPicture(QSizeF(30000, 30000)), path, PictureFormat::Png);
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("too large"))) << error.toStdString();
    EXPECT_EQ(test::readBytes(path), QByteArray("previous"));
    // A folder that does not exist.
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/p.svg"));
    error = writePicture(testPicture(QSizeF(100, 100)), missing, PictureFormat::Svg);
    EXPECT_TRUE(error.contains(missing)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("does not exist"))) << error.toStdString();
    // A device that refuses every byte.
    if (QFileInfo::exists(QStringLiteral("/dev/full"))) {
        error = writePicture(testPicture(QSizeF(100, 100)), QStringLiteral("/dev/full"),
                             PictureFormat::Pdf);
        EXPECT_FALSE(error.isEmpty());
    }
    // No temporary file is left behind.
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("keep.png")});
}

// --- the views' pictures ---------------------------------------------------------------------

TEST(TimelinePicture, EveryFormatOfTheSample)
{
    const Project project = sampleProject();
    TimelineLanes lanes;
    lanes.rebuild(project, nullptr, false);
    TimelineImageRequest request;
    const auto range = defaultTimelineRange(project, lanes);
    ASSERT_TRUE(range);
    request.from = range->first;
    request.to = range->second;
    request.width = 1200;
    const Picture picture = timelinePicture(project, lanes, request,
                                            QFontDatabase::systemFont(QFontDatabase::GeneralFont));
    EXPECT_EQ(picture.size.width(), 1200);
    EXPECT_GT(picture.size.height(), 200);
    QTemporaryDir dir;
    ASSERT_EQ(writePicture(picture, dir.filePath(QStringLiteral("t.png")), PictureFormat::Png),
              QString());
    const QImage png(dir.filePath(QStringLiteral("t.png")));
    EXPECT_EQ(png.width(), 2400);
    EXPECT_EQ(png.height(), int(std::ceil(picture.size.height())) * 2);
    ASSERT_EQ(writePicture(picture, dir.filePath(QStringLiteral("t.svg")), PictureFormat::Svg),
              QString());
    const QByteArray svg = test::readBytes(dir.filePath(QStringLiteral("t.svg")));
    EXPECT_EQ(xmlError(svg), QString());
    EXPECT_TRUE(svg.contains("<title>")) << "the project's title";
    EXPECT_TRUE(svg.contains("Russia")) << "lane labels are text";
    ASSERT_EQ(writePicture(picture, dir.filePath(QStringLiteral("t.pdf")), PictureFormat::Pdf),
              QString());
    const QByteArray pdf = test::readBytes(dir.filePath(QStringLiteral("t.pdf")));
    EXPECT_TRUE(pdf.startsWith("%PDF"));
    EXPECT_EQ(pdfPageCount(pdf), 1);
}

TEST(NarrativesPicture, HtmlEscapesMarkupAndPicturesAreValid)
{
    const Project project = trapProject();
    NarrativesSpec spec;
    spec.parties = NarrativesTable::defaultParties(project);
    NarrativesTable table;
    table.build(project, nullptr, spec);
    const QString html = narrativesHtml(project, table, QTimeZone::utc());
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;")));
    EXPECT_FALSE(html.contains(QStringLiteral("<img")));
    EXPECT_FALSE(html.contains(QStringLiteral("<i>RU")));
    EXPECT_FALSE(html.contains(QStringLiteral("SECRET-NOTE")));
    const Picture picture = narrativesPicture(project, table, 1000, NarrativesPictureOptions());
    QTemporaryDir dir;
    ASSERT_EQ(writePicture(picture, dir.filePath(QStringLiteral("n.svg")), PictureFormat::Svg),
              QString());
    EXPECT_EQ(xmlError(test::readBytes(dir.filePath(QStringLiteral("n.svg")))), QString());
    ASSERT_EQ(writePicture(picture, dir.filePath(QStringLiteral("n.pdf")), PictureFormat::Pdf),
              QString());
    EXPECT_TRUE(test::readBytes(dir.filePath(QStringLiteral("n.pdf"))).startsWith("%PDF"));
}

TEST(NarrativesPicture, PagesEndBetweenRows)
{
    const Project project = sampleProject();
    NarrativesSpec spec;
    spec.parties = NarrativesTable::defaultParties(project);
    NarrativesTable table;
    table.build(project, nullptr, spec);
    const Picture picture = narrativesPicture(project, table, 1200, NarrativesPictureOptions());
    ASSERT_EQ(picture.pageBreaks.size(), table.rowCount() + 1); // the header and each row
    const QSizeF page(277, 190); // A4 landscape: the matrix is wide
    const auto slices = pageSlices(picture, page);
    ASSERT_GE(slices.size(), 2u);
    const double pageHeight = page.height() * picture.size.width() / page.width();
    for (std::size_t i = 0; i + 1 < slices.size(); ++i) {
        const double bottom = slices[i].second;
        EXPECT_LE(bottom - slices[i].first, pageHeight + 1e-6);
        EXPECT_EQ(slices[i + 1].first, bottom);
        EXPECT_TRUE(std::find(picture.pageBreaks.begin(), picture.pageBreaks.end(), bottom)
                        != picture.pageBreaks.end()
                    || bottom - slices[i].first == pageHeight)
            << "page " << i << " ends inside a row that fits on a page";
    }
    EXPECT_EQ(slices.back().second, picture.size.height());
    // The PDF has exactly those pages.
    QTemporaryDir dir;
    PictureOptions options;
    options.pdfPaged = true;
    const QString path = dir.filePath(QStringLiteral("rows.pdf"));
    ASSERT_EQ(writePicture(picture, path, PictureFormat::Pdf, options), QString());
    // Written in portrait (the picture is taller than wide), on that page's slices.
    EXPECT_EQ(pdfPageCount(test::readBytes(path)),
              int(pageSlices(picture, QSizeF(190, 277)).size()));
}

// --- CSV -------------------------------------------------------------------------------------

TEST(CsvExport, QuotingAndTheFormulaGuard)
{
    EXPECT_EQ(csvQuoted(QStringLiteral("plain")), QStringLiteral("plain"));
    EXPECT_EQ(csvQuoted(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    EXPECT_EQ(csvQuoted(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    EXPECT_EQ(csvQuoted(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    for (const char *formula : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
        EXPECT_TRUE(csvText(QString::fromLatin1(formula)).contains(QLatin1Char('\''))) << formula;
    EXPECT_EQ(csvText(QStringLiteral("a=b")), QStringLiteral("a=b"));
}

TEST(CsvExport, RoundTripsThroughAnRfc4180Parser)
{
    const Project project = trapProject();
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("csv"));
    ASSERT_EQ(exportCsv(project, folder), QString());
    for (const char *name : {"events.csv", "claims.csv", "relations.csv"}) {
        const QByteArray bytes = test::readBytes(QDir(folder).filePath(QString::fromLatin1(name)));
        EXPECT_FALSE(bytes.contains("SECRET-NOTE")) << name;
        EXPECT_FALSE(bytes.toLower().contains("notes")) << name;
    }
    const auto events = csvRecords(QDir(folder).filePath(QStringLiteral("events.csv")));
    ASSERT_EQ(events.size(), 2u);
    const auto &e1 = events[0];
    EXPECT_EQ(e1.at(QStringLiteral("id")), QStringLiteral("e1"));
    // The formula is guarded, the rest of the text kept as it was.
    EXPECT_EQ(e1.at(QStringLiteral("title")), QStringLiteral("'=HYPERLINK(\"http://evil\")"));
    EXPECT_EQ(e1.at(QStringLiteral("summary")), QStringLiteral("line1\nline2, with comma"));
    EXPECT_EQ(e1.at(QStringLiteral("when")), QStringLiteral("2025-12-28/2025-12-29"));
    EXPECT_EQ(e1.at(QStringLiteral("earliest")), QStringLiteral("2025-12-28T00:00:00Z"));
    EXPECT_EQ(e1.at(QStringLiteral("latest")), QStringLiteral("2025-12-29T23:59:59Z"));
    EXPECT_EQ(e1.at(QStringLiteral("parties")), QStringLiteral("russia;ukraine"));
    EXPECT_EQ(e1.at(QStringLiteral("party_names")), QStringLiteral("Russia <i>RU</i>;Ukraine"));
    EXPECT_EQ(e1.at(QStringLiteral("tags")), QStringLiteral("a;b"));
    EXPECT_EQ(e1.at(QStringLiteral("sources")), QStringLiteral("s1;s2"));
    EXPECT_EQ(e1.at(QStringLiteral("source_titles")), QStringLiteral("Src, \"quoted\";Bad link"));
    EXPECT_EQ(events[1].at(QStringLiteral("when")), QStringLiteral("2025-12~"));

    const auto claims = csvRecords(QDir(folder).filePath(QStringLiteral("claims.csv")));
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].at(QStringLiteral("statement")), QStringLiteral("'+7 drones \"said\""));
    EXPECT_EQ(claims[0].at(QStringLiteral("party_name")), QStringLiteral("Russia <i>RU</i>"));
    EXPECT_EQ(claims[0].at(QStringLiteral("about")), QStringLiteral("e1"));
    EXPECT_EQ(claims[0].at(QStringLiteral("stance")), QStringLiteral("affirms"));
    EXPECT_EQ(claims[1].at(QStringLiteral("statement")),
              QStringLiteral("'@no <img src=x onerror=alert(1)>"));
    EXPECT_EQ(claims[1].at(QStringLiteral("earliest")), QStringLiteral("2025-12-29T12:00:00Z"));

    const auto relations = csvRecords(QDir(folder).filePath(QStringLiteral("relations.csv")));
    ASSERT_EQ(relations.size(), 1u);
    EXPECT_EQ(relations[0].at(QStringLiteral("from")), QStringLiteral("c2"));
    EXPECT_EQ(relations[0].at(QStringLiteral("to")), QStringLiteral("c1"));
    EXPECT_EQ(relations[0].at(QStringLiteral("kind")), QStringLiteral("denies"));
    // "+2 h" would be a formula to a spreadsheet too: guarded; the seconds are for machines.
    EXPECT_EQ(relations[0].at(QStringLiteral("lag")), QStringLiteral("'+2 h"));
    EXPECT_EQ(relations[0].at(QStringLiteral("lag_min_seconds")), QStringLiteral("7141"));
}

TEST(CsvExport, FollowsTheFilterAndCanOmitTheByteOrderMark)
{
    const Project project = trapProject();
    Filter filter;
    filter.setPartyHidden(0, true); // Russia
    QTemporaryDir dir;
    CsvExportOptions options;
    options.byteOrderMark = false;
    ASSERT_EQ(exportCsv(project, dir.path(), &filter, options), QString());
    const auto claims = csvRecords(dir.filePath(QStringLiteral("claims.csv")), false);
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].at(QStringLiteral("id")), QStringLiteral("c2"));
    // The relation's other claim is hidden: the relation is not written.
    EXPECT_TRUE(csvRecords(dir.filePath(QStringLiteral("relations.csv")), false).empty());
}

// --- TimelineJS ------------------------------------------------------------------------------

// Every key path in a JSON value ("events[].start_date.year"), arrays merged.
void keyPaths(const nlohmann::json &value, const std::string &prefix, std::set<std::string> *out)
{
    if (value.is_object()) {
        for (const auto &[key, child] : value.items()) {
            const std::string path = prefix.empty() ? key : prefix + "." + key;
            out->insert(path);
            keyPaths(child, path, out);
        }
    } else if (value.is_array()) {
        for (const auto &child : value)
            keyPaths(child, prefix + "[]", out);
    }
}

TEST(TimelineJsExport, HasTheKeysOfTheRealFilesAndEscapesMarkup)
{
    const QString interop = QStringLiteral(CLAIMLINE_SHARED_DIR "/interop/timelinejs");
    std::set<std::string> reference;
    for (const char *name : {"houston.json", "marktwain.json", "republican.json"}) {
        const QByteArray bytes = test::readBytes(interop + QLatin1Char('/') + QLatin1String(name));
        if (bytes.isEmpty())
            GTEST_SKIP() << "no interop files beside the repository: " << interop.toStdString();
        keyPaths(nlohmann::json::parse(bytes.toStdString()), {}, &reference);
    }
    const Project project = trapProject();
    TimelineJsOptions options;
    options.includeClaims = true;
    const QByteArray bytes = timelineJsJson(project, nullptr, options);
    const nlohmann::json json = nlohmann::json::parse(bytes.toStdString());
    std::set<std::string> ours;
    keyPaths(json, {}, &ours);
    // TimelineJS keys the three files do not happen to use (documented in its JSON format).
    const std::set<std::string> documentedExtras
        = {"events[].group", "events[].display_date", "events[].start_date.display_date"};
    for (const std::string &key : ours)
        EXPECT_TRUE(reference.count(key) || documentedExtras.count(key)) << key;
    for (const char *key :
         {"title.text.headline", "events[].start_date.year", "events[].text.headline",
          "events[].text.text", "events[].unique_id", "events[].end_date.year"})
        EXPECT_TRUE(ours.count(key)) << key;
    // Date parts are strings, as in the real files.
    EXPECT_TRUE(json["events"][0]["start_date"]["year"].is_string());

    ASSERT_EQ(json["events"].size(), 4u); // two events and two claims
    const auto &e1 = json["events"][0];
    EXPECT_EQ(e1["start_date"]["day"], "28");
    EXPECT_EQ(e1["end_date"]["day"], "29");
    EXPECT_EQ(e1["group"], "Russia &lt;i&gt;RU&lt;/i&gt;");
    EXPECT_EQ(e1["display_date"], "28–29 Dec 2025");
    const std::string text = e1["text"]["text"];
    EXPECT_NE(text.find("<a href=\"https://example.org/a?b=1&amp;c=2\">"), std::string::npos)
        << text;
    EXPECT_EQ(text.find("javascript:"), std::string::npos) << text;
    const auto &e2 = json["events"][1];
    EXPECT_EQ(e2["text"]["headline"], "&lt;script&gt;alert(1)&lt;/script&gt;");
    // "Dec 2025~" is a month: no day is made up.
    EXPECT_EQ(e2["start_date"].count("day"), 0u);
    EXPECT_EQ(e2["start_date"]["month"], "12");
    EXPECT_EQ(json["title"]["text"]["headline"], "Trap &lt;b&gt;title&lt;/b&gt;");
    const std::string claimText = json["events"][3]["text"]["text"];
    EXPECT_NE(claimText.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
    EXPECT_EQ(json["events"][3]["start_date"]["hour"], "12");
    // Nothing of the file is unescaped markup, and notes never leave.
    EXPECT_FALSE(bytes.contains("<script"));
    EXPECT_FALSE(bytes.contains("<img"));
    EXPECT_FALSE(bytes.contains("<i>"));
    EXPECT_FALSE(bytes.contains("SECRET-NOTE"));
}

// --- the command line ------------------------------------------------------------------------

using test::Outcome;
using test::runClaimline;

Outcome exportSample(const QStringList &arguments)
{
    return runClaimline(QStringList {QStringLiteral("export")} + arguments
                        + QStringList {test::samplePath()});
}

TEST(ExportCommand, EveryPictureFormatOfEveryView)
{
    QTemporaryDir dir;
    for (const char *suffix : {"png", "svg", "pdf"}) {
        const QString out = dir.filePath(QStringLiteral("timeline.") + QLatin1String(suffix));
        const Outcome run = exportSample(
            {QStringLiteral("--size"), QStringLiteral("1000x600"), QStringLiteral("--out"), out});
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    }
    EXPECT_EQ(QImage(dir.filePath(QStringLiteral("timeline.png"))).size(), QSize(2000, 1200));
    EXPECT_EQ(xmlError(test::readBytes(dir.filePath(QStringLiteral("timeline.svg")))), QString());
    EXPECT_EQ(pdfPageCount(test::readBytes(dir.filePath(QStringLiteral("timeline.pdf")))), 1);
    // --dpi sets the PNG's density; --paged makes A4 pages.
    Outcome run = exportSample({QStringLiteral("--size"), QStringLiteral("1000x600"),
                                QStringLiteral("--dpi"), QStringLiteral("96"),
                                QStringLiteral("--out"), dir.filePath(QStringLiteral("t1.png"))});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(QImage(dir.filePath(QStringLiteral("t1.png"))).size(), QSize(1000, 600));
    // The narratives on A4 pages: as many as the picture's height needs at the page width.
    const QStringList narrativesArguments {QStringLiteral("--view"), QStringLiteral("narratives"),
                                           QStringLiteral("--a"),    QStringLiteral("russia"),
                                           QStringLiteral("--b"),    QStringLiteral("ukraine")};
    run = exportSample(narrativesArguments
                       + QStringList {QStringLiteral("--paged"), QStringLiteral("--out"),
                                      dir.filePath(QStringLiteral("n.pdf"))});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    run = exportSample(
        narrativesArguments
        + QStringList {QStringLiteral("--out"), dir.filePath(QStringLiteral("n.png"))});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QSize narratives = QImage(dir.filePath(QStringLiteral("n.png"))).size();
    const bool landscape = narratives.width() > narratives.height();
    // At least as many pages as cutting anywhere would make; pages end between rows.
    const int pages
        = pagedPageCount(QSizeF(narratives) / 2, landscape ? QSizeF(277, 190) : QSizeF(190, 277));
    EXPECT_GE(pages, 2);
    const QByteArray pdf = test::readBytes(dir.filePath(QStringLiteral("n.pdf")));
    EXPECT_GE(pdfPageCount(pdf), pages);
    const QByteArray count = "/Count " + QByteArray::number(pdfPageCount(pdf));
    EXPECT_TRUE(pdf.contains(count));
}

// Every chart in every picture format, from the command line: the PNG at the asked size, the
// SVG well-formed XML, the PDF one page.
TEST(ExportCommand, EveryChartInEveryPictureFormat)
{
    QTemporaryDir dir;
    ASSERT_EQ(chartNames().size(), 5);
    for (const QString &name : chartNames()) {
        for (const char *suffix : {"png", "svg", "pdf"}) {
            const QString out = dir.filePath(name + QLatin1Char('.') + QLatin1String(suffix));
            const Outcome run = exportSample({QStringLiteral("--view"), QStringLiteral("chart:") + name,
                                              QStringLiteral("--size"), QStringLiteral("900x500"),
                                              QStringLiteral("--out"), out});
            EXPECT_EQ(run.exitCode, 0) << name.toStdString() << " " << run.err.toStdString();
        }
        EXPECT_EQ(QImage(dir.filePath(name + QStringLiteral(".png"))).size(), QSize(1800, 1000))
            << name.toStdString();
        const QByteArray svg = test::readBytes(dir.filePath(name + QStringLiteral(".svg")));
        EXPECT_EQ(xmlError(svg), QString()) << name.toStdString();
        EXPECT_TRUE(svg.contains("Source: Alleged drone attack")) << name.toStdString();
        const QByteArray pdf = test::readBytes(dir.filePath(name + QStringLiteral(".pdf")));
        EXPECT_TRUE(pdf.startsWith("%PDF")) << name.toStdString();
        EXPECT_EQ(pdfPageCount(pdf), 1) << name.toStdString();
    }
}

TEST(ExportCommand, LongPartyOptionsAsTheIssueWritesThem)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("side.svg"));
    const Outcome run
        = exportSample({QStringLiteral("--view"), QStringLiteral("narratives"),
                        QStringLiteral("--a"), QStringLiteral("russia"), QStringLiteral("--b"),
                        QStringLiteral("ukraine"), QStringLiteral("--out"), out});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QByteArray svg = test::readBytes(out);
    EXPECT_EQ(xmlError(svg), QString());
    EXPECT_TRUE(svg.contains("Russia vs Ukraine")) << "the side-by-side subtitle";
    // --a=PARTY works too.
    const Outcome equals = exportSample(
        {QStringLiteral("--view"), QStringLiteral("narratives"), QStringLiteral("--a=russia"),
         QStringLiteral("--b=ukraine"), QStringLiteral("--out"), out});
    EXPECT_EQ(equals.exitCode, 0) << equals.err.toStdString();
}

TEST(ExportCommand, DataFormats)
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("data/"));
    Outcome run = exportSample({QStringLiteral("--out"), folder});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    for (const char *name : {"events.csv", "claims.csv", "relations.csv"})
        EXPECT_GT(QFileInfo(folder + QLatin1String(name)).size(), 100) << name;
    EXPECT_GT(csvRecords(folder + QStringLiteral("events.csv")).size(), 5u);
    const QString json = dir.filePath(QStringLiteral("timeline.json"));
    run = exportSample({QStringLiteral("--claims"), QStringLiteral("--out"), json});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto parsed = nlohmann::json::parse(test::readString(json));
    EXPECT_GT(parsed["events"].size(), 10u);
    // --from/--to keep what overlaps the range.
    run = exportSample({QStringLiteral("--format"), QStringLiteral("timelinejs"),
                        QStringLiteral("--from"), QStringLiteral("2025-12-29"),
                        QStringLiteral("--to"), QStringLiteral("2025-12-29"),
                        QStringLiteral("--out"), dir.filePath(QStringLiteral("day.js"))});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto day
        = nlohmann::json::parse(test::readString(dir.filePath(QStringLiteral("day.js"))));
    EXPECT_LT(day["events"].size(), parsed["events"].size());
}

TEST(ExportCommand, RefusedPairsAndOptionsSayWhy)
{
    QTemporaryDir dir;
    const auto refused = [&](const QStringList &arguments, const char *message) {
        const Outcome run = exportSample(arguments);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(run.err.contains(message)) << message << " not in: " << run.err.toStdString();
    };
    refused({QStringLiteral("--out"), dir.filePath(QStringLiteral("t.html"))},
            "the timeline view exports to png, svg, pdf, csv or timelinejs, not html");
    refused({QStringLiteral("--view"), QStringLiteral("narratives"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("n.json"))},
            "the narratives view exports to png, svg, pdf or html, not timelinejs");
    refused({QStringLiteral("--view"), QStringLiteral("narratives"), QStringLiteral("--format"),
             QStringLiteral("csv"), QStringLiteral("--out"), dir.filePath(QStringLiteral("n"))},
            "not csv");
    refused({QStringLiteral("--view"), QStringLiteral("chart:nope"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("c.png"))},
            "unknown chart \"nope\" (charts: claims-per-day, stance-matrix");
    refused({QStringLiteral("--view"), QStringLiteral("chart:event-tempo"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("c.html"))},
            "not html");
    refused({QStringLiteral("--out"), dir.filePath(QStringLiteral("noextension"))},
            "cannot tell the format");
    refused({QStringLiteral("--format"), QStringLiteral("gif"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("t.gif"))},
            "unknown format \"gif\"");
    refused({QStringLiteral("--claims"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("t.png"))},
            "--claims applies to timelinejs only");
    refused({QStringLiteral("--dpi"), QStringLiteral("5"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("t.png"))},
            "--dpi must be");
    refused({QStringLiteral("--a"), QStringLiteral("russia"), QStringLiteral("--b"),
             QStringLiteral("ukraine"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("t.png"))},
            "--a and --b apply to --view narratives only");
    EXPECT_TRUE(QDir(dir.path()).isEmpty()) << "nothing is written when refused";
}

TEST(ExportCommand, AFailedWriteKeepsThePreviousFile)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("keep.png"));
    ASSERT_TRUE(test::writeFile(out, "previous"));
    // 10000 × 10000 points at 8× cannot be an image: the export fails before writing.
    const Outcome run = exportSample({QStringLiteral("--size"), QStringLiteral("10000x10000"),
                                      QStringLiteral("--dpi"), QStringLiteral("768"),
                                      QStringLiteral("--out"), out});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(out.toUtf8())) << run.err.toStdString();
    EXPECT_EQ(test::readBytes(out), QByteArray("previous"));
    const Outcome missing = exportSample(
        {QStringLiteral("--out"), dir.filePath(QStringLiteral("no/such/dir/t.svg"))});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains("does not exist")) << missing.err.toStdString();
}

TEST(ExportCommand, HelpDescribesTheGrammar)
{
    const Outcome run = runClaimline({QStringLiteral("export"), QStringLiteral("--help")});
    EXPECT_EQ(run.exitCode, 0);
    QProcess process;
    process.start(QStringLiteral(CLAIMLINE_EXECUTABLE),
                  {QStringLiteral("export"), QStringLiteral("--help")});
    ASSERT_TRUE(process.waitForFinished(60000));
    const QByteArray help = process.readAllStandardOutput();
    for (const char *part :
         {"chart:NAME", "timelinejs", "--claims", "--no-bom", "--paged", "--dpi", "claims-per-day"})
        EXPECT_TRUE(help.contains(part)) << part;
}

} // namespace

// File > Export: each view offers only the formats it makes, and the choice says what was
// asked (CLAIMLINE_EXPORT_DIALOG_PNG=FILE saves a picture of the dialog to look at).
TEST(ExportDialogTest, EachViewOffersItsFormats)
{
    ExportDialog dialog(QStringLiteral("/tmp/sample.png"), true);
    const auto combos = dialog.findChildren<QComboBox *>();
    ASSERT_GE(combos.size(), 2);
    QComboBox *target = combos[0];
    QComboBox *format = combos[1];
    const auto formats = [&] {
        QStringList names;
        for (int i = 0; i < format->count(); ++i)
            names << format->itemText(i);
        return names.join(QStringLiteral(" | "));
    };
    ASSERT_EQ(target->count(), 3 + 5); // timeline, matrix, side by side, five charts
    EXPECT_EQ(target->itemText(3), QStringLiteral("Chart: Claims per party over time"));
    target->setCurrentIndex(0);
    EXPECT_EQ(format->count(), 5) << formats().toStdString();
    EXPECT_TRUE(formats().contains(QStringLiteral("CSV"))) << formats().toStdString();
    EXPECT_TRUE(formats().contains(QStringLiteral("TimelineJS")));
    target->setCurrentIndex(1);
    EXPECT_EQ(format->count(), 4) << formats().toStdString();
    EXPECT_TRUE(formats().contains(QStringLiteral("HTML")));
    target->setCurrentIndex(4);
    EXPECT_EQ(format->count(), 3) << formats().toStdString();
    format->setCurrentIndex(2);
    const ExportChoice choice = dialog.choice();
    EXPECT_EQ(choice.target, ExportChoice::Target::Chart);
    EXPECT_EQ(choice.chart, QStringLiteral("stance-matrix"));
    EXPECT_EQ(choice.format, ExportFormat::Pdf);
    dialog.show();
    QCoreApplication::processEvents();
    if (const QByteArray out = qgetenv("CLAIMLINE_EXPORT_DIALOG_PNG"); !out.isEmpty())
        dialog.grab().save(QString::fromLocal8Bit(out));
}
