#pragma once

// What the sub-commands share: their output streams (stdout for results, stderr for problems)
// and the options and parsing every sub-command has.

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

namespace claimline::cli {

QTextStream &out();
QTextStream &err();

// --help and --verbose.
void addCommonOptions(QCommandLineParser &parser);

// Parses the sub-command's arguments; returns false (with the exit code) when done already.
bool parseOrExit(QCommandLineParser &parser, const QStringList &arguments, int *exitCode);

} // namespace claimline::cli
