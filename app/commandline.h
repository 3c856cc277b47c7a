#pragma once

// The command line: sub-commands for scripts and newsroom pipelines. None needs a display.
//
//   claimline validate FILE...             every problem, one per line; exit 1 if any
//   claimline normalize FILE [-o OUT]      rewrite in canonical form (in place with a .bak)
//   claimline generate --events N [--seed S] --out FILE   a synthetic project

#include <QStringList>

namespace claimline {

// The sub-commands, for main() to decide between a console and a GUI application.
bool isSubcommand(const QString &name);

// Runs a sub-command (arguments as from QCoreApplication::arguments()); returns the exit code.
int runSubcommand(const QStringList &arguments);

} // namespace claimline
