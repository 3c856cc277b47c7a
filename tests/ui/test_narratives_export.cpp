// NarrativesView exports: PNG, SVG and HTML from the real executable, refused options, the
// picture function, and times of day in the display zone.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "export/narrativeshtml.h"
#include "model/generator.h"
#include "model/project.h"
#include "narratives/claimdialog.h"
#include "narratives/narrativescanvas.h"
#include "narratives/narrativesexport.h"
#include "narratives/narrativesview.h"
#include "narrativesfixture.h"
#include "testprocess.h"
#include "testsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QMouseEvent>
#include <QPalette>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>

using namespace claimline;
using namespace claimline::test;

// --- export through the real executable ----------------------------------------------------------

using test::Outcome;
using test::runClaimline;

TEST(NarrativesExport, PngSvgAndHtmlFromTheCommandLine)
{
    QTemporaryDir dir;
    const QString sample = test::samplePath();
    for (const bool sideBySide : {false, true}) {
        QStringList extra;
        if (sideBySide)
            extra << QStringLiteral("--a") << QStringLiteral("russia") << QStringLiteral("--b")
                  << QStringLiteral("united-states,european-union");
        const QString stem
            = dir.filePath(sideBySide ? QStringLiteral("side") : QStringLiteral("matrix"));
        for (const char *suffix : {".png", ".svg", ".html"}) {
            const QString out = stem + QString::fromLatin1(suffix);
            const Outcome run = runClaimline(
                QStringList {QStringLiteral("export"), QStringLiteral("--view"),
                             QStringLiteral("narratives"), QStringLiteral("--out"), out}
                + extra + QStringList {sample});
            EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
            EXPECT_GT(QFileInfo(out).size(), 1000) << out.toStdString();
        }
        const QImage png(stem + QStringLiteral(".png"));
        ASSERT_FALSE(png.isNull());
        EXPECT_GE(png.width(), 3200); // 1600 points at twice the density
        const QByteArray svg = test::readBytes(stem + QStringLiteral(".svg"));
        EXPECT_TRUE(svg.contains("<svg"));
        const QByteArray html = test::readBytes(stem + QStringLiteral(".html"));
        for (const char *part :
             {"<!DOCTYPE html>", "<html lang=\"en\">", "<meta charset=\"utf-8\">", "<table>",
              "<caption id=", "<th scope=\"col\">"})
            EXPECT_TRUE(html.contains(part)) << part;
        EXPECT_EQ(html.contains("<th scope=\"row\">"), !sideBySide);
        EXPECT_FALSE(html.contains("<script"));
        // Party names and statements from the sample.
        EXPECT_TRUE(html.contains("Russia"));
        EXPECT_TRUE(html.contains("Lavrov said Ukraine had sent 91 long-range drones"));
    }
    // The picture shows `html` text escaped only in HTML.
    const QByteArray matrixHtml = test::readBytes(dir.filePath(QStringLiteral("matrix.html")));
    EXPECT_TRUE(matrixHtml.contains("no public position"));
}

TEST(NarrativesExport, BadPartiesAndFormatsAreRefused)
{
    QTemporaryDir dir;
    const QString sample = test::samplePath();
    const QString out = dir.filePath(QStringLiteral("x.png"));
    const auto exportWith = [&](QStringList arguments) {
        return runClaimline(QStringList {QStringLiteral("export"), QStringLiteral("--view"),
                                         QStringLiteral("narratives")}
                            + arguments + QStringList {sample});
    };
    Outcome run = exportWith({QStringLiteral("--out"), out, QStringLiteral("--a"),
                              QStringLiteral("nosuchparty"), QStringLiteral("--b"),
                              QStringLiteral("ukraine")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("nosuchparty")) << run.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));
    // An actor is not a party.
    run = exportWith({QStringLiteral("--out"), out, QStringLiteral("--a"), QStringLiteral("lavrov"),
                      QStringLiteral("--b"), QStringLiteral("ukraine")});
    EXPECT_EQ(run.exitCode, 2);
    // --a without --b.
    run = exportWith(
        {QStringLiteral("--out"), out, QStringLiteral("--a"), QStringLiteral("russia")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("--b")) << run.err.toStdString();
    // A format the view cannot make.
    run = exportWith({QStringLiteral("--out"), dir.filePath(QStringLiteral("x.csv"))});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("png, svg, pdf or html")) << run.err.toStdString();
    // The timeline makes no HTML, and knows nothing of --a.
    run = runClaimline({QStringLiteral("export"), QStringLiteral("--out"),
                        dir.filePath(QStringLiteral("t.html")), sample});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("png")) << run.err.toStdString();
    run = runClaimline({QStringLiteral("export"), QStringLiteral("--out"), out,
                        QStringLiteral("--a"), QStringLiteral("russia"), QStringLiteral("--b"),
                        QStringLiteral("ukraine"), sample});
    EXPECT_EQ(run.exitCode, 2);
    run = runClaimline({QStringLiteral("export"), QStringLiteral("--view"), QStringLiteral("nope"),
                        QStringLiteral("--out"), out, sample});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("narratives")) << run.err.toStdString();
}

// --- the picture function --------------------------------------------------------------------

TEST(NarrativesExport, PaintingMeasuresTheWholeTable)
{
    Document document;
    ASSERT_TRUE(document.load(test::samplePath()).empty());
    const Project &p = document.project();
    NarrativesTable table;
    NarrativesSpec spec;
    spec.parties = NarrativesTable::defaultParties(p);
    table.build(p, nullptr, spec);
    NarrativesPictureOptions options;
    const double width = narrativesPictureWidth(p, table, 1600, options);
    EXPECT_GE(width, 1600);
    const double height = paintNarratives(nullptr, p, table, width, options);
    EXPECT_GT(height, 600);
    const QImage image = renderNarrativesImage(p, table, 1600, options, 2.0);
    EXPECT_EQ(image.height(), int(std::ceil(height * 2)));
    EXPECT_TRUE(image.save(QDir::tempPath() + QStringLiteral("/helperE-export-matrix.png")));
    spec.mode = NarrativesMode::SideBySide;
    spec.a = {p.find("russia")->index};
    spec.b = {p.find("ukraine")->index};
    table.build(p, nullptr, spec);
    EXPECT_TRUE(renderNarrativesImage(p, table, 1600, options, 2.0)
                    .save(QDir::tempPath() + QStringLiteral("/helperE-export-side.png")));
}

TEST(NarrativesView, TimesOfDayFollowTheZoneAndTheViewExports)
{
    QTemporaryDir dir;
    nlohmann::json json = nlohmann::json::parse(test::readString(test::samplePath()));
    for (auto &claim : json["claims"]) {
        if (claim["id"] == "claim-91-drones")
            claim["made_at"] = "2025-12-29T22:30Z";
    }
    const QString path = dir.filePath(QStringLiteral("instant.claimline"));
    ASSERT_TRUE(test::writeFile(path, json.dump()));
    Fixture f(path);
    const FuzzyTime &made = f.project().claims()[f.claim("claim-91-drones")].madeAt;
    EXPECT_TRUE(f.cell("q-scale", "russia").contains(made.toDisplayString(QTimeZone::utc())));
    const QTimeZone moscow(QByteArrayLiteral("Europe/Moscow"));
    f.view.setTimeZone(moscow);
    EXPECT_TRUE(f.cell("q-scale", "russia").contains(made.toDisplayString(moscow)))
        << str(f.cell("q-scale", "russia"));
    EXPECT_NE(made.toDisplayString(moscow), made.toDisplayString(QTimeZone::utc()));

    for (const char *name : {"view.png", "view.svg", "view.pdf", "view.html"}) {
        const QString out = dir.filePath(QString::fromLatin1(name));
        EXPECT_EQ(f.view.exportFile(out), QString());
        EXPECT_GT(QFileInfo(out).size(), 1000) << name;
    }
    EXPECT_FALSE(f.view.exportFile(dir.filePath(QStringLiteral("view.txt"))).isEmpty());
}
