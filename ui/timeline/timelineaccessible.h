#pragma once

// TimelineAccessible: what assistive technology sees of the TimelineView.
//
// The timeline paints its items, so there are no child widgets for a screen reader to walk.
// This interface presents the view as a list whose children are the marks the renderer drew
// individually (TimelineFrame::marks, in lane order, then time order within a lane), each
// with its title as name and date, kind, lane and status as description, a press action that
// selects it through the shared Selection, and its selected and focused state. Crowded lanes
// drawn as density bands have no children: the view's description says how many items are in
// the window and how many are exposed, so the user knows to zoom in (or use the table, the
// accessible alternative for the full list).
//
// Children are created only when asked for and cached per (item, lane): an event sits on the
// lane of each party it involves, so one event can have several marks, and each mark is one
// child with a stable identity while it stays drawn. Child geometry is read from the current
// frame, never stored. The cache is pruned once per event-loop turn after the window, the
// scroll position or the lanes change, and emptied when the document is replaced; the children
// are registered with QAccessible (it owns them) and deleted through it by id when pruned or
// when this interface goes (Qt deletes it with the view).

#include <QAccessible>
#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <memory>
#include <unordered_map>

namespace claimline {

class TimelineItemAccessible;
class TimelineView;
struct TimelineFrame;

class TimelineAccessible final : public QAccessibleWidget
{
    Q_DECLARE_TR_FUNCTIONS(claimline::TimelineAccessible)

public:
    // At most this many marks are exposed as children; a frame rarely draws more, since
    // crowded lanes turn into density bands.
    static constexpr int MaxChildren = 5000;

    explicit TimelineAccessible(TimelineView *view);
    ~TimelineAccessible() override;

    TimelineView *view() const;

    // QAccessibleInterface
    QAccessible::Role role() const override { return QAccessible::List; }
    QAccessible::State state() const override;
    QString text(QAccessible::Text t) const override;
    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;

    // For the children: the index of the mark a child stands for in the current frame, or -1
    // when it is not drawn individually (or beyond MaxChildren).
    int markIndex(std::uint64_t key) const;
    // The key of a mark: its item (without drawing flags) and lane.
    static std::uint64_t keyOf(const TimelineFrame &frame, std::size_t markIndex);

private:
    QAccessibleInterface *childForKey(std::uint64_t key) const;
    int firstMarkOfCurrent() const;
    void schedulePrune();
    void prune();
    void dropChildren();
    void announceSelection();
    void announceItemChanged(std::uint32_t code);

    struct Entry
    {
        TimelineItemAccessible *iface = nullptr;
        QAccessible::Id id = 0;
    };
    mutable std::unordered_map<std::uint64_t, Entry> m_children;
    // Context for the connections to the view, its Document and its Selection: destroyed
    // with this interface, so no signal reaches it afterwards.
    std::unique_ptr<QObject> m_guard;
    bool m_pruneScheduled = false;
};

// Creates the TimelineAccessible for a claimline::TimelineView; nullptr for anything else.
QAccessibleInterface *timelineAccessibleFactory(const QString &className, QObject *object);

// Installs timelineAccessibleFactory with QAccessible, once however often it is called.
void installTimelineAccessibility();

} // namespace claimline
