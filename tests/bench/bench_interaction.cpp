// claimline-bench --suite interaction: what a user does at scale, timed from the action to the
// first frame painted after it, with the whole window attached (every view, offscreen).
//
// Each case starts the change, then turns the event loop until no view has work queued (the
// views defer their rebuilds to zero-interval timers; any such timer still active in the window
// is work not yet done, but for background slices named "idle:") and paints the window once:
// the frame the user would see.

#include "bench.h"
#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "document/timewindow.h"
#include "format/projectreader.h"
#include "model/project.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>
#include <functional>
#include <vector>

namespace claimline::bench {

namespace {

// Whether a view of the window still has a rebuild queued (a zero-interval timer running).
// Timers named "idle:…" slice background work between frames (the narratives' row
// measuring): the first frame does not wait for them.
bool hasQueuedWork(const QWidget &window)
{
    const QList<QTimer *> timers = window.findChildren<QTimer *>();
    return std::any_of(timers.begin(), timers.end(), [](const QTimer *timer) {
        return timer->isActive() && timer->interval() == 0
            && !timer->objectName().startsWith(QLatin1String("idle:"));
    });
}

// Turns the event loop until the views have done their work, then paints the window.
void settleAndPaint(MainWindow &window)
{
    for (int turn = 0; turn < 1000; ++turn) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        if (!hasQueuedWork(window))
            break;
    }
    window.repaint();
}

struct Result
{
    const char *name;
    std::vector<double> ms;
};

void print(qulonglong events, const Result &result, bool json)
{
    if (result.ms.empty())
        return;
    if (json) {
        std::printf("{\"suite\": \"interaction\", \"events\": %llu, \"case\": \"%s\", "
                    "\"median_ms\": %.1f, \"runs\": %zu}\n",
                    events, result.name, median(result.ms), result.ms.size());
    } else {
        std::printf("%llu\t%s\t%.1f\t%zu\n", events, result.name, median(result.ms),
                    result.ms.size());
    }
    std::fflush(stdout);
}

} // namespace

int runInteraction(qulonglong events, int runs, const QString &dir, bool json, const QString &only)
{
    // With --case, only that case runs (after the opening, which every case needs).
    const QStringList cases = only.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto wanted = [&cases](const char *name) {
        return cases.isEmpty() || cases.contains(QLatin1String(name));
    };
    const QString path = fileFor(dir, events);
    if (!ensureGenerated(events, dir))
        return 1;
    // Settings, autosaves and recent files go to a test location, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QElapsedTimer timer;

    // Reading the file alone (what `open` costs before any view), so that open - load is what
    // the window adds.
    Result load {"load", {}};
    for (int i = 0; i < std::max(1, runs / 3) && wanted("open"); ++i) {
        timer.restart();
        if (!loadProject(path).ok())
            return 1;
        load.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    if (wanted("open"))
        print(events, load, json);

    // Opening: from the command to the first painted frame of the project.
    Result open {"open", {}};
    std::unique_ptr<MainWindow> window;
    for (int i = 0; i < std::max(1, runs / 3); ++i) {
        window.reset();
        window = std::make_unique<MainWindow>();
        window->show();
        settleAndPaint(*window);
        timer.restart();
        if (!window->openFile(path))
            return 1;
        settleAndPaint(*window);
        open.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    if (wanted("open"))
        print(events, open, json);

    Document &document = *window->document();
    Filter &filter = *window->filter();

    // The window's part of opening: a project already read (a copy, its indexes not built,
    // as a fresh load leaves them) handed to the document, to the first painted frame.
    Result views {"open-views", {}};
    for (int i = 0; i < std::max(1, runs / 3) && wanted("open"); ++i) {
        Project copy = document.project().clone();
        settleAndPaint(*window);
        timer.restart();
        document.setProject(std::move(copy), path);
        settleAndPaint(*window);
        views.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    if (wanted("open"))
        print(events, views, json);
    // One run: the window settled, then the action, to the first frame painted after it.
    const auto timed = [&](const std::function<void()> &action) {
        settleAndPaint(*window);
        timer.restart();
        action();
        settleAndPaint(*window);
        return double(timer.nsecsElapsed()) / 1e6;
    };
    const auto measure = [&](const char *name, int count, const std::function<void(int)> &step) {
        if (!wanted(name))
            return;
        Result result {name, {}};
        for (int i = 0; i < count; ++i)
            result.ms.push_back(timed([&] { step(i); }));
        print(events, result, json);
    };

    // Hiding party 0 and showing it again: each toggle is a run.
    measure("filter-party", 2 * runs, [&](int i) { filter.setPartyHidden(0, i % 2 == 0); });
    filter.setPartyHidden(0, false);

    // Typing "refinery" a letter at a time, then deleting it again.
    const QString word = QStringLiteral("refinery");
    measure("filter-text", 2 * int(word.size()), [&](int i) {
        const int n = int(word.size());
        filter.setTextQuery(word.left(i < n ? i + 1 : 2 * n - i - 1));
    });
    filter.setTextQuery(QString());

    // Every event and claim selected, then the selection cleared.
    std::vector<ItemRef> all;
    all.reserve(document.project().events().size() + document.project().claims().size());
    for (std::uint32_t i = 0; i < document.project().events().size(); ++i)
        all.push_back({ItemKind::Event, i});
    for (std::uint32_t i = 0; i < document.project().claims().size(); ++i)
        all.push_back({ItemKind::Claim, i});
    measure("select-all", runs, [&](int) { window->selection()->setItems(all); });
    measure("select-none", runs, [&](int) { window->selection()->clear(); });
    all = {};

    // Panning by a tenth of the view, and zooming in and out by a step.
    TimeWindow &range = *window->timeWindow();
    measure("frame-pan", 2 * runs, [&](int i) {
        const double step = (range.to() - range.from()) / 10 * (i % 2 ? -1 : 1);
        range.setRange(range.from() + step, range.to() + step);
    });
    measure("frame-zoom", 2 * runs, [&](int i) {
        const double middle = (range.from() + range.to()) / 2;
        const double half = (range.to() - range.from()) / 2 * (i % 2 ? 1.25 : 0.8);
        range.setRange(middle - half, middle + half);
    });

    // Deleting an event in the middle (with the claims about it), and its undo.
    QUndoStack &undo = *document.undoStack();
    Result undoEvent {"delete-event-undo", {}};
    measure("delete-event", runs, [&](int i) {
        const auto middle = std::uint32_t(document.project().events().size() / 2 + std::size_t(i));
        document.deleteItems({{ItemKind::Event, middle}}, DeleteMode::Cascade);
    });
    for (int i = 0; i < runs && wanted("delete-event"); ++i)
        undoEvent.ms.push_back(timed([&] { undo.undo(); }));
    print(events, undoEvent, json);

    // Deleting party 0 with every claim on its lane, and its undo.
    const int partyRuns = std::max(1, runs / 3);
    Result undoParty {"delete-party-undo", {}};
    Result party {"delete-party", {}};
    for (int i = 0; i < partyRuns && wanted("delete-party"); ++i) {
        party.ms.push_back(timed([&] {
            document.deleteItems({{ItemKind::Party, 0}}, DeleteMode::Cascade);
        }));
        undoParty.ms.push_back(timed([&] { undo.undo(); }));
    }
    print(events, party, json);
    print(events, undoParty, json);

    // No question on close: the benchmark's edits are all undone.
    document.undoStack()->setClean();
    return 0;
}

} // namespace claimline::bench
