// `claimline attach`, `claimline verify` and the evidence manifest's export, run as scripts run
// them: the real executable without a display (issue 21).

#include "testprocess.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using claimline::test::readBytes;
using claimline::test::runClaimline;
using claimline::test::writeFile;

const char *const Project = R"({
  "format": "claimline", "version": 1,
  "sources": [{"id": "src-video", "title": "Footage of the drone", "accessed": "2026-01-01"}],
  "events": [], "claims": []
})";

QString sha256sum(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("sha256sum"), {path});
    process.waitForFinished(60000);
    return QString::fromLatin1(process.readAllStandardOutput()).section(QLatin1Char(' '), 0, 0);
}

class EvidenceCommand : public ::testing::Test
{
protected:
    void SetUp() override
    {
        project = dir.filePath(QStringLiteral("case.claimline"));
        clip = outside.filePath(QStringLiteral("clip.mp4"));
        ASSERT_TRUE(writeFile(project, Project));
        ASSERT_TRUE(writeFile(clip, "frames of a drone"));
        hex = sha256sum(clip);
        recorded = QStringLiteral("evidence/") + hex + QStringLiteral(".mp4");
    }

    QTemporaryDir dir, outside;
    QString project, clip, hex, recorded;
};

TEST_F(EvidenceCommand, AttachPinsTheFileAndVerifyFindsItUnchanged)
{
    const auto attached
        = runClaimline({QStringLiteral("attach"), project, QStringLiteral("--source"),
                        QStringLiteral("src-video"), clip});
    ASSERT_EQ(attached.exitCode, 0) << attached.err.toStdString();
    EXPECT_EQ(QString::fromUtf8(attached.out),
              recorded + QStringLiteral(" sha256 ") + hex
                  + QStringLiteral(" 17 bytes: clip.mp4\n"));
    EXPECT_EQ(readBytes(dir.filePath(recorded)), readBytes(clip));
    const QByteArray saved = readBytes(project);
    EXPECT_TRUE(saved.contains(QStringLiteral("\"sha256\": \"%1\"").arg(hex).toUtf8()));
    EXPECT_TRUE(saved.contains("\"size\": 17"));

    const auto verified = runClaimline({QStringLiteral("verify"), project});
    EXPECT_EQ(verified.exitCode, 0) << verified.out.toStdString();
    EXPECT_TRUE(verified.out.isEmpty());
}

TEST_F(EvidenceCommand, VerifyExitsOneWithALinePerProblem)
{
    ASSERT_EQ(runClaimline({QStringLiteral("attach"), project, QStringLiteral("--source"),
                            QStringLiteral("src-video"), clip})
                  .exitCode,
              0);
    const QString copy = dir.filePath(recorded);
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    ASSERT_TRUE(writeFile(copy, "frames of a drone, edited"));
    const auto changed = runClaimline({QStringLiteral("verify"), project});
    EXPECT_EQ(changed.exitCode, 1);
    EXPECT_EQ(QString::fromUtf8(changed.out),
              recorded
                  + QStringLiteral(": changed (expected sha256 %1, found %2)\n")
                        .arg(hex, sha256sum(copy)));

    ASSERT_TRUE(QFile::remove(copy));
    const auto missing = runClaimline({QStringLiteral("verify"), project});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_EQ(QString::fromUtf8(missing.out), recorded + QStringLiteral(": missing\n"));
}

TEST_F(EvidenceCommand, AttachRefusesAndSavesNothingWhenAFileOrTheSourceIsWrong)
{
    const QByteArray before = readBytes(project);
    const auto noFile = runClaimline({QStringLiteral("attach"), project, QStringLiteral("--source"),
                                      QStringLiteral("src-video"), clip,
                                      outside.filePath(QStringLiteral("gone.png"))});
    EXPECT_EQ(noFile.exitCode, 1);
    EXPECT_TRUE(noFile.err.contains("gone.png: no such file")) << noFile.err.toStdString();
    EXPECT_EQ(readBytes(project), before) << "all or nothing";

    const auto noSource = runClaimline({QStringLiteral("attach"), project,
                                        QStringLiteral("--source"), QStringLiteral("src-x"), clip});
    EXPECT_EQ(noSource.exitCode, 1);
    EXPECT_TRUE(noSource.err.contains("no source with the id \"src-x\""));
    EXPECT_EQ(readBytes(project), before);

    const auto usage = runClaimline({QStringLiteral("attach"), project, clip});
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_TRUE(usage.err.contains("usage: claimline attach PROJECT --source ID FILE..."));
}

TEST_F(EvidenceCommand, ExportWritesTheManifestInCsvAndJson)
{
    ASSERT_EQ(runClaimline({QStringLiteral("attach"), project, QStringLiteral("--source"),
                            QStringLiteral("src-video"), clip})
                  .exitCode,
              0);
    const QString csv = dir.filePath(QStringLiteral("custody.csv"));
    const auto csvRun = runClaimline({QStringLiteral("export"), QStringLiteral("--format"),
                                      QStringLiteral("evidence-csv"), QStringLiteral("--no-bom"),
                                      QStringLiteral("--out"), csv, project});
    ASSERT_EQ(csvRun.exitCode, 0) << csvRun.err.toStdString();
    const QList<QByteArray> rows = readBytes(csv).split('\n');
    ASSERT_EQ(rows.size(), 3);
    EXPECT_TRUE(rows[0].startsWith("source_id,source_title,url,archive_url,accessed,file_name,"));
    const QByteArray expected = "src-video,Footage of the drone,,,2026-01-01,clip.mp4,"
        + recorded.toUtf8() + "," + hex.toUtf8() + ",17,video/mp4,";
    EXPECT_TRUE(rows[1].startsWith(expected)) << rows[1].toStdString();

    const QString json = dir.filePath(QStringLiteral("custody.json"));
    const auto jsonRun
        = runClaimline({QStringLiteral("export"), QStringLiteral("--format"),
                        QStringLiteral("evidence-json"), QStringLiteral("--out"), json, project});
    ASSERT_EQ(jsonRun.exitCode, 0) << jsonRun.err.toStdString();
    EXPECT_TRUE(readBytes(json).contains(QStringLiteral("\"sha256\": \"%1\"").arg(hex).toUtf8()));

    const auto ranged
        = runClaimline({QStringLiteral("export"), QStringLiteral("--format"),
                        QStringLiteral("evidence-json"), QStringLiteral("--from"),
                        QStringLiteral("2026-01-01"), QStringLiteral("--out"), json, project});
    EXPECT_EQ(ranged.exitCode, 2);
    EXPECT_TRUE(ranged.err.contains("do not apply to the evidence manifest"));
}

} // namespace
