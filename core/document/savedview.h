#pragma once

// SavedView: one entry of the file's `views` array, modelled.
//
// A view names a time range of the timeline, a filter, an order of lanes and the two sides
// of the narratives comparison:
//
//   {"a": ["russia"], "b": ["ukraine"], "from": "2025-12-28", "name": "Russia vs Ukraine",
//    "to": "2026-01-01", "lanes": ["russia", "ukraine"],
//    "filter": {"hidden_parties": ["india"], "statuses": ["disputed", "refuted"],
//               "stances": ["denies", "none"], "tags": ["drones"], "questions": ["q-scale"],
//               "text": "drone", "reliability": "B", "from": "2025-12-28", "to": "2025-12-31",
//               "starred": true, "annotated": true, "annotated_by": "Ana"}}
//
// A range runs from the start of `from` to the end of `to`, so "to": "2026-01-01" includes
// 1 January (as on the command line). Statuses and stances list what is shown ("none" is a
// claim without a stance); a missing key shows all of them. References are ids, resolved
// against the project on reading. What this model does not understand is kept and written
// back: unknown keys (of the view and of its filter), values of the wrong type, and ids or
// names the project does not have. A view the user never changed is therefore written back
// exactly as it was read (in the canonical writer's key order).

#include "document/filter.h"
#include "model/model.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace claimline {

class Document;
class Project;

struct SavedView
{
    QString name;

    // The timeline's range, [from, to) in UTC seconds, and the text each was read from (kept
    // when it still says the same instant). An unset end is no limit; a text that is not a
    // valid EDTF time is kept with an unset end.
    std::optional<std::int64_t> from, to;
    std::string fromText, toText;

    // The filter (see Filter for the meaning of each).
    std::set<std::uint32_t> hiddenParties; // party indices
    std::uint32_t statuses = Filter::AllStatuses;
    std::uint32_t stances = Filter::AllStances;
    std::set<std::uint32_t> tags; // word indices (Project::word)
    std::set<std::uint32_t> questions; // question indices
    std::optional<std::int64_t> dateFrom, dateTo;
    std::string dateFromText, dateToText;
    char reliability = 0; // 'A'..'F', 0 = no threshold
    bool starredOnly = false, annotatedOnly = false; // "starred", "annotated"
    QString annotationAuthor; // "annotated_by"
    QString text;

    // Party indices: lanes top to bottom (parties missing keep their order below), and the
    // narratives comparison's side A and side B.
    std::vector<std::uint32_t> lanes;
    std::vector<std::uint32_t> a, b;

    // Kept to be written back: unknown keys and known keys with values of the wrong type, of
    // the view and of its "filter" object; and, by key ("a", "lanes", "hidden_parties",
    // "statuses", …), the entries of known arrays that name nothing in the project.
    nlohmann::json extra = nlohmann::json::object();
    nlohmann::json filterExtra = nlohmann::json::object();
    nlohmann::json unresolved = nlohmann::json::object();

    // Reads one entry of `views` (an object; anything else gives an empty view).
    static SavedView fromJson(const nlohmann::json &view, const Project &project);
    // The entry to store in `views`; keys in any order (the writer sorts them).
    nlohmann::json toJson(const Project &project) const;

    // Whether the view carries filter criteria (a filter that is not the default one).
    bool hasFilter() const;
};

// The saved views of the project, one per object in `views` (other entries are skipped).
std::vector<SavedView> savedViews(const Project &project);

// Sets every filter criterion to the view's, as one change of the Filter (a view without
// criteria clears the filter).
void applySavedView(const SavedView &view, Filter &filter);
// Copies the filter's criteria into the view (the rest of the view is left as it is).
void captureFilter(const Filter &filter, SavedView &view);

// Stores the view in the document's `views` as one undo step, "Save view “NAME”": it
// replaces the first view of the same name, or is appended.
void saveView(Document &document, const SavedView &view);
// Removes the first view of that name as one undo step, "Delete view “NAME”". Returns false
// when there is none.
bool deleteView(Document &document, const QString &name);

} // namespace claimline
