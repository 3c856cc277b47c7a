// Filter::accepted(): the filter's answer for every item at once, so that a change costs one
// pass over the project however many views follow it.

#include "document/filter.h"

#include "model/project.h"
#include "model/sidebyside.h"

#include <algorithm>

namespace claimline {

namespace {

// Below this many items one thread is quicker than starting a second.
constexpr std::size_t ParallelThreshold = 1 << 16;

// Sets the bits of words [first, last) of `bits` from accepts(i) for the items in them
// (fewer than `count` in the last word). Threads given disjoint word ranges never share a
// word.
template<typename Accepts>
void fillWords(std::vector<std::uint64_t> &bits, std::size_t first, std::size_t last,
               std::size_t count, const Accepts &accepts)
{
    for (std::size_t word = first; word < last; ++word) {
        std::uint64_t value = 0;
        const std::size_t begin = word * 64;
        const std::size_t end = std::min(count, begin + 64);
        for (std::size_t i = begin; i < end; ++i)
            value |= std::uint64_t(accepts(std::uint32_t(i))) << (i - begin);
        bits[word] = value;
    }
}

// All of `count` items: every bit set but those past the end.
void fillAll(std::vector<std::uint64_t> &bits, std::size_t count)
{
    std::fill(bits.begin(), bits.end(), ~std::uint64_t(0));
    if (count % 64)
        bits.back() = (std::uint64_t(1) << (count % 64)) - 1;
}

} // namespace

const ItemBits &Filter::accepted(const Project &project) const
{
    Accepted &cache = m_accepted;
    if (cache.project == &project && cache.revision == project.revision()
        && cache.generation == m_generation)
        return cache.bits;
    fillAccepted(project, cache.bits);
    cache.project = &project;
    cache.revision = project.revision();
    cache.generation = m_generation;
    return cache.bits;
}

void Filter::fillAccepted(const Project &project, ItemBits &bits) const
{
    const std::size_t events = project.events().size();
    const std::size_t claims = project.claims().size();
    bits.events.assign(ItemBits::wordsFor(events), 0);
    bits.claims.assign(ItemBits::wordsFor(claims), 0);
    if (!isActive()) {
        fillAll(bits.events, events);
        fillAll(bits.claims, claims);
        return;
    }
    // The text matches are searched (and cached) here, once: from now on matchesText() only
    // reads the cache, so two threads can ask at the same time.
    if (!m_needle.isEmpty())
        (void)m_textSearch.matches(project, m_needle);

    const auto acceptEvent = [this, &project](std::uint32_t i) {
        return acceptsEvent(project, i);
    };
    const auto acceptClaim = [this, &project](std::uint32_t i) {
        return acceptsClaim(project, i);
    };
    const std::size_t eventWords = bits.events.size();
    const std::size_t claimWords = bits.claims.size();
    // Each of the two threads takes half of the events and half of the claims.
    sideBySide(
        events + claims >= ParallelThreshold,
        [&] {
            fillWords(bits.events, 0, eventWords / 2, events, acceptEvent);
            fillWords(bits.claims, 0, claimWords / 2, claims, acceptClaim);
        },
        [&] {
            fillWords(bits.events, eventWords / 2, eventWords, events, acceptEvent);
            fillWords(bits.claims, claimWords / 2, claimWords, claims, acceptClaim);
        });
}

} // namespace claimline
