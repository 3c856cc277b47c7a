#pragma once

// The keys of each object in the .claimline format, in the order the writer emits them.
// Shared by the reader (to recognise known fields) and the writer (key order, and which
// entries of an item's unknown-field store hold nested unknowns rather than unknown fields).
// Internal to core.

#include <array>
#include <cstdint>
#include <string_view>

namespace claimline::keys {

using namespace std::string_view_literals;

enum class Root : std::uint8_t {
    Format, Version, Meta, Parties, Actors, Sources, Events, Questions, Claims, Relations, Views
};
inline constexpr std::array RootKeys{"format"sv, "version"sv, "meta"sv, "parties"sv,
                                     "actors"sv, "sources"sv, "events"sv, "questions"sv,
                                     "claims"sv, "relations"sv, "views"sv};

enum class Meta : std::uint8_t { Title, Description, DisplayTimeZone, Authors };
inline constexpr std::array MetaKeys{"title"sv, "description"sv, "display_time_zone"sv,
                                     "authors"sv};

enum class Party : std::uint8_t { Id, Name, Short, Color, Kind };
inline constexpr std::array PartyKeys{"id"sv, "name"sv, "short"sv, "color"sv, "kind"sv};

enum class Actor : std::uint8_t { Id, Name, Role, Party, Anonymous, Collective };
inline constexpr std::array ActorKeys{"id"sv,    "name"sv,      "role"sv,
                                      "party"sv, "anonymous"sv, "collective"sv};

enum class Source : std::uint8_t {
    Id, Title, Outlet, Url, ArchiveUrl, Published, Accessed, Language, Reliability, Notes
};
inline constexpr std::array SourceKeys{"id"sv,        "title"sv,     "outlet"sv,
                                       "url"sv,       "archive_url"sv, "published"sv,
                                       "accessed"sv,  "language"sv,  "reliability"sv,
                                       "notes"sv};

enum class Event : std::uint8_t {
    Id, Title, Summary, When, Location, Parties, Kind, Tags, Sources, Status, StatusHistory, Notes
};
inline constexpr std::array EventKeys{"id"sv,      "title"sv,  "summary"sv, "when"sv,
                                      "location"sv, "parties"sv, "kind"sv,   "tags"sv,
                                      "sources"sv, "status"sv, "status_history"sv,
                                      "notes"sv};

enum class Location : std::uint8_t { Name, Lat, Lon };
inline constexpr std::array LocationKeys{"name"sv, "lat"sv, "lon"sv};

enum class Citation : std::uint8_t { Source, Excerpt };
inline constexpr std::array CitationKeys{"source"sv, "excerpt"sv};

enum class History : std::uint8_t { Status, At, Reason };
inline constexpr std::array HistoryKeys{"status"sv, "at"sv, "reason"sv};

enum class Question : std::uint8_t { Id, Text };
inline constexpr std::array QuestionKeys{"id"sv, "text"sv};

enum class Claim : std::uint8_t {
    Id, Claimant, Via, MadeAt, About, Question, Stance, Statement, Quote, Sources, Credibility,
    Status, StatusHistory, Notes
};
inline constexpr std::array ClaimKeys{"id"sv,        "claimant"sv,  "via"sv,
                                      "made_at"sv,   "about"sv,     "question"sv,
                                      "stance"sv,    "statement"sv, "quote"sv,
                                      "sources"sv,   "credibility"sv, "status"sv,
                                      "status_history"sv, "notes"sv};

enum class Quote : std::uint8_t { Text, Language, Translation, Speaker };
inline constexpr std::array QuoteKeys{"text"sv, "language"sv, "translation"sv, "speaker"sv};

enum class Relation : std::uint8_t { From, To, Kind };
inline constexpr std::array RelationKeys{"from"sv, "to"sv, "kind"sv};

// The index of key in keys, or -1; `hint` is checked first.
template<std::size_t N>
constexpr int indexOf(const std::array<std::string_view, N> &keys, std::string_view key,
                      int hint = -1)
{
    if (hint >= 0 && std::size_t(hint) < N && keys[std::size_t(hint)] == key)
        return hint;
    for (std::size_t i = 0; i < N; ++i) {
        if (keys[i] == key)
            return static_cast<int>(i);
    }
    return -1;
}

template<std::size_t N>
constexpr bool contains(const std::array<std::string_view, N> &keys, std::string_view key)
{
    return indexOf(keys, key) >= 0;
}

} // namespace claimline::keys
