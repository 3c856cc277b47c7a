#pragma once

// CatalogView: the project's parties, actors, sources and questions, for the Catalog dock.
//
// Events and claims live on the timeline, in the narratives and in the table; the smaller
// kinds of item are listed here under one heading each. Selecting one selects it in the
// shared Selection (the inspector then edits it), and a selection made elsewhere is shown
// here. A source without an archived copy is marked (a struck-through archive box, and a
// tooltip that says it), and a starred item with ★ before its name. The main window adds its
// New, Delete and Star actions as the context menu. It follows the Document (items added,
// removed or renamed) and never talks to another view.

#include "model/model.h"

#include <QTreeWidget>

class QTimer;

namespace claimline {

class Document;
class Selection;

class CatalogView final : public QTreeWidget
{
    Q_OBJECT

public:
    // A source's row holds true in NoArchivedCopyRole when the source has no archive URL (its
    // row is marked, and its tooltip says so).
    // EvidenceFailsRole: true when one of its evidence files failed the last verification (the
    // row then starts with ⚠ and its tooltip says which file and how).
    // StarredRole: true when the analyst starred the item (its row then starts with ★).
    enum Role { NoArchivedCopyRole = Qt::UserRole + 2, EvidenceFailsRole, StarredRole };

    CatalogView(Document *document, Selection *selection, QWidget *parent = nullptr);

    // The row of an item (for tests), or nullptr.
    QTreeWidgetItem *itemFor(ItemRef item) const;
    // The heading of a kind (Parties, Actors, Sources, Questions).
    QTreeWidgetItem *heading(ItemKind kind) const;

    // The source a drop of `mime` at `pos` (viewport coordinates) would attach to: local
    // files over a source's row. NoIndex otherwise.
    std::uint32_t dropTarget(const QMimeData *mime, const QPoint &pos) const;

protected:
    // The party swatches are drawn for the palette: a theme change redraws them.
    void changeEvent(QEvent *event) override;
    // Files dropped on a source are pinned to it as evidence (Document::attachFiles()).
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void scheduleRebuild();
    void rebuild();
    void showSelection();
    void userSelected();

    Document *m_document;
    Selection *m_selection;
    QTimer *m_rebuildTimer;
    bool m_syncing = false;
};

} // namespace claimline
