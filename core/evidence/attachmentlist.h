#pragma once

// Adding pinned files to a source's attachments, the one way the command line (`claimline
// attach`) and the app (Attach File…, a file dropped on a source) both do it.

#include "evidence/evidencestore.h"
#include "model/model.h"

#include <span>

namespace claimline {

class Project;

// The source's attachment list `existing` with `pinned` appended, as a new range in the
// project's attachment pool (append-only: `existing` stays as it was, for undo). A file the
// list already holds (same path and hash) is not listed twice. `added` (optional) is how many
// were new. Pinned files with an error are skipped.
IndexRange withPinnedFiles(Project &project, IndexRange existing,
                           std::span<const PinnedFile> pinned, int *added = nullptr);

// The list without entry `index` (Remove Attachment: the copy stays in the evidence folder).
IndexRange withoutAttachment(Project &project, IndexRange existing, std::uint32_t index);

} // namespace claimline
