#include "export/positionstable.h"

#include "document/filter.h"
#include "model/project.h"
#include "text/visibletext.h"

#include <algorithm>

namespace claimline {

void PositionsTable::build(const Project &project, const Filter *filter,
                           std::vector<std::uint32_t> parties, bool filledOnly)
{
    const std::size_t partyCount = project.parties().size();
    std::erase_if(parties, [&](std::uint32_t party) {
        return party >= partyCount || (filter && filter->hiddenParties().count(party) > 0);
    });
    m_parties.clear();
    for (const std::uint32_t party : parties) {
        if (std::find(m_parties.begin(), m_parties.end(), party) == m_parties.end())
            m_parties.push_back(party);
    }
    m_questions.resize(project.questions().size());
    for (std::uint32_t q = 0; q < m_questions.size(); ++q)
        m_questions[q] = q;

    // One pass over the positions: which cell each fills.
    std::vector<int> columnOf(partyCount, -1);
    for (std::size_t c = 0; c < m_parties.size(); ++c)
        columnOf[m_parties[c]] = int(c);
    const auto &positions = project.positions();
    m_cells.assign(m_questions.size() * m_parties.size(), NoIndex);
    for (std::uint32_t i = 0; i < positions.size(); ++i) {
        const Position &p = positions[i];
        if (p.question >= m_questions.size() || p.party >= partyCount || columnOf[p.party] < 0)
            continue;
        m_cells[p.question * m_parties.size() + std::size_t(columnOf[p.party])] = i;
    }
    m_filled = int(std::count_if(m_cells.begin(), m_cells.end(),
                                 [](std::uint32_t cell) { return cell != NoIndex; }));
    if (!filledOnly)
        return;

    std::vector<char> rowUsed(m_questions.size(), 0);
    std::vector<char> columnUsed(m_parties.size(), 0);
    for (std::size_t r = 0; r < m_questions.size(); ++r) {
        for (std::size_t c = 0; c < m_parties.size(); ++c) {
            if (m_cells[r * m_parties.size() + c] != NoIndex)
                rowUsed[r] = columnUsed[c] = 1;
        }
    }
    std::vector<std::uint32_t> questions, kept, cells;
    for (std::size_t c = 0; c < m_parties.size(); ++c) {
        if (columnUsed[c])
            kept.push_back(m_parties[c]);
    }
    for (std::size_t r = 0; r < m_questions.size(); ++r) {
        if (!rowUsed[r])
            continue;
        questions.push_back(m_questions[r]);
        for (std::size_t c = 0; c < m_parties.size(); ++c) {
            if (columnUsed[c])
                cells.push_back(m_cells[r * m_parties.size() + c]);
        }
    }
    m_questions = std::move(questions);
    m_parties = std::move(kept);
    m_cells = std::move(cells);
}

void PositionsTable::buildForExport(const Project &project, const Filter *filter)
{
    build(project, filter, allParties(project), true);
}

QString PositionsTable::text(const Project &project, int row, int column) const
{
    const std::uint32_t index = position(row, column);
    return index == NoIndex ? QString()
                            : visibleText(project.text(project.positions()[index].text));
}

QString PositionsTable::questionText(const Project &project, int row) const
{
    return visibleText(project.text(project.questions()[question(row)].text));
}

QString PositionsTable::partyName(const Project &project, int column) const
{
    return visibleText(project.text(project.parties()[party(column)].name));
}

std::vector<std::uint32_t> PositionsTable::partiesWithPositions(const Project &project)
{
    std::vector<char> has(project.parties().size(), 0);
    for (const Position &p : project.positions()) {
        if (p.party < has.size())
            has[p.party] = 1;
    }
    std::vector<std::uint32_t> parties;
    for (std::uint32_t party = 0; party < has.size(); ++party) {
        if (has[party])
            parties.push_back(party);
    }
    return parties;
}

std::vector<std::uint32_t> PositionsTable::allParties(const Project &project)
{
    std::vector<std::uint32_t> parties(project.parties().size());
    for (std::uint32_t party = 0; party < parties.size(); ++party)
        parties[party] = party;
    return parties;
}

QString positionsTitle(const Project &project)
{
    const QString title = visibleText(project.text(project.meta().title)).trimmed();
    return title.isEmpty() ? QStringLiteral("What each side is arguing") : title;
}

QString positionsSubtitle()
{
    return QStringLiteral("Each party's position, question by question");
}

QString positionsFooter()
{
    return QStringLiteral("Positions are short summaries of what each party says, as recorded "
                          "in the project, not quotes. An empty cell: no position recorded. "
                          "Made with Claimline.");
}

QString positionsEmptyText()
{
    return QStringLiteral("No positions recorded.");
}

} // namespace claimline
