#include "timeline/timelinelaneorder.h"

#include "present/timelinelanes.h"

#include <algorithm>
#include <utility>

namespace claimline {

void TimelineLaneOrder::clear()
{
    m_order.clear();
    m_collapsed.clear();
    m_pinned = NoPin;
}

void TimelineLaneOrder::pinFirst(std::size_t lane)
{
    m_pinned = lane;
    keepPinnedFirst();
}

void TimelineLaneOrder::keepPinnedFirst()
{
    const auto it = std::find(m_order.begin(), m_order.end(), m_pinned);
    if (it != m_order.end())
        std::rotate(m_order.begin(), it, it + 1);
}

void TimelineLaneOrder::reconcile(std::size_t count)
{
    std::vector<std::size_t> order;
    for (const std::size_t lane : m_order) {
        if (lane < count)
            order.push_back(lane);
    }
    for (std::size_t lane = 0; lane < count; ++lane) {
        if (std::find(order.begin(), order.end(), lane) == order.end())
            order.push_back(lane);
    }
    m_order = std::move(order);
    m_collapsed.resize(count, 0);
}

std::size_t TimelineLaneOrder::position(std::size_t lane) const
{
    return std::size_t(std::find(m_order.begin(), m_order.end(), lane) - m_order.begin());
}

bool TimelineLaneOrder::move(std::size_t lane, std::size_t toPosition)
{
    const auto it = std::find(m_order.begin(), m_order.end(), lane);
    if (it == m_order.end() || lane == m_pinned)
        return false;
    m_order.erase(it);
    const bool pinned = !m_order.empty() && m_order.front() == m_pinned;
    toPosition = std::max<std::size_t>(toPosition, pinned ? 1 : 0);
    m_order.insert(m_order.begin() + std::ptrdiff_t(std::min(toPosition, m_order.size())), lane);
    return true;
}

bool TimelineLaneOrder::setOrder(const std::vector<std::size_t> &order)
{
    const std::size_t count = m_order.size();
    std::vector<char> placed(count, 0);
    std::vector<std::size_t> next;
    next.reserve(count);
    for (const std::vector<std::size_t> *source : {&order, &std::as_const(m_order)}) {
        for (const std::size_t lane : *source) {
            if (lane < count && !placed[lane]) {
                placed[lane] = 1;
                next.push_back(lane);
            }
        }
    }
    std::swap(next, m_order);
    keepPinnedFirst();
    return next != m_order;
}

bool TimelineLaneOrder::isCollapsed(std::size_t lane) const
{
    return lane < m_collapsed.size() && m_collapsed[lane];
}

bool TimelineLaneOrder::setCollapsed(std::size_t lane, bool collapsed)
{
    if (lane >= m_collapsed.size())
        return false;
    m_collapsed[lane] = collapsed ? 1 : 0;
    return true;
}

TimelineLaneOrder::ByParty TimelineLaneOrder::byParty(const TimelineLanes &lanes) const
{
    ByParty parties;
    const auto &all = lanes.lanes();
    for (const std::size_t lane : m_order) {
        if (lane < all.size())
            parties.order.push_back(all[lane].party);
    }
    for (std::size_t lane = 0; lane < m_collapsed.size() && lane < all.size(); ++lane) {
        if (m_collapsed[lane])
            parties.collapsed.push_back(all[lane].party);
    }
    return parties;
}

void TimelineLaneOrder::restore(const ByParty &parties, const TimelineLanes &lanes)
{
    std::vector<std::size_t> order;
    for (const std::uint32_t party : parties.order)
        order.push_back(lanes.laneOfParty(party));
    for (std::size_t lane = 0; lane < lanes.lanes().size(); ++lane) {
        if (std::find(order.begin(), order.end(), lane) == order.end())
            order.push_back(lane);
    }
    m_order = std::move(order);
    m_collapsed.assign(lanes.lanes().size(), 0);
    for (const std::uint32_t party : parties.collapsed)
        m_collapsed[lanes.laneOfParty(party)] = 1;
    keepPinnedFirst();
}

} // namespace claimline
