// Every export format, checked for validity: PNG decodes at the asked size, SVG parses as XML,
// PDF has the asked page count, HTML escapes markup, CSV round-trips through an RFC 4180
// parser, TimelineJS JSON has the keys of the real TimelineJS files and escapes markup. Also
// the command line's export grammar: refused view/format pairs, --a/--b, write failures.
//
// This file: writePicture, the views' pictures, CSV and TimelineJS. The command line and the
// export dialog are in test_exports_command.cpp.

#include "common/picture.h"
#include "document/filter.h"
#include "export/csvexport.h"
#include "export/narrativeshtml.h"
#include "export/timelinejsexport.h"
#include "exportsfixture.h"
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

namespace {

namespace test = claimline::test;
using namespace claimline;
using namespace claimline::test;

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

} // namespace
