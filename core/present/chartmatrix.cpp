// The stance matrix: a table of questions (rows) × parties (columns), each cell counting the
// claims of that party on that question by stance (the series).

#include "document/filter.h"
#include "model/project.h"
#include "present/chartcommon.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace claimline::chart {

namespace {

constexpr std::array<Stance, 4> MatrixStances {Stance::Affirms, Stance::Denies, Stance::Disputes,
                                               Stance::Qualifies};

// The keys with a total, at most `limit` of them: those with the largest totals, in key order.
std::vector<std::uint32_t> keptKeys(const std::vector<std::uint32_t> &totals, std::size_t limit)
{
    std::vector<std::uint32_t> keys;
    for (std::uint32_t key = 0; key < totals.size(); ++key) {
        if (totals[key] > 0)
            keys.push_back(key);
    }
    if (keys.size() > limit) {
        std::stable_sort(keys.begin(), keys.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return totals[a] > totals[b]; });
        keys.resize(limit);
        std::sort(keys.begin(), keys.end());
    }
    return keys;
}

} // namespace

ChartData stanceMatrix(const Project &project, const Filter &filter, const ChartRequest &request)
{
    ChartData data;
    data.kind = ChartKind::StanceMatrix;
    data.itemKind = ItemKind::Claim;
    const PartySlots slots {project.parties().size() + 1};
    const Window window = Window::of(request.range, request.zone);

    struct Counted
    {
        std::uint32_t question;
        std::uint32_t slot;
        std::uint32_t stance;
        std::uint32_t claim;
    };
    std::vector<Counted> counted;
    std::vector<std::uint32_t> questionTotals(project.questions().size(), 0);
    std::vector<std::uint32_t> slotTotals(slots.count, 0);
    const auto &claims = project.claims();
    const ItemBits &shown = filter.accepted(project);
    const std::span<const std::uint32_t> partyOf = project.claimParties();
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
        const Claim &claim = claims[i];
        if (claim.question == NoIndex || claim.stance == Stance::None)
            continue;
        if (!shown.hasClaim(i) || (window.bounded && !window.contains(claim.madeAt)))
            continue;
        const std::uint32_t slot = slots.slotOf(partyOf[i]);
        counted.push_back({claim.question, slot, std::uint32_t(claim.stance) - 1, i});
        ++questionTotals[claim.question];
        ++slotTotals[slot];
    }

    // Rows and columns: the questions and parties with claims, the busiest when there are
    // more than fit, in the project's order.
    const std::vector<std::uint32_t> questions = keptKeys(questionTotals, request.maxRows);
    const std::vector<std::uint32_t> parties = keptKeys(slotTotals, request.maxColumns);
    std::vector<std::uint32_t> rowOf(questionTotals.size(), NoIndex);
    std::vector<std::uint32_t> columnOf(slots.count, NoIndex);
    for (std::size_t r = 0; r < questions.size(); ++r) {
        rowOf[questions[r]] = std::uint32_t(r);
        data.rows.push_back(project.text(project.questions()[questions[r]].text));
    }
    for (std::size_t c = 0; c < parties.size(); ++c) {
        columnOf[parties[c]] = std::uint32_t(c);
        data.columns.push_back(slots.isNone(parties[c]) ? QStringLiteral("Unattributed")
                                                        : partyDisplayName(project, parties[c]));
    }
    makeDistinct(data.columns);
    for (std::size_t r = 0; r < data.rows.size(); ++r) {
        for (std::size_t c = 0; c < data.columns.size(); ++c) {
            data.categories.push_back(data.columns[c] + QStringLiteral(": ") + data.rows[r]);
            data.categoryParties.push_back(slots.isNone(parties[c]) ? NoIndex : parties[c]);
        }
    }

    QStringList notes {QStringLiteral("Each cell has a square per stance, the darker the more "
                                      "claims.")};
    const auto withClaims = [](const std::vector<std::uint32_t> &totals) {
        return std::count_if(totals.begin(), totals.end(), [](std::uint32_t t) { return t > 0; });
    };
    if (const auto all = withClaims(questionTotals); std::size_t(all) > questions.size())
        notes.append(QStringLiteral("The %1 questions with most claims of %2.")
                         .arg(questions.size())
                         .arg(all));
    if (const auto all = withClaims(slotTotals); std::size_t(all) > parties.size())
        notes.append(
            QStringLiteral("The %1 parties with most claims of %2.").arg(parties.size()).arg(all));
    data.note = notes.join(QLatin1Char(' '));

    for (const Stance stance : MatrixStances) {
        QString name = QString::fromLatin1(nameOf(stance));
        name[0] = name[0].toUpper();
        data.series.push_back({name, NoIndex, int(stance)});
    }
    const std::size_t categoryCount = data.categories.size();
    const std::size_t columnCount = data.columns.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(counted.size());
    for (const Counted &c : counted) {
        const std::uint32_t row = rowOf[c.question];
        const std::uint32_t column = columnOf[c.slot];
        if (row != NoIndex && column != NoIndex)
            pairs.emplace_back(std::uint32_t(c.stance * categoryCount + row * columnCount + column),
                               c.claim);
    }
    setCountedCells(data, categoryCount, pairs);
    data.title = QStringLiteral("Stances on each question, by party");
    data.xTitle = QStringLiteral("Party");
    data.yTitle = QStringLiteral("Question");
    return data;
}

} // namespace claimline::chart
