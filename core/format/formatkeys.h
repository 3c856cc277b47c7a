#pragma once

// The keys of each object in the .claimline format, in the order the writer emits them.
// Shared by the reader (to recognise known fields) and the writer (key order, and which
// entries of an item's unknown-field store hold nested unknowns rather than unknown fields).
// Internal to core.

#include "text/shorttext.h"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace claimline::keys {

enum class Root : std::uint8_t {
    Format,
    Version,
    Meta,
    Parties,
    Actors,
    Sources,
    Events,
    Questions,
    Claims,
    Relations,
    Positions,
    Periods,
    Views
};
inline constexpr std::array<std::string_view, 13> RootKeys {
    "format",    "version", "meta",      "parties",   "actors",  "sources", "events",
    "questions", "claims",  "relations", "positions", "periods", "views"};

// `description` is internal (conventions, caveats for the team); `public_description` is what
// publication exports show. Neither ever stands in for the other.
enum class Meta : std::uint8_t { Title, Description, PublicDescription, DisplayTimeZone, Authors };
inline constexpr std::array<std::string_view, 5> MetaKeys {
    "title", "description", "public_description", "display_time_zone", "authors"};

// Every item ends with the analyst's own layer (model.h: Annotation): `tags`, `starred` (only
// when true) and `annotations`, a list of {author, at, text}. An event's tags keep their
// place among its data (they came with it); its star and annotations follow its notes.

enum class Party : std::uint8_t { Id, Name, Short, Color, Kind, Tags, Starred, Annotations };
inline constexpr std::array<std::string_view, 8> PartyKeys {
    "id", "name", "short", "color", "kind", "tags", "starred", "annotations"};

enum class Actor : std::uint8_t {
    Id,
    Name,
    Role,
    Party,
    Anonymous,
    Collective,
    Tags,
    Starred,
    Annotations
};
inline constexpr std::array<std::string_view, 9> ActorKeys {
    "id", "name", "role", "party", "anonymous", "collective", "tags", "starred", "annotations"};

enum class Source : std::uint8_t {
    Id,
    Title,
    Outlet,
    Url,
    ArchiveUrl,
    Published,
    Accessed,
    Language,
    Reliability,
    Notes,
    Attachments,
    Tags,
    Starred,
    Annotations
};
inline constexpr std::array<std::string_view, 14> SourceKeys {
    "id",       "title",       "outlet", "url",         "archive_url", "published", "accessed",
    "language", "reliability", "notes",  "attachments", "tags",        "starred",   "annotations"};

// A file pinned as evidence for a source (model.h: Attachment): where its copy is, relative to
// the project file's folder, its SHA-256 (64 hex digits) and size in bytes, the original file
// name, its media type and when it was attached.
enum class Attachment : std::uint8_t { Path, Sha256, Size, Name, MediaType, Added };
inline constexpr std::array<std::string_view, 6> AttachmentKeys {"path", "sha256",     "size",
                                                                 "name", "media_type", "added"};

enum class Event : std::uint8_t {
    Id,
    Title,
    Summary,
    When,
    Location,
    Parties,
    Kind,
    Tags,
    Sources,
    Status,
    StatusHistory,
    Notes,
    Starred,
    Annotations,
    Origin,
    Attributes
};
// `origin` and `attributes` are what an import keeps (model.h: Origin): last, after what the
// user writes, since they describe the row the event came from.
inline constexpr std::array<std::string_view, 16> EventKeys {
    "id",      "title",       "summary", "when",      "location",       "parties",
    "kind",    "tags",        "sources", "status",    "status_history", "notes",
    "starred", "annotations", "origin",  "attributes"};

// One annotation: who wrote it, when (an EDTF instant in UTC) and what.
enum class Annotation : std::uint8_t { Author, At, Text };
inline constexpr std::array<std::string_view, 3> AnnotationKeys {"author", "at", "text"};

enum class Location : std::uint8_t { Name, Lat, Lon, Precision };
inline constexpr std::array<std::string_view, 4> LocationKeys {"name", "lat", "lon", "precision"};

// An event's `origin`: the dataset format, the row's own id there, and when the row was last
// changed there (ACLED's timestamp), as the dataset gives it.
enum class Origin : std::uint8_t { Format, Id, Updated };
inline constexpr std::array<std::string_view, 3> OriginKeys {"format", "id", "updated"};
// An event's `attributes` is a flat object whose keys are the dataset's own column names: it
// has no key table (every key is an attribute).

enum class Citation : std::uint8_t { Source, Excerpt };
inline constexpr std::array<std::string_view, 2> CitationKeys {"source", "excerpt"};

enum class History : std::uint8_t { Status, At, Reason };
inline constexpr std::array<std::string_view, 3> HistoryKeys {"status", "at", "reason"};

enum class Question : std::uint8_t { Id, Text, Tags, Starred, Annotations };
inline constexpr std::array<std::string_view, 5> QuestionKeys {"id", "text", "tags", "starred",
                                                               "annotations"};

enum class Claim : std::uint8_t {
    Id,
    Claimant,
    Via,
    MadeAt,
    About,
    Question,
    Stance,
    Statement,
    Quote,
    Sources,
    Credibility,
    Status,
    StatusHistory,
    Notes,
    Tags,
    Starred,
    Annotations
};
inline constexpr std::array<std::string_view, 17> ClaimKeys {
    "id",        "claimant", "via",        "made_at",     "about",  "question",       "stance",
    "statement", "quote",    "sources",    "credibility", "status", "status_history", "notes",
    "tags",      "starred",  "annotations"};

enum class Quote : std::uint8_t { Text, Language, Translation, Speaker };
inline constexpr std::array<std::string_view, 4> QuoteKeys {"text", "language", "translation",
                                                            "speaker"};

enum class Relation : std::uint8_t { From, To, Kind };
inline constexpr std::array<std::string_view, 3> RelationKeys {"from", "to", "kind"};

enum class Position : std::uint8_t { Question, Party, Text };
inline constexpr std::array<std::string_view, 3> PositionKeys {"question", "party", "text"};

// A background period (TimelineJS's era): its id (unique among periods), its title and its
// time. Written only when the project has periods, so that files without them are unchanged.
enum class Period : std::uint8_t { Id, Title, When };
inline constexpr std::array<std::string_view, 3> PeriodKeys {"id", "title", "when"};

// The index of key in keys, or -1. The search starts at `hint` and goes on in the table's
// order before it wraps: keys come in the writer's order with optional ones left out, so the
// next key read is usually at the hint or a little after it.
inline int indexOf(std::span<const std::string_view> keys, std::string_view key, int hint = -1)
{
    const std::size_t n = keys.size();
    const std::size_t from = hint >= 0 && std::size_t(hint) < n ? std::size_t(hint) : 0;
    for (std::size_t i = from; i < n; ++i) {
        if (sameText(keys[i], key))
            return static_cast<int>(i);
    }
    for (std::size_t i = 0; i < from; ++i) {
        if (sameText(keys[i], key))
            return static_cast<int>(i);
    }
    return -1;
}

inline bool contains(std::span<const std::string_view> keys, std::string_view key)
{
    return indexOf(keys, key) >= 0;
}

} // namespace claimline::keys
