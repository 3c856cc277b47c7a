#include "filter.h"

#include "project.h"
#include "searchtext.h"

#include <algorithm>

namespace claimline {

Filter::Filter(QObject *parent)
    : QObject(parent)
{ }

void Filter::notify()
{
    if (m_updateDepth > 0)
        m_pending = true;
    else
        Q_EMIT changed();
}

void Filter::beginUpdate()
{
    ++m_updateDepth;
}

void Filter::endUpdate()
{
    Q_ASSERT(m_updateDepth > 0);
    if (--m_updateDepth == 0 && m_pending) {
        m_pending = false;
        Q_EMIT changed();
    }
}

void Filter::setPartyHidden(std::uint32_t party, bool hidden)
{
    const bool changedNow
        = hidden ? m_hiddenParties.insert(party).second : m_hiddenParties.erase(party) > 0;
    if (changedNow)
        notify();
}

void Filter::setStatusShown(Status status, bool shown)
{
    const std::uint32_t bit = 1u << unsigned(status);
    const std::uint32_t next = shown ? (m_statuses | bit) : (m_statuses & ~bit);
    if (next == m_statuses)
        return;
    m_statuses = next;
    notify();
}

void Filter::setTags(std::set<std::uint32_t> tags)
{
    if (tags == m_tags)
        return;
    m_tags = std::move(tags);
    notify();
}

void Filter::setTextQuery(const QString &query)
{
    if (query == m_textQuery)
        return;
    m_textQuery = query;
    m_needle = foldForSearch(query.trimmed());
    notify();
}

bool Filter::isActive() const
{
    return !m_hiddenParties.empty() || !m_tags.empty() || m_statuses != AllStatuses
        || !m_needle.isEmpty();
}

void Filter::clear()
{
    // A blank query is inactive but still shown in the search field: clear it too.
    if (!isActive() && m_textQuery.isEmpty())
        return;
    m_hiddenParties.clear();
    m_tags.clear();
    m_statuses = AllStatuses;
    m_textQuery.clear();
    m_needle.clear();
    notify();
}

bool Filter::matchesText(const Project &project, std::initializer_list<TextRef> texts) const
{
    if (m_needle.isEmpty())
        return true;
    for (const TextRef text : texts) {
        if (containsFolded(project.text(text), m_needle))
            return true;
    }
    return false;
}

bool Filter::hasRequiredTags(const Project &project, const Event &event) const
{
    const auto tags = project.indices(event.tags);
    return std::all_of(m_tags.begin(), m_tags.end(), [&tags](std::uint32_t tag) {
        return std::find(tags.begin(), tags.end(), tag) != tags.end();
    });
}

bool Filter::acceptsEvent(const Project &project, std::uint32_t index) const
{
    const Event &event = project.events()[index];
    if (!isStatusShown(event.status))
        return false;
    const auto parties = project.indices(event.parties);
    // An event is hidden when every party it involves is hidden (an event of Russia and
    // Ukraine stays visible when only Russia is hidden).
    if (!m_hiddenParties.empty() && !parties.empty()
        && std::all_of(parties.begin(), parties.end(),
                       [this](std::uint32_t p) { return m_hiddenParties.count(p) > 0; }))
        return false;
    if (!hasRequiredTags(project, event))
        return false;
    return matchesText(project, {event.title, event.summary, event.locationName});
}

bool Filter::acceptsClaim(const Project &project, std::uint32_t index) const
{
    const Claim &claim = project.claims()[index];
    if (!isStatusShown(claim.status))
        return false;
    if (m_hiddenParties.count(project.partyOfClaim(index)) > 0)
        return false;
    // Claims carry no tags of their own: they pass when the event they are about does.
    if (!m_tags.empty()
        && (claim.about == NoIndex || !hasRequiredTags(project, project.events()[claim.about])))
        return false;
    TextRef speaker;
    if (claim.claimant.isValid())
        speaker = claim.claimant.isParty ? project.parties()[claim.claimant.index].name
                                         : project.actors()[claim.claimant.index].name;
    return matchesText(project, {claim.statement, claim.quote, speaker});
}

} // namespace claimline
