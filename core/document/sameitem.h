#pragma once

// Whether two values of an item say the same thing: text compared by content (an edit adds new
// text to the arena, so equal text may sit under different TextRefs), lists by their entries.
// The Document pushes no edit that changes nothing, and a run of typing that ends where it
// began is dropped from the undo history.

#include "model/project.h"

namespace claimline {

bool sameText(const Project &p, TextRef a, TextRef b);
bool sameItem(const Project &p, const Event &a, const Event &b);
bool sameItem(const Project &p, const Claim &a, const Claim &b);
bool sameItem(const Project &p, const Party &a, const Party &b);
bool sameItem(const Project &p, const Actor &a, const Actor &b);
bool sameItem(const Project &p, const Source &a, const Source &b);
bool sameItem(const Project &p, const Question &a, const Question &b);
bool sameMeta(const Project &p, const ProjectMeta &a, const ProjectMeta &b);

} // namespace claimline
