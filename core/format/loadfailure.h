#pragma once

// LoadFailure: what kind of failure a failed load was, so that the window can lead with plain
// words ("the file ends in the middle") before the technical lines. The reader names every
// problem with its JSON Pointer for people who fix files; someone whose copy was cut off needs
// to know that first. This only classifies; the words are the window's.

#include "format/problem.h"

#include <QString>

namespace claimline {

enum class LoadFailure {
    None, // no problem
    Unreadable, // missing, a folder, no permission, a read error, changed while read
    Empty, // zero bytes
    TooLarge, // past a limit (size, string length, nesting, items) or out of memory
    Truncated, // valid JSON up to the end of the file, which comes in the middle of it
    NotJson, // not JSON somewhere before the end (another format, an edit gone wrong, bad bytes)
    NotProject, // JSON, but not a Claimline project (another program's document)
    NewerVersion, // a project of a format version this build cannot read
    InvalidValues, // a Claimline project with values that are wrong (types, references, dates)
    Internal, // the reader failed on an internal error (a bug)
};

// Classifies the problems loadProject() gave for the file at `path`. Reads the file's end when
// a JSON syntax error needs telling apart: one at the very end means the file was cut off.
// When several kinds are present, the one that explains the others wins (a cut-off file also
// misses its required fields; those are not the point).
[[nodiscard]] LoadFailure classifyLoadFailure(const Problems &problems, const QString &path);

// Whether a JSON syntax error reported at 1-based `line` and `column` (in bytes, as the
// reader reports them) is the end of the file at `path`.
[[nodiscard]] bool isEndOfFile(const QString &path, qint64 line, qint64 column);

} // namespace claimline
