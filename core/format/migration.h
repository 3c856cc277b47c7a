#pragma once

// Migrations of older .claimline format versions, one step per version, on a JSON DOM.
//
// Version history:
//   0  The draft format of the design sketch: questions carried an explicit numeric "order".
//   1  Questions are ordered by their position in the array (one source of truth for the
//      order; a reorder is a move, not a renumbering of every question).

#include "format/problem.h"

#include <nlohmann/json_fwd.hpp>

namespace claimline {

// Converts a document of an older version to Project::FormatVersion in place, step by step,
// and sets its "version". Returns false (with problems) when a step cannot convert it.
[[nodiscard]] bool migrateToCurrent(nlohmann::json &document, Problems &problems);

} // namespace claimline
