#include "present/filterfacts.h"

#include "document/structurechange.h"
#include "model/project.h"
#include "model/sidebyside.h"

#include <algorithm>
#include <limits>

namespace claimline {

namespace {

// Events counted on each of two threads from this many on.
constexpr std::size_t ParallelTagCount = std::size_t(1) << 16;

} // namespace

void FilterFacts::count(const Project &project)
{
    // Half the events on each of two threads at scale: reading a million events is the cost.
    std::vector<int> counts(project.wordCount(), 0);
    std::vector<int> secondHalf(project.wordCount(), 0);
    const auto add = [&project](IndexRange tags, std::vector<int> &into) {
        for (const std::uint32_t tag : project.indices(tags)) {
            if (tag < into.size())
                ++into[tag];
        }
    };
    const auto tally = [&](std::size_t from, std::size_t to, std::vector<int> &into) {
        for (std::size_t e = from; e < to; ++e)
            add(project.events()[e].tags, into);
    };
    const std::size_t events = project.events().size();
    sideBySide(
        events >= ParallelTagCount, [&] { tally(0, events / 2, counts); },
        [&] { tally(events / 2, events, secondHalf); });
    for (std::size_t tag = 0; tag < counts.size(); ++tag)
        counts[tag] += secondHalf[tag];
    // Claims carry tags of their own too (the analyst's; few claims have any).
    for (const Claim &claim : project.claims())
        add(claim.tags, counts);
    m_tagCounts = std::move(counts);
    countSpan(project);
}

void FilterFacts::countSpan(const Project &project)
{
    // Read from the time indexes (dense arrays, starts sorted), not from every item.
    m_first = std::numeric_limits<std::int64_t>::max();
    m_last = std::numeric_limits<std::int64_t>::min();
    for (const IntervalIndex *index : {&project.eventTimeIndex(), &project.claimTimeIndex()}) {
        const auto starts = index->starts();
        const auto closed = std::upper_bound(starts.begin(), starts.end(), FuzzyTime::OpenStart);
        if (closed != starts.end())
            m_first = std::min(m_first, *closed);
        for (const std::int64_t end : index->ends()) {
            if (end != FuzzyTime::OpenEnd)
                m_last = std::max(m_last, end);
        }
    }
}

bool FilterFacts::follow(const Project &project, const StructureChange &change)
{
    if (!change.onlyEventsAndClaims())
        return false;
    const std::vector<std::uint32_t> &events = change.of(ItemKind::Event);
    const std::vector<std::uint32_t> &claims = change.of(ItemKind::Claim);
    if (change.events.size() != events.size() || change.claims.size() != claims.size())
        return false;
    const int step = change.inserted ? 1 : -1;
    m_tagCounts.resize(project.wordCount(), 0);
    bool spanMoved = false;
    const auto followTime = [&](const FuzzyTime &when) {
        const bool closedStart = when.start() != FuzzyTime::OpenStart;
        const bool closedEnd = when.end() != FuzzyTime::OpenEnd;
        if (change.inserted) {
            if (closedStart)
                m_first = std::min(m_first, when.start());
            if (closedEnd)
                m_last = std::max(m_last, when.end());
        } else if ((closedStart && when.start() <= m_first)
                   || (closedEnd && when.end() >= m_last)) {
            spanMoved = true; // it may have been the first or the last
        }
    };
    // False for a count from another project: count again.
    const auto followTags = [&](IndexRange tags) {
        for (const std::uint32_t tag : project.indices(tags)) {
            if (tag >= m_tagCounts.size() || (m_tagCounts[tag] += step) < 0)
                return false;
        }
        return true;
    };
    for (const Event &event : change.events) {
        if (!followTags(event.tags))
            return false;
        followTime(event.when);
    }
    for (const Claim &claim : change.claims) {
        if (!followTags(claim.tags))
            return false;
        followTime(claim.madeAt);
    }
    if (spanMoved)
        countSpan(project);
    return true;
}

} // namespace claimline
