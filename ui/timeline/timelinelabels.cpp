#include "timeline/timelinelabels.h"

#include "model/project.h"
#include "present/timelinelanes.h"
#include "text/visibletext.h"

namespace claimline {

QString TimelineLabels::partyName(const Project &project, std::uint32_t party)
{
    if (party == TimelineLanes::EventsParty)
        return tr("Events");
    return party < project.parties().size()
        ? visibleText(project.text(project.parties()[party].name))
        : tr("No party");
}

QString TimelineLabels::laneCount(std::uint32_t party, std::size_t size)
{
    if (party == TimelineLanes::EventsParty)
        return size == 1 ? tr("1 event") : tr("%1 events").arg(size);
    return size == 1 ? tr("1 claim") : tr("%1 claims").arg(size);
}

QString TimelineLabels::speakerName(const Project &project, const Speaker &speaker)
{
    if (!speaker.isValid())
        return {};
    if (speaker.isParty)
        return speaker.index < project.parties().size()
            ? visibleText(project.text(project.parties()[speaker.index].name))
            : QString();
    return speaker.index < project.actors().size()
        ? visibleText(project.text(project.actors()[speaker.index].name))
        : QString();
}

QString TimelineLabels::statusName(Status status)
{
    return QString::fromLatin1(nameOf(status).data(), qsizetype(nameOf(status).size()));
}

} // namespace claimline
