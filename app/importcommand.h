#pragma once

// `claimline import`: datasets (ACLED, UCDP GED) into a project, created when it does not
// exist (README, "Import"). Progress and refused rows on stderr, the summary on stdout.
// Exit 0 when every row was imported, 1 when some were refused (the others are saved), 2 on
// usage errors, after which nothing is written.

#include <QStringList>

namespace claimline::cli {

int importData(const QStringList &arguments);

} // namespace claimline::cli
