// claimline-bench --suite import: a generated ACLED-style CSV (acledgenerator.h) imported into
// a new project and saved, by the real `claimline import`, against Python's csv module merely
// reading the same rows — the yardstick, measured in the same run on the same machine.
//
// Both are child processes started with posix_spawn and reaped with wait4(), which gives each
// child's own peak RSS (getrusage(RUSAGE_CHILDREN) would give the largest of all children so
// far). Wall time includes the process start, reading, and for Claimline the save. The two
// alternate run by run, so that another load on the machine weighs on both alike.

#include "bench.h"
#include "import/acledgenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

extern char **environ;

namespace claimline::bench {

namespace {

struct ChildRun
{
    bool ok = false;
    double seconds = 0;
    double peakMiB = 0;
};

// Runs the program (found on PATH) with stdout and stderr going to the files, and waits.
ChildRun spawnAndWait(const std::vector<std::string> &arguments, const QString &outPath,
                      const QString &errPath)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray out = QFile::encodeName(outPath);
    const QByteArray err = QFile::encodeName(errPath);
    posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    std::vector<char *> argv;
    for (const std::string &argument : arguments)
        argv.push_back(const_cast<char *>(argument.c_str()));
    argv.push_back(nullptr);

    ChildRun run;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        std::fprintf(stderr, "cannot start %s\n", argv[0]);
        return run;
    }
    int status = 0;
    rusage usage {};
    if (wait4(pid, &status, 0, &usage) != pid)
        return run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.peakMiB = double(usage.ru_maxrss) / 1024.0; // KiB on Linux
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return run;
}

QByteArray tail(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().right(2000);
}

// Python's csv module reading every record and doing nothing with it.
const char PythonReader[] = "import csv, sys\n"
                            "n = 0\n"
                            "for row in csv.reader(open(sys.argv[1], newline='', "
                            "encoding='utf-8')):\n"
                            "    n += 1\n"
                            "print(n)\n";

struct SizeResult
{
    qulonglong rows = 0;
    double fileMiB = 0;
    double pythonSeconds = 0;
    double importSeconds = 0;
    // The command's own split of its time, from its log (-1 when the log does not say).
    double readingSeconds = -1;
    double savingSeconds = -1;
    double peakMiB = 0;
};

// "… 4072 ms importing, 6380 ms saving": what `claimline import` logs once it has saved.
std::optional<std::pair<double, double>> phases(const QString &errPath)
{
    static const QRegularExpression line(QStringLiteral("(\\d+) ms importing, (\\d+) ms saving"));
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(tail(errPath)));
    if (!match.hasMatch())
        return std::nullopt;
    return std::pair {match.captured(1).toDouble() / 1000.0, match.captured(2).toDouble() / 1000.0};
}

// The interpreter itself: `python3` on PATH may be a shim (pyenv's is a shell script that
// costs most of a second a start), which would flatter the ratio.
std::string pythonExecutable(const QString &dir)
{
    const QString out = dir + QStringLiteral("/python.out");
    const QString err = dir + QStringLiteral("/python.err");
    const ChildRun run
        = spawnAndWait({"python3", "-c", "import sys; print(sys.executable)"}, out, err);
    const QByteArray path = tail(out).trimmed();
    return run.ok && !path.isEmpty() ? path.toStdString() : std::string("python3");
}

// Measures one size; nullopt (after saying why on stderr) when a run failed.
std::optional<SizeResult> measure(qulonglong rows, int runs, const QString &dir,
                                  const std::string &python)
{
    const QString csv = dir + QStringLiteral("/acled-%1.csv").arg(rows);
    if (!QFileInfo::exists(csv)) {
        std::fprintf(stderr, "generating %llu ACLED-style rows...\n", rows);
        AcledGeneratorOptions options;
        options.rows = rows;
        if (const QString error = saveAcledCsv(csv, options); !error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return std::nullopt;
        }
    }
    const std::string csvPath = QFile::encodeName(csv).toStdString();
    const QString project = dir + QStringLiteral("/import-%1.claimline").arg(rows);
    const QString out = dir + QStringLiteral("/import-%1.out").arg(rows);
    const QString err = dir + QStringLiteral("/import-%1.err").arg(rows);

    std::vector<double> reads, imports, peaks, readings, savings;
    for (int i = 0; i < runs; ++i) {
        const ChildRun reading = spawnAndWait({python, "-c", PythonReader, csvPath}, out, err);
        if (!reading.ok) {
            std::fprintf(stderr, "python3 failed: %s\n", tail(err).constData());
            return std::nullopt;
        }
        // csv.reader counts the header too.
        if (tail(out).trimmed() != QByteArray::number(rows + 1)) {
            std::fprintf(stderr, "python3 read %s records, not %llu\n",
                         tail(out).trimmed().constData(), rows + 1);
            return std::nullopt;
        }
        reads.push_back(reading.seconds);

        // Into a new project every time.
        QFile::remove(project);
        QFile::remove(project + QStringLiteral(".bak"));
        const ChildRun importing = spawnAndWait({CLAIMLINE_EXECUTABLE, "import", csvPath, "--into",
                                                 QFile::encodeName(project).toStdString()},
                                                out, err);
        if (!importing.ok) {
            std::fprintf(stderr, "claimline import failed: %s\n", tail(err).constData());
            return std::nullopt;
        }
        imports.push_back(importing.seconds);
        peaks.push_back(importing.peakMiB);
        if (const auto split = phases(err)) {
            readings.push_back(split->first);
            savings.push_back(split->second);
        }
    }
    QFile::remove(project);
    QFile::remove(project + QStringLiteral(".bak"));
    SizeResult result;
    result.rows = rows;
    result.fileMiB = double(QFileInfo(csv).size()) / (1024.0 * 1024.0);
    result.pythonSeconds = median(reads);
    result.importSeconds = median(imports);
    if (readings.size() == imports.size()) {
        result.readingSeconds = median(readings);
        result.savingSeconds = median(savings);
    }
    result.peakMiB = *std::max_element(peaks.begin(), peaks.end());
    return result;
}

} // namespace

int runImportSuite(const QStringList &sizes, int runs, const QString &dir, bool json)
{
    // The import writes its log like any run of the command: keep it out of the user's folder.
    const QByteArray logs = QFile::encodeName(dir + QStringLiteral("/data"));
    setenv("XDG_DATA_HOME", logs.constData(), 1);
    const std::string python = pythonExecutable(dir);
    if (!json) {
        std::printf("\nImport: a generated ACLED-style CSV into a new project, saved (`claimline "
                    "import FILE --into NEW`), against Python's csv module only reading it; "
                    "wall time of each process, medians of %d runs, and the import's own split "
                    "(reading and mapping the rows; saving); peak RSS of the import, the largest "
                    "of the runs (targets: ratio <= 1.5, peak <= 1536 MiB)\n",
                    runs);
        std::printf("(Python: %s)\n", python.c_str());
        std::printf("%10s %9s %10s %10s %7s %12s %9s %9s\n", "rows", "file MiB", "python s",
                    "import s", "ratio", "importing s", "saving s", "peak MiB");
    }
    int status = 0;
    for (const QString &size : sizes) {
        const std::optional<SizeResult> result
            = measure(size.trimmed().toULongLong(), runs, dir, python);
        if (!result) {
            status = 1;
            std::printf("%10s failed\n", qPrintable(size));
            continue;
        }
        const double ratio = result->importSeconds / result->pythonSeconds;
        if (json) {
            const nlohmann::json line {{"suite", "import"},
                                       {"rows", result->rows},
                                       {"file_mib", result->fileMiB},
                                       {"runs", runs},
                                       {"python", python},
                                       {"python_csv_s", result->pythonSeconds},
                                       {"import_s", result->importSeconds},
                                       {"ratio", ratio},
                                       {"import_reading_s", result->readingSeconds},
                                       {"import_saving_s", result->savingSeconds},
                                       {"peak_rss_mib", result->peakMiB},
                                       {"ratio_target", 1.5},
                                       {"peak_rss_target_mib", 1536}};
            std::printf("%s\n", line.dump().c_str());
        } else {
            std::printf("%10llu %9.1f %10.2f %10.2f %7.2f %12.2f %9.2f %9.0f\n", result->rows,
                        result->fileMiB, result->pythonSeconds, result->importSeconds, ratio,
                        result->readingSeconds, result->savingSeconds, result->peakMiB);
        }
        std::fflush(stdout);
    }
    return status;
}

} // namespace claimline::bench
