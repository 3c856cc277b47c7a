#include "import/claimlinecsv/sheetreferences.h"

#include "import/claimlinecsv/exportsheet.h"
#include "import/claimlinecsv/sheetcells.h"
#include "import/formats/fieldtext.h"
#include "model/project.h"

#include <QStringBuilder>

#include <array>

namespace claimline {

namespace {

QString subject(std::string_view column, std::string_view id)
{
    return columnText(column) % u' ' % quotedValue(id);
}

} // namespace

SheetReferences::SheetReferences(Project &project)
    : m_project(project)
{ }

bool SheetReferences::isNew(std::string_view id) const
{
    return !id.empty() && !m_project.find(id);
}

void SheetReferences::learnParty(std::string_view id, std::string_view name)
{
    if (!name.empty() && isNew(id))
        m_partyNames.emplace(std::string(id), std::string(name));
}

void SheetReferences::learnSources(std::string_view ids, std::string_view titles,
                                   std::string_view urls)
{
    const std::vector<std::string_view> entries = listEntries(ids);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string_view title = pairedItem(entries, i, titles);
        const std::string_view url = pairedItem(entries, i, urls);
        if ((!title.empty() || !url.empty()) && isNew(entries[i]))
            m_sources.emplace(std::string(entries[i]),
                              KnownSource {std::string(title), std::string(url)});
    }
}

void SheetReferences::learnFromClaim(const SheetRow &row)
{
    const std::string_view party = row.word(ClaimColumn::Party);
    learnParty(party, row.word(ClaimColumn::PartyName));
    const std::string_view claimant = row.word(ClaimColumn::Claimant);
    const std::string_view name = row.word(ClaimColumn::ClaimantName);
    if (!name.empty() && isNew(claimant)) {
        // A party speaking for itself: "russia" for the party "russia".
        if (claimant == party)
            learnParty(claimant, name);
        else
            m_actors.emplace(std::string(claimant),
                             KnownActor {std::string(name), std::string(party)});
    }
    if (const std::string_view via = row.word(ClaimColumn::Via); isNew(via)) {
        if (const std::string_view viaName = row.word(ClaimColumn::ViaName); !viaName.empty())
            m_relayNames.emplace(std::string(via), std::string(viaName));
    }
    if (const std::string_view question = row.word(ClaimColumn::Question); isNew(question)) {
        if (const std::string_view text = row.word(ClaimColumn::QuestionText); !text.empty())
            m_questionTexts.emplace(std::string(question), std::string(text));
    }
    learnSources(row.raw(ClaimColumn::Sources), row.raw(ClaimColumn::SourceTitles),
                 row.raw(ClaimColumn::SourceUrls));
}

void SheetReferences::learnFromEvent(const SheetRow &row)
{
    const std::vector<std::string_view> parties = listEntries(row.raw(EventColumn::Parties));
    for (std::size_t i = 0; i < parties.size(); ++i)
        learnParty(parties[i], pairedItem(parties, i, row.raw(EventColumn::PartyNames)));
    learnSources(row.raw(EventColumn::Sources), row.raw(EventColumn::SourceTitles),
                 row.raw(EventColumn::SourceUrls));
}

std::optional<ItemKind> SheetReferences::kindOf(std::string_view id) const
{
    if (const std::optional<ItemRef> item = m_project.find(id))
        return item->kind;
    for (const Planned &planned : m_planned) {
        if (planned.id == id)
            return planned.kind;
    }
    return std::nullopt;
}

void SheetReferences::plan(ItemKind kind, std::string_view id, std::string_view name,
                           std::string_view second)
{
    m_planned.push_back({kind, std::string(id), std::string(name), std::string(second)});
}

QString SheetReferences::party(std::string_view column, std::string_view id, std::string_view name,
                               std::string_view nameColumn)
{
    if (const std::optional<ItemKind> kind = kindOf(id)) {
        if (*kind == ItemKind::Party)
            return {};
        return subject(column, id) % QStringLiteral(" is ") % kindWithArticle(*kind)
            % QStringLiteral(" in the project, not a party");
    }
    if (name.empty()) {
        if (const auto known = m_partyNames.find(id); known != m_partyNames.end())
            name = known->second;
    }
    if (name.empty())
        return subject(column, id) % QStringLiteral(" is not in the project, and ")
            % columnText(nameColumn) % QStringLiteral(" gives no name to create it with");
    plan(ItemKind::Party, id, name);
    return {};
}

QString SheetReferences::speaker(SpeakerRole role, std::string_view id, std::string_view name)
{
    static constexpr std::array<std::string_view, 3> Columns {"claimant", "via", "quote_speaker"};
    const std::string_view column = Columns[std::size_t(role)];
    if (const std::optional<ItemKind> kind = kindOf(id)) {
        if (*kind == ItemKind::Actor)
            return {};
        if (*kind == ItemKind::Party && role != SpeakerRole::QuoteSpeaker)
            return {};
        if (*kind == ItemKind::Party)
            return subject(column, id) % QStringLiteral(" is a party, not an actor");
        return subject(column, id) % QStringLiteral(" is ") % kindWithArticle(*kind)
            % QStringLiteral(" in the project, not an actor or a party");
    }
    if (role != SpeakerRole::QuoteSpeaker) {
        if (const auto known = m_partyNames.find(id); known != m_partyNames.end()) {
            plan(ItemKind::Party, id, known->second);
            return {};
        }
    }
    if (const auto known = m_actors.find(id); known != m_actors.end()) {
        const KnownActor &actor = known->second;
        if (actor.party.empty() && role == SpeakerRole::Claimant)
            return subject(column, id)
                % QStringLiteral(" is not in the project, and the party column is empty: a "
                                 "new actor needs a party");
        if (!actor.party.empty()) {
            if (QString problem = party("party", actor.party, {}, "party_name"); !problem.isEmpty())
                return problem;
        }
        plan(ItemKind::Actor, id, actor.name, actor.party);
        return {};
    }
    switch (role) {
    case SpeakerRole::Claimant:
        return subject(column, id)
            % QStringLiteral(" is not in the project, and claimant_name is empty");
    case SpeakerRole::Via:
        // A relay is not of the claim's party (a Russian claim via Reuters): the new actor
        // has none.
        if (name.empty()) {
            if (const auto known = m_relayNames.find(id); known != m_relayNames.end())
                name = known->second;
        }
        if (!name.empty()) {
            plan(ItemKind::Actor, id, name);
            return {};
        }
        return subject(column, id)
            % QStringLiteral(" is not in the project, and via_name is empty");
    case SpeakerRole::QuoteSpeaker:
        break;
    }
    return subject(column, id) % QStringLiteral(" is not an actor in the project");
}

QString SheetReferences::source(std::string_view id, std::string_view title, std::string_view url)
{
    if (const std::optional<ItemKind> kind = kindOf(id)) {
        if (*kind == ItemKind::Source)
            return {};
        return subject("source", id) % QStringLiteral(" is ") % kindWithArticle(*kind)
            % QStringLiteral(" in the project, not a source");
    }
    if (title.empty() && url.empty()) {
        if (const auto known = m_sources.find(id); known != m_sources.end()) {
            title = known->second.title;
            url = known->second.url;
        }
    }
    if (title.empty() && url.empty())
        return subject("source", id)
            % QStringLiteral(" is not in the project, and source_titles and source_urls give "
                             "nothing to create it with");
    plan(ItemKind::Source, id, title, url);
    return {};
}

QString SheetReferences::question(std::string_view id, std::string_view text)
{
    if (const std::optional<ItemKind> kind = kindOf(id)) {
        if (*kind == ItemKind::Question)
            return {};
        return subject("question", id) % QStringLiteral(" is ") % kindWithArticle(*kind)
            % QStringLiteral(" in the project, not a question");
    }
    if (text.empty()) {
        if (const auto known = m_questionTexts.find(id); known != m_questionTexts.end())
            text = known->second;
    }
    if (text.empty())
        return subject("question", id)
            % QStringLiteral(" is not in the project, and question_text is empty");
    plan(ItemKind::Question, id, text);
    return {};
}

QString SheetReferences::existing(std::string_view column, std::string_view id, ItemKind kind)
{
    const std::optional<ItemRef> item = m_project.find(id);
    if (item && item->kind == kind)
        return {};
    return subject(column, id) % QStringLiteral(" is not ") % kindWithArticle(kind)
        % QStringLiteral(" in the project");
}

void SheetReferences::commit()
{
    // Parties before the actors that speak for them.
    for (const ItemKind kind :
         {ItemKind::Party, ItemKind::Actor, ItemKind::Source, ItemKind::Question}) {
        for (const Planned &planned : m_planned) {
            if (planned.kind != kind || m_project.find(planned.id))
                continue;
            const TextRef id = m_project.addText(planned.id);
            const TextRef name = m_project.addText(planned.name);
            std::uint32_t index = 0;
            switch (kind) {
            case ItemKind::Party: {
                Party party;
                party.id = id;
                party.name = name;
                index = std::uint32_t(m_project.parties().size());
                m_project.parties().push_back(party);
                m_createdParties.push_back(planned.name);
                break;
            }
            case ItemKind::Actor: {
                Actor actor;
                actor.id = id;
                actor.name = name;
                actor.party = planned.second.empty() ? NoIndex : indexOf(planned.second);
                index = std::uint32_t(m_project.actors().size());
                m_project.actors().push_back(actor);
                break;
            }
            case ItemKind::Source: {
                Source source;
                source.id = id;
                source.title = name;
                source.url = m_project.addText(planned.second);
                index = std::uint32_t(m_project.sources().size());
                m_project.sources().push_back(source);
                break;
            }
            case ItemKind::Question: {
                Question question;
                question.id = id;
                question.text = name;
                index = std::uint32_t(m_project.questions().size());
                m_project.questions().push_back(question);
                break;
            }
            case ItemKind::Event:
            case ItemKind::Claim:
                continue;
            }
            (void)m_project.registerId({kind, index});
        }
    }
    m_planned.clear();
}

void SheetReferences::discard()
{
    m_planned.clear();
}

std::uint32_t SheetReferences::indexOf(std::string_view id) const
{
    const std::optional<ItemRef> item = m_project.find(id);
    return item ? item->index : NoIndex;
}

Speaker SheetReferences::speakerOf(std::string_view id) const
{
    const std::optional<ItemRef> item = m_project.find(id);
    if (!item || (item->kind != ItemKind::Party && item->kind != ItemKind::Actor))
        return {};
    return {item->index, item->kind == ItemKind::Party};
}

} // namespace claimline
