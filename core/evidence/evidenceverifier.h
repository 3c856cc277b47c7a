#pragma once

// Verifying a project's evidence: every file its sources pin is hashed again and compared with
// what the project file records (model.h: Attachment), as `claimline verify` and Tools ▸ Verify
// Evidence do.
//
// Each recorded (path, hash) is checked once, however many sources pin it, and each file is
// read once. A problem names the file by its recorded path, in the words scripts parse:
//   evidence/3a7b….mp4: missing
//   evidence/3a7b….mp4: changed (expected sha256 3a7b…, found 91c0…)
//   evidence/3a7b….mp4: unreadable (Permission denied)
//   evidence/3a7b….mp4: unreadable (a link to another file, not followed)

#include "evidence/evidencepath.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace claimline {

class EvidenceStore;
class Project;
struct Attachment;

struct EvidenceProblem
{
    enum class Kind : std::uint8_t { Missing, Changed, Unreadable };

    QString path; // as recorded
    Kind kind = Kind::Missing;
    Sha256 expected {};
    Sha256 found {}; // Changed only
    QString reason; // Unreadable: why (an I/O error, a link not followed)
    std::vector<std::uint32_t> sources; // the sources that pin it, by index, ascending

    // "evidence/….mp4: changed (expected sha256 …, found …)"
    QString line() const;
    // The line without the path: "changed (expected sha256 …, found …)", "missing".
    QString what() const;
};

struct EvidenceReport
{
    int files = 0; // distinct (path, hash) pairs checked
    int attachments = 0; // attachments listed by the sources
    std::vector<EvidenceProblem> problems; // by path
    bool cancelled = false;

    bool isClean() const { return problems.empty() && !cancelled; }
    // The problem of the file recorded at `path` with `sha256`, or nullptr. By what is
    // recorded, not by source index: it holds while sources are renumbered or edited, and a
    // file attached after the check has none.
    const EvidenceProblem *problemFor(const QString &path, const Sha256 &sha256) const;
    const EvidenceProblem *problemFor(const Project &project, const Attachment &attachment) const;
    // Whether the source pins a file with a problem.
    bool sourceFails(const Project &project, std::uint32_t source) const;
};

// What to check: each (path, hash) the sources record, with the sources pinning it. Read from
// the project on its own thread; the checks may then run anywhere.
struct EvidenceCheckList
{
    struct Entry
    {
        QString path;
        Sha256 sha256 {};
        std::vector<std::uint32_t> sources;
    };
    std::vector<Entry> entries;
    int attachments = 0;
};
EvidenceCheckList evidenceCheckList(const Project &project);

// Hashes the files of `list` in `store`. `cancel` (optional) stops between blocks of work;
// `progress` (optional) is told after each file (done, total).
EvidenceReport verifyEvidence(const EvidenceCheckList &list, const EvidenceStore &store,
                              const std::atomic_bool *cancel = nullptr,
                              const std::function<void(int, int)> &progress = {});

} // namespace claimline
