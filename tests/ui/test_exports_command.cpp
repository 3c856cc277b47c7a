// The command line's export grammar (every view in every format, refused view/format pairs,
// --a/--b, write failures, the help) and the export dialog's choices.

#include "common/picture.h"
#include "document/filter.h"
#include "export/csvexport.h"
#include "export/exportformats.h"
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
            const Outcome run
                = exportSample({QStringLiteral("--view"), QStringLiteral("chart:") + name,
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
            "the timeline view exports to png, svg, pdf, csv, timelinejs, evidence-csv or "
            "evidence-json, not html");
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
    ASSERT_EQ(target->count(), 4 + 5); // timeline, matrix, side by side, positions, five charts
    EXPECT_EQ(target->itemText(4), QStringLiteral("Chart: Claims per party over time"));
    target->setCurrentIndex(0);
    EXPECT_EQ(format->count(), 7) << formats().toStdString();
    EXPECT_TRUE(formats().contains(QStringLiteral("CSV"))) << formats().toStdString();
    EXPECT_TRUE(formats().contains(QStringLiteral("TimelineJS")));
    EXPECT_TRUE(formats().contains(QStringLiteral("Evidence manifest, CSV")));
    EXPECT_TRUE(formats().contains(QStringLiteral("Evidence manifest, JSON")));
    target->setCurrentIndex(1);
    EXPECT_EQ(format->count(), 4) << formats().toStdString();
    EXPECT_TRUE(formats().contains(QStringLiteral("HTML")));
    target->setCurrentIndex(5);
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
