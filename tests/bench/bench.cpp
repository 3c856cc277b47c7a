// claimline-bench: how fast projects load and save, how much memory they take, how fast
// the timeline paints a frame, and how fast the table sorts and searches.
//
// Each size runs in its own process (peak RSS never goes down, so sizes must not share one):
// the parent re-runs itself with --single N and prints one table. The synthetic files are
// made once with the generator and cached in the work folder.

#include "autosave.h"
#include "csvexport.h"
#include "document.h"
#include "export/picture.h"
#include "filter.h"
#include "generator.h"
#include "projectreader.h"
#include "projectwriter.h"
#include "recoveryfile.h"
#include "safewrite.h"
#include "searchindex.h"
#include "table/itemtablemodel.h"
#include "table/itemtableproxy.h"
#include "timeline/timelineexport.h"
#include "timeline/timelinelanes.h"
#include "timeline/timelinerenderer.h"
#include "timelinejsexport.h"

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
namespace {
std::atomic<std::uint64_t> g_allocations {0};
}

void *operator new(std::size_t size)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
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

namespace {

double residentMiB()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double peakMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QString fileFor(const QString &dir, qulonglong events)
{
    return dir + QStringLiteral("/bench-%1.claimline").arg(events);
}

int generate(qulonglong events, const QString &dir)
{
    const Project generated = generateProject(events, 1);
    const QString error = saveProject(generated, fileFor(dir, events));
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

// Measures one size; prints one tab-separated line of results on stdout.
int runSingle(qulonglong events, int runs, const QString &dir)
{
    const QString path = fileFor(dir, events);
    if (!QFileInfo::exists(path)) {
        // Generate in a process of its own: memory freed after generating stays in this
        // process's allocator and would skew the resident-memory figures below.
        std::fprintf(stderr, "generating %llu events...\n", events);
        const int code = QProcess::execute(
            QCoreApplication::applicationFilePath(),
            {QStringLiteral("--generate"), QString::number(events), QStringLiteral("--dir"), dir});
        if (code != 0 || !QFileInfo::exists(path))
            return 1;
    }
    const double fileMiB = double(QFileInfo(path).size()) / (1024.0 * 1024.0);

    // The first load measures memory: resident set before and after, with the project alive.
    const double before = residentMiB();
    std::vector<double> loadMs;
    QElapsedTimer timer;
    timer.start();
    LoadResult first = loadProject(path);
    loadMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    if (!first.ok()) {
        std::fprintf(stderr, "load failed: %s\n", first.problems.front().toStdString().c_str());
        return 1;
    }
    const double after = residentMiB();
    const double bytesPerEvent = (after - before) * 1024.0 * 1024.0 / double(events);

    std::vector<double> saveMs;
    const QString savePath = dir + QStringLiteral("/bench-save-%1.claimline").arg(events);
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        const QString error = saveProject(*first.project, savePath);
        saveMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    first = {};
    for (int i = 1; i < runs; ++i) {
        timer.restart();
        const LoadResult again = loadProject(path);
        loadMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    QFile::remove(savePath);
    QFile::remove(backupPathFor(savePath));
    std::printf("%llu\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\t%.0f\n", events, fileMiB, median(loadMs),
                median(saveMs), bytesPerEvent, after - before, peakMiB());
    return 0;
}

// The autosave: what the GUI thread pays for a recovery copy (Autosave::autosaveNow(), which
// takes Project::clone() and hands it to the writer thread), the clone alone, a copyTo()
// into a reused target (no new pages), and for comparison what serialising on the GUI thread
// would cost (the writer's time, which now runs on the worker). Prints one tab-separated line.
int runAutosave(qulonglong events, int runs, const QString &dir)
{
    const QString path = fileFor(dir, events);
    if (!QFileInfo::exists(path)) {
        const int code = QProcess::execute(
            QCoreApplication::applicationFilePath(),
            {QStringLiteral("--generate"), QString::number(events), QStringLiteral("--dir"), dir});
        if (code != 0 || !QFileInfo::exists(path))
            return 1;
    }
    QTemporaryDir recovery;
    qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(recovery.path()));
    Document document;
    if (!document.load(path).empty())
        return 1;
    Autosave autosave(&document);
    autosave.setInterval(0);

    std::vector<double> pauseMs, cloneMs, reuseMs, writeMs;
    double firstPauseMs = 0;
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        // An edit, then the tick: the GUI thread's whole part of one autosave.
        document.setEventTitle(std::uint32_t(i) % document.project().events().size(),
                               QStringLiteral("edited %1").arg(i));
        // The first tick only starts the preparation of the copy's memory on the worker; the
        // copy itself happens when that is done, so the pause is what Autosave measured.
        autosave.autosaveNow();
        timer.restart();
        autosave.waitForWrite();
        writeMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        pauseMs.push_back(double(autosave.lastSnapshotNs()) / 1e6);
        if (i == 0)
            firstPauseMs = pauseMs.back();
    }
    Project target;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        Project copy = document.project().clone();
        cloneMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        document.project().copyTo(target);
        reuseMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    autosave.discard();
    std::printf("%llu\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\n", events, median(pauseMs), firstPauseMs,
                median(cloneMs), median(reuseMs), median(writeMs), peakMiB());
    return 0;
}

// Structural edits (deletion.h): adding an event, deleting one event with the claims about
// it (cascade), deleting a party with everything on its lane, and their undo and redo. Every
// removal shifts the arrays after it and rewrites references past it, so these are O(items).
// Prints one tab-separated line.
int runEditing(qulonglong events, int runs, const QString &dir)
{
    const QString path = fileFor(dir, events);
    if (!QFileInfo::exists(path)) {
        const int code = QProcess::execute(
            QCoreApplication::applicationFilePath(),
            {QStringLiteral("--generate"), QString::number(events), QStringLiteral("--dir"), dir});
        if (code != 0 || !QFileInfo::exists(path))
            return 1;
    }
    Document document;
    if (!document.load(path).empty())
        return 1;
    QUndoStack *stack = document.undoStack();
    QElapsedTimer timer;
    const auto time = [&timer](auto &&step) {
        timer.restart();
        step();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    std::vector<double> addMs, deleteMs, undoMs, redoMs;
    for (int i = 0; i < runs; ++i) {
        Project &project = document.mutableProject();
        Event event = project.events()[0];
        event.id = project.addText(document.uniqueId(ItemKind::Event, QStringLiteral("bench")));
        addMs.push_back(time([&] { document.addEvent(event); }));
        stack->undo();
        const auto middle = std::uint32_t(project.events().size() / 2 + std::size_t(i));
        deleteMs.push_back(time([&] {
            document.deleteItems({{ItemKind::Event, middle}}, DeleteMode::Cascade);
        }));
        undoMs.push_back(time([&] { stack->undo(); }));
        redoMs.push_back(time([&] { stack->redo(); }));
        stack->undo();
    }
    // One party with everything on its lane: once, it is the heaviest case.
    std::size_t claimsBefore = document.project().claims().size();
    const double partyMs = time([&] {
        document.deleteItems({{ItemKind::Party, 0}}, DeleteMode::Cascade);
    });
    const std::size_t claimsGone = claimsBefore - document.project().claims().size();
    const double partyUndoMs = time([&] { stack->undo(); });
    std::printf("%llu\t%.2f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%zu\t%.0f\n", events, median(addMs),
                median(deleteMs), median(undoMs), median(redoMs), partyMs, partyUndoMs, claimsGone,
                peakMiB());
    return 0;
}

// One timeline frame (layout + paint) into a 1280x800 image, as the view does on every zoom,
// pan or resize: nothing is cached between frames but the renderer's reusable buffers.
struct FrameStats
{
    double medianMs = 0;
    double maxMs = 0;
    double allocationsPerFrame = 0;
    std::size_t marks = 0;
    std::size_t inView = 0;
};

FrameStats measureFrames(const Project &project, const TimelineLanes &lanes, double from, double to,
                         int runs)
{
    const QSize size(1280, 800);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    TimelineRenderer renderer;
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    renderer.setMetrics(TimelineRenderer::metricsFor(font, project));
    std::vector<std::size_t> order(lanes.lanes().size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    TimelineRenderer::Input in;
    in.project = &project;
    in.lanes = &lanes;
    in.order = order;
    in.palette = QGuiApplication::palette();
    in.font = font;
    in.size = QSizeF(size);
    in.scale.setWidth(size.width() - renderer.metrics().labelWidth);
    in.scale.setRange(from, to);
    std::vector<double> times;
    std::uint64_t allocations = 0;
    FrameStats stats;
    QElapsedTimer timer;
    for (int i = 0; i < runs + 1; ++i) {
        // Each frame follows a pan of a few pixels, or a zoom step: no frame repeats the last.
        if (i % 2)
            in.scale.panBy(3);
        else
            in.scale.zoomAt(in.scale.width() / 2, i % 4 ? 1.02 : 1 / 1.02);
        const std::uint64_t before = g_allocations.load();
        timer.start();
        renderer.layout(in);
        QPainter painter(&image);
        renderer.paint(painter, in);
        painter.end();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (i == 0)
            continue; // warm-up: glyph caches, buffers
        times.push_back(ms);
        allocations += g_allocations.load() - before;
        stats.marks = renderer.frame().marks.size();
        stats.inView = renderer.frame().itemsInView;
    }
    stats.medianMs = median(times);
    stats.maxMs = *std::max_element(times.begin(), times.end());
    stats.allocationsPerFrame = double(allocations) / double(runs);
    return stats;
}

int runTimeline(qulonglong events, int runs)
{
    QElapsedTimer timer;
    const Project project = generateProject(events, 1);
    (void)project.eventTimeIndex(); // built once at load, not per rebuild of the lanes
    (void)project.claimTimeIndex();
    // The lane index is rebuilt when the filter or the document changes: time that.
    TimelineLanes lanes;
    std::vector<double> buildTimes;
    for (int i = 0; i < 3; ++i) {
        timer.start();
        lanes.rebuild(project, nullptr, false);
        buildTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const double buildMs = median(buildTimes);
    std::int64_t first = 0;
    std::int64_t last = 0;
    lanes.extent(&first, &last);
    const double middle = double(first + last) / 2;
    struct Zoom
    {
        const char *name;
        double from, to;
    };
    const Zoom zooms[] = {{"fit all", double(first), double(last)},
                          {"one day", middle, middle + 86400},
                          {"one hour", middle + 12 * 3600, middle + 13 * 3600}};
    for (const Zoom &zoom : zooms) {
        const FrameStats s = measureFrames(project, lanes, zoom.from, zoom.to, std::max(runs, 15));
        std::printf("%llu\t%s\t%.2f\t%.2f\t%.0f\t%zu\t%zu\t%.0f\n", events, zoom.name, s.medianMs,
                    s.maxMs, s.allocationsPerFrame, s.marks, s.inView, buildMs);
    }
    return 0;
}

// --- exports --------------------------------------------------------------------------------

// The whole timeline (fit all, every lane, 1600 points wide) written as PNG, SVG and PDF
// through writePicture(), and the project's data as CSV and TimelineJS: what `claimline
// export` does after loading. One line per format: events, format, median ms, bytes.
int runExport(qulonglong events, int runs, const QString &dir)
{
    const Project project = generateProject(events, 1);
    TimelineLanes lanes;
    lanes.rebuild(project, nullptr, false);
    const auto range = defaultTimelineRange(project, lanes);
    TimelineImageRequest request;
    request.from = range ? range->first : 0.0;
    request.to = range ? range->second : 86400.0;
    const QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    const QString stem = dir + QStringLiteral("/export-") + QString::number(events);
    const auto measure
        = [&](const char *name, const QString &path, const std::function<QString()> &write) {
              std::vector<double> times;
              for (int i = 0; i < runs; ++i) {
                  QElapsedTimer timer;
                  timer.start();
                  const QString error = write();
                  times.push_back(double(timer.nsecsElapsed()) / 1e6);
                  if (!error.isEmpty()) {
                      std::fprintf(stderr, "%s\n", qPrintable(error));
                      return false;
                  }
              }
              qint64 bytes = 0;
              const QFileInfo info(path);
              if (info.isDir()) {
                  for (const QFileInfo &file : QDir(path).entryInfoList(QDir::Files))
                      bytes += file.size();
              } else {
                  bytes = info.size();
              }
              std::printf("%llu\t%s\t%.1f\t%lld\n", events, name, median(times), (long long)bytes);
              std::fflush(stdout);
              return true;
          };
    // Layout is part of every export: the picture is made afresh each run.
    for (const auto &[name, format] :
         {std::pair {"png", PictureFormat::Png}, std::pair {"svg", PictureFormat::Svg},
          std::pair {"pdf", PictureFormat::Pdf}}) {
        const QString path = stem + QLatin1Char('.') + QLatin1String(name);
        if (!measure(name, path, [&, format = format] {
                return writePicture(timelinePicture(project, lanes, request, font), path, format);
            }))
            return 1;
    }
    const QString folder = stem + QStringLiteral("-csv");
    if (!measure("csv", folder, [&] { return exportCsv(project, folder); }))
        return 1;
    const QString json = stem + QStringLiteral(".json");
    if (!measure("timelinejs", json, [&] { return exportTimelineJs(project, json); }))
        return 1;
    return 0;
}

// --- the table ------------------------------------------------------------------------------

// QSortFilterProxyModel driven the way the brief for the table asked first, for comparison:
// lessThan() compares raw values by source row (no QVariant), filterAcceptsRow() asks the
// Filter. ItemTableProxy replaced it; this shows why.
class QsfpmProxy final : public QSortFilterProxyModel
{
public:
    QsfpmProxy(ItemTableModel *model, const Filter *filter)
        : m_model(model)
        , m_filter(filter)
    {
        setSourceModel(model);
    }
    void refilter() { invalidateFilter(); }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return m_model->compare(left.column(), left.row(), right.row()) < 0;
    }
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        return m_filter->acceptsEvent(m_model->project(), std::uint32_t(row));
    }

private:
    ItemTableModel *m_model;
    const Filter *m_filter;
};

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

int runTable(qulonglong events, int runs, qulonglong qsfpmLimit)
{
    Document document;
    document.setProject(generateProject(events, 1));
    const Project &project = document.project();
    (void)project.relationsAnswering(0); // derived indexes, built once at load
    QElapsedTimer timer;

    // The search index: built by the first query, dropped by an edit.
    timer.start();
    const SearchIndex index(project);
    const double indexMs = msSince(timer);
    const double indexMiB = double(index.memoryUsage()) / (1024.0 * 1024.0);
    (void)project.searchIndex();

    timer.restart();
    ItemTableModel model(&document);
    Filter filter;
    ItemTableProxy proxy(&filter);
    proxy.setSourceModel(&model);
    const double buildMs = msSince(timer);

    std::vector<double> dateMs;
    std::vector<double> titleMs;
    for (int i = 0; i < runs; ++i) {
        proxy.sort(-1);
        timer.restart();
        proxy.sort(ItemTableModel::EventDate, Qt::AscendingOrder);
        dateMs.push_back(msSince(timer));
        proxy.sort(-1);
        timer.restart();
        proxy.sort(ItemTableModel::EventTitle, Qt::AscendingOrder);
        titleMs.push_back(msSince(timer));
    }

    // Keystrokes, each timed from the new query to the rows being ready: the search and the
    // pass over every row. Every run starts from a fresh Filter (nothing remembered), sorted
    // by date, with and without a table view on the proxy.
    const std::vector<QString> keys {QStringLiteral("t"), QStringLiteral("te"),
                                     QStringLiteral("ter"), QStringLiteral("terr"),
                                     QStringLiteral("zzz")};
    std::vector<std::vector<double>> keyMs(keys.size());
    std::vector<double> withViewMs;
    for (int i = 0; i < runs; ++i) {
        for (const bool withView : {false, true}) {
            Filter fresh;
            ItemTableProxy rows(&fresh);
            rows.setSourceModel(&model);
            rows.sort(ItemTableModel::EventDate);
            std::unique_ptr<QTableView> view;
            if (withView) {
                view = std::make_unique<QTableView>();
                view->resize(1280, 800);
                view->setModel(&rows);
            }
            for (std::size_t k = 0; k < keys.size(); ++k) {
                if (keys[k] == QStringLiteral("zzz")) { // a fresh query, not typed on
                    fresh.setTextQuery({});
                    rows.invalidateFilter();
                }
                fresh.setTextQuery(keys[k]);
                timer.restart();
                rows.invalidateFilter();
                (withView ? withViewMs : keyMs[k]).push_back(msSince(timer));
            }
        }
    }

    // QSortFilterProxyModel, once per measurement: at a million rows it takes too long to
    // repeat (and is not run past --qsfpm-max).
    double qDateMs = -1;
    double qTitleMs = -1;
    double qKeyMs = -1;
    if (events <= qsfpmLimit) {
        Filter qFilter;
        QsfpmProxy q(&model, &qFilter);
        timer.restart();
        q.sort(ItemTableModel::EventDate);
        qDateMs = msSince(timer);
        timer.restart();
        q.sort(ItemTableModel::EventTitle);
        qTitleMs = msSince(timer);
        q.sort(ItemTableModel::EventDate);
        std::vector<double> qKeys;
        for (const QString &key : keys) {
            qFilter.setTextQuery(key);
            timer.restart();
            q.refilter();
            qKeys.push_back(msSince(timer));
        }
        qKeyMs = median(qKeys);
    }
    std::printf("%llu\t%.1f\t%.1f\t%.2f\t%.1f\t%.1f", events, buildMs, indexMs, indexMiB,
                median(dateMs), median(titleMs));
    for (const std::vector<double> &ms : keyMs)
        std::printf("\t%.1f", median(ms));
    std::printf("\t%.1f\t%.0f\t%.0f\t%.1f\n", median(withViewMs), qDateMs, qTitleMs, qKeyMs);
    return 0;
}

bool wantsGui(int argc, char **argv, const char *option)
{
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == option)
            return true;
    }
    return false;
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

int main(int argc, char **argv)
{
    // Timeline frames need fonts and a paint device: a GUI application on the offscreen
    // platform (no display needed). The load/save runs stay console-only.
    std::unique_ptr<QCoreApplication> application;
    if (wantsGui(argc, argv, "--single-table")) {
        // A table view needs widgets.
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
        "  claimline-bench --suite editing         adding and deleting items, undo and redo"));
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
                      QStringLiteral("Which tables: io, timeline, table, export, autosave, editing "
                                     "(default io, timeline, table, autosave)."),
                      QStringLiteral("LIST"), QStringLiteral("io,timeline,table,autosave")});
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
    parser.addOption({QStringLiteral("single-table"),
                      QStringLiteral("Measure the table for one size in this process."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("qsfpm-max"),
                      QStringLiteral("Largest size to measure QSortFilterProxyModel at, for "
                                     "comparison (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
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
    if (parser.isSet(QStringLiteral("single-table")))
        return runTable(parser.value(QStringLiteral("single-table")).toULongLong(), runs,
                        parser.value(QStringLiteral("qsfpm-max")).toULongLong());
    const QStringList suites = parser.value(QStringLiteral("suite")).split(QLatin1Char(','));
    const QStringList sizes = parser.value(QStringLiteral("sizes")).split(QLatin1Char(','));

    if (suites.contains(QStringLiteral("io"))) {
        std::printf("%10s %9s %14s %14s %12s %10s %10s\n", "events", "file MiB", "load median ms",
                    "save median ms", "RSS B/event", "RSS MiB", "peak MiB");
        for (const QString &size : sizes) {
            const std::optional<QString> output
                = runChild({QStringLiteral("--single"), size.trimmed(), QStringLiteral("--runs"),
                            QString::number(runs), QStringLiteral("--dir"), dir});
            const QStringList fields = output.value_or(QString()).split(QLatin1Char('\t'));
            if (!output || fields.size() != 7) {
                std::printf("%10s failed\n", qPrintable(size));
                continue;
            }
            std::printf("%10s %9s %14s %14s %12s %10s %10s\n", qPrintable(fields[0]),
                        qPrintable(fields[1]), qPrintable(fields[2]), qPrintable(fields[3]),
                        qPrintable(fields[4]), qPrintable(fields[5]), qPrintable(fields[6]));
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("timeline"))) {
        std::printf("\nTimeline frame (layout + paint, 1280x800 offscreen, 12 lanes, 4 years; "
                    "medians of %d frames, each after a pan or zoom step)\n",
                    std::max(runs, 15));
        std::printf("%10s %9s %10s %8s %12s %7s %9s %9s\n", "events", "zoom", "median ms", "max ms",
                    "allocs/frame", "marks", "in view", "index ms");
        for (const QString &size : sizes) {
            const std::optional<QString> output
                = runChild({QStringLiteral("--single-timeline"), size.trimmed(),
                            QStringLiteral("--runs"), QString::number(runs)});
            const QStringList lines = output.value_or(QString()).split(QLatin1Char('\n'));
            for (const QString &line : lines) {
                const QStringList f = line.split(QLatin1Char('\t'));
                if (!output || f.size() != 8) {
                    std::printf("%10s failed\n", qPrintable(size));
                    break;
                }
                std::printf("%10s %9s %10s %8s %12s %7s %9s %9s\n", qPrintable(f[0]),
                            qPrintable(f[1]), qPrintable(f[2]), qPrintable(f[3]), qPrintable(f[4]),
                            qPrintable(f[5]), qPrintable(f[6]), qPrintable(f[7]));
            }
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("table"))) {
        std::printf(
            "\nTable (events mode; medians of %d runs): model + proxy, search index build and "
            "size, sort by date / title, search keystrokes (search + filter pass over every row, "
            "sorted by date; \"zzz\" typed fresh), \"t\" to \"zzz\" with a QTableView "
            "attached; QSortFilterProxyModel for comparison (one run, -1 = not run)\n",
            runs);
        std::printf("%10s %7s %8s %9s %8s %9s %6s %6s %6s %6s %6s %8s %9s %10s %8s\n", "events",
                    "model", "index ms", "index MiB", "date ms", "title ms", "t", "te", "ter",
                    "terr", "zzz", "w/ view", "QSFPM date", "QSFPM title", "QSFPM key");
        for (const QString &size : sizes) {
            const std::optional<QString> output = runChild(
                {QStringLiteral("--single-table"), size.trimmed(), QStringLiteral("--runs"),
                 QString::number(runs), QStringLiteral("--qsfpm-max"),
                 parser.value(QStringLiteral("qsfpm-max"))});
            const QStringList f = output.value_or(QString()).split(QLatin1Char('\t'));
            if (!output || f.size() != 15) {
                std::printf("%10s failed\n", qPrintable(size));
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
        std::printf("\nExports of the whole timeline (fit all, 1600 points wide, every lane; "
                    "layout included) and of the data; medians of %d runs\n",
                    runs);
        std::printf("%10s %11s %10s %12s\n", "events", "format", "median ms", "bytes");
        for (const QString &size : sizes) {
            const std::optional<QString> output = runChild(
                {QStringLiteral("--single-export"), size.trimmed(), QStringLiteral("--runs"),
                 QString::number(runs), QStringLiteral("--dir"), dir});
            const QStringList lines = output.value_or(QString()).split(QLatin1Char('\n'));
            for (const QString &line : lines) {
                const QStringList f = line.split(QLatin1Char('\t'));
                if (f.size() != 4) {
                    std::printf("%10s failed\n", qPrintable(size));
                    break;
                }
                std::printf("%10s %11s %10s %12s\n", qPrintable(f[0]), qPrintable(f[1]),
                            qPrintable(f[2]), qPrintable(f[3]));
            }
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("editing"))) {
        std::printf("\nStructural edits (medians of %d runs): add an event; delete one event "
                    "with the claims about it, its undo and redo; delete party 0 with "
                    "everything on its lane (once) and its undo\n",
                    runs);
        std::printf("%10s %8s %10s %8s %8s %10s %10s %12s %9s\n", "events", "add ms", "delete ms",
                    "undo ms", "redo ms", "party ms", "undo ms", "claims gone", "peak MiB");
        for (const QString &size : sizes) {
            const std::optional<QString> output = runChild(
                {QStringLiteral("--single-editing"), size.trimmed(), QStringLiteral("--runs"),
                 QString::number(runs), QStringLiteral("--dir"), dir});
            const QStringList f = output.value_or(QString()).split(QLatin1Char('\t'));
            if (!output || f.size() != 9) {
                std::printf("%10s failed\n", qPrintable(size));
                continue;
            }
            std::printf("%10s %8s %10s %8s %8s %10s %10s %12s %9s\n", qPrintable(f[0]),
                        qPrintable(f[1]), qPrintable(f[2]), qPrintable(f[3]), qPrintable(f[4]),
                        qPrintable(f[5]), qPrintable(f[6]), qPrintable(f[7]), qPrintable(f[8]));
            std::fflush(stdout);
        }
    }
    if (suites.contains(QStringLiteral("autosave"))) {
        std::printf("\nAutosave (medians of %d runs): the GUI thread's pause per recovery copy "
                    "(copy into prepared memory + hand-off; median, and the first), a fresh clone, "
                    "copyTo() "
                    "into a reused target, and the "
                    "writer thread's time (what serialising on the GUI thread would cost)\n",
                    runs);
        std::printf("%10s %10s %9s %9s %9s %10s %9s\n", "events", "pause ms", "first ms",
                    "clone ms", "reuse ms", "write ms", "peak MiB");
        for (const QString &size : sizes) {
            const std::optional<QString> output = runChild(
                {QStringLiteral("--single-autosave"), size.trimmed(), QStringLiteral("--runs"),
                 QString::number(runs), QStringLiteral("--dir"), dir});
            const QStringList f = output.value_or(QString()).split(QLatin1Char('\t'));
            if (!output || f.size() != 7) {
                std::printf("%10s failed\n", qPrintable(size));
                continue;
            }
            std::printf("%10s %10s %9s %9s %9s %10s %9s\n", qPrintable(f[0]), qPrintable(f[1]),
                        qPrintable(f[2]), qPrintable(f[3]), qPrintable(f[4]), qPrintable(f[5]),
                        qPrintable(f[6]));
            std::fflush(stdout);
        }
    }
    return 0;
}
