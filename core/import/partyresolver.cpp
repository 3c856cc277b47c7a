#include "import/partyresolver.h"

#include "import/importids.h"
#include "import/partymap.h"
#include "model/project.h"

#include <QString>

namespace claimline {

namespace {

QString qText(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The key lookUpParty() compares by: white space made single, case folded.
std::string folded(const QString &text)
{
    return text.simplified().toCaseFolded().toStdString();
}

} // namespace

PartyResolver::PartyResolver(Project &project, const PartyMap &map)
    : m_project(project)
    , m_map(map)
{
    for (std::uint32_t i = 0; i < project.parties().size(); ++i)
        addLookupNames(i);
}

void PartyResolver::addLookupNames(std::uint32_t party)
{
    const Party &p = m_project.parties()[party];
    for (const TextRef ref : {p.id, p.name, p.shortName}) {
        if (!ref.isEmpty())
            m_byFoldedName.try_emplace(folded(m_project.text(ref)), party);
    }
}

std::uint32_t PartyResolver::partyFor(std::string_view datasetName)
{
    if (const auto found = m_byDatasetName.find(datasetName); found != m_byDatasetName.end())
        return found->second;
    const std::optional<std::string_view> target = m_map.target(datasetName);
    const std::uint32_t party = partyNamed(target ? *target : datasetName);
    m_byDatasetName.emplace(std::string(datasetName), party);
    return party;
}

std::uint32_t PartyResolver::partyNamed(std::string_view text)
{
    const QString name = qText(text).simplified();
    // An id first, exactly: ids are unique, so naming one is never ambiguous.
    if (const auto item = m_project.find(name.toStdString()); item && item->kind == ItemKind::Party)
        return item->index;
    const std::string key = folded(name);
    if (const auto found = m_byFoldedName.find(key); found != m_byFoldedName.end())
        return found->second;

    Party party;
    const std::string nameText = name.toStdString();
    party.name = m_project.addText(nameText);
    party.id = m_project.addText(uniqueId(m_project, idSlug(nameText), "party"));
    auto &parties = m_project.parties();
    parties.push_back(party);
    const auto index = static_cast<std::uint32_t>(parties.size() - 1);
    (void)m_project.registerId({ItemKind::Party, index});
    addLookupNames(index);
    m_created.push_back(nameText);
    return index;
}

} // namespace claimline
