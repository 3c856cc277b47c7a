#include "format/reader/fieldassigner.h"

#include "format/reader/problemlist.h"
#include "format/reader/saxscalar.h"
#include "model/itemkinds.h"
#include "model/project.h"

#include <QByteArray>
#include <QTimeZone>

#include <charconv>
#include <cmath>

namespace claimline {

namespace {

using Ctx = ProjectSchema::Ctx;
using json = nlohmann::json;

std::string expectedScalar(const FrameStack::Frame &frame)
{
    return ProjectSchema::expectedScalar(frame.ctx, frame.field, frame.isArray);
}

std::optional<std::uint32_t> parseColor(std::string_view text)
{
    if (text.size() != 7 || text[0] != '#')
        return std::nullopt;
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(text.data() + 1, text.data() + 7, value, 16);
    if (ec != std::errc() || end != text.data() + 7)
        return std::nullopt;
    return value;
}

} // namespace

FieldAssigner::FieldAssigner(Project &project, ProblemList &problems, const FrameStack &frames,
                             ReferenceResolver &references)
    : m_project(project)
    , m_problems(problems)
    , m_frames(frames)
    , m_references(references)
{ }

// Reads a string value, or reports what was expected instead.
std::optional<std::string_view> FieldAssigner::text(const Frame &frame, const SaxScalar &value)
{
    if (value.type != json::value_t::string) [[unlikely]] {
        wrongType(frame, value);
        return std::nullopt;
    }
    return value.string;
}

void FieldAssigner::wrongType(const Frame &frame, const SaxScalar &value)
{
    problem("must be " + expectedScalar(frame) + ", not " + value.typeName());
}

TextRef FieldAssigner::store(const Frame &frame, const SaxScalar &value)
{
    if (const auto s = text(frame, value))
        return m_project.addText(*s);
    return {};
}

void FieldAssigner::storeId(const Frame &frame, const SaxScalar &value, ItemKind kind, TextRef &id)
{
    const auto s = text(frame, value);
    if (!s)
        return;
    if (s->empty()) [[unlikely]] {
        problem("an id cannot be empty");
        return;
    }
    id = m_project.addText(*s);
    m_references.define({kind, frame.entity}, *s);
}

FuzzyTime FieldAssigner::time(const Frame &frame, const SaxScalar &value)
{
    const auto s = text(frame, value);
    if (!s)
        return {};
    if (const auto t = FuzzyTime::parse(*s)) [[likely]]
        return *t;
    badTime(*s);
    return {};
}

void FieldAssigner::badTime(std::string_view text)
{
    std::string error;
    const auto again = FuzzyTime::parse(text, &error); // the message, for the rare bad time
    Q_ASSERT(!again);
    problem(error);
}

template<typename Enum, std::size_t N>
void FieldAssigner::enumValue(const Frame &frame, const SaxScalar &value,
                              const std::array<std::string_view, N> &names, const char *what,
                              Enum &out)
{
    const auto s = text(frame, value);
    if (!s)
        return;
    if (const auto e = enumFromName<Enum>(names, *s)) [[likely]]
        out = *e;
    else
        unknownName(what, *s, names);
}

void FieldAssigner::unknownName(const char *what, std::string_view name,
                                std::span<const std::string_view> names)
{
    problem(std::string("unknown ") + what + " " + quoted(name)
            + " (expected one of: " + joinNames(names) + ")");
}

void FieldAssigner::problem(const std::string &message)
{
    m_problems.add(currentPointer(), message);
}

void FieldAssigner::flag(const Frame &frame, const SaxScalar &value, bool &out)
{
    if (value.type == json::value_t::boolean)
        out = value.boolean;
    else
        wrongType(frame, value);
}

void FieldAssigner::coordinate(const Frame &frame, const SaxScalar &value, double limit,
                               double &out)
{
    const auto d = value.asDouble();
    if (!d) {
        wrongType(frame, value);
    } else if (!(std::abs(*d) <= limit)) {
        m_problems.add(currentPointer(),
                       "must be between -" + std::to_string(int(limit)) + " and "
                           + std::to_string(int(limit)));
    } else {
        out = *d;
    }
}

void FieldAssigner::reference(const Frame &frame, const SaxScalar &value, RefTarget target,
                              std::uint32_t slot)
{
    if (const auto s = text(frame, value))
        m_references.reference(*s, target, slot);
}

void FieldAssigner::assign(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    if (ProjectSchema::isStarred(frame.ctx, frame.field)) {
        assignStarred(frame, value);
        return;
    }
    switch (frame.ctx) {
    case Ctx::Root:
        assignRoot(frame, value);
        break;
    case Ctx::Meta:
        assignMeta(frame, value);
        break;
    case Ctx::Authors:
        if (const TextRef t = store(frame, value); !t.isEmpty())
            p.meta().authors.push_back(t);
        break;
    case Ctx::Party:
        assignParty(frame, value);
        break;
    case Ctx::Actor:
        assignActor(frame, value);
        break;
    case Ctx::Source:
        assignSource(frame, value);
        break;
    case Ctx::Event:
        assignEvent(frame, value);
        break;
    case Ctx::Location:
        assignLocation(frame, value);
        break;
    case Ctx::PartyRefs: {
        const auto slot = static_cast<std::uint32_t>(p.indexPool().size());
        p.indexPool().push_back(NoIndex);
        reference(frame, value, RefTarget::EventParty, slot);
        break;
    }
    case Ctx::Tags:
        if (const auto s = text(frame, value); s && !s->empty())
            p.indexPool().push_back(p.internWord(*s));
        break;
    case Ctx::Citation:
        assignCitation(frame, value);
        break;
    case Ctx::History:
        assignHistory(frame, value);
        break;
    case Ctx::Attachment:
        assignAttachment(frame, value);
        break;
    case Ctx::Annotation:
        assignAnnotation(frame, value);
        break;
    case Ctx::Question:
        assignQuestion(frame, value);
        break;
    case Ctx::Claim:
        assignClaim(frame, value);
        break;
    case Ctx::Quote:
        assignQuote(frame, value);
        break;
    case Ctx::Relation:
        assignRelation(frame, value);
        break;
    case Ctx::Position:
        assignPosition(frame, value);
        break;
    case Ctx::Period:
        assignPeriod(frame, value);
        break;
    default:
        break;
    }
}

void FieldAssigner::assignRoot(const Frame &frame, const SaxScalar &value)
{
    const int f = frame.field;
    if (f == int(keys::Root::Format)) {
        const auto s = text(frame, value);
        if (s && *s != "claimline") {
            m_foreignFormat = Problem {currentPointer(),
                                       "this is not a Claimline project (format is " + quoted(*s)
                                           + ", expected \"claimline\")"};
        }
    } else if (f == int(keys::Root::Version)) {
        const auto v = value.asInteger();
        if (!v || *v < 0 || *v > 1'000'000) {
            m_problems.add(currentPointer(), "must be a whole number (the format version)");
        } else {
            m_version = static_cast<int>(*v);
            m_sawVersion = true;
        }
    }
}

void FieldAssigner::assignMeta(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    switch (static_cast<keys::Meta>(f)) {
    case keys::Meta::Title:
        p.meta().title = store(frame, value);
        break;
    case keys::Meta::Description:
        p.meta().description = store(frame, value);
        break;
    case keys::Meta::PublicDescription:
        p.meta().publicDescription = store(frame, value);
        break;
    case keys::Meta::DisplayTimeZone:
        if (const auto s = text(frame, value)) {
            if (!QTimeZone(QByteArray(s->data(), qsizetype(s->size()))).isValid())
                m_problems.add(currentPointer(),
                               "unknown time zone " + quoted(*s)
                                   + " (expected an IANA name such as \"Europe/Kyiv\" or \"UTC\")");
            else
                p.meta().displayTimeZone = p.addText(*s);
        }
        break;
    default:
        break;
    }
}

void FieldAssigner::assignParty(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    ::claimline::Party &party = p.parties()[frame.entity];
    switch (static_cast<keys::Party>(f)) {
    case keys::Party::Id:
        storeId(frame, value, ItemKind::Party, party.id);
        break;
    case keys::Party::Name:
        party.name = store(frame, value);
        break;
    case keys::Party::Short:
        party.shortName = store(frame, value);
        break;
    case keys::Party::Color:
        if (const auto s = text(frame, value)) {
            if (const auto c = parseColor(*s)) {
                party.color = *c;
                party.hasColor = true;
            } else {
                m_problems.add(currentPointer(),
                               "colour " + quoted(*s) + " is not of the form \"#RRGGBB\"");
            }
        }
        break;
    case keys::Party::Kind:
        enumValue(frame, value, PartyKindNames, "party kind", party.kind);
        break;
    default:
        break; // the analyst's layer (assignStarred(), lists)
    }
}

void FieldAssigner::assignActor(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    ::claimline::Actor &actor = p.actors()[frame.entity];
    switch (static_cast<keys::Actor>(f)) {
    case keys::Actor::Id:
        storeId(frame, value, ItemKind::Actor, actor.id);
        break;
    case keys::Actor::Name:
        actor.name = store(frame, value);
        break;
    case keys::Actor::Role:
        actor.role = store(frame, value);
        break;
    case keys::Actor::Party:
        reference(frame, value, RefTarget::ActorParty, frame.entity);
        break;
    case keys::Actor::Anonymous:
        flag(frame, value, actor.anonymous);
        break;
    case keys::Actor::Collective:
        flag(frame, value, actor.collective);
        break;
    default:
        break; // the analyst's layer (assignStarred(), lists)
    }
}

void FieldAssigner::assignEvent(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    ::claimline::Event &e = p.events()[frame.entity];
    switch (static_cast<keys::Event>(f)) {
    case keys::Event::Id:
        storeId(frame, value, ItemKind::Event, e.id);
        break;
    case keys::Event::Title:
        e.title = store(frame, value);
        break;
    case keys::Event::Summary:
        e.summary = store(frame, value);
        break;
    case keys::Event::When:
        e.when = time(frame, value);
        break;
    case keys::Event::Kind:
        if (const auto s = text(frame, value); s && !s->empty())
            e.kind = p.internWord(*s);
        break;
    case keys::Event::Status:
        enumValue(frame, value, StatusNames, "status", e.status);
        break;
    case keys::Event::Notes:
        e.notes = store(frame, value);
        break;
    default:
        break;
    }
}

void FieldAssigner::assignLocation(const Frame &frame, const SaxScalar &value)
{
    const int f = frame.field;
    ::claimline::Event &e = m_project.events()[m_frames.owner(1).entity];
    switch (static_cast<keys::Location>(f)) {
    case keys::Location::Name:
        e.locationName = store(frame, value);
        break;
    case keys::Location::Lat:
        coordinate(frame, value, 90, e.latitude);
        break;
    case keys::Location::Lon:
        coordinate(frame, value, 180, e.longitude);
        break;
    case keys::Location::Precision:
        enumValue(frame, value, LocationPrecisionNames, "location precision", e.locationPrecision);
        break;
    }
}

void FieldAssigner::assignCitation(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    const auto slot = static_cast<std::uint32_t>(p.citationPool().size() - 1);
    if (f == int(keys::Citation::Source))
        reference(frame, value, RefTarget::CitationSource, slot);
    else
        p.citationPool()[slot].excerpt = store(frame, value);
}

void FieldAssigner::assignHistory(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    StatusChange &change = p.statusChangePool().back();
    switch (static_cast<keys::History>(f)) {
    case keys::History::Status:
        enumValue(frame, value, StatusNames, "status", change.status);
        break;
    case keys::History::At:
        change.at = time(frame, value);
        break;
    case keys::History::Reason:
        change.reason = store(frame, value);
        break;
    }
}

void FieldAssigner::assignQuestion(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    ::claimline::Question &q = p.questions()[frame.entity];
    if (f == int(keys::Question::Id))
        storeId(frame, value, ItemKind::Question, q.id);
    else if (f == int(keys::Question::Text))
        q.text = store(frame, value);
}

void FieldAssigner::assignClaim(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    ::claimline::Claim &c = p.claims()[frame.entity];
    switch (static_cast<keys::Claim>(f)) {
    case keys::Claim::Id:
        storeId(frame, value, ItemKind::Claim, c.id);
        break;
    case keys::Claim::Claimant:
        reference(frame, value, RefTarget::ClaimClaimant, frame.entity);
        break;
    case keys::Claim::Via:
        reference(frame, value, RefTarget::ClaimVia, frame.entity);
        break;
    case keys::Claim::MadeAt:
        c.madeAt = time(frame, value);
        break;
    case keys::Claim::About:
        reference(frame, value, RefTarget::ClaimAbout, frame.entity);
        break;
    case keys::Claim::Question:
        reference(frame, value, RefTarget::ClaimQuestion, frame.entity);
        break;
    case keys::Claim::Stance:
        enumValue(frame, value, StanceNames, "stance", c.stance);
        break;
    case keys::Claim::Statement:
        c.statement = store(frame, value);
        break;
    case keys::Claim::Credibility: {
        const auto v = value.asInteger();
        if (!v || *v < 1 || *v > 6)
            m_problems.add(currentPointer(),
                           "must be a number from 1 to 6 (Admiralty "
                           "information credibility)");
        else
            c.credibility = static_cast<std::uint8_t>(*v);
        break;
    }
    case keys::Claim::Status:
        enumValue(frame, value, StatusNames, "status", c.status);
        break;
    case keys::Claim::Notes:
        c.notes = store(frame, value);
        break;
    default:
        break;
    }
}

void FieldAssigner::assignQuote(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    const std::uint32_t ci = m_frames.owner(1).entity;
    ::claimline::Claim &c = p.claims()[ci];
    switch (static_cast<keys::Quote>(f)) {
    case keys::Quote::Text:
        c.quote = store(frame, value);
        break;
    case keys::Quote::Language:
        c.quoteLanguage = store(frame, value);
        break;
    case keys::Quote::Translation:
        c.quoteTranslation = store(frame, value);
        break;
    case keys::Quote::Speaker:
        reference(frame, value, RefTarget::QuoteSpeaker, ci);
        break;
    }
}

void FieldAssigner::assignRelation(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    ::claimline::Relation &r = p.relations()[frame.entity];
    switch (static_cast<keys::Relation>(f)) {
    case keys::Relation::From:
        reference(frame, value, RefTarget::RelationFrom, frame.entity);
        break;
    case keys::Relation::To:
        reference(frame, value, RefTarget::RelationTo, frame.entity);
        break;
    case keys::Relation::Kind:
        enumValue(frame, value, RelationKindNames, "relation kind", r.kind);
        break;
    }
}

void FieldAssigner::assignPosition(const Frame &frame, const SaxScalar &value)
{
    switch (static_cast<keys::Position>(frame.field)) {
    case keys::Position::Question:
        reference(frame, value, RefTarget::PositionQuestion, frame.entity);
        break;
    case keys::Position::Party:
        reference(frame, value, RefTarget::PositionParty, frame.entity);
        break;
    case keys::Position::Text:
        if (const auto s = text(frame, value)) {
            // Empty text is no position (clearing a cell removes it): an empty one in a file
            // would be a cell that shows nothing yet blocks another position there.
            if (s->empty())
                m_problems.add(currentPointer(),
                               "a position's text cannot be empty (leave the position out)");
            else
                m_project.positions()[frame.entity].text = m_project.addText(*s);
        }
        break;
    }
}

void FieldAssigner::assignPeriod(const Frame &frame, const SaxScalar &value)
{
    ::claimline::Period &period = m_project.periods()[frame.entity];
    switch (static_cast<keys::Period>(frame.field)) {
    case keys::Period::Id:
        // Unique among periods only (ItemBuilder::checkPeriods()): not in the items' index.
        if (const auto s = text(frame, value)) {
            if (s->empty())
                m_problems.add(currentPointer(), "an id cannot be empty");
            else
                period.id = m_project.addText(*s);
        }
        break;
    case keys::Period::Title:
        // The band's only label: a period without one would be an unexplained shade.
        if (const auto s = text(frame, value)) {
            if (s->empty())
                m_problems.add(currentPointer(), "a period's title cannot be empty");
            else
                period.title = m_project.addText(*s);
        }
        break;
    case keys::Period::When:
        period.when = time(frame, value);
        break;
    }
}

} // namespace claimline
