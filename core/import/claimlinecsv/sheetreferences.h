#pragma once

// SheetReferences: the items a row of Claimline's CSV export refers to by id (parties,
// actors, sources, questions, events, claims), found in the project, and those the CSVs name
// but the project lacks, created.
//
// A row is refused whole or imported whole, so creations are planned while the row is read
// and carried out only once nothing in it was refused (commit()), or forgotten (discard()).
// What the files say of the items they name is learnt before any row is imported: a claim
// relayed via "trump", or quoting "lavrov", may come before the claim by Trump or Lavrov that
// says who they are and for which party they speak; an event of "nato" may come before the
// row that names NATO, a citation of "src-3" before the row that gives its title. Without
// that, importing the same files twice would add the second time what the first refused.

#include "model/model.h"

#include <QString>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

class Project;
class SheetRow;

class SheetReferences
{
public:
    explicit SheetReferences(Project &project);

    // Learns what a row of claims.csv says of its party, claimant, relay, question and
    // sources, or a row of events.csv of its parties and sources. The first row naming an id
    // wins; an id in the project is not learnt (the project says what it is).
    void learnFromClaim(const SheetRow &row);
    void learnFromEvent(const SheetRow &row);

    // Each of these finds the item with `id` in the project, or plans to create it, and
    // returns an empty string; or returns why the row is refused, naming `column`. `name` is
    // what the row's own name column says (may be empty).
    QString party(std::string_view column, std::string_view id, std::string_view name,
                  std::string_view nameColumn);
    enum class SpeakerRole : std::uint8_t { Claimant, Via, QuoteSpeaker };
    QString speaker(SpeakerRole role, std::string_view id, std::string_view name);
    QString source(std::string_view id, std::string_view title, std::string_view url);
    QString question(std::string_view id, std::string_view text);
    // An event or claim (never created here).
    QString existing(std::string_view column, std::string_view id, ItemKind kind);

    // Creates what was planned since the last commit() or discard().
    void commit();
    void discard();

    // The index of an item found or created (after commit()).
    std::uint32_t indexOf(std::string_view id) const;
    Speaker speakerOf(std::string_view id) const;

    // The names of the parties created, in order.
    const std::vector<std::string> &createdParties() const { return m_createdParties; }

private:
    struct Planned
    {
        ItemKind kind = ItemKind::Party;
        std::string id;
        std::string name; // a party's or actor's name, a source's title, a question's text
        std::string second; // an actor's party id, a source's URL
    };
    struct KnownActor
    {
        std::string name;
        std::string party;
    };
    struct KnownSource
    {
        std::string title;
        std::string url;
    };
    using Names = std::map<std::string, std::string, std::less<>>;

    // Whether `id` is worth learning: not empty and not in the project.
    bool isNew(std::string_view id) const;
    void learnParty(std::string_view id, std::string_view name);
    void learnSources(std::string_view ids, std::string_view titles, std::string_view urls);

    // The kind of the item with `id`, in the project or planned.
    std::optional<ItemKind> kindOf(std::string_view id) const;
    void plan(ItemKind kind, std::string_view id, std::string_view name,
              std::string_view second = {});

    Project &m_project;
    std::vector<Planned> m_planned;
    Names m_partyNames;
    std::map<std::string, KnownActor, std::less<>> m_actors;
    Names m_relayNames; // a claim's via_name: an actor without a party
    Names m_questionTexts;
    std::map<std::string, KnownSource, std::less<>> m_sources;
    std::vector<std::string> m_createdParties;
};

} // namespace claimline
