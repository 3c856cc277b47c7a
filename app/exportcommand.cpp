#include "exportcommand.h"

#include "commandlineio.h"
#include "exportrequest.h"
#include "pictureexport.h"

#include "document/filter.h"
#include "export/csvexport.h"
#include "export/evidencemanifest.h"
#include "export/exportformats.h"
#include "export/narrativeshtml.h"
#include "export/positionsexport.h"
#include "export/positionstable.h"
#include "export/timelinejsexport.h"
#include "format/projectreader.h"
#include "model/partylookup.h"
#include "present/narrativestable.h"
#include "session/safewrite.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimeZone>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <variant>
#include <vector>

namespace claimline::cli {

namespace {

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

// The parties named by --a or --b: ids, names or short names, without regard to case
// (partylookup.h), separated by commas. A party whose own name has a comma in it is found by
// the whole value first. On a name that is no party or more than one, returns nullopt with
// the message in *error.
std::optional<std::vector<std::uint32_t>>
partiesFromOption(const Project &project, const QString &name, const QString &value, QString *error)
{
    if (value.contains(u',')) {
        if (const PartyLookup whole = lookUpParty(project, value); whole.ok())
            return std::vector<std::uint32_t> {whole.party};
    }
    std::vector<std::uint32_t> parties;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const PartyLookup lookup = lookUpParty(project, part);
        if (!lookup.ok()) {
            *error = QStringLiteral("export: --%1: %2").arg(name, lookup.error);
            return std::nullopt;
        }
        if (std::find(parties.begin(), parties.end(), lookup.party) == parties.end())
            parties.push_back(lookup.party);
    }
    if (parties.empty()) {
        *error = QStringLiteral("export: --%1 needs at least one party (parties: %2)")
                     .arg(name, partyListText(project));
        return std::nullopt;
    }
    return parties;
}

QTimeZone displayZone(const Project &project)
{
    const std::string_view zoneId = project.view(project.meta().displayTimeZone);
    const QTimeZone zone = zoneId.empty()
        ? QTimeZone::utc()
        : QTimeZone(QByteArray(zoneId.data(), qsizetype(zoneId.size())));
    return zone.isValid() ? zone : QTimeZone::utc();
}

int fail(const QString &message, int code)
{
    err() << "export: " << message << "\n" << Qt::flush;
    return code;
}

int writeOrFail(const QString &error)
{
    if (error.isEmpty())
        return 0;
    return fail(error, 1);
}

// `export --view narratives`: the matrix, or A against B with --a and --b.
int exportNarratives(const QCommandLineParser &parser, const Project &project,
                     const ExportRequest &request)
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
    if (request.from || request.to)
        filter.setDateRange(request.from ? std::optional(request.from->start()) : std::nullopt,
                            request.to ? std::optional(request.to->end()) : std::nullopt);
    NarrativesTable table;
    table.build(project, &filter, spec);
    const QTimeZone zone = displayZone(project);
    if (request.format == ExportFormat::Html) {
        const QByteArray html
            = narrativesHtml(project, table, zone, {}, request.withNotes).toUtf8();
        const QString error = safeWrite(
            request.out,
            [&](QIODevice &device, QString *message) {
                if (device.write(html) == html.size())
                    return true;
                *message = device.errorString();
                return false;
            },
            SafeWriteOptions {false});
        if (const int code = writeOrFail(error))
            return code;
    } else {
        QString error;
        if (const int code = exportNarrativesPicture(project, table, zone, request, &error))
            return fail(error, code);
    }
    spdlog::info("exported the narratives ({} rows, {})", table.rowCount(),
                 exportFormatName(request.format).toStdString());
    return 0;
}

// `export` of the project's data: CSV (a folder) or TimelineJS JSON. --from/--to keep the
// items whose time overlaps the range; otherwise everything is written.
int exportData(const QCommandLineParser &parser, const Project &project,
               const ExportRequest &request)
{
    Filter filter;
    if (request.from || request.to)
        filter.setDateRange(request.from ? std::optional(request.from->start()) : std::nullopt,
                            request.to ? std::optional(request.to->end()) : std::nullopt);
    QString error;
    if (request.format == ExportFormat::EvidenceCsv
        || request.format == ExportFormat::EvidenceJson) {
        CsvExportOptions options;
        options.byteOrderMark = !parser.isSet(QStringLiteral("no-bom"));
        error = exportEvidenceManifest(project, request.out,
                                       request.format == ExportFormat::EvidenceCsv
                                           ? EvidenceManifestFormat::Csv
                                           : EvidenceManifestFormat::Json,
                                       options);
    } else if (request.format == ExportFormat::Csv) {
        CsvExportOptions options;
        options.byteOrderMark = !parser.isSet(QStringLiteral("no-bom"));
        options.withNotes = request.withNotes;
        error = exportCsv(project, request.out, &filter, options);
    } else {
        TimelineJsOptions options;
        options.includeClaims = parser.isSet(QStringLiteral("claims"));
        options.withNotes = request.withNotes;
        options.zone = displayZone(project);
        error = exportTimelineJs(project, request.out, &filter, options);
    }
    if (const int code = writeOrFail(error))
        return code;
    spdlog::info("exported the project's data ({})",
                 exportFormatName(request.format).toStdString());
    return 0;
}

// `export --view positions`: the questions and parties that have a position, as one table:
// a CSV file, an HTML page or a picture.
int exportPositions(const QCommandLineParser &parser, const Project &project,
                    const ExportRequest &request)
{
    PositionsTable table;
    table.buildForExport(project, nullptr);
    QString error;
    CsvExportOptions options;
    options.byteOrderMark = !parser.isSet(QStringLiteral("no-bom"));
    const int code = request.format == ExportFormat::Csv || request.format == ExportFormat::Html
        ? writeOrFail(exportPositionsData(project, table, request.format, request.out, options))
        : exportPositionsPicture(project, table, request, &error);
    if (code == 0)
        spdlog::info("exported the positions ({} filled cells, {})", table.filledCount(),
                     exportFormatName(request.format).toStdString());
    return code == 0 || error.isEmpty() ? code : fail(error, code);
}

// The picture paths (pictureexport.h) report their failure here, so that every message of
// the command is printed the same way.
int exportPicture(const Project &project, const ExportRequest &request)
{
    QString error;
    const int code = request.view == ExportView::Chart
        ? exportChartPicture(project, displayZone(project), request, &error)
        : exportTimelinePicture(project, displayZone(project), request, &error);
    return code == 0 ? 0 : fail(error, code);
}

const char ExportUsage[]
    = "export: usage: claimline export [--view timeline|narratives|positions|chart:NAME]\n"
      "         [--format png|svg|pdf|html|csv|timelinejs|evidence-csv|evidence-json]\n"
      "         [--from DATE --to DATE]\n"
      "         [--size WxH] [--dpi DPI] [--paged] [--a PARTY --b PARTY] [--claims]\n"
      "         [--no-bom] [--with-notes] --out PATH PROJECT\n";

// Reads and checks every option; on a usage error returns the exit code.
std::variant<ExportRequest, int> exportRequest(const QCommandLineParser &parser)
{
    ExportRequest request;
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.size() != 1 || !parser.isSet(QStringLiteral("out"))) {
        err() << ExportUsage << Qt::flush;
        return 2;
    }
    request.out = parser.value(QStringLiteral("out"));
    const QString view = parser.value(QStringLiteral("view"));
    if (view == QLatin1String("timeline")) {
        request.view = ExportView::Timeline;
    } else if (view == QLatin1String("narratives")) {
        request.view = ExportView::Narratives;
    } else if (view == QLatin1String("positions")) {
        request.view = ExportView::Positions;
    } else if (view.startsWith(QLatin1String("chart:"))) {
        request.view = ExportView::Chart;
        request.chart = view.mid(6);
        if (!chartNames().contains(request.chart))
            return fail(QStringLiteral("unknown chart \"%1\" (charts: %2)")
                            .arg(request.chart, chartNames().join(QStringLiteral(", "))),
                        2);
    } else {
        return fail(QStringLiteral("unknown view \"%1\" (available: timeline, narratives, "
                                   "positions, chart:NAME with NAME one of %2)")
                        .arg(view, chartNames().join(QStringLiteral(", "))),
                    2);
    }
    const QString viewText = request.view == ExportView::Chart
        ? QStringLiteral("chart:") + request.chart
        : exportViewName(request.view);
    std::optional<ExportFormat> format;
    if (parser.isSet(QStringLiteral("format"))) {
        format = exportFormatFromName(parser.value(QStringLiteral("format")));
        if (!format)
            return fail(QStringLiteral("unknown format \"%1\" (formats: png, svg, pdf, html, "
                                       "csv, timelinejs, evidence-csv, evidence-json)")
                            .arg(parser.value(QStringLiteral("format"))),
                        2);
    } else {
        format = exportFormatFromPath(request.out);
        if (!format)
            return fail(QStringLiteral("cannot tell the format from \"%1\": the %2 view exports "
                                       "to %3; name the file by its format (.png, .svg, .pdf, "
                                       ".html, .json; a folder ending in / for csv) or pass "
                                       "--format")
                            .arg(request.out, viewText, exportFormatsText(request.view)),
                        2);
    }
    request.format = *format;
    if (!isExportAllowed(request.view, request.format))
        return fail(
            QStringLiteral("the %1 view exports to %2, not %3")
                .arg(viewText, exportFormatsText(request.view), exportFormatName(request.format)),
            2);

    // The positions are one table, one CSV file: a folder is the data export's.
    if (request.view == ExportView::Positions && request.format == ExportFormat::Csv
        && (request.out.endsWith(QLatin1Char('/')) || QFileInfo(request.out).isDir()))
        return fail(QStringLiteral("the positions are one CSV file, not a folder: name the file, "
                                   "e.g. --out positions.csv"),
                    2);
    const bool hasA = parser.isSet(QStringLiteral("a"));
    const bool hasB = parser.isSet(QStringLiteral("b"));
    if ((hasA || hasB) && request.view != ExportView::Narratives)
        return fail(QStringLiteral("--a and --b apply to --view narratives only"), 2);
    if (hasA != hasB)
        return fail(QStringLiteral("side by side needs both --a and --b (parties by id or "
                                   "name, e.g. --a Russia --b ukraine); without either the "
                                   "matrix is exported"),
                    2);
    // Options that belong to one format are refused elsewhere rather than silently ignored.
    const std::pair<const char *, ExportFormat> formatOptions[]
        = {{"claims", ExportFormat::TimelineJs},
           {"no-bom", ExportFormat::Csv},
           {"paged", ExportFormat::Pdf},
           {"dpi", ExportFormat::Png}};
    for (const auto &[name, only] : formatOptions) {
        // The evidence manifest's CSV follows the data CSV's rules, its byte order mark too.
        const bool csvToo
            = only == ExportFormat::Csv && request.format == ExportFormat::EvidenceCsv;
        if (parser.isSet(QString::fromLatin1(name)) && request.format != only && !csvToo)
            return fail(QStringLiteral("--%1 applies to %2 only")
                            .arg(QString::fromLatin1(name), exportFormatName(only)),
                        2);
    }
    request.pdfPaged = parser.isSet(QStringLiteral("paged"));
    if (parser.isSet(QStringLiteral("dpi"))) {
        bool ok = false;
        const double dpi = parser.value(QStringLiteral("dpi")).toDouble(&ok);
        if (!ok || dpi < 48 || dpi > 1200)
            return fail(QStringLiteral("--dpi must be a number from 48 to 1200 (96 = one pixel "
                                       "per point, 192 = the default)"),
                        2);
        request.pixelRatio = dpi / 96.0;
    }
    if (parser.isSet(QStringLiteral("size"))) {
        static const QRegularExpression sizeFormat(QStringLiteral("^(\\d{2,5})x(\\d{1,5})$"));
        const QRegularExpressionMatch match
            = sizeFormat.match(parser.value(QStringLiteral("size")));
        const int w = match.hasMatch() ? match.captured(1).toInt() : 0;
        const int h = match.hasMatch() ? match.captured(2).toInt() : -1;
        // A height of 0 means "as tall as the content needs".
        if (w < 200 || (h != 0 && h < 100) || w > 10000 || h > 10000)
            return fail(QStringLiteral("--size must be WxH between 200x100 and 10000x10000, "
                                       "e.g. 1280x800 (a height of 0: as tall as needed)"),
                        2);
        request.width = w;
        request.height = h;
    }
    for (const auto &[name, target] : {std::pair {QStringLiteral("from"), &request.from},
                                       std::pair {QStringLiteral("to"), &request.to}}) {
        if (!parser.isSet(name))
            continue;
        *target = parseDate(parser.value(name));
        if (!*target)
            return fail(QStringLiteral("--%1 \"%2\" is not a date: use YYYY-MM-DD or "
                                       "YYYY-MM-DDTHH:MM:SSZ")
                            .arg(name, parser.value(name)),
                        2);
    }
    if (request.from && request.to && request.to->end() <= request.from->start())
        return fail(QStringLiteral("--to must be after --from"), 2);
    if ((request.from || request.to) && request.view == ExportView::Positions)
        return fail(QStringLiteral("--from and --to do not apply to --view positions (a "
                                   "position has no date)"),
                    2);
    // Notes go only where they can be marked as internal (canCarryNotes()).
    request.withNotes = parser.isSet(QStringLiteral("with-notes"));
    if (request.withNotes && !canCarryNotes(request.view, request.format))
        return fail(QStringLiteral("--with-notes applies to the timeline's csv and timelinejs "
                                   "and the narratives' html only (pictures, the positions "
                                   "table and the evidence manifest never carry notes)"),
                    2);
    if ((request.from || request.to)
        && (request.format == ExportFormat::EvidenceCsv
            || request.format == ExportFormat::EvidenceJson))
        return fail(QStringLiteral("--from and --to do not apply to the evidence manifest (it "
                                   "lists every pinned file)"),
                    2);
    return request;
}

} // namespace

int exportView(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export a view of a project, or its data, without a display.\n"
        "Views and formats: timeline (png, svg, pdf; csv and timelinejs for the data; "
        "evidence-csv and evidence-json for the manifest of every file pinned to a source), "
        "narratives (png, svg, pdf, html), positions (png, svg, pdf, html, csv: the table "
        "of each party's position on each question), chart:NAME (png, svg, pdf; NAME is one of "
        "claims-per-day, stance-matrix, response-lag, status-by-party, event-tempo).\n"
        "The format comes from the extension of --out (.png .svg .pdf .html .json .csv; the "
        "timeline's csv: a folder) unless --format says otherwise. Pictures hold the whole "
        "requested range "
        "(default: the project's first saved view, else everything) in a light publication "
        "theme; PNGs at twice the pixel density. The timeline's CSV writes events.csv, "
        "claims.csv and relations.csv into the folder --out, the positions' CSV the one file "
        "--out; TimelineJS writes one JSON file. Data exports "
        "hold every item, or those whose time overlaps --from/--to. Internal notes and "
        "annotations are never exported unless --with-notes asks for them."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("The sub-command."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addOption({QStringLiteral("view"),
                      QStringLiteral("timeline (default), narratives, positions or chart:NAME."),
                      QStringLiteral("VIEW"), QStringLiteral("timeline")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("png, svg, pdf, html, csv, timelinejs, evidence-csv or "
                                     "evidence-json (default: from the extension of --out)."),
                      QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("a"),
                      QStringLiteral("Narratives: narrative A, parties (id, name or short name, "
                                     "any case) separated by commas "
                                     "(with --b: side by side; without: the matrix)."),
                      QStringLiteral("PARTY[,PARTY]")});
    parser.addOption({QStringLiteral("b"),
                      QStringLiteral("Narratives: narrative B, parties separated by commas."),
                      QStringLiteral("PARTY[,PARTY]")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("The file to write (for the timeline's csv: the folder)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("Start: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("End (inclusive): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("size"),
                      QStringLiteral("Size in points (1/96 inch), WxH; H = 0: as tall as "
                                     "needed (default: 1600 wide and as tall as needed; charts "
                                     "1200x750)."),
                      QStringLiteral("WxH")});
    parser.addOption({QStringLiteral("dpi"),
                      QStringLiteral("PNG: pixels per inch (default 192: two pixels a point)."),
                      QStringLiteral("DPI")});
    parser.addOption({QStringLiteral("paged"),
                      QStringLiteral("PDF: A4 pages (the picture cut to fit) instead of one "
                                     "page the picture's size.")});
    parser.addOption({QStringLiteral("claims"),
                      QStringLiteral("TimelineJS: one slide per claim too, at the time it was "
                                     "made.")});
    parser.addOption({QStringLiteral("with-notes"),
                      QStringLiteral("CSV, TimelineJS and the narratives' HTML: add the "
                                     "internal notes and the annotations (and in CSV the stars "
                                     "and the claims' tags), marked as internal.")});
    parser.addOption({QStringLiteral("no-bom"),
                      QStringLiteral("CSV: no UTF-8 byte order mark (Excel needs it to read "
                                     "UTF-8; some tools do not want it).")});
    int code = 0;
    if (!parseOrExit(parser, arguments, &code))
        return code;
    const auto checked = exportRequest(parser);
    if (const int *usage = std::get_if<int>(&checked))
        return *usage;
    const ExportRequest &request = std::get<ExportRequest>(checked);

    const QString &file = parser.positionalArguments().at(1);
    const LoadResult result = loadProject(file);
    if (!result.ok()) {
        for (const Problem &problem : result.problems)
            err() << file << ": " << problem.toString() << "\n";
        err().flush();
        return 1;
    }
    const Project &project = *result.project;
    switch (request.view) {
    case ExportView::Narratives:
        return exportNarratives(parser, project, request);
    case ExportView::Chart:
        return exportPicture(project, request);
    case ExportView::Positions:
        return exportPositions(parser, project, request);
    case ExportView::Timeline:
        break;
    }
    if (request.format == ExportFormat::Csv || request.format == ExportFormat::TimelineJs
        || request.format == ExportFormat::EvidenceCsv
        || request.format == ExportFormat::EvidenceJson)
        return exportData(parser, project, request);
    return exportPicture(project, request);
}

} // namespace claimline::cli
