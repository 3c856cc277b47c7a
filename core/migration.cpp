#include "migration.h"

#include "project.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>

namespace claimline {

namespace {

using json = nlohmann::json;
using Step = bool (*)(json &document, Problems &problems);

// 0 -> 1: order questions by their "order" number (stable: equal or missing numbers keep
// file order, missing ones go last) and drop the field.
bool questionsOrderedByPosition(json &document, Problems &problems)
{
    const auto it = document.find("questions");
    if (it == document.end() || !it->is_array())
        return true;
    json &questions = *it;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const json &q = questions[i];
        if (q.is_object() && q.contains("order") && !q["order"].is_number()) {
            problems.push_back({"/questions/" + std::to_string(i) + "/order",
                                "must be a number (format version 0)"});
            return false;
        }
    }
    const auto orderOf = [](const json &q) {
        if (q.is_object() && q.contains("order"))
            return q["order"].get<double>();
        return std::numeric_limits<double>::infinity();
    };
    std::stable_sort(questions.begin(), questions.end(),
                     [&](const json &a, const json &b) { return orderOf(a) < orderOf(b); });
    for (json &q : questions) {
        if (q.is_object())
            q.erase("order");
    }
    return true;
}

// steps[v] converts version v to v + 1.
constexpr std::array<Step, Project::FormatVersion> Steps{questionsOrderedByPosition};

} // namespace

bool migrateToCurrent(json &document, Problems &problems)
{
    const auto version = document.value("version", -1);
    if (version < 0 || version > Project::FormatVersion) {
        problems.push_back({"/version", "cannot migrate from this version"});
        return false;
    }
    for (int v = version; v < Project::FormatVersion; ++v) {
        spdlog::info("migrating project from format version {} to {}", v, v + 1);
        if (!Steps[std::size_t(v)](document, problems))
            return false;
        document["version"] = v + 1;
    }
    return true;
}

} // namespace claimline
