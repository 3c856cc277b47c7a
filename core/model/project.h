#pragma once

// Project: everything one .claimline file holds, in memory.
//
// A Project owns the item arrays, the text arena and the pools that items point into, the
// id index (one namespace for every kind of item), and derived query indexes (by time, by
// relation target, by question) that are rebuilt lazily after a change. It is a value type
// without signals: the Document (document.h) wraps it for the GUI and announces changes.

#include "model/idindex.h"
#include "model/intervalindex.h"
#include "model/itemkinds.h"
#include "model/model.h"
#include "text/shorttext.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace claimline {

class SearchIndex;

// The project's own fields (the file's `meta`). `description` is internal: conventions and
// caveats for whoever edits the project, never published. `publicDescription` is what
// publication exports (TimelineJS, the HTML page) show; they never fall back to the internal one.
struct ProjectMeta
{
    TextRef title, description;
    TextRef publicDescription;
    TextRef displayTimeZone; // IANA id; empty means UTC
    std::vector<TextRef> authors;
};

// A claim that answers another, with the relation between them and how long it took.
struct Answer
{
    std::uint32_t relation = NoIndex;
    std::uint32_t claim = NoIndex;
    RelationKind kind = RelationKind::Denies;
    Lag lag;
};

class Project
{
public:
    // The current file format version (see migration.h for the migrations).
    static constexpr int FormatVersion = 1;

    Project();
    ~Project();
    Project(Project &&) noexcept;
    Project &operator=(Project &&) noexcept;
    Project(const Project &) = delete;
    Project &operator=(const Project &) = delete;

    // A copy for a snapshot (the autosave writes it on another thread): the items, pools,
    // ids and unknown fields are copied, the text is shared (TextArena::share()), derived
    // indexes are left to be rebuilt. copyTo() reuses the target's arrays, so a snapshot
    // taken again into the same target allocates (and page-faults) nothing new.
    Project clone() const;
    void copyTo(Project &target) const;
    // The sizes of the large arrays (read where the project lives), and room for them with
    // the pages already touched (made on another thread): on this VM first-touched memory
    // costs ~3 s per GiB, so copyTo() into a fresh target at 1M events takes ~0.6 s, into a
    // preallocated one ~50 ms.
    struct Shape
    {
        std::size_t events = 0, claims = 0, relations = 0, indices = 0, citations = 0,
                    statusChanges = 0, attributes = 0, origins = 0, idSlots = 0, periods = 0;
    };
    Shape shape() const;
    void preallocate(const Shape &shape);

    // --- text ---------------------------------------------------------------------------
    std::string_view view(TextRef ref) const { return m_text.view(ref); }
    QString text(TextRef ref) const { return m_text.text(ref); }
    TextRef addText(std::string_view text) { return m_text.add(text); }
    std::pair<const char *, const char *> textFreeSpace() const { return m_text.freeSpace(); }
    TextRef addText(const QString &text) { return m_text.add(text); }

    // Interned short words (event kinds, tags): each distinct word is stored once.
    std::uint32_t internWord(std::string_view word);
    std::string_view word(std::uint32_t index) const { return m_text.view(m_words[index]); }
    std::size_t wordCount() const { return m_words.size(); }

    // --- items --------------------------------------------------------------------------
    // The array of one kind, by its value type (itemkinds.h): items<Event>() is events().
    template<typename Item>
    const std::vector<Item> &items() const
    {
        return std::get<std::vector<Item>>(m_items);
    }
    const std::vector<Party> &parties() const { return items<Party>(); }
    const std::vector<Actor> &actors() const { return items<Actor>(); }
    const std::vector<Source> &sources() const { return items<Source>(); }
    const std::vector<Event> &events() const { return items<Event>(); }
    const std::vector<Question> &questions() const { return items<Question>(); }
    const std::vector<Claim> &claims() const { return items<Claim>(); }
    const std::vector<Relation> &relations() const { return m_relations; }
    const std::vector<Position> &positions() const { return m_positions; }

    // Mutable access for the loader, the generator and the Document's undo commands. Any
    // change through these must be followed by invalidateIndexes() (the Document does it).
    template<typename Item>
    std::vector<Item> &items()
    {
        return std::get<std::vector<Item>>(m_items);
    }
    std::vector<Party> &parties() { return items<Party>(); }
    std::vector<Actor> &actors() { return items<Actor>(); }
    std::vector<Source> &sources() { return items<Source>(); }
    std::vector<Event> &events() { return items<Event>(); }
    std::vector<Question> &questions() { return items<Question>(); }
    std::vector<Claim> &claims() { return items<Claim>(); }
    std::vector<Relation> &relations() { return m_relations; }
    std::vector<Position> &positions() { return m_positions; }

    // How many items of a kind there are.
    std::size_t count(ItemKind kind) const;
    bool contains(ItemRef item) const { return item.index < count(item.kind); }

    // Reserves room for the given numbers of items (the loader estimates them from the file
    // size so that arrays are allocated once).
    void reserve(std::size_t events, std::size_t claims);
    // Reserves room in the pools of indices (parties, tags), citations and attributes, and
    // asks for huge pages there (a load or an import fills them as it goes).
    void reservePools(std::size_t indices, std::size_t citations, std::size_t attributes);
    // Makes room in the id index for this many ids at once: grown by doubling, it rehashes
    // every id so far each time, into fresh memory. Unlike the arrays' room, the index's is
    // written when made (every slot marked empty): ask for what will likely be used.
    void reserveIds(std::size_t ids);

    // --- ids ----------------------------------------------------------------------------
    // Registers the id of an item already in its array. Returns the item already using the
    // id when it is taken (and registers nothing).
    std::optional<ItemRef> registerId(ItemRef item);
    // The same, with the id's IdIndex::hashOf() already known: a reader that calls
    // prefetchId() with it early enough finds the index's slot in the cache.
    std::optional<ItemRef> registerId(ItemRef item, std::uint32_t hash);
    void prefetchId(std::uint32_t hash) const { m_ids.prefetch(hash); }
    // find() in steps, for a batch of lookups: prefetchFind(hash, FindStep::Slot) for each id
    // of the batch, then FindStep::Item for each, then FindStep::Text, then find() of each.
    // Each step asks for what the next one reads, so that the random reads of the batch's
    // lookups overlap instead of following one another: three cache misses in a row for each
    // id of a million-item index.
    enum class FindStep {
        Slot, // the id index's slot for the hash
        Item, // the id field of the item in that slot
        Text // that id's text
    };
    void prefetchFind(std::uint32_t hash, FindStep step) const;
    void unregisterId(ItemRef item);
    std::optional<ItemRef> find(std::string_view id) const;
    TextRef idOf(ItemRef item) const;
    // What names an item for people: a party's or actor's name, a source's or event's title,
    // a claim's statement, a question's text.
    TextRef labelOf(ItemRef item) const;
    std::size_t idCount() const { return m_ids.size(); }
    // Renumbers the registered items: an item of kind k at index i is now at maps[k][i]
    // (an empty map leaves the kind alone). For removals and re-insertions, after the items
    // that go have been unregistered and before those that come back are registered.
    void remapIds(const std::array<std::vector<std::uint32_t>, ItemKindNames.size()> &maps);

    // --- pools --------------------------------------------------------------------------
    std::span<const std::uint32_t> indices(IndexRange range) const
    {
        return {m_indexPool.data() + range.offset, range.count};
    }
    std::span<const Citation> citations(IndexRange range) const
    {
        return {m_citations.data() + range.offset, range.count};
    }
    std::span<const StatusChange> statusChanges(IndexRange range) const
    {
        return {m_statusChanges.data() + range.offset, range.count};
    }
    std::span<const Attribute> attributes(IndexRange range) const
    {
        return {m_attributes.data() + range.offset, range.count};
    }
    std::span<const Attachment> attachments(IndexRange range) const
    {
        return {m_attachments.data() + range.offset, range.count};
    }
    // Every attachment entry, listed by a source now or kept for undo (the pool is
    // append-only): what Save As must carry.
    std::span<const Attachment> allAttachments() const { return m_attachments; }
    // An item's annotations (model.h: Annotation), oldest first.
    std::span<const Annotation> annotations(IndexRange range) const
    {
        return {m_annotations.data() + range.offset, range.count};
    }
    IndexRange addIndices(std::span<const std::uint32_t> values);
    IndexRange addCitations(std::span<const Citation> values);
    IndexRange addStatusChanges(std::span<const StatusChange> values);
    IndexRange addAttributes(std::span<const Attribute> values);
    IndexRange addAttachments(std::span<const Attachment> values);
    IndexRange addAnnotations(std::span<const Annotation> values);
    // Appending one list entry at a time (the loader): the range runs from `begin` to the end
    // of the pool.
    std::vector<std::uint32_t> &indexPool() { return m_indexPool; }
    std::vector<Citation> &citationPool() { return m_citations; }
    std::vector<StatusChange> &statusChangePool() { return m_statusChanges; }
    std::vector<Attribute> &attributePool() { return m_attributes; }
    std::vector<Attachment> &attachmentPool() { return m_attachments; }
    std::vector<Annotation> &annotationPool() { return m_annotations; }

    // --- where imported events came from --------------------------------------------------
    // Append-only like the pools: an event refers to its entry by index (Event::origin), and
    // an edit that changes an origin appends a new entry.
    const std::vector<Origin> &origins() const { return m_origins; }
    std::uint32_t addOrigin(const Origin &origin);
    // The event's origin, or nullptr.
    const Origin *originOf(const Event &event) const
    {
        return event.origin < m_origins.size() ? &m_origins[event.origin] : nullptr;
    }

    // --- meta, unknown fields, saved views ----------------------------------------------
    const ProjectMeta &meta() const { return m_meta; }
    ProjectMeta &meta() { return m_meta; }
    // Unknown fields of items, kept to be written back. Items refer to them by index.
    const nlohmann::json &extra(std::uint32_t index) const;
    std::uint32_t addExtra(nlohmann::json value);
    nlohmann::json &extraAt(std::uint32_t index);
    // Unknown top-level and meta fields.
    nlohmann::json &topLevelExtra() { return *m_topLevelExtra; }
    const nlohmann::json &topLevelExtra() const { return *m_topLevelExtra; }
    nlohmann::json &metaExtra() { return *m_metaExtra; }
    const nlohmann::json &metaExtra() const { return *m_metaExtra; }
    // Saved views, kept as given until the views feature models them.
    nlohmann::json &views() { return *m_views; }
    const nlohmann::json &views() const { return *m_views; }

    // --- periods ------------------------------------------------------------------------
    // The background periods (model.h: Period), in file order. Mutable access is for the
    // loader and the Document's undo commands.
    const std::vector<Period> &periods() const { return m_periods; }
    std::vector<Period> &periods() { return m_periods; }
    // Appends a period and returns its index. Its id is uniquePeriodId(id, title): `id` when
    // no period has it yet; an empty `id` gives "period-" + the title's slug. A null `when`
    // adds nothing and returns NoIndex: a period without a time can be neither drawn nor
    // saved.
    std::uint32_t addPeriod(std::string_view id, std::string_view title, const FuzzyTime &when);
    // An id no period has: `id`, or "period-<slug of title>" when `id` is empty, else that
    // with "-2", "-3"… appended; "period-1", "period-2"… when the title has no ASCII letter
    // or digit ("Перемирие"). Unique among periods only: nothing refers to a period.
    std::string uniquePeriodId(std::string_view id, std::string_view title) const;
    // The index of the period with that id, or NoIndex. Linear: a project holds a few dozen.
    std::uint32_t findPeriod(std::string_view id) const;

    // --- derived facts and queries ------------------------------------------------------
    // The party a claim speaks for: the claimant party, or the claimant actor's party.
    std::uint32_t partyOfClaim(std::uint32_t claim) const;
    // partyOfClaim() of every claim, kept with the indexes: a pass over many claims reads
    // this array instead of each claim and its claimant.
    std::span<const std::uint32_t> claimParties() const;
    // The question of every claim, likewise.
    std::span<const std::uint32_t> claimQuestions() const;
    // Events whose `when` overlaps [from, to) (seconds since epoch, UTC), in start order.
    std::vector<std::uint32_t> eventsInRange(std::int64_t from, std::int64_t to) const;
    // Claims whose `made_at` overlaps [from, to), in start order.
    std::vector<std::uint32_t> claimsInRange(std::int64_t from, std::int64_t to) const;
    const IntervalIndex &eventTimeIndex() const;
    const IntervalIndex &claimTimeIndex() const;
    // Relations whose `to` is the claim (the claims answering it), in the order of when the
    // answers were made.
    std::span<const std::uint32_t> relationsAnswering(std::uint32_t claim) const;
    // Relations whose `from` is the claim (what the claim answers).
    std::span<const std::uint32_t> relationsFrom(std::uint32_t claim) const;
    // Claims that counter the claim (denies, disputes, rebuts, qualifies), with lags.
    std::vector<Answer> counterClaims(std::uint32_t claim) const;
    // Every answer (counter-claims and corroborations), with lags.
    std::vector<Answer> answers(std::uint32_t claim) const;
    // Claims on a question, in file order.
    std::span<const std::uint32_t> claimsOn(std::uint32_t question) const;
    // Claims on a question made for a party, in file order.
    std::vector<std::uint32_t> claimsOn(std::uint32_t question, std::uint32_t party) const;
    // The index of the party's position on the question in positions(), or NoIndex. A linear
    // scan: a project holds at most one position per question and party, a few dozen.
    std::uint32_t positionOf(std::uint32_t question, std::uint32_t party) const;

    // Drops the derived indexes (the search index too); they are rebuilt on the next query.
    // Takes a new revision.
    void invalidateIndexes();
    // As invalidateIndexes(), for a change of which events and claims exist and nothing
    // else about them: the time indexes follow it in O(n) instead of being sorted again.
    // `events` and `claims` (ascending) are the indices removed (counted before the removal)
    // or inserted (counted after the insertion). `claimsKept`: nothing else went, came back or
    // changed (no claim, relation, party, actor or question), so the claims' indexes (their
    // parties, questions and answers) hold as they are.
    void followRenumbering(bool inserted, std::span<const std::uint32_t> events,
                           std::span<const std::uint32_t> claims, bool claimsKept);
    // Differs between Projects and changes with every invalidateIndexes(), so a cache of
    // query results (the Filter's text matches) can tell that it is stale.
    std::uint64_t revision() const { return m_revision; }
    // Text search over every event and claim (searchindex.h), built on first use.
    const SearchIndex &searchIndex() const;

    // Approximate heap bytes held (for the benchmark's accounting).
    std::size_t memoryUsage() const;

private:
    struct Indexes;
    const Indexes &indexes() const;
    // The (start, end, index) of the events or claims of the kind: those listed in `only`, or
    // all when it is empty.
    std::vector<IntervalIndex::Item> timeItems(ItemKind kind,
                                               std::span<const std::uint32_t> only) const;

    TextArena m_text;
    PerItemType<std::vector> m_items; // one array per ItemKind
    std::vector<Relation> m_relations;
    std::vector<Position> m_positions;
    std::vector<Period> m_periods;

    std::vector<std::uint32_t> m_indexPool;
    std::vector<Citation> m_citations;
    std::vector<StatusChange> m_statusChanges;
    std::vector<Attribute> m_attributes;
    std::vector<Attachment> m_attachments;
    std::vector<Annotation> m_annotations;
    std::vector<Origin> m_origins;
    std::vector<TextRef> m_words;
    std::unordered_map<std::string_view, std::uint32_t, TextHash> m_wordIndex;

    IdIndex m_ids;
    ProjectMeta m_meta;
    std::vector<nlohmann::json> m_extras;
    std::unique_ptr<nlohmann::json> m_topLevelExtra;
    std::unique_ptr<nlohmann::json> m_metaExtra;
    std::unique_ptr<nlohmann::json> m_views;

    mutable std::unique_ptr<Indexes> m_indexes;
    mutable bool m_indexesValid = false;
    // The time indexes in m_indexes still hold, though the rest is to be rebuilt.
    mutable bool m_timeIndexesValid = false;
    // So do the claims' (parties, questions, relations): only events went or came back.
    mutable bool m_claimIndexesValid = false;
    mutable std::unique_ptr<SearchIndex> m_searchIndex;
    std::uint64_t m_revision = 0;
};

} // namespace claimline
