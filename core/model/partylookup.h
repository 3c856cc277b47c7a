#pragma once

// Party lookup: a party named the way a person names it. Scripts and people type "Russia",
// "russia", "US" or "united-states" for the same party; every place that takes a party as
// text (the command line's --a and --b) resolves it here, so they all accept the same names
// and refuse the same way.
//
// The text, trimmed and with runs of spaces made one, matches a party's id exactly first (ids
// are unique, so a script that names ids is never made ambiguous by a name); else its id, name
// or short name without regard to case. Two parties matching is an error that names both:
// guessing would put the wrong party's claims in an export.

#include "model/model.h"

#include <QString>

#include <cstdint>

namespace claimline {

class Project;

struct PartyLookup
{
    std::uint32_t party = NoIndex;
    // Why there is no party, in plain English naming the candidates ("Name (id)"); empty when
    // found.
    QString error;

    bool ok() const { return party != NoIndex; }
};

[[nodiscard]] PartyLookup lookUpParty(const Project &project, const QString &text);

// Every party of the project as "Name (id)", comma-separated, for messages ("none" when the
// project has no party).
QString partyListText(const Project &project);

} // namespace claimline
