// claimline-bench: timeline frames (layout + paint) at several zooms, and the exports of the
// whole timeline and of the data.

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

using namespace claimline;
using namespace claimline::bench;

namespace {

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

} // namespace

namespace claimline::bench {

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
// export` does after loading. One line per case (png, svg, pdf, picture-fit, picture-hour,
// export-csv, export-timelinejs): events, case, median ms, bytes.
int runExport(qulonglong events, int runs, const QString &dir)
{
    Project project = generateProject(events, 1);
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
    // What `claimline export --size 1280x800 --out x.png` does after loading the file: the
    // project's indexes and lanes built afresh (each run drops them), the picture laid out,
    // painted at twice the density and encoded. The whole extent, and one hour in its middle:
    // the cost of a picture should follow its pixels, not the number of items.
    const auto fresh = [&](double from, double to, const QString &path) {
        project.invalidateIndexes();
        TimelineLanes built;
        built.rebuild(project, nullptr, false);
        const auto extent = defaultTimelineRange(project, built);
        TimelineImageRequest picture;
        picture.from = from < to ? from : extent ? extent->first : 0.0;
        picture.to = from < to ? to : extent ? extent->second : 86400.0;
        picture.width = 1280;
        picture.height = 800;
        picture.caption = true;
        return writePicture(timelinePicture(project, built, picture, font), path,
                            PictureFormat::Png, PictureOptions {2.0, false});
    };
    const QString fitPath = stem + QStringLiteral("-fit.png");
    if (!measure("picture-fit", fitPath, [&] { return fresh(0, 0, fitPath); }))
        return 1;
    const double middle = (request.from + request.to) / 2;
    const QString hourPath = stem + QStringLiteral("-hour.png");
    if (!measure("picture-hour", hourPath, [&] { return fresh(middle, middle + 3600, hourPath); }))
        return 1;
    // The data exports are named as cases of their own ("export-csv"): the JSON lines of the
    // export suite keep them apart from the pictures' formats.
    const QString folder = stem + QStringLiteral("-csv");
    if (!measure("export-csv", folder, [&] { return exportCsv(project, folder); }))
        return 1;
    const QString json = stem + QStringLiteral(".json");
    if (!measure("export-timelinejs", json, [&] { return exportTimelineJs(project, json); }))
        return 1;
    return 0;
}

} // namespace claimline::bench
