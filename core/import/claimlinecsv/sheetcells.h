#pragma once

// Reading the cells of Claimline's CSV export as the export wrote them (export/csvexport.cpp),
// or as a spreadsheet gives them back: the formula guard taken off, ';' lists, the status and
// stance names, EDTF times and the derived earliest/latest instants. Problems name the column
// and quote the value.

#include "model/model.h"
#include "time/fuzzytime.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

// Whether the export's csvText() put an apostrophe before `text` (it starts with = + - @, a
// tab or a CR, which a spreadsheet would run as a formula).
bool startsLikeFormula(std::string_view text);
// `cell` without the apostrophe the export put before a text that starts like a formula.
std::string_view unguarded(std::string_view cell);
// Whether a text cell reads as `value`, the project's text: as the export wrote it, without
// the apostrophe (a spreadsheet that took it for its own text marker), or with its line breaks
// made CRLF.
bool readsAs(std::string_view cell, std::string_view value);
// The text a cell gives: without the formula guard, CRLF line breaks made LF.
std::string cellText(std::string_view cell);

// The ids or words of a ';' list cell: trimmed, empty ones and repeats left out.
std::vector<std::string_view> listItems(std::string_view cell);
// The names, titles or URLs that go with the ids of a ';' list, by position: the id at
// `position` of `ids` (every entry, trimmed, empty ones kept) gets the entry of `cell` at the
// same position, or the whole cell when there is one id; a list of another length (a name
// holding a ';') gives none.
std::string_view pairedItem(const std::vector<std::string_view> &ids, std::size_t position,
                            std::string_view cell);
// Every entry of a ';' list cell, trimmed, empty ones kept (for pairedItem()).
std::vector<std::string_view> listEntries(std::string_view cell);

// `status "confirmed" is not one of unverified, disputed, corroborated, refuted, retracted`.
QString notOneOf(std::string_view column, std::string_view value,
                 const std::vector<std::string_view> &names);

template<typename Enum, std::size_t N>
QString readEnum(std::string_view column, std::string_view value,
                 const std::array<std::string_view, N> &names, Enum &out)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == value) {
            out = static_cast<Enum>(i);
            return {};
        }
    }
    std::vector<std::string_view> accepted;
    for (const std::string_view name : names) {
        if (!name.empty())
            accepted.push_back(name);
    }
    return notOneOf(column, value, accepted);
}

// An EDTF time cell (`when`, `made_at`); empty is refused: `when is empty: ...`.
QString readTime(std::string_view column, std::string_view cell, FuzzyTime &out);

// An instant as the export writes earliest and latest ("2025-12-27T00:00:00Z"), or as a
// spreadsheet may save it again ("2025-12-27 00:00:00"), in seconds since the epoch; a time
// without an offset is UTC. nullopt for anything else.
std::optional<std::int64_t> parseInstant(std::string_view text);

// Empty when the earliest and latest cells (either may be empty: not given) are the instants
// the export derives from `time`, or from `previous` (the item's time in the project, null for
// a new item: a `when` edited in the spreadsheet leaves them as they were exported);
// otherwise, as they were edited alone,
// `earliest "2025-12-27T00:00:00Z" does not match when "2025-12-28": edit the when column`.
QString derivedTimesProblem(std::string_view earliest, std::string_view latest,
                            const FuzzyTime &time, const FuzzyTime *previous,
                            std::string_view timeColumn, std::string_view timeCell);

// "latitude" etc.: a column name as QString, for messages.
QString columnText(std::string_view column);
// "an actor", "a party": a kind of item in a message.
QString kindWithArticle(ItemKind kind);

} // namespace claimline
