#pragma once

// Logging through spdlog: a rotating log file in the platform's app-data folder plus stderr,
// never stdout (stdout carries `normalize -o -` output). Info for what the user does (open,
// save, import), debug for detail. File contents are never logged.

#include <QString>

#include <string>

namespace claimline {

// Sets up the default logger. verbose raises the level from info to debug. Safe to call more
// than once (later calls replace the sinks).
void initLogging(bool verbose);

// The log file's path.
QString logFilePath();

// For spdlog, which knows no QString.
inline std::string toStd(const QString &text)
{
    return text.toStdString();
}

} // namespace claimline
