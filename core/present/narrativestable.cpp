#include "present/narrativestable.h"

#include "document/filter.h"
#include "model/project.h"
#include "present/narrativestext.h"

#include <QStringList>

#include <algorithm>

namespace claimline {

namespace {

constexpr std::uint8_t SideA = 1;
constexpr std::uint8_t SideB = 2;
constexpr std::uint8_t Answered = 4;

bool accepts(const Project &project, const Filter *filter, std::uint32_t claim)
{
    // The filter's answers are made once per change (Filter::accepted): a bit test here.
    return !filter || filter->accepted(project).hasClaim(claim);
}

// Claims in the order they were said; file order breaks ties.
bool saidBefore(const Project &project, std::uint32_t a, std::uint32_t b)
{
    const FuzzyTime &ta = project.claims()[a].madeAt;
    const FuzzyTime &tb = project.claims()[b].madeAt;
    if (ta.start() != tb.start())
        return ta.start() < tb.start();
    if (ta.end() != tb.end())
        return ta.end() < tb.end();
    return a < b;
}

QString linkText(const Project &project, std::uint32_t aClaim, std::uint32_t bClaim,
                 const NarrativesLink &link)
{
    const Relation &relation = project.relations()[link.relation];
    const Claim &a = project.claims()[aClaim];
    const Claim &b = project.claims()[bClaim];
    const QString lag = link.aAnswers ? formatLag(responseLag(a.madeAt, b.madeAt))
                                      : formatLag(responseLag(b.madeAt, a.madeAt));
    const QString kind = NarrativesText::relation(relation.kind);
    // The arrow points from the answer to the claim it answers.
    if (link.aAnswers)
        return kind + QStringLiteral(" ") + QChar(0x25b6) + QStringLiteral(" · ") + lag;
    return QChar(0x25c0) + QStringLiteral(" ") + kind + QStringLiteral(" · ") + lag;
}

} // namespace

std::uint64_t NarrativesRow::key() const
{
    std::uint64_t id = question;
    if (kind == Kind::Pair) {
        id = !cells.empty() && !cells[0].empty()    ? cells[0][0]
            : cells.size() > 1 && !cells[1].empty() ? (std::uint64_t(1) << 32) | cells[1][0]
                                                    : 0;
    }
    return (std::uint64_t(kind) << 60) | id;
}

int NarrativesTable::columnCount() const
{
    return m_spec.mode == NarrativesMode::Matrix ? int(m_spec.parties.size()) : 3;
}

std::vector<std::uint32_t> NarrativesTable::columnParties(int column) const
{
    if (m_spec.mode == NarrativesMode::Matrix) {
        if (column >= 0 && std::size_t(column) < m_spec.parties.size())
            return {m_spec.parties[std::size_t(column)]};
        return {};
    }
    if (column == ColumnA)
        return m_spec.a;
    if (column == ColumnB)
        return m_spec.b;
    return {};
}

std::size_t NarrativesTable::claimCount(int column) const
{
    return column >= 0 && std::size_t(column) < m_counts.size() ? m_counts[std::size_t(column)] : 0;
}

std::size_t NarrativesTable::partyClaimCount(int column) const
{
    return column >= 0 && std::size_t(column) < m_allCounts.size()
        ? m_allCounts[std::size_t(column)]
        : 0;
}

QString NarrativesTable::countText(int column, bool brief) const
{
    const std::size_t shown = claimCount(column);
    const std::size_t all = partyClaimCount(column);
    const auto claims = [](std::size_t n) {
        return n == 1 ? QStringLiteral("1 claim") : QStringLiteral("%1 claims").arg(n);
    };
    if (m_spec.mode != NarrativesMode::Matrix || shown == all)
        return claims(shown);
    return (brief ? QStringLiteral("%1 on questions · %2 in all")
                  : QStringLiteral("%1 on these questions · %2 in all"))
        .arg(shown)
        .arg(all);
}

bool NarrativesTable::isUnanswered(std::uint32_t claim) const
{
    return m_spec.mode == NarrativesMode::SideBySide && claim < m_flags.size()
        && (m_flags[claim] & (SideA | SideB)) && !(m_flags[claim] & Answered);
}

std::pair<int, int> NarrativesTable::locate(std::uint32_t claim) const
{
    // Where the claim is on its own question first, else where it answers another.
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const NarrativesRow &row = m_rows[r];
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            if (std::find(row.cells[c].begin(), row.cells[c].end(), claim) != row.cells[c].end()) {
                const int column
                    = row.kind == NarrativesRow::Kind::Pair ? (c == 0 ? ColumnA : ColumnB) : int(c);
                return {int(r), column};
            }
        }
    }
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const NarrativesRow &row = m_rows[r];
        for (std::size_t c = 0; c < row.answers.size(); ++c) {
            for (const NarrativesAnswer &answer : row.answers[c]) {
                if (answer.claim == claim)
                    return {int(r), int(c)};
            }
        }
    }
    return {-1, -1};
}

std::vector<std::uint32_t> NarrativesTable::questionOrder(const Project &project,
                                                          const NarrativesSpec &spec)
{
    const std::size_t count = project.questions().size();
    std::vector<char> seen(count, 0);
    std::vector<std::uint32_t> order;
    order.reserve(count);
    for (const std::uint32_t q : spec.questions) {
        if (q < count && !seen[q]) {
            seen[q] = 1;
            order.push_back(q);
        }
    }
    for (std::uint32_t q = 0; q < count; ++q) {
        if (!seen[q])
            order.push_back(q);
    }
    return order;
}

void NarrativesTable::build(const Project &project, const Filter *filter,
                            const NarrativesSpec &spec)
{
    m_spec = spec;
    const std::size_t partyCount = project.parties().size();
    const auto valid = [partyCount](std::vector<std::uint32_t> &parties) {
        std::vector<std::uint32_t> unique;
        for (const std::uint32_t p : parties) {
            if (p < partyCount && std::find(unique.begin(), unique.end(), p) == unique.end())
                unique.push_back(p);
        }
        parties = std::move(unique);
    };
    valid(m_spec.parties);
    if (filter) {
        // A party hidden by the filter has no column rather than a column of empty cells.
        std::erase_if(m_spec.parties,
                      [filter](std::uint32_t p) { return filter->hiddenParties().count(p) > 0; });
    }
    valid(m_spec.a);
    valid(m_spec.b);
    m_rows.clear();
    m_shown.clear();
    m_flags.clear();
    m_counts.assign(std::size_t(columnCount()), 0);
    m_allCounts.assign(std::size_t(columnCount()), 0);
    if (m_spec.mode == NarrativesMode::Matrix)
        buildMatrix(project, filter);
    else
        buildSideBySide(project, filter);
}

void NarrativesTable::buildMatrix(const Project &project, const Filter *filter)
{
    std::vector<int> columnOf(project.parties().size(), -1);
    for (std::size_t c = 0; c < m_spec.parties.size(); ++c)
        columnOf[m_spec.parties[c]] = int(c);
    // Arrays, not the claims: a million claims are read as two dense columns.
    const std::span<const std::uint32_t> partyOf = project.claimParties();
    const ItemBits *shownBits = filter ? &filter->accepted(project) : nullptr;
    const auto isShown = [shownBits](std::uint32_t claim) {
        return !shownBits || shownBits->hasClaim(claim);
    };
    const auto columnOfClaim = [&](std::uint32_t claim) {
        const std::uint32_t party = partyOf[claim];
        return party < columnOf.size() ? columnOf[party] : -1;
    };
    // Every claim of a column's party, on a question or not, for the header's "in all".
    for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
        if (!isShown(c))
            continue; // the bit first: a claim filtered out costs no party lookup
        if (const int column = columnOfClaim(c); column >= 0)
            ++m_allCounts[std::size_t(column)];
    }
    const std::size_t claimCount = project.claims().size();
    std::vector<char> shown(claimCount, 0);
    const auto show = [&](std::uint32_t claim) {
        if (!shown[claim]) {
            shown[claim] = 1;
            m_shown.push_back(claim);
        }
    };
    // The claims answered from another question: one pass over the relations reading two
    // dense columns, so that the loop below follows the answers of those claims only (at a
    // million claims, reading each answer's claim was most of the table's time).
    const std::span<const std::uint32_t> questionOf = project.claimQuestions();
    std::vector<char> answeredAcross(claimCount, 0);
    for (const Relation &relation : project.relations()) {
        if (relation.from < claimCount && relation.to < claimCount
            && questionOf[relation.from] != questionOf[relation.to])
            answeredAcross[relation.to] = 1;
    }
    const std::vector<std::uint32_t> order = questionOrder(project, m_spec);
    m_rows.reserve(order.size());
    for (const std::uint32_t question : order) {
        NarrativesRow row;
        row.kind = NarrativesRow::Kind::Question;
        row.question = question;
        row.cells.resize(m_spec.parties.size());
        row.answers.resize(m_spec.parties.size());
        row.hidden.assign(m_spec.parties.size(), 0);
        const std::span<const std::uint32_t> claims = project.claimsOn(question);
        for (const std::uint32_t claim : claims) {
            const int column = columnOfClaim(claim);
            if (column < 0)
                continue;
            if (!isShown(claim)) {
                ++row.hidden[std::size_t(column)];
                continue;
            }
            row.cells[std::size_t(column)].push_back(claim);
            ++m_counts[std::size_t(column)];
            show(claim);
        }
        // Answers from other questions, once per answering claim and cell.
        for (const std::uint32_t target : claims) {
            if (!answeredAcross[target])
                continue;
            for (const std::uint32_t r : project.relationsAnswering(target)) {
                const std::uint32_t from = project.relations()[r].from;
                if (from >= claimCount || questionOf[from] == question)
                    continue;
                const int column = columnOfClaim(from);
                if (column < 0 || !isShown(from))
                    continue;
                std::vector<NarrativesAnswer> &cell = row.answers[std::size_t(column)];
                if (std::find_if(cell.begin(), cell.end(),
                                 [from](const NarrativesAnswer &a) { return a.claim == from; })
                    != cell.end())
                    continue;
                cell.push_back({from, r});
                show(from);
            }
        }
        m_rows.push_back(std::move(row));
    }
}

void NarrativesTable::buildSideBySide(const Project &project, const Filter *filter)
{
    std::vector<std::uint8_t> sideOfParty(project.parties().size(), 0);
    for (const std::uint32_t p : m_spec.b)
        sideOfParty[p] = SideB;
    for (const std::uint32_t p : m_spec.a)
        sideOfParty[p] = SideA;
    const std::size_t claimCount = project.claims().size();
    m_flags.assign(claimCount, 0);
    std::vector<std::uint32_t> aClaims;
    std::vector<std::uint32_t> bClaims;
    const std::span<const std::uint32_t> partyOf = project.claimParties();
    for (std::uint32_t c = 0; c < claimCount; ++c) {
        const std::uint32_t party = partyOf[c];
        if (party >= sideOfParty.size() || !sideOfParty[party] || !accepts(project, filter, c))
            continue;
        m_flags[c] = sideOfParty[party];
        (sideOfParty[party] == SideA ? aClaims : bClaims).push_back(c);
    }
    const auto side = [this](std::uint32_t c) {
        return m_flags[c] & (SideA | SideB);
    };
    for (const Relation &relation : project.relations()) {
        if (relation.from >= claimCount || relation.to >= claimCount)
            continue;
        const std::uint8_t from = side(relation.from);
        const std::uint8_t to = side(relation.to);
        if (from && to && from != to)
            m_flags[relation.to] |= Answered;
    }

    struct Pending
    {
        std::uint32_t anchor;
        NarrativesRow row;
    };
    std::vector<Pending> pending;
    pending.reserve(aClaims.size() + bClaims.size());
    std::vector<char> placed(claimCount, 0);
    for (const std::uint32_t a : aClaims) {
        NarrativesRow row;
        row.kind = NarrativesRow::Kind::Pair;
        row.question = project.claims()[a].question;
        row.cells.resize(2);
        row.cells[0].push_back(a);
        std::vector<std::pair<std::uint32_t, NarrativesLink>> opposite;
        const auto add = [&](std::uint32_t claim, std::uint32_t relation, bool aAnswers) {
            if (side(claim) != SideB)
                return;
            for (const auto &entry : opposite) {
                if (entry.first == claim)
                    return;
            }
            opposite.push_back({claim, {relation, aAnswers}});
        };
        for (const std::uint32_t r : project.relationsAnswering(a))
            add(project.relations()[r].from, r, false);
        for (const std::uint32_t r : project.relationsFrom(a))
            add(project.relations()[r].to, r, true);
        std::stable_sort(opposite.begin(), opposite.end(),
                         [&project](const auto &x, const auto &y) {
                             return saidBefore(project, x.first, y.first);
                         });
        for (const auto &[claim, link] : opposite) {
            row.cells[1].push_back(claim);
            row.links.push_back(link);
            placed[claim] = 1;
        }
        pending.push_back({a, std::move(row)});
    }
    for (const std::uint32_t b : bClaims) {
        if (placed[b])
            continue;
        NarrativesRow row;
        row.kind = NarrativesRow::Kind::Pair;
        row.question = project.claims()[b].question;
        row.cells.resize(2);
        row.cells[1].push_back(b);
        row.links.push_back({});
        pending.push_back({b, std::move(row)});
    }
    std::stable_sort(pending.begin(), pending.end(),
                     [&project](const Pending &x, const Pending &y) {
                         return saidBefore(project, x.anchor, y.anchor);
                     });

    m_counts[ColumnA] = aClaims.size();
    m_counts[ColumnB] = bClaims.size();
    m_allCounts = m_counts;
    m_shown = aClaims;
    m_shown.insert(m_shown.end(), bClaims.begin(), bClaims.end());

    if (m_spec.order == NarrativesOrder::ByTime) {
        m_rows.reserve(pending.size());
        for (Pending &p : pending)
            m_rows.push_back(std::move(p.row));
        return;
    }
    // Grouped by question, in the view's question order; claims on no question last.
    std::vector<std::uint32_t> order = questionOrder(project, m_spec);
    std::vector<std::size_t> rank(project.questions().size() + 1, 0);
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[order[i]] = i;
    const std::size_t last = order.size();
    const auto rankOf = [&](std::uint32_t q) {
        return q < order.size() ? rank[q] : last;
    };
    std::stable_sort(pending.begin(), pending.end(), [&](const Pending &x, const Pending &y) {
        return rankOf(x.row.question) < rankOf(y.row.question);
    });
    m_rows.reserve(pending.size() + order.size() + 1);
    std::size_t group = std::size_t(-1);
    for (Pending &p : pending) {
        const std::size_t r = rankOf(p.row.question);
        if (r != group) {
            group = r;
            NarrativesRow heading;
            heading.kind = NarrativesRow::Kind::Heading;
            heading.question = r < last ? order[r] : NoIndex;
            m_rows.push_back(std::move(heading));
        }
        if (p.row.question >= project.questions().size())
            p.row.question = NoIndex;
        m_rows.push_back(std::move(p.row));
    }
}

QString NarrativesTable::columnTitle(const Project &project, int column) const
{
    if (m_spec.mode == NarrativesMode::SideBySide && column == ColumnLink)
        return QStringLiteral("Answer · lag");
    return narrativeName(project, columnParties(column));
}

QString NarrativesTable::rowTitle(const Project &project, int row) const
{
    if (row < 0 || std::size_t(row) >= m_rows.size())
        return {};
    const NarrativesRow &r = m_rows[std::size_t(row)];
    if (r.kind == NarrativesRow::Kind::Pair)
        return {};
    if (r.question >= project.questions().size())
        return QStringLiteral("Claims on no question");
    return NarrativesText::fileText(project, project.questions()[r.question].text);
}

QString NarrativesTable::cellText(const Project &project, int row, int column,
                                  const QTimeZone &zone) const
{
    if (row < 0 || std::size_t(row) >= m_rows.size() || column < 0 || column >= columnCount())
        return {};
    const NarrativesRow &r = m_rows[std::size_t(row)];
    const auto summaries = [&](const std::vector<std::uint32_t> &claims) {
        QStringList parts;
        for (const std::uint32_t claim : claims) {
            QString text = NarrativesText::claimSummary(project, claim, zone);
            if (isUnanswered(claim))
                text += QLatin1Char('\n') + NarrativesText::unanswered();
            parts << text;
        }
        return parts.join(QStringLiteral("\n\n"));
    };
    switch (r.kind) {
    case NarrativesRow::Kind::Question: {
        const std::vector<std::uint32_t> &claims = r.cells[std::size_t(column)];
        const std::vector<NarrativesAnswer> &answers = r.answers[std::size_t(column)];
        if (claims.empty() && answers.empty())
            return emptyCellText(r.hidden[std::size_t(column)]);
        QStringList parts;
        if (!claims.empty())
            parts << summaries(claims);
        for (const NarrativesAnswer &answer : answers)
            parts << NarrativesText::answerSummary(project, answer.claim, answer.relation, zone);
        return parts.join(QStringLiteral("\n\n"));
    }
    case NarrativesRow::Kind::Heading:
        return column == ColumnA ? rowTitle(project, row) : QString();
    case NarrativesRow::Kind::Pair:
        break;
    }
    if (column == ColumnA)
        return r.cells[0].empty() ? QStringLiteral("no related claim") : summaries(r.cells[0]);
    if (column == ColumnB)
        return r.cells[1].empty() ? QStringLiteral("no related claim") : summaries(r.cells[1]);
    QStringList links;
    for (std::size_t i = 0; i < r.links.size(); ++i) {
        if (r.links[i].relation != NoIndex && !r.cells[0].empty())
            links << linkText(project, r.cells[0][0], r.cells[1][i], r.links[i]);
    }
    return links.join(QLatin1Char('\n'));
}

QString NarrativesTable::emptyCellText(std::uint32_t hidden)
{
    if (hidden == 0)
        return NarrativesText::noPosition();
    return hidden == 1 ? QStringLiteral("no claim shown (1 hidden by the filter)")
                       : QStringLiteral("no claim shown (%1 hidden by the filter)").arg(hidden);
}

std::vector<std::uint32_t> NarrativesTable::defaultParties(const Project &project)
{
    std::vector<char> has(project.parties().size(), 0);
    const std::span<const std::uint32_t> partyOf = project.claimParties();
    for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
        if (project.claims()[c].question == NoIndex)
            continue;
        const std::uint32_t party = partyOf[c];
        if (party < has.size())
            has[party] = 1;
    }
    std::vector<std::uint32_t> parties;
    for (std::uint32_t p = 0; p < has.size(); ++p) {
        if (has[p])
            parties.push_back(p);
    }
    return parties;
}

QString NarrativesTable::narrativeName(const Project &project,
                                       const std::vector<std::uint32_t> &parties)
{
    if (parties.size() == 2) {
        std::vector<std::string_view> ids;
        for (const std::uint32_t p : parties)
            ids.push_back(project.view(project.parties()[p].id));
        std::sort(ids.begin(), ids.end());
        if (ids[0] == "european-union" && ids[1] == "united-states")
            return QStringLiteral("U.S./EU");
    }
    return NarrativesText::partiesName(project, parties);
}

} // namespace claimline
