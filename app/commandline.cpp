#include "commandline.h"

#include "generator.h"
#include "projectreader.h"
#include "projectwriter.h"
#include "filter.h"
#include "narratives/narrativesexport.h"
#include "narratives/narrativestable.h"
#include "timeline/timelineexport.h"
#include "timeline/timelinelanes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QImageWriter>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimeZone>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

namespace claimline {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Log debug detail to stderr.")});
}

// Parses the sub-command's arguments; returns false (with the exit code) when done already.
bool parseOrExit(QCommandLineParser &parser, const QStringList &arguments, int *exitCode)
{
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << "\n" << Qt::flush;
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << Qt::flush;
        *exitCode = 0;
        return false;
    }
    return true;
}

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
        "per five events and one relation per two claims. The same seed gives the same file."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("generate"), QStringLiteral("The sub-command."));
    parser.addOption(
        {QStringLiteral("events"), QStringLiteral("Number of events."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                      QStringLiteral("S"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output file (\"-\" for stdout)."),
                      QStringLiteral("FILE")});
    int code = 0;
    if (!parseOrExit(parser, arguments, &code))
        return code;
    bool eventsOk = false;
    bool seedOk = false;
    const qulonglong events = parser.value(QStringLiteral("events")).toULongLong(&eventsOk);
    const qulonglong seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!eventsOk || events > 10'000'000 || !seedOk || !parser.isSet(QStringLiteral("out"))) {
        err() << "generate: usage: claimline generate --events N [--seed S] --out FILE "
                 "(N up to 10000000)\n"
              << Qt::flush;
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    const Project project = generateProject(std::size_t(events), seed);
    const QString error = saveProject(project, parser.value(QStringLiteral("out")), {false});
    if (!error.isEmpty()) {
        err() << error << "\n" << Qt::flush;
        return 1;
    }
    spdlog::info("generated {} events in {} ms", events, timer.elapsed());
    return 0;
}

// DATE is YYYY-MM-DD (the whole day) or YYYY-MM-DDTHH:MM:SSZ. `from` takes the start of the
// day, `to` its end, so --from 2025-12-28 --to 2026-01-01 shows both days.
std::optional<FuzzyTime> parseDate(const QString &text)
{
    static const QRegularExpression format(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}Z)?$"));
    if (!format.match(text).hasMatch())
        return std::nullopt;
    return FuzzyTime::parse(text.toStdString());
}

// The parties named by --a or --b: comma-separated party ids. On an unknown id, returns
// nullopt with the message in *error.
std::optional<std::vector<std::uint32_t>> partiesFromOption(const Project &project,
                                                            const QString &name,
                                                            const QString &value, QString *error)
{
    std::vector<std::uint32_t> parties;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QByteArray id = part.trimmed().toUtf8();
        const auto item = project.find(std::string_view(id.constData(), std::size_t(id.size())));
        if (!item || item->kind != ItemKind::Party) {
            QStringList known;
            for (const Party &party : project.parties())
                known << project.text(party.id);
            *error = QStringLiteral("export: --%1: \"%2\" is not a party of the project (parties: %3)")
                         .arg(name, part.trimmed(), known.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (std::find(parties.begin(), parties.end(), item->index) == parties.end())
            parties.push_back(item->index);
    }
    if (parties.empty()) {
        *error = QStringLiteral("export: --%1 needs at least one party id").arg(name);
        return std::nullopt;
    }
    return parties;
}

// `export --view narratives`: the matrix, or A against B with --a and --b, as png, svg or
// html. The picture is `width` points wide or wider when the columns need it.
int exportNarratives(const QCommandLineParser &parser, const Project &project, const QString &out,
                     const QString &format, int width, const std::optional<FuzzyTime> &from,
                     const std::optional<FuzzyTime> &to)
{
    NarrativesSpec spec;
    spec.parties = NarrativesTable::defaultParties(project);
    if (parser.isSet(QStringLiteral("a"))) {
        QString error;
        const auto a = partiesFromOption(project, QStringLiteral("a"),
                                         parser.value(QStringLiteral("a")), &error);
        const auto b = a ? partiesFromOption(project, QStringLiteral("b"),
                                             parser.value(QStringLiteral("b")), &error)
                         : std::nullopt;
        if (!a || !b) {
            err() << error << "\n" << Qt::flush;
            return 2;
        }
        spec.mode = NarrativesMode::SideBySide;
        spec.a = *a;
        spec.b = *b;
    }
    // --from/--to keep the claims said in that range.
    Filter filter;
    if (from || to)
        filter.setDateRange(from ? std::optional(from->start()) : std::nullopt,
                            to ? std::optional(to->end()) : std::nullopt);
    NarrativesTable table;
    table.build(project, &filter, spec);
    const std::string_view zoneId = project.view(project.meta().displayTimeZone);
    const QTimeZone zone = zoneId.empty()
        ? QTimeZone::utc()
        : QTimeZone(QByteArray(zoneId.data(), qsizetype(zoneId.size())));
    NarrativesPictureOptions options;
    options.zone = zone.isValid() ? zone : QTimeZone::utc();
    if (format == QLatin1String("html")) {
        const QByteArray html = narrativesHtml(project, table, options.zone).toUtf8();
        QFile file(out);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(html) != html.size() || !file.flush()) {
            err() << "export: cannot write " << out << ": " << file.errorString() << "\n"
                  << Qt::flush;
            return 1;
        }
    } else if (format == QLatin1String("svg")) {
        const QString error = writeNarrativesSvg(out, project, table, width, options);
        if (!error.isEmpty()) {
            err() << "export: " << error << "\n" << Qt::flush;
            return 1;
        }
    } else {
        const QImage image = renderNarrativesImage(project, table, width, options, 2.0);
        QImageWriter writer(out, "png");
        if (image.isNull() || !writer.write(image)) {
            err() << "export: cannot write " << out << ": "
                  << (image.isNull() ? QStringLiteral("the picture is too large")
                                     : writer.errorString())
                  << "\n" << Qt::flush;
            return 1;
        }
    }
    spdlog::info("exported the narratives ({} rows, {})", table.rowCount(), format.toStdString());
    return 0;
}

int exportView(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Render a view of a project to a file, without a display. The picture holds the whole "
        "requested range (default: the project's first saved view, else everything), in a "
        "light publication theme at twice the pixel density."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("The sub-command."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addOption({QStringLiteral("view"),
                      QStringLiteral("The view: timeline (default) or narratives."),
                      QStringLiteral("VIEW"), QStringLiteral("timeline")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("png for the timeline; png, svg or html for the narratives "
                                     "(default: from the extension of --out)."),
                      QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("a"),
                      QStringLiteral("Narratives: narrative A, party ids separated by commas "
                                     "(with --b: side by side; without: the matrix)."),
                      QStringLiteral("PARTY[,PARTY]")});
    parser.addOption({QStringLiteral("b"),
                      QStringLiteral("Narratives: narrative B, party ids separated by commas."),
                      QStringLiteral("PARTY[,PARTY]")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("Start: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("End (inclusive): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("size"),
                      QStringLiteral("Size in points, WxH (default 1600 wide, as tall as the "
                                     "lanes need); pixels are twice that."),
                      QStringLiteral("WxH")});
    int code = 0;
    if (!parseOrExit(parser, arguments, &code))
        return code;
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.size() != 1 || !parser.isSet(QStringLiteral("out"))) {
        err() << "export: usage: claimline export [--view timeline] --out FILE.png [--from DATE "
                 "--to DATE] [--size WxH] PROJECT\n"
                 "       claimline export --view narratives --out FILE.png|.svg|.html "
                 "[--a PARTY[,PARTY] --b PARTY[,PARTY]] [--from DATE --to DATE] [--size WxH] "
                 "PROJECT\n"
              << Qt::flush;
        return 2;
    }
    const QString view = parser.value(QStringLiteral("view"));
    const bool narratives = view == QLatin1String("narratives");
    if (view != QLatin1String("timeline") && !narratives) {
        err() << "export: unknown view \"" << view << "\" (available: timeline, narratives)\n"
              << Qt::flush;
        return 2;
    }
    const bool hasA = parser.isSet(QStringLiteral("a"));
    const bool hasB = parser.isSet(QStringLiteral("b"));
    if ((hasA || hasB) && !narratives) {
        err() << "export: --a and --b apply to --view narratives only\n" << Qt::flush;
        return 2;
    }
    if (hasA != hasB) {
        err() << "export: side by side needs both --a and --b (party ids, e.g. --a russia --b "
                 "ukraine); without either the matrix is exported\n"
              << Qt::flush;
        return 2;
    }
    const QString out = parser.value(QStringLiteral("out"));
    const QString format = parser.isSet(QStringLiteral("format"))
        ? parser.value(QStringLiteral("format")).toLower()
        : QFileInfo(out).suffix().toLower();
    if (narratives && format != QLatin1String("png") && format != QLatin1String("svg")
        && format != QLatin1String("html")) {
        err() << "export: the narratives view exports to png, svg or html (got \""
              << (format.isEmpty() ? QStringLiteral("no extension") : format)
              << "\"); name the file FILE.png, FILE.svg or FILE.html or pass --format\n"
              << Qt::flush;
        return 2;
    }
    if (!narratives && format != QLatin1String("png")) {
        err() << "export: the timeline exports to png (got \""
              << (format.isEmpty() ? QStringLiteral("no extension") : format)
              << "\"); name the file FILE.png or pass --format png\n"
              << Qt::flush;
        return 2;
    }
    TimelineImageRequest request;
    if (parser.isSet(QStringLiteral("size"))) {
        static const QRegularExpression sizeFormat(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const QRegularExpressionMatch match
            = sizeFormat.match(parser.value(QStringLiteral("size")));
        const int w = match.hasMatch() ? match.captured(1).toInt() : 0;
        const int h = match.hasMatch() ? match.captured(2).toInt() : 0;
        if (w < 200 || h < 100 || w > 10000 || h > 10000) {
            err() << "export: --size must be WxH between 200x100 and 10000x10000, e.g. 1280x800\n"
                  << Qt::flush;
            return 2;
        }
        request.width = w;
        request.height = h;
    }
    std::optional<FuzzyTime> from;
    std::optional<FuzzyTime> to;
    for (const auto &[name, target] :
         {std::pair {QStringLiteral("from"), &from}, std::pair {QStringLiteral("to"), &to}}) {
        if (!parser.isSet(name))
            continue;
        *target = parseDate(parser.value(name));
        if (!*target) {
            err() << "export: --" << name << " \"" << parser.value(name)
                  << "\" is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ\n"
                  << Qt::flush;
            return 2;
        }
    }

    const QString &file = files.first();
    const LoadResult result = loadProject(file);
    if (!result.ok()) {
        for (const Problem &problem : result.problems)
            err() << file << ": " << problem.toString() << "\n";
        err().flush();
        return 1;
    }
    const Project &project = *result.project;
    if (narratives)
        return exportNarratives(parser, project, out, format,
                                request.width > 0 ? request.width : 1600, from, to);
    TimelineLanes lanes;
    lanes.rebuild(project, nullptr, false);
    const auto range = defaultTimelineRange(project, lanes);
    request.from = from ? double(from->start()) : range ? range->first : 0.0;
    request.to = to ? double(to->end()) : range ? range->second : 86400.0;
    if (from && !to && range && range->second <= request.from)
        request.to = request.from + 7 * 86400.0;
    if (to && !from && range && range->first >= request.to)
        request.from = request.to - 7 * 86400.0;
    if (request.to <= request.from) {
        err() << "export: --to must be after --from\n" << Qt::flush;
        return 2;
    }
    const QImage image = renderTimelineImage(project, lanes, request,
                                             QFontDatabase::systemFont(QFontDatabase::GeneralFont));
    QImageWriter writer(out, "png");
    if (!writer.write(image)) {
        err() << "export: cannot write " << out << ": " << writer.errorString() << "\n"
              << Qt::flush;
        return 1;
    }
    spdlog::info("exported the timeline ({}x{} px)", image.width(), image.height());
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
        || name == QLatin1String("generate") || name == QLatin1String("export");
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
        return exportView(arguments);
    err() << "unknown command " << command << "\n" << Qt::flush;
    return 2;
}

} // namespace claimline
