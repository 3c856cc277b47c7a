#include "commandline.h"

#include "commandlineio.h"
#include "evidencecommand.h"
#include "exportcommand.h"
#include "importcommand.h"

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "import/acledgenerator.h"
#include "model/generator.h"
#include "session/safewrite.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <spdlog/spdlog.h>

namespace claimline {

namespace {

using cli::addCommonOptions;
using cli::err;
using cli::out;
using cli::parseOrExit;

int validate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check project files and print every problem, one per line, as FILE: /pointer: message."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("validate"), QStringLiteral("The sub-command."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project files."),
                                 QStringLiteral("FILE..."));
    int code = 0;
    if (!parseOrExit(parser, arguments, &code))
        return code;
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.isEmpty()) {
        err() << "validate: name at least one file\n" << Qt::flush;
        return 2;
    }
    bool allValid = true;
    for (const QString &file : files) {
        const LoadResult result = loadProject(file);
        for (const Problem &problem : result.problems) {
            allValid = false;
            out() << file << ": " << problem.toString() << "\n";
        }
        spdlog::info("validated a file: {} problem(s)", result.problems.size());
    }
    out().flush();
    return allValid ? 0 : 1;
}

int normalize(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Load a project and save it in canonical form (stable key order, unknown fields kept). "
        "Without -o the file is rewritten in place and the previous version kept as FILE.bak."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("normalize"), QStringLiteral("The sub-command."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The project file."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to OUT instead (\"-\" for standard output)."),
                      QStringLiteral("OUT")});
    int code = 0;
    if (!parseOrExit(parser, arguments, &code))
        return code;
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.size() != 1) {
        err() << "normalize: name exactly one file\n" << Qt::flush;
        return 2;
    }
    const QString &file = files.first();
    LoadResult result = loadProject(file);
    if (!result.ok()) {
        for (const Problem &problem : result.problems)
            err() << file << ": " << problem.toString() << "\n";
        err().flush();
        return 1;
    }
    const QString target
        = parser.isSet(QStringLiteral("output")) ? parser.value(QStringLiteral("output")) : file;
    const Project &project = *result.project;
    const QString error = saveProject(project, target);
    if (!error.isEmpty()) {
        err() << error << "\n" << Qt::flush;
        return 1;
    }
    spdlog::info("normalized a project{}",
                 result.migrated ? " (migrated from an older version)" : "");
    return 0;
}

int generate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a synthetic project of N events over four years and 12 parties, with one claim "
        "per five events and one relation per two claims; or, with --acled N, an ACLED-style "
        "CSV file of N rows (the 31 columns of ACLED's codebook, ~450 bytes a row), as the "
        "import benchmark reads. The same seed gives the same file."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("generate"), QStringLiteral("The sub-command."));
    parser.addOption(
        {QStringLiteral("events"), QStringLiteral("Number of events."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("acled"),
                      QStringLiteral("Write an ACLED-style CSV file of N rows instead."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                      QStringLiteral("S"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output file (\"-\" for stdout)."),
                      QStringLiteral("FILE")});
    int code = 0;
    if (!parseOrExit(parser, arguments, &code))
        return code;
    bool eventsOk = false;
    bool seedOk = false;
    const bool acled = parser.isSet(QStringLiteral("acled"));
    const qulonglong events
        = parser.value(acled ? QStringLiteral("acled") : QStringLiteral("events"))
              .toULongLong(&eventsOk);
    const qulonglong seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!eventsOk || events > 10'000'000 || !seedOk || !parser.isSet(QStringLiteral("out"))
        || (acled && parser.isSet(QStringLiteral("events")))) {
        err() << "generate: usage: claimline generate --events N|--acled N [--seed S] --out FILE "
                 "(N up to 10000000)\n"
              << Qt::flush;
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    if (acled) {
        const QString error = saveAcledCsv(parser.value(QStringLiteral("out")), {events, seed});
        if (!error.isEmpty()) {
            err() << error << "\n" << Qt::flush;
            return 1;
        }
        spdlog::info("generated {} ACLED-style rows in {} ms", events, timer.elapsed());
        return 0;
    }
    const Project project = generateProject(std::size_t(events), seed);
    const QString error = saveProject(project, parser.value(QStringLiteral("out")), {false});
    if (!error.isEmpty()) {
        err() << error << "\n" << Qt::flush;
        return 1;
    }
    spdlog::info("generated {} events in {} ms", events, timer.elapsed());
    return 0;
}

} // namespace

bool needsGui(const QString &name)
{
    return name == QLatin1String("export");
}

bool isSubcommand(const QString &name)
{
    return name == QLatin1String("validate") || name == QLatin1String("normalize")
        || name == QLatin1String("generate") || name == QLatin1String("export")
        || name == QLatin1String("import") || name == QLatin1String("attach")
        || name == QLatin1String("verify");
}

int runSubcommand(const QStringList &arguments)
{
    // arguments[0] is the program; the first positional argument names the sub-command.
    QString command;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (!arguments[i].startsWith(QLatin1Char('-'))) {
            command = arguments[i];
            break;
        }
    }
    if (command == QLatin1String("validate"))
        return validate(arguments);
    if (command == QLatin1String("normalize"))
        return normalize(arguments);
    if (command == QLatin1String("generate"))
        return generate(arguments);
    if (command == QLatin1String("export"))
        return cli::exportView(arguments);
    if (command == QLatin1String("import"))
        return cli::importData(arguments);
    if (command == QLatin1String("attach"))
        return cli::attachEvidence(arguments);
    if (command == QLatin1String("verify"))
        return cli::verifyEvidence(arguments);
    err() << "unknown command " << command << "\n" << Qt::flush;
    return 2;
}

} // namespace claimline
