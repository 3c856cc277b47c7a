#include "model/project.h"

#include "model/idslug.h"
#include "model/sidebyside.h"
#include "search/searchindex.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>

namespace claimline {

namespace {

// Item refs are packed into the id index's 32-bit values: 3 bits of kind, 29 of index.
constexpr unsigned KindShift = 29;
constexpr std::uint32_t IndexMask = (1u << KindShift) - 1;

std::uint32_t pack(ItemRef ref)
{
    return (std::uint32_t(ref.kind) << KindShift) | (ref.index & IndexMask);
}

ItemRef unpack(std::uint32_t value)
{
    return {static_cast<ItemKind>(value >> KindShift), value & IndexMask};
}

template<typename T>
IndexRange appendTo(std::vector<T> &pool, std::span<const T> values)
{
    const IndexRange range {static_cast<std::uint32_t>(pool.size()),
                            static_cast<std::uint32_t>(values.size())};
    pool.insert(pool.end(), values.begin(), values.end());
    return range;
}

template<typename T>
std::size_t capacityBytes(const std::vector<T> &v)
{
    return v.capacity() * sizeof(T);
}

std::uint64_t nextRevision()
{
    static std::atomic<std::uint64_t> last {0};
    return ++last;
}

} // namespace

namespace {

// Items grouped by a key in compressed form: the items of key k are
// items[offsets[k] .. offsets[k + 1]). Built by a counting sort, O(items + keys); each group
// keeps file order.
struct Groups
{
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> items;

    template<typename Items, typename KeyOf>
    void build(const Items &all, std::size_t keys, KeyOf keyOf)
    {
        offsets.assign(keys + 1, 0);
        for (const auto &item : all) {
            if (const std::uint32_t k = keyOf(item); k < keys)
                ++offsets[k + 1];
        }
        for (std::size_t i = 1; i < offsets.size(); ++i)
            offsets[i] += offsets[i - 1];
        items.resize(offsets.back());
        std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
        for (std::uint32_t i = 0; i < all.size(); ++i) {
            if (const std::uint32_t k = keyOf(all[i]); k < keys)
                items[fill[k]++] = i;
        }
    }
    std::span<std::uint32_t> of(std::uint32_t key)
    {
        return {items.data() + offsets[key], offsets[key + 1] - offsets[key]};
    }
    std::span<const std::uint32_t> of(std::uint32_t key) const
    {
        return {items.data() + offsets[key], offsets[key + 1] - offsets[key]};
    }
};

} // namespace

// Derived query indexes. Built on demand from the arrays; never saved.
// From this many events and claims each, the two time indexes are sorted on two threads.
constexpr std::size_t ParallelIndexThreshold = 1 << 16;

struct Project::Indexes
{
    IntervalIndex eventsByTime;
    IntervalIndex claimsByTime;
    Groups relationsByTarget; // relations answering each claim, in answer order
    Groups relationsBySource; // relations from each claim
    Groups claimsByQuestion;
    std::vector<std::uint32_t> claimParty; // partyOfClaim() of each claim
    std::vector<std::uint32_t> claimQuestion; // the question of each claim
};

Project::Project()
    : m_topLevelExtra(std::make_unique<nlohmann::json>(nlohmann::json::object()))
    , m_metaExtra(std::make_unique<nlohmann::json>(nlohmann::json::object()))
    , m_views(std::make_unique<nlohmann::json>(nlohmann::json::array()))
    , m_revision(nextRevision())
{ }

Project::~Project() = default;
Project::Project(Project &&) noexcept = default;
Project &Project::operator=(Project &&) noexcept = default;

Project Project::clone() const
{
    Project copy;
    copyTo(copy);
    return copy;
}

void Project::copyTo(Project &target) const
{
    if (&target == this)
        return;
    target.m_text = m_text.share();
    target.m_items = m_items;
    target.m_relations = m_relations;
    target.m_positions = m_positions;
    target.m_periods = m_periods;
    target.m_indexPool = m_indexPool;
    target.m_citations = m_citations;
    target.m_statusChanges = m_statusChanges;
    target.m_attributes = m_attributes;
    target.m_attachments = m_attachments;
    target.m_annotations = m_annotations;
    target.m_origins = m_origins;
    target.m_words = m_words;
    // Keys are views into the arena's chunks, which the copy shares: they stay valid.
    target.m_wordIndex = m_wordIndex;
    target.m_ids = m_ids;
    target.m_meta = m_meta;
    target.m_extras = m_extras;
    *target.m_topLevelExtra = *m_topLevelExtra;
    *target.m_metaExtra = *m_metaExtra;
    *target.m_views = *m_views;
    target.invalidateIndexes();
}

std::uint32_t Project::internWord(std::string_view word)
{
    if (const auto it = m_wordIndex.find(word); it != m_wordIndex.end())
        return it->second;
    const TextRef ref = m_text.add(word);
    const auto index = static_cast<std::uint32_t>(m_words.size());
    m_words.push_back(ref);
    m_wordIndex.emplace(m_text.view(ref), index);
    return index;
}

std::size_t Project::count(ItemKind kind) const
{
    return visitItemKind(
        kind, [this]<typename Item>(std::type_identity<Item>) { return items<Item>().size(); });
}

TextRef Project::idOf(ItemRef item) const
{
    return visitItemKind(item.kind, [this, item]<typename Item>(std::type_identity<Item>) {
        return items<Item>()[item.index].id;
    });
}

TextRef Project::labelOf(ItemRef item) const
{
    return visitItemKind(item.kind, [this, item]<typename Item>(std::type_identity<Item>) {
        return items<Item>()[item.index].*ItemTraits<Item>::label;
    });
}

void Project::reserveIds(std::size_t ids)
{
    m_ids.reserve(ids, [this](std::uint32_t v) { return view(idOf(unpack(v))); });
}

std::optional<ItemRef> Project::registerId(ItemRef item)
{
    return registerId(item, IdIndex::hashOf(view(idOf(item))));
}

std::optional<ItemRef> Project::registerId(ItemRef item, std::uint32_t hash)
{
    const std::string_view id = view(idOf(item));
    const auto keyOf = [this](std::uint32_t v) {
        return view(idOf(unpack(v)));
    };
    const std::uint32_t stored = m_ids.insert(id, hash, pack(item), keyOf);
    if (stored != pack(item))
        return unpack(stored);
    return std::nullopt;
}

void Project::unregisterId(ItemRef item)
{
    // The index is keyed by text: an item whose registration was refused as a duplicate
    // shares its id with another item, and erasing by text alone would unregister that one.
    if (find(view(idOf(item))) != item)
        return;
    m_ids.erase(view(idOf(item)), [this](std::uint32_t v) { return view(idOf(unpack(v))); });
}

void Project::remapIds(const std::array<std::vector<std::uint32_t>, ItemKindNames.size()> &maps)
{
    // Two halves of the slots on two threads at scale: each slot is a read of the map at
    // random (a deletion at a million items spent ~20 ms here).
    m_ids.remapValues(m_ids.slotCount() >= 2 * ParallelIndexThreshold,
                      [&maps](std::uint32_t value) {
                          ItemRef item = unpack(value);
                          const std::vector<std::uint32_t> &map = maps[std::size_t(item.kind)];
                          if (!map.empty() && item.index < map.size())
                              item.index = map[item.index];
                          return pack(item);
                      });
}

void Project::prefetchFind(std::uint32_t hash, FindStep step) const
{
    if (step == FindStep::Slot) {
        m_ids.prefetch(hash, false);
        return;
    }
    const std::uint32_t value = m_ids.firstWithHash(hash);
    if (value == IdIndex::Empty)
        return;
    const ItemRef item = unpack(value);
    if (step == FindStep::Item) {
        visitItemKind(item.kind, [this, item]<typename Item>(std::type_identity<Item>) {
            __builtin_prefetch(&items<Item>()[item.index].id);
        });
    } else {
        __builtin_prefetch(view(idOf(item)).data());
    }
}

std::optional<ItemRef> Project::find(std::string_view id) const
{
    const auto found = m_ids.find(id, [this](std::uint32_t v) { return view(idOf(unpack(v))); });
    if (!found)
        return std::nullopt;
    return unpack(*found);
}

IndexRange Project::addIndices(std::span<const std::uint32_t> values)
{
    return appendTo(m_indexPool, values);
}

IndexRange Project::addCitations(std::span<const Citation> values)
{
    return appendTo(m_citations, values);
}

IndexRange Project::addStatusChanges(std::span<const StatusChange> values)
{
    return appendTo(m_statusChanges, values);
}

IndexRange Project::addAttributes(std::span<const Attribute> values)
{
    return appendTo(m_attributes, values);
}

IndexRange Project::addAttachments(std::span<const Attachment> values)
{
    return appendTo(m_attachments, values);
}

IndexRange Project::addAnnotations(std::span<const Annotation> values)
{
    return appendTo(m_annotations, values);
}

std::uint32_t Project::addOrigin(const Origin &origin)
{
    m_origins.push_back(origin);
    return static_cast<std::uint32_t>(m_origins.size() - 1);
}

const nlohmann::json &Project::extra(std::uint32_t index) const
{
    return m_extras[index];
}

nlohmann::json &Project::extraAt(std::uint32_t index)
{
    return m_extras[index];
}

std::uint32_t Project::addExtra(nlohmann::json value)
{
    m_extras.push_back(std::move(value));
    return static_cast<std::uint32_t>(m_extras.size() - 1);
}

std::uint32_t Project::addPeriod(std::string_view id, std::string_view title, const FuzzyTime &when)
{
    if (when.isNull())
        return NoIndex;
    Period period;
    period.id = m_text.add(uniquePeriodId(id, title));
    period.title = m_text.add(title);
    period.when = when;
    m_periods.push_back(period);
    return static_cast<std::uint32_t>(m_periods.size() - 1);
}

std::string Project::uniquePeriodId(std::string_view id, std::string_view title) const
{
    std::string base(id);
    if (base.empty()) {
        const QString slug = idSlug(QString::fromUtf8(title.data(), qsizetype(title.size())));
        if (!slug.isEmpty())
            base = "period-" + slug.toStdString();
    }
    if (!base.empty() && findPeriod(base) == NoIndex)
        return base;
    const std::string stem = base.empty() ? std::string("period") : base;
    for (int n = base.empty() ? 1 : 2;; ++n) {
        std::string candidate = stem + '-' + std::to_string(n);
        if (findPeriod(candidate) == NoIndex)
            return candidate;
    }
}

std::uint32_t Project::findPeriod(std::string_view id) const
{
    for (std::uint32_t i = 0; i < m_periods.size(); ++i) {
        if (view(m_periods[i].id) == id)
            return i;
    }
    return NoIndex;
}

std::uint32_t Project::partyOfClaim(std::uint32_t claim) const
{
    const Speaker &claimant = claims()[claim].claimant;
    if (!claimant.isValid())
        return NoIndex;
    if (claimant.isParty)
        return claimant.index;
    return actors()[claimant.index].party;
}

const Project::Indexes &Project::indexes() const
{
    if (m_indexesValid && m_indexes)
        return *m_indexes;
    auto built = std::make_unique<Indexes>();

    if (m_timeIndexesValid && m_indexes) {
        // Kept through a renumbering (followRenumbering()): no sort.
        built->eventsByTime = std::move(m_indexes->eventsByTime);
        built->claimsByTime = std::move(m_indexes->claimsByTime);
    } else {
        // Two sorts of independent arrays: side by side on two threads at scale.
        const auto buildEvents = [&] {
            built->eventsByTime.build(timeItems(ItemKind::Event, {}));
        };
        const auto buildClaims = [&] {
            built->claimsByTime.build(timeItems(ItemKind::Claim, {}));
        };
        sideBySide(std::min(events().size(), claims().size()) >= ParallelIndexThreshold,
                   buildEvents, buildClaims);
    }

    if (m_claimIndexesValid && m_indexes) {
        // Only events went or came back (followRenumbering()): no claim moved.
        built->relationsByTarget = std::move(m_indexes->relationsByTarget);
        built->relationsBySource = std::move(m_indexes->relationsBySource);
        built->claimsByQuestion = std::move(m_indexes->claimsByQuestion);
        built->claimParty = std::move(m_indexes->claimParty);
        built->claimQuestion = std::move(m_indexes->claimQuestion);
        m_indexes = std::move(built);
        m_indexesValid = true;
        m_timeIndexesValid = true;
        return *m_indexes;
    }

    built->claimParty.resize(claims().size());
    built->claimQuestion.resize(claims().size());
    for (std::uint32_t i = 0; i < claims().size(); ++i) {
        built->claimParty[i] = partyOfClaim(i);
        built->claimQuestion[i] = claims()[i].question;
    }

    built->relationsByTarget.build(m_relations, claims().size(),
                                   [](const Relation &r) { return r.to; });
    built->relationsBySource.build(m_relations, claims().size(),
                                   [](const Relation &r) { return r.from; });
    built->claimsByQuestion.build(claims(), questions().size(),
                                  [](const Claim &c) { return c.question; });
    // Answers in the order they were made, so "who answered, and when" reads top-down.
    for (std::uint32_t c = 0; c < claims().size(); ++c) {
        const std::span<std::uint32_t> answering = built->relationsByTarget.of(c);
        std::stable_sort(
            answering.begin(), answering.end(), [this](std::uint32_t a, std::uint32_t b) {
                return claims()[m_relations[a].from].madeAt < claims()[m_relations[b].from].madeAt;
            });
    }

    m_indexes = std::move(built);
    m_indexesValid = true;
    m_timeIndexesValid = true;
    return *m_indexes;
}

std::vector<IntervalIndex::Item> Project::timeItems(ItemKind kind,
                                                    std::span<const std::uint32_t> only) const
{
    const auto timeOf = [&](std::uint32_t i) -> const FuzzyTime & {
        return kind == ItemKind::Event ? events()[i].when : claims()[i].madeAt;
    };
    std::vector<IntervalIndex::Item> items;
    if (!only.empty()) {
        items.reserve(only.size());
        for (const std::uint32_t i : only)
            items.push_back({timeOf(i).start(), timeOf(i).end(), i});
        return items;
    }
    const auto count = std::uint32_t(kind == ItemKind::Event ? events().size() : claims().size());
    items.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i)
        items.push_back({timeOf(i).start(), timeOf(i).end(), i});
    return items;
}

void Project::followRenumbering(bool inserted, std::span<const std::uint32_t> events,
                                std::span<const std::uint32_t> claims, bool claimsKept)
{
    const bool keep = m_indexes && m_timeIndexesValid;
    const bool keepClaims
        = keep && claimsKept && claims.empty() && (m_indexesValid || m_claimIndexesValid);
    invalidateIndexes();
    if (!keep)
        return;
    m_claimIndexesValid = keepClaims;
    const auto follow
        = [&](IntervalIndex &index, ItemKind kind, std::span<const std::uint32_t> changed) {
              if (changed.empty())
                  return;
              if (inserted)
                  index.insert(timeItems(kind, changed));
              else
                  index.remove(changed);
          };
    sideBySide(
        !events.empty() && !claims.empty()
            && std::min(this->events().size(), this->claims().size()) >= ParallelIndexThreshold,
        [&] { follow(m_indexes->eventsByTime, ItemKind::Event, events); },
        [&] { follow(m_indexes->claimsByTime, ItemKind::Claim, claims); });
    m_timeIndexesValid = true;
}

void Project::invalidateIndexes()
{
    m_indexesValid = false;
    m_timeIndexesValid = false;
    m_claimIndexesValid = false;
    m_searchIndex.reset();
    m_revision = nextRevision();
}

const SearchIndex &Project::searchIndex() const
{
    if (!m_searchIndex)
        m_searchIndex = std::make_unique<SearchIndex>(*this);
    return *m_searchIndex;
}

std::span<const std::uint32_t> Project::claimParties() const
{
    return indexes().claimParty;
}

std::span<const std::uint32_t> Project::claimQuestions() const
{
    return indexes().claimQuestion;
}

const IntervalIndex &Project::eventTimeIndex() const
{
    return indexes().eventsByTime;
}

const IntervalIndex &Project::claimTimeIndex() const
{
    return indexes().claimsByTime;
}

std::vector<std::uint32_t> Project::eventsInRange(std::int64_t from, std::int64_t to) const
{
    return indexes().eventsByTime.overlapping(from, to);
}

std::vector<std::uint32_t> Project::claimsInRange(std::int64_t from, std::int64_t to) const
{
    return indexes().claimsByTime.overlapping(from, to);
}

std::span<const std::uint32_t> Project::relationsAnswering(std::uint32_t claim) const
{
    return indexes().relationsByTarget.of(claim);
}

std::span<const std::uint32_t> Project::relationsFrom(std::uint32_t claim) const
{
    return indexes().relationsBySource.of(claim);
}

std::vector<Answer> Project::answers(std::uint32_t claim) const
{
    std::vector<Answer> result;
    for (const std::uint32_t r : relationsAnswering(claim)) {
        const Relation &relation = m_relations[r];
        result.push_back({r, relation.from, relation.kind,
                          responseLag(claims()[relation.from].madeAt, claims()[claim].madeAt)});
    }
    return result;
}

std::vector<Answer> Project::counterClaims(std::uint32_t claim) const
{
    std::vector<Answer> result = answers(claim);
    std::erase_if(result, [](const Answer &a) { return !isCounterClaim(a.kind); });
    return result;
}

std::span<const std::uint32_t> Project::claimsOn(std::uint32_t question) const
{
    return indexes().claimsByQuestion.of(question);
}

std::vector<std::uint32_t> Project::claimsOn(std::uint32_t question, std::uint32_t party) const
{
    std::vector<std::uint32_t> result;
    for (const std::uint32_t claim : claimsOn(question)) {
        if (partyOfClaim(claim) == party)
            result.push_back(claim);
    }
    return result;
}

std::uint32_t Project::positionOf(std::uint32_t question, std::uint32_t party) const
{
    for (std::uint32_t i = 0; i < m_positions.size(); ++i) {
        if (m_positions[i].question == question && m_positions[i].party == party)
            return i;
    }
    return NoIndex;
}

std::size_t Project::memoryUsage() const
{
    std::size_t bytes = capacityBytes(m_relations) + capacityBytes(m_positions)
        + capacityBytes(m_periods) + capacityBytes(m_indexPool) + capacityBytes(m_citations)
        + capacityBytes(m_statusChanges) + capacityBytes(m_attributes)
        + capacityBytes(m_attachments) + capacityBytes(m_annotations) + capacityBytes(m_origins)
        + m_ids.memoryUsage() + m_text.size();
    forEachItemType(
        [&]<typename Item>(std::type_identity<Item>) { bytes += capacityBytes(items<Item>()); });
    if (m_indexes) {
        bytes += m_indexes->eventsByTime.memoryUsage() + m_indexes->claimsByTime.memoryUsage()
            + capacityBytes(m_indexes->claimParty) + capacityBytes(m_indexes->claimQuestion);
    }
    if (m_searchIndex)
        bytes += m_searchIndex->memoryUsage();
    return bytes;
}

} // namespace claimline
