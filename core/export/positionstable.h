#pragma once

// PositionsTable: the chart journalists make of a dispute, "what each side is arguing": one
// row per question, one column per party, each cell the party's position on the question in a
// few words ("Yes", "91 drones"), or nothing. The Positions view and every export of it
// (PNG, SVG, PDF, HTML, CSV) draw from one table, so that they never disagree about what sits
// where. Qt Core only: the command line builds it without the widgets.
//
// Columns follow the project's party order (the order of its lanes) and leave out the parties
// the Filter hides, as the narratives matrix does. An export shows only the questions and
// parties that have a position (filledOnly), so that a project's seven questions and eleven
// parties publish as the three-by-four table its positions fill; the view shows every
// question, since an empty row is where a position is written.

#include "model/model.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace claimline {

class Filter;
class Project;

class PositionsTable final
{
public:
    // Rows: every question in file order. Columns: `parties`, in that order, less those the
    // filter hides (filter may be null). With `filledOnly`, rows and columns without a
    // position are left out.
    void build(const Project &project, const Filter *filter, std::vector<std::uint32_t> parties,
               bool filledOnly);
    // What an export shows: every party, filled rows and columns only.
    void buildForExport(const Project &project, const Filter *filter);

    int rowCount() const { return int(m_questions.size()); }
    int columnCount() const { return int(m_parties.size()); }
    bool isEmpty() const { return m_questions.empty() || m_parties.empty(); }
    std::uint32_t question(int row) const { return m_questions[std::size_t(row)]; }
    std::uint32_t party(int column) const { return m_parties[std::size_t(column)]; }
    const std::vector<std::uint32_t> &questions() const { return m_questions; }
    const std::vector<std::uint32_t> &parties() const { return m_parties; }
    // The index in Project::positions() of a cell's position, or NoIndex.
    std::uint32_t position(int row, int column) const
    {
        return m_cells[std::size_t(row) * m_parties.size() + std::size_t(column)];
    }
    // How many cells hold a position.
    int filledCount() const { return m_filled; }

    // Texts for people, with the file's control characters made visible (visibletext.h): a
    // cell's position (empty for none), a row's question, a column's party name.
    QString text(const Project &project, int row, int column) const;
    QString questionText(const Project &project, int row) const;
    QString partyName(const Project &project, int column) const;

    // The parties with at least one position, in the project's order.
    static std::vector<std::uint32_t> partiesWithPositions(const Project &project);
    // Every party, in the project's order.
    static std::vector<std::uint32_t> allParties(const Project &project);

private:
    std::vector<std::uint32_t> m_questions;
    std::vector<std::uint32_t> m_parties;
    std::vector<std::uint32_t> m_cells; // row-major, rows × columns
    int m_filled = 0;
};

// The texts around every export of the table (English: exports are publications, and the
// command line's output stays stable): the title (the project's, else "What each side is
// arguing"), what the table is, the note under it, and what an empty table says.
QString positionsTitle(const Project &project);
QString positionsSubtitle();
QString positionsFooter();
QString positionsEmptyText();

} // namespace claimline
