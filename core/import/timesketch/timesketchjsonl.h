#pragma once

// Timesketch JSON lines: one event a line, each a JSON object with the fields of a Timesketch
// CSV row ({"message": ..., "datetime": ..., "timestamp_desc": ..., ...}), read as a RowSource.
//
// The file is streamed (LineReader): a million lines cost one line at a time. Each line maps
// as timesketchevent.h says, exactly as the same event in a CSV would. A line that is not a
// JSON object (broken JSON, an array) is refused with its line number, and the lines after it
// are read on; empty lines are skipped. A line nested more than 32 levels deep is refused too:
// no event nests so deep, and writing such a value back as text would recurse as deep.
// Values that are not text are kept as text: numbers as JSON writes them (and as number
// attributes), true/false, a list of plain values as "a; b", anything nested as compact
// JSON; null as nothing.

#include "import/rowsource.h"

#include <QString>

#include <memory>

namespace claimline {

// The file as a RowSource; nullptr and *error (`cannot be read: …`) when it cannot be opened
// or is not UTF-8.
std::unique_ptr<RowSource> openTimesketchJsonl(const QString &path, QString *error);

} // namespace claimline
