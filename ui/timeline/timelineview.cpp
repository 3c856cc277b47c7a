#include "timelineview.h"

#include "document.h"
#include "filter.h"
#include "project.h"
#include "selection.h"
#include "timelineaccessible.h"
#include "timelineexport.h"
#include "visibletext.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPointer>
#include <QRubberBand>
#include <QScrollBar>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace claimline {

namespace {

constexpr double WheelZoomBase = 1.0015; // per eighth of a degree: one notch zooms ~20%
constexpr double KeyZoomFactor = 1.5;
constexpr int DragThreshold = 4;

QString partyName(const Project &project, std::uint32_t party)
{
    return party < project.parties().size()
        ? visibleText(project.text(project.parties()[party].name))
        : QStringLiteral("No party");
}

QString speakerName(const Project &project, const Speaker &speaker)
{
    if (!speaker.isValid())
        return {};
    return speaker.isParty ? visibleText(project.text(project.parties()[speaker.index].name))
                           : visibleText(project.text(project.actors()[speaker.index].name));
}

QString sourcesLine(const Project &project, IndexRange range)
{
    const auto citations = project.citations(range);
    if (citations.empty())
        return QStringLiteral("Sources: none");
    QStringList names;
    for (const Citation &citation : citations.first(std::min<std::size_t>(citations.size(), 3))) {
        const Source &source = project.sources()[citation.source];
        QString name = visibleText(project.text(source.outlet));
        if (name.isEmpty())
            name = visibleText(project.text(source.title));
        if (source.reliability)
            name += QStringLiteral(" (") + QLatin1Char(source.reliability) + QLatin1Char(')');
        names << name;
    }
    QString line = QStringLiteral("Sources: ") + names.join(QStringLiteral("; "));
    if (citations.size() > 3)
        line += QStringLiteral(" and %1 more").arg(citations.size() - 3);
    return line;
}

QString statusName(Status status)
{
    return QString::fromLatin1(nameOf(status).data(), qsizetype(nameOf(status).size()));
}

} // namespace

TimelineView::TimelineView(Document *document, Selection *selection, Filter *filter,
                           QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_document(document)
    , m_selection(selection)
    , m_filter(filter)
    , m_rebuildTimer(new QTimer(this))
{
    installTimelineAccessibility();
    setObjectName(QStringLiteral("timelineView"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 160);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &TimelineView::rebuildLanes);

    connect(m_document, &Document::reset, this, &TimelineView::documentReset);
    connect(m_document, &Document::eventChanged, this, &TimelineView::scheduleRebuild);
    connect(m_document, &Document::claimChanged, this, &TimelineView::scheduleRebuild);
    connect(m_document, &Document::relationsChanged, this, &TimelineView::scheduleRebuild);
    connect(m_document, &Document::structureChanged, this, &TimelineView::structureChanged);
    // Names and colours of lanes, and the claimant names on claim labels.
    connect(m_document, &Document::partyChanged, this, [this] {
        m_renderer.setMetrics(TimelineRenderer::metricsFor(font(), m_document->project()));
        scheduleRebuild();
    });
    connect(m_document, &Document::actorChanged, this, &TimelineView::scheduleRebuild);
    connect(m_filter, &Filter::changed, this, &TimelineView::scheduleRebuild);
    connect(m_selection, &Selection::changed, this, &TimelineView::selectionChanged);
    createActions();

    // The new time while an item is dragged: a boxed label in the palette's text colours, so
    // it reads over the axis and the lanes in light and dark mode alike.
    m_readout = new QLabel(viewport());
    m_readout->setObjectName(QStringLiteral("timelineMoveReadout"));
    m_readout->setTextFormat(Qt::PlainText);
    m_readout->setBackgroundRole(QPalette::Base);
    m_readout->setAutoFillBackground(true);
    m_readout->setFrameStyle(QFrame::Box | QFrame::Plain);
    m_readout->setMargin(3);
    m_readout->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_readout->hide();
    m_askRelationKind = [this](const QPoint &globalPos) {
        return execRelationKindMenu(this, globalPos, m_linkTitle);
    };

    documentReset();
}

TimelineView::~TimelineView() = default;

void TimelineView::createActions()
{
    const auto add = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_actions << action;
        return action;
    };
    add(tr("Zoom &In"), QKeySequence(Qt::Key_Plus), &TimelineView::zoomIn);
    add(tr("Zoom &Out"), QKeySequence(Qt::Key_Minus), &TimelineView::zoomOut);
    add(tr("&Fit All"), QKeySequence(Qt::Key_0), &TimelineView::fitAll);
    add(tr("Zoom to &Selection"), QKeySequence(Qt::Key_Z), &TimelineView::zoomToSelection);
    add(tr("&Previous Item"), QKeySequence(Qt::Key_Left), [this] { selectNeighbour(-1); });
    add(tr("&Next Item"), QKeySequence(Qt::Key_Right), [this] { selectNeighbour(1); });
    add(tr("F&irst Item"), QKeySequence(Qt::Key_Home), &TimelineView::selectFirst);
    add(tr("&Last Item"), QKeySequence(Qt::Key_End), &TimelineView::selectLast);
}

// --- state --------------------------------------------------------------------------------

TimelineRenderer::Input TimelineView::input(const QSizeF &size, const QPalette &palette) const
{
    TimelineRenderer::Input in;
    in.project = &m_document->project();
    in.lanes = &m_lanes;
    in.scale = m_scale;
    in.scale.setWidth(size.width() - m_renderer.metrics().labelWidth);
    in.order = m_order;
    in.collapsed = m_collapsed;
    in.options = m_options;
    in.selected = m_selected;
    in.linked = m_linked;
    in.hover = m_hover;
    in.palette = palette;
    in.font = font();
    in.size = size;
    in.scrollY = verticalScrollBar()->value();
    return in;
}

void TimelineView::ensureLayout() const
{
    if (!m_layoutDirty)
        return;
    m_layoutDirty = false;
    m_renderer.layout(input(viewport()->size(), viewport()->palette()));
    const_cast<TimelineView *>(this)->updateScrollBar();
}

void TimelineView::invalidateLayout()
{
    m_layoutDirty = true;
    viewport()->update();
}

const TimelineFrame &TimelineView::frame() const
{
    ensureLayout();
    return m_renderer.frame();
}

const TimelineRenderer &TimelineView::renderer() const
{
    ensureLayout();
    return m_renderer;
}

void TimelineView::updateScrollBar()
{
    const TimelineFrame &f = m_renderer.frame();
    const int maximum = std::max(0, int(std::ceil(f.contentHeight - f.plot.height())));
    QScrollBar *bar = verticalScrollBar();
    bar->setPageStep(int(f.plot.height()));
    bar->setSingleStep(int(m_renderer.metrics().rowHeight));
    if (bar->maximum() != maximum) {
        const QSignalBlocker blocker(bar);
        bar->setRange(0, maximum);
    }
}

void TimelineView::scheduleRebuild()
{
    m_rebuildTimer->start();
}

void TimelineView::rebuildLanes()
{
    m_rebuildTimer->stop();
    const Project &project = m_document->project();
    m_lanes.rebuild(project, m_filter, m_dimFiltered);
    const std::size_t count = m_lanes.lanes().size();
    // Keep the user's order for lanes that still exist; new lanes go at the end.
    std::vector<std::size_t> order;
    for (const std::size_t lane : m_order) {
        if (lane < count)
            order.push_back(lane);
    }
    for (std::size_t lane = 0; lane < count; ++lane) {
        if (std::find(order.begin(), order.end(), lane) == order.end())
            order.push_back(lane);
    }
    m_order = std::move(order);
    m_collapsed.resize(count, 0);
    spdlog::debug("timeline: {} items on {} lanes", m_lanes.itemCount(), count);
    selectionChanged();
    invalidateLayout();
    Q_EMIT lanesRebuilt();
}

void TimelineView::structureChanged(const StructureChange &change)
{
    m_hover = NoIndex;
    if (change.touches(ItemKind::Party)) {
        // Lanes are parties: keep the user's order and collapsed lanes by party, then
        // rebuild now so that nothing paints with lanes of parties that are gone.
        std::vector<std::uint32_t> order;
        std::vector<std::uint32_t> collapsed;
        const auto &lanes = m_lanes.lanes();
        for (const std::size_t lane : m_order) {
            if (lane < lanes.size())
                order.push_back(lanes[lane].party);
        }
        for (std::size_t lane = 0; lane < m_collapsed.size() && lane < lanes.size(); ++lane) {
            if (m_collapsed[lane])
                collapsed.push_back(lanes[lane].party);
        }
        change.remap(ItemKind::Party, order);
        change.remap(ItemKind::Party, collapsed);
        m_renderer.setMetrics(TimelineRenderer::metricsFor(font(), m_document->project()));
        rebuildLanes();
        std::vector<std::size_t> laneOrder;
        for (const std::uint32_t party : order)
            laneOrder.push_back(m_lanes.laneOfParty(party));
        for (std::size_t lane = 0; lane < m_lanes.lanes().size(); ++lane) {
            if (std::find(laneOrder.begin(), laneOrder.end(), lane) == laneOrder.end())
                laneOrder.push_back(lane);
        }
        m_order = std::move(laneOrder);
        m_collapsed.assign(m_lanes.lanes().size(), 0);
        for (const std::uint32_t party : collapsed)
            m_collapsed[m_lanes.laneOfParty(party)] = 1;
        invalidateLayout();
        return;
    }
    // Items on the lanes are indices: rebuild now, not at the next turn, so that a paint in
    // between never reads an index that is gone.
    rebuildLanes();
}

void TimelineView::documentReset()
{
    m_order.clear();
    m_collapsed.clear();
    m_hover = NoIndex;
    rebuildLanes();
    // The lane of items without a party shows only when it has items.
    const Project &project = m_document->project();
    m_renderer.setMetrics(TimelineRenderer::metricsFor(font(), project));
    m_scale.setWidth(std::max(1.0, viewport()->width() - m_renderer.metrics().labelWidth));
    // Start on the project's first saved view when it has a range, else show everything.
    if (const auto range = defaultTimelineRange(project, m_lanes))
        setVisibleRange(range->first, range->second);
    else
        fitAll();
}

void TimelineView::setVisibleRange(double from, double to)
{
    m_scale.setWidth(std::max(1.0, viewport()->width() - m_renderer.metrics().labelWidth));
    m_scale.setRange(from, to);
    rangeChanged();
}

void TimelineView::rangeChanged()
{
    invalidateLayout();
    Q_EMIT visibleRangeChanged(m_scale.start(), m_scale.end());
}

void TimelineView::zoomAt(double x, double factor)
{
    m_scale.zoomAt(x - m_renderer.metrics().labelWidth, factor);
    rangeChanged();
}

void TimelineView::zoomIn()
{
    m_scale.zoomAt(m_scale.width() / 2, KeyZoomFactor);
    rangeChanged();
}

void TimelineView::zoomOut()
{
    m_scale.zoomAt(m_scale.width() / 2, 1.0 / KeyZoomFactor);
    rangeChanged();
}

void TimelineView::centerOn(double seconds)
{
    m_scale.centerOn(seconds);
    rangeChanged();
}

void TimelineView::fitAll()
{
    std::int64_t from = 0;
    std::int64_t to = 0;
    if (!m_lanes.extent(&from, &to)) {
        const std::int64_t now = QDateTime::currentSecsSinceEpoch();
        from = now - 7 * 86400;
        to = now + 86400;
    }
    const double margin = std::max(3600.0, double(to - from) * 0.03);
    setVisibleRange(double(from) - margin, double(to) + margin);
}

void TimelineView::zoomToSelection()
{
    const Project &project = m_document->project();
    double from = std::numeric_limits<double>::max();
    double to = std::numeric_limits<double>::lowest();
    for (const ItemRef &item : m_selection->items()) {
        const FuzzyTime *time = nullptr;
        if (item.kind == ItemKind::Event && item.index < project.events().size())
            time = &project.events()[item.index].when;
        else if (item.kind == ItemKind::Claim && item.index < project.claims().size())
            time = &project.claims()[item.index].madeAt;
        if (!time || time->isNull())
            continue;
        if (!time->isOpenStart())
            from = std::min(from, double(time->start()));
        if (!time->isOpenEnd())
            to = std::max(to, double(time->end()));
    }
    if (from > to)
        return;
    const double margin = std::max(1800.0, (to - from) * 0.15);
    setVisibleRange(from - margin, to + margin);
}

void TimelineView::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_options.zone)
        return;
    m_options.zone = zone;
    invalidateLayout();
}

void TimelineView::setShadeOffHours(bool on)
{
    m_options.shadeOffHours = on;
    invalidateLayout();
}

void TimelineView::setShowRelations(bool on)
{
    m_options.showRelations = on;
    m_options.showLeaders = on;
    invalidateLayout();
}

void TimelineView::setDimFiltered(bool on)
{
    if (on == m_dimFiltered)
        return;
    m_dimFiltered = on;
    rebuildLanes();
}

void TimelineView::moveLane(std::size_t lane, std::size_t toPosition)
{
    const auto it = std::find(m_order.begin(), m_order.end(), lane);
    if (it == m_order.end())
        return;
    m_order.erase(it);
    m_order.insert(m_order.begin() + std::ptrdiff_t(std::min(toPosition, m_order.size())), lane);
    invalidateLayout();
}

void TimelineView::setLaneOrder(const std::vector<std::size_t> &order)
{
    const std::size_t count = m_order.size();
    std::vector<char> placed(count, 0);
    std::vector<std::size_t> next;
    next.reserve(count);
    for (const std::vector<std::size_t> *source : {&order, &std::as_const(m_order)}) {
        for (const std::size_t lane : *source) {
            if (lane < count && !placed[lane]) {
                placed[lane] = 1;
                next.push_back(lane);
            }
        }
    }
    if (next == m_order)
        return;
    m_order = std::move(next);
    invalidateLayout();
}

bool TimelineView::isLaneCollapsed(std::size_t lane) const
{
    return lane < m_collapsed.size() && m_collapsed[lane];
}

void TimelineView::setLaneCollapsed(std::size_t lane, bool collapsed)
{
    if (lane >= m_collapsed.size())
        return;
    m_collapsed[lane] = collapsed ? 1 : 0;
    invalidateLayout();
}

// --- selection ----------------------------------------------------------------------------

void TimelineView::selectionChanged()
{
    const Project &project = m_document->project();
    m_selected.clear();
    m_linked.clear();
    for (const ItemRef &item : m_selection->items()) {
        if (item.kind == ItemKind::Claim && item.index < project.claims().size()) {
            m_selected.push_back(LaneCode::make(item, false));
            const Claim &claim = project.claims()[item.index];
            if (claim.about != NoIndex)
                m_linked.push_back(LaneCode::make({ItemKind::Event, claim.about}, false));
            for (const std::uint32_t r : project.relationsAnswering(item.index))
                m_linked.push_back(
                    LaneCode::make({ItemKind::Claim, project.relations()[r].from}, false));
            for (const std::uint32_t r : project.relationsFrom(item.index))
                m_linked.push_back(
                    LaneCode::make({ItemKind::Claim, project.relations()[r].to}, false));
        } else if (item.kind == ItemKind::Event && item.index < project.events().size()) {
            m_selected.push_back(LaneCode::make(item, false));
        }
    }
    // Claims about a selected event: one pass over the claims, only when an event is selected.
    const bool anyEvent = std::any_of(m_selected.begin(), m_selected.end(),
                                      [](std::uint32_t code) { return !LaneCode::isClaim(code); });
    if (anyEvent) {
        std::vector<std::uint32_t> events;
        for (const std::uint32_t code : m_selected) {
            if (!LaneCode::isClaim(code))
                events.push_back(code & LaneCode::IndexMask);
        }
        std::sort(events.begin(), events.end());
        for (std::uint32_t c = 0; c < project.claims().size(); ++c) {
            const std::uint32_t about = project.claims()[c].about;
            if (about != NoIndex && std::binary_search(events.begin(), events.end(), about))
                m_linked.push_back(LaneCode::make({ItemKind::Claim, c}, false));
        }
    }
    std::sort(m_selected.begin(), m_selected.end());
    std::sort(m_linked.begin(), m_linked.end());
    m_linked.erase(std::unique(m_linked.begin(), m_linked.end()), m_linked.end());
    if (m_selection->current().isValid())
        ensureVisible(m_selection->current());
    viewport()->update();
}

double TimelineView::itemStart(ItemRef item) const
{
    const Project &project = m_document->project();
    const FuzzyTime &time = item.kind == ItemKind::Claim ? project.claims()[item.index].madeAt
                                                         : project.events()[item.index].when;
    return double(time.isOpenStart() ? time.end() : time.midpoint());
}

void TimelineView::ensureVisible(ItemRef item)
{
    const Project &project = m_document->project();
    if ((item.kind != ItemKind::Event || item.index >= project.events().size())
        && (item.kind != ItemKind::Claim || item.index >= project.claims().size()))
        return;
    const double t = itemStart(item);
    if (t < m_scale.start() || t > m_scale.end())
        centerOn(t);
    // Scroll the lanes so that the item's first lane is in view.
    ensureLayout();
    std::vector<std::size_t> lanes;
    m_lanes.lanesOf(project, item, lanes);
    const TimelineFrame &f = m_renderer.frame();
    for (const auto &box : f.lanes) {
        if (lanes.empty() || box.lane != lanes.front())
            continue;
        QScrollBar *bar = verticalScrollBar();
        if (box.top < bar->value())
            bar->setValue(int(box.top));
        else if (box.top + box.height > bar->value() + f.plot.height())
            bar->setValue(int(box.top + box.height - f.plot.height()));
        break;
    }
}

void TimelineView::selectNeighbour(int direction)
{
    const Project &project = m_document->project();
    const ItemRef current = m_selection->current();
    TimeKey from;
    if (current.isValid()
        && ((current.kind == ItemKind::Event && current.index < project.events().size())
            || (current.kind == ItemKind::Claim && current.index < project.claims().size()))) {
        const FuzzyTime &t = current.kind == ItemKind::Claim
            ? project.claims()[current.index].madeAt
            : project.events()[current.index].when;
        from = {t.start(), current.kind == ItemKind::Claim ? 1 : 0, current.index};
    } else {
        // Nothing selected: start from the edge of the window.
        from = direction > 0 ? TimeKey {std::int64_t(m_scale.start()) - 1, 2, 0}
                             : TimeKey {std::int64_t(m_scale.end()) + 1, -1, 0};
    }
    selectAfter(from, direction);
}

void TimelineView::selectAfter(const TimeKey &from, int direction)
{
    const Project &project = m_document->project();
    const auto shown = [&](int kind, std::uint32_t index) {
        if (kind == 0) {
            if (!m_filter->acceptsEvent(project, index))
                return false;
        } else if (!m_filter->acceptsClaim(project, index)) {
            return false;
        }
        return true;
    };
    std::optional<TimeKey> best;
    const auto scan = [&](const IntervalIndex &index, int kind) {
        const auto starts = index.starts();
        const auto ids = index.idsByStart();
        if (direction > 0) {
            std::size_t i = std::size_t(std::lower_bound(starts.begin(), starts.end(), from.start)
                                        - starts.begin());
            for (; i < starts.size(); ++i) {
                if (best && starts[i] > best->start)
                    break;
                const TimeKey key {starts[i], kind, ids[i]};
                if (key > from && (!best || key < *best) && shown(kind, ids[i]))
                    best = key;
            }
        } else {
            std::size_t i = std::size_t(std::upper_bound(starts.begin(), starts.end(), from.start)
                                        - starts.begin());
            while (i-- > 0) {
                if (best && starts[i] < best->start)
                    break;
                const TimeKey key {starts[i], kind, ids[i]};
                if (key < from && (!best || key > *best) && shown(kind, ids[i]))
                    best = key;
            }
        }
    };
    scan(project.eventTimeIndex(), 0);
    scan(project.claimTimeIndex(), 1);
    if (best)
        m_selection->select({best->kind == 1 ? ItemKind::Claim : ItemKind::Event, best->index});
}

void TimelineView::selectFirst()
{
    selectAfter({std::numeric_limits<std::int64_t>::min(), -1, 0}, 1);
}

void TimelineView::selectLast()
{
    selectAfter({std::numeric_limits<std::int64_t>::max(), 2, 0}, -1);
}

// --- hit testing --------------------------------------------------------------------------

int TimelineView::laneBoxAt(double y) const
{
    const TimelineFrame &f = frame();
    const double contentY = y - f.plot.top() + f.scrollY;
    for (std::size_t i = 0; i < f.lanes.size(); ++i) {
        if (contentY >= f.lanes[i].top && contentY < f.lanes[i].top + f.lanes[i].height)
            return int(i);
    }
    return -1;
}

ItemRef TimelineView::itemAt(const QPoint &pos) const
{
    const TimelineFrame &f = frame();
    if (!f.plot.contains(pos))
        return {};
    // Topmost first: marks are painted in order, so search backwards; then labels.
    for (auto it = f.marks.rbegin(); it != f.marks.rend(); ++it) {
        if (it->rect.adjusted(-3, -3, 3, 3).contains(pos)
            || it->strip.adjusted(0, -2, 0, 2).contains(pos))
            return LaneCode::item(it->code);
    }
    for (auto it = f.marks.rbegin(); it != f.marks.rend(); ++it) {
        if (it->label.contains(pos))
            return LaneCode::item(it->code);
    }
    return {};
}

QString TimelineView::toolTipTextAt(const QPoint &pos) const
{
    const TimelineFrame &f = frame();
    const Project &project = m_document->project();
    const QTimeZone &zone = m_options.zone;
    if (pos.x() < f.plot.left() && pos.y() > f.plot.top()) {
        const int box = laneBoxAt(pos.y());
        if (box < 0)
            return {};
        const auto &lane = m_lanes.lanes()[f.lanes[std::size_t(box)].lane];
        return tr("%1\n%2 items on this lane. Click the triangle to collapse; drag to reorder; "
                  "right-click for more.")
            .arg(partyName(project, lane.party))
            .arg(lane.size);
    }
    const ItemRef item = itemAt(pos);
    if (item.kind == ItemKind::Event && item.isValid()) {
        const Event &event = project.events()[item.index];
        QStringList parties;
        for (const std::uint32_t p : project.indices(event.parties))
            parties << partyName(project, p);
        QStringList lines;
        lines << visibleText(project.text(event.title));
        lines << event.when.toDisplayString(zone);
        if (!parties.isEmpty())
            lines << tr("Parties: %1").arg(parties.join(QStringLiteral(", ")));
        lines << tr("Status: %1").arg(statusName(event.status));
        lines << sourcesLine(project, event.sources);
        return lines.join(QLatin1Char('\n'));
    }
    if (item.kind == ItemKind::Claim && item.isValid()) {
        const Claim &claim = project.claims()[item.index];
        QStringList lines;
        QString who = speakerName(project, claim.claimant);
        const std::uint32_t party = project.partyOfClaim(item.index);
        if (!claim.claimant.isParty && party != NoIndex)
            who += QStringLiteral(" (") + partyName(project, party) + QLatin1Char(')');
        lines << who + QStringLiteral(": ") + visibleText(project.text(claim.statement));
        lines << tr("Said: %1").arg(claim.madeAt.toDisplayString(zone));
        if (claim.about != NoIndex)
            lines << tr("About: %1")
                         .arg(visibleText(project.text(project.events()[claim.about].title)));
        lines << tr("Status: %1").arg(statusName(claim.status));
        lines << sourcesLine(project, claim.sources);
        const auto answers = project.answers(item.index);
        if (!answers.empty())
            lines << tr("Answered by %n claim(s)", nullptr, int(answers.size()));
        return lines.join(QLatin1Char('\n'));
    }
    // An arrow: who answered whom, and how long it took.
    QPainterPathStroker stroker;
    stroker.setWidth(7);
    for (const TimelineFrame::Arrow &arrow : f.arrows) {
        if (!stroker.createStroke(arrow.path).contains(pos))
            continue;
        const Relation &relation = project.relations()[arrow.relation];
        const Claim &answer = project.claims()[relation.from];
        const Claim &original = project.claims()[relation.to];
        return tr("%1 %2 %3: \"%4\"\nResponse lag: %5")
            .arg(speakerName(project, answer.claimant),
                 QString::fromLatin1(nameOf(relation.kind).data(),
                                     qsizetype(nameOf(relation.kind).size())),
                 speakerName(project, original.claimant),
                 visibleText(project.text(original.statement)),
                 formatLag(responseLag(answer.madeAt, original.madeAt)));
    }
    // A "+N" badge: items without room at this zoom.
    const QFontMetricsF fm(font());
    for (const TimelineFrame::Badge &badge : f.badges) {
        if (f.badgeRect(badge, fm).contains(pos))
            return tr("%n more item(s) here without room at this zoom.\nDouble-click or zoom in to "
                      "see them.",
                      nullptr, int(badge.count));
    }
    // A density band: how many items there, and over what time.
    const int box = laneBoxAt(pos.y());
    if (box >= 0 && f.lanes[std::size_t(box)].density && f.plot.contains(pos)) {
        const auto &laneBox = f.lanes[std::size_t(box)];
        const std::size_t column
            = std::size_t((pos.x() - f.plot.left()) / m_renderer.metrics().columnWidth);
        if (column < f.columnCount) {
            // Sum a few columns around the cursor: single columns are 2 px wide.
            const std::size_t lo = column >= 3 ? column - 3 : 0;
            const std::size_t hi = std::min(f.columnCount, column + 4);
            std::uint64_t count = 0;
            for (std::size_t c = lo; c < hi; ++c)
                count += f.columns[laneBox.columnOffset + c];
            const double width = m_renderer.metrics().columnWidth * m_scale.secondsPerPixel();
            const double t0 = m_scale.start() + double(lo) * width;
            const double t1 = m_scale.start() + double(hi) * width;
            return tr("%1: %2 items from %3 to %4\nDouble-click or zoom in to see them.")
                .arg(partyName(project, m_lanes.lanes()[laneBox.lane].party))
                .arg(count)
                .arg(formatInstant(std::int64_t(t0), zone, m_scale.secondsPerPixel()),
                     formatInstant(std::int64_t(t1), zone, m_scale.secondsPerPixel()));
        }
    }
    return {};
}

// --- painting and export ------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent *)
{
    ensureLayout();
    QPainter painter(viewport());
    const TimelineRenderer::Input in = input(viewport()->size(), viewport()->palette());
    m_renderer.paint(painter, in);
    if (m_drag == Drag::Move && m_movedTime) {
        if (const FuzzyTime *time = timeOfItem(m_pressItem)) {
            const double dx
                = double(m_movedTime->midpoint() - time->midpoint()) / m_scale.secondsPerPixel();
            m_renderer.paintMoveGhost(painter, in, LaneCode::make(m_pressItem, false), dx);
        }
    } else if (m_drag == Drag::Link) {
        const TimelineFrame &f = m_renderer.frame();
        if (const TimelineFrame::Mark *from = f.markOf(LaneCode::make(m_pressItem, false))) {
            const ItemRef target = itemAt(m_lastPos);
            const bool linkable = target.kind == ItemKind::Claim && target != m_pressItem;
            m_renderer.paintLinkBand(painter, in, from->anchor, QPointF(m_lastPos),
                                     linkable ? LaneCode::make(target, false) : NoIndex);
        }
    }
}

QImage TimelineView::renderImage(const QSize &size, const QPalette &palette,
                                 qreal devicePixelRatio) const
{
    return pictureImage(picture(m_scale.start(), m_scale.end(), size, palette), devicePixelRatio);
}

Picture TimelineView::picture(double from, double to, const QSize &size, const QPalette &palette,
                              bool caption) const
{
    TimelineImageRequest request;
    request.from = from;
    request.to = to;
    request.width = size.width();
    request.height = size.height();
    request.options = m_options;
    request.order = m_order;
    request.collapsed = m_collapsed;
    request.caption = caption;
    return timelinePicture(m_document->project(), m_lanes, request, font(), palette);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    // Keep the window in time: a wider window shows the same range in more detail.
    const double start = m_scale.start();
    const double end = m_scale.end();
    m_scale.setWidth(std::max(1.0, viewport()->width() - m_renderer.metrics().labelWidth));
    m_scale.setRange(start, end);
    rangeChanged();
}

void TimelineView::scrollContentsBy(int, int)
{
    invalidateLayout();
}

void TimelineView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_renderer.setMetrics(TimelineRenderer::metricsFor(font(), m_document->project()));
        invalidateLayout();
    } else if (event->type() == QEvent::PaletteChange) {
        invalidateLayout();
    }
}

// --- input --------------------------------------------------------------------------------

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const QPointF pos = event->position();
    if (event->modifiers() & Qt::AltModifier || pos.x() < m_renderer.metrics().labelWidth) {
        // Alt flips the wheel's axis on some platforms: use whichever delta is set.
        const int dy = delta.y() != 0 ? delta.y() : delta.x();
        verticalScrollBar()->setValue(verticalScrollBar()->value() - dy / 2);
    } else if (event->modifiers() & Qt::ShiftModifier
               || std::abs(delta.x()) > std::abs(delta.y())) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        m_scale.panBy(-double(d) / 2);
        rangeChanged();
    } else if (delta.y() != 0) {
        zoomAt(pos.x(), std::pow(WheelZoomBase, double(delta.y())));
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_pressPos = event->position().toPoint();
    m_lastPos = m_pressPos;
    m_pressModifiers = event->modifiers();
    m_pressItem = {};
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const TimelineFrame &f = frame();
    if (m_pressPos.x() < f.plot.left() && m_pressPos.y() > f.plot.top()) {
        m_dragLaneBox = laneBoxAt(m_pressPos.y());
        if (m_dragLaneBox >= 0 && m_pressPos.x() < 30) {
            const std::size_t lane = f.lanes[std::size_t(m_dragLaneBox)].lane;
            setLaneCollapsed(lane, !isLaneCollapsed(lane));
            m_dragLaneBox = -1;
            m_drag = Drag::None;
            return;
        }
        m_drag = m_dragLaneBox >= 0 ? Drag::Lane : Drag::None;
        return;
    }
    m_pressItem = itemAt(m_pressPos);
    if (m_pressItem.isValid()) {
        if ((event->modifiers() & Qt::AltModifier) && m_pressItem.kind == ItemKind::Claim) {
            // Linking leaves the selection alone: the user may be looking at its answers.
            m_drag = Drag::PendingLink;
            return;
        }
        if (event->modifiers() & Qt::ControlModifier) {
            m_selection->toggle(m_pressItem);
            m_drag = Drag::None;
            return;
        }
        m_selection->select(m_pressItem);
        // Open-ended and unknown times have no place to move from: dragging them pans.
        const FuzzyTime *time = timeOfItem(m_pressItem);
        m_drag = time && time->shifted(0) ? Drag::PendingMove : Drag::Pending;
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Band;
        if (!m_rubberBand)
            m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
        m_rubberBand->setGeometry(QRect(m_pressPos, QSize()));
        m_rubberBand->show();
        return;
    }
    m_drag = Drag::Pending; // a click clears the selection; a drag pans
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const TimelineFrame &f = frame();
    switch (m_drag) {
    case Drag::Pending:
        if ((pos - m_pressPos).manhattanLength() < DragThreshold)
            break;
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Drag::Pan:
        m_scale.panBy(double(m_lastPos.x() - pos.x()));
        if (pos.y() != m_lastPos.y())
            verticalScrollBar()->setValue(verticalScrollBar()->value() - (pos.y() - m_lastPos.y()));
        rangeChanged();
        break;
    case Drag::Band:
        m_rubberBand->setGeometry(QRect(m_pressPos, pos).normalized());
        break;
    case Drag::Lane:
        viewport()->setCursor(Qt::SizeVerCursor);
        break;
    case Drag::PendingMove:
        if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            break;
        m_drag = Drag::Move;
        viewport()->setCursor(Qt::SizeHorCursor);
        [[fallthrough]];
    case Drag::Move:
        updateMove(pos, event->modifiers());
        break;
    case Drag::PendingLink:
        if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            break;
        m_drag = Drag::Link;
        viewport()->setCursor(Qt::CrossCursor);
        [[fallthrough]];
    case Drag::Link:
        viewport()->update();
        break;
    case Drag::Cancelled:
        break;
    case Drag::None: {
        const ItemRef item = itemAt(pos);
        const std::uint32_t hover = item.isValid() ? LaneCode::make(item, false) : NoIndex;
        if (hover != m_hover) {
            m_hover = hover;
            viewport()->update();
        }
        viewport()->setCursor(item.isValid() ? Qt::PointingHandCursor : Qt::ArrowCursor);
        break;
    }
    }
    m_lastPos = pos;
    if (f.plot.contains(pos) || pos.y() < f.plot.top()) {
        Q_EMIT cursorTimeChanged(formatInstant(std::int64_t(m_scale.time(pos.x() - f.plot.left())),
                                               m_options.zone, m_scale.secondsPerPixel()));
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    switch (m_drag) {
    case Drag::Pending:
        // A press on an item that cannot move selected it; only empty space clears.
        if (!m_pressItem.isValid() && !(m_pressModifiers & Qt::ControlModifier))
            m_selection->clear();
        break;
    case Drag::PendingLink: // an Alt+click: a click
        m_selection->select(m_pressItem);
        break;
    case Drag::Move:
        // What is shown is what is committed: the modifiers of the last move decided the
        // snap, even if Shift was let go just before the button.
        if (pos != m_lastPos)
            updateMove(pos, event->modifiers());
        commitMove();
        break;
    case Drag::Link:
        m_lastPos = pos;
        finishLink(pos);
        break;
    case Drag::PendingMove:
    case Drag::Cancelled:
        break;
    case Drag::Band:
        m_rubberBand->hide();
        selectInBand(QRect(m_pressPos, pos).normalized(), m_pressModifiers & Qt::ControlModifier);
        break;
    case Drag::Lane: {
        const int target = laneBoxAt(pos.y());
        const TimelineFrame &f = frame();
        if (m_dragLaneBox >= 0 && target >= 0 && target != m_dragLaneBox) {
            const std::size_t lane = f.lanes[std::size_t(m_dragLaneBox)].lane;
            const std::size_t targetLane = f.lanes[std::size_t(target)].lane;
            const auto position = std::size_t(std::find(m_order.begin(), m_order.end(), targetLane)
                                              - m_order.begin());
            moveLane(lane, position);
        }
        break;
    }
    case Drag::Pan:
    case Drag::None:
        break;
    }
    m_drag = Drag::None;
    m_dragLaneBox = -1;
    m_movedTime.reset();
    m_readout->hide();
    viewport()->unsetCursor();
    viewport()->update();
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const TimelineFrame &f = frame();
    const int box = laneBoxAt(pos.y());
    if (f.plot.contains(pos) && box >= 0 && f.lanes[std::size_t(box)].density) {
        zoomAt(pos.x(), 4.0); // into a crowded band
        return;
    }
    const QFontMetricsF fm(font());
    for (const TimelineFrame::Badge &badge : f.badges) {
        if (f.badgeRect(badge, fm).contains(pos)) {
            zoomAt(badge.x, 4.0);
            return;
        }
    }
    if (const ItemRef item = itemAt(pos); item.isValid()) {
        m_selection->select(item);
        zoomToSelection();
        return;
    }
    if (event->button() == Qt::LeftButton && f.plot.contains(pos) && box >= 0) {
        addEventAt(pos, box);
        return;
    }
    QAbstractScrollArea::mouseDoubleClickEvent(event);
}

// --- editing ------------------------------------------------------------------------------

const FuzzyTime *TimelineView::timeOfItem(ItemRef item) const
{
    const Project &project = m_document->project();
    if (item.kind == ItemKind::Event && item.index < project.events().size())
        return &project.events()[item.index].when;
    if (item.kind == ItemKind::Claim && item.index < project.claims().size())
        return &project.claims()[item.index].madeAt;
    return nullptr;
}

std::int64_t TimelineView::tickStep() const
{
    return axisTicks(m_scale, m_options.zone, m_renderer.metrics().tickSpacing).minorStep;
}

ItemRef TimelineView::movingItem() const
{
    return m_drag == Drag::Move ? m_pressItem : ItemRef {};
}

std::optional<FuzzyTime> TimelineView::movedTime() const
{
    return m_drag == Drag::Move ? m_movedTime : std::nullopt;
}

void TimelineView::updateMove(const QPoint &pos, Qt::KeyboardModifiers modifiers)
{
    const FuzzyTime *time = timeOfItem(m_pressItem);
    if (!time) {
        cancelDrag();
        return;
    }
    // The shift snaps to whole ticks of the axis, so that what the user lines the mark up with
    // is what it lands on; Shift frees it (the item's own precision still rounds it).
    const double seconds = double(pos.x() - m_pressPos.x()) * m_scale.secondsPerPixel();
    if (modifiers & Qt::ShiftModifier) {
        m_moveDelta = std::llround(seconds);
    } else {
        const std::int64_t step = std::max<std::int64_t>(1, tickStep());
        m_moveDelta = std::llround(seconds / double(step)) * step;
    }
    m_movedTime = time->shifted(m_moveDelta);
    if (!m_movedTime) {
        m_readout->hide();
        viewport()->update();
        return;
    }
    m_readout->setText(m_movedTime->toDisplayString(m_options.zone));
    m_readout->adjustSize();
    // Above the moved mark, kept inside the view.
    const TimelineFrame &f = frame();
    QPointF at(pos.x() + 12, pos.y() - m_readout->height() - 10);
    if (const TimelineFrame::Mark *mark = f.markOf(LaneCode::make(m_pressItem, false))) {
        const double dx
            = double(m_movedTime->midpoint() - time->midpoint()) / m_scale.secondsPerPixel();
        const QRectF ghost = mark->rect.translated(dx, 0);
        at = QPointF(ghost.center().x() - m_readout->width() / 2.0,
                     ghost.top() - m_readout->height() - 6);
    }
    const int x = std::clamp(
        int(at.x()), int(f.plot.left()) + 2,
        std::max(int(f.plot.left()) + 2, viewport()->width() - m_readout->width() - 2));
    const int y
        = std::clamp(int(at.y()), 2, std::max(2, viewport()->height() - m_readout->height() - 2));
    m_readout->move(x, y);
    m_readout->show();
    m_readout->raise();
    viewport()->update();
}

void TimelineView::commitMove()
{
    const ItemRef item = m_pressItem;
    const FuzzyTime *time = timeOfItem(item);
    if (!time || !m_movedTime || *m_movedTime == *time)
        return;
    const FuzzyTime moved = *m_movedTime;
    const QString text
        = tr("Move %1 to %2")
              .arg(m_document->quotedName(item), moved.toDisplayString(m_options.zone));
    const Project &project = m_document->project();
    if (item.kind == ItemKind::Event) {
        Event after = project.events()[item.index];
        after.when = moved;
        m_document->editEvent(item.index, after, text, Document::Field::None);
        spdlog::info("timeline: moved an event in time");
    } else {
        Claim after = project.claims()[item.index];
        after.madeAt = moved;
        m_document->editClaim(item.index, after, text, Document::Field::None);
        spdlog::info("timeline: moved a claim in time");
    }
}

void TimelineView::cancelDrag()
{
    m_drag = Drag::Cancelled; // until the button is released
    m_movedTime.reset();
    m_readout->hide();
    viewport()->unsetCursor();
    viewport()->update();
}

void TimelineView::finishLink(const QPoint &pos)
{
    const ItemRef from = m_pressItem;
    const ItemRef to = itemAt(pos);
    if (from.kind != ItemKind::Claim || to.kind != ItemKind::Claim || !to.isValid() || to == from)
        return;
    m_linkTitle = tr("How does %1 answer %2?")
                      .arg(m_document->quotedName(from), m_document->quotedName(to));
    // The question may run an event loop (a menu): the view may be gone when it returns.
    const QPointer<TimelineView> alive(this);
    const std::optional<RelationKind> kind
        = m_askRelationKind ? m_askRelationKind(viewport()->mapToGlobal(pos)) : std::nullopt;
    if (!alive || !kind)
        return;
    const Project &project = m_document->project();
    if (from.index < project.claims().size() && to.index < project.claims().size())
        m_document->linkClaims(from.index, to.index, *kind);
}

void TimelineView::addEventAt(const QPoint &pos, int laneBox)
{
    const TimelineFrame &f = frame();
    const std::uint32_t party = m_lanes.lanes()[f.lanes[std::size_t(laneBox)].lane].party;
    const double t = m_scale.time(pos.x() - f.plot.left());
    const AxisTicks ticks = axisTicks(m_scale, m_options.zone, m_renderer.metrics().tickSpacing);
    FuzzyTime when;
    if (ticks.subDay) {
        // Hours and minutes: the nearest tick, to the minute.
        std::int64_t snapped = std::llround(t);
        double distance = std::numeric_limits<double>::max();
        for (const AxisTick &tick : ticks.minor) {
            if (std::abs(double(tick.time) - t) < distance) {
                distance = std::abs(double(tick.time) - t);
                snapped = tick.time;
            }
        }
        when = FuzzyTime::fromInstant(snapped, Precision::Minute);
    } else {
        // Days or coarser: the calendar day under the cursor in the display zone (a calendar
        // day is the same date in every zone, see fuzzytime.h). Rounding to a week or month
        // tick would put the event far from where the user clicked.
        const QDate date
            = QDateTime::fromSecsSinceEpoch(std::int64_t(std::floor(t)), m_options.zone).date();
        when = FuzzyTime::fromDate(date.year(), date.month(), date.day());
    }
    if (when.isNull())
        return;
    // Text and index pools are append-only: adding to them changes nothing anyone reads.
    Project &project = m_document->mutableProject();
    const QString title = tr("New event");
    Event event;
    event.id = project.addText(m_document->uniqueId(ItemKind::Event, title));
    event.title = project.addText(title);
    event.when = when;
    if (party != NoIndex) {
        const std::array<std::uint32_t, 1> parties {party};
        event.parties = project.addIndices(parties);
    }
    event.status = Status::Unverified;
    const std::uint32_t index = m_document->addEvent(event);
    if (index == NoIndex)
        return;
    spdlog::info("timeline: added an event by double-click");
    m_selection->select({ItemKind::Event, index});
}

void TimelineView::selectInBand(const QRect &band, bool add)
{
    const TimelineFrame &f = frame();
    const QRectF area = QRectF(band).intersected(f.plot);
    if (area.isEmpty())
        return;
    const auto from = std::int64_t(m_scale.time(area.left() - f.plot.left()));
    const auto to = std::int64_t(m_scale.time(area.right() - f.plot.left()));
    std::vector<ItemRef> items = add ? m_selection->items() : std::vector<ItemRef> {};
    for (const auto &box : f.lanes) {
        const double top = f.plot.top() + box.top - f.scrollY;
        if (top + box.height < area.top() || top > area.bottom())
            continue;
        if (!box.density) {
            // Individually drawn: what the band touches on screen.
            for (const TimelineFrame::Mark &mark : f.marks) {
                if (f.lanes[mark.laneBox].lane == box.lane && mark.rect.intersects(area)
                    && !LaneCode::isRejected(mark.code))
                    items.push_back(LaneCode::item(mark.code));
            }
            continue;
        }
        TimelineLanes::forEachOverlapping(m_lanes.lanes()[box.lane], from, to,
                                          [&](std::int64_t, std::int64_t, std::uint32_t code) {
                                              if (!LaneCode::isRejected(code))
                                                  items.push_back(LaneCode::item(code));
                                          });
    }
    m_selection->setItems(std::move(items));
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitAll();
        return;
    case Qt::Key_Left:
        selectNeighbour(-1);
        return;
    case Qt::Key_Right:
        selectNeighbour(1);
        return;
    case Qt::Key_Home:
        selectFirst();
        return;
    case Qt::Key_End:
        selectLast();
        return;
    case Qt::Key_Escape:
        if (m_drag == Drag::PendingMove || m_drag == Drag::Move || m_drag == Drag::PendingLink
            || m_drag == Drag::Link) {
            cancelDrag();
            return;
        }
        m_selection->clear();
        return;
    case Qt::Key_Z:
        zoomToSelection();
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    const TimelineFrame &f = frame();
    QMenu menu(this);
    const int box = laneBoxAt(event->pos().y());
    if (box >= 0 && event->pos().y() > f.plot.top()) {
        const std::size_t lane = f.lanes[std::size_t(box)].lane;
        const std::uint32_t party = m_lanes.lanes()[lane].party;
        menu.addAction(isLaneCollapsed(lane) ? tr("Expand Lane") : tr("Collapse Lane"), this,
                       [this, lane] { setLaneCollapsed(lane, !isLaneCollapsed(lane)); });
        if (party != NoIndex) {
            menu.addAction(tr("Hide %1").arg(partyName(m_document->project(), party)), this,
                           [this, party] { m_filter->setPartyHidden(party, true); });
        }
        const auto position
            = std::size_t(std::find(m_order.begin(), m_order.end(), lane) - m_order.begin());
        QAction *up = menu.addAction(tr("Move Up"), this,
                                     [this, lane, position] { moveLane(lane, position - 1); });
        up->setEnabled(position > 0);
        menu.addAction(tr("Move Down"), this,
                       [this, lane, position] { moveLane(lane, position + 1); });
    }
    if (!m_filter->hiddenParties().empty()) {
        menu.addAction(tr("Show All Lanes"), this, [this] {
            m_filter->beginUpdate();
            const std::set<std::uint32_t> hidden = m_filter->hiddenParties();
            for (const std::uint32_t party : hidden)
                m_filter->setPartyHidden(party, false);
            m_filter->endUpdate();
        });
    }
    menu.addSeparator();
    for (QAction *action : m_actions)
        menu.addAction(action);
    if (!m_editActions.isEmpty()) {
        menu.addSeparator();
        menu.addActions(m_editActions);
    }
    menu.exec(event->globalPos());
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipTextAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // Escaped and wrapped as HTML so that file text is shown literally, never as markup.
            QToolTip::showText(help->globalPos(),
                               Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal), viewport());
        }
        return true;
    }
    if (event->type() == QEvent::Leave) {
        Q_EMIT cursorTimeChanged({});
        if (m_hover != NoIndex) {
            m_hover = NoIndex;
            viewport()->update();
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace claimline
