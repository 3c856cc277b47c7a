#pragma once

// Writing .claimline files in canonical form: fixed key order (as in formatkeys.h), unknown
// fields after the known ones in sorted order, one item per line, empty optional fields
// omitted. Loading a canonical file and writing it again gives the same bytes, so files
// diff well under version control and `claimline normalize` is idempotent.
//
// The writer streams: it never builds a DOM and never holds the whole output in memory. Large
// arrays (a million imported events) are turned into text on several threads, a thousand items
// at a time, and written in order: the bytes are the same as on one thread.

#include "session/safewrite.h"

#include <QString>

#include <cstddef>
#include <string>

class QIODevice;

namespace claimline {

class Project;

// How the text is made (never what it is).
struct ProjectWriteOptions
{
    // Threads that make the text of a large array: 0 picks from the machine's cores (at most
    // four), 1 makes everything on the calling thread. The others are started per array.
    int threads = 0;
    // Arrays with fewer items are written on the calling thread alone.
    std::size_t parallelFrom = 20000;
    // Items in each piece a thread makes (about a megabyte of imported events).
    std::size_t pieceItems = 1024;
};

// Writes the project to an open device. Returns false and sets error when a write fails.
[[nodiscard]] bool writeProject(const Project &project, QIODevice &device, QString *error,
                                const ProjectWriteOptions &options = {});
// Saves the project to a file (or "-", or a device) with safeWrite(): atomic, with a backup.
// Returns an empty string on success, otherwise what failed and why.
[[nodiscard]] QString saveProject(const Project &project, const QString &path,
                                  const SafeWriteOptions &options = {},
                                  const ProjectWriteOptions &writeOptions = {});
// The canonical text of the project (tests, fuzzing, small exports).
std::string projectToString(const Project &project, const ProjectWriteOptions &options = {});

} // namespace claimline
