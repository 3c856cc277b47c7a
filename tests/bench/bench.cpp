// claimline-bench: how fast projects load and save, and how much memory they take.
//
// Each size runs in its own process (peak RSS never goes down, so sizes must not share one):
// the parent re-runs itself with --single N and prints one table. The synthetic files are
// made once with the generator and cached in the work folder.

#include "generator.h"
#include "projectreader.h"
#include "projectwriter.h"
#include "safewrite.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <spdlog/spdlog.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

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
    rusage usage{};
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
        const int code = QProcess::execute(QCoreApplication::applicationFilePath(),
                                           {QStringLiteral("--generate"), QString::number(events),
                                            QStringLiteral("--dir"), dir});
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    spdlog::set_level(spdlog::level::warn);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures loading and saving of synthetic projects (claimline generate) and the memory "
        "they take. Each size runs in its own process; times are medians of --runs runs.\n"
        "Examples:\n"
        "  claimline-bench                         10k, 100k and 1M events\n"
        "  claimline-bench --sizes 10000,100000    pick the sizes\n"
        "  claimline-bench --single 1000000        one size in this process"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sizes"),
                      QStringLiteral("Comma-separated event counts (default 10000,100000,1000000)."),
                      QStringLiteral("LIST"), QStringLiteral("10000,100000,1000000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per measurement (default 5)."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Folder for the generated files (default: a folder in /tmp)."),
                      QStringLiteral("DIR"), QDir::tempPath() + QStringLiteral("/claimline-bench")});
    parser.addOption({QStringLiteral("single"), QStringLiteral("Measure one size in this process."),
                      QStringLiteral("N")});
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

    std::printf("%10s %9s %14s %14s %12s %10s %10s\n", "events", "file MiB", "load median ms",
                "save median ms", "RSS B/event", "RSS MiB", "peak MiB");
    for (const QString &size : parser.value(QStringLiteral("sizes")).split(QLatin1Char(','))) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--single"), size.trimmed(), QStringLiteral("--runs"),
                     QString::number(runs), QStringLiteral("--dir"), dir});
        child.waitForFinished(-1);
        const QStringList fields = QString::fromUtf8(child.readAllStandardOutput())
                                       .trimmed()
                                       .split(QLatin1Char('\t'));
        if (child.exitCode() != 0 || fields.size() != 7) {
            std::printf("%10s failed\n", qPrintable(size));
            continue;
        }
        std::printf("%10s %9s %14s %14s %12s %10s %10s\n", qPrintable(fields[0]),
                    qPrintable(fields[1]), qPrintable(fields[2]), qPrintable(fields[3]),
                    qPrintable(fields[4]), qPrintable(fields[5]), qPrintable(fields[6]));
        std::fflush(stdout);
    }
    return 0;
}
