// The Positions exports a reader gets: the picture (PNG, SVG, PDF) holds seed 001's table with
// its text as text, the command line writes every format of `--view positions` and refuses
// what makes no sense with nothing written, and File ▸ Export offers the view with its formats.

#include "common/picture.h"
#include "export/positionstable.h"
#include "exportsfixture.h"
#include "positions/positionspicture.h"

#include <QComboBox>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using namespace claimline;
using namespace claimline::test;

PositionsTable exportTable(const Project &project)
{
    PositionsTable table;
    table.buildForExport(project, nullptr);
    return table;
}

// Non-white pixels of an image (the picture's ink).
int inkPixels(const QImage &image)
{
    int ink = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            ink += QColor(image.pixel(x, y)).lightness() < 200 ? 1 : 0;
    }
    return ink;
}

Outcome exportPositions(const QStringList &arguments)
{
    return runClaimline(QStringList {QStringLiteral("export"), QStringLiteral("--view"),
                                     QStringLiteral("positions")}
                        + arguments + QStringList {test::samplePath()});
}

} // namespace

TEST(PositionsPicture, HoldsTheTableAsText)
{
    const Project project = sampleProject();
    const PositionsTable table = exportTable(project);
    Picture picture = positionsPicture(project, table, 1600);
    EXPECT_EQ(picture.size.width(), 1600);
    EXPECT_GT(picture.size.height(), 300);
    EXPECT_EQ(picture.title,
              QStringLiteral("Alleged drone attack on Putin's Novgorod residence "
                             "(28 Dec 2025 – 1 Jan 2026)"));
    // A page may end under the header and under each of the three rows.
    EXPECT_EQ(picture.pageBreaks.size(), 4u);

    QTemporaryDir dir;
    const QString svgPath = dir.filePath(QStringLiteral("positions.svg"));
    ASSERT_EQ(writePicture(picture, svgPath, PictureFormat::Svg), QString());
    const QString svg = QString::fromUtf8(test::readBytes(svgPath));
    EXPECT_EQ(xmlError(svg.toUtf8()), QString());
    for (const char *text :
         {"Question", "Russia", "Ukraine", "United States", "European Union",
          "Was Putin or his residence targeted?", "Yes", "No", "91 drones", "Calls the footage",
          "Public proof remains disputed", "position, question by question", "Made with Claimline",
          "Source: Alleged drone attack"})
        EXPECT_TRUE(svg.contains(QString::fromUtf8(text))) << text;

    const QString pngPath = dir.filePath(QStringLiteral("positions.png"));
    ASSERT_EQ(writePicture(picture, pngPath, PictureFormat::Png), QString());
    const QImage png(pngPath);
    EXPECT_EQ(png.size(), (picture.size * 2).toSize());
    EXPECT_GT(inkPixels(png), 2000);
    EXPECT_EQ(QColor(png.pixel(4, 4)), QColor(Qt::white)); // the light publication palette

    if (const QString out = qEnvironmentVariable("CLAIMLINE_POSITIONS_PNG_DIR"); !out.isEmpty()) {
        QDir().mkpath(out);
        (void)writePicture(picture, QDir(out).filePath(QStringLiteral("export.png")),
                           PictureFormat::Png);
        (void)writePicture(picture, QDir(out).filePath(QStringLiteral("export.pdf")),
                           PictureFormat::Pdf, PictureOptions {2.0, true});
    }
}

TEST(PositionsPicture, WidensForManyPartiesAndSaysWhenEmpty)
{
    Project project = sampleProject();
    PositionsTable table;
    table.build(project, nullptr, PositionsTable::allParties(project), false);
    ASSERT_EQ(table.columnCount(), 11);
    const Picture wide = positionsPicture(project, table, 1000);
    // Eleven party columns of at least 150 points beside the question column.
    EXPECT_GE(wide.size.width(), 2 * 32 + 180 + 11 * 150);

    const Project empty;
    const Picture none = positionsPicture(empty, exportTable(empty), 800);
    EXPECT_EQ(none.size.width(), 800);
    QTemporaryDir dir;
    const QString svgPath = dir.filePath(QStringLiteral("none.svg"));
    ASSERT_EQ(writePicture(none, svgPath, PictureFormat::Svg), QString());
    EXPECT_TRUE(test::readBytes(svgPath).contains("No positions recorded."));
}

// --- the command line ------------------------------------------------------------------------

TEST(PositionsCommand, EveryFormat)
{
    QTemporaryDir dir;
    for (const char *suffix : {"png", "svg", "pdf", "html", "csv"}) {
        const QString out = dir.filePath(QStringLiteral("positions.") + QLatin1String(suffix));
        const Outcome run = exportPositions({QStringLiteral("--out"), out});
        EXPECT_EQ(run.exitCode, 0) << suffix << ": " << run.err.toStdString();
        EXPECT_GT(QFileInfo(out).size(), 300) << suffix;
    }
    EXPECT_EQ(QImage(dir.filePath(QStringLiteral("positions.png"))).width(), 3200);
    EXPECT_EQ(pdfPageCount(test::readBytes(dir.filePath(QStringLiteral("positions.pdf")))), 1);
    EXPECT_TRUE(
        test::readBytes(dir.filePath(QStringLiteral("positions.svg"))).contains("91 drones"));
    EXPECT_TRUE(test::readBytes(dir.filePath(QStringLiteral("positions.html")))
                    .contains("<td data-label=\"Ukraine\" style=\"--party:#0072b2\">No</td>"));

    // The CSV, read back as a spreadsheet would: seed 001's table.
    QByteArray csv = test::readBytes(dir.filePath(QStringLiteral("positions.csv")));
    ASSERT_TRUE(csv.startsWith("\xEF\xBB\xBF"));
    const auto rows = parseCsv(csv.mid(3));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0],
              (std::vector<QString> {QStringLiteral("Question"), QStringLiteral("Russia"),
                                     QStringLiteral("Ukraine"), QStringLiteral("United States"),
                                     QStringLiteral("European Union")}));
    EXPECT_EQ(rows[1],
              (std::vector<QString> {
                  QStringLiteral("Was Putin or his residence targeted?"), QStringLiteral("Yes"),
                  QStringLiteral("No"),
                  QStringLiteral("U.S. says Ukraine did not target Putin/residences"), QString()}));
    EXPECT_EQ(rows[2][1], QStringLiteral("91 drones"));
    EXPECT_EQ(rows[2][2], QStringLiteral("Denies the alleged operation"));
    EXPECT_EQ(rows[3][1], QStringLiteral("Drone-debris footage and technical claims"));
    EXPECT_EQ(rows[3][2], QStringLiteral("Calls the footage unconvincing"));

    // --no-bom, and --format naming the format of a file without an extension.
    const QString plain = dir.filePath(QStringLiteral("table"));
    const Outcome run
        = exportPositions({QStringLiteral("--format"), QStringLiteral("csv"),
                           QStringLiteral("--no-bom"), QStringLiteral("--out"), plain});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(test::readBytes(plain).startsWith("Question,Russia,"));
}

TEST(PositionsCommand, RefusesWhatMakesNoSenseAndWritesNothing)
{
    QTemporaryDir dir;
    struct Case
    {
        QStringList arguments;
        const char *message;
    };
    const QString folder = dir.filePath(QStringLiteral("out")) + QLatin1Char('/');
    const QString json = dir.filePath(QStringLiteral("positions.json"));
    const QString png = dir.filePath(QStringLiteral("positions.png"));
    const Case cases[] = {
        {{QStringLiteral("--out"), folder}, "the positions are one CSV file, not a folder"},
        {{QStringLiteral("--out"), json},
         "the positions view exports to png, svg, pdf, html or "
         "csv, not timelinejs"},
        {{QStringLiteral("--from"), QStringLiteral("2025-12-28"), QStringLiteral("--out"), png},
         "--from and --to do not apply to --view positions"},
        {{QStringLiteral("--a"), QStringLiteral("russia"), QStringLiteral("--b"),
          QStringLiteral("ukraine"), QStringLiteral("--out"), png},
         "--a and --b apply to --view narratives only"},
    };
    for (const Case &c : cases) {
        const Outcome run = exportPositions(c.arguments);
        EXPECT_EQ(run.exitCode, 2) << c.message;
        EXPECT_TRUE(run.err.contains(c.message)) << run.err.toStdString();
    }
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());

    const Outcome unknown = runClaimline({QStringLiteral("export"), QStringLiteral("--view"),
                                          QStringLiteral("position"), QStringLiteral("--out"), png,
                                          test::samplePath()});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains("positions")) << unknown.err.toStdString();
}

// --- File ▸ Export ------------------------------------------------------------------------------

TEST(PositionsExportDialog, OffersTheViewWithItsFormats)
{
    ExportDialog dialog(QStringLiteral("/tmp/sample.png"), false);
    const auto combos = dialog.findChildren<QComboBox *>();
    ASSERT_GE(combos.size(), 2);
    QComboBox *target = combos[0];
    QComboBox *format = combos[1];
    const int positions = target->findData(int(ExportChoice::Target::Positions), Qt::UserRole);
    ASSERT_GE(positions, 0);
    EXPECT_EQ(target->itemText(positions), QStringLiteral("Positions (what each side is arguing)"));
    target->setCurrentIndex(positions);
    QStringList names;
    for (int i = 0; i < format->count(); ++i)
        names << format->itemText(i);
    EXPECT_EQ(names,
              (QStringList {QStringLiteral("PNG image"), QStringLiteral("SVG drawing"),
                            QStringLiteral("PDF document"),
                            QStringLiteral("HTML page (accessible table)"),
                            QStringLiteral("CSV file (the table)")}));
    format->setCurrentIndex(4);
    const ExportChoice choice = dialog.choice();
    EXPECT_EQ(choice.target, ExportChoice::Target::Positions);
    EXPECT_EQ(choice.format, ExportFormat::Csv);
    // One file named by its format, not a folder.
    EXPECT_EQ(choice.path, QStringLiteral("/tmp/sample.csv"));
}
