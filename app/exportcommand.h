#pragma once

// `claimline export`: a view or the data to a file (README, "Exports"). The pictures are
// pictureexport.h's; everything else is here, on claimline_core.

#include <QStringList>

namespace claimline::cli {

int exportView(const QStringList &arguments);

} // namespace claimline::cli
