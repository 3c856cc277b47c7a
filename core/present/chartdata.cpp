#include "present/chartdata.h"

#include "document/filter.h"
#include "model/project.h"
#include "model/sidebyside.h"
#include "present/chartcommon.h"
#include "present/narrativestext.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <array>
#include <numeric>

namespace claimline {

namespace chart {

void setCountedCells(ChartData &data, std::size_t categoryCount,
                     std::span<const std::pair<std::uint32_t, std::uint32_t>> pairs)
{
    const std::size_t cellCount = data.series.size() * categoryCount;
    data.cells = CellItems(cellCount, pairs);
    data.values.resize(cellCount);
    for (std::size_t c = 0; c < cellCount; ++c)
        data.values[c] = double(data.cells.count(c));
}

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

Window Window::of(const std::optional<std::pair<std::int64_t, std::int64_t>> &range,
                  const QTimeZone &zone)
{
    Window window;
    if (!range || range->second <= range->first)
        return window;
    const QTimeZone z = zone.isValid() ? zone : QTimeZone::utc();
    window.bounded = true;
    window.from = range->first;
    window.to = range->second;
    window.wallFrom = window.from
        + z.offsetFromUtc(QDateTime::fromSecsSinceEpoch(window.from, QTimeZone::utc()));
    window.wallTo
        = window.to + z.offsetFromUtc(QDateTime::fromSecsSinceEpoch(window.to, QTimeZone::utc()));
    return window;
}

bool Window::contains(const FuzzyTime &time) const
{
    if (!isDated(time))
        return false;
    if (!bounded)
        return true;
    const bool calendar = isCalendarTime(time);
    return time.start() < (calendar ? wallTo : to) && time.end() > (calendar ? wallFrom : from);
}

} // namespace chart

namespace {

using chart::Day;
using chart::isCalendarTime;
using chart::isDated;
using chart::PartySlots;

QString zoneName(const QTimeZone &zone)
{
    return QString::fromLatin1(zone.id());
}

// A wall-clock midnight (a calendar date's bound) as a UTC instant in the zone.
std::int64_t wallMidnightToUtc(std::int64_t wall, const QTimeZone &zone)
{
    constexpr std::int64_t UnixEpochJulianDay = 2440588;
    const std::int64_t days = wall >= 0 ? wall / Day : -((-wall + Day - 1) / Day);
    return QDateTime(QDate::fromJulianDay(days + UnixEpochJulianDay), QTime(0, 0), zone)
        .toSecsSinceEpoch();
}

// How a note names an item: an event's title, a claim's claimant; with its date as shown.
QString itemName(const Project &project, ItemKind kind, std::uint32_t index, const QTimeZone &zone)
{
    if (kind == ItemKind::Event) {
        const Event &event = project.events()[index];
        return QStringLiteral("%1 (%2)").arg(NarrativesText::oneLine(project.text(event.title)),
                                             event.when.toDisplayString(zone));
    }
    const Claim &claim = project.claims()[index];
    return QStringLiteral("%1 (%2)").arg(NarrativesText::speakerName(project, claim.claimant),
                                         claim.madeAt.toDisplayString(zone));
}

// "Not shown: 3 claims dated less precisely than a day — A (~Dec 2025), B (…), C (…)": the
// items of a time chart that fit no bucket, the first few by name.
QString notShownNote(const Project &project, const ChartData &data, const QTimeZone &zone)
{
    const std::size_t count = data.notShown.size();
    if (count == 0)
        return {};
    const bool events = data.itemKind == ItemKind::Event;
    const QString noun = events ? (count == 1 ? QStringLiteral("event") : QStringLiteral("events"))
                                : (count == 1 ? QStringLiteral("claim") : QStringLiteral("claims"));
    constexpr std::size_t Named = 4;
    QStringList names;
    for (std::size_t i = 0; i < std::min(count, Named); ++i)
        names.append(itemName(project, data.itemKind, data.notShown[i], zone));
    QString list = names.join(QStringLiteral(", "));
    if (count > Named)
        list += QStringLiteral(" and %1 more").arg(count - Named);
    const QString article
        = data.buckets.unit() == BucketUnit::Hour ? QStringLiteral("an") : QStringLiteral("a");
    return QStringLiteral("Not shown: %1 %2 dated less precisely than %3 %4 — %5.")
        .arg(QString::number(count), noun, article, data.buckets.unitName(), list);
}

// Claims per party over time, or events per party over time: the cells' series are the
// party slots that count anything, in the project's party order.
ChartData timeChart(const Project &project, const Filter &filter, const ChartRequest &request)
{
    const bool events = request.kind == ChartKind::EventTempo;
    const QTimeZone zone = request.zone.isValid() ? request.zone : QTimeZone::utc();
    ChartData data;
    data.kind = request.kind;
    data.itemKind = events ? ItemKind::Event : ItemKind::Claim;
    const auto timeOf = [&](std::uint32_t i) -> const FuzzyTime & {
        return events ? project.events()[i].when : project.claims()[i].madeAt;
    };

    // The window: the one asked for, else the filter's dates, else every item.
    std::optional<std::pair<std::int64_t, std::int64_t>> range = request.range;
    if (!range && filter.dateFrom() && filter.dateTo())
        range = std::pair(*filter.dateFrom(), *filter.dateTo());
    const chart::Window window = chart::Window::of(range, zone);

    // Pass 1: what the filter accepts in the window, and how precise each item is; in two
    // halves side by side at scale (a deletion at 1M waits for this chart).
    const std::size_t itemCount = events ? project.events().size() : project.claims().size();
    const ItemBits &shown = filter.accepted(project);
    const std::vector<std::uint64_t> &shownBits = events ? shown.events : shown.claims;
    struct Selected
    {
        std::vector<std::uint32_t> items;
        std::vector<BucketUnit> units;
    };
    // Each thread fills vectors of its own (two vectors' ends written side by side from two
    // threads would share a cache line).
    const auto select = [&](std::size_t from, std::size_t to) {
        Selected selected;
        for (auto i = std::uint32_t(from); i < to; ++i) {
            if (!ItemBits::test(shownBits, i) || !window.contains(timeOf(i)))
                continue;
            selected.items.push_back(i);
            selected.units.push_back(TimeBuckets::precisionUnit(timeOf(i)));
        }
        return selected;
    };
    Selected firstHalf;
    Selected secondHalf;
    sideBySide(
        itemCount >= SideBySideThreshold, [&] { firstHalf = select(0, itemCount / 2); },
        [&] { secondHalf = select(itemCount / 2, itemCount); });
    std::vector<std::uint32_t> accepted = std::move(firstHalf.items);
    std::vector<BucketUnit> precisions = std::move(firstHalf.units);
    accepted.insert(accepted.end(), secondHalf.items.begin(), secondHalf.items.end());
    precisions.insert(precisions.end(), secondHalf.units.begin(), secondHalf.units.end());
    // The precision of most of them: the finest unit to which at least half are dated. Items
    // wider than the window ("2025~" seen over two days) have no say: no unit could place
    // them in it.
    BucketUnit precision = BucketUnit::Hour;
    std::vector<BucketUnit> sorted;
    for (std::size_t k = 0; k < accepted.size(); ++k) {
        const FuzzyTime &time = timeOf(accepted[k]);
        const bool wider = window.bounded
            && (time.isOpenStart() || time.isOpenEnd()
                || time.end() - time.start() > window.to - window.from);
        if (!wider)
            sorted.push_back(precisions[k]);
    }
    if (!sorted.empty()) {
        const std::size_t half = (sorted.size() + 1) / 2 - 1;
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(half), sorted.end());
        precision = sorted[half];
    }

    // The span: the window, else the extent of the items that precise (the others cannot
    // stretch it: "2025~" would make a chart of five days a year long).
    std::optional<std::pair<std::int64_t, std::int64_t>> span = range;
    if (!span) {
        std::int64_t first = FuzzyTime::OpenEnd;
        std::int64_t last = FuzzyTime::OpenStart;
        for (std::size_t k = 0; k < accepted.size(); ++k) {
            if (precisions[k] > precision)
                continue;
            const FuzzyTime &time = timeOf(accepted[k]);
            const bool calendar = isCalendarTime(time);
            first
                = std::min(first, calendar ? wallMidnightToUtc(time.start(), zone) : time.start());
            last = std::max(last, calendar ? wallMidnightToUtc(time.end(), zone) : time.end());
        }
        if (first < last)
            span = std::pair(first, last);
    }
    if (span && span->second > span->first) {
        const BucketUnit unit
            = std::max(TimeBuckets::unitFor(span->first, span->second), precision);
        data.buckets = TimeBuckets::make(unit, span->first, span->second, zone);
    }
    const std::size_t bucketCount = data.buckets.size();
    for (std::size_t b = 0; b < bucketCount; ++b)
        data.categories.push_back(data.buckets.label(b));

    // Pass 2: (slot × bucket, item) pairs; the items that fit no bucket are named instead.
    const PartySlots slots {project.parties().size() + 1};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(accepted.size());
    std::vector<std::size_t> slotTotals(slots.count, 0);
    const auto add = [&](std::uint32_t slot, int bucket, std::uint32_t item) {
        pairs.emplace_back(std::uint32_t(slot * bucketCount + std::size_t(bucket)), item);
        ++slotTotals[slot];
    };
    const auto &hidden = filter.hiddenParties();
    const std::span<const std::uint32_t> partyOf = project.claimParties();
    // Each item's bucket (a search each), in two halves side by side at scale.
    std::vector<int> buckets(accepted.size());
    const auto place = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k)
            buckets[k] = data.buckets.indexOf(timeOf(accepted[k]));
    };
    sideBySide(
        accepted.size() >= SideBySideThreshold, [&] { place(0, accepted.size() / 2); },
        [&] { place(accepted.size() / 2, accepted.size()); });
    for (std::size_t k = 0; k < accepted.size(); ++k) {
        const std::uint32_t i = accepted[k];
        const int bucket = buckets[k];
        if (bucket < 0) {
            data.notShown.push_back(i);
            continue;
        }
        if (events) {
            const auto parties = project.indices(project.events()[i].parties);
            if (parties.empty())
                add(slots.slotOf(NoIndex), bucket, i);
            for (const std::uint32_t party : parties) {
                if (party < project.parties().size() && hidden.count(party) == 0)
                    add(slots.slotOf(party), bucket, i);
            }
        } else {
            add(slots.slotOf(partyOf[i]), bucket, i);
        }
    }

    // Series: the slots that count something.
    std::vector<std::uint32_t> seriesOfSlot(slots.count, NoIndex);
    for (std::uint32_t slot = 0; slot < slots.count; ++slot) {
        if (slotTotals[slot] == 0)
            continue;
        seriesOfSlot[slot] = std::uint32_t(data.series.size());
        const bool none = slots.isNone(slot);
        data.series.push_back(
            {none ? (events ? QStringLiteral("No party") : QStringLiteral("Unattributed"))
                  : partyDisplayName(project, slot, PartyName::Full),
             none ? NoIndex : slot, -1});
    }
    for (auto &pair : pairs) {
        const std::uint32_t slot = std::uint32_t(pair.first / bucketCount);
        pair.first = std::uint32_t(seriesOfSlot[slot] * bucketCount + pair.first % bucketCount);
    }
    chart::setCountedCells(data, bucketCount, pairs);

    const QString unit = data.buckets.unitName();
    data.title = events ? QStringLiteral("Event tempo: events per party, by %1").arg(unit)
                        : QStringLiteral("Claims per party, by %1").arg(unit);
    QString axisUnit = unit.left(1).toUpper() + unit.mid(1);
    if (data.buckets.unit() == BucketUnit::Week)
        axisUnit = QStringLiteral("Week from Monday");
    data.xTitle = QStringLiteral("%1 (%2)").arg(axisUnit, zoneName(zone));
    data.yTitle = events ? QStringLiteral("Events") : QStringLiteral("Claims");
    QStringList notes;
    if (events)
        notes.append(QStringLiteral("An event of several parties counts once for each."));
    const QString notShown = notShownNote(project, data, zone);
    if (!notShown.isEmpty())
        notes.append(notShown);
    data.note = notes.join(QLatin1Char(' '));
    return data;
}

ChartData statusByParty(const Project &project, const Filter &filter, const ChartRequest &request)
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
    const chart::Window window = chart::Window::of(request.range, request.zone);
    const ItemBits &shown = filter.accepted(project);
    const std::span<const std::uint32_t> partyOf = project.claimParties();
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
        if (!shown.hasClaim(i) || (window.bounded && !window.contains(claims[i].madeAt)))
            continue;
        const std::uint32_t slot = slots.slotOf(partyOf[i]);
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
        data.categoryParties.push_back(slots.isNone(slot) ? NoIndex : slot);
        data.categories.push_back(slots.isNone(slot) ? QStringLiteral("Unattributed")
                                                     : partyDisplayName(project, slot));
    }
    chart::makeDistinct(data.categories);
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
    chart::setCountedCells(data, categoryCount, raw);
    data.title = QStringLiteral("Claim status by party");
    data.xTitle = QStringLiteral("Party");
    data.yTitle = QStringLiteral("Share of the party's claims (%)");
    return data;
}

} // namespace

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

bool drawsTheSame(const ChartData &a, const ChartData &b)
{
    const auto sameBuckets = [&] {
        if (a.buckets.unit() != b.buckets.unit() || a.buckets.size() != b.buckets.size())
            return false;
        for (std::size_t i = 0; i < a.buckets.size(); ++i) {
            if (a.buckets.start(i) != b.buckets.start(i))
                return false;
        }
        return true;
    };
    return a.kind == b.kind && a.itemKind == b.itemKind && a.title == b.title
        && a.xTitle == b.xTitle && a.yTitle == b.yTitle && a.credit == b.credit && a.note == b.note
        && a.categories == b.categories && a.categoryParties == b.categoryParties
        && a.series == b.series && a.values == b.values && a.rows == b.rows
        && a.columns == b.columns && a.lagRanges == b.lagRanges && a.lagUnit == b.lagUnit
        && sameBuckets();
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
        data = chart::stanceMatrix(project, filter, request);
        break;
    case ChartKind::ResponseLag:
        data = chart::responseLag(project, filter, request);
        break;
    case ChartKind::StatusByParty:
        data = statusByParty(project, filter, request);
        break;
    }
    data.credit = chartCredit(project);
    return data;
}

} // namespace claimline
