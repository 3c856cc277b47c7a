#pragma once

// Recovery copies: what the autosave writes while a project has unsaved changes, so that a
// crash costs at most one autosave interval of work.
//
// Each running app writes "<pid>-<n>.claimline" (the project, canonical form) and beside it
// "<pid>-<n>.json" (the original file's path, when the copy was written, the writer's pid)
// into recoveryDirectory(). Both are written atomically (safeWrite, no .bak). A copy whose
// writing process is gone is left over from a crash (or a kill): the next start offers it.
// A copy is deleted when its project is saved, discarded or closed cleanly, or when the user
// restores or discards it; "decide later" keeps it.

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <vector>

namespace claimline {

class Project;

struct RecoveryFile
{
    QString projectPath; // the recovery copy (.claimline)
    QString infoPath; // its sidecar (.json)
    QString originalPath; // the file it was a copy of; empty for an untitled project
    QDateTime written; // UTC
    std::int64_t pid = 0; // the process that wrote it
};

// AppDataLocation/recovery, or $CLAIMLINE_RECOVERY_DIR when set (tests, the crash test's
// child process).
QString recoveryDirectory();

// The paths this process uses for its n-th recovery copy.
RecoveryFile recoveryFileFor(const QString &originalPath, int serial);

// Writes the project and then its sidecar (the sidecar last: a copy without one is never
// offered). Returns an empty string on success, otherwise what failed and why. Safe to call
// on a worker thread with a project nobody else touches.
[[nodiscard]] QString writeRecoveryFile(const Project &project, const RecoveryFile &file);

// Every complete recovery copy in the folder, newest first.
std::vector<RecoveryFile> findRecoveryFiles(const QString &directory = recoveryDirectory());
// The copies whose writing process is gone (left by a crash), newest first.
std::vector<RecoveryFile> orphanedRecoveryFiles(const QString &directory = recoveryDirectory());

// Deletes the copy and its sidecar (the sidecar first, so a half-deleted copy is never
// offered).
void removeRecoveryFile(const RecoveryFile &file);

// Whether a process with this id is running (a process of another user counts).
bool isProcessRunning(std::int64_t pid);

} // namespace claimline
