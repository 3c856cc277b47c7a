#pragma once

// FrameStack: the known JSON containers the project reader is inside, outermost first, and
// the JSON Pointer of the value being read. Pointers are built only for a problem: building
// one for each of millions of good values would cost more than reading them. Internal to
// claimline_core (the project reader's parts).

#include "format/projectschema.h"
#include "model/model.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimline {

class FrameStack
{
public:
    struct Frame
    {
        ProjectSchema::Ctx ctx = ProjectSchema::Ctx::Root;
        bool isArray = false;
        int field = -1; // objects: index of the current key in the context's key table
        // Objects: the current key as read, kept only when it is not a known field's
        // (copying every key cost more than any other step of reading one); keyText() gives
        // it either way.
        std::string key;
        std::uint32_t index = 0; // arrays: index of the current element
        std::uint64_t seen = 0; // objects: bit per known field seen
        std::uint32_t entity = NoIndex; // entity objects: index in the project's array
        std::uint32_t listStart = 0; // lists: pool size when the list started

        // Objects: the current key.
        std::string_view keyText() const
        {
            if (field >= 0 && ctx != ProjectSchema::Ctx::Attributes)
                return ProjectSchema::keyName(ctx, field);
            return key;
        }
    };

    FrameStack() { m_frames.reserve(32); }

    bool isEmpty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    const Frame &operator[](std::size_t i) const { return m_frames[i]; }
    Frame &back() { return m_frames[m_size - 1]; }
    const Frame &back() const { return m_frames[m_size - 1]; }
    // The entity frame enclosing the current nested container (location, quote, lists).
    const Frame &owner(std::size_t up) const { return m_frames[m_size - 1 - up]; }

    // The frame the next push() puts on the stack, reset to a fresh one of `ctx`: filled in
    // place before it is pushed. Frames are kept when popped and reused, so that opening a
    // container neither builds nor moves one (a tenth of the model's thread did).
    Frame &next(ProjectSchema::Ctx ctx, bool isArray)
    {
        if (m_frames.size() == m_size)
            m_frames.emplace_back();
        // Field by field, as Frame's initialisers have them (keep the two alike): assigning a
        // new Frame, which moves a string, cost 2% more of the model's thread.
        Frame &f = m_frames[m_size];
        f.ctx = ctx;
        f.isArray = isArray;
        f.field = -1;
        f.key.clear();
        f.index = 0;
        f.seen = 0;
        f.entity = NoIndex;
        f.listStart = 0;
        return f;
    }
    // Puts the frame next() gave on the stack.
    void push() { ++m_size; }
    void pop() { --m_size; }

    // After a value (scalar or container) is complete: move an enclosing array on.
    void elementDone()
    {
        if (m_size > 0 && back().isArray)
            ++back().index;
    }

    // What spells the JSON Pointer of the value being read once the frames have moved on:
    // for a reference resolved in a batch, after the reader has gone past it.
    class Mark
    {
    public:
        static constexpr std::size_t MaxDepth = 6;

    private:
        friend class FrameStack;
        struct Step
        {
            ProjectSchema::Ctx ctx = ProjectSchema::Ctx::Root;
            bool isArray = false;
            int field = -1;
            std::uint32_t index = 0;
            std::string_view keyText() const { return ProjectSchema::keyName(ctx, field); }
        };
        std::array<Step, MaxDepth> m_steps {};
        std::size_t m_size = 0;
    };
    // The Mark of the value being read, when it is at most Mark::MaxDepth deep and every
    // object around it is at a known key (a Mark keeps no text).
    std::optional<Mark> mark() const;
    // The JSON Pointer of the value a Mark was taken at: pointer(true) then.
    static std::string pointerAt(const Mark &mark);

    // The JSON Pointer of the value being read (withKey), or of the object or array being
    // read (the innermost object's current key left out).
    std::string pointer(bool withKey) const;
    // The JSON Pointer of field `key` of the object `depth` frames deep, the frames inside it
    // left out: where a value read earlier in an enclosing object was.
    std::string pointerTo(std::size_t depth, std::string_view key) const;

private:
    std::vector<Frame> m_frames; // [0, m_size) on the stack, the rest kept for reuse
    std::size_t m_size = 0;
};

// A reference token of a JSON Pointer: "~" as "~0", "/" as "~1".
std::string pointerEscape(std::string_view token);

} // namespace claimline
