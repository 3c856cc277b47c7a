#pragma once

// FieldAssigner: the project reader's part that validates the scalar value of each known
// field and stores it in the item being read (text in the arena, times parsed, enums and
// grades checked, references handed to the ReferenceResolver), reporting each bad value.
// Internal to claimline_core (the project reader's parts).

#include "format/problem.h"
#include "format/reader/framestack.h"
#include "format/reader/referenceresolver.h"
#include "model/model.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace claimline {

class ProblemList;
class Project;
struct SaxScalar;

class FieldAssigner
{
public:
    using Frame = FrameStack::Frame;

    FieldAssigner(Project &project, ProblemList &problems, const FrameStack &frames,
                  ReferenceResolver &references);

    // The value of the current field of `frame` (an object), or of its next element (a list).
    void assign(const Frame &frame, const SaxScalar &value);

    // What the file said about itself.
    int version() const { return m_version; }
    bool sawVersion() const { return m_sawVersion; }
    // Set when "format" names another format.
    const std::optional<Problem> &foreignFormat() const { return m_foreignFormat; }

private:
    // Values reach the assigner only outside captured JSON: the frames give the whole pointer.
    std::string currentPointer() const { return m_frames.pointer(true); }

    // assign() for the fields of one kind of object (ProjectSchema::Ctx).
    void assignRoot(const Frame &frame, const SaxScalar &value);
    void assignMeta(const Frame &frame, const SaxScalar &value);
    void assignParty(const Frame &frame, const SaxScalar &value);
    void assignActor(const Frame &frame, const SaxScalar &value);
    void assignSource(const Frame &frame, const SaxScalar &value); // fieldassignersource.cpp
    void assignAttachment(const Frame &frame, const SaxScalar &value);
    // An item's `starred` and the fields of its annotations (fieldassignerlayer.cpp).
    void assignStarred(const Frame &frame, const SaxScalar &value);
    void assignAnnotation(const Frame &frame, const SaxScalar &value);
    void assignEvent(const Frame &frame, const SaxScalar &value);
    void assignLocation(const Frame &frame, const SaxScalar &value);
    void assignCitation(const Frame &frame, const SaxScalar &value);
    void assignHistory(const Frame &frame, const SaxScalar &value);
    void assignQuestion(const Frame &frame, const SaxScalar &value);
    void assignClaim(const Frame &frame, const SaxScalar &value);
    void assignQuote(const Frame &frame, const SaxScalar &value);
    void assignRelation(const Frame &frame, const SaxScalar &value);
    void assignPosition(const Frame &frame, const SaxScalar &value);
    void assignPeriod(const Frame &frame, const SaxScalar &value);

    std::optional<std::string_view> text(const Frame &frame, const SaxScalar &value);
    // The problem of a value of the wrong type, out of text()'s way (which runs for every
    // string and is then short enough to inline).
    [[gnu::cold, gnu::noinline]] void wrongType(const Frame &frame, const SaxScalar &value);
    // The same for a bad time, an unknown name of an enum, and any other problem at the value
    // being read.
    [[gnu::cold, gnu::noinline]] void badTime(std::string_view text);
    [[gnu::cold, gnu::noinline]] void unknownName(const char *what, std::string_view name,
                                                  std::span<const std::string_view> names);
    [[gnu::cold, gnu::noinline]] void problem(const std::string &message);
    TextRef store(const Frame &frame, const SaxScalar &value);
    void storeId(const Frame &frame, const SaxScalar &value, ItemKind kind, TextRef &id);
    FuzzyTime time(const Frame &frame, const SaxScalar &value);
    template<typename Enum, std::size_t N>
    void enumValue(const Frame &frame, const SaxScalar &value,
                   const std::array<std::string_view, N> &names, const char *what, Enum &out);
    void flag(const Frame &frame, const SaxScalar &value, bool &out);
    void coordinate(const Frame &frame, const SaxScalar &value, double limit, double &out);
    void reference(const Frame &frame, const SaxScalar &value, RefTarget target,
                   std::uint32_t slot);

    Project &m_project;
    ProblemList &m_problems;
    const FrameStack &m_frames;
    ReferenceResolver &m_references;
    int m_version = 0;
    bool m_sawVersion = false;
    std::optional<Problem> m_foreignFormat;
};

} // namespace claimline
