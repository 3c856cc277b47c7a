// claimline-bench: loading and saving (time, resident and peak memory), the autosave's cost on
// the GUI thread, and structural edits with their undo and redo.

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

#include <nlohmann/json.hpp>
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

namespace claimline::bench {

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

bool ensureGenerated(qulonglong events, const QString &dir)
{
    const QString path = fileFor(dir, events);
    if (QFileInfo::exists(path))
        return true;
    // Generated in a process of its own: memory freed after generating stays in this process's
    // allocator and would skew the resident-memory figures.
    std::fprintf(stderr, "generating %llu events...\n", events);
    const int code = QProcess::execute(
        QCoreApplication::applicationFilePath(),
        {QStringLiteral("--generate"), QString::number(events), QStringLiteral("--dir"), dir});
    return code == 0 && QFileInfo::exists(path);
}

// Measures one size; prints one tab-separated line of results on stdout.
int runSingle(qulonglong events, int runs, const QString &dir)
{
    const QString path = fileFor(dir, events);
    if (!ensureGenerated(events, dir))
        return 1;
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
    // The fast tokenizer and nlohmann's parser alone, alternated, in the same process.
    std::vector<double> nlohmannMs;
    for (int i = 1; i < runs; ++i) {
        timer.restart();
        const LoadResult again = loadProject(path);
        loadMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        const LoadResult reference = loadProject(path, {}, JsonTokenizer::Nlohmann);
        nlohmannMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    if (nlohmannMs.empty())
        nlohmannMs.push_back(0);
    QFile::remove(savePath);
    QFile::remove(backupPathFor(savePath));
    std::printf("%llu\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\t%.0f\t%.1f\n", events, fileMiB, median(loadMs),
                median(saveMs), bytesPerEvent, after - before, peakMiB(), median(nlohmannMs));
    return 0;
}

// The baseline the load and the save are held to: nlohmann's DOM on the same file, read the
// way nlohmann's README shows (json::parse(std::ifstream)), and read whole into memory first
// (the fastest way it has); the DOM dumped to a file. In a process of its own (a DOM of 1M
// events takes gigabytes, which would hide the load's peak). One line: events, stream load
// ms, buffer load ms, dump ms.
int runDom(qulonglong events, int runs, const QString &dir)
{
    const QString path = fileFor(dir, events);
    if (!ensureGenerated(events, dir))
        return 1;
    const std::string savePath
        = QString(dir + QStringLiteral("/bench-dom-%1.json").arg(events)).toStdString();
    std::vector<double> streamMs;
    std::vector<double> bufferMs;
    std::vector<double> saveMs;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        {
            std::ifstream in(path.toStdString(), std::ios::binary);
            const nlohmann::json document = nlohmann::json::parse(in);
            streamMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        timer.restart();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return 1;
        const QByteArray bytes = file.readAll();
        const nlohmann::json document = nlohmann::json::parse(bytes.begin(), bytes.end());
        bufferMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        {
            std::ofstream out(savePath, std::ios::binary | std::ios::trunc);
            out << document.dump();
            if (!out.flush())
                return 1;
        }
        saveMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::remove(savePath.c_str());
    std::printf("%llu\t%.1f\t%.1f\t%.1f\n", events, median(streamMs), median(bufferMs),
                median(saveMs));
    return 0;
}

// The autosave: what the GUI thread pays for a recovery copy (Autosave::autosaveNow(), which
// takes Project::clone() and hands it to the writer thread), the clone alone, a copyTo()
// into a reused target (no new pages), and for comparison what serialising on the GUI thread
// would cost (the writer's time, which now runs on the worker). Prints one tab-separated line.
int runAutosave(qulonglong events, int runs, const QString &dir)
{
    const QString path = fileFor(dir, events);
    if (!ensureGenerated(events, dir))
        return 1;
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
    if (!ensureGenerated(events, dir))
        return 1;
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
        const Project &project = document.project();
        Event event = project.events()[0];
        event.id = document.addText(document.uniqueId(ItemKind::Event, QStringLiteral("bench")));
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

} // namespace claimline::bench
