// claimline-bench: how fast projects load and save, how much memory they take, how fast
// the timeline paints a frame, and how fast the table sorts and searches.
//
// Each size runs in its own process (peak RSS never goes down, so sizes must not share one):
// the parent re-runs itself with --single N and prints one table. The synthetic files are
// made once with the generator and cached in the work folder.
//
// The suites are in bench_io.cpp (load, save, autosave, editing), bench_timeline.cpp (frames and
// exports) and bench_table.cpp.

#include "bench.h"
#include "common/picture.h"
#include "document/document.h"
#include "document/filter.h"
#include "export/csvexport.h"
#include "export/timelinejsexport.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "model/generator.h"
#include "present/timelinelanes.h"
#include "search/searchindex.h"
#include "session/autosave.h"
#include "session/recoveryfile.h"
#include "session/safewrite.h"
#include "table/itemtablemodel.h"
#include "table/itemtableproxy.h"
#include "timeline/timelineexport.h"
#include "timeline/timelinerenderer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

#include <spdlog/spdlog.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <new>
#include <optional>
#include <vector>

// Counts heap allocations, to show that a timeline frame does not allocate per event.
void *operator new(std::size_t size)
{
    claimline::bench::g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

using namespace claimline;
using namespace claimline::bench;

namespace {

bool wantsGui(int argc, char **argv, const char *option)
{
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == option)
            return true;
    }
    return false;
}

} // namespace

namespace {

// One timed result of a child's line as JSON, the shape every suite shares:
// {"suite": "io", "events": 1000000, "case": "load", "median_ms": 3802.5, "runs": 5}.
struct JsonCase
{
    int field; // in the child's tab-separated line
    QString name;
    int runs = 0; // 0: the suite's --runs
};

void printJson(const char *suite, const QStringList &fields, const std::vector<JsonCase> &cases,
               int runs)
{
    for (const JsonCase &c : cases) {
        bool ok = false;
        const double ms = c.field < fields.size() ? fields[c.field].toDouble(&ok) : -1;
        if (!ok || ms < 0)
            continue; // not measured (QSortFilterProxyModel past --qsfpm-max)
        std::printf("{\"suite\": \"%s\", \"events\": %s, \"case\": \"%s\", \"median_ms\": %.1f, "
                    "\"runs\": %d}\n",
                    suite, qPrintable(fields[0]), qPrintable(c.name), ms,
                    c.runs > 0 ? c.runs : runs);
    }
}

void printFailure(const char *suite, const QString &size, bool json)
{
    if (json)
        std::printf("{\"suite\": \"%s\", \"events\": %s, \"failed\": true}\n", suite,
                    qPrintable(size.trimmed()));
    else
        std::printf("%10s failed\n", qPrintable(size));
}

} // namespace

// Runs this benchmark again with `arguments` (one size of one suite, in a process of its own
// so that its peak memory is its own) and returns what it printed, trimmed, or nothing when
// it failed.
std::optional<QString> runChild(const QStringList &arguments)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    child.waitForFinished(-1);
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed();
}

// runChild() for a suite whose child prints one tab-separated line: its fields, or nothing when
// the child failed or printed another number of them.
std::optional<QStringList> childFields(const QStringList &arguments, qsizetype count)
{
    const std::optional<QString> output = runChild(arguments);
    if (!output)
        return std::nullopt;
    QStringList fields = output->split(QLatin1Char('\t'));
    if (fields.size() != count)
        return std::nullopt;
    return fields;
}

int main(int argc, char **argv)
{
    // Timeline frames need fonts and a paint device: a GUI application on the offscreen
    // platform (no display needed). The load/save runs stay console-only.
    std::unique_ptr<QCoreApplication> application;
    if (wantsGui(argc, argv, "--single-table") || wantsGui(argc, argv, "--single-interaction")) {
        // A table view and the whole window need widgets.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qputenv("QT_FONT_DPI", "96");
        application = std::make_unique<QApplication>(argc, argv);
    } else if (wantsGui(argc, argv, "--single-timeline")
               || wantsGui(argc, argv, "--single-export")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qputenv("QT_FONT_DPI", "96");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    spdlog::set_level(spdlog::level::warn);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures loading and saving of synthetic projects (claimline generate) and the memory "
        "they take. Each size runs in its own process; times are medians of --runs runs.\n"
        "Examples:\n"
        "  claimline-bench                         10k, 100k and 1M events\n"
        "  claimline-bench --sizes 10000,100000    pick the sizes\n"
        "  claimline-bench --single 1000000        one size in this process\n"
        "  claimline-bench --suite timeline        only the timeline frame times\n"
        "  claimline-bench --suite table           only the table's sorting and search\n"
        "  claimline-bench --suite export          timeline PNG/SVG/PDF, CSV and TimelineJS "
        "export times\n"
        "  claimline-bench --suite autosave        only the autosave's cost on the GUI thread\n"
        "  claimline-bench --suite editing         adding and deleting items, undo and redo\n"
        "  claimline-bench --suite interaction     filtering, selecting, panning, zooming, "
        "deleting and opening with every view attached, to the first painted frame\n"
        "  claimline-bench --suite import          `claimline import` of a generated ACLED CSV "
        "against Python's csv module (default sizes 100000,1000000 rows, 3 runs)"));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("sizes"),
         QStringLiteral("Comma-separated event counts (default 10000,100000,1000000)."),
         QStringLiteral("LIST"), QStringLiteral("10000,100000,1000000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per measurement (default 5)."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Folder for the generated files (default: a folder in /tmp)."),
                      QStringLiteral("DIR"),
                      QDir::tempPath() + QStringLiteral("/claimline-bench")});
    parser.addOption({QStringLiteral("single"), QStringLiteral("Measure one size in this process."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("suite"),
                      QStringLiteral("Which tables: io, timeline, table, export, autosave, "
                                     "editing, interaction, import (default io, timeline, table, "
                                     "autosave)."),
                      QStringLiteral("LIST"), QStringLiteral("io,timeline,table,autosave")});
    parser.addOption({QStringLiteral("single-dom"),
                      QStringLiteral("Measure nlohmann's DOM load and dump of one size in this "
                                     "process."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("single-export"),
                      QStringLiteral("Measure the exports for one size in this process."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("single-editing"),
                      QStringLiteral("Measure structural edits for one size in this process."),
                      QStringLiteral("EVENTS")});
    parser.addOption({QStringLiteral("single-autosave"),
                      QStringLiteral("Measure the autosave for one size in this process."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("single-timeline"),
                      QStringLiteral("Measure timeline frames for one size in this process."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("single-interaction"),
                      QStringLiteral("Measure the interactions for one size in this process."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("case"),
                      QStringLiteral("Interaction suite: only these cases, comma-separated "
                                     "(filter-party, filter-text, select-all, select-none, "
                                     "frame-pan, frame-zoom, delete-event, delete-party, open)."),
                      QStringLiteral("NAMES")});
    parser.addOption({QStringLiteral("single-table"),
                      QStringLiteral("Measure the table for one size in this process."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("qsfpm-max"),
                      QStringLiteral("Largest size to measure QSortFilterProxyModel at, for "
                                     "comparison (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Every suite: one JSON object per line and result "
                                     "instead of the table ({\"suite\", \"events\", \"case\", "
                                     "\"median_ms\", \"runs\"}).")});
    parser.addOption({QStringLiteral("generate"),
                      QStringLiteral("Only write the synthetic file of N events (seed 1)."),
                      QStringLiteral("N")});
    parser.process(app);

    const QString dir = parser.value(QStringLiteral("dir"));
    QDir().mkpath(dir);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    if (parser.isSet(QStringLiteral("generate")))
        return generate(parser.value(QStringLiteral("generate")).toULongLong(), dir);
    if (parser.isSet(QStringLiteral("single")))
        return runSingle(parser.value(QStringLiteral("single")).toULongLong(), runs, dir);
    if (parser.isSet(QStringLiteral("single-dom")))
        return runDom(parser.value(QStringLiteral("single-dom")).toULongLong(), runs, dir);
    if (parser.isSet(QStringLiteral("single-timeline")))
        return runTimeline(parser.value(QStringLiteral("single-timeline")).toULongLong(), runs);
    if (parser.isSet(QStringLiteral("single-export")))
        return runExport(parser.value(QStringLiteral("single-export")).toULongLong(), runs, dir);
    if (parser.isSet(QStringLiteral("single-editing")))
        return runEditing(parser.value(QStringLiteral("single-editing")).toULongLong(), runs,
                          parser.value(QStringLiteral("dir")));
    if (parser.isSet(QStringLiteral("single-autosave")))
        return runAutosave(parser.value(QStringLiteral("single-autosave")).toULongLong(), runs,
                           dir);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("single-interaction")))
        return runInteraction(parser.value(QStringLiteral("single-interaction")).toULongLong(),
                              runs, dir, json, parser.value(QStringLiteral("case")));
    if (parser.isSet(QStringLiteral("single-table")))
        return runTable(parser.value(QStringLiteral("single-table")).toULongLong(), runs,
                        parser.value(QStringLiteral("qsfpm-max")).toULongLong());
    const QStringList suites = parser.value(QStringLiteral("suite")).split(QLatin1Char(','));
    const QStringList sizes = parser.value(QStringLiteral("sizes")).split(QLatin1Char(','));

    if (suites.contains(QStringLiteral("io"))) {
        if (!json)
            std::printf("%10s %9s %9s %9s %9s %9s %9s %9s %11s %9s %9s\n", "events", "file MiB",
                        "load ms", "nlohmann", "DOM ms", "DOM buf", "save ms", "DOM dump",
                        "RSS B/event", "RSS MiB", "peak MiB");
        for (const QString &size : sizes) {
            const QStringList arguments {QStringLiteral("--runs"), QString::number(runs),
                                         QStringLiteral("--dir"), dir};
            const std::optional<QStringList> line = childFields(
                QStringList {QStringLiteral("--single"), size.trimmed()} + arguments, 8);
            // nlohmann's DOM on the same file, in a process of its own.
            const std::optional<QStringList> dom = childFields(
                QStringList {QStringLiteral("--single-dom"), size.trimmed()} + arguments, 4);
            if (!line || !dom) {
                printFailure("io", size, json);
                continue;
            }
            const QStringList &fields = *line;
            if (json) {
                printJson("io", fields,
                          {{2, QStringLiteral("load")},
                           {3, QStringLiteral("save")},
                           {7, QStringLiteral("load-nlohmann-tokenizer"), std::max(1, runs - 1)}},
                          runs);
                printJson("io", *dom,
                          {{1, QStringLiteral("load-dom")},
                           {2, QStringLiteral("load-dom-buffer")},
                           {3, QStringLiteral("save-dom")}},
                          runs);
                continue;
            }
            std::printf("%10s %9s %9s %9s %9s %9s %9s %9s %11s %9s %9s\n", qPrintable(fields[0]),
                        qPrintable(fields[1]), qPrintable(fields[2]), qPrintable(fields[7]),
                        qPrintable((*dom)[1]), qPrintable((*dom)[2]), qPrintable(fields[3]),
                        qPrintable((*dom)[3]), qPrintable(fields[4]), qPrintable(fields[5]),
                        qPrintable(fields[6]));
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("timeline"))) {
        if (!json) {
            std::printf("\nTimeline frame (layout + paint, 1280x800 offscreen, 12 lanes, 4 years; "
                        "medians of %d frames, each after a pan or zoom step)\n",
                        std::max(runs, 15));
            std::printf("%10s %9s %10s %8s %12s %7s %9s %9s\n", "events", "zoom", "median ms",
                        "max ms", "allocs/frame", "marks", "in view", "index ms");
        }
        for (const QString &size : sizes) {
            const std::optional<QString> output
                = runChild({QStringLiteral("--single-timeline"), size.trimmed(),
                            QStringLiteral("--runs"), QString::number(runs)});
            const QStringList lines = output.value_or(QString()).split(QLatin1Char('\n'));
            for (const QString &line : lines) {
                const QStringList f = line.split(QLatin1Char('\t'));
                if (!output || f.size() != 8) {
                    printFailure("timeline", size, json);
                    break;
                }
                if (json) {
                    printJson("timeline", f,
                              {{2, QStringLiteral("frame-") + QString(f[1]).replace(u' ', u'-')}},
                              std::max(runs, 15));
                    continue;
                }
                std::printf("%10s %9s %10s %8s %12s %7s %9s %9s\n", qPrintable(f[0]),
                            qPrintable(f[1]), qPrintable(f[2]), qPrintable(f[3]), qPrintable(f[4]),
                            qPrintable(f[5]), qPrintable(f[6]), qPrintable(f[7]));
            }
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("table")) && !json) {
        std::printf(
            "\nTable (events mode; medians of %d runs): model + proxy, search index build and "
            "size, sort by date / title, search keystrokes (search + filter pass over every row, "
            "sorted by date; \"zzz\" typed fresh), \"t\" to \"zzz\" with a QTableView "
            "attached; QSortFilterProxyModel for comparison (one run, -1 = not run)\n",
            runs);
        std::printf("%10s %7s %8s %9s %8s %9s %6s %6s %6s %6s %6s %8s %9s %10s %8s\n", "events",
                    "model", "index ms", "index MiB", "date ms", "title ms", "t", "te", "ter",
                    "terr", "zzz", "w/ view", "QSFPM date", "QSFPM title", "QSFPM key");
    }
    if (suites.contains(QStringLiteral("table"))) {
        for (const QString &size : sizes) {
            const std::optional<QStringList> line = childFields(
                {QStringLiteral("--single-table"), size.trimmed(), QStringLiteral("--runs"),
                 QString::number(runs), QStringLiteral("--qsfpm-max"),
                 parser.value(QStringLiteral("qsfpm-max"))},
                15);
            if (!line) {
                printFailure("table", size, json);
                continue;
            }
            const QStringList &f = *line;
            if (json) {
                printJson("table", f,
                          {{1, QStringLiteral("model")},
                           {2, QStringLiteral("search-index")},
                           {4, QStringLiteral("sort-date")},
                           {5, QStringLiteral("sort-title")},
                           {6, QStringLiteral("search-t")},
                           {7, QStringLiteral("search-te")},
                           {8, QStringLiteral("search-ter")},
                           {9, QStringLiteral("search-terr")},
                           {10, QStringLiteral("search-zzz")},
                           {11, QStringLiteral("search-with-view")},
                           {12, QStringLiteral("qsfpm-sort-date"), 1},
                           {13, QStringLiteral("qsfpm-sort-title"), 1},
                           {14, QStringLiteral("qsfpm-keystroke"), 1}},
                          runs);
                continue;
            }
            std::printf("%10s %7s %8s %9s %8s %9s %6s %6s %6s %6s %6s %8s %9s %10s %8s\n",
                        qPrintable(f[0]), qPrintable(f[1]), qPrintable(f[2]), qPrintable(f[3]),
                        qPrintable(f[4]), qPrintable(f[5]), qPrintable(f[6]), qPrintable(f[7]),
                        qPrintable(f[8]), qPrintable(f[9]), qPrintable(f[10]), qPrintable(f[11]),
                        qPrintable(f[12]), qPrintable(f[13]), qPrintable(f[14]));
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("export"))) {
        if (!json) {
            std::printf("\nExports of the whole timeline (fit all, 1600 points wide, every lane; "
                        "layout included) and of the data; medians of %d runs\n",
                        runs);
            std::printf("%10s %17s %10s %12s\n", "events", "case", "median ms", "bytes");
        }
        for (const QString &size : sizes) {
            const std::optional<QString> output = runChild(
                {QStringLiteral("--single-export"), size.trimmed(), QStringLiteral("--runs"),
                 QString::number(runs), QStringLiteral("--dir"), dir});
            const QStringList lines = output.value_or(QString()).split(QLatin1Char('\n'));
            for (const QString &line : lines) {
                const QStringList f = line.split(QLatin1Char('\t'));
                if (f.size() != 4) {
                    printFailure("export", size, json);
                    break;
                }
                if (json) {
                    printJson("export", f, {{2, f[1]}}, runs);
                    continue;
                }
                std::printf("%10s %17s %10s %12s\n", qPrintable(f[0]), qPrintable(f[1]),
                            qPrintable(f[2]), qPrintable(f[3]));
            }
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("editing"))) {
        if (!json) {
            std::printf("\nStructural edits (medians of %d runs): add an event; delete one event "
                        "with the claims about it, its undo and redo; delete party 0 with "
                        "everything on its lane (once) and its undo\n",
                        runs);
            std::printf("%10s %8s %10s %8s %8s %10s %10s %12s %9s\n", "events", "add ms",
                        "delete ms", "undo ms", "redo ms", "party ms", "undo ms", "claims gone",
                        "peak MiB");
        }
        for (const QString &size : sizes) {
            const std::optional<QStringList> line = childFields(
                {QStringLiteral("--single-editing"), size.trimmed(), QStringLiteral("--runs"),
                 QString::number(runs), QStringLiteral("--dir"), dir},
                9);
            if (!line) {
                printFailure("editing", size, json);
                continue;
            }
            const QStringList &f = *line;
            if (json) {
                printJson("editing", f,
                          {{1, QStringLiteral("add-event")},
                           {2, QStringLiteral("delete-event")},
                           {3, QStringLiteral("delete-event-undo")},
                           {4, QStringLiteral("delete-event-redo")},
                           {5, QStringLiteral("delete-party"), 1},
                           {6, QStringLiteral("delete-party-undo"), 1}},
                          runs);
                continue;
            }
            std::printf("%10s %8s %10s %8s %8s %10s %10s %12s %9s\n", qPrintable(f[0]),
                        qPrintable(f[1]), qPrintable(f[2]), qPrintable(f[3]), qPrintable(f[4]),
                        qPrintable(f[5]), qPrintable(f[6]), qPrintable(f[7]), qPrintable(f[8]));
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("autosave")) && !json) {
        std::printf("\nAutosave (medians of %d runs): the GUI thread's pause per recovery copy "
                    "(copy into prepared memory + hand-off; median, and the first), a fresh clone, "
                    "copyTo() "
                    "into a reused target, and the "
                    "writer thread's time (what serialising on the GUI thread would cost)\n",
                    runs);
        std::printf("%10s %10s %9s %9s %9s %10s %9s\n", "events", "pause ms", "first ms",
                    "clone ms", "reuse ms", "write ms", "peak MiB");
    }
    if (suites.contains(QStringLiteral("autosave"))) {
        for (const QString &size : sizes) {
            const std::optional<QStringList> line = childFields(
                {QStringLiteral("--single-autosave"), size.trimmed(), QStringLiteral("--runs"),
                 QString::number(runs), QStringLiteral("--dir"), dir},
                7);
            if (!line) {
                printFailure("autosave", size, json);
                continue;
            }
            const QStringList &f = *line;
            if (json) {
                printJson("autosave", f,
                          {{1, QStringLiteral("pause")},
                           {2, QStringLiteral("first-pause"), 1},
                           {3, QStringLiteral("clone")},
                           {4, QStringLiteral("reuse")},
                           {5, QStringLiteral("write")}},
                          runs);
                continue;
            }
            std::printf("%10s %10s %9s %9s %9s %10s %9s\n", qPrintable(f[0]), qPrintable(f[1]),
                        qPrintable(f[2]), qPrintable(f[3]), qPrintable(f[4]), qPrintable(f[5]),
                        qPrintable(f[6]));
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("interaction"))) {
        if (!json)
            std::printf("\nInteractions with every view attached, from the action to the first "
                        "painted frame (1600x1000 window offscreen; medians)\n%10s %18s %10s "
                        "%5s\n",
                        "events", "case", "median ms", "runs");
        for (const QString &size : sizes) {
            QStringList arguments {QStringLiteral("--single-interaction"),
                                   size.trimmed(),
                                   QStringLiteral("--runs"),
                                   QString::number(runs),
                                   QStringLiteral("--dir"),
                                   dir};
            if (json)
                arguments << QStringLiteral("--json");
            if (parser.isSet(QStringLiteral("case")))
                arguments << QStringLiteral("--case") << parser.value(QStringLiteral("case"));
            const std::optional<QString> output = runChild(arguments);
            if (!output) {
                std::printf(json
                                ? "{\"suite\": \"interaction\", \"events\": %s, \"failed\": true}\n"
                                : "%10s failed\n",
                            qPrintable(size.trimmed()));
                continue;
            }
            for (const QString &line : output->split(QLatin1Char('\n'))) {
                const QStringList f = line.split(QLatin1Char('\t'));
                if (json || f.size() != 4)
                    std::printf("%s\n", qPrintable(line));
                else
                    std::printf("%10s %18s %10s %5s\n", qPrintable(f[0]), qPrintable(f[1]),
                                qPrintable(f[2]), qPrintable(f[3]));
            }
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("import"))) {
        // Rows, not events: the import's sizes are its own unless --sizes names them.
        const QStringList rows = parser.isSet(QStringLiteral("sizes"))
            ? sizes
            : QStringList {QStringLiteral("100000"), QStringLiteral("1000000")};
        const int importRuns = parser.isSet(QStringLiteral("runs")) ? runs : 3;
        return runImportSuite(rows, importRuns, dir, json);
    }
    return 0;
}
