#pragma once

// The analyst's own layer of an item (model.h: Annotation), read the same way whatever the
// item's kind: its annotations, tags and star. Every kind keeps them in fields of these names;
// this is where code that does not care about the kind reads them.

#include "model/model.h"
#include "time/fuzzytime.h"

namespace claimline {

class Project;

struct ItemLayer
{
    IndexRange annotations, tags;
    bool starred = false;
};

// The item's layer; an empty one for an item the project does not have.
ItemLayer layerOf(const Project &project, ItemRef item);
// Whether the item has at least one annotation / one by `author` (exact spelling).
bool isAnnotated(const Project &project, ItemRef item);
bool isAnnotatedBy(const Project &project, IndexRange annotations, std::string_view author);

// What an annotation's `at` is: one moment, to the minute or the second (written in UTC). The
// reader refuses anything else, so the Document never records anything else.
inline bool isAnnotationInstant(const FuzzyTime &at)
{
    return !at.isNull() && !at.isInterval() && !at.isApproximate() && !at.isUncertain()
        && at.startPrecision() >= Precision::Minute;
}

} // namespace claimline
