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

// Room for `count` items in all, asked to be on huge pages: the arrays a load or an import
// fills as it goes.
template<typename T>
void reserveOnHugePages(std::vector<T> &items, std::size_t count)
{
    items.reserve(count);
    adviseHugePages(items.data(), items.capacity() * sizeof(T));
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
    reserveOnHugePages(items<Event>(), events);
    reserveOnHugePages(items<Claim>(), claims);
}

void Project::reservePools(std::size_t indices, std::size_t citations, std::size_t attributes)
{
    reserveOnHugePages(m_indexPool, m_indexPool.size() + indices);
    reserveOnHugePages(m_citations, m_citations.size() + citations);
    reserveOnHugePages(m_attributes, m_attributes.size() + attributes);
}

} // namespace claimline
