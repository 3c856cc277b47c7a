#pragma once

// The columns of Claimline's CSV export, in its order: what export/csvexport.cpp writes as
// each file's header and what the import of those files (import/claimlinecsv) finds them by.

#include <array>
#include <string_view>

namespace claimline {

inline constexpr std::array<std::string_view, 17> EventColumnNames {
    "id",        "title",   "when",        "earliest",      "latest",     "kind",
    "status",    "parties", "party_names", "tags",          "location",   "latitude",
    "longitude", "summary", "sources",     "source_titles", "source_urls"};

inline constexpr std::array<std::string_view, 25> ClaimColumnNames {"id",
                                                                    "made_at",
                                                                    "earliest",
                                                                    "latest",
                                                                    "claimant",
                                                                    "claimant_name",
                                                                    "party",
                                                                    "party_name",
                                                                    "via",
                                                                    "via_name",
                                                                    "about",
                                                                    "about_title",
                                                                    "question",
                                                                    "question_text",
                                                                    "stance",
                                                                    "statement",
                                                                    "quote",
                                                                    "quote_language",
                                                                    "quote_translation",
                                                                    "quote_speaker",
                                                                    "credibility",
                                                                    "status",
                                                                    "sources",
                                                                    "source_titles",
                                                                    "source_urls"};

// What `--with-notes` adds (export/csvexport.h: CsvExportOptions::withNotes): the analyst's
// own layer, never in a public export otherwise. Events have their tags among the columns
// above already.
inline constexpr std::array<std::string_view, 3> EventNoteColumnNames {"starred", "internal_notes",
                                                                       "annotations"};
inline constexpr std::array<std::string_view, 4> ClaimNoteColumnNames {
    "tags", "starred", "internal_notes", "annotations"};

// The import reads only from, to and kind of these (exportsheet.h): the rest is derived.
inline constexpr std::array<std::string_view, 8> RelationExportColumnNames {
    "from", "from_party", "to", "to_party", "kind", "lag_min_seconds", "lag_max_seconds", "lag"};

} // namespace claimline
