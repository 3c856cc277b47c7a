#pragma once

// Every annotation of a project as one list, for the Annotations dock and the exports that
// are asked to carry them: which item each is on, newest first, with the search the search
// box does (searchtext.h: case and accents folded).

#include "model/model.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace claimline {

class Project;

struct AnnotationEntry
{
    ItemRef item;
    std::uint32_t position = 0; // in the item's list, oldest first
    friend bool operator==(const AnnotationEntry &, const AnnotationEntry &) = default;
};

// The annotation an entry names; an empty one (no author, text or time) for an entry the
// project no longer has (a list kept across an edit or an undo).
const Annotation &annotationAt(const Project &project, const AnnotationEntry &entry);

// Every annotation on every item, newest first; annotations written at the same moment in
// the order of their items (ItemKind order, then file order) and of their lists.
std::vector<AnnotationEntry> listAnnotations(const Project &project);

// Whether the entry's text, author or item (its id and label) holds `foldedNeedle`
// (foldForSearch()); an empty needle matches all.
bool annotationMatches(const Project &project, const AnnotationEntry &entry,
                       const QString &foldedNeedle);

// Everyone who wrote an annotation, each once, sorted as people read them.
QStringList annotationAuthors(const Project &project);

// The annotations of a list as one text: "[2026-01-02T09:30:00Z Ana] Check the video",
// one per line, oldest first. What exports write when they are asked to carry notes.
QString annotationsText(const Project &project, IndexRange annotations);

} // namespace claimline
