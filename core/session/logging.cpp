#include "session/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace claimline {

QString logFilePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return folder + QStringLiteral("/logs/claimline.log");
}

void initLogging(bool verbose)
{
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_pattern("%^%l%$: %v");
    sinks.push_back(console);

    const QString path = logFilePath();
    if (QDir().mkpath(QFileInfo(path).absolutePath())) {
        try {
            // 5 files of 2 MiB: enough history to diagnose a problem, never a disk filler.
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QFile::encodeName(path).toStdString(), 2 * 1024 * 1024, 5);
            file->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] %v");
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex &) {
            // A read-only home must not stop the app: log to stderr only.
        }
    }
    auto logger = std::make_shared<spdlog::logger>("claimline", sinks.begin(), sinks.end());
    logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

} // namespace claimline
