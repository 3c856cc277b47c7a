#pragma once

// NarrativesRenderer: geometry and painting of the competing-narratives table, shared by the
// interactive view (which paints the rows in sight) and the exports (which paint them all).
//
// Each claim is a card: a stance chip (colour and word), the date it was said, the claimant,
// the statement (shortened with "…" past three lines), the quote in italics, and a footer
// with the sources, their best grade and the claim's status. Text is laid out with
// QTextLayout as plain text: file strings are never markup.
//
// Compact cards (the interactive view's default) keep the chip, the date, the claimant and
// two lines of the statement, in narrower columns, so that a matrix of nine parties fits a
// window; the rest of a claim is in its tooltip, the Details and the drill-down. A matrix
// cell then shows at most three cards and a "+N more" chip that expands its row: no claim is
// ever left out without saying so. Exports use full cards and show every claim.
//
// The question of a matrix row stays at the top of the view while the row scrolls under it
// (a row may be taller than the window), as the column headers do.
//
// Why a layout cache: laying out a row shapes every text on it. The renderer keeps the
// layouts of recently painted rows (bounded), and its owner keeps row heights; a change of
// width, font, zone or table drops the layouts, never the table.

#include "narratives/narrativestextblock.h"
#include "narratives/narrativestheme.h"
#include "present/narrativestable.h"

#include <QFont>
#include <QPalette>
#include <QRectF>
#include <QTimeZone>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

class QPainter;

namespace claimline {

class Project;

class NarrativesRenderer final
{
public:
    // Cards in one cell at most, compact and expanded or not: at a million claims a question holds
    // tens of thousands, whose cards took seconds and gigabytes to lay out and read as a wall. The
    // rest are counted in a chip ("1,234 more not shown") and found in the table.
    static constexpr std::size_t MaxShownCards = 200;

    struct Column
    {
        double x = 0; // from the left of the content (the question column starts at 0)
        double width = 0;
    };

    // What to emphasise: selected claims strongly, linked ones (their counter-claims) lightly.
    // Both sorted.
    struct Highlight
    {
        std::vector<std::uint32_t> selected;
        std::vector<std::uint32_t> linked;
        std::uint32_t question = NoIndex; // a selected question (its row header)
    };

    struct ClaimBox
    {
        std::uint32_t claim = NoIndex;
        int column = 0;
        QRectF rect; // content coordinates, relative to the row's top
        QRectF date; // where the card's date and claimant are written, likewise
        QRectF claimant;
    };

    // A matrix cell's chip that expands its row ("+2 more") or, expanded, collapses it.
    struct MoreBox
    {
        int column = 0;
        QRectF rect; // content coordinates, relative to the row's top
        bool collapse = false; // "Show fewer"
        std::vector<std::uint32_t> hidden; // the claims it stands for (collapsed)
        QString label; // what it says: "+3 more", "Show fewer", "1,234 more not shown"
    };

    NarrativesRenderer();
    ~NarrativesRenderer();

    void setContent(const Project *project, const NarrativesTable *table);
    void setFont(const QFont &font);
    void setPalette(const QPalette &palette);
    void setTimeZone(const QTimeZone &zone);
    // The width to fill; columns stretch to it but never shrink below their minimum, so
    // contentWidth() may be wider.
    void setWidth(double width);
    // Drops laid-out rows (after the content of the table changed).
    void clearCache();
    // How many lines a statement may take before it is shortened with "…" (3 in the view;
    // exports allow more).
    void setStatementLines(int lines);
    // Compact cards and capped matrix cells (see above); off by default (the exports).
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }
    // Compact matrix: the questions whose rows show every card.
    void setExpanded(std::uint32_t question, bool expanded);
    bool isExpanded(std::uint32_t question) const;
    const std::vector<std::uint32_t> &expandedQuestions() const { return m_expanded; }
    void setExpandedQuestions(std::vector<std::uint32_t> questions);

    const NarrativesTheme &theme() const { return m_theme; }
    const QFont &font() const { return m_font; }
    double contentWidth() const { return m_contentWidth; }
    // The sticky question column of the matrix (0 side by side).
    double rowHeaderWidth() const { return m_rowHeaderWidth; }
    double headerHeight() const { return m_headerHeight; }
    const std::vector<Column> &columns() const { return m_columns; }

    // The exact height of a row (lays it out); a cheap estimate without layout.
    double rowHeight(std::size_t row) const;
    double estimatedRowHeight(std::size_t row) const;
    std::vector<ClaimBox> claimBoxes(std::size_t row) const;
    std::vector<MoreBox> moreBoxes(std::size_t row) const;
    // Where a matrix row's question and count are drawn, relative to the row's top, when
    // `hiddenAbove` of the row is scrolled out of sight above: they follow the view down the
    // row (sticky) and stop at its bottom.
    QRectF rowTitleRect(std::size_t row, double hiddenAbove = 0) const;
    // The count under a column's title as drawn (lines joined with "\n"): "11 on these
    // questions · 16 in all".
    QString columnCountText(int column) const;
    // The count under a matrix row's question as laid out: "2 claims · 7 answers from other
    // questions".
    QString rowCountText(std::size_t row) const;

    // The column headers, in a band of headerHeight() at the painter's origin. scrollX shifts
    // the columns (not the question column); width is the visible width.
    void paintHeader(QPainter &painter, double scrollX, double width) const;
    // A row with its top at `top`.
    void paintRow(QPainter &painter, std::size_t row, double top, double scrollX, double width,
                  const Highlight &highlight) const;
    // The legend of stances and marks, on one or more lines in `width`; returns its height.
    double paintLegend(QPainter *painter, const QPointF &origin, double width) const;

    using TextBlock = NarrativesTextBlock;
    struct Card;
    struct Link;
    struct More;
    struct RowLayout;

private:
    void updateFonts();
    void layoutColumns();
    void layoutHeader();
    const RowLayout &layoutRow(std::size_t row) const;
    void layoutQuestionRow(RowLayout &l, std::size_t row) const;
    void layoutPairRow(RowLayout &l, std::size_t row) const;
    // An italic note in an empty cell; returns its height.
    double placeholder(RowLayout &l, const QString &text, const Column &column, double y) const;
    // relation: for a claim shown where it answers a claim on another question.
    Card layoutCard(std::uint32_t claim, double x, double y, double width,
                    std::uint32_t relation = NoIndex) const;
    More layoutMore(int column, double x, double y, std::vector<std::uint32_t> hidden,
                    bool collapse) const;
    void paintCard(QPainter &painter, const Card &card, double dy, const Highlight &h) const;
    void paintMore(QPainter &painter, const More &more, const Highlight &h) const;
    // Paddings of cells and cards, and the gap between cards, in the current density.
    double pad() const;
    double cardPad() const;
    double cardGap() const;

    const Project *m_project = nullptr;
    const NarrativesTable *m_table = nullptr;
    QFont m_font;
    QFont m_bold;
    QFont m_small;
    QFont m_smallBold;
    QFont m_italic;
    QFont m_heading;
    QPalette m_palette;
    NarrativesTheme m_theme;
    QTimeZone m_zone = QTimeZone::utc();
    int m_statementLines = 3;
    bool m_compact = false;
    std::vector<std::uint32_t> m_expanded; // sorted
    double m_width = 800;
    double m_contentWidth = 800;
    double m_rowHeaderWidth = 0;
    double m_headerHeight = 40;
    double m_line = 16;
    double m_smallLine = 14;
    std::vector<Column> m_columns;
    struct HeaderCell;
    std::vector<HeaderCell> m_header;
    mutable std::unordered_map<std::size_t, std::unique_ptr<RowLayout>> m_rows;
};

} // namespace claimline
