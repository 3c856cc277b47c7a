#pragma once

// NarrativesTable: what the competing-narratives view shows, as rows and cells of claim
// indices, without any geometry. The view, the image exports and the HTML export all draw
// from one table, so they never disagree about what sits where.
//
// Matrix: one row per question (in the view's order), one cell per chosen party, holding the
// party's claims on the question that the Filter accepts, in file order. Relations cross
// questions (Zelenskyy's "complete fabrication", on whether Putin was targeted, also denies
// Lavrov's 91 drones, on the scale of the operation), so a cell also lists, after them, the
// party's claims on other questions that answer a claim on this one: without them the
// matrix would say Ukraine took no position on the scale of the attack.
//
// Side by side: narrative A and narrative B are each a set of parties. Every A claim gets a
// row holding, opposite it, the B claims related to it by a relation either way (B answering
// A or A answering B); B claims related to no A claim get rows of their own. Rows are grouped
// under question headers (ordered by time within a group) or all ordered by time. A claim
// that no claim of the other side answers is "unanswered".
//
// Building is one pass over the claims on questions (matrix) or the claims of A and B and
// their relations (side by side); it allocates nothing per paint.

#include "model/model.h"

#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <utility>
#include <vector>

namespace claimline {

class Filter;
class Project;

enum class NarrativesMode : std::uint8_t { Matrix, SideBySide };
enum class NarrativesOrder : std::uint8_t { ByQuestion, ByTime };

struct NarrativesSpec
{
    NarrativesMode mode = NarrativesMode::Matrix;
    // Matrix columns: party indices, in order (parties the Filter hides are left out).
    std::vector<std::uint32_t> parties;
    // Question order (view-local); questions left out follow in file order.
    std::vector<std::uint32_t> questions;
    // Side by side: the parties of narrative A and of narrative B (A wins a party in both).
    std::vector<std::uint32_t> a;
    std::vector<std::uint32_t> b;
    NarrativesOrder order = NarrativesOrder::ByQuestion;
};

// Side by side: how the claim opposite (in the B cell) relates to the row's A claim.
struct NarrativesLink
{
    std::uint32_t relation = NoIndex; // NoIndex: no A claim in the row
    bool aAnswers = false; // the A claim answers the B claim (else B answers A)
    friend bool operator==(const NarrativesLink &, const NarrativesLink &) = default;
};

// Matrix: a claim on another question that answers a claim on this row's question.
struct NarrativesAnswer
{
    std::uint32_t claim = NoIndex; // the answer
    std::uint32_t relation = NoIndex; // from `claim` to a claim on the row's question
    friend bool operator==(const NarrativesAnswer &, const NarrativesAnswer &) = default;
};

struct NarrativesRow
{
    enum class Kind : std::uint8_t {
        Question, // matrix: a question and one cell per party
        Heading, // side by side: a question header (question NoIndex: "no question")
        Pair, // side by side: cells[0] = the A claim (or none), cells[1] = B claims
    };
    Kind kind = Kind::Question;
    std::uint32_t question = NoIndex;
    std::vector<std::vector<std::uint32_t>> cells;
    std::vector<NarrativesLink> links; // Pair: one per claim in cells[1]
    std::vector<std::vector<NarrativesAnswer>> answers; // Question: per cell, after cells[c]
    // Question: per cell, the party's claims on the question that the Filter hides. An empty
    // cell with hidden claims must not read "no public position".
    std::vector<std::uint32_t> hidden;

    // Identifies the row across rebuilds (to keep cached heights of unchanged rows).
    std::uint64_t key() const;
    friend bool operator==(const NarrativesRow &, const NarrativesRow &) = default;
};

class NarrativesTable final
{
public:
    // Display columns of the side-by-side mode.
    static constexpr int ColumnA = 0;
    static constexpr int ColumnLink = 1;
    static constexpr int ColumnB = 2;

    // filter may be null (everything is shown).
    void build(const Project &project, const Filter *filter, const NarrativesSpec &spec);

    const NarrativesSpec &spec() const { return m_spec; }
    NarrativesMode mode() const { return m_spec.mode; }
    const std::vector<NarrativesRow> &rows() const { return m_rows; }
    std::size_t rowCount() const { return m_rows.size(); }
    // Display columns: one per party (matrix) or A, link, B (side by side).
    int columnCount() const;
    // The parties behind a display column (none for the link column).
    std::vector<std::uint32_t> columnParties(int column) const;
    // Claims shown in a display column (each counted once): in the matrix the party's claims
    // on the questions (its rows), side by side every claim of the narrative.
    std::size_t claimCount(int column) const;
    // Every claim of the column's parties that the filter shows, on any question or none: what
    // side by side and the timeline's lane count. Equal to claimCount() side by side; in the
    // matrix larger when the party made claims on no question (Russia: 11 on the questions,
    // 16 in all).
    std::size_t partyClaimCount(int column) const;
    // What claimCount() and partyClaimCount() count, in words, for a column header: "11 on
    // these questions · 16 in all" in the matrix when they differ, else "16 claims" ("1 claim").
    // Brief, for a narrow column: "11 on questions · 16 in all".
    QString countText(int column, bool brief = false) const;

    // Side by side: whether no claim of the other side answers the claim.
    bool isUnanswered(std::uint32_t claim) const;
    // The first row and display column showing the claim; {-1, -1} when not shown.
    std::pair<int, int> locate(std::uint32_t claim) const;
    // Every claim shown, once each.
    const std::vector<std::uint32_t> &shownClaims() const { return m_shown; }

    // Header text of a display column and row, and a cell as plain text (one claim summary
    // per paragraph; "no public position" for an empty matrix cell, or "no claim shown (N
    // hidden by the filter)" when the filter hides the party's claims).
    QString columnTitle(const Project &project, int column) const;
    QString rowTitle(const Project &project, int row) const;
    QString cellText(const Project &project, int row, int column, const QTimeZone &zone) const;

    // The parties that made claims on a question, in file order (the default columns).
    static std::vector<std::uint32_t> defaultParties(const Project &project);
    // A short name for a narrative: "U.S./EU" for the United States with the European
    // Union, else the parties' names joined with " + ".
    static QString narrativeName(const Project &project, const std::vector<std::uint32_t> &parties);
    // The text of an empty matrix cell.
    static QString emptyCellText(std::uint32_t hidden);
    // The order the matrix shows the project's questions in: the spec's order first (unknown
    // and repeated indices skipped), then the questions it leaves out, in file order.
    static std::vector<std::uint32_t> questionOrder(const Project &project,
                                                    const NarrativesSpec &spec);

private:
    void buildMatrix(const Project &project, const Filter *filter);
    void buildSideBySide(const Project &project, const Filter *filter);

    NarrativesSpec m_spec;
    std::vector<NarrativesRow> m_rows;
    std::vector<std::uint32_t> m_shown;
    // Side by side, per claim: bit 0 = shown on side A, bit 1 = side B, bit 2 = answered by
    // the other side.
    std::vector<std::uint8_t> m_flags;
    // Claims shown per display column, and every claim of its parties the filter shows.
    std::vector<std::size_t> m_counts;
    std::vector<std::size_t> m_allCounts;
};

} // namespace claimline
