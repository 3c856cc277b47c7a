#pragma once

// Writing a file so that a failure never costs what was there before.
//
// For a regular file (or a new one): the content goes to a temporary file in the same
// folder (QSaveFile), is flushed and synced, the previous version is kept as "PATH.bak"
// when asked, and the temporary is renamed over the target; then the folder itself is
// synced, because QSaveFile does not, and a power cut could otherwise lose the rename.
// If anything fails, the target is untouched and no temporary file is left behind.
//
// For a target that is not a regular file ("-" for stdout, /dev/stdout, a pipe, a device
// such as /dev/full): the content is written straight to it. Renaming over it would replace
// the device node with a regular file (root may do that), so it is never done.

#include <QString>

#include <functional>

class QIODevice;

namespace claimline {

struct SafeWriteOptions
{
    bool keepBackup = true; // keep the previous regular file as PATH.bak
};

// Writes the content to the device; returns false and sets error on failure.
using ContentWriter = std::function<bool(QIODevice &device, QString *error)>;

// Returns an empty string on success, otherwise a message saying what failed and why.
[[nodiscard]] QString safeWrite(const QString &path, const ContentWriter &write,
                                const SafeWriteOptions &options = {});

// The backup path kept for a target.
QString backupPathFor(const QString &path);

} // namespace claimline
