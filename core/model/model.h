#pragma once

// The event model: plain value types, compact because a project may hold millions of events.
// Text lives in the Project's TextArena (TextRef), lists live in the Project's pools
// (IndexRange), and references to other items are indices into the Project's arrays. The
// Project (project.h) owns all of it and is the only way to read the text and lists.

#include "model/textarena.h"
#include "time/fuzzytime.h"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace claimline {

inline constexpr std::uint32_t NoIndex = std::numeric_limits<std::uint32_t>::max();

enum class ItemKind : std::uint8_t { Party, Actor, Source, Event, Question, Claim };

// A reference to any item that has an id. Packed into 32 bits for the id index.
struct ItemRef
{
    ItemKind kind = ItemKind::Party;
    std::uint32_t index = NoIndex;

    bool isValid() const { return index != NoIndex; }
    friend bool operator==(const ItemRef &, const ItemRef &) = default;
};

enum class Status : std::uint8_t { Unverified, Disputed, Corroborated, Refuted, Retracted };
enum class Stance : std::uint8_t { None, Affirms, Denies, Disputes, Qualifies };
// Counter-claims: Denies, Disputes, Rebuts, Qualifies. Support: Corroborates.
enum class RelationKind : std::uint8_t { Denies, Disputes, Rebuts, Qualifies, Corroborates };
enum class PartyKind : std::uint8_t {
    Other,
    State,
    Bloc,
    Organisation,
    Outlet,
    ArmedGroup,
    Person
};

// The spelling of each enum value in the file format (and in messages). Index = enum value.
inline constexpr std::array<std::string_view, 5> StatusNames {
    "unverified", "disputed", "corroborated", "refuted", "retracted"};
inline constexpr std::array<std::string_view, 5> StanceNames {"", "affirms", "denies", "disputes",
                                                              "qualifies"};
inline constexpr std::array<std::string_view, 5> RelationKindNames {"denies", "disputes", "rebuts",
                                                                    "qualifies", "corroborates"};
inline constexpr std::array<std::string_view, 7> PartyKindNames {
    "other", "state", "bloc", "organisation", "outlet", "armed-group", "person"};
inline constexpr std::array<std::string_view, 6> ItemKindNames {"party", "actor",    "source",
                                                                "event", "question", "claim"};

template<typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const std::array<std::string_view, N> &names,
                                 std::string_view name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (!names[i].empty() && names[i] == name)
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

inline std::string_view nameOf(Status s)
{
    return StatusNames[std::size_t(s)];
}
inline std::string_view nameOf(Stance s)
{
    return StanceNames[std::size_t(s)];
}
inline std::string_view nameOf(RelationKind k)
{
    return RelationKindNames[std::size_t(k)];
}
inline std::string_view nameOf(PartyKind k)
{
    return PartyKindNames[std::size_t(k)];
}
inline std::string_view nameOf(ItemKind k)
{
    return ItemKindNames[std::size_t(k)];
}

inline bool isCounterClaim(RelationKind kind)
{
    return kind != RelationKind::Corroborates;
}

// A run of entries in one of the Project's pools.
struct IndexRange
{
    std::uint32_t offset = 0;
    std::uint32_t count = 0;
    friend bool operator==(const IndexRange &, const IndexRange &) = default;
};

// One remark of the analyst's own layer on an item (issue 22): who wrote it (the analyst name
// from the settings), when (UTC, to the second) and what. Never part of the record: public
// exports leave annotations out unless asked (`--with-notes`). An item's annotations are a
// run in Project::annotations(), oldest first; an edit appends a new run (the pool is
// append-only, so undo restores a range).
struct Annotation
{
    TextRef author, text;
    FuzzyTime at;
    friend bool operator==(const Annotation &, const Annotation &) = default;
};

// Every kind of item carries the analyst's layer: `annotations` (Project::annotations()),
// `tags` (word indices in Project::indexPool(); an event's are its data's tags too) and
// `starred`. Generic code reads them by these names (annotation/itemlayer.h).

struct Party
{
    TextRef id, name, shortName;
    IndexRange annotations, tags;
    std::uint32_t color = 0; // 0xRRGGBB
    bool hasColor = false;
    PartyKind kind = PartyKind::Other;
    bool starred = false;
    std::uint32_t extra = NoIndex; // unknown fields, Project::extra()
};

struct Actor
{
    TextRef id, name, role;
    IndexRange annotations, tags;
    std::uint32_t party = NoIndex;
    bool anonymous = false;
    bool collective = false;
    bool starred = false;
    std::uint32_t extra = NoIndex;
};

// A file kept as evidence for a source (the video, the screenshot, the saved post), pinned by
// its SHA-256: the copy lives in the evidence folder beside the project (evidence/), named by
// its hash and never changed afterwards, so `claimline verify` can tell when it was altered or
// lost. `path` is relative to the project file's folder, with '/' separators.
struct Attachment
{
    TextRef path, name, mediaType; // name: the original file name; mediaType: "video/mp4"
    std::array<std::uint8_t, 32> sha256 {};
    std::uint64_t size = 0;
    FuzzyTime added; // when it was attached (UTC)
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

// Admiralty source reliability, A (completely reliable) to F (cannot be judged); 0 = not set.
struct Source
{
    TextRef id, title, outlet, url, archiveUrl, language, notes;
    FuzzyTime published, accessed;
    IndexRange attachments; // Project::attachments()
    IndexRange annotations, tags;
    char reliability = 0;
    bool starred = false;
    std::uint32_t extra = NoIndex;
};

// One source cited by an event or claim, with the passage that supports it.
struct Citation
{
    std::uint32_t source = NoIndex;
    TextRef excerpt;
};

struct StatusChange
{
    FuzzyTime at;
    TextRef reason;
    Status status = Status::Unverified;
};

// How precisely an event's coordinates place it: one vocabulary for every source (the README's
// "Locations" table says how ACLED's geo_precision and UCDP's where_prec map to it). Unknown
// says nothing was given.
enum class LocationPrecision : std::uint8_t { Unknown, Point, Town, Area, Region, Country };
inline constexpr std::array<std::string_view, 6> LocationPrecisionNames {
    "", "point", "town", "area", "region", "country"};

inline std::string_view nameOf(LocationPrecision p)
{
    return LocationPrecisionNames[std::size_t(p)];
}

// One column of an imported row that the import did not map to a field ("admin1": "Kharkiv",
// "fatalities": 3). Both are words (Project::word()); a number keeps the text it was read as.
// Eight bytes: an ACLED row keeps about seventeen, a million rows as many million.
struct Attribute
{
    std::uint32_t key : 31 = 0x7fffffff;
    std::uint32_t isNumber : 1 = 0;
    std::uint32_t value = NoIndex;

    Attribute() = default;
    Attribute(std::uint32_t keyWord, std::uint32_t valueWord, bool number)
        : key(keyWord)
        , isNumber(number ? 1 : 0)
        , value(valueWord)
    { }
    friend bool operator==(const Attribute &, const Attribute &) = default;
};
static_assert(sizeof(Attribute) == 8);

// Where an imported event came from (the file's `origin`: {"format": "acled", "id":
// "UKR12345", "updated": "1718050000"}) and the columns the import kept as they were (the
// file's `attributes`). A re-import finds the event again by (format, id) and compares
// `updated`. Events share nothing through it: Event::origin is an index into
// Project::origins(), NoIndex when the event has neither.
struct Origin
{
    std::uint32_t format = NoIndex; // word; NoIndex when the event has attributes only
    TextRef id, updated;
    IndexRange attributes; // Project::attributes()
    friend bool operator==(const Origin &, const Origin &) = default;
};

struct Event
{
    TextRef id, title, summary, locationName, notes;
    FuzzyTime when;
    double latitude = std::numeric_limits<double>::quiet_NaN();
    double longitude = std::numeric_limits<double>::quiet_NaN();
    IndexRange parties; // party indices, in Project::indexPool()
    IndexRange tags; // word indices (Project::word()), in Project::indexPool()
    IndexRange sources; // Project::citations()
    IndexRange history; // Project::statusChanges(), oldest first
    IndexRange annotations; // Project::annotations()
    std::uint32_t kind = NoIndex; // word index
    std::uint32_t extra = NoIndex;
    std::uint32_t origin = NoIndex; // Project::origins()
    Status status = Status::Unverified;
    LocationPrecision locationPrecision = LocationPrecision::Unknown;
    bool starred = false;

    bool hasLocation() const { return latitude == latitude && longitude == longitude; }
};

// 136 since annotations (8 bytes): a million events hold 8 MB more, within the loader's
// 600 B/event budget; the star sits in what was padding.
static_assert(sizeof(Event) == 136, "a million events: keep the event small");

// Who made or relayed a claim: an actor or a party.
struct Speaker
{
    std::uint32_t index = NoIndex;
    bool isParty = false;
    bool isValid() const { return index != NoIndex; }
    friend bool operator==(const Speaker &, const Speaker &) = default;
};

struct Claim
{
    TextRef id, statement, quote, quoteLanguage, quoteTranslation, notes;
    FuzzyTime madeAt;
    Speaker claimant;
    Speaker via;
    std::uint32_t about = NoIndex; // event
    std::uint32_t question = NoIndex; // question
    std::uint32_t quoteSpeaker = NoIndex; // actor
    IndexRange sources;
    IndexRange history;
    IndexRange annotations, tags;
    std::uint32_t extra = NoIndex;
    Stance stance = Stance::None;
    Status status = Status::Unverified;
    std::uint8_t credibility = 0; // Admiralty 1-6; 0 = not set
    bool starred = false;
};

struct Question
{
    TextRef id, text;
    IndexRange annotations, tags;
    std::uint32_t extra = NoIndex;
    bool starred = false;
};

// One party's short answer to one question, as a newsroom's "what each side is arguing" chart
// shows it ("Yes", "91 drones", "Calls the footage unconvincing"): at most one per question
// and party, never empty. Like relations, positions have no id; nothing refers to them.
struct Position
{
    std::uint32_t question = NoIndex;
    std::uint32_t party = NoIndex;
    TextRef text;
    std::uint32_t extra = NoIndex;
};

// A named span of time the record is set against ("Ceasefire talks", "Winter offensive"):
// TimelineJS's eras. Drawn as a band behind the timeline's lanes. Periods are not items: no id
// in the project's one namespace (their ids are unique among periods), nothing refers to
// them, and they are edited as a list (Document::addPeriod() and its siblings).
struct Period
{
    TextRef id, title;
    FuzzyTime when;
    std::uint32_t extra = NoIndex; // unknown fields, Project::extra()
};

// `from` answers `to`.
struct Relation
{
    std::uint32_t from = NoIndex;
    std::uint32_t to = NoIndex;
    RelationKind kind = RelationKind::Denies;
    std::uint32_t extra = NoIndex;
    friend bool operator==(const Relation &, const Relation &) = default;
};

} // namespace claimline
