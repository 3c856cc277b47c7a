#pragma once

// TimelineToolTip: the tooltip text for a point of the TimelineView, as plain text (the view
// shows it escaped: file text is never markup). A lane label tells the party and its count; an
// event or claim its time, parties or speaker, status and sources; an arrow who answered whom
// and how long it took; a "+3 more" chip which items it holds, a density band how many items are
// there, a period's title in the header above the lanes the period's title and time.

#include "model/model.h"

#include <QCoreApplication>
#include <QPoint>
#include <QString>
#include <QTimeZone>

class QHelpEvent;

namespace claimline {

class Project;
class TimelineView;
struct TimelineFrame;

class TimelineToolTip final
{
    Q_DECLARE_TR_FUNCTIONS(claimline::TimelineToolTip)

public:
    // Brings the view's layout up to date; valid while the view is and does not change.
    explicit TimelineToolTip(const TimelineView &view);

    // Empty where there is nothing to tell.
    QString textAt(const QPoint &pos) const;
    // One line for an item of a cluster: "◆ 29 Dec 2025 — Title" (tooltips and the menu).
    static QString clusterEntry(const Project &project, std::uint32_t code, const QTimeZone &zone);
    // Shows the text for the event's point on the view's viewport, or hides the tooltip (and
    // ignores the event) where there is none.
    void show(QHelpEvent *event) const;
    // Hides the tooltip on screen when `pos` is no longer over what it tells about (another
    // item, or nothing): Qt keeps a tooltip until the mouse leaves the widget or next rests.
    void follow(const QPoint &pos) const;

private:
    QString laneText(const QPoint &pos) const;
    QString periodText(const QPoint &pos) const;
    QString eventText(std::uint32_t event) const;
    QString claimText(std::uint32_t claim) const;
    QString arrowText(const QPoint &pos) const;
    QString clusterText(const QPoint &pos) const;
    QString densityText(const QPoint &pos) const;
    QString sourcesLine(IndexRange range) const;

    const TimelineView &m_view;
    const TimelineFrame &m_frame;
    const Project &m_project;
};

} // namespace claimline
