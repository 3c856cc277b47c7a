#pragma once

// FilterFacts: what the filter panel lists of a project that only a pass over every item can
// tell: how many events and claims carry each tag, and the first and last moment of its events and
// claims. At a million items that pass is the cost of a deletion, so the facts follow a
// change of which events and claims exist (a deletion, an addition, their undo) by the items
// that went or came back.

#include "model/model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace claimline {

class Project;
struct StructureChange;

class FilterFacts
{
public:
    // Counts from every item (two threads at scale).
    void count(const Project &project);
    // Follows a change the project has had since the last count or follow. False when it
    // cannot (anything but events and claims changed, or the change does not carry the items
    // it removed): count() again.
    bool follow(const Project &project, const StructureChange &change);

    // Per word of the project (Project::word()): the events and claims carrying it as a tag.
    std::span<const int> tagCounts() const { return m_tagCounts; }
    // The first closed start and the last closed end (exclusive) of any event or claim;
    // first > last when none has either.
    std::int64_t first() const { return m_first; }
    std::int64_t last() const { return m_last; }

private:
    void countSpan(const Project &project);

    std::vector<int> m_tagCounts;
    std::int64_t m_first = 0;
    std::int64_t m_last = 0;
};

} // namespace claimline
