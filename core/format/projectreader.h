#pragma once

// Reading .claimline files: every file is untrusted input. The reader streams the JSON
// through a SAX interface (FastJsonScanner, nlohmann's parser for anything unusual) straight into
// the model (no DOM: a DOM of a 1M-event file costs seconds and gigabytes), validates every field,
// and reports every problem it finds with its JSON Pointer, not just the first. A file with any
// problem gives no Project.

#include "format/jsontokenizer.h"
#include "format/problem.h"
#include "model/project.h"

#include <QString>

#include <optional>
#include <string_view>

namespace claimline {

// What a file may ask of us. A small file can never make the reader allocate much more
// than its own size: strings, nesting and item counts are bounded before they are stored.
struct LoadLimits
{
    std::uint64_t maxFileSize = std::uint64_t(2) << 30; // 2 GiB
    std::uint32_t maxStringLength = TextRef::MaxLength; // 16 MiB - 1
    std::uint32_t maxDepth = 256;
    std::uint64_t maxItems = 10'000'000;
};

struct LoadResult
{
    std::optional<Project> project; // set when there are no problems
    Problems problems;
    int fileVersion = 0; // the format version the file declared (0 if unknown)
    bool migrated = false; // the file was in an older format version and was converted
    // The reader threw (a bug: file data is checked before it is used); the load boundary
    // turned it into the one problem. The fuzz targets treat it as a crash.
    bool internalError = false;

    bool ok() const { return project.has_value(); }
};

// Parses a project from bytes in memory.
[[nodiscard]] LoadResult readProject(std::string_view bytes, const LoadLimits &limits = {},
                                     JsonTokenizer tokenizer = JsonTokenizer::Fast);
// Reads a project file, streaming it in chunks (never mapping it: a file truncated by
// another program while we read must give an error, not a SIGBUS).
[[nodiscard]] LoadResult loadProject(const QString &path, const LoadLimits &limits = {},
                                     JsonTokenizer tokenizer = JsonTokenizer::Fast);

} // namespace claimline
