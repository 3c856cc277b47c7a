#include "import/eventmerger.h"

#include "import/importids.h"
#include "import/importrow.h"
#include "import/partyresolver.h"
#include "import/sourceresolver.h"
#include "model/project.h"

#include <algorithm>

namespace claimline {

namespace {

bool sameCoordinate(double a, double b)
{
    return a == b || (a != a && b != b); // both NaN: neither given
}

template<typename T>
bool contains(std::span<const T> values, const T &value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool cites(std::span<const Citation> citations, std::uint32_t source)
{
    return std::any_of(citations.begin(), citations.end(),
                       [source](const Citation &c) { return c.source == source; });
}

template<typename T>
void pushUnique(std::vector<T> &values, const T &value)
{
    if (std::find(values.begin(), values.end(), value) == values.end())
        values.push_back(value);
}

} // namespace

EventMerger::EventMerger(Project &project, PartyResolver &parties, SourceResolver &sources)
    : m_project(project)
    , m_parties(parties)
    , m_sources(sources)
{ }

void EventMerger::setFormat(ImportFormat format)
{
    m_formatWord = m_project.internWord(nameOf(format));
    m_idPrefix = std::string(nameOf(format)) + '-';
}

std::uint32_t EventMerger::cachedWord(std::vector<std::uint32_t> &cache, std::size_t slot,
                                      std::string_view text)
{
    // Rows of a dataset repeat their neighbours' values ("Ukraine", "Europe", "Kharkiv"), and
    // a key is the same in every row: comparing with the slot's last word is far cheaper than
    // hashing every one. The word's text lives in the project, so the cache copies nothing.
    if (slot >= cache.size())
        cache.resize(slot + 1, NoIndex);
    std::uint32_t &word = cache[slot];
    if (word == NoIndex || m_project.word(word) != text)
        word = m_project.internWord(text);
    return word;
}

std::uint32_t EventMerger::cachedIndex(std::vector<NameSlot> &cache, std::size_t slot,
                                       std::string_view name, bool party, std::string_view url)
{
    // As cachedWord(): the actor or source in this place of the row before is usually this one.
    if (slot >= cache.size())
        cache.resize(slot + 1);
    NameSlot &cached = cache[slot];
    if (cached.index == NoIndex || cached.name != name || cached.url != url) {
        cached.index = party ? m_parties.partyFor(name) : m_sources.sourceFor(name, url);
        cached.name.assign(name);
        cached.url.assign(url);
    }
    return cached.index;
}

void EventMerger::resolve(const ImportRow &row)
{
    m_partyIndices.clear();
    for (std::size_t i = 0; i < row.parties.size(); ++i)
        pushUnique(m_partyIndices, cachedIndex(m_partySlots, i, row.parties[i], true));
    m_tagWords.clear();
    for (std::size_t i = 0; i < row.tags.size(); ++i)
        pushUnique(m_tagWords, cachedWord(m_tagCache, i, row.tags[i]));
    m_citations.clear();
    for (std::size_t i = 0; i < row.sources.size(); ++i) {
        // A source with an address is found by it first (SourceResolver).
        const std::string_view url
            = i < row.sourceUrls.size() ? row.sourceUrls[i] : std::string_view();
        const std::uint32_t source = cachedIndex(m_sourceSlots, i, row.sources[i], false, url);
        if (!cites(m_citations, source))
            m_citations.push_back({source, {}});
    }
    m_kindWord = row.kind.empty() ? NoIndex : cachedWord(m_kindCache, 0, row.kind);
    m_attributes.clear();
    for (std::size_t i = 0; i < row.attributes.size(); ++i) {
        const ImportAttribute &a = row.attributes[i];
        m_attributes.push_back(
            {cachedWord(m_keyCache, i, a.key), cachedWord(m_valueCache, i, a.value), a.isNumber});
    }
}

std::uint32_t EventMerger::add(const ImportRow &row, std::uint32_t *sameRow)
{
    resolve(row);
    Event event;
    if (row.id.empty()) {
        // A row without an id of its own (no format of this issue has such rows): "acled-1".
        const std::string_view stem(m_idPrefix.data(), m_idPrefix.size() - 1);
        event.id = m_project.addText(uniqueId(m_project, {}, stem));
    } else {
        m_eventId.assign(m_idPrefix).append(row.id);
        event.id = m_project.addText(m_eventId);
    }
    event.title = m_project.addText(row.title);
    event.summary = m_project.addText(row.summary);
    event.when = row.when;
    event.locationName = m_project.addText(row.locationName);
    event.latitude = row.latitude;
    event.longitude = row.longitude;
    event.locationPrecision = row.locationPrecision;
    event.parties = m_project.addIndices(m_partyIndices);
    event.tags = m_project.addIndices(m_tagWords);
    event.sources = m_project.addCitations(m_citations);
    event.kind = m_kindWord;
    // The row's id is the end of the event's: "acled-UKR12345" holds "UKR12345".
    const TextRef rowId = row.id.empty()
        ? TextRef()
        : TextRef(event.id.offset() + m_idPrefix.size(), std::uint32_t(row.id.size()));
    event.origin = m_project.addOrigin({m_formatWord, rowId, m_project.addText(row.updated),
                                        m_project.addAttributes(m_attributes)});
    auto &events = m_project.events();
    events.push_back(event);
    const auto index = static_cast<std::uint32_t>(events.size() - 1);
    // Ids are one namespace: an item the user made may have this one.
    if (const auto taken = m_project.registerId({ItemKind::Event, index})) {
        if (sameRow && taken->kind == ItemKind::Event && madeFrom(taken->index, row)) {
            // Its text and lists stay unused in the pools: rare (a row id twice in an import).
            events.pop_back();
            *sameRow = taken->index;
            return NoIndex;
        }
        events[index].id = m_project.addText(uniqueId(m_project, m_project.view(event.id), {}));
        (void)m_project.registerId({ItemKind::Event, index});
    }
    return index;
}

bool EventMerger::madeFrom(std::uint32_t event, const ImportRow &row) const
{
    const Origin *origin = m_project.originOf(m_project.events()[event]);
    return origin && origin->format == m_formatWord && m_project.view(origin->id) == row.id;
}

bool EventMerger::originMatches(const Origin *origin, const ImportRow &row) const
{
    if (!origin || origin->format != m_formatWord || m_project.view(origin->updated) != row.updated)
        return false;
    const std::span<const Attribute> attributes = m_project.attributes(origin->attributes);
    return std::equal(attributes.begin(), attributes.end(), m_attributes.begin(),
                      m_attributes.end());
}

bool EventMerger::matches(const Event &event, const ImportRow &row) const
{
    const auto parties = m_project.indices(event.parties);
    const auto tags = m_project.indices(event.tags);
    const auto citations = m_project.citations(event.sources);
    return m_project.view(event.title) == row.title && m_project.view(event.summary) == row.summary
        && event.when == row.when && m_project.view(event.locationName) == row.locationName
        && sameCoordinate(event.latitude, row.latitude)
        && sameCoordinate(event.longitude, row.longitude)
        && event.locationPrecision == row.locationPrecision && event.kind == m_kindWord
        && std::equal(parties.begin(), parties.end(), m_partyIndices.begin(), m_partyIndices.end())
        && std::all_of(m_tagWords.begin(), m_tagWords.end(),
                       [&](std::uint32_t tag) { return contains(tags, tag); })
        && std::all_of(m_citations.begin(), m_citations.end(),
                       [&](const Citation &c) { return cites(citations, c.source); });
}

MergeResult EventMerger::merge(std::uint32_t index, const ImportRow &row)
{
    resolve(row);
    Event &event = m_project.events()[index];
    const Origin *origin = m_project.originOf(event);
    const bool sameOrigin = originMatches(origin, row);
    if (sameOrigin && matches(event, row))
        return MergeResult::Unchanged;

    // Only what changed gets new text: the arena never reclaims replaced text.
    const auto setText = [this](TextRef &field, std::string_view text) {
        if (m_project.view(field) != text)
            field = m_project.addText(text);
    };
    setText(event.title, row.title);
    setText(event.summary, row.summary);
    setText(event.locationName, row.locationName);
    event.when = row.when;
    event.latitude = row.latitude;
    event.longitude = row.longitude;
    event.locationPrecision = row.locationPrecision;
    event.kind = m_kindWord;
    const auto parties = m_project.indices(event.parties);
    if (!std::equal(parties.begin(), parties.end(), m_partyIndices.begin(), m_partyIndices.end()))
        event.parties = m_project.addIndices(m_partyIndices);

    // Tags and sources the user added stay: the row's are added to them.
    const auto tags = m_project.indices(event.tags);
    m_mergedIndices.assign(tags.begin(), tags.end());
    for (const std::uint32_t tag : m_tagWords)
        pushUnique(m_mergedIndices, tag);
    if (m_mergedIndices.size() != tags.size())
        event.tags = m_project.addIndices(m_mergedIndices);
    const auto citations = m_project.citations(event.sources);
    m_mergedCitations.assign(citations.begin(), citations.end());
    for (const Citation &citation : m_citations) {
        if (!cites(m_mergedCitations, citation.source))
            m_mergedCitations.push_back(citation);
    }
    if (m_mergedCitations.size() != citations.size())
        event.sources = m_project.addCitations(m_mergedCitations);

    if (!sameOrigin) {
        Origin replaced;
        replaced.format = m_formatWord;
        replaced.id = origin ? origin->id : m_project.addText(row.id);
        replaced.updated = origin && m_project.view(origin->updated) == row.updated
            ? origin->updated
            : m_project.addText(row.updated);
        const auto kept
            = origin ? m_project.attributes(origin->attributes) : std::span<const Attribute>();
        replaced.attributes = origin
                && std::equal(kept.begin(), kept.end(), m_attributes.begin(), m_attributes.end())
            ? origin->attributes
            : m_project.addAttributes(m_attributes);
        event.origin = m_project.addOrigin(replaced);
    }
    return MergeResult::Updated;
}

} // namespace claimline
