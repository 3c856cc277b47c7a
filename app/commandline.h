#pragma once

// The command line: sub-commands for scripts and newsroom pipelines. None needs a display.
// This part (commandline, commandlineio, exportcommand, importcommand) links claimline_core only;
// the export command's pictures (png, svg, pdf), the one path that needs the widgets, are
// pictureexport.h's.
//
//   claimline validate FILE...             every problem, one per line; exit 1 if any
//   claimline normalize FILE [-o OUT]      rewrite in canonical form (in place with a .bak)
//   claimline generate --events N [--seed S] --out FILE   a synthetic project
//   claimline generate --acled N [--seed S] --out FILE.csv a synthetic ACLED file
//   claimline import FILE... [--format auto|acled|ucdp] [--party-map FILE]
//                    [--remove-missing] --into PROJECT     events from datasets (README, "Import")
//   claimline attach PROJECT --source ID FILE...        pin evidence files (evidencecommand.h)
//   claimline verify PROJECT               re-hash them; exit 1 with a line per problem
//   claimline export [--view timeline|narratives|positions|chart:NAME]
//                    [--format png|svg|pdf|html|csv|timelinejs] [--from DATE --to DATE] [--size
//                    WxH] [--a PARTY --b PARTY]
//                    --out PATH PROJECT      a view or the data to a file (README, "Exports")

#include <QStringList>

namespace claimline {

// The sub-commands, for main() to decide between a console and a GUI application.
bool isSubcommand(const QString &name);

// Whether the sub-command paints (needs a QApplication; the offscreen platform will do).
bool needsGui(const QString &name);

// Runs a sub-command (arguments as from QCoreApplication::arguments()); returns the exit code.
int runSubcommand(const QStringList &arguments);

} // namespace claimline
