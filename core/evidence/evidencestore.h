#pragma once

// EvidenceStore: the evidence folder beside a project file, where the files pinned to sources
// are kept (model.h: Attachment).
//
// Pinning a file copies it into `evidence/` in the project file's folder under the name of its
// SHA-256 (and its extension, so the system opens it with the right application): the same
// content is stored once, however often and under whatever name it is attached. A copy is
// made read-only and never written again; the hash is taken while copying, from the bytes
// written, so the record describes the copy, not a file that may change after. The project
// file records the copy's path relative to its own folder, so the project and its evidence
// folder can move together.
//
// Blocking file I/O: the app runs it where a pause is acceptable (a user's Attach, a save),
// the command line directly.

#include "evidence/evidencepath.h"
#include "time/fuzzytime.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <string_view>

namespace claimline {

class Project;

// What pinning one file gives, to be recorded in an Attachment.
struct PinnedFile
{
    QString path; // relative to the project's folder: "evidence/<sha256>.mp4"
    Sha256 sha256 {};
    std::uint64_t size = 0;
    QString name; // the original file name
    QString mediaType; // "video/mp4"
    FuzzyTime added; // now, in UTC, to the second
    QString error; // set when the file could not be pinned (then nothing else is)

    bool isValid() const { return error.isEmpty(); }
};

class EvidenceStore
{
public:
    // The folder under the project's folder that holds the copies.
    static constexpr std::string_view FolderName = "evidence";

    // `projectFolder`: the folder of the project file (absolute).
    explicit EvidenceStore(QString projectFolder);
    // The store of the project file at `projectFile`.
    static EvidenceStore forProjectFile(const QString &projectFile);

    const QString &projectFolder() const { return m_projectFolder; }
    // Where the recorded `path` points on this disk. `path` must pass evidencePathProblem().
    QString absolutePath(std::string_view path) const;
    // The file at recorded `path` when it is there as a plain file inside the evidence folder:
    // a link (or an evidence folder that is a link) is not followed, since it could lead
    // anywhere on the disk. Otherwise an empty string, with what is wrong in *problem
    // ("missing", or why it is not read).
    QString existingFile(std::string_view path, QString *problem) const;

    // Copies `file` into the evidence folder, or finds the copy already there. The error names
    // the file and says what went wrong ("…/clip.mp4: no such file").
    PinnedFile pin(const QString &file) const;

    // Copies every file the project's attachments record from this store's folder into
    // `target`'s (Save As into another folder), skipping those already there with the same
    // content. Entries the undo history can bring back are carried too. Returns one line per
    // listed file that could not be carried ("evidence/…: missing, not carried"); nothing
    // else is ever skipped silently.
    QStringList carryTo(const EvidenceStore &target, const Project &project) const;

private:
    QString m_projectFolder;
};

// The SHA-256 of a file's content, read in blocks; false (with the reason) when it cannot be
// read, or when `cancel` (optional, checked between blocks) is set.
bool hashFile(const QString &path, Sha256 *hash, std::uint64_t *size, QString *error,
              const std::atomic_bool *cancel = nullptr);

} // namespace claimline
