// `claimline import --format csv --mapping FILE`: a spreadsheet of any columns imported by a
// script with the mapping saved from the wizard. The real executable, run without a display:
// the exit code, the summary on stdout, each refused row on stderr as FILE:LINE: reason, and
// the usage errors (exit 2, nothing written) when the mapping is missing or cannot be read.

#include "import/mapping/columnmapping.h"

#include "mappedcsvfixture.h"
#include "testsupport.h"

#include "format/projectreader.h"
#include "model/project.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

struct ImportRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ImportRun claimlineImport(QStringList arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("XDG_DATA_HOME"),
               QDir::tempPath() + QStringLiteral("/claimline-test-data"));
    process.setProcessEnvironment(env);
    arguments.prepend(QStringLiteral("import"));
    process.start(QStringLiteral(CLAIMLINE_EXECUTABLE), arguments);
    EXPECT_TRUE(process.waitForFinished(120000));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

std::size_t eventCount(const QString &path)
{
    const LoadResult result = loadProject(path);
    EXPECT_TRUE(result.ok());
    return result.ok() ? result.project->events().size() : 0;
}

} // namespace

TEST(MappedCsvCommandLine, TheSavedMappingImportsTheSpreadsheet)
{
    QTemporaryDir dir;
    const QString mapping = dir.filePath(QStringLiteral("kyiv.mapping.json"));
    ASSERT_TRUE(writeMappingFile(mapping, kyivMapping()).isEmpty());
    const QString project = dir.filePath(QStringLiteral("kyiv.claimline"));
    const QStringList arguments {csvFixture("kyiv-strikes.csv"),
                                 QStringLiteral("--format"),
                                 QStringLiteral("csv"),
                                 QStringLiteral("--mapping"),
                                 mapping,
                                 QStringLiteral("--into"),
                                 project};

    const ImportRun first = claimlineImport(arguments);
    EXPECT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_EQ(first.out.toStdString(), "20 events added, 0 updated, 0 unchanged, 0 rows refused\n");
    EXPECT_EQ(eventCount(project), 20u);

    // Again: the rows have no id column, yet each is found again by its date and title.
    const ImportRun again = claimlineImport(arguments);
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.out.toStdString(), "0 events added, 0 updated, 20 unchanged, 0 rows refused\n");
    EXPECT_EQ(eventCount(project), 20u);
}

TEST(MappedCsvCommandLine, RefusedRowsArePrintedWithTheirLines)
{
    QTemporaryDir dir;
    const QString mapping = dir.filePath(QStringLiteral("kyiv.mapping.json"));
    ASSERT_TRUE(writeMappingFile(mapping, kyivMapping()).isEmpty());
    const QString project = dir.filePath(QStringLiteral("messy.claimline"));
    const QString csv = csvFixture("kyiv-strikes-messy.csv");
    // --mapping alone: the format is csv.
    const ImportRun run = claimlineImport(
        {csv, QStringLiteral("--mapping"), mapping, QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.out.toStdString(), "4 events added, 0 updated, 0 unchanged, 10 rows refused\n");
    for (const QString &line :
         {QStringLiteral(":3: date \"03/13/2023\" is not a day when read day first (DD/MM/YYYY)"),
          QStringLiteral(":5: date \"03.04.23\" has a two-digit year"),
          QStringLiteral(":6: title is empty"), QStringLiteral(":15: date is empty")}) {
        EXPECT_TRUE(run.err.contains(csv + line)) << line.toStdString() << "\n"
                                                  << run.err.toStdString();
    }
    EXPECT_EQ(eventCount(project), 4u);
}

TEST(MappedCsvCommandLine, CsvWithoutAMappingIsAUsageError)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.claimline"));
    const ImportRun run
        = claimlineImport({csvFixture("kyiv-strikes.csv"), QStringLiteral("--format"),
                           QStringLiteral("csv"), QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.toStdString(),
              "import: --format csv needs --mapping FILE: save one from "
              "the import wizard's column step\n");
    EXPECT_TRUE(run.out.isEmpty());
    EXPECT_FALSE(QFileInfo::exists(project));
}

TEST(MappedCsvCommandLine, AMappingThatCannotBeReadIsAUsageError)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.claimline"));
    const QString csv = csvFixture("kyiv-strikes.csv");
    const auto importWith = [&](const QString &mapping, const char *format = "csv") {
        return claimlineImport({csv, QStringLiteral("--format"), QString::fromLatin1(format),
                                QStringLiteral("--mapping"), mapping, QStringLiteral("--into"),
                                project});
    };

    const QString newer = dir.filePath(QStringLiteral("newer.json"));
    ASSERT_TRUE(writeFile(newer, R"({"format": "claimline-column-mapping", "version": 2,
                                     "columns": {"date": "Дата", "title": "Событие"}})"));
    ImportRun run = importWith(newer);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.toStdString(),
              "import: " + newer.toStdString()
                  + ": \"version\" 2 is newer than this Claimline reads (version 1): update "
                    "Claimline\n");

    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    run = importWith(missing);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.startsWith(QStringLiteral("import: ") + missing
                                   + QStringLiteral(": cannot be read: ")))
        << run.err.toStdString();

    // A mapping made for other columns: the file is named, nothing is imported.
    ColumnMapping german;
    german.date = "Datum";
    german.title = "Titel";
    const QString other = dir.filePath(QStringLiteral("german.json"));
    ASSERT_TRUE(writeMappingFile(other, german).isEmpty());
    run = importWith(other);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(csv + QStringLiteral(": ")));
    EXPECT_TRUE(run.err.contains(QStringLiteral("no columns \"Datum\" and \"Titel\" in the file")))
        << run.err.toStdString();

    // A mapping is for csv only.
    const QString kyiv = dir.filePath(QStringLiteral("kyiv.json"));
    ASSERT_TRUE(writeMappingFile(kyiv, kyivMapping()).isEmpty());
    run = importWith(kyiv, "acled");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.toStdString(), "import: --mapping is for --format csv, not acled\n");
    EXPECT_FALSE(QFileInfo::exists(project));
}

TEST(MappedCsvCommandLine, FormatNamesAreListed)
{
    QTemporaryDir dir;
    const ImportRun unknown = claimlineImport(
        {csvFixture("kyiv-strikes.csv"), QStringLiteral("--format"), QStringLiteral("xlsx"),
         QStringLiteral("--into"), dir.filePath(QStringLiteral("p.claimline"))});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(unknown.err.toStdString(),
              "import: unknown format \"xlsx\" (formats: auto, acled, ucdp, timelinejs, "
              "timesketch, claimline-csv or csv)\n");
    const ImportRun usage = claimlineImport({});
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_TRUE(usage.err.contains(QStringLiteral("[--mapping FILE]")));
    EXPECT_TRUE(usage.err.contains(
        QStringLiteral("auto, acled, ucdp, timelinejs, timesketch, claimline-csv or csv")));
    const ImportRun help = claimlineImport({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--mapping <FILE>"))) << help.out.toStdString();
    EXPECT_TRUE(help.out.contains(QStringLiteral("timesketch"))) << help.out.toStdString();
}
