// The response-lag chart: how long after a claim each counter-claim came, as a range from the
// earliest to the latest possible lag (never a difference of midpoints), one row per
// responding party and lag that reads the same.

#include "document/filter.h"
#include "model/project.h"
#include "present/chartcommon.h"

#include <QStringList>

#include <algorithm>
#include <map>
#include <tuple>

namespace claimline {

namespace {

// The calendar day a UTC second falls on (a calendar date's own day: they are stored as UTC
// midnights).
using chart::Day;
using chart::isCalendarTime;

std::int64_t dayOf(std::int64_t seconds)
{
    return seconds >= 0 ? seconds / Day : -((-seconds + Day - 1) / Day);
}

} // namespace

QString chartLagText(const FuzzyTime &answer, const FuzzyTime &original)
{
    const Lag lag = claimline::responseLag(answer, original);
    if (lag.max == FuzzyTime::OpenEnd)
        return QStringLiteral("unknown");
    if (lag.max < 0)
        return QStringLiteral("before what it answers");
    if (!isCalendarTime(answer) || !isCalendarTime(original) || answer.isOpenStart()
        || original.isOpenEnd())
        return formatLag(lag);
    // Both told as calendar days: say it in days, as a reader would.
    const std::int64_t minDays
        = std::max<std::int64_t>(0, dayOf(answer.start()) - dayOf(original.end() - 1));
    const std::int64_t maxDays = dayOf(answer.end() - 1) - dayOf(original.start());
    if (minDays == maxDays) {
        if (minDays == 0)
            return QStringLiteral("same day");
        if (minDays == 1)
            return QStringLiteral("next day");
        return QStringLiteral("%1 days").arg(minDays);
    }
    return QStringLiteral("%1–%2 days").arg(minDays).arg(maxDays);
}

namespace chart {

ChartData responseLag(const Project &project, const Filter &filter, const ChartRequest &request)
{
    ChartData data;
    data.kind = ChartKind::ResponseLag;
    data.itemKind = ItemKind::Claim;
    const PartySlots slots {project.parties().size() + 1};
    const Window window = Window::of(request.range, request.zone);
    struct Row
    {
        double min = 0;
        double max = 0;
        std::vector<std::uint32_t> answers;
    };
    std::map<std::pair<std::uint32_t, QString>, Row> rows; // (slot, text) → row
    std::size_t unbounded = 0;
    const auto &claims = project.claims();
    const ItemBits &shown = filter.accepted(project);
    for (const Relation &relation : project.relations()) {
        if (!isCounterClaim(relation.kind) || relation.from >= claims.size()
            || relation.to >= claims.size())
            continue;
        const FuzzyTime &answer = claims[relation.from].madeAt;
        const FuzzyTime &original = claims[relation.to].madeAt;
        if (!isDated(answer) || !isDated(original))
            continue;
        if ((window.bounded && !window.contains(answer)) || !shown.hasClaim(relation.from)
            || !shown.hasClaim(relation.to))
            continue;
        const Lag lag = claimline::responseLag(answer, original);
        if (lag.max == FuzzyTime::OpenEnd || lag.max < 0) {
            ++unbounded; // an open date, or an answer dated before what it answers
            continue;
        }
        const std::uint32_t slot = slots.slotOf(project.partyOfClaim(relation.from));
        auto [it, added] = rows.try_emplace({slot, chartLagText(answer, original)});
        Row &row = it->second;
        row.min = added ? double(lag.min) : std::min(row.min, double(lag.min));
        row.max = added ? double(lag.max) : std::max(row.max, double(lag.max));
        row.answers.push_back(relation.from);
    }

    // Rows by party, then from the shortest lag; at most maxRows, those with most answers.
    std::vector<std::pair<std::pair<std::uint32_t, QString>, Row>> sorted(rows.begin(), rows.end());
    const std::size_t allRows = sorted.size();
    if (sorted.size() > request.maxRows) {
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
            return a.second.answers.size() > b.second.answers.size();
        });
        sorted.resize(request.maxRows);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first.first, a.second.min, a.second.max)
            < std::tie(b.first.first, b.second.min, b.second.max);
    });

    std::vector<std::uint32_t> seriesOfSlot(slots.count, NoIndex);
    for (const auto &[key, row] : sorted) {
        const std::uint32_t slot = key.first;
        if (seriesOfSlot[slot] == NoIndex) {
            seriesOfSlot[slot] = std::uint32_t(data.series.size());
            data.series.push_back({slots.isNone(slot)
                                       ? QStringLiteral("Unattributed")
                                       : partyDisplayName(project, slot, PartyName::Full),
                                   slots.isNone(slot) ? NoIndex : slot, -1});
        }
        const QString party
            = slots.isNone(slot) ? QStringLiteral("Unattributed") : partyDisplayName(project, slot);
        data.categories.push_back(
            QStringLiteral("%1: %2 (%3)").arg(party, key.second).arg(row.answers.size()));
        data.categoryParties.push_back(slots.isNone(slot) ? NoIndex : slot);
        data.lagRanges.push_back({row.min, row.max, key.second});
    }
    const std::size_t categoryCount = data.categories.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    double maxLag = 0;
    for (std::size_t c = 0; c < categoryCount; ++c) {
        const auto &[key, row] = sorted[c];
        const std::uint32_t series = seriesOfSlot[key.first];
        for (const std::uint32_t answer : row.answers)
            pairs.emplace_back(std::uint32_t(series * categoryCount + c), answer);
        maxLag = std::max(maxLag, row.max);
    }
    setCountedCells(data, categoryCount, pairs);

    // Hours while every lag is under two days; else days.
    data.lagUnit = maxLag < 2 * Day ? 3600 : Day;
    data.title = QStringLiteral("Response lag, by responding party");
    data.xTitle
        = data.lagUnit == Day ? QStringLiteral("Lag (days)") : QStringLiteral("Lag (hours)");
    data.yTitle = QStringLiteral("Responding party: lag (answers)");
    QStringList notes {QStringLiteral("Each bar runs from the earliest to the latest possible lag "
                                      "of a counter-claim after the claim it answers.")};
    if (allRows > sorted.size())
        notes.append(
            QStringLiteral("The %1 rows with most answers of %2.").arg(sorted.size()).arg(allRows));
    if (unbounded > 0)
        notes.append(
            QStringLiteral("Not shown: %1 %2 with an open date or dated before what it "
                           "answers.")
                .arg(unbounded)
                .arg(unbounded == 1 ? QStringLiteral("answer") : QStringLiteral("answers")));
    data.note = notes.join(QLatin1Char(' '));
    return data;
}

} // namespace chart
} // namespace claimline
