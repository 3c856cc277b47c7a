#pragma once

// TimelineLabels: the names the timeline gives a lane's party, a claim's speaker and a status.
// The view's tooltips, its lane labels and its accessibility interface all read them here, so
// that what is seen and what is spoken say the same thing. Every index is bounds-checked: a
// label may be asked for while the project is being edited.

#include "model/model.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace claimline {

class Project;

class TimelineLabels final
{
    Q_DECLARE_TR_FUNCTIONS(claimline::TimelineLabels)

public:
    TimelineLabels() = delete;

    // The party's name; "Events" for TimelineLanes::EventsParty (the events lane); "No party"
    // for NoIndex (the lane of claims without a party) and an index out of range.
    static QString partyName(const Project &project, std::uint32_t party);
    // What a lane holds: "30 events" on the events lane, "16 claims" on any other.
    static QString laneCount(std::uint32_t party, std::size_t size);
    // The party's or actor's name; empty when there is no speaker or the index is out of range.
    static QString speakerName(const Project &project, const Speaker &speaker);
    // The status as the file spells it ("unverified", "corroborated", ...).
    static QString statusName(Status status);
};

} // namespace claimline
