#include "import/claimlinecsv/sheetfields.h"

#include "import/claimlinecsv/exportsheet.h"
#include "import/claimlinecsv/sheetcells.h"
#include "import/formats/fieldtext.h"

#include <QStringBuilder>

namespace claimline {

namespace {

QString readStatus(std::string_view value, Status &out)
{
    if (value.empty()) {
        out = Status::Unverified;
        return {};
    }
    return readEnum("status", value, StatusNames, out);
}

// `when` or `made_at`. The earliest and latest derived from it are checked where the item's
// time in the project is known (eventrows.cpp, claimrows.cpp).
template<typename Column>
QString readTimeColumn(const SheetRow &row, std::string_view name, Column time, FuzzyTime &out)
{
    return row.has(time) ? readTime(name, row.raw(time), out) : QString();
}

} // namespace

QString readEventFields(const SheetRow &row, EventFields &out)
{
    out = {};
    out.id = row.word(EventColumn::Id);
    if (out.id.empty())
        return QStringLiteral("id is empty");
    if (QString problem = readTimeColumn(row, "when", EventColumn::When, out.when);
        !problem.isEmpty())
        return problem;
    if (QString problem = readStatus(row.word(EventColumn::Status), out.status); !problem.isEmpty())
        return problem;
    if (row.has(EventColumn::Latitude) || row.has(EventColumn::Longitude))
        return readCoordinates(row.word(EventColumn::Latitude), row.word(EventColumn::Longitude),
                               out.latitude, out.longitude);
    return {};
}

QString readClaimFields(const SheetRow &row, ClaimFields &out)
{
    out = {};
    out.id = row.word(ClaimColumn::Id);
    if (out.id.empty())
        return QStringLiteral("id is empty");
    if (QString problem = readTimeColumn(row, "made_at", ClaimColumn::MadeAt, out.madeAt);
        !problem.isEmpty())
        return problem;
    if (row.has(ClaimColumn::Claimant) && row.word(ClaimColumn::Claimant).empty())
        return QStringLiteral("claimant is empty: a claim needs one");
    if (QString problem = readStatus(row.word(ClaimColumn::Status), out.status); !problem.isEmpty())
        return problem;
    if (const std::string_view stance = row.word(ClaimColumn::Stance); !stance.empty()) {
        if (QString problem = readEnum("stance", stance, StanceNames, out.stance);
            !problem.isEmpty())
            return problem;
    }
    // Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
    if (const std::string_view credibility = row.word(ClaimColumn::Credibility);
        !credibility.empty()) {
        if (credibility.size() != 1 || credibility[0] < '1' || credibility[0] > '6')
            return QStringLiteral("credibility ") % quotedValue(credibility)
                % QStringLiteral(" is not a number from 1 to 6");
        out.credibility = std::uint8_t(credibility[0] - '0');
    }
    return {};
}

QString readRelationFields(const SheetRow &row, RelationFields &out)
{
    out = {};
    out.from = row.word(RelationColumn::From);
    out.to = row.word(RelationColumn::To);
    if (out.from.empty())
        return QStringLiteral("from is empty");
    if (out.to.empty())
        return QStringLiteral("to is empty");
    if (out.from == out.to)
        return QStringLiteral("from and to are both ") % quotedValue(out.from)
            % QStringLiteral(": a claim cannot answer itself");
    return readEnum("kind", row.word(RelationColumn::Kind), RelationKindNames, out.kind);
}

} // namespace claimline
