#pragma once

// EventMerger: one mapped row into the project, as a new event or into the event an earlier
// import made from the same row id.
//
// A new event gets the id "<format>-<row id>" (made unique when something else has it), the
// row's fields, and an origin holding the format, the row's id and version and its other
// columns as attributes. Merging into an existing event changes only what the import maps:
// title, summary, time, place, parties (replaced), kind; the row's tags and sources are added
// to the event's own, and the origin is replaced when the row's version or attributes differ.
// Status and its history, notes and everything else the user did stays.
//
// Why a class: it keeps the buffers a row is resolved into (party, tag, source and attribute
// indices) and small caches of the words each attribute column had last, so that a million
// rows allocate nothing per row and hash few words.

#include "import/importformat.h"
#include "model/model.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

class PartyResolver;
class Project;
class SourceResolver;
struct ImportRow;

enum class MergeResult : std::uint8_t { Updated, Unchanged };

class EventMerger
{
public:
    EventMerger(Project &project, PartyResolver &parties, SourceResolver &sources);

    // The format of the rows that follow (the origin's format, the event id's prefix).
    void setFormat(ImportFormat format);

    // Adds the row as a new event; returns its index. With `sameRow`, when the event's id
    // ("acled-UKR1") is an event made from the same row id, adds nothing, sets *sameRow to
    // that event and returns NoIndex; without, or when another item has the id, the new event
    // takes a free one ("acled-UKR1-2").
    std::uint32_t add(const ImportRow &row, std::uint32_t *sameRow = nullptr);
    // Merges the row into the event; Unchanged when the event's origin has the row's version
    // and every field the import maps already reads as the row does.
    MergeResult merge(std::uint32_t event, const ImportRow &row);

private:
    // Resolves the row's parties, tags, sources, kind and attributes into the buffers below.
    void resolve(const ImportRow &row);
    bool matches(const Event &event, const ImportRow &row) const;
    bool madeFrom(std::uint32_t event, const ImportRow &row) const;
    bool originMatches(const Origin *origin, const ImportRow &row) const;
    // The word for `text`, through the cache slot (the word that slot had last).
    std::uint32_t cachedWord(std::vector<std::uint32_t> &cache, std::size_t slot,
                             std::string_view text);
    struct NameSlot
    {
        std::string name;
        std::string url; // a source's address, when the row gives one
        std::uint32_t index = NoIndex;
    };
    // The party (or source, at `url` when given) for `name`, through the cache slot.
    std::uint32_t cachedIndex(std::vector<NameSlot> &cache, std::size_t slot, std::string_view name,
                              bool party, std::string_view url = {});

    Project &m_project;
    PartyResolver &m_parties;
    SourceResolver &m_sources;
    std::uint32_t m_formatWord = NoIndex;
    std::string m_idPrefix; // "acled-"
    std::string m_eventId;

    std::vector<std::uint32_t> m_partyIndices;
    std::vector<std::uint32_t> m_tagWords;
    std::vector<Citation> m_citations;
    std::vector<Attribute> m_attributes;
    std::uint32_t m_kindWord = NoIndex;
    std::vector<std::uint32_t> m_keyCache, m_valueCache, m_tagCache, m_kindCache;
    std::vector<NameSlot> m_partySlots, m_sourceSlots;
    // For merging lists without allocating per row.
    std::vector<std::uint32_t> m_mergedIndices;
    std::vector<Citation> m_mergedCitations;
};

} // namespace claimline
