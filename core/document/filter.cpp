#include "document/filter.h"

#include "annotation/itemlayer.h"
#include "document/structurechange.h"
#include "model/project.h"
#include "search/searchtext.h"

#include <algorithm>

namespace claimline {

Filter::Filter(QObject *parent)
    : QObject(parent)
{ }

void Filter::notify()
{
    ++m_generation;
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

void Filter::setStarredOnly(bool only)
{
    if (only == m_starredOnly)
        return;
    m_starredOnly = only;
    notify();
}

void Filter::setAnnotatedOnly(bool only)
{
    if (only == m_annotatedOnly)
        return;
    m_annotatedOnly = only;
    notify();
}

void Filter::setAnnotationAuthor(const QString &author)
{
    // Spelled as the Document records authors (Document::addAnnotation()).
    const QString name = author.simplified();
    if (name == m_annotationAuthor)
        return;
    m_annotationAuthor = name;
    m_annotationAuthorUtf8 = name.toStdString();
    notify();
}

void Filter::setTags(std::set<std::uint32_t> tags)
{
    if (tags == m_tags)
        return;
    m_tags = std::move(tags);
    notify();
}

void Filter::setStanceShown(Stance stance, bool shown)
{
    const std::uint32_t bit = 1u << unsigned(stance);
    const std::uint32_t next = shown ? (m_stances | bit) : (m_stances & ~bit);
    if (next == m_stances)
        return;
    m_stances = next;
    notify();
}

void Filter::setQuestions(std::set<std::uint32_t> questions)
{
    if (questions == m_questions)
        return;
    m_questions = std::move(questions);
    notify();
}

void Filter::setDateRange(std::optional<std::int64_t> from, std::optional<std::int64_t> to)
{
    if (from == m_dateFrom && to == m_dateTo)
        return;
    m_dateFrom = from;
    m_dateTo = to;
    notify();
}

void Filter::setMinimumReliability(char reliability)
{
    // Anything but a letter A-F means no threshold.
    if (reliability < 'A' || reliability > 'F')
        reliability = 0;
    if (reliability == m_minimumReliability)
        return;
    m_minimumReliability = reliability;
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
        || m_stances != AllStances || !m_questions.empty() || m_dateFrom || m_dateTo
        || m_minimumReliability != 0 || !m_needle.isEmpty() || m_starredOnly || m_annotatedOnly
        || !m_annotationAuthor.isEmpty();
}

void Filter::clear()
{
    // A blank query is inactive but still shown in the search field: clear it too.
    if (!isActive() && m_textQuery.isEmpty())
        return;
    m_hiddenParties.clear();
    m_tags.clear();
    m_statuses = AllStatuses;
    m_stances = AllStances;
    m_questions.clear();
    m_dateFrom.reset();
    m_dateTo.reset();
    m_minimumReliability = 0;
    m_starredOnly = false;
    m_annotatedOnly = false;
    m_annotationAuthor.clear();
    m_annotationAuthorUtf8.clear();
    m_textQuery.clear();
    m_needle.clear();
    notify();
}

void Filter::remap(const StructureChange &change)
{
    const bool parties = change.remap(ItemKind::Party, m_hiddenParties);
    const bool questions = change.remap(ItemKind::Question, m_questions);
    ++m_generation;
    // Items came or went: text matches are per item index and are looked up again anyway
    // (the project's revision changed), so only a changed criterion is news.
    if (parties || questions)
        QMetaObject::invokeMethod(this, &Filter::notify, Qt::QueuedConnection);
}

void Filter::forgetMissing(const Project &project)
{
    const auto dropFrom = [](std::set<std::uint32_t> &items, std::size_t count) {
        const std::size_t before = items.size();
        std::erase_if(items, [count](std::uint32_t item) { return item >= count; });
        return items.size() != before;
    };
    const bool parties = dropFrom(m_hiddenParties, project.parties().size());
    const bool questions = dropFrom(m_questions, project.questions().size());
    const bool tags = dropFrom(m_tags, project.wordCount());
    if (parties || questions || tags)
        notify();
}

bool Filter::matchesText(const Project &project, ItemKind kind, std::uint32_t index) const
{
    if (m_needle.isEmpty())
        return true;
    const SearchMatches &matches = m_textSearch.matches(project, m_needle);
    return kind == ItemKind::Claim ? matches.hasClaim(index) : matches.hasEvent(index);
}

bool Filter::hasRequiredTags(const Project &project, IndexRange tags, IndexRange moreTags) const
{
    const auto own = project.indices(tags);
    const auto more = project.indices(moreTags);
    return std::all_of(m_tags.begin(), m_tags.end(), [&](std::uint32_t tag) {
        return std::find(own.begin(), own.end(), tag) != own.end()
            || std::find(more.begin(), more.end(), tag) != more.end();
    });
}

template<typename Item>
bool Filter::passesLayer(const Project &project, const Item &item) const
{
    if (m_starredOnly && !item.starred)
        return false;
    if (m_annotatedOnly && item.annotations.count == 0)
        return false;
    return m_annotationAuthor.isEmpty()
        || isAnnotatedBy(project, item.annotations, m_annotationAuthorUtf8);
}

bool Filter::acceptsEvent(const Project &project, std::uint32_t index) const
{
    const Event &event = project.events()[index];
    if (!isStatusShown(event.status))
        return false;
    if (!overlapsDateRange(event.when) || !hasReliableSource(project, event.sources))
        return false;
    const auto parties = project.indices(event.parties);
    // An event is hidden when every party it involves is hidden (an event of Russia and
    // Ukraine stays visible when only Russia is hidden).
    if (!m_hiddenParties.empty() && !parties.empty()
        && std::all_of(parties.begin(), parties.end(),
                       [this](std::uint32_t p) { return m_hiddenParties.count(p) > 0; }))
        return false;
    if (!hasRequiredTags(project, event.tags) || !passesLayer(project, event))
        return false;
    return matchesText(project, ItemKind::Event, index);
}

bool Filter::acceptsClaim(const Project &project, std::uint32_t index) const
{
    const Claim &claim = project.claims()[index];
    if (!isStatusShown(claim.status))
        return false;
    if (!passesClaimCriteria(claim) || !hasReliableSource(project, claim.sources))
        return false;
    if (m_hiddenParties.count(project.partyOfClaim(index)) > 0)
        return false;
    // A claim has the tags of the event it is about as well as its own.
    if (!m_tags.empty()
        && !hasRequiredTags(project, claim.tags,
                            claim.about == NoIndex ? IndexRange {}
                                                   : project.events()[claim.about].tags))
        return false;
    if (!passesLayer(project, claim))
        return false;
    return matchesText(project, ItemKind::Claim, index);
}

bool Filter::passesClaimCriteria(const Claim &claim) const
{
    if (!isStanceShown(claim.stance))
        return false;
    // A claim on no question fails a question filter (NoIndex is never in the set).
    if (!m_questions.empty() && m_questions.count(claim.question) == 0)
        return false;
    return overlapsDateRange(claim.madeAt);
}

bool Filter::overlapsDateRange(const FuzzyTime &time) const
{
    if (!m_dateFrom && !m_dateTo)
        return true;
    if (time.isNull())
        return false;
    // [start, end) overlaps [from, to). Open ends are the extremes of int64, so an open-ended
    // time reaches any limit on its open side.
    return (!m_dateTo || time.start() < *m_dateTo) && (!m_dateFrom || time.end() > *m_dateFrom);
}

bool Filter::hasReliableSource(const Project &project, IndexRange citations) const
{
    if (m_minimumReliability == 0)
        return true;
    const auto &sources = project.sources();
    for (const Citation &citation : project.citations(citations)) {
        if (citation.source >= sources.size())
            continue;
        const char reliability = sources[citation.source].reliability;
        // 'A' is the best grade: "at or better than" is "at or before" in the alphabet.
        if (reliability >= 'A' && reliability <= m_minimumReliability)
            return true;
    }
    return false;
}

} // namespace claimline
