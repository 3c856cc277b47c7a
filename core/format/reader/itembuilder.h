#pragma once

// ItemBuilder: the project reader's part that turns known containers into the model. It
// creates an item when its object opens (counting items against the limit), and when a
// container closes it checks its required fields and sets the ranges of lists read into the
// pools. Internal to claimline_core (the project reader's parts).

#include "format/reader/framestack.h"

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace claimline {

class OriginReader;
class ProblemList;
class Project;
struct Claim;
struct Event;

class ItemBuilder
{
public:
    using Frame = FrameStack::Frame;
    using Ctx = ProjectSchema::Ctx;

    // `origins` reads each event's origin and attributes; the builder tells it where events
    // begin and end.
    ItemBuilder(Project &project, ProblemList &problems, const FrameStack &frames,
                OriginReader &origins, std::uint64_t maxItems);

    // A known container opens (`frame` is not on the stack yet): creates its item, or notes
    // where its list starts in the pool. False when the file has too many items.
    bool open(Frame &frame);
    // A list element of the wrong type still takes its place in the item array, so that the
    // items after it keep their index in the file: problems found later point at items by
    // that index ("already used at /parties/2", "/relations/3"). The file has a problem, so
    // the placeholder never reaches a Project.
    bool holdPlace(const Frame &list, Ctx element);
    // A known container closes (`frame` is still on the stack).
    void close(const Frame &frame);

    // After the parse: checks on relations, positions and periods that need the whole file (a
    // claim answering itself, a relation or a question × party position listed twice, a
    // period id used twice).
    void checkRelations();
    void checkPositions();
    void checkPeriods();

private:
    bool countItem();
    template<typename Names>
    void requireFields(const Frame &frame, std::initializer_list<int> required, const Names &names);
    // The problem, out of the way of what every item's close does.
    [[gnu::cold, gnu::noinline]] void missingField(std::string_view name);
    Event &event(const Frame &f);
    Claim &claim(const Frame &f);
    // Calls f(item) with the item `owner` holds (any kind), for the analyst's layer.
    template<typename F>
    void layerOf(const Frame &owner, F &&f);

    Project &m_project;
    ProblemList &m_problems;
    const FrameStack &m_frames;
    OriginReader &m_origins;
    const std::uint64_t m_maxItems;
    std::uint64_t m_items = 0;
};

} // namespace claimline
