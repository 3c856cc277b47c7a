#pragma once

// Writing .claimline files in canonical form: fixed key order (as in formatkeys.h), unknown
// fields after the known ones in sorted order, one item per line, empty optional fields
// omitted. Loading a canonical file and writing it again gives the same bytes, so files
// diff well under version control and `claimline normalize` is idempotent.
//
// The writer streams: it never builds a DOM and never holds the whole output in memory.

#include "session/safewrite.h"

#include <QString>

#include <string>

class QIODevice;

namespace claimline {

class Project;

// Writes the project to an open device. Returns false and sets error when a write fails.
[[nodiscard]] bool writeProject(const Project &project, QIODevice &device, QString *error);
// Saves the project to a file (or "-", or a device) with safeWrite(): atomic, with a backup.
// Returns an empty string on success, otherwise what failed and why.
[[nodiscard]] QString saveProject(const Project &project, const QString &path,
                                  const SafeWriteOptions &options = {});
// The canonical text of the project (tests, fuzzing, small exports).
std::string projectToString(const Project &project);

} // namespace claimline
