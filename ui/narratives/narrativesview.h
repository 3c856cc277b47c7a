#pragma once

// NarrativesView: the competing narratives, side by side.
//
// Matrix mode: one row per question (drag a question, or Move Up/Down, to reorder the rows of
// this view), one column per party (Columns chooses which and in what order; by default the
// parties that made claims on a question). Each cell holds the party's claims on the
// question that the Filter accepts, or "no public position". Compact cards (the default)
// fit the columns to the window and show three cards a cell, the rest behind "+N more";
// full cards show everything on every card.
//
// Side-by-side mode: narrative A against narrative B (each a party or a group of parties).
// Each claim of A sits opposite the claims of B related to it, with the kind of relation and
// the response lag between them; claims the other side never answered are flagged. Rows are
// grouped by question or ordered by time.
//
// It observes the shared Document, Selection and Filter and never talks to another view:
// clicking a claim selects it (Ctrl toggles), a selection made elsewhere scrolls to the claim
// and highlights it with its counter-claims, and document and filter changes rebuild the
// table once per turn of the event loop. Double-clicking a claim opens its drill-down.
// Alt+dragging a claim onto another links them (the dragged one answers the other, one undo
// step), after asking how.

#include "common/picture.h"
#include "common/relationkindmenu.h"
#include "present/narrativestable.h"

#include <QTimeZone>
#include <QWidget>

#include <cstdint>
#include <vector>

class QAction;
class QComboBox;
class QDialog;
class QLabel;
class QTimer;
class QToolButton;

namespace claimline {

class Document;
struct StructureChange;
class Filter;
class NarrativesCanvas;
class PartyListPicker;
class Selection;

class NarrativesView final : public QWidget
{
    Q_OBJECT

public:
    NarrativesView(Document *document, Selection *selection, Filter *filter,
                   QWidget *parent = nullptr);
    ~NarrativesView() override;

    NarrativesMode mode() const { return m_spec.mode; }
    void setMode(NarrativesMode mode);
    // Matrix columns, in order.
    const std::vector<std::uint32_t> &parties() const { return m_spec.parties; }
    void setParties(const std::vector<std::uint32_t> &parties);
    // Side by side: the parties of narrative A and B (switches to side-by-side mode).
    const std::vector<std::uint32_t> &narrativeA() const { return m_spec.a; }
    const std::vector<std::uint32_t> &narrativeB() const { return m_spec.b; }
    void setNarratives(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b);
    NarrativesOrder order() const { return m_spec.order; }
    void setOrder(NarrativesOrder order);
    // Compact cards (the default: nine parties fit the window, three cards a cell and "+N
    // more") or full cards (quote, sources and status on every card, every claim).
    bool isCompact() const;
    void setCompact(bool compact);
    // Everything the view shows, for saving it or exporting what the user sees.
    const NarrativesSpec &spec() const { return m_spec; }

    // The zone times of day are shown in (default UTC; calendar days are never shifted).
    QTimeZone timeZone() const { return m_zone; }
    void setTimeZone(const QTimeZone &zone);

    // Question rows of the matrix, in this view's order (view-local, not saved in the file).
    std::vector<std::uint32_t> questionOrder() const;
    void moveRow(int from, int to);
    // Moves the current question (the selected question, or the question of the selected
    // claim) up (-1) or down (+1).
    void moveCurrentRow(int delta);
    void resetRowOrder();

    // --- what is shown, for tests and assistive text ------------------------------------
    const NarrativesTable &table() const { return m_table; }
    int rowCount() const { return int(m_table.rowCount()); }
    int columnCount() const { return m_table.columnCount(); }
    QString columnTitle(int column) const;
    QString rowTitle(int row) const;
    // A cell as plain text: one claim per paragraph (stance · claimant · date, statement,
    // quote, sources and status), "no public position" for an empty matrix cell. Side by
    // side the columns are A, link (relation and lag per claim opposite) and B.
    QString cellText(int row, int column) const;
    // The claim's card in viewport() coordinates (possibly outside it); null if not shown.
    QRect claimRect(std::uint32_t claim) const;
    void scrollToClaim(std::uint32_t claim);
    QWidget *viewport() const;
    NarrativesCanvas *canvas() const { return m_canvas; }
    // Writes what the view shows (all rows, its mode, columns, narratives and filter) to a
    // file: PNG (twice the density), SVG, PDF or HTML by the file's suffix, in the light
    // publication theme. Returns an error message, empty on success.
    QString exportFile(const QString &path) const;
    // What the view shows (all rows) as a picture `width` points wide or wider (exports,
    // printing); valid while the view and its document are.
    Picture picture(double width = 1600) const;
    // Opens the drill-down of a claim (as double-clicking it does).
    QDialog *openClaimDialog(std::uint32_t claim);
    // How many times the table was rebuilt (for tests of the coalescing).
    int rebuildCount() const { return m_rebuildCount; }
    // How an Alt+drag from a claim onto another asks for the kind of relation (by default a
    // menu at the drop point); tests answer instead.
    void setAskRelationKind(AskRelationKind ask) { m_askRelationKind = std::move(ask); }
    // Move Up, Move Down, Reset Order: for menus; shortcuts work when the view has focus.
    QList<QAction *> viewActions() const { return m_actions; }

Q_SIGNALS:
    void modeChanged(NarrativesMode mode);

private:
    void createControls();
    void updateControls();
    void documentReset();
    void structureChanged(const StructureChange &change);
    void updatePickers();
    void followNewParties();
    void claimChanged(std::uint32_t claim);
    void scheduleRebuild();
    void rebuild();
    void flush();
    void selectionChanged();
    void updateHighlight();
    void claimClicked(std::uint32_t claim, Qt::KeyboardModifiers modifiers);
    void rowHeaderClicked(int row, Qt::KeyboardModifiers modifiers);
    void rowContextMenu(int row, const QPoint &globalPos);
    void linkClaims(std::uint32_t from, std::uint32_t to, const QPoint &globalPos);
    int currentRow() const;

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    Filter *m_filter = nullptr;
    NarrativesSpec m_spec;
    NarrativesTable m_table;
    QTimeZone m_zone = QTimeZone::utc();

    NarrativesCanvas *m_canvas = nullptr;
    QComboBox *m_modeBox = nullptr;
    PartyListPicker *m_columnsPicker = nullptr;
    PartyListPicker *m_aPicker = nullptr;
    PartyListPicker *m_bPicker = nullptr;
    QLabel *m_versus = nullptr;
    QToolButton *m_swap = nullptr;
    QComboBox *m_orderBox = nullptr;
    QComboBox *m_densityBox = nullptr;
    QToolButton *m_moveUp = nullptr;
    QToolButton *m_moveDown = nullptr;
    QList<QAction *> m_actions;
    QAction *m_moveUpAction = nullptr;
    QAction *m_moveDownAction = nullptr;
    QAction *m_resetOrderAction = nullptr;

    QTimer *m_rebuildTimer = nullptr;
    std::vector<std::uint32_t> m_changedClaims;
    bool m_resetPending = true;
    // The parties with claims when last looked (followNewParties()).
    std::vector<std::uint32_t> m_partiesWithClaims;
    bool m_selecting = false; // the selection change comes from this view
    int m_rebuildCount = 0;
    AskRelationKind m_askRelationKind;
    QString m_linkTitle; // for the default menu: "How does ‘A’ answer ‘B’?"
};

} // namespace claimline
