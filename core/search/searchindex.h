#pragma once

// SearchIndex: the text search behind the Filter's query, fast at a million events.
//
// What is searched (a match is the folded query inside one field, searchtext.h):
// - an event: its title, summary and location name, the names of its parties, and the outlet
//   and title of each source it cites;
// - a claim: its statement, quote and quote translation, the claimant's name (actor or
//   party), the name of the party it speaks for, and the outlet and title of each source it
//   cites.
//
// Why an index: folding every field into a QString on every keystroke costs seconds at 1M
// events, and keeping a folded copy of every text would double the project's memory. Folding
// a pure-ASCII text only lower-cases it, so ASCII texts are searched where they are, in the
// project's arena, by a case-insensitive scan; only items with a non-ASCII field keep a
// folded copy (all their own fields, separated by a 0xFF byte, which UTF-8 never contains,
// so no match spans two fields). An ASCII query can match a folded non-ASCII text ("elysee"
// in "Élysée"): such items are searched in their folded copy. A query with non-ASCII letters
// can only match folded copies: folding never turns ASCII into anything else.
//
// Parties, actors and sources are few: they are matched first, and an event or claim then
// matches through them with a lookup per reference.
//
// The index holds no pointer to its Project (a Project is moved around as a value and owns
// its index, project.h): every call takes the project it was built from.

#include "model/itembits.h"

#include <QStringView>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

class Project;

// A bit per event and per claim: the items that match a query.
using SearchMatches = ItemBits;

class SearchIndex
{
public:
    // Scans every searchable text of the project once and folds the items that are not
    // pure ASCII.
    explicit SearchIndex(const Project &project);

    // The query as the index compares it: NFC, folded (searchtext.h), UTF-8. The caller
    // trims it if it wants to.
    static std::string foldQuery(QStringView query);

    // Items whose searchable text contains the folded needle (foldQuery). An empty needle
    // matches everything. `within`, when given, holds the matches of a needle that this
    // needle contains (the user typed on): only those items are searched, since an item
    // that lacks the shorter text cannot contain the longer one.
    SearchMatches search(const Project &project, std::string_view foldedNeedle,
                         const SearchMatches *within = nullptr) const;

    // Bytes of folded text kept, and all heap bytes held.
    std::size_t foldedBytes() const { return m_folded.size(); }
    std::size_t memoryUsage() const;

    // One item's folded fields, in m_folded.
    struct Folded
    {
        std::uint32_t item = 0;
        std::uint32_t length = 0;
        std::uint64_t offset = 0;
    };

private:
    std::string m_folded;
    // Per kind, sorted by item: the items that have a folded copy.
    std::vector<Folded> m_parties, m_actors, m_sources, m_events, m_claims;
    std::size_t m_eventCount = 0;
    std::size_t m_claimCount = 0;
};

} // namespace claimline
