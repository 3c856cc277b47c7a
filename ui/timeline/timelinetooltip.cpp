#include "timeline/timelinetooltip.h"

#include "document/document.h"
#include "model/project.h"
#include "present/labels.h"
#include "present/timelinelanes.h"
#include "present/timescale.h"
#include "text/visibletext.h"
#include "timeline/timelinelabels.h"
#include "timeline/timelinerenderer.h"
#include "timeline/timelineview.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QPainterPathStroker>
#include <QStringList>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>

namespace claimline {

namespace {

// Escaped and wrapped as HTML so that file text is shown literally, never as markup.
QString toolTipHtml(const QString &text)
{
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

// The analyst's own layer of an item, in words: "★ Starred · 2 annotations"; empty when the
// item has neither.
QString layerLine(bool starred, IndexRange annotations)
{
    QStringList parts;
    if (starred)
        parts << TimelineToolTip::tr("★ Starred");
    if (annotations.count == 1)
        parts << TimelineToolTip::tr("1 annotation");
    else if (annotations.count > 1)
        parts << TimelineToolTip::tr("%1 annotations").arg(annotations.count);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

TimelineToolTip::TimelineToolTip(const TimelineView &view)
    : m_view(view)
    , m_frame(view.frame())
    , m_project(view.document()->project())
{ }

QString TimelineToolTip::textAt(const QPoint &pos) const
{
    if (pos.x() < m_frame.plot.left() && pos.y() > m_frame.plot.top())
        return laneText(pos);
    if (m_frame.periodHeader.contains(pos))
        return periodText(pos);
    const ItemRef item = m_view.itemAt(pos);
    if (item.kind == ItemKind::Event && item.isValid())
        return eventText(item.index);
    if (item.kind == ItemKind::Claim && item.isValid())
        return claimText(item.index);
    if (QString text = arrowText(pos); !text.isEmpty())
        return text;
    if (QString text = clusterText(pos); !text.isEmpty())
        return text;
    return densityText(pos);
}

void TimelineToolTip::show(QHelpEvent *event) const
{
    const QString text = textAt(event->pos());
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return;
    }
    QToolTip::showText(event->globalPos(), toolTipHtml(text), m_view.viewport());
}

void TimelineToolTip::follow(const QPoint &pos) const
{
    if (QToolTip::isVisible() && QToolTip::text() != toolTipHtml(textAt(pos)))
        QToolTip::hideText();
}

// A shortened title is whole here, with the time it covers.
QString TimelineToolTip::periodText(const QPoint &pos) const
{
    for (const TimelineFrame::PeriodBand &band : m_frame.periods) {
        if (!band.header.contains(pos) && !band.title.contains(pos))
            continue;
        const Period &period = m_project.periods()[band.period];
        return tr("Period: %1\n%2")
            .arg(visibleText(m_project.text(period.title)),
                 period.when.toDisplayString(m_view.options().zone));
    }
    return {};
}

QString TimelineToolTip::laneText(const QPoint &pos) const
{
    const int box = m_view.laneBoxAt(pos.y());
    if (box < 0)
        return {};
    const auto &lane = m_view.lanes().lanes()[m_frame.lanes[std::size_t(box)].lane];
    return tr("%1\n%2 items on this lane. Click the triangle to collapse; drag to reorder; "
              "right-click for more.")
        .arg(TimelineLabels::partyName(m_project, lane.party))
        .arg(lane.size);
}

QString TimelineToolTip::eventText(std::uint32_t index) const
{
    const Event &event = m_project.events()[index];
    QStringList parties;
    for (const std::uint32_t p : m_project.indices(event.parties))
        parties << TimelineLabels::partyName(m_project, p);
    QStringList lines;
    lines << visibleText(m_project.text(event.title));
    lines << event.when.toDisplayString(m_view.timeZone());
    if (!parties.isEmpty())
        lines << tr("Parties: %1").arg(parties.join(QStringLiteral(", ")));
    lines << tr("Status: %1").arg(TimelineLabels::statusName(event.status));
    lines << sourcesLine(event.sources);
    if (const QString layer = layerLine(event.starred, event.annotations); !layer.isEmpty())
        lines << layer;
    return lines.join(QLatin1Char('\n'));
}

QString TimelineToolTip::claimText(std::uint32_t index) const
{
    const Claim &claim = m_project.claims()[index];
    QStringList lines;
    QString who = TimelineLabels::speakerName(m_project, claim.claimant);
    const std::uint32_t party = m_project.partyOfClaim(index);
    if (!claim.claimant.isParty && party != NoIndex)
        who += QStringLiteral(" (") + TimelineLabels::partyName(m_project, party)
            + QLatin1Char(')');
    lines << who + QStringLiteral(": ") + visibleText(m_project.text(claim.statement));
    lines << tr("Said: %1").arg(claim.madeAt.toDisplayString(m_view.timeZone()));
    if (claim.about != NoIndex)
        lines << tr("About: %1")
                     .arg(visibleText(m_project.text(m_project.events()[claim.about].title)));
    lines << tr("Status: %1").arg(TimelineLabels::statusName(claim.status));
    lines << sourcesLine(claim.sources);
    const auto answers = m_project.answers(index);
    if (!answers.empty())
        lines << tr("Answered by %n claim(s)", nullptr, int(answers.size()));
    if (const QString layer = layerLine(claim.starred, claim.annotations); !layer.isEmpty())
        lines << layer;
    return lines.join(QLatin1Char('\n'));
}

// An arrow: who answered whom, and how long it took.
QString TimelineToolTip::arrowText(const QPoint &pos) const
{
    QPainterPathStroker stroker;
    stroker.setWidth(7);
    for (const TimelineFrame::Arrow &arrow : m_frame.arrows) {
        if (!stroker.createStroke(arrow.path).contains(pos))
            continue;
        const Relation &relation = m_project.relations()[arrow.relation];
        const Claim &answer = m_project.claims()[relation.from];
        const Claim &original = m_project.claims()[relation.to];
        return tr("%1 %2 %3: \"%4\"\nResponse lag: %5")
            .arg(TimelineLabels::speakerName(m_project, answer.claimant),
                 QString::fromLatin1(nameOf(relation.kind).data(),
                                     qsizetype(nameOf(relation.kind).size())),
                 TimelineLabels::speakerName(m_project, original.claimant),
                 visibleText(m_project.text(original.statement)),
                 formatLag(responseLag(answer.madeAt, original.madeAt)));
    }
    return {};
}

// A "+3 more" chip: the items it holds, in time order.
QString TimelineToolTip::clusterText(const QPoint &pos) const
{
    const int index = m_view.clusterAt(pos);
    if (index < 0)
        return {};
    const TimelineFrame::Cluster &cluster = m_frame.clusters[std::size_t(index)];
    constexpr std::size_t Listed = 12;
    QStringList lines;
    lines << (cluster.count == 1 ? tr("1 item without room at this zoom:")
                                 : tr("%1 items without room at this zoom:").arg(cluster.count));
    const auto codes = m_frame.codesOf(cluster);
    for (std::size_t i = 0; i < std::min(codes.size(), Listed); ++i)
        lines << clusterEntry(m_project, codes[i], m_view.timeZone());
    if (codes.size() > Listed)
        lines << tr("… and %1 more").arg(codes.size() - Listed);
    lines << tr("Click to choose one; double-click to zoom in until they are laid out.");
    return lines.join(QLatin1Char('\n'));
}

QString TimelineToolTip::clusterEntry(const Project &project, std::uint32_t code,
                                      const QTimeZone &zone)
{
    const ItemRef item = LaneCode::item(code);
    const FuzzyTime &time = item.kind == ItemKind::Claim ? project.claims()[item.index].madeAt
                                                         : project.events()[item.index].when;
    const QString what = item.kind == ItemKind::Claim
        ? claimLabel(project, item.index)
        : visibleText(project.text(project.events()[item.index].title));
    return (item.kind == ItemKind::Claim ? QStringLiteral("● ") : QStringLiteral("◆ "))
        + time.toDisplayString(zone) + QStringLiteral(" — ") + what;
}

// A density band: how many items there, and over what time.
QString TimelineToolTip::densityText(const QPoint &pos) const
{
    const TimelineFrame &f = m_frame;
    const int box = m_view.laneBoxAt(pos.y());
    if (box < 0 || !f.lanes[std::size_t(box)].density || !f.plot.contains(pos))
        return {};
    const auto &laneBox = f.lanes[std::size_t(box)];
    const double columnWidth = m_view.renderer().metrics().columnWidth;
    const std::size_t column = std::size_t((pos.x() - f.plot.left()) / columnWidth);
    if (column >= f.columnCount)
        return {};
    // Sum a few columns around the cursor: single columns are 2 px wide.
    const std::size_t lo = column >= 3 ? column - 3 : 0;
    const std::size_t hi = std::min(f.columnCount, column + 4);
    std::uint64_t count = 0;
    for (std::size_t c = lo; c < hi; ++c)
        count += f.columns[laneBox.columnOffset + c];
    const TimeScale &scale = m_view.scale();
    const double width = columnWidth * scale.secondsPerPixel();
    const double t0 = scale.start() + double(lo) * width;
    const double t1 = scale.start() + double(hi) * width;
    const QTimeZone zone = m_view.timeZone();
    return tr("%1: %2 items from %3 to %4\nDouble-click or zoom in to see them.")
        .arg(TimelineLabels::partyName(m_project, m_view.lanes().lanes()[laneBox.lane].party))
        .arg(count)
        .arg(formatInstant(std::int64_t(t0), zone, scale.secondsPerPixel()),
             formatInstant(std::int64_t(t1), zone, scale.secondsPerPixel()));
}

QString TimelineToolTip::sourcesLine(IndexRange range) const
{
    const auto citations = m_project.citations(range);
    if (citations.empty())
        return QStringLiteral("Sources: none");
    QStringList names;
    for (const Citation &citation : citations.first(std::min<std::size_t>(citations.size(), 3))) {
        const Source &source = m_project.sources()[citation.source];
        QString name = visibleText(m_project.text(source.outlet));
        if (name.isEmpty())
            name = visibleText(m_project.text(source.title));
        if (source.reliability)
            name += QStringLiteral(" (") + QLatin1Char(source.reliability) + QLatin1Char(')');
        if (m_view.document()->evidenceFails(citation.source))
            name = QStringLiteral("⚠ ") + name + QStringLiteral(": evidence failed verification");
        names << name;
    }
    QString line = QStringLiteral("Sources: ") + names.join(QStringLiteral("; "));
    if (citations.size() > 3)
        line += QStringLiteral(" and %1 more").arg(citations.size() - 3);
    return line;
}

} // namespace claimline
