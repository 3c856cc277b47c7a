#include "format/reader/itembuilder.h"

#include "format/reader/originreader.h"
#include "format/reader/problemlist.h"
#include "model/itemkinds.h"
#include "model/project.h"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

namespace claimline {

ItemBuilder::ItemBuilder(Project &project, ProblemList &problems, const FrameStack &frames,
                         OriginReader &origins, std::uint64_t maxItems)
    : m_project(project)
    , m_problems(problems)
    , m_frames(frames)
    , m_origins(origins)
    , m_maxItems(maxItems)
{ }

bool ItemBuilder::countItem()
{
    if (++m_items > m_maxItems)
        return m_problems.fail(m_frames.pointer(true),
                               "more than " + std::to_string(m_maxItems)
                                   + " items; the file is larger than this version of Claimline "
                                     "accepts");
    return true;
}

bool ItemBuilder::open(Frame &frame)
{
    const auto index = [](const auto &v) {
        return static_cast<std::uint32_t>(v.size());
    };
    switch (frame.ctx) {
    case Ctx::Party:
        frame.entity = index(m_project.parties());
        m_project.parties().emplace_back();
        return countItem();
    case Ctx::Actor:
        frame.entity = index(m_project.actors());
        m_project.actors().emplace_back();
        return countItem();
    case Ctx::Source:
        frame.entity = index(m_project.sources());
        m_project.sources().emplace_back();
        return countItem();
    case Ctx::Event:
        frame.entity = index(m_project.events());
        m_project.events().emplace_back();
        m_origins.startEvent();
        return countItem();
    case Ctx::Question:
        frame.entity = index(m_project.questions());
        m_project.questions().emplace_back();
        return countItem();
    case Ctx::Claim:
        frame.entity = index(m_project.claims());
        m_project.claims().emplace_back();
        return countItem();
    case Ctx::Relation:
        frame.entity = index(m_project.relations());
        m_project.relations().emplace_back();
        return countItem();
    case Ctx::Position:
        frame.entity = index(m_project.positions());
        m_project.positions().emplace_back();
        return countItem();
    case Ctx::Period:
        frame.entity = index(m_project.periods());
        m_project.periods().emplace_back();
        return countItem();
    case Ctx::PartyRefs:
    case Ctx::Tags:
        frame.listStart = index(m_project.indexPool());
        return true;
    case Ctx::CitationList:
        frame.listStart = index(m_project.citationPool());
        return true;
    case Ctx::HistoryList:
        frame.listStart = index(m_project.statusChangePool());
        return true;
    case Ctx::Attributes:
        frame.listStart = index(m_project.attributePool());
        return true;
    case Ctx::AttachmentList:
        frame.listStart = index(m_project.attachmentPool());
        return true;
    case Ctx::Attachment:
        m_project.attachmentPool().emplace_back();
        return countItem();
    case Ctx::AnnotationList:
        frame.listStart = index(m_project.annotationPool());
        return true;
    case Ctx::Annotation:
        m_project.annotationPool().emplace_back();
        return countItem();
    case Ctx::Citation:
        m_project.citationPool().emplace_back();
        return countItem();
    case Ctx::History:
        m_project.statusChangePool().emplace_back();
        return countItem();
    default:
        return true;
    }
}

bool ItemBuilder::holdPlace(const Frame &list, Ctx element)
{
    if (!list.isArray)
        return true;
    Frame placeholder;
    placeholder.ctx = element;
    return open(placeholder);
}

template<typename Names>
void ItemBuilder::requireFields(const Frame &frame, std::initializer_list<int> required,
                                const Names &names)
{
    for (const int f : required) {
        if (!(frame.seen & (std::uint64_t(1) << f))) [[unlikely]]
            missingField(names[f]);
    }
}

void ItemBuilder::missingField(std::string_view name)
{
    m_problems.add(m_frames.pointer(false), "missing required field \"" + std::string(name) + "\"");
}

Event &ItemBuilder::event(const Frame &f)
{
    return m_project.events()[f.entity];
}

Claim &ItemBuilder::claim(const Frame &f)
{
    return m_project.claims()[f.entity];
}

template<typename F>
void ItemBuilder::layerOf(const Frame &owner, F &&f)
{
    if (const auto kind = ProjectSchema::itemKindOf(owner.ctx))
        visitItemKind(*kind, [&]<typename Item>(std::type_identity<Item>) {
            f(m_project.items<Item>()[owner.entity]);
        });
}

void ItemBuilder::close(const Frame &frame)
{
    const auto pool = [](const auto &v) {
        return static_cast<std::uint32_t>(v.size());
    };
    switch (frame.ctx) {
    case Ctx::Root:
        // A missing "format" is reported on its own once the file is read (runReader() in
        // projectreader.cpp).
        requireFields(frame, {int(keys::Root::Version)}, keys::RootKeys);
        break;
    case Ctx::Party:
        requireFields(frame, {int(keys::Party::Id), int(keys::Party::Name)}, keys::PartyKeys);
        break;
    case Ctx::Actor:
        requireFields(frame, {int(keys::Actor::Id), int(keys::Actor::Name)}, keys::ActorKeys);
        break;
    case Ctx::Source:
        requireFields(frame, {int(keys::Source::Id), int(keys::Source::Title)}, keys::SourceKeys);
        break;
    case Ctx::Event: {
        requireFields(frame,
                      {int(keys::Event::Id), int(keys::Event::Title), int(keys::Event::When)},
                      keys::EventKeys);
        event(frame).origin = m_origins.finishEvent();
        break;
    }
    case Ctx::Origin:
        // A re-import finds its events by format and id: an origin that does not say which
        // dataset it is from could never be matched.
        requireFields(frame, {int(keys::Origin::Format)}, keys::OriginKeys);
        break;
    case Ctx::Attributes:
        m_origins.attributesClosed(frame);
        break;
    case Ctx::Question:
        requireFields(frame, {int(keys::Question::Id), int(keys::Question::Text)},
                      keys::QuestionKeys);
        break;
    case Ctx::Claim:
        requireFields(frame,
                      {int(keys::Claim::Id), int(keys::Claim::Claimant), int(keys::Claim::MadeAt),
                       int(keys::Claim::Statement)},
                      keys::ClaimKeys);
        break;
    case Ctx::Relation:
        requireFields(
            frame, {int(keys::Relation::From), int(keys::Relation::To), int(keys::Relation::Kind)},
            keys::RelationKeys);
        break;
    case Ctx::Position:
        requireFields(
            frame,
            {int(keys::Position::Question), int(keys::Position::Party), int(keys::Position::Text)},
            keys::PositionKeys);
        break;
    case Ctx::Period:
        requireFields(frame,
                      {int(keys::Period::Id), int(keys::Period::Title), int(keys::Period::When)},
                      keys::PeriodKeys);
        break;
    case Ctx::Citation:
        requireFields(frame, {int(keys::Citation::Source)}, keys::CitationKeys);
        break;
    case Ctx::History:
        requireFields(frame, {int(keys::History::Status)}, keys::HistoryKeys);
        break;
    case Ctx::Quote:
        requireFields(frame, {int(keys::Quote::Text)}, keys::QuoteKeys);
        break;
    case Ctx::Attachment:
        // Without its path, hash and size a pinned file could be neither found nor checked.
        requireFields(frame,
                      {int(keys::Attachment::Path), int(keys::Attachment::Sha256),
                       int(keys::Attachment::Size)},
                      keys::AttachmentKeys);
        break;
    case Ctx::AttachmentList:
        m_project.sources()[m_frames.owner(1).entity].attachments
            = {frame.listStart, pool(m_project.attachmentPool()) - frame.listStart};
        break;
    case Ctx::PartyRefs:
        event(m_frames.owner(1)).parties
            = {frame.listStart, pool(m_project.indexPool()) - frame.listStart};
        break;
    case Ctx::Tags:
        layerOf(m_frames.owner(1), [&](auto &item) {
            item.tags = {frame.listStart, pool(m_project.indexPool()) - frame.listStart};
        });
        break;
    case Ctx::Annotation:
        requireFields(
            frame,
            {int(keys::Annotation::Author), int(keys::Annotation::At), int(keys::Annotation::Text)},
            keys::AnnotationKeys);
        break;
    case Ctx::AnnotationList:
        layerOf(m_frames.owner(1), [&](auto &item) {
            item.annotations
                = {frame.listStart, pool(m_project.annotationPool()) - frame.listStart};
        });
        break;
    case Ctx::CitationList: {
        const IndexRange range {frame.listStart, pool(m_project.citationPool()) - frame.listStart};
        const Frame &o = m_frames.owner(1);
        if (o.ctx == Ctx::Event)
            event(o).sources = range;
        else
            claim(o).sources = range;
        break;
    }
    case Ctx::HistoryList: {
        const IndexRange range {frame.listStart,
                                pool(m_project.statusChangePool()) - frame.listStart};
        const Frame &o = m_frames.owner(1);
        if (o.ctx == Ctx::Event)
            event(o).history = range;
        else
            claim(o).history = range;
        break;
    }
    case Ctx::Location: {
        // Which fields were given, not which were valid: a latitude out of range has its
        // own problem and does not make the location lack one.
        const bool lat = frame.seen & (std::uint64_t(1) << int(keys::Location::Lat));
        const bool lon = frame.seen & (std::uint64_t(1) << int(keys::Location::Lon));
        if (lat != lon)
            m_problems.add(m_frames.pointer(false),
                           "a location needs both \"lat\" and \"lon\", or neither");
        break;
    }
    default:
        break;
    }
}

void ItemBuilder::checkRelations()
{
    std::set<std::tuple<std::uint32_t, std::uint32_t, RelationKind>> seen;
    const auto &relations = m_project.relations();
    for (std::size_t i = 0; i < relations.size(); ++i) {
        const Relation &r = relations[i];
        if (r.from == NoIndex || r.to == NoIndex)
            continue;
        const std::string where = "/relations/" + std::to_string(i);
        if (r.from == r.to)
            m_problems.add(where, "a claim cannot answer itself");
        else if (!seen.insert({r.from, r.to, r.kind}).second)
            m_problems.add(where, "the same relation is listed twice");
    }
}

void ItemBuilder::checkPeriods()
{
    // Period ids are their own namespace (nothing refers to a period, so they are not in the
    // items' id index); a repeated one is pointed at like a duplicate item id.
    std::unordered_map<std::string_view, std::size_t> first;
    const auto &periods = m_project.periods();
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const std::string_view id = m_project.view(periods[i].id);
        if (id.empty())
            continue;
        const auto [it, inserted] = first.try_emplace(id, i);
        if (!inserted)
            m_problems.add("/periods/" + std::to_string(i) + "/id",
                           "duplicate period id " + quoted(id) + " (already used at /periods/"
                               + std::to_string(it->second) + ")");
    }
}

void ItemBuilder::checkPositions()
{
    // At most one position per question and party: the first one listed wins the cell, so a
    // second is a mistake to point at, not a value to pick from.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> first;
    const auto &positions = m_project.positions();
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const Position &p = positions[i];
        if (p.question == NoIndex || p.party == NoIndex)
            continue;
        const auto [it, inserted] = first.try_emplace({p.question, p.party}, i);
        if (inserted)
            continue;
        m_problems.add("/positions/" + std::to_string(i),
                       "a second position of "
                           + quoted(m_project.view(m_project.parties()[p.party].id)) + " on "
                           + quoted(m_project.view(m_project.questions()[p.question].id))
                           + " (the first is /positions/" + std::to_string(it->second) + ")");
    }
}

} // namespace claimline
