#include "importcommand.h"

#include "commandlineio.h"

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "import/importer.h"
#include "import/importsource.h"
#include "import/mapping/columnmapping.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTextStream>

#include <spdlog/spdlog.h>

#include <chrono>
#include <future>
#include <optional>
#include <vector>

namespace claimline::cli {

namespace {

const char ImportUsage[]
    = "import: usage: claimline import FILE... [--format FORMAT] [--mapping FILE]\n"
      "         [--party-map FILE] [--remove-missing] --into PROJECT\n"
      "       FORMAT: auto, acled, ucdp, timelinejs, timesketch, claimline-csv or csv\n"
      "       (csv needs --mapping FILE, saved from the import wizard's column step)\n";

// "auto, acled, ucdp, ... or csv": every name --format accepts.
QString formatNames()
{
    QStringList names;
    for (const std::string_view name : ImportFormatNames)
        names << QString::fromLatin1(name.data(), qsizetype(name.size()));
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

int fail(const QString &message)
{
    err() << "import: " << message << "\n" << Qt::flush;
    return 2;
}

// Reads the file's header and checks that it is the format asked for (or, with auto, one the
// importer knows), as the import will: a file that is no dataset is a mistake in the command,
// found before anything is imported, and nothing is saved. Returns an empty string or what is
// wrong.
QString checkFile(const QString &file, ImportFormat format, const ColumnMapping *mapping)
{
    const QString problem = probeDataset(file, format, mapping).problem;
    return problem.isEmpty() ? QString() : file + QStringLiteral(": ") + problem;
}

// Runs the import on a worker thread and prints "importing FILE: 40%" on stderr whenever a
// file passes another tenth, whether stderr is a terminal or a log: a long import in a
// pipeline shows it is alive, and ten lines per file never flood a log.
ImportReport importWithProgress(const QStringList &files, Project &project,
                                const ImportOptions &options)
{
    ImportProgress progress;
    std::future<ImportReport> result = std::async(
        std::launch::async, [&] { return importFiles(files, project, options, &progress); });
    // The importer counts the bytes of all files together; each file's share is its size.
    std::vector<std::int64_t> sizes;
    for (const QString &file : files)
        sizes.push_back(std::max<std::int64_t>(1, QFileInfo(file).size()));
    std::vector<int> shown(std::size_t(files.size()), 0);
    const auto show = [&](bool finished) {
        std::int64_t before = 0;
        const std::int64_t done = progress.bytesDone.load();
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            const std::int64_t mine = std::clamp<std::int64_t>(done - before, 0, sizes[i]);
            const int tenth = finished ? 10 : int(mine * 10 / sizes[i]);
            if (tenth > shown[i]) {
                err() << "importing " << files[qsizetype(i)] << ": " << tenth * 10 << "%\n"
                      << Qt::flush;
                shown[i] = tenth;
            }
            before += sizes[i];
        }
    };
    while (result.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready)
        show(false);
    ImportReport report = result.get();
    show(!report.cancelled);
    return report;
}

// The ids the files no longer hold (the summary counts them), one a line.
void printMissing(const ImportReport &report)
{
    if (report.missingIds.empty())
        return;
    out() << (report.removed > 0
                  ? QStringLiteral("No longer in the files, removed:\n")
                  : QStringLiteral("No longer in the files (kept; --remove-missing removes "
                                   "them):\n"));
    for (const std::string &id : report.missingIds)
        out() << "  " << QString::fromStdString(id) << "\n";
}

} // namespace

int importData(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import event datasets (ACLED, UCDP GED, TimelineJS, Timesketch, Claimline's own CSV "
        "export, or any CSV/TSV through a column mapping) into a project, which is created "
        "when it does not exist. An event imported before (the same dataset id) is updated: only "
        "the "
        "fields the import maps change; status, notes, tags, sources and claims added in "
        "Claimline are kept. Ids no longer in the files are listed (and removed with "
        "--remove-missing). Rows that cannot be read are printed on stderr as FILE:LINE: "
        "reason; the others are imported.\n"
        "Exit codes: 0 every row imported, 1 some rows refused (the others are saved) or the "
        "project could not be written, 2 a usage error (nothing written)."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("import"), QStringLiteral("The sub-command."));
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("Dataset files (CSV, TSV, JSON, JSON lines), or a folder exported as "
                       "Claimline CSV."),
        QStringLiteral("FILE..."));
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("auto (default: recognised from each file's content), "
                                     "acled, ucdp, timelinejs, timesketch, claimline-csv (a "
                                     "folder exported as CSV, or its events.csv) or csv (any "
                                     "CSV/TSV read through --mapping)."),
                      QStringLiteral("FORMAT"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("mapping"),
                      QStringLiteral("A column mapping saved from the import wizard's column "
                                     "step (which column is the date, in which order, the "
                                     "title, the party, ...): how a CSV/TSV of any columns "
                                     "reads. Implies --format csv."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("party-map"),
                      QStringLiteral("A JSON object from dataset actor names to parties "
                                     "({\"Military Forces of Russia (2000-)\": \"Russia\"}), "
                                     "merged over the one the project remembers."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("remove-missing"),
                      QStringLiteral("Remove the events a previous import made whose ids the "
                                     "files no longer hold (claims about them are kept).")});
    parser.addOption({QStringLiteral("into"),
                      QStringLiteral("The project to import into (created when it does not "
                                     "exist)."),
                      QStringLiteral("PROJECT")});
    int code = 0;
    if (!parseOrExit(parser, arguments, &code))
        return code;
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.isEmpty() || !parser.isSet(QStringLiteral("into"))) {
        err() << ImportUsage << Qt::flush;
        return 2;
    }
    const QString into = parser.value(QStringLiteral("into"));
    if (into == QLatin1String("-"))
        return fail(QStringLiteral("--into needs a project file: standard output carries the "
                                   "summary"));

    ImportOptions options;
    const QString formatName = parser.value(QStringLiteral("format"));
    const std::optional<ImportFormat> format = importFormatFromName(formatName.toStdString());
    if (!format)
        return fail(
            QStringLiteral("unknown format \"%1\" (formats: %2)").arg(formatName, formatNames()));
    options.format = *format;
    if (parser.isSet(QStringLiteral("mapping"))) {
        if (options.format != ImportFormat::Auto && options.format != ImportFormat::Csv)
            return fail(QStringLiteral("--mapping is for --format csv, not %1").arg(formatName));
        const QString path = parser.value(QStringLiteral("mapping"));
        ColumnMapping mapping;
        if (const QString problem = readMappingFile(path, &mapping); !problem.isEmpty())
            return fail(path + QStringLiteral(": ") + problem);
        options.format = ImportFormat::Csv;
        options.mapping = std::move(mapping);
    } else if (options.format == ImportFormat::Csv) {
        return fail(QStringLiteral("--format csv needs --mapping FILE: save one from the import "
                                   "wizard's column step"));
    }
    options.removeMissing = parser.isSet(QStringLiteral("remove-missing"));
    if (parser.isSet(QStringLiteral("party-map"))) {
        QString error;
        std::optional<PartyMap> map
            = PartyMap::load(parser.value(QStringLiteral("party-map")), &error);
        if (!map)
            return fail(error);
        options.partyMap = std::move(*map);
    }
    for (const QString &file : files) {
        if (const QString problem
            = checkFile(file, options.format, options.mapping ? &*options.mapping : nullptr);
            !problem.isEmpty())
            return fail(problem);
    }

    // The project: read it, or start a new one. One that cannot be read is never overwritten.
    Project project;
    const bool exists = QFileInfo::exists(into);
    if (exists) {
        LoadResult loaded = loadProject(into);
        if (!loaded.ok()) {
            for (const Problem &problem : loaded.problems)
                err() << into << ": " << problem.toString() << "\n";
            return fail(QStringLiteral("%1 cannot be read as a project, so nothing was imported "
                                       "into it (fix it with `claimline validate`, or import "
                                       "into a new file)")
                            .arg(into));
        }
        project = std::move(*loaded.project);
    }

    QElapsedTimer timer;
    timer.start();
    const ImportReport report = importWithProgress(files, project, options);
    for (const ImportProblem &problem : report.problems)
        err() << problem.toString() << "\n";
    err().flush();
    out() << report.summary() << "\n";
    printMissing(report);
    out().flush();

    // A new project takes a dataset's own title (a TimelineJS title slide), else the first
    // file's name.
    if (!exists && project.meta().title.isEmpty())
        project.meta().title = project.addText(QFileInfo(files.first()).completeBaseName());
    const qint64 importMs = timer.restart();
    const QString error = saveProject(project, into);
    if (!error.isEmpty()) {
        err() << "import: " << error << "\n" << Qt::flush;
        return 1;
    }
    // claimline-bench --suite import reads the two times from this line.
    spdlog::info("saved the import into {} project: {} ms importing, {} ms saving",
                 exists ? "an existing" : "a new", importMs, timer.elapsed());
    return report.refused() == 0 && report.problems.empty() ? 0 : 1;
}

} // namespace claimline::cli
