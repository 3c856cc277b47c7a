#pragma once

// Shared by the ProjectReader tests: a small valid project to break one thing in at a time,
// and the checks of the problems a reading reports.

#include "format/migration.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace claimline::test {

// Documents keep their key order, so that the text a test reads is in the canonical order.
using json = nlohmann::ordered_json;

// Equal as JSON values, whatever the key order.
inline bool sameJson(const json &a, const json &b)
{
    return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump());
}

// A small valid project with one or more items of every kind, every reference kind used once.
// Tests break one thing in it at a time (by JSON Pointer) so that each problem is isolated.
inline constexpr const char *BaseText = R"({
  "format": "claimline",
  "version": 1,
  "meta": {"title": "Novgorod", "authors": ["A. Analyst"]},
  "parties": [
    {"id": "russia", "name": "Russia", "short": "RU", "color": "#D55E00", "kind": "state"},
    {"id": "ukraine", "name": "Ukraine", "short": "UA", "color": "#0072B2", "kind": "state"}
  ],
  "actors": [
    {"id": "lavrov", "name": "Sergei Lavrov", "party": "russia"},
    {"id": "zelenskyy", "name": "Volodymyr Zelenskyy", "party": "ukraine"}
  ],
  "sources": [
    {"id": "src-1", "title": "Moscow claims strike", "reliability": "C"}
  ],
  "events": [
    {"id": "ev-drones", "title": "Alleged drone attack", "when": "2025-12-28/2025-12-29",
     "location": {"name": "Valdai", "lat": 58.5, "lon": 33.27}, "parties": ["russia", "ukraine"],
     "sources": [{"source": "src-1", "excerpt": "91 drones"}],
     "status_history": [{"status": "disputed", "at": "2025-12-30"}], "status": "disputed"}
  ],
  "questions": [
    {"id": "q-targeted", "text": "Did Ukraine target the residence?"}
  ],
  "claims": [
    {"id": "claim-91", "claimant": "lavrov", "made_at": "2025-12-29", "about": "ev-drones",
     "question": "q-targeted", "stance": "affirms", "statement": "91 drones were launched.",
     "quote": {"text": "91 drones", "speaker": "lavrov"}, "credibility": 4},
    {"id": "claim-lies", "claimant": "ukraine", "via": "zelenskyy", "made_at": "2025-12-29",
     "stance": "denies", "statement": "Ukraine denies it."}
  ],
  "relations": [
    {"from": "claim-lies", "to": "claim-91", "kind": "denies"}
  ]
})";

inline json base()
{
    return json::parse(BaseText);
}

// The base project with the value at `pointer` replaced.
inline json with(const std::string &pointer, json value)
{
    json doc = base();
    doc[json::json_pointer(pointer)] = std::move(value);
    return doc;
}

// The base project without the value at `pointer`.
inline json without(const std::string &pointer)
{
    json doc = base();
    const json::json_pointer p(pointer);
    doc[p.parent_pointer()].erase(p.back());
    return doc;
}

inline LoadResult read(const json &doc, const LoadLimits &limits = {})
{
    return readProject(doc.dump(), limits);
}

inline std::string describe(const Problems &problems)
{
    std::string out;
    for (const Problem &p : problems)
        out += "\n  [" + p.pointer + "] " + p.message;
    return out.empty() ? "\n  (no problems)" : out;
}

inline bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

inline bool isValidUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size())).toUtf8()
        == QByteArray(text.data(), qsizetype(text.size()));
}

// The file failed with exactly one problem, at `pointer`, whose message contains every part.
inline ::testing::AssertionResult onlyProblem(const LoadResult &result, std::string_view pointer,
                                              std::initializer_list<std::string_view> parts)
{
    if (result.ok())
        return ::testing::AssertionFailure() << "the file was accepted";
    if (result.problems.size() != 1)
        return ::testing::AssertionFailure()
            << "expected one problem at \"" << pointer << "\", got" << describe(result.problems);
    const Problem &p = result.problems.front();
    if (p.pointer != pointer)
        return ::testing::AssertionFailure()
            << "expected the pointer \"" << pointer << "\", got" << describe(result.problems);
    for (const std::string_view part : parts) {
        if (!contains(p.message, part))
            return ::testing::AssertionFailure()
                << "the message does not mention \"" << part << "\":" << describe(result.problems);
    }
    return ::testing::AssertionSuccess();
}

// Exactly these problems (pointer, exact message), in any order.
inline ::testing::AssertionResult exactlyProblems(const LoadResult &result, Problems expected)
{
    Problems actual = result.problems;
    const auto order = [](const Problem &a, const Problem &b) {
        return std::tie(a.pointer, a.message) < std::tie(b.pointer, b.message);
    };
    std::sort(actual.begin(), actual.end(), order);
    std::sort(expected.begin(), expected.end(), order);
    if (result.ok() || actual != expected)
        return ::testing::AssertionFailure()
            << "expected" << describe(expected) << "\ngot" << describe(result.problems);
    return ::testing::AssertionSuccess();
}

// The line of `text` that contains `marker` (items are written one per line).
inline std::string lineWith(const std::string &text, std::string_view marker)
{
    const auto at = text.find(marker);
    if (at == std::string::npos)
        return {};
    const auto begin = text.rfind('\n', at) + 1;
    const auto end = text.find('\n', at);
    return text.substr(begin, end - begin);
}

} // namespace claimline::test
