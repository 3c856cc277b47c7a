#include "model/partylookup.h"

#include "model/project.h"
#include "text/visibletext.h"

#include <QStringList>

#include <vector>

namespace claimline {

namespace {

// "Russia (russia)"; the id alone for a party without a name. File text is shown, never
// obeyed: a bidi override in a name cannot reorder the message.
QString nameAndId(const Project &project, std::uint32_t index)
{
    const Party &party = project.parties()[index];
    const QString id = visibleText(project.text(party.id));
    const QString name = visibleText(project.text(party.name).simplified());
    return name.isEmpty() || name == id ? id : name + QStringLiteral(" (") + id + u')';
}

bool sameText(const QString &typed, const QString &fileText)
{
    return !fileText.isEmpty()
        && QString::compare(typed, fileText.simplified(), Qt::CaseInsensitive) == 0;
}

QString joinedNames(const Project &project, const std::vector<std::uint32_t> &parties)
{
    QStringList names;
    for (const std::uint32_t party : parties)
        names << nameAndId(project, party);
    return names.join(QStringLiteral(", "));
}

} // namespace

PartyLookup lookUpParty(const Project &project, const QString &text)
{
    const QString typed = text.simplified();
    const auto &parties = project.parties();
    if (typed.isEmpty())
        return {NoIndex,
                QStringLiteral("no party named (parties: %1)").arg(partyListText(project))};

    for (std::uint32_t i = 0; i < parties.size(); ++i) {
        if (project.text(parties[i].id) == typed)
            return {i, {}};
    }

    std::vector<std::uint32_t> matches;
    for (std::uint32_t i = 0; i < parties.size(); ++i) {
        const Party &party = parties[i];
        if (sameText(typed, project.text(party.id)) || sameText(typed, project.text(party.name))
            || sameText(typed, project.text(party.shortName)))
            matches.push_back(i);
    }
    if (matches.size() == 1)
        return {matches.front(), {}};
    const QString quoted = u'"' + visibleText(typed) + u'"';
    if (matches.empty())
        return {NoIndex,
                QStringLiteral("%1 is not a party of the project (parties: %2)")
                    .arg(quoted, partyListText(project))};
    return {NoIndex,
            QStringLiteral("%1 names more than one party: %2; name one by its id")
                .arg(quoted, joinedNames(project, matches))};
}

QString partyListText(const Project &project)
{
    std::vector<std::uint32_t> all(project.parties().size());
    for (std::uint32_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return all.empty() ? QStringLiteral("none") : joinedNames(project, all);
}

} // namespace claimline
