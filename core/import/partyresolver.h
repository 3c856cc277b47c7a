#pragma once

// PartyResolver: the party each actor or side name of a dataset becomes, during one import.
//
// A name goes through the party map first ("Military Forces of Russia (2000-)" → "Russia");
// the result (or the name itself) is looked up as lookUpParty() (partylookup.h) does: a
// party's id exactly, else its id, name or short name regardless of case and runs of spaces.
// Where several parties match, the first in the project wins: an import cannot ask. A name
// that matches none creates a party of that name. Each dataset name is resolved once and
// remembered, so a million rows cost a hash lookup per name.

#include "import/nametable.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

class PartyMap;
class Project;

class PartyResolver
{
public:
    // Keeps references to both: they must outlive the resolver.
    PartyResolver(Project &project, const PartyMap &map);

    // The party index for a dataset name (never NoIndex).
    std::uint32_t partyFor(std::string_view datasetName);

    // The names of the parties created so far, in the order they were created.
    const std::vector<std::string> &createdNames() const { return m_created; }

private:
    std::uint32_t partyNamed(std::string_view text);
    void addLookupNames(std::uint32_t party);

    Project &m_project;
    const PartyMap &m_map;
    NameTable m_byDatasetName;
    // Folded (simplified, case-folded) id, name and short name → the first party with it.
    NameTable m_byFoldedName;
    std::vector<std::string> m_created;
};

} // namespace claimline
