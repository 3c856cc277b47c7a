#pragma once

// SavedViewsMenu: View ▸ Saved Views. Lists the views saved in the project (each restores the
// filter, the time range, the lane order and the narratives A/B), saves the window's current
// state as a named view and deletes views. Rebuilt each time it opens, since undo and redo
// change the saved views too.

#include <QMenu>

class QMainWindow;

namespace claimline {

class Document;
class Filter;
class NarrativesView;
class TimelineView;
struct SavedView;

class SavedViewsMenu final : public QMenu
{
    Q_OBJECT

public:
    // `window` is the parent of the dialog that names a view and shows the status messages;
    // `parent` is the menu this one is a submenu of.
    SavedViewsMenu(Document *document, Filter *filter, TimelineView *timeline,
                   NarrativesView *narratives, QMainWindow *window, QWidget *parent = nullptr);

    // Restores a saved view: filter, time range, lane order, narratives A/B.
    void applyView(const SavedView &view);
    // The window's current state as a view of that name (what Save Current View stores).
    SavedView currentView(const QString &name) const;

private:
    void updateMenu();
    void saveCurrentView();

    Document *m_document = nullptr;
    Filter *m_filter = nullptr;
    TimelineView *m_timeline = nullptr;
    NarrativesView *m_narratives = nullptr;
    QMainWindow *m_window = nullptr;
};

} // namespace claimline
