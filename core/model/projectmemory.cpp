// Project's memory: how big its arrays are, and room made for them ahead of a load, an import
// or a copy (project.h).

#include "model/project.h"

#include "model/memoryadvice.h"

namespace claimline {

Project::Shape Project::shape() const
{
    return {events().size(),    claims().size(),        m_relations.size(),  m_indexPool.size(),
            m_citations.size(), m_statusChanges.size(), m_attributes.size(), m_origins.size(),
            m_ids.slotCount(),  m_periods.size()};
}

namespace {

// Capacity for n items, every page written once, the vector left empty.
template<typename T>
void touch(std::vector<T> &items, std::size_t n)
{
    items.clear();
    items.resize(n);
    items.clear();
}

} // namespace

void Project::preallocate(const Shape &shape)
{
    touch(events(), shape.events);
    touch(claims(), shape.claims);
    touch(m_relations, shape.relations);
    touch(m_indexPool, shape.indices);
    touch(m_citations, shape.citations);
    touch(m_statusChanges, shape.statusChanges);
    touch(m_attributes, shape.attributes);
    touch(m_origins, shape.origins);
    touch(m_periods, shape.periods);
    m_ids.preallocate(shape.idSlots);
}

void Project::reserve(std::size_t events, std::size_t claims)
{
    // The parameters hide events() and claims().
    std::vector<Event> &eventArray = items<Event>();
    std::vector<Claim> &claimArray = items<Claim>();
    eventArray.reserve(events);
    claimArray.reserve(claims);
    adviseHugePages(eventArray.data(), eventArray.capacity() * sizeof(Event));
    adviseHugePages(claimArray.data(), claimArray.capacity() * sizeof(Claim));
}

void Project::reservePools(std::size_t indices, std::size_t citations, std::size_t attributes)
{
    const auto reservePool = [](auto &pool, std::size_t more) {
        pool.reserve(pool.size() + more);
        adviseHugePages(pool.data(), pool.capacity() * sizeof(pool[0]));
    };
    reservePool(m_indexPool, indices);
    reservePool(m_citations, citations);
    reservePool(m_attributes, attributes);
}

} // namespace claimline
