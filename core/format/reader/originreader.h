#pragma once

// OriginReader: the project reader's part that reads what an import keeps with an event (model.h:
// Origin): its `origin` (the dataset, the row's id there, when the row changed) and its
// `attributes` (the columns the import did not map: strings, and numbers kept as the file spells
// them). They are gathered while the event is read and become one entry of Project::origins()
// when it closes. Internal to claimline_core (the project reader's parts).

#include "format/reader/framestack.h"
#include "model/model.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace claimline {

class ProblemList;
class Project;
struct SaxScalar;

class OriginReader
{
public:
    using Frame = FrameStack::Frame;

    OriginReader(Project &project, ProblemList &problems, const FrameStack &frames);

    // An event opens: it has no origin yet.
    void startEvent() { m_origin = {}; }
    // A scalar value in the event's `origin` or `attributes` (frame.ctx is Origin or
    // Attributes).
    void assign(const Frame &frame, const SaxScalar &value);
    // The event's `attributes` object closes (`frame` is its frame).
    void attributesClosed(const Frame &frame);
    // The event closes: its entry in Project::origins(), or NoIndex when it has none.
    std::uint32_t finishEvent();

private:
    void assignOrigin(const Frame &frame, const SaxScalar &value);
    void assignAttribute(const Frame &frame, const SaxScalar &value);
    std::optional<std::string_view> text(const Frame &frame, const SaxScalar &value);

    Project &m_project;
    ProblemList &m_problems;
    const FrameStack &m_frames;
    Origin m_origin;
    // The keys of the attributes read last, all different (assignAttribute()).
    std::vector<std::uint32_t> m_attributeKeys;
};

} // namespace claimline
