#include "format/migration.h"

#include "model/project.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

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
        const auto order = q.is_object() ? q.find("order") : q.end();
        if (order != q.end() && !order->is_number()) {
            problems.push_back({"/questions/" + std::to_string(i) + "/order",
                                "must be a number (format version 0)"});
            return false;
        }
    }
    const auto orderOf = [](const json &q) {
        const auto order = q.is_object() ? q.find("order") : q.end();
        return order != q.end() && order->is_number() ? order->get<double>()
                                                      : std::numeric_limits<double>::infinity();
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
constexpr std::array<Step, Project::FormatVersion> Steps {questionsOrderedByPosition};

} // namespace

bool migrateToCurrent(json &document, Problems &problems)
{
    // The document is file data: read nothing from it before checking its type (a DOM's
    // value() and get() throw on any other).
    const auto it = document.is_object() ? document.find("version") : document.end();
    if (it == document.end() || !it->is_number_integer()) {
        problems.push_back({"/version", "cannot migrate: not a whole number"});
        return false;
    }
    const std::int64_t version = it->is_number_unsigned()
        ? std::int64_t(std::min<std::uint64_t>(it->get<std::uint64_t>(), INT64_MAX))
        : it->get<std::int64_t>();
    if (version < 0 || version > Project::FormatVersion) {
        problems.push_back({"/version", "cannot migrate from this version"});
        return false;
    }
    for (int v = int(version); v < Project::FormatVersion; ++v) {
        spdlog::info("migrating project from format version {} to {}", v, v + 1);
        if (!Steps[std::size_t(v)](document, problems))
            return false;
        document["version"] = v + 1;
    }
    return true;
}

} // namespace claimline
