// The command line as scripts use it: the real `claimline` executable, run without a display.

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

namespace {

namespace test = claimline::test;

const QString Executable = QStringLiteral(CLAIMLINE_EXECUTABLE);

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Outcome run(const QStringList &arguments, const QString &program = Executable,
            QStringList prefix = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Sub-commands never need a display: make sure none is there to lean on.
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    // Keep logs out of the user's folders.
    env.insert(QStringLiteral("XDG_DATA_HOME"),
               QDir::tempPath() + QStringLiteral("/claimline-test-data"));
    process.setProcessEnvironment(env);
    if (prefix.isEmpty()) {
        process.start(program, arguments);
    } else {
        const QString wrapper = prefix.takeFirst();
        process.start(wrapper, prefix + QStringList {program} + arguments);
    }
    EXPECT_TRUE(process.waitForFinished(120000));
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

const QByteArray BadProject = R"({"format": "claimline", "version": 1,
  "parties": [{"id": "russia", "name": "Russia"}],
  "actors": [{"id": "lavrov", "name": "Sergei Lavrov", "party": "russa"}],
  "events": [{"id": "e1", "title": "T", "when": "2025-12-32"}],
  "claims": [{"id": "c1", "claimant": "lavorv", "made_at": "2025-12-29", "statement": "S"}]})";

} // namespace

TEST(CommandLine, VersionAndHelpWithoutADisplay)
{
    const Outcome version = run({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.contains(CLAIMLINE_VERSION)) << version.out.toStdString();

    const Outcome help = run({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    for (const char *command : {"validate", "normalize", "generate"})
        EXPECT_TRUE(help.out.contains(command)) << command;

    const Outcome commandHelp = run({QStringLiteral("normalize"), QStringLiteral("--help")});
    EXPECT_EQ(commandHelp.exitCode, 0);
    EXPECT_TRUE(commandHelp.out.contains("-o")) << commandHelp.out.toStdString();
}

TEST(CommandLine, ValidateIsCleanOnTheSample)
{
    const Outcome result = run({QStringLiteral("validate"), test::samplePath()});
    EXPECT_EQ(result.exitCode, 0) << result.out.toStdString();
    EXPECT_TRUE(result.out.isEmpty()) << result.out.toStdString();
}

TEST(CommandLine, ValidatePrintsEveryProblemOnePerLine)
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.claimline"));
    test::writeFile(bad, BadProject);
    const Outcome result = run({QStringLiteral("validate"), test::samplePath(), bad});
    EXPECT_EQ(result.exitCode, 1);
    const QStringList lines
        = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3) << result.out.toStdString();
    EXPECT_EQ(lines[0], bad + QStringLiteral(": /actors/0/party: unknown party \"russa\""));
    EXPECT_TRUE(lines[1].startsWith(bad + QStringLiteral(": /events/0/when: ")))
        << lines[1].toStdString();
    EXPECT_EQ(lines[2],
              bad + QStringLiteral(": /claims/0/claimant: unknown actor or party \"lavorv\""));
    // Logs never go to stdout.
    EXPECT_FALSE(result.out.contains("info")) << result.out.toStdString();
}

// Issue 23: this 49-byte file aborted validate, normalize and export (exit 134). Each now
// names the problem and exits 1; normalize leaves the file as it was.
TEST(CommandLine, ARepeatedVersionIsAProblemInEveryCommand)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("repeated.claimline"));
    const QByteArray text = R"({"format":"claimline","version":0,"version":[1]})";
    test::writeFile(path, text);
    const Outcome validate = run({QStringLiteral("validate"), path});
    EXPECT_EQ(validate.exitCode, 1) << validate.err.toStdString();
    EXPECT_EQ(QString::fromUtf8(validate.out),
              path + QStringLiteral(": /version: the field appears twice in the same object\n")
                  + path + QStringLiteral(": /version: must be a whole number, not an array\n"));
    const Outcome normalize = run({QStringLiteral("normalize"), path});
    EXPECT_EQ(normalize.exitCode, 1) << normalize.err.toStdString();
    EXPECT_TRUE(normalize.err.contains("/version: the field appears twice"))
        << normalize.err.toStdString();
    EXPECT_EQ(test::readBytes(path), text);
    const QString csv = dir.filePath(QStringLiteral("csv/"));
    const Outcome exported = run({QStringLiteral("export"), QStringLiteral("--out"), csv, path});
    EXPECT_EQ(exported.exitCode, 1) << exported.err.toStdString();
    EXPECT_TRUE(exported.err.contains("/version")) << exported.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(csv + QStringLiteral("events.csv")));
}

TEST(CommandLine, ValidateFailsOnMissingFilesAndNoArguments)
{
    EXPECT_EQ(run({QStringLiteral("validate"), QStringLiteral("/nonexistent.claimline")}).exitCode,
              1);
    EXPECT_EQ(run({QStringLiteral("validate")}).exitCode, 2);
}

TEST(CommandLine, NormalizeToStdoutWritesTheCanonicalForm)
{
    const Outcome result = run({QStringLiteral("normalize"), test::samplePath(),
                                QStringLiteral("-o"), QStringLiteral("-")});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out,
              test::readBytes(test::samplePath())); // the sample is stored in canonical form
}

TEST(CommandLine, NormalizeInPlaceKeepsABackupAndIsIdempotent)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.claimline"));
    const QByteArray original = R"({"version": 1, "format": "claimline",
        "custom": {"kept": [1, 2.5, true, null]},
        "parties": [{"name": "Russia", "id": "russia", "x-note": "kept too"}]})";
    test::writeFile(path, original);
    ASSERT_EQ(run({QStringLiteral("normalize"), path}).exitCode, 0);
    EXPECT_EQ(test::readBytes(path + QStringLiteral(".bak")), original);
    const QByteArray once = test::readBytes(path);
    EXPECT_TRUE(once.contains(R"("x-note": "kept too")")) << once.toStdString();
    EXPECT_TRUE(once.contains(R"("custom": {"kept": [1, 2.5, true, null]})")) << once.toStdString();
    ASSERT_EQ(run({QStringLiteral("normalize"), path}).exitCode, 0);
    EXPECT_EQ(test::readBytes(path), once);
    EXPECT_EQ(test::readBytes(path + QStringLiteral(".bak")), once);
    // Only the file and its backup: no temporary files left behind.
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 2);
}

TEST(CommandLine, NormalizeOfABadFileChangesNothing)
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.claimline"));
    const QString out = dir.filePath(QStringLiteral("out.claimline"));
    test::writeFile(bad, BadProject);
    test::writeFile(out, "previous");
    const Outcome result = run({QStringLiteral("normalize"), bad, QStringLiteral("-o"), out});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains("/claims/0/claimant")) << result.err.toStdString();
    EXPECT_EQ(test::readBytes(bad), BadProject);
    EXPECT_EQ(test::readBytes(out), "previous");
}

TEST(CommandLine, NormalizeToDevFullFailsAndLeavesTheDevice)
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        GTEST_SKIP() << "no /dev/full on this system";
    const Outcome result = run({QStringLiteral("normalize"), test::samplePath(),
                                QStringLiteral("-o"), QStringLiteral("/dev/full")});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.err.contains("/dev/full")) << result.err.toStdString();
    struct stat info
    {
    };
    ASSERT_EQ(::stat("/dev/full", &info), 0);
    EXPECT_TRUE(S_ISCHR(info.st_mode)) << "/dev/full was replaced by a regular file";
}

TEST(CommandLine, NormalizeIntoAMissingFolderFailsWithoutLeavingFiles)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("missing/out.claimline"));
    const Outcome result
        = run({QStringLiteral("normalize"), test::samplePath(), QStringLiteral("-o"), out});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_FALSE(result.err.isEmpty());
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
}

TEST(CommandLine, NormalizeIntoAReadOnlyFolderFailsAndKeepsTheOldFile)
{
    // Root ignores permissions, so run the command as an unprivileged user when we are root.
    QStringList prefix;
    if (::geteuid() == 0) {
        const QString runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        if (runuser.isEmpty())
            GTEST_SKIP() << "running as root without runuser: cannot test permissions";
        prefix = {runuser, QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--")};
        // The build may sit where nobody cannot reach it (a clone under /root).
        if (run({QStringLiteral("--version")}, Executable, prefix).exitCode != 0)
            GTEST_SKIP() << "the unprivileged user cannot run the build: cannot test permissions";
    }
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("readonly"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString out = folder + QStringLiteral("/out.claimline");
    const QString input = dir.filePath(QStringLiteral("in.claimline"));
    QFile::copy(test::samplePath(), input);
    test::writeFile(out, "previous");
    // Readable and traversable by everyone, writable by no one.
    ::chmod(QFile::encodeName(dir.path()).constData(), 0755);
    ::chmod(QFile::encodeName(input).constData(), 0644);
    ::chmod(QFile::encodeName(folder).constData(), 0555);
    ::chmod(QFile::encodeName(out).constData(), 0444);
    const Outcome result
        = run({QStringLiteral("normalize"), input, QStringLiteral("-o"), out}, Executable, prefix);
    ::chmod(QFile::encodeName(folder).constData(), 0755);
    if (result.exitCode != 0 && result.err.contains("cannot open the file"))
        GTEST_SKIP() << "the unprivileged user cannot read the build tree: "
                     << result.err.toStdString();
    EXPECT_NE(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains("Could not save")) << result.err.toStdString();
    EXPECT_EQ(test::readBytes(out), "previous");
    EXPECT_EQ(QDir(folder).entryList(QDir::Files).size(), 1);
}

TEST(CommandLine, GenerateIsDeterministicAndValid)
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.claimline"));
    const QString b = dir.filePath(QStringLiteral("b.claimline"));
    const QString c = dir.filePath(QStringLiteral("c.claimline"));
    ASSERT_EQ(run({QStringLiteral("generate"), QStringLiteral("--events"), QStringLiteral("500"),
                   QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--out"), a})
                  .exitCode,
              0);
    ASSERT_EQ(run({QStringLiteral("generate"), QStringLiteral("--events"), QStringLiteral("500"),
                   QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--out"), b})
                  .exitCode,
              0);
    ASSERT_EQ(run({QStringLiteral("generate"), QStringLiteral("--events"), QStringLiteral("500"),
                   QStringLiteral("--seed"), QStringLiteral("8"), QStringLiteral("--out"), c})
                  .exitCode,
              0);
    EXPECT_EQ(test::readBytes(a), test::readBytes(b));
    EXPECT_NE(test::readBytes(a), test::readBytes(c));
    EXPECT_EQ(run({QStringLiteral("validate"), a}).exitCode, 0);
    EXPECT_EQ(run({QStringLiteral("generate"), QStringLiteral("--events"), QStringLiteral("x"),
                   QStringLiteral("--out"), a})
                  .exitCode,
              2);
}
