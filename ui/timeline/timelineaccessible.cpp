#include "timeline/timelineaccessible.h"

#include "document/document.h"
#include "document/selection.h"
#include "model/project.h"
#include "present/timelinelanes.h"
#include "present/timescale.h"
#include "text/visibletext.h"
#include "timeline/timelinelabels.h"
#include "timeline/timelinerenderer.h"
#include "timeline/timelineview.h"

#include <QAccessibleActionInterface>
#include <QScrollBar>
#include <QStringList>

#include <algorithm>

namespace claimline {

namespace {

// A child's key: the lane (index into TimelineLanes::lanes()) in the high half, the item's
// lane code without drawing flags in the low half.
std::uint64_t makeKey(std::size_t lane, std::uint32_t code)
{
    return (std::uint64_t(lane) << 32) | (code & ~LaneCode::Rejected);
}

std::size_t laneOfKey(std::uint64_t key)
{
    return std::size_t(key >> 32);
}

std::uint32_t codeOfKey(std::uint64_t key)
{
    return std::uint32_t(key & 0xffffffffu);
}

bool exists(const Project &project, ItemRef item)
{
    return (item.kind == ItemKind::Event && item.index < project.events().size())
        || (item.kind == ItemKind::Claim && item.index < project.claims().size());
}

// The marks of an item (any lane): a range of TimelineFrame::marksByCode.
std::pair<std::vector<std::uint32_t>::const_iterator, std::vector<std::uint32_t>::const_iterator>
marksOf(const TimelineFrame &frame, std::uint32_t code)
{
    const std::uint32_t key = code & ~LaneCode::Rejected;
    const auto less = [&frame](std::uint32_t m, std::uint32_t k) {
        return (frame.marks[m].code & ~LaneCode::Rejected) < k;
    };
    const auto greater = [&frame](std::uint32_t k, std::uint32_t m) {
        return k < (frame.marks[m].code & ~LaneCode::Rejected);
    };
    return {std::lower_bound(frame.marksByCode.begin(), frame.marksByCode.end(), key, less),
            std::upper_bound(frame.marksByCode.begin(), frame.marksByCode.end(), key, greater)};
}

} // namespace

// One mark of the timeline, as a list item. Holds only its key: what it says and where it is
// are read from the project and the current frame each time, so it is never stale.
class TimelineItemAccessible final : public QAccessibleInterface, public QAccessibleActionInterface
{
    Q_DECLARE_TR_FUNCTIONS(claimline::TimelineItemAccessible)

public:
    TimelineItemAccessible(TimelineAccessible *parent, std::uint64_t key)
        : m_parent(parent)
        , m_key(key)
    { }
    ~TimelineItemAccessible() override = default;

    std::uint64_t key() const { return m_key; }
    const TimelineAccessible *owner() const { return m_parent; }
    ItemRef item() const { return LaneCode::item(codeOfKey(m_key)); }

    bool isValid() const override
    {
        if (!m_parent->isValid())
            return false;
        const TimelineView *view = m_parent->view();
        return exists(view->document()->project(), item())
            && laneOfKey(m_key) < view->lanes().lanes().size();
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_parent->window(); }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *parent() const override { return m_parent; }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override { }
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override;
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface
            ? static_cast<QAccessibleActionInterface *>(this)
            : nullptr;
    }

    // QAccessibleActionInterface: pressing selects the item, as a click does.
    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString &actionName) override
    {
        if (actionName == pressAction() && isValid())
            m_parent->view()->selection()->select(item());
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    QString name(const Project &project) const;
    QString description(const Project &project) const;

    TimelineAccessible *m_parent;
    std::uint64_t m_key;
};

QString TimelineItemAccessible::text(QAccessible::Text t) const
{
    if (!isValid())
        return {};
    const Project &project = m_parent->view()->document()->project();
    switch (t) {
    case QAccessible::Name:
        return name(project);
    case QAccessible::Description:
        return description(project);
    default:
        return {};
    }
}

QString TimelineItemAccessible::name(const Project &project) const
{
    const ItemRef ref = item();
    if (ref.kind == ItemKind::Event)
        return visibleText(project.text(project.events()[ref.index].title));
    const Claim &claim = project.claims()[ref.index];
    const QString statement = visibleText(project.text(claim.statement));
    const QString who = TimelineLabels::speakerName(project, claim.claimant);
    return who.isEmpty() ? statement : who + QStringLiteral(": ") + statement;
}

QString TimelineItemAccessible::description(const Project &project) const
{
    const TimelineView *view = m_parent->view();
    const ItemRef ref = item();
    QStringList parts;
    if (ref.kind == ItemKind::Event) {
        const Event &event = project.events()[ref.index];
        QStringList parties;
        for (const std::uint32_t p : project.indices(event.parties))
            parties << TimelineLabels::partyName(project, p);
        parts << tr("Event") << event.when.toDisplayString(view->timeZone());
        if (!parties.isEmpty())
            parts << tr("Parties: %1").arg(parties.join(QStringLiteral(", ")));
        parts << tr("Status: %1").arg(TimelineLabels::statusName(event.status));
    } else {
        const Claim &claim = project.claims()[ref.index];
        const std::uint32_t party = view->lanes().lanes()[laneOfKey(m_key)].party;
        parts << tr("Claim") << tr("Said %1").arg(claim.madeAt.toDisplayString(view->timeZone()))
              << tr("Lane: %1").arg(TimelineLabels::partyName(project, party))
              << tr("Status: %1").arg(TimelineLabels::statusName(claim.status));
        if (claim.about < project.events().size())
            parts << tr("About: %1")
                         .arg(visibleText(project.text(project.events()[claim.about].title)));
    }
    const int index = m_parent->markIndex(m_key);
    if (index >= 0 && LaneCode::isRejected(view->frame().marks[std::size_t(index)].code))
        parts << tr("Filtered out, shown faded");
    return parts.join(QStringLiteral("; "));
}

QRect TimelineItemAccessible::rect() const
{
    if (!isValid())
        return {};
    const int index = m_parent->markIndex(m_key);
    if (index < 0)
        return {};
    const TimelineView *view = m_parent->view();
    const TimelineFrame &frame = view->frame();
    const TimelineFrame::Mark &mark = frame.marks[std::size_t(index)];
    QRectF area = mark.label.isEmpty() ? mark.rect : mark.rect.united(mark.label);
    // What is painted is clipped to the plot; a mark scrolled out of it keeps its full rect
    // (and says it is off screen).
    const QRectF shown = area.intersected(frame.plot);
    if (!shown.isEmpty())
        area = shown;
    const QRect local = area.toAlignedRect();
    return {view->viewport()->mapToGlobal(local.topLeft()), local.size()};
}

QAccessible::State TimelineItemAccessible::state() const
{
    QAccessible::State s;
    if (!isValid()) {
        s.invalid = true;
        return s;
    }
    s.selectable = true;
    s.focusable = true;
    const Selection *selection = m_parent->view()->selection();
    const ItemRef ref = item();
    s.selected = selection->contains(ref);
    s.focused = selection->current() == ref;
    s.active = s.focused;
    const int index = m_parent->markIndex(m_key);
    if (index < 0) {
        s.invisible = true;
        s.offscreen = true;
    } else {
        const TimelineFrame &frame = m_parent->view()->frame();
        const TimelineFrame::Mark &mark = frame.marks[std::size_t(index)];
        s.offscreen = !mark.rect.intersects(frame.plot);
    }
    return s;
}

// --- the view -----------------------------------------------------------------------------

TimelineAccessible::TimelineAccessible(TimelineView *view)
    : QAccessibleWidget(view, QAccessible::List)
    , m_guard(std::make_unique<QObject>())
{
    QObject *guard = m_guard.get();
    const auto prune = [this] {
        schedulePrune();
    };
    QObject::connect(view, &TimelineView::visibleRangeChanged, guard, prune);
    QObject::connect(view, &TimelineView::lanesRebuilt, guard, prune);
    QObject::connect(view->verticalScrollBar(), &QScrollBar::valueChanged, guard, prune);
    // A new project reuses item indexes for other items: no child may outlive it.
    QObject::connect(view->document(), &Document::reset, guard, [this] { dropChildren(); });
    // Items came or went: children are keyed by index, which may now name other items.
    QObject::connect(view->document(), &Document::structureChanged, guard,
                     [this] { dropChildren(); });
    QObject::connect(view->document(), &Document::eventChanged, guard, [this](std::uint32_t event) {
        announceItemChanged(LaneCode::make({ItemKind::Event, event}, false));
    });
    QObject::connect(view->document(), &Document::claimChanged, guard, [this](std::uint32_t claim) {
        announceItemChanged(LaneCode::make({ItemKind::Claim, claim}, false));
    });
    // Connected after the view's own slot (made in its constructor), so the view has already
    // brought the current item into view when this runs.
    QObject::connect(view->selection(), &Selection::changed, guard,
                     [this] { announceSelection(); });
}

TimelineAccessible::~TimelineAccessible()
{
    // The view may be gone already (Qt deletes this interface when the view is destroyed):
    // only the children are touched here, and no event is sent.
    m_guard.reset();
    for (const auto &[key, entry] : m_children)
        QAccessible::deleteAccessibleInterface(entry.id);
}

TimelineView *TimelineAccessible::view() const
{
    return static_cast<TimelineView *>(widget());
}

QAccessible::State TimelineAccessible::state() const
{
    QAccessible::State s = QAccessibleWidget::state();
    s.multiSelectable = true; // Ctrl+click adds to the selection
    return s;
}

QString TimelineAccessible::text(QAccessible::Text t) const
{
    if (!isValid())
        return {};
    const TimelineView *v = view();
    switch (t) {
    case QAccessible::Name:
        return v->accessibleName().isEmpty() ? tr("Timeline") : v->accessibleName();
    case QAccessible::Description: {
        if (!v->accessibleDescription().isEmpty())
            return v->accessibleDescription();
        const TimelineFrame &f = v->frame();
        const TimeScale &scale = v->scale();
        const QString from
            = formatInstant(std::int64_t(scale.start()), v->timeZone(), scale.secondsPerPixel());
        const QString to
            = formatInstant(std::int64_t(scale.end()), v->timeZone(), scale.secondsPerPixel());
        QString text = (f.itemsInView == 1 ? tr("1 item in view")
                                           : tr("%1 items in view").arg(f.itemsInView))
            + tr(", from %1 to %2; %3 marks listed.").arg(from, to).arg(childCount());
        const bool crowded
            = std::any_of(f.lanes.begin(), f.lanes.end(),
                          [](const TimelineFrame::LaneBox &box) { return box.density; });
        if (crowded || f.marks.size() > std::size_t(MaxChildren))
            text += tr(" Crowded lanes are summarised and their items not listed: zoom in, or use "
                       "the table, to reach them.");
        return text;
    }
    default:
        return QAccessibleWidget::text(t);
    }
}

int TimelineAccessible::childCount() const
{
    if (!isValid())
        return 0;
    return int(std::min(view()->frame().marks.size(), std::size_t(MaxChildren)));
}

QAccessibleInterface *TimelineAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    return childForKey(keyOf(view()->frame(), std::size_t(index)));
}

int TimelineAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const auto *item = dynamic_cast<const TimelineItemAccessible *>(child);
    if (!item || item->owner() != this || !isValid())
        return -1;
    return markIndex(item->key());
}

QAccessibleInterface *TimelineAccessible::childAt(int x, int y) const
{
    if (!isValid())
        return nullptr;
    const TimelineView *v = view();
    const QPoint pos = v->viewport()->mapFromGlobal(QPoint(x, y));
    const ItemRef item = v->itemAt(pos);
    if (!item.isValid())
        return nullptr;
    // An event has a mark on each of its parties' lanes: take the one under the point.
    const TimelineFrame &f = v->frame();
    int found = -1;
    const auto [lo, hi] = marksOf(f, LaneCode::make(item, false));
    for (auto it = lo; it != hi; ++it) {
        if (*it >= std::uint32_t(MaxChildren))
            continue;
        const TimelineFrame::Mark &mark = f.marks[*it];
        if (mark.rect.adjusted(-3, -3, 3, 3).contains(pos) || mark.strip.contains(pos)
            || mark.label.contains(pos)) {
            found = int(*it);
            break;
        }
        if (found < 0)
            found = int(*it);
    }
    return found >= 0 ? child(found) : nullptr;
}

QAccessibleInterface *TimelineAccessible::focusChild() const
{
    const int index = isValid() ? firstMarkOfCurrent() : -1;
    return index >= 0 ? child(index) : nullptr;
}

std::uint64_t TimelineAccessible::keyOf(const TimelineFrame &frame, std::size_t markIndex)
{
    const TimelineFrame::Mark &mark = frame.marks[markIndex];
    return makeKey(frame.lanes[mark.laneBox].lane, mark.code);
}

int TimelineAccessible::markIndex(std::uint64_t key) const
{
    const TimelineFrame &f = view()->frame();
    const std::size_t lane = laneOfKey(key);
    const auto [lo, hi] = marksOf(f, codeOfKey(key));
    for (auto it = lo; it != hi; ++it) {
        if (f.lanes[f.marks[*it].laneBox].lane == lane)
            return *it < std::uint32_t(MaxChildren) ? int(*it) : -1;
    }
    return -1;
}

int TimelineAccessible::firstMarkOfCurrent() const
{
    const ItemRef current = view()->selection()->current();
    if (!current.isValid())
        return -1;
    const auto [lo, hi] = marksOf(view()->frame(), LaneCode::make(current, false));
    const auto first = std::min_element(lo, hi); // the topmost lane's mark
    return first != hi && *first < std::uint32_t(MaxChildren) ? int(*first) : -1;
}

QAccessibleInterface *TimelineAccessible::childForKey(std::uint64_t key) const
{
    if (const auto it = m_children.find(key); it != m_children.end())
        return it->second.iface;
    // const: Qt asks for children through const functions; the cache is not observable state.
    auto *iface = new TimelineItemAccessible(const_cast<TimelineAccessible *>(this), key);
    const QAccessible::Id id = QAccessible::registerAccessibleInterface(iface);
    m_children.emplace(key, Entry {iface, id});
    return iface;
}

void TimelineAccessible::schedulePrune()
{
    // A wheel burst changes the window many times per frame: prune once per event-loop turn.
    if (m_pruneScheduled)
        return;
    m_pruneScheduled = true;
    QMetaObject::invokeMethod(
        m_guard.get(),
        [this] {
            m_pruneScheduled = false;
            prune();
        },
        Qt::QueuedConnection);
}

void TimelineAccessible::prune()
{
    if (!isValid())
        return;
    // Children whose mark is no longer drawn go; the others keep their identity, so an
    // assistive tool following one across a zoom does not lose it.
    for (auto it = m_children.begin(); it != m_children.end();) {
        if (it->second.iface->isValid() && markIndex(it->first) >= 0) {
            ++it;
            continue;
        }
        QAccessible::deleteAccessibleInterface(it->second.id);
        it = m_children.erase(it);
    }
    QAccessibleEvent event(view(), QAccessible::ObjectReorder);
    QAccessible::updateAccessibility(&event);
}

void TimelineAccessible::dropChildren()
{
    for (const auto &[key, entry] : m_children)
        QAccessible::deleteAccessibleInterface(entry.id);
    m_children.clear();
    if (!isValid())
        return;
    QAccessibleEvent event(view(), QAccessible::ObjectReorder);
    QAccessible::updateAccessibility(&event);
}

void TimelineAccessible::announceSelection()
{
    if (!isValid() || !QAccessible::isActive())
        return;
    TimelineView *v = view();
    const int index = firstMarkOfCurrent();
    if (index < 0) {
        // Nothing current, or it is not drawn individually.
        QAccessibleEvent event(v, QAccessible::SelectionWithin);
        QAccessible::updateAccessibility(&event);
        return;
    }
    QAccessibleEvent selection(v, QAccessible::Selection);
    selection.setChild(index);
    QAccessible::updateAccessibility(&selection);
    if (v->hasFocus()) {
        QAccessibleEvent focus(v, QAccessible::Focus);
        focus.setChild(index);
        QAccessible::updateAccessibility(&focus);
    }
}

void TimelineAccessible::announceItemChanged(std::uint32_t code)
{
    if (!isValid() || !QAccessible::isActive())
        return;
    for (const auto &[key, entry] : m_children) {
        if (codeOfKey(key) != code)
            continue;
        QAccessibleEvent name(entry.iface, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&name);
        QAccessibleEvent description(entry.iface, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&description);
    }
}

// --- factory ------------------------------------------------------------------------------

QAccessibleInterface *timelineAccessibleFactory(const QString &className, QObject *object)
{
    if (className != QLatin1String(TimelineView::staticMetaObject.className()))
        return nullptr;
    auto *view = qobject_cast<TimelineView *>(object);
    return view ? new TimelineAccessible(view) : nullptr;
}

void installTimelineAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(&timelineAccessibleFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace claimline
