#pragma once

// ProblemList: the problems the project reader finds in a file, and whether one of them
// stopped the read. Internal to claimline_core (used by the project reader's parts only).

#include "format/problem.h"
#include "text/quotedtext.h"

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace claimline {

class ProblemList
{
public:
    // A file with a systematic error (a million events without a title) would otherwise
    // make a list no one can read, and cost memory.
    static constexpr std::size_t MaxProblems = 1000;

    // Adds a problem; past MaxProblems, only a note that there were more.
    void add(std::string pointer, std::string message);
    // Adds the problem that stops the read (always listed). Returns false, for the SAX
    // handler to return.
    bool fail(std::string pointer, std::string message);
    // Called before each problem is added: a part that reports some of its problems late
    // (ReferenceResolver's deferred ids) reports them first, so that the list keeps the order
    // in which problems were in the file.
    void setBeforeAdd(std::function<void()> beforeAdd) { m_beforeAdd = std::move(beforeAdd); }

    bool isAborted() const { return m_aborted; }
    bool isEmpty() const { return m_problems.empty(); }

    // Orders problems as a canonical file is laid out (whole-file problems, then by top-level
    // key in the writer's order, then by item), so the list reads top to bottom with the file.
    // References are resolved after the whole file is read; without this their problems would
    // come after everything else. Problems of one item keep the order they were found in.
    void sortInFileOrder();

    Problems take() { return std::move(m_problems); }

private:
    Problems m_problems;
    std::function<void()> m_beforeAdd;
    bool m_aborted = false;
};

// --- helpers for problem messages ------------------------------------------------------------

// "a party", "an event".
std::string withArticle(std::string_view noun);

// The non-empty names, comma-separated (for "expected one of: ...").
inline std::string joinNames(std::span<const std::string_view> names)
{
    std::string out;
    for (const std::string_view name : names) {
        if (name.empty())
            continue;
        if (!out.empty())
            out += ", ";
        out += name;
    }
    return out;
}

} // namespace claimline
