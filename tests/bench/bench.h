#pragma once

// The parts of claimline-bench: each suite measures one size in a process of its own and
// prints tab-separated lines that main() (bench.cpp) gathers into a table.

#include <QString>
#include <QStringList>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <vector>

namespace claimline::bench {

// Heap allocations so far, counted by the operator new of bench.cpp: a timeline frame must
// not allocate per event.
inline std::atomic<std::uint64_t> g_allocations {0};

inline double residentMiB()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

inline double peakMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

inline QString fileFor(const QString &dir, qulonglong events)
{
    return dir + QStringLiteral("/bench-%1.claimline").arg(events);
}

// Writes the synthetic file of `events` events (seed 1) into `dir`.
int generate(qulonglong events, const QString &dir);
// Makes sure that file exists, generating it in a child process if not; false on failure.
bool ensureGenerated(qulonglong events, const QString &dir);

// Load and save times and memory (bench_io.cpp).
int runSingle(qulonglong events, int runs, const QString &dir);
// nlohmann's DOM on the same file: the baseline of the load and the save.
int runDom(qulonglong events, int runs, const QString &dir);
int runAutosave(qulonglong events, int runs, const QString &dir);
int runEditing(qulonglong events, int runs, const QString &dir);

// Timeline frames and exports (bench_timeline.cpp).
int runTimeline(qulonglong events, int runs);
int runExport(qulonglong events, int runs, const QString &dir);

// The table's sorting and search (bench_table.cpp).
int runTable(qulonglong events, int runs, qulonglong qsfpmLimit);

// The user's actions at scale with every view attached: filtering, selecting, panning,
// zooming, deleting, opening (bench_interaction.cpp); tab-separated lines, or JSON lines.
// With `only`, just that case (and the opening it needs).
int runInteraction(qulonglong events, int runs, const QString &dir, bool json, const QString &only);

// `claimline import` of generated ACLED-style CSV files against Python's csv module reading
// them (bench_import.cpp); prints its table, or one JSON line per size.
int runImportSuite(const QStringList &sizes, int runs, const QString &dir, bool json);

} // namespace claimline::bench
