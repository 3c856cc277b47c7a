// TimelineAccessible: assistive technology sees the timeline's marks as a list of items with
// names, descriptions, geometry, selection state and a press action, and the children stay
// consistent (and are deleted) as the layout and the view change.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "model/project.h"
#include "testsupport.h"
#include "timeline/timelineaccessible.h"
#include "timeline/timelineview.h"

#include <QAccessible>
#include <QAccessibleActionInterface>
#include <QApplication>
#include <QScrollBar>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <vector>

using namespace claimline;

namespace {

const QString DronesTitle = QStringLiteral("Alleged drone attack on Putin's Novgorod residence");

struct Fixture
{
    Document document;
    Selection selection;
    Filter filter;
    TimelineView view {&document, &selection, &filter};

    Fixture()
    {
        EXPECT_TRUE(document.load(test::samplePath()).empty());
        view.resize(1280, 800);
        view.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
    }

    QAccessibleInterface *iface() { return QAccessible::queryAccessibleInterface(&view); }

    ItemRef find(std::string_view id) const
    {
        const auto item = document.project().find(id);
        EXPECT_TRUE(item.has_value());
        return item.value_or(ItemRef {});
    }

    // The children whose name is exactly (or contains) the text.
    std::vector<QAccessibleInterface *> childrenNamed(const QString &text, bool exact = false)
    {
        std::vector<QAccessibleInterface *> found;
        QAccessibleInterface *timeline = iface();
        for (int i = 0; i < timeline->childCount(); ++i) {
            QAccessibleInterface *child = timeline->child(i);
            const QString name = child->text(QAccessible::Name);
            if (exact ? name == text : name.contains(text))
                found.push_back(child);
        }
        return found;
    }

    QRect globalRect() const { return {view.mapToGlobal(QPoint(0, 0)), view.size()}; }
};

// Every child is where its parent says it is.
void expectConsistent(QAccessibleInterface *timeline)
{
    for (int i = 0; i < timeline->childCount(); ++i) {
        QAccessibleInterface *child = timeline->child(i);
        ASSERT_NE(child, nullptr) << i;
        EXPECT_TRUE(child->isValid()) << i;
        EXPECT_EQ(child->parent(), timeline) << i;
        EXPECT_EQ(timeline->indexOfChild(child), i) << i;
        EXPECT_EQ(child->role(), QAccessible::ListItem) << i;
    }
}

// Records the events sent while installed (QAccessible must be active for any to arrive).
struct EventRecorder
{
    struct Record
    {
        QAccessible::Event type;
        QString name;
    };
    static inline std::vector<Record> records;

    QAccessible::UpdateHandler previous = nullptr;

    EventRecorder()
    {
        records.clear();
        previous = QAccessible::installUpdateHandler(&handle);
        QAccessible::setActive(true);
    }
    ~EventRecorder()
    {
        QAccessible::setActive(false);
        QAccessible::installUpdateHandler(previous);
        records.clear();
    }

    static void handle(QAccessibleEvent *event)
    {
        QAccessibleInterface *iface = event->accessibleInterface();
        records.push_back({event->type(), iface ? iface->text(QAccessible::Name) : QString()});
    }
};

} // namespace

TEST(TimelineAccessible, ViewIsAListOfItsMarks)
{
    Fixture f;
    QAccessibleInterface *timeline = f.iface();
    ASSERT_NE(timeline, nullptr);
    EXPECT_NE(dynamic_cast<TimelineAccessible *>(timeline), nullptr);
    EXPECT_EQ(timeline->role(), QAccessible::List);
    EXPECT_EQ(timeline->text(QAccessible::Name), QStringLiteral("Timeline"));
    EXPECT_TRUE(timeline->text(QAccessible::Description).contains(QStringLiteral("items in view")))
        << timeline->text(QAccessible::Description).toStdString();
    EXPECT_GT(f.view.frame().marks.size(), 20u);
    EXPECT_EQ(timeline->childCount(), int(f.view.frame().marks.size()));
    expectConsistent(timeline);
    EXPECT_EQ(timeline->child(-1), nullptr);
    EXPECT_EQ(timeline->child(timeline->childCount()), nullptr);
    // Asking twice gives the same child (it is cached, not recreated).
    EXPECT_EQ(timeline->child(3), timeline->child(3));
}

TEST(TimelineAccessible, ChildDescribesItsItem)
{
    Fixture f;
    const ItemRef drones = f.find("ev-residence-drones");
    const Event &event = f.document.project().events()[drones.index];
    // The event involves Russia and Ukraine: one mark on the events lane, so one child.
    const auto children = f.childrenNamed(DronesTitle);
    ASSERT_EQ(children.size(), 1u);
    QAccessibleInterface *child = children.front();
    EXPECT_EQ(child->text(QAccessible::Name), DronesTitle);
    const QString description = child->text(QAccessible::Description);
    EXPECT_TRUE(description.contains(event.when.toDisplayString(f.view.timeZone())))
        << description.toStdString();
    EXPECT_TRUE(description.contains(QStringLiteral("Event"))) << description.toStdString();
    EXPECT_TRUE(description.contains(QStringLiteral("disputed"))) << description.toStdString();
    EXPECT_TRUE(description.contains(QStringLiteral("Parties: Russia, Ukraine")))
        << description.toStdString();

    const QRect rect = child->rect();
    EXPECT_FALSE(rect.isEmpty());
    EXPECT_TRUE(f.globalRect().contains(rect)) << rect.x() << ',' << rect.y();
    EXPECT_FALSE(child->state().offscreen);
    EXPECT_TRUE(child->state().selectable);

    // The point on its glyph leads back to it.
    QAccessibleInterface *timeline = f.iface();
    const int index = timeline->indexOfChild(child);
    const QPointF glyph = f.view.frame().marks[std::size_t(index)].rect.center();
    const QPoint global = f.view.viewport()->mapToGlobal(glyph.toPoint());
    EXPECT_EQ(timeline->childAt(global.x(), global.y()), child);
    EXPECT_EQ(timeline->childAt(f.globalRect().left() + 1, f.globalRect().top() + 1), nullptr);
}

TEST(TimelineAccessible, ClaimIsNamedBySpeakerAndStatement)
{
    Fixture f;
    const Project &project = f.document.project();
    // The first drawn claim made by an actor about an event.
    const TimelineFrame &frame = f.view.frame();
    int index = -1;
    for (std::size_t i = 0; i < frame.marks.size() && index < 0; ++i) {
        const ItemRef item = LaneCode::item(frame.marks[i].code);
        if (item.kind != ItemKind::Claim)
            continue;
        const Claim &claim = project.claims()[item.index];
        if (claim.claimant.isValid() && !claim.claimant.isParty && claim.about != NoIndex)
            index = int(i);
    }
    ASSERT_GE(index, 0);
    const Claim &claim
        = project.claims()[LaneCode::item(frame.marks[std::size_t(index)].code).index];
    QAccessibleInterface *child = f.iface()->child(index);
    ASSERT_NE(child, nullptr);
    EXPECT_EQ(child->text(QAccessible::Name),
              project.text(project.actors()[claim.claimant.index].name) + QStringLiteral(": ")
                  + project.text(claim.statement));
    const QString description = child->text(QAccessible::Description);
    EXPECT_TRUE(description.startsWith(QStringLiteral("Claim"))) << description.toStdString();
    EXPECT_TRUE(description.contains(claim.madeAt.toDisplayString(f.view.timeZone())))
        << description.toStdString();
    EXPECT_TRUE(description.contains(QStringLiteral("About: ")
                                     + project.text(project.events()[claim.about].title)))
        << description.toStdString();
}

TEST(TimelineAccessible, SelectionShowsInState)
{
    Fixture f;
    const ItemRef drones = f.find("ev-residence-drones");
    const auto children = f.childrenNamed(DronesTitle);
    ASSERT_FALSE(children.empty());
    EXPECT_FALSE(children.front()->state().selected);
    f.selection.select(drones);
    for (QAccessibleInterface *child : f.childrenNamed(DronesTitle)) {
        EXPECT_TRUE(child->state().selected);
        EXPECT_TRUE(child->state().focused);
    }
    QAccessibleInterface *focus = f.iface()->focusChild();
    ASSERT_NE(focus, nullptr);
    EXPECT_EQ(focus->text(QAccessible::Name), DronesTitle);
    // Others are not selected.
    QAccessibleInterface *timeline = f.iface();
    int selected = 0;
    for (int i = 0; i < timeline->childCount(); ++i)
        selected += timeline->child(i)->state().selected ? 1 : 0;
    EXPECT_EQ(selected, 1);
}

TEST(TimelineAccessible, PressActionSelects)
{
    Fixture f;
    const ItemRef drones = f.find("ev-residence-drones");
    f.selection.select(drones);
    QAccessibleInterface *timeline = f.iface();
    QAccessibleInterface *other = nullptr;
    for (int i = 0; i < timeline->childCount() && !other; ++i) {
        if (!timeline->child(i)->text(QAccessible::Name).contains(DronesTitle))
            other = timeline->child(i);
    }
    ASSERT_NE(other, nullptr);
    QAccessibleActionInterface *actions = other->actionInterface();
    ASSERT_NE(actions, nullptr);
    EXPECT_TRUE(actions->actionNames().contains(QAccessibleActionInterface::pressAction()));
    actions->doAction(QAccessibleActionInterface::pressAction());
    EXPECT_EQ(f.selection.items().size(), 1u);
    EXPECT_NE(f.selection.current(), drones);
    // Re-query: pressing may have scrolled the view.
    const auto now = f.childrenNamed(other->text(QAccessible::Name), true);
    ASSERT_FALSE(now.empty());
    EXPECT_TRUE(now.front()->state().selected);
    for (QAccessibleInterface *child : f.childrenNamed(DronesTitle))
        EXPECT_FALSE(child->state().selected);
}

TEST(TimelineAccessible, MarkupInTitleIsExposedLiterally)
{
    Fixture f;
    const ItemRef drones = f.find("ev-residence-drones");
    f.document.setEventTitle(drones.index, QStringLiteral("<b>x</b>"));
    QCoreApplication::processEvents(); // the view rebuilds its lanes on the next turn
    const auto children = f.childrenNamed(QStringLiteral("<b>x</b>"), true);
    EXPECT_EQ(children.size(), 1u);
    EXPECT_TRUE(f.childrenNamed(DronesTitle).empty());
    expectConsistent(f.iface());
}

TEST(TimelineAccessible, ZoomChangesChildrenAndKeepsThemConsistent)
{
    Fixture f;
    QAccessibleInterface *timeline = f.iface();
    const int before = timeline->childCount();
    std::set<QString> namesBefore;
    for (int i = 0; i < before; ++i)
        namesBefore.insert(timeline->child(i)->text(QAccessible::Name));
    for (int step = 0; step < 4; ++step) {
        f.view.zoomIn();
        timeline = f.iface();
        EXPECT_EQ(timeline->childCount(),
                  std::min(int(f.view.frame().marks.size()), TimelineAccessible::MaxChildren));
        expectConsistent(timeline);
        QCoreApplication::processEvents(); // prunes children no longer drawn
        expectConsistent(f.iface());
    }
    std::set<QString> namesAfter;
    for (int i = 0; i < timeline->childCount(); ++i)
        namesAfter.insert(timeline->child(i)->text(QAccessible::Name));
    EXPECT_NE(namesBefore, namesAfter);
    f.view.fitAll();
    f.view.verticalScrollBar()->setValue(f.view.verticalScrollBar()->maximum());
    QCoreApplication::processEvents();
    expectConsistent(f.iface());
}

TEST(TimelineAccessible, ChildrenAreDeletedWithTheView)
{
    Document document;
    Selection selection;
    Filter filter;
    ASSERT_TRUE(document.load(test::samplePath()).empty());
    auto view = std::make_unique<TimelineView>(&document, &selection, &filter);
    view->resize(1280, 800);
    QAccessibleInterface *timeline = QAccessible::queryAccessibleInterface(view.get());
    ASSERT_NE(timeline, nullptr);
    const QAccessible::Id viewId = QAccessible::uniqueId(timeline);
    std::vector<QAccessible::Id> ids;
    for (int i = 0; i < timeline->childCount(); ++i)
        ids.push_back(QAccessible::uniqueId(timeline->child(i)));
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(QAccessible::accessibleInterface(ids.front()), timeline->child(0));

    // A new project drops every child (its indexes mean other items now).
    ASSERT_TRUE(document.load(test::samplePath()).empty());
    for (const QAccessible::Id id : ids)
        EXPECT_EQ(QAccessible::accessibleInterface(id), nullptr);

    ids.clear();
    for (int i = 0; i < timeline->childCount(); ++i)
        ids.push_back(QAccessible::uniqueId(timeline->child(i)));
    view->zoomIn(); // leaves a prune pending for after the view is gone
    view.reset();
    EXPECT_EQ(QAccessible::accessibleInterface(viewId), nullptr);
    for (const QAccessible::Id id : ids)
        EXPECT_EQ(QAccessible::accessibleInterface(id), nullptr);
    QCoreApplication::processEvents(); // the pending prune must not run
    selection.clear(); // nor a selection announcement
}

TEST(TimelineAccessible, AnnouncesTheCurrentItem)
{
    Fixture f;
    f.view.setFocus();
    f.iface();
    EventRecorder recorder;
    if (!QAccessible::isActive())
        GTEST_SKIP() << "QAccessible cannot be activated on this platform";
    f.selection.select(f.find("ev-residence-drones"));
    bool selection = false;
    for (const auto &record : EventRecorder::records)
        selection |= record.type == QAccessible::Selection && record.name == DronesTitle;
    EXPECT_TRUE(selection);

    EventRecorder::records.clear();
    f.view.zoomIn();
    QCoreApplication::processEvents();
    bool reorder = false;
    for (const auto &record : EventRecorder::records)
        reorder |= record.type == QAccessible::ObjectReorder;
    EXPECT_TRUE(reorder);
}

TEST(TimelineAccessible, FactoryOnlyServesTheTimeline)
{
    QWidget widget;
    installTimelineAccessibility();
    installTimelineAccessibility();
    EXPECT_EQ(timelineAccessibleFactory(QStringLiteral("QWidget"), &widget), nullptr);
    EXPECT_EQ(timelineAccessibleFactory(QStringLiteral("claimline::TimelineView"), &widget),
              nullptr);
}
