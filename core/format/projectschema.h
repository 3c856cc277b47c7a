#pragma once

// ProjectSchema: the shape of a .claimline file as the reader walks it. Which containers
// exist and where (Ctx), which keys each object knows, what a known field or list element
// must hold. Pure tables, no state. Internal to claimline_core (the project reader's parts).
//
// Defined inline: fieldIndex() runs for every key and expectedContainer() for every value of
// a file, millions of times on a large one; they must stay inlinable into the SAX handler.

#include "format/formatkeys.h"
#include "model/model.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace claimline {

class ProjectSchema
{
public:
    // What a JSON container in the file is, by its position.
    enum class Ctx : std::uint8_t {
        Root,
        Meta,
        Authors,
        PartyList,
        Party,
        ActorList,
        Actor,
        SourceList,
        Source,
        EventList,
        Event,
        QuestionList,
        Question,
        ClaimList,
        Claim,
        RelationList,
        Relation,
        PositionList,
        Position,
        PeriodList,
        Period,
        Location,
        PartyRefs,
        Tags,
        CitationList,
        Citation,
        HistoryList,
        History,
        Quote,
        Origin,
        AttachmentList,
        Attachment,
        AnnotationList,
        Annotation,
        Attributes // an event's attributes: every key is an attribute, its value a scalar.
                   // Last: projectschema::ContextCount counts up to it.
    };

    // The container a known field or list element opens.
    struct Expect
    {
        Ctx ctx;
        bool isArray;
    };

    // Objects that hold an item (or the file's top level or meta): unknown fields found below
    // them are kept with them.
    static bool isEntity(Ctx ctx)
    {
        switch (ctx) {
        case Ctx::Root:
        case Ctx::Meta:
        case Ctx::Party:
        case Ctx::Actor:
        case Ctx::Source:
        case Ctx::Event:
        case Ctx::Question:
        case Ctx::Claim:
        case Ctx::Relation:
        case Ctx::Position:
        case Ctx::Period:
            return true;
        default:
            return false;
        }
    }

    // The keys objects of `ctx` know, in the writer's order (none for lists and attributes).
    static std::span<const std::string_view> keysOf(Ctx ctx)
    {
        switch (ctx) {
        case Ctx::Root:
            return keys::RootKeys;
        case Ctx::Meta:
            return keys::MetaKeys;
        case Ctx::Party:
            return keys::PartyKeys;
        case Ctx::Actor:
            return keys::ActorKeys;
        case Ctx::Source:
            return keys::SourceKeys;
        case Ctx::Event:
            return keys::EventKeys;
        case Ctx::Location:
            return keys::LocationKeys;
        case Ctx::Origin:
            return keys::OriginKeys;
        case Ctx::Citation:
            return keys::CitationKeys;
        case Ctx::History:
            return keys::HistoryKeys;
        case Ctx::Attachment:
            return keys::AttachmentKeys;
        case Ctx::Annotation:
            return keys::AnnotationKeys;
        case Ctx::Question:
            return keys::QuestionKeys;
        case Ctx::Claim:
            return keys::ClaimKeys;
        case Ctx::Quote:
            return keys::QuoteKeys;
        case Ctx::Relation:
            return keys::RelationKeys;
        case Ctx::Position:
            return keys::PositionKeys;
        case Ctx::Period:
            return keys::PeriodKeys;
        default:
            return {};
        }
    }

    // The index of `key` in the key table of objects of `ctx`, or -1 (unknown field, or not
    // an object with known keys). `hint` is tried first.
    static int fieldIndex(Ctx ctx, std::string_view key, int hint)
    {
        if (ctx == Ctx::Attributes)
            return 0; // every key is an attribute (FieldAssigner finds a repeated one)
        return keys::indexOf(keysOf(ctx), key, hint);
    }

    // The key of known field `f` (>= 0) of an object of `ctx` (not attributes).
    static std::string_view keyName(Ctx ctx, int f) { return keysOf(ctx)[std::size_t(f)]; }

    // The container that field `f` of an object of `ctx` (or an element of a list of `ctx`)
    // opens, or nullopt when it must be a scalar. Read from a table made at compile time
    // from expectedContainerOf(): it is asked for every value of a file.
    static std::optional<Expect> expectedContainer(Ctx ctx, int f);

    // The same, worked out.
    static constexpr std::optional<Expect> expectedContainerOf(Ctx ctx, int f)
    {
        switch (ctx) {
        case Ctx::Root:
            switch (static_cast<keys::Root>(f)) {
            case keys::Root::Meta:
                return Expect {Ctx::Meta, false};
            case keys::Root::Parties:
                return Expect {Ctx::PartyList, true};
            case keys::Root::Actors:
                return Expect {Ctx::ActorList, true};
            case keys::Root::Sources:
                return Expect {Ctx::SourceList, true};
            case keys::Root::Events:
                return Expect {Ctx::EventList, true};
            case keys::Root::Questions:
                return Expect {Ctx::QuestionList, true};
            case keys::Root::Claims:
                return Expect {Ctx::ClaimList, true};
            case keys::Root::Relations:
                return Expect {Ctx::RelationList, true};
            case keys::Root::Positions:
                return Expect {Ctx::PositionList, true};
            case keys::Root::Periods:
                return Expect {Ctx::PeriodList, true};
            default:
                return std::nullopt;
            }
        case Ctx::Meta:
            if (f == int(keys::Meta::Authors))
                return Expect {Ctx::Authors, true};
            return std::nullopt;
        case Ctx::PartyList:
            return Expect {Ctx::Party, false};
        case Ctx::ActorList:
            return Expect {Ctx::Actor, false};
        case Ctx::SourceList:
            return Expect {Ctx::Source, false};
        case Ctx::EventList:
            return Expect {Ctx::Event, false};
        case Ctx::QuestionList:
            return Expect {Ctx::Question, false};
        case Ctx::ClaimList:
            return Expect {Ctx::Claim, false};
        case Ctx::RelationList:
            return Expect {Ctx::Relation, false};
        case Ctx::PositionList:
            return Expect {Ctx::Position, false};
        case Ctx::PeriodList:
            return Expect {Ctx::Period, false};
        case Ctx::CitationList:
            return Expect {Ctx::Citation, false};
        case Ctx::HistoryList:
            return Expect {Ctx::History, false};
        case Ctx::AttachmentList:
            return Expect {Ctx::Attachment, false};
        case Ctx::AnnotationList:
            return Expect {Ctx::Annotation, false};
        case Ctx::Party:
            return layerContainer(f, int(keys::Party::Tags), int(keys::Party::Annotations));
        case Ctx::Actor:
            return layerContainer(f, int(keys::Actor::Tags), int(keys::Actor::Annotations));
        case Ctx::Question:
            return layerContainer(f, int(keys::Question::Tags), int(keys::Question::Annotations));
        case Ctx::Source:
            if (f == int(keys::Source::Attachments))
                return Expect {Ctx::AttachmentList, true};
            return layerContainer(f, int(keys::Source::Tags), int(keys::Source::Annotations));
        case Ctx::Event:
            switch (static_cast<keys::Event>(f)) {
            case keys::Event::Location:
                return Expect {Ctx::Location, false};
            case keys::Event::Parties:
                return Expect {Ctx::PartyRefs, true};
            case keys::Event::Tags:
                return Expect {Ctx::Tags, true};
            case keys::Event::Sources:
                return Expect {Ctx::CitationList, true};
            case keys::Event::StatusHistory:
                return Expect {Ctx::HistoryList, true};
            case keys::Event::Origin:
                return Expect {Ctx::Origin, false};
            case keys::Event::Attributes:
                return Expect {Ctx::Attributes, false};
            default:
                return layerContainer(f, int(keys::Event::Tags), int(keys::Event::Annotations));
            }
        case Ctx::Claim:
            switch (static_cast<keys::Claim>(f)) {
            case keys::Claim::Quote:
                return Expect {Ctx::Quote, false};
            case keys::Claim::Sources:
                return Expect {Ctx::CitationList, true};
            case keys::Claim::StatusHistory:
                return Expect {Ctx::HistoryList, true};
            default:
                return layerContainer(f, int(keys::Claim::Tags), int(keys::Claim::Annotations));
            }
        default:
            return std::nullopt;
        }
    }

    // The containers of the analyst's layer, the same in every kind: `tags` and `annotations`,
    // at the fields a kind's keys give them. (Not a template over the kind's keys: Clang 14
    // does not instantiate one in time for the constant expression of ExpectTable.)
    static constexpr std::optional<Expect> layerContainer(int f, int tags, int annotations)
    {
        if (f == annotations)
            return Expect {Ctx::AnnotationList, true};
        if (f == tags)
            return Expect {Ctx::Tags, true};
        return std::nullopt;
    }

    // The kind of item an object of `ctx` holds, or nullopt.
    static std::optional<ItemKind> itemKindOf(Ctx ctx)
    {
        switch (ctx) {
        case Ctx::Party:
            return ItemKind::Party;
        case Ctx::Actor:
            return ItemKind::Actor;
        case Ctx::Source:
            return ItemKind::Source;
        case Ctx::Event:
            return ItemKind::Event;
        case Ctx::Question:
            return ItemKind::Question;
        case Ctx::Claim:
            return ItemKind::Claim;
        default:
            return std::nullopt;
        }
    }

    // Whether field `f` of an object of `ctx` is an item's `starred`.
    static bool isStarred(Ctx ctx, int f)
    {
        switch (ctx) {
        case Ctx::Party:
            return f == int(keys::Party::Starred);
        case Ctx::Actor:
            return f == int(keys::Actor::Starred);
        case Ctx::Source:
            return f == int(keys::Source::Starred);
        case Ctx::Event:
            return f == int(keys::Event::Starred);
        case Ctx::Question:
            return f == int(keys::Question::Starred);
        case Ctx::Claim:
            return f == int(keys::Claim::Starred);
        default:
            return false;
        }
    }

    // The problem with an attribute's value of another type ("an object", "null").
    static std::string attributeValueProblem(std::string_view typeName)
    {
        return "attributes hold strings and numbers only, not " + std::string(typeName);
    }

    // What a scalar field `f` of an object of `ctx` (or an element of a list of `ctx`) must
    // hold, for messages: "must be <this>, not ...".
    static std::string expectedScalar(Ctx ctx, int f, bool isArray)
    {
        if (isArray) {
            return ctx == Ctx::PartyRefs ? "a party id (a string)" : "a string";
        }
        if (isStarred(ctx, f))
            return "true or false";
        switch (ctx) {
        case Ctx::Actor:
            if (f == int(keys::Actor::Anonymous) || f == int(keys::Actor::Collective))
                return "true or false";
            break;
        case Ctx::Location:
            if (f == int(keys::Location::Lat) || f == int(keys::Location::Lon))
                return "a number";
            break;
        case Ctx::Claim:
            if (f == int(keys::Claim::Credibility))
                return "a number from 1 to 6";
            break;
        case Ctx::Attachment:
            if (f == int(keys::Attachment::Size))
                return "a whole number of bytes";
            break;
        case Ctx::Root:
            if (f == int(keys::Root::Version))
                return "a whole number";
            break;
        default:
            break;
        }
        return "a string";
    }
};

namespace projectschema {

// expectedContainerOf() for every context and for fields -1 (a list's elements) to 30, one
// byte each: the context, with the top bit set for an array; 0xff for no container.
inline constexpr std::size_t ExpectColumns = 32;
inline constexpr std::uint8_t NoContainer = 0xff;
inline constexpr std::size_t ContextCount = std::size_t(ProjectSchema::Ctx::Attributes) + 1;
inline constexpr auto ExpectTable = [] {
    std::array<std::array<std::uint8_t, ExpectColumns>, ContextCount> table {};
    for (std::size_t ctx = 0; ctx < ContextCount; ++ctx) {
        for (std::size_t column = 0; column < ExpectColumns; ++column) {
            const auto expect
                = ProjectSchema::expectedContainerOf(ProjectSchema::Ctx(ctx), int(column) - 1);
            table[ctx][column] = expect
                ? std::uint8_t(std::uint8_t(expect->ctx) | (expect->isArray ? 0x80 : 0))
                : NoContainer;
        }
    }
    return table;
}();

} // namespace projectschema

inline std::optional<ProjectSchema::Expect> ProjectSchema::expectedContainer(Ctx ctx, int f)
{
    const auto column = std::size_t(f + 1);
    if (column >= projectschema::ExpectColumns)
        return expectedContainerOf(ctx, f);
    const std::uint8_t entry = projectschema::ExpectTable[std::size_t(ctx)][column];
    if (entry == projectschema::NoContainer)
        return std::nullopt;
    return Expect {Ctx(entry & 0x7f), (entry & 0x80) != 0};
}

} // namespace claimline
