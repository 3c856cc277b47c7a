#pragma once

// NarrativesCanvas: the scrolling, painted surface of the competing-narratives view. It
// paints the column headers (sticky at the top), the question column (sticky at the left in
// the matrix, each question at the top of its row while the row scrolls) and only the rows
// in sight, opens and closes a row's "+N more" cells (compact cards), hit-tests claims with the
// same geometry it paints, lets the user drag a question to another row, and Alt+drag a claim onto
// another to link them (a dashed arrow follows the mouse; the view asks how and links). It knows
// nothing of the Selection or the Filter: it reports clicks as signals and the NarrativesView
// decides.
//
// Why heights are measured lazily: a row's height needs its texts laid out. Rows in sight
// are measured before they are painted; the others start from an estimate and are measured
// a few milliseconds at a time when the event loop is idle, the row at the top of the view
// staying put while heights above it change. Measured heights are kept per row (by the row's
// key and a hash of its content) across table rebuilds, and dropped when the width, font,
// time zone or the row's content changes.

#include "narratives/narrativesrenderer.h"

#include <QAbstractScrollArea>

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

class QTimer;

namespace claimline {

class NarrativesCanvas final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit NarrativesCanvas(QWidget *parent = nullptr);
    ~NarrativesCanvas() override;

    const NarrativesRenderer &renderer() const { return m_renderer; }
    void setStatementLines(int lines);
    // Compact cards and capped matrix cells (NarrativesRenderer); on by default.
    void setCompact(bool compact);
    bool isCompact() const { return m_renderer.isCompact(); }
    // Compact matrix: whether a row shows every card (its "+N more" chip was clicked).
    void setRowExpanded(int row, bool expanded);
    bool isRowExpanded(int row) const;
    // The questions whose rows are expanded (to keep them across a change of indices).
    const std::vector<std::uint32_t> &expandedQuestions() const;
    void setExpandedQuestions(std::vector<std::uint32_t> questions);
    // The same for the table tableChanged() is about to hand over, which measures the rows:
    // nothing is measured now (the rows held may name claims that are gone).
    void setExpandedQuestionsOfNextTable(std::vector<std::uint32_t> questions)
    {
        m_renderer.setExpandedQuestions(std::move(questions));
    }
    // The "+N more" or "Show fewer" chip under a viewport point: {row, index into
    // renderer().moreBoxes(row)}, or {-1, -1}.
    std::pair<int, int> moreAt(const QPoint &pos);
    // A row's chips in viewport coordinates.
    std::vector<QRect> moreRects(int row);

    // After the table was rebuilt: rows with the same content as before keep their measured
    // heights unless they show one of `changedClaims`; `all` drops every height.
    void tableChanged(const Project *project, const NarrativesTable *table,
                      const std::vector<std::uint32_t> &changedClaims, bool all);
    void setTimeZone(const QTimeZone &zone);
    void setHighlight(NarrativesRenderer::Highlight highlight);
    const NarrativesRenderer::Highlight &highlight() const { return m_highlight; }

    // Scrolls the least needed to show the claim's card (the first one showing it).
    void ensureClaimVisible(std::uint32_t claim);
    void ensureRowVisible(int row);
    // The claim's first card, in viewport coordinates (possibly outside the viewport); null
    // when the claim is not shown, or stands behind a "+N more" chip (ensureClaimVisible()
    // expands its row).
    QRect claimRect(std::uint32_t claim);
    // The claim under a viewport point, or NoIndex.
    std::uint32_t claimAt(const QPoint &pos);
    // The row under a viewport y (below the header), or -1.
    int rowAt(int y);
    // Where a matrix row's question is drawn, in viewport coordinates: it stays in sight
    // while the row scrolls under the column headers, and at the left when scrolling sideways.
    QRect rowTitleRect(int row);
    // The display column whose header is under a viewport x (-1: the question column or none).
    int headerColumnAt(int x) const;
    // Rows measured exactly so far (for tests of the lazy measuring).
    std::size_t measuredRowCount() const;

Q_SIGNALS:
    void claimClicked(std::uint32_t claim, Qt::KeyboardModifiers modifiers);
    void claimActivated(std::uint32_t claim);
    void rowHeaderClicked(int row, Qt::KeyboardModifiers modifiers);
    void emptyClicked();
    // The user dragged the question of row `from` so that it lands at position `to`.
    void rowMoveRequested(int from, int to);
    void rowContextMenuRequested(int row, const QPoint &globalPos);
    // The user Alt+dragged claim `from` onto claim `to` (another claim), releasing at
    // globalPos: `from` should answer `to`.
    void claimLinkRequested(std::uint32_t from, std::uint32_t to, const QPoint &globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Cached
    {
        std::uint64_t hash = 0;
        double height = 0;
    };

    std::size_t rowCount() const;
    double bodyHeight() const;
    void resetHeights();
    void updateScrollBars();
    void updateTops() const;
    double rowTop(std::size_t row) const;
    // The row at a content y (0 = top of the first row); rowCount() past the end.
    std::size_t rowAtContent(double y) const;
    // Measures the rows in [first, last] exactly, keeping the top row of the view in place.
    // With a budget, stops once it is spent; returns the row after the last one measured.
    std::size_t measure(std::size_t first, std::size_t last, qint64 budgetMs = -1);
    void measureVisible();
    void measureIdle();
    bool isMatrix() const;
    int dropIndexAt(int y);
    QString headerToolTip(int column) const;
    // The tooltip's plain text for a viewport point; empty where there is nothing to tell.
    QString toolTipAt(const QPoint &pos);
    // What a row's cached height depends on: its content, and whether it is expanded.
    std::uint64_t rowHash(std::size_t row) const;
    // After a row's expansion changed: measures it again, keeping the view's top row.
    void rowLayoutChanged(std::size_t row);

    NarrativesRenderer m_renderer;
    const Project *m_project = nullptr;
    const NarrativesTable *m_table = nullptr;
    NarrativesRenderer::Highlight m_highlight;
    QTimeZone m_zone = QTimeZone::utc();

    std::vector<double> m_heights;
    std::vector<char> m_exact;
    std::vector<std::uint64_t> m_hashes;
    std::vector<std::uint64_t> m_anchorKeys; // row keys
    mutable std::vector<double> m_tops; // m_tops[i] = top of row i; back() = total
    mutable bool m_topsDirty = true;
    std::unordered_map<std::uint64_t, Cached> m_cache; // by row key
    QTimer *m_measureTimer = nullptr;
    std::size_t m_measureCursor = 0;
    bool m_keepingAnchor = false;

    // LinkClaim: Alt+pressed on a claim; a drag past the threshold links, a click selects.
    enum class Press { None, Claim, RowHeader, Empty, LinkClaim, More };
    Press m_press = Press::None;
    QPoint m_pressPos;
    std::uint32_t m_pressClaim = NoIndex;
    int m_pressRow = -1; // RowHeader, More
    int m_dropIndex = -1; // while dragging a row: the position it would land at
    bool m_linking = false; // an Alt+drag from m_pressClaim is under way
    QPoint m_linkPos; // where the mouse is while linking
};

} // namespace claimline
