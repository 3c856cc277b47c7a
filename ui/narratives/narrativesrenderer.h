#pragma once

// NarrativesRenderer: geometry and painting of the competing-narratives table, shared by the
// interactive view (which paints the rows in sight) and the exports (which paint them all).
//
// Each claim is a card: a stance chip (colour and word), the date it was said, the claimant,
// the statement (shortened with "…" past three lines), the quote in italics, and a footer
// with the sources, their best grade and the claim's status. Text is laid out with
// QTextLayout as plain text: file strings are never markup.
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
    void paintCard(QPainter &painter, const Card &card, double dy, const Highlight &h) const;

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
