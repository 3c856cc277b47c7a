#include "present/chartdata.h"

#include "document/filter.h"
#include "model/project.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace claimline {

namespace {

constexpr std::int64_t UnixEpochJulianDay = 2440588;
constexpr std::int64_t Day = 86400;

// Seconds since the epoch of a date's midnight on the wall clock (as if the zone were UTC).
std::int64_t wallMidnight(const QDate &date)
{
    return (date.toJulianDay() - UnixEpochJulianDay) * Day;
}

QDate nextDate(BucketUnit unit, const QDate &date)
{
    switch (unit) {
    case BucketUnit::Hour:
    case BucketUnit::Day:
        return date.addDays(1);
    case BucketUnit::Week:
        return date.addDays(7);
    case BucketUnit::Month:
        return date.addMonths(1);
    case BucketUnit::Year:
        return date.addYears(1);
    }
    return date.addDays(1);
}

// Calendar dates (no time of day at either end) are days wherever they are read.
bool isCalendarTime(const FuzzyTime &time)
{
    return time.startPrecision() <= Precision::Day && time.endPrecision() <= Precision::Day;
}

bool isDated(const FuzzyTime &time)
{
    return !time.isNull() && !(time.isOpenStart() && time.isOpenEnd());
}

// The linear-interpolation quantile of sorted values.
double quantile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const double position = q * double(sorted.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - double(below));
}

QString elide(const QString &text, qsizetype length)
{
    return text.size() <= length ? text : text.left(length - 1).trimmed() + QChar(0x2026);
}

// Category axes need distinct labels: a repeated one gets " (2)", " (3)"…
void makeDistinct(std::vector<QString> &labels)
{
    for (std::size_t i = 1; i < labels.size(); ++i) {
        int copy = 1;
        const QString base = labels[i];
        while (std::find(labels.begin(), labels.begin() + std::ptrdiff_t(i), labels[i])
               != labels.begin() + std::ptrdiff_t(i))
            labels[i] = base + QStringLiteral(" (%1)").arg(++copy);
    }
}

QString zoneName(const QTimeZone &zone)
{
    return QString::fromLatin1(zone.id());
}

// Party slots: one per project party plus one for items of no party (the last).
struct PartySlots
{
    std::size_t count;
    std::uint32_t slotOf(std::uint32_t party) const
    {
        return party == NoIndex ? std::uint32_t(count - 1) : party;
    }
};

// Claims per party over time, or events per party over time: the cells' series are the
// party slots that count anything, in the project's party order.
ChartData timeChart(const Project &project, const Filter &filter, const ChartRequest &request)
{
    const bool events = request.kind == ChartKind::EventTempo;
    ChartData data;
    data.kind = request.kind;
    data.itemKind = events ? ItemKind::Event : ItemKind::Claim;

    // Pass 1: what the filter accepts, and the extent of the midpoints.
    std::vector<std::uint32_t> accepted;
    std::int64_t first = FuzzyTime::OpenEnd;
    std::int64_t last = FuzzyTime::OpenStart;
    const std::size_t itemCount = events ? project.events().size() : project.claims().size();
    accepted.reserve(itemCount);
    for (std::uint32_t i = 0; i < itemCount; ++i) {
        const FuzzyTime &time = events ? project.events()[i].when : project.claims()[i].madeAt;
        if (!isDated(time))
            continue;
        if (events ? !filter.acceptsEvent(project, i) : !filter.acceptsClaim(project, i))
            continue;
        accepted.push_back(i);
        const std::int64_t mid = time.midpoint();
        first = std::min(first, mid);
        last = std::max(last, mid);
    }

    std::optional<std::pair<std::int64_t, std::int64_t>> span;
    if (!events && request.range)
        span = request.range;
    else if (!events && filter.dateFrom() && filter.dateTo())
        span = std::pair(*filter.dateFrom(), *filter.dateTo());
    else if (first <= last)
        span = std::pair(first, last + 1);
    if (span && span->second > span->first)
        data.buckets = TimeBuckets::cover(span->first, span->second, request.zone);
    const std::size_t bucketCount = data.buckets.size();
    for (std::size_t b = 0; b < bucketCount; ++b)
        data.categories.push_back(data.buckets.label(b));

    // Pass 2: (slot × bucket, item) pairs.
    const PartySlots slots {project.parties().size() + 1};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(accepted.size());
    std::vector<std::size_t> slotTotals(slots.count, 0);
    const auto add = [&](std::uint32_t slot, int bucket, std::uint32_t item) {
        pairs.emplace_back(std::uint32_t(slot * bucketCount + std::size_t(bucket)), item);
        ++slotTotals[slot];
    };
    const auto &hidden = filter.hiddenParties();
    for (const std::uint32_t i : accepted) {
        if (events) {
            const Event &event = project.events()[i];
            const int bucket = data.buckets.indexOf(event.when);
            if (bucket < 0)
                continue;
            const auto parties = project.indices(event.parties);
            if (parties.empty())
                add(slots.slotOf(NoIndex), bucket, i);
            for (const std::uint32_t party : parties) {
                if (party < project.parties().size() && hidden.count(party) == 0)
                    add(slots.slotOf(party), bucket, i);
            }
        } else {
            const int bucket = data.buckets.indexOf(project.claims()[i].madeAt);
            if (bucket >= 0)
                add(slots.slotOf(project.partyOfClaim(i)), bucket, i);
        }
    }

    // Series: the slots that count something.
    std::vector<std::uint32_t> seriesOfSlot(slots.count, NoIndex);
    for (std::uint32_t slot = 0; slot < slots.count; ++slot) {
        if (slotTotals[slot] == 0)
            continue;
        seriesOfSlot[slot] = std::uint32_t(data.series.size());
        const bool none = slot == slots.count - 1;
        data.series.push_back(
            {none ? (events ? QStringLiteral("No party") : QStringLiteral("Unattributed"))
                  : partyDisplayName(project, slot, PartyName::Full),
             none ? NoIndex : slot, -1});
    }
    for (auto &pair : pairs) {
        const std::uint32_t slot = std::uint32_t(pair.first / bucketCount);
        pair.first = std::uint32_t(seriesOfSlot[slot] * bucketCount + pair.first % bucketCount);
    }
    const std::size_t cellCount = data.series.size() * bucketCount;
    data.cells = CellItems(cellCount, pairs);
    data.values.resize(cellCount);
    for (std::size_t c = 0; c < cellCount; ++c)
        data.values[c] = double(data.cells.count(c));

    const QString unit = data.buckets.unitName();
    data.title = events ? QStringLiteral("Event tempo: events per party, by %1").arg(unit)
                        : QStringLiteral("Claims per party, by %1").arg(unit);
    QString axisUnit = unit.left(1).toUpper() + unit.mid(1);
    if (data.buckets.unit() == BucketUnit::Week)
        axisUnit = QStringLiteral("Week from Monday");
    data.xTitle = QStringLiteral("%1 (%2)").arg(axisUnit, zoneName(request.zone));
    data.yTitle = events ? QStringLiteral("Events") : QStringLiteral("Claims");
    if (events)
        data.note = QStringLiteral("An event of several parties counts once for each.");
    return data;
}

constexpr std::array<Stance, 4> MatrixStances {Stance::Affirms, Stance::Denies, Stance::Disputes,
                                               Stance::Qualifies};

ChartData stanceMatrix(const Project &project, const Filter &filter, const ChartRequest &request)
{
    ChartData data;
    data.kind = ChartKind::StanceMatrix;
    data.itemKind = ItemKind::Claim;
    const PartySlots slots {project.parties().size() + 1};
    const std::size_t pairCount = project.questions().size() * slots.count;

    // (question × slot) row key and stance of every counted claim.
    struct Counted
    {
        std::uint32_t row;
        std::uint32_t stance;
        std::uint32_t claim;
    };
    std::vector<Counted> counted;
    std::vector<std::uint32_t> rowTotals(pairCount, 0);
    const auto &claims = project.claims();
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
        const Claim &claim = claims[i];
        if (claim.question == NoIndex || claim.stance == Stance::None)
            continue;
        if (!filter.acceptsClaim(project, i))
            continue;
        const auto row
            = std::uint32_t(claim.question * slots.count + slots.slotOf(project.partyOfClaim(i)));
        counted.push_back({row, std::uint32_t(claim.stance) - 1, i});
        ++rowTotals[row];
    }

    std::vector<std::uint32_t> rows;
    for (std::uint32_t row = 0; row < pairCount; ++row) {
        if (rowTotals[row] > 0)
            rows.push_back(row);
    }
    const std::size_t allRows = rows.size();
    if (rows.size() > request.maxRows) {
        // Keep the pairs with most claims, then show them in question and party order.
        std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
            return rowTotals[a] > rowTotals[b];
        });
        rows.resize(request.maxRows);
        std::sort(rows.begin(), rows.end());
        data.note = QStringLiteral("The %1 question–party pairs with most claims of %2.")
                        .arg(request.maxRows)
                        .arg(allRows);
    }
    std::vector<std::uint32_t> categoryOfRow(pairCount, NoIndex);
    for (std::size_t c = 0; c < rows.size(); ++c) {
        const std::uint32_t row = rows[c];
        categoryOfRow[row] = std::uint32_t(c);
        const std::uint32_t question = row / std::uint32_t(slots.count);
        const std::uint32_t slot = row % std::uint32_t(slots.count);
        const QString party = slot == slots.count - 1 ? QStringLiteral("Unattributed")
                                                      : partyDisplayName(project, slot);
        data.categories.push_back(party + QStringLiteral(": ")
                                  + elide(project.text(project.questions()[question].text), 34));
    }
    makeDistinct(data.categories);

    for (const Stance stance : MatrixStances) {
        QString name = QString::fromLatin1(nameOf(stance));
        name[0] = name[0].toUpper();
        data.series.push_back({name, NoIndex, int(stance)});
    }
    const std::size_t categoryCount = data.categories.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(counted.size());
    for (const Counted &c : counted) {
        const std::uint32_t category = categoryOfRow[c.row];
        if (category != NoIndex)
            pairs.emplace_back(std::uint32_t(c.stance * categoryCount + category), c.claim);
    }
    const std::size_t cellCount = data.series.size() * categoryCount;
    data.cells = CellItems(cellCount, pairs);
    data.values.resize(cellCount);
    for (std::size_t c = 0; c < cellCount; ++c)
        data.values[c] = double(data.cells.count(c));
    data.title = QStringLiteral("Stances on each question, by party");
    data.xTitle = QStringLiteral("Claims");
    // No automatic title for the rows: they say what they are ("RU: Ukraine targeted…"), and a
    // rotated title would take the room their text needs.
    return data;
}

ChartData responseLag(const Project &project, const Filter &filter)
{
    ChartData data;
    data.kind = ChartKind::ResponseLag;
    data.itemKind = ItemKind::Claim;
    const PartySlots slots {project.parties().size() + 1};
    std::vector<std::vector<double>> lagsOfSlot(slots.count);
    std::vector<std::vector<std::uint32_t>> answersOfSlot(slots.count);
    const auto &claims = project.claims();
    for (const Relation &relation : project.relations()) {
        if (!isCounterClaim(relation.kind) || relation.from >= claims.size()
            || relation.to >= claims.size())
            continue;
        const FuzzyTime &answer = claims[relation.from].madeAt;
        const FuzzyTime &original = claims[relation.to].madeAt;
        if (!isDated(answer) || !isDated(original))
            continue;
        if (!filter.acceptsClaim(project, relation.from)
            || !filter.acceptsClaim(project, relation.to))
            continue;
        // Midpoint to midpoint; an answer cannot come before what it answers, so a negative
        // difference (two overlapping imprecise times) counts as no lag.
        const double lag
            = double(std::max<std::int64_t>(0, answer.midpoint() - original.midpoint()));
        const std::uint32_t slot = slots.slotOf(project.partyOfClaim(relation.from));
        lagsOfSlot[slot].push_back(lag);
        answersOfSlot[slot].push_back(relation.from);
    }

    data.series.push_back({QStringLiteral("Response lag"), NoIndex, -1});
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    double maxLag = 0;
    for (std::uint32_t slot = 0; slot < slots.count; ++slot) {
        std::vector<double> &lags = lagsOfSlot[slot];
        if (lags.empty())
            continue;
        const auto category = std::uint32_t(data.categories.size());
        const bool none = slot == slots.count - 1;
        const QString party
            = none ? QStringLiteral("Unattributed") : partyDisplayName(project, slot);
        data.categories.push_back(
            QStringLiteral("%1 (%2)").arg(party, QString::number(lags.size())));
        data.categoryParties.push_back(none ? NoIndex : slot);
        std::sort(lags.begin(), lags.end());
        data.lags.push_back({lags.front(), quantile(lags, 0.25), quantile(lags, 0.5),
                             quantile(lags, 0.75), lags.back()});
        maxLag = std::max(maxLag, lags.back());
        for (const std::uint32_t answer : answersOfSlot[slot])
            pairs.emplace_back(category, answer);
        data.values.push_back(double(lags.size()));
    }
    data.cells = CellItems(data.categories.size(), pairs);
    data.lagUnit = maxLag < 3 * Day ? 3600 : Day;
    data.title = QStringLiteral("Response lag, by responding party");
    data.xTitle = QStringLiteral("Responding party (answers)");
    data.yTitle
        = data.lagUnit == Day ? QStringLiteral("Lag (days)") : QStringLiteral("Lag (hours)");
    data.note = QStringLiteral("Counter-claims, midpoint to midpoint: whiskers min–max, box "
                               "quartiles, line median.");
    return data;
}

ChartData statusByParty(const Project &project, const Filter &filter)
{
    ChartData data;
    data.kind = ChartKind::StatusByParty;
    data.itemKind = ItemKind::Claim;
    const PartySlots slots {project.parties().size() + 1};
    constexpr std::size_t StatusCount = StatusNames.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> raw; // (slot × status, claim)
    std::vector<std::size_t> slotTotals(slots.count, 0);
    std::array<std::size_t, StatusCount> statusTotals {};
    const auto &claims = project.claims();
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
        if (!filter.acceptsClaim(project, i))
            continue;
        const std::uint32_t slot = slots.slotOf(project.partyOfClaim(i));
        const auto status = std::size_t(claims[i].status);
        raw.emplace_back(std::uint32_t(slot * StatusCount + status), i);
        ++slotTotals[slot];
        ++statusTotals[status];
    }
    std::vector<std::uint32_t> categoryOfSlot(slots.count, NoIndex);
    for (std::uint32_t slot = 0; slot < slots.count; ++slot) {
        if (slotTotals[slot] == 0)
            continue;
        categoryOfSlot[slot] = std::uint32_t(data.categories.size());
        data.categoryParties.push_back(slot == slots.count - 1 ? NoIndex : slot);
        data.categories.push_back(slot == slots.count - 1 ? QStringLiteral("Unattributed")
                                                          : partyDisplayName(project, slot));
    }
    makeDistinct(data.categories);
    // Retracted is shown only when some claim is: the issue asks for the other four.
    std::array<std::uint32_t, StatusCount> seriesOfStatus {};
    for (std::size_t status = 0; status < StatusCount; ++status) {
        seriesOfStatus[status] = std::uint32_t(data.series.size());
        if (Status(status) == Status::Retracted && statusTotals[status] == 0)
            continue;
        QString name = QString::fromLatin1(StatusNames[status]);
        name[0] = name[0].toUpper();
        data.series.push_back({name, NoIndex, int(status)});
    }
    const std::size_t categoryCount = data.categories.size();
    for (auto &pair : raw) {
        const std::uint32_t slot = pair.first / StatusCount;
        const std::uint32_t status = pair.first % StatusCount;
        pair.first = std::uint32_t(seriesOfStatus[status] * categoryCount + categoryOfSlot[slot]);
    }
    const std::size_t cellCount = data.series.size() * categoryCount;
    data.cells = CellItems(cellCount, raw);
    data.values.resize(cellCount);
    for (std::size_t c = 0; c < cellCount; ++c)
        data.values[c] = double(data.cells.count(c));
    data.title = QStringLiteral("Claim status by party");
    data.xTitle = QStringLiteral("Party");
    data.yTitle = QStringLiteral("Share of the party's claims (%)");
    return data;
}

} // namespace

// --- TimeBuckets -----------------------------------------------------------------------------

BucketUnit TimeBuckets::unitFor(std::int64_t from, std::int64_t to)
{
    const std::int64_t span = std::max<std::int64_t>(0, to - from);
    if (span <= HourSpan)
        return BucketUnit::Hour;
    // Generous counts (a partial unit at each end). Days only up to a quarter: a year of
    // daily values is noise at chart size, its weeks show the tempo.
    const std::int64_t days = span / Day + 2;
    if (days <= DaySpanDays)
        return BucketUnit::Day;
    if (days / 7 + 2 <= std::int64_t(MaxBuckets))
        return BucketUnit::Week;
    if (days / 28 + 2 <= std::int64_t(MaxBuckets))
        return BucketUnit::Month;
    return BucketUnit::Year;
}

TimeBuckets TimeBuckets::make(BucketUnit unit, std::int64_t from, std::int64_t to,
                              const QTimeZone &zone)
{
    TimeBuckets buckets;
    buckets.m_unit = unit;
    buckets.m_zone = zone.isValid() ? zone : QTimeZone::utc();
    to = std::max(to, from + 1);
    // A safety net against a caller asking for a fine unit over a long span.
    constexpr std::size_t Limit = 100000;
    const QDateTime local = QDateTime::fromSecsSinceEpoch(from, buckets.m_zone);
    if (unit == BucketUnit::Hour) {
        QDateTime at(local.date(), QTime(local.time().hour(), 0), buckets.m_zone);
        std::int64_t start = at.toSecsSinceEpoch();
        while (buckets.m_starts.size() < Limit) {
            buckets.m_starts.push_back(start);
            buckets.m_wallStarts.push_back(start + buckets.m_zone.offsetFromUtc(at));
            if (start >= to)
                break;
            start += 3600;
            at = QDateTime::fromSecsSinceEpoch(start, buckets.m_zone);
        }
    } else {
        QDate date = local.date();
        if (unit == BucketUnit::Week)
            date = date.addDays(1 - date.dayOfWeek());
        else if (unit == BucketUnit::Month)
            date = QDate(date.year(), date.month(), 1);
        else if (unit == BucketUnit::Year)
            date = QDate(date.year(), 1, 1);
        while (buckets.m_starts.size() < Limit) {
            const std::int64_t start
                = QDateTime(date, QTime(0, 0), buckets.m_zone).toSecsSinceEpoch();
            buckets.m_starts.push_back(start);
            buckets.m_wallStarts.push_back(wallMidnight(date));
            if (start >= to)
                break;
            date = nextDate(unit, date);
        }
    }
    if (buckets.m_starts.size() < 2) {
        buckets.m_starts.clear();
        buckets.m_wallStarts.clear();
    } else {
        buckets.m_longerThanYear = buckets.m_starts.back() - buckets.m_starts.front() > 366 * Day;
    }
    return buckets;
}

int TimeBuckets::indexOf(const FuzzyTime &time) const
{
    if (!isDated(time) || isEmpty())
        return -1;
    const std::int64_t mid = time.midpoint();
    const std::vector<std::int64_t> &bounds = isCalendarTime(time) ? m_wallStarts : m_starts;
    const auto it = std::upper_bound(bounds.begin(), bounds.end(), mid);
    if (it == bounds.begin() || it == bounds.end())
        return -1;
    return int(it - bounds.begin()) - 1;
}

QString TimeBuckets::label(std::size_t i) const
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(m_starts[i], m_zone);
    switch (m_unit) {
    case BucketUnit::Hour: {
        const bool oneDay = QDateTime::fromSecsSinceEpoch(m_starts.front(), m_zone).date()
            == QDateTime::fromSecsSinceEpoch(m_starts.back() - 1, m_zone).date();
        return at.toString(oneDay ? QStringLiteral("HH:mm") : QStringLiteral("d MMM HH:mm"));
    }
    case BucketUnit::Day:
    case BucketUnit::Week: {
        // Short labels (slanted under bars); the year on the first bucket and where it
        // changes, or on every label of a chart longer than a year (so they stay distinct).
        const bool year = m_longerThanYear || i == 0
            || at.date().year()
                != QDateTime::fromSecsSinceEpoch(m_starts[i - 1], m_zone).date().year();
        return at.toString(year ? QStringLiteral("d MMM yyyy") : QStringLiteral("d MMM"));
    }
    case BucketUnit::Month:
        return at.toString(QStringLiteral("MMM yyyy"));
    case BucketUnit::Year:
        return at.toString(QStringLiteral("yyyy"));
    }
    return {};
}

QString TimeBuckets::unitName() const
{
    constexpr std::array<const char *, 5> Names {"hour", "day", "week", "month", "year"};
    return QString::fromLatin1(Names[std::size_t(m_unit)]);
}

// --- CellItems -------------------------------------------------------------------------------

CellItems::CellItems(std::size_t cellCount,
                     std::span<const std::pair<std::uint32_t, std::uint32_t>> pairs)
    : m_offsets(cellCount + 1, 0)
    , m_items(pairs.size())
{
    for (const auto &pair : pairs)
        ++m_offsets[pair.first + 1];
    std::partial_sum(m_offsets.begin(), m_offsets.end(), m_offsets.begin());
    std::vector<std::uint32_t> next(m_offsets.begin(), m_offsets.end() - 1);
    for (const auto &pair : pairs)
        m_items[next[pair.first]++] = pair.second;
}

// --- ChartData -------------------------------------------------------------------------------

double ChartData::share(std::size_t series, std::size_t category) const
{
    double sum = 0;
    for (std::size_t s = 0; s < this->series.size(); ++s)
        sum += value(s, category);
    return sum > 0 ? 100.0 * value(series, category) / sum : 0.0;
}

double ChartData::total() const
{
    return std::accumulate(values.begin(), values.end(), 0.0);
}

QString partyDisplayName(const Project &project, std::uint32_t party, PartyName form)
{
    if (party >= project.parties().size())
        return QStringLiteral("Unattributed");
    const Party &p = project.parties()[party];
    const auto refs = form == PartyName::Short ? std::array {p.shortName, p.name, p.id}
                                               : std::array {p.name, p.shortName, p.id};
    for (const TextRef ref : refs) {
        const QString text = project.text(ref);
        if (!text.isEmpty())
            return text;
    }
    return {};
}

QString chartCredit(const Project &project)
{
    QString title = project.text(project.meta().title);
    if (title.isEmpty())
        title = QStringLiteral("Untitled project");
    const std::size_t sources = project.sources().size();
    return QStringLiteral("Source: %1, compiled from %2 %3")
        .arg(title, QString::number(sources),
             sources == 1 ? QStringLiteral("source") : QStringLiteral("sources"));
}

ChartData computeChart(const Project &project, const Filter &filter, const ChartRequest &request)
{
    ChartData data;
    switch (request.kind) {
    case ChartKind::ClaimsPerDay:
    case ChartKind::EventTempo:
        data = timeChart(project, filter, request);
        break;
    case ChartKind::StanceMatrix:
        data = stanceMatrix(project, filter, request);
        break;
    case ChartKind::ResponseLag:
        data = responseLag(project, filter);
        break;
    case ChartKind::StatusByParty:
        data = statusByParty(project, filter);
        break;
    }
    data.credit = chartCredit(project);
    return data;
}

} // namespace claimline
