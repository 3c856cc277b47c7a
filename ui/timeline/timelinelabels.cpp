#include "timeline/timelinelabels.h"

#include "model/project.h"
#include "text/visibletext.h"

namespace claimline {

QString TimelineLabels::partyName(const Project &project, std::uint32_t party)
{
    return party < project.parties().size()
        ? visibleText(project.text(project.parties()[party].name))
        : tr("No party");
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
