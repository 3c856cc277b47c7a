#pragma once

// The fields of a row of Claimline's CSV export that read the same whatever the project
// holds: its id, times, status, stance, credibility, coordinates, a relation's claims and
// kind. The importer reads them first (a row refused here changes nothing), and the wizard's
// survey shows what they say before a project is chosen.

#include "model/model.h"
#include "time/fuzzytime.h"

#include <QString>

#include <cstdint>
#include <limits>
#include <string_view>

namespace claimline {

class SheetRow;

struct EventFields
{
    std::string_view id;
    FuzzyTime when; // null when the file has no `when` column
    Status status = Status::Unverified;
    double latitude = std::numeric_limits<double>::quiet_NaN();
    double longitude = std::numeric_limits<double>::quiet_NaN();
};

struct ClaimFields
{
    std::string_view id;
    FuzzyTime madeAt; // null when the file has no `made_at` column
    Status status = Status::Unverified;
    Stance stance = Stance::None;
    std::uint8_t credibility = 0;
};

struct RelationFields
{
    std::string_view from, to;
    RelationKind kind = RelationKind::Denies;
};

// Each returns why the row is refused, or an empty string. An empty status cell reads as
// "unverified", an empty stance or credibility as none.
QString readEventFields(const SheetRow &row, EventFields &out);
QString readClaimFields(const SheetRow &row, ClaimFields &out);
QString readRelationFields(const SheetRow &row, RelationFields &out);

} // namespace claimline
