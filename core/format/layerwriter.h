#pragma once

// Writes the analyst's own layer of an item (model.h: Annotation): its `tags`, `starred` (only
// when true) and `annotations`, each left out when empty. Internal to core (the project
// writer's part).

#include "model/model.h"

#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace claimline {

class JsonObjectWriter;
class Project;

// The words of `range` (Project::indexPool()) as a list of strings under `name`.
void writeWords(JsonObjectWriter &object, const Project &project, std::string_view name,
                IndexRange range);
// `starred` and `annotations` (with the unknown fields kept inside each annotation, from the
// item's nested store `extras`).
void writeStarAndAnnotations(JsonObjectWriter &object, const Project &project, bool starred,
                             IndexRange annotations, const nlohmann::json *extras);
// All three, for the kinds whose tags are the analyst's alone (all but events).
template<typename Item>
void writeLayer(JsonObjectWriter &object, const Project &project, const Item &item,
                const nlohmann::json *extras)
{
    writeWords(object, project, "tags", item.tags);
    writeStarAndAnnotations(object, project, item.starred, item.annotations, extras);
}

} // namespace claimline
